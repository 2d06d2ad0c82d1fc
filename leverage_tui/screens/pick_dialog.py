"""A short list to pick one thing from (which offer to decide on, ...): Enter picks,
Esc cancels. Returns the picked option's id, or None."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ..widgets.letter_keys import OptionList


class PickDialog(ModalScreen[str | None]):
    """Pick one of `choices` ((id, words) pairs) under `question`."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick-dialog.cancel")]
    DEFAULT_CSS = """
    PickDialog {
        align: center middle;
        & > Vertical {
            width: 72; max-width: 95%; height: auto; max-height: 80%;
            border: thick $primary; background: $surface; padding: 0 1;
        }
        & OptionList { height: auto; max-height: 12; border: none; }
        & .pick-note { color: $text-muted; }
    }
    """

    def __init__(self, question: str, choices: Sequence[tuple[str, str]]) -> None:
        """Ask `question`; each choice is (id, the words shown)."""
        super().__init__()
        self.question = question
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        """The question, the choices, how to answer."""
        with Vertical():
            yield Static(self.question, markup=False)
            yield OptionList(*(Option(words, id=cid) for cid, words in self.choices))
            yield Static("enter picks · esc cancels", classes="pick-note")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Pick nothing."""
        self.dismiss(None)
