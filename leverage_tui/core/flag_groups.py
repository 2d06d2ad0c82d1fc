"""Flags grouped by record: one line per promise, offer or ask with all its flags.

A ten-year journal has thousands of flags; the brief reads them a record at a time,
worst first: by the worst flag of the record (flags.FLAGS order), then by how many
flags it has, then by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .flags import FLAGS, Flag

_RANK = {name: i for i, name in enumerate(FLAGS)}


def flag_rank(name: str) -> int:
    """Where a flag stands, worst first (a flag not in FLAGS after all of them)."""
    return _RANK.get(name, len(FLAGS))


@dataclass(frozen=True)
class FlagGroup:
    """One record and its flags, worst first."""

    kind: str
    id: str
    about: str
    flags: tuple[Flag, ...]

    @property
    def names(self) -> list[str]:
        """The flags' names, worst first."""
        return [f.flag for f in self.flags]

    def reasons(self) -> str:
        """Every flag with its reason, in full: 'overdue: due 2026-11-01, ...; unwritten: ...'."""
        return "; ".join(f"{f.flag}: {f.reason}" for f in self.flags)


def group_flags(flags: Iterable[Flag], about: Mapping[str, str]) -> list[FlagGroup]:
    """The flags grouped by record, worst record first (see the module docstring)."""
    by_record: dict[tuple[str, str], list[Flag]] = {}
    for f in flags:
        by_record.setdefault((f.kind, f.id), []).append(f)
    groups = [
        FlagGroup(
            kind, rid, about.get(rid, rid), tuple(sorted(fs, key=lambda f: flag_rank(f.flag)))
        )
        for (kind, rid), fs in by_record.items()
    ]
    groups.sort(key=lambda g: (flag_rank(g.flags[0].flag), -len(g.flags), g.kind, len(g.id), g.id))
    return groups
