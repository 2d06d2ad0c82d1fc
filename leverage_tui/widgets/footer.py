"""The key footer, rebuilt only when the keys it shows change.

Textual's `Footer` rebuilds all its keys every time the screen's bindings may have
changed: on every focus change, and two or three times while a screen opens, even when
the same keys come out. Rebuilding a key means mounting it and styling it twice, so a
footer of a dozen keys costs tens of milliseconds each time. This `Footer` looks the
same and shows the same keys; it only notes what it showed and skips a rebuild that
would show exactly that again (and a second one asked for before the first has run),
and builds each key in its final style rather than restyling it twice.

It also fits the keys into the terminal's width: a key that does not fit is left out
whole (never cut in the middle of a word), the least needed first. `?` (every key of the
screen) always stays, then the F-keys of the other main screens, then the screen's own
keys in their order, then the rest; the F-key of the main screen on show is left out
(it would lead where the user already is).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.events import Resize
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


def key_width(key: FooterKey, compact: bool) -> int:
    """The columns `key` takes in the footer (its padding and margin included)."""
    words = cell_len(key.key_display) + (cell_len(key.description) + 1 if key.description else 0)
    return words + (1 if compact else 2)


def palette_width(key: FooterKey) -> int:
    """The columns of the palette key, docked right (its border and padding included)."""
    return cell_len(key.key_display) + cell_len(key.description) + 3


class Footer(TextualFooter):
    """Textual's footer, without the rebuilds that would show the same keys again."""

    def __init__(self, *children: Any, **kwargs: Any) -> None:
        """The same arguments as Textual's `Footer`."""
        super().__init__(*children, **kwargs)
        self._shown: Hashable = None
        """What the last compose showed (None: nothing yet)."""
        self._rebuild_pending = False

    def _keys_to_show(self) -> Hashable:
        """Everything the keys would be built from, as a value to compare."""
        if not self._bindings_ready:
            return None
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        return (
            self.app.size.width,
            self._current_screen_action(),
            self.show_command_palette,
            tuple(
                (key, binding, enabled, tooltip, app.get_key_display(binding))
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == palette
            ),
        )

    def _current_screen_action(self) -> str | None:
        """The action of the F-key that would show this very screen (None: not a main
        screen, e.g. a conversation opened over the Log: there its F-key leads back)."""
        app = self.app
        stack = app.screen_stack
        if self.is_attached and stack and self.screen is stack[0]:
            return f"show('{app.current_mode}')"
        return None

    @staticmethod
    def _rank(binding_id: str | None, order: int) -> tuple[int, int]:
        """Which keys stay first when not all fit: lower ranks stay."""
        bid = binding_id or ""
        if bid == "help":
            return (0, order)
        if bid.startswith("screen."):
            return (1, order)
        return (3 if bid == "privacy" else 2, order)

    def _fit(self, widgets: list[Any]) -> list[Any]:
        """The widgets that fit in the footer's width, whole keys only, in their order."""
        ids = {
            active.binding.action: active.binding.id
            for active in self.screen.active_bindings.values()
        }
        skip = self._current_screen_action()
        room = self.app.size.width
        keys: list[tuple[tuple[int, int], int, Any]] = []
        for order, widget in enumerate(widgets):
            if not isinstance(widget, FooterKey):
                room -= 1 if widget else 0  # a binding group (not used by the app)
                keys.append(((0, order), 0, widget))
            elif widget.has_class("-command-palette"):
                room -= palette_width(widget)
                keys.append(((0, order), 0, widget))
            elif widget.action != skip:
                width = key_width(widget, self.compact)
                keys.append((self._rank(ids.get(widget.action), order), width, widget))
        kept: set[int] = set()
        for rank, width, widget in sorted(keys, key=lambda k: k[0]):
            if width <= room:
                room -= width
                kept.add(id(widget))
            elif rank[0] == 0:
                kept.add(id(widget))  # help and the palette always stay
        return [w for w in widgets if id(w) in kept]

    def compose(self) -> ComposeResult:
        """Textual's keys that fit, already in their final style; remembers what they show."""
        self._shown = self._keys_to_show()
        for widget in self._fit(list(super().compose())):
            if isinstance(widget, FooterKey):
                # A new key starts compact and is then set to the footer's look: two
                # restyles each. Start it in the look it ends up in (no restyle).
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def on_resize(self, event: Resize) -> None:
        """Fit the keys again when the terminal's width changes."""
        if self.is_attached and not self._rebuild_pending and self._keys_to_show() != self._shown:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild (once the screen is refreshed) only if different keys would show."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_pending and self._keys_to_show() != self._shown:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if self.is_attached and self._keys_to_show() != self._shown:
            await self.recompose()
