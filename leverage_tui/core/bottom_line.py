"""The bottom line of the decision brief, and what accepting a counteroffer risks.

`bottom_line` says, in one to five plain sentences a person reads in ten seconds: the
first deadline conflict, what there is to decide and by when, what is still not in
writing, a floor not met, and how the people involved have kept their word (with
counts; "too few to tell" where so). Every sentence is made from the record alone.

`risk_questions` are the questions to answer before accepting a counteroffer: the
mechanisms that make one risky, as questions, with facts from the journal where it has
them. No statistic from outside the journal: the often quoted share of people who leave
within months of accepting has no traceable source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .checklist import days
from .conflicts import Conflict
from .day_words import long_date
from .floors import FloorCheck, possessive
from .plural import counted, plural
from .records import UNWRITTEN_FORMS, Offer, Promise
from .track import TrackRecord, tally_words

MAX_SENTENCES = 5
"""The bottom line is at most this many sentences."""
NAMED = 3
"""How many offers or people a sentence names before "and N more"."""


def _offer_name(o: Offer) -> str:
    return f"the counteroffer from {o.company}" if o.counter else f"{possessive(o.company)} offer"


def _by_when(o: Offer, today: dt.date) -> str:
    if o.deadline is None:
        return "(no decide-by date)"
    left = (o.deadline - today).days
    when = long_date(o.deadline, weekday=True)
    if o.deadline.year == today.year:
        when = when.rsplit(" ", 1)[0]  # 'Wednesday 25 November'
    if left < 0:
        return f"by {when} (passed {days(-left)} ago)"
    return f"by {when} ({'today' if left == 0 else 'in ' + days(left)})"


def of(part: int, whole: int, noun: str) -> str:
    """'2 of 7 pending promises', 'all 7 pending promises', 'the 1 pending promise'."""
    if part == whole:
        return f"the {counted(whole, noun)}" if whole == 1 else f"all {counted(whole, noun)}"
    return f"{part:,} of {counted(whole, noun)}"


def _more(n: int, noun: str) -> str:
    return f" and {n:,} more {plural(noun, n)}" if n > 0 else ""


def decide_sentence(open_offers: Sequence[Offer], today: dt.date, decided: str = "") -> str:
    """What there is to decide, and by when; with no offer open, what was decided
    (`decided`: the latest decision in words), if anything."""
    if not open_offers:
        if decided:
            return f"Decided: you {decided}; no offer is open."
        return "No offer is open, so there is nothing to decide yet."
    ordered = sorted(open_offers, key=lambda o: (o.deadline or dt.date.max, len(o.id), o.id))
    if len(ordered) == 1:
        o = ordered[0]
        form = "in writing" if o.written else "not in writing"
        if o.deadline is None:
            return f"Decide on {_offer_name(o)} ({form}); no decide-by date is set."
        return f"Decide on {_offer_name(o)} ({form}) {_by_when(o, today)}."
    named = [f"{_offer_name(o)} {_by_when(o, today)}" for o in ordered[:NAMED]]
    rest = _more(len(ordered) - NAMED, "offer")
    listed = ", ".join(named[:-1]) + f" and {named[-1]}" if not rest else ", ".join(named) + rest
    return f"Decide on {counted(len(ordered), 'offer')}: {listed}."


def writing_sentence(open_offers: Sequence[Offer], promises: Sequence[Promise]) -> str | None:
    """What is still not in writing (None when nothing is open or pending)."""
    pending = [p for p in promises if p.pending]
    if not pending and not open_offers:
        return None
    verbal_offers = [o for o in open_offers if not o.written]
    unwritten = sum(p.form in UNWRITTEN_FORMS for p in pending)
    if not verbal_offers and not unwritten:
        return "Everything open is in writing."
    parts = [_offer_name(o) for o in verbal_offers[:NAMED]]
    if len(verbal_offers) > NAMED:
        parts[-1] += _more(len(verbal_offers) - NAMED, "offer")
    if unwritten:
        parts.append(of(unwritten, len(pending), "pending promise"))
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"Not in writing yet: {listed}."


def conflict_sentence(conflicts: Sequence[Conflict]) -> str | None:
    """The first deadline conflict, and how many more there are."""
    if not conflicts:
        return None
    text = conflicts[0].text
    more = len(conflicts) - 1
    if more:
        text = text.rstrip(".") + f" ({counted(more, 'more deadline conflict')} below)."
    return text


def floor_sentence(checks: Sequence[FloorCheck], open_offers: Sequence[Offer]) -> str | None:
    """A floor not met, the counteroffer's first; else what can't be told; else that
    every open offer meets every floor (None without floors or open offers)."""
    if not checks or not open_offers:
        return None
    counters_first = sorted(open_offers, key=lambda o: (not o.counter, len(o.id), o.id))
    misses = [(c, o) for o in counters_first for c in checks if c.met_by.get(o.id) is False]
    if misses:
        check, offer = misses[0]
        text = check.sentences[offer.id]
        more = len(misses) - 1
        return text.rstrip(".") + (f" ({counted(more, 'more floor')} not met)." if more else ".")
    unsure = [(c, o) for o in counters_first for c in checks if c.met_by.get(o.id) is None]
    if unsure:
        check, offer = unsure[0]
        return check.sentences[offer.id]
    return "Every open offer meets your floors."


def word_sentence(record: TrackRecord, people: Sequence[str]) -> str | None:
    """How the people involved have kept their word, with counts."""
    known = [name for name in people if name in record.by_person]
    if not known:
        return None
    shown = [f"{name}, {tally_words(record.by_person[name])}" for name in known[:NAMED]]
    rest = _more(len(known) - NAMED, "person")
    return f"How they have kept their word: {'; '.join(shown)}{rest}."


def bottom_line(
    today: dt.date,
    open_offers: Sequence[Offer],
    promises: Sequence[Promise],
    conflicts: Sequence[Conflict],
    floors: Sequence[FloorCheck],
    record: TrackRecord,
    people: Sequence[str],
    decided: str = "",
) -> list[str]:
    """One to five sentences: the first conflict, what to decide by when (or what was
    decided), what is not in writing, a floor not met, and the word of the people
    involved (`people`)."""
    sentences = [
        conflict_sentence(conflicts),
        decide_sentence(open_offers, today, decided),
        writing_sentence(open_offers, promises),
        floor_sentence(floors, open_offers),
        word_sentence(record, people),
    ]
    return [s for s in sentences if s][:MAX_SENTENCES]


# -- what accepting a counteroffer risks -------------------------------------------------


def risk_questions(
    counters: Sequence[Offer],
    outside: Sequence[Offer],
    counter_promises: Sequence[Promise],
    asks_not_firm: int,
    asks_open: int,
) -> list[str]:
    """The questions to answer before accepting a counteroffer (none when no counteroffer
    is open), each with the mechanism behind it and the record's facts where it has them."""
    if not counters:
        return []
    other = _offer_name(outside[0]) if outside else "the outside offer"
    company = outside[0].company if outside else "the outside company"
    pending = [p for p in counter_promises if p.pending]
    verbal = sum(p.form in UNWRITTEN_FORMS for p in pending)
    undated = sum(p.due is None for p in pending)
    promises_fact = (
        f" Of the {counted(len(pending), 'pending promise')} around the counteroffer, "
        f"{verbal:,} {'is' if verbal == 1 else 'are'} not in writing and {undated:,} "
        f"{'has' if undated == 1 else 'have'} no date."
        if pending
        else ""
    )
    asks_fact = (
        f" Asks not yet granted or in writing: {asks_not_firm:,} of {asks_open:,}."
        if asks_open
        else " You have not written down what you want: do that first."
    )
    return [
        f"Would you take {other} if this counteroffer did not exist? If so, the "
        "counteroffer is a price for staying, not an answer to why you looked.",
        "Are the reasons you started looking fixed, and is each fix in writing? A raise "
        "can be given in a day; a manager, a role or a team changes only when someone "
        "commits to it, with a date." + asks_fact,
        "Is this money your next raise paid early? Ask when your next pay review is, and "
        "whether this raise counts towards it.",
        "Who now knows you were looking, and what does that change? People who know may "
        "count you as likely to leave when the next promotion, project or round of cuts "
        "is decided.",
        "What happens to the promises after you say yes? Once you have accepted, the "
        "urgency to keep them is gone." + promises_fact,
        "Why did it take an outside offer? If this raise or title was possible now, ask "
        "why it was not offered before, and what will make the next one happen.",
        f"If staying does not work out, can you go back to {company}? Declining an offer "
        "usually closes that door; ask yourself whether you would start looking again.",
    ]


def involved_people(
    counters: Sequence[Offer],
    counter_promises: Sequence[Promise],
    conversation_people: dict[str, tuple[str, ...]],
    employer_people: Sequence[str],
) -> list[str]:
    """The people whose word the decision rests on: those in an open counteroffer's
    conversation and those who made its promises; else the people at the employer."""
    names: list[str] = []
    for c in counters:
        names += conversation_people.get(c.conversation or "", ())
    names += [p.by for p in counter_promises]
    names = list(dict.fromkeys(names))
    return names or list(employer_people)
