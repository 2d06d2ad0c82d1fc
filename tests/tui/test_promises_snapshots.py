"""Snapshots of the Promises screen on the demo journal (today fixed at 2026-11-23)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from leverage_tui.app import LeverageApp

from .conftest import steady


async def open_promises(pilot: Pilot[None]) -> None:
    """Switch to Promises and let it settle."""
    await pilot.app.switch_mode("promises")
    await pilot.pause()
    await steady(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_promises_on_the_demo(
    snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]
) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=open_promises)


def test_promises_filtered_to_unwritten(snap_compare: Any, demo_app: LeverageApp) -> None:
    async def filtered(pilot: Pilot[None]) -> None:
        await open_promises(pilot)
        pilot.app.screen.query_one("#f-flag", Select).value = "unwritten"
        await pilot.pause()
        await pilot.press("down")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=filtered)
