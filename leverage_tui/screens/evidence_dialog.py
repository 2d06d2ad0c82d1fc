"""Ask for the evidence when a promise moves to written or official (skippable).

`set_form(app, promise, form, done)` is what every form key calls: a promise that moves
to written or official with no evidence yet first gets this dialog: the email subject,
the quote, the letter (a file can be attached afterwards: F). Save keeps the form and
the evidence, Skip the form alone, Cancel (escape) changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from ..core.records import UNWRITTEN_FORMS, Promise
from .promise_dialog import PromiseDialog


def needs_evidence(promise: Promise, form: str) -> bool:
    """True when moving `promise` to `form` should ask for the evidence."""
    return form not in UNWRITTEN_FORMS and not promise.evidence.strip()


class EvidenceDialog(PromiseDialog[str]):
    """The evidence of a promise now written or official: the text typed, '' when
    skipped, None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="evidence-dialog.cancel")]
    DEFAULT_CSS = """
    EvidenceDialog .dialog-note { color: $text-muted; margin-bottom: 1; }
    """

    def __init__(self, promise: Promise, form: str) -> None:
        """A dialog for `promise`, about to become `form`."""
        super().__init__(promise)
        self.form = form

    def compose(self) -> ComposeResult:
        """Title, what to write, the field and Save, Skip, Cancel."""
        p = self.promise
        with Vertical():
            yield Static(
                f"{p.id} is {self.form} now: {p.text}", classes="dialog-title", markup=False
            )
            yield Static(
                "What shows it? The email's subject and date, the letter, a quote. "
                "It is what you will point to when someone says they never said it. "
                "(A file can be attached afterwards: F.)",
                classes="dialog-note",
                markup=False,
            )
            yield Input(placeholder="e.g. email: Re: Q3 lead, 20 Nov", id="evidence")
            yield Horizontal(
                Button("Save", variant="primary", id="save"),
                Button("Skip", id="skip"),
                Button("Cancel", id="cancel"),
                classes="dialog-buttons",
            )

    def on_mount(self) -> None:
        """Start in the field."""
        self.query_one("#evidence", Input).focus()

    def action_save(self) -> None:
        """Close with the evidence typed (empty: the same as Skip)."""
        self.dismiss(" ".join(self.query_one("#evidence", Input).value.split()))

    @on(Button.Pressed, "#skip")
    def _skip(self) -> None:
        self.dismiss("")


def set_form(
    app: Any, promise: Promise, form: str, done: Callable[[Promise], None] | None = None
) -> None:
    """Move `promise` to `form` through `app.change`, asking for the evidence first when
    it becomes written or official without any; `done` gets the changed promise."""

    def save(evidence: str | None) -> None:
        if evidence is None:
            return
        extra = {"evidence": evidence} if evidence else {}
        changed = app.change(lambda j: j.update_promise(promise.id, form=form, **extra))
        if changed is not None and done is not None:
            done(changed)

    if needs_evidence(promise, form):
        app.push_screen(EvidenceDialog(promise, form), save)
    else:
        save("")
