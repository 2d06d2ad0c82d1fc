"""The shell's parts: DateField, ChoiceBar, theme files, and opening an encrypted journal."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal
from leverage_tui.screens.today import TodayScreen
from leverage_tui.themes import ThemeError, builtin_theme_dirs, load_theme_file, load_themes
from leverage_tui.widgets.choice_bar import ChoiceBar
from leverage_tui.widgets.date_field import DateField

TODAY = dt.date(2026, 11, 23)


class FieldApp(App[None]):
    """Two date fields and a choice bar, with a fixed today."""

    today = TODAY

    def compose(self) -> ComposeResult:
        """The widgets under test."""
        yield DateField("fri", id="needed")
        yield DateField("", allow_empty=True, id="optional")
        yield ChoiceBar(["verbal", "recap-sent", "written"], hotkeys=["v", "r", "w"], id="bar")


def run_fields(body) -> None:  # type: ignore[no-untyped-def]
    """Run `body(app, pilot)` on FieldApp."""

    async def go() -> None:
        app = FieldApp()
        async with app.run_test() as pilot:
            await body(app, pilot)

    asyncio.run(go())


def test_date_field_parses_as_you_type() -> None:
    """The parsed day shows under the field; an error shows instead when it is not a date."""

    async def body(app: FieldApp, pilot: Pilot[None]) -> None:
        field = app.query_one("#needed", DateField)
        assert field.date == dt.date(2026, 11, 27) and field.is_valid
        assert "Fri 27 Nov 2026 · in 4 days" in str(field.query_one(".date-hint").render())
        field.focus()
        await pilot.press("ctrl+u", *"blursday")
        assert field.date is None and not field.is_valid
        assert field.error and "not a date: 'blursday'" in field.error
        await pilot.press("ctrl+u")
        assert not field.is_valid and "a date is needed" in (field.error or "")
        await pilot.press(*"nov", "space", "2", "space", *"14:30")
        assert (field.date, field.time) == (dt.date(2026, 11, 2), dt.time(14, 30))
        optional = app.query_one("#optional", DateField)
        assert optional.is_valid and optional.date is None
        optional.value = dt.date(2027, 1, 4)
        assert optional.date == dt.date(2027, 1, 4)

    run_fields(body)


def test_choice_bar_one_keystroke_and_arrows() -> None:
    """A hot letter picks its option; arrows move; the value wraps around."""

    async def body(app: FieldApp, pilot: Pilot[None]) -> None:
        bar = app.query_one(ChoiceBar)
        bar.focus()
        assert bar.value == "verbal"
        await pilot.press("w")
        assert bar.value == "written"
        await pilot.press("right")
        assert bar.value == "verbal"
        await pilot.press("left", "left")
        assert bar.value == "recap-sent"

    run_fields(body)


def test_shipped_themes_load() -> None:
    """The three shipped themes: dark, light and high-contrast."""
    themes, warnings = load_themes(builtin_theme_dirs())
    by_name = {t.name: t for t in themes}
    assert warnings == []
    assert by_name["leverage-dark"].dark and not by_name["leverage-light"].dark
    assert by_name["leverage-contrast"].foreground == "#FFFFFF"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("name = \n", "not valid TOML"),
        ('name = "x"\n', "primary colour is missing"),
        ('name = "x"\nprimary = "#12345"\n', "is not a colour"),
        ('name = "x"\nprimary = "#123456"\nshade = "#000000"\n', "unknown setting 'shade'"),
        ('name = "x"\nprimary = "#123456"\ndark = "yes"\n', "dark must be true or false"),
        ('name = ""\nprimary = "#123456"\n', "name must be a short text"),
    ],
)
def test_bad_theme_files_are_refused(tmp_path: Path, content: str, problem: str) -> None:
    """Each mistake in a theme file gives a one-line reason naming the file."""
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ThemeError, match=problem) as caught:
        load_theme_file(path)
    assert str(caught.value).startswith("bad.toml: ")
    themes, warnings = load_themes([tmp_path])
    assert themes == [] and len(warnings) == 1


def test_encrypted_journal_asks_for_the_passphrase_first(tmp_path: Path, drive) -> None:
    """An encrypted journal: the passphrase prompt comes first, then Today with the data."""
    path = tmp_path / "secret.json"
    journal = Journal(path, today=TODAY, codec=crypto.PassphraseCodec("open sesame"))
    journal.add_promise("Raise in January", "Maya Chen", due=dt.date(2026, 11, 25))
    assert crypto.is_encrypted(path)
    app = LeverageApp(path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert type(app.screen).__name__ == "PassphraseScreen"
        await pilot.press(*"wrong", "enter")
        assert type(app.screen).__name__ == "PassphraseScreen"
        await pilot.press(*"open", "space", *"sesame", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert [p.text for p in app.journal.promises.values()] == ["Raise in January"]

    drive(app, body)


def test_date_field_warns_about_a_typed_day_in_the_past() -> None:
    """A due date typed with a past year gets a warning, not an error; 'mar 1' without a
    year is the next March 1 (issue 16), so it is not past."""

    class DueApp(App[None]):
        today = TODAY

        def compose(self) -> ComposeResult:
            yield DateField(dt.date(2026, 1, 5), allow_empty=True, expect_future=True)

    async def go() -> None:
        app = DueApp()
        async with app.run_test() as pilot:
            field = app.query_one(DateField)
            hint = field.query_one(".date-hint")
            assert not hint.has_class("-warning")  # a stored date is not questioned
            field.focus()
            await pilot.press("ctrl+u", *"mar", "space", "1")
            assert field.is_valid and field.date == dt.date(2027, 3, 1)
            assert not hint.has_class("-warning")
            await pilot.press("space", *"2026")
            assert field.date == dt.date(2026, 3, 1)
            assert hint.has_class("-warning") and "already past" in str(hint.render())

    asyncio.run(go())
