"""Recap messages: the exact text for known conversations, and which promises they cover."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leverage_tui.core.checks import InputError
from leverage_tui.core.journal import Journal
from leverage_tui.core.recap import agreed, as_clause, recap_for, recap_promises

TODAY = date(2026, 11, 23)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal(tmp_path / "j.json", today=TODAY, backups=0)
    c = j.add_conversation(
        ["Sam Park"], "Planning lead", on=date(2026, 11, 20), channel="one-on-one"
    )
    j.add_promise(
        "Announce me as planning lead", "Sam Park", conversation=c.id, due=date(2026, 12, 4)
    )
    j.add_promise("I'll try to get the budget", "Sam Park", conversation=c.id)
    j.add_promise("Raise of 5%", "Sam Park", conversation=c.id, form="written")
    c2 = j.add_conversation(
        ["Maya Chen", "Robert Osei"], "Counteroffer call", on=date(2026, 11, 22), channel="call"
    )
    j.add_promise(
        "Title change to Lead Designer", "Robert Osei", conversation=c2.id, due=date(2026, 12, 7)
    )
    j.add_promise("Q1 planning lead", "Maya Chen", conversation=c2.id)
    return j


def test_recap_text_for_a_one_to_one(journal: Journal) -> None:
    promises, text = recap_for(journal, "c1")
    assert [p.id for p in promises] == ["p1", "p2"]  # the written p3 needs no recap
    assert text == (
        "Hi Sam,\n"
        "\n"
        "To make sure I understood our conversation on 20 November 2026:\n"
        "\n"
        "- you agreed to announce me as planning lead, by Friday 4 December 2026\n"
        '- you said "I\'ll try to get the budget" (no date yet — when can I expect it?)\n'
        "\n"
        "Could you confirm by reply? If I got anything wrong, please correct me.\n"
        "\n"
        "Thanks\n"
    )


def test_recap_text_names_who_agreed_when_several_were_there(journal: Journal) -> None:
    _, text = recap_for(journal, "c2")
    assert text.startswith(
        "Hi Maya and Robert,\n\nTo make sure I understood our call on 22 November"
    )
    assert "- Robert agreed to title change to Lead Designer, by Monday 7 December 2026\n" in text
    assert "- Maya agreed to Q1 planning lead (no date yet — when can I expect it?)\n" in text


def test_after_the_recap_is_sent_it_can_be_sent_again(journal: Journal) -> None:
    journal.set_forms(["p1", "p2"], "recap-sent")
    assert [p.id for p in recap_promises(journal, "c1")] == ["p1", "p2"]
    journal.add_promise("New verbal one", "Sam Park", conversation="c1")
    assert [p.id for p in recap_promises(journal, "c1")] == ["p6"]  # verbal ones first


def test_nothing_to_recap_is_a_clear_error(journal: Journal) -> None:
    journal.set_forms(["p1", "p2"], "written")
    with pytest.raises(InputError, match="c1 has no pending promise that is only verbal"):
        recap_for(journal, "c1")
    with pytest.raises(InputError, match="no conversation"):
        recap_for(journal, "c99")


def test_resolved_promises_are_not_recapped(journal: Journal) -> None:
    journal.update_promise("p1", status="honored")
    assert [p.id for p in recap_promises(journal, "c1")] == ["p2"]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Announce me as lead.", "announce me as lead"),
        ("Q1 planning lead", "Q1 planning lead"),
        ("A seat at planning", "a seat at planning"),
        ("HR will send it", "HR will send it"),
    ],
)
def test_as_clause(text: str, clause: str) -> None:
    assert as_clause(text) == clause


def test_first_person_words_are_quoted() -> None:
    assert agreed("you", "We’ll see about a raise") == 'you said "We’ll see about a raise"'
    assert agreed("Sam", "I will send it") == 'Sam said "I will send it"'


def test_words_to_the_user_are_said_back_in_the_first_person() -> None:
    assert agreed("you", "You will lead Q3 planning") == "you agreed that I will lead Q3 planning"
    assert agreed("Sam", "Your title changes in May.") == "Sam agreed that my title changes in May"
