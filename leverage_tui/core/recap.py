"""Recap messages: a ready-to-send note that asks the other side to confirm, in writing,
what they agreed to in a conversation.

`recap_promises` picks the promises a recap covers; `recap_text` writes the message;
`recap_for` does both and says plainly when there is nothing to recap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .brief_md import long_date
from .checks import InputError
from .records import Conversation, Promise

if TYPE_CHECKING:
    from .journal import Journal

NO_DATE = "(no date yet — when can I expect it?)"
"""What the recap says after a promise that has no due date."""

CHANNEL_WORDS = {"call": "our call", "email": "our emails", "chat": "our chat"}
"""How the recap names a conversation of each channel (others: 'our conversation')."""


def recap_promises(journal: Journal, conversation_id: str) -> list[Promise]:
    """The pending promises of a conversation that a recap should cover.

    The verbal ones; when there are none, those whose recap was sent but never
    confirmed (so the recap can be sent again). InputError for an unknown conversation.
    """
    conv = journal.conversation(conversation_id)
    pending = [p for p in journal.promises_of(conv.id) if p.pending]
    verbal = [p for p in pending if p.form == "verbal"]
    return verbal or [p for p in pending if p.form == "recap-sent"]


def first_name(name: str) -> str:
    """The first word of a name ('Maya Chen' -> 'Maya')."""
    return name.split()[0] if name.split() else name


def as_clause(text: str) -> str:
    """A promise's text to follow 'agreed to': a capital that only starts the sentence
    is lowered ('Announce me' -> 'announce me'; 'Q1 planning' and "I'll" stay)."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    starts_sentence = first[:1].isupper() and (first[1:2].islower() or len(first) == 1)
    if starts_sentence and first != "I" and not first.startswith(("I'", "I’")):
        return text[:1].lower() + text[1:]
    return text


SECOND_PERSON = {"you": "I", "you'll": "I'll", "you're": "I'm", "your": "my"}
"""Words that start a promise written to the user, and how the user says them back."""


def agreed(who: str, text: str) -> str:
    """What `who` agreed to, in the user's words.

    'you agreed to announce me…'; 'you agreed that I will lead…' for "You will lead…";
    'you said "I'll try…"' for the other side's own words in the first person.
    """
    text = text.strip().rstrip(".")
    first, _, rest = text.partition(" ")
    word = first.casefold().replace("’", "'")
    if word in ("i", "we") or word.startswith(("i'", "we'")):
        return f'{who} said "{text}"'
    if word in SECOND_PERSON:
        return f"{who} agreed that {SECOND_PERSON[word]} {rest}".rstrip()
    return f"{who} agreed to {as_clause(text)}"


def _names(people: Sequence[str]) -> str:
    firsts = [first_name(p) for p in people]
    if len(firsts) <= 1:
        return "".join(firsts)
    return ", ".join(firsts[:-1]) + " and " + firsts[-1]


def recap_text(conversation: Conversation, promises: Sequence[Promise]) -> str:
    """The recap message for `promises` made in `conversation`.

    Who agreed to what, by when ('you' when the conversation was with one person),
    and a request to confirm by reply.
    """
    alone = len(conversation.people) == 1
    where = CHANNEL_WORDS.get(conversation.channel, "our conversation")
    lines = [
        f"Hi {_names(conversation.people)},",
        "",
        f"To make sure I understood {where} on {long_date(conversation.on)}:",
        "",
    ]
    for p in promises:
        who = "you" if alone and p.by in conversation.people else first_name(p.by)
        when = f", by {long_date(p.due, weekday=True)}" if p.due else f" {NO_DATE}"
        lines.append(f"- {agreed(who, p.text)}{when}")
    lines += [
        "",
        "Could you confirm by reply? If I got anything wrong, please correct me.",
        "",
        "Thanks",
    ]
    return "\n".join(lines) + "\n"


def recap_for(journal: Journal, conversation_id: str) -> tuple[list[Promise], str]:
    """The promises a recap of the conversation covers and its text (InputError if none)."""
    promises = recap_promises(journal, conversation_id)
    conv = journal.conversation(conversation_id)
    if not promises:
        raise InputError(
            f"conversation {conv.id} has no pending promise that is only verbal: nothing to recap"
        )
    return promises, recap_text(conv, promises)
