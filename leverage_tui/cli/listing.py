"""`leverage list`, `flags` and `timeline`: read the journal, never change it.

Each prints a readable table, or with `--json` an array of plain objects (dates as ISO
strings, absent values as null). A journal file that does not exist reads as empty and
is not created.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..core import dates
from ..core.checks import InputError
from ..core.filters import select
from ..core.flags import FLAGS, Flag, all_flags, flags_for_ask, flags_for_offer, flags_for_promise
from ..core.journal import Journal
from ..core.records import Record
from ..core.registry import LISTED, kind_of_id
from ..core.timeline import EVENT_KINDS, Event, timeline
from .common import Context, UsageError, date_arg, lower, print_json
from .filter_options import add_filter_options, filter_of
from .records import command, record_doc
from .tables import table

LISTS: tuple[str, ...] = ("conversations", "promises", "asks", "offers", "people", "wins")
LISTS += ("decisions", "attachments")
"""What `leverage list` can list (every listed kind, in the order help names them)."""
_SINGULAR = {k.name: k.plural for k in LISTED}
_PLAIN = {k.plural: k.name for k in LISTED if k.name in ("decision", "attachment")}
"""Lists with no flags: their records as they are."""


def list_name(text: str) -> str:
    """argparse type: 'promise' or 'Promises' -> 'promises'."""
    name = lower(text)
    return _SINGULAR.get(name, name)


def flag_names(flags: Iterable[Flag]) -> list[str]:
    """The distinct flag names in `flags`, worst first."""
    present = {f.flag for f in flags}
    return [name for name in FLAGS if name in present]


def _when(d: dt.date | None, today: dt.date, relative: bool = False) -> str:
    if d is None:
        return "-"
    return f"{d.isoformat()} ({dates.describe(d, today)})" if relative else d.isoformat()


class _Rows:
    """The records of one list, with their flags, as JSON objects or table rows."""

    def __init__(self, journal: Journal, ctx: Context) -> None:
        self.journal = journal
        self.today = ctx.today
        config = ctx.config
        hedges, not_hedges, wait = config.hedges, config.not_hedges, config.recap_wait_days
        self.promise_flags = {
            p.id: flags_for_promise(p, self.today, hedges, not_hedges, wait)
            for p in journal.promises.values()
        }
        self.ask_flags = {
            a.id: flags_for_ask(a, self.today, hedges, not_hedges) for a in journal.asks.values()
        }
        self.offer_flags = {
            o.id: flags_for_offer(o, self.today, hedges, not_hedges)
            for o in journal.offers.values()
        }

    def records(self, what: str) -> list[tuple[Record, list[str]]]:
        """(record, flag names) for every record of the list, in list order."""
        j = self.journal
        if what == "promises":
            return [(p, flag_names(self.promise_flags[p.id])) for p in j.promises.values()]
        if what == "asks":
            return [(a, flag_names(self.ask_flags[a.id])) for a in j.asks.values()]
        if what == "offers":
            return [(o, flag_names(self.offer_flags[o.id])) for o in j.offers.values()]
        if what == "wins":  # newest first; a win has no flags
            wins = sorted(j.records("win").values(), key=lambda w: (w.on, int(w.id[1:])))
            return [(w, []) for w in reversed(wins)]
        if what == "conversations":
            convs = sorted(j.conversations.values(), key=lambda c: (c.on, c.at or ""))
            return [(c, self._of_promises(j.promises_of(c.id))) for c in convs]
        if what in _PLAIN:
            return [(r, []) for r in j.records(_PLAIN[what]).values()]
        return [
            (u, self._of_promises(p for p in j.promises.values() if p.by == u.name))
            for u in j.people.values()
        ]

    def _of_promises(self, promises: Iterable[Any]) -> list[str]:
        return flag_names(f for p in promises for f in self.promise_flags[p.id])

    def doc(self, what: str, record: Any, flags: list[str]) -> dict[str, Any]:
        """The JSON object for one record of the list."""
        doc = record_doc(record)
        if what in _PLAIN:
            return doc
        if what == "conversations":
            doc["promises"] = [p.id for p in self.journal.promises_of(record.id)]
        elif what == "people":
            doc["promises"] = [p.id for p in self.journal.promises.values() if p.by == record.name]
        doc["flags"] = flags
        return doc

    def row(self, what: str, r: Any, flags: list[str]) -> list[str]:
        """The table row for one record of the list."""
        shown = ", ".join(flags)
        if what == "promises":
            status = r.status if r.pending else f"{r.status} {_when(r.status_on, self.today)}"
            due = _when(r.due, self.today, relative=r.pending)
            return [r.id, r.made_on.isoformat(), r.by, r.form, due, status, shown, r.text]
        if what == "conversations":
            when = r.on.isoformat() + (f" {r.at}" if r.at else "")
            count = str(len(self.journal.promises_of(r.id)))
            return [r.id, when, r.channel, ", ".join(r.people), count, shown, r.summary]
        if what == "asks":
            target = _when(r.target, self.today)
            return [r.id, r.priority, r.status, target, shown, r.text, r.measure]
        if what == "offers":
            money = [f"{v:,}" if v is not None else "-" for v in (r.base, r.bonus)]
            deadline = _when(r.deadline, self.today, relative=r.status == "open")
            form = "written" if r.written else "verbal"
            kind = "counteroffer" if r.counter else "offer"
            return [r.id, kind, r.company, r.role, *money, form, deadline, r.status, shown]
        if what == "decisions":
            offer = self.journal.offers.get(r.offer)
            company = offer.company if offer else "?"
            return [r.id, r.on.isoformat(), r.choice, r.offer, company, r.why]
        if what == "attachments":
            return [
                r.id,
                r.record,
                r.name,
                f"{r.size:,}",
                r.sha256[:16],
                r.note,
            ]
        if what == "wins":
            return [r.id, r.on.isoformat(), r.text, r.impact, ", ".join(r.asks)]
        made = sum(p.by == r.name for p in self.journal.promises.values())
        return [r.id, r.name, r.role, str(made), shown, r.notes]


HEADERS = {
    "promises": ["ID", "MADE", "BY", "FORM", "DUE", "STATUS", "FLAGS", "PROMISE"],
    "conversations": ["ID", "WHEN", "CHANNEL", "WITH", "PROMISES", "FLAGS", "SUMMARY"],
    "asks": ["ID", "PRIORITY", "STATUS", "TARGET", "FLAGS", "ASK", "MEASURE"],
    "offers": [
        "ID",
        "KIND",
        "COMPANY",
        "ROLE",
        "BASE",
        "BONUS",
        "FORM",
        "DEADLINE",
        "STATUS",
        "FLAGS",
    ],
    "people": ["ID", "NAME", "ROLE", "PROMISES", "FLAGS", "NOTES"],
    "decisions": ["ID", "ON", "DECISION", "OFFER", "COMPANY", "WHY"],
    "attachments": ["ID", "RECORD", "NAME", "SIZE", "SHA-256", "NOTE"],
    "wins": ["ID", "DATE", "WIN", "IMPACT", "ASKS"],
}
"""The table columns of each list."""


KEEP = {"promises": (0, 1), "conversations": (0,), "asks": (0, 1), "offers": (0, 1)}
KEEP |= {"attachments": (0, 1, 4), "decisions": (0, 1, 3), "wins": (0, 1)}
"""Columns a narrow terminal never wraps (ids, short words); the others wrap."""
TEXT = {"promises": 7, "conversations": 6, "asks": 5, "people": 5, "wins": 2, "decisions": 5}
"""The column of each list that holds the record's own words."""


