"""Re-encoding the journal and its backups (encrypt, passphrase, decrypt) so that a kill
or a full disk at any moment leaves the old state or the new one, never a mix for long.

A re-encoding changes how the journal and each backup are stored (plain, or encrypted
with one key) and nothing of what they hold. Many files cannot be replaced at once, so
it goes in three steps, all under the journal's writer lock:

1. Stage: each backup's new bytes are written beside it as `.recode.<name>.part`, made
   durable, then renamed `.recode.<name>.tmp` (so a `.tmp` is always whole).
2. Commit: the journal is replaced, atomically, by its new bytes. Before this moment the
   old state stands; after it, the new one.
3. Finish: each staged file replaces its backup; the bytes it replaced are overwritten
   with zeros before their blocks are freed.

The attached files (attachments.py, the folder beside the journal) are re-encoded the
same way, staged beside each copy: an encrypted journal's folder never keeps a plain copy.

A staged file belongs to a committed re-encoding when it is stored the way the journal
now is (the same encryption header, or both plain). `finish` (run by whoever takes the
lock next: any command, the app) replaces the backups with those and deletes the others,
so an interrupted re-encoding is completed or undone without any passphrase.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .journal_file import (
    MAGIC,
    Codec,
    JournalError,
    backup_dir,
    journal_lock,
    list_backups,
    write_atomically,
)
from .journal_format import Encoder, empty_tables
from .safe_files import files_dir, overwrite_with_zeros

PREFIX = ".recode."
"""Staged files are `.recode.<backup name>.tmp` (whole) or `.part` (being written)."""
_HEAD = 4096
"""Bytes read to tell how a file is stored (the header line is far shorter)."""


class RecodeError(JournalError):
    """A re-encoding that failed; `committed` says whether the journal itself switched."""

    def __init__(self, reason: str, committed: bool) -> None:
        """`reason` in a few words ("the disk is full")."""
        super().__init__(reason)
        self.reason = reason
        self.committed = committed


@dataclass(frozen=True)
class Recoded:
    """What a re-encoding did: backups rewritten, and left as they were (unreadable);
    attached files rewritten."""

    done: int
    left: int
    files: int = 0


def stored_as(head: bytes) -> bytes:
    """How bytes are stored: the encryption header line, or b"plain"."""
    if not head.startswith(MAGIC):
        return b"plain"
    return MAGIC + head[len(MAGIC) :].partition(b"\n")[0]


def stored_as_file(path: Path) -> bytes | None:
    """How the file at `path` is stored (see `stored_as`); None when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        return stored_as(os.read(fd, _HEAD))
    finally:
        os.close(fd)


def _leftovers(path: Path) -> list[Path]:
    """The staged files in the backups and attachments folders of the journal at `path`."""
    found: list[Path] = []
    for folder in (backup_dir(path), files_dir(path)):
        try:
            with os.scandir(folder) as entries:
                names = [e.name for e in entries]
        except (FileNotFoundError, NotADirectoryError):
            continue
        found += sorted(
            folder / name
            for name in names
            if name.startswith(PREFIX)
            and name.endswith((".tmp", ".part"))
            and not name.startswith(f"{path.stem}.r")  # a backup, however odd the journal's name
        )
    return found


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _zero_if_unlinked(fd: int | None) -> None:
    """Overwrite the file behind `fd` with zeros if no name points at it any more.

    A courtesy to the disk (its blocks are freed next), never a reason to fail.
    """
    if fd is None:
        return
    with contextlib.suppress(OSError):
        st = os.fstat(fd)
        if st.st_nlink == 0 and stat.S_ISREG(st.st_mode):
            overwrite_with_zeros(fd, st.st_size)
            os.fsync(fd)


def _open_old(path: Path) -> int | None:
    """A handle on the file now at `path`, to zero it once it is replaced (None: cannot)."""
    try:
        return os.open(path, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return None


def _replace_zeroing(new: Path, target: Path) -> None:
    """Move `new` over `target`; the replaced bytes are overwritten with zeros."""
    fd = _open_old(target)
    try:
        os.replace(new, target)
        _zero_if_unlinked(fd)
    finally:
        if fd is not None:
            os.close(fd)


def pending(path: Path) -> int:
    """How many backups a committed re-encoding still has to replace (no lock taken)."""
    journal = stored_as_file(path)
    return sum(
        1
        for staged in _leftovers(path)
        if staged.name.endswith(".tmp") and stored_as_file(staged) == journal
    )


def finish(path: Path) -> int:
    """Complete or undo an interrupted re-encoding; the number of backups replaced.

    Call it holding the journal's lock (the lock runs it). Raises OSError.
    """
    leftovers = _leftovers(path)
    if not leftovers:
        return 0
    journal = stored_as_file(path)
    if journal is None and os.path.lexists(path):
        return 0  # the journal cannot be read now: it alone says which way to go
    done = 0
    for staged in leftovers:
        if staged.name.endswith(".tmp") and not staged.is_symlink():
            original = staged.parent / staged.name[len(PREFIX) : -len(".tmp")]
            with contextlib.suppress(FileNotFoundError):
                if (
                    journal is not None
                    and stored_as_file(staged) == journal
                    and stat.S_ISREG(os.lstat(original).st_mode)
                ):
                    _replace_zeroing(staged, original)
                    done += 1
                    continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staged)  # not committed, cut short, or its backup is gone
    for folder in {staged.parent for staged in leftovers}:
        with contextlib.suppress(OSError):  # a rename a power cut undoes is simply done again
            _fsync_dir(folder)
    return done


