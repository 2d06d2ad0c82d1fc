"""Track record: how well the people in the journal have kept their word.

One set of definitions, used by Today, Review, the Markdown brief, the checklist and
`leverage review --json`:

- **resolved**: honored, partly honored, broken or withdrawn (pending is not resolved).
- **kept** means honored. Partly honored promises are shown beside it, never inside it
  ("2 of 5 kept, 1 partly"); broken and withdrawn ones are not kept.
- **honor rate** = (honored + ½ partly) / resolved.
- **too few to tell**: under MIN_RESOLVED (5) resolved promises a rate is no finding. It
  is shown as "too few to tell" beside its count, never as a percentage to trust, and
  never coloured as good or bad.
- **interval**: the Wilson 95% score interval of the honor rate over the resolved
  promises (a partly honored one counts as half a success); None when none is resolved.
- **late**: pending promises past their due date (what the overdue flag flags), counted
  against whoever made them in the text: "Sybil: 1 of 1 kept, 5 overdue".
- **verbal vs written** goes by the form a promise had **when it was made**: the `old`
  value of the first form change in its history, else its form now. Verbal means verbal
  or recap-sent; written means written or official. A promise made verbally and later
  confirmed in writing stays in the verbal group, counted there as `confirmed_later`.
- **days late**: honored and partly honored promises with a due date, the days between
  the due date and the day they were kept (0 when on time).
- **released** ("no longer expected": the user left the employer who made them) is
  neither pending nor resolved: it never counts as broken, nor in the honor rate.
- **written without evidence**: promises said to be written or official with no
  evidence recorded (a quote, an email subject, an attached file).

The counts depend on today (what is late), so every count takes it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .flags import moved_later, walked_back
from .plural import counted
from .records import FORMS, STATUSES, UNWRITTEN_FORMS, Promise

MIN_RESOLVED = 5
"""Under this many resolved promises a rate reads "too few to tell"."""
TOO_FEW = "too few to tell"
"""What a rate reads when it rests on too few resolved promises."""
Z95 = 1.959964
"""The normal quantile of a two-sided 95% interval."""
_FIELDS = (*STATUSES, "late", "confirmed_later")


@dataclass(frozen=True)
class Tally:
    """Counts of promises per status, the late and the confirmed-later ones, and the
    honor rate they give (see the module docstring for each word)."""

    honored: int = 0
    partly: int = 0
    broken: int = 0
    withdrawn: int = 0
    pending: int = 0
    late: int = 0
    confirmed_later: int = 0
    released: int = 0

    @property
    def resolved(self) -> int:
        """Promises kept or not: honored, partly, broken or withdrawn (not released)."""
        return self.honored + self.partly + self.broken + self.withdrawn

    @property
    def total(self) -> int:
        """All promises counted (released ones too)."""
        return self.resolved + self.pending + self.released

    @property
    def honor_rate(self) -> float | None:
        """(honored + half of partly) / resolved, None when nothing is resolved."""
        if not self.resolved:
            return None
        return (self.honored + 0.5 * self.partly) / self.resolved

    @property
    def too_few(self) -> bool:
        """True when fewer than MIN_RESOLVED promises are resolved: too few to tell."""
        return self.resolved < MIN_RESOLVED

    @property
    def interval(self) -> tuple[float, float] | None:
        """The Wilson 95% interval of the honor rate, None when nothing is resolved."""
        return wilson(self.honored + 0.5 * self.partly, self.resolved)

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: the counts, resolved, honor_rate, too_few and interval."""
        rate = self.honor_rate
        interval = self.interval
        return {
            "honored": self.honored,
            "partly": self.partly,
            "broken": self.broken,
            "withdrawn": self.withdrawn,
            "pending": self.pending,
            "released": self.released,
            "resolved": self.resolved,
            "late": self.late,
            "confirmed_later": self.confirmed_later,
            "honor_rate": round(rate, 4) if rate is not None else None,
            "too_few": self.too_few,
            "interval": [round(x, 4) for x in interval] if interval else None,
        }


@dataclass(frozen=True)
class TrackRecord:
    """The whole track record: overall, verbal vs written (as made), per person, lateness.

    recap_confirmed: of the promises confirmed in writing later, those that went through
    recap-sent on the way (the recap worked).
    """

    overall: Tally = field(default_factory=Tally)
    verbal: Tally = field(default_factory=Tally)
    written: Tally = field(default_factory=Tally)
    by_person: dict[str, Tally] = field(default_factory=dict)
    avg_days_late: float | None = None
    moved_due_dates: int = 0
    walked_back: int = 0
    recap_confirmed: int = 0
    written_without_evidence: int = 0

    def to_doc(self) -> dict[str, Any]:
        """The JSON form of the track record."""
        late = self.avg_days_late
        return {
            "overall": self.overall.to_doc(),
            "verbal": self.verbal.to_doc(),
            "written": self.written.to_doc(),
            "by_person": {name: t.to_doc() for name, t in sorted(self.by_person.items())},
            "avg_days_late": round(late, 2) if late is not None else None,
            "moved_due_dates": self.moved_due_dates,
            "walked_back": self.walked_back,
            "recap_confirmed": self.recap_confirmed,
            "written_without_evidence": self.written_without_evidence,
        }


