"""`leverage review` in a terminal: the decision brief as a readable report (Rich), not
the raw Markdown that `--md` writes.

The same parts as the Markdown brief, in the same order, drawn for the terminal's width:
the bottom line in a panel, the conflicts, the offers in total (the open offers and the
current job side by side), the floors, the track record, the flags a record a line (the
worst REPORT_FLAG_RECORDS), the asks, the risks and the checklist. Journal text is shown
through `visible` (a control character shows as an escape) and never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..core.brief_parts import (
    ROWS,
    TOTAL_ROWS,
    TOTALS_NOTE,
    closed_lines,
    side_by_side,
    unknown_lines,
    versus_lines,
)
from ..core.day_words import long_date
from ..core.floors import floor_words
from ..core.plural import counted
from ..core.review import Brief
from ..core.track import (
    DEFINITION,
    TRACK_COLUMNS,
    TRACK_LABELS,
    comparison_words,
    evidence_words,
    track_rows,
)
from ..core.visible import visible

REPORT_FLAG_RECORDS = 30
"""How many flagged records the report lists, worst first."""
REPORT_ASKS = 20
"""How many open asks the report lists."""
VERDICT = {True: "ok", False: "watch", None: "open"}


def _text(value: str, style: str = "") -> Text:
    """Journal text as Rich Text: control characters escaped, no markup read."""
    return Text(visible(value), style=style)


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _hanging(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """Rows of a marker and text, the text's wrapped lines under its first."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right", min_width=3)
    grid.add_column(ratio=1)
    for mark, text in rows:
        grid.add_row(mark, text)
    return grid


def _bullets(items: list[str], mark: str = "•") -> list[RenderableType]:
    return [_hanging([(mark, _text(item)) for item in items])] if items else []


def _offers(brief: Brief) -> list[RenderableType]:
    out: list[RenderableType] = [_heading("Offers in total")]
    versus = [
        (">", Text.assemble(_text(h, "bold"), ": ", _text(w))) for h, w in versus_lines(brief)
    ]
    if versus:
        out.append(_hanging(versus))
    columns = side_by_side(brief)
    if columns:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("", style="bold", no_wrap=True)
        for c in columns:
            table.add_column(_text(c.header), overflow="fold")
        for i, label in enumerate(ROWS):
            style = "bold" if label in TOTAL_ROWS else ""
            table.add_row(label, *(_text(c.values[i], style) for c in columns))
        out.append(table)
        out.append(Text(TOTALS_NOTE, style="dim"))
    out += [_text(line, "yellow") for line in unknown_lines(brief)]
    if not brief.open_offers:
        out.append(Text("No offer is open."))
    if brief.current_job is None:
        out.append(Text("The current job is not recorded: leverage current-job --company C ..."))
    closed, older = closed_lines(brief)
    if closed:
        out.append(Text("Decided and expired in the last 12 months:"))
        out += _bullets(closed)
    if older:
        out.append(Text(f"  and {counted(older, 'older offer')} (leverage list offers)"))
    return out


def _floors(brief: Brief) -> list[RenderableType]:
    out: list[RenderableType] = [_heading("Your floors (walk-away points)")]
    if not brief.floors:
        out.append(Text("No floor set: leverage add ask TEXT --floor base=140000"))
    for check in brief.floors:
        out.append(
            Text.assemble(
                _text(check.ask.text, "bold"), f" ({check.ask.id}): {floor_words(check.floor)}"
            )
        )
        rows: list[tuple[str, RenderableType]] = []
        for oid, sentence in check.sentences.items():
            met = check.met_by[oid]
            mark, style = {True: ("✓", "green"), False: ("✗", "bold red"), None: ("?", "")}[met]
            rows.append((mark, _text(sentence, style)))
        out.append(_hanging(rows))
    return out


def _track(brief: Brief) -> list[RenderableType]:
    t = brief.track
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("promises", no_wrap=True)
    for name in TRACK_COLUMNS:
        table.add_column(name, justify="right")
    table.add_column("rate (95% range)", justify="right", no_wrap=True)
    counted = track_rows(t, TRACK_LABELS, lambda name: f"  {visible(name)}")
    for i, row in enumerate(counted):
        table.add_row(*(Text(c) for c in row), style="bold" if i == 0 else "")
    compared = comparison_words(t)
    evidence = evidence_words(t)  # issue 15: written promises with nothing to show
    return [
        _heading("Track record"),
        table,
        Text(DEFINITION, style="dim"),
        Text(compared[0].upper() + compared[1:] + "."),
        *([Text(evidence[0].upper() + evidence[1:] + ".")] if evidence else []),
    ]


