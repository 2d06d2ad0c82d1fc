"""Fuzzed input for the date parser: any text gives a plausible date or a DateError that
quotes it on one line; nothing else ever escapes."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_support import TODAY

from leverage_tui.core.dates import DateError, parse_date, parse_when

WORDS = [
    "today", "yesterday", "tomorrow", "fri", "next", "last", "this", "in", "ago", "days",
    "weeks", "month", "year", "nov", "20", "2026", "-", ":", "at", "2pm", "14:30", ",", "a",
    "th", "9999999999999999999", "0", "-1", "31", "feb", "29", "\u202e", "٣", "🙂", "\0",
]  # fmt: skip
"""Pieces of real date phrases, and of nasty ones, to build near-miss inputs from."""

ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)
NEAR_MISS = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)
SETTINGS = settings(max_examples=200, deadline=None, database=None)


def parses_or_refuses(text: str) -> None:
    """`text` gives a date in 1900..2200, or one clean DateError line."""
    try:
        when = parse_date(text, TODAY)
    except DateError as err:
        message = str(err)
        assert "\n" not in message and message.startswith("not a date")
        assert len(message) < 200
        return
    assert isinstance(when, dt.date) and 1900 <= when.year <= 2200
    day, at = parse_when(text, TODAY)
    assert day == when and (at is None or isinstance(at, dt.time))


@SETTINGS
@given(ANY_TEXT)
def test_any_text_is_a_date_or_a_clear_error(text: str) -> None:
    parses_or_refuses(text)


@SETTINGS
@given(NEAR_MISS)
def test_near_miss_phrases_are_a_date_or_a_clear_error(text: str) -> None:
    parses_or_refuses(text)


@SETTINGS
@given(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)), st.sampled_from(["", " 14:30"]))
def test_iso_dates_round_trip(day: dt.date, time: str) -> None:
    assert parse_date(f"  {day.isoformat()}{time} ", TODAY) == day


@SETTINGS
@given(st.integers(0, 3000))
def test_in_n_days_and_n_days_ago_are_exact(n: int) -> None:
    assert parse_date(f"in {n} days", TODAY) == TODAY + dt.timedelta(days=n)
    assert parse_date(f"{n} days ago", TODAY) == TODAY - dt.timedelta(days=n)


def test_huge_and_odd_inputs_are_refused_fast() -> None:
    for text in ("9" * 1_000_000, "in 99999999999999999999 days", "\0", "‮2026-11-20", "🙂"):
        try:
            parse_date(text, TODAY)
        except DateError:
            continue
        raise AssertionError(f"{text[:20]!r} was accepted")
