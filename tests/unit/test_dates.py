"""Tests for leverage_tui.core.dates: parsing what people type, and describing dates."""

from __future__ import annotations

import datetime
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core import dates
from leverage_tui.core.dates import DateError, describe, parse_date, parse_when

TODAY = date(2026, 11, 23)  # a Monday
assert TODAY.weekday() == 0


# --- accepted forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO
        ("2026-11-20", date(2026, 11, 20)),
        ("1900-01-01", date(1900, 1, 1)),
        ("2200-12-31", date(2200, 12, 31)),
        ("2028-02-29", date(2028, 2, 29)),
        ("2026-1-5", date(2026, 1, 5)),
        # keywords
        ("today", date(2026, 11, 23)),
        ("yesterday", date(2026, 11, 22)),
        ("tomorrow", date(2026, 11, 24)),
        # bare weekdays: the next such day strictly after today
        ("mon", date(2026, 11, 30)),
        ("monday", date(2026, 11, 30)),
        ("tue", date(2026, 11, 24)),
        ("tues", date(2026, 11, 24)),
        ("tuesday", date(2026, 11, 24)),
        ("wed", date(2026, 11, 25)),
        ("wednesday", date(2026, 11, 25)),
        ("thu", date(2026, 11, 26)),
        ("thur", date(2026, 11, 26)),
        ("thurs", date(2026, 11, 26)),
        ("thursday", date(2026, 11, 26)),
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("sat", date(2026, 11, 28)),
        ("saturday", date(2026, 11, 28)),
        ("sun", date(2026, 11, 29)),
        ("sunday", date(2026, 11, 29)),
        # next / last / this
        ("next friday", date(2026, 11, 27)),
        ("next fri", date(2026, 11, 27)),
        ("next monday", date(2026, 11, 30)),
        ("last monday", date(2026, 11, 16)),
        ("last mon", date(2026, 11, 16)),
        ("last sunday", date(2026, 11, 22)),
        ("last tuesday", date(2026, 11, 17)),
        ("this monday", date(2026, 11, 23)),
        ("this friday", date(2026, 11, 27)),
        ("this sun", date(2026, 11, 29)),
        # in N units
        ("in 0 days", date(2026, 11, 23)),
        ("in 1 day", date(2026, 11, 24)),
        ("in 3 days", date(2026, 11, 26)),
        ("in 2 weeks", date(2026, 12, 7)),
        ("in 1 week", date(2026, 11, 30)),
        ("in a week", date(2026, 11, 30)),
        ("in 1 month", date(2026, 12, 23)),
        ("in 2 months", date(2027, 1, 23)),
        ("in 1 year", date(2027, 11, 23)),
        # N units ago
        ("3 days ago", date(2026, 11, 20)),
        ("1 day ago", date(2026, 11, 22)),
        ("2 weeks ago", date(2026, 11, 9)),
        ("1 month ago", date(2026, 10, 23)),
        ("a year ago", date(2025, 11, 23)),
        # month names
        ("nov 20", date(2026, 11, 20)),
        ("november 20", date(2026, 11, 20)),
        ("20 nov", date(2026, 11, 20)),
        ("20 Nov 2026", date(2026, 11, 20)),
        ("Nov 20 2026", date(2026, 11, 20)),
        ("Nov 20, 2026", date(2026, 11, 20)),
        ("nov 20th", date(2026, 11, 20)),
        ("1st march 2027", date(2027, 3, 1)),
        ("sept 3", date(2026, 9, 3)),
        ("jan 5", date(2026, 1, 5)),  # the current year, even though it is in the past
        ("dec 31", date(2026, 12, 31)),
        ("may 1", date(2026, 5, 1)),
        # with a time of day (dropped by parse_date)
        ("2026-11-20 14:30", date(2026, 11, 20)),
        ("2026-11-20T14:30", date(2026, 11, 20)),
        ("fri 9:00", date(2026, 11, 27)),
        ("today 14:30", date(2026, 11, 23)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["TODAY", "  today  ", "\ttoday\n", "Today", "FRIDAY", "NEXT Fri", "In 3 DAYS", "NOV 20"],
)
def test_case_and_surrounding_whitespace_are_ignored(text: str) -> None:
    assert parse_date(text, TODAY) == parse_date(text.strip().lower(), TODAY)


