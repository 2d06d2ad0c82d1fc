"""Neutral screens that show nothing from the journal.

`PrivacyScreen` covers everything when the privacy key is pressed (the same key brings
the app back); `LockedScreen` is what shows behind the passphrase prompt of an
encrypted journal. Neither has a header, a footer or any text from the journal.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static


class PrivacyScreen(Screen[None]):
    """A blank, neutral screen: only the app's name and the key that brings it back."""

    DEFAULT_CSS = """
    PrivacyScreen {
        background: $background;
        align: center middle;
    }
    PrivacyScreen #privacy-name {
        color: $text-muted;
        text-style: bold;
        width: auto;
    }
    PrivacyScreen #privacy-hint {
        color: $text-disabled;
        width: auto;
    }
    """

    def __init__(self, key_display: str = "") -> None:
        """A privacy screen that says `key_display` brings the app back."""
        super().__init__()
        self.key_display = key_display

    def compose(self) -> ComposeResult:
        """The app's name and the key to come back, centred."""
        with Middle(), Center():
            yield Static("Leverage", id="privacy-name", markup=False)
        with Center():
            hint = f"{self.key_display} to continue" if self.key_display else ""
            yield Static(hint, id="privacy-hint", markup=False)


class LockedScreen(Screen[None]):
    """What shows while an encrypted journal waits for its passphrase."""

    DEFAULT_CSS = """
    LockedScreen {
        background: $background;
        align: center middle;
    }
    LockedScreen Static {
        color: $text-muted;
        width: auto;
    }
    """

    def compose(self) -> ComposeResult:
        """The app's name, centred."""
        yield Static("Leverage", markup=False)
