"""Small things a new user notices (issue 17): each test names its item."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Select, Static

from leverage_tui.app import DEMO_MARK, ICON, LeverageApp
from leverage_tui.core.config import DEFAULT_THEME, Config
from leverage_tui.core.journal import Journal
from leverage_tui.core.show import day_text
from leverage_tui.screens.conversation import ConversationScreen
from leverage_tui.screens.log import LogScreen
from leverage_tui.screens.promises import PromisesScreen
from leverage_tui.screens.recap import RecapScreen
from leverage_tui.screens.timeline import TimelineScreen
from leverage_tui.themes import builtin_theme_dirs

from .conftest import TODAY


def test_f2_always_leads_to_the_log(demo_app: LeverageApp, drive: Callable[..., None]) -> None:
    """Item 4: a conversation opened from the Log does not stand in for the Log later."""
    seen: list[type] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        seen.append(type(app.screen))
        await pilot.press("f3")
        await pilot.pause()
        seen.append(type(app.screen))
        await pilot.press("f2")
        await pilot.pause()
        seen.append(type(app.screen))

    drive(demo_app, body)
    assert seen == [ConversationScreen, PromisesScreen, LogScreen]


ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")
PADDED = re.compile(r"\b0\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b")


def test_one_date_format_on_the_screens(
    demo_app: LeverageApp,
    drive: Callable[..., None],
    screen_text: Callable[[LeverageApp], str],
) -> None:
    """Item 7: the tables, details and titles show days as '5 Oct 2026' (day_text), not
    as ISO dates or '05 Oct 2026'."""
    shown: dict[str, str] = {}

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        for name in ("today", "log", "promises", "timeline", "wins"):
            app.action_show(name)
            await pilot.pause()
            await pilot.pause()
            shown[name] = screen_text(app)

    drive(demo_app, body, size=(160, 50))
    assert "Today · Mon 23 Nov 2026" in shown["today"]
    promise_rows = [
        line for line in shown["promises"].splitlines() if re.search(r"Maya Chen +\d", line)
    ]
    assert promise_rows and not any(ISO.search(line) for line in promise_rows)
    assert any("22 Nov 2026" in line for line in promise_rows)
    assert "24 Sep 2026 moved" in shown["timeline"]
    for name, text in shown.items():
        assert not PADDED.search(text), name
    wins = [line for line in shown["wins"].splitlines() if " 2026 " in line]
    assert wins and not any(ISO.search(line) for line in wins)


def test_day_text() -> None:
    assert day_text(dt.date(2026, 10, 5)) == "5 Oct 2026"
    assert day_text(dt.date(2026, 10, 5), weekday=True) == "Mon 5 Oct 2026"


@pytest.mark.parametrize("can_ask", [True, False])
def test_copy_does_not_claim_the_recap_was_copied(
    demo_app: LeverageApp,
    drive: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
    can_ask: bool,
) -> None:
    """Item 1: the app cannot know the terminal copied; it says so and points to Save."""
    monkeypatch.setattr(RecapScreen, "can_ask_terminal", lambda self: can_ask)
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    said: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c11"))
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        said.extend(str(n.message) for n in app._notifications)

    drive(demo_app, body)
    (message,) = said
    assert "copied" not in message.replace("Not copied", "")
    assert "ctrl+s" in message
    if can_ask:
        assert "depends on the terminal (tmux and screen often drop it)" in message
    else:
        assert message.startswith("This terminal cannot be asked to copy")


def test_timeline_details_on_a_month_heading_count_what_it_holds(
    demo_app: LeverageApp, drive: Callable[..., None]
) -> None:
    """Item 5: a month heading's details say what the month holds, not 'No events match'."""
    seen: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_show("timeline")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        screen.table.move_to_key("#November 2026")
        await pilot.pause()
        seen.append(str(screen.query_one("#timeline-detail", Static).render()))
        rows = [k for k in screen.table.keys if not k.startswith("#")]
        seen.append(str(sum(1 for k in rows if screen._label_of().get(k) == "#November 2026")))
        screen.query_one("#t-kind", Select).value = "offer"  # the cursor stays on the heading
        await pilot.pause()
        assert screen.table.cursor_key == "#November 2026"
        seen.append(str(screen.query_one("#timeline-detail", Static).render()))

    drive(demo_app, body)
    detail, count, filtered = seen
    assert "No events match" not in detail
    assert detail.startswith(f"November 2026: {count} events shown: ")
    assert "conversation" in detail
    # bug: the details kept the counts from before the filter
    assert filtered.startswith("November 2026: ") and "conversation" not in filtered
    assert filtered != detail


