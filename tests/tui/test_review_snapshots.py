"""Snapshots of the Review screen (and the recap) on the demo journal, today fixed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core.demo import write_demo
from leverage_tui.screens.recap import RecapScreen

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LeverageApp:
    """The app on a fresh demo journal, with default settings."""
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LEVERAGE_TODAY", raising=False)
    path = tmp_path / "demo.json"
    write_demo(path, TODAY)
    return LeverageApp(path, today=TODAY)


async def open_review(pilot: Pilot[None]) -> None:
    await pilot.app.switch_mode("review")
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_review_on_the_demo(
    snap_compare: Any, demo_app: LeverageApp, size: tuple[int, int]
) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=open_review)


def test_review_with_the_current_job(snap_compare: Any, demo_app: LeverageApp) -> None:
    demo_app.journal.set_current_job(
        company="Halden & Co", role="Product Designer II", base=118_000, bonus=6_000
    )
    assert snap_compare(demo_app, terminal_size=(120, 40), run_before=open_review)


def test_recap_of_the_counteroffer_call(snap_compare: Any, demo_app: LeverageApp) -> None:
    last = max(demo_app.journal.conversations, key=lambda c: int(c[1:]))

    async def open_recap(pilot: Pilot[None]) -> None:
        await open_review(pilot)
        await pilot.app.push_screen(RecapScreen(last))
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=open_recap)
