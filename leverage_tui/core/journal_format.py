"""The journal file's JSON: bytes to typed tables and back, migrations, and the checks a
file must pass before anything is read from it.

The file is a TinyDB database: one object per table, each document under its number.
`_leverage` is a table too, holding one document (`"1"`): the schema version, the
revision and the id counters. `tinydb.TinyDB(path, access_mode="r")` opens it.

    {"_leverage": {"1": {"schema": 2, "revision": 7, "next": {"p": 13}}},
     "people": {"1": {"name": "Sybil", "role": "manager"}}, "promises": {...}, ...}

Decoding goes straight into the typed records of `records.py` (msgspec checks types,
choices and limits on the way); `checks.py` then checks what a type cannot say. A file
that fails any check is refused whole, with the record and the problem named: the same
rules `leverage check`, `import` and `restore` use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import msgspec
from msgspec.structs import force_setattr, replace

from .chain import TABLES as CHAIN_TABLES
from .chain import decode_table as decode_chain_table
from .checks import journal_problems, record_problems, references, text_problem
from .records import Record
from .registry import KINDS, Kind, record_id

SCHEMA = 2
"""The journal schema version this Leverage writes (1: before the registry)."""
META_KEY = "_leverage"
"""The table that marks a file as a Leverage journal and holds its header."""
MAX_ID = 999_999_999_999
"""The largest number of a record's id (a document key has at most 12 digits)."""
SEGMENT = 256
"""Documents per run of a big table: a change encodes one run again, not the table."""

Key = str
"""A document key: the number of the record's id, as text."""
Tables = dict[str, dict[str, Any]]
"""Table name -> {document key -> record}; the header table holds a plain dict."""


class FormatError(ValueError):
    """The bytes are not a good journal: the message says what and where (no path)."""


class NotAJournal(FormatError):
    """The bytes are JSON, but not a Leverage journal."""


class TooNew(FormatError):
    """The journal was written by a newer Leverage."""


def _table_decoder(kind: Kind) -> msgspec.json.Decoder[Any]:
    """A decoder of one table: document keys to records of `kind`."""
    return msgspec.json.Decoder(dict[Key, kind.record])  # type: ignore[name-defined]


_DECODERS = {kind.table: _table_decoder(kind) for kind in KINDS.values()}
_TOP = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ENCODER = msgspec.json.Encoder()


