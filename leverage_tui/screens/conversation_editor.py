"""ConversationEditor: log a conversation or edit every field of one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.widgets import Input, Select, TextArea

from ..core.records import CHANNELS, Conversation
from ..core.visible import visible
from ..widgets.date_field import DateField
from ..widgets.text_inputs import LineInput, NotesArea
from .editor_base import EditorScreen, choice_field, field_row
from .promise_editor import people_suggester

if TYPE_CHECKING:
    from ..app import LeverageApp


def split_names(text: str) -> list[str]:
    """'Maya Chen, Robert Osei' -> ['Maya Chen', 'Robert Osei']."""
    return [name.strip() for name in text.split(",") if name.strip()]


def split_tags(text: str) -> list[str]:
    """'#pay, leadership offer' -> ['pay', 'leadership', 'offer']."""
    return [t.lstrip("#").lower() for t in re.split(r"[\s,]+", text) if t.lstrip("#")]


class ConversationEditor(EditorScreen):
    """A form for one conversation; dismisses its id, or None when cancelled."""

    DEFAULT_CSS = """
    ConversationEditor #notes {
        height: 6;
    }
    """

    def __init__(self, conversation_id: str | None = None) -> None:
        """Edit conversation `conversation_id`, or log a new one."""
        super().__init__()
        self.conversation_id = conversation_id
        self.heading = "Edit conversation" if conversation_id else "Log a conversation"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _existing(self) -> Conversation | None:
        cid = self.conversation_id
        return self.leverage.journal.conversation(cid) if cid else None

    def fields(self) -> ComposeResult:
        """When, with, channel, summary, tags, notes."""
        conv = self._existing()
        when = self.leverage.today.isoformat()
        if conv is not None:
            when = conv.on.isoformat() + (f" {conv.at}" if conv.at else "")
        yield field_row(
            "When",
            DateField(
                when,
                compact=True,
                happened=True,
                id="when",
                placeholder="today, yesterday, mon 14:30, nov 20",
            ),
            "when",
        )
        yield field_row(
            "With",
            LineInput(
                visible(", ".join(conv.people)) if conv else "",
                compact=True,
                id="people",
                placeholder="names, separated by commas",
                suggester=people_suggester(self.leverage),
            ),
            "people",
        )
        yield field_row(
            "Channel",
            choice_field(CHANNELS, conv.channel if conv else "meeting", "channel"),
            "channel",
        )
        yield field_row(
            "Summary",
            LineInput(
                visible(conv.summary) if conv else "",
                compact=True,
                id="summary",
                placeholder="one line: what was it about?",
            ),
            "summary",
        )
        yield field_row(
            "Tags",
            LineInput(
                visible(" ".join(conv.tags)) if conv else "",
                compact=True,
                id="tags",
                placeholder="words, e.g. pay leadership",
            ),
            "tags",
        )
        yield field_row(
            "Notes",
            NotesArea(
                visible(conv.notes, multiline=True) if conv else "",
                kind="conversation",
                field="notes",
                compact=True,
                id="notes",
                soft_wrap=True,
                show_line_numbers=False,
            ),
            "notes",
            "ctrl+e: write the notes in $EDITOR",
        )

    def on_mount(self) -> None:
        """Start with the people (the date is usually today)."""
        self.query_one("#people" if self.conversation_id is None else "#summary").focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def problems(self) -> dict[str, str]:
        """No one named, an empty summary, or a name, tag or note the journal would refuse."""
        names = split_names(self._value("people"))
        found = self.field_errors(
            "conversation",
            {
                "people": ("people", names),
                "summary": ("summary", self._value("summary")),
                "tags": ("tags", split_tags(self._value("tags"))),
                "notes": ("notes", self.query_one("#notes", TextArea).text),
            },
        )
        if not names:
            found["people"] = "who was it with? write one or more names, separated by commas"
        return found

    def save(self) -> str | None:
        """Log or update the conversation through the app; its id, or None."""
        when = self.query_one("#when", DateField)
        people = split_names(self._value("people"))
        summary = self._value("summary")
        channel = str(self.query_one("#channel", Select).value)
        tags = split_tags(self._value("tags"))
        notes = self.query_one("#notes", TextArea).text
        cid = self.conversation_id
        if cid is None:
            added = self.leverage.change(
                lambda j: j.add_conversation(
                    people,
                    summary,
                    on=when.date,
                    at=when.time,
                    channel=channel,
                    notes=notes,
                    tags=tags,
                )
            )
            return added.id if added else None
        updated = self.leverage.change(
            lambda j: j.update_conversation(
                cid,
                people=people,
                summary=summary,
                on=when.date,
                at=when.time,
                channel=channel,
                notes=notes,
                tags=tags,
            )
        )
        return updated.id if updated else None
