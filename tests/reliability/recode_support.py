"""Helpers for the tests of encrypt, passphrase and restore cut short (kills, a full disk):
journals saved six times, and what a folder holds (how each file is stored, plain text,
strays)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reliability_support import TODAY

from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import decode_file, list_backups

OLD, NEW = "old passphrase words", "new passphrase words"
MARKER = "Quietly promised: VP title by March"
PLAIN_WORDS = (MARKER.encode(), b"Sybil", b"_leverage", b"promises")
CHEAP_N = 2**10

# -- what a folder holds -------------------------------------------------------------


def tables(raw: bytes, passphrases: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    """How a file is stored ("plain" or the passphrase that opens it) and its data."""
    if not raw.startswith(crypto.MAGIC):
        return "plain", decode_file(raw, Path("x"))[1]
    header = crypto.split(raw)[0]
    for passphrase in passphrases:
        codec = crypto.PassphraseCodec(passphrase, header)
        if codec.opens(header):
            return passphrase, decode_file(codec.decode(raw), Path("x"))[1]
    raise AssertionError("opens with no known passphrase")


def plain_files(folder: Path) -> list[str]:
    """Files under `folder` holding any word of the journal in plain text."""
    found = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            data = p.read_bytes()
            if any(w in data for w in PLAIN_WORDS):
                found.append(str(p.relative_to(folder)))
    return found


def stray_files(folder: Path, saves: bool = True) -> list[str]:
    """Temp, staging or zero-filled files left anywhere under `folder`.

    With `saves=False`, the journal's own temp files are not counted: the next save
    removes them (what runs after a kill may only have read).
    """
    found = []
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or (not saves and p.parent == folder and p.name.startswith(".j.")):
            continue
        data = p.read_bytes()
        if p.name.endswith((".tmp", ".part")) or ".recode." in p.name:
            found.append(p.name)
        elif data and not data.strip(b"\0") and not p.name.endswith(".lock"):
            found.append(f"{p.name} (zero-filled)")
    return found


@dataclass
class State:
    """The journal's data and each backup's data and date, to compare with later."""

    journal: dict[str, Any]
    backups: dict[str, dict[str, Any]]
    order: list[str]

    @classmethod
    def of(cls, path: Path, passphrases: tuple[str, ...]) -> State:
        """Read the journal and its backups, whichever way each is stored."""
        order = [b.name for b in list_backups(path)]
        return cls(
            tables(path.read_bytes(), passphrases)[1],
            {b.name: tables(b.read_bytes(), passphrases)[1] for b in list_backups(path)},
            order,
        )


# -- the journals ----------------------------------------------------------------------


def six_saves(path: Path, codec: Any = None) -> None:
    """A journal saved six times (five backups), the marker among its promises."""
    j = Journal(path, today=TODAY, codec=codec)
    j.add_conversation(["Sybil"], "Lead role talk")
    j.add_promise("You will lead Q3 planning", "Sybil", conversation="c1")
    j.add_promise(MARKER, "Sybil")
    j.add_promise("A raise in the spring", "Ana", category="pay")
    j.update_promise("p1", evidence="email from Sybil")
    j.add_offer("Acme", "Staff engineer", base=150000)


def make_template(root: Path, encrypted: bool) -> Path:
    """The journal every round starts from (a fresh copy each round)."""
    path = root / "template" / "data" / "j.json"
    codec = crypto.PassphraseCodec(OLD) if encrypted else None
    six_saves(path, codec)
    assert len(list_backups(path)) == 5
    return path


def fresh_copy(template: Path, root: Path, n: int) -> Path:
    """Round n's copy of the template folder (dates kept)."""
    target = root / f"round{n}"
    shutil.copytree(template.parent.parent, target)
    return target / "data" / "j.json"


def stored(path: Path) -> dict[str, str]:
    """How the journal and each listed backup are stored: plain, OLD, NEW or damaged."""
    found = {}
    for p in [path, *list_backups(path)]:
        try:
            found[p.name] = tables(p.read_bytes(), (OLD, NEW))[0]
        except Exception:  # noqa: BLE001 (zero-filled, cut short: all the same here)
            found[p.name] = "damaged"
    return found


class env_set:  # noqa: N801 (used like a function)
    """Set environment variables for a `with` block."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.saved: dict[str, str | None] = {}

    def __enter__(self) -> None:
        for k, v in self.env.items():
            self.saved[k] = os.environ.get(k)
            os.environ[k] = v

    def __exit__(self, *exc: object) -> None:
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
