"""The Wins screen: the user's own achievements with their evidence, linked to asks.

Newest first, filtered as you type (words of the win, its impact, evidence, tags and
asks) and by the ask a win supports. The pane under the table shows the win in full
with the asks it supports. n adds a win (W does from anywhere), Enter edits it and
links it to asks, Delete deletes it after asking.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Select, Static

from ..core.dates import describe
from ..core.plural import counted
from ..core.records import Win
from ..core.show import day_text
from ..core.wins import all_wins
from ..widgets.footer import Footer
from ..widgets.record_table import Cells, Column, RecordTable
from ..widgets.text_filter import FilterInput
from .table_screen import WIDE, TableScreen
from .win_editor import WinEditor

NO_ASK = "-"
"""The ask filter's value for wins that support no ask yet."""


def columns(width: int) -> list[Column]:
    """The table's columns for a screen this wide."""
    impact, asks = (40, 12) if width >= WIDE else (22, 7)
    return [Column("date", 11), Column("win"), Column("impact", impact), Column("asks", asks)]


class WinsScreen(TableScreen):
    """Every win, newest first, with the asks each supports."""

    SUB_TITLE = "Wins"
    BINDINGS = [
        Binding("n", "new", "New win", id="wins.new"),
        Binding("e", "edit", "Edit", id="wins.edit", show=False),
        Binding("delete", "delete", "Delete", id="wins.delete", show=False),
    ]
    DEFAULT_CSS = """
    WinsScreen {
        .filters Select { width: 28; }
    }
    """

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self._asks: list[tuple[str, str]] = []
        self._base_key: tuple[object, ...] = ()
        self._base_ids: list[str] = []
        self._backed = (0, 0)
        """(open asks backed by a win, open asks), counted once per journal revision."""

    def compose(self) -> ComposeResult:
        """A filter, a summary line, the table and the detail pane."""
        yield Header()
        with Horizontal(classes="filters"):
            yield FilterInput(placeholder="/ filter text", compact=True, classes="text-filter")
            yield Select([], prompt="supports ask", compact=True, id="f-ask")
        yield Static(classes="summary", markup=False)
        yield RecordTable(columns(80), id="wins")
        yield Static(id="win-detail", classes="detail", markup=False)
        yield Footer()

    def columns(self, width: int) -> list[Column]:
        """The table's columns at this width."""
        return columns(width)

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the wins again (once per journal revision), then filter."""
        journal = self.journal
        if self.seen_revision != journal.revision:
            self.seen_revision = journal.revision
            wins = all_wins(journal)
            self._order = [w.id for w in wins]
            self._hay = {
                w.id: " ".join((w.id, w.text, w.impact, w.evidence, *w.tags, *w.asks)).casefold()
                for w in wins
            }
            supported = {aid for w in wins for aid in w.asks}
            open_asks = [a.id for a in journal.asks.values() if a.status == "open"]
            self._backed = (sum(aid in supported for aid in open_asks), len(open_asks))
            asks = [(f"{a.id} {a.text}", a.id) for a in journal.asks.values()]
            asks.append(("no ask yet", NO_ASK))
            if asks != self._asks:
                self._asks = asks
                self.set_select_options("#f-ask", asks)
        self.refilter()

    def _base(self) -> list[str]:
        """The wins that pass the ask filter, newest first: the same list object while
        the journal and the filter stay the same (the text filter then reuses its work)."""
        wanted = self.query_one("#f-ask", Select).value
        key = (self.seen_revision, wanted)
        if key == self._base_key:
            return self._base_ids
        wins = self.journal.records("win")
        base = self._order
        if wanted is not Select.NULL:
            base = [
                wid
                for wid in base
                if (wanted in wins[wid].asks) or (wanted == NO_ASK and not wins[wid].asks)
            ]
        self._base_key, self._base_ids = key, base
        return base

    def matching(self) -> list[str]:
        """The ids of the wins that pass the filters, newest first."""
        text = self.query_one(".text-filter", Input).value
        return self._text_filter.apply(self._base(), self._hay, text)

    def refilter(self) -> None:
        """Show the wins that pass the filters."""
        shown = self.matching()
        self.table.set_rows(shown, self.cells)
        total = len(self._order)
        what = counted(total, "win")
        if len(shown) != total:
            what = f"{len(shown)} of {what}"
        backed, open_asks = self._backed
        if open_asks:
            what += f" · {backed} of {open_asks} open asks backed by a win"
        self.set_summary(what + " · n new · enter edit")
        self.update_detail(self.table.cursor_key)

    def cells(self, wid: str) -> Cells:
        """A win's row: date, what, impact, asks."""
        w: Win | None = self.journal.records("win").get(wid)
        if w is None:
            return ("", "(deleted)")
        return (day_text(w.on), w.text, w.impact or "—", ", ".join(w.asks) or "—")

    def show_detail(self, key: str | None) -> None:
        """The win under the cursor in full, with the asks it supports."""
        pane = self.query_one("#win-detail", Static)
        w: Win | None = self.journal.records("win").get(key) if key else None
        if w is None:
            none = "No win matches the filters." if self._order else (
                "No wins yet. A win is your evidence: what you did, its impact, and proof "
                "(an email, a link). n adds one; link it to the asks it supports."
            )  # fmt: skip
            pane.update(none, layout=False)
            return
        today = self.leverage.today
        text = Text.assemble(
            (day_text(w.on, weekday=True), "bold"), f" ({describe(w.on, today)}) · {w.id}"
        )
        if w.tags:
            text.append("  " + " ".join(f"#{t}" for t in w.tags), "italic")
        text.append(f"\n{w.text}")
        text.append(f"\nImpact: {w.impact or '—'} · Evidence: {w.evidence or '—'}", "dim")
        asks = self.journal.asks
        for aid in w.asks:
            ask = asks.get(aid)
            if ask is not None:
                text.append(f"\nSupports {aid}: {ask.text} ({ask.status})")
        if not w.asks:
            text.append("\nSupports no ask yet: enter to link it", "italic")
        pane.update(text, layout=False)

    # -- actions --------------------------------------------------------------------------

    def action_new(self) -> None:
        """Add a win; the cursor goes to it."""

        def added(wid: str | None) -> None:
            if wid:
                self.reload()
                self.table.move_to_key(wid)

        self.app.push_screen(WinEditor(), added)

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        self.app.push_screen(WinEditor(win_id=event.row_key))

    def action_edit(self) -> None:
        """Edit the win under the cursor (and the asks it supports)."""
        wid = self.table.cursor_key
        if wid in self.journal.records("win"):
            self.app.push_screen(WinEditor(win_id=wid))

    def action_delete(self) -> None:
        """Delete the win under the cursor after asking (ctrl+z brings it back)."""
        wid = self.table.cursor_key
        w: Win | None = self.journal.records("win").get(wid) if wid else None
        if w is None:
            return
        from .attachments import delete_asking  # says when its files go too

        label = self.journal.label(w.id)
        done = f"Deleted the {label} (ctrl+z undoes)"
        delete_asking(
            self.leverage, w.id, f"Delete the {label}?", lambda: self.notify(done, markup=False)
        )
