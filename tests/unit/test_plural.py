"""Every count the app writes agrees with its noun, from one helper (issue 17, item 8)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from leverage_tui.core.checklist import check_fixes_why
from leverage_tui.core.journal import Journal
from leverage_tui.core.plural import are, counted, plural
from leverage_tui.core.records import Ask
from leverage_tui.core.review import AskCoverage


def test_one_module_for_plurals() -> None:
    """core/words.py was merged into core/plural.py: one helper, one name."""
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("leverage_tui.core.words")
    assert counted(1, "due date") == "1 due date"
    assert counted(2, "due date") == "2 due dates"
    assert plural("company", 2) == "companies"
    assert (are(1), are(0), are(2)) == ("is", "are", "are")


def test_marking_one_promise_is_said_in_the_singular(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json", backups=0)
    promise = journal.add_promise("Send the numbers", "Sybil")
    journal.set_forms([promise.id], "written")
    assert journal.undo() == "mark 1 promise written"


def covered(text: str, coverage: str) -> AskCoverage:
    return AskCoverage(Ask(id="a1", text=text), [], coverage, None)


def test_the_one_ask_is_not_all_1_asks() -> None:
    assert check_fixes_why([covered("Lead role", "granted")]).answer == (
        "Yes: the one ask is granted or in writing."
    )
    two = check_fixes_why([covered("Lead role", "granted"), covered("Raise", "verbal only")])
    assert two.answer.startswith("Not yet: 1 of 2 asks is granted or in writing")
