"""Pilot tests of the app shell: start, themes, settings, keymap, palette, help, reload."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from textual.pilot import Pilot

from leverage_tui.app import SCREENS_BY_NAME, LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.help import HelpScreen
from leverage_tui.screens.log import LogScreen
from leverage_tui.screens.today import TodayScreen
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def notices(app: LeverageApp) -> list[str]:
    """The texts of the notifications on screen."""
    return [n.message for n in app._notifications]


def test_opens_on_today_with_the_default_theme(demo_app: LeverageApp, drive) -> None:
    """Today first, the dark theme, no notices."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, TodayScreen)
        assert app.current_mode == "today"
        assert app.theme == "leverage-dark"
        assert notices(app) == []

    drive(demo_app, body)


def test_theme_argument_and_every_shipped_theme(demo_path: Path, drive) -> None:
    """--theme picks a theme; the three shipped themes are registered."""
    app = LeverageApp(demo_path, today=TODAY, theme="leverage-contrast")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.theme == "leverage-contrast"
        assert {"leverage-dark", "leverage-light", "leverage-contrast"} <= set(app.available_themes)
        assert app.current_theme.background == "#000000"

    drive(app, body)


def test_unknown_theme_gives_a_notice_and_the_default(demo_path: Path, drive) -> None:
    """A theme name nobody knows: a notice, and the default theme."""
    app = LeverageApp(demo_path, today=TODAY, theme="no-such-theme")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.theme == "leverage-dark"
        assert any("Unknown theme 'no-such-theme'" in n for n in notices(app))

    drive(app, body)


def test_bad_theme_file_gives_a_notice(demo_path: Path, private_folders: Path, drive) -> None:
    """A broken file in the user's themes folder is skipped; a good one is picked up."""
    themes = private_folders / "themes"
    themes.mkdir(parents=True)
    (themes / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (themes / "mine.toml").write_text('name = "mine"\nprimary = "#ff8800"\ndark = false\n')
    app = LeverageApp(demo_path, today=TODAY, theme="mine")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.theme == "mine"
        assert "broken" not in app.available_themes
        assert any("broken.toml" in n and "not a colour" in n for n in notices(app))

    drive(app, body)


def test_broken_config_gives_a_notice_not_a_crash(
    demo_path: Path, private_folders: Path, drive
) -> None:
    """A config file that is not TOML: defaults and a notice."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text("theme = [unclosed\n")
    app = LeverageApp(demo_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, TodayScreen)
        assert app.theme == "leverage-dark"
        assert any("cannot read the config" in n for n in notices(app))

    drive(app, body)


def test_config_theme_and_keymap_are_used(small_path: Path, private_folders: Path, drive) -> None:
    """The theme and a rebound key from config.toml take effect."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text(
        'theme = "leverage-light"\n[keymap]\nundo = "ctrl+u"\n"screen.log" = "f9"\n'
    )
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.theme == "leverage-light"
        app.change(lambda j: j.update_promise("p1", form="written"))
        await pilot.press("ctrl+u")
        assert app.journal.promise("p1").form == "verbal"
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)

    drive(app, body)


def test_unknown_key_id_gives_a_notice(small_path: Path, private_folders: Path, drive) -> None:
    """A [keymap] entry for a key id that does not exist: a notice, the rest still applies."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text('[keymap]\nbogus = "x"\nhelp = "f10"\n')
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert any("Unknown key id in [keymap]: bogus" in n for n in notices(app))
        await pilot.press("f10")
        assert isinstance(app.screen, HelpScreen)

    drive(app, body)


def test_picking_a_theme_saves_it(demo_app: LeverageApp, private_folders: Path, drive) -> None:
    """A theme chosen in the palette's Theme command is written to config.toml."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.press(*"theme", "enter")
        await pilot.pause()
        await pilot.press(*"leverage-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "leverage-light"

    drive(demo_app, body)
    saved = tomllib.loads((private_folders / "config.toml").read_text())
    assert saved["theme"] == "leverage-light"


def test_palette_lists_every_screen_and_action(demo_app: LeverageApp, drive) -> None:
    """The palette has each screen by name and the main actions."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {name.title() for name in SCREENS_BY_NAME} <= titles
        assert {"Log conversation", "Add promise", "Undo", "Help", "Privacy", "Theme"} <= titles
        assert "Honored" in titles  # this screen's own keys too

    drive(demo_app, body)


@pytest.mark.parametrize("key", ["f1", "f2", "f3", "f4", "f5"])
def test_function_keys_switch_screens(demo_app: LeverageApp, drive, key: str) -> None:
    """F1..F5 open Today, Log, Promises, Timeline, Review."""
    name = list(SCREENS_BY_NAME)[int(key[1:]) - 1]

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press(key)
        await pilot.pause()
        assert app.current_mode == name
        assert type(app.screen).__name__ == SCREENS_BY_NAME[name][1]

    drive(demo_app, body)


def test_help_lists_the_keys_of_the_current_screen(
    demo_app: LeverageApp, drive, screen_text
) -> None:
    """? shows this screen's keys with their ids; Escape closes it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        here, everywhere = text.split("Everywhere")
        assert "Filter" in here and "table.filter" in here and "New conversation" in here
        assert "privacy" in everywhere and "Undo" in everywhere and "F3" in everywhere
        await pilot.press("escape")
        assert isinstance(app.screen, LogScreen)

    drive(demo_app, body)


def test_changes_from_another_program_are_picked_up(small_app: LeverageApp, drive) -> None:
    """Another process writes the journal: the app reloads, says so, and shows it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one(RecordTable).row_count == 2
        app.change(lambda j: j.update_promise("p1", form="written"))
        app._poll_journal()  # the app's own change is not "changed on disk"
        assert notices(app) == []
        before = app.revision
        other = Journal(app.journal_path, today=TODAY)
        other.add_conversation(["Hal Jordan"], "Coffee chat", on=TODAY)
        app._poll_journal()
        await pilot.pause(0.3)
        assert app.revision > before
        assert "Journal changed on disk; reloaded" in notices(app)
        assert app.screen.query_one(RecordTable).row_count == 3

    drive(small_app, body)


def test_every_key_of_the_shell_has_an_id() -> None:
    """Every binding of the app, its screens and its modals can be rebound by id."""
    from leverage_tui.screens import (
        confirm,
        conversation,
        conversation_editor,
        editor_base,
        help,
        log,
        promise_editor,
        today,
    )

    classes = [
        LeverageApp,
        today.TodayScreen,
        log.LogScreen,
        conversation.ConversationScreen,
        conversation_editor.ConversationEditor,
        promise_editor.PromiseEditor,
        editor_base.EditorScreen,
        confirm.ConfirmScreen,
        help.HelpScreen,
    ]
    for cls in classes:
        for binding in cls.BINDINGS:
            assert getattr(binding, "id", None), f"{cls.__name__}: {binding} has no id"


def test_every_binding_id_is_known_to_the_keymap_check() -> None:
    """Every key id of every screen and modal (the recap's too) passes the [keymap] check:
    a user rebinding `recap.copy` is not told it does not exist."""
    from leverage_tui.commands import known_binding_ids

    known = known_binding_ids()
    for key_id in ("recap.copy", "recap.mark_sent", "promise.form", "log.new", "undo"):
        assert key_id in known, key_id
    assert "bogus" not in known
