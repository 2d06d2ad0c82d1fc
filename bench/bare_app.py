"""The baselines: a bare Textual app, and an Input whose text a Static echoes.

`BareApp` (Header, Static, Footer) is what startup and memory are compared with;
`EchoApp` (and `EchoScreen`, the same pair on a screen that can be pushed on top of any
app) is what keystroke latency is compared with: a key typed into the Input until the
Static showing it is refreshed.

    python bench/bare_app.py [--echo]     run one of them in the terminal
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Static, TextArea


class BareApp(App[None]):
    """Header, a line of text, Footer: the smallest app that looks like an app."""

    TITLE = "Bare"

    def compose(self) -> ComposeResult:
        """Header, a Static, Footer."""
        yield Header()
        yield Static("A bare Textual app.")
        yield Footer()


def _echo_widgets() -> ComposeResult:
    yield Header()
    yield Input(placeholder="type here", id="echo-input")
    yield Static("", id="echo")
    yield Footer()


class EchoScreen(Screen[None]):
    """An Input and a Static that echoes it; `echoed` is what the Static was last given."""

    echoed: str = ""

    def compose(self) -> ComposeResult:
        """Header, the Input, the echo, Footer."""
        yield from _echo_widgets()

    def on_mount(self) -> None:
        """Typing goes to the Input."""
        self.query_one("#echo-input", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Show what was typed."""
        self.query_one("#echo", Static).update(event.value)
        self.echoed = event.value


class EchoApp(App[None]):
    """The keystroke baseline: the echo screen as the only screen."""

    TITLE = "Echo"

    def get_default_screen(self) -> Screen[None]:
        """The echo screen."""
        return EchoScreen()


class FormScreen(ModalScreen[str]):
    """The memory baseline's modal: eight inputs and a text area, saved with ctrl+s."""

    BINDINGS = [("ctrl+s", "save", "Save")]

    def compose(self) -> ComposeResult:
        """Eight one-line fields and a text area."""
        with Vertical():
            for i in range(8):
                yield Input(f"field {i}", id=f"f{i}")
            yield TextArea("notes")

    def on_mount(self) -> None:
        """Typing goes to the first field."""
        self.query_one("#f0", Input).focus()

    def action_save(self) -> None:
        """Close, handing back the first field."""
        self.dismiss(self.query_one("#f0", Input).value)


class FormApp(BareApp):
    """The memory baseline: the bare app, a modal form pushed, typed in and saved."""

    saved: list[str]

    def on_mount(self) -> None:
        """Nothing saved yet."""
        self.saved = []


if __name__ == "__main__":
    (EchoApp() if "--echo" in sys.argv else BareApp()).run()
