"""Pieces of the Review screen about the decision, drawn with Rich: the bottom line, the
deadline conflicts, each open offer against the others and the current job, the offers
side by side, the floors, the flags a record a row, and the risks of a counteroffer.

Journal text is shown through `visible` and never read as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import DataTable

from ..core.brief_parts import ROWS, TOTAL_ROWS, Column, closed_lines, unknown_lines, versus_lines
from ..core.checklist import short
from ..core.flag_groups import FlagGroup
from ..core.floors import floor_words
from ..core.plural import counted
from ..core.review import Brief
from ..core.visible import visible
from ..widgets.flag_badges import flag_text
from .review_parts import theme_style

TUI_FLAG_RECORDS = 40
"""How many flagged records the Review lists, worst first (the Promises screen has all)."""
FLAG_WIDTH = 16
"""The width of the flags column (a flag a line)."""


def hanging(rows: Sequence[tuple[str | Text, RenderableType]]) -> Table:
    """Rows of a marker and text, the text's wrapped lines under its first."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, min_width=1)
    grid.add_column(ratio=1)
    for mark, text in rows:
        grid.add_row(mark, text)
    return grid


def _text(value: str, style: str = "") -> Text:
    return Text(visible(value), style=style)


def bottom_line_text(brief: Brief) -> RenderableType:
    """The bottom line, a sentence a bullet."""
    return hanging([("•", _text(s)) for s in brief.bottom_line])


def conflicts_text(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """Every deadline conflict, and the keys to the messages that answer them."""
    style = theme_style("text-error", colours)
    rows: list[tuple[str | Text, RenderableType]] = [
        (Text("!", style=style), _text(c.text)) for c in brief.conflicts
    ]
    keys = Text(
        "t: ask for more time · i: ask for the counteroffer in writing (drafted, to copy)",
        style="dim",
    )
    return Group(hanging(rows), keys)


def versus_text(brief: Brief) -> RenderableType:
    """Each open offer against the others (the counteroffer against the outside offer
    first), then against the current job."""
    lines = versus_lines(brief)
    rows: list[tuple[str | Text, RenderableType]] = [
        (">", Text.assemble(_text(head, "bold"), ": ", _text(words))) for head, words in lines
    ]
    return hanging(rows)


def fill_offers(table: DataTable[Text], columns: Sequence[Column], width: int) -> None:
    """The open offers and the current job side by side: a column each, a row for each
    line of brief_parts.ROWS (the totals in bold)."""
    cursor = table.cursor_column
    table.clear(columns=True)
    for c in columns:
        table.add_column(short(visible(c.header), width), width=width, key=c.key)
    if columns:
        for i, name in enumerate(ROWS):
            style = "bold" if name in TOTAL_ROWS else ""
            cells = [_cell(c.values[i], name, style) for c in columns]
            table.add_row(*cells, height=None, label=name, key=name)
        table.move_cursor(column=min(cursor, len(columns) - 1))
    table.display = bool(columns)


def _cell(value: str, row: str, style: str) -> Text:
    if row == "In writing" and value == "no":
        return Text("✎ no", style="bold")
    return _text(value, style)


def offers_note(brief: Brief) -> str:
    """What the table cannot say: figures not given, closed offers, what is missing."""
    notes = unknown_lines(brief)
    if not brief.open_offers:
        notes.append("No open offer: press o to add the outside offer or a counteroffer.")
    if brief.current_job is None:
        notes.append("Your current job is not recorded: press c to add it and compare.")
    closed, older = closed_lines(brief)
    if closed:
        notes.append("Decided or expired in the last 12 months:")
        notes += [f"  {line}" for line in closed]
    if older:
        notes.append(f"  and {counted(older, 'older offer')} (leverage list offers)")
    return visible("\n".join(notes), multiline=True)


def floors_text(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """Each floor against each open offer: ✓ met, ✗ not met, ? can't tell."""
    if not brief.floors:
        return Text(
            "No floor set: give an ask a walk-away point (w or e on an ask, e.g. base=140000).",
            style="dim",
        )
    marks = {
        True: ("✓", "text-success"),
        False: ("✗", "text-error"),
        None: ("?", "text-warning"),
    }
    parts: list[RenderableType] = []
    for check in brief.floors:
        head = Text.assemble(_text(check.ask.text, "bold"), f": {floor_words(check.floor)}")
        rows: list[tuple[str | Text, RenderableType]] = []
        for oid, sentence in check.sentences.items():
            mark, semantic = marks[check.met_by[oid]]
            rows.append((Text(f"  {mark}", style=theme_style(semantic, colours)), _text(sentence)))
        parts += [head, hanging(rows)] if rows else [head, Text("  no open offer", style="dim")]
    return Group(*parts)


def fill_flags(table: DataTable[Text], groups: Sequence[FlagGroup], width: int) -> None:
    """The worst TUI_FLAG_RECORDS records with flags, a row each: their flags (a line
    each), what the record is, and why (in full, wrapped)."""
    row = table.cursor_row
    table.clear(columns=True)
    room = max(30, width - FLAG_WIDTH - 8)
    table.add_column("flags", width=FLAG_WIDTH, key="flags")
    table.add_column("about", width=room * 2 // 5, key="about")
    table.add_column("why", width=room - room * 2 // 5, key="why")
    for g in groups[:TUI_FLAG_RECORDS]:
        badges = Text("\n").join(flag_text([f]) for f in g.flags)
        why = Text("\n").join(_text(f"{f.flag}: {f.reason}") for f in g.flags)
        about = _text(f"{g.about} ({g.id})")
        table.add_row(badges, about, why, height=None, key=f"{g.kind}:{g.id}")
    if groups:
        table.move_cursor(row=min(row, min(len(groups), TUI_FLAG_RECORDS) - 1))
    table.display = bool(groups)


def flags_note(brief: Brief) -> str:
    """'No open flags.', or how many records are not listed."""
    groups = brief.flag_groups
    if not groups:
        return "No open flags."
    rest = groups[TUI_FLAG_RECORDS:]
    if not rest:
        return ""
    flags = sum(len(g.flags) for g in rest)
    return (
        f"and {counted(len(rest), 'more record')} with {counted(flags, 'flag')}: the Promises "
        "screen (F3) filters them by flag"
    )


def risks_text(brief: Brief) -> RenderableType:
    """The questions to answer before accepting the counteroffer, numbered."""
    return hanging([(f"{i}.", _text(q)) for i, q in enumerate(brief.risk_questions, 1)])
