"""Decide on an offer from the Review (d): accept or decline, when, and why.

`decide_asking(app, offer_id)` runs the whole conversation: the dialog (accept or
decline, the day, the reason), then a confirmation that says what the decision will
change (the offer's status; on leaving, the old employer's pending promises no longer
expected), then, when accepting with other offers still open, whether to decline them
too. The decision is one change (ctrl+z undoes it); core/decisions.py makes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from ..core.decisions import decide, is_leaving, old_employer_promises, open_offers
from ..core.plural import counted, plural
from ..core.records import Offer
from ..core.show import offer_from
from ..core.visible import visible
from ..widgets.choice_bar import ChoiceBar
from ..widgets.date_field import DateField
from .confirm import ConfirmScreen
from .promise_dialog import FormDialog


@dataclass(frozen=True)
class DecideChoice:
    """What the user chose in the dialog."""

    accept: bool
    on: dt.date
    why: str


class DecideDialog(FormDialog[DecideChoice]):
    """Accept or decline one offer: the choice, the day, the reason."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="decide-dialog.cancel")]
    DEFAULT_CSS = """
    DecideDialog {
        & > Vertical { width: 72; }
        & .dialog-title { margin-bottom: 1; }
        & .dialog-buttons { margin-top: 1; }
    }
    """

    def __init__(self, offer: Offer, today: dt.date) -> None:
        """A dialog about `offer`."""
        super().__init__()
        self.offer = offer
        self.today = today

    def compose(self) -> ComposeResult:
        """The offer, the choice, the day, the reason, the buttons."""
        o = self.offer
        with Vertical():
            yield Static(
                f"Decide on {visible(offer_from(o))} ({o.id}): {visible(o.role)}",
                classes="dialog-title",
                markup=False,
            )
            yield ChoiceBar(["accept", "decline"], "accept", id="decide-choice")
            yield Label("On which day?")
            yield DateField("today", today=self.today, id="decide-on")
            yield Label("Why (a line, for the record)")
            yield Input(placeholder="e.g. the title and the team, in writing", id="decide-why")
            yield self.buttons("Decide")

    def on_mount(self) -> None:
        """Start on the choice."""
        self.query_one("#decide-choice", ChoiceBar).focus()

    def action_save(self) -> None:
        """Close with the choice, unless the day is not a date."""
        field = self.query_one("#decide-on", DateField)
        if not field.is_valid or field.date is None:
            field.focus()
            self.notify(field.error or "a date is needed", severity="warning")
            return
        accept = self.query_one("#decide-choice", ChoiceBar).value == "accept"
        why = self.query_one("#decide-why", Input).value
        self.dismiss(DecideChoice(accept, field.date, why))


def consequences(app: Any, offer: Offer, accept: bool) -> str:
    """What the decision will change, in words, for the confirmation."""
    verb = "Accept" if accept else "Decline"
    lines = [f"{verb} {visible(offer_from(offer))} ({offer.id})?"]
    if is_leaving(offer, accept):
        pending = len(old_employer_promises(app.journal))
        if pending:
            lines.append(
                f"You are leaving: {counted(pending, 'pending promise')} of your employer "
                "will be marked no longer expected (not broken)."
            )
    elif accept:
        lines.append("You are staying: Today will check on the counteroffer's promises.")
    lines.append("ctrl+z undoes it.")
    return "\n".join(lines)


def decide_asking(app: Any, offer_id: str) -> None:
    """Ask for the decision on offer `offer_id`, confirm it, and make it."""
    offer = app.journal.offers.get(offer_id)
    if offer is None:
        return
    if offer.status in ("accepted", "declined"):
        app.notify(f"The {app.journal.label(offer_id)} is already {offer.status}.", title="Decide")
        return

    def decided(choice: DecideChoice | None) -> None:
        if choice is None:
            return
        others = open_offers(app.journal, but=offer_id) if choice.accept else []

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            if not others:
                _make(app, offer_id, choice, False)
                return
            named = ", ".join(f"{o.id} {visible(o.company)}" for o in others[:4])
            question = f"Decline the other open {plural('offer', len(others))} too? ({named})"
            app.push_screen(
                ConfirmScreen(question, yes="Decline them", no="Keep them open"),
                lambda decline: _make(app, offer_id, choice, bool(decline)),
            )

        yes = "Accept" if choice.accept else "Decline"
        question = consequences(app, offer, choice.accept)
        app.push_screen(ConfirmScreen(question, yes=yes, no="Cancel"), confirmed)

    app.push_screen(DecideDialog(offer, app.today), decided)


def _make(app: Any, offer_id: str, choice: DecideChoice, decline_others: bool) -> None:
    result = app.change(
        lambda j: decide(
            j,
            offer_id,
            accept=choice.accept,
            on=choice.on,
            why=choice.why,
            decline_others=decline_others,
        )
    )
    if result is None:
        return
    done = ", ".join(f"{app.journal.label(d.offer)} {d.choice}" for d in result.decisions)
    released = (
        f"; {counted(len(result.released), 'promise')} no longer expected"
        if result.released
        else ""
    )
    app.notify(f"{done}{released} (ctrl+z undoes)", title="Decided")
