"""The editors' text fields: pastes joined or refused (never cut, never garbled), errors
that follow the field, "Discard?" before throwing away what was typed, notes in $EDITOR
(issue 16 section 3; issue 17 items 2 and 3)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.conversation_editor import ConversationEditor

from .conftest import drive

GARBLED = "Paste \x1b[31mRED\x1b[0m and \x1b]0;tuipwn title\x07Paste"


async def _open(app: LeverageApp, pilot: Pilot[None], cid: str | None = None) -> None:
    app.push_screen(ConversationEditor(cid))
    await pilot.pause()
    await pilot.pause()


def _message(app: LeverageApp, name: str) -> str:
    line = app.screen.query_one(f"#{name}-message", Static)
    return str(line.render()) if line.display else ""


async def _paste(app: LeverageApp, pilot: Pilot[None], name: str, text: str) -> None:
    app.screen.query_one(f"#{name}").focus()
    await pilot.pause()
    app.post_message(events.Paste(text))  # as a terminal does: to the focused field
    await pilot.pause()
    await pilot.pause()


def test_a_multi_line_paste_into_a_line_is_joined_and_said(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot)
        await _paste(app, pilot, "summary", "Pay review\r\nwith HR\n\nand Sybil\n")
        assert app.screen.query_one("#summary", Input).value == "Pay review with HR and Sybil"
        assert _message(app, "summary") == "3 lines pasted: joined with spaces"

    drive(small_app, body)


def test_a_paste_with_escape_sequences_is_refused_not_garbled(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot)
        await _paste(app, pilot, "summary", GARBLED)
        assert app.screen.query_one("#summary", Input).value == ""
        assert _message(app, "summary") == (
            "the pasted text contains control character '\\x1b': nothing was pasted"
        )
        await _paste(app, pilot, "notes", "line\n" + GARBLED)
        assert app.screen.query_one("#notes", TextArea).text == ""
        assert "nothing was pasted" in _message(app, "notes")

    drive(small_app, body)


def test_notes_keep_the_lines_of_a_paste(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot)
        await _paste(app, pilot, "notes", "one\ntwo")
        assert app.screen.query_one("#notes", TextArea).text == "one\ntwo"

    drive(small_app, body)


def test_an_error_goes_when_the_field_is_fixed(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot)
        summary = app.screen.query_one("#summary", Input)
        app.screen.query_one("#people", Input).value = "Sybil Vane"
        summary.value = "x" * 2001
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _message(app, "summary").startswith("summary is too long (2,001 characters")
        summary.value = "x" * 2002
        await pilot.pause()
        assert _message(app, "summary").startswith("summary is too long (2,002 characters")
        summary.value = "Short"
        await pilot.pause()
        assert _message(app, "summary") == ""
        assert isinstance(app.screen, ConversationEditor)

    drive(small_app, body)


def test_escape_with_changes_asks_before_discarding(small_app: LeverageApp) -> None:
    before = small_app.journal_path.read_bytes()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot)
        app.screen.query_one("#summary", Input).focus()
        await pilot.press("H", "i")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing: nothing lost
        await pilot.pause()
        assert isinstance(app.screen, ConversationEditor)
        assert app.screen.query_one("#summary", Input).value == "Hi"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ConversationEditor | ConfirmScreen)

    drive(small_app, body)
    assert small_app.journal_path.read_bytes() == before


def test_escape_without_changes_closes_at_once(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot, "c1")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConversationEditor | ConfirmScreen)

    drive(small_app, body)


def test_ctrl_q_with_changes_asks_first(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot, "c1")
        app.screen.query_one("#summary", Input).focus()
        await pilot.press("end", "!")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConversationEditor)
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.return_code == 0

    drive(small_app, body)


def test_ctrl_q_without_changes_quits(small_app: LeverageApp) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot, "c1")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0  # quit at once, no question

    drive(small_app, body)


EDITOR = """
import sys
path = sys.argv[1]
t = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(t + "Written in the editor.\\nSecond line.\\n")
"""


def test_ctrl_e_in_the_notes_opens_the_editor(
    small_app: LeverageApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await _open(app, pilot, "c1")
        app.screen.query_one("#notes", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert notes.text == "Written in the editor.\nSecond line."
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(small_app, body)
    notes = Journal(small_app.journal_path).conversation("c1").notes
    assert notes == "Written in the editor.\nSecond line."


def _editors() -> list[tuple[str, object]]:
    from leverage_tui.screens.ask_editor import AskEditor
    from leverage_tui.screens.offer_editor import OfferEditor
    from leverage_tui.screens.promise_editor import PromiseEditor
    from leverage_tui.screens.win_editor import WinEditor

    return [
        ("new conversation", lambda: ConversationEditor()),
        ("promise p1", lambda: PromiseEditor("p1")),
        ("new promise", lambda: PromiseEditor()),
        ("new ask", lambda: AskEditor()),
        ("new offer", lambda: OfferEditor()),
        ("current job", lambda: OfferEditor(current_job=True)),
        ("new win", lambda: WinEditor()),
    ]


@pytest.mark.parametrize(("label", "make"), _editors(), ids=[e[0] for e in _editors()])
def test_no_question_when_nothing_was_changed(
    small_app: LeverageApp, label: str, make: object
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.push_screen(make())  # type: ignore[operator]
        await pilot.pause()
        await pilot.pause()
        editor = app.screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not editor and not isinstance(app.screen, ConfirmScreen), label

    drive(small_app, body)
