"""WinEditor: add or edit a win (what you did, its impact, the evidence) and link it to
the asks it supports."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.widgets import Input, SelectionList

from ..core.checklist import short
from ..core.records import Win
from ..widgets.date_field import DateField
from ..widgets.text_inputs import LineInput
from .conversation_editor import split_tags
from .editor_base import EditorScreen, field_row

if TYPE_CHECKING:
    from ..app import LeverageApp


class WinEditor(EditorScreen):
    """A form for one win; dismisses the win's id, or None when cancelled."""

    DEFAULT_CSS = """
    WinEditor SelectionList { height: auto; max-height: 8; }
    """

    def __init__(self, win_id: str | None = None, ask_id: str | None = None) -> None:
        """Edit win `win_id`, or add one (supporting ask `ask_id` when given)."""
        super().__init__()
        self.win_id = win_id
        self.ask_id = ask_id
        self.heading = "Edit win" if win_id else "A win: what did you achieve?"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _existing(self) -> Win | None:
        if self.win_id is None:
            return None
        return cast(Win, self.leverage.journal.get(self.win_id, "win"))

    def fields(self) -> ComposeResult:
        """What, when, impact, evidence, tags and the asks it supports."""
        win = self._existing()

        def line(name: str, value: str, placeholder: str) -> Input:
            return LineInput(value, placeholder=placeholder, compact=True, id=name)

        yield field_row(
            "Win",
            line("text", win.text if win else "", "what you did, e.g. shipped the redesign"),
            "text",
        )
        when = win.on if win else self.leverage.today
        yield field_row("Date", DateField(when, compact=True, happened=True, id="on"), "on")
        yield field_row(
            "Impact",
            line("impact", win.impact if win else "", "the result, measured: conversion +4%"),
            "impact",
        )
        yield field_row(
            "Evidence",
            line("evidence", win.evidence if win else "", "an email subject, a link, a file"),
            "evidence",
        )
        yield field_row(
            "Tags",
            line("tags", " ".join(win.tags) if win else "", "words, e.g. craft mentoring"),
            "tags",
        )
        yield field_row("Supports", SelectionList[str](*self._asks(win), id="asks"), "asks")

    def _asks(self, win: Win | None) -> list[tuple[str, str, bool]]:
        """The open asks, and any other the win already supports, to tick."""
        linked = set(win.asks) if win else {self.ask_id} if self.ask_id else set()
        asks = [
            a for a in self.leverage.journal.asks.values() if a.status == "open" or a.id in linked
        ]
        return [(f"{a.id} {short(a.text, 60)} ({a.priority})", a.id, a.id in linked) for a in asks]

    def on_mount(self) -> None:
        """Start in the text field."""
        self.query_one("#text", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def problems(self) -> dict[str, str]:
        """What the journal would refuse (the date field shows its own error)."""
        found = self.field_errors(
            "win", {n: (n, self._value(n)) for n in ("text", "impact", "evidence")}
        )
        found.update(self.field_errors("win", {"tags": ("tags", split_tags(self._value("tags")))}))
        return found

    def save(self) -> str | None:
        """Add or update the win through the app; its id, or None."""
        values: dict[str, Any] = {
            "text": self._value("text"),
            "on": self.query_one("#on", DateField).date,
            "impact": self._value("impact"),
            "evidence": self._value("evidence"),
            "tags": tuple(split_tags(self._value("tags"))),
            "asks": tuple(self.query_one("#asks", SelectionList).selected),
        }
        wid = self.win_id
        if wid is None:
            added = self.leverage.change(lambda j: j.add("win", **values))
            return added.id if added else None
        updated = self.leverage.change(lambda j: j.update(wid, **values))
        return updated.id if updated else None
