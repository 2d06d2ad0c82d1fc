"""Nothing hostile reaches the terminal (issue 10, item 3b): a journal whose texts hold
escape sequences (window title, clipboard through OSC 52, screen clearing), C1 controls,
bidi overrides and isolates, BEL, DEL, NUL, line separators, and Markdown or HTML
injections, shown by every command and every screen: control characters come out
visibly escaped (`\\e]0;...`, `\\u202e`), Markdown as text, JSON still exact.

New input refuses all of these (checks.py); to get such a journal at all, the file is
written by hand and opened with the validator switched off, as a file from another
tool or an older version would have slipped past.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_files import RAW_CONTROL, write_base
from reliability_support import run_cli

import leverage_tui.core.journal_format as journal_format

RAW = re.compile(RAW_CONTROL)
HOSTILE = (
    "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07\x1b[2J\x1b[31m\x9b2J"
    " \u202egnp.exe\u202c \u2066iso\u2069 \x7f\x00\u2028\r\b"
)
"""Put at the end of every text of the journal."""
MARKDOWN = " [click](javascript:alert(1)) <b>bold</b> *em* `code`"
SHORT = "\x1b]0;t\x07\x1b[31m\x9b\u202e\u2066\x7f"
"""The tail of names (at most 120 characters)."""
"""Put at the end of every one-line text too: Markdown must stay text."""
CLEAN = "Sybil"
"""The person's name before the hostile part (names must still match)."""


def _hostile_data(data: dict[str, Any]) -> dict[str, Any]:
    """Every text of the journal, history included, with the hostile tail."""
    name = CLEAN + SHORT + " [x](y)"
    for table, docs in data.items():
        if table in ("_leverage", "chain", "chain_start"):  # the chain: its shape is checked
            continue
        for doc in docs.values():
            for field, value in doc.items():
                if field in ("conversation", "at") or not isinstance(value, str):
                    continue
                if value[:4].isdigit() or value in _CHOICES:
                    continue
                tail = HOSTILE + MARKDOWN
                if field in ("company", "name", "employer"):  # 120 characters at most
                    tail = SHORT + " [x](y)"
                doc[field] = value + tail + ("\nsecond line" + HOSTILE if field == "notes" else "")
            for change in doc.get("history", []):
                change["old"] = (change["old"] or "") + HOSTILE
                change["new"] = (change["new"] or "") + HOSTILE + MARKDOWN
    data["people"]["1"]["name"] = name
    data["promises"]["1"]["by"] = name
    second = dict(data["promises"]["1"], form="verbal", history=[], text="Send it" + HOSTILE)
    data["promises"]["2"] = second  # a verbal one, for the recap
    data["_leverage"]["1"]["next"]["p"] = 3
    data["conversations"]["1"]["with"] = [name]
    data["conversations"]["1"]["tags"] = ["lead" + SHORT]
    return data


_CHOICES = {"other", "hr", "meeting", "written", "leadership", "pending", "medium", "open"}


