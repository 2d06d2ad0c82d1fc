"""Kill at any moment: a writer killed with SIGKILL never damages the journal or loses a
change it reported as saved.

One helper process imports Leverage once and forks a fresh writer for every round (a fork
costs a millisecond, a Python start a quarter of a second). The writer opens the journal
and adds and updates promises as fast as it can, printing `try ...` before each change
and `ok ...` after it. The test kills it 5-80 ms after the fork, then checks in-process:
the file opens, `leverage check` finds no problem, every `ok` change is there, and the one
change in flight at the kill is either wholly there or wholly absent.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reliability_support import PYTHON, REPO, TODAY, run_cli

from leverage_tui.core.crypto import is_encrypted, unlock
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import Codec, inspect_file, list_backups

KILLS = 210
ROUNDS_PER_FILE = 30
"""A fresh journal file every so many rounds keeps the per-round check cheap."""

WRITER = r"""
import datetime as dt, os, random, signal, sys
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import STATUSES

today = dt.date.fromisoformat(sys.argv[1])
codec = None
if len(sys.argv) > 2:
    from leverage_tui.core.crypto import PassphraseCodec
    codec = PassphraseCodec(sys.argv[2])  # the key is derived once, here, before any fork

def say(line):
    os.write(1, (line + "\n").encode())

def text_for(n):
    return f"promise {n} " + "x" * (1 + n % 300)

for command in sys.stdin:
    seed, n, path = command.split()
    seed, n = int(seed), int(n)
    pid = os.fork()
    if pid == 0:
        rng = random.Random(seed)
        try:
            j = Journal(path, today=today, backups=5, codec=codec)
            while True:
                n += 1
                if len(j.promises) < 3 or rng.random() < 0.4:
                    say(f"try add {n}")
                    p = j.add_promise(text_for(n), rng.choice(["Ana", "Bo"]))
                    say(f"ok add {n} {p.id}")
                else:
                    pid_ = rng.choice(sorted(j.promises))
                    say(f"try upd {n} {pid_}")
                    j.update_promise(pid_, evidence=f"v{n}", status=rng.choice(STATUSES))
                    say(f"ok upd {n} {pid_}")
        except BaseException as err:
            say(f"error {type(err).__name__}: {err}")
        signal.pause()  # never exit on our own: the test kills us (no pid reuse)
    say(f"child {pid}")
    os.waitpid(pid, 0)
    say("end")
"""


def text_for(n: int) -> str:
    """The text the writer gives the promise it adds as change number n."""
    return f"promise {n} " + "x" * (1 + n % 300)


@dataclass
class Model:
    """What the journal must hold: every confirmed promise and its last confirmed change."""

    texts: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    counter: int = 0
    in_flight_kept: int = 0
    changes_confirmed: int = 0

    def apply(self, lines: list[str], path: Path, codec: Codec | None = None) -> None:
        """Check the journal on disk against the writer's output, then remember it."""
        errors = [line for line in lines if line.startswith("error")]
        assert not errors, errors
        tries = [line.split() for line in lines if line.startswith("try ")]
        oks = [line.split() for line in lines if line.startswith("ok ")]
        self.changes_confirmed += len(oks)
        for _, op, n, rid in oks:
            if op == "add":
                self.texts[rid] = text_for(int(n))
            else:
                self.evidence[rid] = f"v{n}"
        flying = tries[-1] if tries and len(tries) > len(oks) else None
        if tries:
            self.counter = int(tries[-1][2])

        journal = Journal(path, today=TODAY, backups=5, codec=codec)
        on_disk = {rid: p.text for rid, p in journal.promises.items()}
        extra = set(on_disk) - set(self.texts)
        assert set(self.texts) <= set(on_disk), "a confirmed promise is missing"
        if extra:  # only the add in flight may be there unconfirmed, and whole
            assert flying is not None and flying[1] == "add" and len(extra) == 1, extra
            rid = extra.pop()
            assert on_disk[rid] == text_for(int(flying[2]))
            self.texts[rid] = on_disk[rid]
            self.in_flight_kept += 1
        for rid, text in self.texts.items():
            assert on_disk[rid] == text
            got, want = journal.promises[rid].evidence, self.evidence.get(rid, "")
            if got != want:  # only the update in flight may be there unconfirmed
                assert flying is not None and flying[1:] == ["upd", flying[2], rid], (rid, got)
                assert got == f"v{flying[2]}"
                self.evidence[rid] = got
                self.in_flight_kept += 1


