"""The Review screen: the decision brief, before accepting (or refusing) a counteroffer.

It leads with the bottom line and the deadline conflicts (t and i open the drafted
messages that answer them: more time, the counteroffer in writing); then the offers in
total, the counteroffer against the outside offer first, side by side with the current
job; the floors against every open offer; the track record as numbers and a month by
month chart; the flags a record a row, worst first, their reasons wrapped; each ask and
how firmly it is covered; what accepting the counteroffer risks; the checklist. Keys add
or edit offers, the current job and asks, and export the brief to Markdown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ..core.brief_parts import ROWS, side_by_side
from ..core.journal_file import is_encrypted
from ..core.paths import save_dir
from ..core.plural import counted
from ..core.records import Offer
from ..core.registry import CURRENT_JOB_ID
from ..core.review import Brief, brief_markdown, build_brief
from ..core.safe_files import write_private
from ..core.show import day_text, offer_from
from ..core.visible import visible
from ..widgets.footer import Footer
from ..widgets.letter_keys import DataTable
from .ask_editor import AskEditor
from .in_view import in_view
from .offer_editor import OfferEditor
from .review_after import after_text, fingerprint_text
from .review_offers import (
    bottom_line_text,
    conflicts_text,
    fill_flags,
    fill_offers,
    flags_note,
    floors_text,
    offers_note,
    risks_text,
    versus_text,
)
from .review_parts import checklist_table, coverage_text, track_table
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp

LABELS = max(len(name) for name in ROWS) + 2
"""The width the offers table's row labels take."""


MessageKind = Literal["in-writing", "more-time"]
"""The two drafted messages about an offer (core/offer_messages.py)."""


