"""Tests for leverage_tui.core.journal: validation, history, undo, ids, people, import/export."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from leverage_tui.core.checks import InputError
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Change
from leverage_tui.core.storage import META_KEY, list_backups

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


# --- every change validates first, and then nothing is written ---------------------------

BAD_CHANGES: dict[str, Callable[[Journal], object]] = {
    # promises
    "promise empty text": lambda j: j.add_promise("", "Dana"),
    "promise blank text": lambda j: j.add_promise("   \t ", "Dana"),
    "promise NUL": lambda j: j.add_promise("a\x00b", "Dana"),
    "promise line break": lambda j: j.add_promise("a\nb", "Dana"),
    "promise carriage return": lambda j: j.add_promise("a\rb", "Dana"),
    "promise escape": lambda j: j.add_promise("\x1b[31mred", "Dana"),
    "promise too long": lambda j: j.add_promise("x" * 2001, "Dana"),
    "promise 1 MB": lambda j: j.add_promise("x" * 1_000_000, "Dana"),
    "promise empty by": lambda j: j.add_promise("A raise", ""),
    "promise long by": lambda j: j.add_promise("A raise", "D" * 121),
    "promise by NUL": lambda j: j.add_promise("A raise", "Da\x00na"),
    "promise unknown form": lambda j: j.add_promise("A raise", "Dana", form="spoken"),
    "promise unknown category": lambda j: j.add_promise("A raise", "Dana", category="money"),
    "promise evidence control": lambda j: j.add_promise("A raise", "Dana", evidence="\x07"),
    "promise due too early": lambda j: j.add_promise("A raise", "Dana", due=date(1899, 12, 31)),
    "promise due too late": lambda j: j.add_promise("A raise", "Dana", due=date(2201, 1, 1)),
    "promise made too late": lambda j: j.add_promise("A raise", "Dana", made_on=date(9999, 1, 1)),
    "promise unknown conversation": lambda j: j.add_promise("A", "Dana", conversation="c99"),
    "promise conversation is a promise": lambda j: j.add_promise("A", "Dana", conversation="p1"),
    "update unknown id": lambda j: j.update_promise("p99", status="honored"),
    "update wrong kind": lambda j: j.update_promise("c1", status="honored"),
    "update unknown status": lambda j: j.update_promise("p1", status="done"),
    "update unknown form": lambda j: j.update_promise("p1", form="carved in stone"),
    "update unknown category": lambda j: j.update_promise("p1", category="fame"),
    "update empty text": lambda j: j.update_promise("p1", text=" "),
    "update empty by": lambda j: j.update_promise("p1", by=""),
    "update due out of range": lambda j: j.update_promise("p1", due=date(2300, 1, 1)),
    "update on out of range": lambda j: j.update_promise(
        "p1", status="honored", on=date(1800, 1, 1)
    ),
    "update evidence NUL": lambda j: j.update_promise("p1", evidence="x\x00"),
    "set_forms unknown form": lambda j: j.set_forms(["p1"], "carved"),
    "set_forms unknown id": lambda j: j.set_forms(["p1", "p99"], "written"),
    "set_forms bad date": lambda j: j.set_forms(["p1"], "written", on=date(1800, 1, 1)),
    # conversations and people
    "conversation nobody": lambda j: j.add_conversation([], "Chat"),
    "conversation empty name": lambda j: j.add_conversation([""], "Chat"),
    "conversation empty summary": lambda j: j.add_conversation(["Dana"], ""),
    "conversation unknown channel": lambda j: j.add_conversation(["Dana"], "x", channel="pigeon"),
    "conversation notes NUL": lambda j: j.add_conversation(["Dana"], "x", notes="a\n\x00"),
    "conversation notes too long": lambda j: j.add_conversation(["D"], "x", notes="n" * 100_001),
    "conversation two-word tag": lambda j: j.add_conversation(["Dana"], "x", tags=["two words"]),
    "conversation empty tag": lambda j: j.add_conversation(["Dana"], "x", tags=["#"]),
    "conversation date": lambda j: j.add_conversation(["Dana"], "x", on=date(1800, 1, 1)),
    "edit conversation summary": lambda j: j.update_conversation("c1", summary=""),
    "edit conversation people": lambda j: j.update_conversation("c1", people=[]),
    "edit conversation channel": lambda j: j.update_conversation("c1", channel="telepathy"),
    "edit conversation date": lambda j: j.update_conversation("c1", on=date(2999, 1, 1)),
    "edit unknown conversation": lambda j: j.update_conversation("c9", summary="x"),
    "person empty": lambda j: j.add_person(""),
    "person unknown role": lambda j: j.add_person("Lee", role="boss"),
    # asks
    "ask empty": lambda j: j.add_ask(""),
    "ask unknown priority": lambda j: j.add_ask("Lead Q3", priority="urgent"),
    "ask target": lambda j: j.add_ask("Lead Q3", target=date(1700, 1, 1)),
    "ask unknown promise": lambda j: j.add_ask("Lead Q3", promises=["p99"]),
    "ask measure control": lambda j: j.add_ask("Lead Q3", measure="\x1b"),
    "edit ask status": lambda j: j.update_ask("a1", status="won"),
    "edit ask text": lambda j: j.update_ask("a1", text=""),
    "edit unknown ask": lambda j: j.update_ask("a9", text="x"),
    # offers
    "offer empty company": lambda j: j.add_offer("", "Staff"),
    "offer empty role": lambda j: j.add_offer("Acme", ""),
    "offer base not money": lambda j: j.add_offer("Acme", "Staff", base="lots"),
    "offer base overflow": lambda j: j.add_offer("Acme", "Staff", base="9" * 30),
    "offer base negative": lambda j: j.add_offer("Acme", "Staff", base=-5),
    "offer bonus decimal": lambda j: j.add_offer("Acme", "Staff", bonus="12.5k"),
    "offer deadline": lambda j: j.add_offer("Acme", "Staff", deadline=date(2500, 1, 1)),
    "edit offer base": lambda j: j.update_offer("o1", base="a lot"),
    "edit offer status": lambda j: j.update_offer("o1", status="maybe"),
    "edit offer unknown field": lambda j: j.update_offer("o1", colour="red"),
    "edit offer company": lambda j: j.update_offer("o1", company=""),
    "edit offer valid then bad": lambda j: j.update_offer("o1", role="CTO", base="x"),
    # deleting and ids
    "delete unknown": lambda j: j.delete("p99"),
    "delete unknown letter": lambda j: j.delete("x1"),
    "delete empty": lambda j: j.delete(""),
}


@pytest.mark.parametrize("name", BAD_CHANGES)
def test_bad_input_raises_and_writes_nothing(journal: Journal, path: Path, name: str) -> None:
    before = path.read_bytes()
    data = journal.export_data()
    backups = list_backups(path)
    undo_possible = journal.can_undo
    with pytest.raises(InputError) as err:
        BAD_CHANGES[name](journal)
    message = str(err.value)
    assert message and "\n" not in message and len(message) < 300
    assert path.read_bytes() == before
    assert list_backups(path) == backups
    assert journal.export_data() == data
    assert Journal(path, today=TODAY).export_data() == data
    assert journal.can_undo == undo_possible
    # the journal still works afterwards
    journal.add_promise("Still works", "Dana")


def test_error_messages_say_what_is_wrong(journal: Journal) -> None:
    with pytest.raises(InputError, match="promise text is empty"):
        journal.add_promise("  ", "Dana")
    with pytest.raises(InputError, match="unknown form 'spoken'"):
        journal.add_promise("x", "Dana", form="spoken")
    with pytest.raises(InputError, match="no promise with id 'p99'"):
        journal.update_promise("p99", status="honored")
    with pytest.raises(InputError, match="out of range"):
        journal.add_promise("x", "Dana", due=date(2201, 1, 1))


def test_huge_bad_input_is_not_echoed(journal: Journal) -> None:
    with pytest.raises(InputError) as err:
        journal.add_promise("secret " * 200_000, "Dana")
    assert len(str(err.value)) < 200
    with pytest.raises(InputError) as err:
        journal.update_promise("p1", status="x" * 10_000)
    assert len(str(err.value)) < 300


# --- records and their defaults --------------------------------------------------------


def test_add_promise_defaults(journal: Journal) -> None:
    p = journal.add_promise("A title change", "Dana")
    assert (p.form, p.status, p.category, p.due, p.status_on) == (
        "verbal",
        "pending",
        "other",
        None,
        None,
    )
    assert p.made_on == TODAY and p.history == () and p.conversation is None


def test_promise_made_on_defaults_to_its_conversation(journal: Journal) -> None:
    p = journal.add_promise("Budget for a course", "Dana", conversation="c1")
    assert p.made_on == journal.conversation("c1").on == days(-10)
    q = journal.add_promise("Budget", "Dana", conversation="C1", made_on=days(-3))
    assert q.made_on == days(-3) and q.conversation == "c1"


def test_choices_are_case_insensitive(journal: Journal) -> None:
    p = journal.add_promise("x", "Dana", form="Written", category=" PAY ")
    assert (p.form, p.category) == ("written", "pay")
    assert journal.update_promise(p.id, status="HONORED").status == "honored"


def test_text_is_stripped_and_tabs_become_spaces(journal: Journal) -> None:
    p = journal.add_promise("  A\traise  ", " Dana ")
    assert p.text == "A raise" and p.by == "Dana"


def test_conversation_fields(journal: Journal) -> None:
    c = journal.add_conversation(
        ["Dana", "Lee"],
        "Skip-level",
        on=days(-1),
        at=time(14, 30),
        channel="Call",
        notes="line one\nline two\n\tindented",
        tags=["#Raise", "raise", "Q3"],
    )
    again = Journal(journal.path, today=TODAY).conversation(c.id)
    assert again == c
    assert again.people == ("Dana", "Lee")
    assert again.at == "14:30" and again.channel == "call"
    assert again.notes == "line one\nline two\n\tindented"
    assert again.tags == ("raise", "q3")


def test_update_conversation_changes_only_what_is_given(journal: Journal) -> None:
    before = journal.conversation("c1")
    after = journal.update_conversation("c1", summary="Q3 planning, again", tags=["plan"])
    assert after.summary == "Q3 planning, again" and after.tags == ("plan",)
    assert (after.on, after.people, after.channel) == (before.on, before.people, before.channel)
    cleared = journal.update_conversation("c1", at=None, notes="")
    assert cleared.at is None and cleared.notes == ""


def test_offer_fields_and_update(journal: Journal) -> None:
    o = journal.add_offer(
        "Initech", "Principal", base="$180,000", bonus="20k", counter=True, deadline=days(2)
    )
    assert (o.base, o.bonus, o.counter, o.written, o.status) == (
        180_000,
        20_000,
        True,
        False,
        "open",
    )
    assert o.received == TODAY
    u = journal.update_offer(o.id, written=True, status="Declined", deadline=None, base=190_000)
    assert (u.written, u.status, u.deadline, u.base) == (True, "declined", None, 190_000)
    assert Journal(journal.path, today=TODAY).get(o.id) == u


def test_ask_fields_and_update(journal: Journal) -> None:
    a = journal.add_ask("Lead planning", measure="announced", promises=["P1"], priority="High")
    assert a.promises == ("p1",) and a.priority == "high" and a.status == "open"
    u = journal.update_ask(a.id, status="granted", target=days(3), promises=[])
    assert (u.status, u.target, u.promises, u.text) == ("granted", days(3), (), "Lead planning")


# --- history -----------------------------------------------------------------------------


def test_history_records_form_due_and_status_with_the_date(journal: Journal) -> None:
    p = journal.add_promise("Team lead", "Dana", due=days(10))
    journal.update_promise(p.id, form="recap-sent", on=days(1))
    journal.update_promise(p.id, due=days(20), status="partly", on=days(5))
    journal.update_promise(p.id, due=None)  # on defaults to today
    got = journal.promise(p.id).history
    assert got == (
        Change("form", "verbal", "recap-sent", days(1)),
        Change("due", days(10).isoformat(), days(20).isoformat(), days(5)),
        Change("status", "pending", "partly", days(5)),
        Change("due", days(20).isoformat(), None, TODAY),
    )
    assert Journal(journal.path, today=TODAY).promise(p.id).history == got


def test_history_ignores_other_fields_and_no_op_changes(journal: Journal) -> None:
    p = journal.add_promise("Team lead", "Dana", due=days(10), form="written")
    journal.update_promise(
        p.id,
        text="Team lead of payments",
        evidence="email 3 Nov",
        category="leadership",
        form="written",
        due=days(10),
        status="pending",
        by="Lee",
    )
    q = journal.promise(p.id)
    assert q.history == ()
    assert (q.text, q.evidence, q.category, q.by) == (
        "Team lead of payments",
        "email 3 Nov",
        "leadership",
        "Lee",
    )


def test_status_on_is_set_when_resolved_and_cleared_when_pending(journal: Journal) -> None:
    p = journal.add_promise("Team lead", "Dana")
    assert journal.update_promise(p.id, status="honored", on=days(-2)).status_on == days(-2)
    # a change of form keeps the status date
    assert journal.update_promise(p.id, form="official", on=days(-1)).status_on == days(-2)
    assert journal.update_promise(p.id, status="withdrawn").status_on == TODAY
    assert journal.update_promise(p.id, status="pending").status_on is None


def test_set_forms_moves_several_in_one_step(journal: Journal) -> None:
    b = journal.add_promise("Budget", "Dana", form="recap-sent")
    w = journal.add_promise("Title", "Dana")
    changed = journal.set_forms(["p1", b.id, w.id], "recap-sent", on=days(-1))
    assert [p.id for p in changed] == ["p1", w.id]  # b was recap-sent already
    assert journal.promise("p1").history == (Change("form", "verbal", "recap-sent", days(-1)),)
    assert journal.promise(w.id).form == "recap-sent"
    assert journal.promise(b.id).history == ()
    assert journal.undo() is not None
    assert journal.promise("p1").form == "verbal"


# --- undo -------------------------------------------------------------------------------


UNDOABLE: dict[str, Callable[[Journal], object]] = {
    "add promise (and its new person)": lambda j: j.add_promise("New", "Newcomer"),
    "add conversation": lambda j: j.add_conversation(["Dana", "Lee"], "Skip-level"),
    "add ask": lambda j: j.add_ask("More scope"),
    "add offer": lambda j: j.add_offer("Initech", "Principal"),
    "add person": lambda j: j.add_person("Lee", role="skip-level"),
    "update person": lambda j: j.add_person("dana", role="manager", notes="my boss"),
    "update promise": lambda j: j.update_promise("p1", status="honored", form="written"),
    "update promise due": lambda j: j.update_promise("p1", due=None),
    "update conversation": lambda j: j.update_conversation("c1", people=["Lee"], summary="x"),
    "update ask": lambda j: j.update_ask("a1", status="granted"),
    "update offer": lambda j: j.update_offer("o1", status="accepted"),
    "delete promise": lambda j: j.delete("p2"),
    "delete conversation (unlinks its promises)": lambda j: j.delete("c1"),
    "delete offer": lambda j: j.delete("o1"),
    "set forms": lambda j: j.set_forms(["p1", "p2"], "official"),
    "import": lambda j: j.import_data(
        {META_KEY: {"schema": 1}, "offers": {"o1": {"company": "Other", "role": "CTO"}}}
    ),
}


@pytest.mark.parametrize("name", UNDOABLE)
def test_undo_restores_exactly(journal: Journal, path: Path, name: str) -> None:
    before = journal.export_data()
    UNDOABLE[name](journal)
    assert journal.export_data() != before
    assert journal.can_undo
    label = journal.undo()
    assert isinstance(label, str) and label
    assert journal.export_data() == before
    assert Journal(path, today=TODAY).export_data() == before


def test_undo_steps_back_one_change_at_a_time(journal: Journal) -> None:
    states = [journal.export_data()]
    journal.update_promise("p1", status="broken")
    states.append(journal.export_data())
    journal.add_promise("x", "Dana")
    states.append(journal.export_data())
    journal.delete("c1")
    assert journal.undo() == "deletion of 'Q3 planning chat'"  # the record in words
    assert journal.export_data() == states[2]
    assert journal.undo() is not None
    assert journal.export_data() == states[1]
    assert journal.undo() == "edit of 'You will lead the Q3 planning'"
    assert journal.export_data() == states[0]


def test_undo_with_nothing_to_undo(path: Path) -> None:
    j = Journal(path, today=TODAY)
    assert not j.can_undo
    assert j.undo() is None
    j.add_promise("x", "Dana")
    assert j.undo() is not None
    assert j.undo() is None and not j.can_undo
    assert j.promises == {}


def test_undo_is_per_session(journal: Journal, path: Path) -> None:
    assert not Journal(path, today=TODAY).can_undo


def test_undo_of_delete_conversation_relinks_promises(journal: Journal) -> None:
    assert [p.id for p in journal.promises_of("c1")] == ["p1"]
    journal.delete("c1")
    assert journal.promise("p1").conversation is None
    assert journal.promises_of("c1") == []
    journal.undo()
    assert journal.promise("p1").conversation == "c1"
    assert [p.id for p in journal.promises_of("c1")] == ["p1"]


# --- ids ----------------------------------------------------------------------------------


def test_ids_by_kind(journal: Journal) -> None:
    assert list(journal.people) == ["u1", "u2"]
    assert list(journal.conversations) == ["c1"]
    assert list(journal.promises) == ["p1", "p2"]
    assert list(journal.asks) == ["a1"]
    assert list(journal.offers) == ["o1"]


def test_ids_are_never_reused(journal: Journal, path: Path) -> None:
    p3 = journal.add_promise("three", "Dana")
    assert p3.id == "p3"
    journal.delete("p3")
    assert journal.add_promise("four", "Dana").id == "p4"
    journal.delete("p2")
    assert journal.add_promise("five", "Dana").id == "p5"
    journal.undo()  # undoing an add does not free its id either
    assert journal.add_promise("six", "Dana").id == "p6"
    journal.delete("p6")
    assert Journal(path, today=TODAY).add_promise("seven", "Dana").id == "p7"


def test_ids_are_stable(journal: Journal, path: Path) -> None:
    again = Journal(path, today=TODAY)
    assert again.promise("p1") == journal.promise("p1")
    assert again.get("P1") == journal.promise("p1")
    assert again.get(" o1 ", "offer") == journal.get("o1")
    with pytest.raises(InputError):
        again.get("p1", "conversation")


# --- people --------------------------------------------------------------------------------


def test_people_are_added_once_case_insensitively(journal: Journal) -> None:
    journal.add_promise("x", "dana")
    journal.add_promise("y", "DANA ")
    c = journal.add_conversation(["Dana", "dana", "Lee"], "Chat")
    assert c.people == ("Dana", "Lee")
    assert sorted(p.name for p in journal.people.values()) == ["Dana", "Lee", "Sam"]
    assert {journal.promise(i).by for i in ("p3", "p4")} == {"Dana"}
    assert journal.person_named("  dANA ") == journal.people["u1"]
    assert journal.person_named("Nobody") is None


def test_people_match_by_casefold(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise("x", "Jürgen Straße")
    j.add_promise("y", "JÜRGEN STRASSE")
    assert len(j.people) == 1


def test_add_person_updates_a_known_person(journal: Journal) -> None:
    p = journal.add_person("dana", role="manager", notes="my boss")
    assert p.id == "u1" and (p.role, p.notes) == ("manager", "my boss")
    assert p.name == "Dana"  # the name promises use stays as it was
    assert len(journal.people) == 2


# --- promises_of ---------------------------------------------------------------------------


def test_promises_of_in_order_added(journal: Journal) -> None:
    c2 = journal.add_conversation(["Lee"], "Another chat")
    a = journal.add_promise("a", "Dana", conversation="c1")
    b = journal.add_promise("b", "Lee", conversation=c2.id)
    assert [p.id for p in journal.promises_of("c1")] == ["p1", a.id]
    c = journal.add_promise("c", "Dana", conversation="c1")  # the index follows changes
    assert [p.id for p in journal.promises_of("c1")] == ["p1", a.id, c.id]
    assert [p.id for p in journal.promises_of(c2.id)] == [b.id]
    assert journal.promises_of("c99") == []
    journal.delete(a.id)
    assert [p.id for p in journal.promises_of("c1")] == ["p1", c.id]


# --- export and import ---------------------------------------------------------------------


def _rich(j: Journal) -> None:
    c = j.add_conversation(["Dana", "Lee"], "Leadership talk", on=days(-30), notes="a\nb")
    p = j.add_promise("Lead the team", "Dana", conversation=c.id, due=days(-10))
    j.update_promise(p.id, status="honored", on=days(-9))
    j.update_promise(p.id, status="withdrawn", on=days(-2))
    j.add_promise("Maybe a raise", "Lee", form="recap-sent", category="pay")
    j.add_ask("Lead Q3", measure="announced", target=days(30), promises=[p.id])
    j.add_offer("Acme", "Staff", base=150_000, deadline=days(2), written=True, terms="x\ny")
    j.add_person("Sam", role="hr")


def test_export_import_round_trip(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    _rich(a)
    exported = json.loads(json.dumps(a.export_data()))  # through real JSON
    b = Journal(tmp_path / "b.json", today=TODAY)
    counts = b.import_data(exported)
    assert counts == {
        "people": 3,
        "conversations": 1,
        "promises": 2,
        "asks": 1,
        "wins": 0,
        "offers": 1,
        "decisions": 0,
    }
    assert b.export_data() == a.export_data()
    assert Journal(tmp_path / "b.json", today=TODAY).export_data() == a.export_data()


def test_reimport_adds_nothing(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    _rich(a)
    exported = a.export_data()
    b = Journal(tmp_path / "b.json", today=TODAY)
    b.import_data(exported)
    before = (tmp_path / "b.json").read_bytes()
    assert set(b.import_data(exported).values()) == {0}
    assert b.export_data() == a.export_data()
    assert (tmp_path / "b.json").read_bytes() == before
    assert set(a.import_data(exported).values()) == {0}  # into itself too


def test_clashing_ids_get_new_ids_and_links_follow(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    _rich(a)
    b = Journal(tmp_path / "b.json", today=TODAY)
    own_c = b.add_conversation(["Dana"], "My own chat", on=days(-1))
    own_p = b.add_promise("My own promise", "Dana", conversation=own_c.id)
    counts = b.import_data(a.export_data())
    assert counts["conversations"] == 1 and counts["promises"] == 2
    assert b.conversation("c1").summary == "My own chat"
    assert b.promise("p1") == own_p
    # a's c1 and p1 came in under new ids, still linked to each other
    (imported_c,) = [c for c in b.conversations.values() if c.summary == "Leadership talk"]
    assert imported_c.id == "c2"
    lead = next(p for p in b.promises.values() if p.text == "Lead the team")
    assert lead.id != "p1" and lead.conversation == imported_c.id
    assert [c.field for c in lead.history] == ["status", "status"]
    (ask,) = b.asks.values()
    assert ask.promises == (lead.id,)
    raise_ = next(p for p in b.promises.values() if p.text == "Maybe a raise")
    assert raise_.id == "p2"  # no clash: kept its id
    assert [p.id for p in b.promises_of(imported_c.id)] == [lead.id]
    # new ids are never reused
    assert b.add_promise("next", "Dana").id == f"p{max(int(i[1:]) for i in b.promises)}"


def test_reimport_after_clashes_adds_nothing(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    _rich(a)
    b = Journal(tmp_path / "b.json", today=TODAY)
    b.add_conversation(["Dana"], "My own chat", on=days(-1))
    b.add_promise("My own promise", "Dana", conversation="c1")
    first = b.import_data(a.export_data())
    assert first["conversations"] == 1 and first["promises"] == 2
    after_first = b.export_data()
    before = (tmp_path / "b.json").read_bytes()
    assert set(b.import_data(a.export_data()).values()) == {0}
    assert b.export_data() == after_first
    assert (tmp_path / "b.json").read_bytes() == before


def test_import_keeps_identical_records_that_are_really_two(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    a.add_promise("Call me back", "Dana", made_on=days(-1))
    a.add_promise("Call me back", "Dana", made_on=days(-1))
    b = Journal(tmp_path / "b.json", today=TODAY)
    assert b.import_data(a.export_data())["promises"] == 2
    assert b.export_data() == a.export_data()
    assert b.import_data(a.export_data())["promises"] == 0


def test_import_of_an_older_export_leaves_unchanged_records_alone(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    _rich(j)
    old_export = j.export_data()
    j.update_conversation("c1", summary="Leadership talk (edited)")
    j.import_data(old_export)
    # the old version of c1 comes in as a copy; p1 (unchanged) must stay linked to c1
    assert j.promise("p1").conversation == "c1"
    assert j.asks["a1"].promises == ("p1",)
    assert [p.id for p in j.promises_of("c1")] == ["p1"]


def test_import_people_by_name(tmp_path: Path) -> None:
    b = Journal(tmp_path / "b.json", today=TODAY)
    b.add_promise("x", "dana")  # u1 is 'dana'
    b.add_promise("y", "Zoe")  # u2 is 'Zoe'
    data = {
        META_KEY: {"schema": 1},
        "people": {"u1": {"name": "DANA"}, "u2": {"name": "Lee"}},
        "promises": {"p7": {"text": "z", "by": "Dana", "made_on": "2026-11-01"}},
    }
    b.import_data(data)
    assert sorted(p.name for p in b.people.values()) == ["Lee", "Zoe", "dana"]
    assert b.promise("p7").by == "dana"


def _valid_promise() -> dict[str, Any]:
    return {"text": "ok", "by": "Dana", "made_on": "2026-11-01"}


BAD_IMPORTS: dict[str, Any] = {
    "not a dict": [1, 2],
    "no header": {"promises": {}},
    "table not a dict": {META_KEY: {"schema": 1}, "promises": ["p1"]},
    "wrong id letter": {META_KEY: {"schema": 1}, "promises": {"c1": _valid_promise()}},
    "id not a number": {META_KEY: {"schema": 1}, "promises": {"px": _valid_promise()}},
    "id with leading zero": {META_KEY: {"schema": 1}, "promises": {"p01": _valid_promise()}},
    "id with a sign": {META_KEY: {"schema": 1}, "promises": {"p-1": _valid_promise()}},
    "id with spaces": {META_KEY: {"schema": 1}, "promises": {"p 1": _valid_promise()}},
    "document not a dict": {META_KEY: {"schema": 1}, "promises": {"p1": "ok"}},
    "missing text": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {"by": "D", "made_on": "2026-11-01"}},
    },
    "text not a string": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "text": 5}},
    },
    "empty text": {META_KEY: {"schema": 1}, "promises": {"p1": {**_valid_promise(), "text": " "}}},
    "NUL in text": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "text": "\0"}},
    },
    "bad status": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "status": "?"}},
    },
    "bad date": {META_KEY: {"schema": 1}, "promises": {"p1": {**_valid_promise(), "due": "soon"}}},
    "date out of range": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "due": "2999-01-01"}},
    },
    "bad history": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "history": [1]}},
    },
    "missing conversation": {
        META_KEY: {"schema": 1},
        "promises": {"p1": {**_valid_promise(), "conversation": "c42"}},
    },
    "bad channel": {
        META_KEY: {"schema": 1},
        "conversations": {
            "c1": {"on": "2026-11-01", "with": ["D"], "summary": "s", "channel": "x"}
        },
    },
    "offer base overflow": {
        META_KEY: {"schema": 1},
        "offers": {"o1": {"company": "Acme", "role": "CTO", "base": 10**30}},
    },
    "person role": {META_KEY: {"schema": 1}, "people": {"u1": {"name": "D", "role": "tsar"}}},
    "bad second record after a good one": {
        META_KEY: {"schema": 1},
        "offers": {"o5": {"company": "Acme", "role": "CTO"}, "o6": {"company": ""}},
    },
}


@pytest.mark.parametrize("name", BAD_IMPORTS)
def test_invalid_import_is_rejected_and_changes_nothing(
    journal: Journal, path: Path, name: str
) -> None:
    before = path.read_bytes()
    data = journal.export_data()
    bad = copy.deepcopy(BAD_IMPORTS[name])
    with pytest.raises(InputError) as err:
        journal.import_data(bad)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == before
    assert journal.export_data() == data
    assert Journal(path, today=TODAY).export_data() == data


# --- reading ------------------------------------------------------------------------------


def test_is_empty(path: Path) -> None:
    j = Journal(path, today=TODAY)
    assert j.is_empty
    j.add_person("Dana")
    assert j.is_empty  # people alone are not a journal's content
    j.add_promise("x", "Dana")
    assert not j.is_empty


def test_revision_bumps_on_every_change(journal: Journal) -> None:
    seen = [journal.revision]
    journal.add_promise("x", "Dana")
    seen.append(journal.revision)
    journal.update_promise("p1", status="broken")
    seen.append(journal.revision)
    journal.undo()
    seen.append(journal.revision)
    assert seen == sorted(set(seen))


def test_today_comes_from_the_argument_or_the_environment(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Journal(path, today=TODAY).today == TODAY
    monkeypatch.setenv("LEVERAGE_TODAY", "2026-01-02")
    assert Journal(path).today == date(2026, 1, 2)
