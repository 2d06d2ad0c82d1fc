"""Commands that protect the journal: encrypt, decrypt, passphrase, restore.

encrypt, passphrase and decrypt re-encode the journal and its backups through
core/recode.py: killed, or out of disk space, at any moment, they leave the old state or
the new one. What an interrupted run left half done is finished by running the same
command again, or by any command that opens the journal.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..core import crypto, recode
from ..core.attachments import copies
from ..core.storage import Codec, JournalError, list_backups, read_journal
from .backups import restore
from .common import Context, UsageError
from .records import command, counted

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
    """A new passphrase from `env`, else typed twice at the terminal (short: a warning)."""
    given = os.environ.get(env)
    if given is not None:
        if not given.strip():
            raise UsageError(f"{env} is empty; nothing was changed")
        chosen = given
    else:
        if not sys.stdin.isatty():
            raise UsageError(f"no terminal to ask for the new passphrase: set {env}")
        chosen = crypto.ask("New passphrase: ")
        if not chosen.strip():
            raise UsageError("the passphrase is empty; nothing was changed")
        if crypto.ask("The same passphrase again: ") != chosen:
            raise UsageError("the two passphrases differ; nothing was changed")
    if len(chosen) < crypto.MIN_PASSPHRASE:
        print(
            f"leverage: warning: the passphrase is shorter than {crypto.MIN_PASSPHRASE} "
            "characters, so it is easy to guess (change it any time: leverage passphrase)",
            file=sys.stderr,
        )
    return chosen


# -- re-encoding -----------------------------------------------------------------------


def _finish(ctx: Context) -> int:
    """Finish a re-encoding an earlier run left half done; backups it replaced."""
    try:
        return recode.finish_pending(ctx.path)
    except OSError as err:
        raise JournalError(
            f"{ctx.path}: could not finish what an interrupted encrypt or passphrase change "
            f"left ({err.strerror or err}); nothing else was changed: try again"
        ) from None


def _recode(ctx: Context, old: Codec | None, new: Codec | None, command: str) -> recode.Recoded:
    """Re-encode the journal and its backups; a failure says what to run to finish."""
    try:
        return recode.recode(ctx.path, old, new)
    except recode.RecodeError as err:
        if not err.committed:
            raise JournalError(
                f"{ctx.path}: could not {command} ({err.reason}); nothing was changed"
            ) from None
        raise JournalError(
            f"{ctx.path}: the journal is done but some of its backups are not yet "
            f"({err.reason}); run `leverage {command}` again to finish them"
        ) from None


def encrypt(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage encrypt`: encrypt the journal and its backups (or finish doing so)."""
    finished = _finish(ctx)
    if crypto.is_encrypted(ctx.path):
        plain_copies = any(not crypto.is_encrypted(c) for c in copies(ctx.path))
        if plain_copies or any(not crypto.is_encrypted(b) for b in list_backups(ctx.path)):
            codec = ctx.codec()  # plain backups beside it: encrypt them with its key
            finished += _recode(ctx, codec, codec, "encrypt").done
        if not finished:
            raise UsageError(
                "the journal and all its backups are already encrypted "
                "(change the passphrase: leverage passphrase)"
            )
        print(f"finished encrypting {ctx.path}: {counted(finished, 'more backup')} encrypted now")
        print("the journal and all its backups are encrypted")
        return 0
    read_journal(ctx.path)  # a damaged journal is said before asking anything
    codec = crypto.PassphraseCodec(new_passphrase(crypto.PASSPHRASE_ENV), path=ctx.path)
    done = _recode(ctx, None, codec, "encrypt")
    print(f"encrypted {ctx.path}")
    if done.done:
        older = counted(done.done, "older backup")
        print(f"{older} encrypted too; their plain text was overwritten")
    if done.files:
        files = counted(done.files, "attached file")
        print(f"{files} encrypted too; their plain text was overwritten")
    if done.left:
        print(f"{counted(done.left, 'backup')} with another passphrase: left as it was")
    print("keep the passphrase safe: without it nobody, you included, can open the journal")
    return 0


def decrypt(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage decrypt`: store the journal and its backups as plain text again."""
    finished = _finish(ctx)
    if not crypto.is_encrypted(ctx.path):
        if finished:
            more = counted(finished, "more backup")
            print(f"finished decrypting {ctx.path}: {more} stored as plain text now")
            return 0
        raise UsageError("the journal is not encrypted")
    old = ctx.codec()
    done = _recode(ctx, old, None, "decrypt")
    print(
        f"decrypted {ctx.path}: it is stored as plain text now; {counted(done.done, 'backup')} too"
    )
    if done.files:
        print(f"{counted(done.files, 'attached file')} stored as plain text too")
    if done.left:
        print(f"{counted(done.left, 'backup')} with another passphrase: left encrypted")
    return 0


def change_passphrase(args: argparse.Namespace, ctx: Context) -> int:
    """`leverage passphrase`: change the passphrase of the journal and its backups."""
    finished = _finish(ctx)
    if not crypto.is_encrypted(ctx.path):
        raise UsageError("the journal is not encrypted (encrypt it: leverage encrypt)")
    if finished:  # the old passphrase may no longer open anything: do not ask for it
        print(
            f"finished the change that was cut short: the journal's passphrase opens "
            f"{counted(finished, 'more backup')} of {ctx.path} now; nothing else was changed"
        )
        return 0
    try:
        old = ctx.codec()
    except crypto.WrongPassphrase as err:
        raise crypto.WrongPassphrase(
            f"{err} (if a passphrase change was cut short, the new one may open it already)"
        ) from None
    read_journal(ctx.path, old)  # a damaged journal is said before asking anything
    codec = crypto.PassphraseCodec(new_passphrase(NEW_PASSPHRASE_ENV), path=ctx.path)
    done = _recode(ctx, old, codec, "passphrase")
    print(f"changed the passphrase of {ctx.path} and of {counted(done.done, 'backup')}")
    if done.files:
        print(f"{counted(done.files, 'attached file')} re-encrypted with it too")
    if done.left:
        print(f"{counted(done.left, 'backup')} made with an older passphrase: left as it was")
    return 0
