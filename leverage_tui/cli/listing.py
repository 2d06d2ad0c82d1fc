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
from ..core.flags import FLAGS, Flag, all_flags, flags_for_ask, flags_for_offer, flags_for_promise
from ..core.journal import Journal
from ..core.records import Record
from ..core.timeline import EVENT_KINDS, timeline
from .common import Context, UsageError, date_arg, lower, print_json, table
from .records import command, record_doc, short

LISTS: tuple[str, ...] = ("conversations", "promises", "asks", "offers", "people", "wins")
LISTS += ("decisions", "attachments")
"""What `leverage list` can list."""
_SINGULAR = {"conversation": "conversations", "promise": "promises", "ask": "asks"}
_SINGULAR |= {"offer": "offers", "person": "people", "win": "wins"}
_SINGULAR |= {"decision": "decisions", "attachment": "attachments"}  # issue 15
_PLAIN = {"decisions": "decision", "attachments": "attachment"}
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
            return [r.id, r.made_on.isoformat(), r.by, r.form, due, status, shown, short(r.text)]
        if what == "conversations":
            when = r.on.isoformat() + (f" {r.at}" if r.at else "")
            count = str(len(self.journal.promises_of(r.id)))
            return [r.id, when, r.channel, ", ".join(r.people), count, shown, short(r.summary)]
        if what == "asks":
            target = _when(r.target, self.today)
            return [r.id, r.priority, r.status, target, shown, short(r.text), short(r.measure, 40)]
        if what == "offers":
            money = [f"{v:,}" if v is not None else "-" for v in (r.base, r.bonus)]
            deadline = _when(r.deadline, self.today, relative=r.status == "open")
            form = "written" if r.written else "verbal"
            kind = "counteroffer" if r.counter else "offer"
            return [r.id, kind, r.company, r.role, *money, form, deadline, r.status, shown]
        if what == "decisions":
            offer = self.journal.offers.get(r.offer)
            company = offer.company if offer else "?"
            return [r.id, r.on.isoformat(), r.choice, r.offer, company, short(r.why, 50)]
        if what == "attachments":
            return [
                r.id,
                r.record,
                short(r.name, 40),
                f"{r.size:,}",
                r.sha256[:16],
                short(r.note, 40),
            ]
        if what == "wins":
            return [r.id, r.on.isoformat(), short(r.text), short(r.impact, 40), ", ".join(r.asks)]
        made = sum(p.by == r.name for p in self.journal.promises.values())
        return [r.id, r.name, r.role, str(made), shown, short(r.notes, 40)]


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


def _list(args: argparse.Namespace, ctx: Context) -> int:
    rows = _Rows(ctx.journal(), ctx)
    found = [(r, f) for r, f in rows.records(args.what) if not args.flag or args.flag in f]
    if args.json:
        print_json([rows.doc(args.what, r, f) for r, f in found])
    elif not found:
        print(f"no {args.what}" + (f" flagged {args.flag}" if args.flag else ""))
    else:
        print(table([rows.row(args.what, r, f) for r, f in found], HEADERS[args.what]))
    return 0


def _flags(args: argparse.Namespace, ctx: Context) -> int:
    config = ctx.config
    found = all_flags(
        ctx.journal(),
        ctx.today,
        config.hedges,
        not_hedges=config.not_hedges,
        wait_days=config.recap_wait_days,
    )
    if args.flag:
        found = [f for f in found if f.flag == args.flag]
    if args.json:
        print_json([f.to_doc() for f in found])
    elif not found:
        print("no flags: nothing needs your attention")
    else:
        print(
            table([[f.flag, f.kind, f.id, f.reason] for f in found], ["FLAG", "KIND", "ID", "WHY"])
        )
    return 0


def _person(journal: Journal, name: str) -> str:
    """The name as the journal has it: a person, or an offer's company; UsageError."""
    wanted = " ".join(name.split()).casefold()
    known = [p.name for p in journal.people.values()] + [o.company for o in journal.offers.values()]
    for candidate in known:
        if candidate.casefold() == wanted:
            return candidate
    raise UsageError(f"no person or company named {name[:40]!r} (see: leverage list people)")


def _timeline(args: argparse.Namespace, ctx: Context) -> int:
    start, end = args.start, args.end
    if start and end and start > end:
        raise UsageError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    journal = ctx.journal()
    person = _person(journal, args.person) if args.person is not None else None
    events = timeline(journal, start, end, person)
    if args.kind:
        events = [e for e in events if e.kind in args.kind]
    if args.json:
        print_json([e.to_doc() for e in events])
    elif not events:
        print("nothing on the timeline" + (" in that range" if start or end else ""))
    else:
        rows = [[e.date.isoformat(), e.kind, e.id, short(e.text, 90)] for e in events]
        print(table(rows, ["DATE", "WHAT", "ID", "TEXT"]))
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
    p.add_argument("--json", action="store_true", help="print [{flag, kind, id, reason}]")

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