def _list(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    want = filter_of(args, ctx, journal)
    if want.promises_only and args.what != "promises":
        raise UsageError("--status and --form apply to promises (leverage list promises)")
    rows = _Rows(journal, ctx)
    found = [(r, f) for r, f in rows.records(args.what) if not args.flag or args.flag in f]
    found = select(journal, want, found, lambda pair: pair[0])
    if args.json:
        print_json([rows.doc(args.what, r, f) for r, f in found])
    elif not found:
        narrowed = f" flagged {args.flag}" if args.flag else ""
        print(f"no {args.what}{narrowed}" + (" that match" if want.active else ""))
    else:
        body = [rows.row(args.what, r, f) for r, f in found]
        keep = KEEP.get(args.what, (0,))
        print(table(body, HEADERS[args.what], keep=keep, text=TEXT.get(args.what)))
    return 0


def about(journal: Journal, kind: str, rid: str) -> str:
    """What a flagged record is, in words: a promise's or ask's text, an offer's
    company and role ("" when the record is gone)."""
    try:
        record: Any = journal.get(rid, kind)
    except InputError:
        return ""
    if kind == "offer":
        what = "counteroffer" if record.counter else "offer"
        return f"{record.company} {what}: {record.role}"
    if kind == "promise":
        return f"{record.by}: {record.text}"
    return str(getattr(record, "text", "") or getattr(record, "summary", ""))


def _flags(args: argparse.Namespace, ctx: Context) -> int:
    config = ctx.config
    journal = ctx.journal()
    want = filter_of(args, ctx, journal)
    found = all_flags(
        journal,
        ctx.today,
        config.hedges,
        not_hedges=config.not_hedges,
        wait_days=config.recap_wait_days,
    )
    if args.flag:
        found = [f for f in found if f.flag == args.flag]
    if want.active:
        found = select(journal, want, found, lambda f: journal.get(f.id, f.kind))
    if args.json:
        print_json([{**f.to_doc(), "about": about(journal, f.kind, f.id)} for f in found])
    elif not found:
        print("no flags" + (" that match" if want.active else ": nothing needs your attention"))
    else:
        rows = [[f.flag, f.id, f.reason, about(journal, f.kind, f.id)] for f in found]
        print(table(rows, ["FLAG", "ID", "WHY", "ABOUT"], keep=(0, 1), text=3))
    return 0


def _timeline(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    want = filter_of(args, ctx, journal)
    events = timeline(journal, want.start, want.end, want.person)
    if args.kind:
        events = [e for e in events if e.kind in args.kind]
    if want.latest is not None or want.tag is not None or want.promises_only:
        views = journal.records

        def record_of(e: Event) -> Record | None:
            kind = kind_of_id(e.id)
            return views(kind.name).get(e.id) if kind else None

        events = select(journal, want, events, record_of, lambda e: e.date, lambda e: e.people)
    if args.json:
        print_json([e.to_doc() for e in events])
    elif not events:
        dated = " in that range" if want.start or want.end else ""
        print("nothing on the timeline" + (dated or (" that matches" if want.active else "")))
    else:
        rows = [[e.date.isoformat(), e.kind, e.id, e.text] for e in events]
        print(table(rows, ["DATE", "WHAT", "ID", "TEXT"], keep=(0, 2), text=3))
    return 0


def register(sub: Any) -> None:
    """Add the list, flags and timeline commands."""
    flag_help = "only records carrying this flag (" + ", ".join(FLAGS) + ")"
    p = command(
        sub,
        "list",
        "list conversations, promises, asks, offers, people (with their flags), decisions, "
        "attachments or wins",
        [
            "leverage list promises --flag unwritten",
            "leverage list conversations --json",
            "leverage list offers",
            "leverage list attachments --json",
        ],
        _list,
    )
    p.add_argument("what", type=list_name, choices=LISTS, metavar="|".join(LISTS))
    p.add_argument("--flag", type=lower, choices=FLAGS, metavar="FLAG", help=flag_help)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    add_filter_options(p)
    p.epilog = (p.epilog or "") + (
        "\n\nA conversation or person carries the flags of its promises."
    )

    p = command(
        sub,
        "flags",
        "every open warning (overdue, unwritten, vague, deadline, ...) with its reason",
        ["leverage flags", "leverage flags --flag overdue --json"],
        _flags,
    )
    p.add_argument("--flag", type=lower, choices=FLAGS, metavar="FLAG", help="only this flag")
    p.add_argument("--json", action="store_true", help="print [{flag, kind, id, reason, about}]")
    add_filter_options(p)

    p = command(
        sub,
        "timeline",
        "everything in date order: conversations, promises and offers, and every change",
        [
            'leverage timeline --from "3 months ago"',
            'leverage timeline --from "nov 1" --to today --json',
            'leverage timeline --person "Maya Chen"',
        ],
        _timeline,
    )
    p.add_argument("--from", dest="start", type=date_arg, metavar="DATE")
    p.add_argument("--to", dest="end", type=date_arg, metavar="DATE")
    p.add_argument(
        "--kind",
        type=lower,
        choices=EVENT_KINDS,
        action="append",
        metavar="KIND",
        help="only events of this kind (" + ", ".join(EVENT_KINDS) + "); repeat for more",
    )
    p.add_argument(
        "--person",
        metavar="NAME",
        help="only what concerns this person (or an offer's company): what they said and did",
    )
    p.add_argument("--json", action="store_true", help="print [{date, kind, id, text, people}]")
    add_filter_options(p, dates=False)
