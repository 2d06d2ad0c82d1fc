"""Encryption at rest: scrypt + AES-GCM, no plain text on disk ever, clear refusals."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import (
    PYTHON,
    REPO,
    TODAY,
    folder_files,
    one_line_error,
    run_cli,
    small_journal,
)

from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import JournalError, list_backups

MARKER = "Quietly promised: VP title by March"
PASS = "correct horse battery staple"


def cli(path: Path, *args: str):  # type: ignore[no-untyped-def]
    """`leverage --journal PATH ARGS...` in this process."""
    return run_cli("--journal", str(path), *args)


def plain_anywhere(folder: Path) -> list[str]:
    """Files under `folder` that hold the marker or the journal's other words."""
    words = (MARKER.encode(), b"Sybil", b"_leverage", b"promises")
    return [name for name, data in folder_files(folder).items() if any(w in data for w in words)]


@pytest.fixture
def encrypted(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal with the marker, encrypted with PASS through `leverage encrypt`."""
    small_journal(path).add_promise(MARKER, "Sybil")
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    result = cli(path, "encrypt")
    assert result.code == 0, result.err
    assert "encrypted too; their plain text was overwritten" in result.out
    return path


def test_encrypt_leaves_no_plain_text_anywhere_even_in_old_backups(encrypted: Path) -> None:
    assert crypto.is_encrypted(encrypted)
    assert plain_anywhere(encrypted.parent) == []
    backups = list_backups(encrypted)
    # the four saves' backups, encrypted; encrypt adds none (the records did not change)
    assert len(backups) == 4 and all(crypto.is_encrypted(b) for b in backups)
    listed = cli(encrypted, "list", "promises", "--json")
    assert listed.code == 0 and MARKER in [p["text"] for p in listed.json]


def test_no_plain_text_is_written_by_later_saves_temp_files_included(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bytes] = []
    real_replace = os.replace

    def spy(src: str | Path, dst: str | Path) -> None:  # every temp file, just before it lands
        seen.append(Path(src).read_bytes())
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    journal = Journal(encrypted, today=TODAY, codec=crypto.codec_for(encrypted))
    for i in range(5):
        journal.add_promise(f"{MARKER} #{i}", "Sybil")
    journal.update_promise("p1", evidence=MARKER)
    assert len(seen) == 6
    assert all(s.startswith(crypto.MAGIC) and MARKER.encode() not in s for s in seen)
    nonces = {s.split(b"\n", 2)[2][: crypto.NONCE_SIZE] for s in seen}
    assert len(nonces) == 6  # a fresh nonce on every write
    assert plain_anywhere(encrypted.parent) == []


def test_without_the_passphrase_every_command_exits_1_clearly(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = encrypted.read_bytes()
    monkeypatch.delenv("LEVERAGE_PASSPHRASE")
    for args in (["list", "promises"], ["add", "promise", "--by", "A", "x"], ["check"]):
        result = cli(encrypted, *args)
        assert result.code == 1
        assert "encrypted" in one_line_error(result) and "LEVERAGE_PASSPHRASE" in result.err
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", "not the passphrase")
    result = cli(encrypted, "add", "promise", "--by", "A", "x")
    assert result.code == 1 and "wrong passphrase" in one_line_error(result)
    assert encrypted.read_bytes() == before


def test_passphrase_change_re_encrypts_the_journal_and_backups(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVERAGE_NEW_PASSPHRASE", "a brand new passphrase")
    result = cli(encrypted, "passphrase")
    assert result.code == 0, result.err
    for candidate in [encrypted, *list_backups(encrypted)]:
        with pytest.raises(crypto.WrongPassphrase):
            crypto.unlock(candidate, PASS)
        crypto.unlock(candidate, "a brand new passphrase")
    assert cli(encrypted, "list", "promises").code == 1  # the old one no longer works
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", "a brand new passphrase")
    assert MARKER in cli(encrypted, "list", "promises").out


def test_decrypt_gives_back_plain_journal_and_backups(encrypted: Path) -> None:
    result = cli(encrypted, "decrypt")
    assert result.code == 0, result.err
    assert not any(crypto.is_encrypted(p) for p in [encrypted, *list_backups(encrypted)])
    assert MARKER.encode() in encrypted.read_bytes()
    assert cli(encrypted, "check").code == 0
    assert cli(encrypted, "decrypt").code == 2  # not encrypted any more


def test_encrypt_twice_or_an_empty_passphrase_is_refused(
    encrypted: Path, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = encrypted.read_bytes()
    assert cli(encrypted, "encrypt").code == 2
    assert encrypted.read_bytes() == before
    other = path.parent / "other.json"
    small_journal(other)
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", "  ")
    plain = other.read_bytes()
    result = cli(other, "encrypt")
    assert result.code == 2 and "empty" in one_line_error(result)
    assert other.read_bytes() == plain


def test_at_a_terminal_the_passphrase_is_asked_twice_without_echo(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_journal(path)
    answers = iter(["typed secret words", "typed secret wordz"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(crypto, "ask", lambda prompt: next(answers))
    result = cli(path, "encrypt")
    assert result.code == 2 and "differ" in one_line_error(result)
    assert not crypto.is_encrypted(path)
    answers = iter(["typed secret words"] * 2 + ["wrong", "wrong", "typed secret words"])
    assert cli(path, "encrypt").code == 0
    assert cli(path, "list", "promises").code == 0  # third try is right
    answers = iter(["wrong"] * 3)
    result = cli(path, "list", "promises")
    assert result.code == 1 and "wrong passphrase" in result.err


def test_the_key_is_derived_once_per_process_not_per_write(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    real = Scrypt.derive
    monkeypatch.setattr(Scrypt, "derive", lambda self, k: calls.append(1) or real(self, k))
    journal = Journal(path, today=TODAY, codec=crypto.PassphraseCodec("once only please"))
    for i in range(10):
        journal.add_promise(f"promise {i}", "Ana")
    Journal(path, today=TODAY, codec=crypto.unlock(path, "once only please"))
    assert len(calls) == 1


def test_tampering_and_truncation_are_told_apart_from_a_wrong_passphrase(
    encrypted: Path,
) -> None:
    data = encrypted.read_bytes()
    codec = crypto.unlock(encrypted, PASS)
    flipped = bytearray(data)
    flipped[-5] ^= 1
    for bad in (bytes(flipped), data[:-40], data.replace(b'"v":1}', b'"v":1,"x":0}')):
        with pytest.raises(JournalError) as err:
            codec.decode(bad)
        assert "damaged" in str(err.value) and not isinstance(err.value, crypto.WrongPassphrase)
    with pytest.raises(JournalError, match="newer Leverage"):
        codec.decode(data.replace(b'"v":1', b'"v":2'))
    assert codec.decode(data).startswith(b"{")


def test_a_plain_writer_cannot_overwrite_an_encrypted_journal(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_app = Journal(path, today=TODAY)  # e.g. the app, open before `encrypt` ran
    plain_app.add_promise("before", "Ana")
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    assert cli(path, "encrypt").code == 0
    before = path.read_bytes()
    with pytest.raises(JournalError, match="encrypted"):
        plain_app.add_promise("after", "Ana")
    assert path.read_bytes() == before


def test_restore_of_an_encrypted_journal_works_without_decrypting(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEVERAGE_PASSPHRASE")
    listed = cli(encrypted, "restore", "--json").json
    assert listed and all(i["note"] == "encrypted" and i["counts"] is None for i in listed)
    assert cli(encrypted, "restore", "2").code == 0
    assert plain_anywhere(encrypted.parent) == []
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    assert cli(encrypted, "check").code == 0
    assert cli(encrypted, "restore", "--json").json[0]["counts"] is not None


# -- the key derivation's cost, hostile headers, core files, short passphrases ----------


def with_header(data: bytes, **changes: object) -> bytes:
    """An encrypted file whose header line has `changes` (the rest as it was)."""
    line, rest = data[len(crypto.MAGIC) :].split(b"\n", 1)
    header = json.loads(line) | changes
    return crypto.MAGIC + json.dumps(header).encode() + b"\n" + rest


def test_new_passphrases_cost_n_2_17_and_old_files_move_to_it_on_the_next_change(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P) >= (2**17, 8, 1)
    with monkeypatch.context() as older:  # a journal encrypted by an older Leverage
        older.setattr(crypto, "SCRYPT_N", 2**15)
        six = Journal(path, today=TODAY, codec=crypto.PassphraseCodec(PASS))
        for i in range(3):
            six.add_promise(f"{MARKER} {i}", "Sybil")
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    assert cli(path, "add", "promise", "--by", "Ana", "Still opens").code == 0
    assert crypto.read_header(path)["n"] == 2**15  # a save keeps the file's cost
    monkeypatch.setenv("LEVERAGE_NEW_PASSPHRASE", "a brand new passphrase")
    assert cli(path, "passphrase").code == 0
    for candidate in [path, *list_backups(path)]:
        header = crypto.read_header(candidate)
        assert (header["n"], header["r"], header["p"]) == (2**17, 8, 1), candidate


@pytest.mark.parametrize(
    "cost", [(2**19, 8, 1), (2**20, 32, 1), (2**17, 8, 16), (2**17, 64, 1), (2**40, 8, 1)]
)
def test_an_absurd_key_derivation_cost_is_a_damaged_file_not_minutes_of_work(
    encrypted: Path, cost: tuple[int, int, int]
) -> None:
    n, r, p = cost
    encrypted.write_bytes(with_header(encrypted.read_bytes(), n=n, r=r, p=p))
    for args in (["check"], ["list", "promises"], ["restore", "--json"]):
        started = time.monotonic()
        result = cli(encrypted, *args)
        assert time.monotonic() - started < 2
        if args[0] == "restore":
            assert result.code == 0  # the list is still shown
            continue
        assert result.code == 1
        assert "damaged" in one_line_error(result) and "key derivation" in result.err


def test_the_cost_this_version_writes_and_a_little_more_is_read(encrypted: Path) -> None:
    data = encrypted.read_bytes()
    for n, r, p in [(2**17, 8, 1), (2**18, 8, 1), (2**17, 16, 1), (2**10, 1, 1)]:
        header = crypto.split(with_header(data, n=n, r=r, p=p))[0]
        assert (header["n"], header["r"], header["p"]) == (n, r, p)


COMMANDS = [
    ["list", "promises"], ["check"], ["add", "promise", "--by", "Ana", "x"], ["timeline"],
    ["review"], ["export", "--format", "json"], ["flags"], ["restore", "1"], ["passphrase"],
    ["decrypt"], ["encrypt"], ["update", "promise", "p1", "--due", "2027-01-01"],
]  # fmt: skip


@pytest.mark.parametrize("depth", [100_000, 400])
def test_a_deeply_nested_header_is_a_damaged_file_in_every_command(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, depth: int
) -> None:
    monkeypatch.setenv("LEVERAGE_NEW_PASSPHRASE", "a brand new passphrase")
    data = encrypted.read_bytes()
    rest = data[len(crypto.MAGIC) :].split(b"\n", 1)[1]
    nested = b'{"v":1,"x":' + b"[" * depth + b"]" * depth + b"}"
    for backup in list_backups(encrypted):
        backup.write_bytes(crypto.MAGIC + nested + b"\n" + rest)
    encrypted.write_bytes(crypto.MAGIC + nested + b"\n" + rest)
    for args in COMMANDS:
        result = cli(encrypted, *args)
        assert result.code in (1, 2), (args, result)
        assert "Traceback" not in result.err and "RecursionError" not in result.err
        line = one_line_error(result)
        assert "damaged" in line or "already encrypted" in line, (args, line)


def test_an_unlocked_journal_writes_no_core_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    calls: list[tuple[int, tuple[int, int]]] = []
    monkeypatch.setattr(resource, "setrlimit", lambda what, limits: calls.append((what, limits)))
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    crypto.PassphraseCodec("correct horse battery staple")
    assert (resource.RLIMIT_CORE, (0, 0)) in calls
    # and for real, in a process of its own (a lowered limit cannot be raised again)
    script = (
        "import resource\n"
        "from leverage_tui.core import crypto\n"
        "crypto.SCRYPT_N = 2**10\n"
        "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
        "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
        "codec = crypto.PassphraseCodec('correct horse battery staple')\n"
        "print(*resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "0"]


@pytest.mark.parametrize("how", ["environment", "terminal"])
@pytest.mark.parametrize("command", ["encrypt", "passphrase"])
def test_a_short_passphrase_is_taken_with_a_warning(
    path: Path, monkeypatch: pytest.MonkeyPatch, how: str, command: str
) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    small_journal(path)
    env = "LEVERAGE_PASSPHRASE"
    if command == "passphrase":
        monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
        assert cli(path, "encrypt").code == 0
        env = "LEVERAGE_NEW_PASSPHRASE"
    for passphrase, warned in (("seven77", True), ("eight888", False)):
        if how == "environment":
            monkeypatch.setenv(env, passphrase)
        else:
            monkeypatch.delenv(env, raising=False)
            monkeypatch.setattr("sys.stdin.isatty", lambda: True)
            monkeypatch.setattr(crypto, "ask", lambda prompt, p=passphrase: p)
        result = cli(path, command)
        assert result.code == 0, result.err
        assert ("shorter than 8 characters" in result.err) is warned, result.err
        if command == "encrypt":  # once more: decrypt first
            monkeypatch.setenv("LEVERAGE_PASSPHRASE", passphrase)
            assert cli(path, "decrypt").code == 0
        else:
            monkeypatch.setenv("LEVERAGE_PASSPHRASE", passphrase)
