"""Counting things in words: every plural the app writes comes from here.

`counted(3, "promise")` is "3 promises"; `plural("promise", n)` is the noun alone;
`are(n)` is the verb that goes with a count ("is" for one, "are" for more).
"""

from __future__ import annotations

IRREGULAR = {"person": "people", "day": "days", "reply": "replies", "company": "companies"}
"""Nouns whose plural is not the noun plus s."""


def plural(noun: str, n: int = 2) -> str:
    """`noun` for a count of `n`: 'promise', 'promises', 'person', 'people'."""
    if n == 1:
        return noun
    if noun in IRREGULAR:
        return IRREGULAR[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def counted(n: int, noun: str) -> str:
    """A count and its noun: '1 promise', '3 promises', '2 people', '1,200 days'."""
    return f"{n:,} {plural(noun, n)}"


def are(n: int) -> str:
    """The verb for a count of `n`: 'is' for one, 'are' for any other count."""
    return "is" if n == 1 else "are"
