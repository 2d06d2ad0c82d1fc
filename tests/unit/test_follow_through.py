"""After the decision (issue 15): decide, released promises, check-ins after staying, the
brief's sections; and attachments as the core keeps them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leverage_tui.core import attachments
from leverage_tui.core.brief_md import render
from leverage_tui.core.checkins import since_stayed, today_line
from leverage_tui.core.checks import InputError
from leverage_tui.core.decisions import decide, left_words, outcome
from leverage_tui.core.flags import flags_for_promise
from leverage_tui.core.journal import Journal
from leverage_tui.core.review import build_brief
from leverage_tui.core.safe_files import files_dir
from leverage_tui.core.timeline import timeline

from .conftest import TODAY, days

STAYED = days(-40)


def employer(path: Path) -> Journal:
    """Halden (the current job) and its counteroffer o2 with four promises in its call,
    Northwind's offer o1, and a promise by Northwind's recruiter."""
    j = Journal(path, today=TODAY)
    j.set_current_job(company="Halden", role="Designer", base=100_000)
    j.add_person("Maya", "manager", employer="Halden")
    j.add_person("Tom", "recruiter", employer="Northwind")
    call = j.add_conversation(["Maya"], "The counteroffer", on=days(-40), tags=["counteroffer"])
    j.add_offer("Northwind", "Lead", base=140_000, written=True, deadline=days(-28))
    j.add_offer("Halden", "Lead", base=130_000, counter=True, conversation=call.id)
    for text, due in (("Title change", -35), ("Raise in March", -20), ("Team of 3", 20)):
        j.add_promise(text, "Maya", conversation=call.id, due=days(due))
    j.add_promise("Lead the planning", "Maya", conversation=call.id)
    j.add_promise("Send the contract", "Tom", due=days(-30))
    return j


@pytest.fixture
def j(path: Path) -> Journal:
    return employer(path)


def test_staying_gives_check_ins_on_the_counteroffer_promises(j: Journal) -> None:
    done = decide(j, "o2", accept=True, on=STAYED, why="the team", decline_others=True)
    assert [(d.offer, d.choice) for d in done.decisions] == [("o2", "accepted"), ("o1", "declined")]
    assert done.released == [] and not done.leaving
    j.update_promise("p1", status="honored", on=days(-25))  # before day 30
    j.update_promise("p4", status="honored", on=days(-2))  # after day 30
    stay = since_stayed(j, TODAY)
    assert stay is not None and [p.id for p in stay.promises] == ["p1", "p2", "p3", "p4"]
    assert today_line(stay, TODAY) == (
        "30 days since you stayed: 2 of 4 counteroffer promises kept, 1 overdue"
        " · next check-in: day 60 (13 Dec)"
    )
    day30 = stay.checkins[0][2]
    assert day30 is not None and (day30.kept, day30.overdue) == (1, 1)  # as it stood then
    assert [c is None for _, _, c in stay.checkins] == [False, True, True]
    before = since_stayed(j, days(-35))
    assert before is not None and today_line(before, days(-35)) == (
        "You stayed on 14 Oct 2026: 4 counteroffer promises to watch; first check-in on 13 Nov."
    )
    brief = render(build_brief(j, TODAY))
    assert "## Since you stayed" in brief and "- Day 30 \\(13 Nov 2026\\): 1 of 4" in brief
    assert "## Decisions" in brief and "- d1: accepted the counteroffer from Halden" in brief


def test_check_in_days_are_configurable(j: Journal) -> None:
    decide(j, "o2", accept=True, on=STAYED)
    stay = since_stayed(j, TODAY, (7, 14))
    assert stay is not None and stay.coming() is None
    assert today_line(stay, TODAY).startswith("40 days since you stayed")  # past the last


def test_leaving_releases_the_old_employer_s_pending_promises(j: Journal) -> None:
    j.update_promise("p1", status="broken", on=days(-29))
    done = decide(j, "o1", accept=True, on=days(-28), why="the role", decline_others=True)
    assert done.leaving
    assert [p.id for p in done.released] == ["p2", "p3", "p4"]  # not Tom's, not the broken one
    assert j.promise("p5").status == "pending"
    track = j.track_record()
    assert (track.overall.broken, track.overall.released) == (1, 3)
    assert track.overall.resolved == 1 and track.overall.honor_rate == 0.0  # released is no excuse
    assert all(f.flag != "overdue" for f in flags_for_promise(j.promise("p2"), TODAY))
    result = outcome(j)
    assert result is not None and not result.stayed
    assert left_words(j, result) == (
        'You decided to leave: accepted Northwind\'s offer (o1) on 26 Oct 2026: "the role"; '
        "3 promises of your employer are no longer expected."
    )
    assert j.undo() is not None  # one change: all of it comes back
    assert j.promise("p2").status == "pending" and j.offers["o1"].status == "open"
    assert not j.records("decision")


def test_declining_the_counteroffer_is_leaving_too(j: Journal) -> None:
    done = decide(j, "o2", accept=False, on=days(-28))
    assert done.leaving and [p.id for p in done.released] == ["p1", "p2", "p3", "p4"]
    assert [o.id for o in done.still_open] == ["o1"]


def test_a_decided_offer_is_refused_and_nothing_changes(j: Journal) -> None:
    decide(j, "o1", accept=False, on=days(-1))
    with pytest.raises(InputError, match="o1 was already declined"):
        decide(j, "o1", accept=True)
    with pytest.raises(InputError, match="no offer with id 'o9'"):
        decide(j, "o9", accept=True)


def test_a_decision_is_on_the_timeline_and_goes_with_its_offer(j: Journal) -> None:
    decide(j, "o1", accept=False, on=days(-1), why="too far")
    events = [e for e in timeline(j) if e.kind == "decision"]
    assert [(e.date, e.id, e.text) for e in events] == [
        (days(-1), "d1", "declined offer: Northwind: too far")
    ]
    j.delete("o1")
    assert not j.records("decision")


def test_attach_keeps_a_checked_copy_and_fills_a_promise_s_evidence(
    j: Journal, tmp_path: Path
) -> None:
    source = tmp_path / "Re: Title change.eml"
    source.write_bytes(b"From: Maya\n\nYes, Lead from March.\n")
    f = attachments.attach(j, "p1", source, note="her email")
    assert (f.id, f.record, f.name, f.size) == ("f1", "p1", "Re: Title change.eml", 34)
    assert j.promise("p1").evidence == "file: Re: Title change.eml (f1)"
    assert attachments.read_back(j, "f1")[1] == source.read_bytes()
    assert j.undo() is not None  # the attach undone: its copy goes too
    assert not (files_dir(j.path) / "f1").exists() and j.promise("p1").evidence == ""
    with pytest.raises(InputError, match="no such file"):
        attachments.attach(j, "p1", tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="no record with id 'x1'"):
        attachments.attach(j, "x1", source)


def test_deleting_with_attachments_cannot_be_undone(j: Journal, tmp_path: Path) -> None:
    source = tmp_path / "letter.txt"
    source.write_text("letter")
    attachments.attach(j, "o1", source)
    with pytest.raises(InputError, match="o1 has 1 attachment"):
        j.delete("o1")
    j.delete("o1", with_attachments=True)
    assert not (files_dir(j.path) / "f2").exists() and not (files_dir(j.path) / "f1").exists()
    assert j.undo() is None  # not undoable, nor anything before it (it named the file)


def test_released_is_counted_per_month_without_error(j: Journal) -> None:
    decide(j, "o2", accept=False, on=days(-1))
    brief = build_brief(j, TODAY)
    assert sum(m.broken for m in brief.by_month) == 0
    assert brief.track.overall.released == 4
    assert "No longer expected (you left): 4" in render(brief)


def test_a_written_promise_without_evidence_is_counted(j: Journal) -> None:
    j.update_promise("p1", form="written")
    j.update_promise("p2", form="official", evidence="letter of 2 Nov")
    assert j.track_record().written_without_evidence == 1
    assert "1 written promise has no evidence recorded" in render(build_brief(j, TODAY))


def test_the_brief_prints_the_fingerprint(j: Journal) -> None:
    brief = build_brief(j, TODAY)
    assert brief.fingerprint and f"`{brief.fingerprint}`" in render(brief)
    assert brief.to_doc()["fingerprint"] == brief.fingerprint
    assert dt.date.fromisoformat(brief.to_doc()["today"]) == TODAY


def test_no_change_leaves_a_file_or_a_decision_without_its_record(
    path: Path, tmp_path: Path
) -> None:
    """Undoing an offer's adding after a file was attached to it, or clearing the current
    job with a file, is refused: the journal would not open again."""
    j = Journal(path, today=TODAY)
    j.set_current_job(company="Halden", role="Designer")
    j.add_offer("Acme", "Staff", written=True)
    source = tmp_path / "letter.txt"
    source.write_text("letter")
    other = Journal(path, today=TODAY)  # another program attaches meanwhile
    attachments.attach(other, "o1", source)
    attachments.attach(other, "now", source)
    with pytest.raises(InputError, match=r"o1 has attached files \(f1\)"):
        j.undo()
    with pytest.raises(InputError, match=r"now has attached files \(f2\)"):
        j.clear_current_job()
    again = Journal(path, today=TODAY)  # still opens, nothing lost
    assert set(again.records("attachment")) == {"f1", "f2"} and "o1" in again.offers
