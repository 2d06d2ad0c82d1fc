"""Text made safe to show: control characters visibly escaped, Markdown kept as text.

The journal refuses control and bidi characters on the way in (checks.py), but what
the app writes out must be safe even for a file that slipped past: a terminal acts on
an escape sequence (it can set the window title or the clipboard), and a bidi override
reorders what is shown. Every output path writes journal text through `visible` (one
line, or several with `multiline`), and Markdown outputs through `md_text`.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Every character a terminal may act on or reorder text with (tabs and newlines aside)."""
_NAMES = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _NAMES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def visible(text: str, *, multiline: bool = False) -> str:
    """`text` with every control character shown as an escape (`\\e[31m`, `\\u202e`).

    Newlines stay newlines when `multiline`; otherwise they show as `\\n`. Tabs stay.
    """
    if multiline:
        return "\n".join(CONTROL.sub(_escape, line) for line in text.split("\n"))
    out = CONTROL.sub(_escape, text)
    return out.replace("\n", "\\n") if "\n" in out else out


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-=>+]|\d+[.)])(?=\s|$)", re.M)


def md_text(text: str, *, multiline: bool = False) -> str:
    """`text` for a Markdown document: shown as written, never read as Markdown.

    Links, emphasis, HTML, headings and list markers are escaped with backslashes, so
    a note holding `[x](javascript:...)`, `<b>` or a `# line` stays text.
    """
    safe = _MD_SPECIAL.sub(r"\\\1", visible(text, multiline=multiline))
    return _MD_LINE_START.sub(_line_start, safe)


def _line_start(match: re.Match[str]) -> str:
    """A list marker or quote at the start of a line, escaped: `\\-`, `1\\.`."""
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker[:-1]}\\{marker[-1]}"
    return f"{lead}\\{marker}"
