"""`leverage recap`: a conversation's recap, `--offer` and `--more-time`, in process.

The sample journal (conftest): c1 with Sybil on 2026-11-02, p1 'You will lead Q3 planning'
verbal, due 2026-12-01; o1 Acme written, deadline 2026-11-25; o2 a verbal counteroffer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Change

from .conftest import TODAY, Run

C1_FOLLOW_UP = (
    "Subject: Following up on our one-on-one on 2 November 2026\n"
    "\n"
    "Hi Sybil,\n"
    "\n"
    "Thanks again for making the time for our one-on-one on 2 November 2026. I'm following "
    "up so that we're working from the same notes; here is what I wrote down:\n"
    "\n"
    '- Sybil: "You will lead Q3 planning", by Tuesday 1 December 2026\n'
    "\n"
    "Could you confirm by reply, or correct anything I got wrong? If it helps, I'm happy to "
    "put it in a short doc we both keep.\n"
    "\n"
    "Best,\n"
)


def test_recap_prints_and_marks_sent(cli: Run, sample: Path) -> None:
    r = cli("recap", "c1")
    assert (r.code, r.out, r.err) == (0, C1_FOLLOW_UP, "")
    assert Journal(sample, today=TODAY).promises["p1"].form == "verbal"  # printing changes nothing
    r = cli("recap", "c1", "--mark-sent")
    assert r.code == 0 and r.err == "marked recap-sent: p1\n"
    p1 = Journal(sample, today=TODAY).promises["p1"]
    assert p1.form == "recap-sent"
    assert p1.history[-1].on == TODAY


def test_recap_to_a_file(cli: Run, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "recap.txt"
    r = cli("recap", "C1", "-o", str(target))
    assert (r.code, r.out) == (0, f"wrote the recap to {target}\n")
    assert target.read_text() == C1_FOLLOW_UP


def test_recap_signs_with_the_name_in_the_config(cli: Run, sample: Path, tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('name = "Alex Kim"\n', encoding="utf-8")
    assert cli("recap", "c1").out.endswith("\n\nBest,\nAlex Kim\n")


def test_recap_errors(cli: Run, sample: Path) -> None:
    r = cli("recap", "c9")
    assert r.code == 2 and "no conversation with id 'c9'" in r.err
    Journal(sample, today=TODAY).set_forms(["p1"], "written")
    r = cli("recap", "c1")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "leverage: conversation c1 has no pending promise that is only verbal: nothing to recap\n"
    )


def test_a_recent_recap_is_not_asked_again_yet(cli: Run, sample: Path) -> None:
    Journal(sample, today=TODAY).set_forms(["p1"], "recap-sent", on=date(2026, 11, 22))
    r = cli("recap", "c1")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "leverage: conversation c1: the recap of p1 is recent; if it is not confirmed in "
        "writing, ask again from 25 November 2026\n"
    )


def test_an_unanswered_recap_is_asked_again(cli: Run, sample: Path) -> None:
    Journal(sample, today=TODAY).set_forms(["p1"], "recap-sent", on=date(2026, 11, 19))
    r = cli("recap", "c1", "--mark-sent")
    assert r.code == 0
    assert r.out.startswith(
        "Subject: Following up on my recap of our one-on-one on 2 November 2026\n\nHi Sybil,\n\n"
        "Thanks again for our one-on-one on 2 November 2026. I sent a short recap of it on "
        "19 November 2026, and as far as I can see it hasn't been confirmed yet, so here it "
        "is again:\n\n"
        '- Sybil: "You will lead Q3 planning", by Tuesday 1 December 2026\n'
    )
    assert r.err == "recap sent again: p1 (the wait before asking again starts over)\n"
    p1 = Journal(sample, today=TODAY).promises["p1"]
    assert p1.history[-1] == Change("recap", "2026-11-19", "2026-11-23", TODAY)
    r = cli("recap", "c1")  # asked again today: too soon to ask a third time
    assert r.code == 2 and "ask again from 26 November 2026" in r.err
    r = cli("flags", "--flag", "unconfirmed")
    assert (r.code, r.out) == (0, "no flags: nothing needs your attention\n")


def test_recap_wait_days_comes_from_the_config(cli: Run, sample: Path, tmp_path: Path) -> None:
    Journal(sample, today=TODAY).set_forms(["p1"], "recap-sent", on=date(2026, 11, 19))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text("recap_wait_days = 7\n", encoding="utf-8")
    r = cli("recap", "c1")
    assert r.code == 2 and "ask again from 26 November 2026" in r.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "recap needs exactly one of CONVERSATION_ID, --offer OFFER_ID, --more-time OFFER_ID"),
        (("c1", "--offer", "o2"), "recap needs exactly one of"),
        (("--offer", "o2", "--more-time", "o1"), "recap needs exactly one of"),
        (("c1", "--until", "dec 4"), "--until only goes with --more-time"),
        (("--offer", "o2", "--until", "dec 4"), "--until only goes with --more-time"),
        (("--offer", "o2", "--mark-sent"), "--mark-sent only goes with a conversation's recap"),
        (("--more-time", "o1", "--until", "someday"), "argument --until"),
        (("--offer", "c1"), "no offer with id 'c1'"),
        (("--offer", "o1"), "offer o1 is already in writing: nothing to ask for"),
        (("--more-time", "o2"), "offer o2 has no decision deadline"),
        (("--more-time", "o1", "--until", "nov 24"), "the new date must be after"),
    ],
)
def test_recap_usage_errors(cli: Run, sample: Path, args: tuple[str, ...], message: str) -> None:
    before = sample.read_bytes()
    r = cli("recap", *args)
    assert (r.code, r.out) == (2, "")
    assert r.err.startswith("leverage: ") and message in r.err
    assert len(r.err.splitlines()) == 1
    assert sample.read_bytes() == before


def test_offer_in_writing(cli: Run, sample: Path) -> None:
    r = cli("recap", "--offer", "O2")
    assert (r.code, r.err) == (0, "")
    assert r.out.startswith("Subject: Putting the counteroffer in writing\n\nHello,\n\n")
    assert "- Role: Senior engineer\n- Base pay: 140,000\n\n" in r.out
    for needed in ("- the bonus", "- the date it takes effect", "announced to the team"):
        assert needed in r.out
    assert r.out.endswith("\n\nThanks,\n")


def test_more_time(cli: Run, sample: Path, tmp_path: Path) -> None:
    r = cli("recap", "--more-time", "o1")
    assert (r.code, r.err) == (0, "")
    assert r.out.startswith(
        "Subject: More time to decide on the offer for the Staff engineer role\n"
    )
    assert (
        "Would it be possible to have until Wednesday 2 December 2026 to decide, instead of "
        "Wednesday 25 November 2026?"
    ) in r.out
    target = tmp_path / "more-time.txt"
    r = cli("recap", "--more-time", "o1", "--until", "2026-12-05", "-o", str(target))
    assert (r.code, r.out) == (0, f"wrote the message to {target}\n")
    assert "until Saturday 5 December 2026 to decide" in target.read_text()


def test_the_demo_counteroffer_call(cli: Run, journal_path: Path) -> None:
    """c11 of the demo: two people, a firm promise, an undated one, the counteroffer."""
    r = cli("--demo", "recap", "c11")
    assert r.code == 0
    assert r.out.startswith(
        "Subject: Recap of our call on 22 November 2026\n\nHi Maya and Robert,\n\n"
        "Thanks for the call yesterday."
    )
    assert (
        '- Robert: "Title change to Lead Designer, announced to the team", '
        "by Monday 7 December 2026\n"
        '- Maya: "Lead the Q1 planning, announced at the all-hands" — could we agree a date?\n'
    ) in r.out
    assert "- Base pay: 135,000\n- Bonus: 8,000\n" in r.out
    assert "in writing" in r.out.split("The counteroffer, as I understood it:")[1]
    assert "agreed" not in r.out


def test_the_demo_recaps_never_list_the_outside_offer_to_the_boss(cli: Run) -> None:
    for conversation in ("c5", "c6", "c8", "c10", "c11"):
        r = cli("--demo", "recap", conversation)
        assert r.code == 0 and "Northwind Labs" not in r.out and "142,000" not in r.out
    r = cli("--demo", "recap", "--more-time", "o1")
    assert r.code == 0 and r.out.split("\n")[2] == "Hi Tom,"
