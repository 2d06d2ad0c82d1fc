"""$VISUAL / $EDITOR for long text: `leverage edit ID`, `add conversation --edit`.

The editor is a small script: it keeps the template it was given (EDIT_SEEN) and
writes EDIT_RESULT over it (a Python expression of the template `t`)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal

from .conftest import Run

SCRIPT = """
import os, sys
path = sys.argv[1]
t = open(path, encoding="utf-8").read()
open(os.environ["EDIT_SEEN"], "w", encoding="utf-8").write(t)
open(path, "w", encoding="utf-8").write(eval(os.environ["EDIT_RESULT"]))
sys.exit(int(os.environ.get("EDIT_STATUS", "0")))
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake editor as $EDITOR; returns the file holding the template it was given."""
    script = tmp_path / "fake_editor.py"
    script.write_text(SCRIPT, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    seen = tmp_path / "seen.txt"
    monkeypatch.setenv("EDIT_SEEN", str(seen))
    return seen


def _result(monkeypatch: pytest.MonkeyPatch, expression: str) -> None:
    monkeypatch.setenv("EDIT_RESULT", expression)


def test_edit_changes_the_notes_from_a_template(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _result(monkeypatch, "t.replace('\\n# == notes:', '\\n# == notes:') + 'First line\\n\\nSecond'")
    r = cli("edit", "c1")
    assert r.code == 0, r.err
    seen = editor.read_text(encoding="utf-8")
    assert seen.startswith("# Editing conversation c1 'Lead role talk'.")
    assert "# == summary: what it was about, in a line (one line)\nLead role talk\n" in seen
    assert "# == notes: what was said (several lines)\n" in seen
    assert Journal(sample).conversation("c1").notes == "First line\n\nSecond"
    assert r.out.startswith("c1: notes none -> ")


def test_an_emptied_template_cancels(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sample.read_bytes()
    _result(monkeypatch, "'# only comments\\n\\n'")
    r = cli("edit", "c1")
    assert (r.code, r.out) == (0, "")
    assert "cancelled, nothing changed" in r.err
    assert sample.read_bytes() == before


def test_a_failing_editor_changes_nothing(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sample.read_bytes()
    _result(monkeypatch, "t + 'x'")
    monkeypatch.setenv("EDIT_STATUS", "3")
    r = cli("edit", "c1")
    assert r.code == 2
    assert "exited with status 3: nothing was changed" in r.err
    assert sample.read_bytes() == before


def test_a_removed_section_line_changes_nothing(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _result(monkeypatch, "t.split('# == notes')[0]")
    r = cli("edit", "c1")
    assert r.code == 2
    assert "'# == notes' line was removed" in r.err


def test_a_one_line_field_given_lines_is_joined(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _result(monkeypatch, "t.replace('\\nYou will lead Q3 planning\\n', '\\nYou\\nlead Q3!\\n')")
    r = cli("edit", "p1")
    assert r.code == 0, r.err
    assert Journal(sample).promise("p1").text == "You lead Q3!"
    assert "had several lines; joined with spaces" in r.err


def test_add_conversation_edit_writes_notes_first(
    cli: Run, journal_path: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _result(monkeypatch, "t + 'She said the budget is set.\\nAsk HR.'")
    r = cli("add", "conversation", "--with", "Sybil", "--edit", "Pay talk")
    assert (r.code, r.out) == (0, "c1\n"), r.err
    c = Journal(journal_path).conversation("c1")
    assert (c.summary, c.notes) == ("Pay talk", "She said the budget is set.\nAsk HR.")


def test_add_conversation_edit_emptied_adds_nothing(
    cli: Run, journal_path: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _result(monkeypatch, "''")
    r = cli("add", "conversation", "--with", "Sybil", "--edit", "Pay talk")
    assert (r.code, r.out) == (0, "")
    assert "cancelled" in r.err
    assert not journal_path.exists()


def test_the_template_file_is_private_and_removed(
    cli: Run, sample: Path, editor: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mode_file = tmp_path / "mode"
    _result(
        monkeypatch,
        f"(open({str(mode_file)!r}, 'w').write(oct(os.stat(path).st_mode & 0o777) + ' ' + path)"
        " and '')",
    )
    assert cli("edit", "c1").code == 0
    mode, path = mode_file.read_text().split(" ", 1)
    assert mode == "0o600"
    assert not os.path.exists(path)
