"""Long text the way people write it on the command line.

`-` as a text (the trailing TEXT words, `--notes -`, `--evidence -`...) reads that text
from standard input, so `pbpaste | leverage add conversation --with Sybil --notes - "1:1"`
keeps a pasted note whole. Only one field can be read that way per command.

A one-line field given several lines (a paste, or standard input) has its lines joined
with spaces, and a note on stderr says so: nothing is ever cut to its first line. Notes
keep their lines.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from ..core.registry import Kind
from .common import UsageError

STDIN = "-"
"""The text that stands for standard input."""
TEXT_INPUTS = ("line", "name", "notes")
"""The inputs a long text may be given to."""


def one_line(text: str) -> str:
    """`text` on one line: its lines (CRLF or LF; blank ones dropped) joined with single
    spaces. Only line feeds split it: any other control character stays, for the
    journal's check to refuse."""
    parts = (part.strip(" \t") for part in text.replace("\r\n", "\n").split("\n"))
    return " ".join(part for part in parts if part)


def _line_count(text: str) -> int:
    """How many non-blank lines `text` has (split at line feeds)."""
    return sum(1 for part in text.replace("\r\n", "\n").split("\n") if part.strip(" \t"))


def read_stdin(stream: TextIO | None = None) -> str:
    """All of standard input, line ends as `\\n`, without the trailing line end."""
    stream = stream if stream is not None else sys.stdin
    if stream is None:
        raise UsageError("'-' reads the text from standard input, but there is none")
    if stream.isatty():
        print("leverage: reading the text from standard input (end with ctrl+d)", file=sys.stderr)
    text = stream.read().replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n")


def long_texts(
    kind: Kind, values: dict[str, Any], stream: TextIO | None = None
) -> tuple[dict[str, Any], list[str]]:
    """`values` with `-` read from standard input and one-line fields on one line, and the
    notes to print once the change is saved (a field whose lines were joined)."""
    out = dict(values)
    notes: list[str] = []
    from_stdin = [
        name
        for name, value in values.items()
        if value == STDIN and kind.field(name).input in TEXT_INPUTS
    ]
    if len(from_stdin) > 1:
        shown = ", ".join(str(kind.field(n).cli) for n in from_stdin)
        raise UsageError(f"only one text can be read from standard input ('-'), not {shown}")
    for name in from_stdin:
        out[name] = read_stdin(stream)
        if not out[name].strip():
            raise UsageError(f"standard input was empty: no {kind.field(name).what} to save")
    for name, value in out.items():
        spec = kind.field(name)
        if spec.input in ("line", "name") and isinstance(value, str) and "\n" in value:
            out[name] = one_line(value)
            lines = _line_count(value)
            if lines > 1:
                notes.append(
                    f"leverage: note: the {spec.what} had {lines} lines; "
                    "joined with spaces (it is one line)"
                )
    return out, notes
