"""DateField: a text field for a date that shows, as you type, the day it understood.

It accepts exactly what the command line accepts (`today`, `fri`, `in 2 weeks`,
`nov 20`, `2026-11-20 14:30`, ...) and shows under the field either the parsed day
("→ Fri 27 Nov 2026 · in 4 days") or the error. Editors check `.is_valid` before saving.
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ..core import dates
from ..core.show import day_text

DEFAULT_PLACEHOLDER = "today, fri, in 2 weeks, nov 20, 2026-11-20"
"""What an empty date field suggests."""


def show_date(day: dt.date, today: dt.date) -> str:
    """A day as 'Fri 27 Nov 2026 · in 4 days'."""
    return f"{day_text(day, weekday=True)} · {dates.describe(day, today)}"


class DateField(Vertical):
    """A date input with a line under it showing the parsed day or what is wrong."""

    DEFAULT_CSS = """
    DateField {
        height: auto;
        width: 1fr;
    }
    DateField > .date-hint {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    DateField > .date-hint.-error {
        color: $text-error;
    }
    DateField > .date-hint.-warning {
        color: $text-warning;
    }
    """

    class Changed(Message):
        """Posted when the text changes; carries the parsed date (None when invalid)."""

        def __init__(self, field: DateField, date: dt.date | None) -> None:
            """A change of `field`, now meaning `date`."""
            super().__init__()
            self.field = field
            self.date = date

        @property
        def control(self) -> DateField:
            """The DateField that changed."""
            return self.field

    def __init__(
        self,
        value: str | dt.date | None = "",
        *,
        allow_empty: bool = False,
        today: dt.date | None = None,
        placeholder: str = DEFAULT_PLACEHOLDER,
        compact: bool = False,
        expect_future: bool = False,
        happened: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A date field; `value` may be text or a date; `allow_empty` accepts no date.

        `compact` draws the input without a border (for dense forms); `expect_future`
        (a due date, say) reads a day without a year as the next one and adds a warning
        to the hint when the day is already past; `happened` (the day a thing was said)
        reads it as the last one and warns about a day in the future.
        """
        super().__init__(id=id, classes=classes)
        self.allow_empty = allow_empty
        self.expect_future = expect_future
        self.happened = happened
        self.ahead: bool | None = True if expect_future else (False if happened else None)
        """How a day typed without a year is placed (core/date_phrases.py)."""
        self._typed = False  # the past-date warning is for what the user typed
        self._today = today
        text = value.isoformat() if isinstance(value, dt.date) else (value or "")
        self._input = Input(text, placeholder=placeholder, compact=compact, classes="date-input")
        self._hint = Static("", classes="date-hint", markup=False)
        self._date: dt.date | None = None
        self._time: dt.time | None = None
        self._error: str | None = None
        self._initial = text
        self._check(text)

    def compose(self) -> ComposeResult:
        """The input, then the hint line."""
        yield self._input
        yield self._hint

    def on_mount(self) -> None:
        """Show the hint for the starting value (now that today is known)."""
        self._check(self._input.value)

    @property
    def today(self) -> dt.date:
        """The day relative dates are counted from: the app's today when there is one."""
        if self._today is not None:
            return self._today
        try:
            app_today = getattr(self.app, "today", None)
        except Exception:  # no app yet (constructed outside a running app)
            app_today = None
        return app_today if isinstance(app_today, dt.date) else dates.today()

    @property
    def input(self) -> Input:
        """The inner text input."""
        return self._input

    @property
    def value(self) -> str:
        """The text as typed."""
        return self._input.value

    @value.setter
    def value(self, text: str | dt.date | None) -> None:
        self._input.value = text.isoformat() if isinstance(text, dt.date) else (text or "")
        self._check(self._input.value)

    @property
    def date(self) -> dt.date | None:
        """The parsed day, or None (when empty or invalid)."""
        return self._date

    @property
    def time(self) -> dt.time | None:
        """The time of day typed after the date, if any."""
        return self._time

    @property
    def error(self) -> str | None:
        """What is wrong with the text, or None when it is valid."""
        return self._error

    @property
    def is_valid(self) -> bool:
        """True when the text is a date (or empty, when empty is allowed)."""
        return self._error is None

    def focus(self, scroll_visible: bool = True) -> DateField:
        """Focus the text input."""
        self._input.focus(scroll_visible)
        return self

    def _check(self, text: str) -> None:
        """Parse `text` and update the hint line and the error state."""
        self._date = self._time = self._error = None
        if not text.strip():
            if not self.allow_empty:
                self._error = "a date is needed: " + DEFAULT_PLACEHOLDER
        else:
            try:
                self._date, self._time = dates.parse_when(text, self.today, ahead=self.ahead)
            except dates.DateError as err:
                self._error = str(err)
        if self._error:
            hint = self._error
        elif self._date is not None:
            hint = "→ " + show_date(self._date, self.today)
            if self._time is not None:
                hint += f" at {self._time:%H:%M}"
            if self._past():
                hint += " · already past: add a year if you meant the next one"
            elif self._future():
                hint += " · in the future: is that what you meant?"
        else:
            hint = "no date"
        self._hint.update(hint)
        self._hint.set_class(self._error is not None, "-error")
        self._hint.set_class(self._past() or self._future(), "-warning")
        self._input.set_class(self._error is not None, "-invalid")

    def _past(self) -> bool:
        """True when a typed due date is already past (worth a second look)."""
        day = self._date
        return self.expect_future and self._typed and day is not None and day < self.today

    def _future(self) -> bool:
        """True when a day something happened on lies after today (worth a second look)."""
        day = self._date
        return self.happened and day is not None and day > self.today

    @on(Input.Changed, ".date-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed = self._typed or self.is_mounted and event.value != self._initial
        self._check(event.value)
        self.post_message(self.Changed(self, self._date))
