"""Capture: after a meeting, guided, and saved as one undoable change.

Five steps: the meeting (who, when, how, a summary), then promise by promise (the words
as said, with the hedge check live as you type; by whom; by when in natural dates; the
form, verbal unless said otherwise, written asking for the evidence; the category),
then which of your asks came up, then any offer discussed, then a last look and Save.
Enter moves to the next field; on a promise's last field it starts another promise,
and Enter on empty words ends the promises. PgDn (or ctrl+n) and PgUp (or ctrl+b, which
tmux keeps for itself) go a step forward and back; ctrl+s saves from any step, and the
recap of what was just captured follows. Esc asks before throwing away anything typed.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Input, Select, Static

from ..core.capture import capture
from ..core.dates import DateError
from ..core.plural import counted
from ..core.records import PRIORITIES
from ..widgets.choice_bar import ChoiceBar
from ..widgets.date_field import DateField
from .capture_form import CaptureForm, inside
from .capture_parts import (
    ASK_CHOICES,
    Draft,
    DraftPromise,
    QuickBar,
    review_text,
    said_lines,
    to_capture,
)
from .confirm import ConfirmScreen

STEPS = ("meeting", "promise", "asks", "offer", "save")
"""The steps, in order."""
STEP_NAMES = ("Meeting", "Promises", "Asks", "Offer", "Save")
"""How the step line names them."""


class CaptureScreen(CaptureForm):
    """The guided capture of one meeting."""

    SUB_TITLE = "Capture"
    BINDINGS = [
        Binding("pagedown", "next", "Next step", id="capture.next", priority=True),
        Binding("ctrl+n", "next", "Next step", id="capture.next-n", show=False),
        Binding("pageup", "back", "Back", id="capture.back", priority=True),
        Binding("ctrl+b", "back", "Back", id="capture.back-b", show=False),  # tmux keeps ^b
        Binding("ctrl+s", "save", "Save", id="capture.save"),
        Binding("escape", "leave", "Leave", id="capture.leave"),
        Binding("enter", "advance", "Next field", id="capture.advance", show=False),
    ]

    def on_mount(self) -> None:
        """Start a fresh capture with the defaults."""
        self.reset()

    def on_screen_resume(self) -> None:
        """A capture with nothing typed yet takes the newest defaults (the last prep)."""
        if not self.typed():
            self.reset()

    def typed(self) -> bool:
        """True when something was typed that leaving would throw away."""
        self._collect()
        on_show = self.step == "promise" and not self._typed_promise().blank
        return on_show or self.draft.typed(self.defaults)

    def fresh_defaults(self) -> Draft:
        """Who and when by default: the person of the last prep, today."""
        app = self.leverage
        person = app.last_prep_person if app.last_prep_person else ""
        return Draft(people=person, when="today", channel="one-on-one")

    def reset(self) -> None:
        """Throw the draft away and start again from the defaults."""
        self.defaults = self.fresh_defaults()
        self.draft = self.fresh_defaults()
        self.pidx = 0
        self._load_meeting()
        self._load_promise(DraftPromise())
        self._show("meeting")
        self._focus("c-summary" if self.draft.people else "c-people")

    def _show(self, step: str) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = step
        line = []
        for name, label in zip(STEPS, STEP_NAMES, strict=True):
            if name == "promise":
                label += f" ({sum(not p.blank for p in self.draft.promises)})"
            line.append(f"[reverse bold] {label} [/]" if name == step else f" {label} ")
        self.query_one("#cap-steps", Static).update(" › ".join(line))
        keys = {
            "meeting": "⏎ next field · PgDn next step · esc leave",
            "promise": "⏎ next field; after the last, another promise · ⏎ on empty words: done",
            "asks": "a key per ask: n not raised, r raised, 1-9 answered by that promise",
            "offer": "n none, a a new one, h one you have; a key picks and moves on",
            "save": "ctrl+s saves it all as one change (ctrl+z undoes it all), then the recap",
        }
        self.query_one("#cap-keys", Static).update(keys[step])
        self.query_one("#back", Button).disabled = step == "meeting"
        self.query_one("#next", Button).display = step != "save"

    async def action_next(self) -> None:
        """The next step (the step on show checked first)."""
        self._collect()
        if self.step == "meeting":
            if self._check_meeting():
                self._enter_promises()
        elif self.step == "promise":
            if self._keep_promise():
                await self._enter_asks()
        elif self.step == "asks":
            self._enter_offer()
        elif self.step == "offer":
            if self._check_offer():
                self._enter_save()
        else:
            await self.action_save()

    async def action_back(self) -> None:
        """The step before (on a promise: the promise before)."""
        self._collect()
        if self.step == "promise":
            if self.pidx > 0 and self._keep_promise():
                self.pidx -= 1
                self._load_promise(self.draft.promises[self.pidx])
                self._focus("p-text")
                return
            self._show("meeting")
            self._focus("c-summary")
        elif self.step == "asks":
            self._enter_promises()
        elif self.step == "offer":
            await self._enter_asks()
        elif self.step == "save":
            self._enter_offer()

    def _keep_promise(self) -> bool:
        """Keep the promise on show in the draft (a blank new one is dropped)."""
        typed, promises = self._typed_promise(), self.draft.promises
        if typed.blank:
            if self.pidx < len(promises):
                del promises[self.pidx]
            return True
        if not self._check_promise(typed):
            return False
        if self.pidx < len(promises):
            promises[self.pidx] = typed
        else:
            promises.append(typed)
        return True

    def _enter_promises(self) -> None:
        self.pidx = len(self.draft.promises)
        self._show("promise")
        self._load_promise(DraftPromise())
        self._focus("p-text")

    def _another_promise(self) -> None:
        if self._keep_promise():
            self._enter_promises()

    async def _enter_asks(self) -> None:
        self._show("asks")
        journal = self.leverage.journal
        rank = {p: i for i, p in enumerate(PRIORITIES)}
        asks = sorted(
            (a for a in journal.asks.values() if a.status == "open"),
            key=lambda a: (rank[a.priority], int(a.id[1:])),
        )
        count = sum(not p.blank for p in self.draft.promises)
        intro = self.query_one("#c-asks-intro", Static)
        intro.update(
            "Which of your asks came up? One key each: n not raised, r raised, or the number "
            "of the promise that answers it."
            if asks
            else "You have no open ask: nothing to mark here (add asks from Review)."
        )
        app = self.leverage
        said = said_lines(self.draft.promises, app.today, app.config.hedges, app.config.not_hedges)
        self.query_one("#c-asks-said", Static).update(said)
        rows = self.query_one("#ask-rows", Vertical)
        await rows.remove_children()
        options = (*ASK_CHOICES, *(f"#{n}" for n in range(1, min(count, 9) + 1)))
        keys = ("n", "r", *(str(n) for n in range(1, min(count, 9) + 1)))
        bars: list[Widget] = []
        for a in asks:
            value = self.draft.asks.get(a.id, "not raised")
            chosen = value if value in options else "not raised"
            bar = QuickBar(options, chosen, hotkeys=keys, id=f"ask-{a.id}")
            text = Static(f"{a.id} · {a.priority} · {a.text}", classes="ask-text", markup=False)
            bars.append(Vertical(text, bar, classes="field-row"))
        await rows.mount_all(bars)
        if asks:
            self._focus(f"ask-{asks[0].id}")
        else:
            self.query_one("#next", Button).focus()

    def _enter_offer(self) -> None:
        self._show("offer")
        journal, d = self.leverage.journal, self.draft
        offers = [o for o in journal.offers.values() if o.status == "open"]
        select = self.query_one("#o-id", Select)
        select.set_options((f"{o.id} {o.company}: {o.role}", o.id) for o in offers)
        if d.offer_id in {o.id for o in offers}:
            select.value = d.offer_id
        if not d.new_offer.company and journal.current_job is not None:
            d.new_offer.company = journal.current_job.company
        o = d.new_offer
        self.query_one("#o-kind", ChoiceBar).value = d.offer
        self.query_one("#o-counter", ChoiceBar).value = (
            "counteroffer" if o.counter else "outside offer"
        )
        self.query_one("#o-written", ChoiceBar).value = "written" if o.written else "verbal"
        for name, value in (("o-company", o.company), ("o-role", o.role), ("o-base", o.base),
                            ("o-bonus", o.bonus), ("o-terms", o.terms)):  # fmt: skip
            self._set(name, value)
        self.query_one("#o-deadline", DateField).value = o.deadline
        self._show_offer_fields(d.offer)
        self._focus("o-kind")

    def _enter_save(self) -> None:
        self._show("save")
        review = self.query_one("#c-review", Static)
        try:
            built = to_capture(self.draft, self.leverage.today)
        except DateError as err:
            review.update(f"A date is not right: {err}")
            return
        asks = {a.id: a.text for a in self.leverage.journal.asks.values()}
        review.update(review_text(self.draft, built, asks, self.leverage.today))
        self.query_one("#save-button", Button).focus()

    async def action_advance(self) -> None:
        """Enter on a field that does not take it (a choice bar): the next field."""
        focused = self.focused
        if focused is not None:
            await self._advance(focused)

    async def _advance(self, widget: Widget) -> None:
        order = self._order()
        name = next((n for n in order if widget.id == n or inside(widget, n)), None)
        if self.step == "promise" and name == "p-text" and not self._value("p-text").strip():
            await self.action_next()  # empty words: no more promises
        elif self.step == "promise" and name == order[-1]:
            self._another_promise()
        elif name is None or name == order[-1]:
            await self.action_next()
        else:
            self._focus(order[order.index(name) + 1])

    @on(QuickBar.Picked)
    async def _picked(self, event: QuickBar.Picked) -> None:
        """One key picked a choice: on to the next field."""
        event.stop()
        await self._advance(event.bar)

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self._advance(event.input)

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        actions = {"back": self.action_back, "next": self.action_next,
                   "save-button": self.action_save}  # fmt: skip
        action = actions.get(event.button.id or "")
        if action is not None:
            await action()

    async def action_save(self) -> None:
        """Save everything as one change, then offer the recap of it."""
        self._collect()
        if self.step == "promise" and not self._keep_promise():
            return
        if self.step == "offer" and not self._check_offer():
            return
        if not self._check_meeting():
            self._show("meeting")
            self._load_meeting()
            self._check_meeting()
            return
        try:
            built = to_capture(self.draft, self.leverage.today)
        except DateError as err:
            self.notify(str(err), title="Not saved", severity="warning")
            return
        app = self.leverage
        done: Any = app.change(lambda j: capture(j, built))
        if done is None:
            return
        cid = done.conversation.id
        parts = [counted(len(done.promises), "promise")]
        if done.offer is not None:
            parts.append(app.journal.label(done.offer.id))
        what = app.journal.label(cid)
        self.notify(f"Captured the {what} with {' and '.join(parts)} · ctrl+z undoes all of it",
                    title="Capture")  # fmt: skip
        self.reset()
        from .recap import RecapScreen

        app.push_screen(RecapScreen(cid), lambda _: app.action_show("today"))

    def action_leave(self) -> None:
        """Leave the capture: after asking, when something typed would be lost."""
        app = self.leverage
        if not self.typed():
            self.reset()
            app.action_show("today")
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.reset()
                app.action_show("today")

        question = "Leave this capture? What you typed so far will be lost."
        app.push_screen(ConfirmScreen(question, yes="Discard", no="Keep editing"), answer)
