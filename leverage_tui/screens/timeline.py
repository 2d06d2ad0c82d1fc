"""The Timeline screen: everything in date order, grouped by month or week.

Conversations, promises made, resolved and due, offers and decision deadlines, and every
recorded change (forms, moved due dates, status changes, offer changes), with flags
inline; a line marks today, between what happened and what is due. Filter by text,
kind, person (everything one person said and did) and a date range ("nov 1..dec 31").
Enter opens the conversation or promise under the cursor; on an offer, i writes the
message asking for it in writing and m the one asking for more time.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Select, Static

from ..core import dates
from ..core.flags import Flag, flags_for_ask, flags_for_offer
from ..core.plural import counted
from ..core.show import day_text
from ..core.timeline import Event, timeline
from ..core.visible import visible
from ..widgets.flag_badges import flag_reasons, flag_style, flag_text
from ..widgets.footer import Footer
from ..widgets.record_table import Cells, Column, RecordTable
from ..widgets.text_filter import FilterInput, TextFilter
from .promise_keys import PromiseActions, promise_bindings
from .table_screen import WIDE, TableScreen

KIND_LABEL = {
    "conversation": "talk",
    "promise-made": "promised",
    "promise-form": "form",
    "promise-moved": "moved",
    "promise-resolved": "resolved",
    "promise-status": "status",
    "promise-due": "due",
    "offer": "offer",
    "offer-changed": "changed",
    "offer-deadline": "decide by",
    "ask-target": "ask",
    "decision": "decided",
    "win": "win",
}
"""The short word shown for each kind of event."""

KIND_OPTIONS = [
    ("conversations", "conversation"),
    ("promises made", "promise-made"),
    ("form changes", "promise-form"),
    ("due dates moved", "promise-moved"),
    ("resolved", "promise-resolved"),
    ("status changes", "promise-status"),
    ("due dates", "promise-due"),
    ("offers", "offer"),
    ("offer changes", "offer-changed"),
    ("deadlines", "offer-deadline"),
    ("ask targets", "ask-target"),
    ("decisions", "decision"),
    ("wins", "win"),
]
"""The kind filter's choices."""

KIND_COUNTED = {
    "conversation": ("conversation", ""),
    "promise-made": ("promise", " made"),
    "promise-form": ("form change", ""),
    "promise-moved": ("due date", " moved"),
    "promise-resolved": ("promise", " resolved"),
    "promise-status": ("status change", ""),
    "promise-due": ("due date", ""),
    "offer": ("offer", ""),
    "offer-changed": ("offer change", ""),
    "offer-deadline": ("decide-by date", ""),
    "ask-target": ("ask target", ""),
    "decision": ("decision", ""),
    "win": ("win", ""),
}
"""How a group's detail counts each kind of event: (noun, words after the count)."""