def finish_pending(path: Path) -> int:
    """Finish an interrupted re-encoding now, if there is one (see `finish`).

    Takes the lock only when something is left; the number of backups it replaced.
    Raises JournalError (the lock) or OSError.
    """
    if not _leftovers(path):
        return 0
    count = pending(path)
    with journal_lock(path):  # the lock finishes what it can; again here, to see errors
        finish(path)
    return count


def _stage(backup: Path, data: bytes) -> None:
    """Write `data` as the staged copy of `backup`, with its date, durably."""
    part = backup.with_name(f"{PREFIX}{backup.name}.part")
    st = os.lstat(backup)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(part)
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.utime(fd, ns=(st.st_atime_ns, st.st_mtime_ns))  # keeps its place in the list
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(part, backup.with_name(f"{PREFIX}{backup.name}.tmp"))


def _new_bytes(raw: bytes, old: Codec | None, new: Codec | None, target: bytes) -> bytes | None:
    """`raw` stored the new way; None when it already is, or cannot be read."""
    if stored_as(raw) == target:
        return None
    if raw.startswith(MAGIC):
        if old is None:
            return None
        try:
            plain = old.decode(raw)
        except JournalError:
            return None
    else:
        plain = raw
    return new.encode(plain) if new is not None else plain


@contextlib.contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C waits: once the journal has switched, the backups follow it first."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stage_all(path: Path, old: Codec | None, new: Codec | None, target: bytes) -> Recoded:
    """Stage the new bytes of every backup not stored as `target` yet."""
    done = left = 0
    for backup in list_backups(path):
        try:
            was = backup.read_bytes()
        except OSError:
            left += 1
            continue
        staged = _new_bytes(was, old, new, target)
        if staged is None:
            left += stored_as(was) != target
            continue
        _stage(backup, staged)
        done += 1
    if done:
        _fsync_dir(backup_dir(path))
    return Recoded(done, left, _stage_copies(path, old, new, target))


def _stage_copies(path: Path, old: Codec | None, new: Codec | None, target: bytes) -> int:
    """Stage the new bytes of every attached file not stored as `target` yet; how many.

    OSError when a copy cannot be read or re-encoded: the journal must not switch while
    a copy would stay as it was (plain text beside an encrypted journal).
    """
    from .attachments import content_of, copies, stored_bytes

    done = 0
    for copy in copies(path):
        fd = os.open(copy, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, "rb") as f:
            raw = f.read()
        if stored_as(raw) == target:
            continue
        try:
            plain = content_of(raw, old, copy.name)
        except JournalError as err:
            raise OSError(
                errno.EIO, f"cannot re-encode the attached file {copy.name}: {err}"
            ) from None
        _stage(copy, stored_bytes(plain, new))
        done += 1
    if done:
        _fsync_dir(files_dir(path))
    return done


def _commit(path: Path, journal: bytes) -> None:
    """Replace the journal by its new bytes; the old ones are overwritten with zeros."""
    old_journal = _open_old(path)
    try:
        write_atomically(path, [journal])
        _zero_if_unlinked(old_journal)
    finally:
        if old_journal is not None:
            os.close(old_journal)


def _done_anyway(path: Path, target: bytes, staged_all: bool) -> bool:
    """After a failure: finish or undo as the journal says; True when all is done."""
    try:
        finish(path)
    except OSError:
        return False
    return staged_all and stored_as_file(path) == target and not _leftovers(path)


def recode(path: Path, old: Codec | None, new: Codec | None) -> Recoded:
    """Store the journal at `path` and all its backups with `new` (None: plain).

    `old` opens the journal now (None: it is plain); a backup neither plain nor opened
    by `old` is left as it is. An interrupted run is finished by the next lock taken.
    Raises JournalError for a journal that cannot be read (nothing changed) and
    RecodeError when the files cannot be written.
    """
    with journal_lock(path):
        from .storage import read_journal  # storage's lock finishes what this starts

        data = read_journal(path, old)  # refuses a damaged, foreign or linked file
        raw = path.read_bytes() if data is not None else None
        if raw is None:
            plain = b"".join(Encoder().parts(empty_tables()))
        else:
            plain = old.decode(raw) if old is not None else raw
        journal = new.encode(plain) if new is not None else plain
        target = stored_as(journal)
        counts, staged_all = Recoded(0, 0), False
        try:
            counts = _stage_all(path, old, new, target)
            staged_all = True
            with _uninterrupted():
                if raw is None or stored_as(raw) != target:
                    _commit(path, journal)
                finish(path)
        except OSError as err:
            if not _done_anyway(path, target, staged_all):
                reason = "the disk is full" if err.errno == errno.ENOSPC else err.strerror
                committed = stored_as_file(path) == target
                raise RecodeError(reason or str(err), committed) from None
        except BaseException:
            with contextlib.suppress(OSError):
                finish(path)
            raise
    return counts
