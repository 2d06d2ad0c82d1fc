"""AskEditor: add or edit an ask, and sharpen a vague want into a measurable one.

Besides the ask itself, the form asks four questions: what would you see if it were
true, by when, who would announce it, and where would it be written; and, for pay, the
walk-away point (a floor such as base=140000) every open offer is checked against. The answers
make the ask's measure ("how will I know"); a line at the bottom says, as you type,
whether the ask is still vague. The promises that answer the ask can be linked here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Select, SelectionList, Static

from ..core.asks import join_measure, split_measure
from ..core.checklist import short
from ..core.flags import flags_for_ask
from ..core.records import ASK_STATUSES, PRIORITIES, Ask
from ..core.visible import visible
from ..widgets.choice_bar import ChoiceBar
from ..widgets.date_field import DateField
from ..widgets.text_inputs import LineInput
from .editor_base import EditorScreen, choice_field, field_row

if TYPE_CHECKING:
    from ..app import LeverageApp

FLOOR_HINT = "walk-away point, e.g. base=140000 or total_4y=600k (empty: none)"
"""What the floor field asks for."""
LINKABLE = 60
"""How many promises (newest first) the editor offers to link, besides linked ones."""


class AskEditor(EditorScreen):
    """A form for one ask; dismisses the ask's id, or None when cancelled."""

    DEFAULT_CSS = """
    AskEditor #ask-prompt { color: $text-muted; margin-top: 1; }
    AskEditor #ask-verdict { margin-top: 1; padding: 0 1; }
    AskEditor #ask-verdict.-vague { color: $text-warning; }
    AskEditor #ask-verdict.-sharp { color: $text-success; }
    AskEditor SelectionList { height: auto; max-height: 8; }
    """

    def __init__(self, ask_id: str | None = None) -> None:
        """Edit ask `ask_id`, or add a new one."""
        super().__init__()
        self.ask_id = ask_id
        self.heading = "Edit ask" if ask_id else "What do you want? (an ask)"

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def _existing(self) -> Ask | None:
        return self.leverage.journal.get(self.ask_id, "ask") if self.ask_id else None  # type: ignore[return-value]

    def fields(self) -> ComposeResult:
        """The ask, the four sharpening questions, priority, (status), linked promises."""
        ask = self._existing()
        see, who, where = split_measure(ask.measure) if ask else ("", "", "")

        def line(name: str, value: str, placeholder: str) -> Input:
            return LineInput(visible(value), placeholder=placeholder, compact=True, id=name)

        yield field_row(
            "Ask",
            line("text", ask.text if ask else "", "what you want, e.g. lead the Q1 planning"),
            "text",
        )
        yield Static(
            "Make it measurable: answer what you can. A vague want cannot be negotiated.",
            id="ask-prompt",
        )
        yield field_row(
            "You'd see",
            line("see", see, "what would you see if it were true? e.g. named lead on the plan"),
            "see",
        )
        target = ask.target if ask and ask.target else ""
        yield field_row(
            "By when",
            DateField(target, allow_empty=True, compact=True, expect_future=True, id="target"),
            "target",
        )
        yield field_row(
            "Announced",
            line("who", who, "who would announce it? e.g. Maya, at the all-hands"),
            "who",
        )
        yield field_row(
            "Written in",
            line("where", where, "where would it be written? e.g. org chart, contract"),
            "where",
        )
        yield field_row(
            "Priority",
            ChoiceBar(PRIORITIES, ask.priority if ask else "medium", id="priority"),
            "priority",
        )
        floor = line("floor", str(ask.floor) if ask and ask.floor else "", FLOOR_HINT)
        yield field_row("Floor", floor, "floor")
        if ask is not None:
            yield field_row(
                "Status",
                choice_field(ASK_STATUSES, ask.status, "status"),
                "status",
            )
        yield field_row("Promises", SelectionList[str](*self._linkable(ask), id="links"), "links")
        yield Static("", id="ask-verdict", markup=False)

    def _linkable(self, ask: Ask | None) -> list[tuple[Content, str, bool]]:
        journal = self.leverage.journal
        linked = set(ask.promises) if ask else set()
        live = [
            p for p in journal.promises.values() if p.status in ("pending", "honored", "partly")
        ]
        chosen = [p for p in journal.promises.values() if p.id in linked]
        newest = sorted(live, key=lambda p: (p.made_on, len(p.id), p.id), reverse=True)
        picks = chosen + [p for p in newest if p.id not in linked][:LINKABLE]
        return [  # Content: shown as written, never read as markup ("[/]" is text)
            (Content(visible(f"{p.id} {p.by}: {short(p.text, 44)}") + f" ({p.form}, {p.status})"),
             p.id, p.id in linked)
            for p in picks
        ]  # fmt: skip

    def on_mount(self) -> None:
        """Start in the ask field and say how sharp it is already."""
        self.query_one("#text", Input).focus()
        self._judge()

    @on(Input.Changed)
    @on(DateField.Changed)
    def _changed(self) -> None:
        self._judge()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _measure(self) -> str:
        return join_measure(self._value("see"), self._value("who"), self._value("where"))

    def _judge(self) -> None:
        """Show, as you type, whether the ask is still vague and why."""
        verdict = self.query_one("#ask-verdict", Static)
        text = self._value("text")
        if not text.strip():
            verdict.update("")
            return
        draft = Ask(
            id="a0",
            text=text,
            measure=self._measure(),
            target=self.query_one("#target", DateField).date,
        )
        app = self.leverage
        flags = flags_for_ask(draft, app.today, app.hedges, app.not_hedges)
        if flags:
            verdict.update(f"~ still vague: {flags[0].reason}")
        else:
            verdict.update("✓ measurable: you will know when you have it, and by when")
        verdict.set_class(bool(flags), "-vague")
        verdict.set_class(not flags, "-sharp")

    def problems(self) -> dict[str, str]:
        """What the journal would refuse: an empty ask, odd characters, a long measure."""
        found = self.field_errors(
            "ask",
            {
                "text": ("text", self._value("text")),
                **{name: ("measure", self._value(name)) for name in ("see", "who", "where")},
            },
        )
        found.update(self.field_errors("ask", {"see": ("measure", self._measure())}))
        if self._value("floor").strip():
            found.update(self.field_errors("ask", {"floor": ("floor", self._value("floor"))}))
        return found

    def save(self) -> str | None:
        """Add or update the ask through the app; its id, or None."""
        text, measure = self._value("text"), self._measure()
        target = self.query_one("#target", DateField).date
        priority = self.query_one("#priority", ChoiceBar).value
        links = list(self.query_one("#links", SelectionList).selected)
        floor = self._value("floor").strip() or None
        if self.ask_id is None:
            added = self.leverage.change(
                lambda j: j.add_ask(
                    text,
                    measure=measure,
                    target=target,
                    priority=priority,
                    promises=links,
                    floor=floor,
                )
            )
            return added.id if added else None
        aid, status = self.ask_id, str(self.query_one("#status", Select).value)
        updated = self.leverage.change(
            lambda j: j.update_ask(
                aid,
                text=text,
                measure=measure,
                target=target,
                priority=priority,
                status=status,
                promises=links,
                floor=floor,
            )
        )
        return updated.id if updated else None
