"""core/calendar_file.py: UIDs unique per journal, SEQUENCE/LAST-MODIFIED, --pending,
reminders (issue 16 §2 and §5)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from leverage_tui.core.calendar_file import ics_bytes, parse_alarm
from leverage_tui.core.checks import InputError
from leverage_tui.core.filters import Filter
from leverage_tui.core.journal import Journal
from leverage_tui.core.journal_id import derived_id

TODAY = date(2026, 11, 23)


def _journal(path: Path) -> Journal:
    j = Journal(path, today=TODAY, backups=0)
    j.add_promise("Raise", "Maya", made_on=date(2026, 10, 1), due=date(2026, 12, 4))
    j.add_promise("Title", "Ana", made_on=date(2026, 9, 2), due=date(2026, 9, 30))
    j.update_promise("p2", status="honored", on=date(2026, 9, 29))
    j.add_offer("Acme", "Staff", deadline=date(2026, 11, 27))
    return j


def _events(data: bytes) -> dict[str, object]:
    return {str(e["UID"]).split("-")[0]: e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_two_journals_never_share_a_uid(tmp_path: Path) -> None:
    one, two = _journal(tmp_path / "a.json"), _journal(tmp_path / "b.json")
    uids = [
        set(str(e["UID"]) for e in Calendar.from_ical(ics_bytes(j)).walk("VEVENT"))
        for j in (one, two)
    ]
    assert len(uids[0]) == 3 and not uids[0] & uids[1]


def test_the_journal_id_is_stored_once(tmp_path: Path) -> None:
    j = _journal(tmp_path / "a.json")
    jid = json.loads(j.path.read_text())["_leverage"]["1"]["journal_id"]
    assert len(jid) == 16 and jid != derived_id(j.path)  # a new journal: random
    j.add_promise("More", "Ana")
    assert json.loads(j.path.read_text())["_leverage"]["1"]["journal_id"] == jid
    assert f"-{jid}@leverage" in str(_events(ics_bytes(Journal(j.path, today=TODAY)))["p1"]["UID"])  # type: ignore[index]


def test_an_old_journal_keeps_its_uids_across_its_first_save(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    _journal(path)
    data = json.loads(path.read_text())
    del data["_leverage"]["1"]["journal_id"]  # as written before issue 16
    path.write_text(json.dumps(data))
    before = ics_bytes(Journal(path, today=TODAY))
    j = Journal(path, today=TODAY)
    j.add_promise("More", "Ana")
    assert json.loads(path.read_text())["_leverage"]["1"]["journal_id"] == derived_id(path)
    after = _events(ics_bytes(Journal(path, today=TODAY)))
    assert {str(e["UID"]) for e in _events(before).values()} <= {
        str(e["UID"]) for e in after.values()
    }  # type: ignore[index]


def test_a_moved_date_raises_sequence_and_last_modified(tmp_path: Path) -> None:
    j = _journal(tmp_path / "a.json")
    first = _events(ics_bytes(j))["p1"]
    assert first["SEQUENCE"] == 0  # type: ignore[index]
    assert first.decoded("LAST-MODIFIED") == datetime(2026, 10, 1, tzinfo=UTC)  # type: ignore[attr-defined]
    j.update_promise("p1", due=date(2026, 12, 18), on=date(2026, 11, 20))
    moved = _events(ics_bytes(j))["p1"]
    assert moved["UID"] == first["UID"] and moved["SEQUENCE"] == 1  # type: ignore[index]
    assert moved.decoded("DTSTART") == date(2026, 12, 18)  # type: ignore[attr-defined]
    assert moved.decoded("LAST-MODIFIED") == datetime(2026, 11, 20, tzinfo=UTC)  # type: ignore[attr-defined]


def test_pending_leaves_out_what_is_closed(tmp_path: Path) -> None:
    j = _journal(tmp_path / "a.json")
    assert set(_events(ics_bytes(j))) == {"p1", "p2", "o1"}
    assert set(_events(ics_bytes(j, pending=True))) == {"p1", "o1"}
    j.update_offer("o1", status="declined")
    assert set(_events(ics_bytes(j, pending=True))) == {"p1"}


def test_filters_use_the_event_day(tmp_path: Path) -> None:
    j = _journal(tmp_path / "a.json")
    assert set(_events(ics_bytes(j, keep=Filter(start=date(2026, 12, 1))))) == {"p1"}
    assert set(_events(ics_bytes(j, keep=Filter(person="acme")))) == {"o1"}
    assert set(_events(ics_bytes(j, keep=Filter(latest=1)))) == {"p1"}
    assert set(_events(ics_bytes(j, keep=Filter(status=("honored",))))) == {"p2"}


def test_alarms_on_open_events_only(tmp_path: Path) -> None:
    j = _journal(tmp_path / "a.json")
    events = _events(ics_bytes(j, alarms=[timedelta(days=1), timedelta(hours=2)]))
    alarms = [a for a in events["p1"].walk("VALARM")]  # type: ignore[attr-defined]
    assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(days=-1), timedelta(hours=-2)]
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    assert not events["p2"].walk("VALARM")  # type: ignore[attr-defined]
    assert len(events["o1"].walk("VALARM")) == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("1d", timedelta(days=1)),
        ("2H", timedelta(hours=2)),
        (" 30m ", timedelta(minutes=30)),
        ("1w", timedelta(weeks=1)),
    ],
)
def test_parse_alarm(text: str, wanted: timedelta) -> None:
    assert parse_alarm(text) == wanted


@pytest.mark.parametrize("text", ["", "0d", "1y", "tomorrow", "-1d", "99999d"])
def test_bad_alarm(text: str) -> None:
    with pytest.raises(InputError, match="try 1d, 2h"):
        parse_alarm(text)
