"""Track record: how well the people in the journal have kept their word."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .flags import moved_later, walked_back
from .records import STATUSES, UNWRITTEN_FORMS, Promise


@dataclass
class Tally:
    """Counts of promises per status, and the honor rate they give."""

    honored: int = 0
    partly: int = 0
    broken: int = 0
    withdrawn: int = 0
    pending: int = 0

    def add(self, promise: Promise) -> None:
        """Count one more promise."""
        setattr(self, promise.status, getattr(self, promise.status) + 1)

    @property
    def resolved(self) -> int:
        """Promises that are no longer pending."""
        return self.honored + self.partly + self.broken + self.withdrawn

    @property
    def total(self) -> int:
        """All promises counted."""
        return self.resolved + self.pending

    @property
    def honor_rate(self) -> float | None:
        """(honored + half of partly) / resolved, None when nothing is resolved."""
        if not self.resolved:
            return None
        return (self.honored + 0.5 * self.partly) / self.resolved

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: counts and honor_rate (null when nothing is resolved)."""
        rate = self.honor_rate
        return {
            "honored": self.honored,
            "partly": self.partly,
            "broken": self.broken,
            "withdrawn": self.withdrawn,
            "pending": self.pending,
            "honor_rate": round(rate, 4) if rate is not None else None,
        }


@dataclass
class TrackRecord:
    """The whole track record: overall, verbal vs written, per person, lateness."""

    overall: Tally = field(default_factory=Tally)
    verbal: Tally = field(default_factory=Tally)
    written: Tally = field(default_factory=Tally)
    by_person: dict[str, Tally] = field(default_factory=dict)
    avg_days_late: float | None = None
    moved_due_dates: int = 0
    walked_back: int = 0

    def to_doc(self) -> dict[str, Any]:
        """The JSON form of the track record."""
        return {
            "overall": self.overall.to_doc(),
            "verbal": self.verbal.to_doc(),
            "written": self.written.to_doc(),
            "by_person": {name: t.to_doc() for name, t in sorted(self.by_person.items())},
            "avg_days_late": round(self.avg_days_late, 2)
            if self.avg_days_late is not None
            else None,
            "moved_due_dates": self.moved_due_dates,
            "walked_back": self.walked_back,
        }


def track_record(promises: Iterable[Promise]) -> TrackRecord:
    """The track record of `promises`.

    Verbal means verbal or recap-sent; written means written or official (current form).
    Days late counts honored and partly honored promises with a due date: the days
    between the due date and the day they were kept (0 when on time).
    """
    counter = _Counts()
    for p in promises:
        counter.count(p, 1)
    return counter.record()


class TrackKeeper:
    """The track record of a journal's promises, kept up to date at little cost.

    Records never change in place (a changed promise is a new object), so `update`
    counts again only the promises whose record is not the one it counted last time:
    after one change in a ten-year journal, one promise instead of 20,000.
    """

    def __init__(self) -> None:
        """Nothing counted yet."""
        self._counts = _Counts()
        self._counted: dict[str, Promise] = {}

    def update(self, promises: Mapping[str, Promise]) -> TrackRecord:
        """The track record of `promises` (id -> promise), counting only what changed."""
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

    def __init__(self) -> None:
        self.overall = dict.fromkeys(STATUSES, 0)
        self.verbal = dict.fromkeys(STATUSES, 0)
        self.written = dict.fromkeys(STATUSES, 0)
        self.people: dict[str, dict[str, int]] = {}
        self.late_days = 0
        self.late_count = 0
        self.moved = 0
        self.walked = 0

    def count(self, p: Promise, sign: int) -> None:
        """Count `p` in (sign 1) or out (sign -1)."""
        # Plain dicts and ints (not Tally.add): this runs over every promise once.
        status = p.status
        self.overall[status] += sign
        (self.verbal if p.form in UNWRITTEN_FORMS else self.written)[status] += sign
        people = self.people
        person = people.get(p.by)
        if person is None:
            person = people[p.by] = dict.fromkeys(STATUSES, 0)
        person[status] += sign
        if status in ("honored", "partly") and p.due and p.status_on:
            self.late_days += sign * max(0, (p.status_on - p.due).days)
            self.late_count += sign
        if p.history:
            self.moved += sign * len(moved_later(p))
            if walked_back(p):
                self.walked += sign

    def record(self) -> TrackRecord:
        """The track record of what is counted now."""
        record = TrackRecord(
            overall=Tally(**self.overall),
            verbal=Tally(**self.verbal),
            written=Tally(**self.written),
            by_person={
                name: Tally(**counts)
                for name, counts in self.people.items()
                if any(counts.values())
            },
            moved_due_dates=self.moved,
            walked_back=self.walked,
        )
        if self.late_count:
            record.avg_days_late = self.late_days / self.late_count
        return record


def percent(rate: float | None) -> str:
    """A honor rate as '67%', or '—' when there is none yet."""
    return "—" if rate is None else f"{round(rate * 100)}%"
