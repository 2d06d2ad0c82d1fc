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
    j.set_current_job(company="Current Co", role="Engineer", base=125_000, bonus=5_000)
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
        "released": 0,
        "resolved": 4,
        "late": 1,  # p5
        "confirmed_later": 0,
        "honor_rate": 0.375,  # (1 + 0.5) / 4
        "too_few": True,
        "interval": [0.0919, 0.7806],  # Wilson, 1.5 of 4, worked by hand
    }
    assert doc["verbal"] == {
        "honored": 0,
        "partly": 1,
        "broken": 0,
        "withdrawn": 1,
        "pending": 2,
        "released": 0,
        "resolved": 2,
        "late": 1,
        "confirmed_later": 0,
        "honor_rate": 0.25,
        "too_few": True,
        "interval": [0.0267, 0.8021],  # 0.5 of 2
    }  # p1 p4 p5 p6
    assert doc["written"] == {
        "honored": 1,
        "partly": 0,
        "broken": 1,
        "withdrawn": 0,
        "pending": 1,
        "released": 0,
        "resolved": 2,
        "late": 0,
        "confirmed_later": 0,
        "honor_rate": 0.5,
        "too_few": True,
        "interval": [0.0945, 0.9055],  # 1 of 2
    }  # p2 p3 p7
    assert doc["by_person"]["Sam"]["honor_rate"] == 0.5  # (1 + 0.5) / 3
    assert doc["by_person"]["Ria"]["honor_rate"] == 0.0
    assert doc["by_person"]["Ria"]["late"] == 1 and doc["by_person"]["Sam"]["late"] == 0
    assert doc["by_person"]["Kim"]["honor_rate"] is None  # nothing resolved
    assert doc["by_person"]["Kim"]["interval"] is None
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
        "bonus unknown",  # never counted as zero
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
        ("unconfirmed", "p5"),  # recap-sent since it was made, 1 October
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
    assert fixes.answer.startswith("Not yet: 1 of 4 asks is granted or in writing; only verbal: ")
    assert '"More influence"' in fixes.answer and '"Conference every year"' in fixes.answer
    assert writing.answer == (
        "No: 2 of 3 pending promises are not in writing; "
        "the counteroffer from Current Co is verbal."
    )
    assert writing.ok is False
    assert verbal.answer == (
        "Made verbally: 0 of 2 kept, 1 partly, 1 overdue: too few to tell. "
        'Overdue: "Send the band in writing" (Ria, due 1 Nov 2026). '
        "Made in writing: 1 of 2 kept: too few to tell."
    )
    assert verbal.ok is None  # too few to tell: no verdict either way
    assert deadline.answer == "4 days: Acme wants an answer by 27 Nov 2026."
    assert deadline.ok is True  # more than 3 days left
    assert back.answer == 'Yes, 1: "Lead the planning review" (Sam, withdrawn on 10 Aug 2026).'
    assert back.ok is False


def test_checklist_names_a_few_and_counts_the_rest(tmp_path: Path) -> None:
    j = Journal(tmp_path / "many.json", today=TODAY, backups=0)
    for n in range(8):
        p = j.add_promise(f"Promise {n}", "Sam", made_on=date(2026, 1, 1))
        j.update_promise(p.id, status="honored", on=date(2026, 2, 1))
        j.update_promise(p.id, status="withdrawn", on=date(2026, 3, 1 + n))
    back = build_brief(j).checklist[-1]
    assert back.answer.startswith('Yes, 8: "Promise 7" (Sam, withdrawn on 8 Mar 2026); ')
    assert back.answer.count("(Sam, withdrawn") == 5  # the latest five
    assert back.answer.endswith("; and 3 more.")


def test_checklist_on_an_empty_journal_says_it_cannot_tell(tmp_path: Path) -> None:
    brief = build_brief(Journal(tmp_path / "e.json", today=TODAY))
    assert [c.ok for c in brief.checklist] == [None, None, None, None, True]
    assert brief.offers == [] and brief.flags == []


