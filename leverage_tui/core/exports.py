"""Exports beside JSON: the whole journal as Markdown by month, CSV per kind of record,
and an iCalendar file of every due date and decision deadline.

All three are pure functions of a journal; none reads the clock (the calendar's
DTSTAMP is the journal's today at midnight UTC).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .brief_md import long_date

# the iCalendar export lives in calendar_file.py; ics_bytes stays importable from here
from .calendar_file import ics_bytes as ics_bytes
from .checks import InputError
from .dates import MONTH_NAMES
from .filters import Filter, select
from .records import Conversation, Offer, Promise
from .registry import KINDS
from .review import money
from .visible import md_text, visible

if TYPE_CHECKING:
    from .journal import Journal

CSV_KINDS = ("conversations", "promises", "asks", "offers", "decisions", "attachments", "wins")
"""What `csv_text` can export."""

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "conversations": ("id", "on", "at", "with", "channel", "summary", "notes", "tags"),
    "promises": (
        "id",
        "text",
        "by",
        "made_on",
        "form",
        "evidence",
        "due",
        "category",
        "status",
        "status_on",
        "conversation",
    ),
    "asks": ("id", "text", "measure", "target", "priority", "status", "promises", "floor"),
    "wins": ("id", "on", "text", "impact", "evidence", "tags", "asks"),
    "offers": (
        "id",
        "company",
        "role",
        "base",
        "bonus",
        "sign_on",
        "equity",
        "equity_value",
        "vesting_years",
        "cliff_months",
        "benefits",
        "terms",
        "received",
        "deadline",
        "written",
        "counter",
        "status",
        "conversation",
    ),
    "decisions": ("id", "offer", "choice", "on", "why"),
    "attachments": ("id", "record", "name", "size", "sha256", "added", "note"),
}
"""The columns of each CSV export, in order."""

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts a spreadsheet would read as a formula."""


# -- CSV --------------------------------------------------------------------------------


