"""Commands that protect the journal: encrypt, decrypt, passphrase, restore."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..core import crypto
from ..core.storage import Codec
from .backups import recode_backups, restore
from .common import Context, UsageError
from .records import command

NEW_PASSPHRASE_ENV = "LEVERAGE_NEW_PASSPHRASE"
"""Environment variable with the new passphrase for `leverage passphrase` in scripts."""


def register(sub: Any) -> None:
    """Add encrypt, decrypt, passphrase and restore."""
    command(
        sub,
        "encrypt",
        "encrypt the journal and its backups with a passphrase",
        ["leverage encrypt", "LEVERAGE_PASSPHRASE=... leverage encrypt"],
        encrypt,
    )
    command(
        sub,
        "decrypt",
        "store the journal and its backups as plain text again",
        ["leverage decrypt"],
        decrypt,
    )
    command(
        sub,
        "passphrase",
        "change the passphrase (the current one, then the new twice)",
        [
            "leverage passphrase",
            "LEVERAGE_PASSPHRASE=old LEVERAGE_NEW_PASSPHRASE=new leverage passphrase",
        ],
        change_passphrase,
    )
    p = command(
        sub,
        "restore",
        "list the backups, newest first, or put one back "
        "(the current file, even a damaged one, is kept aside first)",
        ["leverage restore", "leverage restore 1", "leverage restore PATH"],
        restore,
    )
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="its number, name or path")
    p.add_argument("--json", action="store_true", help="list the backups as JSON")  # fmt: skip


# -- passphrases ---------------------------------------------------------------------


def new_passphrase(env: str) -> str:
    """A new passphrase from `env`, else typed twice at the terminal."""
    given = os.environ.get(env)
    if given is not None:
        if not given.strip():
            raise UsageError(f"{env} is empty; nothing was changed")
        return given
    if not sys.stdin.isatty():
        raise UsageError(f"no terminal to ask for the new passphrase: set {env}")
    first = crypto.ask("New passphrase: ")
    if not first.strip():
        raise UsageError("the passphrase is empty; nothing was changed")
    if crypto.ask("The same passphrase again: ") != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    if len(first) < 10:
        print("leverage: warning: a short passphrase is easy to guess", file=sys.stderr)
    return first


def _rewrite(ctx: Context, codec: Codec | None) -> None:
    """Save the whole journal again with `codec` (None: plain), atomically."""
    storage = ctx.journal().storage
    old = storage.codec
    try:
        with storage.transaction():
            storage.codec = codec
            storage.write(storage.read())
    except BaseException:
        storage.codec = old
        raise


def encrypt(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage encrypt`: encrypt the journal and its backups."""
    if crypto.is_encrypted(ctx.path):
        raise UsageError("the journal is already encrypted (change it: leverage passphrase)")
    ctx.journal()
    codec = crypto.PassphraseCodec(new_passphrase(crypto.PASSPHRASE_ENV), path=ctx.path)
    _rewrite(ctx, codec)
    done, _ = recode_backups(ctx.path, None, codec)
    print(f"encrypted {ctx.path}")
    print(f"{done} older backups were encrypted too; their plain text was overwritten")
    print("keep the passphrase safe: without it nobody, you included, can open the journal")
    return 0


def decrypt(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage decrypt`: store the journal and its backups as plain text again."""
    if not crypto.is_encrypted(ctx.path):
        raise UsageError("the journal is not encrypted")
    old = ctx.journal().storage.codec
    _rewrite(ctx, None)
    done, left = recode_backups(ctx.path, old, None)
    print(f"decrypted {ctx.path}: it is stored as plain text now; {done} backups too")
    if left:
        print(f"{left} backups use another passphrase and stay encrypted")
    return 0


def change_passphrase(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage passphrase`: change the passphrase of the journal and its backups."""
    if not crypto.is_encrypted(ctx.path):
        raise UsageError("the journal is not encrypted (encrypt it: leverage encrypt)")
    old = ctx.journal().storage.codec
    codec = crypto.PassphraseCodec(new_passphrase(NEW_PASSPHRASE_ENV), path=ctx.path)
    _rewrite(ctx, codec)
    done, left = recode_backups(ctx.path, old, codec)
    print(f"changed the passphrase of {ctx.path} and of {done} backups")
    if left:
        print(f"{left} backups were made with an older passphrase and keep it")
    return 0