def wilson(successes: float, n: int) -> tuple[float, float] | None:
    """The Wilson 95% score interval of a rate of `successes` out of `n` (None for n 0)."""
    if n <= 0:
        return None
    p = successes / n
    z2 = Z95 * Z95
    scale = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / scale
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / scale
    low = 0.0 if successes <= 0 else max(0.0, centre - half)  # exact ends, no rounding dust
    high = 1.0 if successes >= n else min(1.0, centre + half)
    return low, high


def made_form(p: Promise) -> str:
    """The form `p` had when it was made: the first form change's old value, else now's."""
    for change in p.history:
        if change.field == "form":
            old = change.old
            return old if old is not None and old in FORMS else p.form
    return p.form


def made_verbally(p: Promise) -> bool:
    """True when `p` was only words (verbal or recap-sent) when it was made."""
    return made_form(p) in UNWRITTEN_FORMS


def is_late(p: Promise, today: dt.date) -> bool:
    """True when `p` is pending and past its due date."""
    return p.status == "pending" and p.due is not None and p.due < today


def _recapped(p: Promise) -> bool:
    """True when `p` was in recap-sent at some point (a form change to or from it)."""
    return any(c.field == "form" and "recap-sent" in (c.old, c.new) for c in p.history)


def track_record(promises: Iterable[Promise], today: dt.date) -> TrackRecord:
    """The track record of `promises` as of `today` (see the module docstring)."""
    counter = _Counts(today)
    for p in promises:
        counter.count(p, 1)
    return counter.record()


class TrackKeeper:
    """The track record of a journal's promises, kept up to date at little cost.

    Records never change in place (a changed promise is a new object), so `update`
    counts again only the promises whose record is not the one it counted last time:
    after one change in a ten-year journal, one promise instead of 20,000. A new today
    (what is late changes) counts them all again.
    """

    def __init__(self) -> None:
        """Nothing counted yet."""
        self._today: dt.date | None = None
        self._counts = _Counts(dt.date.min)
        self._counted: dict[str, Promise] = {}

    def update(self, promises: Mapping[str, Promise], today: dt.date) -> TrackRecord:
        """The track record of `promises` (id -> promise) as of `today`, counting only
        what changed since the last update."""
        if today != self._today:
            self._today = today
            self._counts = _Counts(today)
            self._counted = {}
        counted = self._counted
        counts = self._counts
        if not counted:  # the first time: count them all, no comparing
            count = counts.count
            for p in promises.values():
                count(p, 1)
            counted.update(promises)
            return counts.record()
        for rid, p in promises.items():
            before = counted.get(rid)
            if before is p:
                continue
            if before is not None:
                counts.count(before, -1)
            counts.count(p, 1)
            counted[rid] = p
        if len(counted) != len(promises):
            for rid in [rid for rid in counted if rid not in promises]:
                counts.count(counted.pop(rid), -1)
        return counts.record()


