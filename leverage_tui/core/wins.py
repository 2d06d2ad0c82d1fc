"""The user's wins: which support an ask, and when Today should ask for a new one.

A win is the user's own achievement (records.py `Win`): what they did, its impact, the
evidence and the asks it supports. `supporting_wins` gives an ask's wins ("why I
deserve it"), `win_nudge` the line Today shows when none has been logged for a while.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .plural import counted
from .records import Win

if TYPE_CHECKING:
    from .journal_core import JournalCore

NUDGE_DAYS = 14
"""Days without a new win before Today says so (config `win_nudge_days`; 0: never)."""


def all_wins(journal: JournalCore) -> list[Win]:
    """Every win, newest first (the later id first on the same day)."""
    wins: list[Win] = list(journal.records("win").values())
    return sorted(wins, key=lambda w: (w.on, int(w.id[1:])), reverse=True)


def supporting_wins(journal: JournalCore, ask_id: str) -> list[Win]:
    """The wins that support ask `ask_id`, newest first (none: an empty list)."""
    return [w for w in all_wins(journal) if ask_id in w.asks]


def latest_win(journal: JournalCore, today: dt.date) -> Win | None:
    """The most recent win on or before `today`, or None."""
    for w in all_wins(journal):
        if w.on <= today:
            return w
    return None


def win_nudge(journal: JournalCore, today: dt.date, days: int = NUDGE_DAYS) -> str | None:
    """What Today says when no win has been logged for `days` days, else None.

    `days` 0 turns the nudge off; so does an empty journal (Today welcomes instead).
    A win dated after today does not count as logged yet.
    """
    if days <= 0 or journal.is_empty:
        return None
    latest = latest_win(journal, today)
    if latest is None:
        return "No win logged yet: note one, with its evidence."
    since = (today - latest.on).days
    if since < days:
        return None
    return f"No win in {counted(since, 'day')}: note one while the details are fresh."
