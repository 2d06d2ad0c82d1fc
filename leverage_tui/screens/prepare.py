"""Prepare: before a meeting with one person, the brief on screen (core/prep.py).

What they owe you (overdue and unwritten first, with flags and days waited), recaps
not confirmed, what they last said, your asks to raise with the wins behind them,
questions to ask, and their track record with its counts. Pick the person at the top
(p on a conversation opens it for that conversation's person); c starts the capture
of the meeting afterwards with them; m saves the page as Markdown to print or keep on a
second screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Select, Static

from ..core.checks import InputError
from ..core.journal_file import is_encrypted
from ..core.paths import save_dir
from ..core.prep import Prep, prepare
from ..core.prep_words import PRIVATE, prep_markdown, prep_sections
from ..core.safe_files import write_private
from ..widgets.flag_badges import flag_text
from ..widgets.footer import Footer
from .in_view import in_view
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp

WIDE = 110
"""From this width on, flags are spelled out."""


def default_person(app: LeverageApp) -> str | None:
    """Who to prepare for when nobody is named: the last one prepared for, else the
    person of the latest conversation, else the first person known."""
    journal = app.journal
    last = app.last_prep_person
    if last and journal.person_named(last):
        return last
    latest = max(journal.conversations.values(), key=lambda c: (c.on, int(c.id[1:])), default=None)
    if latest is not None:
        return meeting_person(app, latest.people)
    first = next(iter(journal.people.values()), None)
    return first.name if first else None


def meeting_person(app: LeverageApp, people: tuple[str, ...]) -> str:
    """The one to prepare for among `people`: the manager if one is, else the first."""
    for name in people:
        person = app.journal.person_named(name)
        if person is not None and person.role == "manager":
            return person.name
    return people[0]


def brief_text(prep: Prep, wide: bool) -> Group:
    """The brief as styled text: section titles, items with their flag badges at the
    right (lines that wrap stay indented under their bullet), and the lines under an
    item."""
    parts: list[RenderableType] = [Text(PRIVATE, "dim italic")]
    for section in prep_sections(prep):
        count = f" ({len(section.items)})" if section.key != "track_record" else ""
        parts.append(Text(f"\n{section.title}{count}", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column(ratio=1)
        grid.add_column(no_wrap=True)  # the badges: a marker never parted from its word
        if not section.items:
            grid.add_row("", Text(section.empty, "dim italic"))
        for item in section.items:
            line = Text(item.text)
            for under in item.under:
                line.append(f"\n  {under}", "dim")
            grid.add_row("•", line, flag_text(item.flags, short=not wide))
        parts.append(grid)
    return Group(*parts)


class PrepareScreen(Screen[None]):
    """The brief before a meeting with one person."""

    SUB_TITLE = "Prepare"
    BINDINGS = [
        Binding("c", "capture", "Capture after", id="prepare.capture"),
        Binding("m", "save", "Save page", id="prepare.save"),
        Binding("escape", "back", "Back", id="prepare.back", show=False),
    ]
    DEFAULT_CSS = """
    PrepareScreen #prep-bar { height: 1; }
    PrepareScreen #prep-person { width: 32; }
    PrepareScreen #prep-hint { width: 1fr; color: $text-muted; padding: 0 1; }
    PrepareScreen #prep-body { height: 1fr; padding: 0 1; }
    """

    def __init__(self, person: str | None = None) -> None:
        """The brief for `person` (a name), or for the one `default_person` picks."""
        super().__init__()
        self.person = person
        self.shown: tuple[int, str | None, bool] | None = None

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """The person picker and what to do, then the brief."""
        yield Header()
        with Horizontal(id="prep-bar"):
            yield Select([], prompt="person", compact=True, allow_blank=True, id="prep-person")
            yield Static("c capture afterwards · m save the page", id="prep-hint", markup=False)
        with VerticalScroll(id="prep-body"):
            yield Static(id="prep-text")
        yield Footer()

    def on_mount(self) -> None:
        """Fill in, and again after every change to the journal."""
        self.watch(self.app, "revision", self._journal_changed, init=False)
        self._refresh()
        self.query_one("#prep-body").focus()

    def _journal_changed(self) -> None:
        if in_view(self):
            self._refresh()

    def on_screen_resume(self) -> None:
        """Catch up with changes made while another screen was on show."""
        self._refresh()

    def on_resize(self) -> None:
        """Flags are spelled out when there is room."""
        self._refresh()

    def _refresh(self) -> None:
        app = self.leverage
        journal = app.journal
        if self.person is None or journal.person_named(self.person) is None:
            self.person = default_person(app)
        wide = self.size.width >= WIDE
        shown = (journal.revision, self.person, wide)
        if shown == self.shown:
            return
        self.shown = shown
        select = self.query_one("#prep-person", Select)
        names = [p.name for p in journal.people.values()]
        with self.prevent(Select.Changed):
            select.set_options((n, n) for n in names)
            if self.person in names:
                select.value = self.person
        body = self.query_one("#prep-text", Static)
        prep = self.prep()
        if prep is None:
            body.update(Text("No one to prepare for yet: log a conversation first (n).", "italic"))
            return
        self.sub_title = f"Prepare · {prep.person.name}"
        app.last_prep_person = prep.person.name
        body.update(brief_text(prep, wide))

    def prep(self) -> Prep | None:
        """The brief for the chosen person, or None when there is nobody to choose."""
        if self.person is None:
            return None
        app = self.leverage
        try:
            return prepare(
                app.journal,
                self.person,
                today=app.today,
                hedges=app.config.hedges,
                not_hedges=app.config.not_hedges,
                wait_days=app.config.recap_wait_days,
            )
        except InputError:
            return None

    @on(Select.Changed, "#prep-person")
    def _person_chosen(self, event: Select.Changed) -> None:
        if event.value is not Select.NULL and event.value != self.person:
            self.person = str(event.value)
            self._refresh()
            self.query_one("#prep-body").focus()

    def action_capture(self) -> None:
        """Capture the meeting with this person, once it has taken place."""
        self.leverage.action_capture(self.person)

    def action_save(self) -> None:
        """Ask where to save the brief as Markdown (the core writes it, readable by you only)."""
        app, prep = self.leverage, self.prep()
        if prep is None:
            return
        text = prep_markdown(prep)

        def save(path: Path, replace: bool) -> Path:
            return write_private(path, text, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                app.notify(str(path), title="Brief saved")

        first = prep.person.name.split()[0].lower() if prep.person.name.split() else "person"
        safe = "".join(c for c in first if c.isalnum()) or "person"
        default = save_dir() / f"prep-{safe}-{app.today.isoformat()}.md"
        plain = is_encrypted(app.journal_path)
        app.push_screen(SaveDialog("Save the brief", default, save, plain_text=plain), saved)

    def action_back(self) -> None:
        """Back to where the brief was opened from (opened as a main screen: Today)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.leverage.action_show("today")
