"""Tests for leverage_tui.core.track: the track-record arithmetic, checked by hand, and the
words every screen uses for it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.journal import Journal
from leverage_tui.core.plural import counted
from leverage_tui.core.records import FORMS, STATUSES, Change, Promise
from leverage_tui.core.track import (
    TOO_FEW,
    TRACK_COLUMNS,
    Tally,
    TrackKeeper,
    TrackRecord,
    comparison_words,
    confirmed_words,
    kept_words,
    made_form,
    percent,
    rate_words,
    tally_words,
    track_record,
    track_rows,
    wilson,
)

TODAY = date(2026, 11, 23)
D = date(2026, 10, 1)  # the due date most promises below share


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def promise(pid: str, by: str, form: str, status: str, **fields: Any) -> Promise:
    resolved = status != "pending"
    base: dict[str, Any] = {
        "id": pid,
        "text": f"promise {pid}",
        "by": by,
        "made_on": date(2026, 9, 1),
        "form": form,
        "status": status,
        "status_on": date(2026, 10, 15) if resolved else None,
    }
    base.update(fields)
    return Promise(**base)


def due_change(old: date | None, new: date | None) -> Change:
    return Change(
        field="due",
        old=old.isoformat() if old else None,
        new=new.isoformat() if new else None,
        on=date(2026, 9, 2),
    )


def form_change(old: str, new: str, on: date = date(2026, 9, 5)) -> Change:
    return Change(field="form", old=old, new=new, on=on)


@pytest.fixture
def record() -> TrackRecord:
    """Seven promises whose track record is worked out by hand in the tests below.

    p1 Dana verbal     honored   due D, kept D+4          -> 4 days late
    p2 Dana written    partly    due D, kept D-2          -> 0 (early counts as on time)
    p3 Dana verbal     broken    due D, moved later once
    p4 Dana official   pending   moved later twice, earlier once, set from none once
    p5 Sam  recap-sent withdrawn honored first, then withdrawn (walked back)
    p6 Sam  official   honored   no due date              -> not in days late
    p7 Sam  official   honored   due D, kept on D         -> 0
    """
    promises = [
        promise("p1", "Dana", "verbal", "honored", due=D, status_on=D + timedelta(days=4)),
        promise("p2", "Dana", "written", "partly", due=D, status_on=D - timedelta(days=2)),
        promise("p3", "Dana", "verbal", "broken", due=D, history=[due_change(D - timedelta(1), D)]),
        promise(
            "p4",
            "Dana",
            "official",
            "pending",
            due=date(2026, 12, 20),
            history=[
                due_change(None, date(2026, 11, 1)),
                due_change(date(2026, 11, 1), date(2026, 12, 1)),
                due_change(date(2026, 12, 1), date(2026, 12, 30)),
                due_change(date(2026, 12, 30), date(2026, 12, 20)),
            ],
        ),
        promise(
            "p5",
            "Sam",
            "recap-sent",
            "withdrawn",
            history=[
                Change(field="status", old="pending", new="honored", on=date(2026, 10, 1)),
                Change(field="status", old="honored", new="withdrawn", on=date(2026, 10, 15)),
            ],
        ),
        promise("p6", "Sam", "official", "honored"),
        promise("p7", "Sam", "official", "honored", due=D, status_on=D),
    ]
    return track_record(promises, TODAY)


def test_overall_counts_and_honor_rate(record: TrackRecord) -> None:
    t = record.overall
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (3, 1, 1, 1, 1)
    assert t.resolved == 6 and t.total == 7
    # (3 + 0.5 * 1) / (3 + 1 + 1 + 1)
    assert t.honor_rate == pytest.approx(3.5 / 6)


def test_verbal_means_made_verbal_or_recap_sent(record: TrackRecord) -> None:
    t = record.verbal  # p1 honored, p3 broken, p5 withdrawn
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (1, 0, 1, 1, 0)
    assert t.honor_rate == pytest.approx(1 / 3)


def test_written_means_made_written_or_official(record: TrackRecord) -> None:
    t = record.written  # p2 partly, p4 pending, p6 honored, p7 honored
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (2, 1, 0, 0, 1)
    assert t.honor_rate == pytest.approx(2.5 / 3)


def test_per_person(record: TrackRecord) -> None:
    assert set(record.by_person) == {"Dana", "Sam"}
    dana, sam = record.by_person["Dana"], record.by_person["Sam"]
    assert (dana.honored, dana.partly, dana.broken, dana.withdrawn, dana.pending) == (1, 1, 1, 0, 1)
    assert dana.honor_rate == pytest.approx(1.5 / 3)
    assert (sam.honored, sam.partly, sam.broken, sam.withdrawn, sam.pending) == (2, 0, 0, 1, 0)
    assert sam.honor_rate == pytest.approx(2 / 3)


def test_track_rows_are_the_table_every_face_draws(record: TrackRecord) -> None:
    rows = track_rows(record, ("all", "verbal", "written"), lambda name: f"<{name}>")
    assert [r[0] for r in rows] == ["all", "verbal", "written", "<Dana>", "<Sam>"]
    assert len(TRACK_COLUMNS) == 6 and all(len(r) == 1 + 6 + 1 for r in rows)
    # kept, partly, broken, withdrawn, pending, overdue; then the rate
    assert rows[0][1:7] == ["3", "1", "1", "1", "1", "0"]
    assert rows[0][7] == rate_words(record.overall, brief=True)
    assert rows[4][1:7] == ["2", "0", "0", "1", "0", "0"]  # Sam


def test_track_rows_count_with_thousands_separators() -> None:
    many = [promise(f"p{i}", "Dana", "verbal", "honored") for i in range(1, 1202)]
    (overall, *_) = track_rows(track_record(many, TODAY), ("a", "b", "c"), str)
    assert overall[1] == "1,201"


def test_average_days_late(record: TrackRecord) -> None:
    # p1: 4 late, p2: early = 0, p7: on the day = 0; p3 broken and p6 undated are left out
    assert record.avg_days_late == pytest.approx(4 / 3)


def test_moved_due_dates_count_pushes_later(record: TrackRecord) -> None:
    # p3 once, p4 twice (its move earlier and its first date do not count)
    assert record.moved_due_dates == 3


def test_walked_back_count(record: TrackRecord) -> None:
    assert record.walked_back == 1


def test_to_doc_shape(record: TrackRecord) -> None:
    doc = record.to_doc()
    assert set(doc) == {
        "overall",
        "verbal",
        "written",
        "by_person",
        "avg_days_late",
        "moved_due_dates",
        "walked_back",
        "recap_confirmed",
        "written_without_evidence",
    }
    assert doc["overall"] == {
        "honored": 3,
        "partly": 1,
        "broken": 1,
        "withdrawn": 1,
        "pending": 1,
        "released": 0,
        "resolved": 6,
        "late": 0,
        "confirmed_later": 0,
        "honor_rate": round(3.5 / 6, 4),
        "too_few": False,
        "interval": [round(x, 4) for x in wilson(3.5, 6) or ()],
    }
    assert doc["overall"]["interval"] == [0.2411, 0.8605]  # worked by hand
    assert doc["verbal"]["honor_rate"] == 0.3333
    assert doc["verbal"]["resolved"] == 3 and doc["verbal"]["too_few"] is True
    assert doc["written"]["honor_rate"] == 0.8333
    assert list(doc["by_person"]) == ["Dana", "Sam"]
    assert doc["by_person"]["Sam"]["honor_rate"] == 0.6667
    assert doc["by_person"]["Sam"]["too_few"] is True
    assert doc["avg_days_late"] == 1.33
    assert doc["moved_due_dates"] == 3 and doc["walked_back"] == 1
    assert doc["recap_confirmed"] == 0
    assert json.loads(json.dumps(doc)) == doc


def test_nothing_resolved_gives_no_rate_and_no_interval() -> None:
    rec = track_record([promise("p1", "Dana", "verbal", "pending", due=D)], TODAY)
    assert rec.overall.pending == 1
    assert rec.overall.honor_rate is None and rec.overall.interval is None
    assert rec.verbal.honor_rate is None and rec.written.honor_rate is None
    assert rec.avg_days_late is None
    doc = rec.to_doc()
    assert doc["overall"]["honor_rate"] is None and doc["overall"]["interval"] is None
    assert doc["overall"]["late"] == 1  # due 1 October, pending on 23 November
    assert doc["written"] == {
        "honored": 0,
        "partly": 0,
        "broken": 0,
        "withdrawn": 0,
        "pending": 0,
        "released": 0,
        "resolved": 0,
        "late": 0,
        "confirmed_later": 0,
        "honor_rate": None,
        "too_few": True,
        "interval": None,
    }
    assert doc["avg_days_late"] is None


def test_empty_track_record() -> None:
    rec = track_record([], TODAY)
    assert rec.overall.total == 0 and rec.overall.honor_rate is None
    assert rec.by_person == {} and rec.moved_due_dates == 0 and rec.walked_back == 0
    assert rec.to_doc()["by_person"] == {}


@pytest.mark.parametrize(
    ("statuses", "rate"),
    [
        (["honored"], 1.0),
        (["broken"], 0.0),
        (["withdrawn"], 0.0),
        (["partly"], 0.5),
        (["honored", "broken"], 0.5),
        (["honored", "partly", "pending", "pending"], 0.75),
        (["honored", "honored", "partly", "broken", "withdrawn"], 0.5),
    ],
)
def test_honor_rate_examples(statuses: list[str], rate: float) -> None:
    ps = [promise(f"p{i}", "Dana", "written", s) for i, s in enumerate(statuses, 1)]
    assert track_record(ps, TODAY).overall.honor_rate == pytest.approx(rate)


def test_a_promise_counts_in_the_form_it_was_made_in() -> None:
    # made verbally, confirmed in writing later: still verbal, counted as confirmed later
    p = promise("p1", "Dana", "written", "honored", history=[form_change("verbal", "written")])
    rec = track_record([p], TODAY)
    assert rec.verbal.honored == 1 and rec.written.honored == 0
    assert rec.verbal.confirmed_later == 1 and rec.written.confirmed_later == 0
    assert rec.overall.confirmed_later == 1 and rec.by_person["Dana"].confirmed_later == 1


@pytest.mark.parametrize(
    ("form", "history", "made"),
    [
        ("verbal", [], "verbal"),
        ("official", [], "official"),
        (
            "written",
            [form_change("verbal", "recap-sent"), form_change("recap-sent", "written")],
            "verbal",
        ),
        ("official", [form_change("recap-sent", "official")], "recap-sent"),
        ("verbal", [form_change("written", "verbal")], "written"),  # a correction: made written
        # only form changes count; a damaged old value falls back to the form now
        ("written", [due_change(None, D), form_change("verbal", "written")], "verbal"),
        ("written", [Change(field="form", old=None, new="written", on=D)], "written"),
    ],
)
def test_made_form_reads_the_first_form_change(form: str, history: list[Change], made: str) -> None:
    assert made_form(promise("p1", "Dana", form, "pending", history=history)) == made


def test_made_written_then_marked_verbal_stays_written_and_is_not_confirmed() -> None:
    p = promise("p1", "Dana", "verbal", "broken", history=[form_change("written", "verbal")])
    rec = track_record([p], TODAY)
    assert rec.written.broken == 1 and rec.verbal.total == 0
    assert rec.overall.confirmed_later == 0


def test_confirmed_later_says_the_recap_worked_only_after_a_recap() -> None:
    direct = promise("p1", "Dana", "written", "pending", history=[form_change("verbal", "written")])
    rec = track_record([direct], TODAY)
    assert (rec.verbal.confirmed_later, rec.recap_confirmed) == (1, 0)
    assert confirmed_words(rec) == "1 verbal promise confirmed in writing later"
    recapped = [
        promise(
            f"p{n}",
            "Dana",
            "official",
            "honored",
            history=[form_change("verbal", "recap-sent"), form_change("recap-sent", "official")],
        )
        for n in range(2, 4)
    ]
    rec = track_record([direct, *recapped], TODAY)
    assert (rec.verbal.confirmed_later, rec.recap_confirmed) == (3, 2)
    assert confirmed_words(rec) == "3 verbal promises confirmed in writing later: the recap worked"
    still_recap = promise(
        "p9", "Dana", "recap-sent", "pending", history=[form_change("verbal", "recap-sent")]
    )
    rec = track_record([still_recap], TODAY)  # a recap sent but not confirmed: not confirmed
    assert rec.verbal.confirmed_later == 0 and confirmed_words(rec) == ""


def test_late_means_pending_and_past_due() -> None:
    ps = [
        promise("p1", "Sybil", "verbal", "pending", due=days(-1)),  # late
        promise("p2", "Sybil", "verbal", "pending", due=TODAY),  # due today: not yet late
        promise("p3", "Sybil", "written", "pending", due=None),  # no date: not late
        promise("p4", "Sybil", "verbal", "honored", due=days(-30), status_on=days(-2)),
        promise("p5", "Ravi", "written", "pending", due=days(-100)),  # late
    ]
    rec = track_record(ps, TODAY)
    assert rec.overall.late == 2
    assert (rec.verbal.late, rec.written.late) == (1, 1)
    assert rec.by_person["Sybil"].late == 1 and rec.by_person["Ravi"].late == 1
    assert track_record(ps, days(-2)).overall.late == 1  # two days ago p1 was not yet due


def test_days_late_only_for_kept_promises_with_dates() -> None:
    ps = [
        promise("p1", "Dana", "verbal", "broken", due=D, status_on=D + timedelta(days=30)),
        promise("p2", "Dana", "verbal", "withdrawn", due=D, status_on=D + timedelta(days=30)),
        promise("p3", "Dana", "verbal", "honored", due=None),
    ]
    assert track_record(ps, TODAY).avg_days_late is None
    late = promise("p4", "Dana", "verbal", "partly", due=D, status_on=D + timedelta(days=10))
    assert track_record([*ps, late], TODAY).avg_days_late == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("rate", "text"),
    [(None, "—"), (0.0, "0%"), (1.0, "100%"), (2 / 3, "67%"), (1 / 3, "33%"), (0.5, "50%")],
)
def test_percent(rate: float | None, text: str) -> None:
    assert percent(rate) == text


def test_track_record_of_a_journal(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    a = j.add_promise("Raise", "Dana", due=days(-20), made_on=days(-40))
    b = j.add_promise("Title", "dana", form="written", due=days(-20), made_on=days(-40))
    c = j.add_promise("Budget", "Sam", made_on=days(-40))
    j.update_promise(a.id, status="honored", on=days(-14))  # 6 days late
    j.update_promise(b.id, status="partly", on=days(-20))  # on time
    j.update_promise(c.id, status="broken", on=days(-1))
    j.update_promise(b.id, due=days(-10), on=days(-25))
    j.update_promise(b.id, due=days(-5), on=days(-24))
    rec = track_record(j.promises.values(), TODAY)
    assert set(rec.by_person) == {"Dana", "Sam"}  # "dana" is the same person
    assert rec.by_person["Dana"].honor_rate == pytest.approx(0.75)
    assert rec.by_person["Sam"].honor_rate == 0.0
    assert rec.overall.honor_rate == pytest.approx(1.5 / 3)
    assert rec.verbal.honor_rate == pytest.approx(0.5)  # a honored, c broken
    assert rec.written.honor_rate == pytest.approx(0.5)  # b partly
    assert rec.moved_due_dates == 2
    # b's due date is now days(-5) and it was kept on days(-20): on time
    assert rec.avg_days_late == pytest.approx(3.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(STATUSES), st.sampled_from(FORMS), st.sampled_from("ABC")),
        max_size=40,
    )
)
def test_counts_and_rate_match_the_formula(rows: list[tuple[str, str, str]]) -> None:
    ps = [promise(f"p{i}", by, form, status) for i, (status, form, by) in enumerate(rows, 1)]
    rec = track_record(ps, TODAY)
    count = {s: sum(1 for r in rows if r[0] == s) for s in STATUSES}
    t = rec.overall
    order = ("honored", "partly", "broken", "withdrawn", "pending")
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == tuple(count[s] for s in order)
    assert t.released == count["released"]  # never pending, never resolved (issue 15)
    resolved = len(rows) - count["pending"] - count["released"]
    assert t.resolved == resolved
    if resolved:
        expected = (count["honored"] + 0.5 * count["partly"]) / resolved
        rate = t.honor_rate
        assert rate is not None and rate == pytest.approx(expected)
        assert 0.0 <= rate <= 1.0
    else:
        assert t.honor_rate is None
    assert rec.verbal.total + rec.written.total == len(rows)
    assert sum(tally.total for tally in rec.by_person.values()) == len(rows)


def test_keeper_follows_changes_additions_and_deletions(tmp_path: Path) -> None:
    """The kept record equals a fresh count after every kind of change, undo included."""
    j = Journal(tmp_path / "k.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    ids = [
        j.add_promise(f"Promise {n}", ["Dana", "Sam"][n % 2], due=days(-30)).id for n in range(6)
    ]
    assert keeper.update(j.promises, TODAY) == track_record(j.promises.values(), TODAY)
    j.update_promise(ids[0], status="honored", on=days(-20))
    j.update_promise(ids[1], status="honored", on=days(-25))
    j.update_promise(ids[1], status="withdrawn", on=days(-2))  # walked back
    j.update_promise(ids[2], due=days(-10), on=days(-40))
    j.update_promise(ids[2], due=days(-5), on=days(-35))  # moved later twice
    j.update_promise(ids[3], form="written", by="Robin")
    assert keeper.update(j.promises, TODAY) == track_record(j.promises.values(), TODAY)
    j.delete(ids[4])
    j.add_promise("Another", "Robin")
    assert keeper.update(j.promises, TODAY) == track_record(j.promises.values(), TODAY)
    j.undo()
    j.undo()
    rec = keeper.update(j.promises, TODAY)
    assert rec == track_record(j.promises.values(), TODAY)
    assert "Robin" in rec.by_person and rec.walked_back == 1 and rec.moved_due_dates == 2


def test_keeper_forgets_people_with_nothing_left(tmp_path: Path) -> None:
    j = Journal(tmp_path / "f.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    p = j.add_promise("Only one", "Sam")
    assert set(keeper.update(j.promises, TODAY).by_person) == {"Sam"}
    j.delete(p.id)
    assert keeper.update(j.promises, TODAY).by_person == {}
    assert keeper.update(j.promises, TODAY) == track_record(j.promises.values(), TODAY)


def test_journal_keeps_its_track_record_across_changes_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    j = Journal(path, today=TODAY, backups=0)
    p = j.add_promise("Raise", "Dana", due=days(-5))
    assert j.track_record().overall.pending == 1
    j.update_promise(p.id, status="honored", on=days(-1))
    assert j.track_record() == track_record(j.promises.values(), TODAY)
    other = Journal(path, today=TODAY, backups=0)  # another process adds one
    other.add_promise("Title", "Sam")
    assert j.refresh()
    rec = j.track_record()
    assert rec == track_record(j.promises.values(), TODAY)
    assert (rec.overall.honored, rec.overall.pending) == (1, 1)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),  # z² / (n + z²)
        (10, 10, 0.7225, 1.0),
        (8, 10, 0.4902, 0.9433),  # the textbook example
        (1, 1, 0.2065, 1.0),
        (0.5, 1, 0.0546, 0.9454),  # one partly honored promise: half a success
    ],
)
def test_wilson_interval(successes: float, n: int, low: float, high: float) -> None:
    interval = wilson(successes, n)
    assert interval is not None
    assert interval == (pytest.approx(low, abs=1e-4), pytest.approx(high, abs=1e-4))


def test_wilson_of_nothing_is_none() -> None:
    assert wilson(0, 0) is None


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 400), st.data())
def test_wilson_holds_the_rate_and_stays_in_0_1(n: int, data: st.DataObject) -> None:
    halves = data.draw(st.integers(0, 2 * n))
    interval = wilson(halves / 2, n)
    assert interval is not None
    low, high = interval
    assert 0.0 <= low <= halves / 2 / n <= high <= 1.0
    assert high - low < 1.0


def tally(**counts: int) -> Tally:
    return Tally(**counts)


@pytest.mark.parametrize(
    ("counts", "too_few", "rate", "kept"),
    [
        ({}, True, TOO_FEW, "nothing resolved yet"),
        ({"honored": 1, "pending": 9}, True, TOO_FEW, "1 of 1 kept"),
        ({"honored": 2, "partly": 1, "broken": 1}, True, TOO_FEW, "2 of 4 kept, 1 partly"),
        (
            {"honored": 2, "partly": 1, "broken": 1, "withdrawn": 1},
            False,
            "50% (95% range 17–83%)",
            "2 of 5 kept, 1 partly",
        ),
        ({"honored": 5}, False, "100% (95% range 57–100%)", "5 of 5 kept"),
        ({"broken": 6}, False, "0% (95% range 0–39%)", "0 of 6 kept"),
    ],
)
def test_rates_in_words_never_a_percentage_under_five(
    counts: dict[str, int], too_few: bool, rate: str, kept: str
) -> None:
    t = tally(**counts)
    assert t.too_few is too_few
    assert rate_words(t) == rate
    assert kept_words(t) == kept


def test_a_brief_rate_leaves_the_range_to_the_header() -> None:
    t = tally(honored=2, partly=1, broken=1, withdrawn=1)
    assert rate_words(t, brief=True) == "50% (17–83%)"
    assert rate_words(tally(honored=4), brief=True) == TOO_FEW


def test_one_kept_and_five_overdue_is_no_green_hundred_percent() -> None:
    """The issue's example: 1 kept and 5 months overdue once read '100% kept'."""
    ps = [promise("p1", "Sybil", "verbal", "honored", due=D, status_on=D)]
    ps += [promise(f"p{n}", "Sybil", "verbal", "pending", due=days(-120 - n)) for n in range(2, 7)]
    rec = track_record(ps, TODAY)
    sybil = rec.by_person["Sybil"]
    assert (sybil.honored, sybil.resolved, sybil.late) == (1, 1, 5)
    assert sybil.too_few and sybil.to_doc()["too_few"] is True
    assert tally_words(sybil) == "1 of 1 kept, 5 overdue: too few to tell"
    assert "100%" not in tally_words(sybil) and "100%" not in tally_words(rec.overall)


