"""Who people work for, where the record makes it obvious.

A person's `employer` is set (never overwritten) from an offer and the conversation it
was made or discussed in: the people in a counteroffer's conversation work for the
counteroffer's company (the user's employer), except a recruiter; the people in an
outside offer's conversation work for that company, except the user's own manager,
skip-level or peers (they may hear about the offer, they do not make it). The journal
applies this when an offer or a conversation is added or changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace

from .conflicts import OWN_ROLES
from .records import Conversation, Offer, Person, Record

if TYPE_CHECKING:
    from .journal_core import JournalCore


def _fits(person: Person, offer: Offer) -> bool:
    """True when `person`, in `offer`'s conversation, obviously works for its company."""
    if person.employer.strip():
        return False
    if offer.counter:
        return person.role != "recruiter"
    return person.role not in OWN_ROLES


def employers_from(journal: JournalCore, record: Record) -> list[Person]:
    """The people whose employer `record` (an offer, or a conversation an offer links to)
    makes obvious and who have none yet, with it set (records to store)."""
    if isinstance(record, Offer):
        offers = [record] if record.conversation else []
    elif isinstance(record, Conversation):
        offers = [o for o in journal.offers.values() if o.conversation == record.id]
    else:
        return []
    found: dict[str, Person] = {}
    for offer in offers:
        conv = journal.conversations.get(offer.conversation or "")
        if conv is None or not offer.company.strip():
            continue
        for name in conv.people:
            person = journal.person_named(name)
            if person is not None and person.id not in found and _fits(person, offer):
                found[person.id] = replace(person, employer=offer.company)
    return list(found.values())