def _flags(brief: Brief) -> list[RenderableType]:
    groups = brief.flag_groups
    title = f"Open flags ({counted(len(brief.flags), 'flag')} on {counted(len(groups), 'record')})"
    out: list[RenderableType] = [_heading(title)]
    rows: list[tuple[str, RenderableType]] = []
    for g in groups[:REPORT_FLAG_RECORDS]:
        what = Text.assemble((", ".join(g.names), "bold"), " · ", _text(g.about), f" ({g.id})")
        rows.append(("•", Group(what, _text(g.reasons(), "dim"))))
    if rows:
        out.append(_hanging(rows))
    rest = groups[REPORT_FLAG_RECORDS:]
    if rest:
        out.append(Text(f"  and {counted(len(rest), 'more record')} (leverage flags)"))
    if not groups:
        out.append(Text("None."))
    return out


def _asks(brief: Brief) -> list[RenderableType]:
    out: list[RenderableType] = [_heading("What you asked for")]
    live = [a for a in brief.asks if a.ask.status == "open"]
    rows = [("•", Text.assemble(_text(a.ask.text, "bold"), f": {a.coverage}")) for a in live]
    if rows:
        out.append(_hanging(rows[:REPORT_ASKS]))
    if len(live) > REPORT_ASKS:
        out.append(Text(f"  and {counted(len(live) - REPORT_ASKS, 'more open ask')}"))
    if not live:
        out.append(Text("No open asks."))
    return out


def report(brief: Brief) -> Group:
    """The whole brief, for a terminal."""
    parts: list[RenderableType] = [
        Text(f"Decision brief, {long_date(brief.today)}", style="bold"),
        Panel(
            Group(*_bullets(brief.bottom_line)),
            title="Bottom line",
            title_align="left",
            border_style="bold",
        ),
    ]
    parts += _after(brief)
    if brief.conflicts:
        parts.append(_heading(f"Deadline conflicts ({len(brief.conflicts)})"))
        parts += _bullets([c.text for c in brief.conflicts[:REPORT_FLAG_RECORDS]], "!")
        parts.append(
            Text(
                "    Messages: leverage recap --more-time OFFER_ID (more time), "
                "leverage recap --offer OFFER_ID (in writing)",
                style="dim",
            )
        )
    parts += _offers(brief) + _floors(brief) + _track(brief) + _flags(brief) + _asks(brief)
    if brief.risk_questions:
        parts.append(_heading("What accepting the counteroffer risks"))
        questions = enumerate(brief.risk_questions, 1)
        parts.append(_hanging([(f"{i}.", _text(q)) for i, q in questions]))
    parts.append(_heading("Before accepting a counteroffer"))
    checks = [
        (f"{i}.", Text.assemble((c.question, "bold"), f" [{VERDICT[c.ok]}] ", _text(c.answer)))
        for i, c in enumerate(brief.checklist, 1)
    ]
    return Group(*parts, _hanging(checks), *_fingerprint(brief))


def _after(brief: Brief) -> list[RenderableType]:
    """The decisions and "Since you stayed" (issue 15)."""
    out: list[RenderableType] = []
    for title, lines in brief.after:
        out += [_heading(title), *_bullets(lines)]
    return out


def _fingerprint(brief: Brief) -> list[RenderableType]:
    """The journal's fingerprint now, and how to anchor it (issue 15)."""
    if not brief.fingerprint:
        return []
    return [
        _heading("Fingerprint"),
        Text.assemble(
            (brief.fingerprint, "bold"),
            ": email it to yourself or to a friend you trust; later, leverage verify "
            f"--against {brief.fingerprint} proves nothing recorded before then was altered.",
        ),
    ]


def print_report(brief: Brief, console: Console | None = None) -> None:
    """Print the brief as a report on `console` (the terminal by default)."""
    (console or Console()).print(report(brief))
