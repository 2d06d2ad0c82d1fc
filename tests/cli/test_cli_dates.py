"""Dates as people mean them on the command line (issue 16 section 4); today 2026-11-23."""

from __future__ import annotations

from pathlib import Path

from leverage_tui.core.journal import Journal

from .conftest import Run


def test_a_year_less_due_date_is_the_next_one(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "Sybil", "--due", "mar 1", "Send the plan")
    assert r.code == 0, r.err
    assert Journal(journal_path).promise("p1").due.isoformat() == "2027-03-01"  # type: ignore[union-attr]


def test_a_year_less_day_that_happened_is_the_last_one(cli: Run, journal_path: Path) -> None:
    r = cli("add", "conversation", "--with", "Sybil", "--on", "dec 20", "Pay talk")
    assert r.code == 0, r.err
    assert Journal(journal_path).conversation("c1").on.isoformat() == "2025-12-20"
    assert r.err == ""


def test_a_deadline_phrase(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "Sybil", "--due", "eom", "Budget")
    assert r.code == 0, r.err
    assert Journal(journal_path).promise("p1").due.isoformat() == "2026-11-30"  # type: ignore[union-attr]


def test_a_future_day_that_happened_is_warned_about(cli: Run, journal_path: Path) -> None:
    r = cli("add", "conversation", "--with", "Sybil", "--on", "in 4 weeks", "Pay talk")
    assert r.code == 0
    assert r.err.startswith("leverage: warning: the date 2026-12-21 is in the future")
    assert r.err.count("\n") == 1


def test_a_status_change_dated_in_the_future_is_warned_about(cli: Run, sample: Path) -> None:
    r = cli("update", "promise", "p1", "--status", "honored", "--on", "in 3 weeks")
    assert r.code == 0
    assert "warning: the date of this change 2026-12-14 is in the future" in r.err


def test_a_due_date_before_the_promise_was_made_is_refused(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "Sybil", "--made", "2026-11-20", "--due", "2026-11-01", "X")
    assert r.code == 2
    assert "before the promise was made" in r.err
    assert not journal_path.exists() or not Journal(journal_path).promises


def test_update_refuses_a_due_date_before_made(cli: Run, sample: Path) -> None:
    r = cli("update", "promise", "p3", "--due", "2026-10-01")  # made 2026-10-05
    assert r.code == 2
    assert "before the promise was made" in r.err
    assert Journal(sample).promise("p3").due.isoformat() == "2026-11-20"  # type: ignore[union-attr]
