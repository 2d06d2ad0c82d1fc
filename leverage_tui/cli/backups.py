"""Backups: list them, restore one, and re-encode them when the encryption changes.

The storage keeps each replaced version of the journal in `<journal>.backups/`, newest
first by the time it was saved. `leverage restore` lists them and copies one back in
place atomically, after setting the current file (even a damaged one) aside.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from ..core import crypto
from ..core.journal_file import add_backup
from ..core.registry import LISTED
from ..core.storage import (
    Codec,
    JournalError,
    decode_file,
    journal_lock,
    list_backups,
    write_atomically,
)
from .common import Context, UsageError, print_json, table
from .records import counted


def _replace_backup(path: Path, data: bytes, scrub: bool) -> None:
    """Rewrite one backup in place (same name and date), overwriting plain text first."""
    st = path.stat()
    fd, tmp = tempfile.mkstemp(prefix=".recode.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        if scrub and st.st_nlink == 1:
            with open(path, "r+b") as old:
                old.write(b"\0" * st.st_size)
                old.flush()
                os.fsync(old.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def recode_backups(path: Path, old: Codec | None, new: Codec | None) -> tuple[int, int]:
    """Re-encode every backup from `old` to `new`; (rewritten, left as they were)."""
    done = left = 0
    for backup in list_backups(path):
        try:
            raw = backup.read_bytes()
        except OSError:
            left += 1
            continue
        encrypted = raw.startswith(crypto.MAGIC)
        if encrypted and old is None:
            left += 1
            continue
        try:
            plain = old.decode(raw) if encrypted and old is not None else raw
        except JournalError:
            left += 1
            continue
        if not encrypted and new is None:
            continue
        try:
            _replace_backup(backup, new.encode(plain) if new else plain, scrub=not encrypted)
        except OSError as err:
            raise JournalError(
                f"{backup}: could not rewrite this backup ({err.strerror}); "
                "the journal itself is done: run the command again to finish the backups"
            ) from None
        done += 1
    return done, left


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


def _put_back(chosen: Path, path: Path) -> Path | None:
    """Copy `chosen` over the journal atomically, the current file set aside first."""
    data = chosen.read_bytes()
    with journal_lock(path):
        aside = _set_aside(path) if path.exists() else None
        write_atomically(path, [data])
    return aside


def restore(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage restore [BACKUP]`: list the backups, or put one back."""
    path = ctx.path
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
            print(table(rows, ["#", "backup", "revision", "saved", "size", "records"]))
        return 0
    chosen = _pick(args.backup, backups, path)
    note = describe(chosen)["note"]
    if note == "damaged" or note.startswith("unreadable"):
        raise JournalError(f"{chosen}: this backup is {note} too; pick another (leverage restore)")
    if path.is_symlink() or path.is_dir():
        raise JournalError(f"{path}: is not a plain file; move it away, then restore")
    try:
        aside = _put_back(chosen, path)
    except OSError as err:
        raise JournalError(
            f"{path}: could not restore ({err.strerror}); the journal is as it was"
        ) from None
    print(f"restored {chosen.name} to {path}")
    if aside is not None:
        print(f"the file it replaced is kept as {aside}")
    return 0