def safe_cell(value: Any) -> str:
    """A value as CSV cell text a spreadsheet will not run as a formula ("'" in front),
    control characters visibly escaped (line breaks kept: the cell is quoted)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = visible(", ".join(value) if isinstance(value, list) else str(value), multiline=True)
    return "'" + text if text.startswith(RISKY_STARTS) else text


def csv_rows(journal: Journal, kind: str, keep: Filter | None = None) -> list[list[str]]:
    """The header and one row per record of `kind` (cells made safe); `keep`: only the
    records that pass these filters (core/filters.py)."""
    if kind not in CSV_COLUMNS:
        raise InputError(f"unknown kind {kind[:40]!r} (choose {', '.join(CSV_KINDS)})")
    columns = CSV_COLUMNS[kind]
    kind_name = next(k.name for k in KINDS.values() if k.plural == kind)
    records: Iterable[Any] = journal.records(kind_name).values()
    if keep is not None and keep.active:
        records = select(journal, keep, records)
    rows = [list(columns)]
    for record in records:
        doc = {"id": record.id, **record.to_doc()}
        if isinstance(doc.get("floor"), dict):  # an ask's floor as typed: base=140000
            doc["floor"] = f"{doc['floor']['field']}={doc['floor']['amount']}"
        rows.append([safe_cell(doc.get(col)) for col in columns])
    return rows


def csv_text(journal: Journal, kind: str, keep: Filter | None = None) -> str:
    """The records of `kind` as CSV text (RFC 4180, CRLF line ends); booleans (an offer's
    `written`, `counter`) as true/false."""
    out = io.StringIO()
    csv.writer(out).writerows(csv_rows(journal, kind, keep))
    return out.getvalue()


# -- Markdown ----------------------------------------------------------------------------


def _promise_line(p: Promise) -> list[str]:
    due = f", due {p.due.isoformat()}" if p.due else ", no due date"
    lines = [
        f'- {p.id} **{md_text(p.by)}** promised: "{md_text(p.text)}" '
        f"({p.category}; {p.form}, {p.status}{due})"
    ]
    if p.evidence:
        lines.append(f"  - evidence: {md_text(p.evidence)}")
    for c in p.history:
        old, new = md_text(c.old or "—"), md_text(c.new or "—")
        lines.append(f"  - {c.on.isoformat()}: {md_text(c.field)} {old} → {new}")
    return lines


def _conversation_lines(c: Conversation, promises: Sequence[Promise]) -> list[str]:
    at = f" {md_text(c.at)}" if c.at else ""
    people = ", ".join(md_text(name) for name in c.people)
    lines = [f"### {c.on.isoformat()}{at} · {c.channel} with {people} ({c.id})", ""]
    lines.append(md_text(c.summary))
    if c.tags:
        lines.append("Tags: " + " ".join(f"#{md_text(t)}" for t in c.tags))
    if c.notes:
        notes = md_text(c.notes, multiline=True).split("\n")
        lines += [""] + [f"> {line}" if line else ">" for line in notes]
    if promises:
        lines.append("")
        for p in promises:
            lines += _promise_line(p)
    return lines + [""]


def _flat(text: str) -> str:
    """A multi-line text on one line, for Markdown."""
    return md_text(" ".join(text.split()))


def _offer_line(o: Offer) -> str:
    what = "Counteroffer" if o.counter else "Offer"
    deadline = f", decide by {o.deadline.isoformat()}" if o.deadline else ""
    return (
        f"- {o.id} {what} from **{md_text(o.company)}**: {md_text(o.role)}; base "
        f"{money(o.base)}, bonus {money(o.bonus)}"
        f"{'; equity ' + md_text(o.equity) if o.equity else ''}"
        f"{'; ' + _flat(o.terms) if o.terms else ''}; "
        f"{'in writing' if o.written else 'verbal'}; {o.status}{deadline}"
    )


def journal_markdown(journal: Journal) -> str:
    """The whole journal as readable Markdown: people, offers, asks, then month by month.

    Every text from the journal goes through `md_text`: shown as written (links, HTML
    and emphasis stay text), control characters visibly escaped.
    """
    out = ["# Leverage journal", "", f"Exported on {long_date(journal.today)}.", ""]
    job = journal.current_job
    if job is not None:
        pay = f"base {money(job.base)}, bonus {money(job.bonus)}"
        extra = "".join(f"; {_flat(x)}" for x in (job.equity, job.terms) if x)
        where = f"{md_text(job.role)} at **{md_text(job.company)}**"
        out += ["## Current job", "", f"{where}; {pay}{extra}", ""]
    if journal.people:
        out += ["## People", ""]
        for person in journal.people.values():
            notes = f": {_flat(person.notes)}" if person.notes else ""
            out.append(f"- **{md_text(person.name)}** ({person.role}){notes}")
        out.append("")
    if journal.offers:
        out += ["## Offers", ""] + [_offer_line(o) for o in journal.offers.values()] + [""]
    out += _decisions_and_files(journal)
    if journal.asks:
        out += ["## Asks", ""]
        for a in journal.asks.values():
            target = f", by {a.target.isoformat()}" if a.target else ""
            linked = f"; promises {', '.join(a.promises)}" if a.promises else ""
            out.append(f"- {a.id} **{md_text(a.text)}** ({a.priority}, {a.status}{target}{linked})")
            if a.measure:
                out.append(f"  - how I will know: {md_text(a.measure)}")
        out.append("")
    out += _wins_markdown(journal)
    months: dict[tuple[int, int], list[Conversation | Promise]] = {}
    for c in journal.conversations.values():
        months.setdefault((c.on.year, c.on.month), []).append(c)
    for p in journal.promises.values():
        if p.conversation is None or p.conversation not in journal.conversations:
            months.setdefault((p.made_on.year, p.made_on.month), []).append(p)
    for year, month in sorted(months):
        out += [f"## {MONTH_NAMES[month - 1]} {year}", ""]
        items = months[(year, month)]
        for c in sorted((i for i in items if isinstance(i, Conversation)), key=_when):
            out += _conversation_lines(c, journal.promises_of(c.id))
        loose = [i for i in items if isinstance(i, Promise)]
        if loose:
            out += ["### Promises outside a conversation", ""]
            for p in sorted(loose, key=lambda x: (x.made_on, len(x.id), x.id)):
                out += _promise_line(p)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _decisions_and_files(journal: Journal) -> list[str]:
    """The decisions, and the files kept with records (names, sizes, SHA-256), issue 15."""
    out: list[str] = []
    decisions = journal.records("decision")
    if decisions:
        out += ["## Decisions", ""]
        for d in decisions.values():
            why = f": {d.why}" if d.why else ""
            out.append(f"- {d.id} {d.on.isoformat()}: {d.choice} {d.offer}{why}")
        out.append("")
    files = journal.records("attachment")
    if files:
        out += ["## Attached files", ""]
        for f in files.values():
            note = f": {f.note}" if f.note else ""
            out.append(f"- {f.id} with {f.record}: {f.name} ({f.size:,} bytes){note}")
            out.append(f"  - SHA-256 {f.sha256}, attached {f.added.isoformat()}")
        out.append("")
    return out


def _wins_markdown(journal: Journal) -> list[str]:
    """The user's wins, oldest first, with impact, evidence and the asks they support."""
    wins = sorted(journal.records("win").values(), key=lambda w: (w.on, len(w.id), w.id))
    if not wins:
        return []
    out = ["## Wins", ""]
    for w in wins:
        out.append(f"- {w.id} {w.on.isoformat()} **{md_text(w.text)}**")
        if w.impact:
            out.append(f"  - impact: {md_text(w.impact)}")
        if w.evidence:
            out.append(f"  - evidence: {md_text(w.evidence)}")
        if w.asks:
            out.append(f"  - supports: {', '.join(w.asks)}")
        if w.tags:
            out.append("  - tags: " + " ".join(f"#{t}" for t in w.tags))
    return [*out, ""]


def _when(c: Conversation) -> tuple[dt.date, str, int, str]:
    return (c.on, c.at or "", len(c.id), c.id)
