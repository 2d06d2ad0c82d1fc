"""The one validator: what a good value, record and journal are.

Typed input, a loaded journal file, an import, a restored backup and `leverage check`
all go through the same rules, each in one place:

- `clean(spec, value)`: a value as a person typed it, made tidy (stripped, choices in
  lower case, "120k" as 120000, tags as one lowercase word) and checked: InputError
  with one line saying what to do otherwise.
- `field_problem(spec, value)`: what is wrong with a stored value, or None. No control
  characters (C0, C1) and no bidirectional-text controls in any text, history included;
  line breaks only where a field holds several lines; dates 1900-2200.
- `record_problems(kind, record)` and `journal_problems(tables)`: every field of every
  record, then what records say of each other (a promise's person is in the people
  list, its conversation exists, an ask's promises exist, names are unique).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .records import FLOOR_FIELDS, MONEY_LIMIT, Change, Floor, Record
from .registry import KINDS, FieldSpec, Kind, record_id


class InputError(ValueError):
    """Bad input from the user: the message is one line saying what to do instead."""


MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidirectional embeddings, overrides and isolates: they reorder what a terminal shows
(U+202E makes "txt.exe" read "exe.txt"). The marks U+200E, U+200F and U+061C, which
right-to-left writing needs and which cannot reorder a run, stay allowed."""
_BAD = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI}\ud800-\udfff]")
"""Characters no text may hold (newline and tab are judged per field)."""
_LINE_BREAKS = "\n\r\u2028\u2029"


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """Why `text` cannot be kept (a control, a bidi control, a line break), or None.

    Tabs are allowed everywhere, newlines only in a multi-line text.
    """
    found = _BAD.search(text)
    if found is not None:
        ch = found.group()
        if ch in "\u2028\u2029" or (ch == "\r" and not multiline):
            return "a line break"
        if ch in BIDI:
            return f"a bidirectional-text control (U+{ord(ch):04X})"
        return f"control character {ch!r}"
    if not multiline and "\n" in text:
        return "a line break"
    return None


def text_problem(text: str, what: str, *, multiline: bool, limit: int | None) -> str | None:
    """What is wrong with a stored text, or None."""
    if limit is not None and len(text) > limit:
        return f"{what} is too long ({len(text):,} characters; at most {limit:,})"
    bad = bad_character(text, multiline=multiline)
    return f"{what} contains {bad}: remove it" if bad else None


def date_problem(day: Any, what: str) -> str | None:
    """What is wrong with a stored date, or None."""
    if not isinstance(day, dt.date):
        return f"{what} is not a date"
    if not MIN_DATE <= day <= MAX_DATE:
        return f"{what} {day.isoformat()} is out of range (1900 to 2200)"
    return None


def _one_problem(spec: FieldSpec, value: Any) -> str | None:
    """The problem of one (non-tuple) value of a field."""
    what, kind = spec.what, spec.input
    if kind in ("line", "name", "notes", "tag", "id", "time"):
        if not isinstance(value, str):
            return f"{what} is not text"
        if spec.required and not value.strip():
            return f"{what} is empty: write something"
        if kind == "tag" and (not value or any(c.isspace() for c in value) or "#" in value):
            return f"a tag is one word: {value[:40]!r}"
        return text_problem(value, what, multiline=kind == "notes", limit=spec.limit)
    if kind == "date":
        return date_problem(value, what)
    if kind in ("money", "number"):
        if type(value) is not int:
            return f"{what} is not {'an amount' if kind == 'money' else 'a whole number'}"
        low = spec.minimum or 0
        if not low <= value <= (spec.limit or 0):
            return f"{what} is out of range: {value} ({low} to {spec.limit:,})"
        return None
    if kind == "floor":
        if not isinstance(value, Floor):
            return f"{what} is not a floor"
        if value.field not in FLOOR_FIELDS:
            return f"unknown floor {value.field!r} (choose {', '.join(FLOOR_FIELDS)})"
        if not 0 <= value.amount <= MONEY_LIMIT:
            return f"{what} is out of range: {value.amount}"
        return None
    if kind == "choice":
        if value not in spec.choices:
            shown = repr(str(value)[:40])
            return f"unknown {what} {shown} (choose {', '.join(spec.choices)})"
        return None
    if kind == "flag":
        return None if isinstance(value, bool) else f"{what} must be true or false"
    if kind == "history":
        return _change_problem(value)
    return None


