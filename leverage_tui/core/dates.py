"""Turning what people type into dates, and dates into short relative words.

Everything here is pure: the clock is read in :func:`today` (and, for the time of day a
change is stamped with in the hash chain, :func:`stamp`); every other function takes the
reference day as an argument so tests can pin it.

Accepted inputs (case-insensitive, surrounding whitespace ignored, at most 64 characters):

* ISO ``2026-11-20``, optionally with a time: ``2026-11-20 14:30``, ``2026-11-20T14:30``;
* ``today``, ``yesterday``, ``tomorrow``;
* weekday names, full or short (``fri``, ``friday``, ``tue``/``tues``, ``thu``/``thur``/
  ``thurs``): the next such day strictly after today; ``next fri`` means the same,
  ``last mon`` is the most recent Monday strictly before today and ``this fri`` is the
  Friday on or after today; with ``ahead=False`` (a day that happened) a bare ``fri``
  is the most recent Friday, today included;
* ``in 3 days``, ``in 2 weeks``, ``in 1 month``, ``in 1 year``, ``3 days ago``,
  ``1 month ago`` (``a``/``an`` work as ``1``; months and years use calendar arithmetic, so
  ``in 1 month`` from Jan 31 is Feb 28);
* month names: ``nov 20``, ``november 20``, ``20 nov``, ``20 Nov 2026``, ``Nov 20 2026``,
  ``Nov 20, 2026`` (a day may carry an ordinal suffix, ``nov 20th``); without a year,
  ``ahead=True`` (a due date, a deadline, a target) means the next such day,
  ``ahead=False`` (a day something happened) the last such day, and the default
  ``ahead=None`` today's year;
* deadline phrases (see :mod:`date_phrases`): ``next week``, ``next month``,
  ``end of week``/``eow``, ``end of next week``, ``end of month``/``eom``,
  ``q1``..``q4`` (the end of that quarter, placed like a year-less date), and dotted
  day-first dates with a year, ``15.01.2027``.

Any of these may be followed by a time of day (``fri 9:00``, ``today at 2pm``,
``nov 20, 14:30``); :func:`parse_when` keeps it and :func:`parse_date` drops it. Slashed
dates such as ``20/11/2026`` (and dotted ones without a year) are rejected because they
are ambiguous. Years must lie in 1900..2200. Anything else raises :class:`DateError`
and nothing else.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Final

from dateutil.relativedelta import relativedelta

from .date_phrases import phrase, place_in_year
from .plural import counted

__all__ = ["MONTH_NAMES", "DateError", "describe", "parse_date", "parse_when", "today"]

_MIN_YEAR: Final = 1900
_MAX_YEAR: Final = 2200
_MAX_INPUT_LENGTH: Final = 64  # longer inputs are rejected before any parsing
_ENV_TODAY: Final = "LEVERAGE_TODAY"  # pins today() to a fixed YYYY-MM-DD day

_QUOTE_LIMIT: Final = 40
_HINT: Final = "try 2026-11-20, today, fri, in 2 weeks, nov 20"

_WEEKDAYS: Final[dict[str, int]] = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}

_MONTHS: Final[dict[str, int]] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, January first (not the locale's: output reads the same everywhere)."""
_MONTH_FULL_NAMES: Final = ("", *MONTH_NAMES)

_RELATIVE_DAYS: Final[dict[str, int]] = {"today": 0, "tomorrow": 1, "yesterday": -1}

