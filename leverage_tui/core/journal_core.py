"""Reading a journal, and the one way to change it: `JournalCore`.

A journal is a TinyDB database on a `JournalStorage`. `JournalCore` opens it, keeps a
view of each kind of record by id (`journal.promises["p12"]`, the same record objects
the storage holds), answers the common questions (a record by id, a person by name,
the promises of a conversation, the track record) and offers `_change`: a body that runs
under the writer lock on the journal as it is on disk right now (read again when another
process changed it), saved once at the end, and undoable.

The operations on records (add, update, delete, ...) are in journal.py; the merge of an
import in merge.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from . import dates
from .attachments import dangling, gone, remove_copies
from .chain import ChainKeeper
from .checks import InputError
from .flags import Flag, FlagKeeper, FlagSettings
from .journal_format import MAX_ID, META_KEY
from .records import Ask, Conversation, CurrentJob, Offer, Person, Promise, Record
from .registry import CURRENT_JOB_ID, KINDS, Kind, id_number, kind_of, kind_of_id, record_id
from .storage import Codec, JournalStorage
from .track import TrackKeeper, TrackRecord

T = TypeVar("T")


@dataclass
class Step:
    """One undoable change: each record it touched, before and after (None: absent)."""

    label: str
    records: list[tuple[Kind, str, Record | None, Record | None]] = field(default_factory=list)
    revision: int = 0
    """The journal's revision once this change was saved."""
    undone_at: int = 0
    """The journal's revision once its undoing was saved."""


class JournalTable(Table):
    """A TinyDB table that can replace a document where it stands.

    TinyDB's own remove + insert moves a changed document to the end of its table, so
    every later run of the file would be encoded again on the next save (measured on a
    20,000-promise journal: two table rebuilds, ~12 ms, and most runs re-encoded, where
    `replace` is one rebuild, ~6 ms, and one run).
    """

    def replace(self, document: Document) -> None:
        """Put `document` in place of the document with its `doc_id` (which must exist)."""

        def updater(table: dict[int, Any]) -> None:
            if document.doc_id not in table:
                raise KeyError(document.doc_id)
            table[document.doc_id] = dict(document)

        self._update_table(updater)


class JournalDB(TinyDB):
    """TinyDB with the journal's table class."""

    table_class = JournalTable


