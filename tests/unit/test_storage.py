"""Tests for leverage_tui.core.storage: atomic writes, permissions, backups, damaged files,
migrations and the lock between processes."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from leverage_tui.core import journal_file, journal_format, storage
from leverage_tui.core.checks import InputError, clean
from leverage_tui.core.journal import Journal
from leverage_tui.core.registry import KINDS
from leverage_tui.core.storage import (
    META_KEY,
    JournalBusy,
    JournalError,
    JournalStorage,
    backup_dir,
    list_backups,
    read_journal,
)

TODAY = date(2026, 11, 23)
REAL_FSYNC = True  # this module tests the writing itself: no shortcut (see conftest.py)


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def revision(p: Path) -> int:
    value = orjson.loads(p.read_bytes())[META_KEY]["1"]["revision"]
    assert isinstance(value, int)
    return value


def leftovers(folder: Path) -> list[str]:
    """Temp files a failed write might have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def one_line(err: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(err.value)
    assert message and "\n" not in message and "\r" not in message
    assert "Traceback" not in message
    return message


@pytest.fixture
def saved(path: Path) -> Journal:
    """A journal saved four times (so it has three backups)."""
    j = Journal(path, today=TODAY)
    j.add_promise("Lead the Q3 planning", "Dana", due=date(2026, 12, 1))
    j.add_promise("A raise in spring", "Sam", form="written")
    j.update_promise("p1", form="recap-sent")
    j.add_conversation(["Dana"], "1:1 about the team", on=date(2026, 11, 20))
    assert len(list_backups(path)) == 3
    return j


# --- atomic writes ---------------------------------------------------------------------


def _fail(code: int, text: str) -> Callable[..., Any]:
    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, text)

    return boom


