"""The journal's TinyDB `Storage`: typed records in memory, the file written safely.

- `read()` hands TinyDB the tables it asks for, straight from memory: records decoded
  once from the file (journal_format.py), the only copy of the journal in memory.
- `write(tables)` takes TinyDB's tables back; each document TinyDB inserted (a plain
  dict) becomes a typed, checked record before anything is saved.
- Saves are atomic, keep a backup of the version they replace (journal_file.py), and
  happen under the writer lock. A change that finds the file replaced by another
  process since it was read reads it again first (`transaction`), so a change is always
  applied to the journal as it is on disk, never to a stale copy.
- With `deferred=True` (the app) a transaction keeps the lock and leaves its bytes in
  `pending`; the caller writes them with `write_pending()` from whatever thread it
  likes (the app uses a Textual worker), which releases the lock once they are on disk.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .journal_file import (
    LOCK_WAIT,
    MAGIC,
    Codec,
    JournalBusy,
    JournalError,
    acquire_lock,
    backup_dir,
    fingerprint,
    journal_lock,
    keep_backup,
    list_backups,
    make_private_dir,
    way_out,
    write_atomically,
)
from .journal_format import (
    META_KEY,
    SCHEMA,
    Encoder,
    FormatError,
    NotAJournal,
    Tables,
    TooNew,
    decode,
    empty_tables,
    inspect,
    record_from,
)
from .journal_id import KEY, derived_id, new_journal_id
from .records import Record
from .registry import KINDS, record_id

__all__ = [
    "LOCK_WAIT",
    "META_KEY",
    "SCHEMA",
    "Codec",
    "JournalBusy",
    "JournalError",
    "JournalStorage",
    "acquire_lock",
    "backup_dir",
    "decode_file",
    "journal_lock",
    "list_backups",
    "make_private_dir",
    "inspect_file",
    "read_journal",
    "way_out",
    "write_atomically",
]

_KIND_OF_TABLE = {kind.table: kind for kind in KINDS.values()}
_OPEN: dict[str, list[JournalStorage]] = {}
"""The storages open in this process, by path (a reader waits for their pending write)."""


def decode_file(
    raw: bytes, path: Path, encoder: Encoder | None = None
) -> tuple[dict[str, Any], Tables]:
    """The header and tables of a journal file's (plain) bytes; JournalError naming the
    file, the problem and the way out when they are not a good journal. (`encoder`
    keeps the encoded tables for the next save.)"""
    try:
        return decode(raw, encoder)
    except NotAJournal:
        raise JournalError(
            f"{path}: this is not a Leverage journal; refusing to touch it "
            f"(pick another file with --journal); {way_out(path)}"
        ) from None
    except TooNew as err:
        raise JournalError(f"{path}: {err}; {way_out(path)}") from None
    except FormatError as err:
        raise JournalError(f"{path}: {err}; {way_out(path)}") from None


def read_journal(
    path: Path, codec: Codec | None = None, encoder: Encoder | None = None
) -> tuple[dict[str, Any], Tables] | None:
    """The header and tables of the journal at `path`; None when there is no file yet."""
    raw = _read_bytes(path, codec)
    return None if raw is None else decode_file(raw, path, encoder)


def inspect_file(path: Path, codec: Codec | None = None) -> tuple[Tables, list[str]]:
    """The tables of the journal at `path` and every problem in them, record by record
    (`leverage check`); JournalError, as opening it would say, when it is not readable
    as a journal at all. Opening fails exactly when this finds a problem."""
    raw = _read_bytes(path, codec)
    if raw is None:
        return {}, []
    try:
        return inspect(raw)
    except FormatError:
        decode_file(raw, path)  # raises what opening it says
        raise


def _read_bytes(path: Path, codec: Codec | None) -> bytes | None:
    """The plain bytes of the journal file (decrypted), None when there is none yet."""
    if path.is_symlink():
        raise JournalError(
            f"{path}: the journal is a symbolic link; refusing to follow it "
            f"(point --journal at the real file); {way_out(path)}"
        )
    if path.is_dir():
        raise JournalError(
            f"{path}: is a folder, not a journal file (point --journal at a file); " + way_out(path)
        )
    try:
        # non-blocking: a named pipe in the journal's place must not hang the reader
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise JournalError(f"{path}: cannot read the journal ({err.strerror or err})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a pipe, a device (/dev/zero never ends)
            raise JournalError(
                f"{path}: is not a regular file, not a journal (point --journal at a file); "
                + way_out(path)
            )
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read()
    except OSError as err:
        raise JournalError(f"{path}: cannot read the journal ({err.strerror or err})") from None
    finally:
        os.close(fd)
    if codec is not None:
        return codec.decode(raw)
    if raw.startswith(MAGIC):
        raise JournalError(f"{path}: the journal is encrypted; a passphrase is needed")
    return raw


def refuse_read_only(path: Path) -> None:
    """JournalError when the user made the journal file read-only (no write bit for its
    owner, e.g. chmod 400): a save would replace it with a new, writable file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # not there yet (a new journal), or unreadable: the write says why
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise JournalError(
            f"{path}: the journal is read-only (mode {stat.S_IMODE(mode):04o}); nothing was "
            f"saved. To change it, make it writable again: chmod u+w {path}"
        )


