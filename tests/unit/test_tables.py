"""cli/tables.py: widths in terminal cells, wrapping instead of cutting, no column lost."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from leverage_tui.cli import tables
from leverage_tui.cli.tables import table, wrap

HEADERS = ["ID", "BY", "FLAGS", "PROMISE"]
ROWS = [
    ["p1", "王小明", "unwritten, vague, no-date", "A raise in January " * 6],
    ["p2", "Sybil", "", "Lead Q3"],
]


def test_wrap_breaks_at_spaces_and_inside_long_words() -> None:
    assert wrap("one two three", 7) == ["one two", "three"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("王小明王小明", 5) == ["王小", "明王", "小明"]  # two cells each
    assert wrap("", 3) == [""]


def test_piped_table_is_whole_and_cjk_aligned() -> None:
    lines = table(ROWS, HEADERS, width=None).splitlines()
    assert len(lines) == 3  # one line per row: nothing wrapped, nothing cut
    assert ("A raise in January " * 6).strip() in lines[1]
    starts = [
        cell_len(line[: line.index(word)])
        for line, word in zip(lines, ["FLAGS", "unwritten", ""], strict=False)
        if word
    ]
    assert starts[0] == starts[1]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_table_fits_the_width_and_keeps_every_word(width: int) -> None:
    out = table(ROWS, HEADERS, width=width, text=3)
    assert all(cell_len(line) <= width for line in out.splitlines())
    for header in HEADERS:
        assert header in out
    words = out.split()
    for word in " ".join(" ".join(r) for r in ROWS).split():
        assert word in words


def test_text_goes_below_when_the_terminal_is_too_narrow() -> None:
    out = table(ROWS, HEADERS, width=40, text=3).splitlines()
    assert out[0].split() == ["ID", "BY", "FLAGS"]
    assert out[1] == "    PROMISE"
    assert any(line.startswith("    A raise in January") for line in out)


def test_terminal_width_follows_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(tables.sys, "stdout", Tty())
    monkeypatch.setenv("COLUMNS", "80")
    assert tables.terminal_width() == 80
    monkeypatch.setattr(tables.sys, "stdout", io.StringIO())
    assert tables.terminal_width() is None