class _HalfWriter:
    """A file whose write puts half the bytes on disk, then fails as if the disk filled up."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _half_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _HalfWriter(real(fd, *args, **kwargs))

    monkeypatch.setattr(os, "fdopen", fdopen)


FAILURES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "replace-disk-full": lambda m: m.setattr(
        os, "replace", _fail(errno.ENOSPC, "No space left on device")
    ),
    "write-half-then-disk-full": _half_write,
    "fsync-io-error": lambda m: m.setattr(os, "fsync", _fail(errno.EIO, "I/O error")),
    "temp-file-not-allowed": lambda m: m.setattr(
        tempfile, "mkstemp", _fail(errno.EACCES, "Permission denied")
    ),
    "replace-read-only": lambda m: m.setattr(
        os, "replace", _fail(errno.EROFS, "Read-only file system")
    ),
}

CHANGES: dict[str, Callable[[Journal], object]] = {
    "add": lambda j: j.add_promise("A new title", "Dana"),
    "update": lambda j: j.update_promise("p1", status="honored", due=date(2027, 1, 1)),
    "delete": lambda j: j.delete("p2"),
    "conversation": lambda j: j.add_conversation(["Lee"], "Skip-level", notes="long\nnotes"),
    "undo": lambda j: j.undo(),
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("change", list(CHANGES))
def test_failed_write_keeps_the_old_file_whole(
    saved: Journal, path: Path, monkeypatch: pytest.MonkeyPatch, failure: str, change: str
) -> None:
    before_bytes = path.read_bytes()
    before_stat = os.stat(path)
    before_data = saved.export_data()
    with monkeypatch.context() as m:
        FAILURES[failure](m)
        with pytest.raises(JournalError) as err:
            CHANGES[change](saved)
    message = one_line(err)
    assert str(path) in message
    if "disk-full" in failure:
        assert "disk is full" in message
    # the file on disk is byte for byte the old one, never touched
    assert path.read_bytes() == before_bytes
    assert os.stat(path).st_ino == before_stat.st_ino
    assert leftovers(path.parent) == []
    # the open journal still shows what is on disk, and so does a fresh one
    assert saved.export_data() == before_data
    assert Journal(path, today=TODAY).export_data() == before_data
    # and once the disk is fine again the same change goes through
    CHANGES[change](saved)
    assert Journal(path, today=TODAY).export_data() == saved.export_data() != before_data


def test_failed_first_write_leaves_no_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    j = Journal(path, today=TODAY)
    with monkeypatch.context() as m:
        _half_write(m)
        with pytest.raises(JournalError) as err:
            j.add_promise("Lead the Q3 planning", "Dana")
    assert "disk is full" in one_line(err)
    assert not path.exists()
    assert leftovers(path.parent) == []
    assert j.promises == {} and j.people == {} and j.is_empty
    p = j.add_promise("Lead the Q3 planning", "Dana")
    assert p.id == "p1"
    assert Journal(path, today=TODAY).promise("p1").text == "Lead the Q3 planning"


def test_failed_undo_can_be_tried_again(
    saved: Journal, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.export_data()
    saved.update_promise("p2", status="broken")
    after_update = path.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", _fail(errno.ENOSPC, "No space left on device"))
        with pytest.raises(JournalError):
            saved.undo()
    assert path.read_bytes() == after_update
    assert saved.promise("p2").status == "broken"
    assert saved.can_undo
    assert saved.undo() == "edit of 'A raise in spring'"
    assert saved.export_data() == before
    assert Journal(path, today=TODAY).export_data() == before


def test_error_without_errno_is_still_one_clear_line(
    saved: Journal, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: Any) -> None:
        raise OSError("simulated failure")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(JournalError) as err:
        saved.add_promise("x", "Dana")
    message = one_line(err)
    assert "None" not in message and "simulated failure" in message


def test_journal_is_written_as_plain_json_with_header(saved: Journal, path: Path) -> None:
    data = json.loads(path.read_bytes())
    assert data[META_KEY]["1"]["schema"] == storage.SCHEMA
    assert data[META_KEY]["1"]["revision"] == 4
    assert data["promises"]["1"]["text"] == "Lead the Q3 planning"
    assert data["people"]["1"]["name"] == "Dana"


def test_opening_does_not_create_or_touch_anything(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "j.json"
    j = Journal(path, today=TODAY)
    assert j.is_empty and not j.storage.exists
    assert not path.parent.exists()
    assert read_journal(path) is None


def test_storage_keeps_data_in_memory(saved: Journal, path: Path) -> None:
    store = JournalStorage(path)
    data = store.read()
    path.write_bytes(b"garbage")  # a read never goes back to the disk
    assert store.read() is data
    assert store.is_stale()
    with pytest.raises(JournalError):
        store.reload()


# --- permissions -------------------------------------------------------------------------


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def test_new_folder_0700_file_0600_backups_0600(tmp_path: Path) -> None:
    path = tmp_path / "data" / "leverage" / "journal.json"
    with umask(0):  # even with the most permissive umask
        j = Journal(path, today=TODAY)
        j.add_promise("Lead the Q3 planning", "Dana")
        j.add_promise("A raise", "Sam")
        j.add_promise("A title", "Sam")
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600
    assert mode(backup_dir(path)) == 0o700
    backups = list_backups(path)
    assert len(backups) == 2
    assert all(mode(b) == 0o600 for b in backups)
    lock = path.parent / f".{path.name}.lock"
    assert mode(lock) == 0o600


def test_existing_folder_is_not_changed(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    Journal(folder / "j.json", today=TODAY).add_promise("x", "Dana")
    assert mode(folder) == 0o755
    assert mode(folder / "j.json") == 0o600


# --- backups -----------------------------------------------------------------------------


def test_a_backup_on_each_save(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise("one", "Dana")
    assert list_backups(path) == []  # nothing to back up before the first save
    for n in range(2, 6):
        j.add_promise(f"promise {n}", "Dana")
        assert len(list_backups(path)) == n - 1
    assert [revision(b) for b in list_backups(path)] == [4, 3, 2, 1]


def test_backups_rotate_to_the_configured_count(path: Path) -> None:
    j = Journal(path, today=TODAY, backups=3)
    for n in range(1, 7):
        j.add_promise(f"promise {n}", "Dana")
    backups = list_backups(path)
    assert len(backups) == 3
    assert revision(path) == 6
    assert [revision(b) for b in backups] == [5, 4, 3]  # newest first
    # each backup is the journal as it was: revision n held n promises
    for b in backups:
        data = orjson.loads(b.read_bytes())
        assert len(data["promises"]) == revision(b)
        assert Journal(b, today=TODAY).promise("p1").text == "promise 1"


def test_backups_keep_their_content_after_later_saves(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise("one", "Dana")
    first = path.read_bytes()
    j.add_promise("two", "Dana")
    j.update_promise("p1", text="one, edited")
    assert list_backups(path)[-1].read_bytes() == first


def test_no_backups_when_count_is_zero(path: Path) -> None:
    j = Journal(path, today=TODAY, backups=0)
    for n in range(3):
        j.add_promise(f"promise {n}", "Dana")
    assert list_backups(path) == []


def test_list_backups_newest_first_even_with_equal_timestamps(path: Path) -> None:
    j = Journal(path, today=TODAY)
    for n in range(12):
        j.add_promise(f"promise {n}", "Dana")
    # saves within one clock tick share a timestamp: order must still be right
    for b in list_backups(path):
        os.utime(b, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert [revision(b) for b in list_backups(path)] == list(range(11, 1, -1))[:10]
    j.add_promise("one more", "Dana")
    assert [revision(b) for b in list_backups(path)] == list(range(12, 2, -1))


def test_list_backups_without_any(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "nothing.json") == []


# --- damaged files ---------------------------------------------------------------------


def _truncated(path: Path) -> bytes:
    raw = path.read_bytes()
    return raw[: len(raw) // 2]


DAMAGED: dict[str, Callable[[Path], bytes]] = {
    "truncated": _truncated,
    "zero-bytes": lambda p: b"",
    "whitespace-only": lambda p: b" \n\t\r\n ",
    "not-json": lambda p: b"Dear diary, today my boss said we'll see.",
    "not-utf8": lambda p: b"\xff\xfe\x00{\x00}",
    "json-array": lambda p: b'[{"_leverage": {"schema": 1}}]',
    "json-string": lambda p: b'"_leverage"',
    "tinydb-file": lambda p: b'{"_default": {"1": {"text": "hello"}}}',
    "leverage-not-a-dict": lambda p: b'{"_leverage": 1}',
    "newer-schema": lambda p: b'{"_leverage": {"schema": 99, "revision": 3}, "promises": {}}',
    "negative-schema": lambda p: b'{"_leverage": {"schema": -1}}',
    "schema-not-a-number": lambda p: b'{"_leverage": {"schema": "1"}}',
    "table-not-a-dict": lambda p: b'{"_leverage": {"schema": 1}, "promises": [1, 2]}',
    "record-missing-fields": lambda p: b'{"_leverage": {"schema": 1}, "promises": {"1": {}}}',
    "record-bad-date": lambda p: (
        b'{"_leverage": {"schema": 1}, "promises": '
        b'{"1": {"text": "x", "by": "Dana", "made_on": "2026-13-45"}}}'
    ),
    "record-bad-id": lambda p: b'{"_leverage": {"schema": 1}, "people": {"one": {"name": "D"}}}',
    "record-not-a-dict": lambda p: b'{"_leverage": {"schema": 1}, "offers": {"1": "Acme"}}',
}


def _assert_refused(
    path: Path, err: pytest.ExceptionInfo[BaseException], newest: Path | None
) -> str:
    message = one_line(err)
    assert str(path) in message
    if newest is not None:
        assert str(newest) in message
    return message


@pytest.mark.parametrize("kind", DAMAGED)
def test_damaged_file_is_refused_and_untouched(saved: Journal, path: Path, kind: str) -> None:
    newest = list_backups(path)[0]
    content = DAMAGED[kind](path)
    path.write_bytes(content)
    before = os.stat(path)
    backups = list_backups(path)
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    _assert_refused(path, err, newest)
    # the already-open journal refuses to write over it too
    with pytest.raises(JournalError) as err2:
        saved.add_promise("never saved", "Dana")
    _assert_refused(path, err2, newest)
    with pytest.raises(JournalError):
        saved.refresh()
    after = os.stat(path)
    assert path.read_bytes() == content
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert list_backups(path) == backups
    assert leftovers(path.parent) == []


@pytest.mark.parametrize("kind", ["zero-bytes", "not-json", "tinydb-file"])
def test_damaged_file_without_backups_says_so(path: Path, kind: str) -> None:
    path.write_bytes(DAMAGED[kind](path))
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    message = _assert_refused(path, err, None)
    assert "no backup" in message


def test_newer_schema_message_says_upgrade(path: Path) -> None:
    path.write_bytes(DAMAGED["newer-schema"](path))
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    assert "newer" in one_line(err) and "99" in str(err.value)


def test_folder_in_place_of_the_file(saved: Journal, path: Path) -> None:
    newest = list_backups(path)[0]
    path.unlink()
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    assert "folder" in _assert_refused(path, err, newest)
    with pytest.raises(JournalError):
        saved.add_promise("never saved", "Dana")
    assert path.is_dir() and (path / "keep.txt").read_text() == "mine"


def test_symlink_in_place_of_the_file(saved: Journal, path: Path, tmp_path: Path) -> None:
    newest = list_backups(path)[0]
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(path.read_bytes())
    target_bytes = elsewhere.read_bytes()
    path.unlink()
    path.symlink_to(elsewhere)
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    assert "link" in _assert_refused(path, err, newest)
    with pytest.raises(JournalError):
        saved.add_promise("never saved", "Dana")
    assert path.is_symlink() and os.readlink(path) == str(elsewhere)
    assert elsewhere.read_bytes() == target_bytes


def test_damaged_file_with_a_codec(path: Path) -> None:
    path.write_bytes(b"LEVERAGE-ENCRYPTED\x00\x01")
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    assert str(path) in one_line(err)


# --- a codec (the hook encryption uses) ------------------------------------------------


class Reverse:
    """A toy codec: reversed bytes behind a marker."""

    def encode(self, plain: bytes) -> bytes:
        return b"REV" + plain[::-1]

    def decode(self, stored: bytes) -> bytes:
        if not stored.startswith(b"REV"):
            raise JournalError("not reversed")
        return stored[3:][::-1]


def test_codec_is_used_for_the_file_and_its_backups(path: Path) -> None:
    j = Journal(path, today=TODAY, codec=Reverse())
    j.add_promise("A secret raise", "Dana")
    j.add_promise("A secret title", "Dana")
    assert path.read_bytes().startswith(b"REV")
    assert b"secret" not in path.read_bytes()
    (backup,) = list_backups(path)
    assert b"secret" not in backup.read_bytes()
    again = Journal(path, today=TODAY, codec=Reverse())
    assert again.promise("p2").text == "A secret title"
    with pytest.raises(JournalError):
        Journal(path, today=TODAY)


# --- migrations --------------------------------------------------------------------------


SCHEMA_0 = {
    META_KEY: {"schema": 0},
    "promises": {"1": {"said": "Lead the Q3 planning", "who": "Dana", "made_on": "2026-11-01"}},
    "people": {"1": {"name": "Dana"}},
}


def _rename_fields(top: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    promises = orjson.loads(bytes(top["promises"]))
    for doc in promises.values():
        doc["text"] = doc.pop("said")
        doc["by"] = doc.pop("who")
    top["promises"] = promises
    return meta


def test_migration_is_applied_and_saved_at_the_new_schema(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = json.dumps(SCHEMA_0).encode()
    path.write_bytes(original)
    monkeypatch.setitem(journal_format.MIGRATIONS, 0, _rename_fields)
    j = Journal(path, today=TODAY)
    assert j.promise("p1").text == "Lead the Q3 planning"
    assert j.promise("p1").by == "Dana"
    assert path.read_bytes() == original  # opening alone writes nothing
    j.add_promise("A raise", "Dana")
    data = json.loads(path.read_bytes())
    assert data[META_KEY]["1"]["schema"] == storage.SCHEMA == 2
    assert data["promises"]["1"]["text"] == "Lead the Q3 planning"
    assert "said" not in data["promises"]["1"]
    # the old version is kept as the newest backup
    assert list_backups(path)[0].read_bytes() == original
    monkeypatch.delitem(journal_format.MIGRATIONS, 0)
    assert Journal(path, today=TODAY).promise("p2").text == "A raise"


def test_migrations_chain_in_order(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Journal(path, today=TODAY).add_promise("Lead the Q3 planning", "Dana")
    seen: list[int] = []

    def step(n: int) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
        def migrate(top: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
            seen.append(meta["schema"])
            promises = orjson.loads(bytes(top["promises"])) if n == 2 else top["promises"]
            for doc in promises.values():
                doc["text"] += f" (m{n})"
            top["promises"] = promises
            return {**meta, "schema": n + 1}

        return migrate

    monkeypatch.setattr(journal_format, "SCHEMA", 4)
    monkeypatch.setattr(journal_format, "MIGRATIONS", {2: step(2), 3: step(3)})
    monkeypatch.setattr(storage, "SCHEMA", 4)
    j = Journal(path, today=TODAY)
    assert seen == [2, 3]
    assert j.promise("p1").text == "Lead the Q3 planning (m2) (m3)"
    j.update_promise("p1", status="honored")
    assert json.loads(path.read_bytes())[META_KEY]["1"]["schema"] == 4


def test_missing_migration_is_refused(path: Path) -> None:
    original = json.dumps(SCHEMA_0).encode()
    path.write_bytes(original)
    with pytest.raises(JournalError) as err:
        Journal(path, today=TODAY)
    assert "schema 0" in one_line(err) and str(path) in str(err.value)
    assert path.read_bytes() == original


# --- the lock, and two journals on one file ------------------------------------------------


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))
else:
    sys.stdin.read()
"""


