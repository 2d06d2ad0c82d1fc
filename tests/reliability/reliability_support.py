"""Helpers shared by the reliability tests: an in-process `leverage`, file snapshots, and
a small journal with backups. Today is pinned to Monday 2026-11-23."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from leverage_tui.cli import main
from leverage_tui.core.journal import Journal

TODAY = date(2026, 11, 23)
REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


@dataclass
class Result:
    """What one run of `leverage` did."""

    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        """Stdout parsed as JSON."""
        return json.loads(self.out)


def run_cli(*args: str) -> Result:
    """Run `leverage ARGS...` in this process (no capsys: usable inside hypothesis)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


def snapshot(path: Path) -> tuple[bytes, int] | None:
    """The bytes and mtime of a file (None when missing), to prove it was not touched."""
    try:
        return path.read_bytes(), os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` (relative name -> bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def small_journal(path: Path, today: date = TODAY) -> Journal:
    """A journal written four times (so three backups exist): c1, p1, p2, an offer."""
    j = Journal(path, today=today)
    conv = j.add_conversation(["Sybil"], "Lead role talk", on=date(2026, 11, 2))
    j.add_promise("You will lead Q3 planning", "Sybil", conversation=conv.id)
    j.add_promise("A raise in the spring", "Ana", category="pay", due=date(2027, 3, 1))
    j.add_offer("Acme", "Staff engineer", base=150000, written=True)
    return j


def one_line_error(result: Result) -> str:
    """The single stderr line of a failed run; fails the test on a traceback or more lines."""
    assert "Traceback" not in result.err, result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]
