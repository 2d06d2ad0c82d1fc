"""The one rule for narrowing what a listing shows: `-n N`, `--from`/`--to`, `--tag`,
`--person`, and on promises `--status` and `--form`.

`leverage list`, `flags`, `timeline` and `export` all filter through `select`, so the
same options mean the same thing everywhere (and in `--json`):

- a record's date is the day it happened: a conversation's `on`, a promise's `made_on`,
  an offer's `received`, a win's or decision's `on`, a file's `added`, an ask's
  `target`; a person has none (a date filter leaves no people);
- its people are who it concerns: a promise's `by`, a conversation's people, an offer's
  company, a person's name, an ask's linked promises' makers, a decision's offer's
  company, an attached file's record's people;
- its tags are a conversation's or win's own; a promise carries its conversation's;
- `--status`/`--form` keep promises in that status/form (anything else is left out);
- `-n N` keeps the latest N by date (after the other filters), in the listing's order.

Bad values are `InputError` (one line); no Textual, no CLI here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .checks import InputError
from .dates import DateError, parse_date
from .records import FORMS, STATUSES, Ask, Conversation, Offer, Person, Promise, Record

if TYPE_CHECKING:
    from .journal import Journal

T = TypeVar("T")


@dataclass(frozen=True)
class Filter:
    """What to keep: every field left at its default keeps everything."""

    latest: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    tag: str | None = None
    person: str | None = None
    status: tuple[str, ...] = ()
    form: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        """True when anything is filtered."""
        return self != Filter()

    @property
    def promises_only(self) -> bool:
        """True when `--status` or `--form` keeps only promises."""
        return bool(self.status or self.form)


def make_filter(
    today: dt.date,
    *,
    latest: int | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    tag: str | None = None,
    person: str | None = None,
    status: Sequence[str] = (),
    form: Sequence[str] = (),
) -> Filter:
    """A checked Filter from what was typed (dates through the core date parser);
    InputError names the first bad value."""
    if latest is not None and latest < 1:
        raise InputError(f"-n must be 1 or more (got {latest})")
    first, last = _day("--from", start, today), _day("--to", end, today)
    if first and last and first > last:
        raise InputError(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    statuses = tuple(_choice("--status", s, STATUSES) for s in status)
    forms = tuple(_choice("--form", f, FORMS) for f in form)
    wanted_tag = tag.strip().lstrip("#").casefold() if tag is not None else None
    if wanted_tag == "":
        raise InputError("--tag needs a tag (e.g. --tag lead)")
    who = " ".join(person.split()) if person is not None else None
    if who == "":
        raise InputError("--person needs a name")
    return Filter(latest, first, last, wanted_tag, who, statuses, forms)


def _day(option: str, value: str | dt.date | None, today: dt.date) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value, today)
    except DateError as err:
        raise InputError(f"{option}: {err}") from None


def _choice(option: str, value: str, choices: Sequence[str]) -> str:
    wanted = value.strip().lower()
    if wanted not in choices:
        raise InputError(f"{option} {value[:30]!r} is not one of {', '.join(choices)}")
    return wanted


def known_person(journal: Journal, name: str) -> str:
    """The name as the journal spells it (a person, a promise's maker or an offer's
    company, case and spacing ignored); InputError when nobody has that name."""
    wanted = " ".join(name.split()).casefold()
    known = [p.name for p in journal.people.values()]
    known += [o.company for o in journal.offers.values()]
    known += [p.by for p in journal.promises.values()]
    for candidate in known:
        if candidate.casefold() == wanted:
            return candidate
    raise InputError(f"no person or company named {name[:40]!r} (see: leverage list people)")


def record_date(record: Any) -> dt.date | None:
    """The day a record happened (see the module docstring), or None."""
    for name in ("on", "made_on", "received", "added", "target"):
        value = getattr(record, name, None)
        if isinstance(value, dt.date):
            return value
    return None


def record_people(journal: Journal, record: Any) -> tuple[str, ...]:
    """Who a record concerns (see the module docstring)."""
    if isinstance(record, Promise):
        return (record.by,)
    if isinstance(record, Conversation):
        return tuple(record.people)
    if isinstance(record, Offer):
        return (record.company,)
    if isinstance(record, Person):
        return (record.name,)
    if isinstance(record, Ask):
        promises = journal.promises
        return tuple(promises[p].by for p in record.promises if p in promises)
    offer_id = getattr(record, "offer", None)
    if isinstance(offer_id, str):  # a decision
        offer = journal.offers.get(offer_id)
        return (offer.company,) if offer else ()
    about = getattr(record, "record", None)
    if isinstance(about, str):  # an attached file
        try:
            return record_people(journal, journal.get(about))
        except InputError:
            return ()
    return ()


def record_tags(journal: Journal, record: Any) -> tuple[str, ...]:
    """A record's tags, case folded (a promise carries its conversation's)."""
    if isinstance(record, Promise):
        conv = journal.conversations.get(record.conversation or "")
        return tuple(t.casefold() for t in conv.tags) if conv else ()
    return tuple(t.casefold() for t in getattr(record, "tags", ()) or ())


def keeps(journal: Journal, f: Filter, record: Any, day: dt.date | None = None) -> bool:
    """True when `record` passes every filter but `-n` (`day`: a date other than the
    record's own, e.g. a timeline event's)."""
    if f.promises_only:
        if not isinstance(record, Promise):
            return False
        if f.status and record.status not in f.status:
            return False
        if f.form and record.form not in f.form:
            return False
    if f.start or f.end:
        when = day if day is not None else record_date(record)
        if when is None or (f.start and when < f.start) or (f.end and when > f.end):
            return False
    if f.tag is not None and f.tag not in record_tags(journal, record):
        return False
    if f.person is not None:
        wanted = f.person.casefold()
        if not any(name.casefold() == wanted for name in record_people(journal, record)):
            return False
    return True


def select(
    journal: Journal,
    f: Filter,
    items: Iterable[T],
    record_of: Callable[[T], Record | None] = lambda item: item,  # type: ignore[assignment,return-value]
    date_of: Callable[[T], dt.date | None] | None = None,
    people_of: Callable[[T], Sequence[str]] | None = None,
) -> list[T]:
    """The items that pass `f`, in their order; the latest `f.latest` by date at most.

    `record_of` finds the record an item is about (None: judged on date and people
    only); `date_of`/`people_of` give an item's own date and people when they are not
    its record's (a timeline event's day, the people it names).
    """
    kept: list[T] = []
    days: list[dt.date | None] = []
    # what an item judged on its own date and people asks of its record (built once)
    narrower = Filter(start=f.start, end=f.end, tag=f.tag, status=f.status, form=f.form)
    for item in items:
        record = record_of(item)
        day = date_of(item) if date_of else None
        if record is None or people_of is not None:
            people = people_of(item) if people_of else ()
            if not _keeps_item(journal, f, narrower, record, day, people):
                continue
        elif not keeps(journal, f, record, day):
            continue
        kept.append(item)
        days.append(day if day is not None else record_date(record))
    if f.latest is None or len(kept) <= f.latest:
        return kept
    order = sorted(range(len(kept)), key=lambda i: (days[i] or dt.date.min, i))
    chosen = set(order[-f.latest :])
    return [item for i, item in enumerate(kept) if i in chosen]


def _keeps_item(
    journal: Journal,
    f: Filter,
    narrower: Filter,
    record: Any,
    day: dt.date | None,
    people: Sequence[str],
) -> bool:
    """An item judged on its own date and people, its record's status, form and tags
    (`narrower`: `f` without the person and the count)."""
    if f.person is not None:
        wanted = f.person.casefold()
        if not any(name.casefold() == wanted for name in people):
            return False
    if record is None:
        return not (f.promises_only or f.tag) and _in_range(f, day)
    return keeps(journal, narrower, record, day)


def _in_range(f: Filter, day: dt.date | None) -> bool:
    if not (f.start or f.end):
        return True
    return day is not None and not (f.start and day < f.start) and not (f.end and day > f.end)
