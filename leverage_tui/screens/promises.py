"""The Promises screen: every promise with its flags, filtered as you type.

One key cycles the form, one sets the status (asking the day), one changes the due
date; the pane under the table shows the chosen promise's flags with their reasons,
its evidence and its history. Enter opens the promise editor.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Select, Static

from ..core.flags import FLAGS
from ..core.plural import counted
from ..core.records import FORMS, STATUSES, Promise
from ..core.show import day_text
from ..widgets.flag_badges import flag_legend, flag_text, promise_detail
from ..widgets.footer import Footer
from ..widgets.record_table import Cells, Column, RecordTable
from ..widgets.text_filter import FilterInput
from .promise_keys import PromiseActions, promise_bindings
from .table_screen import WIDE, TableScreen

PROMISE_FLAGS = tuple(f for f in FLAGS if f not in ("deadline", "verbal-offer"))
"""The flags a promise can have, worst first."""

STATUS_STYLE = {
    "honored": "text-success",
    "partly": "text-warning",
    "broken": "text-error",
    "withdrawn": "text-error",
}
"""The theme colour of each resolved status."""


def columns(width: int) -> list[Column]:
    """The table's columns for a screen this wide."""
    widths = (12, 11, 10, 11, 9, 26) if width >= WIDE else (9, 11, 8, 11, 8, 5)
    names = ("by", "made", "form", "due", "status", "flags")
    return [Column("promise"), *(Column(n, w) for n, w in zip(names, widths, strict=True))]


class PromisesScreen(PromiseActions, TableScreen):
    """Every promise, with filters by status, form, person, flag and text."""

    SUB_TITLE = "Promises"
    BINDINGS = [
        *promise_bindings(("promise.form", "promise.status", "promise.due", "promise.delete")),
        Binding("e", "edit_promise", "Edit", id="promises.edit", show=False),
    ]

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self._people: list[str] = []
        self._hay_of: dict[str, Promise] = {}
        self._base_key: tuple[object, ...] = ()
        self._base_ids: list[str] = []
        self._drawn: tuple[int, bool] = (-1, False)

    def compose(self) -> ComposeResult:
        """Filters, a summary line, the table and the detail pane."""
        yield Header()
        with Horizontal(classes="filters"):
            yield FilterInput(placeholder="/ filter text", compact=True, classes="text-filter")
            yield Select([(s, s) for s in STATUSES], prompt="status", compact=True, id="f-status")
            yield Select([(f, f) for f in FORMS], prompt="form", compact=True, id="f-form")
            yield Select([], prompt="person", compact=True, id="f-person")
            yield Select([(f, f) for f in PROMISE_FLAGS], prompt="flag", compact=True, id="f-flag")
        yield Static(classes="summary", markup=False)
        yield RecordTable(columns(80), id="promises")
        yield Static(id="promise-detail", classes="detail", markup=False)
        yield Footer()

    def columns(self, width: int) -> list[Column]:
        """The table's columns at this width."""
        return columns(width)

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Sort the promises (newest first), update the person filter, filter again."""
        journal = self.journal
        changed = self.seen_revision != journal.revision
        if changed:
            promises = journal.promises
            self._order = sorted(
                promises, key=lambda i: (promises[i].made_on, int(i[1:])), reverse=True
            )
            self._hay = self._haystacks(promises)
            self.seen_revision = journal.revision
            people = sorted({p.by for p in promises.values()}, key=str.casefold)
            if people != self._people:
                self._people = people
                self.set_select_options("#f-person", [(name, name) for name in people])
        self.refilter()

    def _value(self, select_id: str) -> str | None:
        value = self.query_one(select_id, Select).value
        return None if value is Select.NULL else str(value)

    def _haystacks(self, promises: dict[str, Promise]) -> dict[str, str]:
        """Promise id -> the text the filter searches, lowercased; a promise whose record
        is the same object as last time keeps its haystack (records are replaced, never
        changed in place, when saved)."""
        old, seen = self._hay, self._hay_of
        hay = {}
        for pid, p in promises.items():
            if seen.get(pid) is p:
                hay[pid] = old[pid]
            else:
                words = (p.id, p.text, p.by, p.category, p.evidence, p.form, p.status)
                hay[pid] = " ".join(words).casefold()
        self._hay_of = dict(promises)
        return hay

    def _base(self) -> list[str]:
        """The promises that pass the status, form, person and flag filters."""
        status, form = self._value("#f-status"), self._value("#f-form")
        person, flag = self._value("#f-person"), self._value("#f-flag")
        key = (self.seen_revision, status, form, person, flag)
        if key == self._base_key:
            return self._base_ids
        promises, flags = self.journal.promises, self.promise_flags()
        out = []
        for pid in self._order:
            p = promises[pid]
            if (status and p.status != status) or (form and p.form != form):
                continue
            if person and p.by != person:
                continue
            if flag and not any(f.flag == flag for f in flags[pid]):
                continue
            out.append(pid)
        self._base_key, self._base_ids = key, out
        return out

    def matching(self) -> list[str]:
        """The ids of the promises that pass every filter, in table order."""
        text = self.query_one(".text-filter", Input).value
        return self._text_filter.apply(self._base(), self._hay, text)

    def refilter(self) -> None:
        """Show the promises that pass the filters, the cursor kept on its promise."""
        shown = self.matching()
        drawn = (self.seen_revision, self.wide)
        self.table.set_rows(shown, self.cells, reuse=drawn == self._drawn)
        self._drawn = drawn
        total = len(self.journal.promises)
        what = counted(total, "promise")
        if len(shown) != total:
            what = f"{len(shown)} of {what}"
        summary = Text(what + "  ")
        if not self.wide:
            summary.append_text(flag_legend(PROMISE_FLAGS))
        self.set_summary(summary)
        self.update_detail(self.table.cursor_key)

    def cells(self, pid: str) -> Cells:
        """A promise's row: text, by, made, form, due, status, flags."""
        p = self.journal.promises.get(pid)
        if p is None:
            return ("(deleted)",)
        style = STATUS_STYLE.get(p.status)
        colour = self.app.theme_variables.get(style, "") if style else ""
        return (
            p.text,
            p.by,
            day_text(p.made_on),
            p.form,
            day_text(p.due) if p.due else "—",
            Text(p.status, style=colour),
            flag_text(self.promise_flags().get(pid, ()), short=not self.wide),
        )

    def show_detail(self, key: str | None) -> None:
        """Fill the detail pane with a promise's flags, evidence and history."""
        pane = self.query_one("#promise-detail", Static)
        p = self.journal.promises.get(key) if key else None
        if p is None:
            pane.update(
                "No promise matches the filters."
                if self.journal.promises
                else "No promises yet: n logs a conversation, a adds a promise.",
                layout=False,
            )
        else:
            pane.update(promise_detail(p, self.promise_flags().get(p.id, [])), layout=False)

    # -- actions --------------------------------------------------------------------------

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        self.leverage.open_record(event.row_key)

    def selected_promise_id(self) -> str | None:
        """The promise under the cursor."""
        pid = self.table.cursor_key
        return pid if pid in self.journal.promises else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The promise keys need a promise under the cursor."""
        return self.promise_action_allowed(action)
