"""Keys that act on the selected promise, shared by the screens that list promises.

A screen mixes in `PromiseKeys`, adds `promise_bindings()` to its BINDINGS and says which
promise is selected in `selected_promise_id()`. Forms are one keystroke (v, s, w, o);
h marks it honored today; Delete asks first. Every change can be undone with ctrl+z.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from ..app import LeverageApp

_PROMISE_KEYS = [
    ("w", "set_form('written')", "Written", "promise.written"),
    ("v", "set_form('verbal')", "Verbal", "promise.verbal"),
    ("s", "set_form('recap-sent')", "Recap sent", "promise.recap-sent"),
    ("o", "set_form('official')", "Official", "promise.official"),
    ("h", "set_status('honored')", "Honored", "promise.honored"),
    ("b", "set_status('broken')", "Broken", "promise.broken"),
    ("delete", "delete_promise", "Delete promise", "promise.delete"),
    ("F", "attachments", "Files", "promise.attachments"),
]


def promise_bindings(shown: tuple[str, ...] = ()) -> list[Binding]:
    """The keys for the selected promise; those whose id is in `shown` go in the footer."""
    return [
        Binding(key, action, description, id=bid, show=bid in shown)
        for key, action, description, bid in _PROMISE_KEYS
    ]


PROMISE_ACTIONS = {"set_form", "set_status", "delete_promise", "edit_promise", "attachments"}
"""Actions that need a selected promise."""


class PromiseKeys(Screen[None]):
    """A screen whose keys act on the promise under the cursor."""

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def selected_promise_id(self) -> str | None:
        """The id of the promise under the cursor, if a promise is selected."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Promise keys are dimmed while no promise is selected."""
        if action in PROMISE_ACTIONS and self.selected_promise_id() is None:
            return None
        return True

    def action_set_form(self, form: str) -> None:
        """Tag the selected promise with `form` (verbal, recap-sent, written, official)."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        promise = self.leverage.journal.promise(pid)
        if promise.form == form:
            self.notify(f"{pid} is already {form}")
            return
        from .evidence_dialog import set_form  # asks for the evidence when written

        set_form(
            self.leverage,
            promise,
            form,
            lambda p: self.notify(f"{p.id} is now {form} (ctrl+z undoes)", title="Form"),
        )

    def action_set_status(self, status: str) -> None:
        """Mark the selected promise `status` as of today."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        if self.leverage.change(lambda j: j.update_promise(pid, status=status)):
            self.notify(f"{pid} marked {status} today (ctrl+z undoes)", title="Status")

    def action_edit_promise(self) -> None:
        """Open the selected promise in the editor."""
        pid = self.selected_promise_id()
        if pid is not None:
            from .promise_editor import PromiseEditor  # editors load when first opened

            self.app.push_screen(PromiseEditor(pid))

    def action_delete_promise(self) -> None:
        """Delete the selected promise, after asking."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        text = self.leverage.journal.promise(pid).text
        question = f"Delete promise {pid}: “{text[:120]}”?\nctrl+z brings it back."
        from .attachments import delete_asking  # says when its files go too

        delete_asking(self.leverage, pid, question, lambda: self.notify(f"Deleted {pid}"))

    def action_attachments(self) -> None:
        """The files kept with the selected promise: see them, add one."""
        pid = self.selected_promise_id()
        if pid is not None:
            from .attachments import AttachmentsScreen

            self.app.push_screen(AttachmentsScreen(pid))
