"""The checklist of the decision brief: what to answer before accepting a counteroffer,
each question answered from the record where it can be."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .flags import DEADLINE_DAYS, walked_back
from .plural import are, counted
from .records import UNWRITTEN_FORMS, Offer, Promise
from .show import day_text
from .track import TrackRecord, confirmed_words, is_late, made_verbally, tally_words

if TYPE_CHECKING:
    from .review import AskCoverage

GOOD_RATE = 0.8
"""A verbal honor rate at or above this (on enough resolved promises, with none
overdue) is a record worth trusting."""
EXAMPLES = 5
"""How many items an answer names before "and N more" (a ten-year journal has hundreds)."""


@dataclass(frozen=True)
class Check:
    """One question of the checklist, answered from the record (ok None: can't tell)."""

    question: str
    answer: str
    ok: bool | None

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: {question, answer, ok}."""
        return {"question": self.question, "answer": self.answer, "ok": self.ok}


def days(n: int) -> str:
    """A count of days in words: '1 day', '3 days'."""
    return counted(n, "day")


def short(text: str, limit: int = 48) -> str:
    """`text` cut to `limit` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def some(items: Sequence[str], sep: str = ", ") -> str:
    """The first EXAMPLES items joined, then "and N more" for the rest."""
    shown = sep.join(items[:EXAMPLES])
    rest = len(items) - EXAMPLES
    return shown + (f"{sep}and {rest:,} more" if rest > 0 else "")


FIRM = ("granted", "in writing")
"""The coverages that fix an ask: granted, or promised in writing."""


def active_asks(asks: Sequence[AskCoverage]) -> list[AskCoverage]:
    """The asks that still say why you looked: all but the dropped ones (a refused ask
    is one that was not fixed)."""
    return [a for a in asks if a.coverage != "dropped"]


def check_fixes_why(asks: Sequence[AskCoverage]) -> Check:
    """Does it fix why you started looking? From how firmly each ask is covered."""
    question = "Does it fix why you started looking?"
    active = active_asks(asks)
    if not active:
        return Check(question, "Can't tell: no asks recorded. Write down what you want.", None)
    firm = [a for a in active if a.coverage in FIRM]
    verbal = [a for a in active if a.coverage == "verbal only"]
    missing = [a for a in active if a.coverage not in (*FIRM, "verbal only")]
    if not verbal and not missing:
        return Check(
            question,
            (
                f"Yes: all {counted(len(active), 'ask')} {are(len(active))} granted or in writing."
                if len(active) > 1
                else "Yes: the one ask is granted or in writing."
            ),
            True,
        )
    granted = f"{counted(len(active), 'ask')} {are(len(firm))} granted or in writing"
    parts = [f"Not yet: {len(firm):,} of {granted}"]
    if verbal:
        parts.append("only verbal: " + some([f'"{short(a.ask.text, 40)}"' for a in verbal]))
    if missing:
        parts.append("not covered: " + some([f'"{short(a.ask.text, 40)}"' for a in missing]))
    return Check(question, "; ".join(parts) + ".", False)


def check_in_writing(promises: Iterable[Promise], offers: Iterable[Offer]) -> Check:
    """Is every item in writing? Pending promises and open offers."""
    question = "Is every item in writing?"
    pending = [p for p in promises if p.pending]
    open_offers = [o for o in offers if o.status == "open"]
    if not pending and not open_offers:
        return Check(question, "Nothing is pending and no offer is open.", None)
    unwritten = [p for p in pending if p.form in UNWRITTEN_FORMS]
    verbal_offers = [o for o in open_offers if not o.written]
    if not unwritten and not verbal_offers:
        return Check(question, "Yes: every pending promise and open offer is in writing.", True)
    parts = []
    if unwritten:
        n = len(unwritten)
        verb = "is" if n == 1 else "are"
        parts.append(f"{n:,} of {len(pending):,} pending promises {verb} not in writing")
    for o in verbal_offers:
        parts.append(f"the {'counteroffer' if o.counter else 'offer'} from {o.company} is verbal")
    return Check(question, "No: " + "; ".join(parts) + ".", False)


def check_verbal_record(track: TrackRecord, promises: Iterable[Promise], today: dt.date) -> Check:
    """How were past verbal promises kept? The promises made verbally (whatever their form
    now) with their count, the overdue ones named, and the written ones beside them; no
    verdict on too few resolved (core/track.py says what each word means)."""
    question = "How were past verbal promises kept?"
    v, w = track.verbal, track.written
    overdue = sorted(
        (p for p in promises if is_late(p, today) and made_verbally(p)),
        key=lambda p: (p.due or today, p.id),
    )
    parts = [f"Made verbally: {tally_words(v)}"]
    if overdue:
        named = [f'"{short(p.text, 40)}" ({p.by}, due {day_text(p.due)})' for p in overdue if p.due]
        parts.append("Overdue: " + some(named, "; "))
    confirmed = confirmed_words(track)
    if confirmed:
        parts.append(confirmed)
    parts.append(f"Made in writing: {tally_words(w)}")
    rate = v.honor_rate
    ok = None if v.too_few or rate is None else rate >= GOOD_RATE and not v.late
    return Check(question, ". ".join(parts) + ".", ok)


def check_deadline(offers: Iterable[Offer], today: dt.date) -> Check:
    """How long until the outside deadline? The nearest open outside offer's deadline."""
    question = "How long until the outside deadline?"
    dated = [o for o in offers if o.status == "open" and not o.counter and o.deadline]
    if not dated:
        return Check(question, "No open outside offer has a decision deadline.", None)
    o = min(dated, key=lambda x: (x.deadline, x.id))
    assert o.deadline is not None
    left = (o.deadline - today).days
    if left < 0:
        passed = f"Passed {days(-left)} ago ({o.company}, {day_text(o.deadline)})."
        return Check(question, passed, False)
    when = "Today" if left == 0 else days(left)
    answer = f"{when}: {o.company} wants an answer by {day_text(o.deadline)}."
    return Check(question, answer, left > DEADLINE_DAYS)


def check_walked_back(promises: Iterable[Promise]) -> Check:
    """Were responsibilities given and then taken back? From walked-back promises."""
    question = "Were things given and then taken back?"
    back = [(p, walked_back(p)) for p in promises]
    found = [(p, b) for p, b in back if b is not None]
    if not found:
        return Check(question, "No: nothing kept has been taken back.", True)
    found.sort(key=lambda pb: pb[1][1], reverse=True)  # the latest first
    items = [f'"{short(p.text, 40)}" ({p.by}, {p.status} on {day_text(b[1])})' for p, b in found]
    return Check(question, f"Yes, {len(found):,}: " + some(items, "; ") + ".", False)
