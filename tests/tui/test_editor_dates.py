"""Dates as people mean them in the editors (issue 16 section 4); today 2026-11-23."""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot
from textual.widgets import Input, Static

from leverage_tui.app import LeverageApp
from leverage_tui.screens.conversation_editor import ConversationEditor
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.widgets.date_field import DateField

from .conftest import drive


def _hint(field: DateField) -> str:
    return str(field.query_one(".date-hint", Static).render())


def test_a_year_less_due_date_is_next_year_and_a_meeting_last_year(
    small_app: LeverageApp,
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.push_screen(PromiseEditor())
        await pilot.pause()
        due = app.screen.query_one("#due", DateField)
        due.value = "mar 1"
        assert due.date == dt.date(2027, 3, 1)
        app.screen.dismiss(None)
        await pilot.pause()
        app.push_screen(ConversationEditor())
        await pilot.pause()
        when = app.screen.query_one("#when", DateField)
        when.value = "dec 20"
        assert when.date == dt.date(2025, 12, 20)
        when.value = "in 4 weeks"
        assert "in the future: is that what you meant?" in _hint(when)

    drive(small_app, body)


def test_a_due_date_before_made_is_refused_until_fixed(small_app: LeverageApp) -> None:
    before = small_app.journal_path.read_bytes()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.push_screen(PromiseEditor())
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Send the plan"
        app.screen.query_one("#by", Input).value = "Sybil Vane"
        app.screen.query_one("#made", DateField).value = "2026-11-20"
        due = app.screen.query_one("#due", DateField)
        due.value = "2026-11-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromiseEditor)
        message = app.screen.query_one("#due-message", Static)
        assert "before the promise was made (2026-11-20)" in str(message.render())
        due.value = "2026-11-30"
        await pilot.pause()
        assert not message.display

    drive(small_app, body)
    assert small_app.journal_path.read_bytes() == before
