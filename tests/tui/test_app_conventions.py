"""Pilot tests of the conventions people bring from other terminal tools: a rebound key
shows in the footer at once; j/k and g/G move in every table; q closes what is on top."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from leverage_tui.app import LeverageApp
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.help import HelpScreen
from leverage_tui.screens.log import LogScreen
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.promises import PromisesScreen
from leverage_tui.screens.today import TodayScreen
from leverage_tui.widgets.footer import Footer
from leverage_tui.widgets.record_table import RecordTable

from .conftest import TODAY


def footer_keys(app: LeverageApp) -> list[tuple[str, str]]:
    """(key, label) of every key the screen's footer shows."""
    footer = app.screen.query_one(Footer)
    return [(k.key, k.description) for k in footer.query("FooterKey")]


def test_a_rebound_key_shows_in_the_first_screens_footer_at_once(
    small_path: Path, private_folders: Path, drive, screen_text
) -> None:
    """[keymap] screen.log = f12, help = f10: Today's footer says F12 Log and F10 Help
    from the start (it used to show F2 and ? until the screen changed)."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text('[keymap]\n"screen.log" = "f12"\nhelp = "f10"\n')
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        keys = footer_keys(app)
        assert ("f12", "Log") in keys and ("f10", "Help") in keys
        assert ("f2", "Log") not in keys and ("question_mark", "Help") not in keys
        footer_line = screen_text(app).splitlines()[-1]
        assert "F12 Log" in footer_line and "F10 Help" in footer_line
        assert "F2 Log" not in footer_line

    drive(app, body, size=(220, 40))


# -- j/k and g/G in every list and table ----------------------------------------------------


def test_j_k_g_G_move_in_a_record_table(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f3")  # Promises
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.focus()
        await pilot.press("g")
        first = table.cursor_row
        await pilot.press("j", "j")
        assert table.cursor_row == first + 2
        await pilot.press("k")
        assert table.cursor_row == first + 1
        await pilot.press("G")
        assert table.cursor_key == table.keys[-1]
        await pilot.press("end")  # the same row as End
        assert table.cursor_key == table.keys[-1]
        await pilot.press("g")
        assert table.cursor_row == first
        await pilot.press("home")
        assert table.cursor_row == first

    drive(demo_app, body)


def test_letters_typed_in_a_filter_stay_in_the_filter(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.focus()
        await pilot.press("g", "j")
        assert table.cursor_row == 1  # the letters move while the table has focus
        await pilot.press("slash", *"jgkGq")
        await pilot.pause()
        assert app.screen.query_one(".text-filter", Input).value == "jgkGq"
        assert isinstance(app.screen, PromisesScreen)  # q typed, not closing anything

    drive(demo_app, body)


def test_the_timelines_own_g_still_groups_by_week(demo_app: LeverageApp, drive) -> None:
    """A letter the screen binds itself stays the screen's; j/k still move there."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f4")
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.focus()
        assert not app.screen.by_week
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.by_week
        row = table.cursor_row
        await pilot.press("j")
        assert table.cursor_row > row
        await pilot.press("G")
        assert table.cursor_key == table.keys[-1]
        footer = dict(footer_keys(app))
        assert footer.get("g") == "Week/month"

    drive(demo_app, body)


def test_j_and_k_run_through_todays_lists(demo_app: LeverageApp, drive) -> None:
    """j is down on Today, down to the next list at the end of one, as the arrow is."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        lists = [w for w in app.screen.query(OptionList) if w.display and w.option_count > 1]
        first = lists[0]
        first.focus()
        first.highlighted = 0
        await pilot.press("j")
        assert first.highlighted == 1
        await pilot.press("k")
        assert first.highlighted == 0
        await pilot.press("G")
        last = first.highlighted
        assert last == max(i for i, o in enumerate(first.options) if not o.disabled)
        await pilot.press("j")  # past the end: into the next list
        await pilot.pause()
        assert app.focused is not first and isinstance(app.focused, OptionList)

    drive(demo_app, body)


def test_j_k_g_G_move_in_the_review_tables(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f5")
        await pilot.pause()
        flags = app.screen.query_one("#review-flags", DataTable)
        assert flags.row_count > 2
        flags.focus()
        await pilot.press("j")
        assert flags.cursor_row == 1
        await pilot.press("G")
        assert flags.cursor_row == flags.row_count - 1
        await pilot.press("g")
        assert flags.cursor_row == 0

    drive(demo_app, body)


# -- q closes what was opened on top --------------------------------------------------------


def test_q_closes_a_conversation_opened_from_the_log(demo_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one(RecordTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LogScreen)
        await pilot.press("q")  # a main screen: q does nothing
        await pilot.pause()
        assert isinstance(app.screen, LogScreen) and app.is_running

    drive(demo_app, body)


def test_q_closes_help_and_answers_no_to_a_question(small_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one(RecordTable).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("q")  # as Esc: No
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)
        assert len(app.journal.promises) == 3

    drive(small_app, body)


def test_q_never_closes_a_form(small_app: LeverageApp, drive) -> None:
    """In an editor q is a letter; away from its fields it still closes nothing (Esc
    does, the way the editor decides)."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, PromiseEditor)
        assert isinstance(app.focused, Input)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is editor and "q" in app.focused.value
        app.set_focus(None)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is editor

    drive(small_app, body)


def test_q_does_not_lift_the_privacy_screen(small_app: LeverageApp, drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+backslash")
        await pilot.pause()
        hidden = app.screen
        await pilot.press("q")
        await pilot.pause()
        assert app.private and app.screen is hidden

    drive(small_app, body)
