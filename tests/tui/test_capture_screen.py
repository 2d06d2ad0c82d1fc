"""The Capture flow: who and when, promise by promise with the live hedge check, asks,
the offer, one Save that is one undoable change, then the recap; Esc asks first."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from leverage_tui.app import LeverageApp
from leverage_tui.cli import main
from leverage_tui.core.journal import Journal
from leverage_tui.screens.capture import CaptureScreen
from leverage_tui.screens.confirm import ConfirmScreen
from leverage_tui.screens.name_dialog import NameDialog
from leverage_tui.screens.recap import RecapScreen

from .conftest import TODAY, screen_text

Drive = Callable[..., None]

THE_CALL = [
    # the meeting: who, when (today), how (c: call, one key moves on), the summary
    "type:Maya Chen, Robert Osei", "enter", "enter", "c",
    "type:Verbal counteroffer: Lead Designer title and a raise", "enter",
    # promise 1: words, by, by when, form (verbal), category (t: title) -> another
    "type:Title change to Lead Designer, announced to the team", "enter",
    "type:Robert Osei", "enter", "type:in 2 weeks", "enter", "enter", "t",
    # promise 2, then empty words: no more promises
    "type:Lead the Q1 planning, announced at the all-hands", "enter", "enter", "enter",
    "enter", "l", "enter",
    # asks, by priority: a1 answered by promise 2, a2 raised, a3 not raised
    "2", "r", "enter",
    # the offer: a new counteroffer (the company is the current job's)
    "a", "enter", "enter", "type:Lead Designer", "enter", "type:135k", "enter",
    "type:8k", "enter", "type:in 6 days", "enter", "enter",
    "type:Title change as soon as the reorg settles", "enter",
]  # fmt: skip
"""The keys that capture the demo's last meeting again, as a person would type them."""


async def play(pilot: Pilot[None], keys: list[str]) -> None:
    """Press `keys` ("type:..." types the text)."""
    for key in keys:
        if key.startswith("type:"):
            for ch in key[5:]:
                await pilot.press("space" if ch == " " else ch)
        else:
            await pilot.press(key)
    await pilot.pause()


async def open_capture(app: LeverageApp, pilot: Pilot[None]) -> CaptureScreen:
    await pilot.press("c")  # from Today
    await pilot.pause()
    assert isinstance(app.screen, CaptureScreen)
    return app.screen


def test_capturing_the_last_meeting_then_the_recap(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await play(pilot, THE_CALL)
        assert screen.step == "save"
        terms = str(screen.query_one("#o-terms-message", Static).render())
        assert terms.startswith('~ "as soon as the reorg settles" is a condition, not a date')
        review = str(screen.query_one("#c-review", Static).render())
        assert "a1 Lead the Q1 planning, announced to the team: answered by promise #2" in review
        assert (
            "a new verbal counteroffer: Halden & Co, Lead Designer, base 135k, bonus 8k, "
            "decide by Sun 29 Nov"
        ) in review
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)  # the first recap asks how to sign it
        await pilot.press(*"Alex Kim", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen) and app.screen.conversation_id == "c12"
        text = app.screen.text
        assert text.rstrip().endswith("Alex Kim")
        assert '- Robert: "Title change to Lead Designer, announced to the team", by Monday 7' in (
            text.replace("\n", " ")
        )
        assert "- Base pay: 135,000" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "today"

    drive(demo_app, body)
    j = Journal(demo_app.journal_path, today=TODAY)
    conv = j.conversations["c12"]
    assert (conv.on, conv.channel, conv.people) == (TODAY, "call", ("Maya Chen", "Robert Osei"))
    title, lead = j.promises_of("c12")
    assert (title.by, title.due, title.form, title.category) == (
        "Robert Osei",
        TODAY + dt.timedelta(days=14),
        "verbal",
        "title",
    )
    assert (lead.by, lead.due, lead.category) == ("Maya Chen", None, "leadership")
    assert j.asks["a1"].promises == ("p12", lead.id)
    assert "I raised my ask: Base pay of at least 140,000 in the contract (a2)" in conv.notes
    offer = j.offers["o3"]
    assert (offer.company, offer.base, offer.bonus, offer.counter, offer.written) == (
        "Halden & Co",
        135_000,
        8_000,
        True,
        False,
    )
    assert offer.deadline == TODAY + dt.timedelta(days=6) and offer.conversation == "c12"


