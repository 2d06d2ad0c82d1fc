"""`leverage` with only the app's options opens the app without loading the commands."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import leverage_tui.cli as cli
from leverage_tui.cli import app_arguments, build_parser, main
from leverage_tui.cli.common import Context

APP_ONLY = [
    [],
    ["--journal", "j.json"],
    ["--journal=j.json", "--demo"],
    ["--jour", "j.json", "--th", "leverage-light", "--priv"],
    ["--theme", "leverage-contrast", "--private-start"],
    ["--journal", "-"],
]

NOT_APP_ONLY = [
    ["add", "promise", "--by", "Sybil", "Announce me"],
    ["--journal", "j.json", "list", "promises"],
    ["-h"],
    ["--help"],
    ["--version"],
    ["--v"],
    ["--journal"],
    ["--journal", "--demo"],
    ["--no-such-option"],
    ["--", "add"],
]


@pytest.mark.parametrize("args", APP_ONLY, ids=" ".join)
def test_app_options_parse_as_the_whole_parser_does(args: list[str]) -> None:
    """The short way gives exactly what the whole command line would."""
    short = app_arguments(args)
    assert short is not None
    assert vars(short) == vars(build_parser().parse_args(args))
    assert short.command is None


@pytest.mark.parametrize("args", NOT_APP_ONLY, ids=" ".join)
def test_anything_else_goes_to_the_whole_parser(args: list[str]) -> None:
    """Commands, help, version and mistakes are left to the whole command line."""
    assert app_arguments(args) is None


def test_opening_the_app_loads_no_command_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`leverage --journal PATH` reaches the app with the parsed options, no command module."""
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LEVERAGE_TODAY", raising=False)

    def no_commands() -> list[object]:
        raise AssertionError("the command modules were loaded")

    opened: list[tuple[argparse.Namespace, Context]] = []

    def open_app(args: argparse.Namespace, ctx: Context) -> int:
        opened.append((args, ctx))
        return 0

    monkeypatch.setattr(cli, "command_modules", no_commands)
    monkeypatch.setattr("leverage_tui.cli.tui.open_app", open_app)
    path = tmp_path / "j.json"
    assert main(["--journal", str(path), "--theme", "leverage-light"]) == 0
    [(args, ctx)] = opened
    assert args.theme == "leverage-light"
    assert ctx.path == path


def test_a_command_still_loads_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command goes through the whole parser: a bad one is a one-line usage error."""
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LEVERAGE_TODAY", raising=False)
    assert main(["--journal", str(tmp_path / "j.json"), "no-such-command"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'no-such-command'" in err
    assert err.count("\n") == 1
