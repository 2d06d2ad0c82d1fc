"""The two offer messages, built from the recap's parts: `offer_in_writing` asks for an
offer (usually the counteroffer) in writing, `more_time` asks the company for more days
before its deadline.

`offers_discussed` and `people_for_offer` connect offers and conversations: by the link
an offer keeps (`Offer.conversation`), else by the day it was received.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .brief_md import long_date
from .checks import InputError
from .flags import DEFAULT_HEDGES
from .recap import MORE_TIME_DAYS, Message, greeting, offer_lines, short_names, sign_off
from .records import Offer

if TYPE_CHECKING:
    from .journal import Journal

CLOSED = ("declined", "expired")
"""Offer statuses with nothing left to ask for."""


def offer_in_writing(
    offer: Offer,
    user_name: str,
    today: dt.date,
    *,
    to: Sequence[str] = (),
    hedges: Sequence[str] = DEFAULT_HEDGES,
    not_hedges: Sequence[str] = (),
) -> Message:
    """Ask for `offer` in writing: what was said (role, figures, terms) and what the letter
    should also say (missing figures, effective or start date, how it is announced).

    Written to the people `to` (first names); InputError when the offer is already in
    writing, declined or expired.
    """
    if offer.written:
        raise InputError(f"offer {offer.id} is already in writing: nothing to ask for")
    if offer.status in CLOSED:
        raise InputError(f"offer {offer.id} is {offer.status}: nothing to ask for")
    what = "the counteroffer" if offer.counter else f"the offer from {offer.company}"
    subject = (
        "Putting the counteroffer in writing"
        if offer.counter
        else (f"Putting the {offer.company} offer in writing")
    )
    figures = (("base pay", offer.base), ("bonus", offer.bonus))
    also = [f"- the {name}" for name, value in figures if value is None]
    also.append("- any other figures or terms (equity, sign-on, the date of the next pay review)")
    if offer.counter:
        also += ["- the date it takes effect", "- how and when it will be announced to the team"]
    else:
        also.append("- the start date")
    body = [
        greeting(to, short_names(to)),
        "",
        f"Thank you for {what}. So that I can consider it properly, could you send it to me "
        "in writing? An updated offer letter or an email is fine.",
        "",
        "As I understood it:",
        "",
        *offer_lines(offer, today, hedges, deadline=False, not_hedges=not_hedges),
        "",
        "It would help if it also included:",
        "",
        *also,
    ]
    if offer.deadline is not None and offer.deadline >= today:
        when = long_date(offer.deadline, weekday=True)
        body += [
            "",
            f"I'd like to give you my answer by {when}, so having it in writing "
            "before then would help.",
        ]
    body += ["", *sign_off("Thanks", user_name)]
    return Message(subject=subject, body="\n".join(body) + "\n")


def default_new_date(deadline: dt.date, today: dt.date) -> dt.date:
    """`MORE_TIME_DAYS` after the deadline (or after today, if it has passed), moved to
    the Monday after when it falls on a weekend."""
    new = max(deadline, today) + dt.timedelta(days=MORE_TIME_DAYS)
    return new + dt.timedelta(days=(7 - new.weekday()) % 7 if new.weekday() >= 5 else 0)


def more_time(
    offer: Offer,
    user_name: str,
    today: dt.date,
    new_date: dt.date | None = None,
    *,
    to: Sequence[str] = (),
) -> Message:
    """Ask, politely, for more days to decide on `offer`: names its current deadline and
    proposes `new_date` (default: `default_new_date`).

    InputError when the offer has no deadline or is no longer open, or when the new date
    is not after both the deadline and today.
    """
    deadline = offer.deadline
    if offer.status != "open":
        raise InputError(f"offer {offer.id} is {offer.status}: no deadline to move")
    if deadline is None:
        raise InputError(
            f"offer {offer.id} has no decision deadline: record it first "
            f"(leverage update offer {offer.id} --deadline DATE)"
        )
    new = new_date or default_new_date(deadline, today)
    if new <= deadline or new <= today:
        latest = long_date(max(deadline, today), weekday=True)
        raise InputError(f"the new date must be after {latest}")
    old_day, new_day = long_date(deadline, weekday=True), long_date(new, weekday=True)
    what = "the counteroffer" if offer.counter else "the offer"
    role = f" for the {offer.role} role" if offer.role else ""
    if deadline >= today:
        request = f"Would it be possible to have until {new_day} to decide, instead of {old_day}?"
    else:
        request = (
            f"I know the date we had set, {old_day}, has passed. Would it be possible to "
            f"have until {new_day} to decide?"
        )
    body = [
        greeting(to, short_names(to)),
        "",
        f"Thank you again for {what}{role}; I appreciate it.",
        "",
        "I want to give it the careful thought it deserves, and give you an answer I will "
        f"stand by. {request}",
        "",
        "If that date doesn't work for you, could you let me know what would?",
        "",
        "Thank you for your understanding.",
        "",
        *sign_off("Best", user_name),
    ]
    subject = f"More time to decide on {what}{role}"
    return Message(subject=subject, body="\n".join(body) + "\n")


# -- which offers a conversation's recap lists, and to whom an offer message goes -------


def _outside(journal: Journal, name: str, company: str) -> bool:
    """True when `name` speaks for another company than `company`: a recruiter, or
    someone whose recorded employer is another."""
    person = journal.person_named(name)
    if person is None:
        return False
    employer = person.employer.strip().casefold()
    return person.role == "recruiter" or bool(employer and employer != company.casefold())


def _for(journal: Journal, offer: Offer, people: Sequence[str]) -> bool:
    """Whether a recap to `people` may list `offer` and ask for it in writing.

    A counteroffer only when nobody there speaks for another company; an outside offer
    only when someone there does (a recruiter, or someone who works for it): a recap to
    the boss never lists an outside offer's figures, nor one to a recruiter the
    counteroffer's.
    """
    if offer.counter:
        return not any(_outside(journal, name, offer.company) for name in people)
    company = offer.company.casefold()
    return any(
        (person := journal.person_named(name)) is not None
        and (person.role == "recruiter" or person.employer.strip().casefold() == company)
        for name in people
    )


def offers_discussed(journal: Journal, conversation_id: str) -> list[Offer]:
    """The offers a recap of the conversation lists: those linked to it
    (`Offer.conversation`) and, for offers linked to no conversation, those received on
    its day; either way only when its people could put the offer in writing (`_for`)."""
    conv = journal.conversation(conversation_id)
    return [
        o
        for o in journal.offers.values()
        if (o.conversation == conv.id or (o.conversation is None and o.received == conv.on))
        and _for(journal, o, conv.people)
    ]


def people_for_offer(journal: Journal, offer: Offer) -> list[str]:
    """Who to write to about `offer`: the people of the conversation it is linked to
    (or, with no link, of the conversations on the day it was received) whose recap
    would list it (`offers_discussed`)."""
    if offer.conversation is not None:
        linked = journal.conversations.get(offer.conversation)
        convs = [linked] if linked is not None else []
    else:
        convs = [c for c in journal.conversations.values() if c.on == offer.received]
    people: list[str] = []
    for conv in convs:
        if _for(journal, offer, conv.people):
            people += [p for p in conv.people if p not in people]
    return people
