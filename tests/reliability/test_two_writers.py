"""Two writers on one journal: nobody's change is lost, the file stays valid.

Two processes each keep the journal open and add 100 promises at the same moment; then
the app stays open on a journal while the command line adds to it.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

from reliability_support import PYTHON, REPO, TODAY, run_cli

from leverage_tui.app import LeverageApp
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import inspect_file

EACH = 100

WRITER = r"""
import datetime as dt, sys
from leverage_tui.core.journal import Journal

name, path = sys.argv[1], sys.argv[2]
journal = Journal(path, today=dt.date(2026, 11, 23))  # opened once, kept open
print("ready", flush=True)
sys.stdin.readline()  # both start together
for i in range(int(sys.argv[3])):
    promise = journal.add_promise(f"{name} promise {i}", name)
    print(promise.id, flush=True)
"""


def test_two_processes_adding_100_promises_each_keep_all_200(path: Path) -> None:
    path.parent.mkdir()
    writers = [
        subprocess.Popen(
            [PYTHON, "-c", WRITER, name, str(path), str(EACH)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO,
            text=True,
        )
        for name in ("Ana", "Bo")
    ]
    for w in writers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    printed: list[str] = []
    for w in writers:
        out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
        printed += out.split()

    journal = Journal(path, today=TODAY)
    texts = sorted(p.text for p in journal.promises.values())
    want = sorted(f"{name} promise {i}" for name in ("Ana", "Bo") for i in range(EACH))
    assert texts == want  # all 200, none twice
    assert sorted(printed) == sorted(journal.promises)  # every printed id is that promise
    data, problems = inspect_file(path)
    assert data and problems == []
    assert run_cli("--journal", str(path), "check").code == 0


def test_the_app_and_the_command_line_keep_each_others_changes(path: Path) -> None:
    app = LeverageApp(path, today=TODAY)
    journal_arg = ["--journal", str(path)]

    def cli_adds(text: str) -> None:
        assert run_cli(*journal_arg, "add", "promise", "--by", "Bo", text).code == 0

    async def go() -> None:
        async with app.run_test() as pilot:
            assert app.change(lambda j: j.add_promise("from the app, first", "Ana"))
            cli_adds("from the cli, first")
            # the app's next change reads the file again first: the cli's promise stays
            assert app.change(lambda j: j.add_promise("from the app, second", "Ana"))
            cli_adds("from the cli, second")
            # the app polls the file and reloads without writing anything
            await pilot.pause(2.3)
            assert "from the cli, second" in {p.text for p in app.journal.promises.values()}
            assert app.change(lambda j: j.update_promise("p2", status="honored"))

    asyncio.run(go())
    on_disk = Journal(path, today=TODAY)
    assert sorted(p.text for p in on_disk.promises.values()) == sorted(
        ["from the app, first", "from the cli, first", "from the app, second",
         "from the cli, second"]
    )  # fmt: skip
    assert on_disk.promise("p2").status == "honored"
    assert on_disk.promise("p2").text == "from the cli, first"
    assert len(run_cli(*journal_arg, "list", "promises", "--json").json) == 4
