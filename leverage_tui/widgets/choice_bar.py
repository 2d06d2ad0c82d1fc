"""ChoiceBar: one of a few options, all visible on one line, picked with one keystroke.

Left/right move the choice; each option's hot letter picks it directly; a click picks
the option under the mouse. Used for a promise's form (verbal, recap-sent, ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ChoiceBar(Widget, can_focus=True):
    """Options on one line; `value` is the chosen one."""

    DEFAULT_CSS = """
    ChoiceBar {
        height: 1;
        width: 1fr;
        background: $boost;
        padding: 0 1;
    }
    ChoiceBar:focus {
        background: $surface-lighten-1;
    }
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
    ]

    value: reactive[str] = reactive("")
    """The chosen option."""

    class Changed(Message):
        """The choice changed."""

        def __init__(self, bar: ChoiceBar, value: str) -> None:
            """`bar` now has `value`."""
            super().__init__()
            self.bar = bar
            self.value = value

        @property
        def control(self) -> ChoiceBar:
            """The bar that changed."""
            return self.bar

    def __init__(
        self,
        options: Sequence[str],
        value: str | None = None,
        *,
        hotkeys: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        """A bar of `options`; `hotkeys[i]` is the letter that picks `options[i]`."""
        super().__init__(id=id)
        self.options = list(options)
        self.hotkeys = list(hotkeys) or [o[0] for o in self.options]
        self._spans: list[tuple[int, int]] = []
        self.set_reactive(ChoiceBar.value, value if value in self.options else self.options[0])

    def render(self) -> Text:
        """Each option, the chosen one marked and highlighted, with its hot letter."""
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for option, key in zip(self.options, self.hotkeys, strict=False):
            if text:
                text.append("  ")
            start = text.cell_len
            chosen = option == self.value
            text.append("● " if chosen else "○ ", "bold" if chosen else "dim")
            text.append(option, "bold reverse" if chosen else "")
            text.append(f" {key}", "dim")
            self._spans.append((start, text.cell_len))
        return text

    def watch_value(self, value: str) -> None:
        """Say the choice changed."""
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        """Choose the previous or next option."""
        index = self.options.index(self.value)
        self.value = self.options[(index + step) % len(self.options)]

    def on_key(self, event: events.Key) -> None:
        """A hot letter picks its option."""
        if event.character and event.character in self.hotkeys:
            event.stop()
            event.prevent_default()
            self.value = self.options[self.hotkeys.index(event.character)]

    def on_click(self, event: events.Click) -> None:
        """A click picks the option under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for option, (start, end) in zip(self.options, self._spans, strict=False):
            if start <= offset.x < end:
                self.value = option
                return
