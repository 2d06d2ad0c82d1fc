"""`leverage export`, `import` and `check`: the journal as a file.

- `export --format json` writes the whole journal as JSON (stdout or -o FILE, 0600);
  md, csv and ics come from `cli/review.py` (`export_other`) when that module is present.
- `import FILE` merges such an export in: nothing is saved unless all of it is valid,
  and importing the same file twice adds nothing the second time.
- `check` reads the journal file (never writes it) and reports every problem it finds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from ..core import journal as _journal
from ..core.record_checks import check_date, validate_record
from ..core.records import KINDS, PREFIX, Ask, Conversation, Offer, Promise, Record
from ..core.safe_files import OutputError, write_private
from ..core.storage import META_KEY, read_journal_file
from ..core.validate import InputError
from .common import Context, UsageError
from .records import command, counted, lower

FORMATS = ("json", "md", "csv", "ics")
"""Every export format; json is written here, the others by cli/review.py."""
KIND_CHOICES = ("conversations", "promises", "asks", "offers")
"""What `export --format csv --kind` can export."""
CURRENT_JOB = getattr(_journal, "CURRENT_JOB", "current_job")
"""Key of the current job in the journal's header."""
IMPORT_LIMIT = 512 * 1024 * 1024
"""Largest file `import` will read, in bytes."""


def write_output(target: str, text: str, ctx: Context) -> Path:
    """Write `text` to the file `target` with the core's safe writer (0600, atomically, no
    link followed, never onto the journal or its backups); any refusal is a UsageError."""
    try:
        return write_private(Path(target), text, journal=ctx.path)
    except OutputError as err:
        raise UsageError(str(err)) from None


TABLES = ("conversations", "promises", "asks", "offers", "people")
"""The journal's tables in the order counts are reported."""


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(counted(counts.get(t, 0), t) for t in TABLES)


def _export(args: argparse.Namespace, ctx: Context) -> int:
    if args.format != "json":
        try:
            review = importlib.import_module(f"{__package__}.review")
        except ModuleNotFoundError as err:
            if err.name != f"{__package__}.review":
                raise
            review = None
        export_other = getattr(review, "export_other", None)
        if export_other is None:
            raise UsageError(
                f"export --format {args.format} is not available in this build; use --format json"
            )
        return int(export_other(args, ctx))
    if args.kind:
        raise UsageError("--kind only applies to --format csv (json exports everything)")
    data = ctx.journal().export_data()
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    path = write_output(args.output, text, ctx)
    counts = {t: len(data.get(t, {})) for t, _ in KINDS.values()}
    print(f"exported {_summary(counts)} to {path}")
    return 0


def _import(args: argparse.Namespace, ctx: Context) -> int:
    name = args.file
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(IMPORT_LIMIT + 1)
        else:
            with open(Path(name).expanduser(), "rb") as source:
                raw = source.read(IMPORT_LIMIT + 1)
    except FileNotFoundError:
        raise UsageError(f"no such file: {name}") from None
    except OSError as err:
        raise UsageError(f"cannot read {name}: {err.strerror or err}") from None
    if len(raw) > IMPORT_LIMIT:
        raise UsageError(f"{name} is too large to be a Leverage export")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        reason = " ".join(str(err).split())[:100]
        raise UsageError(
            f"{name} is not JSON ({reason}); import reads `export --format json`"
        ) from None
    try:
        counts = ctx.journal().import_data(data)
    except InputError as err:
        raise UsageError(f"{name}: {err}; nothing was imported") from None
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        reason = " ".join(str(err).split())[:80]
        raise UsageError(
            f"{name}: not a valid Leverage export ({reason}); nothing was imported"
        ) from None
    if not any(counts.values()):
        print(f"nothing new in {name}: every record is already in the journal")
    else:
        print(f"imported {_summary(counts)} from {name}")
    return 0


# -- check -------------------------------------------------------------------------------


def _dates_of(record: Record) -> list[tuple[str, dt.date | None]]:
    if isinstance(record, Conversation):
        return [("date", record.on)]
    if isinstance(record, Promise):
        found = [("made date", record.made_on), ("due date", record.due)]
        found.append(("status date", record.status_on))
        return found + [(f"{c.field} change date", c.on) for c in record.history]
    if isinstance(record, Ask):
        return [("target date", record.target)]
    if isinstance(record, Offer):
        return [("received date", record.received), ("deadline", record.deadline)]
    return []


