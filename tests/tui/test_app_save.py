"""The app saves off the UI thread: a change shows at once, lands on disk in order, and a
write that fails is never silent (a notice, and the journal read back)."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.core import storage
from leverage_tui.core.journal import Journal

from .conftest import TODAY, drive


def promises_on_disk(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(path.read_bytes())["promises"]
    return data


def notices(app: LeverageApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def until(pilot: Pilot[None], check: Any, tries: int = 80) -> None:
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def test_change_returns_before_the_write_and_the_write_lands(
    small_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = LeverageApp(small_path, today=TODAY)
    gate = threading.Event()
    real = storage.JournalStorage._write

    def slow(self: storage.JournalStorage, *args: Any) -> None:
        gate.wait(5)
        real(self, *args)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        pid = sorted(app.journal.promises)[0]
        monkeypatch.setattr(storage.JournalStorage, "_write", slow)
        before = app.revision
        result = app.change(lambda j: j.update_promise(pid, form="official"))
        assert result is not None and result.form == "official"
        assert app.revision > before  # screens refresh at once
        assert app.journal.saving
        assert promises_on_disk(small_path)[pid[1:]]["form"] != "official"
        gate.set()
        await until(pilot, lambda: not app.journal.saving)
        assert promises_on_disk(small_path)[pid[1:]]["form"] == "official"
        assert not [n for n in notices(app) if "not kept" in n]

    drive(app, body)


def test_failed_background_save_shows_a_notice_and_reads_the_file_back(
    small_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = LeverageApp(small_path, today=TODAY)
    good = small_path.read_bytes()

    def full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        pid = sorted(app.journal.promises)[0]
        old_form = app.journal.promise(pid).form
        new_form = "official" if old_form != "official" else "verbal"
        with monkeypatch.context() as m:
            m.setattr(os, "replace", full)
            assert app.change(lambda j: j.update_promise(pid, form=new_form)) is not None
            await until(pilot, lambda: any("not kept" in n for n in notices(app)))
        shown = [n for n in notices(app) if "not kept" in n]
        assert "disk is full" in shown[0]
        assert app.journal.promise(pid).form == old_form  # memory matches the disk again
        assert app.revision == app.journal.revision
        assert small_path.read_bytes() == good
        # the disk has room again: the next change saves
        assert app.change(lambda j: j.update_promise(pid, form=new_form)) is not None
        await until(pilot, lambda: not app.journal.saving)
        assert promises_on_disk(small_path)[pid[1:]]["form"] == new_form

    drive(app, body)


def test_a_pending_write_is_finished_when_the_app_exits(small_path: Path) -> None:
    app = LeverageApp(small_path, today=TODAY)
    chosen: list[str] = []

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        pid = sorted(app.journal.promises)[-1]
        chosen.append(pid)
        app.change(lambda j: j.update_promise(pid, status="honored"))

    drive(app, body)
    assert promises_on_disk(small_path)[chosen[0][1:]]["status"] == "honored"
    assert Journal(small_path, today=TODAY).promise(chosen[0]).status == "honored"


def test_a_change_does_not_repaint_the_whole_app(small_app: LeverageApp, drive) -> None:
    """Screens redraw what a change touches; the app itself is not repainted (as a
    `reactive` revision did, costing every save a full-screen repaint)."""

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        repaints: list[object] = []
        real = app.refresh

        def counting(*args: object, **kwargs: object) -> object:
            repaints.append(args)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        app.refresh = counting  # type: ignore[method-assign]
        pid = next(iter(app.journal.promises))
        before = app.revision
        app.change(lambda j: j.update_promise(pid, form="written"))
        await pilot.pause()
        assert app.revision == app.journal.revision != before
        assert repaints == []

    drive(small_app, body)