@contextlib.contextmanager
def lock_held(path: Path, seconds: float | None = None) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the journal's lock (until the block ends, or `seconds`)."""
    lock = path.parent / f".{path.name}.lock"
    args = [sys.executable, "-c", HOLDER, str(lock)]
    if seconds is not None:
        args.append(str(seconds))
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=10)


def test_lock_held_elsewhere_waits_then_fails(
    saved: Journal, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_file, "LOCK_WAIT", 0.3)
    before = path.read_bytes()
    before_data = saved.export_data()
    with lock_held(path):
        start = time.monotonic()
        with pytest.raises(JournalBusy) as err:
            saved.add_promise("A new title", "Dana")
        waited = time.monotonic() - start
        with pytest.raises(JournalBusy):
            saved.update_promise("p1", status="broken")
    assert 0.3 <= waited < 3
    assert "another" in one_line(err) and str(path) in str(err.value)
    assert path.read_bytes() == before
    assert saved.export_data() == before_data
    assert leftovers(path.parent) == []
    # once the other process lets go, the change goes through
    saved.add_promise("A new title", "Dana")
    assert Journal(path, today=TODAY).promise("p3").text == "A new title"


def test_a_short_lock_elsewhere_is_waited_for(saved: Journal, path: Path) -> None:
    with lock_held(path, seconds=0.3):
        start = time.monotonic()
        saved.add_promise("A new title", "Dana")
        assert time.monotonic() - start >= 0.2
    assert Journal(path, today=TODAY).promise("p3").text == "A new title"


