"""The `leverage` command: a thin face on the core, one module per group of commands.

Each command module has `register(subparsers)` adding its commands; a command is a
function `run(args, ctx) -> int`. Errors are one line on stderr: exit 2 for bad usage
or input (nothing changed), exit 1 for a journal that cannot be read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..core.checks import InputError
from ..core.dates import DateError
from ..core.storage import JournalError
from ..core.visible import visible
from .common import Context, UsageError, command_modules

DESCRIPTION = """\
Leverage keeps a private journal of your conversations with your boss, HR and
recruiters, the promises made in them, and whether each was kept.

Run `leverage` alone to open the app; `leverage --demo` to try it on a demo journal.
"""

EPILOG = """\
examples:
  leverage add conversation --with Sybil --on yesterday "Talked about the lead role"
  leverage add promise --by Sybil --due "in 2 weeks" --conversation c1 "Announce me as Q3 lead"
  leverage update promise p1 --form written --evidence "email: Re: Q3 planning"
  leverage list promises --flag unwritten --json
  leverage flags
  leverage timeline --from "3 months ago"
  leverage review --md -o brief.md
  leverage export --format json -o backup.json && leverage import backup.json
  leverage check

The journal is LEVERAGE_JOURNAL, or --journal PATH, or the one in your data folder.
LEVERAGE_TODAY=YYYY-MM-DD fixes "today" (for tests and demos).
"""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2 (never a usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Report bad usage in one line and exit 2 (control characters shown escaped)."""
        shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        raise UsageError(f"{shown} (see: {self.prog} --help)")


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--journal", metavar="PATH", help="the journal file to use")
    parser.add_argument(
        "--demo", action="store_true", help="use a fresh copy of the built-in demo journal"
    )
    parser.add_argument("--theme", metavar="NAME", help="open the app with this theme")
    parser.add_argument(
        "--private-start", action="store_true", help="open the app on the privacy screen"
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = _Parser(
        prog="leverage",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"leverage {__version__}")
    _add_app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return parser


def app_arguments(args: Sequence[str]) -> argparse.Namespace | None:
    """The parsed arguments when `args` only open the app (no command, no --help), else None.

    Opening the app is the common case and needs none of the command modules, which
    take a while to import; anything else (and any mistake) goes to the whole parser.
    """
    if "--" in args:
        return None
    parser = _Parser(prog="leverage", add_help=False)
    _add_app_options(parser)
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        parsed, unknown = parser.parse_known_args(args)
    except UsageError:
        return None
    if unknown or parsed.rest:
        return None
    del parsed.rest
    parsed.command = None
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns (and exits with) the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = app_arguments(args_list)
        if args is None:
            args = build_parser().parse_args(args_list)
        ctx = Context.from_args(args)
        try:
            if getattr(args, "run", None) is None:
                from .tui import open_app

                code = open_app(args, ctx)
            else:
                code = int(args.run(args, ctx))
        finally:
            ctx.close()
    except UsageError as err:
        print(f"leverage: {visible(str(err))}", file=sys.stderr)
        code = 2
    except (InputError, DateError) as err:  # DateError: a bad LEVERAGE_TODAY
        print(f"leverage: {visible(str(err))}", file=sys.stderr)
        code = 2
    except JournalError as err:
        print(f"leverage: {visible(str(err))}", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        print("leverage: interrupted; nothing was changed", file=sys.stderr)
        code = 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    if argv is None:
        sys.exit(code)
    return code
