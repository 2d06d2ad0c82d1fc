"""core/filters.py: the one filtering rule of list, flags, timeline and export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leverage_tui.core.checks import InputError
from leverage_tui.core.filters import Filter, keeps, make_filter, record_date, select
from leverage_tui.core.journal import Journal

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_conversation(["Sybil"], "Lead talk", on=dt.date(2026, 11, 2), tags=["Lead"])
    j.add_promise("Lead Q3", "Sybil", conversation="c1", made_on=dt.date(2026, 11, 2))
    j.add_promise("Raise", "Ana", made_on=dt.date(2026, 10, 1), form="written")
    j.add_offer("Acme", "Staff", received=dt.date(2026, 11, 20))
    return j


def test_make_filter_parses_dates_and_checks_choices() -> None:
    f = make_filter(TODAY, start="nov 1", end="today", status=["Pending"], form=["verbal"])
    assert (f.start, f.end, f.status, f.form) == (
        dt.date(2026, 11, 1),
        TODAY,
        ("pending",),
        ("verbal",),
    )
    assert make_filter(TODAY, tag="#Lead").tag == "lead"
    assert not make_filter(TODAY).active
    for bad in ({"latest": 0}, {"start": "whenever"}, {"status": ["maybe"]}, {"form": ["x"]}):
        with pytest.raises(InputError):
            make_filter(TODAY, **bad)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="is after"):
        make_filter(TODAY, start="today", end="yesterday")


def test_keeps_by_date_tag_person_status(journal: Journal) -> None:
    p1, p2 = journal.promise("p1"), journal.promise("p2")
    offer = journal.offers["o1"]
    assert record_date(p1) == dt.date(2026, 11, 2) and record_date(offer) == dt.date(2026, 11, 20)
    lead = Filter(tag="lead")
    assert keeps(journal, lead, p1) and not keeps(journal, lead, p2)  # via its conversation
    assert keeps(journal, lead, journal.conversation("c1"))
    assert keeps(journal, Filter(person="acme"), offer)
    assert not keeps(journal, Filter(status=("pending",)), offer)  # promises only
    assert keeps(journal, Filter(form=("written",)), p2)
    assert not keeps(journal, Filter(start=dt.date(2026, 11, 1)), p2)


def test_select_latest_keeps_listing_order(journal: Journal) -> None:
    records = [journal.promise("p1"), journal.promise("p2"), journal.offers["o1"]]
    got = select(journal, Filter(latest=2), records)
    assert [r.id for r in got] == ["p1", "o1"]
    assert select(journal, Filter(), records) == records