class JournalCore:
    """All the records of one journal file, read once and kept up to date."""

    def __init__(
        self,
        path: Path | str,
        *,
        today: dt.date | None = None,
        backups: int = 10,
        codec: Codec | None = None,
        deferred: bool = False,
    ) -> None:
        """Open the journal at `path` (JournalError when it is damaged).

        With `deferred=True` (the app) a change returns once applied, its bytes waiting
        in `storage.pending` for `storage.write_pending()` (see storage.py).
        """
        self.path = Path(path)
        self.today = today or dates.today()
        self.storage = JournalStorage(self.path, backups=backups, codec=codec, deferred=deferred)
        self.db = JournalDB(storage=lambda: self.storage)
        self.revision = 0
        """Bumped whenever the records change (a change, an undo, a reload)."""
        self._undo: list[Step] = []
        self._undone: list[Step] = []  # undone, but the undoing may not be on disk yet
        self._step: Step | None = None
        self._track = TrackKeeper()
        self._flags = FlagKeeper()
        self._flags_memo: tuple[tuple[Any, ...], dict[str, list[Flag]]] | None = None
        self.chain = ChainKeeper()
        """Appends every change to the journal's hash chain (chain.py)."""
        self._views: dict[str, dict[str, Any]] = {}
        self._by_conversation: dict[str, list[str]] | None = None
        self._top: dict[str, int] = {}
        self._load()

    # -- reading ---------------------------------------------------------------------

    def _load(self) -> None:
        """Build the views from the storage's tables (after opening or reading again)."""
        self._views = {
            kind.name: {record.id: record for record in self.storage.records(kind.table).values()}
            for kind in KINDS.values()
        }
        self._by_conversation = None
        self._top = {}
        self.chain.forget()
        self.revision += 1

    def records(self, kind: str) -> dict[str, Any]:
        """The records of one kind by id, in the order they were added."""
        return self._views[kind]

    @property
    def people(self) -> dict[str, Person]:
        """Everyone the user talks to, by id."""
        return self._views["person"]

    @property
    def conversations(self) -> dict[str, Conversation]:
        """Every conversation, by id."""
        return self._views["conversation"]

    @property
    def promises(self) -> dict[str, Promise]:
        """Every promise, by id."""
        return self._views["promise"]

    @property
    def asks(self) -> dict[str, Ask]:
        """Every ask, by id."""
        return self._views["ask"]

    @property
    def offers(self) -> dict[str, Offer]:
        """Every offer and counteroffer, by id."""
        return self._views["offer"]

    @property
    def current_job(self) -> CurrentJob | None:
        """The user's current job (id `now`): the baseline offers are compared with."""
        job: CurrentJob | None = self._views["job"].get(CURRENT_JOB_ID)
        return job

    @property
    def is_empty(self) -> bool:
        """True when the journal holds no records at all."""
        return not (
            self.conversations or self.promises or self.asks or self.offers or self._views["win"]
        )

    def refresh(self) -> bool:
        """Read the file again if another process changed it; True when it did."""
        self._check_saved()
        if not self.storage.is_stale():
            return False
        self.storage.reload()
        self._load()
        return True

    def get(self, rid: str, kind: str | None = None) -> Record:
        """The record with id `rid` (of `kind` when given), else InputError."""
        rid = (rid or "").strip().lower()
        found = kind_of_id(rid)
        if kind is not None and (found is None or found.name != kind):
            found = None
        record = self._views[found.name].get(rid) if found else None
        if record is None:
            wanted = KINDS[kind] if kind else None
            what = wanted.name if wanted else "record"
            plural = wanted.plural if wanted else "conversations"
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

    def promises_of(self, conversation_id: str) -> list[Promise]:
        """The promises made in a conversation, in the order they were added."""
        if self._by_conversation is None:
            index: dict[str, list[str]] = {}
            for p in self.promises.values():
                if p.conversation:
                    index.setdefault(p.conversation, []).append(p.id)
            self._by_conversation = index
        return [self.promises[i] for i in self._by_conversation.get(conversation_id, [])]

    def track_record(self, today: dt.date | None = None) -> TrackRecord:
        """The track record of every promise as of `today` (the journal's by default),
        recounted only for the promises that changed (records are immutable)."""
        return self._track.update(self.promises, today or self.today)

    def promise_flags(
        self, today: dt.date | None = None, settings: FlagSettings | None = None
    ) -> dict[str, list[Flag]]:
        """Promise id -> its flags, worst first, kept up to date per changed promise.

        Asked once per row drawn: while nothing changed (the same revision, day and
        settings), the last answer is given again without looking at 20,000 promises.
        """
        key = (self.revision, len(self.promises), today or self.today, settings or FlagSettings())
        if self._flags_memo is None or self._flags_memo[0] != key:
            flags = self._flags.of(self.promises, key[2], key[3])
            self._flags_memo = (key, flags)
        return self._flags_memo[1]

    def flags_of(
        self,
        ids: Iterable[str],
        today: dt.date | None = None,
        settings: FlagSettings | None = None,
    ) -> dict[str, list[Flag]]:
        """The flags of a few promises (see `FlagKeeper.some`)."""
        day, kept = today or self.today, settings or FlagSettings()
        return self._flags.some(self.promises, ids, day, kept)

    def label(self, rid: str) -> str:
        """A record in words for messages: `promise 'Lead the Q3 planning'`."""
        kind = kind_of_id(rid)
        record = self._views[kind.name].get(rid) if kind else None
        if kind is None or record is None:
            return rid
        noun = "current job" if kind.name == "job" else kind.name
        return f"{noun} {kind.label(record)}"

    # -- saving ----------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """True while a deferred write is still pending."""
        return self.storage.pending

    def flush(self) -> None:
        """Write what is pending now; JournalError when a deferred write failed.

        After a failure the last good file has been read back: the changes that were
        not written are gone from memory too, and from the undo list.
        """
        self.storage.write_pending()
        self._check_saved()

    def _check_saved(self) -> None:
        error = self.storage.take_error()
        if error is None:
            return
        self._load()
        kept = self.storage.revision
        while self._undo and self._undo[-1].revision > kept:
            self._undo.pop()  # its change is not on disk
        self._undo.extend(s for s in self._undone if s.undone_at > kept)  # nor its undoing
        self._undone.clear()
        raise error

    def _change(self, label: str, body: Callable[[], T], *, undoable: bool = True) -> T:
        """Run `body` as one change: under the lock, on the journal as it is on disk.

        `body` reads records through the views and changes them with `_put` and
        `_drop`. When it raises, nothing is saved and the journal is read back.
        """
        self._check_saved()
        try:
            with self.storage.transaction() as reloaded:
                if reloaded:
                    self._load()
                self._step = Step(label)
                result = body()
                if any(after is None for *_, after in self._step.records):
                    problem = dangling(self)  # a file or decision left without its record
                    if problem:
                        raise InputError(problem)
                if self._step.records:  # the hash chain: in the same save (chain.py)
                    tables = self.storage.read()
                    self.chain.record(
                        tables, self.storage.meta, label, self._step.records, self.today
                    )
        except BaseException:
            self._step = None
            self._load()
            raise
        step, self._step = self._step, None
        step.revision = self.storage.revision
        removed = gone(step.records)
        if removed:  # attachments deleted, or an attach undone: their copies go too
            remove_copies(self.path, removed)
        if step.records and undoable:
            self._undo.append(step)
        if not self.storage.pending:
            self._undone.clear()
        self.revision += 1
        return result

    def _put(self, record: Record) -> Record:
        """Store `record` (inside a change) through TinyDB; the stored record."""
        kind = kind_of(record)
        table = self.db.table(kind.table)
        key = str(id_number(record.id))
        view = self._views[kind.name]
        before = view.get(record.id)
        document = Document(record, doc_id=int(key))  # type: ignore[arg-type]  # a Mapping
        if before is not None:
            table.replace(document)  # type: ignore[attr-defined]
        else:
            table.insert(document)
        stored: Record = self.storage.records(kind.table)[key]
        if self._step is not None:
            self._step.records.append((kind, record.id, before, stored))
        view[record.id] = stored
        number = int(key)
        if self._top.get(kind.name, number) < number:
            self._top[kind.name] = number
        if isinstance(record, Promise) and (
            before is None or getattr(before, "conversation", None) != record.conversation
        ):
            self._by_conversation = None
        return stored

    def _drop(self, rid: str) -> None:
        """Remove the record `rid` (inside a change)."""
        kind = kind_of_id(rid)
        assert kind is not None
        before = self._views[kind.name].pop(rid, None)
        if before is None:
            return
        self.db.table(kind.table).remove(doc_ids=[id_number(rid)])
        if self._step is not None:
            self._step.records.append((kind, rid, before, None))
        if kind.name == "promise":
            self._by_conversation = None

    def _new_id(self, kind: Kind) -> str:
        """A fresh id for a record of `kind` (inside a change); ids are never reused."""
        if kind.name == "job":
            return CURRENT_JOB_ID
        counters = dict(self.storage.meta.get("next", {}))
        top = self._top.get(kind.name)
        if top is None:  # once per load: the counter may lag behind a hand-edited file
            top = max((int(k) for k in self.storage.records(kind.table)), default=0)
        n = max(int(counters.get(kind.letter, 1)), top + 1)
        if n > MAX_ID:
            raise InputError(f"the journal has no {kind.name} ids left (its ids reach {MAX_ID})")
        counters[kind.letter] = n + 1
        self.db.table(META_KEY).update({"next": counters}, doc_ids=[1])
        self._top[kind.name] = n
        return record_id(kind, str(n))

    # -- undo ------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """True when there is a change of this session to undo."""
        return bool(self._undo)

    def undo(self) -> str | None:
        """Undo the last change of this session; its label, or None when there is none.

        InputError (nothing changed) when another program has changed one of its
        records since: undoing would throw that change away.
        """
        if not self._undo:
            return None
        step = self._undo[-1]

        def restore() -> None:
            for kind, rid, before, after in reversed(step.records):
                now = self._views[kind.name].get(rid)
                if now != after:
                    raise InputError(
                        f"not undone: {self.label(rid)} was changed elsewhere since '{step.label}'"
                    )
                if before is None:
                    self._drop(rid)
                else:
                    self._put(before)

        self._change("undo", restore, undoable=False)
        self._undo.pop()
        step.undone_at = self.storage.revision
        if self.storage.pending:  # should its write fail, the step comes back
            self._undone.append(step)
        return step.label
