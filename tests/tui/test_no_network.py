"""Nothing leaves the machine: a full session of the app, and every reading command of
the command line, open no network socket and connect nowhere."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.cli import main
from leverage_tui.core import crypto
from leverage_tui.core.journal import Journal

TODAY = dt.date(2026, 11, 23)
NETWORK = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture
def network_log(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to reach the network is recorded here and refused."""
    attempts: list[str] = []
    real_init = socket.socket.__init__

    def init(self: socket.socket, family: Any = -1, *args: Any, **kwargs: Any) -> None:
        real_init(self, family, *args, **kwargs)
        if self.family in NETWORK:
            attempts.append(f"socket({self.family!r})")

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{name}{args[1:2] if name.startswith('socket.') else args[:1]}")
            raise OSError("network use refused by test_no_network")

        return refused

    monkeypatch.setattr(socket.socket, "__init__", init)
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts


def test_the_guard_itself_sees_a_connection(network_log: list[str]) -> None:
    with pytest.raises(OSError), socket.create_connection(("example.org", 80)):
        pass
    with pytest.raises(OSError), socket.socket(socket.AF_INET) as s:
        s.connect(("127.0.0.1", 9))
    assert len(network_log) == 3


async def tour(app: LeverageApp, pilot: Pilot[None]) -> None:
    """Every mode, the help, the palette, dialogs, a recap, the privacy key, undo."""
    for key in ("f1", "f2", "f3", "f4", "f5"):
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
    assert app.current_mode == "review"
    await pilot.press("f3", "f", "s")  # cycle a promise's form; open the status dialog
    await pilot.pause()
    await pilot.press("escape", "f4", "g", "f2", "n")  # timeline grouping; new conversation
    await pilot.pause()
    await pilot.press("escape", "a")  # add-promise editor
    await pilot.pause()
    await pilot.press("escape")
    conversation = max(app.journal.conversations)
    app.open_conversation(conversation)
    await pilot.pause()
    await pilot.press("r")  # the recap, then copy it
    await pilot.pause()
    await pilot.press("ctrl+o", "escape", "escape", "ctrl+p")
    await pilot.pause()
    await pilot.press(*"timeline", "enter")
    await pilot.pause()
    assert app.current_mode == "timeline"
    await pilot.press("ctrl+backslash")
    await pilot.pause()
    await pilot.press("ctrl+backslash", "ctrl+z")
    await pilot.pause()


def test_a_full_session_of_the_app_opens_no_socket(
    demo_app: LeverageApp, drive: Callable[..., None], network_log: list[str]
) -> None:
    drive(demo_app, tour)
    assert network_log == []


def test_an_encrypted_session_opens_no_socket(
    tmp_path: Path, drive: Callable[..., None], network_log: list[str]
) -> None:
    path = tmp_path / "secret.json"
    journal = Journal(path, today=TODAY, codec=crypto.PassphraseCodec("offline only"))
    conv = journal.add_conversation(["Ana"], "Pay talk")
    journal.add_promise("A raise in spring", "Ana", conversation=conv.id)

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press(*"offline", "space", *"only", "enter")
        await pilot.pause()
        await tour(app, pilot)

    drive(LeverageApp(path, today=TODAY), body)
    assert network_log == []


def test_every_reading_command_opens_no_socket(demo_path: Path, network_log: list[str]) -> None:
    journal = Journal(demo_path, today=TODAY)
    verbal = [
        p
        for p in journal.promises.values()
        if p.form == "verbal" and p.conversation and p.status == "pending"
    ]
    commands = [
        ["recap", str(verbal[0].conversation)], ["list", "promises"], ["flags"],
        ["list", "conversations", "--json"], ["timeline"],
        ["review"], ["review", "--md"], ["check"], ["restore"],
        ["export", "--format", "json"], ["export", "--format", "md"],
        ["export", "--format", "csv", "--kind", "promises"], ["export", "--format", "ics"],
    ]  # fmt: skip
    for args in commands:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--journal", str(demo_path), *args])
        assert code == 0, (args, err.getvalue())
    assert network_log == []