def test_inner_spaces_are_collapsed() -> None:
    assert parse_date("in   3    days", TODAY) == date(2026, 11, 26)
    assert parse_date("last   monday", TODAY) == date(2026, 11, 16)


def test_weekday_on_the_same_weekday_is_a_week_later() -> None:
    friday = date(2026, 11, 20)
    assert parse_date("fri", friday) == date(2026, 11, 27)
    assert parse_date("next friday", friday) == date(2026, 11, 27)
    assert parse_date("last friday", friday) == date(2026, 11, 13)
    assert parse_date("this friday", friday) == friday


def test_this_weekday_already_past_this_week_rolls_forward() -> None:
    saturday = date(2026, 11, 28)
    assert parse_date("this friday", saturday) == date(2026, 12, 4)


@pytest.mark.parametrize(
    ("start", "text", "expected"),
    [
        (date(2026, 1, 31), "in 1 month", date(2026, 2, 28)),
        (date(2028, 1, 31), "in 1 month", date(2028, 2, 29)),
        (date(2026, 3, 31), "1 month ago", date(2026, 2, 28)),
        (date(2026, 8, 31), "in 1 month", date(2026, 9, 30)),
        (date(2026, 12, 31), "in 2 months", date(2027, 2, 28)),
        (date(2028, 2, 29), "in 1 year", date(2029, 2, 28)),
        (date(2028, 2, 29), "1 year ago", date(2027, 2, 28)),
        (date(2026, 12, 31), "in 1 day", date(2027, 1, 1)),
    ],
)
def test_month_and_year_arithmetic_at_end_of_month(start: date, text: str, expected: date) -> None:
    assert parse_date(text, start) == expected


def test_month_day_without_year_uses_the_year_of_today() -> None:
    assert parse_date("jan 2", date(2026, 12, 31)) == date(2026, 1, 2)
    assert parse_date("dec 31", date(2027, 1, 1)) == date(2027, 12, 31)
    assert parse_date("feb 29", date(2028, 6, 1)) == date(2028, 2, 29)


def test_default_today_is_used_when_none_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVERAGE_TODAY", "2026-11-23")
    assert parse_date("tomorrow") == date(2026, 11, 24)
    assert parse_when("fri 9:00") == (date(2026, 11, 27), time(9, 0))


def test_datetime_as_today_is_treated_as_its_date() -> None:
    now = datetime.datetime(2026, 11, 23, 22, 59)
    result = parse_date("tomorrow", now)
    assert result == date(2026, 11, 24)
    assert type(result) is date


# --- parse_when ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", (date(2026, 11, 20), None)),
        ("today", (TODAY, None)),
        ("2026-11-20 14:30", (date(2026, 11, 20), time(14, 30))),
        ("2026-11-20T14:30", (date(2026, 11, 20), time(14, 30))),
        ("2026-11-20t14:30:15", (date(2026, 11, 20), time(14, 30, 15))),
        ("fri 9:00", (date(2026, 11, 27), time(9, 0))),
        ("today 14:30", (TODAY, time(14, 30))),
        ("today at 2pm", (TODAY, time(14, 0))),
        ("tomorrow 12am", (date(2026, 11, 24), time(0, 0))),
        ("tomorrow 12 pm", (date(2026, 11, 24), time(12, 0))),
        ("nov 20, 1:30 pm", (date(2026, 11, 20), time(13, 30))),
        ("20 Nov 2026 00:00", (date(2026, 11, 20), time(0, 0))),
        ("in 2 weeks 23:59", (date(2026, 12, 7), time(23, 59))),
        ("  Last Monday 08:15  ", (date(2026, 11, 16), time(8, 15))),
    ],
)
def test_parse_when(text: str, expected: tuple[date, time | None]) -> None:
    assert parse_when(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["today 24:00", "today 12:60", "today 9:00:61", "fri 0am", "fri 13pm", "at 9:00", "9:00"],
)
def test_parse_when_rejects_bad_times(text: str) -> None:
    with pytest.raises(DateError):
        parse_when(text, TODAY)
    with pytest.raises(DateError):
        parse_date(text, TODAY)


