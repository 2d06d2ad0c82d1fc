"""Today: what is due or overdue, what is still only in words, the offers' countdown."""

from __future__ import annotations

import datetime as dt
import heapq
from operator import attrgetter

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ..core.dates import describe
from ..core.journal import Journal
from ..core.records import UNWRITTEN_FORMS
from ..core.wins import win_nudge
from ..widgets.flag_badges import flag_style, flag_text, flags_of_some
from ..widgets.footer import Footer
from .in_view import in_view
from .promise_keys import PromiseKeys, promise_bindings
from .today_parts import due_words, offer_line, row, span, success_style, track_line

SOON_DAYS = 7
"""How far ahead 'due soon' looks."""
RECENT = 3
"""How many of the latest conversations are shown."""
SHOWN = 10
"""How many rows each list shows at most (the most urgent); the title keeps the full count."""
_on = attrgetter("on")


class TodayScreen(PromiseKeys):
    """The screen the app opens on: today's agenda and the track record."""

    DEFAULT_CSS = """
    TodayScreen #track {
        padding: 0 1;
        background: $boost;
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
        *promise_bindings(()),
    ]

    def compose(self) -> ComposeResult:
        """The track line, then the three lists (or the welcome panel)."""
        yield Header()
        yield Static(id="track")
        yield Static(id="win-nudge", markup=False)  # issue 14: see _show_win_nudge
        with VerticalScroll(id="today-body", can_focus=False):
            yield Static(id="welcome")
            yield OptionList(id="due")
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
        self.sub_title = f"Today · {self.leverage.today:%a %d %b %Y}"
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
        for lst in self.query(OptionList):
            lst.display = not empty
        if empty:
            self.query_one("#welcome", Static).update(self._welcome())
            return
        record = journal.track_record(self.leverage.today)
        self.query_one("#track", Static).update(track_line(record))
        self._show_win_nudge(journal)
        self._fill_due(journal)
        self._fill_unwritten(journal)
        self._fill_offers(journal)
        self._fill_recent(journal)
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

    def _fill_due(self, journal: Journal) -> None:
        today = self.leverage.today
        horizon = today + dt.timedelta(days=SOON_DAYS)
        items: list[tuple[dt.date, int, str]] = []
        for p in journal.promises.values():
            if p.pending and p.due is not None and p.due <= horizon:
                items.append((p.due, len(items), p.id))
        for a in journal.asks.values():
            if a.status == "open" and a.target is not None and a.target <= horizon:
                items.append((a.target, len(items), a.id))
        items.sort()
        first = [rid for _, _, rid in items[:SHOWN]]
        flags = flags_of_some(
            journal,
            self.leverage.today,
            self.leverage.hedges,
            [rid for rid in first if rid in journal.promises],
        )
        options = []
        for rid in first:
            shown = journal.promises.get(rid)
            if shown is not None and shown.due is not None:
                style = flag_style("overdue") if shown.due < today else ""
                what = Text.assemble(shown.text, (f" — {shown.by}", "dim"))
                flagged = flag_text(flags[shown.id])
                prompt = row(due_words(shown.due, today), what, flagged, style=style)
            else:
                a = journal.asks[rid]
                assert a.target is not None
                what = Text.assemble(("Your ask: ", "italic"), a.text)
                prompt = row(due_words(a.target, today), what, "")
            options.append(Option(prompt, id=rid))
        title = f"Overdue and due by {horizon:%a %d %b} ({len(items)})"
        self._fill(
            self.query_one("#due", OptionList),
            title,
            options,
            "Nothing overdue or due in the next 7 days.",
            self._more(len(items) - len(options), "promises"),
        )

    def _fill_unwritten(self, journal: Journal) -> None:
        today = self.leverage.today
        waiting = sorted(
            (p for p in journal.promises.values() if p.pending and p.form in UNWRITTEN_FORMS),
            key=lambda p: (p.made_on, int(p.id[1:])),
        )
        options = []
        for p in waiting[:SHOWN]:
            waited = (today - p.made_on).days
            what = Text.assemble(p.text, (f" — {p.by}", "dim"))
            word = "✎ recap sent" if p.form == "recap-sent" else "✎ verbal"
            form = Text(word, flag_style("unwritten"))
            options.append(Option(row(span(waited) if waited else "today", what, form), id=p.id))
        title = f"Still only in words: days unconfirmed, oldest first ({len(waiting)})"
        self._fill(
            self.query_one("#unwritten", OptionList),
            title,
            options,
            "Every pending promise is in writing.",
            self._more(len(waiting) - len(options), "promises"),
        )

    def _fill_offers(self, journal: Journal) -> None:
        today = self.leverage.today
        offers = sorted(
            (o for o in journal.offers.values() if o.status == "open"),
            key=lambda o: (o.deadline or dt.date.max, o.id),
        )
        options = []
        for o in offers[:SHOWN]:
            when, what = offer_line(o, today)
            written = (
                Text("✓ in writing", success_style())
                if o.written
                else Text("✎ verbal", flag_style("verbal-offer"))
            )
            urgent = o.deadline is not None and (o.deadline - today).days <= 3
            options.append(
                Option(row(when, what, written, style="bold" if urgent else ""), id=o.id)
            )
        self._fill(
            self.query_one("#offers", OptionList),
            f"Open offers ({len(offers)})",
            options,
            "No open offers.",
            self._more(len(offers) - len(options), "review"),
        )

    def _fill_recent(self, journal: Journal) -> None:
        today = self.leverage.today
        # newest first, the newest id first on the same day (two quick passes over
        # a ten-year log: the dates, then the few conversations on or after the cut)
        kept = heapq.nlargest(RECENT, map(_on, journal.conversations.values()))
        latest = sorted(
            (c for c in journal.conversations.values() if kept and c.on >= kept[-1]),
            key=lambda c: (c.on, int(c.id[1:])),
            reverse=True,
        )[:RECENT]
        options = []
        for c in latest:
            what = Text.assemble(c.summary, (f" — {', '.join(c.people)}", "dim"))
            count = len(journal.promises_of(c.id))
            extra = f"{count} promise{'s' if count != 1 else ''}" if count else ""
            options.append(Option(row(describe(c.on, today), what, extra), id=c.id))
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

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        rid = event.option.id or ""
        journal = self.leverage.journal
        if rid in journal.promises:
            promise = journal.promises[rid]
            if promise.conversation and promise.conversation in journal.conversations:
                self.leverage.open_conversation(promise.conversation, select=rid)
            else:
                self.action_edit_promise()
        elif rid in journal.conversations:
            self.leverage.open_conversation(rid)
        elif rid in journal.offers or rid in journal.asks:
            self.app.switch_mode("review")

    # -- the wins nudge (issue 14; the rule is in core/wins.py) ------------------------------

    def _show_win_nudge(self, journal: Journal) -> None:
        """A line when no win has been logged for a while (config `win_nudge_days`)."""
        nudge = win_nudge(journal, self.leverage.today, self.leverage.config.win_nudge_days)
        line = self.query_one("#win-nudge", Static)
        line.update(f"★ {nudge} (W adds one)" if nudge else "")
        line.display = nudge is not None
