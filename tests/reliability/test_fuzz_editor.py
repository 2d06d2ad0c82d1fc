"""Random text pasted and typed into the promise editor: never a crash; what is refused
leaves the journal's bytes alone; what is saved is exactly what was pasted."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

from reliability_support import TODAY, small_journal
from textual import events
from textual.widgets import Input

from leverage_tui.app import LeverageApp
from leverage_tui.core.checks import bad_character
from leverage_tui.core.journal import Journal
from leverage_tui.screens.promise_editor import PromiseEditor

EXAMPLES = 20
PIECES = [
    "Announce me as lead", " by friday ", "\t", "\0", "\x1b[31m", "\u202e", "\u200f", "🙂",
    "👩\u200d💻", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea",
    "x" * 2500, "\r\n", "\u2028", "é", "'", '"', "[b]markup[/b]", "we'll see", "\ufeff", "",
    "in 2 weeks", "2026-02-30", "tomorrow", "n" * 130,
]  # fmt: skip


def nasty(rng: random.Random) -> str:
    """A short mix of real words, odd characters and oversized pieces."""
    parts = [rng.choice(PIECES) for _ in range(rng.randrange(0, 4))]
    parts += [chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 3))]
    rng.shuffle(parts)
    return "".join(parts)


def kept(pasted: str) -> str:
    """What a one-line field keeps of a paste, as the journal stores it: nothing when it
    holds a control character (refused, issue 17), else its lines joined with spaces
    (issue 16: never cut to the first line)."""
    flat = pasted.replace("\r\n", "\n").replace("\r", "\n")
    if bad_character(flat.replace("\n", " ")):
        return ""
    lines = [line.strip() for line in flat.split("\n") if line.strip()]
    return " ".join(lines).strip().replace("\t", " ")


def test_random_text_in_the_promise_editor(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    small_journal(path)
    app = LeverageApp(path, today=TODAY)
    rng = random.Random(20261123)
    outcomes = {"saved": 0, "refused": 0}

    async def go() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(EXAMPLES):
                before, known = path.read_bytes(), set(app.journal.promises)
                if not isinstance(app.screen, PromiseEditor):  # (opening one takes a while)
                    app.action_add_promise()
                    await pilot.pause()
                editor = app.screen
                assert isinstance(editor, PromiseEditor)
                values = {name: nasty(rng) for name in ("text", "by", "evidence")}
                values["due"] = rng.choice(["", "fri", "in 2 weeks", "2026-12-01", nasty(rng)])
                for name, value in values.items():
                    node = editor.query_one(f"#{name}")  # the due date is a DateField
                    field = node if isinstance(node, Input) else node.query_one(Input)
                    field.clear()
                    field.focus()
                    typeable = value.isascii() and value.isprintable() and len(value) < 20
                    if name == "text" and typeable:  # typed key by key; the rest pasted
                        await pilot.press(*["space" if c == " " else c for c in value])
                    elif value:
                        field.post_message(events.Paste(value))
                await pilot.pause()
                await pilot.press("ctrl+s")
                await pilot.pause()
                if isinstance(app.screen, PromiseEditor):
                    outcomes["refused"] += 1
                    assert path.read_bytes() == before
                    continue  # the next example reuses the open editor
                outcomes["saved"] += 1
                (new_id,) = set(app.journal.promises) - known
                promise = app.journal.promise(new_id)
                assert promise.text == kept(values["text"])
                assert promise.evidence == kept(values["evidence"])

    asyncio.run(go())
    assert outcomes["saved"] >= 3 and outcomes["refused"] >= 3, outcomes
    reopened = Journal(path, today=TODAY)
    assert len(reopened.promises) == 2 + outcomes["saved"]
