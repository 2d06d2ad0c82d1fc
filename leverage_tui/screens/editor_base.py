"""EditorScreen: the frame every editor shares (fields, messages under them, Save/Cancel).

A subclass yields its rows from `fields()`, checks them in `problems()` (field id ->
message) and writes in `save()`. Save (ctrl+s, Enter in a one-line field, or the button)
does nothing while any field has a problem: the messages show under the fields and
nothing is written; a message shown goes (or changes) as its field is changed. Escape
cancels, and ctrl+q quits; with changes not saved, both ask "Discard?" first. The
fields' pastes and $EDITOR notes are widgets/text_inputs.py (LineInput, NotesArea).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from ..core.checks import InputError, clean
from ..core.registry import KINDS
from ..widgets.date_field import DateField
from ..widgets.text_inputs import FieldNote
from .confirm import ConfirmScreen

DISCARD = "Discard the changes you made?"
"""What Escape asks when the form holds changes not saved."""
QUIT_DISCARD = "Quit and discard the changes you made?"
"""What ctrl+q asks when the form holds changes not saved."""


def field_row(label: str, field: Widget, name: str, note: str = "") -> Horizontal:
    """A form row: the label, then the field with its message line under it."""
    message = Static(note, id=f"{name}-message", classes="field-message", markup=False)
    message.display = bool(note)
    return Horizontal(
        Label(label, classes="field-label"),
        Vertical(field, message, classes="field-box"),
        classes="field-row",
    )


def choice_field(options: Sequence[str], value: str, id: str) -> Select[str]:
    """A compact drop-down of `options` (each shown as itself), never blank."""
    return Select([(o, o) for o in options], value=value, allow_blank=False, compact=True, id=id)


class EditorScreen(ModalScreen[str | None]):
    """A modal form; dismisses the saved record's id, or None when cancelled."""

    DEFAULT_CSS = """
    EditorScreen {
        align: center middle;
    }
    EditorScreen > Vertical {
        width: 88;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary 60%;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    EditorScreen VerticalScroll {
        height: auto;
        max-height: 1fr;
        padding-top: 1;
    }
    EditorScreen .field-row {
        height: auto;
        margin-bottom: 1;
    }
    EditorScreen .field-row.-tight {
        margin-bottom: 0;
    }
    EditorScreen .field-label {
        width: 11;
        color: $text-muted;
        text-style: bold;
    }
    EditorScreen .field-box {
        height: auto;
        width: 1fr;
    }
    EditorScreen .field-message {
        color: $text-warning;
        padding: 0 1;
    }
    EditorScreen .field-message.-error {
        color: $text-error;
    }
    EditorScreen #in-conversation {
        color: $text-muted;
        margin-bottom: 1;
    }
    EditorScreen #editor-buttons {
        height: auto;
        align-horizontal: right;
    }
    EditorScreen #editor-keys {
        width: 1fr;
        color: $text-muted;
    }
    EditorScreen Button {
        margin-left: 2;
        min-width: 10;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save"),
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    heading = "Edit"
    """The title on the frame."""
    _start: tuple[object, ...] | None = None
    """What the form held when it opened (to tell whether anything was changed)."""

    def fields(self) -> ComposeResult:
        """The form's rows (use `field_row`)."""
        yield from ()

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong with it; empty when the form can be saved."""
        return {}

    @staticmethod
    def field_errors(kind: str, values: Mapping[str, tuple[str, Any]]) -> dict[str, str]:
        """What the journal would refuse, by the registry's rules (checks.py).

        `values` maps a widget id to (the field it fills, the value typed); the result
        maps the widget id to the message, for each value that would be refused.
        """
        found: dict[str, str] = {}
        fields = KINDS[kind]
        for widget, (name, value) in values.items():
            try:
                clean(fields.field(name), value)
            except InputError as err:
                found.setdefault(widget, str(err))
        return found

    def save(self) -> str | None:
        """Write the form; the record id, or None when it could not be saved."""
        return None

    def compose(self) -> ComposeResult:
        """The frame: the fields, then the keys and the buttons."""
        with Vertical() as frame:
            frame.border_title = self.heading
            with VerticalScroll():
                yield from self.fields()
            with Horizontal(id="editor-buttons"):
                yield Static("ctrl+s save · esc cancel", id="editor-keys")
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

    def show_message(self, name: str, message: str | None, *, error: bool = True) -> None:
        """Show (or clear, with None) the message under the field called `name`."""
        try:
            line = self.query_one(f"#{name}-message", Static)
        except NoMatches:
            return
        line.update(message or "")
        line.set_class(error, "-error")
        line.display = bool(message)

    def action_save(self) -> None:
        """Save when every field is right; otherwise show what is wrong and stay."""
        found = self.problems()
        bad_dates = {f.id for f in self.query(DateField) if not f.is_valid}
        first: str | None = None
        for row in self.query(".field-message"):
            name = (row.id or "").removesuffix("-message")
            if name in found:
                self.show_message(name, found[name])
            elif row.has_class("-error"):
                self.show_message(name, None)
            if first is None and (name in found or name in bad_dates):
                first = name
        if first is not None:
            self._focus_field(first)
        if found or bad_dates:
            return
        saved = self.save()
        if saved is not None:
            self.dismiss(saved)

    def _focus_field(self, name: str) -> None:
        with contextlib.suppress(NoMatches):
            self.query_one(f"#{name}").focus()

    def _state(self) -> tuple[object, ...]:
        """What every field of the form holds now."""
        held: list[object] = []
        for widget in self.query("Input, TextArea, Select, Checkbox"):
            if isinstance(widget, TextArea):
                held.append(widget.text)
            elif isinstance(widget, Input | Select | Checkbox):
                held.append(widget.value)
        return tuple(held)

    @on(events.ScreenResume)
    def _remember_start(self) -> None:
        if self._start is None:  # the first time shown: what the form opened with
            self._start = self._state()

    @property
    def changed(self) -> bool:
        """True when a field holds something other than what it opened with."""
        return self._start is not None and self._state() != self._start

    def action_cancel(self) -> None:
        """Close without saving; with changes not saved, ask first."""
        if not self.changed:
            self.dismiss(None)
            return
        self._confirm_discard(DISCARD, lambda: self.dismiss(None))

    def ask_before_quit(self) -> bool:
        """For the app's quit (ctrl+q): True when this form asks "Discard?" first (it
        then quits on yes), False when nothing was changed and the app may quit."""
        if not self.changed:
            return False
        self._confirm_discard(QUIT_DISCARD, self.app.exit)
        return True

    def _confirm_discard(self, question: str, then: Callable[[], object]) -> None:
        """Ask `question` (Discard / Keep editing); on Discard, `then()`."""

        def answered(discard: bool | None) -> None:
            if discard:
                then()

        self.app.push_screen(ConfirmScreen(question, yes="Discard", no="Keep editing"), answered)

    @on(FieldNote)
    def _field_note(self, event: FieldNote) -> None:
        event.stop()
        if event.field.id:
            self.show_message(event.field.id, event.text, error=event.error)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(DateField.Changed)
    def _field_changed(self) -> None:
        """Errors shown follow the fields: fixed ones go, others say what is wrong now."""
        shown = [row for row in self.query(".field-message.-error") if row.display]
        if not shown:
            return
        found = self.problems()
        for row in shown:
            name = (row.id or "").removesuffix("-message")
            self.show_message(name, found.get(name))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
