"""The journal file on disk: reading and checking it, writing it atomically, the writer
lock, and the backups kept beside it (no TinyDB here: see storage.py for the Storage).

- Writes are atomic: a temp file in the same folder, flush, fsync, `os.replace`, fsync
  the folder. A kill at any moment leaves either the old or the new file, whole.
- The file is created 0600; every folder we create is 0700, parents included.
- Nothing is written into a folder another user owns or can write to (the journal's
  folder, its backups folder): such a folder is refused with a message saying what to do.
  Backups and temp files are created without following a symbolic link and never onto an
  existing name (`O_NOFOLLOW`, `O_EXCL`).
- A lock file serialises writers across processes: an exclusive lock on the open lock
  file (`flock` on Unix; on Windows, where there is no fcntl, filelock's `LockFileEx`),
  released when it is closed, so a writer that is killed never leaves it locked.
- A damaged, empty or foreign file is refused with a message naming the newest backup.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Protocol

from .safe_files import backup_dir as backup_dir  # where storage.py and the CLI look
from .safe_files import copy_private, folder_problem, lock_file
from .safe_files import make_private_dir as make_private_dir
from .safe_files import write_atomically as write_atomically

LOCK_WAIT = 5.0
"""Seconds a writer waits for another writer before giving up."""
MAGIC = b"LEVERAGE-ENCRYPTED\n"
"""The first line of every encrypted journal (core/crypto.py writes the rest)."""
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no symbolic-link flag on open

_fcntl: ModuleType | None
try:
    import fcntl as _fcntl
except ImportError:  # Windows: the lock is filelock's (see _try_lock)
    _fcntl = None


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


def check_journal_folder(path: Path) -> None:
    """JournalError unless the folder of the journal at `path` is the user's alone.

    Another user who can write there could plant the files Leverage makes beside the
    journal (its backups folder, its lock) and so read or break them. The folder may be
    reached through a symbolic link: the folder it leads to is checked.
    """
    folder = path.parent
    try:
        st = os.stat(folder)
    except OSError as err:
        raise JournalError(
            f"{path}: cannot save: cannot use the folder {folder} ({err.strerror or err}); "
            "nothing was changed"
        ) from None
    problem = folder_problem(st)
    if problem is None:
        return
    if st.st_mode & stat.S_ISVTX or st.st_uid != os.geteuid():
        fix = "keep it in a folder only you can write to (make one: mkdir -m 700 DIR)"
    else:
        fix = f"run: chmod go-w {folder} (or keep the journal in a folder of your own)"
    raise JournalError(
        f"{path}: refusing to save in {folder}: {problem}, so they could plant files "
        f"where the journal's copies go and read them; {fix}; nothing was changed"
    )


def _open_backup_dir(path: Path) -> int:
    """The backups folder of the journal at `path`, opened (made 0700 if missing).

    JournalError when it is a symbolic link, not a folder, another user's, or writable by
    others: whoever planted it would get a copy of every version of the journal.
    """
    folder = backup_dir(path)
    make_private_dir(folder)
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as err:
        problem = (
            "it is a symbolic link or not a folder"
            if err.errno in (errno.ELOOP, errno.ENOTDIR)
            else err.strerror or str(err)
        )
    else:
        st = os.fstat(fd)
        found = folder_problem(st)
        if found is None:
            return fd
        os.close(fd)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid():
            raise JournalError(
                f"{path}: refusing to keep backups in {folder}: {found}; "
                f"run: chmod 700 {folder}; nothing was changed"
            )
        problem = found
    raise JournalError(
        f"{path}: refusing to keep backups in {folder}: {problem}, not the folder Leverage "
        f"made; move it aside (mv {folder} {folder}.suspect) and try again; nothing was changed"
    )


def add_backup(path: Path, name: str) -> Path | None:
    """Keep the journal at `path` as it is now in its backups folder as `name` (+ suffix).

    A hard link (it costs no copy), or a private copy where links are not possible;
    never written through a symbolic link nor onto an existing name: a name that is taken
    gets -1, -2, ... None when there is no journal file yet. Raises JournalError for an
    unsafe backups folder (see `_open_backup_dir`), OSError when the disk fails.
    """
    suffix = path.suffix or ".json"
    folder_fd = _open_backup_dir(path)
    try:
        n = 0
        while True:
            target = f"{name}-{n}{suffix}" if n else f"{name}{suffix}"
            n += 1
            try:
                os.link(path, target, dst_dir_fd=folder_fd, follow_symlinks=False)
            except FileExistsError:
                continue
            except FileNotFoundError:
                return None
            except OSError:  # no hard links on this file system: copy
                try:
                    copy_private(path, folder_fd, target)
                except FileExistsError:
                    continue
                except FileNotFoundError:
                    return None
            return backup_dir(path) / target
    finally:
        os.close(folder_fd)


def keep_backup(path: Path, revision: int, keep: int) -> None:
    """Keep the journal at `path` as the backup of `revision`; then only the newest `keep`.

    See `add_backup` for how it is made safely.
    """
    if keep <= 0:
        return
    if add_backup(path, f"{path.stem}.r{revision:07d}") is None:
        return
    for old in list_backups(path)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def list_backups(path: Path) -> list[Path]:
    """The backups of the journal at `path`, newest first."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.iterdir()
        if p.name.startswith(path.stem + ".r") and p.is_file() and not p.is_symlink()
    ]
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


