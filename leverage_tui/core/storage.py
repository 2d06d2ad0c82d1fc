"""Safe storage for the journal: a TinyDB `Storage` that never loses the last good file.

- Writes are atomic: a temp file in the same folder, flush, fsync, `os.replace`, fsync
  the folder. A kill at any moment leaves either the old or the new file, whole.
- The file is created 0600; folders we create are 0700.
- The journal is read once and kept in memory (TinyDB reads its storage on every query).
- Before each write the previous version is kept as a backup (a hard link, so it costs
  no copy); the newest `backups` of them are kept.
- A lock file serialises writers across processes; a writer that finds the file changed
  under it reloads before applying its change, so nobody's change is lost.
- A damaged, empty or foreign file is refused with a message naming the newest backup.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import orjson
from tinydb.storages import Storage

from .encoding import Data, Encoder

SCHEMA = 1
"""The journal schema version this Leverage writes."""
META_KEY = "_leverage"
"""Top-level key that marks a file as a Leverage journal and holds its schema."""
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Schema n -> function that turns a schema-n journal into schema n+1."""
LOCK_WAIT = 5.0
"""Seconds a writer waits for another writer before giving up."""


class JournalError(Exception):
    """A journal that cannot be read or written; the message is one line for the user."""


class JournalBusy(JournalError):
    """Another process held the journal's lock for too long."""


class Codec(Protocol):
    """Turns the journal's bytes into what is on disk and back (e.g. encryption)."""

    def encode(self, plain: bytes) -> bytes:
        """The bytes to write for `plain`."""
        ...

    def decode(self, stored: bytes) -> bytes:
        """The plain bytes of what was read; raises JournalError when it cannot."""
        ...


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) 0700 if missing; tighten it if we created it."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)


def backup_dir(path: Path) -> Path:
    """The folder that holds the backups of the journal at `path`."""
    return path.parent / f"{path.name}.backups"


def list_backups(path: Path) -> list[Path]:
    """The backups of the journal at `path`, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and p.name.startswith(path.stem + ".r")]
    # saves within one clock tick share a timestamp; the name holds the revision
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def way_out(path: Path) -> str:
    """What the user can do about a damaged journal: its newest backup, if any."""
    backups = list_backups(path)
    if backups:
        return f"newest backup: {backups[0]} (restore it with: leverage restore)"
    return "no backup exists"


def _fingerprint(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def decode_journal(raw: bytes, path: Path) -> Data:
    """Parse and migrate the bytes of a journal file; JournalError when it is not one."""
    where = f"{path}: "
    if not raw.strip():
        raise JournalError(
            f"{where}the journal is empty ({len(raw)} bytes): it was probably cut short; "
            + way_out(path)
        )
    try:
        data: Any = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise JournalError(f"{where}the journal is damaged ({err}); {way_out(path)}") from None
    if not isinstance(data, dict) or not isinstance(data.get(META_KEY), dict):
        raise JournalError(
            f"{where}this is not a Leverage journal; refusing to touch it "
            f"(pick another file with --journal); {way_out(path)}"
        )
    schema = data[META_KEY].get("schema")
    if not isinstance(schema, int) or schema < 0:
        raise JournalError(f"{where}the journal has no valid schema version; {way_out(path)}")
    if schema > SCHEMA:
        raise JournalError(
            f"{where}the journal was written by a newer Leverage (schema {schema}; "
            f"this one reads up to {SCHEMA}): upgrade Leverage to open it; {way_out(path)}"
        )
    while schema < SCHEMA:
        if schema not in MIGRATIONS:
            raise JournalError(f"{where}no migration from schema {schema}; {way_out(path)}")
        data = MIGRATIONS[schema](data)
        schema += 1
        data[META_KEY]["schema"] = schema
    for name, table in data.items():
        if not isinstance(table, dict):
            raise JournalError(f"{where}the journal is damaged (table {name!r}); {way_out(path)}")
    checked: Data = data
    return checked


def read_journal_file(path: Path, codec: Codec | None = None) -> Data | None:
    """The data in the journal at `path`, None when there is no file yet."""
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
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise JournalError(f"{path}: cannot read the journal ({err.strerror or err})") from None
    if codec is not None:
        raw = codec.decode(raw)
    elif raw.startswith(b"LEVERAGE-ENCRYPTED"):
        raise JournalError(f"{path}: the journal is encrypted; a passphrase is needed")
    return decode_journal(raw, path)


def write_atomically(
    path: Path,
    parts: Iterable[bytes | memoryview],
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `parts` to `path` so that a kill leaves the old file or the new one, whole.

    A temp file (0600) in the same folder, flushed and fsynced, then `os.replace` and an
    fsync of the folder. `before_replace` runs once the bytes are durable (a backup).
    Raises OSError; the temp file is removed and `path` is untouched then.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                out.write(part)
            out.flush()
            os.fsync(out.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _remove_stale_temp_files(path: Path) -> None:
    """Delete temp files a killed writer left behind (only call while holding the lock)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def acquire_lock(path: Path) -> int:
    """Take the writer lock of the journal at `path`; the fd to close to release it.

    Waits up to LOCK_WAIT seconds: JournalBusy when another process keeps it longer,
    JournalError when the lock file cannot be made. Temp files left by a writer that was
    killed are removed.
    """
    make_private_dir(path.parent)
    try:
        fd = os.open(path.parent / f".{path.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise JournalError(
            f"{path}: cannot save: the folder is not writable ({err.strerror or err}); "
            "nothing was changed"
        ) from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise JournalBusy(
                        f"{path}: another Leverage is saving this journal and did "
                        "not finish in time; nothing was changed, try again"
                    ) from None
                time.sleep(0.02)
        _remove_stale_temp_files(path)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def journal_lock(path: Path) -> Iterator[None]:
    """Hold the writer lock of the journal at `path` (see `acquire_lock`)."""
    fd = acquire_lock(path)
    try:
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _key(path: Path) -> str:
    return os.path.abspath(path)


_OPEN: dict[str, weakref.WeakSet[AtomicStorage]] = {}
"""The storages open in this process, by journal path (a reader waits for their writes)."""


def empty_data() -> Data:
    """The data of a brand-new journal."""
    return {META_KEY: {"schema": SCHEMA, "revision": 0}}


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
        seen = _fingerprint(self.path)
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
        return _fingerprint(self.path) != self._seen

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
            if fresh and _fingerprint(self.path) != self._seen:
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
        self.meta["schema"] = SCHEMA
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
            self.meta["schema"] = SCHEMA
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
        self._seen = _fingerprint(self.path)

    def _replace(self, parts: Sequence[bytes | memoryview], revision: int) -> None:
        make_private_dir(self.path.parent)

        def keep_backup() -> None:
            if self._seen is not None and self.backups:
                self._keep_backup(revision - 1)

        write_atomically(self.path, parts, before_replace=keep_backup)

    def _keep_backup(self, revision: int) -> None:
        folder = backup_dir(self.path)
        make_private_dir(folder)
        target = folder / f"{self.path.stem}.r{revision:07d}{self.path.suffix or '.json'}"
        n = 1
        while target.exists():
            target = target.with_name(f"{self.path.stem}.r{revision:07d}-{n}{self.path.suffix}")
            n += 1
        try:
            os.link(self.path, target)
        except FileNotFoundError:
            return
        except OSError:
            shutil.copy2(self.path, target)
            os.chmod(target, 0o600)
        for old in list_backups(self.path)[self.backups :]:
            with contextlib.suppress(OSError):
                old.unlink()
