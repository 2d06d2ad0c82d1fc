"""The records a journal keeps, declared once: people, conversations, promises, asks, offers,
the current job and the user's wins.

Each kind is a frozen msgspec `Struct`: its fields, their types (choices as `Literal`),
limits, defaults and how a person sees them (label, help, command-line option) are
declared here and nowhere else. `registry.py` reads these declarations for the journal,
the command line, the editors, import, export and `check`; `checks.py` adds the rules a
type cannot say (no control characters, a date between 1900 and 2200).

Records are immutable values: a change makes a new record (`msgspec.structs.replace`),
so a cache may keep a record and know it is still what it was. They are kept out of the
garbage collector's walks (`gc=False`: they hold only strings, dates, numbers and tuples
of other records, never a cycle).

On disk a record is a JSON object with every field but its id (the id's number is the
document's key in its TinyDB table). The `Mapping` methods (`keys`, `[]`) give that JSON
form to TinyDB, whose queries read documents as mappings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any, Literal, get_args

import msgspec

TEXT_LIMIT = 2_000
"""Longest one-line text (a promise, a summary) in characters."""
NAME_LIMIT = 120
"""Longest name of a person, company or tag."""
NOTES_LIMIT = 100_000
"""Longest multi-line text in characters."""
MONEY_LIMIT = 10**12
"""Largest amount of money accepted."""

Form = Literal["verbal", "recap-sent", "written", "official"]
"""How firm a promise is, weakest first."""
Status = Literal["pending", "honored", "partly", "broken", "withdrawn", "released"]
"""Where a promise stands. Honored, partly, broken and withdrawn are resolved; released
("no longer expected": the user left the employer who made it) is neither pending nor
resolved, and never counts as broken."""
Category = Literal["pay", "title", "responsibility", "leadership", "growth", "flexibility", "other"]
"""What a promise is about."""
Channel = Literal["meeting", "one-on-one", "call", "email", "chat", "other"]
"""How a conversation took place."""
Role = Literal["manager", "skip-level", "hr", "recruiter", "peer", "other"]
"""Who a person is to the user."""
Priority = Literal["high", "medium", "low"]
"""How much an ask matters."""
AskStatus = Literal["open", "granted", "partly", "refused", "dropped"]
"""Where an ask stands."""
OfferStatus = Literal["open", "accepted", "declined", "expired"]
"""Where an offer stands."""

FORMS: tuple[Form, ...] = get_args(Form)
UNWRITTEN_FORMS: tuple[Form, ...] = ("verbal", "recap-sent")
"""Forms that are still only someone's words."""
STATUSES: tuple[Status, ...] = get_args(Status)
RESOLVED: tuple[Status, ...] = ("honored", "partly", "broken", "withdrawn")
"""Statuses that count towards the honor rate."""
RELEASED: Status = "released"
"""The status of a promise no longer expected (the user left; see decisions.py)."""
CATEGORIES: tuple[Category, ...] = get_args(Category)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
ROLES: tuple[Role, ...] = get_args(Role)
PRIORITIES: tuple[Priority, ...] = get_args(Priority)
ASK_STATUSES: tuple[AskStatus, ...] = get_args(AskStatus)
OFFER_STATUSES: tuple[OfferStatus, ...] = get_args(OfferStatus)
Choice = Literal["accepted", "declined"]
"""What the user decided about an offer."""
CHOICES: tuple[Choice, ...] = get_args(Choice)

Doc = dict[str, Any]


def _meta(label: str, help: str = "", **extra: Any) -> msgspec.Meta:
    """What a person sees of a field: its label, one line of help, how it is typed."""
    return msgspec.Meta(title=label, description=help or None, extra=extra or None)


# The input types: what each field holds and how it is typed (extra["input"]).
Line = Annotated[str, msgspec.Meta(max_length=TEXT_LIMIT, extra={"input": "line"})]
Name = Annotated[str, msgspec.Meta(max_length=NAME_LIMIT, extra={"input": "name"})]
Notes = Annotated[str, msgspec.Meta(max_length=NOTES_LIMIT, extra={"input": "notes"})]
Money = Annotated[int, msgspec.Meta(ge=0, le=MONEY_LIMIT, extra={"input": "money"})]
Day = Annotated[dt.date, msgspec.Meta(extra={"input": "date"})]
Clock = Annotated[str, msgspec.Meta(max_length=5, extra={"input": "time"})]
Tag = Annotated[str, msgspec.Meta(max_length=NAME_LIMIT, extra={"input": "tag"})]
Ref = Annotated[str, msgspec.Meta(max_length=24, extra={"input": "id"})]


