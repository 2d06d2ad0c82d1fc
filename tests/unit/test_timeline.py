"""Tests for leverage_tui.core.timeline: what happened, in date order, filtered by dates."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal
from leverage_tui.core.timeline import EVENT_KINDS, Event, timeline

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def story(tmp_path: Path) -> Journal:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_ask("Lead Q3 planning", measure="announced", target=days(30))
    c = j.add_conversation(["Dana"], "Leadership talk", on=days(-20), channel="one-on-one")
    lead = j.add_promise("You will lead the team", "Dana", conversation=c.id, due=days(-10))
    j.update_promise(lead.id, status="honored", on=days(-12))
    j.update_promise(lead.id, status="withdrawn", on=days(-5))
    j.add_promise("A raise in spring", "Sam", made_on=days(-3), due=days(60))
    j.add_offer("Acme", "Staff", received=days(-4), deadline=days(2), written=True)
    j.add_offer("Initech", "Principal", received=days(-1), counter=True)
    j.add("win", text="Shipped the redesign", on=days(-2), impact="conversion +4%", asks=["a1"])
    return j


def test_everything_in_date_order(story: Journal) -> None:
    got = [(e.date, e.kind, e.id) for e in timeline(story)]
    assert got == [
        (days(-20), "conversation", "c1"),
        (days(-20), "promise-made", "p1"),
        (days(-12), "promise-resolved", "p1"),
        (days(-10), "promise-due", "p1"),
        (days(-5), "promise-status", "p1"),
        (days(-4), "offer", "o1"),
        (days(-3), "promise-made", "p2"),
        (days(-2), "win", "w1"),
        (days(-1), "offer", "o2"),
        (days(2), "offer-deadline", "o1"),
        (days(30), "ask-target", "a1"),
        (days(60), "promise-due", "p2"),
    ]


def test_event_texts_and_people(story: Journal) -> None:
    events = {(e.kind, e.id): e for e in timeline(story)}
    conv = events["conversation", "c1"]
    assert "Leadership talk" in conv.text and "Dana" in conv.text and conv.person == "Dana"
    made = events["promise-made", "p1"]
    assert made.text == "Dana promised: You will lead the team" and made.person == "Dana"
    # kept first, taken back later: both are on the timeline, each on its day
    assert events["promise-resolved", "p1"].text == "honored: You will lead the team"
    assert events["promise-status", "p1"].text == (
        "status honored → withdrawn: You will lead the team"
    )
    assert events["promise-status", "p1"].people == ("Dana",)
    assert "pending" in events["promise-due", "p2"].text
    assert "written offer" in events["offer", "o1"].text
    assert "verbal counteroffer" in events["offer", "o2"].text
    assert "Acme" in events["offer-deadline", "o1"].text
    assert "Lead Q3 planning" in events["ask-target", "a1"].text
    assert events["win", "w1"].text == "win: Shipped the redesign (conversion +4%)"


def test_kinds_are_known(story: Journal) -> None:
    from leverage_tui.core.decisions import decide

    story.set_forms(["p2"], "written", on=days(-2))
    story.update_promise("p2", due=days(70), on=days(-1))
    story.update_offer("o2", base="140k")
    decide(story, "o2", accept=False, on=days(-1), why="not enough")  # issue 15
    kinds = {e.kind for e in timeline(story)}
    assert kinds <= set(EVENT_KINDS)
    assert kinds == set(EVENT_KINDS)  # the story has one of every kind


def test_filter_by_date_range_is_inclusive(story: Journal) -> None:
    got = [(e.date, e.kind) for e in timeline(story, days(-10), days(-4))]
    assert got == [
        (days(-10), "promise-due"),
        (days(-5), "promise-status"),
        (days(-4), "offer"),
    ]


def test_open_ended_ranges(story: Journal) -> None:
    everything = timeline(story)
    since = timeline(story, start=days(0))
    until = timeline(story, end=days(-1))
    assert [e.date for e in since] == [days(2), days(30), days(60)]
    assert all(e.date <= days(-1) for e in until)
    assert until + since == everything


def test_empty_ranges(story: Journal, tmp_path: Path) -> None:
    assert timeline(story, days(5), days(4)) == []
    assert timeline(story, days(100)) == []
    assert timeline(Journal(tmp_path / "empty.json", today=TODAY)) == []


def test_single_day(story: Journal) -> None:
    got = [(e.kind, e.id) for e in timeline(story, days(-20), days(-20))]
    assert got == [("conversation", "c1"), ("promise-made", "p1")]


def test_same_day_ids_in_number_order(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    for i in range(12):
        j.add_promise(f"promise {i}", "Dana")
    assert [e.id for e in timeline(j)] == [f"p{i}" for i in range(1, 13)]


def test_a_promise_back_to_pending_shows_both_changes(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    assert [e.kind for e in timeline(j)] == []
    p = j.add_promise("x", "Dana")
    assert [e.kind for e in timeline(j)] == ["promise-made"]  # pending: nothing resolved
    j.update_promise(p.id, status="broken", on=days(1))
    j.update_promise(p.id, status="pending", on=days(2))
    got = [(e.date, e.kind, e.text) for e in timeline(j)]
    assert got == [
        (TODAY, "promise-made", "Dana promised: x"),
        (days(1), "promise-resolved", "broken: x"),
        (days(2), "promise-status", "status broken → pending: x"),
    ]


def test_event_to_doc() -> None:
    e = Event(days(1), "promise-due", "p3", "due (pending): x", ("Dana",))
    assert e.to_doc() == {
        "date": "2026-11-24",
        "kind": "promise-due",
        "id": "p3",
        "text": "due (pending): x",
        "people": ["Dana"],
    }
