"""The config's `not_hedges` (default hedges the user took away) and `recap_wait_days`
reach every screen: the flags of the Promises, Log and Timeline screens, the promise
editor's hedge note, the ask editor's verdict, and offers' vague flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from leverage_tui.app import LeverageApp
from leverage_tui.core.config import Config
from leverage_tui.screens.ask_editor import AskEditor
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.timeline import TimelineScreen
from leverage_tui.widgets.flag_badges import promise_flags

TODAY = dt.date(2026, 11, 23)
TAKEN_AWAY = ("I'll try", "as soon as the reorg settles", "eventually")


def shown(app: LeverageApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def run(demo_path: Path, drive, config: Config, body) -> None:  # type: ignore[no-untyped-def]
    drive(LeverageApp(demo_path, today=TODAY, config=config), body)


def test_the_flags_every_screen_shares_follow_the_settings(demo_path: Path, drive) -> None:
    """p10 "I'll try to get the raise..." is vague by default, not once "I'll try" is
    taken away; p9's recap (6 days) is unconfirmed unless the wait is 7 days."""
    seen: dict[str, set[str]] = {}

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("promises")
        await pilot.pause()
        flags = app.screen.promise_flags()  # type: ignore[attr-defined]
        seen[str(app.config.not_hedges)] = {f.flag for f in flags["p10"] + flags["p9"]}

    run(demo_path, drive, Config(), body)
    run(demo_path, drive, Config(not_hedges=TAKEN_AWAY, recap_wait_days=7), body)
    assert "vague" in seen["()"] and "unconfirmed" in seen["()"]
    assert "vague" not in seen[str(TAKEN_AWAY)] and "unconfirmed" not in seen[str(TAKEN_AWAY)]


def test_the_shared_cache_is_per_settings(demo_path: Path) -> None:
    app = LeverageApp(demo_path, today=TODAY)
    journal = app.journal
    plain = promise_flags(journal, TODAY, ())
    kept = promise_flags(journal, TODAY, (), TAKEN_AWAY)
    assert "vague" in {f.flag for f in plain["p10"]}
    assert "vague" not in {f.flag for f in kept["p10"]}
    assert "unconfirmed" not in {f.flag for f in promise_flags(journal, TODAY, (), (), 7)["p9"]}


def test_the_promise_editor_notes_no_hedge_taken_away(demo_path: Path, drive) -> None:
    notes: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(PromiseEditor())
        await pilot.pause()
        await pilot.press(*"I'll try to get you the raise")
        await pilot.pause()
        notes.append(shown(app, "#text-message"))

    run(demo_path, drive, Config(), body)
    run(demo_path, drive, Config(not_hedges=TAKEN_AWAY), body)
    assert "is a hedge" in notes[0]
    assert "is a hedge" not in notes[1]


def test_the_ask_editor_verdict_follows_the_settings(demo_path: Path, drive) -> None:
    verdicts: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(AskEditor("a1"))
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "Lead the Q1 planning, eventually"
        await pilot.pause()
        verdicts.append(shown(app, "#ask-verdict"))

    run(demo_path, drive, Config(), body)
    run(demo_path, drive, Config(not_hedges=TAKEN_AWAY), body)
    assert verdicts[0].startswith("~ still vague: hedge")
    assert verdicts[1].startswith("✓ measurable")


def test_the_timeline_flags_a_hedged_counteroffer_unless_taken_away(demo_path: Path, drive) -> None:
    found: list[set[str]] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("timeline")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        found.append({f.flag for f in screen._other_flags["o2"]})

    run(demo_path, drive, Config(), body)
    run(demo_path, drive, Config(not_hedges=TAKEN_AWAY), body)
    assert found == [{"verbal-offer", "vague"}, {"verbal-offer"}]
