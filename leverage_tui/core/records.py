"""The records a journal keeps: people, conversations, promises, asks and offers.

Each record is a plain dataclass with `to_doc` / `from_doc` for its JSON form (dates as
ISO strings, absent values as None). Validation of user input lives in `journal.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

FORMS = ("verbal", "recap-sent", "written", "official")
"""How firm a promise is, weakest first."""
UNWRITTEN_FORMS = ("verbal", "recap-sent")
"""Forms that are still only someone's words."""
STATUSES = ("pending", "honored", "partly", "broken", "withdrawn")
"""Where a promise stands; every status but pending is resolved."""
RESOLVED = ("honored", "partly", "broken", "withdrawn")
"""Statuses that count towards the honor rate."""
CATEGORIES = ("pay", "title", "responsibility", "leadership", "growth", "flexibility", "other")
"""What a promise is about."""
CHANNELS = ("meeting", "one-on-one", "call", "email", "chat", "other")
"""How a conversation took place."""
ROLES = ("manager", "skip-level", "hr", "recruiter", "peer", "other")
"""Who a person is to the user."""
PRIORITIES = ("high", "medium", "low")
"""How much an ask matters."""
ASK_STATUSES = ("open", "granted", "partly", "refused", "dropped")
"""Where an ask stands."""
OFFER_STATUSES = ("open", "accepted", "declined", "expired")
"""Where an offer stands."""

Doc = dict[str, Any]


_date = dt.date.fromisoformat


def iso(d: dt.date | None) -> str | None:
    """A date as an ISO string, or None."""
    return d.isoformat() if d is not None else None


def from_iso(s: Any) -> dt.date | None:
    """An ISO date string (or None) back to a date."""
    return _date(s) if s else None


@dataclass(slots=True)
class Person:
    """Someone the user talks to: the boss, HR, a recruiter."""

    id: str
    name: str
    role: str = "other"
    notes: str = ""

    def to_doc(self) -> Doc:
        """The JSON form of this person."""
        return {"name": self.name, "role": self.role, "notes": self.notes}

    @classmethod
    def from_doc(cls, id: str, doc: Doc) -> Person:
        """A person from its JSON form."""
        return cls(id, doc["name"], doc.get("role", "other"), doc.get("notes", ""))


@dataclass(slots=True)
class Conversation:
    """A meeting, call, email or chat with one or more people."""

    id: str
    on: dt.date
    people: list[str]
    summary: str
    at: dt.time | None = None
    channel: str = "meeting"
    notes: str = ""
    tags: list[str] = field(default_factory=list)

    def to_doc(self) -> Doc:
        """The JSON form of this conversation."""
        return {
            "on": self.on.isoformat(),
            "at": self.at.strftime("%H:%M") if self.at else None,
            "with": list(self.people),
            "channel": self.channel,
            "summary": self.summary,
            "notes": self.notes,
            "tags": list(self.tags),
        }

    @classmethod
    def from_doc(cls, id: str, doc: Doc) -> Conversation:
        """A conversation from its JSON form."""
        get = doc.get
        at = get("at")
        return cls(
            id,
            _date(doc["on"]),
            list(get("with", ())),
            get("summary", ""),
            dt.time.fromisoformat(at) if at else None,
            get("channel", "meeting"),
            get("notes", ""),
            list(get("tags", ())),
        )


@dataclass(slots=True)
class Change:
    """One change to a promise's form, due date or status."""

    field: str
    old: str | None
    new: str | None
    on: dt.date

    def to_doc(self) -> Doc:
        """The JSON form of this change."""
        return {"field": self.field, "old": self.old, "new": self.new, "on": self.on.isoformat()}

    @classmethod
    def from_doc(cls, doc: Doc) -> Change:
        """A change from its JSON form."""
        return cls(doc["field"], doc.get("old"), doc.get("new"), _date(doc["on"]))


