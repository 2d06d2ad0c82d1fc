"""Change a promise's due date (empty = no due date); a later date goes into its history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from ..core.date_phrases import due_problem
from ..core.flags import moved_later
from ..core.show import day_text
from ..core.visible import visible
from ..widgets.date_field import DateField
from .promise_dialog import PromiseDialog


@dataclass(frozen=True)
class DueChoice:
    """The new due date (None: the promise has no due date)."""

    due: dt.date | None


class DueDialog(PromiseDialog[DueChoice]):
    """A modal that asks for a new due date; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="due-dialog.cancel")]
    DEFAULT_CSS = """
    DueDialog .dialog-note { color: $text-muted; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        """Title, what the history says, the date field and the buttons."""
        p = self.promise
        moves = len(moved_later(p))
        now = day_text(p.due) if p.due else "no due date"
        note = f"Now: {now}. Pushed later {moves} time{'s' if moves != 1 else ''} so far."
        with Vertical():
            title = visible(f"Due date of {p.id}: {p.text}")
            yield Static(title, classes="dialog-title", markup=False)
            yield Static(note + " Empty = no due date.", classes="dialog-note", markup=False)
            yield DateField(p.due, allow_empty=True, expect_future=True, id="due-date")
            yield self.buttons()

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
        problem = due_problem(field.date, self.promise.made_on)
        if problem:
            field.focus()
            self.notify(problem, severity="warning", markup=False)
            return
        self.dismiss(DueChoice(field.date))
