"""RecapScreen: a ready-to-send recap of a conversation's verbal promises.

The text is editable. ctrl+o copies it to the clipboard; ctrl+s asks where to save it
(the core writes the file, readable by you only); once sent, ctrl+r records it sent
(`Journal.mark_recap_sent`: verbal promises move to recap-sent, those asked again start
their wait over); when the other side confirms in writing, ctrl+t makes them written.
Escape closes. (Control keys, so that typing in the text never triggers them; each is
also a button.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..core.checks import InputError
from ..core.journal_file import is_encrypted
from ..core.offer_messages import offers_discussed
from ..core.paths import save_dir
from ..core.recap import recap_for
from ..core.safe_files import write_private
from ..core.show import day_text, names
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

    NOUN = "Recap"
    """What the message is called in notices."""
    MARKS = True
    """Whether the message covers promises to mark sent or confirmed (ctrl+r, ctrl+t)."""

    def __init__(self, conversation_id: str) -> None:
        """The recap of conversation `conversation_id`."""
        super().__init__()
        self.conversation_id = conversation_id
        self.promise_ids: list[str] = []
        self.covered: list[str] = []
        self.text = ""
        self.problem: str | None = None
        self.frame_title = "Recap: get it in writing"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def write(self) -> tuple[str, str]:
        """(the message, a line on what it covers); InputError when there is nothing to
        write. Sets the promises it covers."""
        journal, config = self.leverage.journal, self.leverage.config
        recap = recap_for(
            journal,
            self.conversation_id,
            today=self.leverage.today,
            hedges=config.hedges,
            user_name=config.name,
            offers=offers_discussed(journal, self.conversation_id),
            wait_days=config.recap_wait_days,
            not_hedges=config.not_hedges,
        )
        self.promise_ids = list(recap.promises)
        self.covered = [*recap.promises, *recap.offers]
        conv = journal.conversation(self.conversation_id)
        about = (
            f"{day_text(conv.on)} with {', '.join(conv.people)}: {conv.summary} · "
            f"covers {names(journal, self.covered)}. Edit it, send it, then mark it sent."
        )
        return recap.text, about

    def file_name(self) -> str:
        """The name a saved copy gets."""
        return f"recap-{self.conversation_id}-{self.leverage.today.isoformat()}.txt"

    def compose(self) -> ComposeResult:
        """What the message covers, the text, where the promises stand, and the buttons."""
        about = ""
        try:
            self.text, about = self.write()
        except InputError as err:
            self.problem = str(err)
        with Vertical(classes="-nothing" if self.problem else "") as frame:
            frame.border_title = self.frame_title
            if self.problem is not None:
                yield Static(visible(self.problem), id="recap-about", markup=False)
            else:
                yield Static(visible(about), id="recap-about", markup=False)
                # what is sent is what is shown: control characters stay escaped
                yield TextArea(visible(self.text, multiline=True), soft_wrap=True, id="recap-text")
                yield Static("", id="recap-state", markup=False)
            with Horizontal(id="recap-buttons"):
                if self.problem is None:
                    yield Button("Copy ^o", id="copy", compact=True)
                    yield Button("Save ^s", id="save", compact=True)
                    if self.MARKS:
                        yield Button(
                            "Mark sent ^r", id="mark-sent", variant="primary", compact=True
                        )
                        yield Button("Confirmed ^t", id="mark-written", compact=True)
                yield Button("Close", id="close", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Marking is for a recap's promises only."""
        return self.MARKS or action not in ("mark_sent", "mark_written")

    def on_mount(self) -> None:
        """Show where the promises stand; focus the first button."""
        self._show_state()
        self.query_one("#copy" if self.problem is None else "#close", Button).focus()

    def _show_state(self) -> None:
        if self.problem is not None or not self.MARKS:
            return
        journal = self.leverage.journal
        forms = [journal.promises[i].form for i in self.promise_ids if i in journal.promises]
        state = ", ".join(f"{forms.count(f)} {f}" for f in dict.fromkeys(forms))
        shown = f"The promises now: {state}." if state else "No promises in it, only the offer."
        self.query_one("#recap-state", Static).update(shown)

    def _current_text(self) -> str:
        return self.query_one("#recap-text", TextArea).text

    def can_ask_terminal(self) -> bool:
        """Whether there is a terminal to ask to copy (not in a headless run)."""
        return self.app._driver is not None and not self.app.is_headless

    def action_copy(self) -> None:
        """Ask the terminal to copy the (edited) message; say that it may not (the app
        cannot know: tmux, for one, drops the request unless told to pass it on)."""
        if self.problem is not None:
            return
        self.app.copy_to_clipboard(self._current_text())  # the app's own copy, at least
        if not self.can_ask_terminal():
            self.notify(
                f"This terminal cannot be asked to copy. Save the {self.NOUN.lower()} "
                "with ctrl+s instead.",
                title="Not copied",
                severity="warning",
            )
            return
        within = (
            " (tmux and screen often drop it)"
            if os.environ.get("TMUX") or os.environ.get("STY")
            else ""
        )
        then = "; once sent, ctrl+r" if self.MARKS else ""
        self.notify(
            f"Asked the terminal to copy the {self.NOUN.lower()}: whether it can depends on "
            f"the terminal{within}. If pasting gives nothing, save it with ctrl+s{then}.",
            title="Copy",
            timeout=8,
        )

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

        name = self.file_name()
        plain = is_encrypted(app.journal_path)
        dialog = SaveDialog("Save the recap", save_dir() / name, save, plain_text=plain)
        app.push_screen(dialog, saved)

    def action_mark_sent(self) -> None:
        """The recap was sent: its verbal promises become recap-sent, and those asked
        again start their wait over (`Journal.mark_recap_sent`, as `recap --mark-sent`)."""
        if self.problem is not None:
            return
        journal = self.leverage.journal
        ids = [i for i in self.promise_ids if i in journal.promises]
        verbal = {i for i in ids if journal.promises[i].form == "verbal"}
        changed = self.leverage.change(lambda j: j.mark_recap_sent(ids))
        if changed is None:
            return
        moved = [p.id for p in changed if p.id in verbal]
        again = [p.id for p in changed if p.id not in verbal]
        parts = [f"recap sent: {names(journal, moved)}"] if moved else []
        parts += [f"sent again: {names(journal, again)}"] if again else []
        shown = "; ".join(parts) or "nothing to change: already marked sent today"
        self.notify(shown, title="Promises updated")
        self._show_state()

    def action_mark_written(self) -> None:
        """The other side confirmed in writing: the promises become written."""
        if self.problem is not None:
            return
        journal = self.leverage.journal
        ids = [i for i in self.promise_ids if i in journal.promises]
        changed = self.leverage.change(lambda j: j.set_forms(ids, "written"))
        if changed is None:
            return
        shown = names(journal, [p.id for p in changed]) if changed else "nothing to change"
        self.notify(f"in writing now: {shown}", title="Promises updated")
        self._show_state()

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