@dataclass(slots=True)
class Promise:
    """Something someone said they would do for the user."""

    id: str
    text: str
    by: str
    made_on: dt.date
    form: str = "verbal"
    evidence: str = ""
    due: dt.date | None = None
    category: str = "other"
    status: str = "pending"
    status_on: dt.date | None = None
    conversation: str | None = None
    history: list[Change] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        """True while the promise is neither kept nor broken."""
        return self.status == "pending"

    def to_doc(self) -> Doc:
        """The JSON form of this promise."""
        return {
            "text": self.text,
            "by": self.by,
            "made_on": self.made_on.isoformat(),
            "form": self.form,
            "evidence": self.evidence,
            "due": iso(self.due),
            "category": self.category,
            "status": self.status,
            "status_on": iso(self.status_on),
            "conversation": self.conversation,
            "history": [c.to_doc() for c in self.history],
        }

    @classmethod
    def from_doc(cls, id: str, doc: Doc) -> Promise:
        """A promise from its JSON form."""
        get = doc.get
        due = get("due")
        status_on = get("status_on")
        change = Change
        return cls(
            id,
            doc["text"],
            doc["by"],
            _date(doc["made_on"]),
            get("form", "verbal"),
            get("evidence", ""),
            _date(due) if due else None,
            get("category", "other"),
            get("status", "pending"),
            _date(status_on) if status_on else None,
            get("conversation"),
            [
                change(c["field"], c.get("old"), c.get("new"), _date(c["on"]))
                for c in get("history", ())
            ],
        )


@dataclass(slots=True)
class Ask:
    """What the user wants, in measurable terms."""

    id: str
    text: str
    measure: str = ""
    target: dt.date | None = None
    priority: str = "medium"
    status: str = "open"
    promises: list[str] = field(default_factory=list)

    def to_doc(self) -> Doc:
        """The JSON form of this ask."""
        return {
            "text": self.text,
            "measure": self.measure,
            "target": iso(self.target),
            "priority": self.priority,
            "status": self.status,
            "promises": list(self.promises),
        }

    @classmethod
    def from_doc(cls, id: str, doc: Doc) -> Ask:
        """An ask from its JSON form."""
        return cls(
            id=id,
            text=doc["text"],
            measure=doc.get("measure", ""),
            target=from_iso(doc.get("target")),
            priority=doc.get("priority", "medium"),
            status=doc.get("status", "open"),
            promises=list(doc.get("promises", [])),
        )


@dataclass(slots=True)
class Offer:
    """An outside offer, or a counteroffer from the current employer."""

    id: str
    company: str
    role: str
    base: int | None = None
    bonus: int | None = None
    equity: str = ""
    terms: str = ""
    received: dt.date | None = None
    deadline: dt.date | None = None
    written: bool = False
    counter: bool = False
    status: str = "open"

    def to_doc(self) -> Doc:
        """The JSON form of this offer."""
        return {
            "company": self.company,
            "role": self.role,
            "base": self.base,
            "bonus": self.bonus,
            "equity": self.equity,
            "terms": self.terms,
            "received": iso(self.received),
            "deadline": iso(self.deadline),
            "written": self.written,
            "counter": self.counter,
            "status": self.status,
        }

    @classmethod
    def from_doc(cls, id: str, doc: Doc) -> Offer:
        """An offer from its JSON form."""
        return cls(
            id=id,
            company=doc["company"],
            role=doc.get("role", ""),
            base=doc.get("base"),
            bonus=doc.get("bonus"),
            equity=doc.get("equity", ""),
            terms=doc.get("terms", ""),
            received=from_iso(doc.get("received")),
            deadline=from_iso(doc.get("deadline")),
            written=bool(doc.get("written", False)),
            counter=bool(doc.get("counter", False)),
            status=doc.get("status", "open"),
        )


Record = Person | Conversation | Promise | Ask | Offer
"""Any record a journal keeps."""

KINDS: dict[str, tuple[str, type[Any]]] = {
    "person": ("people", Person),
    "conversation": ("conversations", Conversation),
    "promise": ("promises", Promise),
    "ask": ("asks", Ask),
    "offer": ("offers", Offer),
}
"""Record kind -> (TinyDB table name, record class)."""

PREFIX = {"person": "u", "conversation": "c", "promise": "p", "ask": "a", "offer": "o"}
"""The letter that starts the id of each kind of record (c12 is conversation 12)."""
KIND_OF_PREFIX = {v: k for k, v in PREFIX.items()}
"""The record kind an id letter stands for."""
