"""The journal: every record in memory, every change saved at once, undoable.

`Journal` is the one way to read and change a journal file. It reads the file once,
keeps typed records in memory, and saves each change atomically through TinyDB and
`AtomicStorage`. Each change is checked first (InputError, nothing changed) and can be
undone for as long as the journal stays open.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from . import dates
from .exchange import CURRENT_JOB, parse_export, record_content, relink
from .record_checks import check_date, checked_offer, clean_tags, dates_iso
from .records import (
    ASK_STATUSES,
    CATEGORIES,
    CHANNELS,
    FORMS,
    KIND_OF_PREFIX,
    KINDS,
    OFFER_STATUSES,
    PREFIX,
    PRIORITIES,
    ROLES,
    STATUSES,
    Ask,
    Change,
    Conversation,
    Doc,
    Offer,
    Person,
    Promise,
    Record,
)
from .storage import META_KEY, AtomicStorage, Codec, JournalError, way_out
from .track import TrackKeeper, TrackRecord
from .validate import NAME_LIMIT, InputError, choice, clean_text, money, optional_text

T = TypeVar("T")
UNSET: Any = object()
"""Marks an argument that was not given (so None can mean 'clear it')."""


@dataclass
class _Step:
    """One undoable change: the documents as they were before it."""

    label: str
    before: list[tuple[str, str, Doc | None]] = field(default_factory=list)
    revision: int = 0
    """The journal's revision once this change (or its undoing) was saved."""


