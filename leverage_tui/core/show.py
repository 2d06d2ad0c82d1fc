"""How the app shows records and days to the user on screen.

`names(journal, ids)` names records in words ("'Quarterly 1:1', 'Send the numbers' and
2 more"), for messages: ids are for the command line, where a user types them.
`day_text(day)` is the one way a screen shows a day ("5 Oct 2026"); ISO dates
(2026-10-05) are only for JSON, exports and the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .dates import MONTH_NAMES
from .records import Offer
from .registry import kind_of_id

if TYPE_CHECKING:
    from .journal_core import JournalCore

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Weekdays as a screen shows them, Monday first (as date.weekday() counts)."""
NAMED = 3
"""How many records a message names before it says 'and N more'."""


def name(journal: JournalCore, rid: str) -> str:
    """One record in words, quoted and cut: "'Quarterly 1:1'" ('a record' once gone)."""
    kind = kind_of_id(rid)
    record = journal.records(kind.name).get(rid) if kind else None
    if kind is None or record is None:
        return "a record no longer in the journal"
    return kind.label(record)


def names(journal: JournalCore, ids: Iterable[str], limit: int = NAMED) -> str:
    """Records in words: "'A', 'B' and 'C'", or "'A', 'B', 'C' and 2 more"."""
    words = [name(journal, rid) for rid in ids]
    if len(words) > limit:
        return ", ".join(words[:limit]) + f" and {len(words) - limit} more"
    if len(words) > 1:
        return ", ".join(words[:-1]) + f" and {words[-1]}"
    return words[0] if words else "nothing"


def day_text(day: dt.date, *, weekday: bool = False) -> str:
    """A day as every screen shows it: '5 Oct 2026' (or 'Mon 5 Oct 2026')."""
    shown = f"{day.day} {MONTH_NAMES[day.month - 1][:3]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {shown}" if weekday else shown


def stored_day_text(text: str | None) -> str:
    """A day a history entry keeps as ISO text, as screens show days ('30 Sep 2026';
    'no date' for none; text that is not a day as it is)."""
    if not text:
        return "no date"
    try:
        return day_text(dt.date.fromisoformat(text))
    except ValueError:
        return text


def offer_from(offer: Offer) -> str:
    """'the counteroffer from Halden & Co' or 'the offer from Northwind Labs'."""
    return f"the {'counteroffer' if offer.counter else 'offer'} from {offer.company}"
