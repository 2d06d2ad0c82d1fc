"""Tests for leverage_tui.core.flags: every flag rule, its boundaries and its reason."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.flags import (
    DEADLINE_DAYS,
    FLAG_HELP,
    FLAGS,
    Flag,
    all_flags,
    find_hedge,
    flags_for_ask,
    flags_for_offer,
    flags_for_promise,
    moved_later,
    walked_back,
)
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import FORMS, STATUSES, Ask, Change, Offer, Promise
from leverage_tui.core.show import day_text

TODAY = date(2026, 11, 23)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def promise(**fields: Any) -> Promise:
    """A written, dated, pending promise with no hedge: no flags until a test adds one."""
    base: dict[str, Any] = {
        "id": "p1",
        "text": "You will lead the Q3 planning",
        "by": "Dana",
        "made_on": days(-30),
        "form": "written",
        "due": days(10),
    }
    base.update(fields)
    return Promise(**base)


def ask(**fields: Any) -> Ask:
    """An open ask with text, measure and target: no flags until a test removes one."""
    base: dict[str, Any] = {
        "id": "a1",
        "text": "Lead the Q3 planning",
        "measure": "announced to the team by 1 March",
        "target": days(90),
    }
    base.update(fields)
    return Ask(**base)


def offer(**fields: Any) -> Offer:
    """An open written offer with a far deadline: no flags until a test changes it."""
    base: dict[str, Any] = {
        "id": "o1",
        "company": "Acme",
        "role": "Staff engineer",
        "deadline": days(14),
        "written": True,
    }
    base.update(fields)
    return Offer(**base)


def names(flags: list[Flag]) -> list[str]:
    return [f.flag for f in flags]


def due_moves(*pairs: tuple[int | None, int | None]) -> list[Change]:
    """History entries moving the due date between day offsets (None: no date)."""
    out = []
    for i, (old, new) in enumerate(pairs):
        out.append(
            Change(
                "due",
                days(old).isoformat() if old is not None else None,
                days(new).isoformat() if new is not None else None,
                days(-20 + i),
            )
        )
    return out


def statuses(*chain: str) -> list[Change]:
    """History entries for a chain of statuses, one day apart."""
    return [
        Change("status", old, new, days(-10 + i))
        for i, (old, new) in enumerate(zip(chain, chain[1:], strict=False))
    ]


# --- the baseline ----------------------------------------------------------------------


def test_baseline_promise_ask_and_offer_have_no_flags() -> None:
    assert flags_for_promise(promise(), TODAY) == []
    assert flags_for_ask(ask(), TODAY) == []
    assert flags_for_offer(offer(), TODAY) == []


def test_flag_names_and_help_cover_the_design_table() -> None:
    expected = {
        "unwritten",
        "no-date",
        "overdue",
        "vague",
        "moving-target",
        "walked-back",
        "verbal-offer",
        "deadline",
        "unconfirmed",
    }
    assert set(FLAGS) == expected
    assert len(FLAGS) == len(expected)
    assert set(FLAG_HELP) == expected
    assert all(text and "\n" not in text for text in FLAG_HELP.values())


def test_flag_to_doc_shape() -> None:
    flag = Flag("overdue", "promise", "p3", "due 2026-11-20, 3 days overdue")
    assert flag.to_doc() == {
        "flag": "overdue",
        "kind": "promise",
        "id": "p3",
        "reason": "due 2026-11-20, 3 days overdue",
    }


# --- overdue -----------------------------------------------------------------------------


def test_due_today_is_not_overdue() -> None:
    assert "overdue" not in names(flags_for_promise(promise(due=TODAY), TODAY))


def test_due_yesterday_is_overdue_by_one_day() -> None:
    flags = [f for f in flags_for_promise(promise(due=days(-1)), TODAY) if f.flag == "overdue"]
    assert len(flags) == 1
    assert flags[0].kind == "promise" and flags[0].id == "p1"
    assert "1 day " in flags[0].reason + " " and "1 days" not in flags[0].reason
    assert day_text(days(-1)) in flags[0].reason


def test_overdue_reason_counts_the_days() -> None:
    (flag,) = [f for f in flags_for_promise(promise(due=days(-12)), TODAY) if f.flag == "overdue"]
    assert "12 days" in flag.reason


def test_long_waits_count_with_thousands_separators() -> None:
    """Read on the bench's ten-year journal: '3000 days overdue' beside '1,608 pending'."""
    old = promise(made_on=days(-3300), due=days(-3000), form="recap-sent")
    reasons = {f.flag: f.reason for f in flags_for_promise(old, TODAY)}
    assert reasons["overdue"].endswith(", 3,000 days overdue")
    assert "recorded as recap-sent when made, 3,300 days ago" in reasons["unconfirmed"]


