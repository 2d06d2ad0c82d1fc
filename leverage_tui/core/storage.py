"""Safe storage for the journal: a TinyDB `Storage` that never loses the last good file.

- The journal is read once and kept in memory (TinyDB reads its storage on every query).
- Every write is atomic (journal_file.py); before each one the previous version is kept
  as a backup (a hard link, so it costs no copy); the newest `backups` of them are kept.
- A lock file serialises writers across processes; a writer that finds the file changed
  under it reloads before applying its change, so nobody's change is lost.
- The app's changes are written by a writer thread, in order, off the UI thread.
- The names of journal_file.py are re-exported here: this module is the core's face.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from . import journal_file
from .encoding import Data, Encoder
from .journal_file import (
    LOCK_WAIT,
    META_KEY,
    MIGRATIONS,
    SCHEMA,
    Codec,
    JournalBusy,
    JournalError,
    acquire_lock,
    backup_dir,
    decode_journal,
    empty_data,
    fingerprint,
    journal_lock,
    list_backups,
    make_private_dir,
    read_journal_file,
    way_out,
    write_atomically,
)

__all__ = [
    "LOCK_WAIT",
    "META_KEY",
    "MIGRATIONS",
    "SCHEMA",
    "AtomicStorage",
    "Codec",
    "Data",
    "JournalBusy",
    "JournalError",
    "acquire_lock",
    "backup_dir",
    "decode_journal",
    "empty_data",
    "journal_lock",
    "list_backups",
    "make_private_dir",
    "read_journal_file",
    "way_out",
    "write_atomically",
]


def _key(path: Path) -> str:
    return os.path.abspath(path)


_OPEN: dict[str, weakref.WeakSet[AtomicStorage]] = {}
"""The storages open in this process, by journal path (a reader waits for their writes)."""


class AtomicStorage(Storage):
    """A TinyDB storage that keeps the journal in memory and writes it atomically.

    With `background=True` (the app) a change is applied in memory at once and its bytes
    are serialised and written by a writer thread, in order; the lock is held from the
    start of the change until its write is durable (changes made meanwhile share it, so
    nobody else can write in between). A failed background write is kept in `error`
    until `take_error` hands it over (having read the last good file back). Without it
    (the command line) every change is on disk before the call returns.
    """

    def __init__(
        self,
        path: Path,
        *,
        backups: int = 10,
        codec: Codec | None = None,
        background: bool = False,
    ) -> None:
        """Open the journal at `path` (read now; created on the first write)."""
        self.path = Path(path)
        self.backups = max(0, backups)
        self.codec = codec
        self.background = background
        self._batch = 0
        self._locked = False
        self._dirty = False
        self._data: Data = empty_data()
        self._seen: tuple[int, int, int] | None = None
        # background writing: the held lock's fd, how many hold it (a change, the writer),
        # the next snapshot to write, the writer thread, and a write that failed
        self._mutex = threading.Lock()
        self._fd: int | None = None
        self._holds = 0
        self._next: tuple[list[bytes], int] | None = None
        self._writer: threading.Thread | None = None
        self._encoder = Encoder()  # encodes only the documents that changed
        self.error: JournalError | None = None
        _OPEN.setdefault(_key(self.path), weakref.WeakSet()).add(self)
        self.reload()

    # -- TinyDB's Storage interface -------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]]:
        """The tables, from memory (never from disk: see `reload`)."""
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Keep `data` and save it, or save once at the end of the open transaction."""
        self._data = data
        if self._batch:
            self._dirty = True
        else:
            self.wait()
            self._save()

    def close(self) -> None:
        """Wait for a pending background write (every other write is already on disk)."""
        self.wait()

    # -- ours ------------------------------------------------------------------------

    @property
    def meta(self) -> dict[str, Any]:
        """The journal's own header: schema version and revision."""
        meta: dict[str, Any] = self._data.setdefault(META_KEY, empty_data()[META_KEY])
        return meta

    @property
    def exists(self) -> bool:
        """True once the journal has been written to disk."""
        return self._seen is not None

    @property
    def saving(self) -> bool:
        """True while a background write is queued or running."""
        with self._mutex:
            return self._writer is not None

    def reload(self) -> None:
        """Read the file again (raises JournalError when it is damaged)."""
        for other in list(_OPEN.get(_key(self.path), ())):
            if other is not self:  # never read what this process is still writing
                other.wait()
        self.wait()
        seen = fingerprint(self.path)
        data = read_journal_file(self.path, self.codec)
        self._data = data if data is not None else empty_data()
        self._seen = seen
        self._encoder = Encoder()  # every document is a new object now

    def forget(self) -> None:
        """Treat the file as changed, so the next change reads it again first."""
        self._seen = (-1, -1, -1)

    def is_stale(self) -> bool:
        """True when another process has replaced the file since we read or wrote it."""
        with self._mutex:
            if self._fd is not None:  # we hold the lock: nobody else can have written
                return False
        return fingerprint(self.path) != self._seen

    def wait(self) -> None:
        """Wait until a pending background write is done (see `error`)."""
        writer = self._writer
        if writer is not None and writer is not threading.current_thread():
            writer.join()

    def take_error(self) -> JournalError | None:
        """The failed background write, if any (once): the last good file is read back."""
        if self.error is None:
            return None
        self.wait()
        error, self.error = self.error, None
        try:
            self.reload()
        except JournalError:
            self.forget()
        return error

    @contextlib.contextmanager
    def transaction(self) -> Iterator[bool]:
        """Hold the lock, reload if the file changed under us, save once at the end.

        Yields True when the journal was reloaded from disk first. If the body raises,
        nothing is written and the in-memory data is read back from disk.
        """
        if self.background:
            with self._background_transaction() as reloaded:
                yield reloaded
            return
        with self._lock():
            reloaded = False
            if self.is_stale():
                self.reload()
                reloaded = True
            self._batch += 1
            try:
                yield reloaded
            except BaseException:
                self._batch -= 1
                self._dirty = False
                with contextlib.suppress(JournalError):
                    self.reload()
                raise
            self._batch -= 1
            if self._dirty and not self._batch:
                self._dirty = False
                try:
                    self._save()
                except JournalError:
                    with contextlib.suppress(JournalError):
                        self.reload()
                    raise

    @contextlib.contextmanager
    def _background_transaction(self) -> Iterator[bool]:
        error = self.take_error()
        if error is not None:
            raise error
        fresh = self._hold()
        reloaded = False
        try:
            if fresh and fingerprint(self.path) != self._seen:
                self.reload()
                reloaded = True
            self._batch += 1
            try:
                yield reloaded
            finally:
                self._batch -= 1
            if self._dirty and not self._batch:
                self._dirty = False
                self._queue_write()
        except BaseException:
            self._dirty = False
            self._unhold()
            with contextlib.suppress(JournalError):
                self.reload()  # waits for the writer first
            raise
        self._unhold()

    def _hold(self) -> bool:
        """Hold the lock for a change; True when it was taken now (not already ours)."""
        with self._mutex:
            if self._fd is not None:
                self._holds += 1
                return False
        fd = acquire_lock(self.path)
        with self._mutex:
            self._fd, self._holds = fd, 1
        return True

    def _unhold(self) -> None:
        with self._mutex:
            self._holds -= 1
            if self._holds == 0 and self._fd is not None:
                os.close(self._fd)  # closing releases the lock
                self._fd = None

    def _queue_write(self) -> None:
        """Hand the encoded data to the writer thread (start it if needed)."""
        if self.error is not None:  # an earlier write of this change's base failed
            raise self.error
        self.meta["schema"] = journal_file.SCHEMA
        self.meta["revision"] = int(self.meta.get("revision", 0)) + 1
        # encoded here, while nothing else changes the data: only the runs of documents
        # that changed are encoded again, and the writer thread gets bytes, not objects
        parts = self._encoder.parts(self._data)
        with self._mutex:
            self._next = (parts, self.meta["revision"])
            if self._writer is not None:
                return
            self._holds += 1  # the writer's share of the lock
            self._writer = threading.Thread(
                target=self._write_queued, name="leverage-writer", daemon=False
            )
            self._writer.start()

    def _write_queued(self) -> None:
        """The writer thread: write the newest snapshot until none is left."""
        while True:
            with self._mutex:
                job, self._next = self._next, None
                if job is None or self.error is not None:
                    self._next = None
                    self._writer = None
                    self._holds -= 1
                    if self._holds == 0 and self._fd is not None:
                        os.close(self._fd)
                        self._fd = None
                    return
            parts, revision = job
            try:
                self._write(parts, revision)
            except JournalError as err:
                self.error = JournalError(
                    f"{err}; the last change was not kept (the journal was read back)"
                )
            except BaseException as err:  # never let a write fail silently
                self.error = JournalError(f"{self.path}: could not save ({err})")

    def _save(self) -> None:
        with self._lock():
            self.meta["schema"] = journal_file.SCHEMA
            self.meta["revision"] = int(self.meta.get("revision", 0)) + 1
            try:
                self._write(self._encoder.parts(self._data), self.meta["revision"])
            except JournalError:
                self.meta["revision"] -= 1
                raise

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        if self._locked:  # already held by a transaction of ours
            yield
            return
        with journal_lock(self.path):
            self._locked = True
            try:
                yield
            finally:
                self._locked = False

    def _write(self, parts: Sequence[bytes | memoryview], revision: int) -> None:
        """Write the journal whose bytes are `parts` (revision `revision`) atomically."""
        if self.codec is not None:
            parts = [self.codec.encode(b"".join(parts))]
        try:
            self._replace(parts, revision)
        except OSError as err:
            reason = "the disk is full" if err.errno == errno.ENOSPC else err.strerror or err
            raise JournalError(
                f"{self.path}: could not save ({reason}); the journal on disk is unchanged"
            ) from None
        self._seen = fingerprint(self.path)

    def _replace(self, parts: Sequence[bytes | memoryview], revision: int) -> None:
        make_private_dir(self.path.parent)

        def keep_backup() -> None:
            if self._seen is not None:
                journal_file.keep_backup(self.path, revision - 1, self.backups)

        write_atomically(self.path, parts, before_replace=keep_backup)
