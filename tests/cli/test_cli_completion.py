"""`leverage completion bash|zsh|fish`: a script for each shell, made from the parser."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from leverage_tui.cli import build_parser

from .conftest import Run


def _subcommands() -> list[str]:
    """Every command of the parser and every kind under add/update."""
    names: list[str] = []
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                names.append(name)
                for child in sub._actions:
                    if isinstance(child, argparse._SubParsersAction):
                        names.extend(child.choices)
    return names


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_script_naming_every_command(cli: Run, shell: str) -> None:
    result = cli("completion", shell)
    assert result.code == 0, result.err
    assert result.out.strip()
    missing = [name for name in _subcommands() if name not in result.out]
    assert not missing
    assert "completion" in result.out  # the new command completes itself too


def test_an_unknown_shell_is_bad_usage(cli: Run) -> None:
    result = cli("completion", "tcsh")
    assert result.code == 2
    assert "invalid choice" in result.err
    assert result.out == ""


def test_bash_completes_commands_and_kinds(cli: Run, tmp_path: Path) -> None:
    """The bash script, sourced in a real bash, completes `leverage add <TAB>`."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    script = tmp_path / "leverage.bash"
    script.write_text(cli("completion", "bash").out)
    probe = (
        f"source {script}\n"
        'COMP_WORDS=(leverage add ""); COMP_CWORD=2; _shtab_leverage leverage "" add\n'
        'echo "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(leverage cu); COMP_CWORD=1; _shtab_leverage leverage cu leverage\n"
        'echo "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run([bash, "--norc", "-c", probe], capture_output=True, text=True)
    kinds, current = done.stdout.splitlines()
    assert set(kinds.split()) == {"person", "conversation", "promise", "ask", "win", "offer"}
    assert current == "current-job"


def test_file_arguments_complete_file_names(cli: Run) -> None:
    script = cli("completion", "zsh").out
    assert "_files" in script  # -o FILE, --journal PATH, import FILE
