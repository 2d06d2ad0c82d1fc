"""Issue 12 on the command line: the `unconfirmed` flag and its wait from the config,
`recap --mark-sent` restarting the wait, the config's `not_hedges` reaching every command,
and hedged offer terms flagged vague."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leverage_tui.core.journal import Journal

from .conftest import TODAY, Run


def config(tmp_path: Path, text: str) -> None:
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "config.toml").write_text(text, encoding="utf-8")


def test_flags_name_an_unanswered_recap(cli: Run, sample: Path, tmp_path: Path) -> None:
    Journal(sample, today=TODAY).set_forms(["p1"], "recap-sent", on=date(2026, 11, 18))
    r = cli("flags", "--flag", "unconfirmed", "--json")
    assert r.json == [
        {
            "flag": "unconfirmed",
            "kind": "promise",
            "id": "p1",
            "reason": "recap sent 5 days ago, no written confirmation yet",
            "about": "Sybil: You will lead Q3 planning",
        }
    ]
    assert [d["id"] for d in cli("list", "promises", "--flag", "unconfirmed", "--json").json] == [
        "p1"
    ]
    config(tmp_path, "recap_wait_days = 6\n")
    assert cli("flags", "--flag", "unconfirmed", "--json").json == []
    assert cli("list", "promises", "--flag", "unconfirmed", "--json").json == []


def test_mark_sent_moves_the_verbal_ones_and_asks_the_others_again(cli: Run, sample: Path) -> None:
    j = Journal(sample, today=TODAY)
    j.add_promise("Budget for the summit", "Sybil", conversation="c1", due=date(2026, 12, 20))
    j.set_forms(["p6"], "recap-sent", on=date(2026, 11, 10))
    r = cli("recap", "c1", "--mark-sent")
    assert r.code == 0
    assert r.err == (
        "marked recap-sent: p1\nrecap sent again: p6 (the wait before asking again starts over)\n"
    )
    r = cli("recap", "c1", "--mark-sent")  # the same day again: nothing left to ask about
    assert r.code == 2 and "ask again from 26 November 2026" in r.err


def test_not_hedges_reach_flags_lists_and_the_brief(cli: Run, sample: Path, tmp_path: Path) -> None:
    assert "p2" in {f["id"] for f in cli("flags", "--flag", "vague", "--json").json}
    assert "vague" in cli("list", "promises", "--json").json[1]["flags"]
    assert "We'll see" in cli("review", "--md").out.split("## Open flags")[1]
    config(tmp_path, 'not_hedges = ["we\'ll see"]\n')
    assert "p2" not in {f["id"] for f in cli("flags", "--flag", "vague", "--json").json}
    assert "vague" not in cli("list", "promises", "--json").json[1]["flags"]
    review = cli("review", "--json").json
    assert ("vague", "p2") not in {(f["flag"], f["id"]) for f in review["flags"]}


def test_a_hedged_counteroffer_is_vague(cli: Run, sample: Path, tmp_path: Path) -> None:
    Journal(sample, today=TODAY).update_offer(
        "o2", terms="Title change 'as soon as the reorg settles'"
    )
    (flag,) = [f for f in cli("flags", "--json").json if f["flag"] == "vague" and f["id"] == "o2"]
    assert flag["reason"] == (
        'terms: hedge: "as soon as the reorg settles" is a condition, not a date'
    )
    offers = cli("list", "offers", "--flag", "vague", "--json").json
    assert [o["id"] for o in offers] == ["o2"]
    config(tmp_path, 'not_hedges = ["as soon as the reorg settles"]\n')
    assert cli("list", "offers", "--flag", "vague", "--json").json == []


def test_the_offer_message_leaves_out_questions_on_removed_hedges(
    cli: Run, sample: Path, tmp_path: Path
) -> None:
    Journal(sample, today=TODAY).update_offer("o2", terms="Remote, probably from March")
    asked = "- Terms: Remote, probably from March — could we put a date on this"
    assert asked in cli("recap", "--offer", "o2").out
    config(tmp_path, 'not_hedges = ["probably"]\n')
    assert "- Terms: Remote, probably from March\n" in cli("recap", "--offer", "o2").out


def test_timeline_for_one_person(cli: Run, sample: Path) -> None:
    Journal(sample, today=TODAY).update_promise("p1", due=date(2026, 12, 8), on=date(2026, 11, 20))
    r = cli("timeline", "--person", "  SYBIL ", "--json")
    assert r.code == 0
    assert all(e["people"] == ["Sybil"] for e in r.json)
    assert [(e["kind"], e["id"]) for e in r.json] == [
        ("promise-made", "p4"),
        ("promise-resolved", "p4"),
        ("promise-status", "p4"),
        ("promise-made", "p2"),
        ("conversation", "c1"),
        ("promise-made", "p1"),
        ("promise-moved", "p1"),
        ("promise-due", "p1"),
    ]
    moved = next(e for e in r.json if e["kind"] == "promise-moved")
    assert moved["text"] == "due date moved 1 Dec 2026 → 8 Dec 2026: You will lead Q3 planning"
    r = cli("timeline", "--person", "Acme", "--kind", "offer-deadline")
    assert r.code == 0 and "decide on Acme (open)" in r.out


def test_timeline_for_an_unknown_person_is_bad_input(cli: Run, sample: Path) -> None:
    r = cli("timeline", "--person", "Nobody")
    assert (r.code, r.out) == (2, "")
    assert r.err == "leverage: no person or company named 'Nobody' (see: leverage list people)\n"
