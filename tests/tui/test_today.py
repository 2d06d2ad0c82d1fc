"""The Today screen: due and overdue, still only in words, offers, track record, first run."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core.records import Change, Promise
from leverage_tui.core.track import track_record
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.conversation_editor import ConversationEditor
from leverage_tui.screens.promise_editor import PromiseEditor
from leverage_tui.screens.today import TodayScreen
from leverage_tui.screens.today_parts import WHEN_WIDTH, due_words, track_line
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def ids(app: LeverageApp, list_id: str) -> list[str | None]:
    """The option ids of one of Today's lists, in order."""
    return [o.id for o in app.screen.query_one(f"#{list_id}", OptionList).options]


def test_due_words() -> None:
    """Overdue, today, tomorrow, in N days."""
    assert due_words(dt.date(2026, 11, 3), TODAY) == "20 days overdue"
    assert due_words(dt.date(2026, 11, 22), TODAY) == "1 day overdue"
    assert due_words(TODAY, TODAY) == "today"
    assert due_words(dt.date(2026, 11, 24), TODAY) == "tomorrow"
    assert due_words(dt.date(2026, 11, 27), TODAY) == "in 4 days"
    assert due_words(TODAY - dt.timedelta(days=999), TODAY) == "999 days overdue"
    assert due_words(TODAY - dt.timedelta(days=3612), TODAY) == "10 years overdue"
    assert len(due_words(TODAY - dt.timedelta(days=3612), TODAY)) <= WHEN_WIDTH


def test_demo_today_lists(demo_app: LeverageApp, drive, screen_text) -> None:
    """Overdue first, then due soon; unwritten oldest first with days; offers with days left."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        journal = app.journal
        assert ids(app, "due") == ["p8", "p9"]  # 20 days overdue, then due in 3 days
        unwritten = ids(app, "unwritten")
        made = [journal.promises[i or ""].made_on for i in unwritten]
        assert made == sorted(made) and unwritten[0] == "p5"
        # every promise still only in words is on one list: asked again, or waiting
        assert ids(app, "ask-again") == ["p9"]  # its recap went 6 days ago
        assert {
            p.id
            for p in journal.promises.values()
            if p.pending and p.form in ("verbal", "recap-sent")
        } == set(unwritten) | {"p9"}
        assert "p9" not in unwritten
        assert ids(app, "offers") == ["o1", "o2"]
        text = screen_text(app)
        assert "20 days overdue" in text and "120 days" in text
        assert "2 days left" in text and "6 days left" in text
        flat = " ".join(text.split())  # the track line wraps
        assert "2 of 5 kept, 1 partly, 1 overdue: 50% (95% range 17–83%)" in flat
        # 1 verbal and 4 written resolved: no "verbal 0% vs written 62%" finding
        assert "verbal vs written: too few to tell (1 and 4 resolved)" in flat
        assert "62%" not in flat

    drive(demo_app, body)


def test_track_line_counts(demo_app: LeverageApp) -> None:
    """The track record line reads the journal's resolved promises."""
    line = track_line(track_record(demo_app.journal.promises.values(), TODAY)).plain
    assert line == (
        "Track record  2 of 5 kept, 1 partly, 1 overdue: 50% (95% range 17–83%) · "
        "verbal vs written: too few to tell (1 and 4 resolved) · 2 due dates moved"
    )


def promise(pid: str, status: str, **fields: object) -> Promise:
    base: dict[str, object] = {
        "id": pid,
        "text": f"Promise {pid}",
        "by": "Sybil",
        "made_on": dt.date(2026, 3, 1),
        "status": status,
    }
    return Promise(**{**base, **fields})  # type: ignore[arg-type]


def test_track_line_on_too_few_is_plain_and_names_what_is_overdue() -> None:
    """1 kept and 5 overdue: no "100%", nothing bold or coloured as a finding."""
    ps = [promise("p1", "honored", due=dt.date(2026, 4, 1), status_on=dt.date(2026, 4, 1))]
    ps += [promise(f"p{n}", "pending", due=dt.date(2026, 5, n)) for n in range(2, 7)]
    line = track_line(track_record(ps, TODAY))
    assert line.plain == (
        "Track record  1 of 1 kept, 5 overdue: too few to tell · "
        "verbal vs written: too few to tell (1 and 0 resolved)"
    )
    rate = line.plain.index("too few")
    styled = [s for s in line.spans if s.start <= rate < s.end]
    assert styled == []  # the title alone is bold


def test_track_line_says_when_the_recap_worked() -> None:
    confirmed = [
        Change(field="form", old="verbal", new="recap-sent", on=dt.date(2026, 3, 2)),
        Change(field="form", old="recap-sent", new="written", on=dt.date(2026, 3, 9)),
    ]
    ps = [
        promise(f"p{n}", "honored", form="written", history=confirmed, status_on=TODAY)
        for n in range(3)
    ]
    line = track_line(track_record(ps, TODAY)).plain
    assert "3 verbal promises confirmed in writing later: the recap worked" in line