def test_second_journal_writes_in_between(saved: Journal, path: Path) -> None:
    other = Journal(path, today=TODAY)
    added = other.add_promise("A bonus in March", "Lee")
    first = Journal(path, today=TODAY)
    # `saved` has not seen `added`; its next change reloads first and keeps both
    saved_rev = saved.revision
    mine = saved.add_promise("A conference budget", "Sam")
    assert mine.id != added.id
    assert saved.revision > saved_rev
    assert set(saved.promises) == {"p1", "p2", added.id, mine.id}
    fresh = Journal(path, today=TODAY)
    assert fresh.promise(added.id).text == "A bonus in March"
    assert fresh.promise(mine.id).text == "A conference budget"
    assert fresh.person_named("Lee") is not None and fresh.person_named("Sam") is not None
    assert len(first.promises) == 3


def test_two_journals_changing_the_same_promise(saved: Journal, path: Path) -> None:
    other = Journal(path, today=TODAY)
    other.update_promise("p1", status="honored")
    saved.update_promise("p1", form="written")  # must not put the status back
    for j in (saved, Journal(path, today=TODAY)):
        p = j.promise("p1")
        assert (p.status, p.form) == ("honored", "written")
        assert [c.field for c in p.history] == ["form", "status", "form"]


def test_refresh_sees_another_writer(saved: Journal, path: Path) -> None:
    assert saved.refresh() is False
    rev = saved.revision
    Journal(path, today=TODAY).update_promise("p2", status="broken")
    assert saved.refresh() is True
    assert saved.revision > rev
    assert saved.promise("p2").status == "broken"
    assert saved.refresh() is False