@pytest.mark.parametrize("theme", ["leverage-dark", "leverage-light", "leverage-contrast"])
def test_an_unchecked_box_does_not_look_checked(
    tmp_path: Path, drive: Callable[..., None], theme: str
) -> None:
    """Item 10: in every bundled theme an unchecked box shows no mark; a checked one does."""
    looks: dict[str, tuple[object, object]] = {}

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.screen.mount(Checkbox("off", False, id="off"), Checkbox("on", True, id="on"))
        await pilot.pause()
        for name in ("off", "on"):
            style = app.screen.query_one(f"#{name}", Checkbox).get_component_rich_style(
                "toggle--button"
            )
            looks[name] = (style.color, style.bgcolor)

    drive(LeverageApp(tmp_path / "j.json", today=TODAY, theme=theme), body)
    off_mark, off_ground = looks["off"]
    on_mark, on_ground = looks["on"]
    assert off_mark == off_ground, f"{theme}: the unchecked mark shows"
    assert on_mark != on_ground and on_mark != off_mark, f"{theme}: the checked mark is hidden"
    assert set(bundled_theme_names()) == {"leverage-dark", "leverage-light", "leverage-contrast"}


def bundled_theme_names() -> list[str]:
    return [p.stem for d in builtin_theme_dirs() for p in d.glob("*.toml")]


def test_every_review_row_can_be_reached(demo_path: Path, drive: Callable[..., None]) -> None:
    """Item 11: no table on the Review scrolls inside the page; End shows the page's end."""
    journal = Journal(demo_path, today=TODAY)
    for n in range(40):
        journal.add_promise(f"Vague promise number {n}", "Maya Chen")  # flagged: no date
    seen: dict[str, int] = {}

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_show("review")
        await pilot.pause()
        await pilot.pause()
        for table in app.screen.query(DataTable):
            seen[table.id or "?"] = int(table.max_scroll_y)
        flags = app.screen.query_one("#review-flags", DataTable)
        seen["flag rows"] = flags.row_count
        page = app.screen.query_one("#review-body")
        page.focus()
        await pilot.press("end")
        await pilot.pause()
        seen["left below"] = int(page.max_scroll_y - page.scroll_y)

    drive(LeverageApp(demo_path, today=TODAY), body, size=(100, 30))
    assert seen.pop("flag rows") == 40  # TUI_FLAG_RECORDS: the rest are counted below
    assert seen == {"review-offers": 0, "review-flags": 0, "review-asks": 0, "left below": 0}


def test_an_unknown_theme_falls_back_to_the_saved_one(tmp_path: Path) -> None:
    """Item 12: `--theme nope` uses the theme config.toml names, and says so."""
    app = LeverageApp(
        tmp_path / "j.json", today=TODAY, theme="nope", config=Config(theme="leverage-light")
    )
    assert app.theme == "leverage-light"
    assert app._notices[-1] == (
        "Unknown theme 'nope'; using leverage-light, the theme saved in config.toml"
    )
    unsaved = LeverageApp(tmp_path / "j.json", today=TODAY, theme="nope", config=Config())
    assert unsaved.theme == DEFAULT_THEME
    assert unsaved._notices[-1] == f"Unknown theme 'nope'; using {DEFAULT_THEME}"


def test_the_palette_has_one_entry_for_the_keys(
    demo_app: LeverageApp, drive: Callable[..., None]
) -> None:
    """Item 14: "Help" lists every key; Textual's "Keys" is not listed beside it."""
    titles: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        titles.extend(c.title for c in app.get_system_commands(app.screen))

    drive(demo_app, body)
    assert titles.count("Help") == 1
    assert "Keys" not in titles
    assert "Theme" in titles and "Quit" in titles  # Textual's other entries stay


@pytest.mark.parametrize("demo", [True, False])
def test_the_header_has_the_app_icon_and_marks_the_demo(
    demo_path: Path,
    drive: Callable[..., None],
    screen_text: Callable[[LeverageApp], str],
    demo: bool,
) -> None:
    """Item 13: the app's own icon in every header; 'Demo: changes are not kept' in the demo."""
    tops: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        for key in ("f1", "f2", "enter", "f3"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            tops.append(screen_text(app).splitlines()[0])

    drive(LeverageApp(demo_path, today=TODAY, demo=demo), body)
    for top in tops:
        assert top.lstrip().startswith(ICON) and "⭘" not in top, top
        assert (DEMO_MARK in top) is demo, top
