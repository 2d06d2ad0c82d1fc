"""Shared fixtures for the unit tests of the pure core (TODAY is 2026-11-23, a Monday)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where a test's journal lives."""
    return tmp_path / "journal.json"


@pytest.fixture
def journal(path: Path) -> Journal:
    """A small journal: one conversation c1, promises p1 (in c1) and p2, ask a1, offer o1."""
    j = Journal(path, today=TODAY)
    conv = j.add_conversation(["Dana"], "Q3 planning chat", on=days(-10), channel="one-on-one")
    j.add_promise(
        "You will lead the Q3 planning", "Dana", conversation=conv.id, due=days(20), form="verbal"
    )
    j.add_promise("A raise in the spring review", "Sam", made_on=days(-5), category="pay")
    j.add_ask("Lead Q3 planning", measure="announced to the team", target=days(60))
    j.add_offer("Acme", "Staff engineer", base="150k", deadline=days(7), written=True)
    return j


@pytest.fixture(autouse=True)
def _fast_fsync(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip the disk flush (about 10 ms a save) except in modules that set REAL_FSYNC.

    test_storage.py, which tests the writing itself, keeps the real fsync.
    """
    if not getattr(request.module, "REAL_FSYNC", False):
        monkeypatch.setattr(os, "fsync", lambda fd: None)