def _change_problem(change: Any) -> str | None:
    if not isinstance(change, Change):
        return "a history entry is not a change"
    for text in (change.field, change.old, change.new):
        if text is not None:
            problem = text_problem(text, "a history entry", multiline=False, limit=2_000)
            if problem:
                return problem
    return date_problem(change.on, "a history entry's date")


def field_problem(spec: FieldSpec, value: Any) -> str | None:
    """What is wrong with a stored value of `spec`, or None."""
    if value is None:
        return None if spec.optional else f"{spec.what} is missing"
    if spec.many:
        if not isinstance(value, tuple | list):
            return f"{spec.what} must be a list"
        if spec.required and not value:
            return f"{spec.what} is missing: give at least one"
        for item in value:
            problem = _one_problem(spec, item)
            if problem:
                return problem
        return None
    return _one_problem(spec, value)


def record_problems(kind: Kind, record: Record) -> list[str]:
    """Every problem with the fields of one record (empty when it is good)."""
    found = []
    for spec in kind.fields:
        problem = field_problem(spec, getattr(record, spec.name))
        if problem:
            found.append(problem)
    return found


def check_record(kind: Kind, record: Record) -> Record:
    """`record` when its fields are good, else InputError with the first problem."""
    problems = record_problems(kind, record)
    if problems:
        raise InputError(problems[0])
    return record


# -- input ---------------------------------------------------------------------------