# Everything is matched against a normalised, lower-cased, ASCII-only string whose inner
# whitespace has been collapsed to single spaces, so the patterns can be strict.
_FLAGS: Final = re.ASCII
_ALLOWED_CHARS: Final = re.compile(r"[A-Za-z0-9 ,:/.\-]+", _FLAGS)
_TIME_TEXT: Final = r"\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?|\d{1,2} ?[ap]m"
_SPLIT_TIME: Final = re.compile(
    rf"(?P<date>.+?)(?:(?<=\d)t|,? (?:at )?)(?P<time>{_TIME_TEXT})", _FLAGS
)
_TIME: Final = re.compile(
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)? ?(?P<ampm>[ap]m)?",
    _FLAGS,
)
_ISO: Final = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", _FLAGS)
_WEEKDAY: Final = re.compile(r"(?:(?P<mod>next|last|this) )?(?P<name>[a-z]+)", _FLAGS)
_COUNT: Final = r"(?P<count>\d{1,6}|an?) (?P<unit>day|week|month|year)s?"
_IN: Final = re.compile(rf"in {_COUNT}", _FLAGS)
_AGO: Final = re.compile(rf"{_COUNT} ago", _FLAGS)
_DAY: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:,? (?P<year>\d{4}))?"
_MONTH_DAY: Final = re.compile(rf"(?P<month>[a-z]+)\.? {_DAY}{_YEAR}", _FLAGS)
_DAY_MONTH: Final = re.compile(rf"{_DAY} (?P<month>[a-z]+)\.?{_YEAR}", _FLAGS)
_SLASHED: Final = re.compile(r"\d{1,4}[/.]\d{1,2}(?:[/.]\d{1,4})?", _FLAGS)
_ENV_ISO: Final = re.compile(r"\d{4}-\d{2}-\d{2}", _FLAGS)


class DateError(ValueError):
    """A text that is not a date.

    ``str(err)`` is a single line quoting (repr-style, at most 40 characters) the input,
    e.g. ``not a date: 'blursday' (try 2026-11-20, today, fri, in 2 weeks, nov 20)``.
    """


def _quote(text: str) -> str:
    """Repr-quote at most the first 40 characters of ``text`` (one line, at most ~80 long).

    Escapes can make a character ten long in repr (``'\\U0010ffff'``), so the quote is
    shortened until its repr fits.
    """
    cut = min(len(text), _QUOTE_LIMIT)
    while cut > 0 and len(repr(text[:cut])) > 2 * _QUOTE_LIMIT:
        cut -= 1
    shown = repr(text[:cut])
    return shown + "..." if len(text) > cut else shown


def _error(text: str, hint: str = _HINT) -> DateError:
    """Build the DateError for ``text`` with a short hint in parentheses."""
    return DateError(f"not a date: {_quote(text)} ({hint})")


def today() -> datetime.date:
    """Return the current local date: the only function in Leverage that reads the clock.

    If the environment variable ``LEVERAGE_TODAY`` is set to a non-empty value it must be a
    ``YYYY-MM-DD`` date (year 1900..2200) and is returned instead; any other value raises
    :class:`DateError` naming ``LEVERAGE_TODAY``.
    """
    raw = os.environ.get(_ENV_TODAY)
    if raw is None or not raw.strip():
        return datetime.date.today()
    value = raw.strip()
    problem = f"{_ENV_TODAY} is not a YYYY-MM-DD date: {_quote(raw)}"
    if not _ENV_ISO.fullmatch(value):
        raise DateError(problem)
    try:
        pinned = datetime.date.fromisoformat(value)
    except ValueError:
        raise DateError(problem) from None
    if not _MIN_YEAR <= pinned.year <= _MAX_YEAR:
        raise DateError(f"{problem} (year must be between {_MIN_YEAR} and {_MAX_YEAR})")
    return pinned


def stamp(day: datetime.date) -> str:
    """When a change is made, for the hash chain (chain.py): the local time to the second
    with its offset when `day` is the real today, else `day` alone (a pinned today, in
    tests and demos, keeps the chain and its fingerprint reproducible)."""
    now = datetime.datetime.now().astimezone()
    if now.date() != day:
        return day.isoformat()
    return now.isoformat(timespec="seconds")


def _reference(given: datetime.date | None) -> datetime.date:
    """The day relative inputs are measured from: ``given`` or :func:`today`."""
    if given is None:
        return today()
    if isinstance(given, datetime.datetime):
        return given.date()
    return given


