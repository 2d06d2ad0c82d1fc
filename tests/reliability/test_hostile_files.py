"""Hostile and damaged journal files × every command (issue 10, item 6).

Over 150 generated files (hostile_files.py) are each put in the journal's place and run
through list, flags, timeline, review, export --format md, check, add and the app; as
a backup through `restore FILE`; and as an export through `import FILE`. For every one:
no traceback; a bad journal is exit 1 with one line and the file (and its backups) byte
for byte as it was; a bad import is exit 2, one line, the journal untouched; `check`
fails exactly when loading fails; a command never makes a good journal unloadable; and
nothing raw (no escape, bell or bidi control) reaches stdout or stderr.

The counts are printed (`pytest -s`) and every failure is listed at once.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile_files import RAW_CONTROL, Case, all_cases, place, write_base
from reliability_support import PYTHON, REPO, Result, run_cli

from leverage_tui.core.journal import Journal
from leverage_tui.core.journal_file import is_encrypted
from leverage_tui.core.storage import JournalError, decode_file

JOURNAL_COMMANDS: dict[str, list[str]] = {
    "list promises": ["list", "promises"],
    "flags": ["flags"],
    "timeline": ["timeline"],
    "review": ["review"],
    "export md": ["export", "--format", "md"],
    "check": ["check"],
    "add promise": ["add", "promise", "--by", "Sybil", "A new promise"],
    "open the app": [],
}
"""What runs against the hostile file in the journal's place (add last: it writes)."""
RAW = re.compile(RAW_CONTROL)
HANG = 20
"""Seconds after which a command counts as hung."""


@dataclass
class Tally:
    """Runs tried and survived, and what went wrong."""

    tried: Counter[str] = field(default_factory=Counter)
    survived: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def run(self, case: Case, command: str, problems: list[str]) -> None:
        """Count one run of `command` on `case`; `problems` empty when it survived."""
        self.tried[command] += 1
        if problems:
            self.failures.append(f"{case.name} / {command}: {'; '.join(problems)}")
        else:
            self.survived[command] += 1


def state(path: Path) -> object:
    """All that must not change about what is at `path` (and its backups)."""
    backups = path.parent / f"{path.name}.backups"
    kept = sorted((p.name, p.read_bytes()) for p in backups.iterdir()) if backups.is_dir() else []
    if path.is_symlink():
        return os.readlink(path), path.resolve().read_bytes(), kept
    st = os.lstat(path)
    if path.is_dir():
        return sorted(p.name for p in path.iterdir()), st.st_mtime_ns, kept
    if path.is_fifo():
        return "fifo", st.st_mtime_ns, kept
    return path.read_bytes(), st.st_mtime_ns, kept


class Hung(Exception):
    """A command ran for longer than any should (reading a named pipe, say)."""


def _hung(signum: int, frame: object) -> None:
    raise Hung


def run(*args: str) -> tuple[Result | None, list[str]]:
    """`leverage ARGS`, and what is wrong with how it ended regardless of the verdict:
    a traceback (an exception out of main), a hang, or raw control characters in its
    output."""
    old = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(HANG)
    try:
        result = run_cli(*args)
    except Hung:
        return None, [f"still running after {HANG} s"]
    except BaseException:  # noqa: BLE001 - any exception here is the failure itself
        return None, ["traceback: " + traceback.format_exc().strip().splitlines()[-1][:200]]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    problems = []
    if "Traceback" in result.err:
        problems.append("traceback on stderr")
    found = RAW.search(result.out + result.err)
    if found:
        problems.append(f"raw {found.group()!r} in the output")
    return result, problems


def refused(result: Result, code: int, *, quiet: bool = True) -> list[str]:
    """What is wrong with `result` as a refusal: exit `code`, one line on stderr."""
    problems = []
    if result.code != code:
        problems.append(f"exit {result.code}, not {code} ({result.err.strip()[:120]!r})")
    lines = result.err.strip().splitlines()
    if quiet and len(lines) != 1:
        problems.append(f"{len(lines)} lines on stderr")
    if quiet and result.out:
        problems.append(f"stdout not empty: {result.out[:80]!r}")
    return problems


def loads(path: Path) -> tuple[bool, list[str]]:
    """Whether the journal at `path` opens; a problem when it fails other than cleanly."""
    old = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(HANG)
    try:
        Journal(path)
    except JournalError:
        return False, []
    except Hung:
        return False, [f"opening it still ran after {HANG} s"]
    except BaseException:  # noqa: BLE001
        return False, ["opening it raised " + traceback.format_exc().strip().splitlines()[-1]]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return True, []


