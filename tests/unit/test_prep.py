"""core/prep.py and prep_words.py: the brief before a meeting with one person."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_tui.core.checks import InputError
from leverage_tui.core.journal import Journal
from leverage_tui.core.prep import find_person, prepare
from leverage_tui.core.prep_words import prep_doc, prep_markdown, prep_sections, prep_text

from .conftest import TODAY, days


@pytest.fixture
def story(path: Path) -> Journal:
    j = Journal(path, today=TODAY)
    old = j.add_conversation(["Dana"], "Old chat", on=days(-60))
    j.add_promise("A raise, we'll see", "Dana", conversation=old.id)  # p1 vague, no date
    j.add_promise("Send the band", "Dana", conversation=old.id, due=days(-5))  # p2 overdue
    last = j.add_conversation(["Dana", "Sam"], "Last chat", on=days(-10))
    j.add_promise("Lead Q1", "Dana", conversation=last.id, due=days(30), form="written")  # p3
    j.add_promise("Title by March", "Dana", conversation=last.id, due=days(90))  # p4
    j.set_forms(["p4"], "recap-sent", on=days(-8))
    j.add_promise("Budget", "Sam", conversation=last.id, due=days(3))  # p5, Sam's
    kept = j.add_promise("Old one", "Dana", made_on=days(-200), due=days(-150))  # p6
    j.update_promise(kept.id, status="honored", on=days(-150))
    j.add_ask("More influence", priority="low")  # a1: no measure
    j.add_ask("Lead Q1", measure="named on the plan", target=days(40), priority="high")  # a2
    j.add_ask("Raise", measure="in the contract", priority="medium")  # a3
    j.add_ask("Done already", status="granted")  # a4: not open
    j.add("win", text="Before the last chat", on=days(-20), asks=["a2"])  # w1
    j.add("win", text="Since the last chat", on=days(-3))  # w2
    j.add("win", text="Ahead of today", on=days(2))  # w3: not yet
    return j


def test_find_person_by_id_name_or_unique_start(story: Journal) -> None:
    assert find_person(story, "u1").name == "Dana"
    assert find_person(story, "  dana ").name == "Dana"
    assert find_person(story, "Sa").name == "Sam"
    with pytest.raises(InputError, match=r"no person named 'Zed' \(known: Dana, Sam\)"):
        find_person(story, "Zed")


def test_what_they_owe_overdue_then_unwritten_then_the_rest(story: Journal) -> None:
    prep = prepare(story, "Dana")
    assert [o.promise.id for o in prep.open_promises] == ["p2", "p1", "p4", "p3"]
    assert [o.waited for o in prep.open_promises] == [60, 60, 10, 10]
    assert {f.flag for f in prep.open_promises[0].flags} == {"overdue", "unwritten"}


def test_recaps_waiting_and_last_conversations(story: Journal) -> None:
    prep = prepare(story, "dana", wait_days=3)
    (recap,) = prep.awaiting
    assert recap.conversation is not None and recap.conversation.id == "c2"
    assert (recap.sent_on, recap.days, recap.ask_again) == (days(-8), 8, True)
    assert [p.id for p in recap.promises] == ["p4"]
    assert not prepare(story, "dana", wait_days=10).awaiting[0].ask_again
    assert [(c.id, n) for c, n in prep.last_conversations] == [("c2", 3), ("c1", 2)]


def test_asks_by_priority_with_their_wins_and_wins_since_the_last_talk(story: Journal) -> None:
    prep = prepare(story, "Dana")
    assert [a.ask.id for a in prep.asks] == ["a2", "a3", "a1"]
    assert [w.id for w in prep.asks[0].wins] == ["w1"]
    assert prep.since == days(-10)
    assert [w.id for w in prep.wins] == ["w2"]  # not w1 (before), not w3 (ahead)


def test_questions_from_the_flags(story: Journal) -> None:
    asked = [(q.about, q.question) for q in prepare(story, "Dana").questions]
    assert asked == [
        ("p2", "It was due 18 November 2026: where does it stand, and what is the new date?"),
        ("p2", "Could you put that in an email?"),
        ("p1", "By when?"),
        ("p1", "Could you put that in an email?"),
        (
            "p1",
            'You said "we\'ll see". When will you know, and could you tell me by a date '
            "we agree now?",
        ),  # fmt: skip
        ("p4", "Could you confirm my recap in writing?"),
        ("a2", "Who will announce it, and where?"),  # a3 is settled by a contract
        ("a1", "What would need to be true, and when will we know?"),
    ]


def test_track_record_line_has_counts(story: Journal) -> None:
    prep = prepare(story, "Dana")
    doc = prep_doc(prep)
    assert doc["track_record"]["line"] == "Dana: 1 of 1 kept, 1 overdue: too few to tell; 4 pending"
    assert doc["track_record"]["resolved"] == 1
    story.add_person("Nobody Yet")
    empty = prep_doc(prepare(story, "Nobody"))
    assert empty["track_record"]["line"] == "Nobody Yet: no promises recorded yet"
    assert empty["open_promises"] == [] and empty["last_conversations"] == []
    assert [w["id"] for w in empty["wins"]] == ["w2", "w1"]  # never talked: every win so far


def test_sections_text_and_markdown_say_the_same(story: Journal) -> None:
    prep = prepare(story, "Dana")
    sections = prep_sections(prep)
    assert [s.key for s in sections] == [
        "track_record", "open_promises", "awaiting_confirmation", "last_conversations",
        "asks_to_raise", "wins", "questions",
    ]  # fmt: skip
    asks = next(s for s in sections if s.key == "asks_to_raise")
    assert asks.items[0].under[0].startswith("why I deserve it: 3 Nov 2026: Before")
    assert asks.items[1].under == (
        "no win logged for it yet: what have you done that supports it?",
    )
    text, md = prep_text(prep), prep_markdown(prep)
    for section in sections:
        assert section.title.upper() in text and f"## {section.title}" in md
    assert "Private" in text.splitlines()[1] and "*Private:" in md


def test_journal_text_is_shown_safely(story: Journal) -> None:
    story.add_promise("Link [here](javascript:x) *now*", "Dana", due=days(4))
    md = prep_markdown(prepare(story, "Dana"))
    assert "\\[here\\]\\(javascript:x\\) \\*now\\*" in md


def test_the_users_recap_wait_decides_unconfirmed_on_the_owed_promises(tmp_path: Path) -> None:
    """The owed promises' flags ignored `wait_days` (always 3) while the recaps section of
    the same page used it: a recap sent 5 days ago read both 'too soon to ask again' and
    'unconfirmed'."""
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_promise("Raise to 130k", "Sam", made_on=days(-6), due=days(20))
    j.mark_recap_sent(["p1"], on=days(-5))
    patient = prepare(j, "Sam", wait_days=10)
    (owed,) = patient.open_promises
    assert "unconfirmed" not in {f.flag for f in owed.flags}
    assert not patient.awaiting[0].ask_again
    (owed,) = prepare(j, "Sam", wait_days=3).open_promises
    assert "unconfirmed" in {f.flag for f in owed.flags}
