"""The date phrases people use for deadlines, and which way a year-less date points.

Pure helpers for :mod:`dates` (which owns the input checks and the error messages):

* ``next week`` (a week from today), ``next month`` (a calendar month from today),
  ``next year``; ``last week``, ``last month``, ``last year`` the same span back (a
  filter's ``--from "last month"``);
* ``end of week`` / ``eow``: the first Friday on or after today (the end of the working
  week; on a Saturday or Sunday, the coming Friday); ``end of next week``: a week later;
* ``end of month`` / ``eom``, ``end of next month``: the last day of that month;
* ``q1`` .. ``q4`` (optionally with a year, ``q1 2027``): the last day of that quarter;
* dotted day-first dates with a year, ``15.01.2027`` (slashed dates stay refused: they
  are read month-first in some places and day-first in others; dots are day-first).

A day and month without a year (``mar 1``, ``q1``) is placed by :func:`place_in_year`:
with ``ahead`` the next such day (on or after today: a due date, a deadline, a target),
with ``ahead=False`` the last such day (on or before today: the day a thing happened),
with ``None`` in today's year.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Final

from dateutil.relativedelta import relativedelta

__all__ = [
    "AHEAD_FIELDS",
    "BEHIND_FIELDS",
    "direction",
    "due_problem",
    "happened_fields",
    "phrase",
    "place_in_year",
]

AHEAD_FIELDS: Final = frozenset({"due", "deadline", "target"})
"""Date fields that name a day still to come: a year-less date means the next one."""
BEHIND_FIELDS: Final = frozenset({"on", "made_on", "received", "status_on", "when"})
"""Date fields that name a day that happened: a year-less date means the last one."""

_FRIDAY: Final = 4
_QUARTER: Final = re.compile(r"q(?P<q>[1-4])(?: (?P<year>\d{4}))?", re.ASCII)
_NEXT_LAST: Final = re.compile(r"(?P<way>next|last) (?P<unit>week|month|year)", re.ASCII)
_DOTTED: Final = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", re.ASCII)


def direction(field: str) -> bool | None:
    """True for a field naming a day to come, False for one that happened, else None."""
    if field in AHEAD_FIELDS:
        return True
    if field in BEHIND_FIELDS:
        return False
    return None


def _month_end(day: datetime.date) -> datetime.date:
    """The last day of the month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _end_of_week(ref: datetime.date) -> datetime.date:
    """The first Friday on or after ``ref``."""
    return ref + datetime.timedelta(days=(_FRIDAY - ref.weekday()) % 7)


def place_in_year(month: int, day: int, ref: datetime.date, ahead: bool | None) -> datetime.date:
    """The year-less ``month``/``day`` placed by ``ahead`` (see the module docstring).

    Feb 29 goes to the nearest leap year in that direction. Raises ValueError for a day
    no year has (``feb 30``), or, with ``ahead=None``, one today's year lacks.
    """
    if ahead is None:
        return datetime.date(ref.year, month, day)
    step = 1 if ahead else -1
    year = ref.year
    for _ in range(9):  # Feb 29 is at most 8 years away
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            found = None
        if found is not None and (found >= ref if ahead else found <= ref):
            return found
        year += step
    raise ValueError("no such day in the calendar")


def phrase(text: str, ref: datetime.date, ahead: bool | None) -> datetime.date | None:
    """The day a deadline phrase names (normalised lower-case ``text``), or None when
    ``text`` is none of them. May raise ValueError for a day the calendar lacks."""
    match = _NEXT_LAST.fullmatch(text)
    if match is not None:
        sign = 1 if match["way"] == "next" else -1
        shifted: datetime.date = ref + relativedelta(**{f"{match['unit']}s": sign})
        return shifted
    if text in ("end of week", "eow", "end of the week"):
        return _end_of_week(ref)
    if text in ("end of next week", "end of the next week"):
        return _end_of_week(ref) + datetime.timedelta(weeks=1)
    if text in ("end of month", "eom", "end of the month"):
        return _month_end(ref)
    if text in ("end of next month", "end of the next month"):
        return _month_end(ref.replace(day=1) + relativedelta(months=1))
    match = _QUARTER.fullmatch(text)
    if match is not None:
        month = int(match["q"]) * 3
        last = calendar.monthrange(2001, month)[1]  # quarter ends never fall on Feb 29
        if match["year"]:
            return datetime.date(int(match["year"]), month, last)
        return place_in_year(month, last, ref, ahead)
    match = _DOTTED.fullmatch(text)
    if match is not None:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def due_problem(due: datetime.date | None, made: datetime.date | None) -> str | None:
    """The refusal of a due date before the day its promise was made, or None."""
    if due is None or made is None or due >= made:
        return None
    return (
        f"due date {due.isoformat()} is before the promise was made ({made.isoformat()}): "
        "a promise cannot be due before it was made"
    )


def happened_fields(values: dict[str, object]) -> list[tuple[str, datetime.date]]:
    """The (field, day) pairs of `values` that name a day something happened."""
    return [
        (name, day)
        for name, day in values.items()
        if name in BEHIND_FIELDS and isinstance(day, datetime.date)
    ]
