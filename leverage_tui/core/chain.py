"""The hash chain: every change to the journal, hashed onto the change before it.

A journal keeps, in its own file and written in the same save as each change:

- `chain`: an entry per record changed, in order (keys "1", "2", ...): when (`on`), what
  kind of change (`change`: its label, "add promise 'x'", "edit of 'x'", "undo",
  "import", "restore", ...), which record (`record`), the digest of the record's content
  after the change (`digest`, or "deleted"), and `hash`: SHA-256 over the previous
  entry's hash and this entry's fields. Entry 1 is the start: its digest is the digest
  of `chain_start`, its previous hash 64 zeros.
- `chain_start`: the digest of every record the journal held when the chain began, in
  its one document ("1": {record id: digest}, so that TinyDB reads every table). A
  new journal starts with none; an existing one starts its chain at its first change
  after the upgrade, with the records it held then (each still checked by `verify`).
- the header's `chain`: how many entries there are and the head hash (so entries
  removed from the end are caught too).

A record's digest is SHA-256 (its first 128 bits, in hex) of its canonical JSON: every
field but the id, sorted by name, a field at its default left out (so a field added in
a later version, with a default, changes no digest). A migration that changes what a
record holds must add entries for it.

Before a record is changed, its content is compared with its last digest: a record
edited by hand outside Leverage gets an entry "changed outside Leverage" first, so a
later change never launders a hand edit. Checking (`verify`, chain_verify.py) recomputes
every hash and the digest of every record.

The fingerprint is the head hash made readable: its first 80 bits in base32, in groups
of four (`ABCD-EFGH-IJKL-MNOP`). Anyone who holds an older fingerprint (in a dated
email) can have `leverage verify --against` prove the record then is unchanged since.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import msgspec

from . import dates
from .checks import BIDI
from .records import Record
from .registry import KINDS, Kind

if TYPE_CHECKING:
    from .journal_core import JournalCore

CHAIN = "chain"
"""The table of chain entries."""
CHAIN_START = "chain_start"
"""The table of the digests of the records the journal held when its chain began."""
TABLES = (CHAIN, CHAIN_START)
"""The tables the chain keeps in the journal file (not kinds of record)."""
ZERO = "0" * 64
"""The previous hash of the first entry."""
DELETED = "deleted"
"""The digest of a record deleted by a change."""
START = "start"
"""The change of the first entry: the chain begins."""
OUTSIDE = "changed outside Leverage"
"""The change of an entry recording a record found edited by hand before a change."""


_WHEN = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d\d-\d\d(T[0-9:.+\-Z]{8,40})?$")]
_LINE = Annotated[
    str, msgspec.Meta(pattern=f"^[^\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}]*$", max_length=400)
]
_RECORD = Annotated[str, msgspec.Meta(pattern=r"^([a-z]{1,3}\d{1,12}|now)?$")]
_DIGEST = Annotated[str, msgspec.Meta(pattern=r"^([0-9a-f]{32}|deleted)$")]
_HASH = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]


class Entry(msgspec.Struct, frozen=True, gc=False):
    """One change of one record in the chain. Each field has the shape the chain writes
    (a date, a one-line label, an id, hex digests): a file holding anything else, a
    control character above all, is damaged, not shown."""

    on: _WHEN
    change: _LINE
    record: _RECORD
    digest: _DIGEST
    hash: _HASH


_STARTS_TYPE = dict[str, dict[_RECORD, _DIGEST]]
_ENTRIES = msgspec.json.Decoder(dict[str, Entry])
_STARTS = msgspec.json.Decoder(_STARTS_TYPE)
_ENCODE = msgspec.json.Encoder(order="sorted")


def start_of(tables: Mapping[str, Any]) -> dict[str, str]:
    """The digests the chain began with (record id: digest), from the `chain_start`
    table's one document."""
    return dict(tables.get(CHAIN_START, {}).get("1", {}))


def decode_table(name: str, raw: bytes | Any) -> dict[str, Any]:
    """A chain table from its JSON bytes (or plain data); ValueError when damaged."""
    try:
        if isinstance(raw, bytes | bytearray | memoryview | msgspec.Raw):
            return (_ENTRIES if name == CHAIN else _STARTS).decode(raw)
        return msgspec.convert(raw, dict[str, Entry] if name == CHAIN else _STARTS_TYPE)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError) as err:
        raise ValueError(f"the {name} table is not readable ({str(err)[:80]})") from None


# -- digests ----------------------------------------------------------------------------


def _defaults(kind: Kind) -> dict[str, Any]:
    """Each field's default in its JSON form (the key is the JSON name)."""
    out: dict[str, Any] = {}
    for spec in kind.fields:
        if not spec.required:
            default = spec.default
            out[spec.key] = msgspec.to_builtins(default) if default is not None else None
    return out


_DEFAULTS = {kind.record: _defaults(kind) for kind in KINDS.values()}


def digest(record: Record) -> str:
    """The digest of a record's content (see the module docstring)."""
    doc: dict[str, Any] = msgspec.to_builtins(record)
    doc.pop("id", None)
    for key, default in _DEFAULTS[type(record)].items():
        if key in doc and doc[key] == default:
            del doc[key]
    return hashlib.sha256(_ENCODE.encode(doc)).hexdigest()[:32]


def start_digest(start: Mapping[str, str]) -> str:
    """The digest of the start snapshot (what entry 1 holds)."""
    return hashlib.sha256(_ENCODE.encode(dict(start))).hexdigest()[:32]


def link(previous: str, on: str, change: str, record: str, record_digest: str) -> str:
    """The hash of an entry: SHA-256 over the previous hash and the entry's fields."""
    return hashlib.sha256(_ENCODE.encode([previous, on, change, record, record_digest])).hexdigest()


