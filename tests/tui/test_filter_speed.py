"""The machinery behind fast filtering and scrolling: the text filter's remembered and
narrowed results, the filter field that needs no layout, the timeline's group headers,
and the scrollbar that is redrawn only when its thumb moves."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest
from rich.segment import Segment
from textual.scrollbar import ScrollBarRender
from textual.widget import Widget

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.promises import PromisesScreen
from leverage_tui.screens.timeline import TODAY_KEY, TimelineScreen
from leverage_tui.widgets.record_table import RecordTable, _thumb
from leverage_tui.widgets.text_filter import FilterInput, TextFilter

TODAY = dt.date(2026, 11, 23)
WORDS = ["raise", "title", "lead", "budget", "library", "team", "offer", "Noor", "écrit"]


def naive(base: list[str], hay: dict[str, str], text: str) -> list[str]:
    """The rows of `base` holding every word of `text`, the slow obvious way."""
    words = text.casefold().split()
    return [k for k in base if all(w in hay[k] for w in words)]


def test_text_filter_matches_the_obvious_filter_through_typing_and_backspacing() -> None:
    rng = random.Random(3)
    base = [f"r{i}" for i in range(400)]
    hay = {k: " ".join(rng.sample(WORDS, 3)).casefold() for k in base}
    f = TextFilter()
    typed = ""
    for step in range(300):
        if typed and rng.random() < 0.3:
            typed = typed[:-1]
        else:
            typed += rng.choice("abcdeilmnortu ")
        if step % 50 == 0:
            typed = rng.choice(["", "rai", "lib te", "NOOR", "é"])
        got = f.apply(base, hay, typed)
        assert got == naive(base, hay, typed), typed
        assert [base[i] for i in f.positions] == got


def test_text_filter_starts_again_for_new_rows() -> None:
    f = TextFilter()
    base = ["a", "b", "c"]
    hay = {"a": "raise", "b": "title", "c": "raise title"}
    assert f.apply(base, hay, "raise") == ["a", "c"]
    other = ["c", "b"]
    assert f.apply(other, hay, "raise") == ["c"]
    hay2 = {"a": "title", "b": "raise", "c": "none"}
    assert f.apply(base, hay2, "raise") == ["b"]
    assert f.apply(base, hay2, "") == base


def test_remembered_results_drop_out_of_the_collectors_sight() -> None:
    """Results are kept as tuples of strings and ints, which the garbage collector stops
    tracking after one pass: full collections then skip them (lists it would walk,
    element by element, on every full collection: 10-40 ms pauses while typing)."""
    import gc

    keys = [f"p{n}" for n in range(1, 500)]
    hay = {k: f"promise number {k}" for k in keys}
    f = TextFilter()
    for text in ("p", "p1", "p12"):
        f.apply(keys, hay, text)
    gc.collect()
    kept = list(f._found.values())
    assert len(kept) == 3
    assert not any(gc.is_tracked(part) for found in kept for part in found)


def test_thumb_changes_exactly_when_the_drawn_scrollbar_does() -> None:
    class Bar:
        """What `_thumb` reads of a ScrollBar."""

        def __init__(self, size: int, virtual: float, window: float) -> None:
            self.size = type("S", (), {"height": size})()
            self.window_virtual_size = virtual
            self.window_size = window

        @staticmethod
        def validate_position(position: float) -> float:
            return int(position * 8) / 8

    def drawn(bar: Bar, position: float) -> list[Segment]:
        return list(
            ScrollBarRender.render_bar(
                bar.size.height,
                bar.window_virtual_size,
                bar.window_size,
                bar.validate_position(position),
            )
        )

    for size, virtual, window in [(27, 20001, 27), (10, 300, 10), (38, 62000, 38), (5, 40, 5)]:
        bar = Bar(size, virtual, window)
        positions = sorted({random.Random(size).uniform(0, virtual - window) for _ in range(60)})
        for a, b in zip(positions, positions[1:], strict=False):
            same_thumb = _thumb(bar, a) == _thumb(bar, b)  # type: ignore[arg-type]
            assert same_thumb == (drawn(bar, a) == drawn(bar, b)), (size, virtual, a, b)


def make_journal(path: Path, n: int = 300) -> None:
    """Promises spread over a year, so the timeline has many month groups."""
    rng = random.Random(5)
    j = Journal(path, today=TODAY, backups=0)
    for i in range(n):
        day = TODAY - dt.timedelta(days=rng.randrange(365))
        c = j.add_conversation(["Maya Chen"], " ".join(rng.sample(WORDS, 2)), on=day)
        j.add_promise(f"Promise {i} " + " ".join(rng.sample(WORDS, 2)), "Maya Chen",
                      conversation=c.id, made_on=day)  # fmt: skip


def test_timeline_headers_and_counts_follow_the_filter(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    make_journal(path)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.switch_mode("timeline")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TimelineScreen)
            table = screen.query_one(RecordTable)
            field = screen.query_one(".text-filter", FilterInput)
            for text in ["", "r", "ra", "rai", "ra", "lib", "lib team", "zzz", ""]:
                field.value = text  # filtered in the same step, no message needed
                events = naive(list(screen._events), screen._hay, text)
                label = screen._label_of().__getitem__
                want: list[str] = []
                for group, keys in groupby(events, key=label):
                    want += [group, *keys]
                keys = list(table.keys)
                assert [k for k in keys if k != TODAY_KEY] == want, text
                if want:  # the today line: the past above it, today and later below
                    at = keys.index(TODAY_KEY)
                    days = screen._events
                    assert all(days[k][0] < TODAY for k in keys[:at] if k in days)
                    assert all(days[k][0] >= TODAY for k in keys[at + 1 :] if k in days)
                for group, keys in groupby(events, key=label):
                    assert screen._headers[group] == len(list(keys))
                header = table.row_cells(want[0]) if want else None
                if header is not None:
                    assert f"· {screen._headers[want[0]]}" in str(header)
            await pilot.press("g")  # by week: other groups, same events
            await pilot.pause()
            assert table.row_count > len(screen._events) + 12

    asyncio.run(go())


def test_typing_in_the_filter_needs_no_layout_and_keeps_the_cursor_in_view(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.json"
    make_journal(path, n=40)
    layouts: list[object] = []
    refresh = Widget.refresh

    def spy(self: Widget, *regions: Any, **kwargs: Any) -> Widget:
        if kwargs.get("layout"):
            layouts.append(self)
        return refresh(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", spy)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.switch_mode("promises")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PromisesScreen)
            field = screen.query_one(".text-filter", FilterInput)
            table = screen.query_one(RecordTable)
            await pilot.press("slash", "r")
            assert field.value == "r"
            assert list(table.keys) == screen.matching()  # before any message is handled
            await pilot.pause()
            layouts.clear()
            await pilot.press("a", "i")
            assert field.value == "rai"
            assert field not in layouts
            long = "x" * 120  # wider than the field: it scrolls to keep the cursor shown
            for ch in long[:60]:
                await pilot.press(ch)
            await pilot.pause()
            assert field.value == "rai" + long[:60]
            assert field.scroll_x > 0
            assert table.row_count == 0
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert table.row_count == 40

    asyncio.run(go())
