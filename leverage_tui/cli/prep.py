"""`leverage prep PERSON`: the brief before a meeting with one person (core/prep.py).

Plain text by default; `--md` a Markdown page to print or keep on a second screen (it
says it is private); `--json` the data, under the keys `person`, `open_promises`,
`awaiting_confirmation`, `last_conversations`, `asks_to_raise`, `wins`, `questions` and
`track_record`. `-o FILE` writes it to a file readable by you only.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.prep import prepare
from ..core.prep_words import prep_doc, prep_markdown, prep_text
from .common import Context, UsageError, json_text
from .export_formats import emit
from .records import command, words


def _prep(args: argparse.Namespace, ctx: Context) -> int:
    if args.md and args.json:
        raise UsageError("give --md or --json, not both")
    who = words(args.person)
    journal = ctx.journal()
    prep = prepare(
        journal,
        who,
        today=ctx.today,
        hedges=ctx.config.hedges,
        not_hedges=ctx.config.not_hedges,
        wait_days=ctx.config.recap_wait_days,
    )
    if args.json:
        text = json_text(prep_doc(prep)) + "\n"
    elif args.md:
        text = prep_markdown(prep)
    else:
        text = prep_text(prep)
    emit(text, args.output, ctx, f"the brief for {prep.person.name}")
    return 0


def register(sub: Any) -> None:
    """Add the prep command."""
    p = command(
        sub,
        "prep",
        "before a meeting: what someone owes you, recaps waiting, asks to raise, questions",
        [
            "leverage prep Sybil",
            "leverage prep 'Maya Chen' --md -o maya.md",
            "leverage prep u1 --json",
        ],
        _prep,
    )
    p.add_argument("person", nargs="+", metavar="PERSON", help="a name, its start, or an id")
    p.add_argument("--md", action="store_true", help="a Markdown page to print")
    p.add_argument("--json", action="store_true", help="the brief as JSON")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
