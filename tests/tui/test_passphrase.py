"""The passphrase prompt of an encrypted journal: masked, retried, never copied, Escape
quits without opening anything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal
from leverage_tui.screens.passphrase import PassphraseScreen, SecretInput
from leverage_tui.screens.privacy import PrivacyScreen

TODAY = dt.date(2026, 11, 23)
SECRET = "tangerine-lighthouse-42"
MARKER = "Promised the staff title by March"


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """An encrypted journal holding two promises (MARKER first), so one backup."""
    path = tmp_path / "secret.json"
    journal = Journal(path, today=TODAY, codec=crypto.PassphraseCodec(SECRET))
    journal.add_promise(MARKER, "Ana")
    journal.add_promise("A second promise", "Ana")
    return path


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, then Enter."""
    await pilot.press(*["space" if c == " " else c for c in text], "enter")
    await pilot.pause()


def message(app: LeverageApp) -> str:
    """The prompt's message line."""
    return str(app.screen.query_one("#passphrase-message").render())


def test_the_app_asks_first_and_a_wrong_passphrase_can_be_retried(
    encrypted: Path, drive: Callable[..., None], screen_text: Callable[[LeverageApp], str]
) -> None:
    app = LeverageApp(encrypted, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, PassphraseScreen)
        field = app.screen.query_one(SecretInput)
        assert field.password and field.has_focus
        assert MARKER not in screen_text(app)  # nothing of the journal shows behind it
        await pilot.press(*"not-it")
        assert "not-it" not in screen_text(app)  # masked while typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen)
        assert "Wrong passphrase" in message(app) and field.value == ""
        await pilot.press("enter")  # nothing typed: a hint, not a try
        assert "Type the journal's passphrase" in message(app)
        await type_text(pilot, "still wrong")
        assert "try 2" in message(app)
        await type_text(pilot, SECRET)
        assert not isinstance(app.screen, PassphraseScreen)
        assert app.current_mode == "today"
        assert MARKER in {p.text for p in app.journal.promises.values()}
        # changes are saved encrypted with the same passphrase
        assert app.change(lambda j: j.add_promise("Saved from the app", "Ana"))

    drive(app, body)
    assert crypto.is_encrypted(encrypted)
    assert b"Saved from the app" not in encrypted.read_bytes()
    reopened = Journal(encrypted, today=TODAY, codec=crypto.unlock(encrypted, SECRET))
    assert "Saved from the app" in {p.text for p in reopened.promises.values()}


def test_escape_quits_without_opening_the_journal(
    encrypted: Path, drive: Callable[..., None]
) -> None:
    app = LeverageApp(encrypted, today=TODAY)
    before = encrypted.read_bytes()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press(*"half typ", "escape")
        await pilot.pause()
        assert app.return_code == 0  # the app is on its way out
        with pytest.raises(Exception, match="locked"):
            _ = app.journal

    drive(app, body)
    assert encrypted.read_bytes() == before


def test_the_passphrase_cannot_be_copied_to_the_clipboard(
    encrypted: Path, drive: Callable[..., None]
) -> None:
    app = LeverageApp(encrypted, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press(*"copy-me", "ctrl+shift+a", "ctrl+c", "ctrl+x")
        await pilot.pause()
        assert "copy-me" not in app.clipboard

    drive(app, body)


def test_private_start_hides_the_journal_right_after_the_passphrase(
    encrypted: Path, drive: Callable[..., None], screen_text: Callable[[LeverageApp], str]
) -> None:
    app = LeverageApp(encrypted, today=TODAY, private_start=True)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await type_text(pilot, SECRET)
        await pilot.pause()
        assert isinstance(app.screen, PrivacyScreen)
        assert MARKER not in screen_text(app)

    drive(app, body)


def test_a_damaged_encrypted_journal_says_so_and_offers_escape(
    encrypted: Path, drive: Callable[..., None]
) -> None:
    encrypted.write_bytes(encrypted.read_bytes()[:-20])
    app = LeverageApp(encrypted, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await type_text(pilot, SECRET)
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen)
        assert "damaged" in message(app) and "newest backup" in message(app)

    drive(app, body)
