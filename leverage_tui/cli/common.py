"""What every command shares: the journal it works on, dates, output as text or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ..core import dates, paths
from ..core.config import Config, load_config
from ..core.journal import Journal
from ..core.visible import visible

COMMAND_MODULES: tuple[str, ...] = ("records", "update", "listing", "files", "review", "trust")
COMMAND_MODULES += ("decide", "proof", "prep", "completion")
"""The modules of leverage_tui.cli that add commands (a missing one is skipped)."""


class UsageError(Exception):
    """Bad use of the command line: one line, exit 2."""


def command_modules() -> list[ModuleType]:
    """The command modules present in this build, in order."""
    found = []
    for name in COMMAND_MODULES:
        try:
            found.append(importlib.import_module(f"{__package__}.{name}"))
        except ModuleNotFoundError as err:
            if err.name != f"{__package__}.{name}":
                raise
    return found


def date_arg(text: str) -> dt.date:
    """argparse type for dates: what people type, relative to today."""
    try:
        return dates.parse_date(text, dates.today())
    except dates.DateError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def lower(text: str) -> str:
    """argparse type that makes choices case-insensitive."""
    return text.strip().lower()


@dataclass
class Context:
    """The journal path, today and settings a command runs with."""

    path: Path
    today: dt.date
    config: Config
    demo_dir: Path | None = None
    _journal: Journal | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        """The context for parsed arguments (--demo makes a fresh demo journal)."""
        today = dates.today()
        config = load_config(paths.config_file())
        for warning in config.warnings:
            print(f"leverage: {visible(warning)}", file=sys.stderr)
        demo_dir = None
        if args.demo:
            from ..core.demo import write_demo

            demo_dir = Path(tempfile.mkdtemp(prefix="leverage-demo-"))
            path = demo_dir / "demo.json"
            write_demo(path, today)
        else:
            path = paths.journal_path(args.journal)
        return cls(path, today, config, demo_dir)

    def journal(self, codec: Any = None) -> Journal:
        """The journal, opened once (JournalError when it is damaged)."""
        if self._journal is None:
            if codec is None:
                codec = self.codec()
            self._journal = Journal(
                self.path, today=self.today, backups=self.config.backups, codec=codec
            )
        return self._journal

    def codec(self) -> Any:
        """The codec for an encrypted journal, if the journal is encrypted."""
        try:
            from ..core.crypto import codec_for
        except ModuleNotFoundError:
            return None
        return codec_for(self.path)

    def close(self) -> None:
        """Remove the demo journal's temporary folder, if any."""
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What JSON leaves raw (it escapes only C0 controls) that a terminal would act on."""


def json_text(value: Any) -> str:
    """`value` as indented JSON (dates as ISO strings), safe to print: DEL, C1 controls,
    line separators and bidi controls escaped as \\uXXXX too (the same data)."""
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(value: Any) -> None:
    """Print `value` as JSON (dates as ISO strings, control characters escaped)."""
    print(json_text(value))


def shown(text: str) -> str:
    """Journal text (one line or several) as it may go to a terminal: every control
    character visibly escaped (core/visible.py), line ends kept (CRLF too)."""
    if "\r" in text:
        return "\r\n".join(visible(part, multiline=True) for part in text.split("\r\n"))
    return visible(text, multiline=True)