class Journal:
    """All the records of one journal file, kept in memory and saved on every change."""

    def __init__(
        self,
        path: Path | str,
        *,
        today: dt.date | None = None,
        backups: int = 10,
        codec: Codec | None = None,
        background: bool = False,
    ) -> None:
        """Open (read) the journal at `path`; JournalError when it is damaged.

        With `background=True` (the app) each change returns once applied in memory and
        its bytes are written by a writer thread: `flush` waits for them and raises
        JournalError when one failed (the last good file is then read back).
        """
        self.path = Path(path)
        self.today = today or dates.today()
        with _no_gc():
            self.storage = AtomicStorage(
                self.path, backups=backups, codec=codec, background=background
            )
        self.db = TinyDB(storage=lambda: self.storage)
        self.revision = 0
        self._undo: list[_Step] = []
        self._undone: list[tuple[int, _Step]] = []  # (revision of the undoing, step undone)
        self._step: _Step | None = None
        self._track = TrackKeeper()
        self._load()

    # -- reading ---------------------------------------------------------------------

    def _load(self) -> None:
        with _no_gc():
            self._build()
        gc.freeze()  # later full collections skip the journal's long-lived objects

    def _build(self) -> None:
        tables = self.storage.read() or {}
        loaded: dict[str, dict[str, Any]] = {}
        for kind, (table, cls) in KINDS.items():
            into: dict[str, Any] = {}
            letter = PREFIX[kind]
            try:
                from_doc = cls.from_doc
                for doc_id, doc in sorted(tables.get(table, {}).items(), key=_as_number):
                    rid = letter + doc_id
                    into[rid] = from_doc(rid, doc)
            except (KeyError, ValueError, TypeError, AttributeError) as err:
                # keep the records we had, and make the next change read the file again
                self.storage.forget()
                raise JournalError(
                    f"{self.path}: the journal is damaged (a record in {table}: "
                    f"{str(err)[:60]}); {way_out(self.path)}"
                ) from None
            loaded[kind] = into
        self.people: dict[str, Person] = loaded["person"]
        self.conversations: dict[str, Conversation] = loaded["conversation"]
        self.promises: dict[str, Promise] = loaded["promise"]
        self.asks: dict[str, Ask] = loaded["ask"]
        self.offers: dict[str, Offer] = loaded["offer"]
        self._by_conversation: dict[str, list[str]] | None = None
        self._top: dict[str, int] = {}  # kind -> highest id number given out (_new_id)
        self.revision += 1

    def _records(self, kind: str) -> dict[str, Any]:
        by_kind: dict[str, dict[str, Any]] = {
            "person": self.people,
            "conversation": self.conversations,
            "promise": self.promises,
            "ask": self.asks,
            "offer": self.offers,
        }
        return by_kind[kind]

    def refresh(self) -> bool:
        """Re-read the file if another process changed it; True when it did.

        Raises JournalError when a background write failed (see `flush`).
        """
        self._check_saved()
        if not self.storage.is_stale():
            return False
        self.storage.reload()
        self._load()
        return True

    @property
    def is_empty(self) -> bool:
        """True when the journal holds no records at all."""
        return not (self.conversations or self.promises or self.asks or self.offers)

    def get(self, rid: str, kind: str | None = None) -> Record:
        """The record with id `rid` (of `kind` when given), else InputError."""
        rid = (rid or "").strip().lower()
        found_kind = KIND_OF_PREFIX.get(rid[:1])
        if kind is not None and found_kind != kind:
            found_kind = None
        record = self._records(found_kind).get(rid) if found_kind else None
        if record is None:
            what = kind or "record"
            plural = KINDS[kind][0] if kind else "conversations"
            raise InputError(f"no {what} with id {rid[:20]!r} (see: leverage list {plural})")
        return record  # type: ignore[no-any-return]

    def promise(self, rid: str) -> Promise:
        """The promise with id `rid`, else InputError."""
        return self.get(rid, "promise")  # type: ignore[return-value]

    def conversation(self, rid: str) -> Conversation:
        """The conversation with id `rid`, else InputError."""
        return self.get(rid, "conversation")  # type: ignore[return-value]

    def person_named(self, name: str) -> Person | None:
        """The person called `name` (case-insensitive), if known."""
        wanted = name.strip().casefold()
        for person in self.people.values():
            if person.name.casefold() == wanted:
                return person
        return None

    def track_record(self, today: dt.date | None = None) -> TrackRecord:
        """The track record of every promise as of `today` (the journal's by default),
        kept up to date: after a change only the promises whose record changed are
        counted again (records are replaced, never changed in place)."""
        return self._track.update(self.promises, today or self.today)

    def promises_of(self, conversation_id: str) -> list[Promise]:
        """The promises made in a conversation, in the order they were added."""
        if self._by_conversation is None:
            index: dict[str, list[str]] = {}
            for p in self.promises.values():
                if p.conversation:
                    index.setdefault(p.conversation, []).append(p.id)
            self._by_conversation = index
        return [self.promises[i] for i in self._by_conversation.get(conversation_id, [])]

    # -- saving ----------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """True while a background write is still pending."""
        return self.storage.saving

    def flush(self) -> None:
        """Wait until every change is on disk; JournalError when a background write failed.

        After a failure the last good file has been read back: the changes that were not
        written are gone from memory too (and from the undo list).
        """
        self.storage.wait()
        self._check_saved()

    def _check_saved(self) -> None:
        """Raise a failed background write's error, once, after reading the file back."""
        error = self.storage.take_error()
        if error is None:
            return
        self._load()
        kept = int(self.storage.meta.get("revision", 0))
        while self._undo and self._undo[-1].revision > kept:
            self._undo.pop()  # its change is not on disk
        self._undo.extend(s for r, s in self._undone if r > kept)  # nor their undoing
        self._undone.clear()
        raise error

    def _change(self, label: str, body: Callable[[], T], *, undoable: bool = True) -> T:
        """Run `body` (which calls _put/_drop) as one saved, undoable step."""
        self._check_saved()
        try:
            with self.storage.transaction() as reloaded:
                if reloaded:
                    self._load()
                self._step = _Step(label)
                result = body()
        except BaseException:
            # Nothing was saved and the storage has read the file back: show just that.
            self._step = None
            self._load()
            raise
        step, self._step = self._step, None
        step.revision = int(self.storage.meta.get("revision", 0))
        if step.before and undoable:
            self._undo.append(step)
        if not self.storage.saving:
            self._undone.clear()
        self.revision += 1
        for tdb in self.db._tables.values():  # TinyDB's tables were bypassed: forget caches
            tdb.clear_cache()
            tdb._next_id = None
        return result

    def _docs(self, table: str) -> dict[str, Any]:
        """The documents of `table`, as stored (id number as text -> document)."""
        tables = self.storage.read()
        docs = tables.get(table)
        if docs is None:
            docs = tables[table] = {}
        return docs

    def _put(self, kind: str, record: Record) -> None:
        """Store `record` (a new document replaces the old one: documents never change)."""
        table, _ = KINDS[kind]
        key = str(int(record.id[1:]))
        docs = self._docs(table)
        old = docs.get(key)
        if self._step is not None:
            self._step.before.append((kind, record.id, old))
        docs[key] = record.to_doc()
        self.storage.write(self.storage.read())
        records = self._records(kind)
        number = int(record.id[1:])
        if self._top.get(kind, number) < number:
            self._top[kind] = number
        if isinstance(record, Promise):
            known = records.get(record.id)
            if known is None or known.conversation != record.conversation:
                self._by_conversation = None  # promises_of builds it again
        records[record.id] = record

    def _put_and_return(self, kind: str, record: T) -> T:
        self._put(kind, record)  # type: ignore[arg-type]
        return record

    def _drop(self, kind: str, rid: str) -> None:
        table, _ = KINDS[kind]
        docs = self._docs(table)
        old = docs.pop(str(int(rid[1:])), None)
        if old is None:
            return
        if self._step is not None:
            self._step.before.append((kind, rid, old))
        self.storage.write(self.storage.read())
        self._records(kind).pop(rid, None)
        if kind == "promise":
            self._by_conversation = None

    def _new_id(self, kind: str) -> str:
        letter = PREFIX[kind]
        counters = self.storage.meta.setdefault("next", {})
        top = self._top.get(kind)
        if top is None:  # once per load: the counter may lag behind a hand-edited file
            top = max((int(r[1:]) for r in self._records(kind)), default=0)
        n = max(int(counters.get(letter, 1)), top + 1)
        counters[letter] = n + 1
        self._top[kind] = n
        return f"{letter}{n}"

    @property
    def can_undo(self) -> bool:
        """True when there is a change of this session to undo."""
        return bool(self._undo)

    def undo(self) -> str | None:
        """Undo the last change of this session; its label, or None when there is none."""
        if not self._undo:
            return None
        step = self._undo.pop()

        def restore() -> None:
            for kind, rid, doc in reversed(step.before):
                if kind == "meta":
                    self._set_meta(rid, doc)
                elif doc is None:
                    self._drop(kind, rid)
                else:
                    _, cls = KINDS[kind]
                    self._put(kind, cls.from_doc(rid, doc))

        try:
            self._change("undo", restore, undoable=False)
        except BaseException:
            self._undo.append(step)  # not undone: it can be tried again
            raise
        if self.storage.saving:  # should this write fail, the step comes back
            self._undone.append((int(self.storage.meta.get("revision", 0)), step))
        return step.label

    # -- people ----------------------------------------------------------------------

    def _person(self, name: str) -> str:
        """The stored name for `name`, adding the person when new (inside a change)."""
        clean = clean_text(name, "name", limit=NAME_LIMIT)
        known = self.person_named(clean)
        if known:
            return known.name
        self._put("person", Person(self._new_id("person"), clean))
        return clean

    def add_person(self, name: str, role: str = "other", notes: str = "") -> Person:
        """Add someone (or update the role and notes of someone known)."""
        role = choice(role, ROLES, "role")
        notes = optional_text(notes, "notes", multiline=True)
        clean = clean_text(name, "name", limit=NAME_LIMIT)

        def body() -> Person:
            known = self.person_named(clean)
            # a known person keeps the name their promises and conversations use
            name = known.name if known else clean
            person = Person(known.id if known else self._new_id("person"), name, role, notes)
            self._put("person", person)
            return person

        return self._change(f"add {clean}", body)

    # -- conversations ---------------------------------------------------------------

    def add_conversation(
        self,
        people: Iterable[str],
        summary: str,
        *,
        on: dt.date | None = None,
        at: dt.time | None = None,
        channel: str = "meeting",
        notes: str = "",
        tags: Iterable[str] = (),
    ) -> Conversation:
        """Log a conversation; people not yet known are added."""
        names = [clean_text(n, "name", limit=NAME_LIMIT) for n in people]
        if not names:
            raise InputError("a conversation needs at least one person (--with NAME)")
        summary = clean_text(summary, "summary")
        notes = optional_text(notes, "notes", multiline=True)
        channel = choice(channel, CHANNELS, "channel")
        tag_list = clean_tags(tags)
        when = check_date(on or self.today, "date")
        assert when is not None

        def body() -> Conversation:
            stored = list(dict.fromkeys(self._person(n) for n in names))
            conv = Conversation(
                self._new_id("conversation"), when, stored, summary, at, channel, notes, tag_list
            )
            self._put("conversation", conv)
            return conv

        return self._change(f"log {summary[:30]}", body)

    def update_conversation(
        self,
        rid: str,
        *,
        people: Iterable[str] | None = None,
        summary: str | None = None,
        on: dt.date | None = None,
        at: dt.time | None = UNSET,
        channel: str | None = None,
        notes: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Conversation:
        """Change the given fields of a conversation."""
        self.refresh()  # start from what is on disk: never write back stale fields
        conv = self.conversation(rid)
        names = [clean_text(n, "name", limit=NAME_LIMIT) for n in people] if people else None
        if people is not None and not names:
            raise InputError("a conversation needs at least one person")
        new_summary = clean_text(summary, "summary") if summary is not None else conv.summary
        new_notes = optional_text(notes, "notes", multiline=True) if notes is not None else None
        new_channel = choice(channel, CHANNELS, "channel") if channel is not None else None
        new_tags = clean_tags(tags) if tags is not None else None
        check_date(on, "date")

        def body() -> Conversation:
            updated = Conversation(
                conv.id,
                on or conv.on,
                list(dict.fromkeys(self._person(n) for n in names)) if names else conv.people,
                new_summary,
                conv.at if at is UNSET else at,
                new_channel or conv.channel,
                conv.notes if new_notes is None else new_notes,
                conv.tags if new_tags is None else new_tags,
            )
            self._put("conversation", updated)
            return updated

        return self._change(f"edit {conv.id}", body)

    # -- promises --------------------------------------------------------------------

    def add_promise(
        self,
        text: str,
        by: str,
        *,
        made_on: dt.date | None = None,
        form: str = "verbal",
        evidence: str = "",
        due: dt.date | None = None,
        category: str = "other",
        conversation: str | None = None,
    ) -> Promise:
        """Record a promise; `made_on` defaults to its conversation's date, else today."""
        text = clean_text(text, "promise text")
        form = choice(form, FORMS, "form")
        category = choice(category, CATEGORIES, "category")
        evidence = optional_text(evidence, "evidence")
        conv = self.conversation(conversation) if conversation else None
        made = check_date(made_on or (conv.on if conv else self.today), "made date")
        check_date(due, "due date")
        assert made is not None

        def body() -> Promise:
            promise = Promise(
                id=self._new_id("promise"),
                text=text,
                by=self._person(by),
                made_on=made,
                form=form,
                evidence=evidence,
                due=due,
                category=category,
                conversation=conv.id if conv else None,
            )
            self._put("promise", promise)
            return promise

        return self._change(f"add promise {text[:30]}", body)

    def update_promise(
        self,
        rid: str,
        *,
        status: str | None = None,
        form: str | None = None,
        evidence: str | None = None,
        due: dt.date | None = UNSET,
        text: str | None = None,
        by: str | None = None,
        category: str | None = None,
        on: dt.date | None = None,
    ) -> Promise:
        """Change a promise; changes of form, due date and status go into its history."""
        self.refresh()  # start from what is on disk: never write back stale fields
        old = self.promise(rid)
        when = check_date(on or self.today, "date of the change")
        assert when is not None
        new_status = choice(status, STATUSES, "status") if status is not None else old.status
        new_form = choice(form, FORMS, "form") if form is not None else old.form
        new_due = old.due if due is UNSET else check_date(due, "due date")
        new_text = clean_text(text, "promise text") if text is not None else old.text
        new_category = (
            choice(category, CATEGORIES, "category") if category is not None else old.category
        )
        new_evidence = optional_text(evidence, "evidence") if evidence is not None else None

        def body() -> Promise:
            history = list(old.history)
            for name, before, after in (
                ("form", old.form, new_form),
                ("due", dates_iso(old.due), dates_iso(new_due)),
                ("status", old.status, new_status),
            ):
                if before != after:
                    history.append(Change(name, before, after, when))
            changed_status = new_status != old.status
            updated = Promise(
                id=old.id,
                text=new_text,
                by=self._person(by) if by is not None else old.by,
                made_on=old.made_on,
                form=new_form,
                evidence=old.evidence if new_evidence is None else new_evidence,
                due=new_due,
                category=new_category,
                status=new_status,
                status_on=(when if new_status != "pending" else None)
                if changed_status
                else old.status_on,
                conversation=old.conversation,
                history=history,
            )
            self._put("promise", updated)
            return updated

        return self._change(f"update {old.id}", body)

    def set_forms(self, ids: Iterable[str], form: str, on: dt.date | None = None) -> list[Promise]:
        """Move several promises to `form` at once (one undo step), e.g. after a recap."""
        form = choice(form, FORMS, "form")
        self.refresh()  # start from what is on disk: never write back stale fields
        chosen = [self.promise(i) for i in ids]
        when = check_date(on or self.today, "date")
        assert when is not None

        def body() -> list[Promise]:
            out = []
            for p in chosen:
                if p.form == form:
                    continue
                p2 = Promise.from_doc(p.id, p.to_doc())
                p2.history.append(Change("form", p.form, form, when))
                p2.form = form
                self._put("promise", p2)
                out.append(p2)
            return out

        return self._change(f"mark {len(chosen)} promises {form}", body)

    # -- asks and offers ---------------------------------------------------------------

    def add_ask(
        self,
        text: str,
        *,
        measure: str = "",
        target: dt.date | None = None,
        priority: str = "medium",
        promises: Iterable[str] = (),
    ) -> Ask:
        """Record something the user wants, with how they will know they got it."""
        ask = Ask(
            "",
            clean_text(text, "ask"),
            optional_text(measure, "measure"),
            check_date(target, "target date"),
            choice(priority, PRIORITIES, "priority"),
            "open",
            [self.promise(p).id for p in promises],
        )

        def body() -> Ask:
            ask.id = self._new_id("ask")
            self._put("ask", ask)
            return ask

        return self._change(f"add ask {ask.text[:30]}", body)

    def update_ask(
        self,
        rid: str,
        *,
        text: str | None = None,
        measure: str | None = None,
        target: dt.date | None = UNSET,
        priority: str | None = None,
        status: str | None = None,
        promises: Iterable[str] | None = None,
    ) -> Ask:
        """Change the given fields of an ask."""
        self.refresh()  # start from what is on disk: never write back stale fields
        old: Ask = self.get(rid, "ask")  # type: ignore[assignment]
        ask = Ask(
            old.id,
            clean_text(text, "ask") if text is not None else old.text,
            optional_text(measure, "measure") if measure is not None else old.measure,
            old.target if target is UNSET else check_date(target, "target date"),
            choice(priority, PRIORITIES, "priority") if priority is not None else old.priority,
            choice(status, ASK_STATUSES, "ask status") if status is not None else old.status,
            [self.promise(p).id for p in promises] if promises is not None else old.promises,
        )
        return self._change(f"edit {old.id}", lambda: self._put_and_return("ask", ask))

    def add_offer(
        self,
        company: str,
        role: str,
        *,
        base: int | str | None = None,
        bonus: int | str | None = None,
        equity: str = "",
        terms: str = "",
        received: dt.date | None = None,
        deadline: dt.date | None = None,
        written: bool = False,
        counter: bool = False,
    ) -> Offer:
        """Record an outside offer or a counteroffer."""
        offer = checked_offer(
            "",
            company,
            role,
            base,
            bonus,
            equity,
            terms,
            received=check_date(received or self.today, "received date"),
            deadline=check_date(deadline, "deadline"),
            written=written,
            counter=counter,
        )

        def body() -> Offer:
            offer.id = self._new_id("offer")
            self._put("offer", offer)
            return offer

        return self._change(f"add offer {offer.company[:30]}", body)

    def update_offer(self, rid: str, **fields: Any) -> Offer:
        """Change the given fields of an offer (same names as add_offer, plus status)."""
        self.refresh()  # start from what is on disk: never write back stale fields
        old: Offer = self.get(rid, "offer")  # type: ignore[assignment]
        doc = old.to_doc()
        for key, value in fields.items():
            if key in ("company", "role"):
                value = clean_text(value, key, limit=NAME_LIMIT if key == "company" else 0)
            elif key in ("base", "bonus"):
                value = money(value, key)
            elif key in ("equity",):
                value = optional_text(value, key)
            elif key == "terms":
                value = optional_text(value, key, multiline=True)
            elif key in ("received", "deadline"):
                value = dates_iso(check_date(value, key))
            elif key == "status":
                value = choice(value, OFFER_STATUSES, "offer status")
            elif key in ("written", "counter"):
                value = bool(value)
            else:
                raise InputError(f"an offer has no field {key!r}")
            doc[key] = value
        offer = Offer.from_doc(old.id, doc)
        return self._change(f"edit {old.id}", lambda: self._put_and_return("offer", offer))

    # -- the current job -----------------------------------------------------------------

    @property
    def current_job(self) -> Offer | None:
        """The user's current job (id 'current'): the baseline offers are compared with."""
        doc = self.storage.meta.get(CURRENT_JOB)
        return Offer.from_doc("current", doc) if isinstance(doc, dict) else None

    def set_current_job(
        self,
        company: str,
        role: str,
        *,
        base: int | str | None = None,
        bonus: int | str | None = None,
        equity: str = "",
        terms: str = "",
    ) -> Offer:
        """Record the current job's employer, title, pay and terms (one undoable step)."""
        job = checked_offer("current", company, role, base, bonus, equity, terms, written=True)
        doc = job.to_doc()
        self._change("set current job", lambda: self._set_meta(CURRENT_JOB, doc))
        return job

    def clear_current_job(self) -> None:
        """Forget the current job (undoable)."""
        self._change("clear current job", lambda: self._set_meta(CURRENT_JOB, None))

    def _set_meta(self, key: str, doc: Doc | None) -> None:
        """Set (or, with None, remove) a document in the header, inside a change."""
        meta = self.storage.meta
        if self._step is not None:
            old = meta.get(key)
            self._step.before.append(("meta", key, dict(old) if isinstance(old, dict) else None))
        if doc is None:
            meta.pop(key, None)
        else:
            meta[key] = doc
        self.storage.write(self.storage.read())

    # -- deleting ----------------------------------------------------------------------

    def delete(self, rid: str) -> Record:
        """Delete a record (promises and asks that pointed at it stay, unlinked). Undoable."""
        self.refresh()  # start from what is on disk: never write back stale fields
        record = self.get(rid)
        kind = KIND_OF_PREFIX[record.id[0]]

        def body() -> Record:
            if kind == "conversation":
                for p in self.promises_of(record.id):
                    p2 = Promise.from_doc(p.id, p.to_doc())
                    p2.conversation = None
                    self._put("promise", p2)
            if kind == "promise":  # asks that linked it stay, unlinked
                for ask in list(self.asks.values()):
                    if record.id in ask.promises:
                        kept = [p for p in ask.promises if p != record.id]
                        self._put("ask", dataclasses.replace(ask, promises=kept))
            self._drop(kind, record.id)
            return record

        return self._change(f"delete {record.id}", body)

    # -- import and export -------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """The whole journal as plain JSON data (tables of documents keyed by id)."""
        out: dict[str, Any] = {META_KEY: {"schema": self.storage.meta.get("schema", 1)}}
        job = self.current_job
        if job is not None:
            out[META_KEY][CURRENT_JOB] = job.to_doc()
        for kind, (table, _) in KINDS.items():
            out[table] = {rid: r.to_doc() for rid, r in self._records(kind).items()}
        return out

    def import_data(self, data: Any) -> dict[str, int]:
        """Merge exported data in: same id and content is skipped, a clash gets a new id.

        Everything is checked before anything is saved; returns counts added per table.
        """
        parsed, job_doc = parse_export(data)

        def body() -> dict[str, int]:
            counts = {table: 0 for table, _ in KINDS.values()}
            if job_doc is not None and self.current_job is None:
                self._set_meta(CURRENT_JOB, job_doc)
            renamed: dict[str, str] = {}
            added: list[tuple[str, Record]] = []

            def place(kind: str, record: Record) -> None:
                if isinstance(record, Promise):
                    record.by = self._person(record.by)
                elif isinstance(record, Conversation):
                    record.people = list(dict.fromkeys(self._person(n) for n in record.people))
                self._put(kind, record)
                added.append((kind, record))
                counts[KINDS[kind][0]] += 1

            # kind by kind: links only point at kinds placed before (promise -> conversation,
            # ask -> promise), so they can follow new ids as they are given
            for kind in KINDS:
                have = self._records(kind)
                # what the journal already holds, by content: an earlier import of the same
                # file may have given it other ids; each stands for one imported record
                twins: dict[str, list[str]] = {}
                for rid, existing in have.items():
                    twins.setdefault(record_content(existing), []).append(rid)
                clashing: list[Record] = []
                for k, rid, record in parsed:
                    if k != kind:
                        continue
                    relink(record, renamed)
                    same = have.get(rid)
                    content = record_content(record)
                    if same is not None and record_content(same) == content:
                        if rid in twins.get(content, []):
                            twins[content].remove(rid)
                        continue
                    if twins.get(content):
                        renamed[rid] = twins[content].pop(0)
                        continue
                    if isinstance(record, Person) and self.person_named(record.name):
                        continue
                    if same is None:
                        place(kind, record)  # keeps its id
                    else:
                        clashing.append(record)
                # records whose id is taken get new ids once the others are placed
                for record in clashing:
                    new_id = self._new_id(kind)
                    renamed[record.id] = new_id
                    record.id = new_id
                    place(kind, record)
            for _kind, record in added:
                if isinstance(record, Promise):
                    missing = [record.conversation] if record.conversation else []
                    missing = [c for c in missing if c not in self.conversations]
                elif isinstance(record, Ask):
                    missing = [p for p in record.promises if p not in self.promises]
                else:
                    continue
                if missing:
                    raise InputError(
                        f"{record.id} names {missing[0][:20]} "
                        "which is not in the journal or the export"
                    )
            return counts

        return self._change("import", body)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (building many objects at once triggers it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _as_number(item: tuple[str, Any]) -> int:
    return int(item[0])
