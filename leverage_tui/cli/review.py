"""`leverage review`, `recap` and `current-job`, and the md/csv/ics exports.

- `review` prints the decision brief (`--md` as Markdown, `--json` the numbers; `-o FILE`).
- `recap CONVERSATION_ID` prints a ready-to-send recap of the conversation's verbal
  promises; `--mark-sent` then moves them to recap-sent.
- `current-job` records the job the offers are compared with (or shows it).
- `export_other` writes `export --format md|csv|ics` for `cli/files.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import Context, UsageError, print_json
from .files import write_output
from .records import command, record_doc


def _emit(text: str, output: str | None, ctx: Context, what: str) -> None:
    """Print `text`, or write it to `output` (0600, atomically) and say where."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    assert output is not None
    path = write_output(output, text, ctx)
    print(f"wrote {what} to {path}")


def _review(args: argparse.Namespace, ctx: Context) -> int:
    if args.md and args.json:
        raise UsageError("choose one of --md and --json")
    from ..core.review import brief_markdown, build_brief  # imported when used: fast startup

    brief = build_brief(ctx.journal(), ctx.today, ctx.config.hedges)
    if args.json:
        text = json.dumps(brief.to_doc(), indent=2, ensure_ascii=False) + "\n"
        _emit(text, args.output, ctx, "the brief's numbers")
        return 0
    markdown = brief_markdown(brief)
    if args.md or args.output not in (None, "-") or not sys.stdout.isatty():
        _emit(markdown, args.output, ctx, "the decision brief")
        return 0
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(markdown))
    return 0


def _recap(args: argparse.Namespace, ctx: Context) -> int:
    from ..core.recap import recap_for

    journal = ctx.journal()
    promises, text = recap_for(journal, args.conversation)
    _emit(text, args.output, ctx, "the recap")
    if args.mark_sent:
        ids = [p.id for p in promises if p.form == "verbal"]
        journal.set_forms(ids, "recap-sent")
        shown = ", ".join(ids) if ids else "none (already recap-sent)"
        print(f"marked recap-sent: {shown}", file=sys.stderr)
    return 0


def _current_job(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    fields = (args.company, args.role, args.base, args.bonus, args.equity, args.terms)
    if args.clear:
        journal.clear_current_job()
    elif any(f is not None for f in fields):
        old = journal.current_job
        company = args.company if args.company is not None else (old.company if old else None)
        role = args.role if args.role is not None else (old.role if old else None)
        if company is None or role is None:
            raise UsageError("current-job needs --company and --role the first time")

        def keep(new: Any, attr: str, empty: Any) -> Any:
            return new if new is not None else (getattr(old, attr) if old else empty)

        journal.set_current_job(
            company,
            role,
            base=keep(args.base, "base", None),
            bonus=keep(args.bonus, "bonus", None),
            equity=keep(args.equity, "equity", ""),
            terms=keep(args.terms, "terms", ""),
        )
    job = journal.current_job
    if args.json:
        print_json(record_doc(job) if job else None)
    elif job is None:
        print("no current job recorded (set one: leverage current-job --company C --role R)")
    else:
        pay = ", ".join(
            f"{label} {amount:,}"
            for label, amount in (("base", job.base), ("bonus", job.bonus))
            if amount is not None
        )
        extras = [x for x in (pay, job.equity, " ".join(job.terms.split())) if x]
        print(f"{job.role} at {job.company}" + "".join(f"; {x}" for x in extras))
    return 0


def export_other(args: argparse.Namespace, ctx: Context) -> int:
    """`export --format md|csv|ics`: the journal as Markdown, CSV of one kind, or iCalendar."""
    from ..core.exports import CSV_KINDS, csv_text, ics_bytes, journal_markdown

    journal = ctx.journal()
    kind = getattr(args, "kind", None)
    if args.format != "csv" and kind:
        raise UsageError("--kind only applies to --format csv")
    if args.format == "md":
        _emit(journal_markdown(journal), args.output, ctx, "the journal as Markdown")
    elif args.format == "csv":
        kind = kind or "promises"
        if kind not in CSV_KINDS:
            raise UsageError(f"--kind must be one of {', '.join(CSV_KINDS)}")
        text = csv_text(journal, kind)
        to_file = args.output not in (None, "-")
        # A byte order mark lets spreadsheet programs read the file as UTF-8.
        _emit("\ufeff" + text if to_file else text, args.output, ctx, f"{kind} as CSV")
    elif args.format == "ics":
        _emit(ics_bytes(journal).decode("utf-8"), args.output, ctx, "the calendar")
    else:
        raise UsageError(f"unknown export format {args.format!r} (choose json, md, csv, ics)")
    return 0


def register(sub: Any) -> None:
    """Add the review, recap and current-job commands."""
    p = command(
        sub,
        "review",
        "the decision brief: offers, track record, open flags, asks, checklist",
        ["leverage review", "leverage review --md -o brief.md", "leverage review --json"],
        _review,
    )
    p.add_argument("--md", action="store_true", help="write the brief as Markdown")
    p.add_argument("--json", action="store_true", help="the numbers as JSON")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = command(
        sub,
        "recap",
        "a ready-to-send recap of a conversation's verbal promises",
        ["leverage recap c12", "leverage recap c12 -o recap.txt --mark-sent"],
        _recap,
    )
    p.add_argument("conversation", metavar="CONVERSATION_ID", help="e.g. c12")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--mark-sent", action="store_true", help="then mark those promises recap-sent")

    p = command(
        sub,
        "current-job",
        "show or set the job offers are compared with",
        [
            'leverage current-job --company "Halden & Co" --role Designer --base 118k',
            "leverage current-job --json",
        ],
        _current_job,
    )
    p.add_argument("--company", help="your current employer")
    p.add_argument("--role", help="your current title")
    p.add_argument("--base", help="base pay (e.g. 118000 or 118k)")
    p.add_argument("--bonus", help="bonus per year")
    p.add_argument("--equity", help="equity, in words")
    p.add_argument("--terms", help="other terms (remote days, hours, ...)")
    p.add_argument("--clear", action="store_true", help="forget the current job")
    p.add_argument("--json", action="store_true", help="print it as JSON")
