"""`leverage export`, `import` and `check`: round trips, hygiene, damaged journals."""

from __future__ import annotations

import json
import os
import stat
import sys
import types
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

from .conftest import Run


def test_export_json_to_stdout_is_the_whole_journal(cli: Run, sample: Path) -> None:
    r = cli("export", "--format", "json")
    assert r.code == 0
    data = r.json
    assert data == Journal(sample).export_data()
    assert sorted(data["promises"]) == ["p1", "p2", "p3", "p4", "p5"]
    assert data["promises"]["p4"]["history"][0]["new"] == "honored"
    assert data["_leverage"]["schema"] == 2
    assert cli("export").out == r.out  # json is the default format


def test_export_to_a_private_file(cli: Run, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "backup.json"
    target.parent.mkdir()
    r = cli("export", "--format", "json", "-o", str(target))
    assert r.code == 0
    assert r.out == (
        f"exported 1 conversation, 5 promises, 2 asks, 2 offers, 0 wins, 2 people to {target}\n"
    )
    assert json.loads(target.read_text(encoding="utf-8")) == Journal(sample).export_data()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["backup.json"]  # no temp file left


def test_round_trip_into_an_empty_journal_and_idempotent_reimport(
    cli: Run, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("update", "conversation", "c1", "--notes", "line one\nline two")
    cli("add", "person", "Lee", "--role", "hr", "--notes", "HR partner")
    export = tmp_path / "export.json"
    assert cli("export", "-o", str(export)).code == 0
    original = export.read_text(encoding="utf-8")

    fresh = tmp_path / "fresh" / "journal.json"
    monkeypatch.setenv("LEVERAGE_JOURNAL", str(fresh))
    r = cli("import", str(export))
    assert r.code == 0
    assert r.out == (
        f"imported 1 conversation, 5 promises, 2 asks, 2 offers, 0 wins, 3 people from {export}\n"
    )
    assert cli("export").out == original

    before = fresh.read_bytes()
    r = cli("import", str(export))
    assert (r.code, r.out) == (
        0,
        f"nothing new in {export}: every record is already in the journal\n",
    )
    assert cli("export").out == original
    assert fresh.read_bytes() == before  # nothing new: not even rewritten
    assert cli("check").code == 0


def test_import_merges_and_renames_clashing_ids(
    cli: Run, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "export.json"
    cli("export", "-o", str(export))
    other = tmp_path / "other.json"
    monkeypatch.setenv("LEVERAGE_JOURNAL", str(other))
    cli("add", "promise", "--by", "Zed", "Something else")  # p1, different from sample's p1
    r = cli("import", str(export))
    assert r.code == 0
    j = Journal(other)
    assert len(j.promises) == 6
    assert j.promises["p1"].text == "Something else"
    moved = [p for p in j.promises.values() if p.text == "You will lead Q3 planning"][0]
    assert moved.id != "p1"
    assert [a.promises for a in j.asks.values() if a.text == "Lead Q3 planning"] == [(moved.id,)]
    assert cli("check").code == 0


def test_import_from_stdin(
    cli: Run, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = cli("export").out
    monkeypatch.setenv("LEVERAGE_JOURNAL", str(tmp_path / "new.json"))
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=_Bytes(data.encode())))
    assert cli("import", "-").code == 0
    assert cli("export").out == data


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, n: int = -1) -> bytes:
        return self.data


BAD_IMPORTS = [
    (None, "no such file"),
    (b"", "is not JSON"),
    (b"{not json", "is not JSON"),
    (b"\xff\xfe\x00garbage", "is not JSON"),
    (b"[1, 2, 3]", "not a Leverage export"),
    (b'{"promises": {}}', "not a Leverage export"),
    (b"[" * 100_000 + b"]" * 100_000, "is not JSON"),
    (b'{"_leverage": {"schema": 1}, "promises": []}', "is not a table"),
    (b'{"_leverage": {"schema": 1}, "promises": {"p1": {"by": "S"}}}', "entry 'p1' is invalid"),
    (b'{"_leverage": {"schema": 1}, "promises": {"c1": {"text": "t"}}}', "entry 'c1' is invalid"),
    (
        b'{"_leverage": {}, "promises": {"p1": {"text": "t", "by": "S", "made_on": "2026-01-01",'
        b' "conversation": "c404"}}}',
        "c404",
    ),
    (
        b'{"_leverage": {}, "conversations": {"c1": {"on": "2026-01-01", "with": [5],'
        b' "summary": "s"}}}',
        "'c1'",
    ),
    (
        b'{"_leverage": {}, "promises": {"p1": {"text": "t", "by": "S", "made_on": "2026-01-01",'
        b' "status": "teleported"}}}',
        "unknown status 'teleported'",
    ),
]


@pytest.mark.parametrize(("content", "message"), BAD_IMPORTS)
@pytest.mark.parametrize("existing", [True, False], ids=["journal", "no-journal"])
def test_bad_import_is_exit_2_and_changes_nothing(
    cli: Run,
    journal_path: Path,
    tmp_path: Path,
    content: bytes | None,
    message: str,
    existing: bool,
) -> None:
    if existing:
        cli("add", "promise", "--by", "Sybil", "Keep me")
        before = journal_path.read_bytes()
    source = tmp_path / "in.json"
    if content is not None:
        source.write_bytes(content)
    r = cli("import", str(source))
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("leverage: ") and r.err.count("\n") == 1
    assert message in r.err
    if existing:
        assert journal_path.read_bytes() == before
    else:
        assert not journal_path.exists()


def test_import_a_folder_or_unreadable_file(cli: Run, tmp_path: Path) -> None:
    r = cli("import", str(tmp_path))
    assert r.code == 2 and "cannot read" in r.err
    if os.geteuid() != 0:
        locked = tmp_path / "locked.json"
        locked.write_text("{}")
        locked.chmod(0)
        assert cli("import", str(locked)).code == 2


def test_export_refuses_to_overwrite_the_journal(cli: Run, sample: Path) -> None:
    before = sample.read_bytes()
    r = cli("export", "-o", str(sample))
    assert r.code == 2 and "is the journal itself" in r.err
    assert sample.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "-o", "/nonexistent-folder/x.json"], "cannot write /nonexistent-folder/x.json"),
        (["export", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["export", "--format", "json", "--kind", "promises"], "--kind only applies"),
        (["export", "--format", "csv", "--kind", "people"], "invalid choice: 'people'"),
    ],
)
def test_bad_export(cli: Run, sample: Path, args: list[str], message: str) -> None:
    r = cli(*args)
    assert (r.code, r.out) == (2, "")
    assert message in r.err and r.err.count("\n") == 1


