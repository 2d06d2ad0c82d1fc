"""Kill `encrypt`, `passphrase` and `restore` at every step: nothing is lost, and once any
command has run again no plain text, no copy under the old key, no zeroed backup and no
stray temp file is left.

A helper process imports Leverage once and forks a child per round. The child counts its
file-system steps (every os.write, fsync, replace, rename, link, unlink, utime) and kills
itself with SIGKILL at step N (a write is cut in half first). A dry run counts the steps;
then N runs from 1 to the last step, on a fresh copy of the same journal each time.

After each kill the test checks the files as the kill left them (the journal and every
listed backup whole, in the old or the new form, with its old content and date), then
runs the same command again or another command, and checks that the job is finished.
The key derivation is made cheap here: the file protocol is under test, not scrypt.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from recode_support import (
    NEW,
    OLD,
    State,
    env_set,
    fresh_copy,
    make_template,
    plain_files,
    stored,
    stray_files,
)
from reliability_support import PYTHON, REPO, run_cli

from leverage_tui.core import crypto
from leverage_tui.core.storage import decode_file, journal_lock, list_backups

RUNNER = r"""
import json, os, signal, sys
from leverage_tui.core import crypto
crypto.SCRYPT_N = 2**10  # cheap keys: the file protocol is under test, not scrypt
from leverage_tui.cli import main

real_write, protocol = os.write, os.dup(1)

def say(line):
    real_write(protocol, (line + "\n").encode())

