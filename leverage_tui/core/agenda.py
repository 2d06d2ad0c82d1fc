"""Today's agenda, as plain data: what the Today screen shows, computed once, here.

`agenda(journal, today)` gives, each list most urgent first and cut to `limit` rows with
its full count kept:

- **due**: pending promises and open asks that are overdue or due within `soon_days`
  (overdue first, then by date);
- **ask again**: pending promises whose recap has gone unconfirmed for at least
  `wait_days` (the `unconfirmed` flag), the longest waiting first;
- **unwritten**: the other pending promises still only in words (verbal, or recap-sent
  too recently to ask again), the oldest first, with the days since they were made;
- **offers**: open offers by deadline, with the days left and whether the deadline is
  within `flags.DEADLINE_DAYS` or past (the `deadline` flag's rule);
- **recent**: the latest conversations, newest first, with how many promises each holds.

No Textual here: the screen only draws what this returns.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from .flags import DEADLINE_DAYS, RECAP_WAIT_DAYS, recap_sent, unanswered
from .records import UNWRITTEN_FORMS, Conversation, Offer, Promise

if TYPE_CHECKING:
    from .journal import Journal

SOON_DAYS = 7
"""How far ahead 'due soon' looks."""
SHOWN = 10
"""How many rows each list keeps at most (the most urgent); `total` keeps the count."""
RECENT = 3
"""How many of the latest conversations are listed."""

T = TypeVar("T")


@dataclass(frozen=True)
class Section(Generic[T]):
    """One list of the agenda: its first rows, most urgent first, and how many in all."""

    items: tuple[T, ...]
    total: int

    @property
    def hidden(self) -> int:
        """How many rows were cut (the "… and N more" line)."""
        return self.total - len(self.items)


@dataclass(frozen=True)
class Due:
    """A promise or an ask due by the horizon (or overdue)."""

    date: dt.date
    kind: Literal["promise", "ask"]
    id: str
    text: str
    by: str
    """Who made the promise ('' for the user's own ask)."""
    overdue: bool


@dataclass(frozen=True)
class Waiting:
    """A promise still only in words, and since when it has waited."""

    promise: Promise
    since: dt.date
    """The day it was made (unwritten) or its recap was last sent (ask again)."""
    days: int
    """Days from `since` to today."""


@dataclass(frozen=True)
class Countdown:
    """An open offer and the days left before its deadline."""

    offer: Offer
    days_left: int | None
    """Negative when the deadline has passed; None without a deadline."""
    urgent: bool
    """The deadline is within DEADLINE_DAYS or past (as the `deadline` flag says)."""


@dataclass(frozen=True)
class Recent:
    """One of the latest conversations and how many promises were made in it."""

    conversation: Conversation
    promises: int


@dataclass(frozen=True)
class Agenda:
    """Everything Today shows (see the module docstring)."""

    today: dt.date
    horizon: dt.date
    """The last day 'due soon' looks at."""
    wait_days: int
    due: Section[Due]
    ask_again: Section[Waiting]
    unwritten: Section[Waiting]
    offers: Section[Countdown]
    recent: tuple[Recent, ...]


def _section(items: list[T], limit: int) -> Section[T]:
    return Section(tuple(items[:limit]), len(items))


def _number(rid: str) -> int:
    return int(rid[1:]) if rid[1:].isdigit() else 0


def due_section(journal: Journal, today: dt.date, horizon: dt.date, limit: int) -> Section[Due]:
    """Pending promises and open asks due by `horizon`, the earliest (most overdue) first."""
    found: list[tuple[dt.date, int, Due]] = []
    for p in journal.promises.values():
        if p.pending and p.due is not None and p.due <= horizon:
            found.append(
                (p.due, len(found), Due(p.due, "promise", p.id, p.text, p.by, p.due < today))
            )
    for a in journal.asks.values():
        if a.status == "open" and a.target is not None and a.target <= horizon:
            found.append(
                (a.target, len(found), Due(a.target, "ask", a.id, a.text, "", a.target < today))
            )
    found.sort(key=lambda item: (item[0], item[1]))
    return _section([item for _, _, item in found], limit)


def waiting_sections(
    journal: Journal, today: dt.date, wait_days: int, limit: int
) -> tuple[Section[Waiting], Section[Waiting]]:
    """(ask again, unwritten): unanswered recaps, longest waiting first; the other
    pending promises still only in words, oldest first."""
    again: list[Waiting] = []
    words: list[Waiting] = []
    for p in journal.promises.values():
        if not p.pending or p.form not in UNWRITTEN_FORMS:
            continue
        if unanswered(p, today, wait_days):
            sent = recap_sent(p)
            again.append(Waiting(p, sent, (today - sent).days))
        else:
            words.append(Waiting(p, p.made_on, (today - p.made_on).days))
    again.sort(key=lambda w: (w.since, _number(w.promise.id)))
    words.sort(key=lambda w: (w.since, _number(w.promise.id)))
    return _section(again, limit), _section(words, limit)


def offer_section(journal: Journal, today: dt.date, limit: int) -> Section[Countdown]:
    """Open offers, the nearest deadline first (those without one last)."""
    offers = sorted(
        (o for o in journal.offers.values() if o.status == "open"),
        key=lambda o: (o.deadline or dt.date.max, _number(o.id)),
    )
    rows = []
    for o in offers:
        left = (o.deadline - today).days if o.deadline is not None else None
        rows.append(Countdown(o, left, left is not None and left <= DEADLINE_DAYS))
    return _section(rows, limit)


_on = attrgetter("on")


def recent_conversations(journal: Journal, count: int = RECENT) -> tuple[Recent, ...]:
    """The latest `count` conversations, newest first (the newest id first on one day)."""
    # two quick passes over a ten-year log: the dates, then the few on or after the cut
    kept = heapq.nlargest(count, map(_on, journal.conversations.values()))
    latest = sorted(
        (c for c in journal.conversations.values() if kept and c.on >= kept[-1]),
        key=lambda c: (c.on, _number(c.id)),
        reverse=True,
    )[:count]
    return tuple(Recent(c, len(journal.promises_of(c.id))) for c in latest)


def agenda(
    journal: Journal,
    today: dt.date | None = None,
    *,
    wait_days: int = RECAP_WAIT_DAYS,
    soon_days: int = SOON_DAYS,
    limit: int = SHOWN,
    recent: int = RECENT,
) -> Agenda:
    """Today's agenda for `journal` (see the module docstring); `today` defaults to the
    journal's, `wait_days` is config `recap_wait_days`."""
    day = today or journal.today
    horizon = day + dt.timedelta(days=soon_days)
    again, words = waiting_sections(journal, day, wait_days, limit)
    return Agenda(
        today=day,
        horizon=horizon,
        wait_days=wait_days,
        due=due_section(journal, day, horizon, limit),
        ask_again=again,
        unwritten=words,
        offers=offer_section(journal, day, limit),
        recent=recent_conversations(journal, recent),
    )
