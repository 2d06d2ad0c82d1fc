"""A journal of ten years' heavy use (20,000 promises) opens and filters in Promises and
Timeline. No wall-clock asserts: these only show that it works at that size."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from pathlib import Path
from typing import Any

import orjson

from leverage_tui.app import LeverageApp
from leverage_tui.core.records import FORMS, STATUSES
from leverage_tui.screens.promises import PromisesScreen
from leverage_tui.screens.timeline import TimelineScreen
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)
PEOPLE = ["Maya Chen", "Robert Osei", "Priya Nair", "Tom Reyes", "Ana Lima"]
WORDS = [
    "raise", "title", "lead", "planning", "budget", "review",
    "library", "team", "offer", "remote", "bonus",
]  # fmt: skip


def write_big_journal(path: Path, promises: int = 20_000, conversations: int = 10_000) -> None:
    """Write a seeded journal straight to JSON (much faster than one save per record)."""
    rng = random.Random(6)
    start = TODAY - dt.timedelta(days=3650)
    convs: dict[str, dict[str, Any]] = {}
    for i in range(1, conversations + 1):
        day = start + dt.timedelta(days=rng.randrange(3650))
        convs[str(i)] = {
            "on": day.isoformat(),
            "at": None,
            "with": [rng.choice(PEOPLE)],
            "channel": "meeting",
            "summary": " ".join(rng.sample(WORDS, 3)),
            "notes": "",
            "tags": [],
        }
    docs: dict[str, dict[str, Any]] = {}
    for i in range(1, promises + 1):
        conv = str(rng.randrange(1, conversations + 1))
        made = dt.date.fromisoformat(convs[conv]["on"])
        due = made + dt.timedelta(days=rng.randrange(5, 90)) if rng.random() < 0.7 else None
        status = rng.choice(STATUSES)
        docs[str(i)] = {
            "text": f"Promise {i}: " + " ".join(rng.sample(WORDS, 4)),
            "by": convs[conv]["with"][0],
            "made_on": made.isoformat(),
            "form": rng.choice(FORMS),
            "evidence": "",
            "due": due.isoformat() if due else None,
            "category": "other",
            "status": status,
            "status_on": None if status == "pending" else made.isoformat(),
            "conversation": f"c{conv}",
            "history": [],
        }
    data = {
        "_leverage": {"schema": 1, "revision": 1, "next": {}},
        "people": {
            str(i): {"name": n, "role": "other", "notes": ""} for i, n in enumerate(PEOPLE, 1)
        },
        "conversations": convs,
        "promises": docs,
        "asks": {},
        "offers": {},
    }
    path.write_bytes(orjson.dumps(data))


def test_twenty_thousand_promises_open_filter_and_scroll(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    write_big_journal(path)
    docs = orjson.loads(path.read_bytes())["promises"]
    want = {f"p{i}" for i, d in docs.items() if "budget" in d["text"] and "raise" in d["text"]}
    written = {f"p{i}" for i, d in docs.items() if d["form"] == "written"}

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.switch_mode("promises")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PromisesScreen)
            table = screen.query_one(RecordTable)
            assert table.row_count == 20_000
            for _ in range(30):
                await pilot.press("pagedown")
            page = table.scrollable_content_region.height - 1  # rows under the header
            assert table.cursor_row == 30 * page
            assert round(table.scroll_y) > table.cursor_row - page
            await pilot.press("slash", *"budget raise")
            await pilot.pause()
            assert set(table.keys) == want
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert table.row_count == 20_000
            screen.query_one("#f-form").value = "written"  # type: ignore[attr-defined]
            await pilot.pause()
            assert set(table.keys) == written
            await pilot.press("f")  # a save on the big journal
            await pilot.pause()
            if type(app.screen).__name__ == "EvidenceDialog":  # no evidence yet: skipped
                await pilot.press("enter")
                await pilot.pause()
            assert table.row_count == len(written) - 1

            await app.switch_mode("timeline")
            await pilot.pause()
            assert isinstance(app.screen, TimelineScreen)
            timeline = app.screen.query_one(RecordTable)
            assert timeline.row_count > 40_000
            await pilot.press("slash", *"promise 1234:")
            await pilot.pause()
            texts = [str(timeline.row_cells(k)[2]) for k in timeline.keys if k[0] != "#"]
            assert all("1234:" in t for t in texts)
            assert any("Promise 1234:" in t for t in texts)

    asyncio.run(go())