class JournalStorage(Storage):
    """A TinyDB storage that keeps the journal's records in memory and saves it safely."""

    def __init__(
        self,
        path: Path | str,
        *,
        backups: int = 10,
        codec: Codec | None = None,
        deferred: bool = False,
    ) -> None:
        """Open (read) the journal at `path`; JournalError when it is damaged."""
        self.path = Path(path)
        self.backups = max(0, backups)
        self.codec = codec
        self.deferred = deferred
        self._tables: Tables = empty_tables()
        self._known: dict[str, Any] = {}  # table name -> the table object last seen
        self._seen: tuple[int, int, int] | None = None
        self._batch = 0
        self._dirty = False
        # the writer lock: its fd, how many hold it (open transactions, a pending write)
        self._mutex = threading.Lock()
        self._lock_fd: int | None = None
        self._holds = 0
        self._write_hold = False
        self._pending: list[bytes] | None = None
        self._writer = threading.Lock()  # one write_pending at a time
        self._encoder = Encoder()
        self.error: JournalError | None = None
        """A deferred write that failed, until `take_error` hands it over."""
        _OPEN.setdefault(os.path.abspath(self.path), []).append(self)
        self.reload()

    # -- TinyDB's Storage interface -------------------------------------------------

    def read(self) -> Tables:
        """The tables, from memory (never from disk: see `reload`)."""
        return self._tables

    def write(self, data: Tables) -> None:
        """Take TinyDB's tables back: documents it inserted become checked records.

        Raises ValueError (TinyDB's own error for a bad document) when one is not a
        good record. Outside a transaction the change is saved at once, unless another
        process changed the file since it was read (JournalError, nothing saved).
        """
        for name, table in data.items():
            kind = _KIND_OF_TABLE.get(name)
            if kind is None or self._known.get(name) is table:
                continue
            for key, doc in table.items():
                if type(doc) is dict:
                    table[key] = record_from(kind, doc, record_id(kind, key))
            self._known[name] = table
        self._tables = data
        if self._batch:
            self._dirty = True
            return
        with self.transaction() as reloaded:
            if reloaded:
                raise JournalError(
                    f"{self.path}: another program changed the journal; nothing was saved"
                )
            self._tables = data
            self._dirty = True

    def close(self) -> None:
        """Write what is pending (every other change is on disk already)."""
        self.write_pending()
        with contextlib.suppress(ValueError):
            _OPEN.get(os.path.abspath(self.path), []).remove(self)

    # -- ours ------------------------------------------------------------------------

    @property
    def meta(self) -> dict[str, Any]:
        """The journal's header: schema version, revision, id counters."""
        header: dict[str, Any] = self._tables[META_KEY]["1"]
        return header

    @property
    def revision(self) -> int:
        """How many times this journal has been saved."""
        return int(self.meta.get("revision", 0))

    @property
    def exists(self) -> bool:
        """True once the journal has been written to disk."""
        return self._seen is not None

    def records(self, table: str) -> dict[str, Record]:
        """The records of one table by document key (empty when there is none yet)."""
        found: dict[str, Record] = self._tables.get(table, {})
        return found

    def reload(self) -> None:
        """Read the file again (JournalError when it is damaged; nothing changes then)."""
        for other in list(_OPEN.get(os.path.abspath(self.path), ())):
            if other is not self:
                other.write_pending()  # never read what this process has yet to write
        seen = fingerprint(self.path)
        encoder = Encoder()  # checking the file encodes it: the first save reuses that
        loaded = read_journal(self.path, self.codec, encoder)
        self._tables = empty_tables() if loaded is None else loaded[1]
        self._known = dict(self._tables)
        self._seen = seen
        self._encoder = encoder

    def forget(self) -> None:
        """Treat the file as changed, so the next change reads it again first."""
        self._seen = (-1, -1, -1)

    def is_stale(self) -> bool:
        """True when another process has replaced the file since we read or wrote it."""
        with self._mutex:
            if self._lock_fd is not None:  # we hold the lock: nobody else can have written
                return False
        return fingerprint(self.path) != self._seen

    @contextlib.contextmanager
    def transaction(self) -> Iterator[bool]:
        """Hold the lock, read the file again if it changed, save once at the end.

        Yields True when the journal was read from disk first. If the body raises,
        nothing is written and the records are read back from disk.
        """
        self.raise_error()
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
                self._save()
        except BaseException:
            self._dirty = False
            with self._mutex:
                self._pending = None
            with contextlib.suppress(JournalError):
                self.reload()
            self._unhold()
            raise
        self._unhold()

    def _hold(self) -> bool:
        """Hold the writer lock; True when it was taken now (not already ours)."""
        with self._mutex:
            if self._lock_fd is not None:
                self._holds += 1
                return False
        fd = acquire_lock(self.path)
        with self._mutex:
            self._lock_fd, self._holds = fd, 1
        return True

    def _unhold(self) -> None:
        """Let go of one hold; the last one releases the lock (caller holds no mutex)."""
        with self._mutex:
            self._unhold_locked()

    def _unhold_locked(self) -> None:
        self._holds -= 1
        if self._holds == 0 and self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the lock
            self._lock_fd = None

    def _save(self) -> None:
        """Save the tables now, or (deferred) leave their bytes in `pending`."""
        self.meta["schema"] = SCHEMA
        self.meta["revision"] = self.revision + 1
        if KEY not in self.meta:  # issue 16: the id calendar UIDs carry (journal_id.py)
            self.meta[KEY] = derived_id(self.path) if self.exists else new_journal_id()
        parts = self._encoder.parts(self._tables)
        if self.deferred:
            with self._mutex:
                self._pending = parts
                if not self._write_hold:  # the lock stays ours until the bytes are written
                    self._write_hold = True
                    self._holds += 1
            return
        try:
            self._write(parts)
        except JournalError:
            self.meta["revision"] -= 1
            raise

    @property
    def pending(self) -> bool:
        """True while a deferred write waits for `write_pending` (or is being written)."""
        with self._mutex:
            return self._write_hold

    def write_pending(self) -> None:
        """Write the newest pending bytes (from any thread), then release the lock.

        A failure is kept in `error` (raised by the next change, or by `raise_error`);
        the last good file stays on disk.
        """
        with self._writer:
            while True:
                with self._mutex:
                    parts, self._pending = self._pending, None
                    if parts is None:
                        if self._write_hold:
                            self._write_hold = False
                            self._unhold_locked()
                        return
                try:
                    self._write(parts)
                except JournalError as err:
                    self.error = JournalError(f"{err}; the last change was not kept")
                except BaseException as err:  # never let a write fail silently
                    self.error = JournalError(f"{self.path}: could not save ({err})")

    def raise_error(self) -> None:
        """Raise a failed deferred write's error, once, after reading the file back."""
        error = self.take_error()
        if error is not None:
            raise error

    def take_error(self) -> JournalError | None:
        """The failed deferred write, if any (once); the last good file is read back."""
        if self.error is None:
            return None
        self.write_pending()  # let the writer finish (its later bytes fail the same way)
        error, self.error = self.error, None
        try:
            self.reload()
        except JournalError:
            self.forget()
        return error

    def _write(self, parts: list[bytes]) -> None:
        """Write the journal whose bytes are `parts` atomically, a backup kept first."""
        refuse_read_only(self.path)
        if self.codec is not None:
            parts = [self.codec.encode(b"".join(parts))]
        revision = self.revision
        try:
            make_private_dir(self.path.parent)

            def backup() -> None:
                if self._seen is not None and self.backups:
                    keep_backup(self.path, revision - 1, self.backups)

            write_atomically(self.path, parts, before_replace=backup)
        except OSError as err:
            reason = "the disk is full" if err.errno == errno.ENOSPC else err.strerror or err
            raise JournalError(
                f"{self.path}: could not save ({reason}); the journal on disk is unchanged"
            ) from None
        self._seen = fingerprint(self.path)
