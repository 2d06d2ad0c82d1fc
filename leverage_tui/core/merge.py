"""Importing an export into a journal: every record checked first, then merged.

An export (`leverage export --format json`) is the journal's tables keyed by id (p12, c3)
under a `_leverage` header; exports of every earlier version are read. Attachments are
not imported (an export holds their names and hashes, not the files), and an export
does not carry the hash chain: the importing journal's chain records the import, one
entry per record added. A record whose
id and content are already in the journal is skipped; one whose content is there under
another id (an earlier import of the same file) is matched to it; one whose id is taken
by something else gets a new id, and links to it follow. Nothing is saved unless every
record of the export is good, by the same rules as typed input and a loaded file.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from .checks import InputError, journal_problems, record_problems
from .journal_format import META_KEY, SCHEMA, record_from
from .records import Ask, Conversation, CurrentJob, Decision, Person, Promise, Record, Win
from .registry import CURRENT_JOB_ID, KINDS, Kind, kind_of_id

if TYPE_CHECKING:
    from .journal import Journal


def parse_export(data: Any) -> list[tuple[Kind, Record]]:
    """The records of an export, checked; InputError naming the first bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get(META_KEY), dict):
        raise InputError("not a Leverage export (no _leverage header)")
    schema = data[META_KEY].get("schema", 1)
    if type(schema) is not int or schema < 1:
        raise InputError("the export has no valid schema version")
    if schema > SCHEMA:
        raise InputError(
            f"the export was written by a newer Leverage (schema {schema}; this one reads "
            f"up to {SCHEMA}): upgrade Leverage to import it"
        )
    tables = {k: v for k, v in data.items() if k != META_KEY}
    job = data[META_KEY].get("current_job")  # schema 1 kept it in the header
    if job is not None:
        tables.setdefault("current_job", {CURRENT_JOB_ID: job})
    parsed: list[tuple[Kind, Record]] = []
    for kind in KINDS.values():
        docs = tables.get(kind.table, {})
        if not isinstance(docs, dict):
            raise InputError(f"the export's {kind.table} is not a table")
        for rid, doc in docs.items():
            rid = str(rid)
            try:
                if kind_of_id(rid) is not kind or (
                    kind.name != "job" and not re.fullmatch(r"[1-9][0-9]{0,11}", rid[1:])
                ):
                    raise ValueError("bad id")
                record = record_from(kind, doc, rid)
                problems = record_problems(kind, record)
                if problems:
                    raise ValueError(problems[0])
            except (ValueError, TypeError) as err:
                raise InputError(
                    f"the export's {kind.table} entry {rid[:20]!r} is invalid: {str(err)[:80]}"
                ) from None
            parsed.append((kind, record))
    return parsed


def content(record: Record) -> str:
    """A record's content (not its id) as one comparable string."""
    return json.dumps(record.to_doc(), sort_keys=True, ensure_ascii=False)


def _relink(record: Record, renamed: dict[str, str]) -> Record:
    """An imported record whose links point at the new ids of the records they name."""
    if isinstance(record, Promise) and record.conversation in renamed:
        return replace(record, conversation=renamed[record.conversation])
    if isinstance(record, Ask) and any(p in renamed for p in record.promises):
        return replace(record, promises=tuple(renamed.get(p, p) for p in record.promises))
    if isinstance(record, Decision) and record.offer in renamed:
        return replace(record, offer=renamed[record.offer])
    if isinstance(record, Win) and any(a in renamed for a in record.asks):
        return replace(record, asks=tuple(renamed.get(a, a) for a in record.asks))
    return record


def merge(journal: Journal, data: Any) -> dict[str, int]:
    """Merge an export into `journal` as one change; the records added per table."""
    parsed = parse_export(data)

    def body() -> dict[str, int]:
        counts = {k.table: 0 for k in KINDS.values() if k.name not in ("job", "attachment")}
        renamed: dict[str, str] = {}
        for kind in KINDS.values():  # links point only at kinds placed before
            if kind.name == "attachment":  # the files are not in an export
                continue
            mine = [r for k, r in parsed if k is kind]
            if kind.name == "job":
                if mine and journal.current_job is None:
                    journal._put(mine[0])
                continue
            have = journal.records(kind.name)
            twins: dict[str, list[str]] = {}
            for rid, existing in have.items():
                twins.setdefault(content(existing), []).append(rid)
            clashing: list[Record] = []
            for record in mine:
                record = _relink(record, renamed)
                same = have.get(record.id)
                text = content(record)
                if same is not None and content(same) == text:
                    if record.id in twins.get(text, []):
                        twins[text].remove(record.id)
                    continue
                if twins.get(text):
                    renamed[record.id] = twins[text].pop(0)
                    continue
                if isinstance(record, Person) and journal.person_named(record.name):
                    continue
                if same is None:
                    _place(journal, record, counts, kind)
                else:
                    clashing.append(record)
            for record in clashing:  # their ids are taken: new ones, once the rest is placed
                new_id = journal._new_id(kind)
                renamed[record.id] = new_id
                _place(journal, replace(record, id=new_id), counts, kind)
        problems = journal_problems(
            {k.table: journal.storage.records(k.table) for k in KINDS.values()}, fields=False
        )
        if problems:
            raise InputError(f"{problems[0]}; nothing was imported")
        return counts

    return journal._change("import", body)


def _place(journal: Journal, record: Record, counts: dict[str, int], kind: Kind) -> None:
    if isinstance(record, Promise):
        record = replace(record, by=journal._person(record.by))
    elif isinstance(record, Conversation):
        people = tuple(dict.fromkeys(journal._person(n) for n in record.people))
        record = replace(record, people=people)
    journal._put(record)
    counts[kind.table] += 1


__all__ = ["CurrentJob", "merge", "parse_export"]
