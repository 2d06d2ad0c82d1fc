"""The decision brief as Markdown: a document the user could show a friend.

It stays readable at any size: the bottom line first, the conflicts, the open offers
and the current job side by side (closed offers a line each, the last 12 months), the
floors, the track record, the flags a record a line (the worst MD_FLAG_RECORDS), the
asks (MD_ASKS in full), the risks and the checklist. Every text from the journal goes
through `visible.md_text`, so a note holding a link, HTML or a `#` line stays text.
"""

from __future__ import annotations

from .brief_parts import (
    ROWS,
    TOTAL_ROWS,
    TOTALS_NOTE,
    Column,
    closed_lines,
    offer_line,
    side_by_side,
    unknown_lines,
    versus_lines,
)
from .day_words import WEEKDAY_NAMES as WEEKDAY_NAMES  # the messages import it from here
from .day_words import long_date as long_date
from .flags import FLAG_HELP
from .floors import floor_words
from .plural import counted
from .registry import CURRENT_JOB_ID
from .review import AskCoverage, Brief, spark
from .show import day_text
from .track import (
    DEFINITION,
    TRACK_COLUMNS,
    TrackRecord,
    comparison_words,
    confirmed_words,
    evidence_words,
    track_rows,
)
from .visible import md_text

MD_CONFLICTS = 20
"""How many deadline conflicts the brief lists (the rest are counted)."""
MD_FLAG_RECORDS = 80
"""How many flagged records the brief lists, worst first (the rest are counted)."""
MD_ASKS = 40
"""How many open asks the brief shows in full; closed ones get a line each, up to this."""


def cell(text: str) -> str:
    """Journal text made safe for a Markdown table cell (escaped, on one line)."""
    return md_text(" ".join(text.split())) or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; the cells are given ready (escaped)."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(r) + " |" for r in rows]


def _more(n: int, noun: str, where: str = "") -> list[str]:
    return [f"- and {counted(n, noun)} more{where}"] if n > 0 else []


def _header(column: Column) -> str:
    """A column's header, its company escaped."""
    if column.key == CURRENT_JOB_ID:
        return f"Now: {cell(column.company)}"
    return f"{cell(column.company)} ({column.key})"


def _offers(brief: Brief) -> list[str]:
    out = ["## Offers in total", ""]
    pairs = versus_lines(brief)
    if pairs:
        out += [f"- **{md_text(head)}:** {md_text(words)}" for head, words in pairs] + [""]
    columns = side_by_side(brief)
    if columns:
        header = [" ", *(_header(c) for c in columns)]
        rows = []
        for i, label in enumerate(ROWS):
            bold = label in TOTAL_ROWS
            values = [cell(c.values[i]) for c in columns]
            if bold:
                label, values = f"**{label}**", [f"**{v}**" for v in values]
            if label == "In writing":
                values = [v if v != "no" else "**no**" for v in values]
            rows.append([label, *values])
        out += _table(header, rows) + [""]
    more = brief.open_offers[len(columns) - (brief.current_job is not None) :]
    if more and columns:
        out += ["More open offers:", ""] + [f"- {md_text(offer_line(v))}" for v in more] + [""]
    unknown = unknown_lines(brief)
    if unknown:
        out += ["Not given yet: " + " ".join(md_text(u) for u in unknown), ""]
    if columns:
        out += [TOTALS_NOTE, ""]
    if not brief.open_offers:
        out += ["No offer is open.", ""]
    if brief.current_job is None:
        out += [
            "The current job is not recorded, so there is nothing to compare with "
            "(`leverage current-job --company C --role R --base N`, or c on the Review screen).",
            "",
        ]
    closed, older = closed_lines(brief)
    if closed or older:
        out += ["Decided and expired in the last 12 months:", ""]
        out += [f"- {md_text(line)}" for line in closed] or ["- none"]
        if older:
            out.append(f"- and {counted(older, 'older offer')} (`leverage list offers`)")
        out.append("")
    return out


def _floors(brief: Brief) -> list[str]:
    out = ["## Your floors (walk-away points)", ""]
    if not brief.floors:
        return out + [
            "No floor set. An ask can carry one: "
            '`leverage add ask "Base pay of at least 140,000" --floor base=140000`.',
            "",
        ]
    for check in brief.floors:
        out.append(
            f"- **{md_text(check.ask.text)}** ({check.ask.id}): floor {floor_words(check.floor)}"
        )
        if not check.sentences:
            out.append("  - no open offer to check it against")
        out += [f"  - {md_text(s)}" for s in check.sentences.values()]
    return out + [""]


def _track(brief: Brief) -> list[str]:
    t = brief.track
    out = ["## Track record", ""]
    header = ["", *TRACK_COLUMNS, "honor rate (95% range)"]
    labels = ("All promises", "Made verbally (or recap sent)", "Made in writing (or official)")
    rows = track_rows(t, labels, cell)
    out += _table(header, rows)
    out += ["", DEFINITION + " Verbal or written is the form a promise had when made.", ""]
    compared, confirmed = comparison_words(t), confirmed_words(t)
    out.append(compared[0].upper() + compared[1:] + "." + (f" {confirmed}." if confirmed else ""))
    late = "—" if t.avg_days_late is None else f"{t.avg_days_late:.1f} days"
    out += ["", f"Average lateness of kept and partly kept promises: {late}. "]
    out[-1] += f"Due dates moved later: {t.moved_due_dates}. "
    out[-1] += f"Kept or partly kept, then taken back: {t.walked_back}."
    out += _evidence_and_released(t)
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
    return out + [""]


