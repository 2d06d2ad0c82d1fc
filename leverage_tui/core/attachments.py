"""Attachments: a copy of a file (an offer letter, a saved email) kept with a record.

The copy lives in the folder beside the journal (`journal.json.files/`, 0700), one file
per attachment named by its id (`f3`: never the original name, which may say too
much), 0600, written atomically. In an encrypted journal it is encrypted with the
journal's key (the storage's codec), so the folder holds no plain text of the file; in a
plain journal it is the file's bytes after a one-line header (`LEVERAGE-FILE`), so a
plain copy is never mistaken for an encrypted one. encrypt, decrypt and passphrase
re-encode the folder with the journal (recode.py).

The record (`Attachment`, id `f`) holds the record it belongs to, the file's name, size
and SHA-256, the day it was attached and a note. Reading a copy back checks its SHA-256;
`check` checks every one. Deleting an attachment, or a record with its attachments,
removes the copies for good (such a deletion cannot be undone); undoing an attach
removes its copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from .checks import InputError, check_record, clean
from .journal_file import MAGIC, Codec, JournalError
from .plural import counted
from .records import Attachment, Promise, Record
from .registry import KINDS, kind_of_id
from .safe_files import (
    files_dir,
    folder_problem,
    make_private_dir,
    overwrite_with_zeros,
    write_atomically,
)

if TYPE_CHECKING:
    from .journal import Journal
    from .journal_core import JournalCore

PLAIN_HEAD = b"LEVERAGE-FILE\n"
"""The first line of an attachment's copy in a plain journal."""
DEFAULT_LIMIT_MB = 25
"""The largest file attached, in megabytes, unless the config says otherwise."""
MB = 1024 * 1024


def stored_bytes(content: bytes, codec: Codec | None) -> bytes:
    """What is written to disk for `content`: encrypted with `codec`, else plain."""
    return codec.encode(content) if codec is not None else PLAIN_HEAD + content


def content_of(stored: bytes, codec: Codec | None, name: str) -> bytes:
    """The file's bytes from what is on disk; JournalError when they cannot be read."""
    if stored.startswith(MAGIC):
        if codec is None:
            raise JournalError(f"{name}: the copy is encrypted and the journal is not")
        return codec.decode(stored)
    if stored.startswith(PLAIN_HEAD):
        return stored[len(PLAIN_HEAD) :]
    raise JournalError(f"{name}: the copy is not an attachment Leverage wrote (damaged?)")


def copy_path(journal_path: Path, aid: str) -> Path:
    """Where the copy of attachment `aid` lives."""
    return files_dir(journal_path) / aid


def _folder(journal_path: Path) -> Path:
    """The attachments folder, made 0700 when missing; JournalError when it is unsafe."""
    folder = files_dir(journal_path)
    make_private_dir(folder)
    try:
        st = os.lstat(folder)
    except OSError as err:
        raise JournalError(f"{folder}: cannot use it ({err.strerror or err})") from None
    problem = "it is a symbolic link" if stat.S_ISLNK(st.st_mode) else folder_problem(st)
    if problem:
        raise JournalError(
            f"{folder}: refusing to keep attachments there: {problem}; move it aside "
            f"(mv {folder} {folder}.suspect) and try again; nothing was changed"
        )
    return folder


def read_source(source: Path, limit_mb: int) -> bytes:
    """The bytes of the file to attach; InputError when it is not a file or too big."""
    shown = str(source)
    try:
        st = os.stat(source)
    except FileNotFoundError:
        raise InputError(f"no such file: {shown}") from None
    except OSError as err:
        raise InputError(f"cannot read {shown}: {err.strerror or err}") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{shown} is not a file")
    limit = limit_mb * MB
    if st.st_size > limit:
        raise InputError(_too_big(shown, st.st_size, limit_mb))
    try:
        with open(source, "rb") as f:
            data = f.read(limit + 1)
    except OSError as err:
        raise InputError(f"cannot read {shown}: {err.strerror or err}") from None
    if len(data) > limit:
        raise InputError(_too_big(shown, len(data), limit_mb))
    return data


def _too_big(shown: str, size: int, limit_mb: int) -> str:
    return (
        f"{shown} is {size / MB:.1f} MB; attachments are at most {limit_mb} MB "
        "(attachment_limit_mb in config.toml); nothing was changed"
    )


def attachments_of(journal: Journal, rid: str) -> list[Attachment]:
    """The attachments of record `rid`, in the order they were added."""
    return [a for a in journal.records("attachment").values() if a.record == rid]


def refuse_attachments(journal: Journal, rid: str, allowed: bool) -> list[Attachment]:
    """The attachments of `rid`; InputError when it has some and deleting them too is not
    `allowed` (the caller asks the user first)."""
    files = attachments_of(journal, rid)
    if files and not allowed:
        ids = ", ".join(f.id for f in files[:5]) + (", ..." if len(files) > 5 else "")
        raise InputError(
            f"{rid} has {counted(len(files), 'attachment')} ({ids}): deleting it deletes "
            "them too, for good (--with-attachments); nothing was changed"
        )
    return files


