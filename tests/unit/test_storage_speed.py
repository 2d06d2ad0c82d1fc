"""Tests for the fast paths of storage and journal: writes that bypass TinyDB's Table,
chunked serialisation, and the app's background writer (ordered, locked, never silent)."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import msgspec
import orjson
import pytest

from leverage_tui.core import journal_file, journal_format, storage
from leverage_tui.core.journal import Journal
from leverage_tui.core.journal_format import Encoder, record_from
from leverage_tui.core.records import Record
from leverage_tui.core.registry import KINDS
from leverage_tui.core.storage import META_KEY, JournalError, list_backups

TODAY = date(2026, 11, 23)
REAL_FSYNC = True


def on_disk(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(path.read_bytes())
    return data


def many(path: Path, n: int, *, background: bool = False) -> Journal:
    j = Journal(path, today=TODAY, deferred=background)
    with j.storage.transaction():
        for i in range(n):
            j.add_promise(f"Promise number {i}", "Dana" if i % 2 else "Sam")
    j.flush()
    return j


# --- writes straight into the storage's tables -----------------------------------------


def test_writes_go_through_tinydb_and_tinydb_reads_them(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise("Lead Q3", "Dana")
    j.add_promise("A raise", "Sam")
    assert len(j.db.table("promises")) == 2  # TinyDB's view is filled before it changes
    j.update_promise("p1", form="written")
    j.delete("p2")
    rows = j.db.table("promises").all()
    assert [(r.doc_id, r["form"]) for r in rows] == [(1, "written")]
    assert on_disk(path)["promises"]["1"]["form"] == "written"
    assert "2" not in on_disk(path)["promises"]


def test_a_change_replaces_documents_instead_of_changing_them(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise("Lead Q3", "Dana")
    before = j.storage.read()["promises"]["1"]
    copy = dict(before)
    j.update_promise("p1", form="written", due=date(2027, 1, 1))
    assert dict(before) == copy  # the old record is untouched (records are immutable)
    assert j.storage.read()["promises"]["1"] is not before
    assert j.undo() == "edit of 'Lead Q3'"
    assert j.promise("p1").form == "verbal" and j.promise("p1").due is None
    assert on_disk(path)["promises"]["1"]["form"] == "verbal"


def test_file_keeps_the_order_and_content_a_reopen_sees(path: Path) -> None:
    j = many(path, 30)
    j.update_promise("p7", status="honored")
    assert list(on_disk(path)["promises"]) == [str(i) for i in range(1, 31)]
    again = Journal(path, today=TODAY)
    assert again.export_data() == j.export_data()


def test_records_are_immutable_and_untracked(journal: Journal) -> None:
    p = journal.promise("p1")
    assert not hasattr(p, "__dict__")
    with pytest.raises(AttributeError):
        p.colour = "red"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        p.text = "changed"  # type: ignore[misc]
    assert not gc.is_tracked(p)  # the collector never walks the journal's records


def test_a_record_reads_back_what_to_doc_writes(journal: Journal) -> None:
    journal.update_promise("p1", form="written", due=date(2027, 2, 1), status="honored")
    p = journal.promise("p1")
    assert record_from(KINDS["promise"], p.to_doc(), p.id) == p
    assert len(p.history) == 3


def test_opening_leaves_the_garbage_collector_alone(path: Path) -> None:
    many(path, 5)
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    Journal(path, today=TODAY)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # nothing pinned for ever (issue 11)


# --- encoding only what changed ------------------------------------------------------


@pytest.fixture
def small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of two documents, so that a dozen promises make several runs."""
    monkeypatch.setattr(journal_format, "SEGMENT", 2)


def plain(tables: dict[str, Any]) -> bytes:
    """The tables as JSON the simple way: every record encoded whole, without its id."""
    out = {
        name: {
            k: msgspec.structs.replace(v, id=msgspec.UNSET) if isinstance(v, Record) else v
            for k, v in table.items()
        }
        for name, table in tables.items()
    }
    return msgspec.json.encode(out)


@pytest.mark.usefixtures("small_runs")
def test_encoded_parts_join_into_exactly_the_plain_json(path: Path) -> None:
    j = many(path, 12)
    data = j.storage.read()
    joined = b"".join(Encoder().parts(data))
    assert joined == plain(data)
    assert "id" not in orjson.loads(joined)["promises"]["1"]  # the key is the id


