"""Shared fixtures for the TUI tests: a fixed today, private folders, demo and small journals.

Today is Monday 2026-11-23. Every test gets its own config and data folders (so a theme
picked in a test never reaches the real config file). `drive(app, body)` runs a Pilot
session; `screen_text(app)` is what the terminal shows, as plain text; `steady(pilot)`
stops cursors blinking before a snapshot.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.demo import write_demo
from leverage_tui.core.journal import Journal

TODAY = dt.date(2026, 11, 23)
"""The fixed today of every TUI test (a Monday)."""

SNAPSHOT_CONFIG_DIR = "/nonexistent/leverage-config"
"""A config folder that is the same on every machine, for snapshots that show its path."""

Body = Callable[[LeverageApp, Pilot[None]], Awaitable[None]]


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config and data folders of this test only; no pinned today from the environment."""
    config = tmp_path / "config"
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(config))
    monkeypatch.setenv("LEVERAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LEVERAGE_SAVE_DIR", str(tmp_path))  # briefs and recaps land here
    monkeypatch.delenv("LEVERAGE_TODAY", raising=False)
    monkeypatch.delenv("LEVERAGE_JOURNAL", raising=False)
    return config


@pytest.fixture
def snapshot_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """A config folder path that is the same everywhere (nothing is written to it)."""
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", SNAPSHOT_CONFIG_DIR)


@pytest.fixture
def today() -> dt.date:
    """The fixed today."""
    return TODAY


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A fresh demo journal file."""
    path = tmp_path / "demo.json"
    write_demo(path, TODAY)
    return path


def write_small(path: Path) -> dict[str, str]:
    """A small journal: two conversations, three promises; name -> id."""
    j = Journal(path, today=TODAY, backups=0)
    first = j.add_conversation(
        ["Sybil Vane"], "Talked about the lead role", on=dt.date(2026, 11, 2), tags=["lead"]
    )
    second = j.add_conversation(
        ["Sybil Vane", "Hal Jordan"],
        "Pay review with HR",
        on=dt.date(2026, 11, 20),
        channel="call",
        tags=["pay"],
    )
    lead = j.add_promise(
        "Announce me as Q1 lead", "Sybil Vane", conversation=first.id, due=dt.date(2026, 11, 27)
    )
    raise_ = j.add_promise(
        "Raise of 8% from January",
        "Hal Jordan",
        conversation=second.id,
        form="written",
        due=dt.date(2026, 12, 15),
    )
    late = j.add_promise(
        "Send the job description", "Sybil Vane", conversation=first.id, due=dt.date(2026, 11, 10)
    )
    return {
        "first": first.id,
        "second": second.id,
        "lead": lead.id,
        "raise": raise_.id,
        "late": late.id,
    }


@pytest.fixture
def small_path(tmp_path: Path) -> Path:
    """A small journal file (see `write_small`)."""
    path = tmp_path / "small.json"
    write_small(path)
    return path


@pytest.fixture
def demo_app(demo_path: Path) -> LeverageApp:
    """The app on the demo journal."""
    return LeverageApp(demo_path, today=TODAY)


@pytest.fixture
def small_app(small_path: Path) -> LeverageApp:
    """The app on the small journal."""
    return LeverageApp(small_path, today=TODAY)


@pytest.fixture
def empty_app(tmp_path: Path) -> LeverageApp:
    """The app on a journal that does not exist yet."""
    return LeverageApp(tmp_path / "j.json", today=TODAY)


def drive(app: LeverageApp, body: Body, size: tuple[int, int] = (120, 40)) -> None:
    """Run `body(app, pilot)` in a headless session of `app`."""

    async def go() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(app, pilot)

    asyncio.run(go())


def screen_text(app: LeverageApp) -> str:
    """Everything the terminal shows right now (every visible screen), as plain text."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        color_system=None,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


async def steady(pilot: Pilot[None]) -> None:
    """Stop every cursor blinking (for snapshots) and let the screen settle."""
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False
    await pilot.pause()


@pytest.fixture(name="drive")
def drive_fixture() -> Callable[..., None]:
    """`drive(app, body, size=(120, 40))` (see the module docstring)."""
    return drive


@pytest.fixture(name="screen_text")
def screen_text_fixture() -> Callable[[LeverageApp], str]:
    """`screen_text(app)`: what the terminal shows, as plain text."""
    return screen_text


@pytest.fixture(name="steady")
def steady_fixture() -> Callable[[Pilot[None]], Awaitable[None]]:
    """`await steady(pilot)`: no blinking cursors."""
    return steady
