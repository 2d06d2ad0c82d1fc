"""The line under the form picker explains the form that is chosen, not a fixed one."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from leverage_tui.app import LeverageApp
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.widgets.choice_bar import ChoiceBar

from .conftest import drive


def test_form_meaning_follows_the_chosen_form(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.push_screen(PromiseEditor())
        await pilot.pause()
        message = app.screen.query_one("#form-message", Static)
        assert str(message.render()).startswith("verbal:")
        app.screen.query_one("#form", ChoiceBar).focus()
        await pilot.press("w")
        await pilot.pause()
        assert str(message.render()).startswith("written:")
        await pilot.press("o")
        await pilot.pause()
        assert str(message.render()).startswith("official:")

    drive(small_app, body)
