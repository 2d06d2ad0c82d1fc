"""The timeline shows every recorded change (issue 12, item 5): forms, moved due dates,
status changes after the first resolution, offer changes, the form an offer had on each
date, and one person's events."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from leverage_tui.core.demo import write_demo
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Change, Offer
from leverage_tui.core.show import day_text
from leverage_tui.core.timeline import timeline, written_on

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def j(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "j.json", today=TODAY)


def changes(j: Journal, *kinds: str) -> list[tuple[date, str, str]]:
    return [(e.date, e.kind, e.text) for e in timeline(j) if e.kind in kinds]


def test_form_changes_each_on_its_day(j: Journal) -> None:
    p = j.add_promise("Lead Q1", "Maya", made_on=days(-20), due=days(30))
    j.set_forms([p.id], "recap-sent", on=days(-19))
    j.mark_recap_sent([p.id], on=days(-10))
    j.set_forms([p.id], "written", on=days(-3))
    j.set_forms([p.id], "official", on=days(-3))
    assert changes(j, "promise-form") == [
        (days(-19), "promise-form", "recap sent: Lead Q1"),
        (days(-10), "promise-form", "recap sent again: Lead Q1"),
        (days(-3), "promise-form", "confirmed in writing, then made official: Lead Q1"),
    ]
    j.set_forms([p.id], "verbal", on=days(-1))
    assert changes(j, "promise-form")[-1] == (
        days(-1),
        "promise-form",
        "form official → verbal: Lead Q1",
    )


def test_moved_due_dates_say_from_and_to(j: Journal) -> None:
    p = j.add_promise("A seat in planning", "Robert", made_on=days(-90))
    j.update_promise(p.id, due=days(-60), on=days(-80))
    j.update_promise(p.id, due=days(-30), on=days(-60))
    j.update_promise(p.id, due=days(10), on=days(-30))
    j.update_promise(p.id, due=None, on=days(-1))
    assert changes(j, "promise-moved") == [
        (
            days(-80),
            "promise-moved",
            f"due date moved no date → {day_text(days(-60))}: A seat in planning",
        ),
        (
            days(-60),
            "promise-moved",
            f"due date moved {day_text(days(-60))} → {day_text(days(-30))}: A seat in planning",
        ),
        (
            days(-30),
            "promise-moved",
            f"due date moved {day_text(days(-30))} → {day_text(days(10))}: A seat in planning",
        ),
        (
            days(-1),
            "promise-moved",
            f"due date moved {day_text(days(10))} → no date: A seat in planning",
        ),
    ]


def test_every_status_change_after_the_first_resolution(j: Journal) -> None:
    p = j.add_promise("Run the design review", "Maya", made_on=days(-240))
    j.update_promise(p.id, status="honored", on=days(-228))
    j.update_promise(p.id, status="withdrawn", on=days(-150))
    j.update_promise(p.id, status="pending", on=days(-20))
    j.update_promise(p.id, status="honored", on=days(-2))
    j.update_promise(p.id, status="partly", on=days(-2))
    assert changes(j, "promise-resolved", "promise-status") == [
        (days(-228), "promise-resolved", "honored: Run the design review"),
        (days(-150), "promise-status", "status honored → withdrawn: Run the design review"),
        (days(-20), "promise-status", "status withdrawn → pending: Run the design review"),
        (days(-2), "promise-status", "status pending → honored → partly: Run the design review"),
    ]


def test_a_promise_resolved_without_history_keeps_its_status_date(j: Journal) -> None:
    j.add_promise(
        "Band in writing", "Priya", made_on=days(-9), status="honored", status_on=days(-5)
    )
    assert changes(j, "promise-resolved") == [
        (days(-5), "promise-resolved", "honored: Band in writing")
    ]


def test_offer_changes_and_the_form_it_had_on_each_date(j: Journal) -> None:
    o = j.add_offer(
        "Halden & Co",
        "Lead Designer",
        base=135_000,
        counter=True,
        received=days(-6),
        deadline=days(2),
    )
    assert [e.text for e in timeline(j) if e.kind == "offer"] == [
        "verbal counteroffer: Halden & Co, Lead Designer"
    ]
    j.update(o.id, when=days(-3), written=True, base="140k", bonus="10k")
    j.update(o.id, when=days(-1), deadline=days(6), role="Design Lead")
    j.update(o.id, when=TODAY, status="accepted")
    assert changes(j, "offer", "offer-changed") == [
        (days(-6), "offer", "verbal counteroffer: Halden & Co, Lead Designer"),
        (
            days(-3),
            "offer-changed",
            "Halden & Co counteroffer: base 135,000 → 140,000; bonus none → 10,000; put in writing",
        ),
        (
            days(-1),
            "offer-changed",
            f"Halden & Co counteroffer: role Lead Designer → Design Lead; deadline {days(2)} → "
            f"{days(6)}",
        ),
        (TODAY, "offer-changed", "Halden & Co counteroffer: status open → accepted"),
    ]
    assert j.offers[o.id].written  # written now, verbal on the day it came


def test_written_on() -> None:
    o = Offer(
        id="o1",
        company="Acme",
        role="Staff",
        received=days(-10),
        written=False,
        history=(
            Change("written", "false", "true", days(-6)),
            Change("written", "true", "false", days(-2)),
        ),
    )
    assert [written_on(o, days(n)) for n in (-10, -6, -5, -2, -1)] == [
        False,
        False,
        True,
        True,
        False,
    ]
    assert written_on(Offer(id="o2", company="A", role="B", written=True), days(-3))


def test_one_person_in_the_demo(tmp_path: Path) -> None:
    demo = write_demo(tmp_path / "demo.json", TODAY)
    robert = timeline(demo, person="robert osei")  # case ignored
    assert all("Robert Osei" in e.people for e in robert)
    got = [(e.kind, e.id) for e in robert]
    assert got == [
        ("conversation", "c6"),
        ("promise-made", "p6"),
        ("promise-moved", "p6"),
        ("promise-moved", "p6"),
        ("conversation", "c11"),
        ("promise-made", "p11"),
        ("offer", "o2"),  # the counteroffer was made in that call
        ("offer-deadline", "o2"),
        ("promise-due", "p6"),
        ("promise-due", "p11"),
    ]
    northwind = {(e.kind, e.id) for e in timeline(demo, person="Northwind Labs")}
    assert northwind == {("offer", "o1"), ("offer-deadline", "o1")}
    tom = {(e.kind, e.id) for e in timeline(demo, person="Tom Reyes")}
    assert tom == {("conversation", "c9"), ("offer", "o1"), ("offer-deadline", "o1")}
    assert timeline(demo, person="Nobody") == []


def test_the_demo_timeline_tells_the_story(tmp_path: Path) -> None:
    demo = write_demo(tmp_path / "demo.json", TODAY)
    texts = {(e.kind, e.text) for e in timeline(demo)}
    lead = "Run the weekly design review and own the component library"
    assert ("promise-resolved", f"honored: {lead}") in texts
    assert ("promise-status", f"status honored → withdrawn: {lead}") in texts
    assert ("promise-form", "recap sent: Counteroffer in writing by the end of next week") in texts
    moved = [t for k, t in texts if k == "promise-moved"]
    assert len(moved) == 2 and all("A seat in the quarterly planning meetings" in t for t in moved)


def test_an_event_is_named_by_kind_record_and_day(j: Journal) -> None:
    """Changes of one kind on one record on one day make one event (the TUI keys rows
    by kind, id and date): never two events under one name."""
    p = j.add_promise("Lead Q1", "Maya", made_on=days(-3), due=days(3))
    for n in range(3):  # a busy day: every change twice or more
        j.update_promise(p.id, due=days(4 + n), on=days(-1))
        j.update_promise(p.id, status="honored", on=days(-1))
        j.update_promise(p.id, status="pending", on=days(-1))
    j.set_forms([p.id], "written", on=days(-1))
    j.set_forms([p.id], "recap-sent", on=days(-1))
    o = j.add_offer("Acme", "Staff", received=days(-2))
    j.update(o.id, when=days(-1), base="150k")
    j.update(o.id, when=days(-1), base="155k", written=True)
    names = [(e.kind, e.id, e.date) for e in timeline(j)]
    assert len(names) == len(set(names))
    moved = next(e for e in timeline(j) if e.kind == "promise-moved")
    steps = " → ".join(day_text(days(n)) for n in (3, 4, 5, 6))
    assert moved.text == f"due date moved {steps}: Lead Q1"
    changed = next(e for e in timeline(j) if e.kind == "offer-changed")
    assert changed.text == "Acme offer: base none → 150,000; base 150,000 → 155,000; put in writing"
