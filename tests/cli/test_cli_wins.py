"""`leverage add win`, `list wins`, `update win`, `delete`, and `prep PERSON`."""

from __future__ import annotations

from pathlib import Path

from leverage_tui.core.journal import Journal

from .conftest import Run

PREP_KEYS = {
    "person",
    "open_promises",
    "awaiting_confirmation",
    "last_conversations",
    "asks_to_raise",
    "wins",
    "questions",
    "track_record",
}


def test_add_win_prints_its_id_and_list_shows_it(cli: Run, sample: Path) -> None:
    r = cli("add", "win", "--on", "last friday", "--impact", "conversion +4%", "--evidence",
            "email: Re: launch", "--ask", "a1", "--tag", "design",
            "Shipped", "the", "redesign")  # fmt: skip
    assert (r.code, r.out, r.err) == (0, "w1\n", "")
    assert cli("add", "win", "Mentored two juniors").out == "w2\n"
    listed = cli("list", "wins").out.splitlines()
    assert listed[0].split() == ["ID", "DATE", "WIN", "IMPACT", "ASKS"]
    assert listed[1].startswith("w2  2026-11-23  Mentored two juniors")  # newest first
    assert listed[2].split()[:3] == ["w1", "2026-11-20", "Shipped"] and listed[2].endswith("a1")
    (doc, _) = cli("list", "win", "--json").json[::-1]
    assert doc == {"id": "w1", "on": "2026-11-20", "text": "Shipped the redesign",
                   "impact": "conversion +4%", "evidence": "email: Re: launch",
                   "tags": ["design"], "asks": ["a1"], "flags": []}  # fmt: skip


def test_no_wins_yet(cli: Run, sample: Path) -> None:
    assert cli("list", "wins").out == "no wins\n"
    assert cli("list", "wins", "--json").json == []


def test_bad_win_input_is_exit_2_and_changes_nothing(cli: Run, sample: Path) -> None:
    before = sample.read_bytes()
    for args, message in [
        (("add", "win", "--ask", "a9", "Shipped"), "no ask with id 'a9'"),
        (("add", "win", "--on", "someday", "Shipped"), "--on"),
        (("add", "win", ""), "win is empty"),
        (("update", "win", "w1", "--impact", "x"), "no win with id 'w1'"),
    ]:
        r = cli(*args)
        assert r.code == 2 and message in r.err and r.out == "", (args, r)
        assert len(r.err.splitlines()) == 1
    assert sample.read_bytes() == before


def test_update_and_delete_a_win_and_its_ask(cli: Run, sample: Path) -> None:
    cli("add", "win", "Shipped")
    assert cli("update", "win", "w1", "--ask", "a2", "--impact", "saved a week").out == (
        "w1: impact none -> 'saved a week'; asks none -> a2\n"
    )
    assert cli("update", "win", "w1", "--no-asks").out == "w1: asks a2 -> none\n"
    cli("update", "win", "w1", "--ask", "a2")
    assert cli("delete", "a2").code == 0
    assert Journal(sample).records("win")["w1"].asks == ()  # the link went with the ask
    assert cli("delete", "w1").out == "deleted w1: Shipped\n"
    assert cli("list", "wins").out == "no wins\n"


def test_wins_on_the_timeline_in_check_and_in_exports(
    cli: Run, sample: Path, tmp_path: Path
) -> None:
    cli("add", "win", "--on", "2026-11-10", "--ask", "a1", "Shipped")
    assert "2026-11-10  win   w1  win: Shipped" in cli("timeline", "--kind", "win").out
    assert ", 1 win, " in cli("check").out
    assert cli("export", "--format", "csv", "--kind", "wins").out.splitlines()[1] == (
        "w1,2026-11-10,Shipped,,,,a1"
    )
    assert "## Wins" in cli("export", "--format", "md").out
    assert cli("export", "-o", str(tmp_path / "x.json")).code == 0
    assert cli("import", str(tmp_path / "x.json")).out.startswith("nothing new")


def test_prep_json_has_the_keys_the_issue_names(cli: Run, sample: Path) -> None:
    cli("update", "promise", "p1", "--form", "recap-sent", "--on", "2026-11-18")
    cli("add", "win", "--on", "2026-11-10", "--ask", "a1", "--impact", "shipped on time", "Ran Q2")
    doc = cli("prep", "sybil", "--json").json
    assert set(doc) == PREP_KEYS
    assert doc["person"]["name"] == "Sybil"
    assert [p["id"] for p in doc["open_promises"]] == ["p2", "p1"]  # longest waiting first
    assert {f["flag"] for f in doc["open_promises"][0]["flags"]} == {
        "unwritten",
        "no-date",
        "vague",
    }
    assert doc["open_promises"][0]["waited_days"] == 53
    assert doc["awaiting_confirmation"] == [
        {
            "conversation": "c1",
            "sent_on": "2026-11-18",
            "days": 5,
            "ask_again": True,
            "promises": ["p1"],
        }  # fmt: skip
    ]
    assert [c["id"] for c in doc["last_conversations"]] == ["c1"]
    assert [a["id"] for a in doc["asks_to_raise"]] == ["a1", "a2"]
    assert doc["asks_to_raise"][0]["wins"] == ["w1"]
    assert [w["id"] for w in doc["wins"]] == ["w1"]
    assert {"about": "p2", "question": "By when?"} in doc["questions"]
    assert {"about": "p1", "question": "Could you confirm my recap in writing?"} in doc["questions"]
    line = doc["track_record"]["line"]
    assert line == "Sybil: 0 of 1 kept: too few to tell; 2 pending"
    assert doc["track_record"]["too_few"] is True and doc["track_record"]["withdrawn"] == 1


def test_prep_text_and_markdown(cli: Run, sample: Path, tmp_path: Path) -> None:
    text = cli("prep", "Sybil").out
    assert text.startswith("Before meeting Sybil, Monday 23 November 2026\nPrivate:")
    assert "WHAT THEY OWE YOU" in text and "QUESTIONS TO ASK" in text
    md = cli("prep", "sybil", "--md").out
    assert md.startswith("# Before meeting Sybil")
    assert "*Private: your own notes for this meeting." in md
    target = tmp_path / "sybil.md"
    assert cli("prep", "u1", "--md", "-o", str(target)).out == (
        f"wrote the brief for Sybil to {target}\n"
    )
    assert target.read_text(encoding="utf-8") == md


def test_prep_of_someone_unknown_or_ambiguous_is_exit_2(cli: Run, sample: Path) -> None:
    r = cli("prep", "Zed")
    assert r.code == 2 and r.err == "leverage: no person named 'Zed' (known: Sybil, Ana)\n"
    cli("add", "person", "Sam")
    cli("add", "person", "Samira")
    r = cli("prep", "sa")
    assert r.code == 2 and "could be Sam or Samira" in r.err
    assert cli("prep", "sam").code == 0  # a whole name wins over a start
    r = cli("prep", "sybil", "--md", "--json")
    assert r.code == 2 and "not both" in r.err