def test_due_tomorrow_is_not_overdue() -> None:
    assert "overdue" not in names(flags_for_promise(promise(due=days(1)), TODAY))


@pytest.mark.parametrize("status", [s for s in STATUSES if s != "pending"])
def test_resolved_promise_is_never_overdue(status: str) -> None:
    p = promise(due=days(-30), status=status, status_on=days(-1))
    assert "overdue" not in names(flags_for_promise(p, TODAY))


def test_overdue_follows_the_today_argument() -> None:
    p = promise(due=days(5))
    assert "overdue" not in names(flags_for_promise(p, days(5)))
    assert "overdue" in names(flags_for_promise(p, days(6)))


# --- unwritten ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "flagged"),
    [("verbal", True), ("recap-sent", True), ("written", False), ("official", False)],
)
def test_unwritten_only_for_verbal_and_recap_sent(form: str, flagged: bool) -> None:
    assert ("unwritten" in names(flags_for_promise(promise(form=form), TODAY))) is flagged


def test_forms_are_the_four_levels() -> None:
    assert FORMS == ("verbal", "recap-sent", "written", "official")


@pytest.mark.parametrize("status", [s for s in STATUSES if s != "pending"])
def test_unwritten_only_while_pending(status: str) -> None:
    p = promise(form="verbal", status=status, status_on=days(-1))
    assert "unwritten" not in names(flags_for_promise(p, TODAY))


def test_unwritten_reasons_differ_for_verbal_and_recap() -> None:
    verbal = next(f for f in flags_for_promise(promise(form="verbal"), TODAY))
    recap = next(f for f in flags_for_promise(promise(form="recap-sent"), TODAY))
    assert "Dana" in verbal.reason and "Dana" in recap.reason
    assert "recap" in recap.reason
    assert verbal.reason != recap.reason


# --- no-date -----------------------------------------------------------------------------


def test_no_date_for_a_pending_promise_without_due_date() -> None:
    assert names(flags_for_promise(promise(due=None), TODAY)) == ["no-date"]


@pytest.mark.parametrize("status", [s for s in STATUSES if s != "pending"])
def test_no_date_only_while_pending(status: str) -> None:
    p = promise(due=None, status=status, status_on=days(-1))
    assert flags_for_promise(p, TODAY) == []


# --- moving-target -------------------------------------------------------------------------


def test_one_postponement_is_not_a_moving_target() -> None:
    p = promise(due=days(20), history=due_moves((10, 20)))
    assert "moving-target" not in names(flags_for_promise(p, TODAY))
    assert len(moved_later(p)) == 1


def test_two_postponements_are_a_moving_target() -> None:
    p = promise(due=days(30), history=due_moves((10, 20), (20, 30)))
    (flag,) = [f for f in flags_for_promise(p, TODAY) if f.flag == "moving-target"]
    assert "2 times" in flag.reason
    assert f"from {day_text(days(10))} to {day_text(days(30))}" in flag.reason


def test_three_postponements_counted_in_reason() -> None:
    p = promise(due=days(40), history=due_moves((10, 20), (20, 30), (30, 40)))
    (flag,) = [f for f in flags_for_promise(p, TODAY) if f.flag == "moving-target"]
    assert "3 times" in flag.reason


def test_moving_earlier_does_not_count() -> None:
    # later once, earlier once, earlier again: only one push later
    p = promise(due=days(5), history=due_moves((10, 20), (20, 15), (15, 5)))
    assert "moving-target" not in names(flags_for_promise(p, TODAY))
    assert moved_later(p) == [(days(10).isoformat(), days(20).isoformat())]


def test_setting_or_clearing_a_due_date_is_not_a_postponement() -> None:
    p = promise(due=days(30), history=due_moves((None, 10), (10, None), (None, 30)))
    assert moved_later(p) == []
    assert "moving-target" not in names(flags_for_promise(p, TODAY))


