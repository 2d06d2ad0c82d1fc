"""The privacy key hides every journal string, from any screen and from a modal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.privacy import PrivacyScreen
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.today import TodayScreen

TODAY = dt.date(2026, 11, 23)
PRIVACY_KEY = "ctrl+backslash"


def journal_strings(path: Path) -> list[str]:
    """Every name, summary, promise, offer and ask of the journal (long ones cut to 20)."""
    j = Journal(path, today=TODAY)
    texts = [p.name for p in j.people.values()]
    texts += [c.summary for c in j.conversations.values()]
    texts += [p.text for p in j.promises.values()]
    texts += [o.company for o in j.offers.values()] + [a.text for a in j.asks.values()]
    return [t[:20] for t in texts]


async def go_to(app: LeverageApp, pilot: Pilot[None], where: str) -> None:
    """Open one of the places the key must work from."""
    if where == "log":
        await pilot.press("f2")
    elif where == "conversation":
        app.open_conversation("c11")
    elif where == "editor":
        app.open_conversation("c11")
        await pilot.pause()
        await pilot.press("enter")  # edit a promise: its text is in the modal's field
    elif where == "palette":
        await pilot.press("ctrl+p")
    await pilot.pause()


@pytest.mark.parametrize("where", ["today", "log", "conversation", "editor", "palette"])
def test_privacy_key_hides_every_journal_string(
    demo_app: LeverageApp, demo_path: Path, drive, screen_text, where: str
) -> None:
    """Shown before, gone while hidden (title too), back after the same key again."""
    strings = journal_strings(demo_path)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await go_to(app, pilot, where)
        app.notify("Undone: add promise " + strings[-1])
        await pilot.pause()
        before_screen = app.screen
        if where != "palette":  # the palette covers the screen
            assert any(s in screen_text(app) for s in strings)
        await pilot.press(PRIVACY_KEY)
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        hidden = screen_text(app)
        assert [s for s in strings if s in hidden] == []
        assert "Leverage" in hidden
        assert (app.title, app.sub_title) == ("Leverage", "")
        assert app.screen.title in (None, "Leverage") and not app.screen.sub_title
        await pilot.press("f2", "ctrl+p", "n")  # nothing else works while hidden
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        assert [s for s in strings if s in screen_text(app)] == []
        await pilot.press(PRIVACY_KEY)
        await pilot.pause()
        assert app.screen is before_screen
        if where != "palette":
            assert any(s in screen_text(app) for s in strings)

    drive(demo_app, body, size=(100, 30))


def test_private_start_opens_hidden(demo_path: Path, drive, screen_text) -> None:
    """--private-start: the first thing on screen is the privacy screen."""
    app = LeverageApp(demo_path, today=TODAY, private_start=True)
    strings = journal_strings(demo_path)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, PrivacyScreen)
        assert [s for s in strings if s in screen_text(app)] == []
        await pilot.press(PRIVACY_KEY)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

    drive(app, body)


def test_privacy_key_is_rebindable(demo_path: Path, private_folders: Path, drive) -> None:
    """keymap privacy = "f12": F12 hides, and the screen names F12 as the way back."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text('[keymap]\nprivacy = "f12"\n')
    app = LeverageApp(demo_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("a")
        assert isinstance(app.screen, PromiseEditor)
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        assert app.screen.key_display == "F12"
        await pilot.press("f12")
        assert isinstance(app.screen, PromiseEditor)

    drive(app, body)
