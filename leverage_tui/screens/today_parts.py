"""The lines of the Today screen: relative due words, aligned rows, the track record."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from ..core.journal import Journal
from ..core.records import Offer
from ..core.track import percent, track_record


def days(n: int) -> str:
    """'1 day', '3 days'."""
    return f"{n} day{'s' if n != 1 else ''}"


def success_style() -> str:
    """The theme's text colour for good news (in writing)."""
    try:
        from textual._context import active_app

        return "bold " + active_app.get().theme_variables.get("text-success", "green")
    except LookupError:
        return "green"


def due_words(due: dt.date, today: dt.date) -> str:
    """'3 days overdue', 'today', 'tomorrow', 'in 4 days'."""
    left = (due - today).days
    if left < 0:
        return f"{days(-left)} overdue"
    return {0: "today", 1: "tomorrow"}.get(left, f"in {days(left)}")


def row(when: str, what: Text | str, extra: Text | str, *, style: str = "") -> Table:
    """One aligned line: when | what | extra (flags, form)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=16, no_wrap=True, style=style)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(no_wrap=True, justify="right", max_width=30)
    grid.add_row(when, what, extra)
    return grid


def track_line(journal: Journal) -> Text:
    """The one-line track record: kept X of Y; verbal vs written honor rate."""
    record = track_record(journal.promises.values())
    overall = record.overall
    text = Text("Track record  ", style="bold")
    if not overall.resolved:
        text.append(f"nothing resolved yet · {overall.pending} pending")
        return text
    text.append(f"kept {overall.honored} of {overall.resolved}")
    if overall.partly:
        text.append(f" ({overall.partly} partly)")
    text.append(f" · honor rate {percent(overall.honor_rate)}")
    text.append(" · verbal ")
    text.append(percent(record.verbal.honor_rate), "bold")
    text.append(" vs written ")
    text.append(percent(record.written.honor_rate), "bold")
    if record.moved_due_dates:
        text.append(f" · {record.moved_due_dates} due dates moved")
    return text


def offer_line(offer: Offer, today: dt.date) -> tuple[str, Text]:
    """(days left, what) for an open offer."""
    left = (offer.deadline - today).days if offer.deadline else None
    if left is None:
        when = "no deadline"
    elif left < 0:
        when = f"passed {days(-left)} ago"
    else:
        when = {0: "decide today"}.get(left, f"{days(left)} left")
    kind = "counteroffer" if offer.counter else "offer"
    what = Text.assemble((offer.company, "bold"), f" · {kind} · {offer.role}")
    if offer.base:
        what.append(f" · {offer.base:,}")
    return when, what