def test_postponement_across_a_year_boundary_counts() -> None:
    history = [
        Change("due", "2026-12-31", "2027-01-02", days(-3)),
        Change("due", "2027-01-02", "2027-02-01", days(-2)),
    ]
    p = promise(due=date(2027, 2, 1), history=history)
    assert "moving-target" in names(flags_for_promise(p, TODAY))


def test_moving_target_through_the_journal(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    p = j.add_promise("Promotion to staff", "Dana", due=days(10), form="written")
    j.update_promise(p.id, due=days(20), on=days(1))
    assert "moving-target" not in names(flags_for_promise(j.promise(p.id), TODAY))
    j.update_promise(p.id, due=days(30), on=days(2))
    assert "moving-target" in names(flags_for_promise(j.promise(p.id), TODAY))


# --- walked-back -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chain", "flagged"),
    [
        (("pending", "honored", "withdrawn"), True),
        (("pending", "honored", "pending"), True),
        (("pending", "partly", "broken"), True),
        (("pending", "honored", "partly"), True),
        (("pending", "partly", "withdrawn"), True),
        (("pending", "partly", "honored"), False),
        (("pending", "honored"), False),
        (("pending", "partly"), False),
        (("pending", "broken"), False),
        (("pending", "withdrawn"), False),
        (("pending", "broken", "honored"), False),
        (("pending", "withdrawn", "pending"), False),
    ],
)
def test_walked_back(chain: tuple[str, ...], flagged: bool) -> None:
    p = promise(status=chain[-1], status_on=days(-1), history=statuses(*chain))
    assert ("walked-back" in names(flags_for_promise(p, TODAY))) is flagged
    assert (walked_back(p) is not None) is flagged


def test_walked_back_reason_says_what_it_was_and_when() -> None:
    p = promise(
        status="withdrawn",
        status_on=days(-9),
        history=statuses("pending", "honored", "withdrawn"),
    )
    (flag,) = [f for f in flags_for_promise(p, TODAY) if f.flag == "walked-back"]
    assert "honored" in flag.reason and "withdrawn" in flag.reason
    assert day_text(days(-9)) in flag.reason
    assert walked_back(p) == ("honored", days(-9))


def test_walked_back_then_honored_again_still_names_the_step_back() -> None:
    p = promise(
        status="honored",
        status_on=days(-8),
        history=statuses("pending", "honored", "pending", "honored"),
    )
    (flag,) = [f for f in flags_for_promise(p, TODAY) if f.flag == "walked-back"]
    assert "pending" in flag.reason