def test_nothing_resolved_in_words() -> None:
    assert tally_words(tally(pending=3, late=2)) == "nothing resolved yet, 2 overdue"


def test_verbal_against_written_on_one_and_four_is_too_few_to_tell() -> None:
    """The issue's example: 'verbal 0% vs written 62%' rested on 1 and 4 resolved."""
    ps = [promise("p1", "Maya", "verbal", "withdrawn")]
    statuses = ["honored", "honored", "partly", "broken"]
    ps += [promise(f"p{n}", "Priya", "written", s) for n, s in enumerate(statuses, 2)]
    rec = track_record(ps, TODAY)
    assert (rec.verbal.resolved, rec.written.resolved) == (1, 4)
    assert comparison_words(rec) == "verbal vs written: too few to tell (1 and 4 resolved)"
    assert "%" not in comparison_words(rec)


def test_verbal_against_written_on_enough_is_a_finding_with_counts() -> None:
    ps = [promise(f"v{n}", "Maya", "verbal", s) for n, s in enumerate("hhbbb")]
    ps += [promise(f"w{n}", "Maya", "written", s) for n, s in enumerate("hhhhb")]
    ps = [promise(p.id, p.by, p.form, {"h": "honored", "b": "broken"}[p.status]) for p in ps]
    assert comparison_words(track_record(ps, TODAY)) == (
        "made verbally 40% (2 of 5 kept) vs in writing 80% (4 of 5 kept)"
    )


