"""The timeline: everything that happened (or is due) in the journal, in date order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .journal import Journal

EVENT_KINDS = (
    "conversation",
    "promise-made",
    "promise-resolved",
    "promise-due",
    "offer",
    "offer-deadline",
    "ask-target",
    "win",
)
"""Every kind of timeline event."""


@dataclass(frozen=True)
class Event:
    """One dated thing on the timeline, pointing at the record it comes from."""

    date: dt.date
    kind: str
    id: str
    text: str
    person: str = ""

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: {date, kind, id, text}."""
        return {"date": self.date.isoformat(), "kind": self.kind, "id": self.id, "text": self.text}


def timeline(
    journal: Journal, start: dt.date | None = None, end: dt.date | None = None
) -> list[Event]:
    """Every event between `start` and `end` (inclusive, either open), oldest first."""
    events: list[Event] = []
    for c in journal.conversations.values():
        who = ", ".join(c.people)
        events.append(
            Event(c.on, "conversation", c.id, f"{c.channel} with {who}: {c.summary}", who)
        )
    for p in journal.promises.values():
        events.append(Event(p.made_on, "promise-made", p.id, f"{p.by} promised: {p.text}", p.by))
        if p.status != "pending" and p.status_on:
            events.append(
                Event(p.status_on, "promise-resolved", p.id, f"{p.status}: {p.text}", p.by)
            )
        if p.due:
            events.append(Event(p.due, "promise-due", p.id, f"due ({p.status}): {p.text}", p.by))
    for o in journal.offers.values():
        what = "counteroffer" if o.counter else "offer"
        form = "written" if o.written else "verbal"
        if o.received:
            events.append(
                Event(o.received, "offer", o.id, f"{form} {what}: {o.company}, {o.role}", o.company)
            )
        if o.deadline:
            events.append(
                Event(
                    o.deadline,
                    "offer-deadline",
                    o.id,
                    f"decide on {o.company} ({o.status})",
                    o.company,
                )
            )
    for a in journal.asks.values():
        if a.target:
            events.append(Event(a.target, "ask-target", a.id, f"target for ask: {a.text}"))
    events.extend(_wins(journal))
    rank = {k: i for i, k in enumerate(EVENT_KINDS)}
    events = [
        e for e in events if (start is None or e.date >= start) and (end is None or e.date <= end)
    ]
    events.sort(key=lambda e: (e.date, rank[e.kind], len(e.id), e.id))
    return events


def _wins(journal: Journal) -> list[Event]:
    """The user's wins, on the day each was achieved."""
    out = []
    for w in journal.records("win").values():
        impact = f" ({w.impact})" if w.impact else ""
        out.append(Event(w.on, "win", w.id, f"win: {w.text}{impact}"))
    return out