def test_walked_back_through_the_journal(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    p = j.add_promise("Tech lead of the payments team", "Dana", form="official", due=days(30))
    j.update_promise(p.id, status="honored", on=days(-30))
    assert "walked-back" not in names(flags_for_promise(j.promise(p.id), TODAY))
    j.update_promise(p.id, status="withdrawn", on=days(-2))
    assert "walked-back" in names(flags_for_promise(j.promise(p.id), TODAY))


# --- vague (promises) ----------------------------------------------------------------------


HEDGED = [
    # (promise text, the words the vague flag names, what it says about them)
    (
        "The title change happens as soon as the reorg settles",
        "as soon as the reorg settles",
        "is a condition, not a date",
    ),
    ("Let me talk to HR about the raise", "Let me talk to HR", "puts the answer off"),
    ("You'll probably get the bonus in March", "probably", "is a maybe, not a yes"),
    ("Down the road you could lead the team", "Down the road", "is not a date"),
    ("I'll do my best to get you the 8%", "do my best", "promises effort, not a result"),
    ("We'll see about a raise", "We'll see", "puts the answer off"),
]


@pytest.mark.parametrize(("text", "words", "says"), HEDGED)
def test_a_hedge_makes_a_promise_vague_and_the_reason_names_it(
    text: str, words: str, says: str
) -> None:
    assert find_hedge(text) == words
    (flag,) = [f for f in flags_for_promise(promise(text=text), TODAY) if f.flag == "vague"]
    assert flag.reason.startswith(f'hedge: "{words}" {says}')


def test_the_reason_names_every_hedge_in_the_text() -> None:
    p = promise(text="I'll try to get it done soon")
    (flag,) = [f for f in flags_for_promise(p, TODAY) if f.flag == "vague"]
    assert flag.reason == ('hedge: "I\'ll try" promises effort, not a result; "soon" is not a date')


@pytest.mark.parametrize(("text", "words", "says"), HEDGED)
def test_hedges_match_in_any_case(text: str, words: str, says: str) -> None:
    assert find_hedge(text.upper()) == words.upper()


@pytest.mark.parametrize(
    "text",
    [
        "The Q3 lead is yours from Monday; we'll circle back in a month",
        "Approved; try to book by Friday",
    ],
)
def test_a_firm_clause_is_not_undone_by_a_hedge_in_another(text: str) -> None:
    assert find_hedge(text) is None
    assert "vague" not in names(flags_for_promise(promise(text=text), TODAY))


@pytest.mark.parametrize(
    "text",
    [
        "We\u2019ll see what the budget allows",
        "I\u2019ll try to get you on the panel",
        "we\u2018ll see",
        "WE\u2019LL SEE",
    ],
)
def test_curly_apostrophes_match(text: str) -> None:
    assert find_hedge(text) is not None
    assert "vague" in names(flags_for_promise(promise(text=text), TODAY))


@pytest.mark.parametrize(
    "text",
    [
        "Our tryst to the offsite",  # 'try' inside 'tryst' is not 'try to'
        "Entry to the leadership programme in March",  # 'try to' inside 'entry to'
        "Maybelline sponsors the offsite",  # 'maybe' inside a longer word
        "Revisited scope is final",  # 'revisit' + 'ed'
        "A trying to-do list",  # 'try' followed by 'ing'
        "Unhopefully worded but firm",  # 'hopefully' preceded by letters
    ],
)
def test_hedges_only_match_whole_words(text: str) -> None:
    assert find_hedge(text) is None
    assert "vague" not in names(flags_for_promise(promise(text=text), TODAY))


@pytest.mark.parametrize("text", ["maybe.", "(maybe)", "eventually!", "'we'll see'", "ok—maybe"])
def test_hedges_next_to_punctuation_match(text: str) -> None:
    assert find_hedge(text) is not None


def test_custom_hedges_add_to_the_defaults() -> None:
    custom = ("board willing", "Q\u2019s sign-off")
    p = promise(text="A raise, board willing")
    assert "vague" not in names(flags_for_promise(p, TODAY))
    assert "vague" in names(flags_for_promise(p, TODAY, custom))
    assert find_hedge("a raise after Q's sign-off", custom) == "Q's sign-off"
    # a default hedge is still a hedge beside a custom list
    q = promise(text="Maybe a raise")
    assert "vague" in names(flags_for_promise(q, TODAY, custom))


def test_not_hedges_take_a_default_away() -> None:
    q = promise(text="Maybe a raise")
    assert "vague" not in names(flags_for_promise(q, TODAY, not_hedges=("maybe",)))
    assert find_hedge("Maybe a raise", not_hedges=("MAYBE",)) is None
    assert find_hedge("Maybe a raise", not_hedges=("soon",)) == "Maybe"


@pytest.mark.parametrize("hedges", [(), ("",), ("   ",)])
def test_blank_custom_hedges_are_ignored(hedges: tuple[str, ...]) -> None:
    assert find_hedge("a raise in March", hedges) is None
    assert find_hedge("we'll see, maybe, eventually", hedges) == "we'll see"


def test_hedge_list_with_regex_characters_is_literal() -> None:
    hedges = ("a.b", "(tbd)")
    assert find_hedge("axb", hedges) is None
    assert find_hedge("it is a.b", hedges) == "a.b"
    assert find_hedge("raise (tbd) soon", hedges) == "(tbd)"


def test_longest_hedge_wins() -> None:
    assert find_hedge("we'll see what we can do") in ("we'll see", "see what we can do")
    assert find_hedge("I'll try to do it") == "I'll try"


# --- vague (asks) ------------------------------------------------------------------------


def test_ask_with_a_hedge_is_vague() -> None:
    (flag,) = flags_for_ask(ask(text="Maybe more influence"), TODAY)
    assert (flag.flag, flag.kind, flag.id) == ("vague", "ask", "a1")
    assert "maybe" in flag.reason


def test_ask_with_a_hedging_measure_is_vague() -> None:
    (flag,) = flags_for_ask(ask(measure="at some point it feels right"), TODAY)
    assert "at some point" in flag.reason


@pytest.mark.parametrize("measure", ["", "   "])
def test_ask_without_a_measure_is_vague(measure: str) -> None:
    (flag,) = flags_for_ask(ask(measure=measure), TODAY)
    assert flag.flag == "vague" and "measure" in flag.reason


def test_ask_without_a_target_is_vague() -> None:
    (flag,) = flags_for_ask(ask(target=None), TODAY)
    assert flag.flag == "vague" and "target" in flag.reason


def test_ask_with_every_problem_gets_one_flag_listing_them() -> None:
    (flag,) = flags_for_ask(ask(text="More influence, eventually", measure="", target=None), TODAY)
    assert "eventually" in flag.reason and "measure" in flag.reason and "target" in flag.reason
    assert "\n" not in flag.reason


@pytest.mark.parametrize("status", ["granted", "partly", "refused", "dropped"])
def test_ask_that_is_not_open_is_never_flagged(status: str) -> None:
    vague = ask(text="maybe more", measure="", target=None, status=status)
    assert flags_for_ask(vague, TODAY) == []


def test_ask_custom_hedges() -> None:
    a = ask(text="More scope, board willing")
    assert flags_for_ask(a, TODAY) == []
    assert names(flags_for_ask(a, TODAY, ("board willing",))) == ["vague"]
    b = ask(text="More scope, budget permitting")
    assert names(flags_for_ask(b, TODAY)) == ["vague"]
    assert flags_for_ask(b, TODAY, not_hedges=("permitting",)) == []


# --- offers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "flagged", "words"),
    [
        (DEADLINE_DAYS + 1, False, ""),
        (4, False, ""),
        (3, True, "in 3 days"),
        (1, True, "in 1 day"),
        (0, True, "today"),
        (-1, True, "passed 1 day ago"),
        (-5, True, "passed 5 days ago"),
    ],
)
def test_offer_deadline(left: int, flagged: bool, words: str) -> None:
    flags = flags_for_offer(offer(deadline=days(left)), TODAY)
    assert names(flags) == (["deadline"] if flagged else [])
    if flagged:
        assert words in flags[0].reason
        assert (flags[0].kind, flags[0].id) == ("offer", "o1")
        if left == 1:
            assert "1 days" not in flags[0].reason


