"""The Prepare screen: the brief before a meeting, one key from a conversation, saved as a
page, and the way into the capture afterwards."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.core.prep import prepare
from leverage_tui.core.prep_words import prep_markdown
from leverage_tui.screens.capture import CaptureScreen
from leverage_tui.screens.prepare import PrepareScreen
from leverage_tui.screens.save_dialog import SaveDialog

from .conftest import TODAY, screen_text

Drive = Callable[..., None]


def test_p_on_a_conversation_prepares_for_its_manager(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c11")  # Maya (manager) and Robert
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen) and screen.person == "Maya Chen"
        text = screen_text(app)
        for words in ("What they owe you (5)", "Recaps not confirmed (1)", "Your asks to raise",
                      "why I deserve it: 14 Oct 2026", "Questions to ask",
                      "Maya Chen: 1 of 2 kept, 1 overdue: too few to tell; 5 pending"):  # fmt: skip
            assert words in text, words
        assert app.last_prep_person == "Maya Chen"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConversationScreen"

    drive(demo_app, body, size=(120, 60))


def test_p_in_the_log_and_choosing_another_person(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("log")
        await pilot.pause()
        await pilot.press("down")  # the second newest: Told Maya about the offer
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PrepareScreen) and screen.person == "Maya Chen"
        screen.query_one("#prep-person", Select).value = "Robert Osei"
        await pilot.pause()
        assert screen.sub_title == "Prepare · Robert Osei"
        assert "moving-target" in screen_text(app)
        assert app.last_prep_person == "Robert Osei"

    drive(demo_app, body)


def test_prepare_from_the_palette_name_uses_the_last_conversation(
    demo_app: LeverageApp, drive: Drive
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        names = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Wins", "Prepare", "Capture", "Add win"} <= names
        await app.switch_mode("prepare")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen) and app.screen.person == "Maya Chen"
        await pilot.press("escape")  # a main screen: back to Today
        await pilot.pause()
        assert app.current_mode == "today"

    drive(demo_app, body)


def test_m_saves_the_page_readable_by_you_only(
    demo_app: LeverageApp, drive: Drive, tmp_path: Path
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_prepare("Robert Osei")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)
        assert app.screen.query_one(Input).value.endswith("prep-robert-2026-11-23.md")
        await pilot.press("enter")
        await pilot.pause()

    drive(demo_app, body)
    saved = tmp_path / "prep-robert-2026-11-23.md"
    journal = Journal(demo_app.journal_path, today=TODAY)
    assert saved.read_text(encoding="utf-8") == prep_markdown(prepare(journal, "Robert Osei"))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_c_starts_the_capture_with_this_person(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_prepare("Priya Nair")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CaptureScreen)
        assert app.screen.query_one("#c-people", Input).value == "Priya Nair"
        assert app.screen.focused is app.screen.query_one("#c-summary", Input)

    drive(demo_app, body)


def test_nobody_to_prepare_for(empty_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("prepare")
        await pilot.pause()
        text = str(app.screen.query_one("#prep-text", Static).render())
        assert text == "No one to prepare for yet: log a conversation first (n)."

    drive(empty_app, body)
