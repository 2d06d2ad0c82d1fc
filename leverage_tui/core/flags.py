"""Flags: computed warnings on promises, asks and offers, each with a one-line reason.

Flags are never stored. `flags_for_promise`, `flags_for_ask` and `flags_for_offer` are
pure functions of a record, today and the hedge phrases; `all_flags` runs them over a
journal, worst first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .hedges import DEFAULT_HEDGES as DEFAULT_HEDGES  # its callers import it from here
from .hedges import find_hedges
from .records import UNWRITTEN_FORMS, Ask, Change, Offer, Promise

if TYPE_CHECKING:
    from .journal import Journal

FLAGS = (
    "overdue",
    "deadline",
    "walked-back",
    "moving-target",
    "verbal-offer",
    "unwritten",
    "vague",
    "no-date",
)
"""Every flag, worst first."""
_RANK = {name: i for i, name in enumerate(FLAGS)}

FLAG_HELP = {
    "unwritten": "pending promise that is still verbal or only recap-sent",
    "no-date": "pending promise with no due date",
    "overdue": "pending promise past its due date",
    "vague": "promise or ask that hedges, or an ask with no measure or date",
    "moving-target": "due date pushed later two or more times",
    "walked-back": "promise honored once and later withdrawn, or status moved back",
    "verbal-offer": "open offer that is not in writing",
    "deadline": "open offer whose decision deadline is within 3 days or past",
}
"""What each flag means, in one line."""

DEADLINE_DAYS = 3
"""An open offer is flagged when its decision deadline is this close, or past."""


@dataclass(frozen=True)
class Flag:
    """One warning on one record."""

    flag: str
    kind: str
    id: str
    reason: str

    def to_doc(self) -> dict[str, str]:
        """The JSON form: {flag, kind, id, reason}."""
        return {"flag": self.flag, "kind": self.kind, "id": self.id, "reason": self.reason}


def find_hedge(text: str, hedges: Sequence[str] = (), not_hedges: Sequence[str] = ()) -> str | None:
    """The words of the first hedge in `text`, or None (see `hedges.find_hedges`).

    `hedges` are phrases added to the defaults, `not_hedges` defaults taken away.
    """
    found = find_hedges(text, hedges, not_hedges)
    return found[0].words if found else None


def _hedge_reason(text: str, hedges: Sequence[str], not_hedges: Sequence[str]) -> str | None:
    """'hedge: "soon" is not a date' for every hedge in `text`, or None when it is firm."""
    found = find_hedges(text, hedges, not_hedges)
    return "hedge: " + "; ".join(h.reason for h in found) if found else None


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def moved_later(promise: Promise) -> list[tuple[str, str]]:
    """The (old, new) due dates of every time the due date was pushed later."""
    return [
        (c.old, c.new)
        for c in promise.history
        if c.field == "due" and c.old and c.new and c.new > c.old
    ]


def _step_back(promise: Promise) -> Change | None:
    """The first change of status that took a kept (or partly kept) promise back."""
    for change in promise.history:
        kept_before = change.field == "status" and change.old in ("honored", "partly")
        if kept_before and change.new != "honored":
            return change
    return None


def walked_back(promise: Promise) -> tuple[str, dt.date] | None:
    """(status it had, date it was moved back) when a kept promise was taken back."""
    change = _step_back(promise)
    return (change.old or "", change.on) if change else None


def flags_for_promise(
    p: Promise, today: dt.date, hedges: Sequence[str] = (), not_hedges: Sequence[str] = ()
) -> list[Flag]:
    """Every flag that applies to promise `p` on `today`.

    `hedges` are hedge phrases added to the defaults, `not_hedges` defaults taken away.
    """
    out: list[Flag] = []

    def add(flag: str, reason: str) -> None:
        out.append(Flag(flag, "promise", p.id, reason))

    if p.pending:
        if p.due is not None and p.due < today:
            add("overdue", f"due {p.due.isoformat()}, {_days((today - p.due).days)} overdue")
        if p.form in UNWRITTEN_FORMS:
            if p.form == "verbal":
                add("unwritten", f"only said by {p.by} on {p.made_on.isoformat()}; not in writing")
            else:
                add("unwritten", f"recap sent, {p.by} has not confirmed it in writing")
        if p.due is None:
            add("no-date", "no due date: a promise without a date is not a commitment")
    if p.history:  # most promises have none: skip the look at it
        moves = moved_later(p)
        if len(moves) >= 2:
            add(
                "moving-target",
                f"due date pushed later {len(moves)} times ({moves[0][0]} -> {moves[-1][1]})",
            )
        back = _step_back(p)
        if back:
            add("walked-back", f"was {back.old}, then moved to {back.new} on {back.on.isoformat()}")
    if p.status == "released":  # no longer expected: nothing to chase (its history stays)
        return out
    hedge = _hedge_reason(p.text, hedges, not_hedges)
    if hedge:
        add("vague", hedge)
    return out


def flags_for_ask(
    a: Ask, today: dt.date, hedges: Sequence[str] = (), not_hedges: Sequence[str] = ()
) -> list[Flag]:
    """Every flag that applies to ask `a` (only while it is open)."""
    if a.status != "open":
        return []
    problems = []
    hedge = _hedge_reason(a.text, hedges, not_hedges) or _hedge_reason(
        a.measure, hedges, not_hedges
    )
    if hedge:
        problems.append(hedge)
    if not a.measure.strip():
        problems.append("no measure of how you will know")
    if a.target is None:
        problems.append("no target date")
    if not problems:
        return []
    return [Flag("vague", "ask", a.id, "; ".join(problems))]


def flags_for_offer(o: Offer, today: dt.date) -> list[Flag]:
    """Every flag that applies to offer `o` (only while it is open)."""
    if o.status != "open":
        return []
    out = []
    what = "counteroffer" if o.counter else "offer"
    if o.deadline is not None:
        left = (o.deadline - today).days
        if left < 0:
            out.append(
                Flag("deadline", "offer", o.id, f"decision deadline passed {_days(-left)} ago")
            )
        elif left <= DEADLINE_DAYS:
            when = "today" if left == 0 else f"in {_days(left)}"
            out.append(
                Flag("deadline", "offer", o.id, f"decide by {o.deadline.isoformat()} ({when})")
            )
    if not o.written:
        out.append(
            Flag("verbal-offer", "offer", o.id, f"{what} from {o.company} is not in writing yet")
        )
    return out


def sort_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags worst first (by FLAGS order), then by record id."""
    return sorted(flags, key=_flag_order)


def _flag_order(f: Flag) -> tuple[int, str, int, str]:
    return (_RANK[f.flag], f.kind, len(f.id), f.id)


def all_flags(
    journal: Journal,
    today: dt.date | None = None,
    hedges: Sequence[str] = (),
    promise_flags: Mapping[str, Sequence[Flag]] | None = None,
    not_hedges: Sequence[str] = (),
) -> list[Flag]:
    """Every flag in the journal, worst first.

    `promise_flags` (promise id -> its flags, for the same day and hedges) saves
    flagging every promise again when a caller keeps them already. `hedges` are hedge
    phrases added to the defaults, `not_hedges` defaults taken away.
    """
    day = today or journal.today
    found: list[Flag] = []
    if promise_flags is not None:
        for flags in promise_flags.values():
            found.extend(flags)
    else:
        for p in journal.promises.values():
            found.extend(flags_for_promise(p, day, hedges, not_hedges))
    for a in journal.asks.values():
        found.extend(flags_for_ask(a, day, hedges, not_hedges))
    for o in journal.offers.values():
        found.extend(flags_for_offer(o, day))
    return sort_flags(found)
