"""Dates in words, as the brief and the messages write them."""

from __future__ import annotations

import datetime as dt

from .dates import MONTH_NAMES

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Weekday names, Monday first (as date.weekday() counts)."""


def long_date(d: dt.date, *, weekday: bool = False) -> str:
    """A date as '23 November 2026' (or 'Monday 23 November 2026')."""
    day = f"{WEEKDAY_NAMES[d.weekday()]} " if weekday else ""
    return f"{day}{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"
