"""The Log screen: newest first, filter as you type, open, edit and delete."""

from __future__ import annotations

import datetime as dt

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core.records import Conversation
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.conversation_editor import ConversationEditor, split_names, split_tags
from leverage_tui.screens.log import LogScreen, matches
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def keys(app: LeverageApp) -> list[str]:
    """The conversation ids in the Log's table, in order."""
    return list(app.screen.query_one(RecordTable).keys)


async def open_log(pilot: Pilot[None]) -> None:
    """Switch to the Log."""
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LogScreen)


def test_matches_person_words_and_tags() -> None:
    """Every term must match; #term matches the start of a tag."""
    conv = Conversation(
        id="c1",
        on=TODAY,
        people=("Maya Chen",),
        summary="Pay review",
        notes="Bonus talk",
        tags=("pay", "leadership"),
    )
    assert matches(conv, [])
    assert matches(conv, ["maya", "bonus"])
    assert matches(conv, ["#lead"]) and matches(conv, ["#pay", "review"])
    assert not matches(conv, ["#review"])
    assert not matches(conv, ["maya", "offer"])


def test_split_names_and_tags() -> None:
    """Names split on commas; tags on commas or spaces, without #."""
    assert split_names(" Maya Chen, ,Robert Osei ") == ["Maya Chen", "Robert Osei"]
    assert split_tags("#Pay, leadership  offer") == ["pay", "leadership", "offer"]


def test_newest_first(demo_app: LeverageApp, drive) -> None:
    """Every conversation, the latest on top."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_log(pilot)
        shown = keys(app)
        assert len(shown) == len(app.journal.conversations)
        days = [app.journal.conversations[c].on for c in shown]
        assert days == sorted(days, reverse=True) and shown[0] == "c11"

    drive(demo_app, body)


def test_filter_as_you_type(demo_app: LeverageApp, drive, screen_text) -> None:
    """/ then a person and a tag narrows the list; Escape clears it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_log(pilot)
        await pilot.press("slash", *"priya")
        await pilot.pause(0.3)
        assert keys(app) == ["c7", "c3"]
        await pilot.press("space", *"#pay", "space", *"band")
        await pilot.pause(0.3)
        assert keys(app) == ["c7"]
        assert "1 of 11 conversations match" in screen_text(app)
        await pilot.press("enter", "escape")
        await pilot.pause(0.3)
        assert len(keys(app)) == 11

    drive(demo_app, body)


def test_enter_opens_and_escape_returns(demo_app: LeverageApp, drive) -> None:
    """Enter opens the conversation under the cursor with its promises."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_log(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conversation_id == "c10"
        assert list(app.screen.query_one(RecordTable).keys) == ["p9", "p10"]
        await pilot.press("escape")
        assert isinstance(app.screen, LogScreen)

    drive(demo_app, body)


def test_edit_and_delete_from_the_log(small_app: LeverageApp, drive) -> None:
    """e edits the selected conversation; Delete asks, then removes it (promises stay)."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_log(pilot)
        assert keys(app) == ["c2", "c1"]
        await pilot.press("e")
        assert isinstance(app.screen, ConversationEditor)
        await pilot.press("end", *" 2027", "ctrl+s")
        await pilot.pause()
        assert app.journal.conversation("c2").summary == "Pay review with HR 2027"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert keys(app) == ["c1"] and "p2" in app.journal.promises
        assert app.journal.promise("p2").conversation is None

    drive(small_app, body)
