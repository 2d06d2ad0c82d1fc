"""ConversationScreen: one conversation, every field editable, and the promises made in it."""

from __future__ import annotations

import datetime as dt
import importlib.util

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Header, Static

from ..core.dates import describe
from ..core.flags import Flag
from ..core.records import Conversation
from ..core.show import day_text
from ..core.visible import visible
from ..widgets.flag_badges import flag_reasons, flag_text, promise_flags
from ..widgets.footer import Footer
from ..widgets.record_table import Column, RecordTable
from .conversation_editor import ConversationEditor
from .in_view import in_view
from .promise_editor import PromiseEditor
from .promise_keys import PromiseActions, promise_bindings

RECAP_MODULE = "leverage_tui.screens.recap"
"""Where the recap screen lives (written separately; the key works once it exists)."""

WIDE = 110
"""From this width on, flags are shown as words, not only symbols."""


def promise_columns(width: int) -> list[Column]:
    """The promise table's columns for a screen `width` cells wide."""
    flags = Column("Flags", 24) if width >= WIDE else Column("Flags", 5)
    by = Column("By", 14 if width >= WIDE else 10)
    return [
        Column("Promise"),
        by,
        Column("Form", 10),
        Column("Due", 11),
        Column("Status", 9),
        flags,
    ]


def conversation_heading(conv: Conversation, today: dt.date) -> Text:
    """'Sun 22 Nov 2026 14:30 (yesterday) · call · with Maya Chen, Robert Osei  #offer'
    (control characters in the journal's text shown escaped)."""
    when = day_text(conv.on, weekday=True)
    if conv.at:
        when += f" {visible(conv.at)}"
    text = Text.assemble(
        (when, "bold"),
        f" ({describe(conv.on, today)}) · {conv.channel} · with ",
        (visible(", ".join(conv.people)), "bold"),
    )
    if conv.tags:
        text.append("  " + visible(" ".join(f"#{t}" for t in conv.tags)), "italic")
    return text


