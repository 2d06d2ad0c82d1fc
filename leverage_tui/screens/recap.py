"""RecapScreen: a ready-to-send recap of a conversation's verbal promises.

The text is editable. ctrl+o copies it to the clipboard; ctrl+s asks where to save it
(the core writes the file, readable by you only); once sent, ctrl+r moves those promises
to recap-sent; when the other side confirms in writing, ctrl+t makes them written.
Escape closes. (Control keys, so that typing in the text never triggers them; each is
also a button.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..core.brief_md import long_date
from ..core.checks import InputError
from ..core.journal_file import is_encrypted
from ..core.offer_messages import offers_discussed
from ..core.paths import save_dir
from ..core.recap import recap_for
from ..core.safe_files import write_private
from ..core.visible import visible
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp


class RecapScreen(ModalScreen[None]):
    """The recap of one conversation, to copy, save, and mark as sent or confirmed."""

    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", id="recap.copy"),
        Binding("ctrl+s", "save", "Save", id="recap.save"),
        Binding("ctrl+r", "mark_sent", "Mark sent", id="recap.mark_sent"),
        Binding("ctrl+t", "mark_written", "Confirmed in writing", id="recap.mark_written"),
        Binding("escape", "close", "Close", id="recap.close"),
    ]
    DEFAULT_CSS = """
    RecapScreen { align: center middle; }
    RecapScreen > Vertical {
        width: 96; max-width: 100%; height: 100%; max-height: 32;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    RecapScreen > Vertical.-nothing { height: auto; }
    RecapScreen #recap-about { color: $text-muted; }
    RecapScreen TextArea { height: 1fr; min-height: 4; margin-top: 1; }
    RecapScreen #recap-state { height: 1; margin-top: 1; }
    RecapScreen #recap-buttons { height: 1; margin-top: 1; align-horizontal: right; }
    RecapScreen Button { width: auto; min-width: 0; margin-left: 2; }
    """

    def __init__(self, conversation_id: str) -> None:
        """The recap of conversation `conversation_id`."""
        super().__init__()
        self.conversation_id = conversation_id
        self.promise_ids: list[str] = []
        self.covered: list[str] = []
        self.text = ""
        self.problem: str | None = None

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """What the recap covers, the text, where the promises stand, and the buttons."""
        journal, config = self.leverage.journal, self.leverage.config
        try:
            recap = recap_for(
                journal,
                self.conversation_id,
                today=self.leverage.today,
                hedges=config.hedges,
                user_name=config.name,
                offers=offers_discussed(journal, self.conversation_id),
                wait_days=config.recap_wait_days,
            )
            self.text, self.promise_ids = recap.text, list(recap.promises)
            self.covered = [*recap.promises, *recap.offers]
        except InputError as err:
            self.problem = str(err)
        with Vertical(classes="-nothing" if self.problem else "") as frame:
            frame.border_title = "Recap: get it in writing"
            if self.problem is not None:
                yield Static(visible(self.problem), id="recap-about", markup=False)
            else:
                conv = journal.conversation(self.conversation_id)
                about = (
                    f"{long_date(conv.on)} with {', '.join(conv.people)}: {conv.summary} · "
                    f"covers {', '.join(self.covered)}. Edit it, send it, then mark it sent."
                )
                yield Static(visible(about), id="recap-about", markup=False)
                # what is sent is what is shown: control characters stay escaped
                yield TextArea(visible(self.text, multiline=True), soft_wrap=True, id="recap-text")
                yield Static("", id="recap-state", markup=False)
            with Horizontal(id="recap-buttons"):
                if self.problem is None:
                    yield Button("Copy ^o", id="copy", compact=True)
                    yield Button("Save ^s", id="save", compact=True)
                    yield Button("Mark sent ^r", id="mark-sent", variant="primary", compact=True)
                    yield Button("Confirmed ^t", id="mark-written", compact=True)
                yield Button("Close", id="close", compact=True)

    def on_mount(self) -> None:
        """Show where the promises stand; focus the first button."""
        self._show_state()
        self.query_one("#copy" if self.problem is None else "#close", Button).focus()

    def _show_state(self) -> None:
        if self.problem is not None:
            return
        journal = self.leverage.journal
        forms = [journal.promises[i].form for i in self.promise_ids if i in journal.promises]
        state = ", ".join(f"{forms.count(f)} {f}" for f in dict.fromkeys(forms))
        shown = f"The promises now: {state}." if state else "No promises in it, only the offer."
        self.query_one("#recap-state", Static).update(shown)

    def _current_text(self) -> str:
        return self.query_one("#recap-text", TextArea).text

    def action_copy(self) -> None:
        """Copy the (edited) recap to the clipboard."""
        if self.problem is None:
            self.app.copy_to_clipboard(self._current_text())
            self.notify("Recap copied: paste it into an email; once sent, ctrl+r")

    def action_save(self) -> None:
        """Ask where to save the (edited) recap; the core writes it (readable by you only)."""
        if self.problem is not None:
            return
        app = self.leverage
        text = self._current_text()

        def save(path: Path, replace: bool) -> Path:
            return write_private(path, text, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(str(path), title="Recap saved")

        name = f"recap-{self.conversation_id}-{app.today.isoformat()}.txt"
        plain = is_encrypted(app.journal_path)
        dialog = SaveDialog("Save the recap", save_dir() / name, save, plain_text=plain)
        app.push_screen(dialog, saved)

    def _mark(self, form: str, only_verbal: bool) -> None:
        journal = self.leverage.journal
        ids = [
            i
            for i in self.promise_ids
            if i in journal.promises and (journal.promises[i].form == "verbal" or not only_verbal)
        ]
        changed = self.leverage.change(lambda j: j.set_forms(ids, form))
        if changed is None:
            return
        shown = ", ".join(p.id for p in changed) or "nothing to change"
        self.notify(f"{form}: {shown}", title="Promises updated")
        self._show_state()

    def action_mark_sent(self) -> None:
        """The recap was sent: its verbal promises become recap-sent."""
        if self.problem is None:
            self._mark("recap-sent", only_verbal=True)

    def action_mark_written(self) -> None:
        """The other side confirmed in writing: the promises become written."""
        if self.problem is None:
            self._mark("written", only_verbal=False)

    def action_close(self) -> None:
        """Close the recap."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {
            "copy": self.action_copy,
            "save": self.action_save,
            "mark-sent": self.action_mark_sent,
            "mark-written": self.action_mark_written,
            "close": self.action_close,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()
