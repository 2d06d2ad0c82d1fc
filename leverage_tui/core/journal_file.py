"""The journal file on disk: reading and checking it, writing it atomically, the writer
lock, and the backups kept beside it (no TinyDB here: see storage.py for the Storage).

- Writes are atomic: a temp file in the same folder, flush, fsync, `os.replace`, fsync
  the folder. A kill at any moment leaves either the old or the new file, whole.
- The file is created 0600; folders we create are 0700.
- A lock file serialises writers across processes.
- A damaged, empty or foreign file is refused with a message naming the newest backup.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import orjson

from .encoding import Data

SCHEMA = 1
"""The journal schema version this Leverage writes."""
META_KEY = "_leverage"
"""Top-level key that marks a file as a Leverage journal and holds its schema."""
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Schema n -> function that turns a schema-n journal into schema n+1."""
LOCK_WAIT = 5.0
"""Seconds a writer waits for another writer before giving up."""
MAGIC = b"LEVERAGE-ENCRYPTED\n"
"""The first line of every encrypted journal (core/crypto.py writes the rest)."""


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


def fingerprint(path: Path) -> tuple[int, int, int] | None:
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


def is_encrypted(path: Path | str) -> bool:
    """True when `path` is a regular file that starts like an encrypted journal."""
    p = Path(path)
    if p.is_symlink() or not p.is_file():
        return False
    try:
        with open(p, "rb") as f:
            return f.read(len(MAGIC) - 1) == MAGIC[:-1]
    except OSError:
        return False


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
    elif raw.startswith(MAGIC):
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
    killed are removed, and a re-encoding of the backups that was cut short is finished.
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
        from .recode import finish  # on use: recode.py imports this module

        with contextlib.suppress(OSError):
            finish(path)  # an encrypt or passphrase change that was cut short
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


def empty_data() -> Data:
    """The data of a brand-new journal."""
    return {META_KEY: {"schema": SCHEMA, "revision": 0}}
