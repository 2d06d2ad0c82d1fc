"""The README's command reference names every command the parser has: a new command (or
a new kind under add/update, or a new list) fails here until it is documented."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from leverage_tui.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def _reference() -> str:
    """The code block of the README's "Command reference" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Command reference\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```\n", 2)[1]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _documented(reference: str, prefix: str) -> set[str]:
    """Every word documented after `leverage PREFIX`, alternatives (a|b|c) split."""
    found: set[str] = set()
    for line in reference.splitlines():
        match = re.match(rf"leverage {re.escape(prefix)}\s*([\w|-]+)", line.strip())
        if match:
            found.update(match.group(1).split("|"))
    return found


def test_every_command_is_in_the_readme() -> None:
    commands = set(_subparsers(build_parser()))
    assert len(commands) > 15
    missing = commands - _documented(_reference(), "")
    assert not missing, f"commands missing from the README's command reference: {missing}"


def test_every_kind_of_add_and_update_is_in_the_readme() -> None:
    reference = _reference()
    commands = _subparsers(build_parser())
    for verb in ("add", "update"):
        kinds = set(_subparsers(commands[verb]))
        assert kinds
        missing = kinds - _documented(reference, f"{verb} ")
        assert not missing, f"`leverage {verb}` kinds missing from the README: {missing}"


def test_everything_list_lists_is_in_the_readme() -> None:
    listing = _subparsers(build_parser())["list"]
    (what,) = [a for a in listing._actions if a.choices and not a.option_strings]
    assert what.choices is not None
    missing = set(what.choices) - _documented(_reference(), "list ")
    assert not missing, f"`leverage list` choices missing from the README: {missing}"


def test_every_app_option_is_in_the_readme() -> None:
    reference = _reference()
    options = {
        option
        for action in build_parser()._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    }
    assert {"--demo", "--journal"} <= options
    assert not {o for o in options if f"leverage {o}" not in reference}