def test_undo_after_another_writer_keeps_their_change(saved: Journal, path: Path) -> None:
    mine = saved.add_promise("Mine", "Dana")
    theirs = Journal(path, today=TODAY).add_promise("Theirs", "Lee")
    assert saved.undo() is not None
    fresh = Journal(path, today=TODAY)
    assert mine.id not in fresh.promises
    assert fresh.promise(theirs.id).text == "Theirs"


# --- accepted text round-trips exactly -----------------------------------------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(min_size=1, max_size=300),
    notes=st.text(max_size=500),
)
def test_accepted_text_round_trips(text: str, notes: str) -> None:
    try:
        expected = clean(KINDS["conversation"].field("summary"), text)
    except InputError:
        assume(False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.json"
        j = Journal(path, today=TODAY)
        try:
            conv = j.add_conversation([expected[:120]], expected, notes=notes)
        except InputError:
            assume(False)
        p = j.add_promise(text, "Dana", evidence=text, conversation=conv.id)
        again = Journal(path, today=TODAY)
        assert again.conversation(conv.id).summary == expected == conv.summary
        assert again.conversation(conv.id).notes == conv.notes
        assert again.conversation(conv.id).people == conv.people
        assert again.promise(p.id).text == expected == again.promise(p.id).evidence
        assert again.export_data() == j.export_data()
        json.loads(path.read_bytes().decode("utf-8"))  # strict UTF-8 JSON


def test_temp_files_left_by_a_killed_writer_are_removed_on_the_next_save(saved: Journal) -> None:
    folder = saved.path.parent
    stale = folder / f".{saved.path.name}.k1ll3d.tmp"
    stale.write_bytes(b"half a journal")
    other = folder / "notes.tmp"
    other.write_bytes(b"not ours")
    saved.add_ask("A seat in planning", measure="named in the invite", target=date(2026, 12, 1))
    assert not stale.exists()
    assert other.exists()
