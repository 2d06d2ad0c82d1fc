"""Pilot tests of issue 15 in the app: deciding on an offer from the Review (with a
confirmation, and the others declined on request), the evidence asked for when a
promise becomes written, a record's files (F), Today after the decision, and deleting a
record that has files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from leverage_tui.app import LeverageApp
from leverage_tui.core.safe_files import files_dir
from leverage_tui.screens.attachments import AttachmentsScreen
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.decide_dialog import DecideDialog
from leverage_tui.screens.evidence_dialog import EvidenceDialog
from leverage_tui.screens.review import ReviewScreen
from leverage_tui.screens.today import TodayScreen

Drive = Callable[..., None]


async def offer_column(app: LeverageApp, pilot: Pilot[None], oid: str) -> None:
    """The Review, its offers table focused, the cursor on offer `oid`."""
    await app.switch_mode("review")
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    offers = app.screen.query_one("#review-offers", DataTable)
    offers.focus()
    offers.move_cursor(column=[c.value for c in offers.columns].index(oid))
    await pilot.pause()


def test_accepting_the_counteroffer_from_the_review(demo_app: LeverageApp, drive: Drive) -> None:
    """d on the counteroffer: the dialog, a confirmation, declining the outside offer too;
    Today then checks on the counteroffer's promises."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await offer_column(app, pilot, "o2")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DecideDialog)
        await pilot.press("d", "a")  # the choice bar's hot letters: decline, then accept
        app.screen.query_one("#decide-why", Input).focus()
        await pilot.press(*"the title, in writing", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Accept the counteroffer from Halden & Co (o2)?" in app.screen.question
        assert "You are staying" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # decline the others?
        assert "o1 Northwind Labs" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        j = app.journal
        assert (j.offers["o2"].status, j.offers["o1"].status) == ("accepted", "declined")
        decision = j.records("decision")["d1"]
        assert decision.why == "the title, in writing" and decision.on == app.today
        assert "Since you stayed" in str(app.screen.query_one("#review-after", Static).content)
        await app.switch_mode("today")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        after = str(app.screen.query_one("#after", Static).content)
        assert after.startswith("You stayed on 23 Nov 2026:")
        assert "first check-in on 23 Dec" in after
        await pilot.press("ctrl+z")  # one change: all of it undone
        await pilot.pause()
        assert j.offers["o2"].status == "open" and not j.records("decision")

    drive(demo_app, body)


def test_no_decision_without_the_confirmation(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await offer_column(app, pilot, "o1")
        await pilot.press("d")
        await pilot.pause()
        app.screen.action_save()  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "You are leaving" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert app.journal.offers["o1"].status == "open" and not app.journal.records("decision")

    drive(demo_app, body)


def test_written_asks_for_the_evidence(small_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c1", select="p1")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceDialog)
        await pilot.press(*"email: Re: Q1 lead")
        await pilot.press("enter")
        await pilot.pause()
        p = app.journal.promise("p1")
        assert (p.form, p.evidence) == ("written", "email: Re: Q1 lead")
        await pilot.press("v", "w")  # back to verbal, then written again: it has evidence
        await pilot.pause()
        assert not isinstance(app.screen, EvidenceDialog)
        assert app.journal.promise("p1").form == "written"
        app.open_conversation("c1", select="p3")
        await pilot.pause()
        await pilot.press("o", "escape")  # asked, and cancelled: nothing changes
        await pilot.pause()
        assert app.journal.promise("p3").form == "verbal"

    drive(small_app, body)


def test_files_of_a_promise_added_by_path_and_deleted_with_it(
    small_app: LeverageApp, drive: Drive, tmp_path: Path
) -> None:
    letter = tmp_path / "q1-lead-email.txt"
    letter.write_text("Yes, you lead Q1. Sybil\n")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.open_conversation("c1", select="p1")
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, AttachmentsScreen)
        app.screen.query_one("#attach-path", Input).value = str(letter)
        await pilot.press("enter")
        await pilot.pause()
        app.journal.flush()
        files = app.journal.records("attachment")
        assert [(f.id, f.record, f.name) for f in files.values()] == [
            ("f1", "p1", "q1-lead-email.txt")
        ]
        listed = app.screen.query_one("#files", OptionList)
        assert listed.option_count == 1 and listed.get_option_at_index(0).id == "f1"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Its 1 attached file (f1 q1-lead-email.txt) go too" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        app.journal.flush()
        assert "p1" not in app.journal.promises and not app.journal.records("attachment")
        assert not (files_dir(app.journal_path) / "f1").exists()

    drive(small_app, body)


async def open_pick_dialog(app: LeverageApp, pilot: Pilot[None]) -> OptionList:
    """`d` on the Review with no offer under the cursor: the pick dialog's list."""
    from leverage_tui.screens.pick_dialog import PickDialog

    await app.switch_mode("review")
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, PickDialog)
    return app.screen.query_one(OptionList)


def test_d_with_no_offer_under_the_cursor_asks_which_offer(
    demo_app: LeverageApp, drive: Drive
) -> None:
    """d on the Review with the cursor elsewhere: a list of the open offers to pick from
    (it used to say only "put the cursor on an offer first")."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        options = await open_pick_dialog(app, pilot)
        words = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert words == [
            "the offer from Northwind Labs: Senior Product Designer, team lead, decide by 25 Nov",
            "the counteroffer from Halden & Co: Lead Designer, decide by 29 Nov",
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DecideDialog)
        assert app.screen.offer.id == "o2"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.journal.offers["o2"].status == "open"  # nothing decided

    drive(demo_app, body)


def test_j_and_k_move_in_the_list_of_offers_to_pick(demo_app: LeverageApp, drive: Drive) -> None:
    """The pick dialog's list takes j/k/g/G as every list does (it was Textual's own
    OptionList, where j and k did nothing)."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        options = await open_pick_dialog(app, pilot)
        assert app.focused is options
        assert options.highlighted == 0
        await pilot.press("j")
        await pilot.pause()
        assert options.highlighted == 1
        await pilot.press("k")
        await pilot.pause()
        assert options.highlighted == 0
        await pilot.press("G")
        await pilot.pause()
        assert options.highlighted == 1
        await pilot.press("g")
        await pilot.pause()
        assert options.highlighted == 0
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DecideDialog)
        assert app.screen.offer.id == "o2"

    drive(demo_app, body)
