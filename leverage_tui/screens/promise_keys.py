"""The keys that act on the selected promise: the same keys, the same ids, on every screen
that lists promises (Today, a conversation, Promises, the Timeline).

    f  cycle the form        v w o  verbal, written, official
    s  set the status (with its day)    h b  honored, broken today
    d  move the due date     delete  delete (asks first)
    F  the promise's attached files

A screen mixes in `PromiseActions`, adds `promise_bindings()` to its BINDINGS and says
which promise is selected in `selected_promise_id()`. A promise becomes recap-sent when
its recap is marked sent (`r`, then ctrl+r), where the recap is. Every change can be
undone with ctrl+z. Each binding has one id (`promise.form`, ...) for `[keymap]`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding

from ..core.records import FORMS
from ..core.visible import visible

if TYPE_CHECKING:
    from ..app import LeverageApp

PROMISE_KEYS = [
    ("f", "cycle_form", "Form", "promise.form"),
    ("v", "set_form('verbal')", "Verbal", "promise.verbal"),
    ("w", "set_form('written')", "Written", "promise.written"),
    ("o", "set_form('official')", "Official", "promise.official"),
    ("s", "set_status", "Status", "promise.status"),
    ("h", "quick_status('honored')", "Honored", "promise.honored"),
    ("b", "quick_status('broken')", "Broken", "promise.broken"),
    ("d", "change_due", "Due", "promise.due"),
    ("delete", "delete_promise", "Delete promise", "promise.delete"),
    ("F", "attachments", "Files", "promise.attachments"),
]
"""(key, action, description, binding id) of every promise action."""

PROMISE_ACTIONS = {
    "cycle_form",
    "set_form",
    "set_status",
    "quick_status",
    "change_due",
    "delete_promise",
    "edit_promise",
    "attachments",
}
"""Actions that need a selected promise."""


def promise_bindings(shown: tuple[str, ...] = ()) -> list[Binding]:
    """The keys for the selected promise; those whose id is in `shown` go in the footer."""
    return [
        Binding(key, action, description, id=bid, show=bid in shown)
        for key, action, description, bid in PROMISE_KEYS
    ]


class PromiseActions:
    """Mixed into a screen whose keys act on the promise under the cursor."""

    app: Any

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def selected_promise_id(self) -> str | None:
        """The id of the promise under the cursor, if a promise is selected."""
        return None

    def promise_action_allowed(self, action: str) -> bool | None:
        """For `check_action`: promise keys are dimmed while no promise is selected."""
        if action in PROMISE_ACTIONS and self.selected_promise_id() is None:
            return None
        return True

    def _tell(self, message: str, title: str = "") -> None:
        self.leverage.notify(message, title=title, timeout=3)

    def _promise_words(self, pid: str) -> str:
        """The promise in words, for notices: 'Lead the Q3 planning'."""
        promise = self.leverage.journal.promises.get(pid)
        text = visible(promise.text) if promise else pid
        return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"

    def action_cycle_form(self) -> None:
        """verbal → recap-sent → written → official → verbal."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        promise = self.leverage.journal.promise(pid)
        self.action_set_form(FORMS[(FORMS.index(promise.form) + 1) % len(FORMS)])

    def action_set_form(self, form: str) -> None:
        """Tag the selected promise with `form`."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        promise = self.leverage.journal.promise(pid)
        if promise.form == form:
            self._tell(f"{self._promise_words(pid)} is already {form}")
            return
        from .evidence_dialog import set_form  # asks for the evidence when written

        words = self._promise_words(pid)
        set_form(
            self.leverage,
            promise,
            form,
            lambda _: self._tell(f"{words} is now {form} (ctrl+z undoes)", "Form"),
        )

    def action_quick_status(self, status: str) -> None:
        """Mark the selected promise `status` as of today."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        if self.leverage.change(lambda j: j.update_promise(pid, status=status)):
            words = self._promise_words(pid)
            self._tell(f"{words} marked {status} today (ctrl+z undoes)", "Status")

    def action_set_status(self) -> None:
        """Ask for the status and its day, then save it."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        from .status_dialog import StatusChoice, StatusDialog

        def done(choice: StatusChoice | None) -> None:
            if choice is not None:
                self.leverage.change(
                    lambda j: j.update_promise(pid, status=choice.status, on=choice.on)
                )

        self.leverage.push_screen(StatusDialog(self.leverage.journal.promise(pid)), done)

    def action_change_due(self) -> None:
        """Ask for the new due date, then save it (a later date goes into the history)."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        from .due_dialog import DueChoice, DueDialog

        promise = self.leverage.journal.promise(pid)

        def done(choice: DueChoice | None) -> None:
            if choice is not None and choice.due != promise.due:
                self.leverage.change(lambda j: j.update_promise(pid, due=choice.due))

        self.leverage.push_screen(DueDialog(promise), done)

    def action_edit_promise(self) -> None:
        """Open the selected promise in the editor."""
        pid = self.selected_promise_id()
        if pid is not None:
            self.leverage.edit_record(pid)

    def action_delete_promise(self) -> None:
        """Delete the selected promise, after asking."""
        pid = self.selected_promise_id()
        if pid is None:
            return
        text, name = visible(self.leverage.journal.promise(pid).text), self._promise_words(pid)
        question = f"Delete the promise “{text[:120]}”?\nctrl+z brings it back."
        from .attachments import delete_asking  # says when its files go too

        delete_asking(self.leverage, pid, question, lambda: self._tell(f"Deleted {name}"))

    def action_attachments(self) -> None:
        """The files kept with the selected promise: see them, add one."""
        pid = self.selected_promise_id()
        if pid is not None:
            from .attachments import AttachmentsScreen

            self.leverage.push_screen(AttachmentsScreen(pid))
