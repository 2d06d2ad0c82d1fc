"""Issue 16, sections 1 and 2: listings that keep the text at any width, and the same
filters (-n, --from/--to, --tag, --person, --status, --form) on list, flags and
timeline, in tables and in --json alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_tui.cli import tables

from .conftest import Run

LONG = "Announce me as the owner of the component library in the next all-hands update " * 2


def _ids(r: object) -> list[str]:
    return [d["id"] for d in r.json]  # type: ignore[attr-defined]


def test_piped_listing_keeps_the_whole_text(cli: Run, sample: Path) -> None:
    cli("add", "promise", "--by", "Sybil", "--conversation", "c1", LONG)
    out = cli("list", "promises").out
    assert " ".join(LONG.split()) in out  # not cut at 60 characters
    assert "…" not in out


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_listing_keeps_text_and_flags(
    cli: Run, sample: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    cli("add", "promise", "--by", "Sybil", "--conversation", "c1", LONG)
    monkeypatch.setattr(tables, "terminal_width", lambda: width)
    for what, header in [("promises", "PROMISE"), ("conversations", "SUMMARY")]:
        out = cli("list", what).out
        assert all(len(line) <= width for line in out.splitlines()), what
        assert header in out and "FLAGS" in out
        assert "unwritten" in " ".join(out.split())
    flags = cli("list", "promises").out.split()
    assert all(flag in flags for flag in ("unwritten,", "vague,", "no-date", "moving-target"))
    words = cli("list", "promises").out.split()
    assert _in_order(LONG.split(), words)  # wrapped, never cut
    assert "…" not in " ".join(words)
    offers = cli("list", "offers").out.split()
    assert _in_order(["Staff", "engineer"], offers) and "verbal-offer" in offers


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Every word of `wanted` found in `words`, in that order (other columns between)."""
    found = iter(words)
    return all(any(w == x for x in found) for w in wanted)


def test_cjk_name_does_not_shift_later_columns(cli: Run, sample: Path) -> None:
    cli("add", "promise", "--by", "王小明", "--due", "2026-12-09", "Raise in January")
    lines = cli("list", "promises").out.splitlines()
    header = lines[0]
    cjk = next(line for line in lines if line.startswith("p6 "))
    ascii_row = next(line for line in lines if line.startswith("p3 "))
    from rich.cells import cell_len

    form_at = cell_len(header[: header.index("FORM")])
    assert cell_len(cjk[: cjk.index("verbal")]) == form_at
    assert cell_len(ascii_row[: ascii_row.index("written")]) == form_at


def test_flags_name_what_each_flag_is_about(cli: Run, sample: Path) -> None:
    out = cli("flags").out
    overdue = next(line for line in out.splitlines() if line.startswith("overdue"))
    assert "Ana: Title change to senior" in overdue
    assert "Acme offer: Staff engineer" in out
    docs = cli("flags", "--json").json
    assert {d["id"]: d["about"] for d in docs}["p3"] == "Ana: Title change to senior"


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["-n", "2"], ["p1", "p3"]),  # the latest two by the day they were made
        (["--from", "2026-10-01"], ["p1", "p2", "p3"]),
        (["--from", "oct 2", "--to", "oct 31"], ["p3"]),
        (["--tag", "LEAD"], ["p1"]),
        (["--tag", "#lead"], ["p1"]),
        (["--person", "ana"], ["p3", "p5"]),
        (["--status", "withdrawn"], ["p4"]),
        (["--form", "written", "--form", "official"], ["p3", "p4", "p5"]),
        (["--person", "Sybil", "--status", "pending", "-n", "1"], ["p1"]),
        (["--flag", "unwritten", "--person", "sybil", "--to", "2026-10-15"], ["p2"]),
    ],
)
def test_list_filters(cli: Run, sample: Path, args: list[str], ids: list[str]) -> None:
    assert _ids(cli("list", "promises", *args, "--json")) == ids
    table = cli("list", "promises", *args).out.splitlines()
    assert [line.split()[0] for line in table[1:] if line[:1] == "p"] == ids