def find_problems(data: dict[str, Any]) -> tuple[dict[str, dict[str, Record]], list[str]]:
    """The records that parse, and one line per problem, for a journal's raw data."""
    problems: list[str] = []
    records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
    for kind, (table, cls) in KINDS.items():
        for key, doc in data.get(table, {}).items():
            rid = f"{PREFIX[kind]}{key}"
            if not str(key).isdigit():
                problems.append(f"{table}: entry {str(key)[:20]!r} has a bad id (not a number)")
                continue
            try:
                if not isinstance(doc, dict):
                    raise ValueError("not an object")
                record = cls.from_doc(rid, doc)
            except KeyError as err:
                problems.append(f"{rid}: missing field {err}")
                continue
            except (ValueError, TypeError, AttributeError) as err:
                problems.append(f"{rid}: {_one_line(err)}")
                continue
            records[kind][rid] = record
            problems.extend(f"{rid}: {p}" for p in _field_problems(kind, record))
    job = data.get(META_KEY, {}).get(CURRENT_JOB)
    if job is not None:
        try:
            problems.extend(
                f"current job: {p}"
                for p in _field_problems("offer", Offer.from_doc("current", job))
            )
        except (KeyError, ValueError, TypeError, AttributeError) as err:
            problems.append(f"current job: {_one_line(err)}")
    problems.extend(_reference_problems(records))
    return records, list(dict.fromkeys(problems))


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:120]


def _field_problems(kind: str, record: Record) -> list[str]:
    """What is wrong with the fields of one parsed record (empty when nothing is)."""
    checks: list[Callable[[], object]] = [lambda: validate_record(kind, record)]
    checks += [functools.partial(check_date, day, what) for what, day in _dates_of(record)]
    found = []
    for run_check in checks:
        try:
            run_check()
        except (ValueError, TypeError, AttributeError) as err:
            found.append(_one_line(err))
    return found


def _reference_problems(records: dict[str, dict[str, Record]]) -> list[str]:
    problems = []
    names: dict[str, str] = {}
    for person in records["person"].values():
        key = person.name.casefold()  # type: ignore[union-attr]
        if key in names:
            problems.append(f"{person.id}: the name {person.name!r} is also {names[key]}'s")  # type: ignore[union-attr]
        names.setdefault(key, person.id)
    for conv in records["conversation"].values():
        for name in conv.people:  # type: ignore[union-attr]
            if str(name).casefold() not in names:
                problems.append(f"{conv.id}: {str(name)[:40]!r} is not in the people list")
    for p in records["promise"].values():
        assert isinstance(p, Promise)
        if p.by.casefold() not in names:
            problems.append(f"{p.id}: made by {p.by[:40]!r}, who is not in the people list")
        if p.conversation and p.conversation not in records["conversation"]:
            problems.append(f"{p.id}: made in conversation {p.conversation!r}, which is missing")
    for a in records["ask"].values():
        assert isinstance(a, Ask)
        for pid in a.promises:
            if pid not in records["promise"]:
                problems.append(f"{a.id}: links promise {str(pid)[:20]!r}, which is missing")
    return problems


def _check(args: argparse.Namespace, ctx: Context) -> int:
    data = read_journal_file(ctx.path, ctx.codec())
    if data is None:
        counts = {t: 0 for t, _ in KINDS.values()}
        print(f"ok: {_summary(counts)} (journal {ctx.path} does not exist yet)")
        return 0
    records, problems = find_problems(data)
    if problems:
        for line in problems:
            print(line)
        print(f"{counted(len(problems), 'problems')} in journal {ctx.path}")
        return 1
    counts = {KINDS[kind][0]: len(found) for kind, found in records.items()}
    print(f"ok: {_summary(counts)} (journal {ctx.path})")
    return 0


def register(sub: Any) -> None:
    """Add the export, import and check commands."""
    p = command(
        sub,
        "export",
        "write the journal as json (a full backup), md, csv or ics",
        [
            "leverage export --format json -o backup.json",
            "leverage export --format json | jq '.promises'",
            "leverage export --format csv --kind promises -o promises.csv",
        ],
        _export,
    )
    p.add_argument("--format", type=lower, choices=FORMATS, default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--kind", type=lower, choices=KIND_CHOICES, help="what to export as csv")

    command(
        sub,
        "import",
        "merge a json export into the journal (records already there are skipped)",
        ["leverage import backup.json", "leverage --journal new.json import backup.json"],
        _import,
    ).add_argument("file", metavar="FILE", help="a file from `leverage export --format json`")

    command(
        sub,
        "check",
        "verify the journal file and report every problem; changes nothing",
        ["leverage check", "leverage --journal old.json check"],
        _check,
    )
