"""encrypt, passphrase and decrypt on a full disk or a failing disk, at every step, and
interrupted by Ctrl-C: one clear line that says what happened and what to run; running
it finishes the job.

The failure starts at step N of a clean run (every os.write, fsync, replace, unlink,
utime counts) and lasts until the command has returned, like a disk that fills up and
is then cleared. N runs over every step.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

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
from reliability_support import one_line_error, run_cli

from leverage_tui.core import crypto
from leverage_tui.core.storage import journal_lock

FAILURES = {
    "disk full": (("write", "fsync"), errno.ENOSPC),
    "i/o error": (("write", "fsync", "replace", "rename", "unlink", "utime", "link"), errno.EIO),
}
COMMANDS = {  # command: (template encrypted?, environment, how every file ends up)
    "encrypt": (False, {"LEVERAGE_PASSPHRASE": OLD}, OLD),
    "passphrase": (True, {"LEVERAGE_PASSPHRASE": OLD, "LEVERAGE_NEW_PASSPHRASE": NEW}, NEW),
    "decrypt": (True, {"LEVERAGE_PASSPHRASE": OLD}, "plain"),
}


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file protocol is under test here, not scrypt."""
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**10)


def failing(
    monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...], code: int, at: int
) -> list[int]:
    """From step `at` on, each of os.NAMES fails with `code`; the step count so far."""
    steps = [0]

    def wrap(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def patched(*args: object, **kwargs: object) -> object:
            steps[0] += 1
            if at and steps[0] >= at:
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        return patched

    for name in names:
        monkeypatch.setattr(os, name, wrap(name, getattr(os, name)))
    return steps


def files(path: Path) -> dict[str, bytes]:
    """Every file under the journal's folder, by name, with its bytes."""
    root = path.parent
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_failing_disk_at_every_step_says_what_to_run_and_that_finishes_it(
    command: str, failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted, env, final = COMMANDS[command]
    names, code = FAILURES[failure]
    template = make_template(tmp_path, encrypted)
    before = State.of(template, (OLD, NEW))
    with env_set(env), monkeypatch.context() as counting:
        steps = failing(counting, names, code, 0)
        path = fresh_copy(template, tmp_path, 0)
        assert run_cli("--journal", str(path), command).code == 0
    outcomes = {"nothing changed": 0, "run again": 0, "done anyway": 0}
    for n in range(1, steps[0] + 1):
        path = fresh_copy(template, tmp_path, n)
        untouched = files(path)
        with env_set(env):
            with monkeypatch.context() as broken:
                failing(broken, names, code, n)
                result = run_cli("--journal", str(path), command)
            if result.code == 0:
                outcomes["done anyway"] += 1  # only the zeros over freed blocks failed
            else:
                assert result.code == 1, result
                line = one_line_error(result)
                assert os.strerror(code) in line or "disk is full" in line, line
                if "nothing was changed" in line:
                    outcomes["nothing changed"] += 1
                    with journal_lock(path):  # the next save clears what is left
                        pass
                    assert files(path) | {".j.json.lock": b""} == untouched | {".j.json.lock": b""}
                    continue
                outcomes["run again"] += 1
                assert f"run `leverage {command}` again to finish them" in line, line
                again = run_cli("--journal", str(path), command)
                assert again.code == 0 and "finished" in again.out, (n, again)
        assert State.of(path, (OLD, NEW)) == before, n
        assert set(stored(path).values()) == {final}, (n, stored(path))
        assert stray_files(path.parent) == [], n
        if final != "plain":
            assert plain_files(path.parent) == [], n
        shutil.rmtree(path.parent.parent)
    print(f"\n{command}, {failure}: {steps[0]} steps: {outcomes}")
    assert outcomes["nothing changed"] > 3
    if failure == "i/o error":
        assert outcomes["run again"] > 3


@pytest.fixture
def ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, as in a terminal. (A job started in the
    background by a non-interactive shell, as CI may be, inherits SIGINT ignored, and
    Python leaves it so: then Ctrl-C would do nothing and this would test nothing.)"""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("when", ["staging", "after the switch"])
@pytest.mark.usefixtures("ctrl_c_interrupts")
def test_ctrl_c_never_makes_the_message_untrue(
    when: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = make_template(tmp_path, encrypted=False)
    path = fresh_copy(template, tmp_path, 1)
    untouched = files(path)
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        staging = str(src).endswith(".part")
        if staging == (when == "staging"):
            # the user presses Ctrl-C here (raise_signal: it lands before this returns)
            signal.raise_signal(signal.SIGINT)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with env_set({"LEVERAGE_PASSPHRASE": OLD}):
        result = run_cli("--journal", str(path), "encrypt")
    monkeypatch.setattr(os, "replace", real_replace)
    if when == "staging":
        assert result.code == 130 and "nothing was changed" in result.err
        with journal_lock(path):
            pass
        assert files(path) | {".j.json.lock": b""} == untouched | {".j.json.lock": b""}
    else:  # once the journal has switched, Ctrl-C waits for the backups
        assert result.code == 0, result.err
        assert set(stored(path).values()) == {OLD}
        assert plain_files(path.parent) == [] and stray_files(path.parent) == []
