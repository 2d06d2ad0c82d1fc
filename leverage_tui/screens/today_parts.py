"""The lines of the Today screen: relative due words, aligned rows, the track record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ..core.checkins import since_stayed, today_line
from ..core.decisions import left_words, outcome
from ..core.journal import Journal
from ..core.plural import counted
from ..core.records import Offer
from ..core.track import TrackRecord, comparison_words, confirmed_words, kept_words, rate_words
from ..core.visible import visible
from ..widgets.fit import fit


def days(n: int) -> str:
    """'1 day', '3 days'."""
    return counted(n, "day")


def success_style() -> str:
    """The theme's text colour for good news (in writing)."""
    try:
        from textual._context import active_app

        return "bold " + active_app.get().theme_variables.get("text-success", "green")
    except LookupError:
        return "green"


def due_words(due: dt.date, today: dt.date) -> str:
    """'3 days overdue', 'today', 'tomorrow', 'in 4 days', '10 years overdue'."""
    left = (due - today).days
    if left < 0:
        return f"{span(-left)} overdue"
    return {0: "today", 1: "tomorrow"}.get(left, f"in {span(left)}")


def span(n: int) -> str:
    """'3 days', up to '999 days'; then in years ('4 years'), to fit the when column."""
    return days(n) if n < 1000 else f"{round(n / 365.25)} years"


WHEN_WIDTH = 16
"""The width of a row's first column (when)."""
EXTRA_WIDTH = 30
"""The most a row's last column (flags, form) may take."""


class Row:
    """One aligned line: when | what | extra, drawn as a single Text at the width given.

    A cheap stand-in for a one-row `Table.grid`: the first column is 16 cells, the last
    is as wide as its text (at most 30) and right-aligned, the middle takes the rest and
    ends in "…" when it does not fit.
    """

    def __init__(self, when: str, what: Text | str, extra: Text | str, style: str = "") -> None:
        """The three parts of the line; `style` colours the first."""
        self.when = when
        self.what = Text(what) if isinstance(what, str) else what
        self.extra = Text(extra) if isinstance(extra, str) else extra
        self.style = style

    def line(self, width: int) -> Text:
        """The row fitted to `width` cells."""
        extra = self.extra.copy()
        extra_width = min(cell_len(extra.plain), EXTRA_WIDTH)
        if extra_width < cell_len(extra.plain):
            extra.truncate(extra_width, overflow="ellipsis")
        what_width = max(1, width - WHEN_WIDTH - 2 - extra_width)
        what = self.what.copy()
        what.truncate(what_width, overflow="ellipsis", pad=True)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(fit(self.when, WHEN_WIDTH) + " ", self.style or None)
        text.append_text(what)
        text.append(" ")
        text.append_text(extra)
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The line at the width available."""
        yield self.line(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """It always takes the whole width."""
        return Measurement(options.max_width, options.max_width)


def row(when: str, what: Text | str, extra: Text | str, *, style: str = "") -> Row:
    """One aligned line: when | what | extra (flags, form)."""
    return Row(when, what, extra, style)


def track_line(record: TrackRecord) -> Text:
    """The track record in a line or two: '2 of 5 kept, 1 partly, 1 overdue: 50% (95%
    range 17–83%) · verbal vs written: too few to tell (1 and 4 resolved)'. A rate on too
    few resolved promises reads "too few to tell" and is never in bold or colour."""
    overall = record.overall
    text = Text("Track record  ", style="bold")
    late = f", {overall.late} overdue" if overall.late else ""
    if not overall.resolved:
        text.append(f"nothing resolved yet · {overall.pending} pending{late}")
        return text
    text.append(f"{kept_words(overall)}{late}: ")
    text.append(rate_words(overall), "" if overall.too_few else "bold")
    text.append(f" · {comparison_words(record)}")
    confirmed = confirmed_words(record)
    if confirmed:
        text.append(f" · {confirmed}")
    if record.moved_due_dates:
        text.append(f" · {counted(record.moved_due_dates, 'due date')} moved")
    if record.written_without_evidence:  # issue 15
        text.append(f" · {record.written_without_evidence} written without evidence")
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
    what = Text.assemble((visible(offer.company), "bold"), f" · {kind} · {visible(offer.role)}")
    if offer.base:
        what.append(f" · {offer.base:,}")
    return when, what


# -- after the decision (issue 15) --------------------------------------------------------


def after_line(journal: Journal, today: dt.date, days: Sequence[int]) -> Text | None:
    """What Today says once the user decided: since staying, "30 days since you stayed:
    2 of 4 counteroffer promises kept, 1 overdue" (bold in a check-in's first week);
    after leaving, the decision and what is no longer expected. None before."""
    stay = since_stayed(journal, today, days)
    if stay is not None:
        reached = stay.reached()
        fresh = reached is not None and (today - reached[1]).days < 7
        return Text(visible(today_line(stay, today)), style="bold" if fresh else "")
    result = outcome(journal)
    if result is not None and not result.stayed:
        return Text(visible(left_words(journal, result)))
    return None
