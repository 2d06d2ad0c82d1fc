"""Encryption at rest (opt-in): a passphrase, scrypt, and AES-GCM.

An encrypted journal file is::

    LEVERAGE-ENCRYPTED\\n
    {"check": ..., "kdf": "scrypt", "n": 131072, "p": 1, "r": 8, "salt": ..., "v": 1}\\n
    nonce (12 random bytes, fresh on every write) + AES-GCM ciphertext and tag

scrypt turns the passphrase and the random salt into 64 bytes: the first 32 are the
AES-256 key, the last 16 are kept in the header as `check`, so a wrong passphrase is told
apart from a damaged file without decrypting anything. The header line is the AES-GCM
associated data, so changing it is detected like changing the ciphertext. The key is
derived once per process and passphrase (it takes a third of a second on purpose). A file
keeps the scrypt cost it was written with until its passphrase changes; a header asking
for far more than this version writes is a damaged file, not minutes of work.

While a codec exists (the journal is unlocked) the process writes no core file.

Encryption is a storage `Codec`: the storage encrypts before it writes anything, so temp
files and backups (old versions of the file) are encrypted too.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import getpass
import hashlib
import hmac
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import Any

from .journal_file import MAGIC as MAGIC  # part of the file format this module writes
from .journal_file import is_encrypted as is_encrypted  # where callers look for it
from .recode import finish_pending
from .storage import JournalError, way_out

VERSION = 1
"""The version of the encrypted file format this Leverage writes."""
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
"""scrypt cost for new passphrases (OWASP's minimum): about 0.35 s and 128 MB."""
MAX_N, MAX_R, MAX_P, MAX_WORK = 2**18, 16, 4, 2**21
"""The most a file's header may ask for: n*r*p at most twice what this version writes
(256 MB, under a second); a header asking for more is a damaged file."""
MAX_HEADER = 1024
"""The longest header line read (this version writes about 150 bytes)."""
MIN_PASSPHRASE = 8
"""A new passphrase shorter than this is accepted with a warning."""
PASSPHRASE_ENV = "LEVERAGE_PASSPHRASE"
"""Environment variable holding the passphrase, for scripts and tests."""
NONCE_SIZE = 12
_CHECK_SIZE = 16
_KEYS: dict[tuple[bytes, bytes, int, int, int], bytes] = {}


class WrongPassphrase(JournalError):
    """The passphrase does not open this journal."""


def new_header() -> dict[str, Any]:
    """A header for a new passphrase: current scrypt cost, fresh random salt."""
    salt = base64.b64encode(os.urandom(16)).decode()
    return {"v": VERSION, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": salt}  # fmt: skip


def _damaged(path: Path | None, what: str) -> JournalError:
    if path is None:
        return JournalError(f"the encrypted journal is damaged ({what})")
    return JournalError(f"{path}: the encrypted journal is damaged ({what}); {way_out(path)}")


def split(stored: bytes, path: Path | None = None) -> tuple[dict[str, Any], bytes, bytes]:
    """The header, the header line and the rest (nonce + ciphertext) of an encrypted file."""
    if not stored.startswith(MAGIC):
        raise _damaged(path, "it does not start with LEVERAGE-ENCRYPTED")
    line, newline, rest = stored[len(MAGIC) :].partition(b"\n")
    if not newline:
        raise _damaged(path, "the header is cut short")
    if len(line) > MAX_HEADER:
        raise _damaged(path, "the header is far too long")
    try:
        header = json.loads(line)
        salt = base64.b64decode(header["salt"], validate=True)
        n, r, p = header["n"], header["r"], header["p"]
        ok = header["v"] == VERSION and header["kdf"] == "scrypt" and len(salt) >= 16
        ok = ok and isinstance(header["check"], str)
        ok = ok and all(type(x) is int for x in (n, r, p)) and n & (n - 1) == 0
        ok = ok and n >= 2**10 and r >= 1 and p >= 1
        costly = ok and (n > MAX_N or r > MAX_R or p > MAX_P or n * r * p > MAX_WORK)
    except (ValueError, KeyError, TypeError, RecursionError, binascii.Error):
        raise _damaged(path, "the header is not readable") from None
    if isinstance(header.get("v"), int) and header["v"] > VERSION:
        where = f"{path}: " if path is not None else ""
        raise JournalError(f"{where}encrypted by a newer Leverage: upgrade Leverage to open it")
    if not ok:
        raise _damaged(path, "the header has unknown settings")
    if costly:
        cost = f"n={n}, r={r}, p={p}"
        raise _damaged(path, f"its header asks for a key derivation ({cost}) far too costly")
    if len(rest) < NONCE_SIZE + 16:
        raise _damaged(path, "the file is cut short")
    return header, line, rest


def read_header(path: Path) -> dict[str, Any]:
    """The header of the encrypted journal at `path` (JournalError when damaged)."""
    try:
        stored = path.read_bytes()
    except OSError as err:
        raise JournalError(f"{path}: cannot read the journal ({err.strerror})") from None
    return split(stored, path)[0]


def no_core_dumps() -> None:
    """From now on this process writes no core file (it would hold the key, the text)."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _derive(passphrase: str, header: dict[str, Any]) -> bytes:
    """scrypt(passphrase, salt) -> 64 bytes, computed once per process."""
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")
    salt = base64.b64decode(header["salt"])
    n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
    cache_key = (hashlib.sha256(secret).digest(), salt, n, r, p)
    if cache_key not in _KEYS:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # slow import: on use

        _KEYS[cache_key] = Scrypt(salt=salt, length=32 + _CHECK_SIZE, n=n, r=r, p=p).derive(secret)
    return _KEYS[cache_key]


class PassphraseCodec:
    """Encrypts the journal's bytes with a passphrase (a storage Codec)."""

    def __init__(
        self, passphrase: str, header: dict[str, Any] | None = None, *, path: Path | None = None
    ) -> None:
        """A codec for `passphrase`; `header` from an existing file keeps its salt."""
        no_core_dumps()
        if not passphrase:
            raise JournalError("the passphrase is empty")
        self.path = Path(path) if path is not None else None
        self._passphrase = passphrase
        base = {k: v for k, v in (header or new_header()).items() if k != "check"}
        derived = _derive(passphrase, base)
        self._key = derived[:32]
        self.header = base | {"check": base64.b64encode(derived[32:]).decode()}
        self._line = json.dumps(self.header, sort_keys=True, separators=(",", ":")).encode()

    def opens(self, header: dict[str, Any]) -> bool:
        """True when this passphrase is the one that `header` was written with."""
        derived = _derive(self._passphrase, header)
        stored = str(header.get("check", "")).encode("utf-8", "surrogatepass")
        return hmac.compare_digest(base64.b64encode(derived[32:]), stored)

    def encode(self, plain: bytes) -> bytes:
        """The encrypted file for `plain`, with a fresh random nonce."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE_SIZE)
        sealed = AESGCM(self._key).encrypt(nonce, plain, self._line)
        return MAGIC + self._line + b"\n" + nonce + sealed

    def decode(self, stored: bytes) -> bytes:
        """The plain bytes of an encrypted file; JournalError when it cannot be opened."""
        header, line, rest = split(stored, self.path)
        if not self.opens(header):
            raise WrongPassphrase(f"wrong passphrase for {self.path or 'the journal'}; try again")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = self._key if line == self._line else _derive(self._passphrase, header)[:32]
        try:
            return AESGCM(key).decrypt(rest[:NONCE_SIZE], rest[NONCE_SIZE:], line)
        except InvalidTag:
            raise _damaged(self.path, "it was changed or cut short after it was written") from None


def unlock(path: Path, passphrase: str) -> PassphraseCodec:
    """A codec for the encrypted journal at `path`; WrongPassphrase when it does not fit."""
    if not passphrase:
        raise WrongPassphrase("the passphrase is empty; type the journal's passphrase")
    header = read_header(path)
    codec = PassphraseCodec(passphrase, header, path=path)
    if not codec.opens(header):
        raise WrongPassphrase(f"wrong passphrase for {path}; try again")
    return codec


def ask(prompt: str) -> str:
    """Read a passphrase from the terminal without echo."""
    no_core_dumps()
    return getpass.getpass(prompt)


def codec_for(path: Path | str) -> PassphraseCodec | None:
    """The codec to open the journal at `path`: None when it is not encrypted.

    The passphrase comes from LEVERAGE_PASSPHRASE, else it is asked (three tries) when
    a terminal is attached, else JournalError. An encrypt or passphrase change that was
    cut short is finished first (see recode.py); if it cannot be now, the next save does.
    """
    path = Path(path)
    with contextlib.suppress(JournalError, OSError):
        finish_pending(path)
    if not is_encrypted(path):
        return None
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return unlock(path, given)
    if not sys.stdin.isatty():
        raise JournalError(
            f"{path}: the journal is encrypted: set {PASSPHRASE_ENV} "
            "or run leverage in a terminal to type the passphrase"
        )
    for attempt in range(3):
        try:
            return unlock(path, ask(f"Passphrase for {path}: "))
        except WrongPassphrase as err:
            if attempt == 2:
                raise
            print(f"leverage: {err}", file=sys.stderr)
    raise AssertionError("unreachable")