# --- rejected forms ------------------------------------------------------------------------


REJECTED = [
    "blursday",
    "hello world",
    "1",
    "99",
    "2026",
    "may",
    "next",
    "last",
    "this",
    "in",
    "ago",
    "in days",
    "in -3 days",
    "3 days",
    "in 3",
    "in 3 fortnights",
    "",
    " ",
    "   \t\n ",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-11-00",
    "2027-02-29",
    "1899-12-31",
    "2201-01-01",
    "0000-01-01",
    "20261120",
    "feb 30",
    "feb 29",  # 2026 is not a leap year
    "nov 32",
    "nov 20 1800",
    "nov 20 2300",
    "nov 20 26",
    "20 nov 99999",
    "smarch 3",
    "3 smarch",
    "fri nov 20",
    "next may",
    "\x00",
    "today\x00",
    "to\x00day",
    "\x1b[31mtoday",
    "to\tday",
    "2026-11-20\x07",
    "\u2028today",
    "today\u00a0",
    "😀",
    "today 😀",
    "２０２６-11-20",
    "٢٠٢٦-١١-٢٠",
    "x" * 65,
    "today" + " " * 60,
    "a" * 1_000_000,
    "in 999999 weeks",
    "in 999999 days",
    "in 999999 months",
    "in 999999 years",
    "in 1000 years",
    "1000 years ago",
    "in 1234567 days",
    "'; DROP TABLE records; --",
]


@pytest.mark.parametrize("text", REJECTED, ids=lambda t: repr(t[:20]))
def test_rejected_forms(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("not a date: ")


@pytest.mark.parametrize(
    "text", ["20/11/2026", "11/20/2026", "2026/11/20", "20/11", "20.11", "2026.11.20"]
)
def test_slashed_dates_are_rejected_with_iso_hint(text: str) -> None:
    with pytest.raises(DateError, match="ISO") as caught:
        parse_date(text, TODAY)
    assert "2026-11-20" in str(caught.value)


def test_error_message_format() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("blursday", TODAY)
    assert str(caught.value) == (
        "not a date: 'blursday' (try 2026-11-20, today, fri, in 2 weeks, nov 20)"
    )
    assert isinstance(caught.value, ValueError)


def test_error_message_quotes_at_most_40_characters_and_escapes_controls() -> None:
    with pytest.raises(DateError) as caught:
        parse_date("y" * 50, TODAY)
    message = str(caught.value)
    assert "y" * 40 in message
    assert "y" * 41 not in message

    with pytest.raises(DateError) as caught:
        parse_date("bad\x00\x1b\nday\r", TODAY)
    message = str(caught.value)
    assert "\\x00" in message and "\\x1b" in message and "\\n" in message
    assert "\x00" not in message and "\n" not in message and "\r" not in message


def test_huge_input_is_rejected_quickly_with_short_message() -> None:
    with pytest.raises(DateError, match="too long") as caught:
        parse_date("2026-11-20" * 100_000, TODAY)
    assert len(str(caught.value)) < 200


def test_reference_day_out_of_range_is_rejected() -> None:
    with pytest.raises(DateError):
        parse_date("tomorrow", date(2200, 12, 31))
    with pytest.raises(DateError):
        parse_date("in 1 year", date(2200, 6, 1))
    assert parse_date("yesterday", date(1900, 1, 2)) == date(1900, 1, 1)


# --- today() and LEVERAGE_TODAY ------------------------------------------------------------


def test_today_reads_the_clock_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEVERAGE_TODAY", raising=False)
    before = date.today()
    result = dates.today()
    assert before <= result <= date.today()


def test_today_honours_leverage_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVERAGE_TODAY", "2026-11-23")
    assert dates.today() == date(2026, 11, 23)
    monkeypatch.setenv("LEVERAGE_TODAY", " 1999-12-31 ")
    assert dates.today() == date(1999, 12, 31)


def test_empty_leverage_today_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVERAGE_TODAY", "")
    before = date.today()
    assert before <= dates.today() <= date.today()


@pytest.mark.parametrize(
    "value",
    ["garbage", "tomorrow", "2026-02-30", "2026-13-01", "20/11/2026", "2026-1-5", "1800-01-01",
     "2026-11-20T10:00", "2026-11-20\x07", "+2026-11-20"],
)  # fmt: skip
def test_bad_leverage_today_is_rejected(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LEVERAGE_TODAY", value)
    with pytest.raises(DateError, match="LEVERAGE_TODAY") as caught:
        dates.today()
    assert "\n" not in str(caught.value)
    with pytest.raises(DateError, match="LEVERAGE_TODAY"):
        parse_date("today")


# --- describe ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (2, "in 2 days"),
        (3, "in 3 days"),
        (-5, "5 days ago"),
        (13, "in 13 days"),
        (-13, "13 days ago"),
        (14, "in 2 weeks"),
        (20, "in 2 weeks"),
        (21, "in 3 weeks"),
        (-14, "2 weeks ago"),
        (59, "in 8 weeks"),
        (60, "in 2 months"),
        (-60, "2 months ago"),
        (91, "in 3 months"),
        (182, "in 6 months"),
        (-300, "10 months ago"),
        (364, "in 12 months"),
        (365, "in 1 year"),
        (-365, "1 year ago"),
        (729, "in 1 year"),
        (730, "in 2 years"),
        (-3653, "10 years ago"),
    ],
)
def test_describe(offset: int, expected: str) -> None:
    assert describe(TODAY + timedelta(days=offset), TODAY) == expected


