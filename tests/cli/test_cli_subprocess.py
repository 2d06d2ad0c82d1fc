"""The real `leverage` in a subprocess: the essentials a script relies on.

Each run costs about 0.3 s, so the logic is tested in-process in the other files; here
we check what only a real process shows: exit codes, the streams, no traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from leverage_tui import __version__
from leverage_tui.cli import main
from leverage_tui.core.journal import Journal

from .conftest import TODAY


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for a subprocess: its own journal, config folder and today."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("LEVERAGE_")}
    out.update(
        LEVERAGE_JOURNAL=str(tmp_path / "journal.json"),
        LEVERAGE_TODAY=TODAY.isoformat(),
        LEVERAGE_CONFIG_DIR=str(tmp_path / "config"),
        LEVERAGE_DATA_DIR=str(tmp_path / "data"),
    )
    return out


def leverage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m leverage_tui ARGS...`."""
    return subprocess.run(
        [sys.executable, "-m", "leverage_tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version(env: dict[str, str]) -> None:
    r = leverage(env, "--version")
    assert (r.returncode, r.stdout.strip()) == (0, f"leverage {__version__}")


def test_help_describes_every_command_with_an_example(env: dict[str, str]) -> None:
    r = leverage(env, "--help")
    assert r.returncode == 0
    text = " ".join(r.stdout.split())  # undo argparse's wrapping
    for command in ("add", "update", "delete", "list", "flags", "timeline", "export", "import"):
        assert re.search(rf"\b{command} .*?\(e\.g\. leverage {command}\b", text), command
    assert "(e.g. leverage check)" in text


@pytest.mark.parametrize(
    "sub",
    [
        ["add"], ["add", "conversation"], ["add", "promise"], ["add", "ask"], ["add", "offer"],
        ["add", "person"], ["update"], ["update", "promise"], ["update", "conversation"],
        ["update", "ask"], ["update", "offer"], ["delete"], ["list"], ["flags"], ["timeline"],
        ["export"], ["import"], ["check"],
    ],
)  # fmt: skip
def test_every_subcommand_help_has_examples(
    sub: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit:
        main([*sub, "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    examples = out.split("examples:\n", 1)[1]
    assert examples.startswith(f"  leverage {' '.join(sub)}")


def test_id_capture_script(env: dict[str, str], tmp_path: Path) -> None:
    script = """
set -e
c=$("$PY" -m leverage_tui add conversation --with Sybil --on "fri 14:30" "Lead role")
p=$("$PY" -m leverage_tui add promise --conversation "$c" --due "in 2 weeks" "Lead Q3")
"$PY" -m leverage_tui update promise "$p" --form written --evidence "email" >/dev/null
echo "$c $p"
"""
    r = subprocess.run(
        ["bash", "-c", script],
        env={**env, "PY": sys.executable},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (r.returncode, r.stdout, r.stderr) == (0, "c1 p1\n", "")
    promises = json.loads(leverage(env, "list", "promises", "--json").stdout)
    assert [(p["id"], p["by"], p["form"], p["conversation"]) for p in promises] == [
        ("p1", "Sybil", "written", "c1")
    ]


def test_json_output_parses(env: dict[str, str]) -> None:
    Journal(env["LEVERAGE_JOURNAL"], today=TODAY).add_promise("We'll see about a raise", "Sybil")
    flags = json.loads(leverage(env, "flags", "--json").stdout)
    assert [(f["flag"], f["id"]) for f in flags] == [
        ("unwritten", "p1"),
        ("vague", "p1"),
        ("no-date", "p1"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["add", "promise", "--by", "Sybil", "--due", "blursday", "x"],
        ["add", "promise", "--by", "Sybil", "x" * 100_000],
        ["update", "promise", "p9", "--status", "honored"],
        ["frobnicate"],
    ],
    ids=["bad-date", "huge", "unknown-id", "unknown-command"],
)  # the other bad inputs are covered in-process
def test_bad_input_exit_2_one_line_no_traceback(
    env: dict[str, str], tmp_path: Path, args: list[str]
) -> None:
    journal = tmp_path / "journal.json"
    Journal(journal, today=TODAY).add_promise("Keep me", "Sybil")
    before = journal.read_bytes()
    r = leverage(env, *args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith("leverage: ") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.stderr
    assert journal.read_bytes() == before


def test_damaged_journal_exit_1(env: dict[str, str], tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    journal.write_bytes(b'{"_leverage": {"schema": 1}, "prom')
    r = leverage(env, "check")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert str(journal) in r.stderr
    assert journal.read_bytes() == b'{"_leverage": {"schema": 1}, "prom'


def test_bad_today_is_exit_2(env: dict[str, str]) -> None:
    r = leverage({**env, "LEVERAGE_TODAY": "someday"}, "flags")
    assert r.returncode == 2
    assert r.stderr == "leverage: LEVERAGE_TODAY is not a YYYY-MM-DD date: 'someday'\n"