def attach(
    journal: Journal,
    rid: str,
    source: Path | str,
    *,
    note: str = "",
    limit_mb: int = DEFAULT_LIMIT_MB,
) -> Attachment:
    """Keep a copy of the file `source` with record `rid` (one undoable change).

    A promise with no evidence yet gets the file as its evidence. InputError (nothing
    changed) for a missing record, a file that is not there or too big, a bad note.
    """
    target = journal.get(rid)
    kind = kind_of_id(target.id)
    if kind is None or kind.name == "attachment":
        raise InputError("an attachment cannot have attachments: give the record's id")
    path = Path(source).expanduser()
    data = read_source(path, limit_mb)
    name = " ".join(path.name.split()) or "file"
    note = clean(KINDS["attachment"].field("note"), note)
    clean(KINDS["attachment"].field("name"), name)  # no control characters in the name
    sha = hashlib.sha256(data).hexdigest()
    codec = journal.storage.codec
    written: list[Path] = []

    def body() -> Attachment:
        current = journal.records(kind.name).get(target.id)
        if current is None:
            raise InputError(f"{target.id} was deleted by another program; nothing was changed")
        aid = journal._new_id(KINDS["attachment"])
        record = Attachment(
            id=aid,
            record=target.id,
            name=name,
            size=len(data),
            sha256=sha,
            added=journal.today,
            note=note,
        )
        stored: Attachment = journal._put(check_record(KINDS["attachment"], record))  # type: ignore[assignment]
        if isinstance(current, Promise) and not current.evidence.strip():
            journal._put(replace(current, evidence=_evidence(name, aid)))
        copy = _folder(journal.path) / aid
        try:
            write_atomically(copy, [stored_bytes(data, codec)])
        except OSError as err:
            raise JournalError(
                f"{copy}: could not keep the copy ({err.strerror or err}); nothing was changed"
            ) from None
        written.append(copy)
        return stored

    try:
        return journal._change(f"attach {name[:40]} to {journal.label(target.id)}", body)
    except BaseException:
        for copy in written:
            with contextlib.suppress(OSError):
                copy.unlink()
        raise


def _evidence(name: str, aid: str) -> str:
    """A promise's evidence when a file is its first: `file: letter.pdf (f3)`."""
    text = f"file: {name} ({aid})"
    return text if len(text) <= 2000 else f"file {aid}"


def read_back(journal: Journal, aid: str) -> tuple[Attachment, bytes]:
    """An attachment and its file's bytes, checked against its SHA-256 (JournalError when
    the copy is missing, cannot be opened or does not match)."""
    record = journal.get(aid, "attachment")
    assert isinstance(record, Attachment)
    return record, read_copy(journal.path, record, journal.storage.codec)


def read_copy(journal_path: Path, record: Attachment, codec: Codec | None) -> bytes:
    """The bytes of `record`'s copy, checked; JournalError saying what is wrong."""
    copy = copy_path(journal_path, record.id)
    try:
        fd = os.open(copy, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        raise JournalError(f"{record.id}: its copy is missing ({copy})") from None
    except OSError as err:
        raise JournalError(f"{record.id}: cannot read its copy ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as f:
        stored = f.read()
    data = content_of(stored, codec, record.id)
    if len(data) != record.size or hashlib.sha256(data).hexdigest() != record.sha256:
        raise JournalError(
            f"{record.id}: its copy does not match its SHA-256 (changed or damaged since "
            f"it was attached on {record.added.isoformat()})"
        )
    return data


def check_copies(
    journal_path: Path, tables: Mapping[str, Mapping[str, Any]], codec: Codec | None
) -> list[str]:
    """Every attachment whose copy is missing, unreadable or does not match its hash."""
    problems = []
    for record in tables.get(KINDS["attachment"].table, {}).values():
        try:
            read_copy(journal_path, record, codec)
        except JournalError as err:
            problems.append(str(err))
    return problems


def copies(journal_path: Path) -> list[Path]:
    """The attached files' copies in the folder beside the journal (by name: `f3`)."""
    folder = files_dir(journal_path)
    try:
        with os.scandir(folder) as entries:
            found = [
                folder / e.name
                for e in entries
                if _COPY.fullmatch(e.name) and e.is_file(follow_symlinks=False)
            ]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(found, key=lambda p: int(p.name[1:]))


_COPY = re.compile(r"f[1-9][0-9]{0,11}")


def remove_copies(journal_path: Path, ids: Iterable[str]) -> None:
    """Remove the copies of attachments `ids` (their records are gone), zeroed first."""
    folder = files_dir(journal_path)
    for aid in ids:
        copy = folder / aid
        with contextlib.suppress(OSError):
            fd = os.open(copy, os.O_WRONLY | os.O_NOFOLLOW)
            try:
                overwrite_with_zeros(fd, os.fstat(fd).st_size)
            finally:
                os.close(fd)
        with contextlib.suppress(OSError):
            copy.unlink()


def dangling(journal: JournalCore) -> str | None:
    """An attachment or decision whose record a change took away (None: none): such a
    change is refused (an undo of the record's adding, the current job cleared)."""
    for record in journal.records("attachment").values():
        kind = kind_of_id(record.record)
        if kind is None or record.record not in journal.records(kind.name):
            return (
                f"{record.record} has attached files ({record.id}): delete it with them "
                f"(leverage delete {record.record} --with-attachments); nothing was changed"
            )
    for decision in journal.records("decision").values():
        if decision.offer not in journal.offers:
            return (
                f"{decision.offer} has a decision ({decision.id}): delete the offer itself "
                "(it takes its decisions along); nothing was changed"
            )
    return None


def gone(touched: Iterable[tuple[Any, str, Record | None, Record | None]]) -> list[str]:
    """The attachments a change removed (their copies go too)."""
    final: dict[str, Record | None] = {}
    for _kind, rid, _before, after in touched:
        if rid[:1] == "f":
            final[rid] = after
    return [rid for rid, after in final.items() if after is None]
