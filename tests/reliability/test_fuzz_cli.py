"""Fuzzed command-line arguments, run in-process through `leverage_tui.cli.main`.

Random text, a megabyte of text, control characters, NUL, right-to-left marks, emoji,
very long names and numbers that overflow: never a traceback (exit 0, 1 or 2), a refused
input leaves the journal's bytes exactly as they were, and accepted text comes back from
`list --json` exactly as typed (stripped; a tab in one-line text becomes a space).
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import Result, run_cli, small_journal

from leverage_tui.core.records import MONEY_LIMIT
from leverage_tui.core.storage import inspect_file

ODD = "\t\n\r\0\x1b\x7f\u200f\u202e\u2028\u0627\u05d0\ufeff\U0001f642\U0001f469\u200d\U0001f4bb"
TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=()), max_size=300),  # anything at all
    st.text(alphabet=st.sampled_from("ab -'\"#$%" + ODD), max_size=40),  # dense in odd chars
    st.sampled_from(["x" * 1_000_000, "é" * 2000, "é" * 2001, "-x", "--json", "  ", ""]),
)
NAME = st.one_of(TEXT, st.sampled_from(["Sybil", "  sybil ", "SYBIL", "n" * 120, "n" * 121]))
NUMBER = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["120k", "$150,000", "1e9", "1_000", "", "k", "NaN", "9" * 400, "٣٠٠"]),
    TEXT,
)
FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


SHM = "/dev/shm" if os.path.isdir("/dev/shm") else None
"""Fuzzing tests input handling, not the disk: a memory file system makes it quick."""


@pytest.fixture
def base() -> Iterator[Path]:
    """A small journal (c1, p1, p2, o1), reset before every example by `fresh`."""
    with tempfile.TemporaryDirectory(dir=SHM) as scratch, contextlib.chdir(scratch):
        path = Path(scratch) / "j.json"
        small_journal(path)
        yield path


ORIGINAL: dict[Path, bytes] = {}


def fresh(path: Path) -> bytes:
    """Put the base journal back; returns its bytes."""
    original = ORIGINAL.setdefault(path, path.read_bytes())
    path.write_bytes(original)
    return original


def run(path: Path, *args: str) -> Result:
    """`leverage --journal PATH ARGS...`: never a traceback, exit 0, 1 or 2."""
    try:  # a text of "-" reads standard input (issue 16): here it is empty
        with mock.patch("sys.stdin", io.StringIO("")):
            result = run_cli("--journal", str(path), *args)
    except SystemExit as done:  # only --help and --version end this way
        return Result(int(done.code or 0), "", "")
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err
    assert "\x1b" not in result.err  # no terminal escape sequence is ever echoed
    if result.code:
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert result.err.startswith("leverage: ")
    return result


def stored(text: str) -> str:
    """What one-line text is kept as: its lines (split at line feeds) joined with spaces
    (issue 16: never cut, never refused for a line break), stripped, tabs as spaces."""
    if "\n" in text:
        parts = (part.strip(" \t") for part in text.replace("\r\n", "\n").split("\n"))
        text = " ".join(part for part in parts if part)
    return text.strip().replace("\t", " ")


def listed(path: Path, what: str, rid: str) -> dict[str, object]:
    """The record `rid` as `list WHAT --json` shows it."""
    rows = {row["id"]: row for row in run(path, "list", what, "--json").json}
    return rows[rid]  # type: ignore[no-any-return]


def assert_valid(path: Path) -> None:
    """The journal on disk passes `leverage check`."""
    data, problems = inspect_file(path)
    assert data and problems == []


@FUZZ
@given(text=TEXT, name=NAME)
@example(text="x" * 1_000_000, name="Sybil")
@example(text="-", name="Sybil")  # standard input, empty here: refused, nothing changed
@example(text="\u202eevil right-to-left\u202c 🙂", name="\u05d0\u05d1")
def test_add_promise(base: Path, text: str, name: str) -> None:
    before = fresh(base)
    result = run(base, "add", "promise", "--by", name, "--", text)
    if result.code:
        assert base.read_bytes() == before
        return
    row = listed(base, "promises", result.out.strip())
    assert row["text"] == stored(text)
    by = str(row["by"])
    assert by == "Sybil" if name.strip().casefold() == "sybil" else by == stored(name)
    assert_valid(base)


@FUZZ
@given(company=NAME, role=TEXT, amount=NUMBER)
@example(company="Acme", role="Lead", amount=str(MONEY_LIMIT))
@example(company="Acme", role="Lead", amount=str(MONEY_LIMIT + 1))
@example(company="Acme", role="Lead", amount="9" * 4000)
def test_add_offer_with_any_pay(base: Path, company: str, role: str, amount: str) -> None:
    before = fresh(base)
    result = run(base, "add", "offer", "--company", company, "--role", role, f"--base={amount}")
    digits = amount.removeprefix("-")
    if digits.isascii() and digits.isdigit() and not 0 <= int(amount) <= MONEY_LIMIT:
        assert result.code == 2  # overflow is refused
    if result.code:
        assert base.read_bytes() == before
        return
    row = listed(base, "offers", result.out.strip())
    assert row["company"] == stored(company) and row["role"] == stored(role)
    pay = row["base"]
    assert pay is None if not amount.strip() else isinstance(pay, int) and 0 <= pay <= MONEY_LIMIT
    if digits.isascii() and digits.isdigit():
        assert row["base"] == int(amount)


@FUZZ
@given(who=NAME, summary=TEXT, notes=TEXT, tag=TEXT)
def test_add_conversation(base: Path, who: str, summary: str, notes: str, tag: str) -> None:
    before = fresh(base)
    args = ["add", "conversation", "--with", who, "--notes", notes, "--tag", tag, "--", summary]
    result = run(base, *args)
    if result.code:
        assert base.read_bytes() == before
        return
    row = listed(base, "conversations", result.out.strip())
    assert row["summary"] == stored(summary)
    assert (row["notes"] or "") == notes.strip()  # notes keep their lines and tabs
    assert_valid(base)


@FUZZ
@given(evidence=TEXT, due=TEXT, status=TEXT, new_text=TEXT)
def test_update_promise(base: Path, evidence: str, due: str, status: str, new_text: str) -> None:
    before = fresh(base)
    args = ["update", "promise", "p2", "--evidence", evidence, "--status", status]
    result = run(base, *args, "--due", due, "--text", new_text)
    if result.code:
        assert base.read_bytes() == before
        return
    row = listed(base, "promises", "p2")
    assert (row["evidence"] or "") == stored(evidence)
    assert row["text"] == stored(new_text) and row["status"] == status.strip().lower()
    assert_valid(base)


VOCABULARY = [
    "add", "promise", "conversation", "ask", "offer", "update", "delete", "list", "promises",
    "asks", "offers", "people", "flags", "timeline", "check", "review", "recap", "--by",
    "--due", "--made", "--form", "--status", "--flag", "--from", "--to", "--json", "--md",
    "--with", "--on", "--base", "--company", "--role", "--measure", "--target", "p1", "p2",
    "c1", "o1", "a1", "u1", "p999999999999999999999", "written", "honored", "tomorrow", "--",
]  # fmt: skip
COMMANDS = ["add", "update", "delete", "list", "flags", "timeline", "check", "review", "recap"]


@FUZZ
@given(
    st.sampled_from(COMMANDS), st.lists(st.one_of(st.sampled_from(VOCABULARY), TEXT), max_size=8)
)
def test_any_arguments_to_any_command(base: Path, command: str, rest: list[str]) -> None:
    before = fresh(base)
    result = run(base, command, *rest)
    if result.code:
        assert base.read_bytes() == before
    assert_valid(base)


def test_a_real_process_with_undecodable_and_huge_arguments(path: Path) -> None:
    """Bytes that are not UTF-8 reach Python as surrogates: still one clear line."""
    import subprocess

    from reliability_support import PYTHON, REPO

    small_journal(path)
    before = path.read_bytes()
    nasty = [b"\xff\xfe bad bytes", "\u202e🙂".encode(), b"x" * 100_000]
    for arg in nasty:
        done = subprocess.run(
            [PYTHON.encode(), b"-m", b"leverage_tui", b"--journal", os.fsencode(path),
             b"add", b"promise", b"--by", arg, b"--due", arg, b"--", arg],
            capture_output=True, cwd=REPO, timeout=30,
        )  # fmt: skip
        assert done.returncode == 2 and b"Traceback" not in done.stderr, done.stderr[-500:]
        assert path.read_bytes() == before
