"""Snapshots of the Timeline screen on the demo journal (today fixed at 2026-11-23)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp

from .conftest import steady


async def open_timeline(pilot: Pilot[None]) -> None:
    """Switch to Timeline and let it settle (the cursor starts at today)."""
    await pilot.app.switch_mode("timeline")
    await pilot.pause()
    await pilot.pause()
    await steady(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_timeline_on_the_demo(
    snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]
) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=open_timeline)


def test_timeline_by_week(snap_compare: Any, demo_app: LeverageApp) -> None:
    async def by_week(pilot: Pilot[None]) -> None:
        await open_timeline(pilot)
        await pilot.press("g")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=by_week)