def test_the_same_records_through_the_command_line(
    demo_app: LeverageApp, drive: Drive, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_capture(app, pilot)
        await play(pilot, THE_CALL)
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_app, body)
    monkeypatch.setenv("LEVERAGE_TODAY", TODAY.isoformat())
    capsys.readouterr()
    assert main(["--journal", str(demo_app.journal_path), "list", "promises", "--json"]) == 0
    promises = {p["id"]: p for p in json.loads(capsys.readouterr().out)}
    assert promises["p13"]["text"] == "Title change to Lead Designer, announced to the team"
    assert promises["p13"]["conversation"] == "c12" and promises["p13"]["due"] == "2026-12-07"
    assert main(["--journal", str(demo_app.journal_path), "prep", "maya", "--json"]) == 0
    prep = json.loads(capsys.readouterr().out)
    assert prep["last_conversations"][0]["id"] == "c12"


def test_one_undo_takes_the_whole_capture_back(demo_app: LeverageApp, drive: Drive) -> None:
    before = Journal(demo_app.journal_path, today=TODAY).export_data()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.config.name_asked = True  # the name dialog has its own test
        await open_capture(app, pilot)
        await play(pilot, THE_CALL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # the recap
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()

    drive(demo_app, body)
    after = Journal(demo_app.journal_path, today=TODAY).export_data()
    assert {k: v for k, v in after.items() if k != "_leverage"} == {
        k: v for k, v in before.items() if k != "_leverage"
    }


def test_the_hedge_check_is_live_and_names_the_question(
    demo_app: LeverageApp, drive: Drive
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await play(pilot, ["type:Maya Chen", "enter", "enter", "enter", "type:1:1", "enter"])
        assert screen.step == "promise"
        await play(pilot, ["type:I'll try to get you the raise"])
        message = str(screen.query_one("#p-text-message", Static).render())
        assert message == (
            '~ "I\'ll try" promises effort, not a result. Ask next time: "If it works, what '
            'will I get and when; if not, when will I know?"'
        )
        screen.query_one("#p-text", Input).value = "The raise is approved from January"
        await pilot.pause()
        message = str(screen.query_one("#p-text-message", Static).render())
        assert message == "✓ no hedge: it reads as a commitment"

    drive(demo_app, body)


def test_written_asks_for_the_evidence(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await play(pilot, ["type:Priya Nair", "enter", "enter", "enter", "type:Band", "enter",
                           "type:Lead band is 130-150k", "enter", "enter", "enter"])  # fmt: skip
        assert not screen.query_one("#p-evidence-row").display
        await play(pilot, ["w"])
        assert screen.query_one("#p-evidence-row").display
        await play(pilot, ["type:Email: Re: bands", "enter", "p", "enter"])
        assert screen.step == "asks"
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(demo_app, body)
    (p,) = Journal(demo_app.journal_path).promises_of("c12")
    assert (p.form, p.evidence, p.category, p.by) == (
        "written",
        "Email: Re: bands",
        "pay",
        "Priya Nair",
    )


def test_back_goes_to_the_promise_before(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await play(pilot, ["type:Maya Chen", "enter", "enter", "enter", "type:1:1", "enter",
                           "type:First", "enter", "enter", "enter", "enter", "enter",
                           "type:Second"])  # fmt: skip
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.query_one("#p-text", Input).value == "First"
        assert [p.text for p in screen.draft.promises] == ["First", "Second"]
        await pilot.press("pageup")  # before the first promise: the meeting
        await pilot.pause()
        assert screen.step == "meeting"

    drive(demo_app, body)


def test_a_meeting_needs_who_and_a_summary(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.step == "meeting"
        assert "who was there?" in str(screen.query_one("#c-people-message", Static).render())
        summary = str(screen.query_one("#c-summary-message", Static).render())
        assert summary == "summary is empty: write something"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.step == "meeting" and len(app.journal.conversations) == 11

    drive(demo_app, body)


def test_escape_asks_before_throwing_typed_text_away(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await pilot.press("escape")  # nothing typed: no question
        await pilot.pause()
        assert app.current_mode == "today" and not isinstance(app.screen, ConfirmScreen)
        screen = await open_capture(app, pilot)
        await play(pilot, ["type:Maya Chen", "enter", "enter", "enter", "type:1:1", "enter",
                           "type:Something she said"])  # fmt: skip
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#p-text", Input).value == (
            "Something she said"
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.current_mode == "today"
        await open_capture(app, pilot)
        assert screen.step == "meeting" and screen.draft.promises == []

    drive(demo_app, body)
    assert len(Journal(demo_app.journal_path).conversations) == 11  # nothing saved


def test_a_half_done_capture_waits_while_you_look_elsewhere(
    demo_app: LeverageApp, drive: Drive
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        await play(pilot, ["type:Maya Chen", "enter", "enter", "enter", "type:Half done"])
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#c-summary", Input).value == "Half done"

    drive(demo_app, body)


def test_capture_fits_80_by_24(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_capture(app, pilot)
        await play(pilot, THE_CALL[: THE_CALL.index("t")])
        text = screen_text(app)
        assert "Promise #1: what did they say, in their words?" in text
        assert "○ pay  ○ title  ○ respons.  ○ lead  ○ growth  ○ flex  ● other" in text
        await pilot.press("t")  # picks title and starts the next promise
        await pilot.pause()
        assert "Promise #2" in screen_text(app) and "· verbal · title" in screen_text(app)

    drive(demo_app, body, size=(80, 24))


def test_a_capture_of_nothing_but_the_meeting(demo_app: LeverageApp, drive: Drive) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.config.name_asked = True  # the name dialog has its own test
        await open_capture(app, pilot)
        await play(pilot, ["type:Tom Reyes", "enter", "enter", "e", "type:Intro call"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen)
        assert app.screen.problem is not None and "nothing to recap" in app.screen.problem

    drive(demo_app, body)
    conv = Journal(demo_app.journal_path).conversations["c12"]
    assert (conv.summary, conv.channel, conv.people) == ("Intro call", "email", ("Tom Reyes",))


def test_capture_on_an_empty_journal(tmp_path: Path, drive: Drive) -> None:
    app = LeverageApp(tmp_path / "new.json", today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_capture(app, pilot)
        await play(pilot, ["type:Sybil", "enter", "enter", "enter", "type:First 1:1", "enter",
                           "type:Announce me as Q1 lead by Friday", "enter", "enter",
                           "type:fri", "enter", "enter", "enter", "enter"])  # fmt: skip
        assert app.screen.step == "asks"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(app, body)
    (p,) = Journal(tmp_path / "new.json").promises.values()
    assert (p.by, p.due, p.conversation) == ("Sybil", dt.date(2026, 11, 27), "c1")


def test_a_multi_line_paste_in_capture_is_joined_and_garbled_one_refused(
    demo_app: LeverageApp, drive: Drive
) -> None:
    """Capture's fields join a pasted text's lines (Textual's Input kept the first) and
    refuse one holding escape sequences, as the editors do."""
    from textual import events
    from textual.widgets import Input

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = await open_capture(app, pilot)
        summary = screen.query_one("#c-summary", Input)
        summary.focus()
        await pilot.pause()
        app.post_message(events.Paste("Pay review\nwith HR\n"))
        await pilot.pause()
        assert summary.value == "Pay review with HR"
        app.post_message(events.Paste(" and \x1b]0;pwned\x07"))
        await pilot.pause()
        assert summary.value == "Pay review with HR"  # nothing of it inserted

    drive(demo_app, body)
