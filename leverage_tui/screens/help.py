"""HelpScreen: every key of the screen it was opened from, and how to rebind them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..core import paths

KeyRow = tuple[str, str, str]
"""(key as shown, what it does, binding id)."""


def screen_keys(screen: Screen[object], app: App[object]) -> tuple[list[KeyRow], list[KeyRow]]:
    """The keys of `screen` and those that work everywhere, each as (key, action, id)."""
    here: list[KeyRow] = []
    everywhere: list[KeyRow] = []
    seen: set[str] = set()
    for _key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        node = active.node
        if not binding.description or binding.system:
            continue
        if node is not app and node is not screen and not binding.id:
            continue  # a widget's own cursor keys: not worth listing
        if binding.description in seen:
            continue
        seen.add(binding.description)
        row = (app.get_key_display(binding), binding.description, binding.id or "")
        # the screen's own keys have ids; Textual's generic ones (tab, copy) do not
        (here if node is not app and binding.id else everywhere).append(row)
    return here, everywhere


def _table(rows: list[KeyRow]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True, width=10)
    table.add_column(width=26, no_wrap=True, overflow="ellipsis")
    table.add_column(style="dim", no_wrap=True, overflow="ellipsis")
    for key, what, bid in rows:
        table.add_row(key, what, bid)
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of one screen, grouped: this screen first, then everywhere."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > Vertical {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary 60%;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen VerticalScroll {
        height: auto;
        max-height: 1fr;
    }
    HelpScreen .help-heading {
        color: $text-primary;
        text-style: bold;
        margin-top: 1;
    }
    HelpScreen #help-foot {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, screen: Screen[object], name: str = "") -> None:
        """Help for `screen`, titled with its `name`."""
        super().__init__()
        self.for_screen = screen
        self.screen_name = name or (screen.sub_title or "").split(" · ")[0] or type(screen).__name__

    def compose(self) -> ComposeResult:
        """The two key tables and a line on rebinding."""
        here, everywhere = screen_keys(self.for_screen, self.app)
        with Vertical() as box:
            box.border_title = f"Keys: {self.screen_name}"
            with VerticalScroll():
                if here:
                    yield Static("On this screen", classes="help-heading")
                    yield Static(_table(here), id="help-here")
                yield Static("Everywhere", classes="help-heading")
                yield Static(_table(everywhere), id="help-everywhere")
                foot = Text.assemble(
                    "Rebind a key in ",
                    (str(paths.config_file()), "bold"),
                    " under [keymap], by its id: ",
                    ('undo = "ctrl+u"', "bold"),
                    ". Esc closes.",
                )
                yield Static(foot, id="help-foot")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
