"""What keeps startup quick: the footer, the first theme, the encryption check, lazy imports."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Footer as TextualFooter
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from leverage_tui.app import LeverageApp, is_encrypted
from leverage_tui.core import crypto
from leverage_tui.widgets.footer import Footer

from .conftest import TODAY


class Field(Input):
    """An input with one key of its own."""

    BINDINGS = [Binding("ctrl+y", "noop", "Field key")]

    def action_noop(self) -> None:
        """Nothing."""


class FooterApp(App[None]):
    """Two plain inputs, one with a key of its own, and a footer."""

    BINDINGS = [Binding("f1", "noop", "One"), Binding("f2", "other", "Two")]

    def __init__(self, footer: type[TextualFooter]) -> None:
        super().__init__()
        self.footer_class = footer

    def compose(self) -> ComposeResult:
        """Inputs, then the footer under test."""
        yield Input(id="a")
        yield Input(id="b")
        yield Field(id="c")
        yield self.footer_class()

    def action_noop(self) -> None:
        """Nothing."""

    def action_other(self) -> None:
        """Nothing else."""


def run(app: App[None], body: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    """Run `body(pilot)` in a headless session of `app`."""

    async def go() -> None:
        async with app.run_test(size=(80, 10)) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(go())


Keys = list[tuple[str, tuple[str, ...], str]]


def shown_keys(app: App[None]) -> Keys:
    """Each footer key: its text, its classes and how its first line is styled."""
    keys = []
    for key in app.screen.query(FooterKey):
        strip = key.render_line(0)
        styles = " ".join(str(segment.style) for segment in strip)
        keys.append((strip.text, tuple(sorted(key.classes)), styles))
    return keys


def test_footer_shows_what_textuals_footer_shows() -> None:
    """Same keys, same classes, same colours, for each input focused in turn."""
    seen: dict[str, list[Keys]] = {}
    for footer in (TextualFooter, Footer):
        app = FooterApp(footer)

        async def body(pilot: Pilot[None], name: str = footer.__module__) -> None:
            for widget_id in ("a", "b", "c"):
                pilot.app.query_one(f"#{widget_id}").focus()
                await pilot.pause()
                seen.setdefault(name, []).append(shown_keys(pilot.app))

        run(app, body)
    ours, textuals = seen["leverage_tui.widgets.footer"], seen["textual.widgets._footer"]
    assert ours == textuals
    assert any("Field key" in text for text, _, _ in ours[2])
    assert not any("Field key" in text for text, _, _ in ours[0])


def test_footer_is_rebuilt_only_when_other_keys_show() -> None:
    """Moving between inputs with the same keys keeps the footer; a new key rebuilds it."""
    app = FooterApp(Footer)

    async def body(pilot: Pilot[None]) -> None:
        first = list(app.screen.query(FooterKey))
        assert [k.description for k in first][:2] == ["One", "Two"]
        app.query_one("#b").focus()
        await pilot.pause()
        assert list(app.screen.query(FooterKey)) == first  # the very same widgets
        app.query_one("#c").focus()
        await pilot.pause()
        rebuilt = list(app.screen.query(FooterKey))
        assert "Field key" in [k.description for k in rebuilt]
        assert not set(rebuilt) & set(first)

    run(app, body)


@pytest.mark.parametrize("theme", ["leverage-light", "leverage-dark", "leverage-contrast"])
def test_starts_in_the_chosen_theme(tmp_path: Path, drive, theme: str) -> None:  # type: ignore[no-untyped-def]
    """The first frame uses the theme: its name, light/dark classes and colours."""
    app = LeverageApp(tmp_path / "j.json", today=TODAY, theme=theme)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        assert app.theme == theme
        dark = app.current_theme.dark
        assert app.has_class(f"-theme-{theme}")
        assert app.has_class("-dark-mode") is dark
        assert app.has_class("-light-mode") is not dark
        assert app.screen.styles.background.hex.upper() == str(app.current_theme.background).upper()
        assert not (tmp_path / "config").exists()  # starting is not picking: nothing saved

    drive(app, body)


def test_encryption_check(tmp_path: Path) -> None:
    """No journal, a JSON journal or a folder: not encrypted; an encrypted file: encrypted."""
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps({"_default": {}}))
    encrypted = tmp_path / "secret.json"
    encrypted.write_bytes(crypto.MAGIC + b"{}")
    assert not is_encrypted(tmp_path / "missing.json")
    assert not is_encrypted(plain)
    assert not is_encrypted(tmp_path)
    assert is_encrypted(encrypted)
    assert not crypto.MAGIC.startswith(b"{")  # what the quick check relies on


def test_the_app_module_loads_only_what_the_first_screen_needs() -> None:
    """Importing the app loads no screen, palette or encryption module (they load on use)."""
    code = (
        "import sys, leverage_tui.app\n"
        "print(' '.join(m for m in sys.modules if m.startswith('leverage_tui.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "leverage_tui.app" in out
    for lazy in ("screens.privacy", "screens.today", "commands", "core.crypto", "cli.records"):
        assert f"leverage_tui.{lazy}" not in out
