"""Small things a new user notices (issue 17): each test names its item."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.log import LogScreen
from leverage_tui.screens.promises import PromisesScreen


def test_f2_always_leads_to_the_log(demo_app: LeverageApp, drive: Callable[..., None]) -> None:
    """Item 4: a conversation opened from the Log does not stand in for the Log later."""
    seen: list[type] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        seen.append(type(app.screen))
        await pilot.press("f3")
        await pilot.pause()
        seen.append(type(app.screen))
        await pilot.press("f2")
        await pilot.pause()
        seen.append(type(app.screen))

    drive(demo_app, body)
    assert seen == [ConversationScreen, PromisesScreen, LogScreen]