def test_kept_partly_and_broken_by_month(brief: Brief) -> None:
    months = {m.month.strftime("%Y-%m"): (m.kept, m.partly, m.broken) for m in brief.by_month}
    assert len(months) == 12 and min(months) == "2025-12" and max(months) == "2026-11"
    assert months["2026-07"] == (1, 0, 0)  # p2 honored
    assert months["2026-08"] == (0, 0, 1)  # p1 withdrawn
    assert months["2026-09"] == (0, 0, 1)  # p3 broken
    assert months["2026-10"] == (0, 1, 0)  # p6 partly: not kept, shown on its own
    assert sum(sum(m) for m in months.values()) == 4


def test_the_chart_and_the_table_count_alike(brief: Brief) -> None:
    """Kept is honored everywhere: the chart's totals are the table's (all resolved in
    the chart's twelve months here), not honored + partly as the chart once had it."""
    t = brief.track.overall
    chart = brief.by_month
    assert sum(m.kept for m in chart) == t.honored == 1
    assert sum(m.partly for m in chart) == t.partly == 1
    assert sum(m.broken for m in chart) == t.broken + t.withdrawn == 2
    doc = brief.to_doc()["by_month"]
    assert doc[-2] == {"month": "2026-10", "kept": 0, "partly": 1, "broken": 0}


def test_spark_scales_to_the_top_value() -> None:
    assert spark([0, 1, 2, 4]) == "·▂▄█"
    assert spark([0, 0]) == "··"
    assert spark([1], top=8) == "▁"