def _flags(brief: Brief) -> list[str]:
    groups = brief.flag_groups
    n = len(brief.flags)
    out = [f"## Open flags ({counted(n, 'flag')} on {counted(len(groups), 'record')})", ""]
    if not groups:
        return out + ["None.", ""]
    out.append("A record a line, worst first.")
    out.append("")
    for g in groups[:MD_FLAG_RECORDS]:
        names = ", ".join(g.names)
        out.append(f"- **{names}** · {md_text(g.about)} ({g.id}): {md_text(g.reasons())}")
    rest = groups[MD_FLAG_RECORDS:]
    if rest:
        flags = sum(len(g.flags) for g in rest)
        out.append(
            f"- and {counted(len(rest), 'more record')} with {counted(flags, 'flag')} "
            "(`leverage flags` lists them all)"
        )
    seen = list(dict.fromkeys(f.flag for f in brief.flags))
    helps = "; ".join(f"{name}: {FLAG_HELP[name]}" for name in seen if name in FLAG_HELP)
    return out + ["", "What the flags mean: " + helps, ""]


def _ask_lines(a: AskCoverage) -> list[str]:
    target = f", by {day_text(a.ask.target)}" if a.ask.target else ", no target date"
    out = [f"- **{md_text(a.ask.text)}** ({a.ask.priority}{target}): {a.coverage}"]
    if a.ask.measure:
        out.append(f"  - How I will know: {md_text(a.ask.measure)}")
    if a.ask.floor is not None:
        out.append(f"  - Floor: {floor_words(a.ask.floor)} (see Your floors)")
    for p in a.promises:
        out.append(f'  - {p.id} {md_text(p.by)}: "{md_text(p.text)}" ({p.form}, {p.status})')
    # Wins (issue 14): the wins that support this ask go here, one line each.
    return out


def _asks(brief: Brief) -> list[str]:
    out = ["## What I asked for", ""]
    if not brief.asks:
        return out + ["No asks recorded.", ""]
    live = [a for a in brief.asks if a.ask.status == "open"]
    closed = [a for a in brief.asks if a.ask.status != "open"]
    for a in live[:MD_ASKS]:
        out += _ask_lines(a)
    out += _more(len(live) - MD_ASKS, "open ask", " (`leverage list asks`)")
    if closed:
        out += ["", "Closed:", ""]
        for a in closed[:MD_ASKS]:
            out.append(f"- {md_text(' '.join(a.ask.text.split()))} ({a.ask.id}): {a.ask.status}")
        out += _more(len(closed) - MD_ASKS, "closed ask", " (`leverage list asks`)")
    return out + [""]


# -- after the decision, and the fingerprint (issue 15) ---------------------------------


def _evidence_and_released(t: TrackRecord) -> list[str]:
    """Written promises with no evidence, and those no longer expected (not counted)."""
    out = []
    words = evidence_words(t)
    if words:
        out += ["", f"{words[0].upper()}{words[1:]}: the word written is all there is."]
    released = t.overall.released
    if released:
        out += ["", f"No longer expected (you left): {released}, counted neither kept nor broken."]
    return out


def _after(brief: Brief) -> list[str]:
    """The decisions and "Since you stayed" (checkins.py), a line each."""
    out: list[str] = []
    for title, lines in brief.after:
        out += [f"## {title}", ""] + [f"- {md_text(line)}" for line in lines] + [""]
    return out


def _fingerprint(brief: Brief) -> list[str]:
    """The journal's fingerprint now, and how to anchor it."""
    out = ["## Fingerprint", ""]
    if not brief.fingerprint:
        return out + [
            "None yet: the journal's hash chain begins with its next change (`leverage verify`).",
            "",
        ]
    return out + [
        f"`{brief.fingerprint}`: the journal as it stood when this brief was made. Anchor "
        "it: email it to yourself or to a friend you trust. Later, `leverage verify "
        f"--against {brief.fingerprint}` proves that nothing recorded before then was "
        "altered since.",
        "",
    ]


def render(brief: Brief) -> str:
    """The whole brief as Markdown."""
    out = [f"# Decision brief, {long_date(brief.today)}", "", "## Bottom line", ""]
    out += [f"- {md_text(s)}" for s in brief.bottom_line] + [""]
    out += _after(brief)
    if brief.conflicts:
        out += [f"## Deadline conflicts ({len(brief.conflicts)})", ""]
        for c in brief.conflicts[:MD_CONFLICTS]:
            out.append(f"- {md_text(c.text)} ({', '.join(c.ids)})")
        out += _more(len(brief.conflicts) - MD_CONFLICTS, "conflict", " (`leverage review --json`)")
        out += [
            "",
            "Messages to send: `leverage recap --more-time OFFER_ID` (ask for more time), "
            "`leverage recap --offer OFFER_ID` (ask for the counteroffer in writing).",
            "",
        ]
    out += _offers(brief) + _floors(brief) + _track(brief) + _flags(brief) + _asks(brief)
    if brief.risk_questions:
        out += ["## What accepting the counteroffer risks", ""]
        out += [f"{i}. {md_text(q)}" for i, q in enumerate(brief.risk_questions, 1)] + [""]
    out += ["## Before accepting a counteroffer", ""]
    for i, check in enumerate(brief.checklist, 1):
        mark = {True: "ok", False: "watch", None: "open"}[check.ok]
        out.append(f"{i}. **{check.question}** [{mark}] {md_text(check.answer)}")
    out.append("")
    out += _fingerprint(brief)
    return "\n".join(out)
