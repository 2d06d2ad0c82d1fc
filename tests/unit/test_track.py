"""Tests for leverage_tui.core.track: the track-record arithmetic, checked by hand."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.journal import Journal
from leverage_tui.core.records import FORMS, STATUSES, Change, Promise
from leverage_tui.core.track import Tally, TrackKeeper, TrackRecord, percent, track_record

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
        "due",
        old.isoformat() if old else None,
        new.isoformat() if new else None,
        date(2026, 9, 2),
    )


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
                Change("status", "pending", "honored", date(2026, 10, 1)),
                Change("status", "honored", "withdrawn", date(2026, 10, 15)),
            ],
        ),
        promise("p6", "Sam", "official", "honored"),
        promise("p7", "Sam", "official", "honored", due=D, status_on=D),
    ]
    return track_record(promises)


def test_overall_counts_and_honor_rate(record: TrackRecord) -> None:
    t = record.overall
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (3, 1, 1, 1, 1)
    assert t.resolved == 6 and t.total == 7
    # (3 + 0.5 * 1) / (3 + 1 + 1 + 1)
    assert t.honor_rate == pytest.approx(3.5 / 6)


def test_verbal_means_verbal_and_recap_sent(record: TrackRecord) -> None:
    t = record.verbal  # p1 honored, p3 broken, p5 withdrawn
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (1, 0, 1, 1, 0)
    assert t.honor_rate == pytest.approx(1 / 3)


def test_written_means_written_and_official(record: TrackRecord) -> None:
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
    }
    assert doc["overall"] == {
        "honored": 3,
        "partly": 1,
        "broken": 1,
        "withdrawn": 1,
        "pending": 1,
        "honor_rate": round(3.5 / 6, 4),
    }
    assert doc["verbal"]["honor_rate"] == 0.3333
    assert doc["written"]["honor_rate"] == 0.8333
    assert list(doc["by_person"]) == ["Dana", "Sam"]
    assert doc["by_person"]["Sam"]["honor_rate"] == 0.6667
    assert doc["avg_days_late"] == 1.33
    assert doc["moved_due_dates"] == 3 and doc["walked_back"] == 1
    assert json.loads(json.dumps(doc)) == doc


def test_nothing_resolved_gives_no_rate() -> None:
    rec = track_record([promise("p1", "Dana", "verbal", "pending", due=D)])
    assert rec.overall.pending == 1
    assert rec.overall.honor_rate is None
    assert rec.verbal.honor_rate is None and rec.written.honor_rate is None
    assert rec.avg_days_late is None
    doc = rec.to_doc()
    assert doc["overall"]["honor_rate"] is None
    assert doc["written"] == {
        "honored": 0,
        "partly": 0,
        "broken": 0,
        "withdrawn": 0,
        "pending": 0,
        "honor_rate": None,
    }
    assert doc["avg_days_late"] is None


def test_empty_track_record() -> None:
    rec = track_record([])
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
    assert track_record(ps).overall.honor_rate == pytest.approx(rate)


def test_form_is_the_current_form() -> None:
    # a promise that started verbal and is now written counts as written
    p = promise(
        "p1",
        "Dana",
        "written",
        "honored",
        history=[Change("form", "verbal", "written", date(2026, 9, 5))],
    )
    rec = track_record([p])
    assert rec.written.honored == 1 and rec.verbal.honored == 0


def test_days_late_only_for_kept_promises_with_dates() -> None:
    ps = [
        promise("p1", "Dana", "verbal", "broken", due=D, status_on=D + timedelta(days=30)),
        promise("p2", "Dana", "verbal", "withdrawn", due=D, status_on=D + timedelta(days=30)),
        promise("p3", "Dana", "verbal", "honored", due=None),
    ]
    assert track_record(ps).avg_days_late is None
    late = promise("p4", "Dana", "verbal", "partly", due=D, status_on=D + timedelta(days=10))
    assert track_record([*ps, late]).avg_days_late == pytest.approx(10.0)


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
    rec = track_record(j.promises.values())
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
    rec = track_record(ps)
    count = {s: sum(1 for r in rows if r[0] == s) for s in STATUSES}
    t = rec.overall
    order = ("honored", "partly", "broken", "withdrawn", "pending")
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == tuple(count[s] for s in order)
    resolved = len(rows) - count["pending"]
    if resolved:
        expected = (count["honored"] + 0.5 * count["partly"]) / resolved
        rate = t.honor_rate
        assert rate is not None and rate == pytest.approx(expected)
        assert 0.0 <= rate <= 1.0
    else:
        assert t.honor_rate is None
    assert rec.verbal.total + rec.written.total == len(rows)
    assert sum(tally.total for tally in rec.by_person.values()) == len(rows)


def test_tally_add_counts_by_status() -> None:
    t = Tally()
    for s in STATUSES:
        t.add(promise("p1", "Dana", "verbal", s))
    assert (t.honored, t.partly, t.broken, t.withdrawn, t.pending) == (1, 1, 1, 1, 1)
    assert t.honor_rate == pytest.approx(1.5 / 4)


def test_keeper_follows_changes_additions_and_deletions(tmp_path: Path) -> None:
    """The kept record equals a fresh count after every kind of change, undo included."""
    j = Journal(tmp_path / "k.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    ids = [
        j.add_promise(f"Promise {n}", ["Dana", "Sam"][n % 2], due=days(-30)).id for n in range(6)
    ]
    assert keeper.update(j.promises) == track_record(j.promises.values())
    j.update_promise(ids[0], status="honored", on=days(-20))
    j.update_promise(ids[1], status="honored", on=days(-25))
    j.update_promise(ids[1], status="withdrawn", on=days(-2))  # walked back
    j.update_promise(ids[2], due=days(-10), on=days(-40))
    j.update_promise(ids[2], due=days(-5), on=days(-35))  # moved later twice
    j.update_promise(ids[3], form="written", by="Robin")
    assert keeper.update(j.promises) == track_record(j.promises.values())
    j.delete(ids[4])
    j.add_promise("Another", "Robin")
    assert keeper.update(j.promises) == track_record(j.promises.values())
    j.undo()
    j.undo()
    rec = keeper.update(j.promises)
    assert rec == track_record(j.promises.values())
    assert "Robin" in rec.by_person and rec.walked_back == 1 and rec.moved_due_dates == 2


def test_keeper_forgets_people_with_nothing_left(tmp_path: Path) -> None:
    j = Journal(tmp_path / "f.json", today=TODAY, backups=0)
    keeper = TrackKeeper()
    p = j.add_promise("Only one", "Sam")
    assert set(keeper.update(j.promises).by_person) == {"Sam"}
    j.delete(p.id)
    assert keeper.update(j.promises).by_person == {}
    assert keeper.update(j.promises) == track_record(j.promises.values())


def test_journal_keeps_its_track_record_across_changes_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    j = Journal(path, today=TODAY, backups=0)
    p = j.add_promise("Raise", "Dana", due=days(-5))
    assert j.track_record().overall.pending == 1
    j.update_promise(p.id, status="honored", on=days(-1))
    assert j.track_record() == track_record(j.promises.values())
    other = Journal(path, today=TODAY, backups=0)  # another process adds one
    other.add_promise("Title", "Sam")
    assert j.refresh()
    rec = j.track_record()
    assert rec == track_record(j.promises.values())
    assert (rec.overall.honored, rec.overall.pending) == (1, 1)
