"""Fixtures for the command-line tests: a private environment, an in-process runner and a
sample journal. Today is pinned to Monday 2026-11-23."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from leverage_tui.cli import main
from leverage_tui.core.journal import Journal

TODAY = date(2026, 11, 23)


@dataclass
class Result:
    """What one run of `leverage` did."""

    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        """Stdout parsed as JSON."""
        return json.loads(self.out)


Run = Callable[..., Result]


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The journal the commands use (not created yet), with today and config pinned."""
    path = tmp_path / "data" / "journal.json"
    monkeypatch.setenv("LEVERAGE_JOURNAL", str(path))
    monkeypatch.setenv("LEVERAGE_TODAY", TODAY.isoformat())
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEVERAGE_DATA_DIR", str(tmp_path / "data-dir"))
    return path


@pytest.fixture
def cli(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `leverage ARGS...` in this process; returns its exit code and output."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def build_sample(path: Path) -> Journal:
    """A journal with one example of every flag.

    c1 (Sybil, 2026-11-02 14:30); p1 in c1, verbal, due 12-01 (unwritten);
    p2 'We'll see...' no due (unwritten, no-date, vague); p3 written, due 11-20 (overdue);
    p4 honored then withdrawn (walked-back); p5 written, due moved later twice
    (moving-target); a1 measurable, linked to p1; a2 vague; o1 written, deadline 11-25
    (deadline); o2 verbal counteroffer (verbal-offer).
    """
    j = Journal(path, today=TODAY)
    j.add_conversation(
        ["Sybil"],
        "Lead role talk",
        on=date(2026, 11, 2),
        at=time(14, 30),
        channel="one-on-one",
        tags=["lead"],
    )
    j.add_promise("You will lead Q3 planning", "Sybil", conversation="c1", due=date(2026, 12, 1))
    j.add_promise("We'll see about a raise", "Sybil", made_on=date(2026, 10, 1), category="pay")
    j.add_promise(
        "Title change to senior",
        "Ana",
        made_on=date(2026, 10, 5),
        form="written",
        evidence="email: Re: title",
        due=date(2026, 11, 20),
        category="title",
    )
    j.add_promise("Team lead role", "Sybil", made_on=date(2026, 5, 1), form="official")
    j.update_promise("p4", status="honored", on=date(2026, 6, 1))
    j.update_promise("p4", status="withdrawn", on=date(2026, 9, 1))
    j.add_promise(
        "Conference budget", "Ana", made_on=date(2026, 9, 1), form="written", due=date(2026, 10, 1)
    )
    j.update_promise("p5", due=date(2026, 11, 1), on=date(2026, 9, 20))
    j.update_promise("p5", due=date(2026, 12, 15), on=date(2026, 10, 20))
    j.add_ask("Lead Q3 planning", measure="announced", target=date(2027, 3, 1), promises=["p1"])
    j.add_ask("More influence")
    j.add_offer("Acme", "Staff engineer", base=150000, deadline=date(2026, 11, 25), written=True)
    j.add_offer("Current Co", "Senior engineer", base="140k", counter=True)
    return j


@pytest.fixture
def sample(journal_path: Path) -> Path:
    """The sample journal written at the journal path."""
    build_sample(journal_path)
    return journal_path
