"""Pieces of the Review screen drawn with Rich: the track record with its chart, the
checklist, and an ask's coverage, each as a marker and a word (never colour alone)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..core.review import Brief, spark
from ..core.track import (
    DEFINITION,
    TRACK_COLUMNS,
    TRACK_LABELS,
    comparison_words,
    confirmed_words,
    evidence_words,
    track_rows,
)
from ..core.visible import visible

COVERAGE_MARKS = {
    "granted": ("✓", "text-success"),
    "in writing": ("✓", "text-success"),
    "verbal only": ("✎", "text-warning"),
    "broken": ("✗", "text-error"),
    "not covered": ("✗", "text-error"),
    "refused": ("✗", "text-error"),
    "dropped": ("–", "text-muted"),
}
"""The marker and theme colour of each kind of ask coverage."""

VERDICTS = {
    True: ("✓ ok", "text-success"),
    False: ("! watch", "text-warning"),
    None: ("? open", ""),
}
"""How a checklist answer is marked: good, needs attention, or cannot tell."""


def theme_style(semantic: str, colours: Mapping[str, str]) -> str:
    """A bold Rich style in the theme colour `semantic` (e.g. 'text-success')."""
    fallback = {"text-success": "bold green", "text-warning": "yellow", "text-error": "bold red"}
    if semantic == "text-muted":
        return "dim"
    colour = colours.get(semantic, "")
    if colour and not colour.startswith("auto"):
        return f"bold {colour}"
    return fallback.get(semantic, "")


def coverage_text(coverage: str, colours: Mapping[str, str]) -> Text:
    """An ask's coverage as '✓ in writing', '✎ verbal only' or '✗ not covered'."""
    mark, semantic = COVERAGE_MARKS.get(coverage, ("•", ""))
    return Text(f"{mark} {coverage}", style=theme_style(semantic, colours))


def track_table(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """The track record: counts and honor rates (or "too few to tell", never coloured),
    what they mean, lateness, and kept / partly / broken by month."""
    t = brief.track
    table = Table(
        box=None, padding=(0, 1), collapse_padding=True, show_edge=False, header_style="bold"
    )
    table.add_column("promises")
    for name in TRACK_COLUMNS:
        table.add_column(name, justify="right")
    table.add_column("rate (95% range)", justify="right", no_wrap=True)
    # Text cells: a name is shown as written, never read as markup
    counted = track_rows(t, TRACK_LABELS, lambda name: f"  {visible(name)}")
    for i, row in enumerate(counted):
        table.add_row(*(Text(c) for c in row), style="bold" if i == 0 else "")
    compared, confirmed = comparison_words(t), confirmed_words(t)
    meaning = Text(DEFINITION, style="dim")
    finding = Text(compared[0].upper() + compared[1:] + (f" · {confirmed}" if confirmed else ""))
    late = "—" if t.avg_days_late is None else f"{t.avg_days_late:.1f} days"
    facts = Text(
        f"Average lateness (kept or partly) {late} · due dates moved later "
        f"{t.moved_due_dates} · kept or partly, then taken back {t.walked_back}"
    )
    if t.written_without_evidence:  # issue 15
        facts.append(f" · {evidence_words(t)}")
    parts: list[RenderableType] = [table, Text(""), meaning, finding, facts]
    months = brief.by_month
    if not months:
        return Group(*parts)
    rows = (
        ("kept", [m.kept for m in months], "text-success", "kept"),
        ("partly", [m.partly for m in months], "text-warning", "partly"),
        ("broken", [m.broken for m in months], "text-error", "broken or withdrawn"),
    )
    top = max(max(values) for _, values, _, _ in rows)
    chart = Text()
    chart.append("month   " + "".join(m.month.strftime("%b")[0] for m in months), "dim")
    chart.append(f"   {months[0].month:%b %Y} to {months[-1].month:%b %Y}", "dim")
    for name, values, semantic, words in rows:
        chart.append(f"\n{name:<8}")
        chart.append(spark(values, top), theme_style(semantic, colours))
        chart.append(f"   {sum(values)} {words}")
    return Group(*parts, Text(""), chart)


def checklist_table(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """The checklist: each question, a marker and word for the verdict, and the answer."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1)
    for check in brief.checklist:
        word, semantic = VERDICTS[check.ok]
        answer = Text()
        answer.append(check.question, "bold")
        answer.append(f"\n{visible(check.answer)}")
        grid.add_row(Text(word, style=theme_style(semantic, colours)), answer)
    return grid
