"""Deadline conflicts: what the user still waits for from their employer, due on or after
the day an outside offer expires.

Kind `deadline-order`. The things waited for:

- a pending promise, with a due date, from someone at the current employer;
- an open counteroffer's own decide-by date;
- an open counteroffer not in writing with no dated promise to put it in writing.

Each is set against the earliest deadline, on or before it, of an open outside offer
whose deadline has not passed (a passed one is the `deadline` flag's business). Someone
is at the current employer when their `employer` is the current job's (or a
counteroffer's) company, or, with no employer recorded, when they are the user's
manager, skip-level or peer. A promise is about the counteroffer when it was made in the
counteroffer's conversation, or in one tagged `counteroffer`, or names a counteroffer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .floors import possessive
from .records import Conversation, CurrentJob, Offer, Person, Promise

if TYPE_CHECKING:
    from .journal import Journal

DEADLINE_ORDER = "deadline-order"
"""The kind of conflict this module finds."""
OWN_ROLES = ("manager", "skip-level", "peer")
"""Roles that are, by what they mean, at the user's own employer."""
_COUNTER = re.compile(r"\bcounter[- ]?offers?\b", re.I)
_WRITING = re.compile(r"\b(in writing|written|letter)\b", re.I)


@dataclass(frozen=True)
class Conflict:
    """One conflict: its kind, a plain sentence, and the ids of the records involved."""

    kind: str
    text: str
    ids: tuple[str, ...]
    on: dt.date
    """The date of what is waited for (for ordering)."""
    about_counter: bool = False

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: {kind, text, ids}."""
        return {"kind": self.kind, "text": self.text, "ids": list(self.ids)}


def short_date(d: dt.date, today: dt.date) -> str:
    """'26 Nov', with the year when it is not this year's ('3 Jan 2027')."""
    text = f"{d.day} {d:%b}"
    return text if d.year == today.year else f"{text} {d.year}"


def first_name(name: str) -> str:
    """The first word of a name ('Maya Chen' -> 'Maya')."""
    return name.split()[0] if name.split() else name


def employer_companies(current: CurrentJob | None, offers: Sequence[Offer]) -> set[str]:
    """The user's employer's names, folded: the current job's and its counteroffers'."""
    names = {o.company.casefold().strip() for o in offers if o.counter}
    if current is not None:
        names.add(current.company.casefold().strip())
    return names


def at_employer(person: Person | None, companies: set[str]) -> bool:
    """True when `person` works for the user's employer (see the module docstring)."""
    if person is None:
        return False
    if person.employer.strip():
        return person.employer.casefold().strip() in companies
    return person.role in OWN_ROLES


def about_counteroffer(
    p: Promise, counters: Sequence[Offer], conversations: Mapping[str, Conversation]
) -> bool:
    """True when promise `p` is about a counteroffer (one of the open `counters`, or one
    not recorded yet)."""
    if p.conversation and any(c.conversation == p.conversation for c in counters):
        return True
    conv = conversations.get(p.conversation or "")
    if conv is not None and any(_COUNTER.search(t) for t in conv.tags):
        return True
    return bool(_COUNTER.search(p.text))


def _after(due: dt.date, deadline: dt.date, company: str, today: dt.date) -> str:
    """'26 Nov, the day after Northwind's offer expires (25 Nov)' and the like."""
    gap = (due - deadline).days
    expires = f"{possessive(company)} offer expires"
    when = short_date(due, today)
    if gap == 0:
        return f"{when}, the day {expires}"
    rel = "the day after" if gap == 1 else f"{gap} days after"
    return f"{when}, {rel} {expires} ({short_date(deadline, today)})"


def deadline_conflicts(journal: Journal, today: dt.date) -> list[Conflict]:
    """Every deadline-order conflict in `journal` on `today`: those about the
    counteroffer first, then by date."""
    offers = [o for o in journal.offers.values() if o.status == "open"]
    outside = sorted(
        (o for o in offers if not o.counter and o.deadline is not None and o.deadline >= today),
        key=lambda o: (o.deadline, len(o.id), o.id),
    )
    if not outside:
        return []
    counters = [o for o in offers if o.counter]
    companies = employer_companies(journal.current_job, counters)
    conversations = journal.conversations
    people = {u.name.casefold(): u for u in journal.people.values()}

    def expiring(on: dt.date) -> Offer | None:
        """The outside offer with the earliest deadline on or before `on`."""
        return next((o for o in outside if o.deadline is not None and o.deadline <= on), None)

    found: list[Conflict] = []
    dated_counter_promises: dict[str, list[Promise]] = {}
    for p in journal.promises.values():
        if not p.pending or p.due is None:
            continue
        if not at_employer(people.get(p.by.strip().casefold()), companies):
            continue
        about = about_counteroffer(p, counters, conversations)
        if about and _WRITING.search(p.text):  # a date for the counteroffer in writing
            for c in counters:
                dated_counter_promises.setdefault(c.id, []).append(p)
        out = expiring(p.due)
        if out is None or out.deadline is None:
            continue
        who = first_name(p.by)
        when = _after(p.due, out.deadline, out.company, today)
        if about and _WRITING.search(p.text):
            head = f"{possessive(who)} written counteroffer is due {when}"
        else:
            head = f'{possessive(who)} promise "{p.text}" is due {when}'
        text = f"{head}: ask {out.company} for more time, or {who} for an earlier date."
        found.append(Conflict(DEADLINE_ORDER, text, (p.id, out.id), p.due, about))
    first = outside[0]
    assert first.deadline is not None
    for c in counters:
        if c.deadline is not None and (out := expiring(c.deadline)) is not None:
            assert out.deadline is not None
            when = _after(c.deadline, out.deadline, out.company, today)
            text = (
                f"The counteroffer from {c.company} asks for an answer by {when}: ask "
                f"{out.company} for more time, or settle the counteroffer before "
                f"{short_date(out.deadline, today)}."
            )
            found.append(Conflict(DEADLINE_ORDER, text, (c.id, out.id), c.deadline, True))
        promised = dated_counter_promises.get(c.id, [])
        if not c.written and not promised:
            text = (
                f"The counteroffer from {c.company} is not in writing and no date is set "
                f"for it, and {possessive(first.company)} offer expires "
                f"{short_date(first.deadline, today)}: ask {c.company} for it in writing "
                f"before then, or {first.company} for more time."
            )
            found.append(Conflict(DEADLINE_ORDER, text, (c.id, first.id), first.deadline, True))
    found.sort(key=lambda c: (not c.about_counter, c.on, c.ids))
    return found


def promises_around(journal: Journal, counters: Sequence[Offer]) -> list[Promise]:
    """The promises around the open counteroffers: about a counteroffer (see
    `about_counteroffer`) and made by someone at the employer (or someone not recorded)."""
    if not counters:
        return []
    companies = employer_companies(journal.current_job, counters)
    people = {u.name.casefold(): u for u in journal.people.values()}
    convs = journal.conversations
    return [
        p
        for p in journal.promises.values()
        if about_counteroffer(p, counters, convs)
        and (at_employer(people.get(p.by.casefold()), companies) or p.by.casefold() not in people)
    ]


def employer_people(journal: Journal, counters: Sequence[Offer]) -> list[str]:
    """The people at the user's employer who made promises, the most promises first."""
    companies = employer_companies(journal.current_job, counters)
    made: dict[str, int] = {}
    for p in journal.promises.values():
        made[p.by] = made.get(p.by, 0) + 1
    at = [u.name for u in journal.people.values() if at_employer(u, companies) and u.name in made]
    return sorted(at, key=lambda name: (-made[name], name))
