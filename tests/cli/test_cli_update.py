"""`leverage update ...` and `delete`: changes, history, and bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

from .conftest import Run


def test_update_promise_records_history_dated_on(cli: Run, sample: Path) -> None:
    r = cli(
        "update", "promise", "p1", "--form", "written", "--evidence", "email: Re: Q3",
        "--due", "2026-12-10", "--on", "yesterday",
    )  # fmt: skip
    assert r.code == 0
    assert r.out == (
        "p1: form verbal -> written; evidence none -> 'email: Re: Q3'; "
        "due 2026-12-01 -> 2026-12-10\n"
    )
    p1 = Journal(sample).promise("p1")
    assert (p1.form, p1.evidence, p1.due.isoformat() if p1.due else None) == (
        "written",
        "email: Re: Q3",
        "2026-12-10",
    )
    assert [(c.field, c.old, c.new, c.on.isoformat()) for c in p1.history] == [
        ("form", "verbal", "written", "2026-11-22"),
        ("due", "2026-12-01", "2026-12-10", "2026-11-22"),
    ]


def test_update_promise_status_sets_status_date(cli: Run, sample: Path) -> None:
    r = cli("update", "promise", "P3", "--status", "Honored", "--json")
    assert r.code == 0
    doc = r.json
    assert (doc["id"], doc["status"], doc["status_on"]) == ("p3", "honored", "2026-11-23")
    assert doc["history"][-1] == {
        "field": "status",
        "old": "pending",
        "new": "honored",
        "on": "2026-11-23",
    }
    assert "overdue" not in [f["flag"] for f in cli("flags", "--json").json if f["id"] == "p3"]


def test_update_promise_no_due_and_text(cli: Run, sample: Path) -> None:
    r = cli("update", "promise", "p1", "--no-due", "--text", "Lead Q3 planning", "--by", "Ana")
    assert r.code == 0
    p1 = Journal(sample).promise("p1")
    assert (p1.due, p1.text, p1.by) == (None, "Lead Q3 planning", "Ana")


def test_update_conversation(cli: Run, sample: Path) -> None:
    r = cli(
        "update", "conversation", "c1", "--on", "2026-11-03 09:15", "--with", "Sybil",
        "--with", "Ana", "--tag", "pay", "--summary", "Lead and pay",
    )  # fmt: skip
    assert r.code == 0
    c1 = Journal(sample).conversation("c1")
    assert (c1.on.isoformat(), c1.at) == ("2026-11-03", "09:15")
    assert (c1.people, c1.tags, c1.summary) == (("Sybil", "Ana"), ("pay",), "Lead and pay")
    cli("update", "conversation", "c1", "--no-tags", "--channel", "email")
    c1 = Journal(sample).conversation("c1")
    assert (c1.tags, c1.channel, c1.at is not None) == ((), "email", True)


def test_update_ask(cli: Run, sample: Path) -> None:
    r = cli("update", "ask", "a2", "--measure", "title on the org chart", "--target", "in 1 month")
    assert r.out == "a2: measure none -> 'title on the org chart'; target none -> 2026-12-23\n"
    assert [f["id"] for f in cli("flags", "--json").json if f["kind"] == "ask"] == []
    cli("update", "ask", "a1", "--no-promises", "--status", "granted", "--no-target")
    a1 = Journal(sample).asks["a1"]
    assert (a1.promises, a1.status, a1.target) == ((), "granted", None)


def test_update_offer(cli: Run, sample: Path) -> None:
    r = cli("update", "offer", "o2", "--written", "--base", "160k", "--status", "Declined")
    assert r.out == "o2: base 140000 -> 160000; written no -> yes; status open -> declined\n"
    o2 = Journal(sample).offers["o2"]
    assert (o2.base, o2.written, o2.status, o2.counter) == (160000, True, "declined", True)
    cli("update", "offer", "o2", "--no-counter")
    assert Journal(sample).offers["o2"].counter is False


BAD_UPDATES = [
    (["update", "promise", "p99", "--status", "honored"], "no promise with id 'p99'"),
    (["update", "promise", "c1", "--status", "honored"], "no promise with id 'c1'"),
    (["update", "promise", "p1", "--status", "maybe"], "invalid choice: 'maybe'"),
    (["update", "promise", "p1", "--due", "someday"], "not a date: 'someday'"),
    (["update", "promise", "p1", "--on", "soon"], "not a date: 'soon'"),
    (["update", "promise", "p1", "--text", ""], "promise text is empty"),
    (["update", "promise", "p1", "--evidence", "e" * 3000], "evidence is too long"),
    (["update", "promise", "p1"], "needs something to change"),
    (["update", "promise", "p1", "--due", "fri", "--no-due"], "not both"),
    (["update", "conversation", "c2", "--summary", "x"], "no conversation with id 'c2'"),
    (["update", "conversation", "c1", "--on", "31 feb"], "no such day"),
    (["update", "conversation", "c1"], "needs something to change"),
    (["update", "ask", "a9", "--status", "open"], "no ask with id 'a9'"),
    (["update", "ask", "a1", "--target", "fri", "--no-target"], "not both"),
    (["update", "ask", "a1", "--promise", "p1", "--no-promises"], "not both"),
    (["update", "ask", "a1", "--promise", "p77"], "no promise with id 'p77'"),
    (["update", "offer", "o1", "--bonus", "-5"], "not an amount"),
    (["update", "offer", "o1"], "needs something to change"),
    (["delete", "x7"], "no record with id 'x7'"),
    (["delete", "u1"], "Sybil made 3 promises and is in 1 conversation"),
]


@pytest.mark.parametrize(
    ("args", "message"), BAD_UPDATES, ids=[" ".join(a)[:40] for a, _ in BAD_UPDATES]
)
def test_bad_update_is_exit_2_nothing_changed(
    cli: Run, sample: Path, args: list[str], message: str
) -> None:
    before = sample.read_bytes()
    r = cli(*args)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("leverage: ") and r.err.count("\n") == 1
    assert message in r.err
    assert sample.read_bytes() == before


def test_delete(cli: Run, sample: Path) -> None:
    assert cli("delete", "p1").out == "deleted p1: You will lead Q3 planning\n"
    j = Journal(sample)
    assert "p1" not in j.promises
    assert j.asks["a1"].promises == ()  # the ask that linked it is unlinked
    assert cli("check").code == 0
    assert cli("delete", "c1").code == 0
    assert cli("delete", "o2").out == "deleted o2: Current Co\n"
    j = Journal(sample)
    assert (list(j.conversations), list(j.offers)) == ([], ["o1"])


def test_delete_a_person_nobody_mentions(cli: Run, sample: Path) -> None:
    cli("add", "person", "Lee")
    assert cli("delete", "u3").out == "deleted u3: Lee\n"
    assert [u.name for u in Journal(sample).people.values()] == ["Sybil", "Ana"]
