"""Checking the hash chain (chain.py): `leverage verify`.

`verify(tables, meta)` recomputes every entry's hash from the one before, the start
snapshot's digest, the header's count and head, and the digest of every record the
journal holds, against the last entry that names it. Anything that does not match is a
problem naming the first change or record concerned: a record edited by hand outside
Leverage, an entry removed or altered, a record added or removed by hand.

`against(verdict, fingerprint)` finds the change whose head a fingerprint is: when the
chain is intact up to it, the record as it stood then is proved unchanged since, and
the changes after it are listed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .chain import (
    CHAIN,
    DELETED,
    OUTSIDE,
    START,
    ZERO,
    Entry,
    all_records,
    digest,
    fingerprint,
    link,
    start_digest,
    start_of,
)
from .plural import counted
from .registry import kind_of_id


@dataclass
class Verdict:
    """What `verify` found."""

    entries: list[tuple[str, Entry]] = field(default_factory=list)
    """The chain's entries (key, entry) in order."""
    intact_to: int = 0
    """How many entries, from the first, are intact (all of them when nothing is wrong)."""
    problems: list[str] = field(default_factory=list)
    """What does not match, the first change or record first."""
    outside: list[str] = field(default_factory=list)
    """Changes made outside Leverage that the chain recorded before a later change."""
    started_with: int = 0
    """How many records the journal held when its chain began."""

    @property
    def ok(self) -> bool:
        """True when the chain and every record match."""
        return not self.problems

    @property
    def started(self) -> bool:
        """True once the journal has a chain."""
        return bool(self.entries)

    @property
    def changes(self) -> int:
        """Changes to records in the chain (the start entry is not one)."""
        return max(0, len(self.entries) - 1)

    @property
    def since(self) -> str:
        """When the chain began (its first entry's date)."""
        return self.entries[0][1].on[:10] if self.entries else ""

    @property
    def head(self) -> str:
        """The last entry's hash."""
        return self.entries[-1][1].hash if self.entries else ""

    @property
    def fingerprint(self) -> str:
        """The head hash, readable (chain.fingerprint)."""
        return fingerprint(self.head) if self.entries else ""


def _named(rid: str, tables: Mapping[str, Mapping[str, Any]]) -> str:
    """`p3 (promise 'Lead the Q3 planning')`, or the id alone."""
    kind = kind_of_id(rid)
    if kind is None:
        return rid[:24] or "(no record)"
    key = "1" if kind.name == "job" else rid[1:]
    record = tables.get(kind.table, {}).get(key)
    return f"{rid} ({kind.name} {kind.label(record)})" if record is not None else rid


def number(key: str) -> str:
    """How a person counts an entry: the start is change 0, the first change after it 1."""
    return str(int(key) - 1) if key.isdigit() else key[:12]


def _change_words(key: str, e: Entry) -> str:
    what = f", {e.record}" if e.record else ""
    return f"change {number(key)} ({e.on[:10]}, {e.change[:60]}{what})"


def verify(tables: Mapping[str, Mapping[str, Any]], meta: Mapping[str, Any]) -> Verdict:
    """Check the chain of `tables` and every record against it (see the docstring)."""
    chain: Mapping[str, Entry] = tables.get(CHAIN, {})
    start: Mapping[str, str] = start_of(tables)
    said = meta.get("chain") if isinstance(meta.get("chain"), dict) else None
    verdict = Verdict(started_with=len(start))
    if not chain:
        if said:
            verdict.problems.append(
                f"the chain was removed: the header says it held {said.get('entries')} "
                "entries, and none is left"
            )
        return verdict
    keys = sorted(chain, key=lambda k: (not k.isdigit(), int(k) if k.isdigit() else 0, k))
    verdict.entries = [(k, chain[k]) for k in keys]
    _check_links(verdict, start)
    if said and (said.get("entries") != len(chain) or said.get("head") != verdict.head):
        verdict.problems.append(
            f"the header says the chain held {said.get('entries')} entries ending in another "
            f"head; it holds {len(chain)} (entries were removed or altered by hand)"
        )
    _check_records(verdict, tables, start)
    return verdict


