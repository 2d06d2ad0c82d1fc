"""A full disk, an unwritable folder, a read-only file system: a clear message, the journal
exactly as it was, and everything still usable once the problem is gone.

Tests run as root here (chmod blocks nothing), so each failure is simulated where the
storage meets the operating system; the full disk writes to the real /dev/full.
"""

from __future__ import annotations

import asyncio
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_support import TODAY, one_line_error, run_cli, small_journal, snapshot

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import JournalError

Breaker = Callable[[pytest.MonkeyPatch, Path], None]


def full_disk(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every new temp file is /dev/full: writing it fails with ENOSPC, like a full disk."""
    real = tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        fd, name = real(*args, **kwargs)  # type: ignore[call-overload]
        os.dup2(os.open("/dev/full", os.O_WRONLY), fd)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def fsync_fails(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """fsync reports the disk full (the data never reached the disk)."""

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def folder_unwritable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """No new file can be made in the journal's folder."""

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def read_only_fs(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The file system is mounted read-only: the final rename fails."""

    def replace(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", replace)


def lock_unwritable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The lock file cannot be created (a read-only folder)."""
    real = os.open

    def open_(file: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if str(file).endswith(".lock"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


def backup_fails(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Keeping the backup fails: no hard links, and the copy runs out of space."""

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "link", fail)
    monkeypatch.setattr("leverage_tui.core.journal_file.copy_private", fail)


BREAKERS: dict[str, tuple[Breaker, str]] = {
    "full disk": (full_disk, "disk is full"),
    "fsync fails": (fsync_fails, "disk is full"),
    "unwritable folder": (folder_unwritable, "Permission denied"),
    "read-only file system": (read_only_fs, "Read-only file system"),
    "lock cannot be made": (lock_unwritable, "not writable"),
    "backup cannot be kept": (backup_fails, "disk is full"),
}


def strays(folder: Path) -> list[Path]:
    """Temp files left in the journal's folder."""
    return sorted(folder.glob("*.tmp"))


@pytest.mark.parametrize("name", list(BREAKERS))
def test_a_failed_save_leaves_the_journal_as_it_was(
    name: str, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    breaker, words = BREAKERS[name]
    journal = small_journal(path)
    before, promises = snapshot(path), dict(journal.promises)
    with monkeypatch.context() as broken:
        breaker(broken, path.parent)
        with pytest.raises(JournalError) as failed:
            journal.add_promise("This change cannot be saved", "Sybil")
        with pytest.raises(JournalError):
            journal.update_promise("p1", status="honored")
    message = str(failed.value)
    assert words in message and str(path) in message and "\n" not in message
    assert snapshot(path) == before
    assert journal.promises == promises  # memory matches the disk again
    assert strays(path.parent) == []
    # once the disk is fine again, the same journal object saves normally
    journal.add_promise("This one is saved", "Sybil")
    again = Journal(path, today=TODAY)
    texts = {p.text for p in again.promises.values()}
    assert "This one is saved" in texts and "This change cannot be saved" not in texts
    assert again.promise("p1").status == "pending"


@pytest.mark.parametrize("name", ["full disk", "unwritable folder", "read-only file system"])
def test_the_command_line_says_so_in_one_line_and_exits_1(
    name: str, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    breaker, words = BREAKERS[name]
    small_journal(path)
    before = snapshot(path)
    with monkeypatch.context() as broken:
        breaker(broken, path.parent)
        result = run_cli("--journal", str(path), "add", "promise", "--by", "Sybil", "Not saved")
    assert result.code == 1 and result.out == ""
    line = one_line_error(result)
    assert words in line and "unchanged" in line
    assert snapshot(path) == before
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Sybil", "Saved").code == 0


def test_the_app_shows_the_failure_and_keeps_working(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_journal(path)
    before = snapshot(path)
    app = LeverageApp(path, today=TODAY)
    shown: list[str] = []
    real_notify = app.notify

    def notify(message: str, **kwargs: object) -> None:
        shown.append(message)
        real_notify(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app, "notify", notify)

    async def go() -> None:
        async with app.run_test() as pilot:
            with monkeypatch.context() as broken:
                full_disk(broken, path.parent)
                # the app saves off the UI thread: the change returns, the notice follows
                app.change(lambda j: j.add_promise("Lost to a full disk", "Ana"))
                await app.workers.wait_for_complete()
                for _ in range(60):
                    await pilot.pause(0.05)
                    if shown:
                        break
            assert any("disk is full" in m and "not kept" in m for m in shown), shown
            assert snapshot(path) == before
            assert "Lost to a full disk" not in {p.text for p in app.journal.promises.values()}
            assert app.change(lambda j: j.add_promise("Saved once there is room", "Ana"))
            await pilot.press("f3")  # the app still answers keys
            await pilot.pause()
            assert app.current_mode == "promises"

    asyncio.run(go())
    texts = {p.text for p in Journal(path, today=TODAY).promises.values()}
    assert "Saved once there is room" in texts and "Lost to a full disk" not in texts
