"""Files created safely (issue 10, item 4): another user who can plant names beside the
journal gets nothing, every folder the app makes is 0700, and every file the user saves
goes through one safe writer.

"Another user" is played by the test: it plants symbolic links, folders others can write
to and, when the tests run as root, folders that really belong to another uid.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import TODAY, one_line_error, run_cli, small_journal, snapshot

from leverage_tui.core import journal_file, paths
from leverage_tui.core.config import save_setting
from leverage_tui.core.journal import Journal
from leverage_tui.core.safe_files import OutputError, make_private_dir, write_private
from leverage_tui.core.storage import backup_dir, list_backups

SECRET = "You will lead Q3 planning"
"""A promise of small_journal: what must never reach another user's file."""
NOBODY = 65534
"""The uid another user's folder is given (when the tests run as root)."""


def cli(path: Path, *args: str):  # type: ignore[no-untyped-def]
    """`leverage --journal PATH ARGS...` in this process."""
    return run_cli("--journal", str(path), *args)


def mode(p: Path) -> int:
    return stat.S_IMODE(os.lstat(p).st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def everything_under(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, links followed (what another user could read there)."""
    found = {}
    for p in sorted(folder.rglob("*")):
        with contextlib.suppress(OSError):
            if p.is_file():
                found[str(p.relative_to(folder))] = p.read_bytes()
    return found


def give_away(folder: Path) -> None:
    """Make `folder` another user's (only root can; skip otherwise)."""
    if os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    os.chown(folder, NOBODY, NOBODY)


# -- the backups folder and the names in it ---------------------------------------------


def test_a_planted_link_at_the_backups_folder_gets_nothing(path: Path, tmp_path: Path) -> None:
    small_journal(path)
    journal_before = snapshot(path)
    theirs = tmp_path / "attacker"
    theirs.mkdir(mode=0o777)
    folder = backup_dir(path)
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.symlink_to(theirs)

    result = cli(path, "add", "promise", "--by", "Ana", "A title change")

    assert result.code == 1
    line = one_line_error(result)
    assert "refusing to keep backups" in line and "symbolic link" in line
    assert f"mv {folder} {folder}.suspect" in line
    assert list(theirs.iterdir()) == []  # not a byte of the journal, not even a link
    assert snapshot(path) == journal_before  # and nothing was changed


@pytest.mark.parametrize("how", ["group-writable", "world-writable", "another user's"])
def test_a_backups_folder_others_can_write_is_refused(path: Path, tmp_path: Path, how: str) -> None:
    path.parent.mkdir(mode=0o700)
    Journal(path, today=TODAY).add_promise(SECRET, "Ana")
    folder = backup_dir(path)
    folder.mkdir()
    if how == "another user's":
        give_away(folder)
    else:
        folder.chmod(0o770 if how == "group-writable" else 0o777)
    before = snapshot(path)

    result = cli(path, "add", "promise", "--by", "Ana", "A title change")

    assert result.code == 1
    line = one_line_error(result)
    assert line.startswith(f"leverage: {path}: refusing to keep backups in {folder}: ")
    assert "nothing was changed" in line
    if how == "another user's":
        assert f"uid {NOBODY}" in line and ".suspect" in line
    else:
        assert f"chmod 700 {folder}" in line
    assert list(folder.iterdir()) == []
    assert snapshot(path) == before


def test_a_dangling_link_at_the_next_backup_name_is_not_followed(
    path: Path, tmp_path: Path
) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise(SECRET, "Ana")  # revision 1: the next save backs it up as .r0000001
    folder = backup_dir(path)
    folder.mkdir(mode=0o700)
    stolen = tmp_path / "stolen.json"
    planted = folder / f"{path.stem}.r0000001.json"
    planted.symlink_to(stolen)

    j.add_promise("A raise in the spring", "Ana")

    assert not stolen.exists()  # the link was not followed
    assert planted.is_symlink()
    (backup,) = list_backups(path)  # the link is not listed as a backup
    assert backup.name == f"{path.stem}.r0000001-1.json"
    assert SECRET in backup.read_text() and mode(backup) == 0o600


def test_where_links_are_impossible_the_copy_is_private_and_follows_no_link(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise(SECRET, "Ana")
    first = path.read_bytes()
    saved_at = os.stat(path).st_mtime_ns
    folder = backup_dir(path)
    folder.mkdir(mode=0o700)
    stolen = tmp_path / "stolen.json"
    (folder / f"{path.stem}.r0000001.json").symlink_to(stolen)

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    with umask(0):
        j.add_promise("A raise in the spring", "Ana")

    assert not stolen.exists()
    (backup,) = list_backups(path)
    assert backup.read_bytes() == first and mode(backup) == 0o600
    assert os.stat(backup).st_mtime_ns == saved_at  # its date is the version's, as before
    assert backup.stat().st_nlink == 1


def test_restore_sets_the_journal_aside_without_following_a_planted_link(
    path: Path, tmp_path: Path
) -> None:
    small_journal(path)  # revision 4; backups 3, 2, 1
    current = path.read_bytes()
    stolen = tmp_path / "stolen.json"
    aside = backup_dir(path) / f"{path.stem}.r0000004-before-restore.json"
    aside.symlink_to(stolen)

    result = cli(path, "restore", "2")

    assert result.code == 0, result.err
    assert not stolen.exists()
    kept = backup_dir(path) / f"{path.stem}.r0000004-before-restore-1.json"
    assert kept.read_bytes() == current and mode(kept) == 0o600
    assert str(kept) in result.out


def test_a_planted_link_at_the_lock_file_is_refused(path: Path, tmp_path: Path) -> None:
    path.parent.mkdir(mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    (path.parent / f".{path.name}.lock").symlink_to(elsewhere)

    result = cli(path, "add", "promise", "--by", "Ana", SECRET)

    assert result.code == 1
    assert "is a symbolic link (remove it)" in one_line_error(result)
    assert not elsewhere.exists() and not path.exists()


# -- the journal's folder ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("how", "fix"),
    [
        ("group-writable", "run: chmod go-w"),
        ("world-writable", "run: chmod go-w"),
        ("sticky, like /tmp", "keep it in a folder only you can write to"),
        ("another user's", "keep it in a folder only you can write to"),
    ],
)
def test_a_journal_folder_others_can_write_is_refused_for_writing(
    tmp_path: Path, how: str, fix: str
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    path = shared / "j.json"
    modes = {"group-writable": 0o770, "world-writable": 0o777, "sticky, like /tmp": 0o1777}
    if how == "another user's":
        give_away(shared)
        shared.chmod(0o755)
    else:
        shared.chmod(modes[how])

    result = cli(path, "add", "promise", "--by", "Ana", SECRET)

    assert result.code == 1
    line = one_line_error(result)
    assert line.startswith(f"leverage: {path}: refusing to save in {shared}: ")
    assert fix in line and "nothing was changed" in line
    assert sorted(p.name for p in shared.iterdir()) == []  # no journal, lock or backups


def test_a_journal_in_a_shared_folder_can_still_be_read(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o700)
    path = shared / "j.json"
    small_journal(path)
    shared.chmod(0o1777)
    listed = cli(path, "list", "promises")
    assert listed.code == 0 and SECRET in listed.out
    assert cli(path, "check").code == 0
    assert cli(path, "update", "promise", "p1", "--due", "2027-01-15").code == 1


def test_a_journal_reached_through_a_linked_folder_is_judged_by_the_real_folder(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "linked").symlink_to(real)
    path = tmp_path / "linked" / "j.json"
    assert cli(path, "add", "promise", "--by", "Ana", SECRET).code == 0
    real.chmod(0o777)
    assert cli(path, "add", "promise", "--by", "Ana", "another").code == 1


# -- folders made 0700 -------------------------------------------------------------------


def test_every_folder_made_is_0700_even_under_umask_000(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "j.json"
    config = tmp_path / "cfg" / "deep" / "config.toml"
    with umask(0):
        j = Journal(path, today=TODAY)
        j.add_promise(SECRET, "Ana")
        j.add_promise("A raise in the spring", "Ana")
        save_setting(config, "theme", "leverage-light")
    for folder in ("a", "a/b", "a/b/c", "a/b/c/j.json.backups", "cfg", "cfg/deep"):
        assert mode(tmp_path / folder) == 0o700, folder
    assert mode(path) == 0o600 and mode(config) == 0o600


def test_make_private_dir_even_under_a_umask_that_takes_the_owner_bits(tmp_path: Path) -> None:
    with umask(0o700):
        make_private_dir(tmp_path / "x" / "y")
    assert mode(tmp_path / "x") == 0o700 and mode(tmp_path / "x" / "y") == 0o700


def test_the_default_journal_folder_is_made_private_and_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVERAGE_DATA_DIR", str(tmp_path / "home" / "share" / "leverage"))
    with umask(0):
        assert run_cli("add", "promise", "--by", "Ana", SECRET).code == 0
    assert mode(tmp_path / "home") == 0o700
    assert SECRET in paths.journal_path().read_text()


# -- the one safe writer: exports, the brief, recaps, the config -------------------------


def test_export_refuses_a_planted_link_and_writes_nothing_through_it(
    path: Path, tmp_path: Path
) -> None:
    small_journal(path)
    theirs = tmp_path / "theirs.md"
    out = tmp_path / "brief.md"
    out.symlink_to(theirs)

    result = cli(path, "export", "--format", "md", "-o", str(out))

    assert result.code == 2
    assert "is a symbolic link; refusing to write through it" in one_line_error(result)
    assert not theirs.exists() and out.is_symlink()


@pytest.mark.parametrize("where", ["backups folder", "lock file"])
def test_export_never_lands_among_the_journals_own_files(path: Path, where: str) -> None:
    small_journal(path)
    target = {
        "backups folder": backup_dir(path) / "j.r0000009.json",
        "lock file": path.parent / f".{path.name}.lock",
    }[where]
    backups = {b.name: b.read_bytes() for b in list_backups(path)}

    result = cli(path, "export", "-o", str(target))

    assert result.code == 2
    assert "choose another file" in one_line_error(result)
    assert {b.name: b.read_bytes() for b in list_backups(path)} == backups


def test_the_safe_writer_replaces_a_0644_file_with_a_0600_one(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o644)
    with umask(0):
        assert write_private(target, "new brief") == target
    assert target.read_text() == "new brief" and mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temp file left


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("j.json", "is the journal itself"),
        ("sub", "is a folder"),
        ("missing/brief.md", "cannot write"),
    ],
)
def test_the_safe_writer_refuses_with_one_line(
    path: Path, tmp_path: Path, target: str, message: str
) -> None:
    small_journal(path)
    (path.parent / "sub").mkdir()
    before = path.read_bytes()
    with pytest.raises(OutputError) as err:
        write_private(path.parent / target, "x", journal=path)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert path.read_bytes() == before


def test_saving_a_setting_follows_no_planted_temp_link(tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (config.parent / "config.toml.tmp").symlink_to(victim)
    save_setting(config, "theme", "leverage-light")
    assert victim.read_text() == "keep me"
    assert 'theme = "leverage-light"' in config.read_text() and mode(config) == 0o600


def test_the_lock_is_checked_before_every_write_not_only_the_first(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise(SECRET, "Ana")
    path.parent.chmod(0o777)
    with pytest.raises(journal_file.JournalError, match="refusing to save"):
        j.add_promise("A raise in the spring", "Ana")
    path.parent.chmod(0o700)
    assert [p.text for p in Journal(path, today=TODAY).promises.values()] == [SECRET]


def test_a_copy_that_fails_half_way_leaves_no_partial_backup(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = Journal(path, today=TODAY)
    j.add_promise(SECRET, "Ana")
    before = snapshot(path)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as broken:
        broken.setattr(os, "link", lambda *a, **k: fail())
        broken.setattr(os, "utime", fail)  # after the bytes are copied
        with pytest.raises(journal_file.JournalError, match="disk is full"):
            j.add_promise("A raise in the spring", "Ana")
    assert snapshot(path) == before
    assert list(backup_dir(path).iterdir()) == []
