"""`leverage review`, `recap` and `current-job`.

- `review` prints the decision brief: in a terminal a readable report (review_report.py),
  else Markdown (`--md` always; `--json` the numbers; `-o FILE`).
- `recap CONVERSATION_ID` prints a ready-to-send recap of the conversation's verbal
  promises (or asks again about unconfirmed ones); `--mark-sent` then records it sent
  (`Journal.mark_recap_sent`: verbal ones move to recap-sent, the wait of those asked
  again starts over). `recap --offer ID` asks for an offer in writing, `recap --more-time
  ID [--until DATE]` for more days before its deadline.
- `current-job` records the job the offers are compared with (or shows it).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.records import Offer
from ..core.registry import KINDS
from ..core.visible import visible
from .common import Context, UsageError, date_arg, json_text, print_json
from .export_formats import emit
from .options import add_options, field_values
from .records import command, record_doc


def _review(args: argparse.Namespace, ctx: Context) -> int:
    if args.md and args.json:
        raise UsageError("choose one of --md and --json")
    from ..core.review import brief_markdown, build_brief  # imported when used: fast startup

    config = ctx.config
    brief = build_brief(
        ctx.journal(),
        ctx.today,
        config.hedges,
        not_hedges=config.not_hedges,
        wait_days=config.recap_wait_days,
        checkin_days=config.checkin_days,
    )
    if args.json:
        text = json_text(brief.to_doc()) + "\n"
        emit(text, args.output, ctx, "the brief's numbers")
        return 0
    if args.md or args.output not in (None, "-") or not sys.stdout.isatty():
        emit(brief_markdown(brief), args.output, ctx, "the decision brief")
        return 0
    from .review_report import print_report

    print_report(brief)
    return 0


def _recap(args: argparse.Namespace, ctx: Context) -> int:
    given = [args.conversation, args.offer, args.more_time]
    if sum(x is not None for x in given) != 1:
        raise UsageError(
            "recap needs exactly one of CONVERSATION_ID, --offer OFFER_ID, --more-time OFFER_ID"
        )
    if args.until is not None and args.more_time is None:
        raise UsageError("--until only goes with --more-time")
    if args.mark_sent and args.conversation is None:
        raise UsageError("--mark-sent only goes with a conversation's recap")
    from ..core import offer_messages
    from ..core.recap import recap_for

    journal, config = ctx.journal(), ctx.config
    if args.conversation is None:
        offer = journal.get(args.offer or args.more_time, "offer")
        assert isinstance(offer, Offer)
        to = offer_messages.people_for_offer(journal, offer)
        if args.offer is not None:
            message = offer_messages.offer_in_writing(
                offer,
                config.name,
                ctx.today,
                to=to,
                hedges=config.hedges,
                not_hedges=config.not_hedges,
            )
        else:
            message = offer_messages.more_time(offer, config.name, ctx.today, args.until, to=to)
        emit(message.text, args.output, ctx, "the message")
        return 0
    recap = recap_for(
        journal,
        args.conversation,
        today=ctx.today,
        hedges=config.hedges,
        user_name=config.name,
        offers=offer_messages.offers_discussed(journal, args.conversation),
        wait_days=config.recap_wait_days,
        not_hedges=config.not_hedges,
    )
    emit(recap.text, args.output, ctx, "the recap")
    if args.mark_sent:
        verbal = {i for i in recap.promises if journal.promise(i).form == "verbal"}
        changed = [p.id for p in journal.mark_recap_sent(recap.promises, ctx.today)]
        moved = [i for i in changed if i in verbal]
        again = [i for i in changed if i not in verbal]
        if moved or not again:
            shown = ", ".join(moved) if moved else "none (already marked sent today)"
            print(f"marked recap-sent: {shown}", file=sys.stderr)
        if again:
            print(
                f"recap sent again: {', '.join(again)} (the wait before asking again starts over)",
                file=sys.stderr,
            )
    return 0


def _current_job(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    values = field_values(args, KINDS["job"], adding=False)
    if args.clear:
        journal.clear_current_job()
    elif values:
        journal.set_current_job(**values)
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
        print(visible(f"{job.role} at {job.company}" + "".join(f"; {x}" for x in extras)))
    return 0


def register(sub: Any) -> None:
    """Add the review, recap and current-job commands."""
    p = command(
        sub,
        "review",
        "the decision brief: bottom line, conflicts, offers in total, floors, track record,"
        " flags, asks, risks, checklist",
        ["leverage review", "leverage review --md -o brief.md", "leverage review --json"],
        _review,
    )
    p.add_argument("--md", action="store_true", help="write the brief as Markdown")
    p.add_argument("--json", action="store_true", help="the numbers as JSON")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    p = command(
        sub,
        "recap",
        "a ready-to-send recap of a conversation's promises, or a message about an offer",
        [
            "leverage recap c12",
            "leverage recap c12 -o recap.txt --mark-sent",
            "leverage recap --offer o2",
            'leverage recap --more-time o1 --until "dec 4"',
        ],
        _recap,
    )
    p.add_argument("conversation", nargs="?", metavar="CONVERSATION_ID", help="e.g. c12")
    p.add_argument("--offer", metavar="OFFER_ID", help="ask for this offer in writing")
    p.add_argument(
        "--more-time", metavar="OFFER_ID", help="ask for more days before this offer's deadline"
    )
    p.add_argument(
        "--until", type=date_arg, metavar="DATE", help="the new date to ask for (--more-time)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--mark-sent",
        action="store_true",
        help="then record the recap sent (verbal promises become recap-sent; the wait of "
        "those asked again starts over)",
    )

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
    add_options(p, KINDS["job"], adding=False)
    p.add_argument("--clear", action="store_true", help="forget the current job")
    p.add_argument("--json", action="store_true", help="print it as JSON")
