"""`leverage add`: record conversations, promises, asks, offers and people.

Every input is checked before anything is saved (a bad one is exit 2, nothing written).
`add` prints the new id alone on stdout, so `id=$(leverage add ...)` works; `--json`
prints the whole record instead. The small helpers at the top are shared with the other
command modules (update, listing, files).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from ..core import dates
from ..core.records import (
    CATEGORIES,
    CHANNELS,
    FORMS,
    OFFER_STATUSES,
    PRIORITIES,
    ROLES,
    Record,
)
from .common import Context, UsageError, date_arg, print_json

Run = Callable[[argparse.Namespace, Context], int]

# -- helpers shared by the command modules ---------------------------------------------


def command(
    sub: Any, name: str, summary: str, examples: Sequence[str], run: Run | None = None
) -> argparse.ArgumentParser:
    """Add subcommand `name` with a one-line summary and examples in its help."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=f"{summary} (e.g. {examples[0]})",
        description=f"{summary[0].upper()}{summary[1:]}.",
        epilog="examples:\n" + "\n".join(f"  {e}" for e in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if run is not None:
        parser.set_defaults(run=run)
    return parser


def when_arg(text: str) -> tuple[dt.date, dt.time | None]:
    """argparse type for a date with an optional time of day ("fri 14:30")."""
    try:
        return dates.parse_when(text, dates.today())
    except dates.DateError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def lower(text: str) -> str:
    """argparse type that makes choices case-insensitive."""
    return text.strip().lower()


def words(parts: Sequence[str]) -> str:
    """The words of a positional text argument, joined by spaces."""
    return " ".join(parts)


def record_doc(record: Record) -> dict[str, Any]:
    """The JSON form of a record with its id first; empty optional texts are null."""
    doc = {"id": record.id, **record.to_doc()}
    return {key: None if value == "" else value for key, value in doc.items()}


def counted(n: int, kind: str) -> str:
    """'1 promise', '3 promises', '1 person', '2 people'."""
    if kind in ("person", "people"):
        return f"{n} {'person' if n == 1 else 'people'}"
    singular = kind[:-1] if kind.endswith("s") else kind
    return f"{n} {singular if n == 1 else singular + 's'}"


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def emit(args: argparse.Namespace, record: Record) -> int:
    """Print the record's id, or with --json the whole record."""
    if args.json:
        print_json(record_doc(record))
    else:
        print(record.id)
    return 0


# -- add ---------------------------------------------------------------------------------


def _add_conversation(args: argparse.Namespace, ctx: Context) -> int:
    on, at = args.on or (None, None)
    conv = ctx.journal().add_conversation(
        args.people,
        words(args.summary),
        on=on,
        at=at,
        channel=args.channel,
        notes=args.notes or "",
        tags=args.tag or [],
    )
    return emit(args, conv)


def _add_promise(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    by = args.by
    if by is None and args.conversation:
        people = journal.conversation(args.conversation).people
        by = people[0] if len(people) == 1 else None
    if by is None:
        raise UsageError("add promise needs --by NAME (who made the promise)")
    promise = journal.add_promise(
        words(args.text),
        by,
        made_on=args.made,
        form=args.form,
        evidence=args.evidence or "",
        due=args.due,
        category=args.category,
        conversation=args.conversation,
    )
    return emit(args, promise)


def _add_ask(args: argparse.Namespace, ctx: Context) -> int:
    ask = ctx.journal().add_ask(
        words(args.text),
        measure=args.measure or "",
        target=args.target,
        priority=args.priority,
        promises=args.promise or (),
    )
    return emit(args, ask)


def _add_offer(args: argparse.Namespace, ctx: Context) -> int:
    offer = ctx.journal().add_offer(
        args.company,
        args.role,
        base=args.base,
        bonus=args.bonus,
        equity=args.equity or "",
        terms=args.terms or "",
        received=args.received,
        deadline=args.deadline,
        written=bool(args.written),
        counter=args.counter,
    )
    return emit(args, offer)


def _add_person(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    name = words(args.name)
    known = journal.person_named(name)  # keeps what is not given again
    role = args.role or (known.role if known else "other")
    notes = args.notes if args.notes is not None else (known.notes if known else "")
    return emit(args, journal.add_person(name, role, notes))


# -- the parsers -------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add the add command."""
    _register_add(sub)


def json_option(parser: argparse.ArgumentParser) -> None:
    """Add --json (print the whole record)."""
    parser.add_argument("--json", action="store_true", help="print the whole record as JSON")


def _register_add(sub: Any) -> None:
    add = command(
        sub,
        "add",
        "record a conversation, promise, ask, offer or person; prints its new id",
        [
            'leverage add promise --by Sybil --due "in 2 weeks" "Announce me as Q3 lead"',
            'leverage add conversation --with Sybil --on "fri 14:30" "Talked about the lead role"',
            'leverage add ask --measure "announced to the team" --target "mar 1" "Lead Q3"',
            "leverage add offer --company Acme --role 'Staff engineer' --base 150k --written",
            "leverage add person Sybil --role manager",
            'id=$(leverage add conversation --with Sybil "1:1") && echo "logged $id"',
        ],
    )
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)

    p = command(
        kinds,
        "conversation",
        "log a conversation (people not yet known are added)",
        ['leverage add conversation --with Sybil --with Ana --channel call "Pay review"'],
        _add_conversation,
    )
    p.add_argument("--with", dest="people", action="append", required=True, metavar="NAME")
    p.add_argument("--on", type=when_arg, metavar="DATE", help="date, optional time; default today")
    p.add_argument("--channel", type=lower, choices=CHANNELS, default="meeting")
    p.add_argument("--tag", action="append", metavar="TAG", help="one word; repeat for more")
    p.add_argument("--notes", metavar="TEXT")
    p.add_argument("summary", nargs="+", metavar="SUMMARY")
    json_option(p)

    p = command(
        kinds,
        "promise",
        "record a promise someone made to you",
        ['leverage add promise --by Sybil --conversation c1 --due "nov 30" "Send the offer"'],
        _add_promise,
    )
    p.add_argument("--by", metavar="NAME", help="who promised (default: a conversation's person)")
    p.add_argument("--form", type=lower, choices=FORMS, default="verbal")
    p.add_argument("--evidence", metavar="TEXT", help="a quote, email subject or file")
    p.add_argument("--due", type=date_arg, metavar="DATE", help="e.g. fri, in 2 weeks, 2026-12-01")
    p.add_argument("--made", type=date_arg, metavar="DATE", help="default: conversation or today")
    p.add_argument("--conversation", metavar="ID", help="the conversation it was made in")
    p.add_argument("--category", type=lower, choices=CATEGORIES, default="other")
    p.add_argument("text", nargs="+", metavar="TEXT", help="what was promised")
    json_option(p)

    p = command(
        kinds,
        "ask",
        "record something you want, with how you will know you got it",
        ['leverage add ask --measure "on the org chart" --target "mar 1" "Team lead title"'],
        _add_ask,
    )
    p.add_argument("--measure", metavar="TEXT", help="how you will know you got it")
    p.add_argument("--target", type=date_arg, metavar="DATE")
    p.add_argument("--priority", type=lower, choices=PRIORITIES, default="medium")
    p.add_argument("--promise", action="append", metavar="ID", help="a promise it links to")
    p.add_argument("text", nargs="+", metavar="TEXT")
    json_option(p)

    p = command(
        kinds,
        "offer",
        "record an outside offer or a counteroffer",
        ["leverage add offer --company Acme --role Lead --base 150k --deadline fri --written"],
        _add_offer,
    )
    offer_options(p, adding=True)
    json_option(p)

    p = command(
        kinds,
        "person",
        "add someone (or change the role and notes of someone known)",
        ['leverage add person Sybil Vane --role manager --notes "my manager since 2025"'],
        _add_person,
    )
    p.add_argument("--role", type=lower, choices=ROLES, help="default: other")
    p.add_argument("--notes", metavar="TEXT")
    p.add_argument("name", nargs="+", metavar="NAME")
    json_option(p)


def offer_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    """The options of an offer, for `add offer` (adding) and `update offer`."""
    p.add_argument("--company", required=adding, metavar="NAME")
    p.add_argument("--role", required=adding, metavar="TITLE")
    p.add_argument("--base", metavar="N", help="base pay, e.g. 150000 or 150k")
    p.add_argument("--bonus", metavar="N")
    p.add_argument("--equity", metavar="TEXT")
    p.add_argument("--terms", metavar="TEXT", help="other terms")
    p.add_argument("--received", type=date_arg, metavar="DATE", help="default today")
    p.add_argument("--deadline", type=date_arg, metavar="DATE", help="decision deadline")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--written", dest="written", action="store_const", const=True)
    form.add_argument("--verbal", dest="written", action="store_const", const=False)
    if adding:
        p.add_argument("--counter", action="store_true", help="a counteroffer from your employer")
    else:
        p.add_argument("--counter", action=argparse.BooleanOptionalAction)
        p.add_argument("--status", type=lower, choices=OFFER_STATUSES)
