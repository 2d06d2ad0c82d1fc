"""What the Promises and Timeline screens share: a filter bar, a summary line, a
RecordTable and a detail pane, refreshed after every change to the journal."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Select, Static

from ..core.flags import Flag
from ..core.journal import Journal
from ..widgets.flag_badges import promise_flags
from ..widgets.record_table import Column, RecordTable
from ..widgets.text_filter import FilterInput, TextFilter
from .in_view import in_view

if TYPE_CHECKING:
    from ..app import LeverageApp

WIDE = 110
"""From this width on, flags are spelled out in the tables."""


def optional(module: str, name: str) -> Any:
    """A class from another screen module, or None when it is not there."""
    try:
        return getattr(importlib.import_module(f"leverage_tui.screens.{module}"), name)
    except (ImportError, AttributeError):
        return None


class TableScreen(Screen[None]):
    """A main screen built round one table, filtered as you type.

    Subclasses compose widgets with the classes `filters`, `summary` and `detail` and an
    Input with the class `text-filter`, and fill in `columns`, `reload`, `refilter` and
    `show_detail`.
    """

    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="table.filter"),
        Binding("escape", "back", "Clear filter", id="table.back", show=False),
    ]
    DEFAULT_CSS = """
    TableScreen {
        .filters { height: 1; }
        .filters Input { width: 1fr; min-width: 10; }
        .filters Select { width: 14; margin-left: 1; }
        .summary { height: 1; color: $text-muted; padding: 0 1; }
        .summary.-error { color: $text-error; }
        .detail {
            height: 25%; min-height: 4; padding: 0 1;
            border-top: solid $panel-lighten-2; background: $surface;
        }
    }
    """

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self.wide = False
        self.seen_revision = -1
        self._detail_shown: tuple[str | None, int, bool] | None = None
        self._summary_shown: tuple[str, bool, str] | None = None
        self._order: list[str] = []
        """The ids of the rows, in the table's order."""
        self._hay: dict[str, str] = {}
        """Id -> what the text filter searches in that record."""
        self._text_filter = TextFilter()

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    @property
    def journal(self) -> Journal:
        """The app's journal."""
        journal: Journal = self.app.journal  # type: ignore[attr-defined]
        return journal

    @property
    def table(self) -> RecordTable:
        """The screen's table."""
        return self.query_one(RecordTable)

    def promise_flags(self) -> dict[str, list[Flag]]:
        """Promise id -> flags, computed once per journal revision (shared by screens)."""
        app: Any = self.app
        return promise_flags(
            self.journal, app.today, app.hedges, app.not_hedges, app.recap_wait_days
        )

    def set_select_options(self, select_id: str, options: Sequence[tuple[str, str]]) -> None:
        """Give the Select `select_id` new (words, value) options, keeping the value it
        holds when that is still one of them (a filter stays set across a change)."""
        select = self.query_one(select_id, Select)
        keep = select.value
        select.set_options(options)
        if keep in [value for _, value in options]:
            select.value = keep

    def columns(self, width: int) -> list[Column]:
        """The table's columns at this width."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the journal again (when its revision changed), then refilter."""
        raise NotImplementedError

    def refilter(self) -> None:
        """Show the rows that pass the filters."""
        raise NotImplementedError

    def show_detail(self, key: str | None) -> None:
        """Show the row under the cursor in the detail pane."""
        raise NotImplementedError

    def update_detail(self, key: str | None) -> None:
        """Show `key` in the detail pane unless it is already what the pane shows."""
        shown = (key, self.seen_revision, self.wide)
        if shown != self._detail_shown:
            self._detail_shown = shown
            self.show_detail(key)

    def set_summary(self, text: Any, error: bool = False) -> None:
        """The line above the table."""
        shown = (str(text), error, self.app.theme)
        if shown == self._summary_shown:  # unchanged: nothing to draw again
            return
        self._summary_shown = shown
        summary = self.query_one(".summary", Static)
        summary.set_class(error, "-error")
        summary.update(text, layout=False)

    def on_mount(self) -> None:
        """Fill the table, and fill it again after every change to the journal."""
        self.watch(self.app, "revision", self._journal_changed, init=False)
        for field in self.query(FilterInput):
            self.watch(field, "value", self._filter_typed, init=False)
        self.watch(self.table, "cursor_row", self._cursor_row_set, init=False)
        self.reload()
        self.table.focus()

    def _journal_changed(self) -> None:
        if in_view(self):
            self.reload()

    def on_screen_resume(self) -> None:
        """Catch up with changes made on other screens."""
        if self.seen_revision != self.journal.revision:
            self.reload()

    def on_resize(self) -> None:
        """Spell flags out when there is room."""
        wide = self.size.width >= WIDE
        if wide != self.wide:
            self.wide = wide
            self.table.set_columns(self.columns(self.size.width))
            self.refilter()

    def _filter_typed(self) -> None:
        """Filter in the same step as the key that changed the text, so no frame shows
        the new text over the old rows (waiting for Input.Changed can cost a frame)."""
        self.refilter()

    @on(Input.Changed)
    @on(Select.Changed)
    def _filter_changed(self, event: Input.Changed | Select.Changed) -> None:
        if not isinstance(event.control, FilterInput):  # those filtered as typed
            self.refilter()

    @on(Input.Submitted)
    def _filter_done(self) -> None:
        self.table.focus()

    def _cursor_row_set(self) -> None:
        """Fill the detail pane in the same step as the cursor moves (so one frame shows
        both; RecordTable.CursorMoved comes a message later, often a frame later)."""
        self.update_detail(self.table.cursor_key)

    @on(RecordTable.CursorMoved)
    def _cursor_moved(self, event: RecordTable.CursorMoved) -> None:
        self.update_detail(event.row_key)

    def action_focus_filter(self) -> None:
        """Type to filter."""
        self.query_one(".text-filter", Input).focus()

    def action_back(self) -> None:
        """Leave a filter field; in the table, clear the text filter."""
        if self.table.has_focus:
            self.query_one(".text-filter", Input).value = ""
        self.table.focus()

    def open_screen(self, module: str, name: str, *args: Any, **kwargs: Any) -> bool:
        """Push another helper's screen when it exists; False when it does not."""
        screen = optional(module, name)
        if screen is None:
            return False
        self.app.push_screen(screen(*args, **kwargs))
        return True
