"""FormDialog: the frame of the small dialogs (a promise's status or due date, the
decision on an offer); PromiseDialog: one about a promise.

A title, the subclass's fields, Save and Cancel. Save (the button, or Enter in a field)
runs the subclass's `action_save`; Cancel (the button, or escape, bound by each
subclass under its own key id) closes with None.
"""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button

from ..core.records import Promise

R = TypeVar("R")


class FormDialog(ModalScreen[R | None]):
    """A modal: fields in a framed box, then Save and Cancel."""

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
        & > Vertical {
            width: 64;
            max-width: 95%;
            height: auto;
            max-height: 95%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        & .dialog-title { text-style: bold; }
        & .dialog-buttons { height: auto; align-horizontal: right; }
        & .dialog-buttons Button { margin-left: 1; }
    }
    """

    @staticmethod
    def buttons(save: str = "Save") -> Horizontal:
        """The Save (or `save`) and Cancel buttons, right-aligned."""
        return Horizontal(
            Button(save, variant="primary", id="save"),
            Button("Cancel", id="cancel"),
            classes="dialog-buttons",
        )

    def action_save(self) -> None:
        """Close with the choice (each dialog checks and builds its own)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)

    def on_input_submitted(self) -> None:
        """Enter in a field saves."""
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class PromiseDialog(FormDialog[R]):
    """A form dialog about `promise`."""

    def __init__(self, promise: Promise) -> None:
        """A dialog about `promise`."""
        super().__init__()
        self.promise = promise
