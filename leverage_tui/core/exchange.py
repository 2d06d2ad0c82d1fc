"""Exported journal data: reading an export back in, checked as strictly as typed input.

An export is the journal's tables of documents keyed by id (p12, c3, ...) under a
`_leverage` header; `Journal.import_data` merges one in.
"""

from __future__ import annotations

import json
from typing import Any

from .record_checks import validate_record
from .records import KIND_OF_PREFIX, KINDS, Ask, Doc, Offer, Promise, Record
from .storage import META_KEY
from .validate import InputError

CURRENT_JOB = "current_job"
"""Key of the current job (an Offer-shaped doc, id 'current') in the journal's header."""


def parse_export(data: Any) -> tuple[list[tuple[str, str, Record]], Doc | None]:
    """The records of an export as (kind, id, record), and its current job's document.

    InputError, naming the entry, when anything in it is not as an export writes it.
    """
    if not isinstance(data, dict) or META_KEY not in data:
        raise InputError("not a Leverage export (no _leverage header)")
    parsed: list[tuple[str, str, Record]] = []
    for kind, (table, cls) in KINDS.items():
        docs = data.get(table, {})
        if not isinstance(docs, dict):
            raise InputError(f"the export's {table} is not a table")
        for rid, doc in docs.items():
            try:
                number = str(rid)[1:]
                if not isinstance(doc, dict) or KIND_OF_PREFIX.get(str(rid)[:1]) != kind:
                    raise ValueError("bad id or document")
                if not (number.isascii() and number.isdigit() and str(int(number)) == number):
                    raise ValueError("bad id")
                record = cls.from_doc(str(rid), doc)
                validate_record(kind, record)
            except (KeyError, ValueError, TypeError, AttributeError, InputError) as err:
                raise InputError(
                    f"the export's {table} entry {str(rid)[:20]!r} is invalid: {str(err)[:80]}"
                ) from None
            parsed.append((kind, str(rid), record))
    job_doc = data[META_KEY].get(CURRENT_JOB) if isinstance(data[META_KEY], dict) else None
    if job_doc is not None:
        try:
            job = Offer.from_doc("current", job_doc)
            validate_record("offer", job)
        except (KeyError, ValueError, TypeError, AttributeError, InputError) as err:
            raise InputError(f"the export's current job is invalid: {str(err)[:80]}") from None
        job_doc = job.to_doc()
    return parsed, job_doc


def record_content(record: Record) -> str:
    """A record's content (not its id) as one comparable string."""
    return json.dumps(record.to_doc(), sort_keys=True, ensure_ascii=False)


def relink(record: Record, renamed: dict[str, str]) -> None:
    """Point an imported record's links at the new ids of the records they name."""
    if isinstance(record, Promise) and record.conversation in renamed:
        record.conversation = renamed[record.conversation]
    elif isinstance(record, Ask):
        record.promises = [renamed.get(p, p) for p in record.promises]