@pytest.mark.parametrize(
    ("count", "word", "text"),
    [
        (0, "promise", "0 promises"),
        (1, "promise", "1 promise"),
        (2, "promise", "2 promises"),
        (1, "person", "1 person"),
        (3, "person", "3 people"),
        (-1, "day", "-1 days"),
    ],
)
def test_plural(count: int, word: str, text: str) -> None:
    assert counted(count, word) == text


def test_keeper_follows_confirmations_lateness_and_a_new_today(tmp_path: Path) -> None:
    """The new counts (late, confirmed later, made form, recap) stay equal to a fresh count."""
    j = Journal(tmp_path / "n.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    a = j.add_promise("Lead the sync", "Sybil", due=days(-3)).id  # late
    b = j.add_promise("Raise", "Sybil", due=days(5)).id
    c = j.add_promise("Title", "Ravi", form="written", due=days(-9)).id  # late
    assert keeper.update(j.promises, TODAY) == track_record(j.promises.values(), TODAY)
    j.update_promise(b, form="recap-sent", on=days(-1))
    j.update_promise(b, form="written", on=TODAY)  # confirmed after a recap
    j.update_promise(a, status="honored", on=TODAY)  # no longer late
    j.update_promise(c, form="verbal", on=TODAY)  # a correction: still made in writing
    rec = keeper.update(j.promises, TODAY)
    assert rec == track_record(j.promises.values(), TODAY)
    assert (rec.overall.late, rec.written.late, rec.verbal.late) == (1, 1, 0)
    assert (rec.verbal.confirmed_later, rec.recap_confirmed) == (1, 1)
    assert rec.by_person["Ravi"].late == 1 and rec.written.total == 1
    later = days(10)  # a new day: b is late now too
    rec = keeper.update(j.promises, later)
    assert rec == track_record(j.promises.values(), later)
    assert rec.overall.late == 2
    j.undo()
    j.undo()
    assert keeper.update(j.promises, later) == track_record(j.promises.values(), later)


def test_keeper_matches_a_fresh_count_through_random_edits(tmp_path: Path) -> None:
    """A seeded walk of every kind of change; after each, kept == counted afresh."""
    import random

    rng = random.Random(12)
    j = Journal(tmp_path / "r.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    people = ["Sybil", "Ravi", "Maya"]
    for step in range(120):
        ids = list(j.promises)
        action = rng.choice(["add", "status", "form", "due", "by", "delete", "undo"])
        if action == "add" or not ids:
            j.add_promise(
                f"Promise {step}",
                rng.choice(people),
                form=rng.choice(FORMS),
                due=rng.choice([None, days(rng.randint(-60, 60))]),
                made_on=days(-90),
            )
        elif action == "status":
            j.update_promise(rng.choice(ids), status=rng.choice(STATUSES), on=days(-1))
        elif action == "form":
            j.update_promise(rng.choice(ids), form=rng.choice(FORMS), on=days(-1))
        elif action == "due":
            j.update_promise(rng.choice(ids), due=days(rng.randint(-60, 60)), on=days(-1))
        elif action == "by":
            j.update_promise(rng.choice(ids), by=rng.choice(people))
        elif action == "delete":
            j.delete(rng.choice(ids))
        else:
            j.undo()
        today = TODAY if step % 10 else days(rng.randint(-30, 30))  # now and then a new day
        assert keeper.update(j.promises, today) == track_record(j.promises.values(), today)
    rec = keeper.update(j.promises, TODAY)
    assert rec.overall.total == len(j.promises)
    assert rec.verbal.total + rec.written.total == len(j.promises)


def test_counts_in_words_have_thousands_separators() -> None:
    """A ten-year journal's counts read like every other number the brief prints
    ('865 of 1,966 kept', as '1,608 pending'), not '865 of 1966 kept'."""
    t = tally(honored=865, broken=1_101 - 381, partly=381, withdrawn=0)
    assert kept_words(t) == f"865 of {t.resolved:,} kept, 381 partly"
    assert t.resolved >= 1_000 and f"{t.resolved:,}" in kept_words(t)
