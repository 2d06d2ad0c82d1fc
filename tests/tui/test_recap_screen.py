"""The recap screen writes the same message as `leverage recap`, with the user's settings:
their name, their hedges, their wait before asking again, the offers of the day."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.config import Config
from leverage_tui.core.journal import Journal
from leverage_tui.screens.recap import RecapScreen

from .conftest import TODAY


def recap_text(app: LeverageApp, drive: Callable[..., None], conversation: str) -> list[str]:
    seen: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen(conversation))
        await pilot.pause()
        areas = app.screen.query(TextArea)
        seen.append(areas.first().text if areas else "")
        seen.append(str(app.screen.query_one("#recap-about", Static).render()))
        if areas:
            seen.append(str(app.screen.query_one("#recap-state", Static).render()))

    drive(app, body)
    return seen


def test_the_recap_uses_the_settings(demo_path: Path, drive: Callable[..., None]) -> None:
    config = Config(name="Jo Lee", hedges=("announced at the all-hands",))
    text, about, _ = recap_text(LeverageApp(demo_path, today=TODAY, config=config), drive, "c11")
    assert text.startswith("Subject: Recap of our call on 22 November 2026\n\nHi Maya and Robert,")
    assert (
        '- Maya: "Lead the Q1 planning, announced at the all-hands" — could we agree a date, '
        "and what needs to be true?\n"
    ) in text
    assert "- Base pay: 135,000\n" in text  # the counteroffer of that day
    assert text.endswith("\n\nBest,\nJo Lee\n")
    assert "covers 'Title change to Lead Designer, announce…', 'Lead the Q1 planning, " in about
    assert "and 'Halden & Co'." in about


def test_the_wait_before_asking_again_comes_from_the_config(
    demo_path: Path, drive: Callable[..., None]
) -> None:
    journal = Journal(demo_path, today=TODAY)
    journal.set_forms(["p10"], "recap-sent")  # c10 then holds two recap-sent promises
    patient = Config(recap_wait_days=30)
    text, about = recap_text(LeverageApp(demo_path, today=TODAY, config=patient), drive, "c10")
    assert text == "" and "ask again from 17 December 2026" in about
    eager = dataclasses.replace(patient, recap_wait_days=0)
    text, _, state = recap_text(LeverageApp(demo_path, today=TODAY, config=eager), drive, "c10")
    assert text.startswith("Subject: Following up on my recap of our one-on-one on 16 November")
    assert state == "The promises now: 2 recap-sent."
