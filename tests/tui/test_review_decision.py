"""Pilot tests of the decision on the Review screen: the bottom line and the conflicts
first, the drafted messages one key away, offers in total, floors, flags wrapped, and
the new fields of the offer and ask editors."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.ask_editor import AskEditor
from leverage_tui.screens.offer_editor import OfferEditor
from leverage_tui.screens.offer_message import OfferMessageScreen
from leverage_tui.screens.review import ReviewScreen

from .conftest import TODAY

Drive = Callable[..., None]


def shown(app: LeverageApp, selector: str) -> str:
    """What a Static on the screen draws, as plain text at its width, one line."""
    static = app.screen.query_one(selector, Static)
    console = Console(width=max(static.size.width, 40), file=io.StringIO(), color_system=None)
    with console.capture() as out:
        console.print(static.content)
    return " ".join(out.get().split())


async def to_review(app: LeverageApp, pilot: Pilot[None]) -> None:
    await app.switch_mode("review")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)


def test_the_demo_review_leads_with_the_conflict(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_review(app, pilot)
        body_ = app.screen.query_one("#review-body")
        first = body_.children[0]
        assert first.id == "review-bottom"
        bottom = shown(app, "#review-bottom")
        assert bottom.startswith("• Maya's written counteroffer is due 26 Nov, the day after")
        assert "• The counteroffer does not meet your floor: base 135,000 < 140,000." in bottom
        assert shown(app, "#review-conflicts-title") == "Deadline conflicts (4)"
        versus = shown(app, "#review-versus")
        assert versus.startswith(
            "> The counteroffer (o2) against Northwind Labs (o1): base -7,000 · year one "
            "-31,000 · four years -94,000"
        )
        offers = app.screen.query_one("#review-offers", DataTable)
        assert [c.value for c in offers.columns] == ["now", "o1", "o2"]
        assert offers.get_cell("Year one in total", "o1").plain == "179,000"
        assert offers.get_cell("Four years in total", "o2").plain == "592,000"
        assert offers.get_cell("In writing", "o2").plain == "✎ no"
        floors = shown(app, "#review-floors")
        assert "✗ The counteroffer does not meet your floor: base 135,000 < 140,000." in floors
        assert "✓ Northwind Labs' offer meets your floor" in floors
        assert shown(app, "#review-risks").startswith("1. Would you take Northwind Labs' offer")

    drive(demo_app, body)


def test_t_and_i_open_the_drafted_messages(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.config.name_asked = True  # the name prompt comes once, before the first message
        await to_review(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OfferMessageScreen)
        assert (screen.offer_id, screen.more_time) == ("o1", True)
        text = screen.query_one(TextArea).text
        assert text.startswith("Subject: More time to decide on the offer")
        assert "Wednesday 25 November 2026" in text
        await pilot.press("ctrl+o")
        assert app.clipboard == text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OfferMessageScreen)
        assert (screen.offer_id, screen.more_time) == ("o2", False)
        assert screen.query_one(TextArea).text.startswith(
            "Subject: Putting the counteroffer in writing"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)

    drive(demo_app, body)


def test_no_offer_no_message(empty_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_review(app, pilot)
        await pilot.press("t", "i")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert not app.screen.query_one("#review-conflicts").display
        assert shown(app, "#review-bottom") == (
            "• No offer is open, so there is nothing to decide yet."
        )

    drive(empty_app, body)


def test_the_why_of_a_flag_wraps_in_full(tmp_path: Path, drive: Drive) -> None:
    """The issue's example: 'due date pushed later 2 times (2026-09-30 -> 2026-1…' was cut."""
    path = tmp_path / "j.json"
    j = Journal(path, today=TODAY, backups=0)
    p = j.add_promise("Seat at planning", "Robert", made_on=dt.date(2026, 8, 1))
    j.update_promise(p.id, due=dt.date(2026, 9, 30), on=dt.date(2026, 8, 2))
    j.update_promise(p.id, due=dt.date(2026, 10, 30), on=dt.date(2026, 9, 20))
    j.update_promise(p.id, due=dt.date(2026, 12, 3), on=dt.date(2026, 10, 20))

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_review(app, pilot)
        table = app.screen.query_one("#review-flags", DataTable)
        why = table.get_cell("promise:p1", "why").plain
        assert "due date pushed later 2 times (from 30 Sep 2026 to 3 Dec 2026)" in why
        row = table.rows[table.coordinate_to_cell_key((0, 0)).row_key]
        assert row.height >= 4  # two reasons, each wrapped over lines, not cut

    drive(LeverageApp(path, today=TODAY), body, size=(80, 24))


def test_offer_editor_takes_every_figure(empty_app: LeverageApp, drive: Drive) -> None:
    async def fill(pilot: Pilot[None], **values: str) -> None:
        for name, value in values.items():
            pilot.app.screen.query_one(f"#{name}", Input).value = value
        await pilot.pause()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_review(app, pilot)
        await pilot.press("o")
        assert isinstance(app.screen, OfferEditor)
        await fill(pilot, company="Acme", role="Staff", base="120k", bonus="10k")
        await fill(pilot, sign_on="15,000", equity_value="200k", benefits="5k")
        await fill(pilot, vesting_years="lots", cliff_months="99")
        assert "not a whole number" in shown(app, "#vesting_years-message")
        assert shown(app, "#cliff_months-message") != ""
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OfferEditor) and not app.journal.offers  # refused
        await fill(pilot, vesting_years="4", cliff_months="12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        o = app.journal.offers["o1"]
        assert (o.sign_on, o.equity_value, o.vesting_years, o.cliff_months, o.benefits) == (
            15_000,
            200_000,
            4,
            12,
            5_000,
        )
        offers = app.screen.query_one("#review-offers", DataTable)
        assert offers.get_cell("Year one in total", "o1").plain == "200,000"
        assert offers.get_cell("Four years in total", "o1").plain == "755,000"
        await pilot.press("e")  # the offer under the cursor: clear the benefits
        await pilot.pause()
        assert isinstance(app.screen, OfferEditor)
        await fill(pilot, benefits="")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.offers["o1"].benefits is None
        assert offers.get_cell("Year one in total", "o1").plain == (
            "at least 195,000 (benefits unknown)"
        )

    drive(empty_app, body)


def test_ask_editor_sets_and_clears_a_floor(empty_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await to_review(app, pilot)
        await pilot.press("w")
        assert isinstance(app.screen, AskEditor)
        app.screen.query_one("#text", Input).value = "Base of at least 140k"
        app.screen.query_one("#floor", Input).value = "salary=1"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AskEditor) and not app.journal.asks
        assert "floor" in shown(app, "#floor-message")
        app.screen.query_one("#floor", Input).value = "base=140k"
        await pilot.press("ctrl+s")
        await pilot.pause()
        ask = app.journal.asks["a1"]
        assert ask.floor is not None and (ask.floor.field, ask.floor.amount) == ("base", 140_000)
        assert "Base of at least 140k: base 140,000" in shown(app, "#review-floors")
        app.push_screen(AskEditor("a1"))
        await pilot.pause()
        assert app.screen.query_one("#floor", Input).value == "base=140000"
        app.screen.query_one("#floor", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.asks["a1"].floor is None

    drive(empty_app, body)
