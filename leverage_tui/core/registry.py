"""The registry of record kinds: everything the app knows about each kind, read from the
declarations in `records.py`.

A `Kind` names a kind of record (person, conversation, promise, ask, win, offer, current job),
where it lives (its TinyDB table and id letter), which field names a record in words, and
its fields as `FieldSpec`s: label, help, how the field is typed (`input`), its choices,
limit, default, whether it may be empty, and its command-line option. The journal, the
command line, the editors, import, export and `check` all read these; nothing else
declares a field.

Adding a kind of record: declare its Struct in records.py, add one `Kind` to `KINDS`
below (docs/ARCHITECTURE.md lists the rest).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec
import msgspec.inspect as mi

from .records import (
    Ask,
    Attachment,
    Conversation,
    CurrentJob,
    Decision,
    Offer,
    Person,
    Promise,
    Record,
    Win,
)
from .visible import visible

INPUTS = (
    "number",
    "floor",
    "line",
    "name",
    "notes",
    "money",
    "date",
    "time",
    "tag",
    "id",
    "choice",
    "flag",
    "history",
)
"""How a field is typed by a person (a tuple of them: `many`)."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind of record, as declared in records.py."""

    name: str
    """The attribute name (`made_on`)."""
    key: str
    """The name in the JSON form (`made_on`; a conversation's people are `with`)."""
    label: str
    """What a person sees (`Made`)."""
    what: str
    """What messages call it (`made date`: "made date 2300-01-01 is out of range")."""
    help: str
    """One line saying what goes in it."""
    input: str
    """How it is typed: one of INPUTS."""
    choices: tuple[str, ...] = ()
    """The allowed values of a `choice` field."""
    required: bool = False
    """True when a record cannot be made without it (no default)."""
    optional: bool = False
    """True when it may be empty (None): a date not known yet, a pay not given."""
    many: bool = False
    """True for a tuple of values (people, tags, linked promises)."""
    default: Any = None
    """The value when not given."""
    limit: int | None = None
    """Longest text, or the largest amount."""
    minimum: int | None = None
    """The smallest number allowed (an amount: 0)."""
    cli: str | None = None
    """The command-line option (`--due`), `TEXT` for the positional words, or None."""
    links: str | None = None
    """For ids: the id letter of the kind they point at (`c`, `p`)."""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """Anything else the declaration says (`time`: the field a date's time goes to;
    `off`: the option that sets a flag false)."""


@dataclass(frozen=True)
class Kind:
    """One kind of record and everything the app needs to know about it."""

    name: str
    """The kind's name, singular (`promise`)."""
    plural: str
    """Plural, as in `leverage list promises`."""
    table: str
    """Its TinyDB table in the journal file."""
    letter: str
    """The letter its ids start with (`p12`)."""
    record: type[Record]
    """The record class declared in records.py."""
    title: str
    """The field that names a record in words (`text`, `summary`, `name`)."""
    fields: tuple[FieldSpec, ...] = field(default=(), compare=False)

    def field(self, name: str) -> FieldSpec:
        """The field called `name` (KeyError when the kind has none)."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.name} has no field {name!r}")

    @property
    def tracked(self) -> tuple[FieldSpec, ...]:
        """The fields whose every change is kept in the record's history."""
        return tuple(f for f in self.fields if f.extra.get("tracked"))

    @property
    def editable(self) -> tuple[FieldSpec, ...]:
        """The fields a person sets (not the history)."""
        return tuple(f for f in self.fields if f.input != "history")

    def label(self, record: Record, limit: int = 40) -> str:
        """The record in words, quoted and cut: `'Quarterly 1:1'` (any control character
        shown as an escape: a label goes into messages and the hash chain)."""
        words = visible(" ".join(str(getattr(record, self.title, "") or "").split()))
        if len(words) > limit:
            words = words[: limit - 1].rstrip() + "…"
        return f"'{words}'"

    def new(self, **values: Any) -> Record:
        """A record of this kind from its field values (not checked: see checks.py)."""
        return self.record(**values)


def _unwrap(t: mi.Type) -> tuple[mi.Type, dict[str, Any], dict[str, Any]]:
    """The type under its metadata, and the merged `extra` and JSON-schema extras."""
    extra: dict[str, Any] = {}
    schema: dict[str, Any] = {}
    while isinstance(t, mi.Metadata):
        extra = {**(t.extra or {}), **extra}
        schema = {**(t.extra_json_schema or {}), **schema}
        t = t.type
    return t, extra, schema


