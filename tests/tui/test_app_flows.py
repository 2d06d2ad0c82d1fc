"""Pilot tests of the daily loop, from the keyboard only: log, add promises, tag, honor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from leverage_tui.app import LeverageApp
from leverage_tui.core.flags import flags_for_promise
from leverage_tui.core.journal import Journal
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.conversation_editor import ConversationEditor
from leverage_tui.screens.log import LogScreen
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.today import TodayScreen
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def log_with_two_promises(app: LeverageApp, pilot: Pilot[None]) -> None:
    """From Today: log a conversation with Sybil, add two promises, tag the first written."""
    await pilot.press("n")
    assert isinstance(app.screen, ConversationEditor)
    await type_text(pilot, "Sybil Vane")
    await pilot.press("tab", "tab")  # channel, then summary
    await type_text(pilot, "Q1 planning talk")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, ConversationScreen)
    for text, due in (("Lead the Q1 planning", "fri"), ("Raise to match the offer", "tomorrow")):
        await pilot.press("a")
        assert isinstance(app.screen, PromiseEditor)
        await type_text(pilot, text)
        await pilot.press("tab", "tab", "tab")  # by, made on, due
        await type_text(pilot, due)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
    table = app.screen.query_one(RecordTable)
    assert table.row_count == 2
    await pilot.press("up", "w")  # the first promise is confirmed in writing
    await pilot.pause()
    await pilot.press("enter")  # the evidence is asked for (issue 15): skipped
    await pilot.pause()


def test_daily_loop_from_the_keyboard(empty_app: LeverageApp, drive, screen_text) -> None:
    """Log, add two promises, tag one written, see the other unwritten on Today, honor it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, TodayScreen)
        await log_with_two_promises(app, pilot)
        lead, raise_ = sorted(app.journal.promises.values(), key=lambda p: int(p.id[1:]))
        assert (lead.form, raise_.form) == ("written", "verbal")
        assert lead.by == raise_.by == "Sybil Vane"
        assert lead.due == dt.date(2026, 11, 27) and raise_.due == dt.date(2026, 11, 24)
        flags = {f.flag for f in flags_for_promise(raise_, TODAY)}
        assert "unwritten" in flags
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        raise_line = next(line for line in text.splitlines() if "Raise to match" in line)
        lead_line = next(line for line in text.splitlines() if "Lead the Q1" in line)
        assert "unwritten" in raise_line and "tomorrow" in raise_line
        assert "unwritten" not in lead_line
        assert "Still only in words" in text and "(1)" in text
        # honor the verbal one from its conversation
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("end", "h")
        await pilot.pause()
        assert app.journal.promise(raise_.id).status == "honored"
        assert app.journal.promise(raise_.id).status_on == TODAY

    drive(empty_app, body)
    reopened = Journal(empty_app.journal_path, today=TODAY)
    assert [p.status for p in reopened.promises.values()] == ["pending", "honored"]
    assert [p.form for p in reopened.promises.values()] == ["written", "verbal"]
    (conv,) = reopened.conversations.values()
    assert conv.summary == "Q1 planning talk" and conv.people == ("Sybil Vane",)


