"""The writer lock without fcntl (as on Windows, where `import fcntl` fails): the app
still imports and saves, writers still take turns; and the lock of the library used
there (filelock) behaves as the Unix one does."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_support import PYTHON, REPO, TODAY

from leverage_tui.core import journal_file
from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import JournalBusy, journal_lock

NO_FCNTL = "import sys\nsys.modules['fcntl'] = None  # `import fcntl` fails, as on Windows\n"

CHANGE = (
    NO_FCNTL
    + r"""
import datetime as dt
import leverage_tui.app  # the whole app imports
from leverage_tui.cli import main
from leverage_tui.core import journal_file
from leverage_tui.core.journal import Journal

assert journal_file._fcntl is None and "fcntl" not in dir(journal_file)
path = sys.argv[1]
journal = Journal(path, today=dt.date(2026, 11, 23))
journal.add_promise("Announce me as Q3 lead", "Sybil")
code = main(["--journal", path, "add", "promise", "--by", "Sybil", "A raise in the spring"])
print(code, flush=True)
"""
)

WRITER = (
    NO_FCNTL
    + r"""
import datetime as dt
from leverage_tui.core.journal import Journal

name, path = sys.argv[1], sys.argv[2]
journal = Journal(path, today=dt.date(2026, 11, 23))
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[3])):
    journal.add_promise(f"{name} promise {i}", name)
"""
)

HOLDER = (
    NO_FCNTL
    + r"""
from pathlib import Path
from leverage_tui.core.storage import journal_lock

with journal_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""
)


def _python(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        text=True,
    )


def test_the_app_imports_and_saves_without_fcntl(path: Path) -> None:
    done = _python(CHANGE, str(path))
    out, err = done.communicate(timeout=60)
    assert done.returncode == 0, err
    assert out.split() == ["p2", "0"]  # the id `add` printed, then its exit status
    journal = Journal(path, today=TODAY)
    assert [p.text for p in journal.promises.values()] == [
        "Announce me as Q3 lead",
        "A raise in the spring",
    ]


def test_without_fcntl_two_writers_still_take_turns(path: Path) -> None:
    path.parent.mkdir()
    writers = [_python(WRITER, name, str(path), "40") for name in ("Ana", "Bo")]
    for w in writers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    for w in writers:
        _, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
    texts = sorted(p.text for p in Journal(path, today=TODAY).promises.values())
    assert texts == sorted(f"{n} promise {i}" for n in ("Ana", "Bo") for i in range(40))


@contextlib.contextmanager
def _held_without_fcntl(path: Path) -> Iterator[None]:
    holder = _python(HOLDER, str(path))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked", holder.stderr
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)


def test_without_fcntl_a_held_lock_makes_the_other_writer_wait_then_give_up(
    path: Path,
) -> None:
    Journal(path, today=TODAY).add_promise("Announce me as Q3 lead", "Sybil")
    before = path.read_bytes()
    script = (
        NO_FCNTL
        + "import datetime as dt\n"
        + "from leverage_tui.core import journal_file\n"
        + "from leverage_tui.core.journal import Journal\n"
        + "journal_file.LOCK_WAIT = 0.3\n"
        + f"j = Journal({str(path)!r}, today=dt.date(2026, 11, 23))\n"
        + "try:\n    j.add_promise('A raise', 'Sybil')\n"
        + "except journal_file.JournalBusy:\n    print('busy')\n"
    )
    with _held_without_fcntl(path):
        done = _python(script)
        out, err = done.communicate(timeout=60)
    assert done.returncode == 0, err
    assert out.strip() == "busy"
    assert path.read_bytes() == before


@pytest.fixture
def library_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lock the way Windows does: through filelock's lock on the descriptor."""
    monkeypatch.setattr(journal_file, "_try_lock", journal_file._library_lock)
    monkeypatch.setattr(journal_file, "LOCK_WAIT", 0.3)


@pytest.mark.usefixtures("library_lock")
def test_the_library_lock_excludes_another_writer_and_is_released_on_close(path: Path) -> None:
    journal = Journal(path, today=TODAY)
    journal.add_promise("Announce me as Q3 lead", "Sybil")
    with journal_lock(path), pytest.raises(JournalBusy):
        journal.add_promise("A raise in the spring", "Sybil")
    journal.add_promise("A raise in the spring", "Sybil")  # released when closed
    assert len(Journal(path, today=TODAY).promises) == 2
