"""Where the time of opening and saving a journal goes, phase by phase.

    python bench/phases.py PATH [-n 20]

Opens the journal at PATH (a copy is made: saves do not touch it) `n` times, taking
the opening apart (read, parse, records), then saves `n` changed promises with every
step of the save timed (refresh check, TinyDB, serialise, write, fsync, backup,
rename). Prints one line per phase: median wall ms and median CPU ms (CPU time is what
a busy machine does not inflate). The phases are found by wrapping the functions the
core calls, so the numbers follow the code as it changes; a phase the code no longer
has shows as absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import stat
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import orjson
from tinydb.table import Table

from leverage_tui.core import journal_file, records, storage
from leverage_tui.core.journal import Journal

TODAY = dt.date(2026, 11, 23)
Sample = dict[str, list[tuple[float, float]]]


class Phases:
    """Wall and CPU seconds per labelled call, gathered by wrapping functions."""

    def __init__(self) -> None:
        self.current: Sample = defaultdict(list)
        self.undo: list[Callable[[], None]] = []

    def wrap(self, owner: Any, name: str, label: str | Callable[..., str]) -> None:
        """Time every call of `owner.name` under `label` (or label(*args))."""
        original = getattr(owner, name, None)
        if original is None:
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                key = label(*args) if callable(label) else label
                self.current[key].append((time.perf_counter() - wall, time.process_time() - cpu))

        setattr(owner, name, timed)
        self.undo.append(lambda: setattr(owner, name, original))

    def take(self) -> Sample:
        """The calls timed since the last take."""
        out, self.current = self.current, defaultdict(list)
        return out

    def restore(self) -> None:
        """Unwrap everything."""
        for fn in reversed(self.undo):
            fn()


def _fsync_label(fd: int) -> str:
    return "  fsync (folder)" if stat.S_ISDIR(os.fstat(fd).st_mode) else "  fsync (file)"


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of fn(), and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def report(title: str, rows: dict[str, list[tuple[float, float]]], runs: int) -> None:
    """One line per phase: median wall and CPU ms per run (summed within a run)."""
    print(f"\n{title} (median of {runs}; ms wall / ms CPU)")
    for label, values in rows.items():
        wall = statistics.median(v[0] for v in values) * 1000
        cpu = statistics.median(v[1] for v in values) * 1000
        print(f"  {label:<42} {wall:9.1f} {cpu:9.1f}")


def open_phases(path: Path, n: int) -> None:
    """Opening the journal, taken apart."""
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _ in range(n):
        w, c, raw = timed(path.read_bytes)
        rows["read the file"].append((w, c))
        w, c, data = timed(partial(orjson.loads, raw))
        rows["orjson.loads"].append((w, c))
        w, c, _ = timed(partial(journal_file.decode_journal, raw, path))
        rows["decode_journal (parse + checks)"].append((w, c))
        for kind, (table, cls) in records.KINDS.items():
            docs = data.get(table, {})
            letter = records.PREFIX[kind]

            def build(docs: dict[str, Any] = docs, cls: Any = cls, letter: str = letter) -> Any:
                return [
                    cls.from_doc(f"{letter}{k}", d)
                    for k, d in sorted(docs.items(), key=lambda kv: int(kv[0]))
                ]

            w, c, _ = timed(build)
            rows[f"{cls.__name__}.from_doc x{len(docs)} (sorted)"].append((w, c))
        w, c, _ = timed(lambda: Journal(path, today=TODAY, backups=0))
        rows["Journal(path) in all"].append((w, c))
    report(f"Opening {path.name} ({path.stat().st_size / 1e6:.1f} MB)", rows, n)


def save_phases(path: Path, n: int) -> None:
    """Saving one changed promise, n times, every step timed."""
    phases = Phases()
    j = Journal(path, today=TODAY)
    phases.wrap(Journal, "refresh", "  Journal.refresh (stale check)")
    phases.wrap(storage.AtomicStorage, "reload", "  AtomicStorage.reload (re-read)")
    for name in ("insert", "upsert", "update", "remove"):
        phases.wrap(Table, name, f"  TinyDB Table.{name}")
    phases.wrap(records.Promise, "to_doc", "  Promise.to_doc")
    phases.wrap(storage.AtomicStorage, "_save", " AtomicStorage._save in all")
    phases.wrap(orjson, "dumps", "  orjson.dumps")
    phases.wrap(storage.AtomicStorage, "_replace", "  _replace (write, fsync, rename)")
    phases.wrap(os, "fsync", _fsync_label)
    phases.wrap(storage.AtomicStorage, "_keep_backup", "  _keep_backup (link + prune)")
    phases.wrap(storage, "list_backups", "  list_backups")
    phases.wrap(os, "replace", "  os.replace")
    forms = records.FORMS
    ids = sorted(j.promises)[:: max(1, len(j.promises) // n)][:n]
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    try:
        for pid in ids:
            form = forms[(forms.index(j.promises[pid].form) + 1) % len(forms)]
            w, c, _ = timed(partial(j.update_promise, pid, form=form))
            rows["update_promise in all"].append((w, c))
            for label, calls in phases.take().items():
                rows[label].append((sum(x[0] for x in calls), sum(x[1] for x in calls)))
    finally:
        phases.restore()
    report(f"Saving one changed promise ({len(ids)} saves)", dict(sorted(rows.items())), n)


def main(argv: list[str] | None = None) -> int:
    """Time the phases of opening and saving the journal at PATH."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="leverage-phases-") as work:
        copy = Path(work) / "journal.json"
        shutil.copyfile(args.path, copy)
        open_phases(copy, max(3, args.n // 4))
        save_phases(copy, args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
