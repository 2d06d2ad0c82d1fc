"""Damaged or foreign journal files: a clear one-line message naming the problem and the
newest backup, exit 1, and the file exactly as it was (bytes and modification time)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_support import PYTHON, REPO, TODAY, one_line_error, run_cli, small_journal

from leverage_tui.core.storage import list_backups

Damage = Callable[[Path], None]


def truncated(path: Path) -> None:
    """Cut the file in half (a copy interrupted by a full disk, say)."""
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def zero_bytes(path: Path) -> None:
    """An empty file (what TinyDB's own storage leaves after a crash)."""
    path.write_bytes(b"")


def not_json(path: Path) -> None:
    """Something else entirely."""
    path.write_bytes(b"Dear diary,\nthis is not JSON.\n")


def foreign_json(path: Path) -> None:
    """A TinyDB database of some other program."""
    path.write_text(json.dumps({"_default": {"1": {"title": "groceries"}}}))


def newer_schema(path: Path) -> None:
    """A journal written by a future Leverage."""
    data = json.loads(path.read_text())
    data["_leverage"]["schema"] = 99
    path.write_text(json.dumps(data))


def directory(path: Path) -> None:
    """A folder where the file should be."""
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("a file in the folder")


def symlink(path: Path) -> None:
    """A symbolic link to a journal elsewhere."""
    elsewhere = path.parent.parent / "elsewhere.json"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)


DAMAGES: dict[str, tuple[Damage, str]] = {
    "truncated": (truncated, "damaged"),
    "zero bytes": (zero_bytes, "empty"),
    "not json": (not_json, "damaged"),
    "foreign json": (foreign_json, "not a Leverage journal"),
    "newer schema": (newer_schema, "newer Leverage"),
    "directory": (directory, "folder"),
    "symlink": (symlink, "symbolic link"),
}

COMMANDS = [
    ["list", "promises"],
    ["list", "promises", "--json"],
    ["flags"],
    ["timeline"],
    ["check"],
    ["add", "promise", "--by", "Sybil", "A new promise"],
    ["update", "promise", "p1", "--status", "honored"],
    ["export", "--format", "json"],
]


def state(path: Path) -> object:
    """Everything about the damaged thing at `path` that must not change."""
    st = os.lstat(path)
    if path.is_symlink():
        target = path.resolve()
        return os.readlink(path), target.read_bytes(), os.stat(target).st_mtime_ns
    if path.is_dir():
        return sorted(p.name for p in path.iterdir()), st.st_mtime_ns
    return path.read_bytes(), st.st_mtime_ns


@pytest.fixture
def damaged_journal(path: Path, request: pytest.FixtureRequest) -> tuple[Path, str, Path]:
    """A journal with backups, then damaged: (path, expected words, newest backup)."""
    small_journal(path)
    damage, words = DAMAGES[request.param]
    damage(path)
    return path, words, list_backups(path)[0]


@pytest.mark.parametrize("damaged_journal", list(DAMAGES), indirect=True)
def test_leverage_list_promises_refuses_clearly_in_a_real_process(
    damaged_journal: tuple[Path, str, Path],
) -> None:
    path, words, newest = damaged_journal
    before = state(path)
    env = {**os.environ, "LEVERAGE_TODAY": TODAY.isoformat()}
    done = subprocess.run(
        [PYTHON, "-m", "leverage_tui", "--journal", str(path), "list", "promises"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=30,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "Traceback" not in done.stderr
    line = done.stderr.strip()
    assert "\n" not in line
    assert words in line and str(path) in line and str(newest) in line, line
    assert state(path) == before


@pytest.mark.parametrize("damaged_journal", list(DAMAGES), indirect=True)
def test_every_command_refuses_and_touches_nothing(
    damaged_journal: tuple[Path, str, Path],
) -> None:
    path, words, newest = damaged_journal
    before = state(path)
    backups_before = {b.name: b.read_bytes() for b in list_backups(path)}
    for args in COMMANDS:
        result = run_cli("--journal", str(path), *args)
        assert result.code == 1, (args, result)
        line = one_line_error(result)
        assert words in line and str(newest) in line, (args, line)
        assert state(path) == before, args
    assert {b.name: b.read_bytes() for b in list_backups(path)} == backups_before
