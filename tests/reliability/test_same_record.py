"""Two writers on the SAME record (issue 10, item 1): every acknowledged change is kept.

Each writer is a real process with a long-lived journal (an app and a script, say)
changing different fields of one promise hundreds of times, interleaved; the command
line against a writer slowed down inside the lock (the issue's strace repro, with a
slow `fsync` instead of strace); the app cycling a promise's form while command-line
writers move its due date; and one writer deleting what the other edits.

What counts as acknowledged is what each writer was told: a change that returned.
Every one must be in the record at the end, in the order it was made (its history).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import PYTHON, REPO, TODAY, run_cli

from leverage_tui.app import LeverageApp
from leverage_tui.core.checks import InputError
from leverage_tui.core.flags import DUE_CORRECTION
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import FORMS
from leverage_tui.core.storage import inspect_file

CHANGES = 250
"""Changes each long-lived writer makes to the one promise."""
FIRST_DUE = dt.date(2027, 1, 1)

WRITER = r"""
import datetime as dt, random, sys, time
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import FORMS

role, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
journal = Journal(path, today=dt.date(2026, 11, 23))  # opened once, kept open
print("ready", flush=True)
sys.stdin.readline()  # both start together
first_due = dt.date(2027, 1, 1)
for i in range(n):
    try:
        if role == "form":
            form = FORMS[(i + 1) % len(FORMS)]
            journal.update_promise("p1", form=form, evidence=f"evidence {i}")
            print("ok", form, f"evidence {i}", flush=True)
        else:
            due = first_due + dt.timedelta(days=i + 1)
            journal.update_promise("p1", due=due)
            print("ok", due.isoformat(), flush=True)
    except Exception as err:  # not acknowledged: the writer was told it failed
        print("failed", type(err).__name__, str(err).replace("\n", " "), flush=True)
    time.sleep(random.uniform(0, 0.03))  # a script does other things between changes
"""


def _start(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        text=True,
        env=env,
    )


def _one_promise(path: Path) -> None:
    path.parent.mkdir(exist_ok=True)
    j = Journal(path, today=TODAY)
    j.add_promise("Announce me as Q3 lead", "Sybil", due=FIRST_DUE)


def _history(path: Path, field: str) -> list[tuple[str | None, str | None]]:
    """(old, new) of every history entry of p1 for `field`, in order. A due date
    changed on the day the promise was made, before anything else changed, is kept
    as a correction (DUE_CORRECTION): still a change of the due date, so it counts."""
    fields = {field, DUE_CORRECTION} if field == "due" else {field}
    p = Journal(path, today=TODAY).promise("p1")
    return [(c.old, c.new) for c in p.history if c.field in fields]


def _switches(path: Path) -> int:
    """How often the history goes from one writer's field to the other's."""
    fields = [c.field for c in Journal(path, today=TODAY).promise("p1").history]
    return sum(a != b for a, b in zip(fields, fields[1:], strict=False))


def test_two_long_lived_writers_changing_one_promise_lose_nothing(path: Path) -> None:
    _one_promise(path)
    writers = {role: _start(WRITER, role, str(path), str(CHANGES)) for role in ("form", "due")}
    for w in writers.values():
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers.values():
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    told: dict[str, list[list[str]]] = {}
    for role, w in writers.items():
        out, err = w.communicate(timeout=240)
        assert w.returncode == 0, err
        told[role] = [line.split(" ", 1)[1].split(" ", 1) for line in out.splitlines()]
        failed = [line for line in out.splitlines() if not line.startswith("ok ")]
        assert not failed, failed[:3]  # every change was acknowledged (none busy)

    forms = [entry[0] for entry in told["form"]]
    dues = [entry[0] for entry in told["due"]]
    assert len(forms) == len(dues) == CHANGES
    # every acknowledged change is in the history, in the order it was made
    assert [new for _, new in _history(path, "form")] == forms
    assert [old for old, _ in _history(path, "form")] == ["verbal", *forms[:-1]]
    assert [new for _, new in _history(path, "due")] == dues
    assert [old for old, _ in _history(path, "due")] == [FIRST_DUE.isoformat(), *dues[:-1]]
    # and the record holds the last acknowledged value of every field
    final = Journal(path, today=TODAY).promise("p1")
    assert (final.form, final.evidence) == (forms[-1], told["form"][-1][1])
    assert final.due is not None and final.due.isoformat() == dues[-1]
    # the two really took turns (else this would prove nothing about concurrency)
    assert _switches(path) >= 20, _switches(path)
    assert inspect_file(path)[1] == []


SLOW_CLI = r"""
import os, sys, time
from pathlib import Path