def _remove_stale_temp_files(path: Path) -> None:
    """Delete temp files a killed writer left behind (only call while holding the lock)."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _flock(fd: int) -> bool:
    """Unix: `flock` the open lock file `fd` without waiting; False when another holds it."""
    try:
        _fcntl.flock(fd, _fcntl.LOCK_EX | _fcntl.LOCK_NB)  # type: ignore[union-attr]
    except BlockingIOError:
        return False
    return True


def _library_lock(fd: int) -> bool:
    """Any system (Windows: `LockFileEx` on one byte): filelock's lock on the open lock
    file `fd`, without waiting; False when another holds it. Released on close, as flock.

    Imported on use: it costs ~17 ms to import, and only a system without fcntl needs it.
    """
    import filelock

    return filelock.lock_descriptor(fd, blocking=False)


def _lockf(fd: int) -> bool:
    """A Unix Python without the fcntl module: `os.lockf`, the same lock between
    processes though not between two descriptors in one process (a Journal serialises
    its own writers anyway). False when another holds it."""
    try:
        os.lockf(fd, os.F_TLOCK, 0)
    except OSError as err:
        if err.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise
    return True


if _fcntl is not None:
    _try_lock = _flock
elif sys.platform == "win32":
    _try_lock = _library_lock
else:
    _try_lock = _lockf
"""Take the writer lock on an open lock file without waiting; False when it is taken."""


def acquire_lock(path: Path) -> int:
    """Take the writer lock of the journal at `path`; the fd to close to release it.

    Waits up to LOCK_WAIT seconds: JournalBusy when another process keeps it longer,
    JournalError when the lock file cannot be made or the folder is not the user's alone
    (`check_journal_folder`). Temp files left by a writer that was killed are removed,
    and a re-encoding of the backups that was cut short is finished.
    """
    make_private_dir(path.parent)
    check_journal_folder(path)
    lock = lock_file(path)
    try:
        flags = os.O_RDWR | os.O_CREAT | _NO_FOLLOW | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(lock, flags, 0o600)
    except OSError as err:
        reason = (
            f"{lock} is a symbolic link (remove it)"
            if err.errno == errno.ELOOP
            else f"the folder is not writable ({err.strerror or err})"
        )
        raise JournalError(f"{path}: cannot save: {reason}; nothing was changed") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            if _try_lock(fd):
                break
            if time.monotonic() > deadline:
                raise JournalBusy(
                    f"{path}: another Leverage is saving this journal and did "
                    "not finish in time; nothing was changed, try again"
                )
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
