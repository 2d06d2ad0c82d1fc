"""SaveDialog: the app asks where to save the brief or a recap, and the core's safe writer
writes it (0600, never through a planted link, never onto the journal)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import stat
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from leverage_tui.app import LeverageApp
from leverage_tui.core import crypto, paths
from leverage_tui.core.journal import Journal
from leverage_tui.screens.recap import RecapScreen
from leverage_tui.screens.review import ReviewScreen
from leverage_tui.screens.save_dialog import PLAIN_TEXT_WARNING, SaveDialog

TODAY = dt.date(2026, 11, 23)
BRIEF = "leverage-brief-2026-11-23.md"
SECRET = "tangerine-lighthouse-42"

Body = Callable[[LeverageApp, Pilot[None]], Awaitable[None]]


def make_journal(path: Path, codec: crypto.PassphraseCodec | None = None) -> None:
    """c1 with a verbal promise; an outside offer."""
    j = Journal(path, today=TODAY, backups=0, codec=codec)
    c = j.add_conversation(["Sam Park"], "Planning lead", on=dt.date(2026, 11, 20))
    j.add_promise("Announce me as planning lead", "Sam Park", conversation=c.id)
    j.add_offer("Acme", "Staff", base=150_000, written=True)


def on_review(tmp_path: Path, body: Body, *, passphrase: str | None = None) -> Path:
    """Open the app on a fresh journal (unlocking it first if given), on Review, run `body`."""
    path = tmp_path / "data" / "j.json"
    make_journal(path, crypto.PassphraseCodec(passphrase) if passphrase else None)

    async def go() -> None:
        app = LeverageApp(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if passphrase:
                await pilot.press(*passphrase, "enter")
                await pilot.pause()
            await app.switch_mode("review")
            await pilot.pause()
            assert isinstance(app.screen, ReviewScreen)
            await body(app, pilot)

    asyncio.run(go())
    return path


def field(app: LeverageApp) -> Input:
    return app.screen.query_one("#save-path", Input)


def problem(app: LeverageApp) -> str:
    return str(app.screen.query_one("#save-problem", Static).render())


def notices(app: LeverageApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_export(pilot: Pilot[None], path: Path | None = None) -> None:
    """m on Review, then (if given) type `path` into the dialog's field."""
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaveDialog)
    if path is not None:
        field(pilot.app).value = str(path)  # type: ignore[arg-type]
        await pilot.pause()


def mode(p: Path) -> int:
    return stat.S_IMODE(os.lstat(p).st_mode)


def test_the_default_is_the_documents_folder_not_the_current_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEVERAGE_SAVE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    monkeypatch.chdir(tmp_path / "..")
    assert paths.save_dir() == tmp_path  # no documents folder: home
    (tmp_path / "Documents").mkdir()
    assert paths.save_dir() == tmp_path / "Documents"
    monkeypatch.setenv("LEVERAGE_SAVE_DIR", "~/briefs")
    assert paths.save_dir() == tmp_path / "briefs"


def test_export_offers_a_dated_name_and_saves_it_private(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        assert field(app).value == str(tmp_path / BRIEF) and field(app).has_focus
        assert not app.screen.query("#save-plain-text")  # the journal is not encrypted
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert (tmp_path / BRIEF).read_text().startswith("# ")
        assert mode(tmp_path / BRIEF) == 0o600
        assert str(tmp_path / BRIEF) in notices(app)

    on_review(tmp_path, body)


def test_a_planted_link_at_the_offered_name_is_refused_and_another_name_works(
    tmp_path: Path,
) -> None:
    theirs = tmp_path / "theirs.md"
    (tmp_path / BRIEF).symlink_to(theirs)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)  # still open, saying why
        assert "is a symbolic link; refusing to write through it" in problem(app)
        assert not theirs.exists()
        field(app).value = str(tmp_path / "mine.md")
        await pilot.pause()
        assert problem(app) == ""  # editing the name clears the complaint
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert mode(tmp_path / "mine.md") == 0o600

    on_review(tmp_path, body)
    assert not theirs.exists() and (tmp_path / BRIEF).is_symlink()


def test_an_existing_file_is_replaced_after_a_second_save_and_is_0600_then(
    tmp_path: Path,
) -> None:
    old = tmp_path / BRIEF
    old.write_text("last week's brief")
    old.chmod(0o644)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "exists: Save again to replace it" in problem(app)
        assert old.read_text() == "last week's brief"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)

    on_review(tmp_path, body)
    assert old.read_text() != "last week's brief" and mode(old) == 0o600


@pytest.mark.parametrize("target", ["journal", "backups", "folder", "empty"])
def test_the_journal_its_backups_a_folder_or_nothing_are_refused(
    tmp_path: Path, target: str
) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        journal = app.journal_path
        before = journal.read_bytes()
        typed = {
            "journal": str(journal),
            "backups": str(journal.parent / f"{journal.name}.backups" / "x.json"),
            "folder": str(tmp_path),
            "empty": "  ",
        }[target]
        await open_export(pilot)
        field(app).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)
        expected = {
            "journal": "is the journal itself",
            "backups": "in the journal's backups folder",
            "folder": "is a folder",
            "empty": "Give a file name",
        }[target]
        assert expected in problem(app)
        assert journal.read_bytes() == before

    on_review(tmp_path, body)


def test_escape_writes_nothing(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)

    on_review(tmp_path, body)
    assert not (tmp_path / BRIEF).exists()


def test_a_relative_name_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        field(app).value = "brief.md"
        await pilot.press("enter")
        await pilot.pause()
        assert str(here / "brief.md") in notices(app)

    on_review(tmp_path, body)
    assert mode(here / "brief.md") == 0o600


def test_an_encrypted_journal_is_told_the_file_will_be_plain_text(tmp_path: Path) -> None:
    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await open_export(pilot)
        warning = str(app.screen.query_one("#save-plain-text", Static).render())
        assert warning == PLAIN_TEXT_WARNING and "plain text" in warning
        await pilot.press("enter")
        await pilot.pause()

    on_review(tmp_path, body, passphrase=SECRET)
    assert "planning lead" in (tmp_path / BRIEF).read_text()  # plain, as it said


def test_the_recap_asks_where_and_saves_the_edited_text(tmp_path: Path) -> None:
    recap = tmp_path / "recap-c1-2026-11-23.txt"
    theirs = tmp_path / "theirs.txt"

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await app.push_screen(RecapScreen("c1"))
        await pilot.pause()
        app.screen.query_one(TextArea).load_text("Hi Sam, edited.")
        recap.symlink_to(theirs)  # planted at the name the recap offers
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveDialog)
        assert field(app).value == str(recap)
        await pilot.press("enter")
        await pilot.pause()
        assert "symbolic link" in problem(app) and not theirs.exists()
        recap.unlink()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecapScreen)
        assert str(recap) in notices(app)

    on_review(tmp_path, body)
    assert recap.read_text() == "Hi Sam, edited." and mode(recap) == 0o600


def test_snapshot_of_the_dialog_for_an_encrypted_journal(
    snap_compare: Any, demo_app: LeverageApp, steady: Callable[[Pilot[None]], Awaitable[None]]
) -> None:
    def save(path: Path, replace: bool) -> Path:
        raise AssertionError("a snapshot saves nothing")

    async def open_dialog(pilot: Pilot[None]) -> None:
        await pilot.app.switch_mode("review")
        await pilot.pause()
        default = Path("/home/you/Documents") / BRIEF
        await pilot.app.push_screen(SaveDialog("Export the brief", default, save, plain_text=True))
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=open_dialog)
