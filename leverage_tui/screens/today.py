"""Today: what is due or overdue, recaps to ask again about, what is still only in words,
the offers' countdown. The agenda is computed in the core (core/agenda.py); this screen
draws it."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from ..core.agenda import RECENT as RECENT
from ..core.agenda import SHOWN as SHOWN
from ..core.agenda import SOON_DAYS as SOON_DAYS
from ..core.agenda import Agenda, agenda
from ..core.dates import describe
from ..core.journal import Journal
from ..core.plural import counted
from ..core.show import day_text
from ..core.visible import visible
from ..core.wins import win_nudge
from ..widgets.flag_badges import MARKERS, flag_style, flag_text, flags_of_some
from ..widgets.footer import Footer
from ..widgets.letter_keys import OptionList
from .in_view import in_view
from .promise_keys import PromiseActions, promise_bindings
from .today_parts import (
    after_line,
    due_words,
    offer_line,
    row,
    span,
    success_style,
    track_line,
)


class TodayScreen(PromiseActions, Screen[None]):
    """The screen the app opens on: today's agenda and the track record."""

    DEFAULT_CSS = """
    TodayScreen #track {
        padding: 0 1;
        background: $boost;
    }
    TodayScreen #after {
        padding: 0 1;
    }
    TodayScreen #win-nudge {
        padding: 0 1;
        color: $text-warning;
    }
    TodayScreen #today-body {
        height: 1fr;
    }
    TodayScreen OptionList {
        height: auto;
        max-height: 50vh;
        border: round $panel-lighten-2;
        border-title-style: bold;
        border-title-color: $text-primary;
        padding: 0 1;
    }
    TodayScreen OptionList > .option-list--option-highlighted {
        background: transparent;
    }
    TodayScreen OptionList:focus {
        border: round $primary;
    }
    TodayScreen OptionList:focus > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
    }
    TodayScreen #welcome {
        max-width: 84;
        margin: 1 2;
        padding: 1 2;
        border: round $primary;
        height: auto;
    }
    """

    BINDINGS = [
        Binding("n", "app.log_conversation", "New conversation", id="today.log-conversation"),
        Binding("a", "app.add_promise", "Add promise", id="today.add-promise"),
        Binding("c", "app.capture", "Capture", id="today.capture"),  # wins/prep/capture (issue 14)
        Binding("e", "edit_promise", "Edit", id="today.edit", show=False),
        Binding("r", "recap", "Recap", id="today.recap"),
        *promise_bindings(()),
    ]

    def compose(self) -> ComposeResult:
        """The track line, then the three lists (or the welcome panel)."""
        yield Header()
        yield Static(id="track")
        yield Static(id="after")  # after the decision (issue 15): today_parts.after_line
        yield Static(id="win-nudge", markup=False)  # issue 14: see _show_win_nudge
        with VerticalScroll(id="today-body", can_focus=False):
            yield Static(id="welcome")
            yield OptionList(id="due")
            yield OptionList(id="ask-again")
            yield OptionList(id="unwritten")
            yield OptionList(id="offers")
            yield OptionList(id="recent")
        yield Footer()

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self.shown: tuple[int, int] | None = None
        """(journal id, revision) of what the lists show; None before the first fill."""
        self.renders = 0
        """How many times the lists were filled (for tests)."""

    def on_mount(self) -> None:
        """Fill in, and again after a change, but only while this screen is on show."""
        self.sub_title = f"Today · {day_text(self.leverage.today, weekday=True)}"
        self.watch(self.app, "revision", self._journal_changed, init=False)
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self._refresh()

    def _journal_changed(self) -> None:
        if in_view(self):
            self._refresh()

    def _restyle(self, *_: object) -> None:
        """Colours come from the theme: draw again."""
        self.shown = None
        if in_view(self):
            self._refresh()

    def on_screen_resume(self) -> None:
        """Catch up with changes made while another screen was on show."""
        self._refresh()

    def _refresh(self, *_: object) -> None:
        journal = self.leverage.journal
        revision = (id(journal), journal.revision)
        if revision == self.shown:
            return
        self.shown = revision
        self.renders += 1
        empty = journal.is_empty
        self.query_one("#welcome").display = empty
        self.query_one("#win-nudge").display = False
        self.query_one("#track").display = not empty
        self.query_one("#after").display = False
        for lst in self.query(OptionList):
            lst.display = not empty
        if empty:
            self.query_one("#welcome", Static).update(self._welcome())
            return
        app = self.leverage
        record = journal.track_record(app.today)
        self.query_one("#track", Static).update(track_line(record))
        after = after_line(journal, app.today, app.config.checkin_days)
        self.query_one("#after", Static).update(after or "")
        self.query_one("#after", Static).display = after is not None
        self._show_win_nudge(journal)
        plan = agenda(journal, app.today, wait_days=app.recap_wait_days)
        self._fill_due(plan)
        self._fill_ask_again(plan)
        self._fill_unwritten(plan)
        self._fill_offers(plan)
        self._fill_recent(plan)
        if self.focused is None:
            for lst in self.query(OptionList):
                if lst.highlighted is not None:
                    lst.focus()
                    break

    def _welcome(self) -> Text:
        keys = {b.id: self.app.get_key_display(b) for b in self.active_bindings_list()}
        log_key = keys.get("today.log-conversation", "n")
        add_key = keys.get("today.add-promise", "a")
        hide_key = keys.get("privacy", "^\\")
        return Text.assemble(
            ("Welcome to Leverage\n\n", "bold"),
            "A private record of what your boss, HR and recruiters promise you, "
            "and whether they keep it. Nothing leaves this computer.\n\n",
            "Press ",
            (f" {log_key} ", "reverse bold"),
            " to log your first conversation: when, with whom, what it was about.\n",
            "Then press ",
            (f" {add_key} ", "reverse bold"),
            " in it for each promise made, "
            "and tag it verbal or written:\na promise only counts once it is in writing.\n\n",
            (f"? lists every key · ctrl+p finds every command · {hide_key} hides it all", "dim"),
        )

    def active_bindings_list(self) -> list[Binding]:
        """This screen's bindings with the user's keymap applied."""
        return [active.binding for active in self.active_bindings.values()]

    def _more(self, hidden: int, screen: str) -> list[Option]:
        """The line under a capped list: "… and 12 more — f3 Promises" (nothing if none)."""
        if hidden <= 0:
            return []
        keys = {b.id: self.app.get_key_display(b) for b in self.active_bindings_list()}
        key = keys.get(f"screen.{screen}", "")
        where = f"{key} {screen.title()}".strip()
        return [Option(Text(f"… and {hidden} more — {where}", style="dim italic"), disabled=True)]

    def _fill(
        self, lst: OptionList, title: str, options: list[Option], none: str, more: list[Option]
    ) -> None:
        lst.border_title = title
        keep = lst.highlighted_option.id if lst.highlighted_option else None
        if options:
            lst.set_options(options + more)
        else:
            lst.set_options([Option(Text(none, style="dim italic"), disabled=True)])
        ids = [o.id for o in options]
        if keep in ids:
            lst.highlighted = ids.index(keep)
        elif options:
            lst.highlighted = 0

    def _fill_due(self, agenda: Agenda) -> None:
        journal, today, due = self.leverage.journal, agenda.today, agenda.due
        app = self.leverage
        flags = flags_of_some(
            journal,
            today,
            app.hedges,
            [d.id for d in due.items if d.kind == "promise"],
            app.not_hedges,
            app.recap_wait_days,
        )
        options = []
        for d in due.items:
            if d.kind == "promise":
                style = flag_style("overdue") if d.overdue else ""
                what = Text.assemble(visible(d.text), (f" — {visible(d.by)}", "dim"))
                prompt = row(due_words(d.date, today), what, flag_text(flags[d.id]), style=style)
            else:
                what = Text.assemble(("Your ask: ", "italic"), visible(d.text))
                prompt = row(due_words(d.date, today), what, "")
            options.append(Option(prompt, id=d.id))
        title = f"Overdue and due by {day_text(agenda.horizon, weekday=True)} ({due.total})"
        self._fill(
            self.query_one("#due", OptionList),
            title,
            options,
            f"Nothing overdue or due in the next {SOON_DAYS} days.",
            self._more(due.hidden, "promises"),
        )

    def _fill_ask_again(self, agenda: Agenda) -> None:
        """Recaps unconfirmed for the wait: the longest waiting first (hidden when none)."""
        section = agenda.ask_again
        lst = self.query_one("#ask-again", OptionList)
        lst.display = bool(section.total)
        if not section.total:
            lst.clear_options()
            return
        options = []
        for w in section.items:
            p = w.promise
            what = Text.assemble(visible(p.text), (f" — {visible(p.by)}", "dim"))
            mark = Text(f"{MARKERS['unconfirmed']} ask again", flag_style("unconfirmed"))
            sent = f"sent {span(w.days)} ago" if w.days else "sent today"
            options.append(Option(row(sent, what, mark), id=p.id))
        title = f"Ask again: recap unconfirmed {agenda.wait_days}+ days ({section.total})"
        self._fill(lst, title, options, "", self._more(section.hidden, "promises"))

    def _fill_unwritten(self, agenda: Agenda) -> None:
        section = agenda.unwritten
        options = []
        for w in section.items:
            p = w.promise
            what = Text.assemble(visible(p.text), (f" — {visible(p.by)}", "dim"))
            word = "✎ recap sent" if p.form == "recap-sent" else "✎ verbal"
            form = Text(word, flag_style("unwritten"))
            options.append(Option(row(span(w.days) if w.days else "today", what, form), id=p.id))
        title = f"Still only in words: days unconfirmed, oldest first ({section.total})"
        none = (
            "Every pending promise is in writing, or waiting above to be asked again."
            if agenda.ask_again.total
            else "Every pending promise is in writing."
        )
        self._fill(
            self.query_one("#unwritten", OptionList),
            title,
            options,
            none,
            self._more(section.hidden, "promises"),
        )

    def _fill_offers(self, agenda: Agenda) -> None:
        options = []
        for c in agenda.offers.items:
            when, what = offer_line(c.offer, agenda.today)
            written = (
                Text("✓ in writing", success_style())
                if c.offer.written
                else Text("✎ verbal", flag_style("verbal-offer"))
            )
            options.append(
                Option(row(when, what, written, style="bold" if c.urgent else ""), id=c.offer.id)
            )
        self._fill(
            self.query_one("#offers", OptionList),
            f"Open offers ({agenda.offers.total})",
            options,
            "No open offers.",
            self._more(agenda.offers.hidden, "review"),
        )

    def _fill_recent(self, agenda: Agenda) -> None:
        options = []
        for r in agenda.recent:
            c = r.conversation
            what = Text.assemble(visible(c.summary), (f" — {visible(', '.join(c.people))}", "dim"))
            extra = counted(r.promises, "promise") if r.promises else ""
            options.append(Option(row(describe(c.on, agenda.today), what, extra), id=c.id))
        self._fill(
            self.query_one("#recent", OptionList),
            "Latest conversations",
            options,
            "No conversations yet.",
            [],
        )

    def selected_promise_id(self) -> str | None:
        """The promise highlighted in the focused list."""
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted_option is not None:
            oid = focused.highlighted_option.id or ""
            if oid in self.leverage.journal.promises:
                return oid
        return None

    def _recap_conversation(self) -> str | None:
        """The conversation of the highlighted promise, if it was made in one."""
        pid = self.selected_promise_id()
        journal = self.leverage.journal
        conv = journal.promises[pid].conversation if pid else None
        return conv if conv in journal.conversations else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Recap shows only while the highlighted promise was made in a conversation."""
        if action == "recap":
            return self._recap_conversation() is not None
        return self.promise_action_allowed(action)

    def action_recap(self) -> None:
        """The recap (or the follow-up, for an unanswered one) of the highlighted
        promise's conversation."""
        conv = self._recap_conversation()
        if conv is not None:
            self.leverage.open_recap(conv)

    def on_key(self, event: events.Key) -> None:
        """Up and down run on from one list into the next, as if they were one."""
        lst = self.focused
        if event.key not in ("up", "down") or not isinstance(lst, OptionList):
            return
        enabled = [i for i, o in enumerate(lst.options) if not o.disabled]
        if enabled and lst.highlighted != (enabled[-1] if event.key == "down" else enabled[0]):
            return
        lists = [w for w in self.query(OptionList) if w.display]
        step = 1 if event.key == "down" else -1
        index = lists.index(lst) + step
        while 0 <= index < len(lists):
            target = lists[index]
            choices = [i for i, o in enumerate(target.options) if not o.disabled]
            if choices:
                event.stop()
                event.prevent_default()
                target.highlighted = choices[0] if step > 0 else choices[-1]
                target.focus()
                return
            index += step
        event.stop()  # at the very top or bottom: stay put

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()  # Recap and the promise keys follow the highlight

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.leverage.open_record(event.option.id)

    # -- the wins nudge (issue 14; the rule is in core/wins.py) ------------------------------

    def _show_win_nudge(self, journal: Journal) -> None:
        """A line when no win has been logged for a while (config `win_nudge_days`)."""
        nudge = win_nudge(journal, self.leverage.today, self.leverage.config.win_nudge_days)
        line = self.query_one("#win-nudge", Static)
        line.update(f"★ {nudge} (W adds one)" if nudge else "")
        line.display = nudge is not None
