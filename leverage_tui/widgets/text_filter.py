"""Filter as you type, fast on tens of thousands of rows.

`TextFilter` finds the rows whose text holds every word typed, reusing what earlier
keys found; `FilterInput` is the field to type in, drawn again per key without a new
layout of the whole screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import compress, repeat
from operator import contains
from typing import Self

from textual.geometry import Region
from textual.widgets import Input

Found = tuple[tuple[str, ...], tuple[str, ...], Sequence[int]]
"""A result: the keys, their haystacks and their places in the rows searched. Tuples,
not lists: a tuple of strings or ints drops out of the garbage collector's sight after
its first pass, so the remembered results do not make every full collection walk
millions of references (it did: 10-40 ms pauses every few seconds while typing)."""
MEMORY = 48
"""How many recent results a filter keeps (typing, then taking keys back, reuses them)."""


class TextFilter:
    """Filter as you type: rows whose haystack holds every word of the text.

    The haystacks of the rows are lined up with the rows once per list of rows (not per
    key). A text whose words each hold a word of an earlier text can only match rows
    that text matched, so only those are searched: each key typed costs less than the
    one before, and a key taken back finds its result remembered. The searching itself
    runs in C (`map`, `compress`), not in a Python loop per row.
    """

    def __init__(self) -> None:
        """A filter that has seen no rows yet."""
        self._base: Sequence[str] | None = None
        self._haystacks: Mapping[str, str] | None = None
        self._hays: tuple[str, ...] = ()
        self._found: dict[tuple[str, ...], Found] = {}
        self.positions: Sequence[int] = range(0)
        """Where the rows of the last result are in `base` (ascending)."""

    def apply(self, base: Sequence[str], haystacks: Mapping[str, str], text: str) -> list[str]:
        """The keys of `base` (in order) whose haystack holds every word of `text`.

        `base` and `haystacks` must not change after they are given (give new objects
        instead): results are remembered for as long as the same two objects come back.
        """
        if base is not self._base or haystacks is not self._haystacks:
            self._base, self._haystacks = base, haystacks
            self._hays = tuple(haystacks[k] for k in base)
            self._found = {}
        words = tuple(dict.fromkeys(text.casefold().split()))
        if not words:
            self.positions = range(len(base))
            return list(base)
        found = self._found.get(words)
        if found is None:
            found = self._search(words)
            if len(self._found) >= MEMORY:
                del self._found[next(iter(self._found))]
            self._found[words] = found
        self.positions = found[2]
        return list(found[0])

    def _search(self, words: tuple[str, ...]) -> Found:
        """Rows holding every word, narrowed from the best earlier result."""
        assert self._base is not None
        keys: Sequence[str] = self._base
        found: Found = (tuple(keys), self._hays, range(len(keys)))
        todo = list(words)
        for done, earlier in self._found.items():
            # Rows holding every word now hold every earlier word that is part of one.
            if len(earlier[0]) < len(found[0]) and all(any(d in w for w in words) for d in done):
                found = earlier
                todo = [w for w in words if w not in done]
        for word in sorted(todo, key=len, reverse=True):  # longest first: fewest rows left
            hit = list(map(contains, found[1], repeat(word)))
            found = (
                tuple(compress(found[0], hit)),
                tuple(compress(found[1], hit)),
                tuple(compress(found[2], hit)),
            )
        return found


class FilterInput(Input):
    """An Input for filter text that does not lay the whole screen out again per key.

    Textual's Input asks for a new layout of the screen whenever its text changes (its
    virtual width grows with the text). A filter field has a fixed size (its width and
    height come from CSS, not from its text), so nothing else on the screen can move:
    redrawing it is enough, and it saves a full layout and a repaint of the other
    widgets on every key typed. (It hooks Textual 8's `Input._watch_value`; were that
    renamed, the field would simply lay the screen out again as before.)
    """

    _typing = False

    def _watch_value(self, value: str) -> None:
        self._typing = True
        try:
            super()._watch_value(value)
        finally:
            self._typing = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Refresh, without a new layout when only the text changed (the size cannot)."""
        if layout and self._typing and not self.styles.auto_dimensions:
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
