"""Pilot tests of the conventions people bring from other terminal tools: a rebound key
shows in the footer at once; j/k and g/G move in every table; q closes what is on top."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.widgets.footer import Footer

from .conftest import TODAY


def footer_keys(app: LeverageApp) -> list[tuple[str, str]]:
    """(key, label) of every key the screen's footer shows."""
    footer = app.screen.query_one(Footer)
    return [(k.key, k.description) for k in footer.query("FooterKey")]


def test_a_rebound_key_shows_in_the_first_screens_footer_at_once(
    small_path: Path, private_folders: Path, drive, screen_text
) -> None:
    """[keymap] screen.log = f12, help = f10: Today's footer says F12 Log and F10 Help
    from the start (it used to show F2 and ? until the screen changed)."""
    private_folders.mkdir(parents=True)
    (private_folders / "config.toml").write_text('[keymap]\n"screen.log" = "f12"\nhelp = "f10"\n')
    app = LeverageApp(small_path, today=TODAY)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        keys = footer_keys(app)
        assert ("f12", "Log") in keys and ("f10", "Help") in keys
        assert ("f2", "Log") not in keys and ("question_mark", "Help") not in keys
        footer_line = screen_text(app).splitlines()[-1]
        assert "F12 Log" in footer_line and "F10 Help" in footer_line
        assert "F2 Log" not in footer_line

    drive(app, body, size=(220, 40))