def test_export_md_writes_the_journal_as_markdown(cli: Run, sample: Path, tmp_path: Path) -> None:
    """`export --format md -o FILE`: the whole journal as Markdown, readable by the user
    only; --kind is for csv only (exit 2, nothing written)."""
    r = cli("export", "--format", "MD", "-o", str(tmp_path / "j.md"))
    assert r.code == 0 and r.out.startswith("wrote the journal as Markdown to ")
    text = (tmp_path / "j.md").read_text()
    assert text.startswith("# ") and "## Promises" in text
    assert (tmp_path / "j.md").stat().st_mode & 0o777 == 0o600
    r = cli("export", "--format", "md", "--kind", "asks", "-o", str(tmp_path / "k.md"))
    assert (r.code, r.err) == (2, "leverage: --kind only applies to --format csv\n")
    assert not (tmp_path / "k.md").exists()


# -- check ---------------------------------------------------------------------------------


def test_check_a_good_journal(cli: Run, sample: Path) -> None:
    before = sample.read_bytes()
    r = cli("check")
    assert (r.code, r.err) == (0, "")
    counts = "1 conversation, 5 promises, 2 asks, 2 offers, 0 wins, 2 people"
    assert r.out == f"ok: {counts} (journal {sample})\n"
    assert sample.read_bytes() == before


def test_check_a_missing_journal(cli: Run, journal_path: Path) -> None:
    r = cli("check")
    assert r.code == 0
    assert r.out.startswith("ok: 0 conversations, 0 promises, 0 asks, 0 offers, 0 wins, 0 people")
    assert "does not exist yet" in r.out
    assert not journal_path.exists()


def test_check_reports_every_problem(cli: Run, journal_path: Path) -> None:
    journal_path.parent.mkdir()
    broken = {
        "_leverage": {"schema": 1},
        "people": {"1": {"name": "Sybil"}, "x": {"name": "Bo"}, "2": {"name": "sybil"}},
        "conversations": {"1": {"on": "2026-13-01", "with": ["Sybil"], "summary": "s"}},
        "promises": {
            "1": {"by": "Sybil", "made_on": "2026-01-01"},
            "2": {
                "text": "t",
                "by": "Nobody",
                "made_on": "2026-01-01",
                "conversation": "c9",
                "due": "2999-01-01",
            },
            "3": 5,
        },
        "asks": {"1": {"text": "a", "promises": ["p77"]}},
        "offers": {"1": {"company": "A", "role": "R", "status": "weird"}},
    }
    journal_path.write_text(json.dumps(broken), encoding="utf-8")
    before = journal_path.read_bytes()
    r = cli("check")
    assert r.code == 1
    assert r.out.splitlines() == [
        "people: entry 'x' has a bad id (not a number)",
        "c1: date '2026-13-01' is not a date (write it as YYYY-MM-DD)",
        "p1: missing field 'text'",
        "p2: due date 2999-01-01 is out of range (1900 to 2200)",
        "p3: not an object",
        "o1: unknown offer status 'weird' (choose open, accepted, declined, expired)",
        "u2: the name 'sybil' is also u1's",
        "p2: made by 'Nobody', who is not in the people list",
        "p2: names conversation 'c9', which is missing",
        "a1: names promise 'p77', which is missing",
        f"10 problems in journal {journal_path}",
    ]
    assert journal_path.read_bytes() == before
    # the other commands refuse the damaged journal with one line, exit 1
    r = cli("list", "promises")
    assert r.code == 1 and "the journal is damaged" in r.err and r.err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the journal is empty"),
        (b'{"_leverage": {"schema": 1}, "promises": {"1": {"te', "the journal is damaged"),
        (b'{"some": "other app"}', "not a Leverage journal"),
        (b"\x00\x01binary", "the journal is damaged"),
    ],
)
def test_check_a_damaged_file_is_exit_1(
    cli: Run, journal_path: Path, content: bytes, message: str
) -> None:
    journal_path.parent.mkdir()
    journal_path.write_bytes(content)
    for args in (["check"], ["list", "promises"], ["add", "promise", "--by", "S", "x"]):
        r = cli(*args)
        assert (r.code, r.out) == (1, ""), args
        assert message in r.err and r.err.count("\n") == 1
        assert journal_path.read_bytes() == content