class _Counts:
    """Running counts: a promise is counted in with +1 and out again with -1."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.overall = dict.fromkeys(_FIELDS, 0)
        self.verbal = dict.fromkeys(_FIELDS, 0)
        self.written = dict.fromkeys(_FIELDS, 0)
        self.people: dict[str, dict[str, int]] = {}
        self.late_days = 0
        self.late_count = 0
        self.moved = 0
        self.walked = 0
        self.recapped = 0
        self.no_evidence = 0

    def count(self, p: Promise, sign: int) -> None:
        """Count `p` in (sign 1) or out (sign -1)."""
        # Plain dicts and ints, written out: this runs over every promise once.
        status = p.status
        form = p.form
        history = p.history
        verbal = (made_form(p) if history else form) in UNWRITTEN_FORMS
        person = self.people.get(p.by)
        if person is None:
            person = self.people[p.by] = dict.fromkeys(_FIELDS, 0)
        overall = self.overall
        group = self.verbal if verbal else self.written
        overall[status] += sign
        group[status] += sign
        person[status] += sign
        if status == "pending":
            due = p.due
            if due is not None and due < self.today:
                overall["late"] += sign
                group["late"] += sign
                person["late"] += sign
        elif status in ("honored", "partly") and p.due and p.status_on:
            self.late_days += sign * max(0, (p.status_on - p.due).days)
            self.late_count += sign
        if verbal and form not in UNWRITTEN_FORMS:
            overall["confirmed_later"] += sign
            group["confirmed_later"] += sign
            person["confirmed_later"] += sign
            if _recapped(p):
                self.recapped += sign
        if history:
            self.moved += sign * len(moved_later(p))
            if walked_back(p):
                self.walked += sign
        if form not in UNWRITTEN_FORMS and not p.evidence.strip():
            self.no_evidence += sign

    def record(self) -> TrackRecord:
        """The track record of what is counted now."""
        return TrackRecord(
            overall=Tally(**self.overall),
            verbal=Tally(**self.verbal),
            written=Tally(**self.written),
            by_person={
                name: Tally(**counts)
                for name, counts in self.people.items()
                if any(counts.values())
            },
            avg_days_late=self.late_days / self.late_count if self.late_count else None,
            moved_due_dates=self.moved,
            walked_back=self.walked,
            recap_confirmed=self.recapped,
            written_without_evidence=self.no_evidence,
        )


# -- in words: every screen and the brief say the same thing the same way ---------------


DEFINITION = (
    "Kept means honored; the honor rate is (kept + ½ partly) / resolved, shown with its "
    f'95% range, and reads "{TOO_FEW}" under {MIN_RESOLVED} resolved promises.'
)
"""One sentence saying how the track record counts, shown under its table."""


def percent(rate: float | None) -> str:
    """A honor rate as '67%', or '—' when there is none yet."""
    return "—" if rate is None else f"{round(rate * 100)}%"


def rate_words(t: Tally, *, brief: bool = False) -> str:
    """'50% (95% range 17–83%)' ('50% (17–83%)' when `brief`, for a table whose header
    names the range), or 'too few to tell' under MIN_RESOLVED resolved promises."""
    interval = t.interval
    if t.too_few or interval is None:
        return TOO_FEW
    low, high = interval
    named = "" if brief else "95% range "
    return f"{percent(t.honor_rate)} ({named}{round(low * 100)}–{percent(high)})"


TRACK_COLUMNS = ("kept", "partly", "broken", "withdrawn", "pending", "overdue")
"""The count columns of a track-record table, in order; the rate comes after them."""
TRACK_LABELS = ("all", "made verbally", "made in writing")
"""The first three rows of the track record on screen (the brief spells them out)."""


def track_rows(
    record: TrackRecord, labels: tuple[str, str, str], person: Callable[[str], str]
) -> list[list[str]]:
    """The track record as table rows, each a label, the counts of TRACK_COLUMNS and the
    rate: everything, made verbally, made in writing (`labels` name these three), then
    one row a person, named by `person(name)` (the caller escapes it for its output)."""

    def row(label: str, t: Tally) -> list[str]:
        counts = (t.honored, t.partly, t.broken, t.withdrawn, t.pending, t.late)
        return [label, *(f"{n:,}" for n in counts), rate_words(t, brief=True)]

    overall, verbal, written = labels
    rows = [row(overall, record.overall), row(verbal, record.verbal), row(written, record.written)]
    return rows + [row(person(name), t) for name, t in sorted(record.by_person.items())]


def kept_words(t: Tally) -> str:
    """'2 of 5 kept, 1 partly' (kept = honored), or 'nothing resolved yet'."""
    if not t.resolved:
        return "nothing resolved yet"
    text = f"{t.honored:,} of {t.resolved:,} kept"
    return text + (f", {t.partly:,} partly" if t.partly else "")


def tally_words(t: Tally) -> str:
    """Counts, overdue ones, then the rate: '1 of 1 kept, 5 overdue: too few to tell'
    ('nothing resolved yet, 2 overdue' when nothing is)."""
    late = f", {t.late:,} overdue" if t.late else ""
    if not t.resolved:
        return f"{kept_words(t)}{late}"
    return f"{kept_words(t)}{late}: {rate_words(t)}"


def comparison_words(record: TrackRecord) -> str:
    """Verbal against written (as made), a finding only when both rest on enough:
    'verbal vs written: too few to tell (1 and 4 resolved)' or
    'made verbally 50% (3 of 6 kept) vs in writing 83% (5 of 6 kept)'."""
    v, w = record.verbal, record.written
    if v.too_few or w.too_few:
        return f"verbal vs written: {TOO_FEW} ({v.resolved} and {w.resolved} resolved)"
    return (
        f"made verbally {percent(v.honor_rate)} ({kept_words(v)}) "
        f"vs in writing {percent(w.honor_rate)} ({kept_words(w)})"
    )


def evidence_words(record: TrackRecord) -> str:
    """'2 written promises have no evidence recorded' (a quote, an email subject, a file),
    or '' when every written or official promise has some."""
    n = record.written_without_evidence
    if not n:
        return ""
    return f"{counted(n, 'written promise')} {'has' if n == 1 else 'have'} no evidence recorded"


def confirmed_words(record: TrackRecord) -> str:
    """'3 verbal promises confirmed in writing later: the recap worked' (the last words
    only when a recap was sent for at least one of them), or '' when none was."""
    n = record.verbal.confirmed_later
    if not n:
        return ""
    made = f"{counted(n, 'verbal promise')} confirmed in writing later"
    return made + (": the recap worked" if record.recap_confirmed else "")
