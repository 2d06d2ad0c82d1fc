"""The `unconfirmed` flag, `Journal.mark_recap_sent` and hedges in offers (issue 12, items 2
and 3): an unanswered recap comes back as "ask again", and sending it again restarts the
wait; a counteroffer's hedged terms are flagged vague."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from leverage_tui.core.checks import InputError
from leverage_tui.core.demo import write_demo
from leverage_tui.core.flags import (
    RECAP_CHANGE,
    Flag,
    all_flags,
    flags_for_offer,
    flags_for_promise,
    recap_sent_on,
    unanswered,
)
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Change, Offer, Promise

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def promise(**fields: Any) -> Promise:
    base: dict[str, Any] = {
        "id": "p1",
        "text": "You will lead the Q3 planning",
        "by": "Dana",
        "made_on": days(-30),
        "form": "recap-sent",
        "due": days(10),
        "history": (Change("form", "verbal", "recap-sent", days(-5)),),
    }
    base.update(fields)
    return Promise(**base)


def unconfirmed(flags: list[Flag]) -> list[str]:
    return [f.reason for f in flags if f.flag == "unconfirmed"]


# -- the flag ------------------------------------------------------------------------------


def test_a_recap_unanswered_for_the_wait_is_unconfirmed_with_its_age() -> None:
    assert unconfirmed(flags_for_promise(promise(), TODAY)) == [
        "recap sent 5 days ago, no written confirmation yet"
    ]


@pytest.mark.parametrize(
    ("sent", "wait", "flagged"),
    [(-3, 3, True), (-2, 3, False), (0, 0, True), (0, 1, False), (-6, 7, False), (-7, 7, True)],
)
def test_the_wait_is_at_least_wait_days(sent: int, wait: int, flagged: bool) -> None:
    p = promise(history=(Change("form", "verbal", "recap-sent", days(sent)),))
    assert bool(unconfirmed(flags_for_promise(p, TODAY, wait_days=wait))) is flagged
    assert unanswered(p, TODAY, wait) is flagged


def test_reason_today_and_yesterday() -> None:
    p = promise(history=(Change("form", "verbal", "recap-sent", days(-1)),))
    assert unconfirmed(flags_for_promise(p, TODAY, wait_days=1)) == [
        "recap sent yesterday, no written confirmation yet"
    ]
    q = promise(history=(Change("form", "verbal", "recap-sent", TODAY),))
    assert unconfirmed(flags_for_promise(q, TODAY, wait_days=0)) == [
        "recap sent today, no written confirmation yet"
    ]


def test_a_promise_made_recap_sent_counts_from_the_day_it_was_made() -> None:
    p = promise(history=(), made_on=days(-4))
    assert unconfirmed(flags_for_promise(p, TODAY)) == [
        "recorded as recap-sent when made, 4 days ago; no written confirmation yet"
    ]
    assert unconfirmed(flags_for_promise(promise(history=(), made_on=days(-2)), TODAY)) == []


def test_the_last_recap_counts() -> None:
    history = (
        Change("form", "verbal", "recap-sent", days(-20)),
        Change("form", "recap-sent", "verbal", days(-15)),
        Change("form", "verbal", "recap-sent", days(-2)),
    )
    assert unconfirmed(flags_for_promise(promise(history=history), TODAY)) == []
    again = (
        Change("form", "verbal", "recap-sent", days(-20)),
        Change(RECAP_CHANGE, "x", "y", TODAY),
    )
    assert recap_sent_on(promise(history=again)) == TODAY
    assert unconfirmed(flags_for_promise(promise(history=again), TODAY)) == []


@pytest.mark.parametrize(
    ("changes"),
    [{"form": "verbal"}, {"form": "written"}, {"form": "official"}, {"status": "honored"}],
)
def test_only_a_pending_recap_sent_promise_is_unconfirmed(changes: dict[str, str]) -> None:
    assert unconfirmed(flags_for_promise(promise(**changes), TODAY)) == []


def test_all_flags_takes_the_wait(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    p = j.add_promise("Raise in March", "Sam", form="verbal", due=days(30))
    j.set_forms([p.id], "recap-sent", on=days(-4))
    assert ("unconfirmed", p.id) in {(f.flag, f.id) for f in all_flags(j)}
    assert "unconfirmed" not in {f.flag for f in all_flags(j, wait_days=5)}


def test_the_demo_has_an_unconfirmed_recap(tmp_path: Path) -> None:
    j = write_demo(tmp_path / "demo.json", TODAY)
    found = [f for f in all_flags(j) if f.flag == "unconfirmed"]
    assert [(j.promises[f.id].text, f.reason) for f in found] == [
        (
            "Counteroffer in writing by the end of next week",
            "recap sent 6 days ago, no written confirmation yet",
        )
    ]


# -- marking a recap sent ------------------------------------------------------------------


@pytest.fixture
def three(tmp_path: Path) -> Journal:
    """p1 verbal, p2 recap-sent 5 days ago, p3 written; all in c1."""
    j = Journal(tmp_path / "j.json", today=TODAY)
    c = j.add_conversation(["Dana"], "Planning", on=days(-10))
    j.add_promise("Lead Q3", "Dana", conversation=c.id, due=days(20))
    p2 = j.add_promise("Raise in March", "Dana", conversation=c.id, due=days(30))
    j.set_forms([p2.id], "recap-sent", on=days(-5))
    j.add_promise("Budget for the summit", "Dana", conversation=c.id, form="written")
    return j


def test_mark_recap_sent_moves_verbal_ones_and_restarts_the_wait(three: Journal) -> None:
    assert unanswered(three.promises["p2"], TODAY)
    changed = three.mark_recap_sent(["p1", "p2", "p3"], TODAY)
    assert [p.id for p in changed] == ["p1", "p2"]
    p1, p2, p3 = (three.promises[i] for i in ("p1", "p2", "p3"))
    assert p1.form == "recap-sent" and p1.history[-1] == Change(
        "form", "verbal", "recap-sent", TODAY
    )
    assert p2.form == "recap-sent"
    assert p2.history[-1] == Change(RECAP_CHANGE, days(-5).isoformat(), TODAY.isoformat(), TODAY)
    assert recap_sent_on(p2) == TODAY and not unanswered(p2, TODAY)
    assert unconfirmed(flags_for_promise(p2, TODAY)) == []
    assert unconfirmed(flags_for_promise(p2, days(3))) == [
        "recap sent 3 days ago, no written confirmation yet"
    ]
    assert p3.form == "written" and p3.history == ()


def test_mark_recap_sent_is_one_undo_step_and_saved(three: Journal, tmp_path: Path) -> None:
    before = dict(three.promises)
    three.mark_recap_sent(["p1", "p2"])
    again = Journal(tmp_path / "j.json", today=TODAY)
    assert again.promises["p2"].history[-1].field == RECAP_CHANGE
    assert three.undo() is not None
    assert three.promises == before


def test_marking_twice_the_same_day_records_it_once(three: Journal) -> None:
    three.mark_recap_sent(["p1", "p2"])
    assert three.mark_recap_sent(["p1", "p2"]) == []
    assert [c.field for c in three.promises["p2"].history] == ["form", RECAP_CHANGE]


def test_a_promise_made_recap_sent_gets_a_recap_entry_with_no_old_date(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    p = j.add_promise("Raise", "Dana", form="recap-sent", made_on=days(-6))
    (changed,) = j.mark_recap_sent([p.id])
    assert changed.history == (Change(RECAP_CHANGE, None, TODAY.isoformat(), TODAY),)


def test_resolved_promises_are_left_alone(three: Journal) -> None:
    three.update_promise("p2", status="honored")
    assert three.mark_recap_sent(["p2"]) == []


def test_mark_recap_sent_refuses_unknown_ids_and_bad_dates(three: Journal) -> None:
    before = dict(three.promises)
    with pytest.raises(InputError, match="no promise with id 'p9'"):
        three.mark_recap_sent(["p1", "p9"])
    with pytest.raises(InputError):
        three.mark_recap_sent(["p1"], date(1800, 1, 1))
    assert three.promises == before


# -- hedges in offers ------------------------------------------------------------------------


def offer(**fields: Any) -> Offer:
    base: dict[str, Any] = {
        "id": "o1",
        "company": "Halden & Co",
        "role": "Lead Designer",
        "deadline": days(14),
        "written": True,
        "counter": True,
    }
    base.update(fields)
    return Offer(**base)


def vague(flags: list[Flag]) -> list[str]:
    return [f.reason for f in flags if f.flag == "vague"]


def test_the_demo_counteroffer_terms_are_vague(tmp_path: Path) -> None:
    j = write_demo(tmp_path / "demo.json", TODAY)
    counter = next(o for o in j.offers.values() if o.counter)
    (reason,) = vague(flags_for_offer(counter, TODAY))
    assert reason == ('terms: hedge: "as soon as the reorg settles" is a condition, not a date')
    assert ("vague", counter.id) in {(f.flag, f.id) for f in all_flags(j)}


def test_role_equity_and_terms_are_each_named() -> None:
    o = offer(
        role="Lead, eventually", equity="Probably 0.1%", terms="Remote once the team is ready"
    )
    (reason,) = vague(flags_for_offer(o, TODAY))
    assert reason.startswith('role: hedge: "eventually"')
    assert '; equity: hedge: "Probably"' in reason
    assert '; terms: hedge: "once the team is ready"' in reason


def test_firm_offers_and_closed_ones_are_not_vague() -> None:
    assert vague(flags_for_offer(offer(terms="Hybrid, 2 days in office"), TODAY)) == []
    hedged = offer(terms="Bonus if budget allows", status="declined")
    assert flags_for_offer(hedged, TODAY) == []


def test_offer_hedges_follow_the_settings() -> None:
    o = offer(terms="Remote, board willing")
    assert vague(flags_for_offer(o, TODAY)) == []
    assert vague(flags_for_offer(o, TODAY, ("board willing",)))
    p = offer(terms="Title change as soon as the reorg settles")
    assert vague(flags_for_offer(p, TODAY, not_hedges=("as soon as the reorg settles",))) == []
