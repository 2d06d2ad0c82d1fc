"""Flags as badges: a marker in a theme colour and a word, never colour alone.

`flag_text` draws the flags of a record for tables and panes; `flag_reasons` gives the
one-line reasons for tooltips and detail panes; `PromiseFlags` computes the flags of
every promise once per journal revision (and only again for promises that changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from weakref import WeakKeyDictionary

from rich.text import Text

from ..core.flags import FLAGS, Flag, flags_for_promise, sort_flags
from ..core.journal import Journal
from ..core.records import Promise
from ..core.visible import visible

MARKERS: dict[str, str] = {
    "overdue": "⚠",
    "deadline": "⏰",
    "walked-back": "↩",
    "moving-target": "↻",
    "verbal-offer": "✎",
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


class PromiseFlags:
    """The flags of every promise in a journal, computed once per revision.

    Promise records are replaced (never changed in place) when they are saved, so a
    promise whose record object is the same as last time keeps its cached flags.
    """

    def __init__(self, today: dt.date, hedges: Sequence[str]) -> None:
        """A cache for flags as seen on `today` with these hedge phrases."""
        self.today = today
        self.hedges = tuple(hedges)
        self.revision = -1
        self._journal_id = 0
        self._flags: dict[str, list[Flag]] = {}
        self._seen: dict[str, Promise] = {}

    def of(self, journal: Journal) -> dict[str, list[Flag]]:
        """Promise id -> its flags (worst first) for the journal as it is now."""
        if journal.revision == self.revision and id(journal) == self._journal_id:
            return self._flags
        flags: dict[str, list[Flag]] = {}
        seen: dict[str, Promise] = {}
        for pid, promise in journal.promises.items():
            if self._seen.get(pid) is promise:
                flags[pid] = self._flags[pid]
            else:
                flags[pid] = sort_flags(flags_for_promise(promise, self.today, self.hedges))
            seen[pid] = promise
        self._flags, self._seen = flags, seen
        self.revision, self._journal_id = journal.revision, id(journal)
        return flags


_CACHES: WeakKeyDictionary[Journal, PromiseFlags] = WeakKeyDictionary()


def promise_flags(journal: Journal, today: dt.date, hedges: Sequence[str]) -> dict[str, list[Flag]]:
    """Promise id -> flags, shared by every screen and computed once per revision."""
    cache = _CACHES.get(journal)
    if cache is None or cache.today != today or cache.hedges != tuple(hedges):
        cache = _CACHES[journal] = PromiseFlags(today, hedges)
    return cache.of(journal)


def flags_of_some(
    journal: Journal, today: dt.date, hedges: Sequence[str], ids: Iterable[str]
) -> dict[str, list[Flag]]:
    """The flags of a few promises: from the shared cache when it is up to date for this
    revision, else computed for those promises alone (a screen that shows ten promises
    need not flag twenty thousand)."""
    cache = _CACHES.get(journal)
    if (
        cache is not None
        and cache.today == today
        and cache.hedges == tuple(hedges)
        and cache.revision == journal.revision
        and cache._journal_id == id(journal)
    ):
        return {pid: cache._flags[pid] for pid in ids}
    promises = journal.promises
    return {pid: sort_flags(flags_for_promise(promises[pid], today, hedges)) for pid in ids}


def promise_detail(p: Promise, flags: Sequence[Flag]) -> Text:
    """A promise for a detail pane: text, flags with reasons, who and when, history
    (control characters in the journal's text shown escaped)."""
    text = Text.assemble((visible(f"{p.id} {p.text}"), "bold"))
    colours = _theme_colours()
    for flag in flags:
        text.append("\n" + flag_reasons([flag]), flag_style(flag.flag, colours))
    where = f" in {p.conversation}" if p.conversation else ""
    evidence = f": {p.evidence}" if p.evidence else " (no evidence)"
    line = f"by {p.by}, made {p.made_on}{where} · {p.category} · {p.form}{evidence}"
    text.append("\n" + visible(line))
    due = f"due {p.due}" if p.due else "no due date"
    since = f" since {p.status_on}" if p.status_on else ""
    text.append(f"\n{due} · {p.status}{since}")
    if p.history:
        changes = "; ".join(f"{c.on} {c.field} {c.old or '—'}→{c.new or '—'}" for c in p.history)
        text.append("\nhistory: " + visible(changes), "dim")
    return text
