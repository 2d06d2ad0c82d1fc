"""Set a promise's status: pick the status, say on which day (default today)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static
from textual.widgets.option_list import Option

from ..core.records import STATUSES
from ..core.visible import visible
from ..widgets.date_field import DateField
from ..widgets.letter_keys import OptionList
from .promise_dialog import PromiseDialog

STATUS_HELP = {
    "pending": "not done yet",
    "honored": "they did what they said",
    "partly": "they did part of it",
    "broken": "they did not do it",
    "withdrawn": "they took it back",
    "released": "no longer expected: you left (not broken)",
}
"""What each status means, for the chooser."""


@dataclass(frozen=True)
class StatusChoice:
    """The status chosen and the day it happened."""

    status: str
    on: dt.date


class StatusDialog(PromiseDialog[StatusChoice]):
    """A modal that asks for a status and the day it happened; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="status-dialog.cancel")]
    DEFAULT_CSS = """
    StatusDialog {
        & .dialog-title { margin-bottom: 1; }
        & OptionList { height: auto; max-height: 8; margin-bottom: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        """Title, the statuses, the date field and the buttons."""
        p = self.promise
        with Vertical():
            title = visible(f"Status of {p.id}: {p.text}")
            yield Static(title, classes="dialog-title", markup=False)
            yield OptionList(
                *(Option(f"{s:<10} {STATUS_HELP[s]}", id=s) for s in STATUSES), id="statuses"
            )
            yield Label("On which day?")
            yield DateField("today", happened=True, id="status-on")
            yield self.buttons()

    def on_mount(self) -> None:
        """Highlight the current status and start in the list."""
        options = self.query_one("#statuses", OptionList)
        options.highlighted = STATUSES.index(self.promise.status)
        options.focus()

    @property
    def chosen(self) -> str:
        """The highlighted status."""
        index = self.query_one("#statuses", OptionList).highlighted
        return STATUSES[index if index is not None else 0]

    def action_save(self) -> None:
        """Close with the choice, unless the date is not a date."""
        field = self.query_one("#status-on", DateField)
        if not field.is_valid or field.date is None:
            field.focus()
            self.notify(field.error or "a date is needed", severity="warning")
            return
        self.dismiss(StatusChoice(self.chosen, field.date))

    @on(OptionList.OptionSelected, "#statuses")
    def _picked(self) -> None:
        self.action_save()
