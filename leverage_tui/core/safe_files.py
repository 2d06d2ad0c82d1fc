"""Every file and folder Leverage creates, created safely.

- Folders are made 0700, each missing parent too, whatever the umask.
- Files are written atomically (a temp file, fsync, `os.replace`), 0600, through a temp
  file made with `O_EXCL | O_NOFOLLOW`: a symbolic link planted at a name is never
  followed, and an existing file's looser mode is never kept.
- `write_private` is the one writer of what the user saves (exports, the brief, a recap,
  from the command line and the app alike): never onto the journal or the files kept
  beside it (its backups, its attachments, its lock).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


class OutputError(Exception):
    """A file that cannot or must not be written; the message is one line for the user."""


class OutputExists(OutputError):
    """The file exists, and the caller asked not to replace it."""


def backup_dir(path: Path) -> Path:
    """The folder that holds the backups of the journal at `path`."""
    return path.parent / f"{path.name}.backups"


def files_dir(path: Path) -> Path:
    """The folder that holds the attached files of the journal at `path` (attachments.py)."""
    return path.parent / f"{path.name}.files"


def lock_file(path: Path) -> Path:
    """The lock file of the journal at `path` (writers take it in turn)."""
    return path.parent / f".{path.name}.lock"


def make_private_dir(folder: Path) -> None:
    """Create `folder` and each missing parent, one by one, each 0700 whatever the umask.

    Folders that exist already are left as they are (the callers check them).
    """
    missing: list[Path] = []
    here = Path(os.path.abspath(folder))
    while not os.path.lexists(here) and here.parent != here:
        missing.append(here)
        here = here.parent
    for new in reversed(missing):
        try:
            os.mkdir(new, 0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: the callers' checks judge it
        # the umask may have taken bits away: fchmod what was opened, never a planted link
        fd = os.open(new, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            os.fchmod(fd, 0o700)
        finally:
            os.close(fd)


def folder_problem(st: os.stat_result) -> str | None:
    """Why a folder with status `st` is not safe to keep private files in (None: it is).

    It must be a folder, the user's own, that neither its group nor others can write to.
    """
    if not stat.S_ISDIR(st.st_mode):
        return "it is not a folder"
    if st.st_uid != os.geteuid():
        return f"it belongs to another user (uid {st.st_uid})"
    if st.st_mode & 0o022:
        who = "other users" if st.st_mode & 0o002 else "its group"
        return f"{who} can write to it (mode {stat.S_IMODE(st.st_mode):04o})"
    return None


def copy_private(source: Path, folder_fd: int, name: str) -> None:
    """Copy `source` to a new file `name` in the open folder `folder_fd`, 0600.

    `O_EXCL | O_NOFOLLOW`: FileExistsError when the name is taken (even by a dangling
    link); nothing is written through a link. The copy keeps the source's modification
    time and is fsynced. A failed copy is removed.
    """
    src = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        dst = os.open(name, flags, 0o600, dir_fd=folder_fd)
        try:
            os.fchmod(dst, 0o600)
            while chunk := os.read(src, 1 << 20):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(dst, view) :]
            st = os.fstat(src)
            os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
            os.fsync(dst)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder_fd)
            raise
        finally:
            os.close(dst)
    finally:
        os.close(src)


def overwrite_with_zeros(fd: int, size: int) -> None:
    """Write `size` zero bytes over the file behind `fd` from its start (OSError as it
    comes): what a file said is gone before its blocks are freed."""
    os.lseek(fd, 0, os.SEEK_SET)
    left = size
    zeros = bytes(min(left, 1 << 20))
    while left > 0:
        left -= os.write(fd, zeros[: min(left, len(zeros))])


def write_atomically(
    path: Path,
    parts: Iterable[bytes | memoryview],
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write `parts` to `path` so that a kill leaves the old file or the new one, whole.

    A temp file (0600, `O_EXCL | O_NOFOLLOW`: mkstemp) in the same folder, flushed and
    fsynced, then `os.replace` (which replaces a link at `path`, never follows it) and an
    fsync of the folder. `before_replace` runs once the bytes are durable (a backup).
    Raises OSError; the temp file is removed and `path` is untouched then.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o600)
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


def _same(a: Path, b: Path) -> bool:
    """True when `a` and `b` name the same place (or the same existing file)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(a, b)
    return False


def _journal_claims(target: Path, journal: Path) -> str | None:
    """What `target` is to the journal at `journal`: itself, a backup, its lock; or None."""
    if _same(target, journal):
        return "the journal itself"
    if _same(target, backup_dir(journal)):
        return "the journal's backups folder"
    if _same(target.parent, backup_dir(journal)):
        return "in the journal's backups folder"
    if _same(target, files_dir(journal)):
        return "the journal's attachments folder"
    if _same(target.parent, files_dir(journal)):
        return "in the journal's attachments folder"
    if _same(target.parent, journal.parent) and target.name.startswith(f".{journal.name}."):
        return "one of the journal's own files (its lock or a temp file)"
    return None


def write_private(
    target: Path, data: str | bytes, *, journal: Path | None = None, replace: bool = True
) -> Path:
    """Write `data` (text is UTF-8) to `target` atomically, readable by the user only.

    The file is always new (0600, even when it replaces one that was 0644); a symbolic
    link at `target` is refused, never followed; so are a folder and the journal at
    `journal` or the files beside it. A relative `target` is in the current folder.
    With `replace=False` an existing file is left alone (OutputExists).
    Returns the path written (as given); OutputError (one line: what and why) otherwise.
    """
    given = Path(target).expanduser()
    path = Path(os.path.abspath(given))
    shown = str(target)
    if journal is not None and (claim := _journal_claims(path, journal)) is not None:
        raise OutputError(f"{shown} is {claim}; choose another file")
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        pass
    except OSError as err:
        raise OutputError(f"cannot write {shown}: {err.strerror or err}") from None
    else:
        if stat.S_ISLNK(st.st_mode):
            raise OutputError(
                f"{shown} is a symbolic link; refusing to write through it "
                "(give the real file's path, or remove the link)"
            )
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{shown} is a folder; give a file name")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"{shown} is not a regular file; choose another name")
        if not replace:
            raise OutputExists(f"{shown} exists")
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        write_atomically(path, [raw])
    except OSError as err:
        raise OutputError(f"cannot write {shown}: {err.strerror or err}") from None
    return given