def app_survives(path: Path) -> list[str]:
    """Open the app headless on `path` for a moment: no exception, nothing raw shown."""
    from leverage_tui.app import LeverageApp

    problems: list[str] = []

    async def go() -> None:
        app = LeverageApp(path)
        async with app.run_test() as pilot:
            await pilot.pause()
            shown = app.export_screenshot()
            found = RAW.search(shown)
            if found:
                problems.append(f"raw {found.group()!r} on the screen")

    try:
        asyncio.run(go())
    except JournalError:
        pass
    except BaseException:  # noqa: BLE001
        problems.append("the app raised " + traceback.format_exc().strip().splitlines()[-1])
    return problems


def journal_runs(case: Case, path: Path, tally: Tally) -> None:
    """Every journal command on the hostile file in the journal's place."""
    ok, problems = loads(path)
    tally.run(case, "open (Journal)", problems)
    if case.bad is not None and ok == case.bad:
        tally.failures.append(f"{case.name}: {'opened' if ok else 'refused'}, expected the other")
    for command, args in JOURNAL_COMMANDS.items():
        before = state(path)
        if command == "open the app" and (ok or is_encrypted(path)):
            tally.run(case, command, app_survives(path))  # the app itself, headless
            continue
        result, problems = run("--journal", str(path), *args)
        if result is not None:
            if command == "check":
                if (result.code == 0) != ok:
                    opening = "works" if ok else "fails"
                    problems.append(f"check exit {result.code} but opening {opening}")
                if not ok:
                    problems += refused(result, 1, quiet=False)
            elif not ok:
                problems += refused(result, 1)
            elif result.code != 0:
                problems.append(f"exit {result.code} on a journal that opens: {result.err[:120]!r}")
            if command != "add promise" or not ok:
                if state(path) != before:
                    problems.append("the file or its backups changed")
            elif not loads(path)[0] or run_cli("--journal", str(path), "check").code != 0:
                problems.append("add made a journal that opened into one that does not")
        tally.run(case, command, problems)


def restore_run(case: Case, hostile: Path, target: Path, template: Path, tally: Tally) -> None:
    """`restore HOSTILE`: refused (exit 1, one line, nothing changed) unless it is good."""
    try:
        decode_file(hostile.read_bytes(), hostile)
        good = True
    except JournalError:
        good = False
    before = state(target)
    result, problems = run("--journal", str(target), "restore", str(hostile))
    if result is not None:
        if good:
            if result.code != 0 or run_cli("--journal", str(target), "check").code != 0:
                problems.append(f"a good backup was not restored: {result.err[:120]!r}")
        else:
            problems += refused(result, 1)
            if state(target) != before:
                problems.append("the journal or its backups changed")
    tally.run(case, "restore FILE", problems)
    if result is None or result.code == 0:
        _reset(target, template)


def import_run(case: Case, export: Path, target: Path, template: Path, tally: Tally) -> None:
    """`import EXPORT`: a bad one is exit 2, one line, the journal untouched."""
    before = state(target)
    result, problems = run("--journal", str(target), "import", str(export))
    if result is not None:
        if result.code == 0:
            if case.import_bad:
                problems.append("a bad export was imported")
            if not loads(target)[0] or run_cli("--journal", str(target), "check").code != 0:
                problems.append("the import made a journal that does not open")
        else:
            problems += refused(result, 2)
            if state(target) != before:
                problems.append("the journal or its backups changed")
            if case.import_bad is False:
                problems.append("a good export was refused")
    tally.run(case, "import FILE", problems)
    if result is None or result.code == 0:
        _reset(target, template)


def _reset(target: Path, template: Path) -> None:
    shutil.rmtree(target.parent)
    shutil.copytree(template.parent, target.parent)


