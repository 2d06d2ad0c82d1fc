"""Pilot tests of the Promises screen: form cycling, status, due dates, filters."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.screens.due_dialog import DueDialog
from leverage_tui.screens.promises import PromisesScreen
from leverage_tui.screens.status_dialog import StatusDialog
from leverage_tui.widgets.date_field import DateField
from leverage_tui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 23)


def make_journal(path: Path) -> dict[str, str]:
    """A small journal with one promise of each interesting kind; name -> id."""
    j = Journal(path, today=TODAY, backups=0)
    c = j.add_conversation(["Maya Chen"], "Review", on=dt.date(2026, 10, 1))
    ids = {
        "verbal": j.add_promise("Lead the Q1 planning", "Maya Chen", conversation=c.id).id,
        "written": j.add_promise(  # made before today: moving its due date is a move
            "Raise of 8%",
            "Priya Nair",
            form="written",
            made_on=dt.date(2026, 11, 20),
            due=dt.date(2026, 12, 1),
        ).id,
        "overdue": j.add_promise(
            "Announce me as owner", "Maya Chen", due=dt.date(2026, 11, 1), form="official"
        ).id,
        "vague": j.add_promise("We'll see about a bonus", "Robert Osei").id,
    }
    honored = j.add_promise("Conference budget", "Priya Nair", form="written")
    j.update_promise(honored.id, status="honored", on=dt.date(2026, 11, 10))
    ids["honored"] = honored.id
    return ids


def run(
    tmp_path: Path,
    body: Callable[[LeverageApp, Pilot[None], dict[str, str]], Awaitable[None]],
    size: tuple[int, int] = (120, 40),
) -> Path:
    """Open the app on a fresh small journal, switch to Promises and run `body`."""
    path = tmp_path / "j.json"
    ids = make_journal(path)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=size) as pilot:
            await app.switch_mode("promises")
            await pilot.pause()
            assert isinstance(app.screen, PromisesScreen)
            await body(app, pilot, ids)

    asyncio.run(go())
    return path


def table(app: LeverageApp) -> RecordTable:
    """The promises table."""
    return app.screen.query_one("#promises", RecordTable)


def row_text(app: LeverageApp, pid: str) -> str:
    """The plain text of a promise's row."""
    cells = table(app).row_cells(pid)
    assert isinstance(cells, tuple)
    return " | ".join(str(c) for c in cells)


def reopen(path: Path) -> Journal:
    """The journal as saved on disk."""
    return Journal(path, today=TODAY, backups=0)