def _normalise(text: str) -> str:
    """Validate the raw characters of ``text`` and return it stripped and lower-cased."""
    if len(text) > _MAX_INPUT_LENGTH:
        raise _error(text, f"too long: at most {_MAX_INPUT_LENGTH} characters")
    stripped = text.strip(" \t\n\r\f\v")
    if not stripped:
        raise _error(text, f"empty; {_HINT}")
    if not _ALLOWED_CHARS.fullmatch(stripped):
        raise _error(text, f"unexpected character; {_HINT}")
    return re.sub(r" +", " ", stripped).lower()


def _parse_time(text: str, original: str) -> datetime.time:
    """Parse an already shape-checked time of day such as ``14:30``, ``9am``, ``1:05 pm``."""
    match = _TIME.fullmatch(text)
    if match is None:  # pragma: no cover - _SPLIT_TIME only hands over matching text
        raise _error(original)
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    second = int(match["second"] or 0)
    ampm = match["ampm"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise _error(original, "with am/pm the hour must be 1..12")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _error(original, "no such time of day; use 24-hour HH:MM such as 14:30")
    return datetime.time(hour, minute, second)


def _count(text: str) -> int:
    """The number in ``in 3 days`` / ``3 days ago``; ``a``/``an`` count as one."""
    return 1 if text in ("a", "an") else int(text)


def _shift(ref: datetime.date, count: int, unit: str) -> datetime.date:
    """Move ``ref`` by ``count`` units (negative goes back); may raise Overflow/ValueError."""
    if unit == "day":
        return ref + datetime.timedelta(days=count)
    if unit == "week":
        return ref + datetime.timedelta(weeks=count)
    delta = relativedelta(months=count) if unit == "month" else relativedelta(years=count)
    shifted: datetime.date = ref + delta
    return shifted


def _weekday(modifier: str | None, weekday: int, ref: datetime.date) -> datetime.date:
    """Resolve ``fri`` / ``next fri`` / ``last fri`` / ``this fri`` relative to ``ref``."""
    if modifier == "last":
        return ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7 or 7)
    if modifier == "this":
        return ref + datetime.timedelta(days=(weekday - ref.weekday()) % 7)
    return ref + datetime.timedelta(days=(weekday - ref.weekday()) % 7 or 7)


def _month_day(month: int, day: int, year: int, ref: datetime.date) -> datetime.date:
    """Build a month-name date through dateutil, with a fixed default so it cannot guess."""
    from dateutil.parser import parse as _dateutil_parse  # ~50 ms to import: only when used

    default = datetime.datetime(ref.year, ref.month, ref.day)
    parsed: datetime.datetime = _dateutil_parse(
        f"{_MONTH_FULL_NAMES[month]} {day} {year}", default=default
    )
    result = parsed.date()
    if (result.year, result.month, result.day) != (year, month, day):  # pragma: no cover
        raise ValueError("dateutil disagreed with the validated fields")
    return result


