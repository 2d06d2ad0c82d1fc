"""The Wins screen and editor: add from anywhere (W), filter as you type, link to asks;
the Today nudge; wins on the Timeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static

from leverage_tui.app import LeverageApp
from leverage_tui.core.config import Config
from leverage_tui.core.journal import Journal
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.win_editor import WinEditor
from leverage_tui.screens.wins import WinsScreen
from leverage_tui.widgets.record_table import RecordTable

from .conftest import TODAY

Drive = Callable[..., None]


async def type_text(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def test_W_adds_a_win_from_any_screen(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        for mode in ("today", "promises", "review"):
            await app.switch_mode(mode)
            await pilot.pause()
            await pilot.press("W")
            await pilot.pause()
            assert isinstance(app.screen, WinEditor), mode
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        await type_text(pilot, "Ran the accessibility audit")
        app.screen.query_one("#impact", Input).value = "12 issues fixed before launch"
        app.screen.query_one("#asks", SelectionList).select("a3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, WinEditor)

    drive(demo_app, body)
    win = Journal(demo_app.journal_path).records("win")["w5"]
    assert (win.text, win.on, win.impact, win.asks) == (
        "Ran the accessibility audit",
        TODAY,
        "12 issues fixed before launch",
        ("a3",),
    )


def test_the_wins_filter_as_you_type_and_by_ask(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("wins")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WinsScreen)
        table = screen.query_one(RecordTable)
        assert list(table.keys) == ["w4", "w3", "w2", "w1"]  # newest first
        await pilot.press("slash")
        await type_text(pilot, "library")
        assert list(table.keys) == ["w2"]
        screen.query_one(".text-filter", Input).value = ""
        screen.query_one("#f-ask").value = "a1"  # type: ignore[attr-defined]
        await pilot.pause()
        assert list(table.keys) == ["w3", "w1"]
        screen.query_one("#f-ask").value = "-"  # type: ignore[attr-defined]
        await pilot.pause()
        assert list(table.keys) == ["w4"]
        summary = str(screen.query_one(".summary", Static).render())
        assert summary.startswith("1 of 4 wins · 2 of 3 open asks backed by a win")

    drive(demo_app, body)


def test_enter_links_a_win_to_an_ask_and_delete_asks_first(
    demo_app: LeverageApp, drive: Drive
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("wins")
        await pilot.pause()
        await pilot.press("enter")  # w4, which supports no ask yet
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, WinEditor) and editor.win_id == "w4"
        editor.query_one("#asks", SelectionList).select("a3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.records("win")["w4"].asks == ("a3",)
        detail = str(app.screen.query_one("#win-detail", Static).render())
        assert "Supports a3: More influence on design (open)" in detail
        summary = str(app.screen.query_one(".summary", Static).render())
        assert "3 of 3 open asks backed by a win" in summary  # counted again on the change
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "w4" not in app.journal.records("win")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "w4" in app.journal.records("win")

    drive(demo_app, body)


def test_a_bad_win_is_not_saved(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("W")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing typed
        await pilot.pause()
        assert isinstance(app.screen, WinEditor)
        message = str(app.screen.query_one("#text-message", Static).render())
        assert message == "win is empty: write something"
        app.screen.query_one("#tags", Input).value = "ok bad#tag"
        app.screen.query_one("#text", Input).value = "Shipped"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WinEditor)
        assert "a tag is one word" in str(app.screen.query_one("#tags-message", Static).render())

    drive(demo_app, body)
    assert len(Journal(demo_app.journal_path).records("win")) == 4


def test_today_nudges_when_no_win_for_a_while(small_path: Path, drive: Drive) -> None:
    def nudge(config: Config) -> tuple[bool, str]:
        seen: list[tuple[bool, str]] = []

        async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
            line = app.screen.query_one("#win-nudge", Static)
            seen.append((line.display, str(line.render())))

        drive(LeverageApp(small_path, today=TODAY, config=config), body)
        return seen[0]

    shown, text = nudge(Config())
    assert shown and text == "★ No win logged yet: note one, with its evidence. (W adds one)"
    assert nudge(Config(win_nudge_days=0))[0] is False
    Journal(small_path, today=TODAY).add("win", text="Shipped", on=TODAY.replace(day=1))
    shown, text = nudge(Config())
    assert (
        shown and text == "★ No win in 22 days: note one while the details are fresh. (W adds one)"
    )
    assert nudge(Config(win_nudge_days=30))[0] is False


def test_no_nudge_on_the_demo(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.screen.query_one("#win-nudge").display is False

    drive(demo_app, body)


def test_enter_on_a_win_in_the_timeline_opens_it(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("timeline")
        await pilot.pause()
        app.screen.query_one(".text-filter", Input).value = "mentored"
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        table.move_to_key(next(k for k in table.keys if k.startswith("win:")))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WinEditor) and app.screen.win_id == "w4"

    drive(demo_app, body)


def test_the_summary_counts_a_single_win_filtered_out(small_path: Path, drive: Drive) -> None:
    """Bug: with one win in all and the filter hiding it, the summary said '1 win'."""
    Journal(small_path, today=TODAY).add("win", text="Shipped the onboarding flow", on=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.switch_mode("wins")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WinsScreen)
        summary = screen.query_one(".summary", Static)
        assert str(summary.render()).startswith("1 win ·")
        screen.query_one(".text-filter", Input).value = "nothing like it"
        await pilot.pause()
        assert str(summary.render()).startswith("0 of 1 win ·")

    drive(LeverageApp(small_path, today=TODAY), body)
