"""The Timeline tells the whole story (issue 12, items 1 and 5): every recorded change,
a line for today, one person's events, and the offer messages from an offer's row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.config import Config
from leverage_tui.core.journal import Journal
from leverage_tui.screens.name_dialog import NameDialog
from leverage_tui.screens.offer_message import OfferMessageScreen
from leverage_tui.screens.timeline import TODAY_KEY, TimelineScreen
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def iso(shown: str) -> str:
    """A day as the table shows it ('5 Nov 2026') as an ISO date, to compare and sort."""
    return dt.datetime.strptime(shown, "%d %b %Y").date().isoformat()


def rows(app: LeverageApp) -> list[tuple[str, str, str]]:
    """(date, what, text) of the event rows, and ('', 'today', line) for the today line."""
    t = app.screen.query_one(RecordTable)
    out = []
    for k in t.keys:
        if k == TODAY_KEY:
            out.append(("", "today", str(t.row_cells(k))))
        elif not k.startswith("#"):
            r = t.row_cells(k)
            out.append((iso(str(r[0])), str(r[1]), str(r[2])))
    return out


async def to_timeline(app: LeverageApp, pilot: Pilot[None]) -> TimelineScreen:
    await app.switch_mode("timeline")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    return screen


def test_changes_and_the_today_line_on_the_demo(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        shown = rows(app)
        lead = "Run the weekly design review and own the component library"
        assert ("2026-04-09", "resolved", f"honored: {lead}") in shown
        assert ("2026-06-26", "status", f"status honored → withdrawn: {lead}") in shown
        assert (
            "2026-11-17",
            "form",
            "recap sent: Counteroffer in writing by the end of next week",
        ) in shown
        moved = [r for r in shown if r[1] == "moved"]
        assert [r[2].split(":")[0] for r in moved] == [
            "due date moved 24 Sep 2026 → 24 Oct 2026",
            "due date moved 24 Oct 2026 → 3 Dec 2026",
        ]
        line = shown.index(next(r for r in shown if r[1] == "today"))
        assert shown[line][2].startswith("── today · Mon 23 Nov 2026 ──")
        assert all(r[0] < "2026-11-23" for r in shown[:line])
        assert all(r[0] >= "2026-11-23" for r in shown[line + 1 :])
        # the cursor starts on the first event from today on, just under the line
        t = app.screen.query_one(RecordTable)
        assert t.keys.index(t.cursor_key or "") == t.keys.index(TODAY_KEY) + 1

    drive(demo_app, body)


def test_the_kind_filter_has_the_changes(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        app.screen.query_one("#t-kind", Select).value = "promise-status"
        await pilot.pause()
        assert [r[1] for r in rows(app) if r[1] != "today"] == ["status"]
        app.screen.query_one("#t-kind", Select).value = "offer-changed"
        await pilot.pause()
        assert [r for r in rows(app) if r[1] != "today"] == []
        app.change(lambda j: j.update_offer("o2", written=True))
        await pilot.pause()
        assert [r[2] for r in rows(app) if r[1] != "today"] == [
            "Halden & Co counteroffer: put in writing"
        ]
        app.screen.query_one("#t-kind", Select).value = "offer"
        await pilot.pause()
        # written today, verbal on the day it was made
        assert ("2026-11-22", "offer", "verbal counteroffer: Halden & Co, Lead Designer") in rows(
            app
        )

    drive(demo_app, body)


def test_one_person_is_everything_they_said_and_did(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        app.screen.query_one("#t-person", Select).value = "Robert Osei"
        await pilot.pause()
        what = [(d, w) for d, w, _ in rows(app) if w != "today"]
        assert what == [
            ("2026-08-25", "talk"),
            ("2026-08-25", "promised"),
            ("2026-09-24", "moved"),
            ("2026-10-24", "moved"),
            ("2026-11-22", "talk"),
            ("2026-11-22", "promised"),
            ("2026-11-22", "offer"),  # the counteroffer made in that call
            ("2026-11-29", "decide by"),
            ("2026-12-03", "due"),
            ("2026-12-07", "due"),
        ]

    drive(demo_app, body)


def test_a_range_without_today_has_no_today_line(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        app.screen.query_one("#t-range", Input).value = "2026-10-01..2026-10-31"
        await pilot.pause()
        assert TODAY_KEY not in app.screen.query_one(RecordTable).keys
        app.screen.query_one("#t-range", Input).value = "2026-10-01.."
        await pilot.pause()
        assert TODAY_KEY in app.screen.query_one(RecordTable).keys

    drive(demo_app, body)


def _on_offer(app: LeverageApp, kind: str, oid: str) -> None:
    t = app.screen.query_one(RecordTable)
    assert t.move_to_key(next(k for k in t.keys if k.startswith(f"{kind}:{oid}:")))


def test_offer_keys_write_the_offer_messages(demo_path: Path, drive) -> None:
    app = LeverageApp(demo_path, today=TODAY, config=Config(name="Jo Lee", name_asked=True))

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        _on_offer(app, "offer", "o2")
        await pilot.pause()
        detail = str(app.screen.query_one("#timeline-detail", Static).render())
        assert "i asks for it in writing · m asks for more time to decide" in detail
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, OfferMessageScreen)
        text = app.screen.query_one(TextArea).text
        assert text.startswith(
            "Subject: Putting the counteroffer in writing\n\nHi Maya and Robert,"
        )
        assert "- Terms: Title change 'as soon as the reorg settles' — could we put a date" in text
        assert text.endswith("Thanks,\nJo Lee\n")
        assert not app.screen.query("#mark-sent")  # nothing to mark: no promise moves
        await pilot.press("escape")
        await pilot.pause()
        _on_offer(app, "offer-deadline", "o1")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, OfferMessageScreen)
        text = app.screen.query_one(TextArea).text
        assert text.startswith("Subject: More time to decide on the offer for the Senior")
        assert "Hi Tom," in text and "instead of Wednesday 25 November 2026" in text

    drive(app, body)


def test_offer_keys_are_dimmed_off_an_offer_and_in_the_help(
    demo_app: LeverageApp, drive, screen_text: Callable[[LeverageApp], str]
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await to_timeline(app, pilot)
        t = screen.query_one(RecordTable)
        t.move_to_key(next(k for k in t.keys if k.startswith("conversation:")))
        await pilot.pause()
        assert screen.check_action("offer_in_writing", ()) is None
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Ask offer in writing" in help_text and "Ask for more time" in help_text

    drive(demo_app, body)


def test_the_name_is_asked_once_then_signs_the_message(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        _on_offer(app, "offer", "o2")
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press(*"  Jo   Lee ", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OfferMessageScreen)
        assert app.screen.query_one(TextArea).text.endswith("Thanks,\nJo Lee\n")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, OfferMessageScreen)  # not asked again

    drive(demo_app, body)
    assert 'name = "Jo Lee"' in demo_app.config_path.read_text()


def test_a_name_that_cannot_be_one_is_refused(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_recap("c11")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one("#name", Input).value = "Jo\x1b[31m"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        problem = str(app.screen.query_one("#name-problem", Static).render())
        assert problem.startswith("your name contains")
        assert not app.config.name_asked and not app.config_path.exists()

    drive(demo_app, body)


@pytest.mark.parametrize(
    ("next_due", "around"),
    [
        (dt.date(2026, 12, 1), ("#November 2026", "#December 2026")),  # a month after today
        (dt.date(2026, 11, 30), ("#November 2026", "promise-due:p1")),  # in today's month
    ],
)
def test_the_today_line_sits_between_what_happened_and_what_is_due(
    tmp_path: Path, drive, next_due: dt.date, around: tuple[str, str]
) -> None:
    """Bug: on 29 Nov with the next event on 1 Dec, the line came under 'December 2026'."""
    today = dt.date(2026, 11, 29)
    path = tmp_path / "j.json"
    j = Journal(path, today=today)
    j.add_promise("Raise in writing", "Maya", made_on=dt.date(2026, 11, 20), due=next_due)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_timeline(app, pilot)
        keys = app.screen.query_one(RecordTable).keys
        line = keys.index(TODAY_KEY)
        before, after = around
        assert keys[line + 1].startswith(after)
        assert before in keys[:line] and not any(k.startswith("#") for k in keys[line + 2 :])

    drive(LeverageApp(path, today=today), body)
