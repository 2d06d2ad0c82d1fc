"""`leverage decide OFFER_ID --accept|--decline [--on DATE] [--why TEXT]`.

Records the decision on an offer (core/decisions.py) as one change: the offer's status,
a decision record, and, on leaving, the old employer's pending promises as no longer
expected. Accepting one offer asks whether to decline the other open ones (in a
terminal; `--decline-others` or `--keep-others` say it in a script, where they are
kept open by default). Prints what changed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.decisions import Decided, decide, decision_words, open_offers
from ..core.plural import plural
from ..core.records import Offer
from ..core.visible import visible
from .common import Context, UsageError, date_arg
from .records import command, counted, short


def _ask_decline_others(others: list[Offer]) -> bool:
    """Ask at the terminal whether to decline the other open offers (default no)."""
    named = ", ".join(f"{o.id} {visible(short(o.company, 30))}" for o in others[:4])
    more = f" and {len(others) - 4} more" if len(others) > 4 else ""
    offers = plural("offer", len(others))
    try:
        answer = input(f"Decline the other open {offers} too ({named}{more})? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _decide(args: argparse.Namespace, ctx: Context) -> int:
    if args.accept == args.decline:
        raise UsageError("decide needs one of --accept and --decline")
    if args.decline_others and args.keep_others:
        raise UsageError("choose one of --decline-others and --keep-others")
    if args.decline and (args.decline_others or args.keep_others):
        raise UsageError("--decline-others and --keep-others go with --accept")
    journal = ctx.journal()
    offer = journal.get(args.offer, "offer")
    assert isinstance(offer, Offer)
    decline_others = bool(args.decline_others)
    if args.accept and not args.decline_others and not args.keep_others:
        others = open_offers(journal, but=offer.id)
        if others and sys.stdin.isatty() and offer.status == "open":
            decline_others = _ask_decline_others(others)
    result = decide(
        journal,
        offer.id,
        accept=bool(args.accept),
        on=args.on,
        why=" ".join(args.why or []),
        decline_others=decline_others,
    )
    _report(result, journal)
    return 0


def _report(result: Decided, journal: Any) -> None:
    """Say what the decision changed, a line each."""
    for d in result.decisions:
        offer = journal.offers[d.offer]
        print(f"{d.id}: {visible(decision_words(d, offer))}")
    if result.released:
        ids = ", ".join(p.id for p in result.released[:12])
        more = ", ..." if len(result.released) > 12 else ""
        print(
            f"no longer expected, as you are leaving (not counted as broken): "
            f"{counted(len(result.released), 'promises')} ({ids}{more}); one change with "
            "the decision (ctrl+z in the app undoes it; one by one: leverage update "
            "promise ID --status pending)"
        )
    if result.still_open:
        ids = ", ".join(o.id for o in result.still_open)
        print(f"still open: {ids} (decline: leverage decide ID --decline)", file=sys.stderr)


def register(sub: Any) -> None:
    """Add the decide command."""
    p = command(
        sub,
        "decide",
        "accept or decline an offer: records the decision (and what it changes)",
        [
            'leverage decide o2 --accept --why "the team and the title"',
            "leverage decide o1 --decline --on yesterday",
            "leverage decide o1 --accept --decline-others",
        ],
        _decide,
    )
    p.add_argument("offer", metavar="OFFER_ID", help="the offer (leverage list offers)")
    p.add_argument("--accept", action="store_true", help="you accept it")
    p.add_argument("--decline", action="store_true", help="you decline it")
    p.add_argument("--on", type=date_arg, metavar="DATE", help="when you decided; default today")
    p.add_argument("--why", nargs="+", metavar="TEXT", help="the reason, in a line")
    p.add_argument(
        "--decline-others",
        action="store_true",
        help="(with --accept) decline every other open offer too",
    )
    p.add_argument(
        "--keep-others",
        action="store_true",
        help="(with --accept) keep the other open offers open, without asking",
    )
