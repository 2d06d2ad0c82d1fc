"""Offers and the conversations they were made in: a recap lists the offers linked to its
conversation (the day received only for offers with no link), never to the wrong side."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from leverage_tui.core.demo import write_demo
from leverage_tui.core.journal import Journal
from leverage_tui.core.offer_messages import offers_discussed, people_for_offer
from leverage_tui.core.recap import recap_for

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def j(tmp_path: Path) -> Journal:
    """c1 the boss 5 days ago, c2 the boss 2 days ago, c3 the recruiter 5 days ago."""
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_person("Maya", "manager")
    j.add_person("Tom", "recruiter")
    j.add_conversation(["Maya"], "Counteroffer, first words", on=days(-5))
    j.add_conversation(["Maya"], "Counteroffer, the figures", on=days(-2))
    j.add_conversation(["Tom"], "Northwind offer", on=days(-5))
    return j


def test_the_demo_offers_are_linked(tmp_path: Path) -> None:
    demo = write_demo(tmp_path / "demo.json", TODAY)
    assert {o.id: o.conversation for o in demo.offers.values()} == {"o1": "c9", "o2": "c11"}
    assert [o.id for o in offers_discussed(demo, "c11")] == ["o2"]
    assert people_for_offer(demo, demo.offers["o2"]) == ["Maya Chen", "Robert Osei"]


def test_a_linked_offer_is_listed_in_its_conversation_whatever_the_day(j: Journal) -> None:
    j.add_offer("Halden", "Lead", base=135_000, counter=True, received=days(-5), conversation="c2")
    assert [o.id for o in offers_discussed(j, "c2")] == ["o1"]
    assert offers_discussed(j, "c1") == []  # received that day, but linked elsewhere
    assert people_for_offer(j, j.offers["o1"]) == ["Maya"]
    j.add_promise("Title change by March", "Maya", conversation="c2", due=days(90))
    recap = recap_for(j, "c2", offers=offers_discussed(j, "c2"))
    assert recap.offers == ("o1",) and "- Base pay: 135,000\n" in recap.body


def test_an_offer_with_no_link_goes_by_the_day_it_was_received(j: Journal) -> None:
    j.add_offer("Halden", "Lead", counter=True, received=days(-5))
    j.add_offer("Northwind", "Senior", received=days(-5))
    assert [o.id for o in offers_discussed(j, "c1")] == ["o1"]  # the boss: the counteroffer
    assert [o.id for o in offers_discussed(j, "c3")] == ["o2"]  # the recruiter: theirs
    assert offers_discussed(j, "c2") == []
    assert people_for_offer(j, j.offers["o2"]) == ["Tom"]


def test_a_link_never_sends_an_offer_to_the_other_side(j: Journal) -> None:
    # told the boss about the outside offer; told the recruiter about the counteroffer
    j.add_offer("Northwind", "Senior", base=150_000, received=days(-5), conversation="c1")
    j.add_offer("Halden", "Lead", base=135_000, counter=True, conversation="c3")
    assert offers_discussed(j, "c1") == [] and offers_discussed(j, "c3") == []
    assert people_for_offer(j, j.offers["o1"]) == []
    assert people_for_offer(j, j.offers["o2"]) == []


def test_someone_who_works_for_the_company_can_put_its_offer_in_writing(j: Journal) -> None:
    j.add("person", name="Ana", role="other", employer="Northwind")
    c = j.add_conversation(["Ana"], "Call with the hiring manager", on=days(-1))
    j.add_offer("Northwind", "Senior", conversation=c.id)
    j.add_offer("Halden", "Lead", counter=True, conversation=c.id)
    assert [o.id for o in offers_discussed(j, c.id)] == ["o1"]
