"""`leverage update` and `delete`: change or remove records already in the journal.

Every input is checked before anything is saved (a bad one is exit 2, nothing written).
`update` prints what it changed (with --json the whole record); changes of a promise's
form, due date and status go into its history, dated --on (default today).
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.records import Record
from ..core.registry import KINDS, LISTED, kind_of
from ..core.visible import visible
from . import edit
from .common import Context, UsageError, print_json
from .dated import check_dates, date_type
from .long_text import long_texts
from .options import add_options, field_values
from .records import command, json_option, record_doc, short, warn_no_evidence


def show_update(args: argparse.Namespace, before: Record, after: Record) -> int:
    """Print what an update changed (or the whole record with --json)."""
    if args.json:
        print_json(record_doc(after))
        return 0
    old, new = before.to_doc(), after.to_doc()
    changes = [
        f"{key} {_shown(old.get(key))} -> {_shown(value)}"
        for key, value in new.items()
        if key != "history" and old.get(key) != value
    ]
    print(visible(f"{after.id}: " + ("; ".join(changes) if changes else "nothing changed")))
    return 0


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return repr(short(value, 40)) if isinstance(value, str) and " " in value else str(value)


# -- update and delete --------------------------------------------------------------------


def _update(args: argparse.Namespace, ctx: Context) -> int:
    kind = KINDS[args.kind]
    values, notes = long_texts(kind, field_values(args, kind, adding=False))
    if not values:
        options = [str(s.cli) if str(s.cli).startswith("-") else f"--{s.name}"
                   for s in kind.editable if s.cli][:4]  # fmt: skip
        raise UsageError(
            f"update {kind.name} needs something to change ({', '.join(options)}, ...)"
        )
    journal = ctx.journal()
    before = journal.get(args.id, kind.name)
    on = getattr(args, "on_date", None)
    notes += check_dates(kind, values, ctx.today, before=before, change_on=on)
    after = journal.update(before.id, when=on, **values)
    edit.say(notes)
    if kind.name == "promise" and getattr(before, "form", None) != getattr(after, "form", None):
        warn_no_evidence(after)
    return show_update(args, before, after)


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    record = journal.delete(journal.get(args.id).id, with_attachments=args.with_attachments)
    kind = kind_of(record)
    print(f"deleted {record.id}: {visible(short(str(getattr(record, kind.title))))}")
    return 0


# -- the parsers -------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add the update, edit and delete commands."""
    _register_update(sub)
    edit.register(sub)
    p = command(
        sub,
        "delete",
        "delete a record by id; a deleted conversation's promises are kept",
        ["leverage delete p3", "leverage delete c2", "leverage delete o1 --with-attachments"],
        _delete,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--with-attachments",
        action="store_true",
        help="a record with attached files: delete them too, for good (cannot be undone)",
    )


UPDATE_SUMMARIES = {
    "promise": "change a promise; form, due date and status changes go into its history",
    "conversation": "change a conversation (--with and --tag replace the lists)",
    "ask": "change an ask (--promise replaces the linked promises)",
    "offer": "change an offer",
    "person": "change someone's role or notes",
    "decision": "change why you decided (leverage decide records a decision)",
    "attachment": "change an attachment's note (leverage attach adds one)",
    "win": "change a win (--ask and --tag replace the lists)",
}
"""What `update KIND` does, in a line."""
UPDATE_EXAMPLES = {
    "promise": ["leverage update promise p1 --status broken --on 2026-11-20"],
    "conversation": ['leverage update conversation c1 --on "fri 9:30" --tag pay'],
    "ask": ["leverage update ask a1 --status granted"],
    "offer": ['leverage update offer o1 --written --deadline "dec 4"'],
    "person": ["leverage update person u1 --role skip-level"],
    "decision": ['leverage update decision d1 --why "the team, and the title in writing"'],
    "attachment": ['leverage update attachment f1 --note "signed offer letter"'],
    "win": ['leverage update win w1 --impact "cut review time by half" --ask a2'],
}


def _register_update(sub: Any) -> None:
    update = command(
        sub,
        "update",
        "change a promise (status, form, due date), conversation, ask, offer, person or win",
        [
            'leverage update promise p1 --form written --evidence "email: Re: Q3 lead"',
            "leverage update promise p1 --status honored --on yesterday",
            'leverage update promise p2 --due "in 2 weeks"',
            "leverage update offer o1 --status declined",
        ],
    )
    kinds = update.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind in LISTED:
        p = command(
            kinds, kind.name, UPDATE_SUMMARIES[kind.name], UPDATE_EXAMPLES[kind.name], _update
        )
        p.add_argument("id", metavar="ID")
        add_options(p, kind, adding=False)
        if kind.name == "promise":
            p.add_argument("--on", dest="on_date", type=date_type(False), metavar="DATE",
                           help="date of this change; default today")  # fmt: skip
        json_option(p)