def test_describe_round_trips_simple_phrases() -> None:
    for n in range(2, 14):
        assert describe(parse_date(f"in {n} days", TODAY), TODAY) == f"in {n} days"
        assert describe(parse_date(f"{n} days ago", TODAY), TODAY) == f"{n} days ago"


# --- properties ----------------------------------------------------------------------------

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)
in_range = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)

_VOCAB = [
    "in", "ago", "next", "last", "this", "at", "a", "an", "today", "tomorrow", "yesterday",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "mon", "fri",
    "thurs", "tues", "sunday", "may", "nov", "sept", "december", "0", "1", "3", "12", "20",
    "29", "31", "32", "99", "2026", "1899", "2201", "999999", "2026-11-20", "2026-02-30",
    "14:30", "24:00", "9am", "12pm", "13pm", "0am", ",", "t", "/", ".", "-", ":", "st", "th",
    "\x00", "\t", "\n", "😀", " ",
]  # fmt: skip
phrases = st.lists(st.sampled_from(_VOCAB), max_size=6).map(" ".join)
texts = st.one_of(st.text(max_size=80), phrases, st.from_regex(r"[0-9a-z :,/.\-]{0,70}"))


@settings(max_examples=500, deadline=None)
@given(text=texts, ref=in_range)
def test_any_text_parses_or_raises_date_error(text: str, ref: date) -> None:
    try:
        when, clock = parse_when(text, ref)
    except DateError as err:
        assert "\n" not in str(err)
        return
    assert type(when) is date
    assert MIN_DATE <= when <= MAX_DATE
    assert clock is None or isinstance(clock, time)
    assert parse_date(text, ref) == when


@settings(max_examples=300, deadline=None)
@given(d=in_range)
def test_iso_round_trip(d: date) -> None:
    assert parse_date(d.isoformat(), TODAY) == d
    assert parse_date(d.isoformat(), d) == d


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=400))
def test_in_n_days(n: int) -> None:
    assert parse_date(f"in {n} days", TODAY) == TODAY + timedelta(days=n)


@settings(max_examples=200, deadline=None)
@given(ref=st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)))
def test_weekday_rules_hold_for_any_today(ref: date) -> None:
    for name, weekday in [("mon", 0), ("wed", 2), ("fri", 4), ("sun", 6)]:
        nxt = parse_date(name, ref)
        assert nxt.weekday() == weekday and 1 <= (nxt - ref).days <= 7
        assert parse_date(f"next {name}", ref) == nxt
        last = parse_date(f"last {name}", ref)
        assert last.weekday() == weekday and 1 <= (ref - last).days <= 7
        this = parse_date(f"this {name}", ref)
        assert this.weekday() == weekday and 0 <= (this - ref).days <= 6


