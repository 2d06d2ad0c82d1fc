"""The iCalendar export: an all-day event for every promise due date and every offer
decision deadline, with UIDs unique per journal, SEQUENCE and LAST-MODIFIED (so a moved
date replaces the old event), and optional reminders.

A pure function of a journal; it never reads the clock (DTSTAMP is the journal's today
at midnight UTC).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .checks import InputError
from .filters import Filter, record_date, select
from .journal_id import journal_id
from .records import Offer, Promise
from .review import money
from .visible import visible

if TYPE_CHECKING:
    from icalendar import Event
    from icalendar.cal import Component

    from .journal import Journal

PRODID = "-//Leverage//leverage-tui//EN"
"""Who made the calendar (RFC 5545 PRODID)."""


CALENDAR_WARNING = (
    "a calendar synced to a work account (Google Workspace, Outlook/Exchange) shows these "
    "events to your employer: import them into a private calendar"
)
"""The one line `export --format ics` prints on stderr."""

_ALARM = re.compile(r"^\s*(\d{1,4})\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_alarm(text: str) -> dt.timedelta:
    """How long before an event a reminder goes off: "1d", "2h", "30m", "1w";
    InputError for anything else."""
    found = _ALARM.match(text)
    amount = int(found.group(1)) if found else 0
    if not found or amount == 0 or amount > 9999:
        raise InputError(
            f"--alarm {text[:20]!r} is not a time before the event (try 1d, 2h, 30m, 1w)"
        )
    return dt.timedelta(**{_UNITS[found.group(2).lower()]: amount})


def _alarm(before: dt.timedelta, summary: str) -> Component:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -before)
    alarm.add("description", summary)
    return alarm


def _event(
    uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime, record: Any
) -> Event:
    from icalendar import Event  # slow import (0.05-0.1 s): only when exporting

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    # every change to the record can change the event: calendars that keep the copy
    # with the higher SEQUENCE (or the later LAST-MODIFIED) take a moved date
    history = record.history
    event.add("sequence", len(history))
    changed = max((c.on for c in history), default=record_date(record) or stamp.date())
    event.add("last-modified", dt.datetime.combine(min(changed, stamp.date()), _MIDNIGHT, dt.UTC))
    return event


_MIDNIGHT = dt.time(0, 0)


def calendar_events(
    journal: Journal,
    pending: bool = False,
    alarms: Sequence[dt.timedelta] = (),
    keep: Filter | None = None,
) -> list[Event]:
    """An all-day event for every promise due date and every offer decision deadline.

    `pending`: only promises still pending and offers still open. `alarms`: reminders
    this long before each pending/open event. `keep`: the listing filters, a record's
    date being its event's day. UIDs carry the journal's id (journal_id.py), so two
    journals never share an event in one calendar.
    """
    stamp = dt.datetime.combine(journal.today, _MIDNIGHT, tzinfo=dt.UTC)
    jid = journal_id(journal.storage.meta, journal.path)
    promises = [p for p in journal.promises.values() if p.due is not None]
    offers = [o for o in journal.offers.values() if o.deadline is not None]
    if pending:
        promises = [p for p in promises if p.pending]
        offers = [o for o in offers if o.status == "open"]
    if keep is not None and keep.active:  # -n: the latest N events of either kind
        both: list[Promise | Offer] = [*promises, *offers]
        kept = {r.id for r in select(journal, keep, both, date_of=_day)}
        promises = [p for p in promises if p.id in kept]
        offers = [o for o in offers if o.id in kept]
    events = []
    for p in promises:
        assert p.due is not None
        mark = "" if p.pending else f"[{p.status}] "
        summary = visible(f"{mark}Due from {p.by}: {p.text}")
        about = visible(
            f"{p.by} promised this on {p.made_on.isoformat()} ({p.form}); status {p.status}."
        )
        event = _event(f"{p.id}-due-{jid}@leverage", p.due, summary, about, stamp, p)
        for before in alarms if p.pending else ():
            event.add_component(_alarm(before, summary))
        events.append(event)
    for o in offers:
        assert o.deadline is not None
        what = "counteroffer" if o.counter else "offer"
        summary = visible(f"Decide on the {o.company} {what}")
        about = visible(
            f"{o.role}; base {money(o.base)}; {'in writing' if o.written else 'verbal'}."
        )
        event = _event(f"{o.id}-deadline-{jid}@leverage", o.deadline, summary, about, stamp, o)
        for before in alarms if o.status == "open" else ():
            event.add_component(_alarm(before, summary))
        events.append(event)
    return events


def _day(record: Promise | Offer) -> dt.date | None:
    """The day of a record's event: a promise's due date, an offer's deadline."""
    return record.due if isinstance(record, Promise) else record.deadline


def ics_bytes(
    journal: Journal,
    pending: bool = False,
    alarms: Sequence[dt.timedelta] = (),
    keep: Filter | None = None,
) -> bytes:
    """The iCalendar (RFC 5545) file of the due dates and decision deadlines
    (`calendar_events` says which)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Leverage: due dates and deadlines")
    for event in calendar_events(journal, pending, alarms, keep):
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
