"""The Markdown brief: its order, flags a record a line in full, escaped journal text, and
its size on a ten-year journal."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from leverage_tui.core.demo import write_demo
from leverage_tui.core.journal import Journal
from leverage_tui.core.review import brief_markdown, build_brief
from leverage_tui.core.show import day_text

from .conftest import TODAY, days

BENCH = Path(__file__).parents[2] / "bench"
LIMIT = 150_000
"""The most bytes `review --md` may write, on the bench's big journal."""


def headings(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("## ")]


def test_the_demo_brief_leads_with_the_bottom_line_and_its_conflict(tmp_path: Path) -> None:
    md = brief_markdown(build_brief(write_demo(tmp_path / "demo.json", TODAY)))
    assert headings(md)[:4] == [
        "## Bottom line",
        "## Deadline conflicts (4)",
        "## Offers in total",
        "## Your floors (walk-away points)",
    ]
    lines = md.splitlines()
    assert lines[4].startswith("- Maya's written counteroffer is due 26 Nov, the day after")
    start = lines.index("## Offers in total")
    assert lines[start + 2] == (  # the counteroffer against the outside offer, first
        "- **The counteroffer \\(o2\\) against Northwind Labs \\(o1\\):** base -7,000 · "
        "year one -31,000 · four years -94,000"
    )
    assert "| **Year one in total** | **129,000** | **179,000** | **148,000** |" in lines
    assert "| **Four years in total** | **516,000** | **686,000** | **592,000** |" in lines
    assert "## What accepting the counteroffer risks" in lines
    assert "  - The counteroffer does not meet your floor: base 135,000 \\< 140,000." in lines


def test_flags_a_record_a_line_worst_first_in_full(path: Path) -> None:
    j = Journal(path, today=TODAY)
    long = "Move the quarterly planning review to the new format " * 3
    p = j.add_promise(long.strip(), "Sam", made_on=days(-90), due=days(-60))
    j.update_promise(p.id, due=days(-30), on=days(-61))
    j.update_promise(p.id, due=days(-5), on=days(-31))
    j.add_promise("Raise", "Sam", made_on=days(-3))
    md = brief_markdown(build_brief(j))
    flag_lines = [x for x in md.splitlines() if x.startswith("- **") and "(p" in x]
    assert len(flag_lines) == 2  # one line a record, not one a flag
    first = flag_lines[0]
    assert first.startswith("- **overdue, moving-target, unwritten** · Sam: ")
    assert long.strip() in first  # the whole promise, not cut at 48 characters
    moved = f"from {day_text(days(-60))} to {day_text(days(-5))}"
    assert f"moving-target: due date pushed later 2 times \\({moved}\\)" in first


HOSTILE = "[x](javascript:alert(1)) <b>bold</b>"


def test_journal_text_stays_text(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.set_current_job(company="<i>Co</i>", role="# Heading", base=1)
    c = j.add_conversation(["*Star*"], "Talk", on=days(-2))
    j.add_promise(HOSTILE, "*Star*", conversation=c.id, due=days(9))
    j.add_promise("1. numbered", "*Star*", conversation=c.id)
    j.add_ask("# not a heading", measure="- not a list")
    j.add_offer(HOSTILE, "# Title", base=2, written=True, deadline=days(2), terms="<script>")
    j.add_offer("Co", "[link](http://x)", base=3, counter=True, deadline=days(4))
    j.add_ask(HOSTILE, measure="<b>", floor="base=5")
    md = brief_markdown(build_brief(j))
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"link_open", "html_inline", "html_block", "image"}
    assert [t.content for t in tokens if t.type == "inline" and t.map and "Heading" in t.content]
    for line in md.splitlines():
        assert not line.startswith(("# Heading", "# not", "# Title", "1. numbered"))
    assert "javascript:alert(1)" in md.replace("\\", "")  # still there, as text


def test_the_brief_of_a_ten_year_journal_stays_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    generate = importlib.import_module("generate")
    path = tmp_path / "big.json"
    generate.generate(path, "big", today=TODAY)
    j = Journal(path, today=TODAY, backups=0)
    j.add_offer("Northwind", "Lead", base=150_000, written=True, deadline=days(5))
    brief = build_brief(j)
    md = brief_markdown(brief)
    assert len(md.encode("utf-8")) <= LIMIT
    assert len(brief.flags) > 5_000 and len(brief.conflicts) > 20  # it is big
    for view in brief.open_offers:  # every open offer named
        assert f"({view.offer.id})" in md
    worst = brief.flag_groups[0]
    flags = md.splitlines()[md.splitlines().index(headings(md)[5]) + 4]
    assert flags.startswith(f"- **{', '.join(worst.names)}** ·") and f"({worst.id})" in flags
    assert "more records with" in md and "older offers" in md
