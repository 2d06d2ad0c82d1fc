"""Pilot tests of the Timeline screen: order, group headers, filters, opening items."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from leverage_tui.app import LeverageApp
from leverage_tui.core.dates import DateError
from leverage_tui.core.journal import Journal
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.timeline import TODAY_KEY, TimelineScreen, group_of, parse_range
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def make_journal(path: Path) -> None:
    """Conversations and promises over three months, one offer with a deadline."""
    j = Journal(path, today=TODAY, backups=0)
    c1 = j.add_conversation(["Maya Chen"], "Kick-off", on=dt.date(2026, 9, 30))
    j.add_promise("Own the component library", "Maya Chen", conversation=c1.id)
    c2 = j.add_conversation(["Priya Nair"], "Pay talk", on=dt.date(2026, 10, 14))
    p = j.add_promise(
        "Raise of 8%", "Priya Nair", conversation=c2.id, due=dt.date(2026, 12, 1), form="written"
    )
    j.update_promise(p.id, status="honored", on=dt.date(2026, 11, 5))
    j.add_conversation(["Maya Chen", "Robert Osei"], "Counteroffer call", on=dt.date(2026, 11, 20))
    j.add_offer("Northwind", "Lead", received=dt.date(2026, 11, 14), deadline=TODAY, written=True)


def run(
    tmp_path: Path,
    body: Callable[[LeverageApp, Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = (120, 40),
) -> None:
    """Open the app on a fresh journal, switch to Timeline and run `body`."""
    path = tmp_path / "j.json"
    make_journal(path)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=size) as pilot:
            await app.switch_mode("timeline")
            await pilot.pause()
            assert isinstance(app.screen, TimelineScreen)
            await body(app, pilot)

    asyncio.run(go())


def events(app: LeverageApp) -> list[tuple[str, str, str]]:
    """(date, what, text) of every event row shown."""
    t = app.screen.query_one(RecordTable)
    rows = [t.row_cells(k) for k in t.keys if not k.startswith("#")]
    return [(iso(str(r[0])), str(r[1]), str(r[2])) for r in rows]


def iso(shown: str) -> str:
    """A day as the table shows it ('5 Nov 2026') as an ISO date, to compare and sort."""
    return dt.datetime.strptime(shown, "%d %b %Y").date().isoformat()


def headers(app: LeverageApp) -> list[str]:
    """The group header rows shown, as text."""
    t = app.screen.query_one(RecordTable)
    return [str(t.row_cells(k)) for k in t.keys if k.startswith("#") and k != TODAY_KEY]


def test_events_in_date_order_under_month_headers(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        shown = events(app)
        assert [d for d, _, _ in shown] == sorted(d for d, _, _ in shown)
        assert ("2026-11-05", "resolved", "honored: Raise of 8%") in shown
        assert ("2026-12-01", "due", "due (honored): Raise of 8%") in shown
        assert headers(app) == [
            "September 2026 · 2",
            "October 2026 · 2",
            "November 2026 · 4",
            "December 2026 · 1",
        ]
        assert app.screen.query_one(RecordTable).keys[0] == "#September 2026"

    run(tmp_path, body)


def test_grouping_toggles_to_weeks(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("g")
        await pilot.pause()
        assert headers(app)[0] == "Week of Mon 28 Sep 2026 · 2"
        assert all(h.startswith("Week of Mon") for h in headers(app))
        await pilot.press("g")
        await pilot.pause()
        assert headers(app)[0] == "September 2026 · 2"

    run(tmp_path, body)


def test_kind_and_person_filters(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        kind = app.screen.query_one("#t-kind", Select)
        kind.value = "conversation"
        await pilot.pause()
        assert [w for _, w, _ in events(app)] == ["talk", "talk", "talk"]
        app.screen.query_one("#t-person", Select).value = "Robert Osei"
        await pilot.pause()
        assert events(app) == [
            ("2026-11-20", "talk", "meeting with Maya Chen, Robert Osei: Counteroffer call")
        ]
        kind.value = Select.NULL
        app.screen.query_one("#t-person", Select).value = "Priya Nair"
        await pilot.pause()
        assert {w for _, w, _ in events(app)} == {"talk", "promised", "resolved", "due"}

    run(tmp_path, body)


def test_date_range_and_text_filter(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        field = app.screen.query_one("#t-range", Input)
        field.value = "2026-11-01..nov 20"
        await pilot.pause()
        assert [d for d, _, _ in events(app)] == ["2026-11-05", "2026-11-14", "2026-11-20"]
        assert headers(app) == ["November 2026 · 3"]
        field.value = "not a date"
        await pilot.pause()
        assert len(events(app)) == 9  # a bad range filters nothing and says why
        summary = str(app.screen.query_one(".summary").render())
        assert summary.startswith("date range:")
        field.value = ""
        await pilot.press("slash", *"raise")
        await pilot.pause()
        assert {t for _, _, t in events(app)} == {
            "Priya Nair promised: Raise of 8%",
            "honored: Raise of 8%",
            "due (honored): Raise of 8%",
        }

    run(tmp_path, body, size=(80, 24))


def test_e_edits_the_promise_and_enter_opens_it(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        t = app.screen.query_one(RecordTable)
        key = next(k for k in t.keys if k.startswith("promise-due:"))
        assert t.move_to_key(key)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PromiseEditor)
        assert app.screen.promise_id == key.split(":")[1]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # the promise where it was said, or its editor
        await pilot.pause()
        pid = key.split(":")[1]
        promise = app.journal.promise(pid)
        if promise.conversation:
            assert isinstance(app.screen, ConversationScreen)
            assert app.screen.selected_promise_id() == pid
        else:
            assert isinstance(app.screen, PromiseEditor)

    run(tmp_path, body)


def test_enter_opens_the_conversation(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        t = app.screen.query_one(RecordTable)
        key = next(k for k in t.keys if k.startswith("conversation:"))
        t.move_to_key(key)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)
        assert getattr(app.screen, "conversation_id", None) == key.split(":")[1]

    run(tmp_path, body)


def test_starts_at_today_and_refreshes_after_a_change(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        t = app.screen.query_one(RecordTable)
        assert t.cursor_key == f"offer-deadline:o1:{TODAY.isoformat()}"
        app.change(lambda j: j.add_conversation(["Tom Reyes"], "Recruiter call", on=TODAY))
        await pilot.pause()
        assert ("2026-11-23", "talk", "meeting with Tom Reyes: Recruiter call") in events(app)
        assert t.cursor_key == f"offer-deadline:o1:{TODAY.isoformat()}"

    run(tmp_path, body)


def test_parse_range_and_groups() -> None:
    assert parse_range("", TODAY) == (None, None)
    assert parse_range("nov 1..dec 31", TODAY) == (dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    assert parse_range("..2026-06-30", TODAY) == (None, dt.date(2026, 6, 30))
    assert parse_range("2026-01-01 to today", TODAY) == (dt.date(2026, 1, 1), TODAY)
    assert parse_range("yesterday", TODAY) == (dt.date(2026, 11, 22), None)
    with pytest.raises(DateError):
        parse_range("soon..later", TODAY)
    assert group_of(dt.date(2026, 11, 23), by_week=False) == "November 2026"
    assert group_of(dt.date(2026, 11, 29), by_week=True) == "Week of Mon 23 Nov 2026"
