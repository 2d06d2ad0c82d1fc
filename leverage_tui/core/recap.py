"""Recap messages: what the user sends after a conversation to get its promises in writing.

Every message says only what is true. Each promise appears verbatim, in quotes, after the
name of the person who made it (never reworded, never re-cased); a hedge becomes a
question, never an agreement; a promise with no date asks for one; a date already past is
named as missed. A conversation more than `FOLLOW_UP_DAYS` old gets a follow-up; a recap
left unconfirmed for `wait_days` is asked again.

`recap_for` is the entry point of the CLI and the TUI; `write_recap` is the same message
from plain records. `offer_in_writing` and `more_time` write the two offer messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .brief_md import WEEKDAY_NAMES, long_date
from .checks import InputError
from .flags import DEFAULT_HEDGES, find_hedge, recap_sent, unanswered
from .flags import RECAP_WAIT_DAYS as RECAP_WAIT_DAYS  # its callers import it from here
from .flags import recap_sent_on as recap_sent_on
from .records import Conversation, Offer, Promise
from .review import money

if TYPE_CHECKING:
    from .journal import Journal

RecapKind = Literal["recap", "follow-up", "ask-again"]
"""A recap soon after the conversation, a follow-up on an old one, or asking again."""

FOLLOW_UP_DAYS = 7
"""A conversation more than this many days before today gets a follow-up, not a recap."""
MORE_TIME_DAYS = 7
"""How many days after the current deadline `more_time` proposes by default."""

NEXT_STEP = (
    "Could you confirm by reply, or correct anything I got wrong? If it helps, I'm happy "
    "to put it in a short doc we both keep."
)
"""The next step every recap proposes."""

CHANNEL_NOUNS = {
    "meeting": "meeting",
    "one-on-one": "one-on-one",
    "call": "call",
    "email": "email exchange",
    "chat": "chat",
}
"""How a recap names a conversation of each channel (any other: 'conversation')."""


@dataclass(frozen=True)
class Message:
    """A ready-to-send message: its subject line and its body."""

    subject: str
    body: str

    @property
    def text(self) -> str:
        """The whole message: a 'Subject: ...' line, a blank line, then the body."""
        return f"Subject: {self.subject}\n\n{self.body}"


@dataclass(frozen=True)
class Recap(Message):
    """The recap of one conversation, with the ids of the records it covers."""

    promises: tuple[str, ...]
    kind: RecapKind
    offers: tuple[str, ...] = ()


# -- which promises a recap covers ------------------------------------------------------


def split_promises(
    promises: Iterable[Promise], today: dt.date, wait_days: int = RECAP_WAIT_DAYS
) -> tuple[list[Promise], list[Promise], list[Promise]]:
    """The pending promises that are (verbal, unanswered, waiting).

    Verbal ones need a recap; unanswered ones have been recap-sent for at least
    `wait_days` days without a written confirmation (ask again); waiting ones were
    recap-sent more recently (too soon to ask again). Written and resolved ones: none.
    """
    verbal: list[Promise] = []
    late: list[Promise] = []
    waiting: list[Promise] = []
    for p in promises:
        if not p.pending:
            continue
        if p.form == "verbal":
            verbal.append(p)
        elif p.form == "recap-sent":
            (late if unanswered(p, today, wait_days) else waiting).append(p)
    return verbal, late, waiting


def recap_promises(
    journal: Journal,
    conversation_id: str,
    today: dt.date | None = None,
    wait_days: int = RECAP_WAIT_DAYS,
) -> list[Promise]:
    """The promises a recap of the conversation covers: its verbal ones, then those whose
    recap has gone unconfirmed for `wait_days`. InputError for an unknown conversation."""
    conv = journal.conversation(conversation_id)
    verbal, unanswered, _ = split_promises(
        journal.promises_of(conv.id), today or journal.today, wait_days
    )
    return verbal + unanswered


# -- words -------------------------------------------------------------------------------


def first_name(name: str) -> str:
    """The first word of a name ('Maya Chen' -> 'Maya')."""
    return name.split()[0] if name.split() else name


def short_names(names: Iterable[str]) -> dict[str, str]:
    """Each name as its first name, unless two of the names share it (then in full)."""
    unique = list(dict.fromkeys(names))
    firsts = [first_name(n) for n in unique]
    return {n: f if firsts.count(f) == 1 else n for n, f in zip(unique, firsts, strict=True)}


def _and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def greeting(people: Sequence[str], short: dict[str, str]) -> str:
    """'Hi Maya and Robert,' (the names as in `short`), or 'Hello,' when nobody is named."""
    names = _and([short.get(p, first_name(p)) for p in dict.fromkeys(people)])
    return f"Hi {names}," if names else "Hello,"


def sign_off(word: str, user_name: str) -> list[str]:
    """The closing lines: 'Best,' then the user's name (when they gave one)."""
    return [f"{word},", user_name.strip()] if user_name.strip() else [f"{word},"]


