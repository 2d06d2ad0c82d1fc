"""Today on a long journal: capped lists with exact counts, no rebuild off screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.today import SHOWN, TodayScreen

TODAY = dt.date(2026, 11, 23)
OVERDUE = SHOWN + 7
"""More overdue promises than Today shows."""


def write_many(path: Path) -> None:
    """OVERDUE verbal promises, each overdue by a different number of days."""
    j = Journal(path, today=TODAY, backups=0)
    for n in range(OVERDUE):
        j.add_promise(
            f"Promise number {n}",
            "Sybil Vane",
            made_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
            due=TODAY - dt.timedelta(days=n + 1),
        )


def prompts(lst: OptionList) -> list[str]:
    """The plain text of each option of a list."""
    return [str(getattr(o.prompt, "plain", "")) for o in lst.options]


def test_today_caps_long_lists(tmp_path: Path, drive) -> None:
    """Each list shows the SHOWN most urgent rows and "… and N more"; titles keep the count."""
    path = tmp_path / "j.json"
    write_many(path)
    hidden = OVERDUE - SHOWN

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        due = screen.query_one("#due", OptionList)
        ids = [o.id for o in due.options if o.id]
        # most overdue first: the last one added is overdue the longest
        assert ids == [f"p{OVERDUE - i}" for i in range(SHOWN)]
        assert due.border_title is not None and f"({OVERDUE})" in str(due.border_title)
        more = prompts(due)[-1]
        assert more.startswith(f"… and {hidden} more") and "Promises" in more
        assert due.options[-1].disabled
        unwritten = screen.query_one("#unwritten", OptionList)
        assert len([o for o in unwritten.options if o.id]) == SHOWN
        assert f"({OVERDUE})" in str(unwritten.border_title)
        assert prompts(unwritten)[-1].startswith(f"… and {hidden} more")

    drive(LeverageApp(path, today=TODAY), body)


def test_today_short_lists_have_no_more_line(small_app: LeverageApp, drive) -> None:
    """A list that fits shows no "… and N more" line."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        for lst in app.screen.query(OptionList):
            assert not any(p.startswith("… and") for p in prompts(lst))

    drive(small_app, body)


def test_today_rebuilds_only_when_on_screen(small_app: LeverageApp, drive) -> None:
    """Once at startup; not while another screen is current; once on return if changed."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.renders == 1  # not twice at startup
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is not today
        pid = next(iter(app.journal.promises))
        app.change(lambda j: j.update_promise(pid, form="written"))
        app.change(lambda j: j.update_promise(pid, form="official"))
        await pilot.pause()
        assert today.renders == 1
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is today and today.renders == 2
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f1")  # nothing changed meanwhile: nothing to rebuild
        await pilot.pause()
        assert today.renders == 2
        app.change(lambda j: j.update_promise(pid, form="verbal"))  # on screen: at once
        await pilot.pause()
        assert today.renders == 3

    drive(small_app, body)


def test_today_does_not_rebuild_under_a_screen_pushed_on_top(small_app: LeverageApp, drive) -> None:
    """A full screen pushed over Today hides it (Textual's is_current says otherwise);
    a modal dialog does not, so Today under a dialog keeps up."""
    from textual.screen import ModalScreen, Screen

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        today = app.screen
        assert isinstance(today, TodayScreen)
        pid = next(iter(app.journal.promises))
        await app.push_screen(Screen())
        await pilot.pause()
        assert today.is_current  # the Textual quirk this guards against
        app.change(lambda j: j.update_promise(pid, form="written"))
        await pilot.pause()
        assert today.renders == 1
        app.pop_screen()
        await pilot.pause()
        assert today.renders == 2  # caught up on return
        await app.push_screen(ModalScreen())
        await pilot.pause()
        app.change(lambda j: j.update_promise(pid, form="official"))
        await pilot.pause()
        assert today.renders == 3  # visible under the dialog: redrawn at once

    drive(small_app, body)