def _migrate_1(top: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: the header becomes a one-document table; the current job, kept in
    the header until now, becomes a table of its own."""
    job = meta.pop("current_job", None)
    if isinstance(job, dict):
        top["current_job"] = {"1": job}
    return meta


MIGRATIONS: dict[int, Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]] = {1: _migrate_1}
"""Schema n -> a function that turns a schema-n journal (tables, header) into n+1."""


# -- bytes to tables -----------------------------------------------------------------------


def _scan_is_clean(raw: bytes) -> bool:
    """True when the bytes cannot hold a control or bidi character in any string.

    JSON escapes control characters (\\u001b, \\r, \\b, \\f); bidi controls and C1 are
    raw UTF-8 or escaped too. A backslash followed by anything but n, t, quote, slash or
    backslash, a DEL byte or one of those UTF-8 sequences sends the caller to the full,
    per-field check. ~20 ms for an 18 MB journal, against ~90 ms for checking every
    string one by one.
    """
    if _ESCAPE.search(raw) or raw.find(b"\x7f") >= 0:
        return False
    high = raw.translate(None, _ASCII)  # non-ASCII bytes only: UTF-8 keeps its boundaries
    return _RAW_BAD.search(high) is None


_ESCAPE = re.compile(rb'\\[^n"t\\/]')
_ASCII = bytes(range(128))
_RAW_BAD = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")


def refuse_duplicate_keys(raw: bytes) -> None:
    """FormatError when any object in the JSON `raw` holds a key twice.

    JSON readers keep only the last of a repeated key: a table, a record or a field
    would be dropped without a word (and gone from the file at the next save). Reads
    every object of `raw` (~0.3 s for an 18 MB journal): see `_no_duplicate_keys`.
    """
    import json

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in items]
        if len(keys) != len(set(keys)):
            repeated = next(k for k in keys if keys.count(k) > 1)
            raise FormatError(f"the key {repeated[:40]!r} appears twice in one object")
        return {}

    try:
        json.loads(raw, object_pairs_hook=pairs)
    except RecursionError:
        raise FormatError("it is nested too deeply") from None
    except ValueError as err:
        if isinstance(err, FormatError):
            raise
        raise FormatError(f"it is not JSON ({str(err)[:80]})") from None


def _no_duplicate_keys(
    raw: bytes, top: dict[str, msgspec.Raw], tables: Tables, encoder: Encoder | None
) -> None:
    """FormatError when a key appears twice anywhere in the file.

    `top` is the file's tables as read, before any migration. A file whose size is
    exactly that of its tables names each table once; a table Leverage wrote is exactly
    what its decoded records encode to, so no record or field can have been dropped
    from it (~50 ms for an 18 MB journal; `encoder` keeps the encoded runs for the first
    save). Anything else (another program's file, a header migrated from an older
    Leverage, a hand edit) is read again key by key.
    """
    names = [_ENCODER.encode(name) for name in top]
    size = 1 + sum(len(n) + 1 + len(v) + 1 for n, v in zip(names, top.values(), strict=True))
    if size != len(raw.rstrip()):
        refuse_duplicate_keys(raw)
        return
    encoder = encoder or Encoder()
    at = 1
    for name, key, stored in zip(top, names, top.values(), strict=True):
        at += len(key) + 1
        table = tables.get(name)
        if table is not None and not isinstance(table, msgspec.Raw):  # not another program's
            end = at
            for part in encoder.table_parts(name, table):
                if not raw.startswith(part, end):
                    break
                end += len(part)
            else:
                if end == at + len(stored):
                    table = None
            if table is not None:
                refuse_duplicate_keys(bytes(stored))
        at += len(stored) + 1


def decode(raw: bytes, encoder: Encoder | None = None) -> tuple[dict[str, Any], Tables]:
    """The header and the typed tables of a journal's bytes; FormatError when it is bad.

    `encoder`, when given, keeps the encoded tables (the next save reuses them).
    """
    meta, tables = decode_unchecked(raw, encoder)
    problems = journal_problems(tables, fields=not _scan_is_clean(raw))
    if problems:
        more = (
            f" (and {len(problems) - 1} more: leverage check lists them)"
            if len(problems) > 1
            else ""
        )
        raise FormatError(f"the journal is damaged ({problems[0][:160]}){more}")
    return meta, tables


def inspect(raw: bytes) -> tuple[Tables, list[str]]:
    """A journal's tables and every problem in them, record by record (`leverage
    check`). FormatError when the file cannot be read as a journal at all."""
    try:
        decoded = decode_unchecked(raw)[1]
        return decoded, journal_problems(decoded)
    except FormatError as err:
        if isinstance(err, NotAJournal | TooNew) or "(a record in " not in str(err):
            raise
    top: dict[str, Any] = _TOP.decode(raw)
    _header(top)
    tables: Tables = {}
    problems: list[str] = []
    for kind in KINDS.values():
        value = top.get(kind.table)
        if value is None:
            continue
        try:
            docs = msgspec.json.decode(value) if isinstance(value, msgspec.Raw) else value
        except (msgspec.DecodeError, RecursionError):
            problems.append(f"{kind.table}: not readable")
            continue
        if not isinstance(docs, dict):
            problems.append(f"{kind.table}: not a table")
            continue
        good: dict[str, Record] = {}
        for key, doc in docs.items():
            if not re.fullmatch(r"[1-9][0-9]{0,11}", key):
                problems.append(f"{kind.table}: entry {key[:20]!r} has a bad id (not a number)")
                continue
            rid = record_id(kind, key)
            try:
                good[key] = record_from(kind, doc, rid)
            except ValueError as err:
                problems.append(f"{rid}: {err}")
                continue
            problems.extend(f"{rid}: {p}" for p in record_problems(kind, good[key]))
        tables[kind.table] = good
    return tables, list(dict.fromkeys(problems + references(tables)))


def explain(kind: Kind, doc: Any) -> str:
    """What is wrong with a document that is not a good record of `kind`, in words."""
    if not isinstance(doc, dict):
        return "not an object"
    hints = _hints(kind)
    for spec in kind.fields:
        if spec.key not in doc:
            if spec.required:
                return f"missing field {spec.key!r}"
            continue
        value = doc[spec.key]
        try:
            msgspec.convert(value, hints[spec.name])
            continue
        except msgspec.ValidationError as err:
            detail = str(err)
        shown = repr(value)[:40]
        if spec.input == "choice" and not spec.many:
            return f"unknown {spec.what} {shown} (choose {', '.join(spec.choices)})"
        if spec.input == "date" and not spec.many:
            return f"{spec.what} {shown} is not a date (write it as YYYY-MM-DD)"
        if spec.input == "money":
            return f"{spec.what} is not an amount: {shown}"
        if spec.input in ("line", "name", "notes") and isinstance(value, str):
            return text_problem(value, spec.what, multiline=False, limit=spec.limit) or detail
        return f"{spec.what}: {detail[:80]}"
    return "not a record of this kind"


_HINTS: dict[str, dict[str, Any]] = {}


def _hints(kind: Kind) -> dict[str, Any]:
    if kind.name not in _HINTS:
        import typing

        _HINTS[kind.name] = typing.get_type_hints(kind.record, include_extras=True)
    return _HINTS[kind.name]


def decode_unchecked(raw: bytes, encoder: Encoder | None = None) -> tuple[dict[str, Any], Tables]:
    """The header and typed tables, with only the checks their types make (and no key
    twice in one object)."""
    if not raw.strip():
        raise FormatError(f"the journal is empty ({len(raw)} bytes): it was probably cut short")
    try:
        top: dict[str, Any] = _TOP.decode(raw)
    except RecursionError:
        raise FormatError("the journal is damaged (it is nested too deeply)") from None
    except msgspec.ValidationError:
        raise NotAJournal("this is not a Leverage journal") from None
    except msgspec.DecodeError as err:
        raise FormatError(f"the journal is damaged ({err})") from None
    if META_KEY not in top:
        raise NotAJournal("this is not a Leverage journal")
    as_read = dict(top)
    meta = _header(top)
    tables: Tables = {}
    for name, value in top.items():
        if name == META_KEY:
            continue
        if name in CHAIN_TABLES:  # the hash chain (chain.py): not records
            try:
                tables[name] = decode_chain_table(name, value)
            except ValueError as err:
                raise FormatError(f"the journal is damaged ({err})") from None
            continue
        decoder = _DECODERS.get(name)
        if decoder is None:
            tables[name] = value  # another program's table: kept as it is
            continue
        tables[name] = _decode_table(decoder, name, value)
    out = {META_KEY: {"1": meta}, **tables}
    try:
        _no_duplicate_keys(raw, as_read, out, encoder)
    except FormatError as err:
        raise FormatError(f"the journal is damaged ({err})") from None
    return meta, out


def _header(top: dict[str, Any]) -> dict[str, Any]:
    """The header document, migrated to this schema (tables in `top` migrate with it)."""
    try:
        header = msgspec.json.decode(top[META_KEY])
    except (msgspec.DecodeError, RecursionError):
        raise FormatError("the journal is damaged (its header is not readable)") from None
    if not isinstance(header, dict):
        raise NotAJournal("this is not a Leverage journal")
    meta = header.get("1") if "schema" not in header else header
    if not isinstance(meta, dict):
        raise FormatError("the journal has no valid schema version")
    schema = meta.get("schema")
    if type(schema) is not int or schema < 0:
        raise FormatError("the journal has no valid schema version")
    if schema > SCHEMA:
        raise TooNew(
            f"the journal was written by a newer Leverage (schema {schema}; this one reads "
            f"up to {SCHEMA}): upgrade Leverage to open it"
        )
    meta = dict(meta)
    while schema < SCHEMA:
        if schema not in MIGRATIONS:
            raise FormatError(f"no migration from schema {schema}")
        meta = MIGRATIONS[schema](top, meta)
        schema += 1
    meta["schema"] = SCHEMA
    counters = meta.get("next", {})
    if (
        type(meta.get("revision", 0)) is not int
        or not isinstance(counters, dict)
        or not all(type(n) is int and 1 <= n <= MAX_ID for n in counters.values())
    ):
        raise FormatError("the journal's header is damaged (its revision or id counters)")
    return meta


def _decode_table(decoder: msgspec.json.Decoder[Any], name: str, value: Any) -> dict[str, Any]:
    """One table's records, their ids set; FormatError naming the bad document."""
    kind = next(k for k in KINDS.values() if k.table == name)
    try:
        if isinstance(value, msgspec.Raw):
            docs: dict[str, Record] = decoder.decode(value)
        else:  # added by a migration as plain data
            docs = msgspec.convert(value, dict[Key, kind.record])  # type: ignore[name-defined]
    except RecursionError:
        raise FormatError(f"the journal is damaged ({name} is nested too deeply)") from None
    except (msgspec.ValidationError, msgspec.DecodeError) as err:
        raise FormatError(
            f"the journal is damaged (a record in {name}: {_where(kind, value, err)})"
        ) from None
    for key, record in docs.items():
        force_setattr(record, "id", record_id(kind, key))
    return docs


def _where(kind: Kind, value: Any, err: Exception) -> str:
    """Which record is bad and why, in words (the error names only a path)."""
    text = str(err)
    found = re.search(r"`\$\['([^']*)'\]", text)
    if found is None:
        if "at `key` in `$`" in text:
            return "an entry has a bad id (not a number)"
        return text.partition(" - at ")[0][:120]
    key = found.group(1)
    try:
        docs = msgspec.json.decode(value) if isinstance(value, msgspec.Raw) else value
        reason = explain(kind, docs.get(key))
    except (msgspec.DecodeError, AttributeError, RecursionError):
        reason = text.partition(" - at ")[0][:120]
    return f"{record_id(kind, key)}: {reason}"


