"""The editors' text fields: pastes are never cut or garbled, notes open in $EDITOR.

- `LineInput` (a one-line field): a paste of several lines has its lines joined with
  spaces and says so (Textual's Input keeps only the first line and drops the rest).
- `NotesArea` (a several-line field): ctrl+e opens the text in $VISUAL / $EDITOR (the
  same template as `leverage edit`; an emptied file changes nothing).
- Both refuse a paste holding control characters (terminal escape sequences, a bell,
  a bidi override) with the same words the journal uses for typed text: nothing of it
  is inserted, so nothing garbled is ever saved.

Each posts `FieldNote` for its editor to show under the field.
"""

from __future__ import annotations

from textual import events
from textual.app import SuspendNotSupported
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

from ..core.checks import bad_character
from ..core.editor_template import TemplateError, read_template, template
from ..core.registry import KINDS
from ..core.run_editor import EditorError, edit_text


class FieldNote(Message):
    """Something to show under a field (a paste joined, a paste refused)."""

    def __init__(self, field: Widget, text: str, *, error: bool) -> None:
        """`text` about `field`; `error` when nothing was inserted."""
        super().__init__()
        self.field = field
        self.text = text
        self.error = error


def paste_problem(text: str, *, multiline: bool) -> str | None:
    """Why a paste is refused (a control character), or None; line ends are allowed."""
    flat = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = (
        bad_character(flat, multiline=True)
        if multiline
        else bad_character(flat.replace("\n", " "), multiline=False)
    )
    return f"the pasted text contains {bad}: nothing was pasted" if bad else None


def joined_lines(text: str) -> tuple[str, int]:
    """`text` on one line (its non-blank lines joined with spaces) and how many it had."""
    flat = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in flat.split("\n") if line.strip()]
    if len(lines) <= 1:
        return flat.replace("\n", ""), len(lines)
    return " ".join(lines), len(lines)


class LineInput(Input):
    """A one-line field whose pastes are joined, never cut, and refused when garbled."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler keeps only the first line
        event.stop()
        if not event.text:
            return
        problem = paste_problem(event.text, multiline=False)
        if problem:
            self.post_message(FieldNote(self, problem, error=True))
            return
        line, count = joined_lines(event.text)
        if count > 1:
            self.post_message(
                FieldNote(self, f"{count} lines pasted: joined with spaces", error=False)
            )
        if self.selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *self.selection)


class NotesArea(TextArea):
    """A several-line field: control characters refused on paste, ctrl+e for $EDITOR."""

    BINDINGS = [
        Binding("ctrl+e", "external_editor", "Edit in $EDITOR", id="editor.external"),
    ]

    def __init__(self, text: str, *, kind: str, field: str, **options: object) -> None:
        """A notes field holding `text`: the `field` of a `kind` (for the template)."""
        super().__init__(text, **options)  # type: ignore[arg-type]
        self.kind = kind
        self.field = field

    async def _on_paste(self, event: events.Paste) -> None:
        problem = paste_problem(event.text, multiline=True)
        if problem:
            event.prevent_default()
            event.stop()
            self.post_message(FieldNote(self, problem, error=True))

    def action_external_editor(self) -> None:
        """Edit the text in $VISUAL / $EDITOR (the app is suspended meanwhile)."""
        spec = KINDS[self.kind].field(self.field)
        heading = f"{spec.label} ({KINDS[self.kind].name})."
        start = template([spec], {spec.name: self.text}, heading)
        try:
            if self.app.is_headless:  # tests: no terminal to hand over
                result = edit_text(start)
            else:
                with self.app.suspend():
                    result = edit_text(start)
            edited = read_template(result, [spec])
        except (EditorError, TemplateError) as err:
            self.post_message(FieldNote(self, str(err), error=True))
            return
        except SuspendNotSupported:
            self.post_message(FieldNote(self, "no editor can be opened here", error=True))
            return
        if edited is None:
            self.post_message(FieldNote(self, "the editor was left empty: no change", error=False))
            return
        problem = bad_character(edited.values[spec.name], multiline=True)
        if problem:
            self.post_message(FieldNote(self, f"the edited text contains {problem}", error=True))
            return
        self.text = edited.values[spec.name]
        self.focus()
