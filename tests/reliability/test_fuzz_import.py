"""`leverage import` of damaged export files: exit 0 or 2, never a traceback, the journal
unchanged when the file is refused and still valid when it is taken."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import TODAY, Result, run_cli, small_journal

from leverage_tui.core.journal import Journal
from leverage_tui.core.storage import inspect_file

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SHM = "/dev/shm" if os.path.isdir("/dev/shm") else None
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(), st.text(max_size=30),
    st.sampled_from(["", "2026-02-30", "9999-01-01", "p1", "c99", "written", "\0", "x" * 3000]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.none(), max_size=2),
)  # fmt: skip


@pytest.fixture
def setup() -> Iterator[tuple[Path, Path, bytes]]:
    """(journal to import into, its bytes, the export file): a fuller export than the target."""
    with tempfile.TemporaryDirectory(dir=SHM) as scratch, contextlib.chdir(scratch):
        source = Path(scratch) / "source.json"
        full = small_journal(source)
        full.add_ask("Lead Q3 planning", measure="announced", promises=["p1"])
        full.update_promise("p2", status="honored", due=TODAY)
        export = Path(scratch) / "export.json"
        export.write_text(json.dumps(full.export_data(), indent=1))
        target = Path(scratch) / "j.json"
        Journal(target, today=TODAY).add_promise("Already here", "Sybil")
        yield target, export, target.read_bytes()


def do_import(target: Path, export: Path, original: bytes) -> Result:
    """Import into a fresh copy of the target journal; check the outcome."""
    target.write_bytes(original)
    result = run_cli("--journal", str(target), "import", str(export))
    assert result.code in (0, 2), result
    assert "Traceback" not in result.err
    if result.code:
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert target.read_bytes() == original
    else:
        data, problems = inspect_file(target)
        assert data and problems == [], problems
    return result


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                      min_size=1, max_size=4))  # fmt: skip
def test_flipped_bytes(setup: tuple[Path, Path, bytes], flips: list[tuple[float, int]]) -> None:
    target, export, original = setup
    data = bytearray(export.read_bytes())
    for where, value in flips:
        data[int(where * len(data))] = value
    mutated = export.with_name("mutated.json")
    mutated.write_bytes(bytes(data))
    do_import(target, mutated, original)


@FUZZ
@given(cut=st.floats(0, 1))
def test_truncated_exports(setup: tuple[Path, Path, bytes], cut: float) -> None:
    target, export, original = setup
    data = export.read_bytes()
    mutated = export.with_name("mutated.json")
    mutated.write_bytes(data[: int(cut * len(data))])
    result = do_import(target, mutated, original)
    assert result.code == (0 if cut == 1 else 2)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in nested dicts."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.append((*prefix, key))
            found += paths_in(value, (*prefix, key))
    return found


@FUZZ
@given(picks=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.booleans(), ODD_VALUES),
                      min_size=1, max_size=3))  # fmt: skip
def test_deleted_keys_and_odd_values(
    setup: tuple[Path, Path, bytes], picks: list[tuple[float, bool, Any]]
) -> None:
    target, export, original = setup
    data = json.loads(export.read_text())
    for where, delete, value in picks:
        keys = paths_in(data)
        if not keys:
            break
        *parents, last = keys[int(where * len(keys))]
        holder = data
        for key in parents:
            holder = holder[key]
        if delete:
            del holder[last]
        else:
            holder[last] = value
    mutated = export.with_name("mutated.json")
    mutated.write_text(json.dumps(data))
    do_import(target, mutated, original)


def test_the_unmutated_export_imports_and_twice_adds_nothing(
    setup: tuple[Path, Path, bytes],
) -> None:
    target, export, _ = setup
    target.unlink()
    assert run_cli("--journal", str(target), "import", str(export)).code == 0
    once = Journal(target, today=TODAY)
    assert len(once.promises) == 2 and len(once.asks) == 1
    again = run_cli("--journal", str(target), "import", str(export))
    assert again.code == 0 and "nothing new" in again.out


def test_importing_twice_into_a_journal_with_clashing_ids_adds_nothing_the_second_time(
    setup: tuple[Path, Path, bytes],
) -> None:
    target, export, original = setup
    assert do_import(target, export, original).code == 0
    once = Journal(target, today=TODAY)
    assert len(once.promises) == 3 and len(once.asks) == 1
    again = run_cli("--journal", str(target), "import", str(export))
    assert again.code == 0 and "nothing new" in again.out
