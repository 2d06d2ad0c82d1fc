"""How an ask's measure is written from the editor's four answers, and read back.

The measure ("how will I know") is one line: what you would see, who announces it and
where it is written, e.g. "named lead on the team page; announced by Maya; written in
the org chart". The editor asks the three questions; these two functions are the one
place that says how the answers become the measure and back.
"""

from __future__ import annotations

import re

_MEASURE = re.compile(r"^(.*?)(?:; announced by (.*?))?(?:; written in (.*))?$", re.S)


def join_measure(see: str, who: str, where: str) -> str:
    """The measure from the answers: 'named lead on the team page; announced by ...'."""
    parts = [see.strip()]
    if who.strip():
        parts.append(f"announced by {who.strip()}")
    if where.strip():
        parts.append(f"written in {where.strip()}")
    return "; ".join(p for p in parts if p)


def split_measure(measure: str) -> tuple[str, str, str]:
    """The answers back from a measure written by `join_measure` (else all in 'see')."""
    found = _MEASURE.match(measure.strip())
    if not found:
        return measure, "", ""
    see, who, where = found.groups()
    return see or "", who or "", where or ""
