"""`leverage add`: record conversations, promises, asks, offers and people.

Every input is checked before anything is saved (a bad one is exit 2, nothing written).
`add` prints the new id alone on stdout, so `id=$(leverage add ...)` works; `--json`
prints the whole record instead. The small helpers at the top are shared with the other
command modules (update, listing, files).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ..core.plural import counted as count_of
from ..core.records import Record
from ..core.registry import KINDS, LISTED
from .common import Context, print_json
from .dated import check_dates
from .edit import CANCELLED, in_editor, say
from .long_text import long_texts
from .options import add_options, field_values

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


def words(parts: Sequence[str]) -> str:
    """The words of a positional text argument, joined by spaces."""
    return " ".join(parts)


def record_doc(record: Record) -> dict[str, Any]:
    """The JSON form of a record with its id first; empty optional texts are null."""
    doc = {"id": record.id, **record.to_doc()}
    return {key: None if value == "" else value for key, value in doc.items()}


def counted(n: int, kind: str) -> str:
    """'1 promise', '3 promises', '1 person', '2 people' (from a plural or singular)."""
    singular = "person" if kind in ("person", "people") else kind.removesuffix("s")
    return count_of(n, singular)


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


def _add(args: argparse.Namespace, ctx: Context) -> int:
    kind = KINDS[args.kind]
    values, notes = long_texts(kind, field_values(args, kind, adding=True))
    if getattr(args, "edit", False):
        edited, more = in_editor(kind, values, f"A new {kind.name}.")
        if edited is None:
            print(CANCELLED, file=sys.stderr)
            return 0
        values.update({name: text for name, text in edited.items() if text or name in values})
        notes += more
    notes += check_dates(kind, values, ctx.today)
    journal = ctx.journal()
    if kind.name == "person":
        record: Record = journal.add_person(
            values.pop("name"), values.get("role"), values.get("notes")
        )
    else:
        record = journal.add(kind.name, **values)
    say(notes)  # once saved: a failed add says one line only
    if kind.name == "promise":
        warn_no_evidence(record)
    return emit(args, record)


def warn_no_evidence(record: Record) -> None:
    """A one-line warning (not an error) for a promise written or official with no
    evidence: a quote, an email subject, a file (leverage attach)."""
    if getattr(record, "form", "") in ("written", "official") and not record.evidence.strip():  # type: ignore[attr-defined]
        print(
            f"leverage: warning: {record.id} is {record.form} with no evidence: add "  # type: ignore[attr-defined]
            f'--evidence "email: Re: ..." or attach the file (leverage attach {record.id} FILE)',
            file=sys.stderr,
        )


# -- the parsers -------------------------------------------------------------------------


EXAMPLES = {
    "conversation": [
        'leverage add conversation --with Sybil --with Ana --channel call "Pay review"'
    ],
    "promise": [
        'leverage add promise --by Sybil --conversation c1 --due "nov 30" "Send the offer"'
    ],
    "ask": ['leverage add ask --measure "on the org chart" --target "mar 1" "Team lead title"'],
    "offer": ["leverage add offer --company Acme --role Lead --base 150k --deadline fri --written"],
    "person": ['leverage add person Sybil Vane --role manager --notes "my manager since 2025"'],
    "win": ['leverage add win --impact "conversion up 4 points" --ask a1 "Shipped the redesign"'],
}
"""An example of `add KIND` for each kind."""
SUMMARIES = {
    "conversation": "log a conversation (people not yet known are added)",
    "promise": "record a promise someone made to you",
    "ask": "record something you want, with how you will know you got it",
    "offer": "record an outside offer or a counteroffer",
    "person": "add someone (or change the role and notes of someone known)",
    "win": "record something you achieved, with its impact, evidence and the asks it supports",
}
"""What `add KIND` does, in a line."""


def register(sub: Any) -> None:
    """Add the add command."""
    add = command(
        sub,
        "add",
        "record a conversation, promise, ask, offer, person or win; prints its new id",
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
    for kind in LISTED:
        if kind.name not in SUMMARIES:  # added by their own command: decide, attach
            continue
        p = command(kinds, kind.name, SUMMARIES[kind.name], EXAMPLES[kind.name], _add)
        add_options(p, kind, adding=True)
        if kind.name == "person":
            p.set_defaults(role=None)  # someone known keeps their role
        if kind.name == "conversation":
            p.add_argument(
                "--edit", action="store_true", help="write the summary and notes in $EDITOR first"
            )
        json_option(p)


def json_option(parser: argparse.ArgumentParser) -> None:
    """Add --json (print the whole record)."""
    parser.add_argument("--json", action="store_true", help="print the whole record as JSON")
