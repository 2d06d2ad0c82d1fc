"""The net under every screen: a control character that reaches a widget is not drawn."""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets import Static

from leverage_tui.app import LeverageApp
from leverage_tui.widgets.no_controls import NoControls

from .conftest import TODAY, drive


def test_the_filter_drops_controls_and_keeps_everything_else() -> None:
    segments = [Segment("Raise\x1b]0;pwn\x07 ok"), Segment("\u202eexe.txt"), Segment("plain")]
    out = NoControls().apply(segments, Color(0, 0, 0))
    assert [s.text for s in out] == ["Raise]0;pwn ok", "exe.txt", "plain"]
    same = [Segment("nothing to drop")]
    assert NoControls().apply(same, Color(0, 0, 0)) is same  # no copy when clean


def test_a_raw_escape_in_any_widget_never_reaches_the_screen(small_path: Path) -> None:
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.screen.mount(Static("\x1b]52;c;cGF5\x07 \u202eevil", markup=False))
        await pilot.pause()
        drawn = app.export_screenshot()
        assert "\x1b]52" not in drawn and "\u202e" not in drawn and "evil" in drawn

    drive(app, body)