def parse_money(value: int | str, what: str) -> int:
    """An amount as typed (120000, 120,000, $120k) as a whole number; InputError else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    digits = str(value).strip().replace(",", "").replace("_", "").lstrip("$€£")
    multiplier = 1
    if digits[-1:].lower() == "k":
        digits, multiplier = digits[:-1], 1000
    if not digits.isdecimal() or len(digits) > 15:
        shown = str(value)[:40]
        raise InputError(f"{what} is not an amount: {shown!r} (write e.g. 120000 or 120k)")
    return int(digits) * multiplier


def parse_floor(value: Any, what: str) -> Floor:
    """A walk-away floor as typed: `base=140000`, `total_4y 600k`; InputError else."""
    if isinstance(value, Floor):
        return value
    field, sep, amount = str(value).strip().replace(" ", "=", 1).partition("=")
    field = field.strip().lower().replace("-", "_")
    if not sep or field not in FLOOR_FIELDS:
        raise InputError(
            f"{what} is FIELD=AMOUNT, e.g. base=140000 (FIELD: {', '.join(FLOOR_FIELDS)})"
        )
    return Floor(field, parse_money(amount.strip(), what))


def _clean_one(spec: FieldSpec, value: Any) -> Any:
    kind, what = spec.input, spec.what
    if kind in ("line", "name", "notes", "id", "time"):
        text = str(value).strip()
        if kind == "line" or kind == "name":
            text = text.replace("\t", " ")
        if kind == "id":
            text = text.lower()
        return text
    if kind == "tag":
        text = str(value).strip()
        if bad_character(text):
            return text  # field_problem says what is wrong with it
        tag = text.lstrip("#").lower()
        if not tag or any(c.isspace() for c in tag):
            raise InputError(f"a tag is one word: {text[:40]!r}")
        return tag
    if kind == "money":
        return parse_money(value, what)
    if kind == "number":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 6:
            raise InputError(f"{what} is not a whole number: {text[:20]!r}")
        return int(text)
    if kind == "floor":
        return parse_floor(value, what)
    if kind == "choice":
        picked = str(value).strip().lower()
        if picked in spec.choices:
            return picked
        shown = repr(str(value)[:40]) if value else "nothing"
        raise InputError(f"unknown {what} {shown} (choose {', '.join(spec.choices)})")
    if kind == "flag":
        return bool(value)
    return value


def clean(spec: FieldSpec, value: Any) -> Any:
    """A value as typed, tidied and checked against `spec`; InputError when it is wrong.

    Empty text, or None, clears an optional field (and is refused for a required one).
    """
    blank = isinstance(value, str) and not value.strip() and spec.input not in ("tag", "choice")
    if value is None or blank:
        if spec.required:
            noun = "at least one person" if spec.many else "something"
            raise InputError(f"{spec.what} is empty: write {noun}")
        if spec.optional:
            return None
        if spec.input in ("money", "date", "floor"):
            return None
        return () if spec.many else spec.default if spec.input != "line" else ""
    if spec.many:
        items = [value] if isinstance(value, str) else list(value)
        for item in items:
            if item is None or (isinstance(item, str) and not item.strip()):
                raise InputError(f"{spec.what} is empty: write something")
        value = tuple(dict.fromkeys(_clean_one(spec, v) for v in items))
    else:
        value = _clean_one(spec, value)
    problem = field_problem(spec, value)
    if problem:
        raise InputError(problem)
    return value


def clean_values(kind: Kind, values: Mapping[str, Any]) -> dict[str, Any]:
    """The given fields of `kind`, each tidied and checked (InputError on the first bad)."""
    out = {}
    for name, value in values.items():
        try:
            spec = kind.field(name)
        except KeyError:
            raise InputError(f"a {kind.name} has no field {name!r}") from None
        out[name] = clean(spec, value)
    return out


# -- whole journals ----------------------------------------------------------------------


def references(tables: Mapping[str, Mapping[str, Record]]) -> list[str]:
    """What the records say of each other that is not so (empty when all is well)."""
    problems: list[str] = []
    people = tables.get("people", {})
    names: dict[str, str] = {}
    for key, person in people.items():
        folded = str(getattr(person, "name", "")).casefold()
        rid = record_id(KINDS["person"], key)
        if folded in names:
            problems.append(f"{rid}: the name {person.name!r} is also {names[folded]}'s")  # type: ignore[attr-defined]
        names.setdefault(folded, rid)
    conversations = tables.get("conversations", {})
    for key, conv in conversations.items():
        for name in getattr(conv, "people", ()):
            if str(name).casefold() not in names:
                problems.append(f"c{key}: {str(name)[:40]!r} is not in the people list")
    promises = tables.get("promises", {})
    for key, p in promises.items():
        by = str(getattr(p, "by", ""))
        if by.casefold() not in names:
            problems.append(f"p{key}: made by {by[:40]!r}, who is not in the people list")
        conv_id = getattr(p, "conversation", None)
        if conv_id and (conv_id[:1] != "c" or conv_id[1:] not in conversations):
            problems.append(f"p{key}: made in conversation {conv_id!r}, which is missing")
    asks = tables.get("asks", {})
    for key, ask in asks.items():
        for pid in getattr(ask, "promises", ()):
            if pid[:1] != "p" or pid[1:] not in promises:
                problems.append(f"a{key}: links promise {str(pid)[:20]!r}, which is missing")
    for key, win in tables.get("wins", {}).items():
        for aid in getattr(win, "asks", ()):
            if aid[:1] != "a" or aid[1:] not in asks:
                problems.append(f"w{key}: supports ask {str(aid)[:20]!r}, which is missing")
    return problems


def journal_problems(
    tables: Mapping[str, Mapping[str, Record]], *, fields: bool = True
) -> list[str]:
    """Every problem in a journal's tables: fields (unless `fields` is False: a caller
    that knows the texts hold no bad character checks the rest), then references."""
    problems: list[str] = []
    for kind in KINDS.values():
        for key, record in tables.get(kind.table, {}).items():
            rid = record_id(kind, key)
            found = record_problems(kind, record) if fields else _quick_problems(kind, record)
            problems.extend(f"{rid}: {p}" for p in found)
    problems.extend(references(tables))
    return list(dict.fromkeys(problems))


_QUICK_INPUTS = ("line", "name", "date")


def _quick_problems(kind: Kind, record: Record) -> list[str]:
    """The checks a loaded file still needs when its bytes hold no bad character:
    required texts not blank, one-line texts without a line break, dates in range."""
    found = []
    for spec in kind.fields:
        if spec.input not in _QUICK_INPUTS:
            continue
        value = getattr(record, spec.name)
        if spec.many:
            items: Iterable[Any] = value
        else:
            items = () if value is None else (value,)
        for item in items:
            if spec.input == "date":
                if not MIN_DATE <= item <= MAX_DATE:
                    found.append(f"{spec.what} {item.isoformat()} is out of range (1900 to 2200)")
            elif "\n" in item or (spec.required and not item.strip()):
                problem = field_problem(spec, item)
                if problem:
                    found.append(problem)
    history = getattr(record, "history", ())
    for change in history:
        if not MIN_DATE <= change.on <= MAX_DATE:
            found.append(f"a history entry's date {change.on} is out of range (1900 to 2200)")
    return found