def _noun(conversation: Conversation) -> str:
    return CHANNEL_NOUNS.get(conversation.channel, "conversation")


def _when(on: dt.date, today: dt.date) -> str:
    """'today', 'yesterday', 'on Thursday' (within the week) or 'on 9 October 2026'."""
    days = (today - on).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 2 <= days <= 6:
        return f"on {WEEKDAY_NAMES[on.weekday()]}"
    return f"on {long_date(on)}"


def _hedged(text: str, hedges: Sequence[str], not_hedges: Sequence[str] = ()) -> bool:
    return find_hedge(text, hedges, not_hedges) is not None


def promise_line(
    p: Promise, who: str, today: dt.date, hedges: Sequence[str], not_hedges: Sequence[str] = ()
) -> str:
    """One promise: `who`, the text exactly as said in quotes, then its date or a question.

    A hedge asks what needs to be true; no date asks for one; a date already past is
    named as missed; a date ahead is stated.
    """
    said = f'- {who}: "{p.text}"'
    hedged = _hedged(p.text, hedges, not_hedges)
    condition = ", and what needs to be true?" if hedged else "?"
    if p.due is None:
        return f"{said} — could we agree a date{condition}"
    when = long_date(p.due, weekday=True)
    if p.due < today:
        return (
            f"{said}, was due {when} — as far as I know it hasn't happened yet; "
            f"could we agree a new date{condition}"
        )
    if hedged:
        return f"{said}, by {when} — could we make this firm, and what needs to be true by then?"
    return f"{said}, by {when}"


def offer_lines(
    offer: Offer,
    today: dt.date,
    hedges: Sequence[str],
    *,
    deadline: bool = True,
    not_hedges: Sequence[str] = (),
) -> list[str]:
    """The offer's role, figures, terms and (unless `deadline` is False) its decision
    deadline, one per line; a hedge in the words asks what needs to be true."""
    lines = []
    for label, value, words in (
        ("Role", offer.role, True),
        ("Base pay", money(offer.base) if offer.base is not None else "", False),
        ("Bonus", money(offer.bonus) if offer.bonus is not None else "", False),
        ("Equity", offer.equity, True),
        ("Terms", " ".join(offer.terms.split()), True),
    ):
        if not value:
            continue
        ask = " — could we put a date on this, and what needs to be true?"
        lines.append(
            f"- {label}: {value}{ask if words and _hedged(value, hedges, not_hedges) else ''}"
        )
    if deadline and offer.deadline is not None:
        passed = offer.deadline < today
        label = "Answer was due" if passed else "Answer by"
        lines.append(f"- {label}: {long_date(offer.deadline, weekday=True)}")
    return lines


def _offer_section(
    offer: Offer, today: dt.date, hedges: Sequence[str], not_hedges: Sequence[str]
) -> list[str]:
    if offer.counter:
        head = "The counteroffer, as I understood it:"
        ask = (
            "I'd be grateful to have the counteroffer in writing (an updated offer letter or "
            "an email is fine), with the date it takes effect and how it will be announced."
        )
    else:
        head = f"The offer from {offer.company}, as I understood it:"
        ask = (
            "I'd be grateful to have the offer in writing (an offer letter or an email is "
            "fine), with the start date."
        )
    return ["", head, "", *offer_lines(offer, today, hedges, not_hedges=not_hedges), "", ask]


# -- the recap ---------------------------------------------------------------------------


def _sent_dates(promises: Sequence[Promise]) -> str:
    known = sorted({d for p in promises if (d := recap_sent_on(p)) is not None})
    return "earlier" if not known else "on " + _and([long_date(d) for d in known])


