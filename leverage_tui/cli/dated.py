"""Date arguments that know which way a date given without a year points.

`date_type(ahead)` is an argparse type: for a due date, a deadline or a target
(`ahead=True`) "mar 1" is the next March 1; for a day something happened (`ahead=False`)
the last one (core/date_phrases.py). `check_dates` refuses a promise due before it was
made and gives a warning for each day that happened but lies in the future.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from ..core import dates
from ..core.date_phrases import due_problem, happened_fields
from ..core.records import Record
from ..core.registry import Kind
from .common import UsageError


def date_type(ahead: bool | None, *, time: bool = False) -> Callable[[str], Any]:
    """An argparse type parsing a date (with `time`, a date and an optional time of day)."""

    def parse(text: str) -> Any:
        try:
            when = dates.parse_when(text, dates.today(), ahead=ahead)
        except dates.DateError as err:
            raise argparse.ArgumentTypeError(str(err)) from None
        return when if time else when[0]

    parse.__name__ = "date"  # argparse names the type in its messages
    return parse


def future_warning(what: str, day: dt.date, today: dt.date) -> str | None:
    """A warning line when `day`, the day something happened, is after `today`."""
    if day <= today:
        return None
    return (
        f"leverage: warning: the {what} {day.isoformat()} is in the future "
        f"({dates.describe(day, today)}); is that what you meant?"
    )


def check_dates(
    kind: Kind,
    values: dict[str, Any],
    today: dt.date,
    *,
    before: Record | None = None,
    change_on: dt.date | None = None,
) -> list[str]:
    """Refuse a promise due before it was made (UsageError: exit 2, nothing written);
    the warnings to print once saved, one line for each day that happened but lies after
    `today` (the record's own dates, and `change_on`, the date given to a change)."""
    if kind.name == "promise":
        due = values["due"] if "due" in values else getattr(before, "due", None)
        made = values.get("made_on") or getattr(before, "made_on", None) or today
        problem = due_problem(due, made)
        if problem:
            raise UsageError(problem)
    found = [(kind.field(name).what, day) for name, day in happened_fields(values)]
    if change_on is not None:
        found.append(("date of this change", change_on))
    return [w for what, day in found if (w := future_warning(what, day, today))]
