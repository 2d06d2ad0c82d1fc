"""The passphrase prompt shown before an encrypted journal opens."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..core import crypto
from ..core.storage import JournalError


class SecretInput(Input):
    """A masked input whose text can never be copied or cut to the clipboard."""

    def action_copy(self) -> None:
        """Copying a passphrase is not allowed."""

    def action_cut(self) -> None:
        """Cutting a passphrase is not allowed (it would copy it)."""


class PassphraseScreen(ModalScreen[crypto.PassphraseCodec]):
    """Asks for the journal's passphrase; dismisses with a codec that opens it.

    A wrong passphrase clears the field and says so; Escape quits the app.
    """

    BINDINGS = [Binding("escape", "quit", "Quit", id="passphrase.quit")]

    DEFAULT_CSS = """
    PassphraseScreen {
        align: center middle;
    }
    PassphraseScreen #passphrase-box {
        width: 64;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $primary;
        background: $surface;
    }
    PassphraseScreen #passphrase-title {
        text-style: bold;
        margin-bottom: 1;
    }
    PassphraseScreen #passphrase-path {
        color: $text-muted;
        margin-bottom: 1;
    }
    PassphraseScreen #passphrase-message {
        color: $error;
        height: auto;
        margin-top: 1;
    }
    PassphraseScreen #passphrase-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(self, path: Path | str) -> None:
        """A prompt for the encrypted journal at `path`."""
        super().__init__()
        self.path = Path(path)
        self.tries = 0

    def compose(self) -> ComposeResult:
        """A title, the file, the masked field and room for a message."""
        with Vertical(id="passphrase-box"):
            yield Label("This journal is encrypted", id="passphrase-title")
            yield Static(str(self.path), id="passphrase-path", markup=False)
            yield SecretInput(password=True, placeholder="passphrase", id="passphrase-input")
            yield Static("", id="passphrase-message", markup=False)
            yield Static("Enter: open   Escape: quit", id="passphrase-hint")

    def on_mount(self) -> None:
        """Put the cursor in the field."""
        self.query_one(SecretInput).focus()

    @on(Input.Submitted, "#passphrase-input")
    def unlock(self, event: Input.Submitted) -> None:
        """Try the typed passphrase: open the journal, or say why not."""
        field = self.query_one(SecretInput)
        message = self.query_one("#passphrase-message", Static)
        if not event.value:
            message.update("Type the journal's passphrase, then press Enter")
            return
        try:
            codec = crypto.unlock(self.path, event.value)
            codec.decode(self.path.read_bytes())  # a damaged file is said here, not later
        except OSError as err:
            message.update(f"{self.path}: cannot read the journal ({err.strerror or err})")
            return
        except crypto.WrongPassphrase:
            self.tries += 1
            field.clear()
            message.update(f"Wrong passphrase (try {self.tries}): type it again, or Escape to quit")
            return
        except JournalError as err:
            field.clear()
            message.update(str(err))
            return
        self.dismiss(codec)

    def action_quit(self) -> None:
        """Leave the app without opening the journal."""
        self.app.exit()
