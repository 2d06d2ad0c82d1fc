"""The timeline: everything that happened (or is due) in the journal, in date order.

Besides the records themselves (a conversation, a promise made, its due date, an offer
received, its deadline, an ask's target), every recorded change is an event:

- `promise-form`: the form changed ("recap sent", "confirmed in writing"), or a recap
  was sent again (a `recap` history entry);
- `promise-moved`: the due date changed, from and to;
- `promise-resolved`: the first time a pending promise was kept, partly kept, broken or
  withdrawn; `promise-status`: every other change of status (honored -> withdrawn, back
  to pending, ...);
- `offer-changed`: an offer's tracked fields changed (role, pay, deadline, in writing,
  status), all the changes of one day in one event.

Changes of one kind on one record on one day are one event, so an event is named by
(kind, record id, date). An offer shows the form (and the role) it had on each date:
received verbally and put in writing later reads "verbal" on the day it was received.

Each event names the people it concerns (`people`): a conversation's people, whoever
made a promise, an offer's company and the people of the conversation it was made in;
`timeline(..., person=NAME)` keeps one person's events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .flags import RECAP_CHANGE
from .records import Change, Offer, Promise
from .show import stored_day_text

if TYPE_CHECKING:
    from .journal import Journal

EVENT_KINDS = (
    "conversation",
    "promise-made",
    "promise-form",
    "promise-moved",
    "promise-resolved",
    "promise-status",
    "promise-due",
    "offer",
    "offer-changed",
    "offer-deadline",
    "ask-target",
    "decision",
    "win",
)
"""Every kind of timeline event, in the order events of one day are listed."""

OFFER_FIELDS = {
    "role": "role",
    "base": "base",
    "bonus": "bonus",
    "sign_on": "sign-on",
    "equity_value": "equity value",
    "benefits": "benefits",
    "deadline": "deadline",
    "written": "in writing",
    "status": "status",
}
"""The offer fields whose changes the timeline shows, and their names in words."""
_MONEY = ("base", "bonus", "sign_on", "equity_value", "benefits")


class Event(NamedTuple):
    """One dated thing on the timeline, pointing at the record it comes from.

    A named tuple: a ten-year journal has some 75,000 events, built in one go.
    """

    date: dt.date
    kind: str
    id: str
    text: str
    people: tuple[str, ...] = ()

    @property
    def person(self) -> str:
        """The people it concerns, in one line ('Maya Chen, Robert Osei')."""
        return ", ".join(self.people)

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: {date, kind, id, text, people}."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "id": self.id,
            "text": self.text,
            "people": list(self.people),
        }


def _by_day(changes: list[Change]) -> Iterable[tuple[dt.date, list[Change]]]:
    """The changes grouped by day, first day first (most lists hold one change)."""
    if len(changes) == 1:
        return ((changes[0].on, changes),)
    out: dict[dt.date, list[Change]] = {}
    for change in changes:
        out.setdefault(change.on, []).append(change)
    return out.items()


def _form_words(change: Change) -> str:
    if change.field == RECAP_CHANGE:
        return "recap sent again"
    if change.new == "recap-sent":
        return "recap sent"
    if change.new == "written":
        return "confirmed in writing"
    if change.new == "official":
        return "made official"
    return f"form {change.old or '—'} → {change.new or '—'}"


def promise_events(p: Promise) -> list[Event]:
    """The events of one promise: made, every recorded change, resolved, due."""
    who = (p.by,)
    pid, text = p.id, p.text
    out = [Event(p.made_on, "promise-made", pid, f"{p.by} promised: {text}", who)]
    forms: list[Change] = []
    moves: list[Change] = []
    statuses: list[Change] = []
    for change in p.history:
        field = change.field
        if field == "status":
            statuses.append(change)
        elif field == "due":
            moves.append(change)
        elif field == "form" or field == RECAP_CHANGE:
            forms.append(change)
    if forms:
        for day, changes in _by_day(forms):
            words = ", then ".join(_form_words(c) for c in changes)
            out.append(Event(day, "promise-form", pid, f"{words}: {text}", who))
    if moves:
        for day, changes in _by_day(moves):
            days = [changes[0].old, *(c.new for c in changes)]
            steps = " → ".join(stored_day_text(d) for d in days)
            out.append(Event(day, "promise-moved", pid, f"due date moved {steps}: {text}", who))
    first = next((c for c in statuses if c.old == "pending" and c.new != "pending"), None)
    if first is not None:
        out.append(Event(first.on, "promise-resolved", pid, f"{first.new}: {text}", who))
    elif not statuses and p.status != "pending" and p.status_on:
        out.append(Event(p.status_on, "promise-resolved", pid, f"{p.status}: {text}", who))
    later = [c for c in statuses if c is not first]
    if later:
        for day, changes in _by_day(later):
            steps = " → ".join([changes[0].old or "—", *(c.new or "—" for c in changes)])
            out.append(Event(day, "promise-status", pid, f"status {steps}: {text}", who))
    if p.due:
        out.append(Event(p.due, "promise-due", pid, f"due ({p.status}): {text}", who))
    return out


def _as_of(offer: Offer, field: str, day: dt.date) -> str | None:
    """The history's text of `field` on `day`: the old value of the first change of it
    made on or after that day (a change on the day it was received came after), or None
    when it has not changed since (then it is what it is now)."""
    for change in offer.history:
        if change.field == field and change.on >= day:
            return change.old if change.old is not None else ""
    return None


def written_on(offer: Offer, day: dt.date) -> bool:
    """Whether `offer` was in writing on `day`, by its history."""
    then = _as_of(offer, "written", day)
    return offer.written if then is None else then == "true"


def role_on(offer: Offer, day: dt.date) -> str:
    """The role (title) `offer` named on `day`, by its history."""
    then = _as_of(offer, "role", day)
    return offer.role if then is None else then


def _offer_value(field: str, text: str | None) -> str:
    if text is None or text == "":
        return "none"
    if field in _MONEY and text.isdigit():
        return f"{int(text):,}"
    if field == "written":
        return "yes" if text == "true" else "no"
    return text


def _offer_change(change: Change) -> str:
    name = OFFER_FIELDS[change.field]
    if change.field == "written":
        return "put in writing" if change.new == "true" else "no longer in writing"
    old, new = _offer_value(change.field, change.old), _offer_value(change.field, change.new)
    return f"{name} {old} → {new}"


def offer_events(o: Offer, people: tuple[str, ...]) -> Iterator[Event]:
    """The events of one offer: received (in the form it had then), every recorded change
    of its tracked fields, its deadline."""
    what = "counteroffer" if o.counter else "offer"
    who = (o.company, *(p for p in people if p != o.company))
    if o.received:
        form = "written" if written_on(o, o.received) else "verbal"
        text = f"{form} {what}: {o.company}, {role_on(o, o.received)}"
        yield Event(o.received, "offer", o.id, text, who)
    tracked = [c for c in o.history if c.field in OFFER_FIELDS]
    for day, changes in _by_day(tracked):
        words = "; ".join(_offer_change(c) for c in changes)
        yield Event(day, "offer-changed", o.id, f"{o.company} {what}: {words}", who)
    if o.deadline:
        text = f"decide on {o.company} ({o.status})"
        yield Event(o.deadline, "offer-deadline", o.id, text, who)


def timeline(
    journal: Journal,
    start: dt.date | None = None,
    end: dt.date | None = None,
    person: str | None = None,
) -> list[Event]:
    """Every event between `start` and `end` (inclusive, either open), oldest first;
    with `person`, only the events that concern them (a name as `Event.people` has it,
    case ignored)."""
    events: list[Event] = []
    for c in journal.conversations.values():
        who = ", ".join(c.people)
        events.append(
            Event(c.on, "conversation", c.id, f"{c.channel} with {who}: {c.summary}", c.people)
        )
    for p in journal.promises.values():
        events.extend(promise_events(p))
    conversations = journal.conversations
    for o in journal.offers.values():
        linked = conversations.get(o.conversation or "")
        events.extend(offer_events(o, linked.people if linked else ()))
    for a in journal.asks.values():
        if a.target:
            events.append(Event(a.target, "ask-target", a.id, f"target for ask: {a.text}"))
    events.extend(_decisions(journal))
    events.extend(_wins(journal))
    if start is not None or end is not None:
        low, high = start or dt.date.min, end or dt.date.max
        events = [e for e in events if low <= e.date <= high]
    if person is not None:
        wanted = person.casefold()
        events = [e for e in events if any(n.casefold() == wanted for n in e.people)]
    rank = {k: i for i, k in enumerate(EVENT_KINDS)}
    events.sort(key=lambda e: (e.date, rank[e.kind], len(e.id), e.id))
    return events


def _decisions(journal: Journal) -> list[Event]:
    """An offer accepted or declined, with the reason (issue 15)."""
    events = []
    for d in journal.records("decision").values():
        offer = journal.offers.get(d.offer)
        company = offer.company if offer else d.offer
        what = "counteroffer" if offer is not None and offer.counter else "offer"
        why = f": {d.why}" if d.why else ""
        linked = journal.conversations.get(offer.conversation or "") if offer else None
        text = f"{d.choice} {what}: {company}{why}"
        events.append(Event(d.on, "decision", d.id, text, linked.people if linked else ()))
    return events


def _wins(journal: Journal) -> list[Event]:
    """The user's wins, on the day each was achieved."""
    out = []
    for w in journal.records("win").values():
        impact = f" ({w.impact})" if w.impact else ""
        out.append(Event(w.on, "win", w.id, f"win: {w.text}{impact}"))
    return out
