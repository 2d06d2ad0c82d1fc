"""Log: every conversation, newest first, filtered as you type (person, words, #tag)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from ..core.journal import Journal
from ..core.records import Conversation
from ..widgets.flag_badges import flag_text, promise_flags
from ..widgets.footer import Footer
from ..widgets.record_table import Column, RecordTable
from .confirm import ConfirmScreen
from .conversation_editor import ConversationEditor
from .in_view import in_view

if TYPE_CHECKING:
    from ..app import LeverageApp

WIDE = 100
"""From this width on, the channel and tags get their own columns."""


def matches(conv: Conversation, terms: list[str]) -> bool:
    """True when every term is in the conversation (a #term must be one of its tags)."""
    haystack: str | None = None
    for term in terms:
        if term.startswith("#") and len(term) > 1:
            if not any(tag.startswith(term[1:]) for tag in conv.tags):
                return False
            continue
        if haystack is None:
            haystack = " ".join([*conv.people, conv.summary, conv.notes, *conv.tags]).casefold()
        if term.lstrip("#") not in haystack:
            return False
    return True


def newest_first(journal: Journal) -> list[Conversation]:
    """Every conversation, newest first (later id first on the same day)."""
    return sorted(
        journal.conversations.values(),
        key=lambda c: (c.on, c.at is not None, c.at or "", int(c.id[1:])),
        reverse=True,
    )


class LogScreen(Screen[None]):
    """The conversations, newest first; Enter opens one."""

    DEFAULT_CSS = """
    LogScreen #filter {
        margin: 0 0;
    }
    LogScreen #log-count {
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("n", "app.log_conversation", "New conversation", id="log.new"),
        Binding("slash", "filter", "Filter", id="log.filter"),
        Binding("e", "edit", "Edit", id="log.edit", show=False),
        Binding("p", "prepare", "Prepare", id="log.prepare", show=False),
        Binding("delete", "delete", "Delete", id="log.delete", show=False),
        Binding("escape", "clear_filter", "Clear filter", id="log.clear", show=False),
    ]

    def __init__(self) -> None:
        """An empty log; it fills in when mounted."""
        super().__init__()
        self._mounted = False
        self._seen: tuple[int, int] | None = None
        self._timer: Timer | None = None

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """The filter, a count line, the table."""
        yield Header()
        yield Input(placeholder="/ filter: a name, words, or #tag", compact=True, id="filter")
        yield Static(id="log-count")
        yield RecordTable(id="conversations")
        yield Footer()

    def on_mount(self) -> None:
        """Fill in, and refresh after every change."""
        self.sub_title = "Log"
        self._mounted = True
        self.watch(self.app, "revision", self._journal_changed, init=False)
        self._refresh()
        self.query_one(RecordTable).focus()

    def on_resize(self) -> None:
        """Columns depend on the width."""
        if self._mounted:
            self._refresh()

    def _journal_changed(self) -> None:
        if in_view(self):
            self._refresh()

    def on_screen_resume(self) -> None:
        """Catch up with changes made while another screen was on show."""
        journal = self.leverage.journal
        if self._mounted and self._seen != (id(journal), journal.revision):
            self._refresh()

    def _columns(self) -> list[Column]:
        if self.size.width >= WIDE:
            return [
                Column("Date", 11),
                Column("With", 18),
                Column("Channel", 10),
                Column("Summary"),
                Column("Tags", 18),
                Column("Promises", 14),
            ]
        return [Column("Date", 11), Column("With", 14), Column("Summary"), Column("Promises", 9)]

    def _refresh(self, *_: object) -> None:
        journal = self.leverage.journal
        terms = self.query_one("#filter", Input).value.casefold().split()
        shown = [c for c in newest_first(journal) if matches(c, terms)]
        self._seen = (id(journal), journal.revision)
        flags = promise_flags(journal, self.leverage.today, self.leverage.hedges)
        wide = self.size.width >= WIDE

        def cells(cid: str) -> list[str | Text]:
            c = journal.conversations[cid]
            promises = journal.promises_of(cid)
            marks = flag_text([f for p in promises for f in flags.get(p.id, [])], short=True)
            count = Text(f"{len(promises)} " if promises else "—  ").append_text(marks)
            people = ", ".join(c.people)
            if wide:
                tags = " ".join(f"#{t}" for t in c.tags)
                return [f"{c.on:%d %b %Y}", people, c.channel, c.summary, tags, count]
            return [f"{c.on:%d %b %Y}", people, c.summary, count]

        table = self.query_one(RecordTable)
        table.set_columns(self._columns())
        table.set_rows([c.id for c in shown], cells)
        total = len(journal.conversations)
        count = self.query_one("#log-count", Static)
        if not total:
            count.update("No conversations yet: press n to log one.")
        elif terms:
            count.update(f"{len(shown)} of {total} conversations match")
        else:
            count.update(f"{total} conversations, newest first · Enter opens one")

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.12, self._refresh)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(RecordTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes to the table."""
        if event.key == "down" and self.focused is self.query_one("#filter"):
            self.query_one(RecordTable).focus()

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        self.leverage.open_conversation(event.row_key)

    def selected(self) -> str | None:
        """The conversation under the cursor."""
        key = self.query_one(RecordTable).cursor_key
        return key if key in self.leverage.journal.conversations else None

    def action_filter(self) -> None:
        """Type to filter."""
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter and go back to the table."""
        self.query_one("#filter", Input).value = ""
        self._refresh()
        self.query_one(RecordTable).focus()

    def action_edit(self) -> None:
        """Edit the selected conversation."""
        cid = self.selected()
        if cid:
            self.app.push_screen(ConversationEditor(cid))

    def action_delete(self) -> None:
        """Delete the selected conversation, after asking."""
        cid = self.selected()
        if not cid:
            return
        conv = self.leverage.journal.conversations[cid]
        question = (
            f"Delete the conversation of {conv.on:%d %b %Y}: “{conv.summary[:100]}”?\n"
            "Its promises stay, unlinked. ctrl+z brings it back."
        )

        def answer(yes: bool | None) -> None:
            if yes and self.leverage.change(lambda j: j.delete(cid)):
                self.notify(f"Deleted {cid} (ctrl+z undoes)")

        self.app.push_screen(ConfirmScreen(question), answer)

    def action_prepare(self) -> None:
        """The brief before the next meeting with this conversation's person (issue 14)."""
        from .prepare import meeting_person

        cid = self.selected()
        conv = self.leverage.journal.conversations.get(cid) if cid else None
        if conv is not None:
            self.leverage.action_prepare(meeting_person(self.leverage, conv.people))
