"""Screen keys bring the user back to a main screen from anything opened on top of it."""

from __future__ import annotations

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.today import TodayScreen

from .conftest import drive


def test_f1_from_a_conversation_opened_on_today_goes_back_to_today(
    small_app: LeverageApp,
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        first = next(iter(app.journal.conversations))
        app.open_conversation(first)
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.current_mode == "today"

    drive(small_app, body)


def test_f3_switches_mode_and_f1_comes_back(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "promises"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

    drive(small_app, body)
