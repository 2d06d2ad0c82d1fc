"""The filter options every listing shares (`list`, `flags`, `timeline`, `export`):
`-n N`, `--from`, `--to`, `--tag`, `--person`, `--status`, `--form`. The rule itself
is `core/filters.py`."""

from __future__ import annotations

import argparse
import dataclasses

from ..core.checks import InputError
from ..core.filters import Filter, known_person, make_filter
from ..core.journal import Journal
from ..core.records import FORMS, STATUSES
from .common import Context, UsageError


def add_filter_options(p: argparse.ArgumentParser, dates: bool = True) -> None:
    """Add the filter options to a command (`dates=False`: it has --from/--to already)."""
    p.add_argument("-n", dest="latest", type=int, metavar="N", help="only the latest N (by date)")
    if dates:
        p.add_argument("--from", dest="start", metavar="DATE", help="only from this day on")
        p.add_argument("--to", dest="end", metavar="DATE", help="only up to this day")
    p.add_argument(
        "--tag", metavar="TAG", help="only records with this tag (a promise: its conversation's)"
    )
    if not any(a.dest == "person" for a in p._actions):
        p.add_argument(
            "--person",
            metavar="NAME",
            help="only what concerns this person (or an offer's company)",
        )
    p.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help="only promises in this status (" + ", ".join(STATUSES) + "); repeat for more",
    )
    p.add_argument(
        "--form",
        action="append",
        default=[],
        metavar="FORM",
        help="only promises in this form (" + ", ".join(FORMS) + "); repeat for more",
    )


def filter_of(args: argparse.Namespace, ctx: Context, journal: Journal | None = None) -> Filter:
    """The Filter the command line asks for (UsageError for a bad value; a --person
    nobody in `journal` has is refused too)."""
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    try:
        f = make_filter(
            ctx.today,
            latest=args.latest,
            start=start,
            end=end,
            tag=args.tag,
            person=args.person,
            status=args.status,
            form=args.form,
        )
        if f.person is not None and journal is not None:
            f = dataclasses.replace(f, person=known_person(journal, f.person))
    except InputError as err:
        raise UsageError(str(err)) from None
    return f