def check_file(path: Path, codec: Codec | None, every_backup: bool) -> None:
    """`leverage check` logic on the file and its backups: no problem at all."""
    backups = list_backups(path)
    for candidate in [path, *(backups if every_backup else backups[:1])]:
        data, problems = inspect_file(candidate, codec)
        assert data and problems == []


@dataclass
class Totals:
    """What a run of kill rounds saw, over all its journal files."""

    kills: int = 0
    confirmed: int = 0
    in_flight_kept: int = 0
    promises: int = 0
    inside_a_save: int = 0


def kill_rounds(folder: Path, rounds: int, seed: int, passphrase: str | None = None) -> Totals:
    """Fork, let write, kill, check: `rounds` times. Returns what was seen."""
    rng = random.Random(seed)
    totals, models = Totals(), [Model() for _ in range(0, rounds, ROUNDS_PER_FILE)]
    argv = [PYTHON, "-c", WRITER, TODAY.isoformat(), *([passphrase] if passphrase else [])]
    helper = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO, text=True, bufsize=1
    )
    assert helper.stdin is not None and helper.stdout is not None
    codec = None
    try:
        for round_no in range(rounds):
            model = models[round_no // ROUNDS_PER_FILE]
            path = folder / f"j{round_no // ROUNDS_PER_FILE}.json"
            helper.stdin.write(f"{rng.randrange(2**32)} {model.counter} {path}\n")
            lines: list[str] = []
            while not (line := helper.stdout.readline().strip()).startswith("child "):
                assert line, "the writer helper died"
                lines.append(line)
            time.sleep(rng.uniform(0.005, 0.080))
            os.kill(int(line.split()[1]), signal.SIGKILL)
            while (line := helper.stdout.readline().strip()) != "end":
                assert line, "the writer helper died"
                lines.append(line)
            totals.kills += 1
            if not path.exists():  # killed before its very first save: nothing to lose
                assert not model.texts and not any(line.startswith("ok ") for line in lines)
                continue
            if passphrase:
                assert is_encrypted(path)
                codec = unlock(path, passphrase)  # same salt in every file: derived once
            model.apply(lines, path, codec)
            check_file(path, codec, every_backup=round_no % 10 == 0)
            if round_no % 25 == 0:
                result = run_cli("--journal", str(path), "check")
                assert result.code == 0 and result.out.startswith("ok:"), result
    finally:
        helper.kill()
        helper.wait()
    totals.confirmed = sum(m.changes_confirmed for m in models)
    totals.in_flight_kept = sum(m.in_flight_kept for m in models)
    totals.promises = sum(len(m.texts) for m in models)
    totals.inside_a_save = len(list(folder.glob(".j*.json.*.tmp")))
    return totals


def test_200_kills_never_damage_or_lose_a_confirmed_change(tmp_path: Path) -> None:
    started = time.monotonic()
    totals = kill_rounds(tmp_path, KILLS, seed=20261123)
    print(
        f"\nkills survived: {totals.kills}; confirmed changes kept: {totals.confirmed}; "
        f"in-flight changes found whole: {totals.in_flight_kept}; kills inside a save "
        f"(temp file left behind): {totals.inside_a_save}; {time.monotonic() - started:.1f} s"
    )
    assert totals.kills >= 200
    assert totals.promises > 100, "the writer hardly wrote anything"
    assert totals.confirmed > 400
    assert totals.inside_a_save, "no kill ever landed inside a save: the test proves little"


def test_kills_of_an_encrypted_writer_leave_a_whole_encrypted_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVERAGE_PASSPHRASE", "correct horse battery")
    totals = kill_rounds(tmp_path, 25, seed=7, passphrase="correct horse battery")
    assert totals.kills == 25 and totals.confirmed > 20
    for leftover in tmp_path.rglob("*"):
        if leftover.is_file() and leftover.stat().st_size:
            assert b"promise " not in leftover.read_bytes(), leftover
