"""The decision brief on a hand-built journal whose right answers are worked out by hand."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal
from leverage_tui.core.review import Brief, brief_markdown, build_brief, differences, spark

TODAY = date(2026, 11, 23)


def build(path: Path) -> Journal:
    """Sam and Ria's record, with two offers and a current job.

    p1 Sam verbal, kept 05-30 then withdrawn 08-10 (walked back)
    p2 Sam written, due 07-01, honored 07-05 (4 days late)
    p3 Ria written, due 09-01, broken 09-10
    p4 Sam verbal, no due, pending
    p5 Ria recap-sent, due 11-01, pending (22 days overdue)
    p6 Sam verbal, due 10-01, partly 10-15 (14 days late)
    p7 Kim written, due 12-10, pending
    """
    j = Journal(path, today=TODAY, backups=0)
    c = j.add_conversation(["Sam"], "Planning role", on=date(2026, 5, 4))
    j.add_promise("Lead the planning review", "Sam", conversation=c.id, due=date(2026, 6, 1))
    j.update_promise("p1", status="honored", on=date(2026, 5, 30))
    j.update_promise("p1", status="withdrawn", on=date(2026, 8, 10))
    j.add_promise(
        "Raise of 5%", "Sam", made_on=date(2026, 6, 1), form="written", due=date(2026, 7, 1)
    )
    j.update_promise("p2", status="honored", on=date(2026, 7, 5))
    j.add_promise(
        "Training budget", "Ria", made_on=date(2026, 6, 2), form="written", due=date(2026, 9, 1)
    )
    j.update_promise("p3", status="broken", on=date(2026, 9, 10))
    j.add_promise("Title change to Senior", "Sam", made_on=date(2026, 9, 1))
    j.add_promise(
        "Send the band in writing",
        "Ria",
        made_on=date(2026, 10, 1),
        form="recap-sent",
        due=date(2026, 11, 1),
    )
    j.add_promise("Half the budget back", "Sam", made_on=date(2026, 9, 2), due=date(2026, 10, 1))
    j.update_promise("p6", status="partly", on=date(2026, 10, 15))
    j.add_promise(
        "Intro to the VP", "Kim", made_on=date(2026, 11, 2), form="written", due=date(2026, 12, 10)
    )
    j.add_ask(
        "Lead the planning review, announced to the team",
        measure="named lead in team notes",
        target=date(2027, 1, 15),
        promises=["p4"],
    )
    j.add_ask(
        "Base pay 140k in the contract",
        measure="signed amendment",
        target=date(2026, 12, 15),
        promises=["p2"],
    )
    j.add_ask("More influence")
    j.add_ask(
        "Conference every year",
        measure="in the training plan",
        target=date(2027, 2, 1),
        promises=["p3"],
    )
    j.add_offer(
        "Acme",
        "Staff Engineer",
        base=150_000,
        bonus=10_000,
        written=True,
        received=date(2026, 11, 10),
        deadline=date(2026, 11, 27),
    )
    j.add_offer(
        "Current Co",
        "Senior Engineer",
        base=140_000,
        counter=True,
        received=date(2026, 11, 20),
        deadline=date(2026, 11, 30),
    )
    j.set_current_job("Current Co", "Engineer", base=125_000, bonus=5_000)
    return j


@pytest.fixture
def brief(tmp_path: Path) -> Brief:
    return build_brief(build(tmp_path / "j.json"))


def test_track_record_numbers(brief: Brief) -> None:
    doc = brief.to_doc()["track_record"]
    assert doc["overall"] == {
        "honored": 1,
        "partly": 1,
        "broken": 1,
        "withdrawn": 1,
        "pending": 3,
        "honor_rate": 0.375,
    }  # (1 + 0.5) / 4
    assert doc["verbal"] == {
        "honored": 0,
        "partly": 1,
        "broken": 0,
        "withdrawn": 1,
        "pending": 2,
        "honor_rate": 0.25,
    }  # p1 p4 p5 p6
    assert doc["written"] == {
        "honored": 1,
        "partly": 0,
        "broken": 1,
        "withdrawn": 0,
        "pending": 1,
        "honor_rate": 0.5,
    }  # p2 p3 p7
    assert doc["by_person"]["Sam"]["honor_rate"] == 0.5  # (1 + 0.5) / 3
    assert doc["by_person"]["Ria"]["honor_rate"] == 0.0
    assert doc["by_person"]["Kim"]["honor_rate"] is None  # nothing resolved
    assert doc["avg_days_late"] == 9.0  # p2 4 days, p6 14 days
    assert doc["walked_back"] == 1


def test_offers_side_by_side_against_the_current_job(brief: Brief) -> None:
    assert [v.offer.id for v in brief.offers] == ["o1", "o2"]  # outside offer first
    acme, counter = brief.offers
    assert acme.days_left == 4 and counter.days_left == 7
    assert acme.differences == [
        "base +25,000 (+20%)",
        "bonus +5,000",
        "title Staff Engineer (now Engineer)",
    ]
    assert counter.differences == [
        "base +15,000 (+12%)",
        "bonus -5,000",
        "title Senior Engineer (now Engineer)",
        "not in writing",
    ]
    assert brief.current_job is not None and brief.current_job.base == 125_000


def test_differences_without_a_current_job_only_say_what_is_verbal(brief: Brief) -> None:
    assert differences(brief.offers[1].offer, None) == ["not in writing"]
    assert differences(brief.offers[0].offer, None) == []


def test_open_flags_worst_first(brief: Brief) -> None:
    got = [(f.flag, f.id) for f in brief.flags]
    assert got == [
        ("overdue", "p5"),
        ("walked-back", "p1"),
        ("verbal-offer", "o2"),
        ("unwritten", "p4"),
        ("unwritten", "p5"),
        ("vague", "a3"),
        ("no-date", "p4"),
    ]
    assert brief.about["p5"] == 'Ria: "Send the band in writing"'


def test_each_ask_with_its_coverage(brief: Brief) -> None:
    got = {a.ask.id: (a.coverage, a.form, [p.id for p in a.promises]) for a in brief.asks}
    assert got == {
        "a1": ("verbal only", "verbal", ["p4"]),
        "a2": ("in writing", "written", ["p2"]),
        "a3": ("not covered", None, []),
        "a4": ("broken", None, ["p3"]),
    }


def test_checklist_answers(brief: Brief) -> None:
    fixes, writing, verbal, deadline, back = brief.checklist
    assert fixes.ok is False
    assert fixes.answer.startswith("Not yet: 1 of 4 asks are granted or in writing; only verbal: ")
    assert '"More influence"' in fixes.answer and '"Conference every year"' in fixes.answer
    assert writing.answer == (
        "No: 2 of 3 pending promises are not in writing; "
        "the counteroffer from Current Co is verbal."
    )
    assert writing.ok is False
    assert verbal.answer == (
        "25% kept (0 honored, 1 partly, 0 broken, 1 withdrawn), against 50% of written ones."
    )
    assert verbal.ok is False
    assert deadline.answer == "4 days: Acme wants an answer by 2026-11-27."
    assert deadline.ok is True  # more than 3 days left
    assert back.answer == 'Yes, 1: "Lead the planning review" (Sam, withdrawn on 2026-08-10).'
    assert back.ok is False


def test_checklist_names_a_few_and_counts_the_rest(tmp_path: Path) -> None:
    j = Journal(tmp_path / "many.json", today=TODAY, backups=0)
    for n in range(8):
        p = j.add_promise(f"Promise {n}", "Sam", made_on=date(2026, 1, 1))
        j.update_promise(p.id, status="honored", on=date(2026, 2, 1))
        j.update_promise(p.id, status="withdrawn", on=date(2026, 3, 1 + n))
    back = build_brief(j).checklist[-1]
    assert back.answer.startswith('Yes, 8: "Promise 7" (Sam, withdrawn on 2026-03-08); ')
    assert back.answer.count("(Sam, withdrawn") == 5  # the latest five
    assert back.answer.endswith("; and 3 more.")


def test_checklist_on_an_empty_journal_says_it_cannot_tell(tmp_path: Path) -> None:
    brief = build_brief(Journal(tmp_path / "e.json", today=TODAY))
    assert [c.ok for c in brief.checklist] == [None, None, None, None, True]
    assert brief.offers == [] and brief.flags == []


def test_kept_and_broken_by_month(brief: Brief) -> None:
    months = {m.month.strftime("%Y-%m"): (m.kept, m.broken) for m in brief.by_month}
    assert len(months) == 12 and min(months) == "2025-12" and max(months) == "2026-11"
    assert months["2026-07"] == (1, 0)  # p2 honored
    assert months["2026-08"] == (0, 1)  # p1 withdrawn
    assert months["2026-09"] == (0, 1)  # p3 broken
    assert months["2026-10"] == (1, 0)  # p6 partly
    assert sum(k + b for k, b in months.values()) == 4


def test_spark_scales_to_the_top_value() -> None:
    assert spark([0, 1, 2, 4]) == "·▂▄█"
    assert spark([0, 0]) == "··"
    assert spark([1], top=8) == "▁"


def test_json_has_the_promised_shape(brief: Brief) -> None:
    doc = json.loads(json.dumps(brief.to_doc()))
    assert {"track_record", "flags", "offers", "asks"} <= set(doc)
    for tally in (doc["track_record"]["overall"], *doc["track_record"]["by_person"].values()):
        assert set(tally) == {"honored", "partly", "broken", "withdrawn", "pending", "honor_rate"}
    assert doc["flags"][0] == {
        "flag": "overdue",
        "kind": "promise",
        "id": "p5",
        "reason": "due 2026-11-01, 22 days overdue",
        "about": 'Ria: "Send the band in writing"',
    }
    assert doc["offers"][1]["id"] == "o2" and doc["offers"][1]["days_left"] == 7
    assert doc["asks"][1]["coverage"] == "in writing"


def test_markdown_brief(brief: Brief) -> None:
    md = brief_markdown(brief)
    assert md.startswith("# Decision brief, 23 November 2026\n")
    lines = md.splitlines()
    assert "|   | Now: Current Co | Acme (o1) | Current Co (o2) |" in lines
    assert "| Base pay | 125,000 | 150,000 | 140,000 |" in lines
    assert "| In writing | — | yes | **no** |" in lines
    assert "| Decide by | — | 2026-11-27 (in 4 days) | 2026-11-30 (in 7 days) |" in lines
    assert "| All promises | 1 | 1 | 1 | 1 | 3 | 38% |" in lines
    assert "| Verbal or recap sent | 0 | 1 | 0 | 1 | 2 | 25% |" in lines
    assert "## Open flags (7)" in lines
    assert any(line.startswith("- **overdue** · Ria:") for line in lines)
    assert (
        "4. **How long until the outside deadline?** [ok] 4 days: Acme wants an answer by "
        "2026-11-27." in lines
    )


def test_markdown_cells_cannot_break_the_table(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_offer("Pipe | Co", "Role", terms="line one\nline two", written=True)
    md = brief_markdown(build_brief(j))
    assert "| Pipe \\| Co (o1) |" in md
    assert "line one line two" in md