def test_today_and_review_count_alike(demo_app: LeverageApp, drive, screen_text) -> None:
    """The Today line and the Review table and chart give the same counts."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        today = screen_text(app)
        assert "2 of 5 kept, 1 partly" in today
        await app.switch_mode("review")
        await pilot.pause()
        track = app.screen.query_one("#review-track", Static)
        console = Console(width=track.size.width, file=io.StringIO(), color_system=None)
        with console.capture() as shown:
            console.print(track.content)
        review = shown.get()
        kept, partly, broken, withdrawn, pending, late = (2, 1, 1, 1, 7, 1)
        row = f"all {kept} {partly} {broken} {withdrawn} {pending} {late} 50% (17–83%)"
        assert row in " ".join(review.split())
        assert f"{kept} kept\n" in review and f"{partly} partly\n" in review
        assert f"{broken + withdrawn} broken or withdrawn" in review
        assert "Verbal vs written: too few to tell (1 and 4 resolved)" in review

    drive(demo_app, body)


def test_empty_journal_shows_the_first_run_panel(
    empty_app: LeverageApp, drive, screen_text
) -> None:
    """A new user sees how to log the first conversation, and the key does it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        text = screen_text(app)
        assert "Welcome to Leverage" in text
        assert "Press  n  to log your first conversation" in text
        assert not app.screen.query_one("#due").display
        await pilot.press("n")
        assert isinstance(app.screen, ConversationEditor)

    drive(empty_app, body)


def test_enter_opens_the_promise_in_its_conversation(demo_app: LeverageApp, drive) -> None:
    """Enter on an overdue promise opens its conversation with the cursor on it."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.screen.query_one("#due", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.conversation_id == "c8"
        assert app.screen.query_one(RecordTable).cursor_key == "p8"
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)

    drive(demo_app, body)


def test_tagging_written_from_today_clears_it(demo_app: LeverageApp, drive) -> None:
    """w on a promise in 'still only in words' makes it written and takes it off the list."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        unwritten = app.screen.query_one("#unwritten", OptionList)
        unwritten.focus()
        await pilot.press("down")
        pid = unwritten.highlighted_option.id if unwritten.highlighted_option else None
        assert pid == ids(app, "unwritten")[1]
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")  # the evidence it asks for (issue 15): skipped
        await pilot.pause()
        assert app.journal.promise(pid or "").form == "written"
        assert pid not in ids(app, "unwritten")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert pid in ids(app, "unwritten")

    drive(demo_app, body)


def test_quick_add_a_promise_from_today(demo_app: LeverageApp, drive) -> None:
    """a adds a promise on its own; it shows under 'still only in words'."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("a")
        assert isinstance(app.screen, PromiseEditor)
        await pilot.press(*"Budget", "tab", *"Maya", "right", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        new = max(app.journal.promises, key=lambda pid: int(pid[1:]))
        assert app.journal.promise(new).by == "Maya Chen"  # completed from the people
        assert ids(app, "unwritten")[-1] == new

    drive(demo_app, body)


def test_ask_again_lists_unanswered_recaps_and_r_writes_the_follow_up(
    demo_path, drive, screen_text
) -> None:
    """A recap unconfirmed for the wait is listed with its age; r opens the follow-up
    recap (the name asked first, once); marking it sent takes it off the list."""
    app = LeverageApp(demo_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        from leverage_tui.screens.name_dialog import NameDialog
        from leverage_tui.screens.recap import RecapScreen

        lst = app.screen.query_one("#ask-again", OptionList)
        assert lst.display and "Ask again: recap unconfirmed 3+ days (1)" in str(lst.border_title)
        assert "sent 6 days ago  Counteroffer in writing by the end of next week" in (
            screen_text(app)
        )
        lst.focus()
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press("escape")  # skipped: recaps unsigned, not asked again
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen) and app.screen.conversation_id == "c10"
        text = app.screen.query_one(TextArea).text
        assert '- Maya: "Counteroffer in writing by the end of next week"' in text
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.journal.promises["p9"].history[-1].field == "recap"
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query_one("#ask-again", OptionList).display
        assert "p9" in ids(app, "unwritten")  # still only in words, waiting again
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen)  # the name is not asked twice

    drive(app, body)
    assert 'name = ""' in (app.config_path.read_text())


def test_asking_again_restarts_the_wait(demo_app: LeverageApp, drive) -> None:
    """r on an unanswered recap opens the follow-up; marking it sent (ctrl+r) restarts
    the promise's wait; ctrl+z undoes."""
    from leverage_tui.screens.recap import RecapScreen

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.config.name_asked = True  # the name is asked once, before the first message
        app.screen.query_one("#ask-again", OptionList).focus()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen)
        await pilot.press("ctrl+r", "escape")
        await pilot.pause()
        assert ids(app, "ask-again") == [] and "p9" in ids(app, "unwritten")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ids(app, "ask-again") == ["p9"]

    drive(demo_app, body)


def test_the_wait_comes_from_the_config(demo_path, drive) -> None:
    """recap_wait_days = 7: the recap sent 6 days ago is not asked about yet."""
    from leverage_tui.core.config import Config

    app = LeverageApp(demo_path, today=TODAY, config=Config(recap_wait_days=7))

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert not app.screen.query_one("#ask-again", OptionList).display
        assert "p9" in ids(app, "unwritten")

    drive(app, body)


def test_recap_key_only_for_a_promise_made_in_a_conversation(tmp_path, drive) -> None:
    """r shows while the highlighted promise has a conversation to recap, not otherwise."""
    from leverage_tui.core.journal import Journal

    path = tmp_path / "j.json"
    j = Journal(path, today=TODAY)
    c = j.add_conversation(["Sybil"], "Lead role", on=dt.date(2026, 11, 20))
    j.add_promise("Lead Q1", "Sybil", conversation=c.id, due=dt.date(2026, 11, 25))
    j.add_promise("Send the band", "Hal", made_on=dt.date(2026, 11, 19), due=dt.date(2026, 11, 26))

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        due = screen.query_one("#due", OptionList)
        due.focus()
        await pilot.pause()
        assert due.highlighted_option is not None and due.highlighted_option.id == "p1"
        assert screen.check_action("recap", ()) is True
        await pilot.press("down")
        await pilot.pause()
        assert screen.check_action("recap", ()) is False
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen

    drive(LeverageApp(path, today=TODAY), body)
