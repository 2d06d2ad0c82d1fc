"""The offer parts of the brief in words, shared by the Markdown brief, the terminal
report and the Review screen: the open offers and the current job side by side, each
open offer against the others and the current job, and the closed offers a line each.

Plain text only: each face escapes it its own way (Markdown through `visible.md_text`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .checklist import days
from .offer_totals import INPUT_WORDS, Totals, job_name, money, pairs, versus_words
from .records import CurrentJob, Offer, Pay
from .registry import CURRENT_JOB_ID
from .review import Brief, OfferView, deadline_text
from .show import day_text

SIDE_BY_SIDE = 6
"""How many open offers the side-by-side table shows (more are listed a line each)."""
TOTALS_NOTE = (
    "Cash in year one = base + bonus + sign-on; guaranteed = base + sign-on; year one in "
    "total adds benefits and the equity vested in the first 12 months (nothing before the "
    "cliff); four years in total = 4 × (base + bonus + benefits) + sign-on + the equity "
    'vested in 48 months. An unknown figure stays unknown: a total without it reads "at '
    'least", and a difference needs both totals complete.'
)
"""How the totals are counted, in one paragraph."""
ROWS = (
    "Kind",
    "Role",
    "Base pay",
    "Bonus",
    "Sign-on",
    "Equity",
    "Benefits (a year)",
    "Cash in year one",
    "Guaranteed in year one",
    "Year one in total",
    "Four years in total",
    "In writing",
    "Decide by",
    "Terms",
)
"""The rows of the side-by-side table, one column per job."""
TOTAL_ROWS = ROWS[7:11]
"""The rows that hold totals (shown in bold where a face can)."""


@dataclass(frozen=True)
class Column:
    """One job in the side-by-side table: its key (offer id or 'now'), its company (as
    the journal has it) and its values, a row each."""

    key: str
    company: str
    values: tuple[str, ...]

    @property
    def header(self) -> str:
        """'Now: Halden & Co' or 'Northwind Labs (o1)'."""
        if self.key == CURRENT_JOB_ID:
            return f"Now: {self.company}"
        return f"{self.company} ({self.key})"


def figure(pay: Pay, name: str) -> str:
    """An input figure: '10,000', or 'unknown' (the current job's sign-on: 'none')."""
    value = getattr(pay, name)
    if value is None and name == "sign_on" and isinstance(pay, CurrentJob):
        return "none"
    return money(value)


def equity_words(pay: Pay) -> str:
    """'40,000 over 4 years, 12-month cliff (0.05% over 4 years)', 'none', 'unknown'."""
    words = " ".join(pay.equity.split())
    if pay.equity_value is None:
        return f"value unknown ({words})" if words else "unknown"
    if pay.equity_value == 0:
        return words or "none"
    value = f"{pay.equity_value:,} over {pay.vesting_years} years, {pay.cliff_months}-month cliff"
    return f"{value} ({words})" if words else value


def _column_values(pay: Pay, t: Totals, kind: str, written: str, decide: str) -> tuple[str, ...]:
    return (
        kind,
        " ".join(pay.role.split()),
        figure(pay, "base"),
        figure(pay, "bonus"),
        figure(pay, "sign_on"),
        equity_words(pay),
        figure(pay, "benefits"),
        *(t.words(name) for name in ("cash_year1", "guaranteed_year1", "total_year1", "total_4y")),
        written,
        decide,
        " ".join(pay.terms.split()) or "—",
    )


def side_by_side(brief: Brief, limit: int = SIDE_BY_SIDE) -> list[Column]:
    """The current job and the open offers (up to `limit`), a column each."""
    columns = []
    job, now = brief.current_job, brief.current_totals
    if job is not None and now is not None:
        values = _column_values(job, now, "current job", "yes (your contract)", "—")
        columns.append(Column(CURRENT_JOB_ID, job.company, values))
    for view in brief.open_offers[:limit]:
        o = view.offer
        kind = "counteroffer" if o.counter else "outside offer"
        written = "yes" if o.written else "no"
        values = _column_values(o, view.sums, kind, written, deadline_text(view))
        columns.append(Column(o.id, o.company, values))
    return columns


def offer_line(view: OfferView) -> str:
    """An offer in one line: 'Northwind Labs (o1), Senior Designer: base 142,000, year
    one in total 179,000, in writing, decide by 2026-11-25 (in 2 days)'."""
    o = view.offer
    form = "in writing" if o.written else "not in writing"
    what = "counteroffer" if o.counter else "offer"
    return (
        f"{o.company} ({o.id}), {what}, {' '.join(o.role.split())}: base {money(o.base)}, "
        f"year one in total {view.sums.words('total_year1')}, {form}, "
        f"decide by {deadline_text(view)}"
    )


def versus_lines(brief: Brief) -> list[tuple[str, str]]:
    """(which against which, the differences) for every pair of open offers, the
    counteroffer against the outside offer first, then each open offer against now."""
    views = {v.offer.id: v for v in brief.open_offers}
    out = []

    def name(o: Offer | CurrentJob, oid: str) -> str:
        return f"{job_name(o)} ({oid})" if oid != CURRENT_JOB_ID else job_name(o)

    for a, b in pairs([v.offer for v in brief.open_offers]):
        v = next(x for x in views[a.id].versus if x.id == b.id)
        out.append((_capital(f"{name(a, a.id)} against {name(b, b.id)}"), versus_words(v)))
    job = brief.current_job
    if job is not None:
        for view in brief.open_offers:
            now = next((x for x in view.versus if x.id == CURRENT_JOB_ID), None)
            if now is not None:
                head = f"{name(view.offer, view.offer.id)} against {job_name(job)}"
                out.append((_capital(head), versus_words(now)))
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def unknown_lines(brief: Brief) -> list[str]:
    """'Northwind Labs (o1): bonus, benefits unknown.' for each job missing a figure."""
    out = []
    job, now = brief.current_job, brief.current_totals
    if job is not None and now is not None and now.unknown:
        out.append(f"Your current job: {_unknown(now)} unknown.")
    for view in brief.open_offers:
        if view.sums.unknown:
            o = view.offer
            out.append(f"{o.company} ({o.id}): {_unknown(view.sums)} unknown.")
    return out


def _unknown(t: Totals) -> str:
    return ", ".join(INPUT_WORDS[name] for name in t.unknown)


def closed_lines(brief: Brief) -> tuple[list[str], int]:
    """The offers decided or expired in the last 12 months, a line each (newest first),
    and how many older ones there are."""
    recent, older = brief.closed_offers()
    lines = []
    for view, on in recent:
        o = view.offer
        form = "in writing" if o.written else "verbal"
        what = "counteroffer" if o.counter else "offer"
        lines.append(
            f"{o.company} ({o.id}), {what}, {' '.join(o.role.split())}: {o.status} on "
            f"{day_text(on)} (base {money(o.base)}, {form})"
        )
    return lines, older


def days_left_words(view: OfferView) -> str:
    """'2 days left', 'today', 'passed 3 days ago' or 'no deadline'."""
    left = view.days_left
    if left is None:
        return "no deadline"
    if left < 0:
        return f"passed {days(-left)} ago"
    return "today" if left == 0 else f"{days(left)} left"