def fingerprint(head: str) -> str:
    """The head hash in a readable form: `ABCD-EFGH-IJKL-MNOP` (80 bits, base32)."""
    text = base64.b32encode(bytes.fromhex(head)[:10]).decode()
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def current_fingerprint(meta: Mapping[str, Any]) -> str:
    """The fingerprint of the journal now, from its header ('' before its chain began)."""
    said = meta.get("chain")
    head = said.get("head") if isinstance(said, dict) else None
    if not isinstance(head, str) or len(head) != 64:
        return ""
    try:
        return fingerprint(head)
    except ValueError:
        return ""


def all_records(tables: Mapping[str, Mapping[str, Any]]) -> Iterable[Record]:
    """Every record of every kind in `tables`."""
    for kind in KINDS.values():
        yield from tables.get(kind.table, {}).values()


# -- appending ----------------------------------------------------------------------------

Touched = tuple[Kind, str, Record | None, Record | None]
"""(kind, id, before, after) of a record a change touched (journal_core.Step)."""


class ChainKeeper:
    """Appends a change's entries to the chain of the tables it is given.

    It keeps the last digest of each record (from the start snapshot and the entries),
    built once per load (`forget` after the tables were read again).
    """

    def __init__(self) -> None:
        """Nothing known yet."""
        self._last: dict[str, str] | None = None

    def forget(self) -> None:
        """The tables were read again: rebuild what is kept on the next change."""
        self._last = None

    def _index(self, tables: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
        if self._last is None:
            last = start_of(tables)
            for entry in list(tables.get(CHAIN, {}).values())[1:]:
                last[entry.record] = entry.digest
            self._last = last
        return self._last

    def record(
        self,
        tables: dict[str, Any],
        meta: dict[str, Any],
        label: str,
        touched: Iterable[Touched],
        today: dt.date,
    ) -> int:
        """Append the entries of one change (inside its transaction); how many."""
        first: dict[str, Record | None] = {}
        final: dict[str, Record | None] = {}
        for _kind, rid, before, after in touched:
            first.setdefault(rid, before)
            final[rid] = after
        if not final:
            return 0
        on = dates.stamp(today)
        chain = tables.get(CHAIN)
        if not chain:
            chain = self._begin(tables, first, on)
        last = self._index(tables)
        head = next(reversed(chain.values())).hash
        added = 0
        for rid, after in final.items():
            before = first[rid]
            was = digest(before) if before is not None else None
            known = last.get(rid)
            if (known or DELETED) != (was or DELETED):  # edited or removed by hand
                head = self._add(chain, head, on, OUTSIDE, rid, was or DELETED)
                added += 1
            now = digest(after) if after is not None else DELETED
            if now == (was or DELETED):
                continue
            head = self._add(chain, head, on, label, rid, now)
            last[rid] = now
            added += 1
        meta["chain"] = {"entries": len(chain), "head": head}
        return added

    def _begin(
        self, tables: dict[str, Any], first: Mapping[str, Record | None], on: str
    ) -> dict[str, Entry]:
        """Start the chain: the digest of every record as it was before this change."""
        start: dict[str, str] = {}
        for record in all_records(tables):
            if record.id not in first:
                start[record.id] = digest(record)
        for rid, before in first.items():
            if before is not None:
                start[rid] = digest(before)
        if start:  # a new journal has none (nothing before its first change)
            tables[CHAIN_START] = {"1": start}
        chain: dict[str, Entry] = {}
        tables[CHAIN] = chain
        self._last = dict(start)
        self._add(chain, ZERO, on, START, "", start_digest(start))
        return chain

    def _add(
        self, chain: dict[str, Entry], head: str, on: str, change: str, rid: str, value: str
    ) -> str:
        entry = Entry(on, change, rid, value, link(head, on, change, rid, value))
        chain[_next_key(chain)] = entry
        return entry.hash


def _next_key(chain: dict[str, Entry]) -> str:
    """The key after the last entry's (never one in use, however the table was edited)."""
    if not chain:
        return "1"
    last = next(reversed(chain))
    if last.isdigit() and str(int(last) + 1) not in chain:
        return str(int(last) + 1)
    return str(max((int(k) for k in chain if k.isdigit()), default=0) + 1)


# -- after a restore ----------------------------------------------------------------------


def carried(tables: Mapping[str, Any]) -> dict[str, Any] | None:
    """The chain of a journal about to be replaced by a backup (None: it has none)."""
    if not tables.get(CHAIN):
        return None
    return {name: dict(tables[name]) for name in TABLES if name in tables}


def rejoin(journal: JournalCore, old: Mapping[str, Any], label: str) -> int:
    """After a restore: the chain the journal had before goes on, with an entry for each
    record the restore changed (one change, not undoable); how many entries."""

    def body() -> int:
        tables = journal.storage.read()
        tables[CHAIN] = dict(old[CHAIN])
        if start_of(old):
            tables[CHAIN_START] = {"1": start_of(old)}
        else:
            tables.pop(CHAIN_START, None)
        keeper = journal.chain
        keeper.forget()
        last = keeper._index(tables)
        chain: dict[str, Entry] = tables[CHAIN]
        head = next(reversed(chain.values())).hash
        on = dates.stamp(journal.today)
        now = {r.id: digest(r) for r in all_records(tables)}
        added = 0
        for rid in sorted(set(now) | {k for k, v in last.items() if k and v != DELETED}):
            value = now.get(rid, DELETED)
            if last.get(rid, DELETED) != value:
                head = keeper._add(chain, head, on, label, rid, value)
                last[rid] = value
                added += 1
        journal.storage.meta["chain"] = {"entries": len(chain), "head": head}
        journal.storage.write(tables)  # saved with the change
        return added

    return journal._change(label, body, undoable=False)