def _parse_date_part(
    text: str, original: str, ref: datetime.date, ahead: bool | None
) -> datetime.date:
    """Parse the (normalised, time-less) date expression ``text``."""
    if text in _RELATIVE_DAYS:
        return ref + datetime.timedelta(days=_RELATIVE_DAYS[text])

    try:
        named = phrase(text, ref, ahead)
    except ValueError:
        raise _error(original, "no such day in the calendar") from None
    if named is not None:
        return named

    match = _ISO.fullmatch(text)
    if match is not None:
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise _error(original, f"year must be between {_MIN_YEAR} and {_MAX_YEAR}")
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise _error(original, "no such day in the calendar") from None

    match = _WEEKDAY.fullmatch(text)
    if match is not None and match["name"] in _WEEKDAYS:
        if match["mod"] is None and ahead is False:  # a day that happened: the last one
            return ref - datetime.timedelta(days=(ref.weekday() - _WEEKDAYS[match["name"]]) % 7)
        return _weekday(match["mod"], _WEEKDAYS[match["name"]], ref)

    for pattern, sign in ((_IN, 1), (_AGO, -1)):
        match = pattern.fullmatch(text)
        if match is not None:
            return _shift(ref, sign * _count(match["count"]), match["unit"])

    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.fullmatch(text)
        if match is not None and match["month"] in _MONTHS:
            month, day = _MONTHS[match["month"]], int(match["day"])
            if not match["year"] and ahead is not None:
                try:
                    return place_in_year(month, day, ref, ahead)
                except ValueError:
                    raise _error(original, "no such day in the calendar") from None
            year = int(match["year"]) if match["year"] else ref.year
            if not _MIN_YEAR <= year <= _MAX_YEAR:
                raise _error(original, f"year must be between {_MIN_YEAR} and {_MAX_YEAR}")
            try:
                return _month_day(month, day, year, ref)
            except (ValueError, OverflowError):
                raise _error(original, "no such day in the calendar") from None

    if _SLASHED.fullmatch(text):
        raise _error(original, "slashed dates are ambiguous; use ISO such as 2026-11-20")
    raise _error(original)


def parse_when(
    text: str, today: datetime.date | None = None, *, ahead: bool | None = None
) -> tuple[datetime.date, datetime.time | None]:
    """Parse a date with an optional trailing time of day.

    ``ahead`` places a date given without a year (``mar 1``, ``q1``): True the next
    such day, False the last one, None in today's year (see the module docstring).

    Accepts every form :func:`parse_date` does, optionally followed by a time:
    ``2026-11-20 14:30``, ``2026-11-20T14:30``, ``fri 9:00``, ``today at 2pm``,
    ``nov 20, 1:30 pm``. Returns ``(date, time)``, with ``time`` None when no time was given.
    Raises :class:`DateError` (and nothing else) for anything it cannot read.
    """
    ref = _reference(today)
    normal = _normalise(text)
    clock: datetime.time | None = None
    split = _SPLIT_TIME.fullmatch(normal)
    if split is not None:
        normal = split["date"]
        clock = _parse_time(split["time"], text)
    try:
        result = _parse_date_part(normal, text, ref, ahead)
    except DateError:
        raise
    except (ValueError, OverflowError):
        raise _error(text, f"too far away; years must be {_MIN_YEAR}..{_MAX_YEAR}") from None
    if not _MIN_YEAR <= result.year <= _MAX_YEAR:
        raise _error(text, f"year must be between {_MIN_YEAR} and {_MAX_YEAR}")
    return result, clock


def parse_date(
    text: str, today: datetime.date | None = None, *, ahead: bool | None = None
) -> datetime.date:
    """Parse what people type into a date, relative to ``today`` (default: :func:`today`).

    See the module docstring for the accepted forms and ``ahead``; a trailing time of day
    is allowed and dropped. Raises :class:`DateError` (and nothing else) for anything it
    cannot read.
    """
    return parse_when(text, today, ahead=ahead)[0]


def describe(d: datetime.date, today: datetime.date) -> str:
    """Short relative words for ``d`` as seen from ``today``.

    ``today``, ``tomorrow``, ``yesterday``; under two weeks in days (``in 3 days``,
    ``5 days ago``); under 60 days in whole weeks (``in 2 weeks``); under a year in
    rounded months (``in 3 months``, never fewer than 2); beyond that in whole years
    (``in 1 year``, ``2 years ago``).
    """
    days = (d - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    span = abs(days)
    if span < 14:
        amount = counted(span, "day")
    elif span < 60:
        amount = counted(span // 7, "week")
    elif span < 365:
        amount = counted(max(2, round(span / 30.4375)), "month")
    else:
        amount = counted(span // 365, "year")
    return f"in {amount}" if days > 0 else f"{amount} ago"
