"""`leverage restore`: list the backups, put one back, keep the current file aside."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from reliability_support import TODAY, one_line_error, run_cli, small_journal, snapshot

from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import backup_dir, list_backups


def cli(path: Path, *args: str):  # type: ignore[no-untyped-def]
    """`leverage --journal PATH ARGS...` in this process."""
    return run_cli("--journal", str(path), *args)


def test_the_list_shows_every_backup_newest_first(path: Path) -> None:
    small_journal(path)  # four saves: revisions 1, 2, 3 are backups
    listed = cli(path, "restore", "--json")
    assert listed.code == 0
    infos = listed.json
    assert [i["revision"] for i in infos] == [3, 2, 1]
    assert [i["name"] for i in infos] == [b.name for b in list_backups(path)]
    assert infos[0]["counts"] == {
        "people": 2, "conversations": 1, "promises": 2, "asks": 0, "offers": 0,
        "decisions": 0, "attachments": 0, "wins": 0,
    }  # fmt: skip
    assert infos[2]["counts"]["promises"] == 0
    assert infos[0]["size"] == list_backups(path)[0].stat().st_size
    saved = [dt.datetime.fromisoformat(i["saved"]) for i in infos]
    assert saved == sorted(saved, reverse=True)

    text = cli(path, "restore")
    assert text.code == 0
    lines = text.out.splitlines()
    assert "newest first" in lines[0]
    rows = [line for line in lines if line[:1].isdigit()]
    assert [r.split()[1] for r in rows] == [i["name"] for i in infos]
    assert "2 promises" in rows[0] and "1 conversation" in rows[0]


def records_of(raw: bytes) -> dict[str, object]:
    """The record tables of a journal's bytes (not its header, not its hash chain)."""
    data = json.loads(raw)
    return {k: v for k, v in data.items() if k not in ("_leverage", "chain", "chain_start")}


def test_no_backups_yet_is_said_plainly(path: Path) -> None:
    result = cli(path, "restore")
    assert result.code == 0 and "no backups" in result.out


@pytest.mark.parametrize("how", ["index", "name", "path"])
def test_restoring_puts_the_backup_back_and_keeps_the_current_file(path: Path, how: str) -> None:
    small_journal(path)
    current = path.read_bytes()
    chosen = list_backups(path)[1]  # revision 2: one conversation, one promise
    wanted = chosen.read_bytes()
    arg = {"index": "2", "name": chosen.name, "path": str(chosen)}[how]
    result = cli(path, "restore", arg)
    assert result.code == 0, result.err
    # the backup's records are back; the hash chain goes on, the restore recorded in it
    assert records_of(path.read_bytes()) == records_of(wanted)
    assert "the hash chain goes on" in result.out
    assert cli(path, "verify").code == 0
    kept = [b for b in backup_dir(path).iterdir() if "before-restore" in b.name]
    assert len(kept) == 1 and kept[0].read_bytes() == current
    assert str(kept[0]) in result.out
    journal = Journal(path, today=TODAY)
    assert [p.text for p in journal.promises.values()] == ["You will lead Q3 planning"]
    assert cli(path, "check").code == 0
    # the restored journal is an ordinary journal: it saves and backs up as before
    journal.add_promise("After the restore", "Ana")
    assert "After the restore" in cli(path, "list", "promises").out
    assert (path.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"_default": {}}'])
def test_a_damaged_journal_is_kept_aside_and_replaced(path: Path, damage: bytes) -> None:
    small_journal(path)
    path.write_bytes(damage)
    assert cli(path, "list", "promises").code == 1
    result = cli(path, "restore", "1")
    assert result.code == 0, result.err
    kept = [b for b in backup_dir(path).iterdir() if "before-restore" in b.name]
    assert [k.read_bytes() for k in kept] == [damage]
    assert cli(path, "list", "promises").code == 0
    # the damaged copy is listed with the backups, marked as such
    listed = {i["name"]: i for i in cli(path, "restore", "--json").json}
    assert listed[kept[0].name]["note"] == "damaged"


