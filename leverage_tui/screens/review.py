"""The Review screen: the decision brief, before accepting (or refusing) a counteroffer.

Offers side by side with the current job; the track record as numbers and a month by
month chart of kept and broken promises; every open flag, worst first; each ask and
how firmly it is covered; the checklist answered from the record. Keys add or edit
offers, the current job and asks, and export the whole brief to Markdown (asking where).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from ..core.checklist import short
from ..core.journal_file import is_encrypted
from ..core.paths import save_dir
from ..core.review import Brief, brief_markdown, build_brief, deadline_text, money
from ..core.safe_files import write_private
from ..widgets.flag_badges import flag_text, promise_flags
from ..widgets.footer import Footer
from ..widgets.record_table import Column, RecordTable
from .ask_editor import AskEditor
from .in_view import in_view
from .offer_editor import OfferEditor
from .promise_editor import PromiseEditor
from .review_parts import checklist_table, coverage_text, track_table
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp

OFFER_ROWS: tuple[str, ...] = ("Kind", "Role", "Base pay", "Bonus", "Equity", "Terms")
OFFER_ROWS += ("In writing", "Decide by", "Status", "Against now")
"""The rows of the side-by-side offers table (one column per offer)."""
FLAG_COLUMNS = (Column("flag", 17), Column("about", 44), Column("why"))
"""The columns of the open flags."""


class ReviewScreen(Screen[None]):
    """The decision brief, on screen."""

    BINDINGS = [
        Binding("o", "add_offer", "Add offer", id="review.add_offer"),
        Binding("c", "current_job", "Current job", id="review.current_job"),
        Binding("w", "add_ask", "Add ask", id="review.add_ask"),
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("m", "export", "Export brief", id="review.export"),
    ]
    DEFAULT_CSS = """
    ReviewScreen {
        #review-body { padding: 0 1; }
        .review-title { text-style: bold; color: $accent; margin-top: 1; }
        .review-note { color: $text-muted; }
        DataTable { height: auto; max-height: 24; }
        #review-track, #review-checklist { height: auto; }
        #review-flags { height: auto; max-height: 16; }
    }
    """

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self.brief: Brief | None = None
        self.seen: tuple[int, int] | None = None
        """(journal id, revision) of the brief on show."""
        self._shown: dict[str, object] = {}
        """What the offers and asks tables were last filled from (filled again on change)."""

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """Header, the brief's sections in a scroll, footer."""
        yield Header()
        with VerticalScroll(id="review-body"):
            yield Static("Offers side by side", classes="review-title")
            yield DataTable(cursor_type="column", zebra_stripes=True, id="review-offers")
            yield Static(id="review-offers-note", classes="review-note", markup=False)
            yield Static("Track record", classes="review-title")
            yield Static(id="review-track")
            yield Static("Open flags", classes="review-title", id="review-flags-title")
            yield RecordTable(FLAG_COLUMNS, id="review-flags")
            yield Static(id="review-flags-note", classes="review-note", markup=False)
            yield Static("What you asked for", classes="review-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="review-asks")
            yield Static(id="review-asks-note", classes="review-note", markup=False)
            yield Static("Before accepting a counteroffer", classes="review-title")
            yield Static(id="review-checklist")
        yield Footer()

    def on_mount(self) -> None:
        """Build the brief, and build it again after every change to the journal."""
        self.sub_title = "Review"
        self.watch(self.app, "revision", self._journal_changed, init=False)
        self.reload()
        self.query_one("#review-body").focus()  # arrows and page keys read the brief

    def _journal_changed(self) -> None:
        if in_view(self):
            self.reload()

    def on_screen_resume(self) -> None:
        """Catch up with changes made while another screen was on show."""
        if self.seen != (id(self.leverage.journal), self.leverage.journal.revision):
            self.reload()

    def on_resize(self) -> None:
        """Fit the tables to the new width."""
        if self.brief is not None:
            self._fill_offers(self.brief)
            self._fill_asks(self.brief)

    # -- filling ----------------------------------------------------------------------

    def reload(self) -> None:
        """Build the brief from the journal and show every section."""
        app = self.leverage
        journal = app.journal
        brief = build_brief(
            journal,
            app.today,
            app.hedges,
            promise_flags=promise_flags(journal, app.today, app.hedges),
        )
        self.seen = (id(journal), journal.revision)
        self.brief = brief
        self._fill_offers(brief)
        self.query_one("#review-track", Static).update(track_table(brief, self.app.theme_variables))
        self._fill_flags(brief)
        self._fill_asks(brief)
        self.query_one("#review-checklist", Static).update(
            checklist_table(brief, self.app.theme_variables)
        )

    def _fill_offers(self, brief: Brief) -> None:
        table = self.query_one("#review-offers", DataTable)
        job = brief.current_job
        count = len(brief.offers) + (1 if job else 0)
        width = max(16, min(34, (self.size.width - 18) // max(1, count) - 2))
        columns: list[tuple[str, str, list[str | Text]]] = []
        if job is not None:
            values: list[str | Text] = ["current job", job.role, money(job.base)]
            values += [money(job.bonus), job.equity or "—", job.terms or "—", "—", "—", "—", "—"]
            columns.append(("current", f"Now: {job.company}", values))
        for view in brief.offers:
            o = view.offer
            written = Text("yes") if o.written else Text("✎ no", style="bold")
            values = ["counteroffer" if o.counter else "outside offer", o.role, money(o.base)]
            values += [money(o.bonus), o.equity or "—", o.terms or "—", written]
            values += [deadline_text(view), o.status, "; ".join(view.differences) or "—"]
            columns.append((o.id, f"{o.company} ({o.id})", values))
        if self._shown.get("offers") != (width, columns):  # a table costs a render a cell
            self._shown["offers"] = (width, columns)
            self._offers_table(table, width, columns)
        notes = []
        if not brief.offers:
            notes.append("No offers yet: press o to add the outside offer or a counteroffer.")
        if job is None:
            notes.append("Your current job is not recorded: press c to add it and compare.")
        note = self.query_one("#review-offers-note", Static)
        note.update("\n".join(notes))
        note.display = bool(notes)

    @staticmethod
    def _offers_table(
        table: DataTable[Text], width: int, columns: list[tuple[str, str, list[str | Text]]]
    ) -> None:
        """One column per offer, one row per line of OFFER_ROWS."""
        cursor = table.cursor_column
        table.clear(columns=True)
        for key, label, _ in columns:
            table.add_column(short(label, width), width=width, key=key)
        if columns:
            for i, name in enumerate(OFFER_ROWS):
                cells = [_cell(v[i]) for _, _, v in columns]
                table.add_row(*cells, height=None, label=name, key=name)
            table.move_cursor(column=min(cursor, len(columns) - 1))
        table.display = bool(columns)

    def _fill_flags(self, brief: Brief) -> None:
        """Every open flag, one row each, drawn only when scrolled into view (a ten-year
        journal has thousands): flag, what it is about, and why."""
        title = self.query_one("#review-flags-title", Static)
        title.update(f"Open flags ({len(brief.flags)}), worst first")
        by_key = {f"{f.flag}:{f.id}": f for f in brief.flags}

        def cells(key: str) -> list[str | Text]:
            flag = by_key[key]
            return [flag_text([flag]), Text(brief.about.get(flag.id, flag.id)), flag.reason]

        table = self.query_one("#review-flags", RecordTable)
        table.set_rows(list(by_key), cells)
        table.display = bool(by_key)
        note = self.query_one("#review-flags-note", Static)
        note.update("" if by_key else "No open flags.")
        note.display = not by_key

    def _fill_asks(self, brief: Brief) -> None:
        table = self.query_one("#review-asks", DataTable)
        shown = (self.size.width, [(a.ask, a.coverage, a.promises) for a in brief.asks])
        if self._shown.get("asks") == shown:  # records are replaced when they change
            return
        self._shown["asks"] = shown
        row = table.cursor_row
        table.clear(columns=True)
        table.add_column("priority", width=8)
        table.add_column("ask", width=max(16, self.size.width - 62))
        table.add_column("target", width=10)
        table.add_column("covered by", width=30)
        colours = self.app.theme_variables
        for a in brief.asks:
            target = a.ask.target.isoformat() if a.ask.target else "no date"
            covered = coverage_text(a.coverage, colours)
            if a.promises:  # one line a row: rows of varying height cost a render each
                covered.append(
                    " · " + "; ".join(f"{p.id} {p.form}, {p.status}" for p in a.promises)
                )
            covered.no_wrap, covered.overflow = True, "ellipsis"
            table.add_row(a.ask.priority, Text(a.ask.text), target, covered, key=a.ask.id)
        if brief.asks:
            table.move_cursor(row=min(row, len(brief.asks) - 1))
        table.display = bool(brief.asks)
        note = self.query_one("#review-asks-note", Static)
        note.update("" if brief.asks else "No asks yet: press w to write down what you want.")
        note.display = not brief.asks

    # -- actions ----------------------------------------------------------------------

    def action_add_offer(self) -> None:
        """Add an outside offer or a counteroffer."""
        self.app.push_screen(OfferEditor())

    def action_current_job(self) -> None:
        """Record or edit the current job."""
        self.app.push_screen(OfferEditor(current_job=True))

    def action_add_ask(self) -> None:
        """Add an ask, sharpened into something measurable."""
        self.app.push_screen(AskEditor())

    def action_edit(self) -> None:
        """Edit the ask or offer under the cursor (of the table that has focus)."""
        focused = self.focused
        asks = self.query_one("#review-asks", DataTable)
        offers = self.query_one("#review-offers", DataTable)
        if focused is asks and asks.row_count:
            key = asks.coordinate_to_cell_key(asks.cursor_coordinate).row_key.value
            self.app.push_screen(AskEditor(key))
        elif offers.columns:
            self._edit_offer(list(offers.columns)[offers.cursor_column].value)

    def _edit_offer(self, key: str | None) -> None:
        if key == "current":
            self.app.push_screen(OfferEditor(current_job=True))
        elif key:
            self.app.push_screen(OfferEditor(key))

    @on(DataTable.ColumnSelected, "#review-offers")
    def _offer_chosen(self, event: DataTable.ColumnSelected) -> None:
        self._edit_offer(event.column_key.value)

    @on(RecordTable.RowSelected, "#review-flags")
    def _flag_chosen(self, event: RecordTable.RowSelected) -> None:
        """Enter on a flag opens what it is about."""
        rid = event.row_key.split(":", 1)[-1]
        journal = self.leverage.journal
        if rid in journal.promises:
            promise = journal.promises[rid]
            if promise.conversation in journal.conversations:
                self.leverage.open_conversation(promise.conversation, select=rid)
            else:
                self.app.push_screen(PromiseEditor(rid))
        elif rid in journal.asks:
            self.app.push_screen(AskEditor(rid))
        elif rid in journal.offers:
            self._edit_offer(rid)

    @on(DataTable.RowSelected, "#review-asks")
    def _ask_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.app.push_screen(AskEditor(event.row_key.value))

    def action_export(self) -> None:
        """Ask where to save the brief as Markdown; the core writes it (readable by you only)."""
        app = self.leverage

        def save(path: Path, replace: bool) -> Path:
            text = brief_markdown(build_brief(app.journal, app.today, app.hedges))
            return write_private(path, text, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                app.notify(str(path), title="Brief saved")

        default = save_dir() / f"leverage-brief-{app.today.isoformat()}.md"
        plain = is_encrypted(app.journal_path)
        app.push_screen(SaveDialog("Export the brief", default, save, plain_text=plain), saved)


def _cell(value: str | Text) -> Text:
    """A table cell as Text."""
    return Text(value) if isinstance(value, str) else value
