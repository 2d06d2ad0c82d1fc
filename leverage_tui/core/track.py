"""Track record: how well the people in the journal have kept their word."""

from __future__ import annotations

from collections.abc import Iterable
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
    # Plain dicts in the loop (not Tally.add): this runs over every promise on each
    # change the Today screen shows, 20,000 of them in a ten-year journal.
    overall = dict.fromkeys(STATUSES, 0)
    verbal = dict.fromkeys(STATUSES, 0)
    written = dict.fromkeys(STATUSES, 0)
    people: dict[str, dict[str, int]] = {}
    late: list[int] = []
    moved = walked = 0
    for p in promises:
        status = p.status
        overall[status] += 1
        (verbal if p.form in UNWRITTEN_FORMS else written)[status] += 1
        person = people.get(p.by)
        if person is None:
            person = people[p.by] = dict.fromkeys(STATUSES, 0)
        person[status] += 1
        if status in ("honored", "partly") and p.due and p.status_on:
            late.append(max(0, (p.status_on - p.due).days))
        if p.history:
            moved += len(moved_later(p))
            if walked_back(p):
                walked += 1
    record = TrackRecord(
        overall=Tally(**overall),
        verbal=Tally(**verbal),
        written=Tally(**written),
        by_person={name: Tally(**counts) for name, counts in people.items()},
        moved_due_dates=moved,
        walked_back=walked,
    )
    if late:
        record.avg_days_late = sum(late) / len(late)
    return record


def percent(rate: float | None) -> str:
    """A honor rate as '67%', or '—' when there is none yet."""
    return "—" if rate is None else f"{round(rate * 100)}%"