@pytest.fixture
def hostile(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal full of hostile text, opened as if it had slipped past the validator."""
    path.parent.mkdir()
    write_base(path)
    data = _hostile_data(json.loads(path.read_bytes()))
    path.write_text(json.dumps(data, ensure_ascii=False))
    monkeypatch.setattr(journal_format, "journal_problems", lambda *a, **k: [])
    return path


REFUSED = {("update", "promise"), ("update", "person")}
"""Changes the validator refuses (the record holds bad text): a one-line error."""
COMMANDS = [
    *(["list", what] for what in ("conversations", "promises", "asks", "offers", "people")),
    *(["list", what, "--json"] for what in ("conversations", "promises", "asks", "offers")),
    ["list", "people", "--json"],
    ["flags"],
    ["flags", "--json"],
    ["timeline"],
    ["timeline", "--json"],
    ["review"],
    ["review", "--md"],
    ["review", "--json"],
    ["export"],
    ["export", "--format", "md"],
    *(["export", "--format", "csv", "--kind", k] for k in ("conversations", "promises")),
    *(["export", "--format", "csv", "--kind", k] for k in ("asks", "offers")),
    ["export", "--format", "ics"],
    ["recap", "c1"],
    ["recap", "--offer", "o1"],
    ["recap", "--more-time", "o1"],
    ["current-job"],
    ["current-job", "--json"],
    ["check"],
    ["update", "promise", "p1", "--due", "2027-01-15"],
    ["update", "person", "u1", "--role", "manager"],
    ["add", "promise", "--by", "Ana", "--conversation", "c1", "A new promise"],
    ["delete", "a1"],
    ["delete", "p1"],
]
"""Every command that shows journal text (delete last: it prints what it deleted)."""


def _runs(path: Path) -> Iterator[tuple[list[str], str, str]]:
    for args in COMMANDS:
        result = run_cli("--journal", str(path), *args)
        assert "Traceback" not in result.err, (args, result.err)
        assert result.code == (2 if tuple(args[:2]) in REFUSED else 0), (args, result.err)
        yield args, result.out, result.err


def test_no_command_writes_a_control_character_to_the_terminal(hostile: Path) -> None:
    leaks = []
    for args, out, err in _runs(hostile):
        for where, text in (("stdout", out), ("stderr", err)):
            found = RAW.search(text.replace("\r\n", "\n"))  # CSV and iCalendar end lines so
            if found:
                leaks.append(f"{' '.join(args)}: {found.group()!r} on {where}")
    assert not leaks, "\n".join(leaks)


def test_json_output_keeps_every_character_exactly(hostile: Path) -> None:
    """Escaped, not changed: the JSON still holds the very text of the journal."""
    promises = json.loads(run_cli("--journal", str(hostile), "list", "promises", "--json").out)
    assert promises[0]["text"] == "You will lead Q3 planning" + HOSTILE + MARKDOWN
    assert promises[0]["history"][0]["old"] == "verbal" + HOSTILE
    export = json.loads(run_cli("--journal", str(hostile), "export").out)
    assert export["conversations"]["c1"]["notes"].endswith("\nsecond line" + HOSTILE)


def test_markdown_export_keeps_links_html_and_emphasis_as_text(hostile: Path) -> None:
    md = run_cli("--journal", str(hostile), "export", "--format", "md").out
    assert "](javascript" not in md and "<b>" not in md
    assert "\\[click\\]\\(javascript:alert\\(1\\)\\) \\<b\\>bold\\</b\\> \\*em\\* \\`code\\`" in md
    # shown escaped: the Markdown source doubles the backslash, so it reads \e]0;pwned\x07
    assert "\\\\e\\]0;pwned\\\\x07" in md and "\\\\u202egnp.exe" in md


def test_csv_export_escapes_controls_and_keeps_line_breaks_of_notes(hostile: Path) -> None:
    out = run_cli("--journal", str(hostile), "export", "--format", "csv", "--kind", "conversations")
    rows = list(csv.reader(io.StringIO(out.out)))
    notes = rows[1][rows[0].index("notes")]
    assert notes.startswith("line one\nline two\\e]0;pwned\\x07")
    assert "\nsecond line\\e]0;pwned" in notes


def test_table_cells_show_escapes_where_the_controls_were(hostile: Path) -> None:
    out = run_cli("--journal", str(hostile), "list", "promises").out
    assert "You will lead Q3 planning\\e]0;pwned\\x07" in out


# -- the app -------------------------------------------------------------------------------


def _screen_text(app: Any) -> str:
    """What the terminal shows now (every visible screen), as the segments' text."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      color_system=None, legacy_windows=False)  # fmt: skip
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(update)
    return console.export_text()


def test_no_screen_shows_a_control_character(hostile: Path) -> None:
    from reliability_support import TODAY

    from leverage_tui.app import LeverageApp
    from leverage_tui.core.config import Config
    from leverage_tui.screens.ask_editor import AskEditor
    from leverage_tui.screens.offer_editor import OfferEditor

    app = LeverageApp(hostile, today=TODAY, config=Config(name_asked=True))
    leaks: list[str] = []

    seen: list[str] = []

    def look(where: str) -> None:
        seen.append(type(app.screen).__name__)
        shown = _screen_text(app) + app.export_screenshot()
        found = RAW.search(shown)
        if found:
            leaks.append(f"{where} ({type(app.screen).__name__}): {found.group()!r}")

    async def go() -> None:
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            for mode in ("log", "promises"):
                app.switch_mode(mode)
                await pilot.pause(0.3)
                look(mode)
            await pilot.pause()
            for key, what in (("e", "promise editor"), ("d", "due"), ("s", "status")):
                await pilot.press(key)
                await pilot.pause(0.3)
                look(f"promises, {what}")
                await pilot.press("escape")
                await pilot.pause()
            app.open_conversation("c1", select="p1")
            await pilot.pause(0.3)
            look("conversation")
            for key, what in (("e", "conversation editor"), ("r", "recap")):
                await pilot.press(key)
                await pilot.pause(0.3)
                look(f"conversation, {what}")
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("ctrl+delete")
            await pilot.pause(0.3)
            look("conversation, delete question")
            await pilot.press("escape")
            for editor in (AskEditor("a1"), OfferEditor("o1"), OfferEditor(current_job=True)):
                app.push_screen(editor)
                await pilot.pause(0.3)
                look(type(editor).__name__)
                await pilot.press("escape")
                await pilot.pause()

    asyncio.run(go())
    assert seen == [
        "LogScreen", "PromisesScreen", "PromiseEditor", "DueDialog", "StatusDialog",
        "ConversationScreen", "ConversationEditor", "RecapScreen", "ConfirmScreen",
        "AskEditor", "OfferEditor", "OfferEditor",
    ]  # fmt: skip
    assert not leaks, "\n".join(leaks)


def test_today_timeline_and_review_show_no_control_character(hostile: Path) -> None:
    from reliability_support import TODAY

    from leverage_tui.app import LeverageApp

    app = LeverageApp(hostile, today=TODAY)
    leaks: list[str] = []

    async def go() -> None:
        async with app.run_test(size=(160, 50)) as pilot:
            for mode in ("today", "timeline", "review"):
                app.switch_mode(mode)
                await pilot.pause(0.3)
                for found in RAW.finditer(_screen_text(app)):
                    leaks.append(f"{mode}: {found.group()!r}")

    asyncio.run(go())
    assert not leaks, "\n".join(leaks)


def test_brackets_in_a_valid_journal_are_text_on_every_screen(path: Path) -> None:
    """`[/]`, `[b]` and `[@click=...]` are good text (the validator allows them): no
    screen may read them as markup (the ask editor crashed on `[/]`, a notice hid it)."""
    from reliability_support import TODAY

    from leverage_tui.app import LeverageApp
    from leverage_tui.core.journal import Journal
    from leverage_tui.screens.ask_editor import AskEditor
    from leverage_tui.screens.offer_editor import OfferEditor

    path.parent.mkdir()
    j = Journal(path, today=TODAY)
    c = j.add_conversation(["Sybil [/]"], "Pay [b]talk[/b]", notes="[@click=app.quit]x[/]")
    j.add_promise("Raise [/] soon", "Sybil [/]", conversation=c.id)
    j.add_ask("Team lead [/]", measure="[red]named[/red]", promises=["p1"])
    j.add_offer("Acme [/]", "Lead [i]", terms="[/]")
    app = LeverageApp(path, today=TODAY)
    shown: list[str] = []

    async def go() -> None:
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            for mode in ("log", "promises"):
                app.switch_mode(mode)
                await pilot.pause(0.3)
                shown.append(_screen_text(app))
            app.change(lambda j: j.update_promise("p1", form="written"))
            await pilot.press("ctrl+z")  # "Undone: edit of Raise [/] soon"
            await pilot.pause(0.3)
            notes = [n.message for n in app._notifications]
            assert any("Raise [/] soon" in n for n in notes), notes
            app.open_conversation("c1", select="p1")
            await pilot.pause(0.3)
            shown.append(_screen_text(app))
            for editor in (AskEditor("a1"), OfferEditor("o1")):
                app.push_screen(editor)
                await pilot.pause(0.3)
                shown.append(_screen_text(app))
                await pilot.press("escape")
                await pilot.pause()

    asyncio.run(go())
    assert "Raise [/] soon" in shown[1]
    assert "Pay [b]talk[/b]" in shown[2] and "[@click=app.quit]x[/]" in shown[2]
    assert "p1 Sybil [/]: Raise [/] soon" in shown[3]
    assert "Acme [/]" in shown[4]
