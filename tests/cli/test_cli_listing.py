"""`leverage list`, `flags` and `timeline`: JSON shapes, tables, filters, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Run

PROMISE_KEYS = [
    "id", "text", "by", "made_on", "form", "evidence", "due", "category", "status",
    "status_on", "conversation", "history", "flags",
]  # fmt: skip


def test_list_promises_json_shape(cli: Run, sample: Path) -> None:
    r = cli("list", "promises", "--json")
    assert (r.code, r.err) == (0, "")
    docs = r.json
    assert [d["id"] for d in docs] == ["p1", "p2", "p3", "p4", "p5"]
    for doc in docs:
        assert list(doc) == PROMISE_KEYS
    assert docs[2] == {
        "id": "p3",
        "text": "Title change to senior",
        "by": "Ana",
        "made_on": "2026-10-05",
        "form": "written",
        "evidence": "email: Re: title",
        "due": "2026-11-20",
        "category": "title",
        "status": "pending",
        "status_on": None,
        "conversation": None,
        "history": [],
        "flags": ["overdue"],
    }
    assert {d["id"]: d["flags"] for d in docs} == {
        "p1": ["unwritten"],
        "p2": ["unwritten", "vague", "no-date"],
        "p3": ["overdue"],
        "p4": ["walked-back"],
        "p5": ["moving-target"],
    }
    assert (docs[0]["conversation"], docs[3]["status_on"]) == ("c1", "2026-09-01")


@pytest.mark.parametrize(
    ("what", "flag", "ids"),
    [
        ("promises", "unwritten", ["p1", "p2"]),
        ("promises", "OVERDUE", ["p3"]),
        ("promises", "deadline", []),
        ("asks", "vague", ["a2"]),
        ("offers", "deadline", ["o1"]),
        ("offers", "verbal-offer", ["o2"]),
        ("conversations", "unwritten", ["c1"]),
        ("conversations", "overdue", []),
        ("people", "overdue", ["u2"]),
        ("people", "walked-back", ["u1"]),
    ],
)
def test_list_flag_filter(cli: Run, sample: Path, what: str, flag: str, ids: list[str]) -> None:
    assert [d["id"] for d in cli("list", what, "--flag", flag, "--json").json] == ids


def test_list_other_json_shapes(cli: Run, sample: Path) -> None:
    convs = cli("list", "conversations", "--json").json
    assert convs == [
        {
            "id": "c1",
            "on": "2026-11-02",
            "at": "14:30",
            "with": ["Sybil"],
            "channel": "one-on-one",
            "summary": "Lead role talk",
            "notes": None,
            "tags": ["lead"],
            "promises": ["p1"],
            "flags": ["unwritten"],
        }
    ]
    asks = cli("list", "asks", "--json").json
    assert asks[1] == {
        "id": "a2",
        "text": "More influence",
        "measure": None,
        "target": None,
        "priority": "medium",
        "status": "open",
        "promises": [],
        "floor": None,
        "flags": ["vague"],
    }
    offers = cli("list", "offer", "--json").json  # singular works too
    assert offers[0] == {
        "id": "o1",
        "company": "Acme",
        "role": "Staff engineer",
        "base": 150000,
        "bonus": None,
        "sign_on": None,
        "equity": None,
        "equity_value": None,
        "vesting_years": 4,
        "cliff_months": 12,
        "benefits": None,
        "terms": None,
        "received": "2026-11-23",
        "deadline": "2026-11-25",
        "written": True,
        "counter": False,
        "status": "open",
        "conversation": None,
        "history": [],
        "flags": ["deadline"],
    }
    assert offers[1]["flags"] == ["verbal-offer"]
    people = cli("list", "people", "--json").json
    assert people == [
        {
            "id": "u1",
            "name": "Sybil",
            "role": "other",
            "employer": None,
            "notes": None,
            "promises": ["p1", "p2", "p4"],
            "flags": ["walked-back", "unwritten", "vague", "no-date"],
        },
        {
            "id": "u2",
            "name": "Ana",
            "role": "other",
            "employer": None,
            "notes": None,
            "promises": ["p3", "p5"],
            "flags": ["overdue", "moving-target"],
        },
    ]


def test_list_conversations_in_date_order(cli: Run, sample: Path) -> None:
    cli("add", "conversation", "--with", "Ana", "--on", "2026-10-01", "Earlier")
    cli("add", "conversation", "--with", "Ana", "--on", "2026-11-02 09:00", "Same day, earlier")
    assert [c["id"] for c in cli("list", "conversations", "--json").json] == ["c2", "c3", "c1"]


def test_list_text_tables_show_flags_as_words(cli: Run, sample: Path) -> None:
    out = cli("list", "promises").out.splitlines()
    assert out[0].split() == ["ID", "MADE", "BY", "FORM", "DUE", "STATUS", "FLAGS", "PROMISE"]
    p2 = next(line for line in out if line.startswith("p2 "))
    assert "unwritten, vague, no-date" in p2 and "We'll see about a raise" in p2
    p3 = next(line for line in out if line.startswith("p3 "))
    assert "2026-11-20 (3 days ago)" in p3 and "overdue" in p3
    p4 = next(line for line in out if line.startswith("p4 "))
    assert "withdrawn 2026-09-01" in p4
    offers = cli("list", "offers").out
    assert "150,000" in offers and "2026-11-25 (in 2 days)" in offers and "verbal-offer" in offers
    assert "counteroffer" in offers
    convs = cli("list", "conversations").out
    assert "2026-11-02 14:30" in convs and "one-on-one" in convs
    assert "More influence" in cli("list", "asks").out
    assert "Sybil" in cli("list", "people").out


def test_empty_lists(cli: Run, journal_path: Path) -> None:
    for what in ("conversations", "promises", "asks", "offers", "people"):
        assert cli("list", what).out == f"no {what}\n"
        assert cli("list", what, "--json").json == []
    assert cli("flags").out == "no flags: nothing needs your attention\n"
    assert cli("flags", "--json").json == []
    assert cli("timeline", "--json").json == []
    assert cli("list", "promises", "--flag", "vague").out == "no promises flagged vague\n"


def test_read_only_commands_do_not_create_the_journal(cli: Run, journal_path: Path) -> None:
    for args in (
        ["list", "promises"],
        ["list", "people", "--json"],
        ["flags"],
        ["timeline"],
        ["export", "--format", "json"],
        ["check"],
    ):
        assert cli(*args).code == 0, args
    assert not journal_path.parent.exists()


def test_read_only_commands_do_not_touch_the_journal(cli: Run, sample: Path) -> None:
    before = (sample.read_bytes(), sample.stat().st_mtime_ns)
    backups = sorted(sample.parent.iterdir())
    for args in (["list", "promises"], ["flags", "--json"], ["timeline"], ["check"], ["export"]):
        assert cli(*args).code == 0
    assert (sample.read_bytes(), sample.stat().st_mtime_ns) == before
    assert sorted(sample.parent.iterdir()) == backups


def test_flags_json_shape(cli: Run, sample: Path) -> None:
    flags = cli("flags", "--json").json
    for f in flags:
        assert list(f) == ["flag", "kind", "id", "reason", "about"]
        assert isinstance(f["reason"], str) and f["reason"]
    assert [(f["flag"], f["kind"], f["id"]) for f in flags] == [
        ("overdue", "promise", "p3"),
        ("deadline", "offer", "o1"),
        ("walked-back", "promise", "p4"),
        ("moving-target", "promise", "p5"),
        ("verbal-offer", "offer", "o2"),
        ("unwritten", "promise", "p1"),
        ("unwritten", "promise", "p2"),
        ("vague", "ask", "a2"),
        ("vague", "promise", "p2"),
        ("no-date", "promise", "p2"),
    ]
    assert flags[0]["reason"] == "due 20 Nov 2026, 3 days overdue"
    only = cli("flags", "--flag", "unwritten", "--json").json
    assert [f["id"] for f in only] == ["p1", "p2"]
    text = cli("flags").out
    assert "overdue" in text and "3 days overdue" in text


def test_hedges_come_from_the_config(cli: Run, sample: Path, tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text('hedges = ["lead"]\n', encoding="utf-8")
    vague = [f["id"] for f in cli("flags", "--flag", "vague", "--json").json]
    # "lead" is in the text of a1, p1 and p4; a2 has no measure; "we'll see" (p2) is still
    # a hedge: the config's list adds to the built-in hedges
    assert vague == ["a1", "a2", "p1", "p2", "p4"]


def test_timeline_json_in_date_order(cli: Run, sample: Path) -> None:
    events = cli("timeline", "--json").json
    for e in events:
        assert list(e) == ["date", "kind", "id", "text", "people"]
    days = [e["date"] for e in events]
    assert days == sorted(days)
    assert events[0] == {
        "date": "2026-05-01",
        "kind": "promise-made",
        "id": "p4",
        "text": "Sybil promised: Team lead role",
        "people": ["Sybil"],
    }
    assert ("2026-11-25", "offer-deadline", "o1") in [
        (e["date"], e["kind"], e["id"]) for e in events
    ]


def test_timeline_range_and_kind(cli: Run, sample: Path) -> None:
    events = cli("timeline", "--from", "2026-11-01", "--to", "today", "--json").json
    assert [(e["date"], e["kind"], e["id"]) for e in events] == [
        ("2026-11-02", "conversation", "c1"),
        ("2026-11-02", "promise-made", "p1"),
        ("2026-11-20", "promise-due", "p3"),
        ("2026-11-23", "offer", "o1"),
        ("2026-11-23", "offer", "o2"),
    ]
    dues = cli("timeline", "--kind", "promise-due", "--json").json
    assert [e["id"] for e in dues] == ["p3", "p1", "p5"]
    text = cli("timeline", "--from", "nov 20", "--to", "nov 20").out.splitlines()
    assert text[0].split() == ["DATE", "WHAT", "ID", "TEXT"]
    assert text[1].startswith("2026-11-20  promise-due  p3")
    assert cli("timeline", "--from", "2030-01-01").out == "nothing on the timeline in that range\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "promises", "--flag", "sketchy"], "invalid choice: 'sketchy'"),
        (["list", "meetings"], "invalid choice: 'meetings'"),
        (["list"], "required"),
        (["flags", "--flag", "nope"], "invalid choice: 'nope'"),
        (["timeline", "--from", "whenever"], "not a date: 'whenever'"),
        (["timeline", "--from", "today", "--to", "yesterday"], "is after --to"),
        (["timeline", "--kind", "party"], "invalid choice: 'party'"),
    ],
)
def test_bad_listing_is_exit_2(cli: Run, sample: Path, args: list[str], message: str) -> None:
    before = sample.read_bytes()
    r = cli(*args)
    assert (r.code, r.out) == (2, "")
    assert message in r.err and r.err.count("\n") == 1
    assert sample.read_bytes() == before
