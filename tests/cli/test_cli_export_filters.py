"""`export --format csv|ics` with the listing filters, --pending, --alarm, the work
calendar warning, and CSV booleans/BOM (issue 16 §2 and §5)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from icalendar import Calendar

from .conftest import Run


def _uids(text: str) -> set[str]:
    return {str(e["UID"]).split("-")[0] for e in Calendar.from_ical(text).walk("VEVENT")}


def test_ics_warns_about_work_calendars_in_one_line(cli: Run, sample: Path) -> None:
    r = cli("export", "--format", "ics")
    assert r.code == 0 and r.err.count("\n") == 1
    assert "work account" in r.err and "employer" in r.err


def test_ics_pending_and_filters(cli: Run, sample: Path) -> None:
    cli("update", "promise", "p3", "--status", "honored")
    assert _uids(cli("export", "--format", "ics").out) == {"p1", "p3", "p5", "o1"}
    assert _uids(cli("export", "--format", "ics", "--pending").out) == {"p1", "p5", "o1"}
    assert _uids(cli("export", "--format", "ics", "--person", "Ana").out) == {"p3", "p5"}
    assert _uids(cli("export", "--format", "ics", "--to", "2026-11-30").out) == {"p3", "o1"}
    assert _uids(cli("export", "--format", "ics", "-n", "2", "--pending").out) == {"p1", "p5"}


def test_ics_alarm(cli: Run, sample: Path) -> None:
    out = cli("export", "--format", "ics", "--alarm", "1d", "--pending").out
    assert out.count("BEGIN:VALARM") == 4 and "TRIGGER:-P1D" in out


def test_csv_filters_booleans_and_bom(cli: Run, sample: Path, tmp_path: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(cli("export", "--format", "csv", "--kind", "offers").out))
    )
    assert [(r["written"], r["counter"]) for r in rows] == [("true", "false"), ("false", "true")]
    out = cli("export", "--format", "csv", "--person", "sybil", "--status", "pending").out
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["p1", "p2"]
    target = tmp_path / "p.csv"
    assert cli("export", "--format", "csv", "--tag", "lead", "-o", str(target)).code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,text,")  # UTF-8 with BOM, for spreadsheets
    assert [r["id"] for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))] == ["p1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "ics", "--alarm", "soon"], "--alarm 'soon' is not a time"),
        (["--format", "csv", "--pending"], "only apply to --format ics"),
        (["--format", "json", "--person", "Ana"], "the filters apply to --format csv and ics"),
        (["--format", "md", "-n", "3"], "the filters apply to --format csv and ics"),
        (["--format", "csv", "--kind", "asks", "--status", "pending"], "apply to promises"),
        (["--format", "ics", "--from", "someday"], "not a date"),
        (["--format", "ics", "--person", "Nobody"], "no person or company named"),
    ],
)
def test_bad_export_filter_is_exit_2(cli: Run, sample: Path, args: list[str], message: str) -> None:
    r = cli("export", *args)
    assert (r.code, r.out) == (2, "")
    assert message in r.err and r.err.count("\n") == 1
