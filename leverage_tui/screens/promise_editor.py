"""PromiseEditor: add a promise (inside a conversation or on its own) or edit one."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input, Select, Static

from ..core.date_phrases import due_problem
from ..core.flags import find_hedge
from ..core.journal import promise_maker
from ..core.records import CATEGORIES, FORMS, STATUSES, Promise
from ..core.show import day_text
from ..core.visible import visible
from ..widgets.choice_bar import ChoiceBar
from ..widgets.date_field import DateField, show_date
from ..widgets.text_inputs import LineInput
from .editor_base import EditorScreen, choice_field, field_row

if TYPE_CHECKING:
    from ..app import LeverageApp

FORM_KEYS = ("v", "r", "w", "o")
FORM_MEANING = {
    "verbal": "verbal: only said; flagged unwritten until it is in writing",
    "recap-sent": "recap-sent: you wrote it up, not yet confirmed in writing",
    "written": "written: confirmed by email or letter",
    "official": "official: announced, on the org chart or in the contract",
}
"""What each form means, shown under the form picker for the chosen one."""
"""The letter that picks each form (verbal, recap-sent, written, official) in the editor."""


class NameSuggester(Suggester):
    """Completes the last name in a comma-separated list from the people in the journal."""

    def __init__(self, names: list[str]) -> None:
        """Suggest from `names`."""
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        """`value` with its last name completed, or None."""
        head, sep, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        for name in self.names:
            if name.casefold().startswith(typed.casefold()) and name != typed:
                lead = last[: len(last) - len(typed)]
                return f"{head}{sep}{lead}{name}"
        return None


def people_suggester(app: LeverageApp) -> NameSuggester:
    """A suggester over everyone in the app's journal."""
    return NameSuggester(sorted(p.name for p in app.journal.people.values()))


class PromiseEditor(EditorScreen):
    """A form for one promise; dismisses the promise's id, or None when cancelled."""

    def __init__(self, promise_id: str | None = None, conversation_id: str | None = None) -> None:
        """Edit promise `promise_id`, or add one (made in `conversation_id` when given)."""
        super().__init__()
        self.promise_id = promise_id
        self.conversation_id = conversation_id
        self.heading = "Edit promise" if promise_id else "Add a promise"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _existing(self) -> Promise | None:
        return self.leverage.journal.promise(self.promise_id) if self.promise_id else None

    def fields(self) -> ComposeResult:
        """Text, by, made on, due, form, category, (status), evidence."""
        journal = self.leverage.journal
        promise = self._existing()
        conv = None
        conv_id = promise.conversation if promise else self.conversation_id
        if conv_id and conv_id in journal.conversations:
            conv = journal.conversations[conv_id]
        if conv is not None:
            yield Static(
                visible(f"In: {day_text(conv.on)} · {', '.join(conv.people)} · {conv.summary}"),
                id="in-conversation",
                markup=False,
            )
        by = visible(promise.by if promise else promise_maker(conv))
        yield field_row(
            "Promise",
            LineInput(
                visible(promise.text) if promise else "",
                placeholder="what was promised, e.g. Announce me as Q1 planning lead",
                compact=True,
                id="text",
            ),
            "text",
        )
        suggest = people_suggester(self.leverage)
        yield field_row(
            "By",
            LineInput(by, placeholder="who promised it", compact=True, suggester=suggest, id="by"),
            "by",
        )
        if promise is None:
            made = conv.on if conv else self.leverage.today
            yield field_row(
                "Made on", DateField(made, compact=True, happened=True, id="made"), "made"
            )
        else:
            yield field_row(
                "Made on", Static(show_date(promise.made_on, self.leverage.today)), "made"
            )
        due = promise.due if promise and promise.due else ""
        yield field_row(
            "Due",
            DateField(
                due,
                allow_empty=True,
                compact=True,
                expect_future=True,
                id="due",
                placeholder="by when? e.g. fri, in 2 weeks, dec 1 (empty: no date)",
            ),
            "due",
        )
        yield field_row(
            "Form",
            ChoiceBar(FORMS, promise.form if promise else "verbal", hotkeys=FORM_KEYS, id="form"),
            "form",
            FORM_MEANING[promise.form if promise else "verbal"],
        )
        yield field_row(
            "Category",
            choice_field(CATEGORIES, promise.category if promise else "other", "category"),
            "category",
        )
        if promise is not None:
            yield field_row(
                "Status",
                choice_field(STATUSES, promise.status, "status"),
                "status",
            )
        yield field_row(
            "Evidence",
            LineInput(
                visible(promise.evidence) if promise else "",
                compact=True,
                id="evidence",
                placeholder="email subject, quote or file that proves it",
            ),
            "evidence",
        )

    def on_mount(self) -> None:
        """Start in the text field and show any hedge in the starting text."""
        text = self.query_one("#text", Input)
        text.focus()
        self._show_hedge(text.value)

    @on(ChoiceBar.Changed, "#form")
    def _form_changed(self, event: ChoiceBar.Changed) -> None:
        self.show_message("form", FORM_MEANING.get(event.value), error=False)

    @on(Input.Changed, "#text")
    def _text_changed(self, event: Input.Changed) -> None:
        self._show_hedge(event.value)

    def _show_hedge(self, text: str) -> None:
        app = self.leverage
        hedge = find_hedge(text, app.hedges, app.not_hedges) if text.strip() else None
        note = f'"{hedge}" is a hedge, not a commitment (flagged vague)' if hedge else None
        self.show_message("text", note, error=False)

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def problems(self) -> dict[str, str]:
        """What the journal would refuse (date fields show their own errors), and a due
        date before the promise was made."""
        names = ("text", "by", "evidence")
        found = self.field_errors("promise", {n: (n, self._value(n)) for n in names})
        promise = self._existing()
        made = promise.made_on if promise else self.query_one("#made", DateField).date
        problem = due_problem(self.query_one("#due", DateField).date, made)
        if problem:
            found["due"] = problem
        return found

    def save(self) -> str | None:
        """Add or update the promise through the app; its id, or None."""
        text, by, evidence = self._value("text"), self._value("by"), self._value("evidence")
        due = self.query_one("#due", DateField).date
        form = self.query_one("#form", ChoiceBar).value
        category = str(self.query_one("#category", Select).value)
        if self.promise_id is None:
            made = self.query_one("#made", DateField).date
            conv = self.conversation_id
            added = self.leverage.change(
                lambda j: j.add_promise(
                    text,
                    by,
                    made_on=made,
                    form=form,
                    evidence=evidence,
                    due=due,
                    category=category,
                    conversation=conv,
                )
            )
            return added.id if added else None
        pid = self.promise_id
        status = str(self.query_one("#status", Select).value)
        updated = self.leverage.change(
            lambda j: j.update_promise(
                pid,
                text=text,
                by=by,
                form=form,
                evidence=evidence,
                due=due,
                category=category,
                status=status,
            )
        )
        return updated.id if updated else None
