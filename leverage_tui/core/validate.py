"""Checks on what the user typed: one-line messages, raised before anything changes."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

TEXT_LIMIT = 2_000
"""Longest one-line text (a promise, a summary, a name) in characters."""
NOTES_LIMIT = 100_000
"""Longest multi-line notes in characters."""
NAME_LIMIT = 120
"""Longest name of a person, company or tag."""
MONEY_LIMIT = 10**12
"""Largest amount of pay accepted."""


class InputError(ValueError):
    """Bad input from the user: the message is one line saying what to do instead."""


def clean_text(value: str | None, what: str, *, multiline: bool = False, limit: int = 0) -> str:
    """`value` stripped, or InputError when it is empty, too long or has control characters."""
    limit = limit or (NOTES_LIMIT if multiline else TEXT_LIMIT)
    text = (value or "").strip()
    if not text:
        raise InputError(f"{what} is empty: write something")
    return _check(text, what, multiline=multiline, limit=limit)


def optional_text(value: str | None, what: str, *, multiline: bool = False, limit: int = 0) -> str:
    """Like clean_text, but an empty value is allowed and gives ''."""
    limit = limit or (NOTES_LIMIT if multiline else TEXT_LIMIT)
    text = (value or "").strip()
    return _check(text, what, multiline=multiline, limit=limit) if text else ""


def _check(text: str, what: str, *, multiline: bool, limit: int) -> str:
    if len(text) > limit:
        raise InputError(f"{what} is too long ({len(text):,} characters; at most {limit:,})")
    allowed = "\n\t" if multiline else "\t"
    for ch in text:
        if ch in allowed:
            continue
        if unicodedata.category(ch) in ("Cc", "Cs") or ch in "\u2028\u2029":
            breaks = "\n\u2028\u2029" if multiline else "\r\n\u2028\u2029"
            kind = "a line break" if ch in breaks else f"control character {ch!r}"
            raise InputError(f"{what} contains {kind}: remove it")
    return text.replace("\t", " ") if not multiline else text


def choice(value: str, options: Sequence[str], what: str) -> str:
    """`value` (case-insensitive) if it is one of `options`, else InputError listing them."""
    picked = (value or "").strip().lower()
    if picked in options:
        return picked
    shown = repr(value[:40]) if value else "nothing"
    raise InputError(f"unknown {what} {shown} (choose {', '.join(options)})")


def money(value: int | str | None, what: str) -> int | None:
    """An amount of pay as a whole number (None stays None), or InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        amount = value
    else:
        digits = value.strip().replace(",", "").replace("_", "").lstrip("$€£")
        multiplier = 1
        if digits[-1:].lower() == "k":
            digits, multiplier = digits[:-1], 1000
        if not digits.isdecimal() or len(digits) > 15:
            raise InputError(f"{what} is not an amount: {value[:40]!r} (write e.g. 120000 or 120k)")
        amount = int(digits) * multiplier
    if not 0 <= amount <= MONEY_LIMIT:
        raise InputError(f"{what} is out of range: {amount} (0 to {MONEY_LIMIT:,})")
    return amount