marker, delay = Path(sys.argv[1]), float(sys.argv[2])
real_fsync = os.fsync
calls = []

def slow_fsync(fd):
    calls.append(fd)
    if len(calls) == 1:  # the first fsync of the save: the writer holds the lock
        marker.write_text("inside the lock")
        time.sleep(delay)
    return real_fsync(fd)

os.fsync = slow_fsync
from leverage_tui.cli import main
sys.exit(main(sys.argv[3:]))
"""


def _slow_cli(marker: Path, *args: str, delay: float = 1.5) -> subprocess.Popen[str]:
    """`leverage ARGS` in a process whose first fsync (inside the lock) takes `delay` s."""
    env = {**os.environ, "LEVERAGE_TODAY": TODAY.isoformat()}
    return _start(SLOW_CLI, str(marker), str(delay), *args, env=env)


def _wait_for(marker: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the slow writer never reached its fsync"
        time.sleep(0.01)


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LEVERAGE_TODAY": TODAY.isoformat()}
    return subprocess.run(
        [PYTHON, "-m", "leverage_tui", "--journal", str(path), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
    )


def test_the_issues_repro_a_writer_slowed_inside_the_lock_loses_nothing(
    path: Path, tmp_path: Path
) -> None:
    """`strace -e inject=fsync:delay_enter=1500000 leverage update ... --form written &
    sleep 0.6; leverage update ... --due`: both exit 0 and both changes are kept."""
    path.parent.mkdir()
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Sybil",
                   "Announce me as Q3 lead").code == 0  # fmt: skip
    marker = tmp_path / "in-fsync"
    slow = _slow_cli(
        marker, "--journal", str(path), "update", "promise", "p1",
        "--form", "written", "--evidence", "email from Sybil",
    )  # fmt: skip
    _wait_for(marker, slow)
    started = time.monotonic()
    second = _cli(path, "update", "promise", "p1", "--due", "2027-01-15")
    waited = time.monotonic() - started
    out, err = slow.communicate(timeout=60)
    assert slow.returncode == 0, err
    assert second.returncode == 0, second.stderr
    assert waited > 0.5  # it did wait for the slow writer's lock
    promise = run_cli("--journal", str(path), "list", "promises", "--json").json[0]
    assert promise["form"] == "written"
    assert promise["evidence"] == "email from Sybil"
    assert promise["due"] == "2027-01-15"
    changes = [(c["field"], c["new"]) for c in promise["history"]]
    assert changes == [("form", "written"), ("due", "2027-01-15")]


def test_a_promise_deleted_while_another_process_edits_it(path: Path, tmp_path: Path) -> None:
    """The edit is refused in one line (exit 2) and nothing of it is applied: not the
    new person it names, not a stray record, not a revision."""
    path.parent.mkdir()
    _one_promise(path)
    marker = tmp_path / "in-fsync"
    deleter = _slow_cli(marker, "--journal", str(path), "delete", "p1")
    _wait_for(marker, deleter)
    edit = _cli(path, "update", "promise", "p1", "--due", "2027-02-01", "--by", "Newcomer")
    out, err = deleter.communicate(timeout=60)
    assert deleter.returncode == 0, err
    assert out.startswith("deleted p1")
    assert edit.returncode == 2, edit.stderr
    assert edit.stdout == ""
    assert "Traceback" not in edit.stderr
    line = edit.stderr.strip()
    assert "\n" not in line
    assert "deleted by another program" in line and "nothing was changed" in line, line
    after = Journal(path, today=TODAY)
    assert after.promises == {}
    assert [u.name for u in after.people.values()] == ["Sybil"]  # no Newcomer
    assert after.storage.revision == 2  # the add, the delete: the edit wrote nothing


def test_a_long_lived_writer_marking_forms_of_a_deleted_promise_changes_nothing(
    path: Path,
) -> None:
    """`set_forms` on two promises, one deleted meanwhile by another program: refused,
    and the other promise is not half-changed, on disk nor in memory."""
    path.parent.mkdir()
    app_side = Journal(path, today=TODAY)
    app_side.add_promise("Announce me as Q3 lead", "Sybil")
    app_side.add_promise("A raise in the spring", "Sybil")
    before = path.read_bytes()
    assert run_cli("--journal", str(path), "delete", "p2").code == 0
    after_delete = path.read_bytes()
    assert after_delete != before
    try:
        app_side.set_forms(["p1", "p2"], "recap-sent")
    except ValueError as err:  # InputError
        assert "p2 was deleted by another program; nothing was changed" in str(err)
    else:
        raise AssertionError("set_forms on a deleted promise was not refused")
    assert path.read_bytes() == after_delete
    assert app_side.promise("p1").form == "verbal"
    assert "p2" not in app_side.promises


def test_a_deleted_record_refuses_every_kind_of_edit_in_one_line(path: Path) -> None:
    """Update of each kind, after another process deleted the record: exit 2, one line."""
    path.parent.mkdir()
    j = Journal(path, today=TODAY)
    conv = j.add_conversation(["Sybil"], "Lead role talk", on=dt.date(2026, 11, 2))
    j.add_promise("Announce me as Q3 lead", "Sybil")
    j.add_ask("Team lead title", measure="on the org chart")
    j.add_offer("Acme", "Staff engineer", base=150000)
    # other programs, each opened before the deletes (so each still sees its record)
    others = [Journal(path, today=TODAY) for _ in range(5)]
    for rid in (conv.id, "p1", "a1", "o1"):
        assert run_cli("--journal", str(path), "delete", rid).code == 0
    on_disk = path.read_bytes()
    edits = [
        lambda j: j.update_conversation(conv.id, summary="changed"),
        lambda j: j.update_promise("p1", due=dt.date(2027, 1, 1)),
        lambda j: j.update_ask("a1", measure="changed"),
        lambda j: j.update_offer("o1", base=160000),
        lambda j: j.delete("p1"),
    ]
    for other, edit in zip(others, edits, strict=True):
        try:
            edit(other)
        except ValueError as err:
            message = str(err)
            assert "\n" not in message and "nothing was changed" in message, message
            assert "deleted" in message, message
        else:
            raise AssertionError("an edit of a deleted record was accepted")
        assert path.read_bytes() == on_disk


def test_two_programs_setting_the_current_job_for_the_first_time_keep_both(path: Path) -> None:
    """The second one finds the job recorded inside the lock: it changes what it was
    given and keeps the rest (before, it wrote its stale 'first' job over the other)."""
    path.parent.mkdir()
    script = Journal(path, today=TODAY)
    app_side = Journal(path, today=TODAY)  # opened while there was no job yet
    script.set_current_job(company="Halden", role="Designer", base=118000)
    app_side.set_current_job(company="Halden", role="Lead designer", bonus=9000)
    job = Journal(path, today=TODAY).current_job
    assert job is not None
    assert (job.company, job.role, job.base, job.bonus) == (
        "Halden",
        "Lead designer",
        118000,
        9000,
    )


CLI_WRITER = r"""
import contextlib, io, sys
from leverage_tui.cli import main

