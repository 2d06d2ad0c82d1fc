"""Change a promise's due date (empty = no due date); a later date goes into its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..core.flags import moved_later
from ..core.records import Promise
from ..widgets.date_field import DateField


@dataclass(frozen=True)
class DueChoice:
    """The new due date (None: the promise has no due date)."""

    due: dt.date | None


class DueDialog(ModalScreen[DueChoice | None]):
    """A modal that asks for a new due date; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="due-dialog.cancel")]
    DEFAULT_CSS = """
    DueDialog {
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
        & .dialog-note { color: $text-muted; margin-bottom: 1; }
        & .dialog-buttons { height: auto; align-horizontal: right; }
        & .dialog-buttons Button { margin-left: 1; }
    }
    """

    def __init__(self, promise: Promise) -> None:
        """A dialog for `promise`, its current due date filled in."""
        super().__init__()
        self.promise = promise

    def compose(self) -> ComposeResult:
        """Title, what the history says, the date field and the buttons."""
        p = self.promise
        moves = len(moved_later(p))
        now = p.due.isoformat() if p.due else "no due date"
        note = f"Now: {now}. Pushed later {moves} time{'s' if moves != 1 else ''} so far."
        with Vertical():
            yield Static(f"Due date of {p.id}: {p.text}", classes="dialog-title", markup=False)
            yield Static(note + " Empty = no due date.", classes="dialog-note", markup=False)
            yield DateField(p.due, allow_empty=True, id="due-date")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Start in the date field."""
        self.query_one("#due-date", DateField).focus()

    def action_save(self) -> None:
        """Close with the new date, unless it is not a date."""
        field = self.query_one("#due-date", DateField)
        if not field.is_valid:
            field.focus()
            self.notify(field.error or "not a date", severity="warning")
            return
        self.dismiss(DueChoice(field.date))

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)

    def on_input_submitted(self) -> None:
        """Enter in the date field saves."""
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
