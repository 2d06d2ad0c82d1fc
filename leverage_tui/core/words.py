"""Small helpers for the words the app writes: counts with their nouns."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """A count with its noun: '1 promise', '2 promises', '0 promises'.

    `many` is the plural when it is not `word` + 's': plural(2, "person", "people").
    """
    return f"{count} {word if count == 1 else many or word + 's'}"