path, first, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
import datetime as dt
print("ready", flush=True)
sys.stdin.readline()
for i in range(n):
    due = (dt.date(2027, 1, 1) + dt.timedelta(days=first + 2 * i)).isoformat()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--journal", path, "update", "promise", "p1", "--due", due])
    print("ok" if code == 0 else "failed", due, err.getvalue().strip(), flush=True)
"""


def test_the_app_cycling_a_form_while_two_command_lines_move_the_due_date(path: Path) -> None:
    """The issue's third run: 80 form changes in the app, 2 x 40 `update --due` from
    two other processes (a fresh journal each, as the command line opens it)."""
    _one_promise(path)
    env = {**os.environ, "LEVERAGE_TODAY": TODAY.isoformat()}
    clis = [_start(CLI_WRITER, str(path), str(first), "40", env=env) for first in (1, 2)]
    for c in clis:
        assert c.stdout is not None and c.stdout.readline().strip() == "ready"
    app = LeverageApp(path, today=TODAY)
    app_forms: list[str] = []

    async def go() -> None:
        async with app.run_test() as pilot:
            for c in clis:
                assert c.stdin is not None
                c.stdin.write("go\n")
                c.stdin.flush()
            for i in range(80):
                form = FORMS[(i + 1) % len(FORMS)]
                done = app.change(lambda j, f=form: j.update_promise("p1", form=f))  # type: ignore[misc]
                if done is not None:
                    app_forms.append(form)
                await pilot.pause(0.01 if i % 2 else 0.03)
            app.journal.flush()

    asyncio.run(go())
    cli_dues: list[str] = []
    for c in clis:
        out, err = c.communicate(timeout=120)
        assert c.returncode == 0, err
        lines = out.splitlines()
        assert all(line.startswith("ok ") for line in lines), [
            x for x in lines if not x.startswith("ok ")
        ][:3]
        cli_dues += [line.split()[1] for line in lines]
    assert len(app_forms) == 80 and len(cli_dues) == 80
    forms = [new for _, new in _history(path, "form")]
    dues = [new for _, new in _history(path, "due")]
    assert forms == app_forms  # every change the app made, in order
    assert sorted(dues) == sorted(cli_dues)  # every acknowledged command-line change
    assert len(set(cli_dues)) == 80
    final = Journal(path, today=TODAY).promise("p1")
    assert final.form == app_forms[-1]
    assert final.due is not None and final.due.isoformat() == dues[-1]
    assert _switches(path) >= 10, _switches(path)


def test_undo_of_a_change_another_program_changed_since_is_refused(path: Path) -> None:
    path.parent.mkdir()
    app_side = Journal(path, today=TODAY)
    app_side.add_promise("Announce me as Q3 lead", "Sybil")
    app_side.update_promise("p1", form="written")
    assert (
        run_cli("--journal", str(path), "update", "promise", "p1", "--due", "2027-01-15").code == 0
    )
    with pytest.raises(InputError, match="changed elsewhere"):
        app_side.undo()
    p = Journal(path, today=TODAY).promise("p1")
    assert (p.form, p.due) == ("written", dt.date(2027, 1, 15))


def test_a_long_lived_writer_can_change_a_record_another_program_just_added(path: Path) -> None:
    """It reads the file again rather than say 'no promise with id p2'."""
    path.parent.mkdir()
    script = Journal(path, today=TODAY)
    script.add_promise("Announce me as Q3 lead", "Sybil")
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Ana", "A raise").code == 0
    assert script.update_promise("p2", status="honored").status == "honored"
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Ana", "A title").code == 0
    assert [p.form for p in script.set_forms(["p3"], "written")] == ["written"]
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Ana", "Later").code == 0
    assert script.delete("p4").id == "p4"
    on_disk = Journal(path, today=TODAY).promises
    assert (on_disk["p2"].status, on_disk["p3"].form, "p4" in on_disk) == (
        "honored",
        "written",
        False,
    )
    with pytest.raises(InputError, match="no promise with id 'p9'"):
        script.update_promise("p9", status="honored")


def test_the_app_shows_a_record_deleted_elsewhere_as_gone_once_its_edit_is_refused(
    path: Path,
) -> None:
    """A refused edit read the file again: the screens follow (the app's revision)."""
    _one_promise(path)
    app = LeverageApp(path, today=TODAY)

    async def go() -> None:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert run_cli("--journal", str(path), "delete", "p1").code == 0
            seen = app.revision
            assert app.change(lambda j: j.update_promise("p1", form="written")) is None
            assert "p1" not in app.journal.promises
            assert app.revision == app.journal.revision != seen  # screens redraw without p1
            await pilot.pause()

    asyncio.run(go())
    assert Journal(path, today=TODAY).promises == {}


def test_an_import_by_a_long_lived_journal_keeps_what_another_program_changed(
    path: Path,
) -> None:
    """The import is merged into the journal as it is on disk when the lock is held."""
    path.parent.mkdir()
    app_side = Journal(path, today=TODAY)
    app_side.add_promise("Announce me as Q3 lead", "Sybil")
    export = app_side.export_data()
    export["promises"]["p2"] = {**export["promises"]["p1"], "text": "A raise in the spring"}
    assert run_cli("--journal", str(path), "update", "promise", "p1", "--form", "written").code == 0
    assert run_cli("--journal", str(path), "add", "promise", "--by", "Ana", "A title").code == 0
    counts = app_side.import_data(export)
    # the raise, whose id p2 was taken meanwhile, and the exported p1, which differs from
    # p1 as it is now: both added under new ids (merge.py), nothing written over
    assert counts["promises"] == 2
    on_disk = Journal(path, today=TODAY).promises
    assert on_disk["p1"].form == "written"  # the other program's change is kept
    assert on_disk["p2"].text == "A title"
    assert sorted((p.text, p.form) for p in on_disk.values() if p.id not in ("p1", "p2")) == [
        ("A raise in the spring", "verbal"),
        ("Announce me as Q3 lead", "verbal"),
    ]