class ConversationScreen(PromiseActions, Screen[None]):
    """A conversation: its details on top, its promises below with their flags."""

    DEFAULT_CSS = """
    ConversationScreen #conv-details {
        height: auto;
        max-height: 10;
        padding: 0 1;
        background: $boost;
    }
    ConversationScreen #conv-summary {
        text-style: bold;
        color: $text-primary;
    }
    ConversationScreen #conv-notes {
        color: $text-muted;
        margin-top: 1;
    }
    ConversationScreen #promises-title {
        padding: 1 1 0 1;
        text-style: bold;
    }
    ConversationScreen RecordTable {
        height: 1fr;
        min-height: 4;
        padding: 0 1;
    }
    ConversationScreen #reasons {
        height: auto;
        max-height: 4;
        padding: 0 1;
        color: $text-warning;
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="conversation.back"),
        Binding("a", "add_here", "Add promise", id="conversation.add-promise"),
        Binding("e", "edit", "Edit", id="conversation.edit"),
        Binding("r", "recap", "Recap", id="conversation.recap"),
        *promise_bindings(("promise.form", "promise.status")),
        Binding("p", "prepare", "Prepare", id="conversation.prepare", show=False),
        Binding(
            "ctrl+delete",
            "delete_conversation",
            "Delete conversation",
            id="conversation.delete",
            show=False,
        ),
    ]

    def __init__(self, conversation_id: str, select: str | None = None) -> None:
        """The screen for conversation `conversation_id`, the cursor on promise `select`."""
        super().__init__()
        self.conversation_id = conversation_id
        self.select = select
        self._mounted = False

    def compose(self) -> ComposeResult:
        """Details, the promises table, the selected promise's flag reasons."""
        yield Header()
        with VerticalScroll(id="conv-details"):
            yield Static(id="conv-heading")
            yield Static(id="conv-summary", markup=False)
            yield Static(id="conv-notes", markup=False)
        yield Static(id="promises-title")
        yield RecordTable(id="conv-promises")
        yield Static(id="reasons", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill in, and refresh after every change."""
        self.sub_title = "Conversation"
        self._mounted = True
        self.watch(self.app, "revision", self._refresh, init=False)
        self._refresh(keep=self.select)
        self.query_one(RecordTable).focus()

    def on_resize(self) -> None:
        """Columns depend on the width."""
        if self._mounted:
            self._refresh()

    def _flags(self) -> dict[str, list[Flag]]:
        """Promise id -> flags, from the cache every screen shares."""
        app = self.leverage
        return promise_flags(
            app.journal, app.today, app.hedges, app.not_hedges, app.recap_wait_days
        )

    def on_screen_resume(self) -> None:
        """Leave when the conversation went away while another screen was on top."""
        if self.conversation_id not in self.leverage.journal.conversations:
            self.app.pop_screen()

    def _refresh(self, *_: object, keep: str | None = None) -> None:
        journal = self.leverage.journal
        conv = journal.conversations.get(self.conversation_id)
        if conv is None:  # deleted (or undone away)
            if in_view(self):
                self.app.pop_screen()
            return
        today = self.leverage.today
        self.query_one("#conv-heading", Static).update(conversation_heading(conv, today))
        self.query_one("#conv-summary", Static).update(visible(conv.summary))
        notes = visible(conv.notes, multiline=True) if conv.notes else "No notes (e to add some)"
        self.query_one("#conv-notes", Static).update(notes)
        promises = journal.promises_of(conv.id)
        flags = self._flags()
        title = self.query_one("#promises-title", Static)
        if promises:
            title.update(f"Promises made in this conversation ({len(promises)})")
        else:
            title.update("No promises recorded here yet: press a to add one")

        short = self.size.width < WIDE

        def cells(pid: str) -> list[str | Text]:
            p = journal.promises[pid]
            due = day_text(p.due) if p.due else "—"
            marks = flag_text(flags.get(pid, []), short=short)
            return [p.text, p.by, p.form, due, p.status, marks]

        table = self.query_one(RecordTable)
        table.set_columns(promise_columns(self.size.width))
        table.set_rows([p.id for p in promises], cells, keep=keep)
        self._show_reasons()

    def selected_promise_id(self) -> str | None:
        """The promise under the table's cursor (None while the table is not there: the
        footer asks which keys apply while the screen is being built or taken down)."""
        try:
            key = self.query_one(RecordTable).cursor_key
        except NoMatches:
            return None
        return key if key in self.leverage.journal.promises else None

    @on(RecordTable.CursorMoved)
    def _show_reasons(self) -> None:
        pid = self.selected_promise_id()
        reasons = ""
        if pid is not None and self._mounted:
            reasons = flag_reasons(self._flags().get(pid, []))
        self.query_one("#reasons", Static).update(reasons)
        self.query_one(RecordTable).tooltip = reasons or None

    @on(RecordTable.RowSelected)
    def _open_promise(self) -> None:
        self.action_edit_promise()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Recap needs the recap screen; promise keys need a promise."""
        if action == "recap" and importlib.util.find_spec(RECAP_MODULE) is None:
            return False
        return self.promise_action_allowed(action)

    def action_back(self) -> None:
        """Back to where the conversation was opened from."""
        self.app.pop_screen()

    def action_add_here(self) -> None:
        """Add a promise made in this conversation; the cursor goes to it."""

        def added(pid: str | None) -> None:
            if pid:
                self._refresh(keep=pid)

        self.app.push_screen(PromiseEditor(conversation_id=self.conversation_id), added)

    def action_edit(self) -> None:
        """Edit the conversation's fields."""
        self.app.push_screen(ConversationEditor(self.conversation_id))

    def action_recap(self) -> None:
        """Write a recap of this conversation's verbal promises (the name asked once)."""
        self.leverage.open_recap(self.conversation_id)

    def action_delete_conversation(self) -> None:
        """Delete this conversation (its promises stay), after asking."""
        cid = self.conversation_id
        conv = self.leverage.journal.conversation(cid)
        question = (
            f"Delete the conversation of {day_text(conv.on)}: “{visible(conv.summary[:100])}”?\n"
            "Its promises stay, unlinked. ctrl+z brings it back."
        )

        from .attachments import delete_asking  # says when its files go too

        done = f"Deleted the conversation of {day_text(conv.on)} (ctrl+z undoes)"
        delete_asking(self.leverage, cid, question, lambda: self.notify(done))

    def action_prepare(self) -> None:
        """The brief before the next meeting with this conversation's person (issue 14)."""
        from .prepare import meeting_person

        conv = self.leverage.journal.conversations.get(self.conversation_id)
        if conv is not None:
            self.leverage.action_prepare(meeting_person(self.leverage, conv.people))
