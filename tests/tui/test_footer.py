"""The footer fits the terminal: whole keys only, `?` and the F-keys first (issue 17, 6)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.widgets.footer import Footer

MAIN = ("today", "log", "promises", "timeline", "review", "wins", "prepare")


def labels(app: LeverageApp) -> set[str]:
    """Every label the footer of the screen on show could hold: 'F2 Log', '? Help'..."""
    return {
        f"{app.get_key_display(active.binding)} {active.binding.description}"
        for active in app.screen.active_bindings.values()
        if active.binding.show
    }


@pytest.mark.parametrize("width", [80, 120])
def test_footer_holds_only_whole_labels(
    demo_app: LeverageApp,
    drive: Callable[..., None],
    screen_text: Callable[[LeverageApp], str],
    width: int,
) -> None:
    """On every main screen, the footer line is whole labels, `?` and the F-keys among them."""
    seen: dict[str, list[str]] = {}

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        for name in MAIN:
            app.action_show(name)
            await pilot.pause()
            await pilot.pause()
            line = screen_text(app).splitlines()[-1]
            keys, _, palette = line.partition("▏")
            assert palette.strip() == "^p palette", (name, line)
            shown = [part.strip() for part in keys.split("  ") if part.strip()]
            assert set(shown) <= labels(app), (name, line)
            seen[name] = shown

    drive(demo_app, body, size=(width, 30))
    for name, shown in seen.items():
        assert "? Help" in shown, name
        f_keys = [label for label in shown if label.startswith("F")]
        # every main screen in the footer but the one on show
        assert len(f_keys) >= 4, (name, shown)


def test_footer_fits_again_when_the_terminal_narrows(
    demo_app: LeverageApp,
    drive: Callable[..., None],
    screen_text: Callable[[LeverageApp], str],
) -> None:
    """Narrowing the terminal drops whole keys instead of cutting one."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        app.action_show("log")
        await pilot.pause()
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        await pilot.pause()
        keys = screen_text(app).splitlines()[-1].partition("▏")[0]
        shown = [part.strip() for part in keys.split("  ") if part.strip()]
        assert set(shown) <= labels(app), keys
        assert app.screen.query_one(Footer)

    drive(demo_app, body, size=(120, 30))
