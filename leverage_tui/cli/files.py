"""`leverage export`, `import` and `check`: the journal as a file.

- `export --format json` writes the whole journal as JSON (stdout or -o FILE, 0600);
  md, csv and ics are written by `cli/export_formats.py`.
- `import FILE` merges such an export in: nothing is saved unless all of it is valid,
  and importing the same file twice adds nothing the second time.
- `check` reads the journal file (never writes it) and reports every problem it finds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from ..core.attachments import check_copies
from ..core.checks import InputError
from ..core.journal_format import FormatError, refuse_duplicate_keys
from ..core.registry import LISTED
from ..core.safe_files import OutputError, write_private
from ..core.storage import inspect_file
from ..core.visible import visible
from .common import Context, UsageError, json_text, lower
from .filter_options import add_filter_options
from .records import command, counted

FORMATS = ("json", "md", "csv", "ics")
"""Every export format; json is written here, the others by cli/review.py."""
KIND_CHOICES = ("conversations", "promises", "asks", "offers", "decisions", "attachments", "wins")
"""What `export --format csv --kind` can export."""
FILTERS = ("latest", "start", "end", "tag", "person", "status", "form")
"""The filter options' names (cli/filter_options.py)."""
IMPORT_LIMIT = 512 * 1024 * 1024
"""Largest file `import` will read, in bytes."""


def write_output(target: str, data: str | bytes, ctx: Context) -> Path:
    """Write `data` (text or bytes) to the file `target` with the core's safe writer (0600,
    atomically, no link followed, never onto the journal or its backups); any refusal is a
    UsageError."""
    try:
        return write_private(Path(target), data, journal=ctx.path)
    except OutputError as err:
        raise UsageError(str(err)) from None


TABLES = ("conversations", "promises", "asks", "offers", "wins", "people")
"""The journal's tables in the order counts are reported."""


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(counted(counts.get(t, 0), t) for t in TABLES)


def _export(args: argparse.Namespace, ctx: Context) -> int:
    if args.format != "ics" and (args.pending or args.alarm):
        raise UsageError("--pending and --alarm only apply to --format ics")
    if args.format in ("csv", "ics"):
        from .export_formats import export_csv, export_ics

        return export_csv(args, ctx) if args.format == "csv" else export_ics(args, ctx)
    if any(getattr(args, name) for name in FILTERS):
        raise UsageError(
            f"the filters apply to --format csv and ics (--format {args.format} "
            "exports the whole journal)"
        )
    if args.format == "md":
        from .export_formats import export_md

        return export_md(args, ctx)
    if args.kind:
        raise UsageError("--kind only applies to --format csv (json exports everything)")
    data = ctx.journal().export_data()
    text = json_text(data) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return 0
    path = write_output(args.output, text, ctx)
    counts = {kind.table: len(data.get(kind.table, {})) for kind in LISTED}
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
        refuse_duplicate_keys(raw)  # a JSON reader keeps only the last of a repeated key
    except FormatError as err:
        raise UsageError(
            f"{name}: not a valid Leverage export ({err}); nothing was imported"
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
    files = data.get("attachments") if isinstance(data, dict) else None
    if isinstance(files, dict) and files:  # issue 15: an export lists them, without the files
        print(
            f"{counted(len(files), 'attachments')} not imported: an export holds their names "
            "and hashes, not the files (attach them again: leverage attach ID FILE)"
        )
    return 0


# -- check -------------------------------------------------------------------------------


def _check(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.path
    codec = ctx.codec()
    tables, problems = inspect_file(path, codec)
    problems = problems + check_copies(path, tables, codec)  # every attached file's SHA-256
    counts = {kind.table: len(tables.get(kind.table, {})) for kind in LISTED}
    if problems:
        for line in problems:
            print(visible(line))
        print(f"{counted(len(problems), 'problems')} in journal {path}")
        return 1
    missing = "" if path.exists() else " does not exist yet"
    print(f"ok: {_summary(counts)} (journal {path}{missing})")
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
            "leverage export --format ics --pending --alarm 1d -o leverage.ics",
            'leverage export --format csv --person "Maya Chen" --from "jan 1"',
        ],
        _export,
    )
    p.add_argument("--format", type=lower, choices=FORMATS, default="json")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--kind", type=lower, choices=KIND_CHOICES, help="what to export as csv")
    p.add_argument(
        "--pending",
        action="store_true",
        help="ics: only what is still open (pending promises, open offers)",
    )
    p.add_argument(
        "--alarm",
        action="append",
        default=[],
        metavar="BEFORE",
        help="ics: a reminder this long before each open date (1d, 2h, 30m); repeat for more",
    )
    add_filter_options(p)

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