def test_deadline_window_is_three_days() -> None:
    assert DEADLINE_DAYS == 3


def test_offer_without_deadline_has_no_deadline_flag() -> None:
    assert flags_for_offer(offer(deadline=None), TODAY) == []


def test_verbal_offer() -> None:
    (flag,) = flags_for_offer(offer(written=False), TODAY)
    assert flag.flag == "verbal-offer" and "Acme" in flag.reason
    assert "counteroffer" not in flag.reason


def test_verbal_counteroffer_says_so() -> None:
    (flag,) = flags_for_offer(offer(written=False, counter=True, company="Initech"), TODAY)
    assert flag.flag == "verbal-offer" and "counteroffer" in flag.reason


def test_verbal_offer_near_deadline_gets_both_flags() -> None:
    assert sorted(names(flags_for_offer(offer(written=False, deadline=TODAY), TODAY))) == [
        "deadline",
        "verbal-offer",
    ]


@pytest.mark.parametrize("status", ["accepted", "declined", "expired"])
def test_offer_that_is_not_open_is_never_flagged(status: str) -> None:
    o = offer(written=False, deadline=days(-3), status=status)
    assert flags_for_offer(o, TODAY) == []


# --- reasons and ordering ------------------------------------------------------------------


def test_every_reason_is_a_non_empty_one_liner() -> None:
    history = statuses("pending", "honored", "pending") + due_moves((-20, -10), (-10, -3))
    p = promise(
        text="We'll see about the lead role",
        form="verbal",
        due=days(-3),
        history=history,
    )
    flags = flags_for_promise(p, TODAY)
    flags += flags_for_promise(promise(id="p2", due=None, form="recap-sent"), TODAY)
    flags += flags_for_ask(ask(text="maybe", measure="", target=None), TODAY)
    flags += flags_for_offer(offer(written=False, deadline=days(-1)), TODAY)
    flags += flags_for_offer(offer(id="o2", written=False, counter=True, deadline=TODAY), TODAY)
    assert {f.flag for f in flags} == set(FLAGS)
    for flag in flags:
        assert flag.reason.strip() == flag.reason and flag.reason
        assert "\n" not in flag.reason and "\r" not in flag.reason
        assert len(flag.reason) < 200


