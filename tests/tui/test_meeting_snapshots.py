"""Snapshots of Wins, Prepare and Capture on the demo journal (today fixed at 2026-11-23),
at 80x24 and 120x40, and of Today's nudge when no win has been logged.

Update with `pytest tests/tui/test_meeting_snapshots.py --snapshot-update` only after
checking the new pictures by eye.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp

from .conftest import TODAY, steady
from .test_capture_screen import THE_CALL, play

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])

pytestmark = pytest.mark.usefixtures("snapshot_folders")


async def show(pilot: Pilot[None], mode: str, *keys: str) -> None:
    """Switch to `mode`, play `keys`, let it settle without blinking cursors."""
    await pilot.pause()
    await pilot.app.switch_mode(mode)
    await pilot.pause()
    await play(pilot, list(keys))
    await steady(pilot)


@SIZES
def test_wins_on_the_demo(snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await show(pilot, "wins", "down")

    assert snap_compare(demo_app, terminal_size=size, run_before=run_before)


@SIZES
def test_prepare_for_maya(snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await show(pilot, "prepare")

    assert snap_compare(demo_app, terminal_size=size, run_before=run_before)


@SIZES
def test_capture_a_hedged_promise(
    snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]
) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        first_promise = THE_CALL.index("type:Title change to Lead Designer, announced to the team")
        await show(pilot, "capture", *THE_CALL[:first_promise], "type:I'll try to get the raise")

    assert snap_compare(demo_app, terminal_size=size, run_before=run_before)


@SIZES
def test_capture_asks_and_last_look(
    snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]
) -> None:
    steps = THE_CALL if size == (120, 40) else THE_CALL[: THE_CALL.index("r") + 1]

    async def run_before(pilot: Pilot[None]) -> None:
        await show(pilot, "capture", *steps)

    assert snap_compare(demo_app, terminal_size=size, run_before=run_before)


def test_today_nudges_for_a_win(snap_compare: Any, small_path: Path) -> None:
    app = LeverageApp(small_path, today=TODAY)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
