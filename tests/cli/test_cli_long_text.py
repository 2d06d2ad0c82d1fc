"""Long text on the command line: `-` reads standard input, lines are never cut."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

from .conftest import Run


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_dash_as_the_text_reads_standard_input(
    cli: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "Send the offer letter\n")
    r = cli("add", "promise", "--by", "Sybil", "-")
    assert r.code == 0, r.err
    assert Journal(journal_path).promise("p1").text == "Send the offer letter"


def test_dash_as_notes_keeps_every_line(
    cli: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "She said yes.\r\nThen: wait for HR.\n\nAsk again fri.\n")
    r = cli("add", "conversation", "--with", "Sybil", "--notes", "-", "1:1")
    assert r.code == 0, r.err
    assert Journal(journal_path).conversation("c1").notes == (
        "She said yes.\nThen: wait for HR.\n\nAsk again fri."
    )


def test_a_multi_line_paste_into_a_one_line_field_is_joined_and_said(
    cli: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "Lead the Q3\nplanning\n")
    r = cli("add", "promise", "--by", "Sybil", "--evidence", "email:\nRe: Q3", "-")
    assert r.code == 0, r.err
    p = Journal(journal_path).promise("p1")
    assert (p.text, p.evidence) == ("Lead the Q3 planning", "email: Re: Q3")
    assert "the promise text had 2 lines; joined with spaces" in r.err
    assert "the evidence had 2 lines" in r.err


def test_update_reads_standard_input(
    cli: Run, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "line one\nline two\n")
    r = cli("update", "conversation", "c1", "--notes", "-")
    assert r.code == 0, r.err
    assert Journal(sample).conversation("c1").notes == "line one\nline two"


def test_two_texts_from_standard_input_are_refused(
    cli: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "x\n")
    r = cli("add", "conversation", "--with", "Sybil", "--notes", "-", "-")
    assert r.code == 2
    assert "only one text can be read from standard input" in r.err
    assert not journal_path.exists()


def test_empty_standard_input_is_refused(
    cli: Run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "\n\n")
    r = cli("add", "promise", "--by", "Sybil", "-")
    assert r.code == 2
    assert "standard input was empty" in r.err


def test_a_refused_add_says_one_line_only(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "S", "--made", "2026-11-20", "--due", "2026-11-01", "a\nb")
    assert r.code == 2
    assert r.err.count("\n") == 1 and "before the promise was made" in r.err


def test_other_line_breaks_are_refused_not_swallowed(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "S", "one\ntwo\u2028three")
    assert r.code == 2
    assert "line break" in r.err and r.err.count("\n") == 1