class ReviewScreen(Screen[None]):
    """The decision brief, on screen."""

    BINDINGS = [
        Binding("t", "message('more-time')", "More time", id="review.more_time"),
        Binding("i", "message('in-writing')", "In writing", id="review.in_writing"),
        Binding("o", "add_offer", "Add offer", id="review.add_offer"),
        Binding("c", "current_job", "Current job", id="review.current_job"),
        Binding("w", "add_ask", "Add ask", id="review.add_ask"),
        Binding("e", "edit", "Edit", id="review.edit"),
        Binding("m", "export", "Export brief", id="review.export"),
        Binding("d", "decide", "Decide", id="review.decide"),
        Binding("F", "attachments", "Files", id="review.attachments"),
    ]
    DEFAULT_CSS = """
    ReviewScreen {
        #review-body { padding: 0 1; }
        .review-title { text-style: bold; color: $accent; margin-top: 1; }
        .review-note { color: $text-muted; }
        /* Every table as tall as its rows: the page scrolls, never a table inside it
           (a nested scroll hid the last rows from PageDown and End). */
        DataTable { height: auto; max-height: initial; }
        #review-track, #review-checklist { height: auto; }
        #review-bottom { border: round $accent; padding: 0 1; }
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
            yield Static(id="review-bottom")
            yield Static(id="review-after", markup=False)  # decisions, since you stayed
            yield Static("Deadline conflicts", classes="review-title", id="review-conflicts-title")
            yield Static(id="review-conflicts")
            yield Static("Offers in total", classes="review-title")
            yield Static(id="review-versus")
            yield DataTable(cursor_type="column", zebra_stripes=True, id="review-offers")
            yield Static(id="review-offers-note", classes="review-note", markup=False)
            yield Static("Your floors (walk-away points)", classes="review-title")
            yield Static(id="review-floors")
            yield Static("Track record", classes="review-title")
            yield Static(id="review-track")
            yield Static("Open flags", classes="review-title", id="review-flags-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="review-flags")
            yield Static(id="review-flags-note", classes="review-note", markup=False)
            yield Static("What you asked for", classes="review-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="review-asks")
            yield Static(id="review-asks-note", classes="review-note", markup=False)
            # Wins (issue 14): the wins that support the asks get their own section here.
            yield Static(
                "What accepting the counteroffer risks",
                classes="review-title",
                id="review-risks-title",
            )
            yield Static(id="review-risks")
            yield Static("Before accepting a counteroffer", classes="review-title")
            yield Static(id="review-checklist")
            yield Static(id="review-fingerprint", classes="review-note", markup=False)
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
            self._fill_flags(self.brief)
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
            not_hedges=app.not_hedges,
            wait_days=app.recap_wait_days,
            checkin_days=app.config.checkin_days,
        )
        self.seen = (id(journal), journal.revision)
        self.brief = brief
        colours = self.app.theme_variables
        bottom = self.query_one("#review-bottom", Static)
        bottom.border_title = "Bottom line"
        bottom.update(bottom_line_text(brief))
        conflicts = self.query_one("#review-conflicts", Static)
        conflicts.update(conflicts_text(brief, colours))
        title = self.query_one("#review-conflicts-title", Static)
        title.update(f"Deadline conflicts ({len(brief.conflicts)})")
        conflicts.display = title.display = bool(brief.conflicts)
        self._fill_offers(brief)
        self.query_one("#review-floors", Static).update(floors_text(brief, colours))
        self.query_one("#review-track", Static).update(track_table(brief, colours))
        self._fill_flags(brief)
        self._fill_asks(brief)
        risks = self.query_one("#review-risks", Static)
        risks.update(risks_text(brief))
        risks.display = self.query_one("#review-risks-title").display = bool(brief.risk_questions)
        self.query_one("#review-checklist", Static).update(checklist_table(brief, colours))
        self._fill_after(brief)

    def _fill_after(self, brief: Brief) -> None:
        """The decisions and "Since you stayed" under the bottom line; the fingerprint
        at the end (issue 15: review_after.py)."""
        after = self.query_one("#review-after", Static)
        after.update(after_text(brief))
        after.display = bool(brief.after)
        self.query_one("#review-fingerprint", Static).update(fingerprint_text(brief))

    def _fill_offers(self, brief: Brief) -> None:
        """Each open offer against the others and now, then the side-by-side table."""
        self.query_one("#review-versus", Static).update(versus_text(brief))
        table = self.query_one("#review-offers", DataTable)
        columns = side_by_side(brief)
        room = self.size.width - LABELS - 4  # the row labels, padding and scrollbar
        width = max(12, min(34, room // max(1, len(columns)) - 2))
        if self._shown.get("offers") != (width, columns):  # a table costs a render a cell
            self._shown["offers"] = (width, columns)
            fill_offers(table, columns, width)
        note = self.query_one("#review-offers-note", Static)
        text = offers_note(brief)
        note.update(text)
        note.display = bool(text)

    def _fill_flags(self, brief: Brief) -> None:
        """The worst flagged records, a row each, their reasons wrapped."""
        title = self.query_one("#review-flags-title", Static)
        groups = brief.flag_groups
        title.update(
            f"Open flags ({counted(len(brief.flags), 'flag')} on "
            f"{counted(len(groups), 'record')}), worst first"
        )
        shown = (self.size.width, groups)
        if self._shown.get("flags") != shown:
            self._shown["flags"] = shown
            fill_flags(self.query_one("#review-flags", DataTable), groups, self.size.width - 4)
        note = self.query_one("#review-flags-note", Static)
        text = flags_note(brief)
        note.update(text)
        note.display = bool(text)

    def _fill_asks(self, brief: Brief) -> None:
        table = self.query_one("#review-asks", DataTable)
        shown = (self.size.width, [(a.ask, a.coverage, a.promises) for a in brief.asks])
        if self._shown.get("asks") == shown:  # records are replaced when they change
            return
        self._shown["asks"] = shown
        row = table.cursor_row
        table.clear(columns=True)
        table.add_column("priority", width=8)
        table.add_column("ask", width=max(16, self.size.width - 63))
        table.add_column("target", width=11)  # "29 Dec 2026"
        table.add_column("covered by", width=30)
        colours = self.app.theme_variables
        for a in brief.asks:
            target = day_text(a.ask.target) if a.ask.target else "no date"
            covered = coverage_text(a.coverage, colours)
            if a.promises:  # one line a row: rows of varying height cost a render each
                covered.append(
                    " · " + "; ".join(f"{p.id} {p.form}, {p.status}" for p in a.promises)
                )
            covered.no_wrap, covered.overflow = True, "ellipsis"
            text = Text(visible(a.ask.text))
            table.add_row(a.ask.priority, text, target, covered, key=a.ask.id)
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
        if key:
            self.leverage.edit_record(key)

    @on(DataTable.ColumnSelected, "#review-offers")
    def _offer_chosen(self, event: DataTable.ColumnSelected) -> None:
        self._edit_offer(event.column_key.value)

    @on(DataTable.RowSelected, "#review-flags")
    def _flag_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a flagged record opens it."""
        rid = (event.row_key.value or "").split(":", 1)[-1]
        if rid:
            self.leverage.open_record(rid)

    @on(DataTable.RowSelected, "#review-asks")
    def _ask_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.leverage.open_record(event.row_key.value)

    def action_message(self, kind: MessageKind) -> None:
        """Open the drafted message of `kind` about the offer it concerns (see
        `message_offer`), or say why there is none."""
        oid = self.message_offer(kind)
        if oid is None:
            what = (
                "an open outside offer with a deadline"
                if kind == "more-time"
                else ("an open offer that is not in writing")
            )
            self.notify(f"No message to draft: it needs {what}.", title="Nothing to ask")
            return
        self.app.open_offer_message(oid, more_time=kind == "more-time")  # type: ignore[attr-defined]

    def message_offer(self, kind: MessageKind) -> str | None:
        """The offer a message is about: the one under the cursor in the offers table when
        it fits, else the first conflict's (more time: its outside offer; in writing: its
        counteroffer), else the first open offer that fits."""
        brief = self.brief
        if brief is None:
            return None

        def fits(oid: str) -> bool:
            view = next((v for v in brief.open_offers if v.offer.id == oid), None)
            if view is None:
                return False
            o = view.offer
            if kind == "more-time":
                return not o.counter and o.deadline is not None
            return not o.written

        offers = self.query_one("#review-offers", DataTable)
        if self.focused is offers and offers.columns:
            key = list(offers.columns)[offers.cursor_column].value
            if key and fits(key):
                return key
        candidates = [i for c in brief.conflicts for i in c.ids]
        candidates += sorted(
            (v.offer.id for v in brief.open_offers), key=lambda i: not brief_counter(brief, i)
        )
        return next((i for i in candidates if fits(i)), None)

    def _offer_under_cursor(self) -> str | None:
        """The offer of the offers table's column under the cursor (not the current job)."""
        offers = self.query_one("#review-offers", DataTable)
        if not offers.columns:
            return None
        key = list(offers.columns)[offers.cursor_column].value
        return key if key and key != CURRENT_JOB_ID else None

    def action_decide(self) -> None:
        """Accept or decline the offer under the cursor (asking, then confirming)."""
        from .decide_dialog import decide_asking

        oid = self._offer_under_cursor()
        if oid is not None:
            decide_asking(self.leverage, oid)
            return
        offers = [v.offer for v in self.brief.open_offers] if self.brief else []
        if not offers:
            self.notify("No offer is open: nothing to decide.", title="Decide")
            return
        if len(offers) == 1:
            decide_asking(self.leverage, offers[0].id)
            return
        from .pick_dialog import PickDialog

        choices = [(o.id, offer_words(o)) for o in offers]
        self.app.push_screen(
            PickDialog("Which offer are you deciding on?", choices),
            lambda oid: decide_asking(self.leverage, oid) if oid else None,
        )

    def action_attachments(self) -> None:
        """The files kept with the ask (asks table focused) or offer under the cursor."""
        asks = self.query_one("#review-asks", DataTable)
        if self.focused is asks and asks.row_count:
            rid = asks.coordinate_to_cell_key(asks.cursor_coordinate).row_key.value
        else:
            rid = self._offer_under_cursor()
        if rid is None:
            self.notify("Put the cursor on an offer or an ask first.", title="Files")
            return
        from .attachments import AttachmentsScreen

        self.app.push_screen(AttachmentsScreen(rid))

    def action_export(self) -> None:
        """Ask where to save the brief as Markdown; the core writes it (readable by you only)."""
        app = self.leverage

        def save(path: Path, replace: bool) -> Path:
            brief = build_brief(
                app.journal,
                app.today,
                app.hedges,
                not_hedges=app.not_hedges,
                wait_days=app.recap_wait_days,
            )
            text = brief_markdown(brief)
            return write_private(path, text, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                app.notify(str(path), title="Brief saved")

        default = save_dir() / f"leverage-brief-{app.today.isoformat()}.md"
        plain = is_encrypted(app.journal_path)
        app.push_screen(SaveDialog("Export the brief", default, save, plain_text=plain), saved)


def brief_counter(brief: Brief, oid: str) -> bool:
    """True when open offer `oid` is a counteroffer."""
    return any(v.offer.id == oid and v.offer.counter for v in brief.open_offers)


def offer_words(offer: Offer) -> str:
    """'the counteroffer from Halden & Co: Lead Designer, decide by 29 Nov'."""
    by = f", decide by {offer.deadline.day} {offer.deadline:%b}" if offer.deadline else ""
    return visible(f"{offer_from(offer)}: {' '.join(offer.role.split())}{by}")