def test_table_lists_every_promise_newest_first(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        keys = list(table(app).keys)
        assert sorted(keys) == sorted(ids.values())
        made = [app.journal.promises[k].made_on for k in keys]
        assert made == sorted(made, reverse=True)
        assert "overdue" in row_text(app, ids["overdue"])
        assert "unwritten" in row_text(app, ids["verbal"])

    run(tmp_path, body)


def test_cycle_form_is_saved(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        assert table(app).move_to_key(ids["verbal"])
        await pilot.press("f")
        await pilot.pause()
        assert "recap-sent" in row_text(app, ids["verbal"])
        assert table(app).cursor_key == ids["verbal"]
        assert table(app).move_to_key(ids["overdue"])
        await pilot.press("f")  # official wraps round to verbal
        await pilot.pause()

    path = run(tmp_path, body)
    saved = reopen(path)
    ids = {p.text: p for p in saved.promises.values()}
    assert ids["Lead the Q1 planning"].form == "recap-sent"
    assert ids["Announce me as owner"].form == "verbal"
    assert ids["Lead the Q1 planning"].history[-1].field == "form"


def test_set_status_asks_the_date(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        table(app).move_to_key(ids["written"])
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        assert app.screen.query_one(DateField).date == TODAY  # default today
        await pilot.press("down")  # pending -> honored
        await pilot.press("tab")
        field = app.screen.query_one(DateField)
        field.value = ""
        await pilot.press(*"nov 20")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)
        assert "honored" in row_text(app, ids["written"])

    path = run(tmp_path, body)
    p = next(p for p in reopen(path).promises.values() if p.text == "Raise of 8%")
    assert (p.status, p.status_on) == ("honored", dt.date(2026, 11, 20))


def test_status_dialog_cancel_changes_nothing(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        table(app).move_to_key(ids["verbal"])
        await pilot.press("s", "down", "down", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)
        assert app.journal.promises[ids["verbal"]].status == "pending"

    path = run(tmp_path, body)
    assert all(p.status != "partly" for p in reopen(path).promises.values())


async def move_due(app: LeverageApp, pilot: Pilot[None], text: str) -> None:
    """Press d, type a new due date, press enter."""
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, DueDialog)
    app.screen.query_one(DateField).value = ""
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


def test_moving_the_due_date_twice_flags_moving_target(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        pid = ids["written"]
        table(app).move_to_key(pid)
        await move_due(app, pilot, "2026-12-10")
        assert "10 Dec 2026" in row_text(app, pid)
        assert "moving-target" not in row_text(app, pid)
        await move_due(app, pilot, "2026-12-20")
        assert "moving-target" in row_text(app, pid)
        detail = str(app.screen.query_one("#promise-detail").render())
        assert "pushed later 2 times" in detail

    path = run(tmp_path, body)
    p = next(p for p in reopen(path).promises.values() if p.text == "Raise of 8%")
    assert p.due == dt.date(2026, 12, 20)
    assert [c.new for c in p.history if c.field == "due"] == ["2026-12-10", "2026-12-20"]


def test_bad_due_date_is_refused(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        table(app).move_to_key(ids["written"])
        await move_due(app, pilot, "blursday")
        assert isinstance(app.screen, DueDialog)  # still open, nothing saved
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)

    path = run(tmp_path, body)
    p = next(p for p in reopen(path).promises.values() if p.text == "Raise of 8%")
    assert p.due == dt.date(2026, 12, 1) and p.history == ()


def test_filters_narrow_the_rows(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        screen = app.screen
        everyone = set(ids.values())

        async def shown() -> set[str]:
            await pilot.pause()
            return set(table(app).keys)

        screen.query_one("#f-status", Select).value = "honored"
        assert await shown() == {ids["honored"]}
        screen.query_one("#f-status", Select).value = Select.NULL
        assert await shown() == everyone
        screen.query_one("#f-form", Select).value = "written"
        assert await shown() == {ids["written"], ids["honored"]}
        screen.query_one("#f-person", Select).value = "Priya Nair"
        assert await shown() == {ids["written"], ids["honored"]}
        screen.query_one("#f-form", Select).value = Select.NULL
        screen.query_one("#f-person", Select).value = "Maya Chen"
        assert await shown() == {ids["verbal"], ids["overdue"]}
        screen.query_one("#f-person", Select).value = Select.NULL
        screen.query_one("#f-flag", Select).value = "vague"
        assert await shown() == {ids["vague"]}
        screen.query_one("#f-flag", Select).value = "unwritten"
        assert await shown() == {ids["verbal"], ids["vague"]}
        screen.query_one("#f-flag", Select).value = Select.NULL
        await pilot.press("slash", *"q1 PLAN")
        assert screen.query_one(".text-filter", Input).has_focus
        assert await shown() == {ids["verbal"]}
        await pilot.press("escape", "escape")  # leave the field, then clear it
        assert await shown() == everyone

    run(tmp_path, body, size=(80, 24))


def test_cursor_stays_on_its_promise_after_a_change(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        table(app).move_to_key(ids["vague"])
        app.change(lambda j: j.add_promise("A newer promise", "Maya Chen"))
        await pilot.pause()
        assert table(app).row_count == 6
        assert table(app).cursor_key == ids["vague"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert table(app).row_count == 5

    run(tmp_path, body)


def test_keyboard_and_mouse_move_the_cursor(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        t = table(app)
        await pilot.press("end")
        assert t.cursor_row == 4
        await pilot.press("home", "down")
        assert t.cursor_row == 1
        await pilot.click(RecordTable, offset=(2, 4))  # header is line 0
        assert t.cursor_row == 3
        detail = str(app.screen.query_one("#promise-detail").render())
        assert app.journal.promises[str(t.cursor_key)].text in detail

    run(tmp_path, body)


@pytest.mark.skipif(
    importlib.util.find_spec("leverage_tui.screens.promise_editor") is None,
    reason="the promise editor is not there yet",
)
def test_enter_opens_the_promise_editor(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        from leverage_tui.screens.promise_editor import PromiseEditor

        table(app).move_to_key(ids["vague"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromiseEditor)

    run(tmp_path, body)


@pytest.mark.skipif(
    importlib.util.find_spec("leverage_tui.screens.confirm") is None,
    reason="the confirm dialog is not there yet",
)
def test_delete_asks_first(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None], ids: dict[str, str]) -> None:
        table(app).move_to_key(ids["vague"])
        await pilot.press("delete")
        await pilot.pause()
        assert not isinstance(app.screen, PromisesScreen)
        app.screen.dismiss(True)
        await pilot.pause()
        assert ids["vague"] not in table(app).keys

    path = run(tmp_path, body)
    assert len(reopen(path).promises) == 4