def parse_range(text: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """ "nov 1..dec 31", "2026-01-01..", "..fri" or one date (from then on); DateError."""
    text = text.strip()
    if not text:
        return None, None
    for sep in ("..", " to "):
        if sep in text:
            start, _, end = text.partition(sep)
            break
    else:
        start, end = text, ""
    first = dates.parse_date(start, today) if start.strip() else None
    last = dates.parse_date(end, today) if end.strip() else None
    return first, last


def group_of(day: dt.date, by_week: bool) -> str:
    """The header a day falls under: "November 2026" or "Week of Mon 16 Nov 2026"."""
    if by_week:
        monday = day - dt.timedelta(days=day.weekday())
        return f"Week of {day_text(monday, weekday=True)}"
    return f"{day:%B %Y}"


Row = tuple[dt.date, str, str, str, tuple[str, ...]]
"""An event as a plain tuple (date, kind, id, text, people): plain tuples of dates and
strings are not tracked by the garbage collector, dataclasses are, and a big timeline
has tens of thousands of events (full collections would stall typing and scrolling)."""

TODAY_KEY = "#@today"
"""The key of the line that marks today (a '#' key: not an event, like a header)."""
OFFER_KINDS = ("offer", "offer-changed", "offer-deadline")
"""The events of an offer: the offer messages' keys work on them."""


def event_key(e: Event) -> str:
    """A key that names an event across reloads."""
    return f"{e.kind}:{e.id}:{e.date.isoformat()}"


class TimelineScreen(PromiseActions, TableScreen):
    """Every dated thing in the journal, oldest first, with group headers."""

    SUB_TITLE = "Timeline"
    BINDINGS = [
        Binding("g", "toggle_grouping", "Week/month", id="timeline.grouping"),
        Binding("i", "offer_in_writing", "Ask offer in writing", id="timeline.offer", show=False),
        Binding("m", "more_time", "Ask for more time", id="timeline.more-time", show=False),
        Binding("e", "edit_record", "Edit", id="timeline.edit", show=False),
        *promise_bindings(),
    ]
    DEFAULT_CSS = """
    TimelineScreen {
        .filters Select { width: 16; }
        .filters #t-range { width: 18; margin-left: 1; }
        .detail { height: 5; min-height: 0; }
    }
    """

    def __init__(self) -> None:
        """The screen, filled when mounted."""
        super().__init__()
        self.by_week = False
        self._events: dict[str, Row] = {}
        self._hay: dict[str, str] = {}
        self._other_flags: dict[str, list[Flag]] = {}
        self._headers: dict[str, int] = {}
        self._labels: dict[bool, tuple[int, dict[str, str]]] = {}
        self._base_key: tuple[object, ...] = ()
        self._base_keys: list[str] = []
        self._group_ends: tuple[list[str], bool, list[tuple[str, int]]] | None = None
        self._text_filter = TextFilter()
        self._placed = False
        self._range_error = ""
        self._drawn: tuple[int, bool, bool] = (-1, False, False)

    def compose(self) -> ComposeResult:
        """Filters, a summary line, the table and a detail pane."""
        yield Header()
        with Horizontal(classes="filters"):
            yield FilterInput(placeholder="/ filter text", compact=True, classes="text-filter")
            yield Select(KIND_OPTIONS, prompt="kind", compact=True, id="t-kind")
            yield Select([], prompt="person", compact=True, id="t-person")
            yield FilterInput(placeholder="from..to", compact=True, id="t-range")
        yield Static(classes="summary", markup=False)
        yield RecordTable(self.columns(80), id="timeline")
        yield Static(id="timeline-detail", classes="detail", markup=False)
        yield Footer()

    def columns(self, width: int) -> list[Column]:
        """Date, what, the event and its flags."""
        flags = 26 if width >= WIDE else 5
        return [Column("date", 11), Column("what", 9), Column("event"), Column("flags", flags)]

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the timeline again (once per journal revision), then filter it."""
        journal = self.journal
        changed = self.seen_revision != journal.revision
        if changed:
            app: Any = self.app
            events = {event_key(e): e for e in timeline(journal)}
            self._hay = {
                k: f"{e.text} {e.person} {KIND_LABEL[e.kind]} {e.id}".casefold()
                for k, e in events.items()
            }
            self._events = {k: (e.date, e.kind, e.id, e.text, e.people) for k, e in events.items()}
            other: dict[str, list[Flag]] = {}
            for o in journal.offers.values():
                other[o.id] = flags_for_offer(o, app.today, app.hedges, app.not_hedges)
            for a in journal.asks.values():
                other[a.id] = flags_for_ask(a, app.today, app.hedges, app.not_hedges)
            self._other_flags = other
            self.seen_revision = journal.revision
            self._update_people()
        self.refilter()

    def _update_people(self) -> None:
        names = {p.name for p in self.journal.people.values()}
        names |= {o.company for o in self.journal.offers.values()}
        people = sorted(names, key=str.casefold)
        self.set_select_options("#t-person", [(name, name) for name in people])

    def event(self, key: str) -> Event | None:
        """The event with this key, or None (a header row, or gone)."""
        row = self._events.get(key)
        return None if row is None else Event(*row)

    def flags_of(self, e: Event) -> list[Flag]:
        """The flags of the record an event comes from."""
        if e.kind.startswith("promise"):
            return self.promise_flags().get(e.id, [])
        return self._other_flags.get(e.id, [])

    def _range(self) -> tuple[dt.date | None, dt.date | None]:
        today = self.app.today
        try:
            found = parse_range(self.query_one("#t-range", Input).value, today)
        except dates.DateError as err:
            self._range_error = f"date range: {err}"
            return None, None
        self._range_error = ""
        return found

    def _base(self) -> list[str]:
        """The events that pass the kind, person and date range filters."""
        kind = self.query_one("#t-kind", Select).value
        person = self.query_one("#t-person", Select).value
        start, end = self._range()
        key = (self.seen_revision, kind, person, start, end)
        if key == self._base_key:
            return self._base_keys
        out = []
        for k, (day, what, _, _, who) in self._events.items():
            if (start and day < start) or (end and day > end):
                continue
            if kind is not Select.NULL and what != kind:
                continue
            if person is not Select.NULL and person not in who:
                continue
            out.append(k)
        self._base_key, self._base_keys = key, out
        return out

    def _label_of(self) -> dict[str, str]:
        """Event key -> the key of its group's header row ("#November 2026")."""
        cached = self._labels.get(self.by_week)
        if cached is None or cached[0] != self.seen_revision:
            by_day: dict[dt.date, str] = {}
            label_of = {}
            for key, (day, *_) in self._events.items():
                label = by_day.get(day)
                if label is None:
                    label = by_day[day] = "#" + group_of(day, self.by_week)
                label_of[key] = label
            cached = self._labels[self.by_week] = (self.seen_revision, label_of)
        return cached[1]

    def _groups(self, base: list[str]) -> list[tuple[str, int]]:
        """The groups of `base` in order: each header's key and where its events end."""
        cached = self._group_ends
        if cached is not None and cached[0] is base and cached[1] == self.by_week:
            return cached[2]
        labels = list(map(self._label_of().__getitem__, base))
        ends = [i for i in range(1, len(labels)) if labels[i] != labels[i - 1]]
        groups = [(labels[end - 1], end) for end in [*ends, len(labels)]] if labels else []
        self._group_ends = (base, self.by_week, groups)
        return groups

    def refilter(self) -> None:
        """Show the events that pass the filters, with a header row per group."""
        text = self.query_one(".text-filter", Input).value
        base = self._base()
        shown = self._text_filter.apply(base, self._hay, text)
        places = self._text_filter.positions
        rows: list[str] = []
        counts: dict[str, int] = {}
        # One step per group, not per event: where each group's events start in `base`
        # is known, so bisecting the places of the events shown splits them by group.
        start = 0
        for label, end in self._groups(base):
            stop = bisect_left(places, end, start)
            if stop > start:
                rows.append(label)
                rows.extend(shown[start:stop])
                counts[label] = counts.get(label, 0) + stop - start
            start = stop
        self._place_today(rows, shown)
        drawn = (self.seen_revision, self.wide, self.by_week)
        reuse = drawn == self._drawn
        self._drawn = drawn
        old_counts, self._headers = self._headers, counts
        self.table.set_rows(rows, self.cells, reuse=reuse)
        if reuse:  # headers whose counts changed with the filters are drawn again
            changed = {
                k for k in old_counts.keys() | counts.keys() if old_counts.get(k) != counts.get(k)
            }
            self.table.forget(changed)
        total = len(self._events)
        what = counted(total, "event")
        if len(shown) != total:
            what = f"{len(shown)} of {what}"
        grouping = "by week" if self.by_week else "by month"
        summary = f"{what}, {grouping} · g week/month · enter open"
        self.set_summary(self._range_error or summary, error=bool(self._range_error))
        if not self._placed and rows:
            self._placed = True
            self.call_after_refresh(self._go_to_today)
        if (self.table.cursor_key or "").startswith("#"):
            self._detail_shown = None  # a heading's details count what the filters show
        self.update_detail(self.table.cursor_key)

    def _place_today(self, rows: list[str], shown: list[str]) -> None:
        """Put the today line before the first event shown from today on (at the end
        when all are past; above the heading of a month or week that starts after
        today), unless the date range leaves today out."""
        if not rows:
            return
        today = self.app.today
        start, end = self._range()
        if (start and today < start) or (end and today > end):
            return
        events = self._events
        first = bisect_left(shown, today, key=lambda k: events[k][0])  # shown: date order
        if first == len(shown):  # everything shown is past
            rows.append(TODAY_KEY)
            return
        at = rows.index(shown[first])
        heading = "#" + group_of(events[shown[first]][0], self.by_week)
        if rows[at - 1] == heading != "#" + group_of(today, self.by_week):
            at -= 1  # a month starting after today: the line goes above its heading
        rows.insert(at, TODAY_KEY)

    def _go_to_today(self) -> None:
        """Start with the cursor on the first event from today on."""
        today = self.app.today
        for key in self.table.keys:
            row = self._events.get(key)
            if row is not None and row[0] >= today:
                self.table.move_to_key(key, center=True)
                return
        self.table.action_last()

    def cells(self, key: str) -> Cells:
        """An event's row (date, what, text, flags), or a group header."""
        if key == TODAY_KEY:
            today = self.app.today
            label = f"── today · {day_text(today, weekday=True)} "
            return label + "─" * max(0, self.table.size.width - len(label) - 1)
        if key.startswith("#"):
            return Text.assemble(key[1:], (f" · {self._headers.get(key, 0)}", "dim"))
        e = Event(*self._events[key])
        flags = flag_text(self.flags_of(e), short=not self.wide)
        return (day_text(e.date), KIND_LABEL[e.kind], visible(e.text), flags)

    def group_words(self, header: str) -> str:
        """What a month's (or week's) events shown hold: 'November 2026: 5 events shown:
        2 conversations, 3 promises made.'"""
        labels = self._label_of()
        kinds = Counter(self._events[k][1] for k in self.table.keys if labels.get(k) == header)
        parts = []
        for kind, n in kinds.most_common():
            noun, after = KIND_COUNTED.get(kind, ("event", ""))
            parts.append(counted(n, noun) + after)
        shown = counted(sum(kinds.values()), "event")
        return f"{header[1:]}: {shown} shown" + (f": {', '.join(parts)}." if parts else ".")

    def show_detail(self, key: str | None) -> None:
        """The event under the cursor, with its flags and their reasons."""
        pane = self.query_one("#timeline-detail", Static)
        self.refresh_bindings()  # the offer keys follow the cursor
        if key == TODAY_KEY:
            pane.update("Today: above, what has happened; below, what is due.", layout=False)
            return
        if key and key.startswith("#"):
            pane.update(self.group_words(key), layout=False)
            return
        e = self.event(key or "")
        if e is None:
            pane.update(
                "No events match." if self._events else "Nothing on the timeline yet.",
                layout=False,
            )
            return
        today = self.app.today
        text = Text(f"{day_text(e.date, weekday=True)} ({dates.describe(e.date, today)})")
        text.append(f" · {e.id} · {visible(e.text)}")
        for flag in self.flags_of(e):
            text.append("\n" + flag_reasons([flag]), flag_style(flag.flag))
        offer = self.journal.offers.get(e.id) if e.kind in OFFER_KINDS else None
        if offer is not None and offer.status == "open":
            keys = [] if offer.written else ["i asks for it in writing"]
            keys += ["m asks for more time to decide"] if offer.deadline else []
            if keys:
                text.append("\n" + " · ".join(keys), "dim")
        pane.update(text, layout=False)

    # -- actions --------------------------------------------------------------------------

    @on(RecordTable.RowSelected)
    def _open(self, event: RecordTable.RowSelected) -> None:
        e = self.event(event.row_key)
        if e is not None:
            self.leverage.open_record(e.id)

    def action_edit_record(self) -> None:
        """Edit the record of the event under the cursor."""
        e = self.event(self.table.cursor_key or "")
        if e is not None:
            self.leverage.edit_record(e.id)

    def selected_promise_id(self) -> str | None:
        """The promise of the event under the cursor, if it is a promise's event."""
        e = self.event(self.table.cursor_key or "")
        if e is None or not e.kind.startswith("promise"):
            return None
        return e.id if e.id in self.journal.promises else None

    def _offer_id(self) -> str | None:
        """The offer of the event under the cursor, if it is an offer's."""
        e = self.event(self.table.cursor_key or "")
        return e.id if e is not None and e.kind in OFFER_KINDS else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The offer messages' keys work on an offer's events only (dimmed elsewhere)."""
        if action in ("offer_in_writing", "more_time") and self._offer_id() is None:
            return None
        return self.promise_action_allowed(action)

    def action_offer_in_writing(self) -> None:
        """Write the message asking for the offer under the cursor in writing."""
        oid = self._offer_id()
        if oid is not None:
            self.app.open_offer_message(oid)

    def action_more_time(self) -> None:
        """Write the message asking for more days to decide on the offer under the cursor."""
        oid = self._offer_id()
        if oid is not None:
            self.app.open_offer_message(oid, more_time=True)

    def action_toggle_grouping(self) -> None:
        """Group by week, or by month."""
        self.by_week = not self.by_week
        self.refilter()
