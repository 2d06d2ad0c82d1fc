"""After a meeting: everything captured in one go, saved as one undoable change.

The Capture screen gathers a `Capture`: who was there and when, a summary, each promise
in the words it was said (by whom, by when, in what form, about what), which of the
user's asks came up (answered by one of those promises, or only raised), and the offer
discussed, if any (one already in the journal, or a new one made there). `capture`
checks all of it first, by the same rules as typed input (InputError naming the part
that is wrong; nothing changed), then adds the conversation, its promises and the
offer, links the asks, and saves it as one change: one undo takes all of it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from .checks import InputError, check_record
from .records import Ask, Conversation, Offer, Promise
from .registry import KINDS

if TYPE_CHECKING:
    import datetime as dt

    from .journal import Journal

RAISED = "I raised my ask: {text} ({id})"
"""The line a conversation's notes get for an ask raised with no promise in answer."""


@dataclass(frozen=True)
class PromiseSaid:
    """One promise as it was said in the meeting."""

    text: str
    by: str
    due: dt.date | None = None
    form: str = "verbal"
    evidence: str = ""
    category: str = "other"


@dataclass(frozen=True)
class OfferMade:
    """An offer or counteroffer made in the meeting (amounts as typed: 135000, 135k)."""

    company: str
    role: str
    counter: bool = True
    base: int | str | None = None
    bonus: int | str | None = None
    deadline: dt.date | None = None
    written: bool = False
    terms: str = ""


@dataclass(frozen=True)
class Capture:
    """A meeting as captured: the conversation, its promises, the asks and the offer.

    `answered` maps an ask's id to the promises (their places in `promises`, from 0)
    that answer it; `raised` lists asks that came up with no promise in answer.
    `offer_discussed` is the id of an offer already in the journal; `new_offer` one made
    in the meeting (at most one of the two).
    """

    people: tuple[str, ...]
    summary: str
    on: dt.date | None = None
    at: str | None = None
    channel: str = "meeting"
    notes: str = ""
    tags: tuple[str, ...] = ()
    promises: tuple[PromiseSaid, ...] = ()
    answered: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    raised: tuple[str, ...] = ()
    offer_discussed: str | None = None
    new_offer: OfferMade | None = None


@dataclass(frozen=True)
class Captured:
    """What a capture saved: the conversation, its promises, the asks linked, the offer."""

    conversation: Conversation
    promises: tuple[Promise, ...]
    asks: tuple[Ask, ...]
    offer: Offer | None


def _checked(journal: Journal, kind: str, where: str, values: dict[str, Any]) -> dict[str, Any]:
    """The fields of a new record, checked; InputError saying which part is wrong."""
    try:
        return journal._fields_to_add(KINDS[kind], values)
    except InputError as err:
        raise InputError(f"{where}: {err}" if where else str(err)) from None


def _notes(journal: Journal, c: Capture) -> str:
    """The notes as typed, then a line for each ask raised with no promise in answer."""
    lines = [c.notes.rstrip()] if c.notes.strip() else []
    for aid in c.raised:
        ask = journal.asks.get(aid)
        if ask is not None and aid not in c.answered:
            lines.append(RAISED.format(text=" ".join(ask.text.split()), id=aid))
    return "\n".join(lines)


def capture(journal: Journal, c: Capture) -> Captured:
    """Save a captured meeting as one undoable change (see the module docstring)."""
    if not any(name.strip() for name in c.people):
        raise InputError("who was there? name at least one person")
    conv_fields = _checked(
        journal,
        "conversation",
        "",
        {"people": tuple(c.people), "summary": c.summary, "on": c.on, "at": c.at,
         "channel": c.channel, "notes": _notes(journal, c), "tags": tuple(c.tags)},
    )  # fmt: skip
    on = conv_fields["on"]
    promise_fields = [
        _checked(
            journal,
            "promise",
            f"promise {n}",
            {
                "text": p.text,
                "by": p.by,
                "made_on": on,
                "due": p.due,
                "form": p.form,
                "evidence": p.evidence,
                "category": p.category,
            },
        )  # fmt: skip
        for n, p in enumerate(c.promises, 1)
    ]
    for aid, places in c.answered.items():
        bad = [n for n in places if not 0 <= n < len(c.promises)]
        if bad:
            raise InputError(f"ask {aid}: there is no promise {bad[0] + 1} in this meeting")
    if c.offer_discussed and c.new_offer:
        raise InputError("an offer discussed, or a new one: not both")
    offer_fields = None
    if c.new_offer is not None:
        o = c.new_offer
        offer_fields = _checked(
            journal,
            "offer",
            "the offer",
            {"company": o.company, "role": o.role, "counter": o.counter, "base": o.base,
             "bonus": o.bonus, "deadline": o.deadline, "written": o.written,
             "terms": o.terms, "received": on},
        )  # fmt: skip
    label = f"capture of {KINDS['conversation'].label(KINDS['conversation'].new(**conv_fields))}"

    def body() -> Captured:
        conv = journal._insert(KINDS["conversation"], conv_fields)
        promises = [
            journal._insert(KINDS["promise"], {**fields, "conversation": conv.id})
            for fields in promise_fields
        ]
        asks = [_link_ask(journal, aid, [promises[n].id for n in places])
                for aid, places in c.answered.items() if places]  # fmt: skip
        for aid in c.raised:
            journal.get(aid, "ask")  # InputError when it is not there
        offer = None
        if offer_fields is not None:
            offer = journal._insert(KINDS["offer"], {**offer_fields, "conversation": conv.id})
        elif c.offer_discussed:
            current = journal.get(c.offer_discussed, "offer")
            offer = journal._put(
                check_record(KINDS["offer"], replace(current, conversation=conv.id))
            )
        return Captured(
            conversation=conv,  # type: ignore[arg-type]
            promises=tuple(promises),  # type: ignore[arg-type]
            asks=tuple(asks),
            offer=offer,  # type: ignore[arg-type]
        )

    return journal._change(label, body)


def _link_ask(journal: Journal, aid: str, promise_ids: list[str]) -> Ask:
    """Ask `aid` with the promises that answer it added (inside a change)."""
    current: Ask = journal.get(aid, "ask")  # type: ignore[assignment]
    linked = tuple(dict.fromkeys([*current.promises, *promise_ids]))
    updated = check_record(KINDS["ask"], replace(current, promises=linked))
    return journal._put(updated)  # type: ignore[return-value]
