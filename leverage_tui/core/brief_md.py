"""The decision brief as Markdown: a document the user could show a friend."""

from __future__ import annotations

import datetime as dt

from .dates import MONTH_NAMES
from .flags import FLAG_HELP
from .records import CurrentJob, Offer
from .review import Brief, OfferView, deadline_text, money, spark
from .track import DEFINITION, Tally, comparison_words, confirmed_words, rate_words


def cell(text: str) -> str:
    """Text made safe for a Markdown table cell (no pipes, no line breaks)."""
    return " ".join(text.replace("|", "\\|").split()) or " "


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Weekday names, Monday first (as date.weekday() counts)."""


def long_date(d: dt.date, *, weekday: bool = False) -> str:
    """A date as '23 November 2026' (or 'Monday 23 November 2026')."""
    day = f"{WEEKDAY_NAMES[d.weekday()]} " if weekday else ""
    return f"{day}{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def _offer_rows(current: CurrentJob | None, views: list[OfferView]) -> list[list[str]]:
    def kind(o: Offer) -> str:
        return "counteroffer" if o.counter else "outside offer"

    columns: list[tuple[str, list[str]]] = []
    if current is not None:
        c = current
        columns.append(
            (
                f"Now: {c.company}",
                ["current job", c.role, money(c.base), money(c.bonus), c.equity or "—"]
                + [c.terms or "—", "—", "—", "—", "—"],
            )
        )
    for v in views:
        o = v.offer
        columns.append(
            (
                f"{o.company} ({o.id})",
                [kind(o), o.role, money(o.base), money(o.bonus), o.equity or "—"]
                + [o.terms or "—", "yes" if o.written else "**no**", deadline_text(v), o.status]
                + ["; ".join(v.differences) or "—"],
            )
        )
    labels = ["Kind", "Role", "Base pay", "Bonus", "Equity", "Terms", "In writing"]
    labels += ["Decide by", "Status", "Against now"]
    header = [" ", *(name for name, _ in columns)]
    rows = [header, ["---"] * len(header)]
    for i, label in enumerate(labels):
        rows.append([label, *(values[i] for _, values in columns)])
    return rows


def _table(rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(cell(c) if c != "---" else c for c in r) + " |" for r in rows]


def _tally_row(label: str, t: Tally) -> list[str]:
    counts = (t.honored, t.partly, t.broken, t.withdrawn, t.pending, t.late)
    return [label, *(str(n) for n in counts), rate_words(t, brief=True)]


def render(brief: Brief) -> str:
    """The whole brief as Markdown."""
    out = [f"# Decision brief, {long_date(brief.today)}", ""]
    out += ["## Offers side by side", ""]
    if brief.offers or brief.current_job:
        out += _table(_offer_rows(brief.current_job, brief.offers))
        out.append("")
    if not brief.offers:
        out += ["No offers recorded yet.", ""]
    if brief.current_job is None:
        out += [
            "The current job is not recorded, so there is nothing to compare with "
            "(`leverage current-job --company C --role R --base N`, or c on the Review screen).",
            "",
        ]

    t = brief.track
    out += ["## Track record", ""]
    header = [
        "",
        "kept",
        "partly",
        "broken",
        "withdrawn",
        "pending",
        "overdue",
        "honor rate (95% range)",
    ]
    rows = [header, ["---"] * len(header)]
    rows.append(_tally_row("All promises", t.overall))
    rows.append(_tally_row("Made verbally (or recap sent)", t.verbal))
    rows.append(_tally_row("Made in writing (or official)", t.written))
    rows += [_tally_row(name, tally) for name, tally in sorted(t.by_person.items())]
    out += _table(rows)
    out += ["", DEFINITION + " Verbal or written is the form a promise had when made.", ""]
    compared, confirmed = comparison_words(t), confirmed_words(t)
    out.append(compared[0].upper() + compared[1:] + "." + (f" {confirmed}." if confirmed else ""))
    late = "—" if t.avg_days_late is None else f"{t.avg_days_late:.1f} days"
    out += ["", f"Average lateness of kept and partly kept promises: {late}. "]
    out[-1] += f"Due dates moved later: {t.moved_due_dates}. "
    out[-1] += f"Kept or partly kept, then taken back: {t.walked_back}."
    months = brief.by_month
    if months:
        rows_by = [("kept", [m.kept for m in months]), ("partly", [m.partly for m in months])]
        rows_by.append(("broken", [m.broken for m in months]))
        top = max(max(values) for _, values in rows_by)
        first, last = months[0].month, months[-1].month
        out += ["", f"Resolved month by month ({first:%b %Y} to {last:%b %Y}):", "", "```"]
        out += [f"{name:<8}{spark(values, top)}   {sum(values)} {name}" for name, values in rows_by]
        out[-1] += " or withdrawn"
        out.append("```")

    out += ["", f"## Open flags ({len(brief.flags)})", ""]
    if not brief.flags:
        out.append("None.")
    for f in brief.flags:
        out.append(f"- **{f.flag}** · {brief.about.get(f.id, f.id)} ({f.id}): {f.reason}")
    if brief.flags:
        seen = list(dict.fromkeys(f.flag for f in brief.flags))
        out += ["", "What the flags mean: " + "; ".join(f"{n}: {FLAG_HELP[n]}" for n in seen)]

    out += ["", "## What I asked for", ""]
    if not brief.asks:
        out.append("No asks recorded.")
    for a in brief.asks:
        target = f", by {a.ask.target.isoformat()}" if a.ask.target else ", no target date"
        out.append(f"- **{a.ask.text}** ({a.ask.priority}{target}): {a.coverage}")
        if a.ask.measure:
            out.append(f"  - How I will know: {a.ask.measure}")
        for p in a.promises:
            out.append(f'  - {p.id} {p.by}: "{p.text}" ({p.form}, {p.status})')

    out += ["", "## Before accepting a counteroffer", ""]
    for i, c in enumerate(brief.checklist, 1):
        mark = {True: "ok", False: "watch", None: "open"}[c.ok]
        out.append(f"{i}. **{c.question}** [{mark}] {c.answer}")
    out.append("")
    return "\n".join(out)