def test_error_quote_stays_short_when_escapes_are_long() -> None:
    text = "\U0010ffff" * 30  # repr shows each as '\U0010ffff' (10 characters)
    with pytest.raises(DateError) as err:
        parse_date(text, date(2026, 11, 23))
    assert len(str(err.value)) < 200
    assert "..." in str(err.value)


# --- dates as people mean them (issue 16 section 4) -----------------------------------------

FIXED = date(2026, 10, 28)  # a Wednesday, late October

PHRASES = [
    # (label, text, ahead, expected)
    ("year-less due date is the next one", "mar 1", True, date(2027, 3, 1)),
    ("year-less day that happened is the last one", "mar 1", False, date(2026, 3, 1)),
    ("year-less day later this year, ahead", "dec 4", True, date(2026, 12, 4)),
    ("year-less day later this year, happened", "dec 4", False, date(2025, 12, 4)),
    ("year-less today counts as next", "oct 28", True, FIXED),
    ("year-less today counts as last", "28 oct", False, FIXED),
    ("year-less without a direction: this year", "mar 1", None, date(2026, 3, 1)),
    ("a year given wins over the direction", "mar 1 2026", True, date(2026, 3, 1)),
    ("feb 29 ahead: the next leap year", "feb 29", True, date(2028, 2, 29)),
    ("feb 29 behind: the last leap year", "feb 29", False, date(2024, 2, 29)),
    ("next week", "next week", True, date(2026, 11, 4)),
    ("next month", "next month", True, date(2026, 11, 28)),
    ("next year", "next year", True, date(2027, 10, 28)),
    ("last week, a filter's --from", "last week", None, date(2026, 10, 21)),
    ("last month", "Last Month", None, date(2026, 9, 28)),
    ("last year", "last year", None, date(2025, 10, 28)),
    ("end of week is Friday", "end of week", True, date(2026, 10, 30)),
    ("eow", "eow", True, date(2026, 10, 30)),
    ("end of next week", "end of next week", True, date(2026, 11, 6)),
    ("end of month", "end of month", True, date(2026, 10, 31)),
    ("eom", "EOM", True, date(2026, 10, 31)),
    ("end of next month", "end of next month", True, date(2026, 11, 30)),
    ("q4 is still ahead", "q4", True, date(2026, 12, 31)),
    ("q1 ahead: next year's", "q1", True, date(2027, 3, 31)),
    ("q1 happened: this year's", "q1", False, date(2026, 3, 31)),
    ("q2 with a year", "q2 2027", True, date(2027, 6, 30)),
    ("dotted day-first with a year", "15.01.2027", True, date(2027, 1, 15)),
    ("dotted single digits", "1.2.2027", None, date(2027, 2, 1)),
    ("a phrase with a time", "eow 17:00", True, date(2026, 10, 30)),
    ("a weekday ahead is the next one", "mon", True, date(2026, 11, 2)),
    ("a weekday that happened is the last one", "mon", False, date(2026, 10, 26)),
    ("a weekday that happened today", "wed", False, FIXED),
    ("last and next keep their meaning", "next mon", False, date(2026, 11, 2)),
]


@pytest.mark.parametrize(
    ("text", "ahead", "expected"), [p[1:] for p in PHRASES], ids=[p[0] for p in PHRASES]
)
def test_phrases_at_a_fixed_today(text: str, ahead: bool | None, expected: date) -> None:
    assert parse_date(text, FIXED, ahead=ahead) == expected


def test_end_of_week_on_a_weekend_is_the_coming_friday() -> None:
    saturday = date(2026, 10, 31)
    assert parse_date("eow", saturday) == date(2026, 11, 6)
    assert parse_date("end of next week", saturday) == date(2026, 11, 13)
    assert parse_date("eow", date(2026, 10, 30)) == date(2026, 10, 30)  # on a Friday: today


def test_last_month_from_the_31st_is_the_end_of_a_shorter_month() -> None:
    assert parse_date("last month", date(2027, 3, 31)) == date(2027, 2, 28)
    assert parse_date("next month", date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "text", ["31.02.2027", "q5", "q0", "32.1.2027", "q1 1800", "last decade", "next weeks"]
)
def test_bad_phrases_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, FIXED, ahead=True)