def _check_links(verdict: Verdict, start: Mapping[str, str]) -> None:
    """Every entry's hash from the one before; the first is the start; no number skipped."""
    previous, number = ZERO, 0
    broken = False
    for position, (key, e) in enumerate(verdict.entries, 1):
        problem = None
        if not key.isdigit() or int(key) <= number:
            problem = f"the chain has an entry with a bad number ({key[:12]!r})"
        elif int(key) > number + 1:
            gap = int(key) - number - 1
            first = number  # the start is change 0
            which = f"change {first} is" if gap == 1 else f"changes {first} to {int(key) - 2} are"
            problem = f"{which} missing from the chain (removed by hand)"
        elif position == 1 and (e.change != START or e.digest != start_digest(start)):
            problem = "the chain's start does not match the records it began with (altered)"
        elif link(previous, e.on, e.change, e.record, e.digest) != e.hash:
            problem = (
                f"{_change_words(key, e)} does not match the chain: it was altered, or a "
                "change before it removed"
            )
        if problem is not None:
            verdict.problems.append(problem)
            broken = True
        elif not broken:
            verdict.intact_to = position
        if e.change == OUTSIDE:
            verdict.outside.append(_change_words(key, e))
        previous = e.hash
        number = int(key) if key.isdigit() else number


def _check_records(
    verdict: Verdict, tables: Mapping[str, Mapping[str, Any]], start: Mapping[str, str]
) -> None:
    """Every record against the last entry naming it (or the start snapshot)."""
    last: dict[str, tuple[str, str]] = {rid: (d, "the chain's start") for rid, d in start.items()}
    for key, e in verdict.entries[1:]:
        last[e.record] = (e.digest, f"change {number(key)} ({e.on[:10]})")
    seen = set()
    found: list[str] = []
    for record in all_records(tables):
        rid = record.id
        seen.add(rid)
        expected = last.get(rid)
        if expected is None:
            found.append(f"{_named(rid, tables)} is not in the chain: added outside Leverage")
        elif expected[0] == DELETED:
            found.append(
                f"{_named(rid, tables)} was deleted in {expected[1]} and is back: "
                "put back outside Leverage"
            )
        elif digest(record) != expected[0]:
            found.append(
                f"{_named(rid, tables)} was changed outside Leverage: it does not match "
                f"{expected[1]}"
            )
    for rid, (value, where) in last.items():
        if rid and rid not in seen and value != DELETED:
            found.append(f"{rid} is missing: removed outside Leverage (it was in {where})")
    verdict.problems += found


_HEX = re.compile(r"[0-9a-f]{64}")


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, dashes or spaces) in its 16-letter form, or a
    full head hash in lower-case hex; ValueError when it is neither."""
    given = text.strip().lower()
    if _HEX.fullmatch(given):
        return given
    letters = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[A-Z2-7]{16}", letters):
        raise ValueError(
            f"{text[:40]!r} is not a fingerprint (16 letters and digits, e.g. ABCD-EFGH-IJKL-MNOP)"
        )
    return letters


def against(verdict: Verdict, wanted: str) -> tuple[int | None, list[tuple[str, Entry]]]:
    """(the change whose head is `wanted`, counted as a person does: 0 is the start, and
    the entries after it), or (None, []) when the intact part of the chain never passed
    through it. `wanted` is from `normal_fingerprint`."""
    for position, (_key, e) in enumerate(verdict.entries, 1):
        if position > verdict.intact_to:
            break
        if e.hash == wanted or fingerprint(e.hash).replace("-", "") == wanted:
            return position - 1, verdict.entries[position:]
    return None, []


def summary(verdict: Verdict, empty: bool = False) -> str:
    """The one line `verify` says when all is well (`empty`: the journal holds nothing)."""
    if not verdict.started:
        if empty:
            return "nothing recorded yet: the chain begins with the journal's first change"
        return (
            "no chain yet: this journal was written before Leverage kept one; "
            "it begins with the next change"
        )
    began = ""
    if verdict.started_with:
        held = counted(verdict.started_with, "record")
        began = (
            f" (the chain began on {verdict.since} with the {held} the journal held then; "
            "changes before that are not in it)"
        )
    return (
        f"intact: {counted(verdict.changes, 'change')} since {verdict.since}; "
        f"fingerprint {verdict.fingerprint}{began}"
    )
