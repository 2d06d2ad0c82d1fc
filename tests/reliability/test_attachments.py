"""Attached files (issue 15): kept byte for byte, 0600 in a 0700 folder, never under
their own name, and never as plain text beside an encrypted journal: attached while
encrypted, or encrypted afterwards (encrypt, passphrase, decrypt re-encode them)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from reliability_support import folder_files, one_line_error, run_cli, small_journal

from leverage_tui.core import crypto
from leverage_tui.core.safe_files import files_dir

PASS = "correct horse battery staple"
NEW_PASS = "a different passphrase entirely"
LETTER = b"Northwind offer letter: base 142,000; VP title; signed by Tom.\n" + bytes(range(256))
SECRET = b"Northwind offer letter"


def cli(path: Path, *args: str):  # type: ignore[no-untyped-def]
    """`leverage --journal PATH ARGS...` in this process."""
    return run_cli("--journal", str(path), *args)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    """A file to attach, with a revealing name."""
    source = tmp_path / "outside" / "secret-offer-letter-from-northwind.pdf"
    source.parent.mkdir()
    source.write_bytes(LETTER)
    return source


def plain_in(folder: Path) -> list[str]:
    """Files under `folder` holding the letter's words."""
    return [name for name, data in folder_files(folder).items() if SECRET in data]


def test_a_round_trip_is_byte_identical(path: Path, letter: Path, tmp_path: Path) -> None:
    small_journal(path)
    added = cli(path, "attach", "o1", str(letter), "--note", "the", "letter")
    assert added.code == 0, added.err
    assert added.out == "f1\n"
    back = tmp_path / "back.pdf"
    result = cli(path, "attachment", "f1", "-o", str(back))
    assert result.code == 0, result.err
    assert back.read_bytes() == LETTER
    assert stat.S_IMODE(back.stat().st_mode) == 0o600
    folder = files_dir(path)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert os.listdir(folder) == ["f1"]  # never the original name
    assert stat.S_IMODE((folder / "f1").stat().st_mode) == 0o600


def test_an_encrypted_journal_s_folder_holds_no_plain_text(
    path: Path, letter: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_journal(path)
    assert cli(path, "attach", "o1", str(letter)).code == 0  # attached while plain
    assert plain_in(files_dir(path)) == ["f1"]  # the scan finds plain text when there is
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    encrypted = cli(path, "encrypt")
    assert encrypted.code == 0, encrypted.err
    assert "1 attached file encrypted too" in encrypted.out
    assert cli(path, "attach", "p1", str(letter)).code == 0  # attached while encrypted
    assert plain_in(path.parent) == []  # the journal, its backups, its files
    assert all(crypto.is_encrypted(f) for f in files_dir(path).iterdir())
    for aid in ("f1", "f2"):
        back = tmp_path / f"{aid}.pdf"
        assert cli(path, "attachment", aid, "-o", str(back)).code == 0
        assert back.read_bytes() == LETTER
    monkeypatch.setenv("LEVERAGE_NEW_PASSPHRASE", NEW_PASS)
    assert cli(path, "passphrase").code == 0
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", NEW_PASS)
    assert cli(path, "check").code == 0  # every copy opens with the new passphrase
    assert plain_in(path.parent) == []
    decrypted = cli(path, "decrypt")
    assert decrypted.code == 0 and "2 attached files stored as plain text too" in decrypted.out
    assert cli(path, "attachment", "f2", "-o", str(tmp_path / "again.pdf")).code == 0
    assert (tmp_path / "again.pdf").read_bytes() == LETTER


def test_check_and_verify_catch_a_changed_copy(path: Path, letter: Path) -> None:
    small_journal(path)
    assert cli(path, "attach", "o1", str(letter)).code == 0
    copy = files_dir(path) / "f1"
    copy.write_bytes(copy.read_bytes().replace(b"142,000", b"199,000"))
    for command in ("check", "verify"):
        result = cli(path, command)
        assert result.code == 1
        assert "f1: its copy does not match its SHA-256" in result.out
    copy.unlink()
    assert "f1: its copy is missing" in cli(path, "check").out


def test_too_big_a_file_is_refused_clearly(path: Path, tmp_path: Path) -> None:
    small_journal(path)
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("attachment_limit_mb = 1\n")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    result = cli(path, "attach", "o1", str(big))
    assert result.code == 2
    assert "attachments are at most 1 MB (attachment_limit_mb in config.toml)" in one_line_error(
        result
    )
    assert not files_dir(path).exists() or not os.listdir(files_dir(path))


def test_deleting_a_record_asks_what_to_do_with_its_files(path: Path, letter: Path) -> None:
    small_journal(path)
    assert cli(path, "attach", "o1", str(letter)).code == 0
    refused = cli(path, "delete", "o1")
    assert refused.code == 2 and "--with-attachments" in one_line_error(refused)
    assert (files_dir(path) / "f1").exists()
    done = cli(path, "delete", "o1", "--with-attachments")
    assert done.code == 0, done.err
    assert not (files_dir(path) / "f1").exists()
    assert cli(path, "list", "attachments", "--json").json == []
    assert cli(path, "verify").code == 0


def test_nothing_is_written_into_the_files_folder(path: Path, letter: Path) -> None:
    small_journal(path)
    assert cli(path, "attach", "o1", str(letter)).code == 0
    target = files_dir(path) / "f1"
    before = target.read_bytes()
    result = cli(path, "attachment", "f1", "-o", str(target))
    assert result.code == 2 and "attachments folder" in one_line_error(result)
    assert target.read_bytes() == before
