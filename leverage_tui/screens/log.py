"""Log: every conversation, newest first, filtered as you type (person, words, #tag).

The Log is a table screen like Promises and the Timeline (screens/table_screen.py):
the same filter field, filtered in the same step as the key (no timer of its own), a
summary line, and a pane with the conversation under the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Static

from ..core.journal import Journal
from ..core.plural import counted
from ..core.records import Conversation
from ..core.show import day_text
from ..core.visible import visible
from ..widgets.flag_badges import flag_text
from ..widgets.footer import Footer
from ..widgets.record_table import Column, RecordTable
from ..widgets.text_filter import FilterInput
from .table_screen import TableScreen

LOG_WIDE = 100
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


class LogScreen(TableScreen):
    """The conversations, newest first; Enter opens one."""

    SUB_TITLE = "Log"
    BINDINGS = [
        Binding("n", "app.log_conversation", "New conversation", id="log.new"),
        Binding("e", "edit", "Edit", id="log.edit", show=False),
        Binding("delete", "delete", "Delete", id="conversation.delete", show=False),
        Binding("p", "prepare", "Prepare", id="log.prepare", show=False),
    ]
    DEFAULT_CSS = """
    LogScreen .detail { height: 6; min-height: 0; }
    """

    def compose(self) -> ComposeResult:
        """The filter, a count line, the table, the conversation under the cursor."""
        yield Header()
        with Horizontal(classes="filters"):
            yield FilterInput(
                placeholder="/ filter: a name, words, or #tag", compact=True, classes="text-filter"
            )
        yield Static(classes="summary", markup=False)
        yield RecordTable(id="conversations")
        yield Static(id="log-detail", classes="detail", markup=False)
        yield Footer()

    def columns(self, width: int) -> list[Column]:
        """The table's columns at this width."""
        if width >= LOG_WIDE:
            return [
                Column("Date", 11),
                Column("With", 18),
                Column("Channel", 10),
                Column("Summary"),
                Column("Tags", 18),
                Column("Promises", 14),
            ]
        return [Column("Date", 11), Column("With", 14), Column("Summary"), Column("Promises", 9)]

    def on_mount(self) -> None:
        """The columns for this width, then the table screen's filling."""
        self.table.set_columns(self.columns(self.size.width))
        super().on_mount()

    def on_resize(self) -> None:
        """Columns depend on the width."""
        self.table.set_columns(self.columns(self.size.width))
        self.refilter()

    def reload(self) -> None:
        """Sort the conversations (newest first) and line up their text, then filter."""
        journal = self.journal
        self._order = [c.id for c in newest_first(journal)]
        self._hay = {cid: _haystack(journal.conversations[cid]) for cid in self._order}
        self.seen_revision = journal.revision
        self.refilter()

    def refilter(self) -> None:
        """Show the conversations that hold every word typed."""
        text = self.query_one(".text-filter", FilterInput).value
        shown = self._text_filter.apply(self._order, self._hay, text)
        self.table.set_rows(shown, self.cells)
        total = len(self.journal.conversations)
        if not total:
            self.set_summary("No conversations yet: press n to log one.")
        elif text.strip():
            self.set_summary(f"{len(shown)} of {counted(total, 'conversation')} match")
        else:
            self.set_summary(f"{counted(total, 'conversation')}, newest first · Enter opens one")
        self.update_detail(self.table.cursor_key)

    def cells(self, cid: str) -> list[str | Text]:
        """A conversation's row: date, people, (channel), summary, (tags), promises."""
        journal = self.journal
        c = journal.conversations.get(cid)
        if c is None:
            return ["(deleted)"]
        flags = self.promise_flags()
        promises = journal.promises_of(cid)
        marks = flag_text([f for p in promises for f in flags.get(p.id, [])], short=True)
        count = Text(f"{len(promises)} " if promises else "—  ").append_text(marks)
        people = visible(", ".join(c.people))
        if self.size.width >= LOG_WIDE:
            tags = visible(" ".join(f"#{t}" for t in c.tags))
            return [day_text(c.on), people, c.channel, visible(c.summary), tags, count]
        return [day_text(c.on), people, visible(c.summary), count]

    def show_detail(self, key: str | None) -> None:
        """The conversation under the cursor: when, with whom, its notes' first lines."""
        pane = self.query_one("#log-detail", Static)
        c = self.journal.conversations.get(key) if key else None
        if c is None:
            pane.update("", layout=False)
            return
        text = Text(f"{c.on:%A %d %B %Y}", style="bold")
        text.append(f" · {c.channel} with {visible(', '.join(c.people))}")
        notes = visible(c.notes, multiline=True).strip()
        text.append("\n" + ("\n".join(notes.splitlines()[:4]) if notes else "No notes."))
        pane.update(text, layout=False)

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        self.leverage.open_record(event.row_key)

    def selected(self) -> str | None:
        """The conversation under the cursor."""
        key = self.table.cursor_key
        return key if key in self.leverage.journal.conversations else None

    def action_edit(self) -> None:
        """Edit the selected conversation."""
        cid = self.selected()
        if cid:
            self.leverage.edit_record(cid)

    def action_delete(self) -> None:
        """Delete the selected conversation, after asking."""
        cid = self.selected()
        if not cid:
            return
        conv = self.leverage.journal.conversations[cid]
        question = (
            f"Delete the conversation of {day_text(conv.on)}: “{visible(conv.summary[:100])}”?\n"
            "Its promises stay, unlinked. ctrl+z brings it back."
        )

        from .attachments import delete_asking  # says when its files go too

        when = f"{day_text(conv.on)}"
        delete_asking(
            self.leverage,
            cid,
            question,
            lambda: self.notify(f"Deleted the conversation of {when} (ctrl+z undoes)"),
        )

    def action_prepare(self) -> None:
        """The brief before the next meeting with this conversation's person (issue 14)."""
        from .prepare import meeting_person

        cid = self.selected()
        conv = self.leverage.journal.conversations.get(cid) if cid else None
        if conv is not None:
            self.leverage.action_prepare(meeting_person(self.leverage, conv.people))


def _haystack(c: Conversation) -> str:
    """What the filter searches in a conversation: people, words, notes and #tags."""
    tags = " ".join(f"#{t}" for t in c.tags)
    return " ".join([*c.people, c.summary, c.notes, tags]).casefold()