def write_recap(
    conversation: Conversation,
    promises: Sequence[Promise],
    *,
    today: dt.date,
    hedges: Sequence[str] = DEFAULT_HEDGES,
    user_name: str = "",
    offers: Sequence[Offer] = (),
    wait_days: int = RECAP_WAIT_DAYS,
    not_hedges: Sequence[str] = (),
) -> Recap:
    """The recap of `conversation`, given its promises and the offers made or discussed in it.

    Covers the verbal promises, those whose recap has gone unconfirmed for `wait_days`,
    and the offers not yet in writing. `hedges` add to the default hedges, `not_hedges`
    take defaults away. InputError when there is nothing to recap.
    """
    verbal, unanswered, waiting = split_promises(promises, today, wait_days)
    unwritten = [o for o in offers if not o.written]
    cid = conversation.id
    if not (verbal or unanswered or unwritten):
        if waiting:
            ids = ", ".join(p.id for p in waiting)
            again = long_date(min(recap_sent(p) for p in waiting) + dt.timedelta(days=wait_days))
            raise InputError(
                f"conversation {cid}: the recap of {ids} is recent; if it is not "
                f"confirmed in writing, ask again from {again}"
            )
        raise InputError(
            f"conversation {cid} has no pending promise that is only verbal: nothing to recap"
        )
    old = (today - conversation.on).days > FOLLOW_UP_DAYS
    kind: RecapKind = "ask-again" if not (verbal or unwritten) else "follow-up" if old else "recap"
    noun, on = _noun(conversation), long_date(conversation.on)
    short = short_names([*conversation.people, *(p.by for p in [*verbal, *unanswered])])

    def lines_of(chosen: Sequence[Promise]) -> list[str]:
        return [promise_line(p, short.get(p.by, p.by), today, hedges, not_hedges) for p in chosen]

    if kind == "ask-again":
        subject = f"Following up on my recap of our {noun} on {on}"
        body = [
            f"Thanks again for our {noun} on {on}. I sent a short recap of it "
            f"{_sent_dates(unanswered)}, and as far as I can see it hasn't been confirmed "
            "yet, so here it is again:",
            "",
            *lines_of(unanswered),
        ]
    else:
        if kind == "follow-up":
            subject = f"Following up on our {noun} on {on}"
            thanks = f"Thanks again for making the time for our {noun} on {on}."
            intro = "I'm following up so that we're working from the same notes; here is what"
        else:
            subject = f"Recap of our {noun} on {on}"
            thanks = f"Thanks for the {noun} {_when(conversation.on, today)}."
            intro = "So that we're working from the same notes, here is what"
        body = [f"{thanks} {intro} I wrote down:", "", *lines_of(verbal)] if verbal else [thanks]
        if unanswered:
            also = "And from" if verbal else "From"
            body += [
                "",
                f"{also} the recap I sent {_sent_dates(unanswered)}, which as far as I can "
                "see hasn't been confirmed yet:",
                "",
                *lines_of(unanswered),
            ]
        for offer in unwritten:
            body += _offer_section(offer, today, hedges, not_hedges)
    body = [greeting(conversation.people, short), "", *body, "", NEXT_STEP, ""]
    body += sign_off("Best", user_name)
    return Recap(
        subject=subject,
        body="\n".join(body) + "\n",
        promises=tuple(p.id for p in [*verbal, *unanswered]),
        kind=kind,
        offers=tuple(o.id for o in unwritten),
    )


def recap_for(
    journal: Journal,
    conversation_id: str,
    *,
    today: dt.date | None = None,
    hedges: Sequence[str] = DEFAULT_HEDGES,
    user_name: str = "",
    offers: Sequence[Offer] = (),
    wait_days: int = RECAP_WAIT_DAYS,
    not_hedges: Sequence[str] = (),
) -> Recap:
    """The recap of a conversation of the journal (see `write_recap`); InputError for an
    unknown conversation or when there is nothing to recap."""
    conv = journal.conversation(conversation_id)
    return write_recap(
        conv,
        journal.promises_of(conv.id),
        today=today or journal.today,
        hedges=hedges,
        user_name=user_name,
        offers=offers,
        wait_days=wait_days,
        not_hedges=not_hedges,
    )
