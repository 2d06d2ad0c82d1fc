"""Wins: the new kind of record, its links to asks, and the Today nudge (core/wins.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leverage_tui.core.checks import InputError, journal_problems
from leverage_tui.core.config import load_config
from leverage_tui.core.exports import csv_text, journal_markdown
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Win
from leverage_tui.core.registry import KINDS
from leverage_tui.core.storage import inspect_file
from leverage_tui.core.wins import latest_win, supporting_wins, win_nudge

from .conftest import TODAY, days

# A schema-2 journal written before wins existed (bytes as that version wrote them).
BEFORE_WINS = {
    "_leverage": {"1": {"schema": 2, "revision": 3, "next": {"u": 2, "c": 2, "a": 2}}},
    "people": {"1": {"name": "Dana", "role": "other", "employer": "", "notes": ""}},
    "conversations": {
        "1": {
            "on": "2026-11-20",
            "at": None,
            "with": ["Dana"],
            "channel": "meeting",
            "summary": "hi",
            "notes": "",
            "tags": [],
        }
    },
    "asks": {
        "1": {
            "text": "Lead",
            "measure": "",
            "target": None,
            "priority": "medium",
            "status": "open",
            "promises": [],
            "floor": None,
        }
    },
}


def test_a_win_is_declared_once_and_registered_after_asks() -> None:
    kind = KINDS["win"]
    assert (kind.plural, kind.table, kind.letter, kind.record) == ("wins", "wins", "w", Win)
    names = list(KINDS)
    assert names.index("win") > names.index("ask")  # its links point at kinds before it
    assert kind.field("asks").links == "a"
    assert kind.field("on").extra["given"] == "today"


def test_add_win_defaults_to_today_and_keeps_every_field(journal: Journal) -> None:
    w = journal.add("win", text="  Shipped the redesign ", impact="conversion +4%", asks=["A1"])
    assert isinstance(w, Win)
    assert (w.id, w.on, w.text, w.impact, w.asks) == ("w1", TODAY, "Shipped the redesign",
                                                      "conversion +4%", ("a1",))  # fmt: skip
    later = journal.add("win", text="Mentored two juniors", on=days(-3), tags=["#Mentoring"])
    assert later.id == "w2" and later.tags == ("mentoring",)
    assert Journal(journal.path).records("win") == journal.records("win")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"text": ""}, "win is empty"),
        ({"text": "x", "asks": ["a9"]}, "no ask with id 'a9'"),
        ({"text": "x", "tags": ["two words"]}, "a tag is one word"),
        ({"text": "x\x1b[31m"}, "contains"),
    ],
)
def test_bad_wins_are_refused_and_nothing_changes(
    journal: Journal, path: Path, values: dict[str, object], message: str
) -> None:
    before = path.read_bytes()
    with pytest.raises(InputError, match=message):
        journal.add("win", **values)
    assert path.read_bytes() == before and not journal.records("win")


def test_deleting_an_ask_unlinks_its_wins_in_one_undoable_step(journal: Journal) -> None:
    second = journal.add_ask("Base pay 140k", measure="in the contract")
    w = journal.add("win", text="Shipped", asks=["a1", second.id])
    journal.delete("a1")
    assert journal.records("win")[w.id].asks == (second.id,)
    assert journal.undo() == "deletion of 'Lead Q3 planning'"
    assert journal.records("win")[w.id].asks == ("a1", second.id)
    assert "a1" in journal.asks


def test_update_win_changes_its_asks(journal: Journal) -> None:
    w = journal.add("win", text="Shipped")
    journal.update(w.id, asks=("a1",), impact="saved a week")
    assert journal.records("win")[w.id].asks == ("a1",)
    assert journal.records("win")[w.id].impact == "saved a week"


def test_check_finds_a_win_that_supports_a_missing_ask(path: Path) -> None:
    data = {**BEFORE_WINS, "wins": {"1": {"on": "2026-11-01", "text": "Shipped", "impact": "",
            "evidence": "", "tags": [], "asks": ["a7"]}}}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    _, problems = inspect_file(path, None)
    assert problems == ["w1: names ask 'a7', which is missing"]


def test_a_journal_from_before_wins_opens_and_takes_wins(path: Path) -> None:
    path.write_text(json.dumps(BEFORE_WINS), encoding="utf-8")
    j = Journal(path, today=TODAY)
    assert j.records("win") == {} and j.asks["a1"].text == "Lead"
    j.add("win", text="Shipped", asks=["a1"])
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["_leverage"]["1"]["schema"] == 2  # a new table with defaults: no migration
    assert saved["wins"]["1"]["asks"] == ["a1"]
    assert saved["conversations"] == BEFORE_WINS["conversations"]
    assert journal_problems({k.table: j.storage.records(k.table) for k in KINDS.values()}) == []


def test_export_import_keeps_wins_and_their_links_follow_renamed_asks(tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.json", today=TODAY)
    a.add_ask("Lead Q1", measure="announced")
    a.add("win", text="Shipped", on=days(-2), asks=["a1"], evidence="email: launch")
    b = Journal(tmp_path / "b.json", today=TODAY)
    b.add_ask("Something of my own")
    counts = b.import_data(a.export_data())
    assert counts["wins"] == 1 and counts["asks"] == 1
    (imported,) = b.records("win").values()
    lead = next(x for x in b.asks.values() if x.text == "Lead Q1")
    assert lead.id == "a2" and imported.asks == ("a2",)
    assert set(b.import_data(a.export_data()).values()) == {0}  # again: nothing new


def test_wins_in_the_markdown_and_csv_exports(journal: Journal) -> None:
    journal.add("win", text="Shipped *the* redesign", impact="+4%", asks=["a1"], on=days(-1))
    md = journal_markdown(journal)
    assert "## Wins" in md
    assert "- w1 2026-11-22 **Shipped \\*the\\* redesign**" in md
    assert "  - supports: a1" in md
    rows = csv_text(journal, "wins").splitlines()
    assert rows[0] == "id,on,text,impact,evidence,tags,asks"
    assert rows[1] == "w1,2026-11-22,Shipped *the* redesign,'+4%,,,a1"


def test_supporting_wins_newest_first(journal: Journal) -> None:
    old = journal.add("win", text="Old", on=days(-30), asks=["a1"])
    journal.add("win", text="Unlinked", on=days(-2))
    new = journal.add("win", text="New", on=days(-1), asks=["a1"])
    assert supporting_wins(journal, "a1") == [new, old]
    assert supporting_wins(journal, "a9") == []


def test_win_nudge(journal: Journal) -> None:
    assert win_nudge(journal, TODAY, 14) == "No win logged yet: note one, with its evidence."
    journal.add("win", text="Shipped", on=days(-14))
    assert win_nudge(journal, TODAY, 14) == (
        "No win in 14 days: note one while the details are fresh."
    )
    assert win_nudge(journal, TODAY, 15) is None
    assert win_nudge(journal, TODAY, 0) is None  # turned off
    journal.add("win", text="Planned", on=days(3))  # a date ahead is not logged yet
    assert latest_win(journal, TODAY).text == "Shipped"  # type: ignore[union-attr]
    assert win_nudge(journal, TODAY, 14) is not None
    journal.add("win", text="Today's", on=TODAY)
    assert win_nudge(journal, TODAY, 14) is None


def test_no_nudge_on_an_empty_journal_and_a_win_alone_is_not_empty(path: Path) -> None:
    j = Journal(path, today=TODAY)
    assert j.is_empty and win_nudge(j, TODAY) is None
    j.add("win", text="Shipped")
    assert not j.is_empty


@pytest.mark.parametrize(
    ("line", "days_", "warned"),
    [
        ("", 14, False),
        ("win_nudge_days = 0", 0, False),
        ("win_nudge_days = 30", 30, False),
        ("win_nudge_days = -1", 14, True),
        ("win_nudge_days = 'x'", 14, True),
        ("win_nudge_days = true", 14, True),
    ],  # fmt: skip
)
def test_win_nudge_days_in_the_config(tmp_path: Path, line: str, days_: int, warned: bool) -> None:
    path = tmp_path / "config.toml"
    path.write_text(line + "\n", encoding="utf-8")
    config = load_config(path)
    assert config.win_nudge_days == days_
    assert bool(config.warnings) == warned
