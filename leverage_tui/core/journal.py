"""The journal's operations: add, change and delete records of any kind, in one way.

`Journal.add(kind, **fields)` and `Journal.update(rid, **fields)` take what a person
typed, tidy and check it against the registry (checks.py: InputError, nothing changed),
then apply it *inside the lock, to the record as it is on disk now*: two programs
changing one record never lose each other's changes, and a record deleted meanwhile is
a clear message. Changes of the fields a kind tracks (a promise's form, due date and
status) go into its history. Every operation is one undoable step.

The named methods below (`add_promise`, `update_promise`, ...) are short spellings of
these for the command line, the app and tests; no rule lives in them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from msgspec.structs import replace

from .checks import InputError, check_record, clean, clean_values, date_problem
from .employers import employers_from
from .flags import DUE_CORRECTION, RECAP_CHANGE, is_due_correction, recap_sent, recap_sent_on
from .journal_core import JournalCore
from .plural import counted
from .records import (
    Ask,
    Change,
    Conversation,
    CurrentJob,
    Offer,
    Person,
    Promise,
    Record,
)
from .registry import CURRENT_JOB_ID, KINDS, Kind, kind_of_id

UNSET: Any = object()
"""Marks an argument that was not given (so None can mean 'clear it')."""


def _given(**values: Any) -> dict[str, Any]:
    """The arguments that were given (not UNSET, and not None unless clearing)."""
    return {k: v for k, v in values.items() if v is not UNSET}


class Journal(JournalCore):
    """A journal: its records (journal_core.py) and every way to change them."""

    # -- the generic operations -----------------------------------------------------------

    def add(self, kind_name: str, **values: Any) -> Record:
        """Add a record of `kind_name` from typed values; the stored record."""
        kind = KINDS[kind_name]
        fields = self._fields_to_add(kind, values)
        label = f"add {kind.name} {kind.label(kind.new(**fields))}"
        return self._change(label, lambda: self._insert(kind, fields))

    def _fields_to_add(self, kind: Kind, values: Mapping[str, Any]) -> dict[str, Any]:
        """The typed values of a new record, tidied, checked and completed with their
        defaults (InputError, nothing changed, when one is bad or missing)."""
        fields = clean_values(kind, {k: v for k, v in values.items() if v is not None})
        self._fill_defaults(kind, fields)
        missing = [s.what for s in kind.fields if s.required and s.name not in fields]
        if missing:
            raise InputError(f"{missing[0]} is empty: write something")
        return fields

    def _insert(self, kind: Kind, fields: dict[str, Any]) -> Record:
        """Store a new record of `kind` from cleaned fields (inside a change): its links
        checked, its people added, a fresh id; the stored record."""
        self._check_links(kind, fields)
        self._link_people(kind, fields)
        record = check_record(kind, kind.new(id=self._new_id(kind), **fields))
        return self._put_with_employers(record)

    def update(
        self, rid: str, *, when: dt.date | None = None, expect: str | None = None, **values: Any
    ) -> Record:
        """Change the given fields of record `rid` (None clears an optional field).

        `when` dates the changes kept in the history (default today); `expect` names the
        kind `rid` must be. The change is made to the record as it is on disk when the
        lock is held.
        """
        record = self._find(rid, expect)
        kind = kind_of_id(record.id)
        assert kind is not None
        fields = clean_values(kind, values)
        dated = when is not None  # a change dated by hand is never a correction
        when = when or self.today
        problem = date_problem(when, "date of the change")
        if problem:
            raise InputError(problem)
        name = self.label(record.id)

        def body() -> Record:
            current = self._views[kind.name].get(record.id)
            if current is None:
                raise InputError(f"{name} was deleted by another program; nothing was changed")
            self._check_links(kind, fields)
            self._link_people(kind, fields)
            changed = self._tracked(kind, current, fields, when, correcting=not dated)
            updated = check_record(kind, replace(current, **changed))
            return self._put_with_employers(updated)

        return self._change(f"edit of {kind.label(record)}", body)

    def delete(self, rid: str, *, with_attachments: bool = False) -> Record:
        """Delete a record; links to it are removed (a person still named is refused), an
        offer's decisions go with it. A record with attachments is refused unless
        `with_attachments`: then their copies go too, for good (not undoable)."""
        from .attachments import attachments_of, refuse_attachments
        from .decisions import decisions_of

        record = self._find(rid)
        kind = kind_of_id(record.id)
        assert kind is not None
        files = refuse_attachments(self, record.id, with_attachments)

        def body() -> Record:
            current: Record | None = self._views[kind.name].get(record.id)
            if current is None:
                raise InputError(f"{record.id} was already deleted; nothing was changed")
            refuse_attachments(self, current.id, with_attachments)
            if isinstance(current, Person):
                self._refuse_if_named(current)
            for dependent in [*attachments_of(self, current.id), *decisions_of(self, current.id)]:
                self._drop(dependent.id)
            self._unlink(current.id)
            self._drop(current.id)
            return current

        undoable = not files and kind.name != "attachment"  # a file removed cannot come back
        deleted = self._change(f"deletion of {kind.label(record)}", body, undoable=undoable)
        if not undoable:
            self._undo.clear()  # the changes before it may name the file: not undone past it
        return deleted

    # -- rules the operations share --------------------------------------------------------

    def _put_with_employers(self, record: Record) -> Record:
        """Store `record`, and the employer it makes obvious for people (employers.py)."""
        stored = self._put(record)
        for person in employers_from(self, stored):
            self._put(person)
        return stored

    def _find(self, rid: str, kind: str | None = None) -> Record:
        """The record `rid` to change; when this journal does not know it, the file is
        read again first (another program may just have added it), else InputError."""
        try:
            return self.get(rid, kind)
        except InputError:
            if not self.refresh():
                raise
        return self.get(rid, kind)

    def _fill_defaults(self, kind: Kind, fields: dict[str, Any]) -> None:
        """Dates that default to today, or to the conversation's date."""
        if kind.name == "promise":
            conv = self.conversations.get(fields.get("conversation") or "")
            fields.setdefault("made_on", conv.on if conv else self.today)
            if "by" not in fields and promise_maker(conv):
                fields["by"] = promise_maker(conv)
            if "by" not in fields:
                raise InputError("a promise needs --by NAME: who made it")
        elif kind.name in ("conversation", "win"):
            fields.setdefault("on", self.today)
        elif kind.name == "offer":
            fields.setdefault("received", self.today)

    def _link_people(self, kind: Kind, fields: dict[str, Any]) -> None:
        """Names (a promise's `by`, a conversation's people) as the journal knows them,
        adding people not known yet (inside a change)."""
        if kind.name == "promise" and "by" in fields:
            fields["by"] = self._person(fields["by"])
        elif kind.name == "conversation" and "people" in fields:
            fields["people"] = tuple(dict.fromkeys(self._person(n) for n in fields["people"]))

    def _person(self, name: str) -> str:
        """The stored name for `name`, adding the person when new (inside a change)."""
        known = self.person_named(name)
        if known:
            return known.name
        self._put(Person(id=self._new_id(KINDS["person"]), name=name))
        return name

    def _tracked(
        self,
        kind: Kind,
        current: Record,
        fields: dict[str, Any],
        when: dt.date,
        *,
        correcting: bool = False,
    ) -> dict[str, Any]:
        """`fields` plus the history entries (and status date) their changes make; with
        `correcting`, a promise's due date fixed on the day it was made is marked as a
        correction (flags.is_due_correction), not a move."""
        if not hasattr(current, "history"):
            return fields
        changes = []
        for name in (spec.name for spec in kind.tracked):
            if name in fields and fields[name] != getattr(current, name):
                old, new = getattr(current, name), fields[name]
                field = name
                fixing = name == "due" and correcting and isinstance(current, Promise)
                if fixing and is_due_correction(current, when, self.today):  # type: ignore[arg-type]
                    field = DUE_CORRECTION
                changes.append(Change(field, _text(old), _text(new), when))
        if not changes:
            return fields
        out = {**fields, "history": (*getattr(current, "history", ()), *changes)}
        status_changed = "status" in fields and fields["status"] != getattr(current, "status", None)
        if status_changed and hasattr(current, "status_on"):
            out["status_on"] = None if fields["status"] == "pending" else when
        return out

    def _check_links(self, kind: Kind, fields: Mapping[str, Any]) -> None:
        """InputError when a field names a record that does not exist (inside a change)."""
        for spec in kind.fields:
            if spec.links is None or fields.get(spec.name) is None:
                continue
            target = next(k for k in KINDS.values() if k.letter == spec.links)
            ids = fields[spec.name] if spec.many else (fields[spec.name],)
            for rid in ids:
                if rid not in self._views[target.name]:
                    see = f"see: leverage list {target.plural}"
                    raise InputError(f"no {target.name} with id {rid[:20]!r} ({see})")

    def _refuse_if_named(self, person: Person) -> None:
        made = sum(p.by == person.name for p in self.promises.values())
        met = sum(person.name in c.people for c in self.conversations.values())
        if made or met:
            raise InputError(
                f"{person.name} made {counted(made, 'promise')} and is in "
                f"{counted(met, 'conversation')}; delete or change those first"
            )

    def _unlink(self, rid: str) -> None:
        """Remove every link to `rid` from the records that point at it."""
        letter = rid[:1]
        for kind in KINDS.values():
            specs = [s for s in kind.fields if s.links == letter]
            if not specs:
                continue
            for record in list(self._views[kind.name].values()):
                changed: dict[str, Any] = {}
                for spec in specs:
                    value = getattr(record, spec.name)
                    if spec.many and rid in value:
                        changed[spec.name] = tuple(v for v in value if v != rid)
                    elif value == rid:
                        changed[spec.name] = None
                if changed:
                    self._put(replace(record, **changed))

    # -- short spellings -----------------------------------------------------------------

    def add_person(
        self,
        name: str,
        role: str | None = None,
        notes: str | None = None,
        employer: str | None = None,
    ) -> Person:
        """Add someone, or change the role, notes and employer of someone known (None: keep)."""
        kind = KINDS["person"]
        given = {"name": name, "role": role, "notes": notes, "employer": employer}
        fields = clean_values(kind, {k: v for k, v in given.items() if v is not None})

        def body() -> Person:
            known = self.person_named(fields["name"])
            if known is None:
                return self._put(Person(id=self._new_id(kind), **fields))  # type: ignore[return-value]
            # a known person keeps the name their promises and conversations use
            fields.pop("name")
            return self._put(replace(known, **fields))  # type: ignore[return-value]

        return self._change(f"add {fields['name']}", body)

    def add_conversation(
        self,
        people: Iterable[str],
        summary: str,
        *,
        on: dt.date | None = None,
        at: dt.time | str | None = None,
        channel: str = "meeting",
        notes: str = "",
        tags: Iterable[str] = (),
    ) -> Conversation:
        """Log a conversation; people not yet known are added."""
        return self.add(  # type: ignore[return-value]
            "conversation",
            people=tuple(people),
            summary=summary,
            on=on,
            at=_clock(at),
            channel=channel,
            notes=notes,
            tags=tuple(tags),
        )

    def update_conversation(
        self, rid: str, *, at: dt.time | str | None = UNSET, **values: Any
    ) -> Conversation:
        """Change the given fields of a conversation (None: keep; `at` None clears)."""
        given = {k: v for k, v in values.items() if v is not None}
        if "people" in given:
            given["people"] = tuple(given["people"])
            if not given["people"]:
                raise InputError("a conversation needs at least one person")
        if "tags" in given:
            given["tags"] = tuple(given["tags"])
        return self.update(rid, expect="conversation", **_given(at=_clock(at)), **given)  # type: ignore[return-value]

    def add_promise(self, text: str, by: str, **values: Any) -> Promise:
        """Record a promise; `made_on` defaults to its conversation's date, else today."""
        return self.add("promise", text=text, by=by, **values)  # type: ignore[return-value]

    def update_promise(
        self,
        rid: str,
        *,
        on: dt.date | None = None,
        due: dt.date | None = UNSET,
        **values: Any,
    ) -> Promise:
        """Change a promise; changes of form, due date and status go into its history."""
        given = {k: v for k, v in values.items() if v is not None}
        return self.update(rid, when=on, expect="promise", **_given(due=due), **given)  # type: ignore[return-value]

    def set_forms(self, ids: Iterable[str], form: str, on: dt.date | None = None) -> list[Promise]:
        """Move several promises to `form` at once (one undo step), e.g. after a recap."""
        form = clean(KINDS["promise"].field("form"), form)
        chosen = [self._find(i, "promise").id for i in ids]
        when = on or self.today
        problem = date_problem(when, "date")
        if problem:
            raise InputError(problem)

        def body() -> list[Promise]:
            out = []
            for pid in chosen:
                current = self.promises.get(pid)
                if current is None:
                    raise InputError(f"{pid} was deleted by another program; nothing was changed")
                if current.form == form:
                    continue
                changed = self._tracked(KINDS["promise"], current, {"form": form}, when)
                out.append(self._put(replace(current, **changed)))
            return out  # type: ignore[return-value]

        return self._change(f"mark {counted(len(chosen), 'promise')} {form}", body)

    def mark_recap_sent(self, ids: Iterable[str], on: dt.date | None = None) -> list[Promise]:
        """A recap of these promises was sent `on` (default today), as one undo step.

        A verbal promise moves to recap-sent (a `form` change in its history). A promise
        already recap-sent gets a `recap` history entry (old: the day the recap before
        went out, if known; new: `on`), so the wait before asking again starts over
        (flags.recap_sent_on). Written, official and resolved promises, and those whose
        recap already went out that day, are left alone. The promises changed.
        """
        chosen = [self.promise(i).id for i in ids]
        when = on or self.today
        problem = date_problem(when, "date")
        if problem:
            raise InputError(problem)

        def body() -> list[Promise]:
            out: list[Promise] = []
            for pid in chosen:
                current = self.promises.get(pid)
                if current is None:
                    raise InputError(f"{pid} was deleted by another program; nothing was changed")
                if not current.pending:
                    continue
                if current.form == "verbal":
                    changed = self._tracked(KINDS["promise"], current, {"form": "recap-sent"}, when)
                elif current.form == "recap-sent" and recap_sent(current) != when:
                    before = recap_sent_on(current)
                    again = Change(RECAP_CHANGE, _text(before), _text(when), when)
                    changed = {"history": (*current.history, again)}
                else:
                    continue
                out.append(self._put(replace(current, **changed)))  # type: ignore[arg-type]
            return out

        return self._change(f"recap sent for {counted(len(chosen), 'promise')}", body)

    def add_ask(self, text: str, **values: Any) -> Ask:
        """Record something the user wants, with how they will know they got it."""
        values["promises"] = tuple(values.get("promises") or ())
        return self.add("ask", text=text, **values)  # type: ignore[return-value]

    def update_ask(
        self, rid: str, *, target: dt.date | None = UNSET, floor: Any = UNSET, **values: Any
    ) -> Ask:
        """Change the given fields of an ask (`promises` replaces the linked ones; None
        clears the target or the floor)."""
        given = {k: v for k, v in values.items() if v is not None}
        if "promises" in given:
            given["promises"] = tuple(given["promises"])
        return self.update(rid, expect="ask", **_given(target=target, floor=floor), **given)  # type: ignore[return-value]

    def add_offer(self, company: str, role: str, **values: Any) -> Offer:
        """Record an outside offer or a counteroffer."""
        return self.add("offer", company=company, role=role, **values)  # type: ignore[return-value]

    def update_offer(self, rid: str, **values: Any) -> Offer:
        """Change the given fields of an offer (same names as add_offer, plus status)."""
        return self.update(rid, expect="offer", **values)  # type: ignore[return-value]

    def set_current_job(self, **values: Any) -> CurrentJob:
        """Record the current job's employer, title, pay and terms (one undoable step).

        A job already recorded keeps what is not given (None); the first time, the
        company and the role are needed.
        """
        kind = KINDS["job"]
        given = {k: v for k, v in values.items() if v is not None}
        if self.current_job is not None:
            return self.update(CURRENT_JOB_ID, **given)  # type: ignore[return-value]
        if not given.get("company") or not given.get("role"):
            raise InputError("the current job needs --company and --role the first time")
        fields = clean_values(kind, given)
        job = check_record(kind, CurrentJob(id=CURRENT_JOB_ID, **fields))

        def body() -> Record:
            current = self.current_job  # as it is on disk now: another program may have set it
            if current is not None:
                return self._put(check_record(kind, replace(current, **fields)))
            return self._put(job)

        return self._change("setting the current job", body)  # type: ignore[return-value]

    def clear_current_job(self) -> None:
        """Forget the current job (undoable)."""
        if self.current_job is not None:
            self._change("clearing the current job", lambda: self._drop(CURRENT_JOB_ID))

    # -- import and export ------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """The whole journal as plain JSON data (tables of documents keyed by id)."""
        from .journal_format import META_KEY, SCHEMA

        out: dict[str, Any] = {META_KEY: {"schema": SCHEMA}}
        for kind in KINDS.values():
            out[kind.table] = {rid: r.to_doc() for rid, r in self._views[kind.name].items()}
        return out

    def import_data(self, data: Any) -> dict[str, int]:
        """Merge exported data in (merge.py): counts added per table."""
        from .merge import merge

        return merge(self, data)


def promise_maker(conversation: Conversation | None) -> str:
    """Who made a promise when nobody says: the conversation's only person, else ''."""
    if conversation is not None and len(conversation.people) == 1:
        return conversation.people[0]
    return ""


def _text(value: Any) -> str | None:
    """A tracked value as the history keeps it (dates as ISO text)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _clock(at: Any) -> str | None:
    """A time of day as "HH:MM" (a `dt.time`, text, or None)."""
    if at is None or at is UNSET:
        return at
    return at.strftime("%H:%M") if isinstance(at, dt.time) else str(at)


def values_of(record: Record) -> Mapping[str, Any]:
    """A record's fields by name (for editors and messages)."""
    kind = kind_of_id(record.id)
    assert kind is not None
    return {spec.name: getattr(record, spec.name) for spec in kind.fields}