def _literal(tp: Any) -> tuple[str, ...]:
    """The values of the Literal inside an annotation, in the order declared."""
    if typing.get_origin(tp) is Literal:
        return tuple(str(v) for v in typing.get_args(tp))
    for arg in typing.get_args(tp):
        found = _literal(arg)
        if found:
            return found
    return ()


def _spec(f: mi.Field, hint: Any) -> FieldSpec:
    """A FieldSpec from msgspec's view of a Struct field (and its annotation)."""
    t, extra, schema = _unwrap(f.type)
    optional = False
    if isinstance(t, mi.UnionType):
        members = [m for m in t.types if not isinstance(m, mi.NoneType)]
        optional = len(members) < len(t.types)
        t, inner, inner_schema = _unwrap(members[0])
        extra, schema = {**inner, **extra}, {**inner_schema, **schema}
    many = isinstance(t, mi.VarTupleType | mi.ListType)
    if many:
        t, inner, inner_schema = _unwrap(t.item_type)  # type: ignore[attr-defined]
        extra, schema = {**inner, **extra}, {**inner_schema, **schema}
    choices: tuple[str, ...] = ()
    limit: int | None = None
    minimum: int | None = None
    if isinstance(t, mi.LiteralType):
        choices, kind = _literal(hint), "choice"
    elif isinstance(t, mi.BoolType):
        kind = "flag"
    elif isinstance(t, mi.StrType):
        limit, kind = t.max_length, "line"
    elif isinstance(t, mi.IntType):
        limit, minimum, kind = t.le, t.ge, "money"
    elif isinstance(t, mi.DateType):
        kind = "date"
    else:
        kind = "history"
    default = None if f.default is msgspec.NODEFAULT else f.default
    return FieldSpec(
        name=f.name,
        key=f.encode_name,
        label=str(schema.get("title", f.name)),
        what=str(extra.get("what") or schema.get("title", f.name)).lower(),
        help=str(schema.get("description") or ""),
        input=str(extra.get("input", kind)),
        choices=choices,
        required=f.required,
        optional=optional,
        many=many,
        default=default,
        limit=limit,
        minimum=minimum,
        cli=extra.get("cli"),
        links=extra.get("kind"),
        extra={k: v for k, v in extra.items() if k not in ("cli", "kind", "input", "what")},
    )


def _kind(
    name: str, plural: str, table: str, letter: str, record: type[Record], title: str
) -> Kind:
    hints = typing.get_type_hints(record, include_extras=True)
    info = mi.type_info(record)
    fields = tuple(_spec(f, hints[f.name]) for f in info.fields if f.name != "id")  # type: ignore[attr-defined]
    return Kind(name, plural, table, letter, record, title, fields)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        _kind("person", "people", "people", "u", Person, "name"),
        _kind("conversation", "conversations", "conversations", "c", Conversation, "summary"),
        _kind("promise", "promises", "promises", "p", Promise, "text"),
        _kind("ask", "asks", "asks", "a", Ask, "text"),
        _kind("win", "wins", "wins", "w", Win, "text"),
        _kind("offer", "offers", "offers", "o", Offer, "company"),
        _kind("job", "current job", "current_job", "j", CurrentJob, "company"),
        _kind("decision", "decisions", "decisions", "d", Decision, "choice"),
        _kind("attachment", "attachments", "attachments", "f", Attachment, "name"),
    )
}
"""Every kind of record, in the order they are loaded, listed and imported (a kind's
links point only at kinds before it)."""

KIND_OF_LETTER: dict[str, Kind] = {k.letter: k for k in KINDS.values()}
"""The kind an id letter stands for."""
KIND_OF_RECORD: dict[type[Record], Kind] = {k.record: k for k in KINDS.values()}
"""The kind of each record class."""
CURRENT_JOB_ID = "now"
"""The id of the current job (there is only one)."""


def kind_of(record: Record) -> Kind:
    """The kind of `record`."""
    return KIND_OF_RECORD[type(record)]


def kind_of_id(rid: str) -> Kind | None:
    """The kind an id such as `p12` belongs to, or None."""
    if rid == CURRENT_JOB_ID:
        return KINDS["job"]
    return KIND_OF_LETTER.get(rid[:1]) if rid[1:].isdigit() else None


def id_number(rid: str) -> int:
    """The number of an id (`p12` -> 12); the document key in its table."""
    return 1 if rid == CURRENT_JOB_ID else int(rid[1:])


def record_id(kind: Kind, key: str) -> str:
    """The id of the document `key` of `kind`'s table (`"12"` -> `p12`)."""
    return CURRENT_JOB_ID if kind.name == "job" else kind.letter + key


LISTED = tuple(k for k in KINDS.values() if k.name != "job")
"""The kinds with a list of their own (`leverage list ...`)."""
