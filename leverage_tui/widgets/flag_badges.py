"""Flags as badges: a marker in a theme colour and a word, never colour alone.

`flag_text` draws the flags of a record for tables and panes; `flag_reasons` gives the
one-line reasons for tooltips and detail panes; `promise_flags` gives the flags of
every promise once per journal revision (and only again for promises that changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from rich.text import Text

from ..core.flags import FLAGS, RECAP_WAIT_DAYS, Flag, FlagSettings, sort_flags
from ..core.journal import Journal
from ..core.records import Promise
from ..core.show import day_text
from ..core.visible import visible

MARKERS: dict[str, str] = {
    "overdue": "⚠",
    "deadline": "⏰",
    "walked-back": "↩",
    "moving-target": "↻",
    "verbal-offer": "✎",
    "unconfirmed": "✉",
    "unwritten": "✎",
    "vague": "~",
    "no-date": "?",
}
"""The symbol drawn before each flag's word."""

SHORT_MARKERS: dict[str, str] = {**MARKERS, "verbal-offer": "$", "deadline": "!"}
"""Symbols for the compact form, where two flags must not share a symbol."""

SEVERITY: dict[str, str] = {
    "overdue": "error",
    "deadline": "error",
    "walked-back": "error",
    "moving-target": "warning",
    "verbal-offer": "warning",
    "unconfirmed": "warning",
    "unwritten": "warning",
    "vague": "accent",
    "no-date": "secondary",
}
"""The theme colour (semantic name) of each flag."""

_FALLBACK = {
    "error": "bold red",
    "warning": "yellow",
    "accent": "magenta",
    "secondary": "cyan",
}


def _theme_colours() -> Mapping[str, str]:
    """The running app's theme variables, or nothing outside an app."""
    try:
        from textual._context import active_app

        return active_app.get().theme_variables
    except (LookupError, AttributeError):
        return {}


def flag_style(flag: str, colours: Mapping[str, str] | None = None) -> str:
    """The Rich style for `flag` in the current theme (a readable text colour)."""
    colours = _theme_colours() if colours is None else colours
    semantic = SEVERITY.get(flag, "secondary")
    colour = colours.get(f"text-{semantic}") or colours.get(semantic)
    if colour and not colour.startswith("auto"):
        return f"bold {colour}"
    return _FALLBACK[semantic]


def flag_text(flags: Iterable[Flag], *, short: bool = False) -> Text:
    """The flags as badges, worst first: "⚠ overdue ✎ unwritten" (short: "⚠✎")."""
    colours = _theme_colours()
    rank = {name: i for i, name in enumerate(FLAGS)}
    names = sorted({f.flag for f in flags}, key=lambda n: rank.get(n, len(FLAGS)))
    text = Text(no_wrap=True, overflow="ellipsis")
    for i, name in enumerate(names):
        style = flag_style(name, colours)
        if short:
            text.append(SHORT_MARKERS.get(name, "•"), style)
        else:
            if i:
                text.append(" ")
            text.append(f"{MARKERS.get(name, '•')} {name}", style)
    return text


def flag_reasons(flags: Iterable[Flag]) -> str:
    """One line per flag: "⚠ overdue: due 2026-11-01, 22 days overdue" (a reason quoting
    journal text shows its control characters escaped)."""
    return "\n".join(
        f"{MARKERS.get(f.flag, '•')} {f.flag}: {visible(f.reason)}" for f in sort_flags(flags)
    )


def flag_legend(names: Sequence[str] = FLAGS) -> Text:
    """The compact symbols and the flags they stand for: "⚠overdue ✎unwritten ..."."""
    colours = _theme_colours()
    text = Text(no_wrap=True, overflow="ellipsis")
    for i, name in enumerate(names):
        text.append((" " if i else "") + SHORT_MARKERS[name] + name, flag_style(name, colours))
    return text


def promise_flags(
    journal: Journal,
    today: dt.date,
    hedges: Sequence[str],
    not_hedges: Sequence[str] = (),
    wait_days: int = RECAP_WAIT_DAYS,
) -> dict[str, list[Flag]]:
    """Promise id -> flags, kept by the journal for every screen (one day, one set of
    settings: hedges, not_hedges, recap wait days)."""
    return journal.promise_flags(today, FlagSettings(tuple(hedges), tuple(not_hedges), wait_days))


def flags_of_some(
    journal: Journal,
    today: dt.date,
    hedges: Sequence[str],
    ids: Iterable[str],
    not_hedges: Sequence[str] = (),
    wait_days: int = RECAP_WAIT_DAYS,
) -> dict[str, list[Flag]]:
    """The flags of a few promises (the journal's kept ones when up to date)."""
    settings = FlagSettings(tuple(hedges), tuple(not_hedges), wait_days)
    return journal.flags_of(ids, today, settings)


def promise_detail(p: Promise, flags: Sequence[Flag]) -> Text:
    """A promise for a detail pane: text, flags with reasons, who and when, history
    (control characters in the journal's text shown escaped)."""
    text = Text.assemble((visible(f"{p.id} {p.text}"), "bold"))
    colours = _theme_colours()
    for flag in flags:
        text.append("\n" + flag_reasons([flag]), flag_style(flag.flag, colours))
    where = f" in {p.conversation}" if p.conversation else ""
    evidence = f": {p.evidence}" if p.evidence else " (no evidence)"
    line = f"by {p.by}, made {day_text(p.made_on)}{where} · {p.category} · {p.form}{evidence}"
    text.append("\n" + visible(line))
    due = f"due {p.due}" if p.due else "no due date"
    since = f" since {p.status_on}" if p.status_on else ""
    text.append(f"\n{due} · {p.status}{since}")
    if p.history:
        changes = "; ".join(f"{c.on} {c.field} {c.old or '—'}→{c.new or '—'}" for c in p.history)
        text.append("\nhistory: " + visible(changes), "dim")
    return text
