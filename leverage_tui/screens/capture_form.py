"""The Capture screen's form: its five panes, the draft they fill, and their checks.

`CaptureForm` lays out the panes (the meeting; a promise; the asks, filled per visit;
the offer; the last look), reads what is typed into its `Draft` and back, shows the
live hedge check and the messages under fields, and checks a pane before it is left.
How the steps follow each other, Save and Esc are in capture.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Header, Input, Select, Static

from ..core.checks import InputError, clean
from ..core.records import CATEGORIES, CHANNELS, FORMS
from ..core.registry import KINDS
from ..widgets.choice_bar import ChoiceBar
from ..widgets.date_field import DateField
from ..widgets.footer import Footer
from ..widgets.text_inputs import FieldNote, LineInput
from .capture_parts import (
    CHANNEL_KEYS,
    FORM_KEYS,
    OFFER_CHOICES,
    Draft,
    DraftPromise,
    QuickBar,
    WordBar,
    hedge_note,
    said_lines,
)
from .conversation_editor import split_names
from .editor_base import field_row
from .prepare import meeting_person
from .promise_editor import FORM_MEANING, NameSuggester

if TYPE_CHECKING:
    from ..app import LeverageApp

OFFER_FIELDS = (
    "o-counter", "o-company", "o-role", "o-base", "o-bonus", "o-deadline", "o-written", "o-terms"
)  # fmt: skip
"""The fields of a new offer, in the order Enter goes through them."""


class CaptureForm(Screen[None]):
    """The form of the Capture screen (see the module docstring)."""

    DEFAULT_CSS = """
    CaptureForm #cap-steps { height: 1; padding: 0 1; background: $boost; }
    CaptureForm ContentSwitcher { height: 1fr; }
    CaptureForm ContentSwitcher > VerticalScroll { padding: 1 1 0 1; }
    CaptureForm .field-row { height: auto; margin-bottom: 1; }
    CaptureForm .field-label { width: 11; color: $text-muted; text-style: bold; }
    CaptureForm .field-box { height: auto; width: 1fr; }
    CaptureForm .field-message { color: $text-muted; padding: 0 1; }
    CaptureForm .field-message.-error { color: $text-error; }
    CaptureForm .field-message.-hedge { color: $text-warning; }
    CaptureForm .field-message.-firm { color: $text-success; }
    CaptureForm .intro { color: $text-muted; margin-bottom: 1; }
    CaptureForm #c-said { height: auto; max-height: 5; margin-bottom: 1; }
    CaptureForm #c-asks-said { height: auto; margin-bottom: 1; }
    CaptureForm #c-promise-title { text-style: bold; margin-bottom: 1; }
    CaptureForm .ask-text { color: $text; }
    CaptureForm #cap-buttons { height: 1; padding: 0 1; }
    CaptureForm #cap-keys { width: 1fr; color: $text-muted; }
    CaptureForm #cap-buttons Button { margin-left: 2; min-width: 8; }
    """

    def __init__(self) -> None:
        """An empty capture; the defaults are filled in when it is shown."""
        super().__init__()
        self.draft = Draft()
        self.defaults = Draft()
        self.step = "meeting"
        self.pidx = 0
        """Which promise the promise step shows (len(promises): a new one)."""

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """The step line, the five panes, the buttons."""
        yield Header()
        yield Static(id="cap-steps")
        with ContentSwitcher(initial="meeting"):
            with VerticalScroll(id="meeting"):
                yield from self._meeting_fields()
            with VerticalScroll(id="promise"):
                yield from self._promise_fields()
            with VerticalScroll(id="asks"):
                yield Static("", classes="intro", id="c-asks-intro", markup=False)
                yield Static("", id="c-asks-said")
                yield Vertical(id="ask-rows")
            with VerticalScroll(id="offer"):
                yield from self._offer_fields()
            with VerticalScroll(id="save"):
                yield Static("", id="c-review")
        with Horizontal(id="cap-buttons"):
            yield Static("", id="cap-keys", markup=False)
            yield Button("‹ Back", id="back", compact=True)
            yield Button("Next ›", id="next", compact=True)
            yield Button("Save", id="save-button", variant="primary", compact=True)
        yield Footer()

    def _meeting_fields(self) -> ComposeResult:
        names = sorted(p.name for p in self.leverage.journal.people.values())
        yield field_row(
            "With",
            LineInput(
                placeholder="who was there: names, separated by commas",
                compact=True,
                suggester=NameSuggester(names),
                id="c-people",
            ),  # fmt: skip
            "c-people",
        )
        yield field_row(
            "When",
            DateField(
                "today",
                compact=True,
                id="c-when",
                placeholder="today, yesterday, mon 14:30, nov 20",
            ),  # fmt: skip
            "c-when",
        )
        yield field_row(
            "How", WordBar(CHANNELS, "one-on-one", hotkeys=CHANNEL_KEYS, id="c-channel"),
            "c-channel",
        )  # fmt: skip
        yield field_row(
            "Summary",
            LineInput(placeholder="one line: what was it about?", compact=True, id="c-summary"),
            "c-summary",
        )

    def _promise_fields(self) -> ComposeResult:
        yield Static("", id="c-said")
        yield Static("", id="c-promise-title", markup=False)
        yield field_row(
            "Words",
            LineInput(
                placeholder="as said, e.g. I'll announce it at Friday's all-hands",
                compact=True,
                id="p-text",
            ),  # fmt: skip
            "p-text",
        )
        yield field_row("By", LineInput(placeholder="who said it", compact=True, id="p-by"), "p-by")
        yield field_row(
            "By when",
            DateField(
                "",
                allow_empty=True,
                compact=True,
                expect_future=True,
                id="p-due",
                placeholder="fri, in 2 weeks, dec 1 (empty: no date)",
            ),  # fmt: skip
            "p-due",
        )
        yield field_row(
            "Form", QuickBar(FORMS, "verbal", hotkeys=FORM_KEYS, id="p-form"), "p-form",
            FORM_MEANING["verbal"],
        )  # fmt: skip
        row = field_row(
            "Evidence",
            LineInput(
                placeholder="the email subject, letter or file that has it in writing",
                compact=True,
                id="p-evidence",
            ),  # fmt: skip
            "p-evidence",
        )
        row.id = "p-evidence-row"
        row.display = False
        yield row
        yield field_row(
            "About",
            WordBar(CATEGORIES, "other", hotkeys=[c[0] for c in CATEGORIES], id="p-category"),
            "p-category",
        )

    def _offer_fields(self) -> ComposeResult:
        yield Static("Did an offer come up: a counteroffer, or one from outside?", classes="intro")
        yield field_row(
            "Offer", QuickBar(OFFER_CHOICES, "none", hotkeys=("n", "a", "h"), id="o-kind"),
            "o-kind",
        )  # fmt: skip
        with Vertical(id="o-existing"):
            yield field_row("Which", Select([], compact=True, id="o-id"), "o-id")
        with Vertical(id="o-new"):
            kinds = ("counteroffer", "outside offer")
            yield field_row(
                "Kind", QuickBar(kinds, hotkeys=("c", "o"), id="o-counter"), "o-counter"
            )
            for name, label, hint in (
                ("o-company", "Company", "the employer"),
                ("o-role", "Role", "the title offered"),
                ("o-base", "Base pay", "a year, e.g. 135000 or 135k"),
                ("o-bonus", "Bonus", "a year"),
            ):
                yield field_row(label, LineInput(placeholder=hint, compact=True, id=name), name)
            yield field_row(
                "Decide by", DateField("", allow_empty=True, compact=True, id="o-deadline"),
                "o-deadline",
            )  # fmt: skip
            yield field_row(
                "In writing",
                QuickBar(("verbal", "written"), hotkeys=("v", "w"), id="o-written"),
                "o-written",
            )
            yield field_row(
                "Terms", LineInput(placeholder="title change, start date...", compact=True,
                               id="o-terms"), "o-terms",
            )  # fmt: skip

    def _focus(self, name: str) -> None:
        self.query_one(f"#{name}").focus()

    def _message(self, name: str, text: str | None, kind: str = "-error") -> None:
        line = self.query_one(f"#{name}-message", Static)
        line.update(text or "")
        for cls in ("-error", "-hedge", "-firm"):
            line.set_class(cls == kind, cls)
        line.display = bool(text)

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _set(self, name: str, value: str) -> None:
        self.query_one(f"#{name}", Input).value = value

    def _load_meeting(self) -> None:
        d = self.draft
        self._set("c-people", d.people)
        self.query_one("#c-when", DateField).value = d.when
        self.query_one("#c-channel", ChoiceBar).value = d.channel
        self._set("c-summary", d.summary)
        for name in ("c-people", "c-when", "c-summary"):
            self._message(name, None)

    def _collect(self) -> None:
        """Read the pane on show into the draft."""
        d = self.draft
        if self.step == "meeting":
            d.people, d.summary = self._value("c-people"), self._value("c-summary")
            d.when = self.query_one("#c-when", DateField).value
            d.channel = self.query_one("#c-channel", ChoiceBar).value
        elif self.step == "promise":
            typed = self._typed_promise()
            if self.pidx < len(d.promises):
                d.promises[self.pidx] = typed
        elif self.step == "asks":
            for bar in self.query("#ask-rows ChoiceBar").results(ChoiceBar):
                d.asks[(bar.id or "").removeprefix("ask-")] = bar.value
        elif self.step == "offer":
            d.offer = self.query_one("#o-kind", ChoiceBar).value
            chosen = self.query_one("#o-id", Select).value
            d.offer_id = None if chosen is Select.NULL else str(chosen)
            o = d.new_offer
            o.counter = self.query_one("#o-counter", ChoiceBar).value == "counteroffer"
            o.written = self.query_one("#o-written", ChoiceBar).value == "written"
            o.company, o.role = self._value("o-company"), self._value("o-role")
            o.base, o.bonus = self._value("o-base"), self._value("o-bonus")
            o.deadline = self.query_one("#o-deadline", DateField).value
            o.terms = self._value("o-terms")

    def _typed_promise(self) -> DraftPromise:
        return DraftPromise(
            text=self._value("p-text"),
            by=self._value("p-by"),
            due=self.query_one("#p-due", DateField).value,
            form=self.query_one("#p-form", ChoiceBar).value,
            evidence=self._value("p-evidence"),
            category=self.query_one("#p-category", ChoiceBar).value,
        )

    def _load_promise(self, p: DraftPromise) -> None:
        self._set("p-text", p.text)
        self._set("p-by", p.by or self._default_by())
        self.query_one("#p-due", DateField).value = p.due
        self.query_one("#p-form", ChoiceBar).value = p.form
        self._set("p-evidence", p.evidence)
        self.query_one("#p-category", ChoiceBar).value = p.category
        for name in ("p-by", "p-due"):
            self._message(name, None)
        self._show_hedge(p.text)
        app = self.leverage
        said = self.query_one("#c-said", Static)
        said.update(
            said_lines(self.draft.promises, app.today, app.config.hedges, app.config.not_hedges)
        )
        said.display = any(not p.blank for p in self.draft.promises)
        n = self.pidx + 1
        title = f"Promise #{n}: what did they say, in their words?"
        if self.pidx == len(self.draft.promises) and self.pidx:
            title += " (⏎ on empty words: done)"
        self.query_one("#c-promise-title", Static).update(title)
        people = split_names(self.draft.people)
        known = [p.name for p in app.journal.people.values() if p.name not in people]
        self.query_one("#p-by", Input).suggester = NameSuggester(people + sorted(known))

    def _default_by(self) -> str:
        people = split_names(self.draft.people)
        return meeting_person(self.leverage, tuple(people)) if people else ""

    def _show_hedge(self, text: str) -> None:
        config = self.leverage.config
        note, hedged = hedge_note(text, config.hedges, config.not_hedges)
        self._message("p-text", note, "-hedge" if hedged else "-firm")

    @on(FieldNote)
    def _field_note(self, event: FieldNote) -> None:
        """A paste joined (said) or refused (said why), as in the editors."""
        self.notify(event.text, title="Paste", severity="warning" if event.error else "information")

    @on(Input.Changed, "#p-text")
    def _words_changed(self, event: Input.Changed) -> None:
        self._show_hedge(event.value)

    @on(Input.Changed, "#o-terms")
    def _terms_changed(self, event: Input.Changed) -> None:
        """A hedge in the offer's terms is named as they are typed, like a promise's."""
        config = self.leverage.config
        note, hedged = hedge_note(event.value, config.hedges, config.not_hedges)
        self._message("o-terms", note if hedged else None, "-hedge")

    @on(ChoiceBar.Changed, "#p-form")
    def _form_changed(self, event: ChoiceBar.Changed) -> None:
        self._message("p-form", FORM_MEANING.get(event.value), "")
        self.query_one("#p-evidence-row").display = event.value in ("written", "official")

    @on(ChoiceBar.Changed, "#o-kind")
    def _offer_kind_changed(self, event: ChoiceBar.Changed) -> None:
        self._show_offer_fields(event.value)

    def _show_offer_fields(self, kind: str) -> None:
        self.query_one("#o-new").display = kind == "a new one"
        self.query_one("#o-existing").display = kind == "one I have"

    def _order(self) -> list[str]:
        """The fields of the step on show, in the order Enter goes through them."""
        if self.step == "meeting":
            return ["c-people", "c-when", "c-channel", "c-summary"]
        if self.step == "promise":
            evidence = self.query_one("#p-evidence-row").display
            return ["p-text", "p-by", "p-due", "p-form", *(["p-evidence"] if evidence else []),
                    "p-category"]  # fmt: skip
        if self.step == "asks":
            return [b.id or "" for b in self.query("#ask-rows ChoiceBar")]
        if self.step == "offer":
            kind = self.query_one("#o-kind", ChoiceBar).value
            more = {"a new one": list(OFFER_FIELDS), "one I have": ["o-id"]}.get(kind, [])
            return ["o-kind", *more]
        return ["save-button"]

    def _check_meeting(self) -> bool:
        d, ok = self.draft, True
        if not split_names(d.people):
            self._message("c-people", "who was there? write one or more names")
            ok = False
        if not self.query_one("#c-when", DateField).is_valid:
            ok = False
        try:
            clean(KINDS["conversation"].field("summary"), d.summary)
            self._message("c-summary", None)
        except InputError as err:
            self._message("c-summary", str(err))
            ok = False
        return ok

    def _check_promise(self, p: DraftPromise) -> bool:
        """True when the promise on show can be kept (messages under what is wrong)."""
        spec = KINDS["promise"]
        problems: dict[str, str] = {}
        for name, field, value in (("p-text", "text", p.text), ("p-by", "by", p.by),
                                   ("p-evidence", "evidence", p.evidence)):  # fmt: skip
            try:
                clean(spec.field(field), value)
            except InputError as err:
                problems[name] = str(err)
        if not self.query_one("#p-due", DateField).is_valid:
            problems["p-due"] = ""
        for name in ("p-by", "p-evidence"):
            self._message(name, problems.get(name))
        if "p-text" in problems:
            self._message("p-text", problems["p-text"])
        if problems:
            self._focus(next(iter(problems)))
        return not problems

    def _check_offer(self) -> bool:
        """True when the offer part can be kept (messages under what is wrong)."""
        d = self.draft
        if d.offer == "one I have" and d.offer_id is None:
            self.notify("Pick the offer that came up, or choose none.", severity="warning")
            return False
        if d.offer != "a new one":
            return True
        spec, o, ok = KINDS["offer"], d.new_offer, True
        for name, field, value in (("o-company", "company", o.company), ("o-role", "role", o.role),
                                   ("o-base", "base", o.base), ("o-bonus", "bonus", o.bonus),
                                   ("o-terms", "terms", o.terms)):  # fmt: skip
            try:
                clean(spec.field(field), value)
                problem = None
                if field in ("company", "role") and not value.strip():
                    problem = f"{spec.field(field).what} is empty: write something"
            except InputError as err:
                problem = str(err)
            if problem or name != "o-terms":  # the terms' line may hold the hedge check
                self._message(name, problem)
            ok = ok and problem is None
        return ok and self.query_one("#o-deadline", DateField).is_valid


def inside(widget: Widget, name: str) -> bool:
    """True when `widget` is the field called `name` or inside it (a DateField's input)."""
    node: Any = widget
    while node is not None:
        if getattr(node, "id", None) == name:
            return True
        node = node.parent
    return False
