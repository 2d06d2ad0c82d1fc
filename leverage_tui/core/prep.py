"""Before a meeting with one person: what they owe you, what waits on them, what to raise.

`prepare(journal, who)` gathers the brief for one person (`Prep`):

- their pending promises, overdue ones first, then those not in writing, each with its
  flags and the days it has waited since it was made;
- the recaps sent to them and not confirmed in writing (asked again after `wait_days`);
- the last three conversations with them, one line each;
- the user's open asks to raise, by priority, each with the wins that support it;
- the wins since the last conversation with them (all of them if there was none);
- questions to ask, built from the flags (`questions_for`);
- their track record in one line, with its counts (track.py: "too few to tell" under
  five resolved promises).

prep_words.py says it in words: the terminal, a page to print, the screen and JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .asks import split_measure
from .brief_md import long_date
from .checks import InputError
from .flags import Flag, flags_for_ask, flags_for_promise, moved_later
from .hedges import find_hedges, question_for
from .recap import RECAP_WAIT_DAYS, recap_sent_on
from .records import PRIORITIES, Ask, Conversation, Person, Promise, Win
from .track import Tally
from .visible import visible
from .wins import all_wins, supporting_wins

if TYPE_CHECKING:
    from .journal import Journal

_SETTLED = re.compile(r"\b(?:announc\w*|contract|letter|signed|in writing|payslip|payroll)\b")
"""A measure that names an announcement, or a document that settles the ask."""
LAST_CONVERSATIONS = 3
"""How many of the latest conversations with the person the brief lists."""
_FIRST = {"overdue": 0, "unwritten": 1}


@dataclass(frozen=True)
class OwedPromise:
    """A pending promise of the person, with its flags and the days since it was made."""

    promise: Promise
    flags: tuple[Flag, ...]
    waited: int


@dataclass(frozen=True)
class AwaitedRecap:
    """Promises of one conversation recapped on one day and not confirmed in writing."""

    conversation: Conversation | None
    sent_on: dt.date
    days: int
    ask_again: bool
    promises: tuple[Promise, ...]


@dataclass(frozen=True)
class AskToRaise:
    """An open ask of the user, with its flags and the wins that support it."""

    ask: Ask
    flags: tuple[Flag, ...]
    wins: tuple[Win, ...]


@dataclass(frozen=True)
class Question:
    """A question to ask, and the record (promise or ask) it is about."""

    about: str
    question: str


@dataclass(frozen=True)
class Prep:
    """Everything the brief for one person holds (see the module docstring)."""

    person: Person
    today: dt.date
    open_promises: tuple[OwedPromise, ...]
    awaiting: tuple[AwaitedRecap, ...]
    last_conversations: tuple[tuple[Conversation, int], ...]
    asks: tuple[AskToRaise, ...]
    wins: tuple[Win, ...]
    questions: tuple[Question, ...]
    track: Tally | None
    since: dt.date | None = None
    """The day of the last conversation with them (None: never talked)."""


def find_person(journal: Journal, who: str) -> Person:
    """The person `who` names: an id (u3), a full name, or the start of one person's name
    (case ignored); InputError naming the people known otherwise."""
    wanted = " ".join(who.split()).casefold()
    people = list(journal.people.values())
    for person in people:
        if wanted in (person.id, person.name.casefold()):
            return person
    starts = [p for p in people if wanted and p.name.casefold().startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    shown = visible(" ".join(who.split())[:40])
    if len(starts) > 1:
        names = " or ".join(p.name for p in starts[:4])
        raise InputError(f"{shown!r} could be {names}: write more of the name")
    known = ", ".join(p.name for p in people[:8]) or "nobody yet"
    raise InputError(f"no person named {shown!r} (known: {known})")


def prepare(
    journal: Journal,
    who: str,
    *,
    today: dt.date | None = None,
    hedges: Sequence[str] = (),
    not_hedges: Sequence[str] = (),
    wait_days: int = RECAP_WAIT_DAYS,
) -> Prep:
    """The brief before a meeting with `who` (see `find_person`; InputError if unknown)."""
    person = find_person(journal, who)
    day = today or journal.today
    name = person.name
    owed = []
    for p in journal.promises.values():
        if p.by == name and p.pending:
            flags = tuple(flags_for_promise(p, day, hedges, not_hedges, wait_days))
            owed.append(OwedPromise(p, flags, max(0, (day - p.made_on).days)))
    owed.sort(key=_urgency)
    talks = sorted(
        (c for c in journal.conversations.values() if name in c.people),
        key=lambda c: (c.on, c.at or "", int(c.id[1:])),
        reverse=True,
    )[:LAST_CONVERSATIONS]
    rank = {p: i for i, p in enumerate(PRIORITIES)}
    open_asks = sorted(
        (a for a in journal.asks.values() if a.status == "open"),
        key=lambda a: (rank[a.priority], a.target or dt.date.max, int(a.id[1:])),
    )
    asks = tuple(
        AskToRaise(
            a,
            tuple(flags_for_ask(a, day, hedges, not_hedges)),
            tuple(supporting_wins(journal, a.id)),
        )
        for a in open_asks
    )
    since = talks[0].on if talks else None
    wins = tuple(w for w in all_wins(journal) if w.on <= day and (since is None or w.on > since))
    promises = tuple(o.promise for o in owed)
    return Prep(
        person=person,
        today=day,
        open_promises=tuple(owed),
        awaiting=_awaiting(journal, promises, day, wait_days),
        last_conversations=tuple((c, len(journal.promises_of(c.id))) for c in talks),
        asks=asks,
        wins=wins,
        questions=questions_for(owed, [a.ask for a in asks], hedges, not_hedges),
        track=journal.track_record(day).by_person.get(name),
        since=since,
    )


def _urgency(o: OwedPromise) -> tuple[int, dt.date, int]:
    """Overdue first, then unwritten, then the rest; the longest waiting first."""
    first = min((_FIRST.get(f.flag, 2) for f in o.flags), default=2)
    return (first, o.promise.made_on, int(o.promise.id[1:]))


def _awaiting(
    journal: Journal, promises: Sequence[Promise], today: dt.date, wait_days: int
) -> tuple[AwaitedRecap, ...]:
    """The recap-sent promises, grouped by conversation and the day the recap went."""
    groups: dict[tuple[str, dt.date], list[Promise]] = {}
    for p in promises:
        if p.form == "recap-sent":
            sent = recap_sent_on(p) or p.made_on
            groups.setdefault((p.conversation or "", sent), []).append(p)
    out = []
    for (cid, sent), chosen in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0])):
        days = max(0, (today - sent).days)
        conv = journal.conversations.get(cid)
        out.append(AwaitedRecap(conv, sent, days, days >= wait_days, tuple(chosen)))
    return tuple(out)


def questions_for(
    owed: Sequence[OwedPromise],
    asks: Sequence[Ask],
    hedges: Sequence[str] = (),
    not_hedges: Sequence[str] = (),
) -> tuple[Question, ...]:
    """The questions the flags call for, promise by promise, then for the asks."""
    out: list[Question] = []
    for o in owed:
        p = o.promise
        names = {f.flag for f in o.flags}
        if "overdue" in names and p.due is not None:
            out.append(
                Question(
                    p.id,
                    f"It was due {long_date(p.due)}: where does it stand, and what is "
                    "the new date?",
                )
            )
        if "moving-target" in names:
            moves = len(moved_later(p))
            out.append(
                Question(p.id, f"The date has moved {moves} times: what would make this one hold?")
            )
        if "no-date" in names:
            out.append(Question(p.id, "By when?"))
        if "unwritten" in names:
            ask = (
                "Could you put that in an email?"
                if p.form == "verbal"
                else "Could you confirm my recap in writing?"
            )
            out.append(Question(p.id, ask))
        if "vague" in names:
            found = find_hedges(p.text, hedges, not_hedges)
            why = f'You said "{found[0].words}". ' + question_for(found[0]) if found else ""
            out.append(Question(p.id, why or "What would need to be true, and when will we know?"))
    for a in asks:
        if not a.measure.strip():
            out.append(Question(a.id, "What would need to be true, and when will we know?"))
        elif not (split_measure(a.measure)[1] or _SETTLED.search(a.measure.casefold())):
            out.append(Question(a.id, "Who will announce it, and where?"))
    return tuple(out)
