"""The Leverage TUI: one app, one screen per file, every screen and action in the palette."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from .core import dates, paths
from .core.config import Config, load_config
from .core.journal import Journal
from .core.storage import JournalError
from .core.validate import InputError

T = TypeVar("T")

SCREENS_BY_NAME: dict[str, tuple[str, str, str]] = {
    # mode name: (module, class, palette help)
    "today": ("today", "TodayScreen", "What is due, what is still only verbal, offer countdown"),
    "log": ("log", "LogScreen", "Conversations, newest first"),
    "promises": ("promises", "PromisesScreen", "Every promise with its flags"),
    "timeline": ("timeline", "TimelineScreen", "Everything in date order"),
    "review": ("review", "ReviewScreen", "The decision brief: offers, track record, flags"),
}
"""Every main screen: its mode name, where it lives and what it is for."""


def _screen_factory(module: str, cls: str) -> Callable[[], Screen[None]]:
    def make() -> Screen[None]:
        import importlib

        screen_cls = getattr(importlib.import_module(f"leverage_tui.screens.{module}"), cls)
        screen: Screen[None] = screen_cls()
        return screen

    return make


class LeverageApp(App[None]):
    """The Leverage app on one journal file."""

    TITLE = "Leverage"
    CSS_PATH = "app.tcss"
    MODES = {name: _screen_factory(mod, cls) for name, (mod, cls, _) in SCREENS_BY_NAME.items()}
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo", id="undo"),
    ]

    revision: reactive[int] = reactive(0)
    """Bumped after every change to the journal; screens watch it to refresh."""

    def __init__(
        self,
        journal_path: Path | str,
        today: dt.date | None = None,
        *,
        theme: str | None = None,
        private_start: bool = False,
        config: Config | None = None,
    ) -> None:
        """An app on the journal at `journal_path`, with a fixed `today` for tests."""
        super().__init__()
        self.journal_path = Path(journal_path)
        self.today = today or dates.today()
        self.config = config or load_config(paths.config_file())
        self.requested_theme = theme
        self.private_start = private_start
        self.journal = Journal(self.journal_path, today=self.today, backups=self.config.backups)

    @property
    def hedges(self) -> tuple[str, ...]:
        """The hedge phrases that make a text vague."""
        return self.config.hedges

    def change(self, fn: Callable[[Journal], T]) -> T | None:
        """Apply a change to the journal; a bad input or failed save becomes a notice."""
        try:
            result = fn(self.journal)
        except InputError as err:
            self.notify(str(err), title="Not saved", severity="warning")
            return None
        except JournalError as err:
            self.notify(str(err), title="Not saved", severity="error", timeout=10)
            return None
        self.revision = self.journal.revision
        return result

    def action_undo(self) -> None:
        """Undo the last change of this session."""
        label = self.change(lambda j: j.undo())
        self.notify(f"Undone: {label}" if label else "Nothing to undo")

    def get_system_commands(self, screen: Screen[None]) -> Iterable[SystemCommand]:
        """The palette: every screen by name, then Textual's own commands."""
        for name, (_, _, help_text) in SCREENS_BY_NAME.items():
            yield SystemCommand(name.title(), help_text, lambda n=name: self.switch_mode(n))
        yield from super().get_system_commands(screen)