def test_hostile_files_never_crash_never_change_the_file_and_check_agrees(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", "not the passphrase")  # never ask
    template = tmp_path / "template" / "j.json"
    template.parent.mkdir(mode=0o700)
    write_base(template)
    good_raw = template.read_bytes()
    good = json.loads(good_raw)
    export = json.loads(run_cli("--journal", str(template), "export").out)
    target = tmp_path / "target" / "j.json"
    shutil.copytree(template.parent, target.parent)
    cases = all_cases(good)
    assert len(cases) >= 60
    tally = Tally()
    for n, case in enumerate(cases):
        folder = tmp_path / f"case{n}"
        shutil.copytree(template.parent, folder)
        path = folder / "j.json"
        path.unlink()
        place(case, path, good_raw, good, "journal")
        journal_runs(case, path, tally)
        made = case.make(good_raw, good, "journal")
        if isinstance(made, bytes):
            hostile = tmp_path / f"hostile{n}.json"
            hostile.write_bytes(made)
            restore_run(case, hostile, target, template, tally)
        export_raw = json.dumps(export).encode()
        made = case.make(export_raw, export, "export")
        exported = tmp_path / f"export{n}.json"
        # a named pipe is read as one (`import <(...)` is one): not tried
        if made != "fifo" and place(case, exported, export_raw, export, "export"):
            import_run(case, exported, target, template, tally)
        shutil.rmtree(folder)
    tried, survived = sum(tally.tried.values()), sum(tally.survived.values())
    print(f"\nhostile files: {len(cases)} files, {tried} runs tried, {survived} survived, "
          f"{len(tally.failures)} failures")  # fmt: skip
    for command in tally.tried:
        print(f"  {command}: {tally.survived[command]}/{tally.tried[command]}")
    assert not tally.failures, "\n".join(tally.failures)


def test_a_named_pipe_or_a_device_in_the_journals_place_is_refused_at_once(
    path: Path,
) -> None:
    """Reading one would wait for a writer forever (or never end, /dev/zero)."""
    path.parent.mkdir()
    os.mkfifo(path)
    env = {**os.environ, "LEVERAGE_TODAY": "2026-11-23"}
    for journal in (path, Path("/dev/zero")):
        for args in (["list", "promises"], ["check"], ["add", "promise", "--by", "A", "x"]):
            done = subprocess.run(
                [PYTHON, "-m", "leverage_tui", "--journal", str(journal), *args],
                capture_output=True, text=True, cwd=REPO, env=env, timeout=60,
            )  # fmt: skip
            assert done.returncode == 1, (journal, args, done.stderr)
            assert "is not a regular file" in done.stderr and done.stderr.count("\n") == 1


def test_an_export_declaring_a_future_schema_is_refused_at_import(path: Path) -> None:
    path.parent.mkdir()
    write_base(path)
    before = state(path)
    export = json.loads(run_cli("--journal", str(path), "export").out)
    export["_leverage"]["schema"] = 3
    future = path.parent.parent / "future.json"
    future.write_text(json.dumps(export))
    result = run_cli("--journal", str(path), "import", str(future))
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == (
        f"leverage: {future}: the export was written by a newer Leverage (schema 3; this "
        "one reads up to 2): upgrade Leverage to import it; nothing was imported"
    )
    assert state(path) == before


def test_a_key_twice_is_refused_on_opening_checking_and_importing(path: Path) -> None:
    """JSON keeps the last of a repeated key: the other record would vanish silently."""
    path.parent.mkdir()
    write_base(path)
    export = run_cli("--journal", str(path), "export").out
    raw = path.read_bytes()
    first = json.dumps(dict(json.loads(raw)["promises"]["1"], text="Dropped silently"))
    twice = raw.replace(b'"promises":{"1":', b'"promises":{"1":' + first.encode() + b',"1":', 1)
    path.write_bytes(twice)
    with pytest.raises(JournalError, match="the key '1' appears twice in one object"):
        Journal(path)
    check = run_cli("--journal", str(path), "check")
    assert check.code == 1 and "appears twice" in check.err
    path.write_bytes(raw)
    doubled = path.parent.parent / "doubled.json"
    doubled.write_text(export.replace('"promises": {', '"promises": {"p1": {"text": "x"},', 1))
    result = run_cli("--journal", str(path), "import", str(doubled))
    assert result.code == 2 and "the key 'p1' appears twice in one object" in result.err
    assert path.read_bytes() == raw


def test_a_journal_leverage_wrote_is_checked_for_repeated_keys_without_reading_it_twice(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slow check (every object read again) is for files Leverage did not write."""
    path.parent.mkdir()
    write_base(path)
    import leverage_tui.core.journal_format as journal_format

    def slow(raw: bytes) -> None:
        raise AssertionError("a file Leverage wrote was read key by key")

    monkeypatch.setattr(journal_format, "refuse_duplicate_keys", slow)
    assert Journal(path).promise("p1").form == "written"
    assert run_cli("--journal", str(path), "check").code == 0