@pytest.mark.usefixtures("small_runs")
def test_encoder_sees_replaced_added_and_dropped_documents(path: Path) -> None:
    j = many(path, 12)
    encoder = Encoder()
    data = dict(j.storage.read())
    assert b"".join(encoder.parts(data)) == plain(data)
    promises = dict(data["promises"])
    data["promises"] = promises
    first = next(iter(promises))
    promises[first] = msgspec.structs.replace(promises[first], text="Changed text")  # replaced
    promises["999"] = msgspec.structs.replace(promises[first], text="A new one")  # added
    del promises[list(promises)[3]]  # dropped: every later run moves
    data[META_KEY]["1"]["revision"] = 77  # the header, changed in place
    assert b"".join(encoder.parts(data)) == plain(data)
    del data["promises"]
    assert b"".join(encoder.parts(data)) == plain(data)


def test_encoder_on_an_empty_table() -> None:
    data: dict[str, Any] = {META_KEY: {"1": {"schema": 2}}, "promises": {}}
    assert b"".join(Encoder().parts(data)) == plain(data)


def test_encoder_encodes_only_the_run_that_changed(
    path: Path, small_runs: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = many(path, 12)
    data = dict(j.storage.read())
    encoder = Encoder()
    encoder.parts(data)
    encoded: list[list[str]] = []
    real = journal_format._encode_run

    def counting(keys: Any, docs: Any) -> bytes:
        encoded.append(list(keys))
        return real(keys, docs)

    monkeypatch.setattr(journal_format, "_encode_run", counting)
    promises = dict(data["promises"])
    data["promises"] = promises
    first = next(iter(promises))
    promises[first] = msgspec.structs.replace(promises[first], text="Changed text")
    assert b"".join(encoder.parts(data)) == plain(data)
    # the people table (two records: always encoded whole), the header, one run of promises
    assert sorted(encoded) == [["1"], ["1", "2"], ["1", "2"]]


# --- the background writer -------------------------------------------------------------


@contextlib.contextmanager
def writes_held(journal: Journal) -> Iterator[threading.Event]:
    """A writer thread, as the app's worker: writes wait until the event yielded is set."""
    gate = threading.Event()
    real = storage.JournalStorage._write

    def slow(self: storage.JournalStorage, *args: Any) -> None:
        gate.wait(5)
        real(self, *args)

    storage.JournalStorage._write = slow  # type: ignore[method-assign]
    try:
        yield gate
    finally:
        gate.set()
        storage.JournalStorage._write = real  # type: ignore[method-assign]


def write_in_the_background(journal: Journal) -> threading.Thread:
    """Write the journal's pending bytes on another thread, as the app's worker does."""
    thread = threading.Thread(target=journal.storage.write_pending)
    thread.start()
    return thread


def test_background_change_returns_at_once_and_lands_on_disk(path: Path) -> None:
    j = many(path, 3, background=True)
    with writes_held(j) as gate:
        j.update_promise("p1", form="written")
        assert j.promise("p1").form == "written"  # in memory at once
        assert j.saving
        writer = write_in_the_background(j)
        assert on_disk(path)["promises"]["1"]["form"] == "verbal"  # not yet written
        assert not j.refresh()  # our own pending write is not "another process"
        j.update_promise("p2", status="honored")  # queued behind the first
        gate.set()
        writer.join()
        j.flush()
    assert not j.saving
    data = on_disk(path)
    assert data["promises"]["1"]["form"] == "written"
    assert data["promises"]["2"]["status"] == "honored"
    assert data[META_KEY]["1"]["revision"] == j.storage.meta["revision"]
    assert not j.refresh()  # what we wrote is what we have


def test_background_writes_hold_the_lock_until_durable(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = many(path, 2, background=True)
    monkeypatch.setattr(journal_file, "LOCK_WAIT", 0.2)
    with writes_held(j) as gate:
        j.update_promise("p1", form="written")
        writer = write_in_the_background(j)
        # the lock file of `path` is held until the write is durable
        with pytest.raises(storage.JournalBusy), storage.journal_lock(path):
            pass
        gate.set()
        writer.join()
        with storage.journal_lock(path):  # released once durable
            pass


def test_a_reader_in_this_process_waits_for_our_pending_write(path: Path) -> None:
    j = many(path, 2, background=True)
    j.update_promise("p1", form="official")
    again = Journal(path, today=TODAY)  # must not read the file before the write
    assert again.promise("p1").form == "official"


def test_background_writes_keep_backups(path: Path) -> None:
    j = many(path, 2, background=True)
    for form in ("recap-sent", "written", "official"):
        j.update_promise("p1", form=form)
        j.flush()
    assert len(list_backups(path)) >= 3
    assert on_disk(path)["promises"]["1"]["form"] == "official"


def test_failed_background_write_is_reported_and_read_back(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = many(path, 2, background=True)
    j.update_promise("p1", form="written")
    j.flush()
    good = path.read_bytes()

    def full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(os, "replace", full)
        j.update_promise("p2", status="broken")  # returns: the write fails later
        assert j.promise("p2").status == "broken"
        with pytest.raises(JournalError) as err:
            j.flush()
    message = str(err.value)
    assert "disk is full" in message and "not kept" in message and "\n" not in message
    assert path.read_bytes() == good  # the last good file, whole
    assert j.promise("p2").status == "pending"  # memory was read back
    assert j.promise("p1").form == "written"
    assert j.undo() == "edit of 'Promise number 0'"  # the lost change left the undo list
    j.flush()
    assert on_disk(path)["promises"]["1"]["form"] == "verbal"
    j.flush()  # the error was reported once
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_next_change_after_a_failed_write_reports_it_and_changes_nothing(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = many(path, 2, background=True)
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", lambda _fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
        j.update_promise("p1", form="written")
        j.storage.write_pending()
    with pytest.raises(JournalError, match="not kept"):
        j.update_promise("p2", form="official")
    assert j.promise("p1").form == "verbal" and j.promise("p2").form == "verbal"
    j.update_promise("p2", form="official")  # the disk is back: saving works again
    j.flush()
    assert on_disk(path)["promises"]["2"]["form"] == "official"


def test_undo_whose_write_failed_can_be_undone_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = many(path, 1, background=True)
    j.update_promise("p1", form="written")
    j.flush()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError(errno.EROFS, "ro")))
        assert j.undo() == "edit of 'Promise number 0'"
        with pytest.raises(JournalError):
            j.flush()
    assert j.promise("p1").form == "written"
    assert j.undo() == "edit of 'Promise number 0'"
    j.flush()
    assert on_disk(path)["promises"]["1"]["form"] == "verbal"


def test_background_journal_written_by_another_process_is_reloaded(path: Path) -> None:
    j = many(path, 2, background=True)
    other = Journal(path, today=TODAY)
    other.update_promise("p2", form="written")
    j.update_promise("p1", status="honored")  # reloads under the lock, keeps both
    j.flush()
    data = on_disk(path)
    assert data["promises"]["1"]["status"] == "honored"
    assert data["promises"]["2"]["form"] == "written"


def test_background_add_after_another_writer_keeps_both(path: Path) -> None:
    j = many(path, 1, background=True)
    j.add_promise("From the app", "Ana")  # pending while the other one waits for the lock
    other = Journal(path, today=TODAY)
    other.add_promise("From the command line", "Bo")
    j.add_promise("From the app again", "Ana")  # no refresh first: the lock's check reloads
    j.flush()
    texts = {p["text"] for p in on_disk(path)["promises"].values()}
    assert {"From the app", "From the command line", "From the app again"} <= texts
    assert len(texts) == 4


def test_background_encrypted_codec_is_applied(path: Path) -> None:
    class Rot:
        def encode(self, plain: bytes) -> bytes:
            return b"LEVERAGE-ENCRYPTED" + plain[::-1]

        def decode(self, stored: bytes) -> bytes:
            return stored[len(b"LEVERAGE-ENCRYPTED") :][::-1]

    j = Journal(path, today=TODAY, codec=Rot(), deferred=True)
    j.add_promise("Secret raise", "Dana")
    j.flush()
    assert path.read_bytes().startswith(b"LEVERAGE-ENCRYPTED")
    assert Journal(path, today=TODAY, codec=Rot()).promise("p1").text == "Secret raise"


def test_promises_of_follows_changes_without_rebuilding_blindly(path: Path) -> None:
    j = Journal(path, today=TODAY)
    c1 = j.add_conversation(["Dana"], "one")
    a = j.add_promise("x", "Dana", conversation=c1.id)
    assert [p.id for p in j.promises_of(c1.id)] == [a.id]
    b = j.add_promise("y", "Dana", conversation=c1.id)
    assert [p.id for p in j.promises_of(c1.id)] == [a.id, b.id]
    j.update_promise(a.id, form="written")
    assert [p.form for p in j.promises_of(c1.id)] == ["written", "verbal"]
    j.delete(b.id)
    assert [p.id for p in j.promises_of(c1.id)] == [a.id]
    j.undo()
    assert [p.id for p in j.promises_of(c1.id)] == [a.id, b.id]
    j.delete(c1.id)
    assert j.promises_of(c1.id) == []
    j.undo()
    assert [p.id for p in j.promises_of(c1.id)] == [a.id, b.id]
