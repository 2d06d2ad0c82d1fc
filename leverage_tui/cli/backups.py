"""Backups: list them and restore one.

The storage keeps each replaced version of the journal in `<journal>.backups/`, newest
first by the time it was saved. `leverage restore` lists them and copies one back in
place atomically, after setting the current file (even a damaged one) aside. An
encrypted journal stays encrypted: a plain backup is encrypted with its key as it is
put back. (Re-encoding the backups for encrypt and passphrase: core/recode.py.)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

from ..core import chain, crypto
from ..core.journal import Journal
from ..core.journal_file import add_backup
from ..core.recode import finish_pending, stored_as, stored_as_file
from ..core.registry import LISTED
from ..core.storage import (
    JournalError,
    decode_file,
    journal_lock,
    list_backups,
    read_journal,
    write_atomically,
)
from .common import Context, UsageError, print_json
from .records import counted
from .tables import table


def describe(backup: Path) -> dict[str, Any]:
    """What a backup holds: revision, date, size and record counts (None if unreadable)."""
    found = re.search(r"\.r(\d+)", backup.name)
    info: dict[str, Any] = {
        "name": backup.name,
        "path": str(backup),
        "revision": int(found.group(1)) if found else None,
        "saved": None,
        "size": None,
        "counts": None,
        "note": "",
    }
    try:
        st = backup.stat()
        info["saved"] = dt.datetime.fromtimestamp(st.st_mtime).isoformat(" ", "seconds")
        info["size"] = st.st_size
        raw = backup.read_bytes()
    except OSError as err:
        info["note"] = f"unreadable ({err.strerror or err})"
        return info
    try:
        if raw.startswith(crypto.MAGIC):
            passphrase = os.environ.get(crypto.PASSPHRASE_ENV)
            header = crypto.split(raw, backup)[0]
            info["note"] = "encrypted"
            if not passphrase:
                return info
            raw = crypto.PassphraseCodec(passphrase, header, path=backup).decode(raw)
        meta, data = decode_file(raw, backup)
    except JournalError as err:
        info["note"] = "wrong passphrase" if isinstance(err, crypto.WrongPassphrase) else "damaged"
        return info
    info["revision"] = meta.get("revision", info["revision"])
    info["counts"] = {kind.table: len(data.get(kind.table, {})) for kind in LISTED}
    return info


def _summary(counts: dict[str, int] | None, note: str) -> str:
    if counts is None:
        return note
    return ", ".join(counted(n, table) for table, n in counts.items() if n) or "empty"


def _pick(wanted: str, backups: list[Path], path: Path) -> Path:
    if wanted.isdigit() and 1 <= int(wanted) <= len(backups):
        return backups[int(wanted) - 1]
    by_name = {b.name: b for b in backups}
    if wanted in by_name:
        return by_name[wanted]
    given = Path(wanted).expanduser()
    if given.is_file() and given.resolve() != path.resolve():
        return given
    raise UsageError(f"no backup {wanted[:60]!r} (see the list: leverage restore)")


def _set_aside(path: Path) -> Path | None:
    """Keep the current journal file (whatever it holds) in the backups folder."""
    found = describe(path)
    rev = found["revision"] if isinstance(found["revision"], int) else 0
    return add_backup(path, f"{path.stem}.r{rev:07d}-before-restore")


def _put_back(data: bytes, path: Path) -> Path | None:
    """Write `data` over the journal atomically, the current file set aside first."""
    with journal_lock(path):
        aside = _set_aside(path) if path.exists() else None
        write_atomically(path, [data])
    return aside


def _encrypted_for(chosen: Path, data: bytes, ctx: Context, known: Any = None) -> bytes:
    """The plain backup `data` encrypted with the key of the (encrypted) journal
    (`known`: its codec, when it was already asked for)."""
    if known is not None:
        return bytes(known.encode(data))
    why = f"{chosen.name} is plain text and the journal is encrypted: it is put back encrypted"
    if crypto.PASSPHRASE_ENV not in os.environ and not sys.stdin.isatty():
        raise JournalError(
            f"{why}: set {crypto.PASSPHRASE_ENV} or run leverage in a terminal to type the "
            "journal's passphrase; nothing was changed"
        )
    try:
        codec = ctx.codec()
    except crypto.WrongPassphrase:
        raise
    except JournalError as err:
        raise JournalError(f"{why}, and the journal's key cannot be read: {err}") from None
    if codec is None:  # the journal changed meanwhile: no longer encrypted
        return data
    return bytes(codec.encode(data))


def _notes(data: bytes, before: bytes | None, path: Path) -> list[str]:
    """What the user must know about how the restored journal is stored."""
    now = stored_as(data)
    if before is None or before == now:
        return []
    if before == b"plain":
        plain = sum(not crypto.is_encrypted(b) for b in list_backups(path))
        notes = ["the journal is encrypted now, as this backup was (its passphrase opens it)"]
        if plain:
            notes.append(f"{plain} of its backups are plain text: encrypt them: leverage encrypt")
        return notes
    return ["this backup was encrypted with another passphrase: the journal opens with that one"]


def restore(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage restore [BACKUP]`: list the backups, or put one back."""
    path = ctx.path
    with contextlib.suppress(JournalError, OSError):
        finish_pending(path)  # an encrypt or passphrase change cut short: finish it first
    backups = list_backups(path)
    if args.backup is None:
        infos = [describe(b) for b in backups]
        if args.json:
            print_json(infos)
        elif not infos:
            print(f"no backups of {path} yet (one is kept each time the journal is saved)")
        else:
            print(f"backups of {path}, newest first (restore one: leverage restore NUMBER)")
            rows = [
                [str(i), f["name"], str(f["revision"] or "?"), f["saved"] or "?",
                 f"{f['size'] or 0:,} B", _summary(f["counts"], f["note"])]
                for i, f in enumerate(infos, 1)
            ]  # fmt: skip
            headers = ["#", "backup", "revision", "saved", "size", "records"]
            print(table(rows, headers, keep=(0, 1), text=5))
        return 0
    chosen = _pick(args.backup, backups, path)
    note = describe(chosen)["note"]
    if note == "damaged" or note.startswith("unreadable"):
        raise JournalError(f"{chosen}: this backup is {note} too; pick another (leverage restore)")
    if path.is_symlink() or path.is_dir():
        raise JournalError(f"{path}: is not a plain file; move it away, then restore")
    try:
        data = chosen.read_bytes()
    except OSError as err:
        raise JournalError(f"{chosen}: cannot read it ({err.strerror}); nothing changed") from None
    before = stored_as_file(path)  # None: no journal (or an unreadable one)
    old_chain, codec = _chain_of(path)  # the hash chain goes on after the restore (issue 15)
    encrypting = before is not None and before != b"plain" and stored_as(data) == b"plain"
    if encrypting:
        data = _encrypted_for(chosen, data, ctx, codec)
    try:
        aside = _put_back(data, path)
    except OSError as err:
        raise JournalError(
            f"{path}: could not restore ({err.strerror}); the journal is as it was"
        ) from None
    print(f"restored {chosen.name} to {path}")
    if encrypting:
        print("it was plain text: it is encrypted with the journal's passphrase, as before")
    for note in _notes(data, before, path):
        print(note)
    if aside is not None:
        print(f"the file it replaced is kept as {aside}")
    _rejoin(path, ctx, old_chain, codec, chosen.name)
    return 0


def _chain_of(path: Path) -> tuple[dict[str, Any] | None, Any]:
    """The hash chain of the journal about to be replaced (None: none, or unreadable),
    and the codec that opened it (None: plain, or not opened)."""
    try:
        codec = crypto.codec_for(path) if crypto.is_encrypted(path) else None
        loaded = read_journal(path, codec)
    except (JournalError, OSError):
        return None, None
    return (chain.carried(loaded[1]) if loaded is not None else None), codec


def _rejoin(path: Path, ctx: Context, old: dict[str, Any] | None, codec: Any, name: str) -> None:
    """Carry the journal's hash chain on past the restore, or say why it cannot be."""
    if old is None:
        print("the hash chain is the backup's own (the journal it replaced had none readable)")
        return
    try:
        codec = codec if crypto.is_encrypted(path) else None
        opened = Journal(path, today=ctx.today, backups=0, codec=codec)  # no backup of it
        added = chain.rejoin(opened, old, f"restore of {name[:60]}")
    except JournalError as err:
        print(f"the hash chain is the backup's own: the journal's could not be carried on ({err})")
        return
    print(f"the hash chain goes on: {counted(added, 'record')} changed by the restore recorded")