def test_quit_and_reopen_keeps_everything(empty_app: LeverageApp, drive) -> None:
    """What was logged in one session is there, on every screen, in the next."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await log_with_two_promises(app, pilot)
        await pilot.press("ctrl+q")

    drive(empty_app, body)
    again = LeverageApp(empty_app.journal_path, today=TODAY)

    async def check(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert len(app.journal.promises) == 2
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(RecordTable).row_count == 2
        summary = app.screen.query_one("#conv-summary", Static)
        assert "Q1 planning talk" in str(summary.render())

    drive(again, check)


def test_bad_date_is_refused_and_nothing_is_written(small_app: LeverageApp, drive) -> None:
    """A due date that is not a date: Save does nothing, the file keeps every byte."""
    before = small_app.journal_path.read_bytes()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("a")
        assert isinstance(app.screen, PromiseEditor)
        await type_text(pilot, "Budget for a course")
        await pilot.press("tab")
        await type_text(pilot, "Hal Jordan")
        await pilot.press("tab", "tab")
        await type_text(pilot, "blursday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromiseEditor)
        hint = app.screen.query_one("#due .date-hint", Static)
        assert "not a date" in str(hint.render())
        await pilot.press("enter")  # Enter saves too: still refused
        assert isinstance(app.screen, PromiseEditor)
        await pilot.press("escape")  # what was typed: "Discard?" first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

    drive(small_app, body)
    assert small_app.journal_path.read_bytes() == before


def test_empty_text_is_refused_with_a_message(small_app: LeverageApp, drive) -> None:
    """An empty promise text shows a message under the field and writes nothing."""
    before = small_app.journal_path.read_bytes()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromiseEditor)
        message = app.screen.query_one("#text-message", Static)
        assert message.display and "empty" in str(message.render())

    drive(small_app, body)
    assert small_app.journal_path.read_bytes() == before


def test_undo_takes_back_the_last_change(small_app: LeverageApp, drive) -> None:
    """ctrl+z undoes a form change, then the promise added before it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        count = len(app.journal.promises)
        await pilot.press("a")
        await type_text(pilot, "A parking space")
        await pilot.press("tab")
        await type_text(pilot, "Hal Jordan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = max(app.journal.promises, key=lambda pid: int(pid[1:]))
        assert app.journal.promise(new).text == "A parking space"
        app.change(lambda j: j.update_promise(new, form="written"))
        await pilot.press("ctrl+z")
        assert app.journal.promise(new).form == "verbal"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.journal.promises) == count and new not in app.journal.promises

    drive(small_app, body)


def test_delete_asks_first_and_can_be_undone(small_app: LeverageApp, drive) -> None:
    """Delete on a promise asks; n keeps it, y deletes it, ctrl+z brings it back."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c1")
        await pilot.pause()
        first = app.screen.query_one(RecordTable).cursor_key
        assert first is not None
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert first in app.journal.promises
        await pilot.press("delete", "y")
        await pilot.pause()
        assert first not in app.journal.promises
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("escape", "ctrl+z")
        assert first in app.journal.promises

    drive(small_app, body)


def test_conversation_fields_are_editable(small_app: LeverageApp, drive) -> None:
    """e on a conversation edits its date, summary and notes; a bad date is refused."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c1")
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ConversationEditor)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # summary -> when
        await pilot.press("ctrl+u")
        await type_text(pilot, "nov 31")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConversationEditor)
        await pilot.press("ctrl+u")
        await type_text(pilot, "nov 3 9:30")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # -> notes
        await type_text(pilot, "She said yes")
        await pilot.press("enter")
        await type_text(pilot, "twice")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        conv = app.journal.conversation("c1")
        assert conv.on == dt.date(2026, 11, 3) and conv.at == "09:30"
        assert conv.notes == "She said yes\ntwice"

    drive(small_app, body)


def test_a_promise_can_be_edited(small_path: Path, drive) -> None:
    """Enter on a promise in its conversation opens the editor with every field."""
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c1")
        await pilot.pause()
        pid = app.screen.query_one(RecordTable).cursor_key
        await pilot.press("enter")
        assert isinstance(app.screen, PromiseEditor)
        await pilot.press("end")
        await type_text(pilot, " by March")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.promise(pid).text.endswith(" by March")

    drive(app, body)


def test_r_writes_a_recap_of_the_conversation(demo_app: LeverageApp, drive) -> None:
    """r in a conversation opens the recap of its verbal promises (the first time, after
    asking how to sign it)."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c11")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "NameDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "RecapScreen"

    drive(demo_app, body)


def test_mouse_opens_and_saves(demo_app: LeverageApp, drive) -> None:
    """A click on a Today item opens it; clicks on Save and on a footer key work too."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.click("#due", offset=(20, 1))
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("e")
        assert isinstance(app.screen, ConversationEditor)
        await pilot.press("end", *"!")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.journal.conversation("c8").summary.endswith("!")
        await pilot.press("escape")
        footer_key = next(k for k in app.screen.query("FooterKey") if k.key == "f2")
        await pilot.click(footer_key)
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)

    drive(demo_app, body)
