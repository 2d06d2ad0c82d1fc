"""Exports: CSV read back, formula-injection cells escaped, iCalendar parsed back, Markdown."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from leverage_tui.core.checks import InputError
from leverage_tui.core.exports import CSV_KINDS, csv_text, ics_bytes, journal_markdown, safe_cell
from leverage_tui.core.journal import Journal

TODAY = date(2026, 11, 23)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal(tmp_path / "j.json", today=TODAY, backups=0)
    c = j.add_conversation(
        ["Maya Chen", "Robert"],
        'Counteroffer, "verbal"',
        on=date(2026, 11, 22),
        channel="call",
        notes="line one\n=line two",
        tags=["offer"],
    )
    j.add_promise('=HYPERLINK("http://x")', "Maya Chen", conversation=c.id, due=date(2026, 12, 4))
    j.add_promise("+1 day off", "Robert", made_on=date(2026, 10, 2), form="written")
    j.add_promise("-5 minutes", "@Robert", made_on=date(2026, 9, 2), due=date(2026, 9, 30))
    j.update_promise("p3", status="honored", on=date(2026, 9, 29))
    j.add_ask(
        "Lead, planning", measure="named lead", target=date(2027, 1, 1), promises=["p1", "p2"]
    )
    j.add_offer("Acme", "Staff", base=150_000, deadline=date(2026, 11, 27), written=True)
    j.add_offer("Current Co", "Senior", counter=True, terms="=cmd|' /C calc'!A0")
    return j


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_promises_read_back_equal_the_records(journal: Journal) -> None:
    rows = read_back(csv_text(journal, "promises"))
    assert [r["id"] for r in rows] == ["p1", "p2", "p3"]
    for row in rows:
        p = journal.promises[row["id"]]
        assert row["by"] == safe_cell(p.by)
        assert row["form"] == p.form and row["status"] == p.status
        assert row["due"] == (p.due.isoformat() if p.due else "")
        assert row["conversation"] == (p.conversation or "")
    assert rows[1]["text"] == "'+1 day off"
    assert rows[2]["by"] == "'@Robert"
    assert rows[2]["status_on"] == "2026-09-29"


def test_csv_escapes_every_formula_start(journal: Journal) -> None:
    rows = read_back(csv_text(journal, "promises"))
    assert rows[0]["text"] == '\'=HYPERLINK("http://x")'
    assert rows[2]["text"] == "'-5 minutes"
    offers = read_back(csv_text(journal, "offers"))
    assert offers[1]["terms"] == "'=cmd|' /C calc'!A0"
    for start in ("=", "+", "-", "@", "\t"):
        assert safe_cell(f"{start}x") == f"'{start}x"
    assert safe_cell("\rx") == "\\rx"  # a control character is shown escaped: no formula
    assert safe_cell("plain = fine") == "plain = fine"
    assert (
        safe_cell(None) == ""
        and safe_cell(True) == "true"
        and safe_cell(False) == "false"
        and safe_cell(150_000) == "150000"
    )


def test_csv_of_each_kind(journal: Journal) -> None:
    convs = read_back(csv_text(journal, "conversations"))
    assert convs == [
        {
            "id": "c1",
            "on": "2026-11-22",
            "at": "",
            "with": "Maya Chen, Robert",
            "channel": "call",
            "summary": 'Counteroffer, "verbal"',
            "notes": "line one\n=line two",
            "tags": "offer",
        }
    ]
    asks = read_back(csv_text(journal, "asks"))
    assert asks[0]["promises"] == "p1, p2" and asks[0]["target"] == "2027-01-01"
    offers = read_back(csv_text(journal, "offers"))
    assert [(o["company"], o["base"], o["written"], o["counter"]) for o in offers] == [
        ("Acme", "150000", "true", "false"),
        ("Current Co", "", "false", "true"),
    ]
    assert set(CSV_KINDS) == {
        "conversations", "promises", "asks", "offers", "decisions", "attachments", "wins"
    }  # fmt: skip
    with pytest.raises(InputError, match="unknown kind"):
        csv_text(journal, "people")


def test_ics_parses_back_with_one_event_per_date(journal: Journal) -> None:
    cal = Calendar.from_ical(ics_bytes(journal))
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"])
    jid = journal.storage.meta["journal_id"]  # saved journals carry their own id
    events = {str(e["UID"]).replace(f"-{jid}@", "@"): e for e in cal.walk("VEVENT")}
    assert set(events) == {"p1-due@leverage", "p3-due@leverage", "o1-deadline@leverage"}
    due = events["p1-due@leverage"]
    assert due.decoded("DTSTART") == date(2026, 12, 4)
    assert due.decoded("DTEND") == date(2026, 12, 5)
    assert str(due["SUMMARY"]) == 'Due from Maya Chen: =HYPERLINK("http://x")'
    assert events["p3-due@leverage"]["SUMMARY"].startswith("[honored] ")
    assert events["o1-deadline@leverage"].decoded("DTSTART") == date(2026, 11, 27)
    stamp = datetime(2026, 11, 23, tzinfo=UTC)
    assert all(e.decoded("DTSTAMP") == stamp for e in events.values())


def test_ics_does_not_depend_on_the_clock(journal: Journal, tmp_path: Path) -> None:
    again = Journal(journal.path, today=TODAY)
    assert ics_bytes(again) == ics_bytes(journal)
    later = Journal(journal.path, today=date(2027, 1, 1))
    assert b"DTSTAMP:20270101T000000Z" in ics_bytes(later)


def test_markdown_export_by_month(journal: Journal) -> None:
    md = journal_markdown(journal)
    lines = md.splitlines()
    assert lines[0] == "# Leverage journal"
    months = [line for line in lines if line.startswith("## ") and line[3:4].isupper()]
    assert months[-3:] == ["## September 2026", "## October 2026", "## November 2026"]
    assert "### 2026-11-22 · call with Maya Chen, Robert (c1)" in lines
    assert "> =line two" in lines
    assert "### Promises outside a conversation" in lines
    assert (
        '- p3 **@Robert** promised: "-5 minutes" (other; verbal, honored, due 2026-09-30)' in lines
    )
    assert "  - 2026-09-29: status pending → honored" in lines
    assert md.index("## September 2026") < md.index("## November 2026")
