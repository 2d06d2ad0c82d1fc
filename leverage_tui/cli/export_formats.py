"""`export --format md|csv|ics`: the journal as Markdown, one kind of record as CSV, or
the due dates and deadlines as a calendar; CSV and the calendar narrowed by the listing
filters (cli/filter_options.py).

CSV written to a file starts with a byte order mark (UTF-8 with BOM) so spreadsheet
programs read it as UTF-8; on stdout it has none (for pipes and scripts).
"""

from __future__ import annotations

import argparse
import sys

from ..core.checks import InputError
from ..core.visible import visible
from .common import Context, UsageError, shown
from .files import write_output
from .filter_options import filter_of

BOM = "\ufeff"
"""The byte order mark a CSV file starts with."""


def emit(text: str, output: str | None, ctx: Context, what: str) -> None:
    """Print `text` (control characters escaped), or write it to `output` (0600,
    atomically) and say where."""
    if output in (None, "-"):
        sys.stdout.write(shown(text))
        return
    assert output is not None
    path = write_output(output, text, ctx)
    print(f"wrote {what} to {path}")


def export_md(args: argparse.Namespace, ctx: Context) -> int:
    """`export --format md`: the whole journal as Markdown."""
    from ..core.exports import journal_markdown

    if args.kind:
        raise UsageError("--kind only applies to --format csv")
    emit(journal_markdown(ctx.journal()), args.output, ctx, "the journal as Markdown")
    return 0


def export_csv(args: argparse.Namespace, ctx: Context) -> int:
    """`export --format csv [--kind KIND] [filters]`."""
    from ..core.exports import csv_text

    kind = args.kind or "promises"
    journal = ctx.journal()
    keep = filter_of(args, ctx, journal)
    if keep.promises_only and kind != "promises":
        raise UsageError("--status and --form apply to promises (--kind promises)")
    text = csv_text(journal, kind, keep)
    to_file = args.output not in (None, "-")
    emit(BOM + text if to_file else text, args.output, ctx, f"{kind} as CSV")
    return 0


def export_ics(args: argparse.Namespace, ctx: Context) -> int:
    """`export --format ics [--pending] [--alarm 1d] [filters]`, with a one-line warning
    on stderr about work calendars."""
    from ..core.calendar_file import CALENDAR_WARNING, ics_bytes, parse_alarm

    try:
        alarms = [parse_alarm(text) for text in args.alarm]
    except InputError as err:
        raise UsageError(str(err)) from None
    journal = ctx.journal()
    keep = filter_of(args, ctx, journal)
    data = ics_bytes(journal, pending=args.pending, alarms=alarms, keep=keep)
    print(f"leverage: note: {visible(CALENDAR_WARNING)}", file=sys.stderr)
    emit(data.decode("utf-8"), args.output, ctx, "the calendar")
    return 0