def test_json_has_the_promised_shape(brief: Brief) -> None:
    doc = json.loads(json.dumps(brief.to_doc()))
    assert {"track_record", "flags", "offers", "asks"} <= set(doc)
    for tally in (doc["track_record"]["overall"], *doc["track_record"]["by_person"].values()):
        assert set(tally) == {
            "honored",
            "partly",
            "broken",
            "withdrawn",
            "pending",
            "released",
            "resolved",
            "late",
            "confirmed_later",
            "honor_rate",
            "too_few",
            "interval",
        }
    assert doc["flags"][0] == {
        "flag": "overdue",
        "kind": "promise",
        "id": "p5",
        "reason": "due 1 Nov 2026, 22 days overdue",
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
    assert "| Bonus | 5,000 | 10,000 | unknown |" in lines  # never a zero
    assert "| In writing | yes \\(your contract\\) | yes | **no** |" in lines
    assert "| Decide by | — | 27 Nov 2026 \\(in 4 days\\) | 30 Nov 2026 \\(in 7 days\\) |" in lines
    assert "| All promises | 1 | 1 | 1 | 1 | 3 | 1 | too few to tell |" in lines
    assert "| Made verbally (or recap sent) | 0 | 1 | 0 | 1 | 2 | 1 | too few to tell |" in lines
    assert "Verbal vs written: too few to tell (2 and 2 resolved)." in lines
    assert (
        "Average lateness of kept and partly kept promises: 9.0 days. "
        "Due dates moved later: 0. Kept or partly kept, then taken back: 1."
    ) in lines  # p2 and p6 (partly) are late; p1 was honored, then withdrawn
    chart = lines[lines.index("```") + 1 : lines.index("```") + 4]
    assert [line.split("   ")[-1] for line in chart] == [
        "1 kept",
        "1 partly",
        "2 broken or withdrawn",
    ]
    assert not any("%" in line for line in lines if line.startswith("| Made"))
    assert "## Open flags (8 flags on 5 records)" in lines
    assert any(
        line.startswith('- **overdue, unconfirmed, unwritten** · Ria: "Send the band')
        for line in lines
    )
    assert (
        "4. **How long until the outside deadline?** [ok] 4 days: Acme wants an answer by "
        "27 Nov 2026." in lines
    )


def test_markdown_cells_cannot_break_the_table(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_offer("Pipe | Co", "Role", terms="line one\nline two", written=True)
    md = brief_markdown(build_brief(j))
    assert "| Pipe \\| Co (o1) |" in md
    assert "line one line two" in md


def sybil(path: Path, kept: int = 1, overdue: int = 5) -> Journal:
    """Sybil kept `kept` verbal promises and let `overdue` more run months past due."""
    j = Journal(path, today=TODAY, backups=0)
    for n in range(kept):
        p = j.add_promise(f"Kept {n}", "Sybil", made_on=date(2026, 3, 1), due=date(2026, 4, 1))
        j.update_promise(p.id, status="honored", on=date(2026, 4, 1))
    for n in range(overdue):
        j.add_promise(f"Overdue {n}", "Sybil", made_on=date(2026, 3, 1), due=date(2026, 5, 1 + n))
    return j


def test_one_kept_and_five_overdue_is_not_a_good_record(tmp_path: Path) -> None:
    """The issue's example: this record read a green "100% kept"."""
    brief = build_brief(sybil(tmp_path / "s.json"))
    verbal = brief.checklist[2]
    assert verbal.ok is None  # neither good nor bad: too few to tell
    assert verbal.answer.startswith("Made verbally: 1 of 1 kept, 5 overdue: too few to tell.")
    assert "100%" not in verbal.answer
    for n in range(5):  # the overdue ones are named, oldest due first
        assert f'"Overdue {n}" (Sybil, due {1 + n} May 2026)' in verbal.answer
    doc = brief.to_doc()["track_record"]["by_person"]["Sybil"]
    assert (doc["honored"], doc["late"], doc["too_few"]) == (1, 5, True)
    lines = brief_markdown(brief).splitlines()
    assert "| Sybil | 1 | 0 | 0 | 0 | 5 | 5 | too few to tell |" in lines


def test_a_good_verbal_record_needs_enough_and_nothing_overdue(tmp_path: Path) -> None:
    good = build_brief(sybil(tmp_path / "g.json", kept=5, overdue=0)).checklist[2]
    assert good.ok is True
    assert good.answer.startswith("Made verbally: 5 of 5 kept: 100% (95% range 57–100%).")
    late = build_brief(sybil(tmp_path / "l.json", kept=5, overdue=1)).checklist[2]
    assert late.ok is False  # overdue promises count against a high rate
    assert "5 of 5 kept, 1 overdue: 100% (95% range 57–100%)" in late.answer


def test_the_checklist_says_when_the_recap_worked(tmp_path: Path) -> None:
    j = sybil(tmp_path / "r.json", kept=0, overdue=0)
    p = j.add_promise("Lead the sync", "Sybil", made_on=date(2026, 3, 1))
    j.update_promise(p.id, form="recap-sent", on=date(2026, 3, 2))
    j.update_promise(p.id, form="written", on=date(2026, 3, 5))
    j.update_promise(p.id, status="honored", on=date(2026, 4, 1))
    brief = build_brief(j)
    track = brief.track
    assert track.verbal.honored == 1 and track.written.total == 0  # made verbally
    verbal = brief.checklist[2]
    assert "1 verbal promise confirmed in writing later: the recap worked." in verbal.answer
    assert brief.to_doc()["track_record"]["verbal"]["confirmed_later"] == 1
    assert "1 verbal promise confirmed in writing later: the recap worked." in (
        brief_markdown(brief)
    )


def test_checklist_counts_carry_thousands_separators() -> None:
    """Read on the ten-year journal: '752 of 1607 pending promises' under a bottom line
    that said '752 of 1,607'."""
    from leverage_tui.core.checklist import check_in_writing, some
    from leverage_tui.core.records import Promise

    def p(i: int, form: str) -> Promise:
        return Promise(id=f"p{i}", text="x", by="Sam", made_on=date(2026, 1, 1), form=form)

    promises = [p(i, "verbal") for i in range(1200)] + [p(i, "written") for i in range(1200, 1607)]
    answer = check_in_writing(promises, []).answer
    assert answer == "No: 1,200 of 1,607 pending promises are not in writing."
    assert some([str(n) for n in range(1010)]).endswith("and 1,005 more")
