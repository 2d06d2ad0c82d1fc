"""Checks of records and their fields, as strict for a file or an import as for typing.

Every check raises InputError with one line that says what is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .records import (
    ASK_STATUSES,
    CATEGORIES,
    CHANNELS,
    FORMS,
    OFFER_STATUSES,
    PRIORITIES,
    ROLES,
    STATUSES,
    Ask,
    Conversation,
    Offer,
    Person,
    Promise,
    Record,
)
from .validate import NAME_LIMIT, InputError, choice, clean_text, money, optional_text

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)


def check_date(d: dt.date | None, what: str) -> dt.date | None:
    """`d` if it is a plausible date (1900-2200), else InputError."""
    if d is not None and not MIN_DATE <= d <= MAX_DATE:
        raise InputError(f"{what} {d.isoformat()} is out of range (1900 to 2200)")
    return d


def checked_offer(
    rid: str,
    company: str,
    role: str,
    base: int | str | None,
    bonus: int | str | None,
    equity: str,
    terms: str,
    **rest: Any,
) -> Offer:
    """An offer (or the current job) whose typed fields are checked like any input."""
    return Offer(
        rid,
        clean_text(company, "company", limit=NAME_LIMIT),
        clean_text(role, "role"),
        money(base, "base pay"),
        money(bonus, "bonus"),
        optional_text(equity, "equity"),
        optional_text(terms, "terms", multiline=True),
        **rest,
    )


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as one lowercase word each (a leading # dropped), each once."""
    out = []
    for tag in tags:
        clean = clean_text(tag, "tag", limit=NAME_LIMIT).lstrip("#").lower()
        if " " in clean or not clean:
            raise InputError(f"a tag is one word: {tag[:40]!r}")
        out.append(clean)
    return list(dict.fromkeys(out))


def dates_iso(d: dt.date | None) -> str | None:
    """A date as ISO text, or None."""
    return d.isoformat() if d is not None else None


def _exact(value: str, options: tuple[str, ...], what: str) -> None:
    """InputError unless `value` is exactly one of `options` (as an export writes it)."""
    if choice(value, options, what) != value:
        raise InputError(f"unknown {what} {str(value)[:40]!r} (choose {', '.join(options)})")


def validate_record(kind: str, record: Record) -> None:
    """Check a record (imported, or read by `leverage check`) as strictly as typed input."""
    if isinstance(record, Person):
        clean_text(record.name, "name", limit=NAME_LIMIT)
        _exact(record.role, ROLES, "role")
        optional_text(record.notes, "notes", multiline=True)
    elif isinstance(record, Conversation):
        if not record.people:
            raise InputError("a conversation needs at least one person")
        for name in record.people:
            clean_text(name, "name", limit=NAME_LIMIT)
        clean_text(record.summary, "summary")
        optional_text(record.notes, "notes", multiline=True)
        clean_tags(record.tags)
        _exact(record.channel, CHANNELS, "channel")
        check_date(record.on, "date")
    elif isinstance(record, Promise):
        clean_text(record.text, "promise text")
        clean_text(record.by, "name", limit=NAME_LIMIT)
        optional_text(record.evidence, "evidence")
        _exact(record.form, FORMS, "form")
        _exact(record.status, STATUSES, "status")
        _exact(record.category, CATEGORIES, "category")
        for d, what in ((record.made_on, "made date"), (record.due, "due date")):
            check_date(d, what)
        check_date(record.status_on, "status date")
        if record.conversation is not None and not isinstance(record.conversation, str):
            raise InputError("conversation must be an id")
    elif isinstance(record, Ask):
        clean_text(record.text, "ask")
        optional_text(record.measure, "measure")
        _exact(record.status, ASK_STATUSES, "ask status")
        _exact(record.priority, PRIORITIES, "priority")
        check_date(record.target, "target date")
        if not all(isinstance(p, str) for p in record.promises):
            raise InputError("an ask's promises must be ids")
    elif isinstance(record, Offer):
        clean_text(record.company, "company", limit=NAME_LIMIT)
        clean_text(record.role, "role")
        optional_text(record.equity, "equity")
        optional_text(record.terms, "terms", multiline=True)
        _exact(record.status, OFFER_STATUSES, "offer status")
        money(record.base, "base pay")
        money(record.bonus, "bonus")
        check_date(record.received, "received date")
        check_date(record.deadline, "deadline")
