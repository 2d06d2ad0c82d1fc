"""OfferMessageScreen: a drafted message about an offer, one key away from the Review.

Two messages (core/offer_messages.py): ask the employer to put the counteroffer in
writing (`in-writing`), or ask the outside company for more time before its deadline
(`more-time`). The text is editable; ctrl+o copies it, ctrl+s asks where to save it
(the core writes the file, readable by you only), escape closes. The same pattern as
the recap (screens/recap.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..core.checks import InputError
from ..core.journal_file import is_encrypted
from ..core.offer_messages import more_time, offer_in_writing, people_for_offer
from ..core.paths import save_dir
from ..core.records import Offer
from ..core.safe_files import write_private
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp

MessageKind = Literal["in-writing", "more-time"]
"""Which message: the counteroffer in writing, or more time to decide."""
TITLES: dict[str, str] = {
    "in-writing": "Ask for it in writing",
    "more-time": "Ask for more time",
}


class OfferMessageScreen(ModalScreen[None]):
    """One drafted message about one offer, to copy or save."""

    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", id="offer-message.copy"),
        Binding("ctrl+s", "save", "Save", id="offer-message.save"),
        Binding("escape", "close", "Close", id="offer-message.close"),
    ]
    DEFAULT_CSS = """
    OfferMessageScreen { align: center middle; }
    OfferMessageScreen > Vertical {
        width: 96; max-width: 100%; height: 100%; max-height: 32;
        border: thick $primary 60%; background: $surface; padding: 0 1;
    }
    OfferMessageScreen > Vertical.-nothing { height: auto; }
    OfferMessageScreen #offer-message-about { color: $text-muted; }
    OfferMessageScreen TextArea { height: 1fr; min-height: 4; margin-top: 1; }
    OfferMessageScreen #offer-message-buttons {
        height: 1; margin-top: 1; align-horizontal: right;
    }
    OfferMessageScreen Button { width: auto; min-width: 0; margin-left: 2; }
    """

    def __init__(self, offer_id: str, kind: MessageKind) -> None:
        """The `kind` message about offer `offer_id`."""
        super().__init__()
        self.offer_id = offer_id
        self.kind = kind
        self.text = ""
        self.problem: str | None = None

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _draft(self) -> str:
        """The message's text; InputError when there is nothing to ask for."""
        app = self.leverage
        offer = app.journal.get(self.offer_id, "offer")
        assert isinstance(offer, Offer)
        to = people_for_offer(app.journal, offer)
        name = app.config.name
        if self.kind == "in-writing":
            return offer_in_writing(offer, name, app.today, to=to, hedges=app.hedges).text
        return more_time(offer, name, app.today, to=to).text

    def compose(self) -> ComposeResult:
        """What the message is about, its text, and the buttons."""
        try:
            self.text = self._draft()
        except InputError as err:
            self.problem = str(err)
        with Vertical(classes="-nothing" if self.problem else "") as frame:
            frame.border_title = TITLES[self.kind]
            if self.problem is not None:
                yield Static(self.problem, id="offer-message-about", markup=False)
            else:
                offer = self.leverage.journal.offers[self.offer_id]
                what = "counteroffer" if offer.counter else "offer"
                about = (
                    f"About the {what} from {offer.company} ({offer.id}). Edit it, then copy "
                    "or save it and send it yourself: nothing leaves this machine."
                )
                yield Static(about, id="offer-message-about", markup=False)
                yield TextArea(self.text, soft_wrap=True, id="offer-message-text")
            with Horizontal(id="offer-message-buttons"):
                if self.problem is None:
                    yield Button("Copy ^o", id="copy", compact=True)
                    yield Button("Save ^s", id="save", compact=True)
                yield Button("Close", id="close", compact=True)

    def on_mount(self) -> None:
        """Focus the first button."""
        self.query_one("#copy" if self.problem is None else "#close", Button).focus()

    def _current_text(self) -> str:
        return self.query_one("#offer-message-text", TextArea).text

    def action_copy(self) -> None:
        """Copy the (edited) message to the clipboard."""
        if self.problem is None:
            self.app.copy_to_clipboard(self._current_text())
            self.notify("Message copied: paste it into an email")

    def action_save(self) -> None:
        """Ask where to save the (edited) message; the core writes it (yours only)."""
        if self.problem is not None:
            return
        app = self.leverage
        text = self._current_text()

        def save(path: Path, replace: bool) -> Path:
            return write_private(path, text, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(str(path), title="Message saved")

        name = f"{self.kind}-{self.offer_id}-{app.today.isoformat()}.txt"
        plain = is_encrypted(app.journal_path)
        dialog = SaveDialog("Save the message", save_dir() / name, save, plain_text=plain)
        app.push_screen(dialog, saved)

    def action_close(self) -> None:
        """Close the message."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        actions = {"copy": self.action_copy, "save": self.action_save, "close": self.action_close}
        action = actions.get(event.button.id or "")
        if action is not None:
            action()
