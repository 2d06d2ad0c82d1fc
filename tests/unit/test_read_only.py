"""A journal the user made read-only is not written (issue 17, item 15): the next save
would have replaced it with a new file, 0600, silently."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import JournalError

TODAY = dt.date(2026, 11, 23)


def test_a_read_only_journal_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    Journal(path, today=TODAY, backups=0).add_promise("Send the numbers", "Sybil")
    path.chmod(0o400)
    before = path.read_bytes()
    journal = Journal(path, today=TODAY, backups=0)
    with pytest.raises(JournalError, match=r"read-only \(mode 0400\); nothing was saved"):
        journal.add_promise("Another one", "Sybil")
    assert stat.S_IMODE(path.stat().st_mode) == 0o400
    assert path.read_bytes() == before
    assert len(Journal(path, today=TODAY, backups=0).promises) == 1


def test_a_writable_journal_is_written(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    Journal(path, today=TODAY, backups=0).add_promise("Send the numbers", "Sybil")
    Journal(path, today=TODAY, backups=0).add_promise("Another one", "Sybil")
    assert len(Journal(path, today=TODAY, backups=0).promises) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
