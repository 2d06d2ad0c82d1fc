"""Pieces of the Review screen drawn with Rich: the track record with its chart, the
checklist, and an ask's coverage, each as a marker and a word (never colour alone)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..core.review import Brief, spark
from ..core.track import Tally, percent

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


def _row(label: str, t: Tally) -> list[str]:
    counts = (t.honored, t.partly, t.broken, t.withdrawn, t.pending)
    return [label, *(str(n) for n in counts), percent(t.honor_rate)]


def track_table(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """The track record: counts and honor rates, lateness, and kept/broken by month."""
    t = brief.track
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column("promises")
    for name in ("honored", "partly", "broken", "withdrawn", "pending", "rate"):
        table.add_column(name, justify="right")
    table.add_row(*_row("all", t.overall), style="bold")
    table.add_row(*_row("verbal / recap sent", t.verbal))
    table.add_row(*_row("written / official", t.written))
    for name, tally in sorted(t.by_person.items()):
        table.add_row(*_row(f"  {name}", tally))
    late = "—" if t.avg_days_late is None else f"{t.avg_days_late:.1f} days"
    facts = Text(
        f"Average lateness {late} · due dates moved later {t.moved_due_dates} · "
        f"kept, then taken back {t.walked_back}"
    )
    months = brief.by_month
    if not months:
        return Group(table, facts)
    top = max([m.kept for m in months] + [m.broken for m in months])
    chart = Text()
    chart.append("month   " + "".join(m.month.strftime("%b")[0] for m in months), "dim")
    chart.append(f"   {months[0].month:%b %Y} to {months[-1].month:%b %Y}\n", "dim")
    chart.append("kept    ")
    chart.append(spark([m.kept for m in months], top), theme_style("text-success", colours))
    chart.append(f"   {sum(m.kept for m in months)} kept\n")
    chart.append("broken  ")
    chart.append(spark([m.broken for m in months], top), theme_style("text-error", colours))
    chart.append(f"   {sum(m.broken for m in months)} broken or taken back")
    return Group(table, Text(""), facts, Text(""), chart)


def checklist_table(brief: Brief, colours: Mapping[str, str]) -> RenderableType:
    """The checklist: each question, a marker and word for the verdict, and the answer."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1)
    for check in brief.checklist:
        word, semantic = VERDICTS[check.ok]
        answer = Text()
        answer.append(check.question, "bold")
        answer.append(f"\n{check.answer}")
        grid.add_row(Text(word, style=theme_style(semantic, colours)), answer)
    return grid
