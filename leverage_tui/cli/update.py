"""`leverage update` and `delete`: change or remove records already in the journal.

Every input is checked before anything is saved (a bad one is exit 2, nothing written).
`update` prints what it changed (with --json the whole record); changes of a promise's
form, due date and status go into its history, dated --on (default today).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ..core.journal import UNSET, Journal
from ..core.records import (
    ASK_STATUSES,
    CATEGORIES,
    CHANNELS,
    FORMS,
    KIND_OF_PREFIX,
    PRIORITIES,
    STATUSES,
    Record,
)
from ..core.validate import InputError
from .common import Context, UsageError, date_arg, print_json
from .records import (
    command,
    counted,
    json_option,
    lower,
    offer_options,
    record_doc,
    short,
    when_arg,
)


def _updated(args: argparse.Namespace, before: Record, after: Record) -> int:
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
    print(f"{after.id}: " + ("; ".join(changes) if changes else "nothing changed"))
    return 0


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return repr(short(value, 40)) if isinstance(value, str) and " " in value else str(value)


def _need_change(args: argparse.Namespace, names: Sequence[str], what: str) -> None:
    given = [n for n in names if getattr(args, n, None) not in (None, False)]
    if not given:
        options = ", ".join("--" + n.replace("_", "-") for n in names)
        raise UsageError(f"update {what} needs something to change ({options})")


def _not_both(args: argparse.Namespace, give: str, clear: str) -> None:
    if getattr(args, give) is not None and getattr(args, clear):
        flag = clear.replace("_", "-")
        raise UsageError(f"give --{give} or --{flag}, not both")


# -- update -----------------------------------------------------------------------------


def _update_promise(args: argparse.Namespace, ctx: Context) -> int:
    names = ("status", "form", "evidence", "due", "no_due", "text", "by", "category")
    _need_change(args, names, "promise")
    _not_both(args, "due", "no_due")
    journal = ctx.journal()
    before = journal.promise(args.id)
    after = journal.update_promise(
        before.id,
        status=args.status,
        form=args.form,
        evidence=args.evidence,
        due=None if args.no_due else (args.due or UNSET),
        text=args.text,
        by=args.by,
        category=args.category,
        on=args.on,
    )
    return _updated(args, before, after)


def _update_conversation(args: argparse.Namespace, ctx: Context) -> int:
    names = ("people", "summary", "on", "channel", "tag", "no_tags", "notes")
    _need_change(args, names, "conversation")
    journal = ctx.journal()
    before = journal.conversation(args.id)
    on, at = args.on or (None, None)
    after = journal.update_conversation(
        before.id,
        people=args.people,
        summary=args.summary,
        on=on,
        at=at if at is not None else UNSET,
        channel=args.channel,
        notes=args.notes,
        tags=[] if args.no_tags else args.tag,
    )
    return _updated(args, before, after)


def _update_ask(args: argparse.Namespace, ctx: Context) -> int:
    names = ("text", "measure", "target", "no_target", "priority", "status", "promise")
    _need_change(args, names + ("no_promises",), "ask")
    _not_both(args, "target", "no_target")
    _not_both(args, "promise", "no_promises")
    journal = ctx.journal()
    before = journal.get(args.id, "ask")
    after = journal.update_ask(
        before.id,
        text=args.text,
        measure=args.measure,
        target=None if args.no_target else (args.target or UNSET),
        priority=args.priority,
        status=args.status,
        promises=[] if args.no_promises else args.promise,
    )
    return _updated(args, before, after)


def _update_offer(args: argparse.Namespace, ctx: Context) -> int:
    names = "company role base bonus equity terms received deadline status written counter"
    fields = {n: getattr(args, n) for n in names.split() if getattr(args, n) is not None}
    if not fields:
        raise UsageError("update offer needs something to change (--status, --deadline, ...)")
    journal = ctx.journal()
    before = journal.get(args.id, "offer")
    return _updated(args, before, journal.update_offer(before.id, **fields))


# -- delete -----------------------------------------------------------------------------


def _delete(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    record = journal.get(args.id)
    if KIND_OF_PREFIX[record.id[0]] == "person":
        _refuse_if_in_use(journal, record.name)  # type: ignore[union-attr]
    journal.delete(record.id)
    label = next(
        getattr(record, a) for a in ("text", "summary", "name", "company") if hasattr(record, a)
    )
    print(f"deleted {record.id}: {short(str(label))}")
    return 0


def _refuse_if_in_use(journal: Journal, name: str) -> None:
    made = sum(p.by == name for p in journal.promises.values())
    met = sum(name in c.people for c in journal.conversations.values())
    if made or met:
        raise InputError(
            f"{name} made {counted(made, 'promises')} and is in {counted(met, 'conversations')}; "
            "delete or change those first"
        )


# -- the parsers -------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add the update and delete commands."""
    _register_update(sub)
    command(
        sub,
        "delete",
        "delete a record by id; a deleted conversation's promises are kept",
        ["leverage delete p3", "leverage delete c2"],
        _delete,
    ).add_argument("id", metavar="ID")


