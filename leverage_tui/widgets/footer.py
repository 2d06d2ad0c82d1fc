"""The key footer, rebuilt only when the keys it shows change.

Textual's `Footer` rebuilds all its keys every time the screen's bindings may have
changed: on every focus change, and two or three times while a screen opens, even when
the same keys come out. Rebuilding a key means mounting it and styling it twice, so a
footer of a dozen keys costs tens of milliseconds each time. This `Footer` looks the
same and shows the same keys; it only notes what it showed and skips a rebuild that
would show exactly that again (and a second one asked for before the first has run),
and builds each key in its final style rather than restyling it twice.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


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
            self.show_command_palette,
            tuple(
                (key, binding, enabled, tooltip, app.get_key_display(binding))
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == palette
            ),
        )

    def compose(self) -> ComposeResult:
        """Textual's keys, already in their final style; remembers what they show."""
        self._shown = self._keys_to_show()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # A new key starts compact and is then set to the footer's look: two
                # restyles each. Start it in the look it ends up in (no restyle).
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

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