class Record(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """What every record shares: its id (`p12` is promise 12), and its JSON form."""

    id: str = ""

    def keys(self) -> list[str]:
        """The names of this record's JSON fields (as TinyDB sees a document)."""
        return [f for f in self.__struct_encode_fields__ if f != "id"]

    def __getitem__(self, key: str) -> Any:
        """One field in its JSON form (dates as ISO text)."""
        name = _FIELD_OF[type(self)].get(key)
        if name is None:
            raise KeyError(key)
        return plain(getattr(self, name))

    def __iter__(self) -> Iterator[str]:
        """The JSON field names (so `dict(record)` gives the document)."""
        return iter(self.keys())

    def to_doc(self) -> Doc:
        """The JSON form of this record, every field present, without the id."""
        names = _FIELD_OF[type(self)]
        return {key: plain(getattr(self, names[key])) for key in self.keys()}


def plain(value: Any) -> Any:
    """A value in its JSON form: dates as ISO text, tuples as lists, records as dicts."""
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, msgspec.Struct):
        return {k: plain(v) for k, v in msgspec.structs.asdict(value).items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Change(msgspec.Struct, frozen=True, gc=False):
    """One recorded change to a field of a promise or an offer: old and new, and when."""

    field: str
    old: str | None
    new: str | None
    on: dt.date

    def to_doc(self) -> Doc:
        """The JSON form of this change."""
        return {"field": self.field, "old": self.old, "new": self.new, "on": self.on.isoformat()}


FloorField = Literal["base", "bonus", "cash_year1", "guaranteed_year1", "total_year1", "total_4y"]
"""What a walk-away floor can be set on: a pay figure or a computed total (review.py)."""
FLOOR_FIELDS: tuple[FloorField, ...] = get_args(FloorField)


class Floor(msgspec.Struct, frozen=True, gc=False):
    """A walk-away point: an offer must pay at least `amount` in `field`."""

    field: FloorField
    amount: Money

    def __str__(self) -> str:
        return f"{self.field}={self.amount}"


class Person(Record, frozen=True, kw_only=True, gc=False):
    """Someone the user talks to: the boss, HR, a recruiter."""

    name: Annotated[Name, _meta("Name", "their name as you use it", cli="NAME", what="name")]
    role: Annotated[Role, _meta("Role", "who they are to you", cli="--role")] = "other"
    employer: Annotated[
        Name,
        _meta(
            "Employer",
            "who they work for: your employer, or an offer's company",
            cli="--employer",
        ),
    ] = ""
    notes: Annotated[Notes, _meta("Notes", "anything worth remembering", cli="--notes")] = ""


class Conversation(Record, frozen=True, kw_only=True, gc=False):
    """A meeting, call, email or chat with one or more people."""

    on: Annotated[
        Day, _meta("Date", "when it took place", cli="--on", what="date", time="at", given="today")
    ]
    at: Annotated[Clock | None, _meta("Time", "time of day, e.g. 14:30")] = None
    people: Annotated[
        tuple[Name, ...],
        msgspec.Meta(min_length=1),
        _meta("With", "who was there", cli="--with", what="name"),
    ] = msgspec.field(name="with")
    channel: Annotated[Channel, _meta("Channel", "how", cli="--channel")] = "meeting"
    summary: Annotated[Line, _meta("Summary", "what it was about, in a line", cli="SUMMARY")]
    notes: Annotated[Notes, _meta("Notes", "what was said", cli="--notes")] = ""
    tags: Annotated[tuple[Tag, ...], _meta("Tags", "one word each", cli="--tag", what="tag")] = ()


class Promise(Record, frozen=True, kw_only=True, gc=False):
    """Something someone said they would do for the user."""

    text: Annotated[
        Line, _meta("Promise", "what was promised, in their words", cli="TEXT", what="promise text")
    ]
    by: Annotated[
        Name,
        _meta(
            "By", "who promised", cli="--by", what="name", given="the conversation's only person"
        ),
    ]
    made_on: Annotated[
        Day,
        _meta(
            "Made",
            "when it was promised",
            cli="--made",
            what="made date",
            given="the conversation's date, else today",
        ),
    ]
    form: Annotated[
        Form, _meta("Form", "verbal, recap-sent, written, official", cli="--form", tracked=True)
    ] = "verbal"
    evidence: Annotated[
        Line, _meta("Evidence", "a quote, email subject or file", cli="--evidence")
    ] = ""
    due: Annotated[
        Day | None, _meta("Due", "by when", cli="--due", what="due date", tracked=True)
    ] = None
    category: Annotated[Category, _meta("Category", "what it is about", cli="--category")] = "other"
    status: Annotated[
        Status, _meta("Status", "pending until kept or broken", cli="--status", tracked=True)
    ] = "pending"
    status_on: Annotated[
        Day | None, _meta("Status date", "when the status was set", what="status date")
    ] = None
    conversation: Annotated[
        Ref | None, _meta("Conversation", "where it was said", cli="--conversation", kind="c")
    ] = None
    history: Annotated[tuple[Change, ...], _meta("History", input="history")] = ()

    @property
    def pending(self) -> bool:
        """True while the promise is neither kept nor broken."""
        return self.status == "pending"


class Ask(Record, frozen=True, kw_only=True, gc=False):
    """What the user wants, in measurable terms."""

    text: Annotated[Line, _meta("Ask", "what you want", cli="TEXT", what="ask")]
    measure: Annotated[Line, _meta("Measure", "how you will know you got it", cli="--measure")] = ""
    target: Annotated[
        Day | None, _meta("Target", "by when", cli="--target", what="target date")
    ] = None
    priority: Annotated[Priority, _meta("Priority", "how much it matters", cli="--priority")] = (
        "medium"
    )
    status: Annotated[
        AskStatus, _meta("Status", "where it stands", cli="--status", what="ask status")
    ] = "open"
    promises: Annotated[
        tuple[Ref, ...],
        _meta("Promises", "promises that answer it", cli="--promise", kind="p", what="promise"),
    ] = ()
    floor: Annotated[
        Floor | None,
        _meta(
            "Floor",
            "your walk-away point, e.g. base=140000 (or total_year1, total_4y, ...)",
            cli="--floor",
            input="floor",
        ),
    ] = None


class Pay(Record, frozen=True, kw_only=True, gc=False):
    """What a job pays, the same for an offer and for the current job (unknown: None)."""

    company: Annotated[Name, _meta("Company", "the employer", cli="--company")]
    role: Annotated[Line, _meta("Role", "the title", cli="--role", tracked=True)]
    base: Annotated[
        Money | None,
        _meta(
            "Base pay", "a year, e.g. 142000 or 142k", cli="--base", what="base pay", tracked=True
        ),
    ] = None
    bonus: Annotated[Money | None, _meta("Bonus", "a year", cli="--bonus", tracked=True)] = None
    sign_on: Annotated[
        Money | None, _meta("Sign-on", "paid once, on joining", cli="--sign-on", tracked=True)
    ] = None
    equity: Annotated[
        Line, _meta("Equity", "in words, e.g. 0.05% over 4 years", cli="--equity")
    ] = ""
    equity_value: Annotated[
        Money | None,
        _meta(
            "Equity value",
            "the whole grant's value in money",
            cli="--equity-value",
            what="equity value",
            tracked=True,
        ),
    ] = None
    vesting_years: Annotated[
        int,
        msgspec.Meta(ge=1, le=10),
        _meta("Vesting", "years the grant vests over", cli="--vesting-years", input="number"),
    ] = 4
    cliff_months: Annotated[
        int,
        msgspec.Meta(ge=0, le=60),
        _meta("Cliff", "months before anything vests", cli="--cliff-months", input="number"),
    ] = 12
    benefits: Annotated[
        Money | None,
        _meta(
            "Benefits",
            "a year: retirement match, allowances and the like",
            cli="--benefits",
            tracked=True,
        ),
    ] = None
    terms: Annotated[Notes, _meta("Terms", "remote days, start date...", cli="--terms")] = ""


class Offer(Pay, frozen=True, kw_only=True, gc=False):
    """An outside offer, or a counteroffer from the current employer."""

    received: Annotated[
        Day | None,
        _meta("Received", "when it came", cli="--received", what="received date", given="today"),
    ] = None
    deadline: Annotated[
        Day | None,
        _meta("Decide by", "their deadline", cli="--deadline", what="deadline", tracked=True),
    ] = None
    written: Annotated[
        bool,
        _meta(
            "In writing", "the offer is in writing", cli="--written", off="--verbal", tracked=True
        ),
    ] = False
    counter: Annotated[
        bool, _meta("Counter", "a counteroffer from your employer", cli="--counter")
    ] = False
    status: Annotated[
        OfferStatus,
        _meta("Status", "where it stands", cli="--status", what="offer status", tracked=True),
    ] = "open"
    conversation: Annotated[
        Ref | None,
        _meta("Conversation", "where it was made or discussed", cli="--conversation", kind="c"),
    ] = None
    history: Annotated[tuple[Change, ...], _meta("History", input="history")] = ()


class CurrentJob(Pay, frozen=True, kw_only=True, gc=False):
    """The user's current job: what offers are compared with (id `now`)."""

    @property
    def written(self) -> bool:
        """The current job is in writing (a contract), by definition."""
        return True


class Decision(Record, frozen=True, kw_only=True, gc=False):
    """The user's decision on an offer: accepted or declined, when and why
    (`leverage decide`; decisions.py)."""

    offer: Annotated[Ref, _meta("Offer", "the offer decided", what="offer", kind="o")]
    choice: Annotated[Choice, _meta("Decision", "accepted or declined", what="decision")]
    on: Annotated[Day, _meta("Date", "when it was decided", what="date")]
    why: Annotated[Line, _meta("Why", "the reason, in a line", cli="--why")] = ""


Sha256 = Annotated[
    str, msgspec.Meta(pattern="^[0-9a-f]{64}$", extra={"input": "line"}, max_length=64)
]


class Attachment(Record, frozen=True, kw_only=True, gc=False):
    """A file kept with a record (an offer letter, a saved email): a copy in the folder
    beside the journal, encrypted when the journal is (attachments.py)."""

    record: Annotated[  # an id, or `now` (the current job): checks.references checks it
        Ref, _meta("Record", "the record it belongs to", what="record", input="line")
    ]
    name: Annotated[Line, _meta("Name", "the file's name when it was attached", what="name")]
    size: Annotated[
        int,
        msgspec.Meta(ge=0, le=2**40),
        _meta("Size", "in bytes", what="size", input="number"),
    ]
    sha256: Annotated[Sha256, _meta("SHA-256", "the file's SHA-256, in hex", what="sha256")]
    added: Annotated[Day, _meta("Added", "when it was attached", what="added date")]
    note: Annotated[Line, _meta("Note", "what it is, in a line", cli="--note")] = ""


class Win(Record, frozen=True, kw_only=True, gc=False):
    """Something the user achieved, with its evidence: why they deserve what they ask."""

    on: Annotated[Day, _meta("Date", "when you did it", cli="--on", what="date", given="today")]
    text: Annotated[Line, _meta("Win", "what you did", cli="TEXT", what="win")]
    impact: Annotated[
        Line, _meta("Impact", "the result, measured where you can", cli="--impact")
    ] = ""
    evidence: Annotated[
        Line, _meta("Evidence", "an email subject, a link, a file name", cli="--evidence")
    ] = ""
    tags: Annotated[tuple[Tag, ...], _meta("Tags", "one word each", cli="--tag", what="tag")] = ()
    asks: Annotated[
        tuple[Ref, ...], _meta("Asks", "the asks it supports", cli="--ask", kind="a", what="ask")
    ] = ()


_FIELD_OF: dict[type[Record], dict[str, str]] = {}
"""Record class -> {JSON name: attribute name}."""
for _cls in (Person, Conversation, Promise, Ask, Offer, CurrentJob, Decision, Attachment, Win):  # noqa: B007
    _FIELD_OF[_cls] = {
        enc: name
        for name, enc in zip(_cls.__struct_fields__, _cls.__struct_encode_fields__, strict=True)
    }
