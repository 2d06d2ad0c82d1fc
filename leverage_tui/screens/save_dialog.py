"""SaveDialog: ask where to save a file (the brief, a recap) before anything is written.

A path field, filled with a name in the user's documents folder (never silently the
current folder); a word that the file is readable by the user only, and that it is plain
text when the journal is encrypted. Save (the button, or Enter) hands the path to the
caller's `save`, which writes through the core's safe writer; a refusal is shown in the
dialog, which stays open to pick another name. An existing file is replaced only after a
second Save. Escape or Cancel closes without writing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..core.safe_files import OutputError, OutputExists

PLAIN_TEXT_WARNING = (
    "Your journal is encrypted, but this file will be plain text: anyone who can read "
    "the file can read what it says."
)
"""Said when the journal is encrypted: what is saved leaves the encryption behind."""


class SaveDialog(ModalScreen[Path | None]):
    """Where to save; dismisses the path written, None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save-dialog.cancel")]
    DEFAULT_CSS = """
    SaveDialog {
        align: center middle;
        & > Vertical {
            width: 80; max-width: 95%; height: auto; max-height: 95%;
            border: thick $primary; background: $surface; padding: 0 1;
        }
        & .save-note { color: $text-muted; }
        & #save-plain-text { color: $warning; text-style: bold; margin-top: 1; }
        & #save-path { margin-top: 1; }
        & #save-problem { color: $error; }
        & .dialog-buttons { height: auto; align-horizontal: right; }
        & .dialog-buttons Button { margin-left: 1; }
    }
    """

    def __init__(
        self,
        title: str,
        default: Path,
        save: Callable[[Path, bool], Path],
        *,
        plain_text: bool,
    ) -> None:
        """A dialog titled `title` offering `default`. `save(path, replace)` writes the
        file and returns where (OutputError when it will not; OutputExists when the file
        exists and `replace` is False). `plain_text` when the journal is encrypted."""
        super().__init__()
        self.title_text = title
        self.default = default
        self.save = save
        self.plain_text = plain_text
        self._replace: Path | None = None
        """An existing file the user was told about: the next Save replaces it."""

    def compose(self) -> ComposeResult:
        """The note, the warning when encrypted, the path field, the problem and buttons."""
        with Vertical() as frame:
            frame.border_title = self.title_text
            yield Static(
                "Saved readable by you only. ~ is your home folder.",
                classes="save-note",
                markup=False,
            )
            if self.plain_text:
                yield Static(PLAIN_TEXT_WARNING, id="save-plain-text", markup=False)
            yield Input(str(self.default), id="save-path")
            yield Static("", id="save-problem", markup=False)
            yield Horizontal(
                Button("Save", variant="primary", id="save"),
                Button("Cancel", id="cancel"),
                classes="dialog-buttons",
            )

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#save-path", Input).focus()

    def _problem(self, text: str) -> None:
        self.query_one("#save-problem", Static).update(text)

    def action_save(self) -> None:
        """Save to the path in the field, or say why not and stay open."""
        typed = self.query_one("#save-path", Input).value.strip()
        if not typed:
            self._problem("Give a file name to save to.")
            return
        path = Path(typed).expanduser()
        path = path if path.is_absolute() else Path.cwd() / path
        try:
            written = self.save(path, path == self._replace)
        except OutputExists:
            self._replace = path
            self._problem(f"{path} exists: Save again to replace it.")
            return
        except OutputError as err:
            self._replace = None
            self._problem(str(err))
            return
        self.dismiss(written)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Input.Submitted, "#save-path")
    def _submitted(self) -> None:
        self.action_save()

    @on(Input.Changed, "#save-path")
    def _changed(self) -> None:
        self._problem("")

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