def _register_update(sub: Any) -> None:
    update = command(
        sub,
        "update",
        "change a promise (status, form, due date), conversation, ask or offer",
        [
            'leverage update promise p1 --form written --evidence "email: Re: Q3 lead"',
            "leverage update promise p1 --status honored --on yesterday",
            'leverage update promise p2 --due "in 2 weeks"',
            "leverage update offer o1 --status declined",
        ],
    )
    kinds = update.add_subparsers(dest="kind", metavar="KIND", required=True)

    p = command(
        kinds,
        "promise",
        "change a promise; form, due date and status changes go into its history",
        ["leverage update promise p1 --status broken --on 2026-11-20"],
        _update_promise,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--status", type=lower, choices=STATUSES)
    p.add_argument("--form", type=lower, choices=FORMS)
    p.add_argument("--evidence", metavar="TEXT")
    p.add_argument("--due", type=date_arg, metavar="DATE")
    p.add_argument("--no-due", action="store_true", help="remove the due date")
    p.add_argument("--text", metavar="TEXT")
    p.add_argument("--by", metavar="NAME")
    p.add_argument("--category", type=lower, choices=CATEGORIES)
    p.add_argument("--on", type=date_arg, metavar="DATE", help="date of this change; default today")
    json_option(p)

    p = command(
        kinds,
        "conversation",
        "change a conversation (--with and --tag replace the lists)",
        ['leverage update conversation c1 --on "fri 9:30" --tag pay'],
        _update_conversation,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--with", dest="people", action="append", metavar="NAME")
    p.add_argument("--summary", metavar="TEXT")
    p.add_argument(
        "--on", type=when_arg, metavar="DATE", help="new date, optional time (else time is kept)"
    )
    p.add_argument("--channel", type=lower, choices=CHANNELS)
    p.add_argument("--tag", action="append", metavar="TAG")
    p.add_argument("--no-tags", action="store_true", help="remove every tag")
    p.add_argument("--notes", metavar="TEXT")
    json_option(p)

    p = command(
        kinds,
        "ask",
        "change an ask (--promise replaces the linked promises)",
        ["leverage update ask a1 --status granted"],
        _update_ask,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--text", metavar="TEXT")
    p.add_argument("--measure", metavar="TEXT")
    p.add_argument("--target", type=date_arg, metavar="DATE")
    p.add_argument("--no-target", action="store_true", help="remove the target date")
    p.add_argument("--priority", type=lower, choices=PRIORITIES)
    p.add_argument("--status", type=lower, choices=ASK_STATUSES)
    p.add_argument("--promise", action="append", metavar="ID")
    p.add_argument("--no-promises", action="store_true", help="unlink every promise")
    json_option(p)

    p = command(
        kinds,
        "offer",
        "change an offer",
        ['leverage update offer o1 --written --deadline "dec 4"'],
        _update_offer,
    )
    p.add_argument("id", metavar="ID")
    offer_options(p, adding=False)
    json_option(p)
