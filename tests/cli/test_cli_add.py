"""`leverage add ...`: the id on stdout, --json records, defaults, and bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

from .conftest import TODAY, Run


def test_add_conversation_prints_only_the_new_id(cli: Run, journal_path: Path) -> None:
    r = cli("add", "conversation", "--with", "Sybil", "--with", "Ana", "Talked", "about", "pay")
    assert (r.code, r.out, r.err) == (0, "c1\n", "")
    conv = Journal(journal_path).conversation("c1")
    assert conv.people == ("Sybil", "Ana")
    assert conv.summary == "Talked about pay"
    assert conv.on == TODAY and conv.at is None and conv.channel == "meeting"
    assert cli("add", "conversation", "--with", "Sybil", "Again").out == "c2\n"


def test_add_conversation_with_time_channel_tags_notes(cli: Run) -> None:
    r = cli(
        "add", "conversation", "--with", "Sybil", "--on", "fri 14:30", "--channel", "Call",
        "--tag", "pay", "--tag", "#Lead", "--notes", "long talk", "--json", "Pay review",
    )  # fmt: skip
    assert r.code == 0
    assert r.json == {
        "id": "c1",
        "on": "2026-11-20",  # "fri" for a conversation is the last Friday: it happened
        "at": "14:30",
        "with": ["Sybil"],
        "channel": "call",
        "summary": "Pay review",
        "notes": "long talk",
        "tags": ["pay", "lead"],
    }


def test_add_promise_defaults(cli: Run) -> None:
    cli("add", "conversation", "--with", "Sybil", "--on", "2026-11-02", "1:1")
    r = cli("add", "promise", "--conversation", "c1", "--json", "You will lead Q3")
    assert r.code == 0
    assert r.json == {
        "id": "p1",
        "text": "You will lead Q3",
        "by": "Sybil",  # the conversation's only person
        "made_on": "2026-11-02",  # the conversation's date
        "form": "verbal",
        "evidence": None,
        "due": None,
        "category": "other",
        "status": "pending",
        "status_on": None,
        "conversation": "c1",
        "history": [],
    }
    r = cli("add", "promise", "--by", "Ana", "A raise")
    assert r.out == "p2\n"
    assert cli("list", "promises", "--json").json[1]["made_on"] == TODAY.isoformat()


def test_add_promise_with_every_option(cli: Run) -> None:
    r = cli(
        "add", "promise", "--by", "sybil", "--form", "WRITTEN", "--evidence", "email: Re: Q3",
        "--due", "in 2 weeks", "--made", "yesterday", "--category", "leadership", "--json",
        "Announce me as lead",
    )  # fmt: skip
    doc = r.json
    assert (doc["form"], doc["evidence"], doc["category"]) == (
        "written",
        "email: Re: Q3",
        "leadership",
    )
    assert (doc["due"], doc["made_on"]) == ("2026-12-07", "2026-11-22")
    assert doc["by"] == "sybil"


def test_known_people_keep_their_spelling(cli: Run) -> None:
    cli("add", "person", "Sybil", "Vane", "--role", "manager")
    r = cli("add", "promise", "--by", "SYBIL VANE", "--json", "Something")
    assert r.json["by"] == "Sybil Vane"
    people = cli("list", "people", "--json").json
    assert [(u["id"], u["name"], u["role"]) for u in people] == [("u1", "Sybil Vane", "manager")]


def test_add_ask_and_offer(cli: Run) -> None:
    cli("add", "promise", "--by", "Sybil", "Lead role")
    r = cli(
        "add", "ask", "--measure", "announced to the team", "--target", "mar 1 2027",
        "--priority", "high", "--promise", "p1", "--json", "Lead", "Q3",
    )  # fmt: skip
    assert r.json == {
        "id": "a1",
        "text": "Lead Q3",
        "measure": "announced to the team",
        "target": "2027-03-01",
        "priority": "high",
        "status": "open",
        "promises": ["p1"],
        "floor": None,
    }
    r = cli(
        "add", "offer", "--company", "Acme", "--role", "Staff engineer", "--base", "150k",
        "--bonus", "20,000", "--equity", "0.1%", "--deadline", "dec 4", "--written", "--json",
    )  # fmt: skip
    assert r.json == {
        "id": "o1",
        "company": "Acme",
        "role": "Staff engineer",
        "base": 150000,
        "bonus": 20000,
        "sign_on": None,
        "equity": "0.1%",
        "equity_value": None,
        "vesting_years": 4,
        "cliff_months": 12,
        "benefits": None,
        "terms": None,
        "received": "2026-11-23",
        "deadline": "2026-12-04",
        "written": True,
        "counter": False,
        "status": "open",
        "conversation": None,
        "history": [],
    }
    r = cli("add", "offer", "--company", "Us", "--role", "Lead", "--verbal", "--counter")
    assert r.out == "o2\n"
    o2 = cli("list", "offers", "--json").json[1]
    assert (o2["company"], o2["written"], o2["counter"]) == ("Us", False, True)


def test_add_person_updates_a_known_person(cli: Run) -> None:
    assert cli("add", "person", "Ana", "--role", "hr").out == "u1\n"
    assert cli("add", "person", "ana", "--notes", "HR partner").out == "u1\n"
    assert cli("list", "people", "--json").json == [
        {
            "id": "u1",
            "name": "Ana",
            "role": "hr",  # kept: not given again
            "employer": None,
            "notes": "HR partner",
            "promises": [],
            "flags": [],
        }
    ]
    cli("add", "person", "Ana", "--role", "peer")
    assert cli("list", "people", "--json").json[0]["notes"] == "HR partner"


BAD_ADDS = [
    (["add", "conversation", "--with", "S", "--on", "blursday", "x"], "not a date: 'blursday'"),
    (["add", "conversation", "--with", "S", "--on", "2026-02-30", "x"], "no such day"),
    (
        ["add", "conversation", "--with", "S", "--channel", "pigeon", "x"],
        "invalid choice: 'pigeon'",
    ),
    (["add", "conversation", "--with", "S", ""], "summary is empty"),
    (["add", "conversation", "--with", " ", "x"], "name is empty"),
    (["add", "conversation", "x"], "required: --with"),
    (["add", "conversation", "--with", "S", "--tag", "two words", "x"], "a tag is one word"),
    (["add", "promise", "--by", "S", "   "], "promise text is empty"),
    (["add", "promise", "--by", "S", "x" * 5000], "too long (5,000 characters"),
    (["add", "promise", "--by", "S", "a\x00b"], "control character"),
    (["add", "promise", "--by", "S", "\udcffbad"], "control character"),
    (["add", "promise", "--by", "S", "--due", "20/11/2026", "x"], "ambiguous"),
    (["add", "promise", "--by", "S", "--due", "1800-01-01", "x"], "year must be between"),
    (["add", "promise", "--by", "S", "--form", "pinky-swear", "x"], "invalid choice"),
    (["add", "promise", "--by", "S", "--conversation", "c9", "x"], "no conversation with id 'c9'"),
    (["add", "promise", "--by", "S", "--conversation", "p1", "x"], "no conversation with id 'p1'"),
    (["add", "promise", "x"], "needs --by NAME"),
    (["add", "promise", "--by", "n" * 500, "x"], "name is too long"),
    (["add", "ask", "--priority", "urgent", "x"], "invalid choice: 'urgent'"),
    (["add", "ask", "--promise", "p42", "x"], "no promise with id 'p42'"),
    (["add", "offer", "--company", "A", "--role", "B", "--base", "lots"], "not an amount: 'lots'"),
    (["add", "offer", "--company", "A", "--role", "B", "--written", "--verbal"], "not allowed"),
    (["add", "offer", "--role", "B"], "required: --company"),
    (["add", "person", "X", "--role", "boss"], "invalid choice: 'boss'"),
    (["add", "meeting", "x"], "invalid choice: 'meeting'"),
    (["add"], "required: KIND"),
    (["add", "promise", "--by", "S", "--bogus", "x"], "unrecognized arguments: --bogus"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ADDS, ids=[" ".join(a)[:50] for a, _ in BAD_ADDS])
def test_bad_add_is_exit_2_one_line_nothing_changed(
    cli: Run, journal_path: Path, args: list[str], message: str
) -> None:
    cli("add", "conversation", "--with", "S", "First")
    before = journal_path.read_bytes()
    r = cli(*args)
    assert r.code == 2
    assert r.out == ""
    assert r.err.startswith("leverage: ") and r.err.count("\n") == 1
    assert message in r.err
    assert journal_path.read_bytes() == before


def test_bad_add_on_a_missing_journal_does_not_create_it(cli: Run, journal_path: Path) -> None:
    r = cli("add", "promise", "--by", "S", "")
    assert r.code == 2
    assert not journal_path.exists()
