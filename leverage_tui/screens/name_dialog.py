"""NameDialog: asked once, the first time a recap is shown: how to sign messages.

One field. Enter saves the name (`name` in config.toml); an empty field, Skip or Escape
leaves recaps unsigned and is not asked again (the app saves an empty `name`).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..core.checks import text_problem
from ..core.records import NAME_LIMIT


class NameDialog(ModalScreen[str]):
    """Ask the user's name for signing recaps; dismisses it ('' when skipped)."""

    BINDINGS = [Binding("escape", "skip", "Skip", id="name-dialog.skip")]
    DEFAULT_CSS = """
    NameDialog { align: center middle; }
    NameDialog > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: thick $primary 60%; background: $surface; padding: 1 2;
    }
    NameDialog #name-note { color: $text-muted; margin-bottom: 1; }
    NameDialog #name-problem { color: $text-error; height: auto; }
    NameDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    NameDialog Button { margin-left: 1; }
    """

    def compose(self) -> ComposeResult:
        """The question, the field, what is wrong with it, and the buttons."""
        with Vertical() as box:
            box.border_title = "Your name, to sign recaps"
            yield Static(
                "Recaps and messages end with your name. Asked once: change it later as "
                "name in config.toml. Leave it empty to sign nothing.",
                id="name-note",
            )
            yield Input(placeholder="e.g. Alex Kim", id="name", compact=True)
            yield Static("", id="name-problem", markup=False)
            with Horizontal():
                yield Button("Skip", id="skip", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        """Start in the field."""
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Close with the name typed, unless it cannot be a name."""
        name = " ".join(self.query_one("#name", Input).value.split())
        problem = text_problem(name, "your name", multiline=False, limit=NAME_LIMIT)
        if problem:
            self.query_one("#name-problem", Static).update(problem)
            return
        self.dismiss(name)

    def action_skip(self) -> None:
        """Sign nothing (and do not ask again)."""
        self.dismiss("")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "skip":
            self.action_skip()
