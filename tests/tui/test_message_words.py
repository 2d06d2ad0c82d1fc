"""Messages name records in words, not by their ids (issue 17, item 9): ids are for the
command line, where a user types them."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.screens.recap import RecapScreen
from leverage_tui.screens.wins import WinsScreen

AN_ID = re.compile(r"\b[cpowfad]\d+\b")
"""A record id as the journal writes it: c11, p9, o2, w1, f1..."""


def notices(app: LeverageApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_marking_a_recap_sent_names_the_promises(
    demo_app: LeverageApp, drive: Callable[..., None]
) -> None:
    seen: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c10"))
        await pilot.pause()
        seen.append(str(app.screen.query_one("#recap-about").render()))
        app.screen.action_mark_sent()  # type: ignore[attr-defined]
        await pilot.pause()
        seen.extend(notices(app))

    drive(demo_app, body)
    about, *said = seen
    assert not AN_ID.search(about), about
    assert said and all(not AN_ID.search(s) for s in said), said
    assert any(s.startswith("recap sent: '") for s in said), said


def test_deleting_a_win_and_undoing_it_name_the_win(
    demo_app: LeverageApp, drive: Callable[..., None]
) -> None:
    seen: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_show("wins")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WinsScreen)
        screen.action_delete()
        await pilot.pause()
        seen.append(str(app.screen.question))  # type: ignore[attr-defined]
        await pilot.press("y")
        await pilot.pause()
        app.action_undo()
        await pilot.pause()
        seen.extend(notices(app))

    drive(demo_app, body)
    assert seen and all(not AN_ID.search(s) for s in seen), seen
    assert any(s.startswith("Deleted the win '") for s in seen), seen
    assert any(s.startswith("Undone: deletion of '") for s in seen), seen