def test_all_flags_sorted_worst_first(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    vague = j.add_promise("Maybe a bonus", "Sam", form="written", due=days(30))
    verbal = j.add_promise("Team lead by March", "Dana", due=days(60))
    late = j.add_promise("Raise in October", "Dana", form="official", due=days(-2))
    undated = j.add_promise("Conference budget", "Sam", form="written")
    j.add_ask("More influence")
    j.add_offer("Acme", "Staff", deadline=days(2), written=True)
    j.add_offer("Initech", "Principal", written=False, counter=True)
    flags = all_flags(j)
    rank = [FLAGS.index(f.flag) for f in flags]
    assert rank == sorted(rank)
    assert flags[0].flag == "overdue" and flags[0].id == late.id
    got = {(f.flag, f.id) for f in flags}
    assert got == {
        ("overdue", late.id),
        ("deadline", "o1"),
        ("verbal-offer", "o2"),
        ("unwritten", verbal.id),
        ("vague", vague.id),
        ("vague", "a1"),
        ("no-date", undated.id),
    }


def test_all_flags_uses_the_given_today_and_hedges(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    p = j.add_promise("Board willing, a raise", "Sam", form="written", due=days(3))
    assert all_flags(j) == []
    assert [f.flag for f in all_flags(j, today=days(4))] == ["overdue"]
    assert [(f.flag, f.id) for f in all_flags(j, hedges=("board willing",))] == [("vague", p.id)]
    q = j.add_promise("Maybe a raise", "Sam", form="written", due=days(3))
    assert [(f.flag, f.id) for f in all_flags(j)] == [("vague", q.id)]
    assert all_flags(j, not_hedges=("maybe",)) == []


def test_all_flags_orders_ids_numerically_within_a_flag(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    ids = [j.add_promise(f"Promise {i}", "Dana", form="written").id for i in range(12)]
    flags = all_flags(j)
    assert [f.id for f in flags] == ids  # p1, p2, ... p10, p11, p12; not p1, p10, p11


# --- properties --------------------------------------------------------------------------


# each example compiles the rules anew for its random phrases (~0.1 s): fewer examples
@settings(max_examples=120, deadline=None)
@given(text=st.text(max_size=200), hedges=st.lists(st.text(max_size=20), max_size=5))
def test_find_hedge_never_raises_and_finds_words_of_the_text(text: str, hedges: list[str]) -> None:
    found = find_hedge(text, hedges)
    if found is not None:
        assert found and found in text


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(min_size=1, max_size=80),
    form=st.sampled_from(FORMS),
    status=st.sampled_from(STATUSES),
    due=st.none() | st.integers(-400, 400),
)
def test_promise_flags_are_known_and_one_line(
    text: str, form: str, status: str, due: int | None
) -> None:
    p = promise(text=text, form=form, status=status, due=None if due is None else days(due))
    for flag in flags_for_promise(p, TODAY):
        assert flag.flag in FLAGS and flag.reason and "\n" not in flag.reason
        if status != "pending":
            assert flag.flag not in ("overdue", "unwritten", "no-date")


def test_the_journal_answers_promise_flags_again_without_rescanning(tmp_path: Path) -> None:
    """Each row drawn asks for the flags: while nothing changed the journal gives its last
    answer (the same object) without comparing 20,000 promises again (the Promises
    screen's page-down took 60 ms on the ten-year journal); a change is seen at once."""
    from unittest import mock

    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_promise("Lead Q3 planning", "Sybil")
    first = j.promise_flags()
    with mock.patch.object(j._flags, "of", side_effect=AssertionError("rescanned")):
        assert j.promise_flags() is first
    j.update_promise("p1", form="written")
    assert "unwritten" not in {f.flag for f in j.promise_flags()["p1"]}
    assert "unwritten" in {f.flag for f in first["p1"]}
