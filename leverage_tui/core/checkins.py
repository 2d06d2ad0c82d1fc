"""After staying: check-ins on the counteroffer's promises at 30, 60 and 90 days.

Once the user has accepted a counteroffer (decisions.outcome), its promises are the ones
to watch: made in its conversation, in a conversation tagged `counteroffer`, or naming a
counteroffer, by someone at the employer (conflicts.promises_around). At each check-in
day (config `checkin_days`, default 30, 60, 90 days after the decision) the record says
how many were kept, partly kept, broken, pending and overdue, as they stood that day
(from each promise's history); the next check-in is still to come.

Today shows one line (`today_line`); the brief a "Since you stayed" section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .conflicts import promises_around
from .decisions import Outcome, decision_words, outcome
from .plural import counted
from .records import Promise
from .show import day_text

if TYPE_CHECKING:
    from .journal import Journal

DEFAULT_DAYS: tuple[int, ...] = (30, 60, 90)
"""Check-in days after staying, unless the config says otherwise."""


def status_on(p: Promise, day: dt.date) -> str:
    """The status `p` had at the end of `day`, from its history (pending before any)."""
    status = "pending"
    changes = [c for c in p.history if c.field == "status"]
    if not changes:
        return p.status if p.status_on is None or p.status_on <= day else "pending"
    for change in changes:
        if change.on <= day and change.new:
            status = change.new
    return status


@dataclass(frozen=True)
class Count:
    """The counteroffer's promises as they stood on one day."""

    day: dt.date
    total: int
    kept: int = 0
    partly: int = 0
    broken: int = 0
    pending: int = 0
    overdue: int = 0

    def words(self) -> str:
        """'2 of 4 counteroffer promises kept, 1 partly, 1 broken, 1 overdue'."""
        text = f"{self.kept} of {counted(self.total, 'counteroffer promise')} kept"
        extras = [(self.partly, "partly"), (self.broken, "broken"), (self.overdue, "overdue")]
        return text + "".join(f", {n} {word}" for n, word in extras if n)


def count_on(promises: Sequence[Promise], day: dt.date) -> Count:
    """How `promises` stood at the end of `day`."""
    counts = {"honored": 0, "partly": 0, "broken": 0, "withdrawn": 0, "pending": 0}
    overdue = 0
    for p in promises:
        status = status_on(p, day)
        counts[status] = counts.get(status, 0) + 1
        if status == "pending" and p.due is not None and p.due < day:
            overdue += 1
    return Count(
        day,
        len(promises),
        kept=counts["honored"],
        partly=counts["partly"],
        broken=counts["broken"] + counts["withdrawn"],
        pending=counts["pending"],
        overdue=overdue,
    )


@dataclass(frozen=True)
class Stay:
    """Where things stand since the user stayed."""

    outcome: Outcome
    promises: list[Promise]
    checkins: list[tuple[int, dt.date, Count | None]]
    """Each check-in: its day number, its date, the counts then (None: still to come)."""
    now: Count

    @property
    def since(self) -> dt.date:
        """The day the user stayed."""
        return self.outcome.decision.on

    def reached(self) -> tuple[int, dt.date] | None:
        """The latest check-in reached (its day number and date), if any."""
        done = [(n, day) for n, day, count in self.checkins if count is not None]
        return done[-1] if done else None

    def coming(self) -> tuple[int, dt.date] | None:
        """The next check-in, if any is left."""
        return next(((n, day) for n, day, count in self.checkins if count is None), None)


def since_stayed(
    journal: Journal, today: dt.date, days: Sequence[int] = DEFAULT_DAYS
) -> Stay | None:
    """The check-ins since the user stayed, as of `today` (None unless they stayed)."""
    result = outcome(journal)
    if result is None or not result.stayed:
        return None
    promises = promises_around(journal, [result.offer])
    checkins: list[tuple[int, dt.date, Count | None]] = []
    for n in sorted(set(days)):
        day = result.decision.on + dt.timedelta(days=n)
        checkins.append((n, day, count_on(promises, day) if day <= today else None))
    return Stay(result, promises, checkins, count_on(promises, today))


def today_line(stay: Stay, today: dt.date) -> str:
    """What Today says: '30 days since you stayed: 2 of 4 counteroffer promises kept, 1
    overdue' (the latest check-in reached, counted today), or before the first one,
    when it is."""
    reached = stay.reached()
    coming = stay.coming()
    nxt = f" · next check-in: day {coming[0]} ({coming[1]:%d %b})" if coming else ""
    if reached is None:
        first = f"first check-in on {coming[1]:%d %b}" if coming else "no check-in set"
        watch = counted(len(stay.promises), "counteroffer promise")
        return f"You stayed on {stay.since:%d %b %Y}: {watch} to watch; {first}."
    shown = reached[0] if coming else (today - stay.since).days
    return f"{counted(shown, 'day')} since you stayed: {stay.now.words()}{nxt}"


def section_lines(stay: Stay) -> list[str]:
    """The brief's "Since you stayed" section, as plain lines (brief_md escapes them)."""
    lines = [f"You {decision_words(stay.outcome.decision, stay.outcome.offer)}."]
    if not stay.promises:
        lines.append(
            "No promise is linked to the counteroffer: promises made in its conversation, "
            "or in one tagged counteroffer, are followed here."
        )
        return lines
    lines.append(f"Now: {stay.now.words()}.")
    for n, day, count in stay.checkins:
        lines.append(
            f"Day {n} ({day_text(day)}): {count.words()}"
            if count is not None
            else f"Day {n} ({day_text(day)}): still to come"
        )
    return lines


def brief_sections(journal: Journal, stay: Stay | None) -> list[tuple[str, list[str]]]:
    """The brief's sections after a decision, as (title, plain lines): the decisions
    (and what leaving released), then "Since you stayed" (`stay`: `since_stayed`, worked
    out once by the caller). None before any decision."""
    out: list[tuple[str, list[str]]] = []
    decided = sorted(journal.records("decision").values(), key=lambda d: (d.on, int(d.id[1:])))
    lines = [
        f"{d.id}: {decision_words(d, journal.offers[d.offer])}"
        for d in decided
        if d.offer in journal.offers
    ]
    released = sum(p.status == "released" for p in journal.promises.values())
    if released:
        lines.append(
            f"{counted(released, 'promise')} of your old employer no longer expected "
            "(you left: not counted as broken)"
        )
    if lines:
        out.append(("Decisions", lines))
    if stay is not None:
        out.append(("Since you stayed", section_lines(stay)))
    return out


def stay_doc(stay: Stay | None) -> dict[str, object] | None:
    """The JSON form of where things stand since staying (`review --json`)."""
    if stay is None:
        return None
    return {
        "decision": stay.outcome.decision.id,
        "offer": stay.outcome.offer.id,
        "on": stay.since.isoformat(),
        "promises": [p.id for p in stay.promises],
        "checkins": [
            {"day": n, "on": day.isoformat(), **(_count_doc(c) if c else {"counts": None})}
            for n, day, c in stay.checkins
        ],
        "now": _count_doc(stay.now)["counts"],
    }


def _count_doc(c: Count) -> dict[str, object]:
    keys = ("total", "kept", "partly", "broken", "pending", "overdue")
    return {"counts": {k: getattr(c, k) for k in keys}}
