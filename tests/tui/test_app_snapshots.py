"""Snapshots (pytest-textual-snapshot) of Today, Log, the editors, help, privacy, themes.

Made with textual 8.2.8 and pytest-textual-snapshot 1.1.0 (pinned in pyproject); today is
fixed at 2026-11-23, cursors do not blink, the config folder path is the same everywhere.
Update with `pytest tests/tui/test_app_snapshots.py --snapshot-update` only after checking
the new pictures by eye.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp

TODAY = dt.date(2026, 11, 23)
SMALL, LARGE = (80, 24), (120, 40)

pytestmark = pytest.mark.usefixtures("snapshot_folders")


def make(path: Path, **kwargs: object) -> LeverageApp:
    """The app on `path` with the fixed today."""
    return LeverageApp(path, today=TODAY, **kwargs)  # type: ignore[arg-type]


def keys(*presses: str, steady: Callable) -> Callable:  # type: ignore[type-arg]
    """A run_before that presses keys, then stops cursors blinking."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in presses:
            await pilot.press(key)
            await pilot.pause()
        await steady(pilot)

    return run_before


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_snapshot_today(demo_path: Path, snap_compare, steady, size: tuple[int, int]) -> None:
    """Today on the demo journal."""
    assert snap_compare(make(demo_path), terminal_size=size, run_before=keys(steady=steady))


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_snapshot_log(demo_path: Path, snap_compare, steady, size: tuple[int, int]) -> None:
    """The Log on the demo journal."""
    run_before = keys("f2", steady=steady)
    assert snap_compare(make(demo_path), terminal_size=size, run_before=run_before)


def test_snapshot_conversation(demo_path: Path, snap_compare, steady) -> None:
    """One conversation with its promises and their flags."""
    run_before = keys("f2", "enter", steady=steady)
    assert snap_compare(make(demo_path), terminal_size=LARGE, run_before=run_before)


def test_snapshot_empty_today(tmp_path: Path, snap_compare, steady) -> None:
    """The first-run panel on an empty journal."""
    app = make(tmp_path / "new.json")
    assert snap_compare(app, terminal_size=SMALL, run_before=keys(steady=steady))


def test_snapshot_editor_with_errors(demo_path: Path, snap_compare, steady) -> None:
    """Log a conversation with a bad date and no one named: messages, nothing saved."""
    run_before = keys(
        "n",
        "shift+tab",
        "ctrl+u",
        *"blursday",
        "tab",
        "tab",
        "tab",
        *"Pay",
        "ctrl+s",
        steady=steady,
    )
    assert snap_compare(make(demo_path), terminal_size=SMALL, run_before=run_before)


def test_snapshot_promise_editor(demo_path: Path, snap_compare, steady) -> None:
    """A promise being added in a conversation, with a hedge noted under its text."""
    run_before = keys("f2", "enter", "a", *"we'll see about a bonus", steady=steady)
    assert snap_compare(make(demo_path), terminal_size=SMALL, run_before=run_before)


def test_snapshot_help(demo_path: Path, snap_compare, steady) -> None:
    """The keys of Today."""
    run_before = keys("question_mark", steady=steady)
    assert snap_compare(make(demo_path), terminal_size=LARGE, run_before=run_before)


def test_snapshot_privacy(demo_path: Path, snap_compare, steady) -> None:
    """The neutral screen the privacy key shows."""
    run_before = keys("ctrl+backslash", steady=steady)
    assert snap_compare(make(demo_path), terminal_size=SMALL, run_before=run_before)


@pytest.mark.parametrize("theme", ["leverage-light", "leverage-contrast", "leverage-dark"])
def test_snapshot_theme(demo_path: Path, snap_compare, steady, theme: str) -> None:
    """Each shipped theme once, on a conversation (flags, table, notes)."""
    run_before = keys("f2", "down", "enter", steady=steady)
    app = make(demo_path, theme=theme)
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