def record_from(kind: Kind, doc: Any, rid: str) -> Record:
    """A record of `kind` from a document (a dict as TinyDB hands it back); ValueError
    saying in words what is wrong with it."""
    try:
        record: Record = msgspec.convert(doc, kind.record)
    except msgspec.ValidationError:
        raise ValueError(explain(kind, doc)) from None
    force_setattr(record, "id", rid)
    return record


# -- tables to bytes --------------------------------------------------------------------


class Encoder:
    """Encodes tables to JSON, keeping the bytes of runs of records that did not change.

    A big table is cut into runs of SEGMENT documents; a run whose keys and records are
    the very same objects as last time (records are immutable) is not encoded again.
    Use an encoder from one thread at a time.
    """

    def __init__(self) -> None:
        """Nothing kept yet."""
        self._kept: dict[str, list[tuple[list[str], list[Any], bytes]]] = {}

    def parts(self, tables: Tables) -> list[bytes]:
        """`tables` as the JSON of a journal file, in parts to be joined."""
        out = [b"{"]
        for n, (name, table) in enumerate(tables.items()):
            out.append((b"," if n else b"") + _ENCODER.encode(name) + b":")
            out.extend(self.table_parts(name, table))
        out.append(b"}")
        for name in [name for name in self._kept if name not in tables]:
            del self._kept[name]
        return out

    def table_parts(self, name: str, table: Any) -> list[bytes]:
        """One table as JSON, in parts to be joined."""
        if isinstance(table, msgspec.Raw):
            return [bytes(table)]
        if len(table) <= SEGMENT or name == META_KEY:
            self._kept.pop(name, None)
            return [_encode_run(list(table), list(table.values()))]
        return [b"{", *self._runs(name, table), b"}"]

    def _runs(self, name: str, table: dict[str, Any]) -> list[bytes]:
        kept = self._kept.get(name, [])
        keys, docs = list(table), list(table.values())
        runs = []
        out: list[bytes] = []
        for n, start in enumerate(range(0, len(keys), SEGMENT)):
            run_keys, run_docs = keys[start : start + SEGMENT], docs[start : start + SEGMENT]
            old = kept[n] if n < len(kept) else None
            if old is not None and old[0] == run_keys and old[1] == run_docs:
                run = old
            else:
                run = (run_keys, run_docs, _encode_run(run_keys, run_docs)[1:-1])
            runs.append(run)
            if n:
                out.append(b",")
            out.append(run[2])
        self._kept[name] = runs
        return out


def _encode_run(keys: Sequence[str], docs: Sequence[Any]) -> bytes:
    """One run of documents as a JSON object (records without their id)."""
    unset = msgspec.UNSET  # an UNSET field is left out: the id is the document's key
    plain = {
        k: replace(d, id=unset) if isinstance(d, Record) else d
        for k, d in zip(keys, docs, strict=True)
    }
    return _ENCODER.encode(plain)


def empty_tables() -> Tables:
    """The tables of a brand-new journal."""
    return {META_KEY: {"1": {"schema": SCHEMA, "revision": 0}}}
