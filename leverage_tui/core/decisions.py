"""The decision on an offer, and what follows it (`leverage decide`, the Review's key).

`decide(journal, offer_id, accept=...)` records, as one undoable change: the offer's
status (accepted or declined, in its history), a `Decision` record (id `d`) with the day
and the reason, and, when asked, the other open offers declined with a decision each.

Leaving (an outside offer accepted, or the counteroffer declined): the old employer's
pending promises are no longer expected: they become `released`, which is neither
pending nor broken (track.py), so Today stops chasing them and the track record holds
nothing against anyone for them. The old employer's promises are those made by someone
at the employer (conflicts.at_employer) or about a counteroffer (its conversation, a
conversation tagged counteroffer, or naming one).

Staying (the counteroffer accepted): checkins.py follows its promises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from msgspec.structs import replace

from .checks import InputError, check_record, clean, date_problem
from .conflicts import about_counteroffer, at_employer, employer_companies
from .floors import possessive
from .plural import are, counted
from .records import RELEASED, Decision, Offer, Promise
from .registry import KINDS
from .show import day_text

if TYPE_CHECKING:
    from .journal import Journal


@dataclass(frozen=True)
class Decided:
    """What a decision changed: the decisions recorded (the chosen offer's first), the
    promises no longer expected, and the other offers still open."""

    decisions: list[Decision]
    released: list[Promise] = field(default_factory=list)
    still_open: list[Offer] = field(default_factory=list)
    leaving: bool = False


def open_offers(journal: Journal, but: str = "") -> list[Offer]:
    """The open offers (other than `but`), by deadline."""
    found = [o for o in journal.offers.values() if o.status == "open" and o.id != but]
    return sorted(found, key=lambda o: (o.deadline or dt.date.max, len(o.id), o.id))


def decisions_of(journal: Journal, offer_id: str) -> list[Decision]:
    """The decisions about one offer."""
    return [d for d in journal.records("decision").values() if d.offer == offer_id]


def is_leaving(offer: Offer, accepted: bool) -> bool:
    """True when deciding `offer` this way means leaving the employer."""
    return accepted != offer.counter


def old_employer_promises(journal: Journal) -> list[Promise]:
    """The pending promises of the user's employer (see the module docstring)."""
    counters = [o for o in journal.offers.values() if o.counter]
    companies = employer_companies(journal.current_job, counters)
    people = {u.name.casefold(): u for u in journal.people.values()}
    convs = journal.conversations
    return [
        p
        for p in journal.promises.values()
        if p.pending
        and (
            at_employer(people.get(p.by.casefold()), companies)
            or (counters and about_counteroffer(p, counters, convs))
        )
    ]


def decide(
    journal: Journal,
    offer_id: str,
    *,
    accept: bool,
    on: dt.date | None = None,
    why: str = "",
    decline_others: bool = False,
) -> Decided:
    """Accept or decline an offer (see the module docstring); InputError, nothing
    changed, for an offer already decided or a bad date or reason."""
    offer = journal.get(offer_id, "offer")
    assert isinstance(offer, Offer)
    if offer.status in ("accepted", "declined"):
        done = decisions_of(journal, offer.id)
        which = f" ({done[-1].id} on {day_text(done[-1].on)})" if done else ""
        raise InputError(
            f"{offer.id} was already {offer.status}{which}; to decide again, set it open "
            f"first: leverage update offer {offer.id} --status open"
        )
    day = on or journal.today
    problem = date_problem(day, "date of the decision")
    if problem:
        raise InputError(problem)
    reason = clean(KINDS["decision"].field("why"), why)
    choice = "accepted" if accept else "declined"

    def body() -> Decided:
        current = journal.offers.get(offer.id)
        if current is None:
            raise InputError(f"{offer.id} was deleted by another program; nothing was changed")
        made = [_decide_one(journal, current, choice, day, reason)]
        others = open_offers(journal, but=current.id)
        leaving = is_leaving(current, accept)
        if accept and decline_others:
            because = f"accepted {current.company} ({current.id})"
            for other in others:
                made.append(_decide_one(journal, other, "declined", day, because[:2000]))
                leaving = leaving or is_leaving(other, False)
            others = []
        released = _release(journal, day) if leaving else []
        return Decided(made, released, others, leaving)

    label = f"decision: {choice} {offer.company[:40]}"
    return journal._change(label, body)


def _decide_one(journal: Journal, offer: Offer, choice: str, day: dt.date, why: str) -> Decision:
    """Set `offer`'s status to `choice` and record the decision (inside a change)."""
    changed = journal._tracked(KINDS["offer"], offer, {"status": choice}, day)
    journal._put(replace(offer, **changed))
    kind = KINDS["decision"]
    decision = Decision(id=journal._new_id(kind), offer=offer.id, choice=choice, on=day, why=why)  # type: ignore[arg-type]
    stored: Decision = journal._put(check_record(kind, decision))  # type: ignore[assignment]
    return stored


def _release(journal: Journal, day: dt.date) -> list[Promise]:
    """The old employer's pending promises, now no longer expected (inside a change)."""
    out = []
    for p in old_employer_promises(journal):
        changed = journal._tracked(KINDS["promise"], p, {"status": RELEASED}, day)
        out.append(journal._put(replace(p, **changed)))
    return out  # type: ignore[return-value]


# -- where things stand after the decisions ---------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """The latest decision that settled whether the user stays or leaves."""

    decision: Decision
    offer: Offer
    stayed: bool


def outcome(journal: Journal) -> Outcome | None:
    """Whether the user stayed or left, by their latest such decision (None: neither)."""
    found: Outcome | None = None
    ordered = sorted(  # on one day, the offer accepted settles it
        journal.records("decision").values(),
        key=lambda d: (d.on, d.choice == "accepted", int(d.id[1:])),
    )
    for d in ordered:
        offer = journal.offers.get(d.offer)
        if offer is None:
            continue
        accepted = d.choice == "accepted"
        if accepted and offer.counter:
            found = Outcome(d, offer, True)
        elif is_leaving(offer, accepted):
            found = Outcome(d, offer, False)
    return found


def decision_words(decision: Decision, offer: Offer) -> str:
    """'accepted the counteroffer from Halden & Co (o2) on 2026-03-03: "the team"'."""
    what = (
        f"the counteroffer from {offer.company}"
        if offer.counter
        else f"{possessive(offer.company)} offer"
    )
    why = f': "{" ".join(decision.why.split())}"' if decision.why.strip() else ""
    return f"{decision.choice} {what} ({offer.id}) on {day_text(decision.on)}{why}"


def left_words(journal: Journal, result: Outcome) -> str:
    """What Today says once the user has left: the decision, and what is no longer
    expected."""
    n = sum(p.status == RELEASED for p in journal.promises.values())
    gone = f"; {counted(n, 'promise')} of your employer {are(n)} no longer expected" if n else ""
    return f"You decided to leave: {decision_words(result.decision, result.offer)}{gone}."