for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        log = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.environ.update(job["env"])
        kill_at, steps = job["kill_at"], [0]

        def step():
            steps[0] += 1
            return steps[0] == kill_at

        def wrap(name):
            real = getattr(os, name)

            def patched(*args, **kwargs):
                if step():
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)

            setattr(os, name, patched)

        for name in ("fsync", "replace", "rename", "link", "unlink", "utime"):
            wrap(name)

        def write(fd, data):
            if step():  # killed in the middle of a write: half of it is there
                real_write(fd, bytes(data)[: len(data) // 2])
                os.kill(os.getpid(), signal.SIGKILL)
            return real_write(fd, data)

        os.write = write
        code = main(job["argv"])
        say(f"done {code} {steps[0]}")
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    say(f"end {status}")
"""


class Helper:
    """The forking helper process: one `run` per round."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-c", RUNNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
            text=True,
            bufsize=1,
        )

    def run(self, argv: list[str], env: dict[str, str], kill_at: int, log: Path) -> int | None:
        """Run `leverage ARGV` killed at step `kill_at`; its step count when it finished."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        job = {"argv": argv, "env": env, "kill_at": kill_at, "log": str(log)}
        self.proc.stdin.write(json.dumps(job) + "\n")
        steps = None
        while not (line := self.proc.stdout.readline().strip()).startswith("end "):
            assert line, "the helper died"
            if line.startswith("done "):
                steps = int(line.split()[2])
        return steps

    def close(self) -> None:
        """Stop the helper."""
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def helper() -> Iterator[Helper]:
    """One helper for the whole module."""
    h = Helper()
    yield h
    h.close()


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """New passphrases in this process cost little too."""
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)


@dataclass
class Counts:
    """What a series of kills found."""

    tried: int = 0
    survived: int = 0
    lost: int = 0
    leaked: int = 0
    plain_at_kill: int = 0
    old_key_at_kill: int = 0
    reruns: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def line(self, what: str) -> str:
        """One line for the test's output."""
        return (
            f"{what}: kills tried {self.tried}, survived {self.survived}, lost {self.lost}, "
            f"leaked (plain text or old key, after the next command) {self.leaked}; "
            f"killed between the journal's switch and the backups' "
            f"(left for the next command): plain {self.plain_at_kill}, "
            f"old key {self.old_key_at_kill}; finished by {self.reruns}"
        )


Check = Callable[[Path, State, Counts, int], None]


def kill_every_step(
    helper: Helper,
    root: Path,
    template: Path,
    argv: list[str],
    env: dict[str, str],
    after_kill: Check,
    finishers: list[tuple[str, list[str], set[int]]],
    after_finish: Check,
) -> Counts:
    """Run `leverage ARGV` once to count its steps, then kill it at each one in turn."""
    counts = Counts()
    dry = fresh_copy(template, root, 0)
    steps = helper.run(["--journal", str(dry), *argv], env, 0, root / "dry.log")
    assert steps and steps >= 3, (steps, (root / "dry.log").read_text())
    passphrases = (OLD, NEW)
    before = State.of(template, passphrases)
    for n in range(1, steps + 1):
        path = fresh_copy(template, root, n)
        finished = helper.run(["--journal", str(path), *argv], env, n, root / "kill.log")
        assert finished is None, f"step {n} of {steps} was not reached"
        counts.tried += 1
        problems_before, lost, leaked = len(counts.problems), counts.lost, counts.leaked
        after_kill(path, before, counts, n)
        name, finisher, codes = finishers[n % len(finishers)]
        with env_set(env):
            result = run_cli("--journal", str(path), *finisher)
        counts.reruns[name] = counts.reruns.get(name, 0) + 1
        if result.code not in codes or "Traceback" in result.err:
            counts.problems.append(f"step {n}: {name} exited {result.code}: {result.err}")
        after_finish(path, before, counts, n)
        with journal_lock(path):  # what the next save does first
            if strays := stray_files(path.parent):
                counts.problems.append(f"step {n}: strays after a save: {strays}")
        counts.lost = lost + (counts.lost > lost)  # kills that lost something
        counts.leaked = leaked + (counts.leaked > leaked)
        if len(counts.problems) == problems_before:
            counts.survived += 1
        shutil.rmtree(path.parent.parent)
    return counts


def same_data(path: Path, before: State, counts: Counts, n: int, when: str) -> None:
    """The journal and every backup still hold what they held, backups in the same order."""
    try:
        now = State.of(path, (OLD, NEW))
    except Exception as err:  # noqa: BLE001 (any failure to read is a loss)
        counts.lost += 1
        counts.problems.append(f"step {n} {when}: unreadable: {err!r}")
        return
    if now.journal != before.journal:
        counts.lost += 1
        counts.problems.append(f"step {n} {when}: the journal changed")
    if now.backups != before.backups or now.order != before.order:
        counts.lost += 1
        counts.problems.append(f"step {n} {when}: backups {now.order} != {before.order}")


# -- encrypt ---------------------------------------------------------------------------


def test_encrypt_killed_at_every_step(helper: Helper, tmp_path: Path) -> None:
    template = make_template(tmp_path, encrypted=False)
    env = {"LEVERAGE_PASSPHRASE": OLD}

    def after_kill(path: Path, before: State, counts: Counts, n: int) -> None:
        same_data(path, before, counts, n, "at the kill")
        how = stored(path)
        if how[path.name] == "plain":  # not switched yet: only the journal's old self
            if set(how.values()) != {"plain"}:
                counts.problems.append(f"step {n}: a backup switched before the journal")
        elif "plain" in how.values():
            counts.plain_at_kill += 1
        temps = [p for p in path.parent.glob(".*.tmp") if b"Sybil" in p.read_bytes()]
        if temps and how[path.name] != "plain":
            counts.problems.append(f"step {n}: plain temp file {temps}")

    def after_finish(path: Path, before: State, counts: Counts, n: int) -> None:
        same_data(path, before, counts, n, "after the next command")
        how = stored(path)
        leaks = plain_files(path.parent) if how[path.name] != "plain" else []
        if how[path.name] != "plain" and set(how.values()) != {OLD}:
            leaks.append(f"not all encrypted: {how}")
        if leaks:
            counts.leaked += 1
            counts.problems.append(f"step {n}: left {leaks}")
        if strays := stray_files(path.parent, saves=False):
            counts.problems.append(f"step {n}: strays {strays}")

    counts = kill_every_step(
        helper, tmp_path, template, ["encrypt"], env, after_kill,
        [("encrypt again", ["encrypt"], {0, 2}), ("list", ["list", "promises"], {0})],
        after_finish,
    )  # fmt: skip
    print("\n" + counts.line("encrypt"))
    assert counts.problems == [], "\n".join(counts.problems)
    assert counts.survived == counts.tried > 20


def test_an_encrypt_cut_short_is_finished_by_running_it_again(
    helper: Helper, tmp_path: Path
) -> None:
    """After a kill between the journal's switch and the backups', `encrypt` finishes."""
    template = make_template(tmp_path, encrypted=False)
    env = {"LEVERAGE_PASSPHRASE": OLD}
    dry = fresh_copy(template, tmp_path, 0)
    steps = helper.run(["--journal", str(dry), "encrypt"], env, 0, tmp_path / "log")
    assert steps
    for n in range(steps, 0, -1):  # the last kill that leaves a plain backup behind
        path = fresh_copy(template, tmp_path, n)
        helper.run(["--journal", str(path), "encrypt"], env, n, tmp_path / "log")
        how = stored(path)
        if how[path.name] == OLD and "plain" in how.values():
            break
    else:
        pytest.fail("no kill left the journal encrypted and a backup plain")
    with env_set(env):
        again = run_cli("--journal", str(path), "encrypt")
    assert again.code == 0, again.err
    assert "finished" in again.out and "already" not in again.out + again.err
    assert set(stored(path).values()) == {OLD}
    assert plain_files(path.parent) == [] and stray_files(path.parent) == []


# -- passphrase ------------------------------------------------------------------------


def test_passphrase_killed_at_every_step(helper: Helper, tmp_path: Path) -> None:
    template = make_template(tmp_path, encrypted=True)
    env = {"LEVERAGE_PASSPHRASE": OLD, "LEVERAGE_NEW_PASSPHRASE": NEW}
    old_salt = crypto.read_header(template)["salt"]

    def after_kill(path: Path, before: State, counts: Counts, n: int) -> None:
        same_data(path, before, counts, n, "at the kill")
        how = stored(path)
        if how[path.name] == OLD and set(how.values()) != {OLD}:
            counts.problems.append(f"step {n}: a backup switched before the journal")
        elif how[path.name] == NEW and OLD in how.values():
            counts.old_key_at_kill += 1

    def after_finish(path: Path, before: State, counts: Counts, n: int) -> None:
        same_data(path, before, counts, n, "after the next command")
        how = stored(path)
        left = []
        if how[path.name] == NEW:  # switched: nothing may open with the old passphrase
            for p in sorted(path.parent.rglob("*")):
                head = p.read_bytes()[:400] if p.is_file() else b""
                if head.startswith(crypto.MAGIC) and old_salt.encode() in head:
                    left.append(p.name)
        elif set(how.values()) != {OLD}:
            left.append(f"mixed: {how}")
        if left or plain_files(path.parent):
            counts.leaked += 1
            counts.problems.append(f"step {n}: left {left}")
        if strays := stray_files(path.parent, saves=False):
            counts.problems.append(f"step {n}: strays {strays}")

    counts = kill_every_step(
        helper, tmp_path, template, ["passphrase"], env, after_kill,
        [("passphrase again", ["passphrase"], {0, 1}), ("list", ["list", "promises"], {0, 1})],
        after_finish,
    )  # fmt: skip
    print("\n" + counts.line("passphrase"))
    assert counts.problems == [], "\n".join(counts.problems)
    assert counts.survived == counts.tried > 20


def test_a_passphrase_change_cut_short_is_finished_without_the_old_passphrase(
    helper: Helper, tmp_path: Path
) -> None:
    template = make_template(tmp_path, encrypted=True)
    env = {"LEVERAGE_PASSPHRASE": OLD, "LEVERAGE_NEW_PASSPHRASE": NEW}
    dry = fresh_copy(template, tmp_path, 0)
    steps = helper.run(["--journal", str(dry), "passphrase"], env, 0, tmp_path / "log")
    assert steps
    for n in range(steps, 0, -1):
        path = fresh_copy(template, tmp_path, n)
        helper.run(["--journal", str(path), "passphrase"], env, n, tmp_path / "log")
        how = stored(path)
        if how[path.name] == NEW and OLD in how.values():
            break
    else:
        pytest.fail("no kill left the journal switched and a backup under the old key")
    with env_set({"LEVERAGE_PASSPHRASE": "typed wrong on purpose"}):
        again = run_cli("--journal", str(path), "passphrase")
    assert again.code == 0, again.err
    assert "finished" in again.out
    assert set(stored(path).values()) == {NEW}


# -- restore ---------------------------------------------------------------------------


def records(data: dict[str, Any]) -> dict[str, Any]:
    """A journal's record tables: not its header, not its hash chain."""
    return {k: v for k, v in data.items() if k not in ("_leverage", "chain", "chain_start")}


def test_restore_of_a_plain_file_killed_at_every_step(helper: Helper, tmp_path: Path) -> None:
    """Restoring a plain copy into an encrypted journal: encrypted at every kill."""
    template = make_template(tmp_path, encrypted=True)
    outside = tmp_path / "outside" / "plain-copy.json"
    outside.parent.mkdir()
    plain_backup = crypto.PassphraseCodec(OLD, crypto.read_header(template)).decode(
        list_backups(template)[2].read_bytes()
    )
    outside.write_bytes(plain_backup)
    restored = decode_file(plain_backup, outside)[1]
    env = {"LEVERAGE_PASSPHRASE": OLD}

    def check(path: Path, before: State, counts: Counts, n: int, when: str) -> None:
        how = stored(path)
        if set(how.values()) != {OLD}:
            counts.leaked += 1
            counts.problems.append(f"step {n} {when}: {how}")
        if plain_files(path.parent):
            counts.leaked += 1
            counts.problems.append(f"step {n} {when}: plain {plain_files(path.parent)}")
        now = State.of(path, (OLD,))
        # the records: a restore is a change in the hash chain, so the header and the
        # chain differ from the backup's (issue 15)
        old, back, journal = records(before.journal), records(restored), records(now.journal)
        if journal not in (old, back):
            counts.lost += 1
            counts.problems.append(f"step {n} {when}: the journal is neither")
        kept = {k: v for k, v in now.backups.items() if "before-restore" not in k}
        asides = [records(v) for k, v in now.backups.items() if "before-restore" in k]
        if kept != before.backups or any(a not in (old, back) for a in asides):
            counts.lost += 1
            counts.problems.append(f"step {n} {when}: backups changed")
        if journal == back and old not in asides:
            counts.lost += 1
            counts.problems.append(f"step {n} {when}: restored, but the old journal is gone")

    def after_kill(path: Path, before: State, counts: Counts, n: int) -> None:
        check(path, before, counts, n, "at the kill")

    def after_finish(path: Path, before: State, counts: Counts, n: int) -> None:
        check(path, before, counts, n, "after the next command")
        if strays := stray_files(path.parent, saves=False):
            counts.problems.append(f"step {n}: strays {strays}")

    counts = kill_every_step(
        helper, tmp_path, template, ["restore", str(outside)], env, after_kill,
        [("restore again", ["restore", str(outside)], {0}), ("list", ["list", "promises"], {0})],
        after_finish,
    )  # fmt: skip
    print("\n" + counts.line("restore"))
    assert counts.problems == [], "\n".join(counts.problems)
    assert counts.survived == counts.tried >= 4
