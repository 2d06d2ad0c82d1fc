"""Flags: computed warnings on promises, asks and offers, each with a one-line reason.

Flags are never stored. `flags_for_promise`, `flags_for_ask` and `flags_for_offer` are
pure functions of a record, today, the hedge phrases (`hedges` added to the defaults,
`not_hedges` taken away) and, for `unconfirmed`, the days a recap may wait for its
answer (`wait_days`, config `recap_wait_days`); `all_flags` runs them over a journal,
worst first.

When a recap was sent is read from a promise's history (`recap_sent_on`): the last move
of its form to recap-sent, or the last `recap` entry, which `Journal.mark_recap_sent`
records when a recap is sent again for a promise already recap-sent (old: the date of
the recap before, new: this one's). A promise recorded as recap-sent from the start has
neither: its recap went out on or after the day it was made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .hedges import DEFAULT_HEDGES as DEFAULT_HEDGES  # its callers import it from here
from .hedges import find_hedges
from .plural import counted
from .records import UNWRITTEN_FORMS, Ask, Change, Offer, Promise
from .show import day_text, stored_day_text

if TYPE_CHECKING:
    from .journal import Journal

FLAGS = (
    "overdue",
    "deadline",
    "walked-back",
    "moving-target",
    "verbal-offer",
    "unconfirmed",
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
    "vague": "promise, offer or ask that hedges, or an ask with no measure or date",
    "moving-target": "due date pushed later two or more times",
    "walked-back": "promise honored once and later withdrawn, or status moved back",
    "verbal-offer": "open offer that is not in writing",
    "deadline": "open offer whose decision deadline is within 3 days or past",
    "unconfirmed": "recap sent some days ago (recap_wait_days, 3 unless set) and not "
    "confirmed in writing: ask again",
}
"""What each flag means, in one line."""

DEADLINE_DAYS = 3
"""An open offer is flagged when its decision deadline is this close, or past."""
RECAP_WAIT_DAYS = 3
"""Days after a recap is sent before an unconfirmed one is asked again (the default)."""
RECAP_CHANGE = "recap"
"""The history field of a recap sent again for a promise already recap-sent."""
DUE_CORRECTION = "due-corrected"
"""The history field of a due date corrected, not moved: changed on the day the promise
was made, before any other change to it (what was typed was wrong). Never a move."""
OFFER_WORDS = ("role", "equity", "terms")
"""The offer fields whose words are checked for hedges (a reason names the field)."""


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


def _ago(n: int) -> str:
    return {0: "today", 1: "yesterday"}.get(n, f"{counted(n, 'day')} ago")


def recap_sent_on(promise: Promise) -> dt.date | None:
    """The day the last recap of the promise was sent, if its history says: its last
    move to recap-sent or its last `recap` entry (a recap sent again)."""
    for change in reversed(promise.history):
        if change.field == RECAP_CHANGE or (change.field == "form" and change.new == "recap-sent"):
            return change.on
    return None


def recap_sent(promise: Promise) -> dt.date:
    """The day the recap went out, as far as is known: `recap_sent_on`, else the day the
    promise was made (recorded as recap-sent from the start: sent on or after it)."""
    return recap_sent_on(promise) or promise.made_on


def unanswered(promise: Promise, today: dt.date, wait_days: int = RECAP_WAIT_DAYS) -> bool:
    """True when the promise is pending and recap-sent for at least `wait_days` days."""
    return (
        promise.pending
        and promise.form == "recap-sent"
        and (today - recap_sent(promise)).days >= wait_days
    )


def _unconfirmed_reason(promise: Promise, today: dt.date) -> str:
    sent = recap_sent_on(promise)
    if sent is None:
        made = (today - promise.made_on).days
        return f"recorded as recap-sent when made, {_ago(made)}; no written confirmation yet"
    return f"recap sent {_ago((today - sent).days)}, no written confirmation yet"


def is_due_correction(promise: Promise, day: dt.date, today: dt.date) -> bool:
    """True when changing the due date of `promise` on `day` corrects what was typed
    rather than moving it: the change is made today, on the day the promise was made,
    and nothing else about the promise has changed since (corrections aside)."""
    return day == today == promise.made_on and all(
        c.field == DUE_CORRECTION for c in promise.history
    )


def moved_later(promise: Promise) -> list[tuple[str, str]]:
    """The (old, new) due dates of every time the due date was pushed later (a
    correction, DUE_CORRECTION, is not a move)."""
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
    p: Promise,
    today: dt.date,
    hedges: Sequence[str] = (),
    not_hedges: Sequence[str] = (),
    wait_days: int = RECAP_WAIT_DAYS,
) -> list[Flag]:
    """Every flag that applies to promise `p` on `today`.

    `hedges` are hedge phrases added to the defaults, `not_hedges` defaults taken away;
    a recap unanswered for `wait_days` days is flagged `unconfirmed`.
    """
    out: list[Flag] = []

    def add(flag: str, reason: str) -> None:
        out.append(Flag(flag, "promise", p.id, reason))

    if p.pending:
        if p.due is not None and p.due < today:
            add("overdue", f"due {day_text(p.due)}, {counted((today - p.due).days, 'day')} overdue")
        if p.form in UNWRITTEN_FORMS:
            if p.form == "verbal":
                add("unwritten", f"only said by {p.by} on {day_text(p.made_on)}; not in writing")
            else:
                add("unwritten", f"recap sent, {p.by} has not confirmed it in writing")
                if unanswered(p, today, wait_days):
                    add("unconfirmed", _unconfirmed_reason(p, today))
        if p.due is None:
            add("no-date", "no due date: a promise without a date is not a commitment")
    if p.history:  # most promises have none: skip the look at it
        moves = moved_later(p)
        if len(moves) >= 2:
            add(
                "moving-target",
                f"due date pushed later {len(moves)} times "
                f"(from {stored_day_text(moves[0][0])} to {stored_day_text(moves[-1][1])})",
            )
        back = _step_back(p)
        if back:
            add("walked-back", f"was {back.old}, then moved to {back.new} on {day_text(back.on)}")
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


def flags_for_offer(
    o: Offer, today: dt.date, hedges: Sequence[str] = (), not_hedges: Sequence[str] = ()
) -> list[Flag]:
    """Every flag that applies to offer `o` (only while it is open): its deadline, not in
    writing, and hedges in its role, equity or terms (`vague`)."""
    if o.status != "open":
        return []
    out = []
    what = "counteroffer" if o.counter else "offer"
    if o.deadline is not None:
        left = (o.deadline - today).days
        if left < 0:
            out.append(
                Flag(
                    "deadline",
                    "offer",
                    o.id,
                    f"decision deadline passed {counted(-left, 'day')} ago",
                )
            )
        elif left <= DEADLINE_DAYS:
            when = "today" if left == 0 else f"in {counted(left, 'day')}"
            out.append(
                Flag("deadline", "offer", o.id, f"decide by {day_text(o.deadline)} ({when})")
            )
    if not o.written:
        out.append(
            Flag("verbal-offer", "offer", o.id, f"{what} from {o.company} is not in writing yet")
        )
    hedged = []
    for name in OFFER_WORDS:
        reason = _hedge_reason(getattr(o, name), hedges, not_hedges)
        if reason:
            hedged.append(f"{name}: {reason}")
    if hedged:
        out.append(Flag("vague", "offer", o.id, "; ".join(hedged)))
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
    wait_days: int = RECAP_WAIT_DAYS,
) -> list[Flag]:
    """Every flag in the journal, worst first.

    `promise_flags` (promise id -> its flags, for the same day and settings) saves
    flagging every promise again when a caller keeps them already. `hedges` are hedge
    phrases added to the defaults, `not_hedges` defaults taken away; `wait_days` is how
    long a recap waits before it is `unconfirmed`.
    """
    day = today or journal.today
    found: list[Flag] = []
    if promise_flags is not None:
        for flags in promise_flags.values():
            found.extend(flags)
    else:
        for p in journal.promises.values():
            found.extend(flags_for_promise(p, day, hedges, not_hedges, wait_days))
    for a in journal.asks.values():
        found.extend(flags_for_ask(a, day, hedges, not_hedges))
    for o in journal.offers.values():
        found.extend(flags_for_offer(o, day, hedges, not_hedges))
    return sort_flags(found)


@dataclass(frozen=True)
class FlagSettings:
    """What flags depend on besides the record and today: the user's hedge phrases (added
    and taken away) and how many days a recap waits before it is `unconfirmed`."""

    hedges: tuple[str, ...] = ()
    not_hedges: tuple[str, ...] = ()
    wait_days: int = RECAP_WAIT_DAYS


class FlagKeeper:
    """The flags of every promise of a journal, kept up to date at little cost.

    Records are immutable, so a promise whose record is the very one flagged last time
    keeps its flags; after one change in a ten-year journal one promise is flagged
    again, not 20,000. A new day or new settings flag everything again.
    """

    def __init__(self) -> None:
        """Nothing flagged yet."""
        self._key: tuple[dt.date, FlagSettings] | None = None
        self._flags: dict[str, list[Flag]] = {}
        self._seen: dict[str, Promise] = {}
        self._count = -1

    def of(
        self, promises: Mapping[str, Promise], today: dt.date, settings: FlagSettings
    ) -> dict[str, list[Flag]]:
        """Promise id -> its flags, worst first, for `promises` as they are now."""
        key = (today, settings)
        if key != self._key:
            self._key, self._flags, self._seen = key, {}, {}
        old_flags, old_seen = self._flags, self._seen
        if len(old_seen) == len(promises) and all(
            old_seen.get(pid) is p for pid, p in promises.items()
        ):
            return old_flags
        s = settings
        flags: dict[str, list[Flag]] = {}
        for pid, promise in promises.items():
            if old_seen.get(pid) is promise:
                flags[pid] = old_flags[pid]
            else:
                found = flags_for_promise(promise, today, s.hedges, s.not_hedges, s.wait_days)
                flags[pid] = sort_flags(found)
        self._flags, self._seen = flags, dict(promises)
        return flags

    def some(
        self,
        promises: Mapping[str, Promise],
        ids: Iterable[str],
        today: dt.date,
        settings: FlagSettings,
    ) -> dict[str, list[Flag]]:
        """The flags of a few promises: kept ones when up to date, else computed for
        those alone (a screen that shows ten promises need not flag twenty thousand)."""
        s, out = settings, {}
        fresh = self._key == (today, settings)
        for pid in ids:
            promise = promises[pid]
            if fresh and self._seen.get(pid) is promise:
                out[pid] = self._flags[pid]
            else:
                found = flags_for_promise(promise, today, s.hedges, s.not_hedges, s.wait_days)
                out[pid] = sort_flags(found)
        return out