@pytest.mark.parametrize("unknown", ["99", "0", "j.r0000042.json", "/no/such/backup.json", "x"])
def test_an_unknown_backup_is_exit_2_and_changes_nothing(path: Path, unknown: str) -> None:
    small_journal(path)
    before = snapshot(path)
    backups = {b.name: b.read_bytes() for b in list_backups(path)}
    result = cli(path, "restore", unknown)
    assert result.code == 2
    assert "no backup" in one_line_error(result)
    assert snapshot(path) == before
    assert {b.name: b.read_bytes() for b in list_backups(path)} == backups


def test_a_damaged_backup_is_refused(path: Path) -> None:
    small_journal(path)
    before = snapshot(path)
    list_backups(path)[0].write_bytes(b'{"half a journ')
    result = cli(path, "restore", "1")
    assert result.code == 1 and "damaged" in one_line_error(result)
    assert snapshot(path) == before


def test_a_folder_in_place_of_the_journal_is_not_replaced(path: Path) -> None:
    small_journal(path)
    path.unlink()
    path.mkdir()
    result = cli(path, "restore", "1")
    assert result.code == 1 and "move it away" in one_line_error(result)
    assert path.is_dir()


def test_restoring_into_a_missing_journal_recreates_it(path: Path) -> None:
    small_journal(path)
    wanted = list_backups(path)[0].read_bytes()
    path.unlink()
    assert cli(path, "restore", "1").code == 0
    assert path.read_bytes() == wanted
    assert json.loads(wanted)["_leverage"]["1"]["revision"] == 3


# -- an encrypted journal stays encrypted ----------------------------------------------

PASS = "correct horse battery staple"


@pytest.fixture
def encrypted_with_a_plain_backup(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An encrypted journal whose newest backup is plain text (left by an older version)."""
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    small_journal(path)
    plain = list_backups(path)[0].read_bytes()
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    assert cli(path, "encrypt").code == 0
    newest = list_backups(path)[0]
    newest.write_bytes(plain)  # as an interrupted encrypt of an older version left it
    return path


def test_restoring_a_plain_backup_into_an_encrypted_journal_encrypts_it(
    encrypted_with_a_plain_backup: Path,
) -> None:
    path = encrypted_with_a_plain_backup
    key = crypto.read_header(path)["salt"]
    before = path.read_bytes()
    result = cli(path, "restore", "1")
    assert result.code == 0, result.err
    assert "encrypted with the journal's passphrase" in result.out
    assert crypto.is_encrypted(path) and crypto.read_header(path)["salt"] == key
    assert b"Sybil" not in path.read_bytes()
    kept = [b for b in backup_dir(path).iterdir() if "before-restore" in b.name]
    assert [k.read_bytes() for k in kept] == [before]
    listed = cli(path, "list", "promises", "--json")
    assert listed.code == 0 and len(listed.json) == 2  # revision 3 held two promises


def test_without_the_passphrase_a_plain_backup_is_not_restored_into_an_encrypted_journal(
    encrypted_with_a_plain_backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = encrypted_with_a_plain_backup
    before = snapshot(path)
    monkeypatch.delenv("LEVERAGE_PASSPHRASE")
    result = cli(path, "restore", "1")
    assert result.code == 1
    line = one_line_error(result)
    assert "plain text" in line and "encrypted" in line and "LEVERAGE_PASSPHRASE" in line
    assert snapshot(path) == before
    assert not [b for b in backup_dir(path).iterdir() if "before-restore" in b.name]


def test_restoring_an_encrypted_backup_into_a_plain_journal_says_so(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)
    small_journal(path)
    outside = path.parent.parent / "elsewhere.json"
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", PASS)
    codec = crypto.PassphraseCodec(PASS)
    outside.write_bytes(codec.encode(path.read_bytes()))
    result = cli(path, "restore", str(outside))
    assert result.code == 0, result.err
    assert "encrypted now" in result.out and "leverage encrypt" in result.out
    assert crypto.is_encrypted(path)
    assert cli(path, "encrypt").code == 0  # encrypts the plain backups left beside it
    assert all(crypto.is_encrypted(b) for b in list_backups(path))
