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
from collections.abc import Mapping
from typing import Any

from .records import FLOOR_FIELDS, MONEY_LIMIT, Change, Floor, Record
from .registry import KIND_OF_LETTER, KINDS, FieldSpec, Kind, id_number, kind_of_id, record_id


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
HISTORY_LIMIT = 2_000
"""Longest text of a history entry (its field, old and new value) in characters."""


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
        if kind == "time" and not _CLOCK.fullmatch(value):
            return f"{what} {value[:20]!r} is not a time of day (write it as 14:30)"
        if kind == "id" and not _ID.fullmatch(value):
            return f"{what} {value[:20]!r} is not an id"
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
            problem = text_problem(text, "a history entry", multiline=False, limit=HISTORY_LIMIT)
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
    problems += _links(tables)
    return problems


def _links(tables: Mapping[str, Mapping[str, Record]]) -> list[str]:
    """Every id a record holds (a field declared with the kind it points at, and an
    attachment's record of any kind) names a record that exists."""
    problems: list[str] = []
    for kind in KINDS.values():
        specs = [(spec, spec.links) for spec in kind.fields if spec.links]
        if not specs:
            continue
        for key, record in tables.get(kind.table, {}).items():
            for spec, letter in specs:
                value = getattr(record, spec.name, None)
                linked_ids = value if spec.many else (value,) if value else ()
                target = tables.get(KIND_OF_LETTER[letter].table, {})
                for linked in linked_ids or ():
                    if str(linked)[:1] != letter or str(linked)[1:] not in target:
                        rid = record_id(kind, key)
                        problems.append(
                            f"{rid}: names {spec.what} {str(linked)[:20]!r}, which is missing"
                        )
    for key, attachment in tables.get("attachments", {}).items():
        rid = str(getattr(attachment, "record", ""))
        found = kind_of_id(rid)
        if (
            found is None
            or found.name == "attachment"
            or (str(id_number(rid)) not in tables.get(found.table, {}))
        ):
            problems.append(f"f{key}: belongs to {rid[:20]!r}, which is missing")
    return problems


def journal_problems(
    tables: Mapping[str, Mapping[str, Record]], *, fields: bool = True
) -> list[str]:
    """Every problem in a journal's tables: each record's fields, then references.

    With `fields=False` (the caller knows the file's bytes hold no control or bidi
    character) the fields are first checked table by table, a column at a time, and
    record by record only when that finds something: the same verdict, ~3x faster.
    """
    if not fields and all(_table_is_clean(k, tables.get(k.table, {})) for k in KINDS.values()):
        return list(dict.fromkeys(references(tables)))
    problems: list[str] = []
    for kind in KINDS.values():
        for key, record in tables.get(kind.table, {}).items():
            if not _KEY.fullmatch(str(key)):
                problems.append(
                    f"{kind.table}: entry {str(key)[:20]!r} has a bad id (not a number)"
                )
                continue
            rid = record_id(kind, key)
            problems.extend(f"{rid}: {p}" for p in record_problems(kind, record))
    problems.extend(references(tables))
    return list(dict.fromkeys(problems))


_KEY = re.compile(r"[1-9][0-9]{0,11}")
_TYPED = ("choice", "flag", "money", "number", "floor")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_ID = re.compile(r"[a-z][0-9]{1,12}")


def _is_id(value: str) -> bool:
    """True for an id such as `c12` (what `_ID` matches, without a regex call)."""
    return value.isascii() and value[:1].islower() and value[1:].isdigit() and len(value) < 14


def _table_is_clean(kind: Kind, table: Mapping[str, Record]) -> bool:
    """True when no field of any record in `table` can have a problem, looked at a
    column at a time (C-speed `in`, `min`, `max`): the rules of `_one_problem` for
    texts whose characters are known to be fine (`visible` found none)."""
    if not table:
        return True
    keys = list(table)
    joined = "".join(keys)
    if not (joined.isascii() and joined.isdigit()) or any(k[0] == "0" or len(k) > 12 for k in keys):
        return False
    records = list(table.values())
    for spec in kind.fields:
        if spec.input in _TYPED:
            continue  # msgspec checked the type, the choice and the range on decoding
        column = [getattr(r, spec.name) for r in records]
        if spec.many:
            if spec.required and not all(column):
                return False
            column = [v for values in column for v in values]
        elif spec.optional:
            column = [v for v in column if v is not None]
        if not column:
            continue
        if not _column_is_clean(spec, column):
            return False
    return True


def _column_is_clean(spec: FieldSpec, column: list[Any]) -> bool:
    kind = spec.input
    if kind in ("line", "name", "tag", "id", "time"):
        if not all(type(v) is str for v in column):
            return False
        joined = "\x00".join(column)
        if "\n" in joined:
            return False
        if spec.required and not all(v and not v.isspace() for v in column):
            return False
        if kind == "tag" and (" " in joined or "#" in joined or "\t" in joined or not all(column)):
            return False
        if kind == "id" and not all(_is_id(v) for v in column):
            return False
        return kind != "time" or all(_CLOCK.fullmatch(v) for v in column)
    if kind == "date":
        return bool(min(column) >= MIN_DATE and max(column) <= MAX_DATE)
    if kind == "history":
        days = [c.on for c in column]
        texts = [t for c in column for t in (c.field, c.old, c.new) if t is not None]
        longest = max(map(len, texts), default=0)
        in_range = min(days) >= MIN_DATE and max(days) <= MAX_DATE
        return in_range and longest <= HISTORY_LIMIT and "\n" not in "".join(texts)
    return True
