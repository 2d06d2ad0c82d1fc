"""`j`/`k` and `g`/`G` in every list and table, as in less, vim and mutt.

`j` is down, `k` up, `g` the first row and `G` the last: each letter presses the arrow
(or Home/End; ctrl+Home/ctrl+End in a DataTable, whose Home/End go sideways) itself, so
whatever a screen does with that key (Today's lists run on into each other) it does for
the letter too. The letters are bindings of the list
widget, so they only act while it has focus: typing in a filter is never taken. A
letter that the screen (or anything around the list) binds for itself stays the
screen's: on the Timeline `g` keeps switching weeks and months. Each is rebindable in
`[keymap]` by its id (`list.down`, `list.up`, `list.first`, `list.last`).

`OptionList` and `DataTable` here are Textual's with the letters added (same CSS type
names, same messages); `RecordTable` mixes `LetterKeys` in itself. The mixin comes
after the widget's own class: Textual inherits CSS along the first base only.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable as TextualDataTable
from textual.widgets import OptionList as TextualOptionList
from textual.widgets._data_table import CellType

LETTERS = (
    ("j", "down", "Down", "list.down"),
    ("k", "up", "Up", "list.up"),
    ("g", "first", "First", "list.first"),
    ("G", "last", "Last", "list.last"),
)
"""(letter, where it moves, description, binding id)."""

_IDS = {move: bid for _, move, _, bid in LETTERS}
_DEFAULT_KEY = {move: letter for letter, move, _, _ in LETTERS}


class LetterKeys(Widget):
    """A focusable list's j/k/g/G: the arrow keys and Home/End under letters."""

    BINDINGS = [
        Binding(letter, f"letter('{move}')", description, id=bid, show=False)
        for letter, move, description, bid in LETTERS
    ]
    PRESSES: ClassVar[dict[str, str]] = {
        "down": "down",
        "up": "up",
        "first": "home",
        "last": "end",
    }
    """The key each move presses in this widget."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A letter the screen binds itself is left to the screen (hidden here)."""
        if action == "letter" and parameters:
            return not self._taken_around(str(parameters[0]))
        return super().check_action(action, parameters)

    def action_letter(self, move: str) -> None:
        """Press the key of `move` (down, up, first, last) as if it were pressed."""
        self.app.simulate_key(self.PRESSES[move])

    def _taken_around(self, move: str) -> bool:
        """Whether a binding around this widget (its screen, the app) uses the key that
        stands for `move` here, with the user's [keymap] applied to both."""
        keymap: dict[str, str] = getattr(self.app, "_keymap", {})
        mine = set(keymap.get(_IDS[move], _DEFAULT_KEY[move]).split(","))
        for node in self.ancestors:
            for key, bindings in node._bindings.key_to_bindings.items():
                for binding in bindings:
                    keys = keymap.get(binding.id, key) if binding.id else key
                    if mine & set(keys.split(",")):
                        return True
        return False


class OptionList(TextualOptionList, LetterKeys):
    """Textual's OptionList, with j/k/g/G."""


class DataTable(TextualDataTable[CellType], LetterKeys):
    """Textual's DataTable, with j/k/g/G (g and G: its ctrl+Home and ctrl+End)."""

    PRESSES: ClassVar[dict[str, str]] = {
        **LetterKeys.PRESSES,
        "first": "ctrl+home",
        "last": "ctrl+end",
    }
