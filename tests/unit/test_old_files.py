"""Files written by the first version (schema 1) keep opening and importing.

The two fixtures were written by Leverage at commit 63634b4 (before the registry):
its demo journal, and `export --format json` of it. Opening migrates the journal to
the current schema on its next save; importing reads the old export's header (where
the current job was kept).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from tinydb import TinyDB

from leverage_tui.core.journal import Journal
from leverage_tui.core.journal_format import META_KEY, SCHEMA
from leverage_tui.core.storage import inspect_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = dt.date(2026, 11, 23)


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / "data" / name
    target.parent.mkdir(mode=0o700)
    shutil.copyfile(FIXTURES / name, target)
    target.chmod(0o600)
    return target


def test_a_schema_1_journal_opens_and_is_saved_at_the_current_schema(tmp_path: Path) -> None:
    path = _copy(tmp_path, "schema1-demo-journal.json")
    original = path.read_bytes()
    assert json.loads(original)[META_KEY]["schema"] == 1
    assert inspect_file(path)[1] == []  # `check` finds nothing wrong
    j = Journal(path, today=TODAY)
    assert path.read_bytes() == original  # opening writes nothing
    assert len(j.promises) == 12 and len(j.conversations) == 11 and len(j.offers) == 2
    assert j.current_job is not None and j.current_job.company == "Halden & Co"
    assert j.current_job.base == 118_000
    assert j.promise("p6").history  # histories came through
    j.update_promise("p1", status="honored")
    saved = json.loads(path.read_bytes())
    assert saved[META_KEY]["1"]["schema"] == SCHEMA
    assert "current_job" in saved and "current_job" not in saved[META_KEY]["1"]
    again = Journal(path, today=TODAY)
    assert again.export_data()["promises"] == j.export_data()["promises"]
    db = TinyDB(path, access_mode="r")  # a TinyDB database, every table readable
    assert {t: len(db.table(t).all()) for t in db.tables()}["promises"] == 12


def test_a_schema_1_export_imports_into_a_new_journal(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "schema1-demo-export.json").read_text())
    j = Journal(tmp_path / "new.json", today=TODAY)
    counts = j.import_data(data)
    assert counts["promises"] == 12 and counts["conversations"] == 11
    assert j.current_job is not None and j.current_job.role == "Product Designer II"
    assert j.import_data(data) == dict.fromkeys(counts, 0)  # the second time adds nothing