def test_list_filters_on_other_lists(cli: Run, sample: Path) -> None:
    assert _ids(cli("list", "conversations", "--tag", "lead", "--json")) == ["c1"]
    assert _ids(cli("list", "offers", "--person", "acme", "--json")) == ["o1"]
    assert _ids(cli("list", "asks", "--person", "Sybil", "--json")) == ["a1"]
    assert _ids(cli("list", "people", "--person", "ana", "--json")) == ["u2"]
    assert cli("list", "conversations", "--tag", "nope").out == "no conversations that match\n"


def test_flags_filters(cli: Run, sample: Path) -> None:
    ana = cli("flags", "--person", "Ana", "--json").json
    assert [(f["flag"], f["id"]) for f in ana] == [("overdue", "p3"), ("moving-target", "p5")]
    written = cli("flags", "--form", "verbal", "--json").json
    assert {f["id"] for f in written} == {"p1", "p2"}
    assert [f["id"] for f in cli("flags", "--tag", "lead", "--json").json] == ["p1"]
    assert [f["id"] for f in cli("flags", "--person", "acme", "--json").json] == ["o1"]
    out = cli("flags", "--person", "Ana", "--status", "honored")
    assert (out.code, out.out) == (0, "no flags that match\n")


def test_timeline_filters(cli: Run, sample: Path) -> None:
    last = cli("timeline", "-n", "2", "--json").json
    assert [(e["date"], e["id"]) for e in last] == [("2026-12-15", "p5"), ("2027-03-01", "a1")]
    lead = cli("timeline", "--tag", "lead", "--json").json
    assert {e["id"] for e in lead} == {"c1", "p1"}
    withdrawn = cli("timeline", "--status", "withdrawn", "--json").json
    assert withdrawn and {e["id"] for e in withdrawn} == {"p4"}
    both = cli("timeline", "--person", "Ana", "--form", "written", "-n", "1", "--json").json
    assert [e["id"] for e in both] == ["p5"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "promises", "-n", "0"], "-n must be 1 or more"),
        (["list", "promises", "-n", "x"], "invalid int value"),
        (["list", "promises", "--from", "whenever"], "--from: not a date: 'whenever'"),
        (["list", "promises", "--from", "today", "--to", "yesterday"], "is after --to"),
        (["list", "promises", "--status", "maybe"], "--status 'maybe' is not one of"),
        (["list", "promises", "--form", "rumour"], "--form 'rumour' is not one of"),
        (["list", "offers", "--status", "pending"], "apply to promises"),
        (["list", "promises", "--person", "Nobody"], "no person or company named 'Nobody'"),
        (["list", "promises", "--tag", " "], "--tag needs a tag"),
        (["flags", "--to", "soonish"], "not a date"),
        (["timeline", "--person", "Nobody"], "no person or company named"),
        (["timeline", "--status", "nope"], "--status 'nope'"),
    ],
)
def test_bad_filter_is_one_line_exit_2(
    cli: Run, sample: Path, args: list[str], message: str
) -> None:
    before = sample.read_bytes()
    r = cli(*args)
    assert (r.code, r.out) == (2, "")
    assert message in r.err and r.err.count("\n") == 1
    assert sample.read_bytes() == before


def test_backup_listing_keeps_every_column_in_a_narrow_terminal(
    cli: Run, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`leverage restore` lists backups with the listings' table: nothing cut at 60 columns."""
    monkeypatch.setattr(tables, "terminal_width", lambda: 60)
    out = cli("restore").out
    lines = out.splitlines()[1:]
    assert all(len(line) <= 60 for line in lines)
    words = " ".join(lines).split()
    for header in ("#", "backup", "revision", "saved", "size", "records"):
        assert header in words
    assert "promises" in words and any(w.endswith(".json") for w in words)


def test_list_takes_every_listed_kind_singular_or_plural(cli: Run, sample: Path) -> None:
    from leverage_tui.cli.listing import LISTS
    from leverage_tui.core.registry import LISTED

    assert sorted(LISTS) == sorted(k.plural for k in LISTED)  # a new kind is listable
    for kind in LISTED:
        for name in (kind.name, kind.plural.title()):
            assert cli("list", name, "--json").code == 0, name
    assert cli("list", "person", "--json").json == cli("list", "people", "--json").json
