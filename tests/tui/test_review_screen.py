"""Pilot tests of the Review screen, its editors (offer, current job, ask) and the recap."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, SelectionList, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.core.review import brief_markdown, build_brief
from leverage_tui.screens.ask_editor import AskEditor, join_measure, split_measure
from leverage_tui.screens.offer_editor import OfferEditor
from leverage_tui.screens.recap import RecapScreen
from leverage_tui.screens.review import ReviewScreen
from leverage_tui.screens.save_dialog import SaveDialog

TODAY = dt.date(2026, 11, 23)


def make_journal(path: Path) -> None:
    """c1 with two verbal promises and a written one; an outside offer; one vague ask."""
    j = Journal(path, today=TODAY, backups=0)
    c = j.add_conversation(["Sam Park"], "Planning lead", on=dt.date(2026, 11, 20))
    j.add_promise("Announce me as planning lead", "Sam Park", conversation=c.id)
    j.add_promise("Raise to 130k", "Sam Park", conversation=c.id, due=dt.date(2026, 12, 4))
    j.add_promise("Training budget", "Sam Park", conversation=c.id, form="written")
    j.add_conversation(["Ria"], "Nothing promised", on=dt.date(2026, 11, 21))
    j.add_offer("Acme", "Staff", base=150_000, written=True, deadline=dt.date(2026, 11, 25))
    j.add_ask("More influence")


Body = Callable[[LeverageApp, Pilot[None]], Awaitable[None]]


def run(tmp_path: Path, body: Body, size: tuple[int, int] = (120, 40)) -> Path:
    """Open the app on a fresh journal, switch to Review and run `body`."""
    path = tmp_path / "j.json"
    make_journal(path)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=size) as pilot:
            await app.switch_mode("review")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await body(app, pilot)

    asyncio.run(go())
    return path


def text_of(app: LeverageApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def fill(pilot: Pilot[None], selector: str, value: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.value = value
    await pilot.pause()


def test_review_shows_the_brief(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        offers = app.screen.query_one("#review-offers", DataTable)
        assert [c.value for c in offers.columns] == ["o1"]
        assert offers.get_cell("Decide by", "o1").plain == "25 Nov 2026 (in 2 days)"
        assert "current job is not recorded" in text_of(app, "#review-offers-note")
        assert (
            text_of(app, "#review-flags-title") == "Open flags (6 flags on 5 records), worst first"
        )  # p1 x2, p2, p3, o1, a1: one row a record
        table = app.screen.query_one("#review-flags", DataTable)
        keys = [row.value for row in table.rows]
        assert keys == ["offer:o1", "promise:p1", "promise:p2", "ask:a1", "promise:p3"]
        flag, about, why = (c.plain for c in table.get_row("promise:p1"))
        assert flag.splitlines() == ["✎ unwritten", "? no-date"]
        assert "Announce me as planning lead" in about
        assert why.splitlines()[1] == (
            "no-date: no due date: a promise without a date is not a commitment"
        )
        asks = app.screen.query_one("#review-asks", DataTable)
        assert asks.get_row("a1")[3].plain == "✗ not covered"  # and no promise linked

    run(tmp_path, body)


def test_current_job_editor_then_side_by_side(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("c")
        assert isinstance(app.screen, OfferEditor)
        await fill(pilot, "#company", "Current Co")
        await fill(pilot, "#role", "Engineer")
        await fill(pilot, "#base", "120k")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        job = app.journal.current_job
        assert job is not None and (job.company, job.base) == ("Current Co", 120_000)
        offers = app.screen.query_one("#review-offers", DataTable)
        assert [c.value for c in offers.columns] == ["now", "o1"]
        versus = shown(app, "#review-versus")
        assert "Acme (o1) against your current job: base +30,000 · year one unknown" in (
            " ".join(versus.split())
        )

    run(tmp_path, body)


def test_offer_editor_checks_pay_in_place(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("o")
        editor = app.screen
        assert isinstance(editor, OfferEditor)
        await fill(pilot, "#company", "Current Co")
        await fill(pilot, "#role", "Senior")
        await fill(pilot, "#base", "lots")
        assert "not an amount" in text_of(app, "#base-message")
        await pilot.press("ctrl+s")
        assert app.screen is editor and len(app.journal.offers) == 1  # nothing saved
        await fill(pilot, "#base", "140,000")
        app.screen.query_one("#counter", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        offer = app.journal.offers["o2"]
        assert (offer.base, offer.counter, offer.written) == (140_000, True, False)
        assert isinstance(app.screen, ReviewScreen)

    run(tmp_path, body)


def test_ask_editor_sharpens_a_vague_ask(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("w")
        assert isinstance(app.screen, AskEditor)
        await fill(pilot, "#text", "Lead the Q1 planning")
        assert text_of(app, "#ask-verdict").startswith("~ still vague: no measure")
        await fill(pilot, "#see", "named planning lead in the plan")
        await fill(pilot, "#target Input", "2027-01-15")
        await fill(pilot, "#who", "Sam, at the all-hands")
        await fill(pilot, "#where", "team page")
        assert text_of(app, "#ask-verdict").startswith("✓ measurable")
        links = app.screen.query_one("#links", SelectionList)
        links.select("p1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        ask = app.journal.asks["a2"]
        assert ask.measure == (
            "named planning lead in the plan; announced by Sam, at the all-hands; "
            "written in team page"
        )
        assert (ask.target, ask.promises) == (dt.date(2027, 1, 15), ("p1",))
        asks = app.screen.query_one("#review-asks", DataTable)
        assert asks.get_row("a2")[3].plain == "✎ verbal only · p1 verbal, pending"

    run(tmp_path, body)


def test_enter_on_an_ask_edits_it(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.screen.query_one("#review-asks", DataTable).focus()
        await pilot.press("enter")
        assert isinstance(app.screen, AskEditor) and app.screen.ask_id == "a1"
        assert app.screen.query_one("#text", Input).value == "More influence"
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)

    run(tmp_path, body)


def test_measure_round_trip() -> None:
    measure = join_measure("named lead", "Sam", "org chart")
    assert split_measure(measure) == ("named lead", "Sam", "org chart")
    assert split_measure("just words") == ("just words", "", "")


def test_export_brief_asks_where_then_writes_markdown(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)  # nothing is written before the answer
        brief = tmp_path / "leverage-brief-2026-11-23.md"  # LEVERAGE_SAVE_DIR (conftest)
        assert app.screen.query_one("#save-path", Input).value == str(brief)
        assert not brief.exists()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert brief.read_text() == brief_markdown(build_brief(app.journal, TODAY, app.hedges))
        assert brief.stat().st_mode & 0o777 == 0o600

    run(tmp_path, body)


def test_recap_modal_copy_save_mark_sent_then_written(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c1"))
        await pilot.pause()
        text = app.screen.query_one(TextArea).text
        assert text.startswith("Subject: Recap of our meeting on 20 November 2026\n\nHi Sam,\n")
        assert '- Sam: "Raise to 130k", by Friday 4 December 2026\n' in text
        await pilot.press("ctrl+o")
        assert app.clipboard == text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)
        await fill(pilot, "#save-path", str(tmp_path / "recap.txt"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen)
        assert (tmp_path / "recap.txt").read_text() == text
        await pilot.press("ctrl+r")
        await pilot.pause()
        forms = {p.id: p.form for p in app.journal.promises.values()}
        assert forms == {"p1": "recap-sent", "p2": "recap-sent", "p3": "written"}
        assert "2 recap-sent" in text_of(app, "#recap-state")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert [app.journal.promises[i].form for i in ("p1", "p2")] == ["written", "written"]
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)

    path = run(tmp_path, body)
    assert Journal(path, today=TODAY).promises["p1"].form == "written"  # saved on disk


def test_recap_mark_sent_by_button_is_undoable(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c1"))
        await pilot.pause()
        await pilot.click("#mark-sent")
        await pilot.pause()
        assert app.journal.promises["p1"].form == "recap-sent"
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert app.journal.promises["p1"].form == "verbal"

    run(tmp_path, body)


def test_recap_with_nothing_to_recap(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c2"))
        await pilot.pause()
        assert "nothing to recap" in text_of(app, "#recap-about")
        assert not app.screen.query(TextArea)
        await pilot.press("ctrl+r")
        assert app.journal.promises["p1"].form == "verbal"
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)

    run(tmp_path, body)


def test_enter_on_a_flag_opens_what_it_is_about(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        table = app.screen.query_one("#review-flags", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("promise:p1"))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConversationScreen"
        assert app.screen.conversation_id == "c1"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#review-flags", DataTable)
        table.focus()
        table.move_cursor(row=table.get_row_index("offer:o1"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OfferEditor)

    run(tmp_path, body)


def shown(app: LeverageApp, selector: str) -> str:
    """What a Static on the Review screen draws, as plain text at its width."""
    static = app.screen.query_one(selector, Static)
    console = Console(width=static.size.width, file=io.StringIO(), color_system=None)
    with console.capture() as out:
        console.print(static.content)
    return out.get()


def test_one_kept_and_five_overdue_reads_too_few_to_tell(tmp_path: Path) -> None:
    """The issue's example: 1 kept and 5 months overdue once showed a green "100% kept"."""
    path = tmp_path / "s.json"
    j = Journal(path, today=TODAY, backups=0)
    p = j.add_promise("Kept one", "Sybil", made_on=dt.date(2026, 3, 1), due=dt.date(2026, 4, 1))
    j.update_promise(p.id, status="honored", on=dt.date(2026, 4, 1))
    for n in range(5):
        j.add_promise(f"Late {n}", "Sybil", made_on=dt.date(2026, 3, 1), due=dt.date(2026, 5, 1))

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.switch_mode("review")
            await pilot.pause()
            track = shown(app, "#review-track")
            sybil = next(line for line in track.splitlines() if "Sybil" in line)
            assert sybil.split() == [
                "Sybil",
                "1",
                "0",
                "0",
                "0",
                "5",
                "5",
                "too",
                "few",
                "to",
                "tell",
            ]
            assert "100%" not in track
            checklist = shown(app, "#review-checklist")
            question = next(x for x in checklist.splitlines() if "verbal promises kept" in x)
            assert question.lstrip().startswith("? open")  # neither ✓ ok nor ! watch
            assert "1 of 1 kept, 5 overdue: too few to tell" in " ".join(checklist.split())
            assert '"Late 0" (Sybil, due 1 May 2026)' in " ".join(checklist.split())

    asyncio.run(go())


def test_an_asks_target_day_fits_its_column(tmp_path: Path) -> None:
    """Bug: the target column was 10 cells wide, so '29 Dec 2026' showed as '29 Dec 202'."""
    path = tmp_path / "j.json"
    make_journal(path)
    Journal(path, today=TODAY).add_ask("Lead the Q1 planning", target=dt.date(2026, 12, 29))

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.switch_mode("review")
            await pilot.pause()
            table = app.screen.query_one("#review-asks", DataTable)
            target = next(c for c in table.columns.values() if str(c.label) == "target")
            assert target.width >= len("29 Dec 2026")
            assert "29 Dec 2026" in [str(table.get_row_at(i)[2]) for i in range(table.row_count)]

    asyncio.run(go())
