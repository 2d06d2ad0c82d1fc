"""core/agenda.py: Today's lists as plain data (due, ask again, unwritten, offers, recent)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from leverage_tui.core.agenda import agenda
from leverage_tui.core.demo import write_demo
from leverage_tui.core.flags import DEADLINE_DAYS
from leverage_tui.core.journal import Journal

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def demo(tmp_path: Path) -> Journal:
    return write_demo(tmp_path / "demo.json", TODAY)


def test_the_demo_agenda(demo: Journal) -> None:
    plan = agenda(demo)
    assert plan.today == TODAY and plan.horizon == days(7)
    assert [(d.id, d.overdue) for d in plan.due.items] == [("p8", True), ("p9", False)]
    assert [(w.promise.id, w.since, w.days) for w in plan.ask_again.items] == [("p9", days(-6), 6)]
    assert [w.promise.id for w in plan.unwritten.items] == ["p5", "p6", "p8", "p10", "p11", "p12"]
    assert plan.unwritten.items[0].days == 120
    assert [(c.offer.id, c.days_left, c.urgent) for c in plan.offers.items] == [
        ("o1", 2, True),
        ("o2", 6, False),
    ]
    assert [(r.conversation.id, r.promises) for r in plan.recent] == [
        ("c11", 2),
        ("c10", 2),
        ("c9", 0),
    ]


def test_the_wait_decides_between_ask_again_and_unwritten(demo: Journal) -> None:
    patient = agenda(demo, wait_days=7)
    assert patient.ask_again.total == 0
    assert "p9" in [w.promise.id for w in patient.unwritten.items]
    assert agenda(demo, wait_days=6).ask_again.total == 1


@pytest.mark.parametrize(
    ("left", "urgent"), [(DEADLINE_DAYS + 1, False), (DEADLINE_DAYS, True), (0, True), (-2, True)]
)
def test_an_offer_is_urgent_as_the_deadline_flag_says(
    tmp_path: Path, left: int, urgent: bool
) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_offer("Acme", "Staff", deadline=days(left), written=True)
    j.add_offer("Initech", "Lead", written=True)
    j.add_offer("Globex", "Lead", written=True, deadline=days(1), status="declined")
    offers = agenda(j).offers
    assert [(c.offer.id, c.days_left, c.urgent) for c in offers.items] == [
        ("o1", left, urgent),
        ("o2", None, False),
    ]


def test_due_takes_promises_and_asks_by_date_and_keeps_the_count(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    for n in range(12):
        j.add_promise(f"Promise {n}", "Dana", form="written", due=days(-n))
    j.add_ask("Lead Q3", measure="announced", target=days(-30))
    j.add_promise("Later", "Dana", form="written", due=days(8))
    j.add_promise("Kept", "Dana", form="written", due=days(-40), status="honored")
    due = agenda(j, limit=5).due
    assert due.total == 13 and due.hidden == 8
    assert [d.id for d in due.items] == ["a1", "p12", "p11", "p10", "p9"]
    assert due.items[0].kind == "ask" and due.items[0].by == ""
    assert agenda(j, soon_days=8).due.total == 14


def test_an_empty_journal_has_an_empty_agenda(tmp_path: Path) -> None:
    plan = agenda(Journal(tmp_path / "j.json", today=TODAY))
    sections = (plan.due, plan.ask_again, plan.unwritten, plan.offers)
    assert all(s.items == () and s.total == 0 for s in sections)
    assert plan.recent == ()
