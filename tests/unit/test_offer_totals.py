"""Offers in total: the totals with vesting and cliff, unknowns as unknown, every open
offer against every other and the current job, and the walk-away floors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from leverage_tui.core.floors import check_floors, floor_met
from leverage_tui.core.journal import Journal
from leverage_tui.core.offer_totals import pairs, totals, versus_words, vested
from leverage_tui.core.records import Ask, CurrentJob, Floor, Offer
from leverage_tui.core.review import build_brief

from .conftest import TODAY, days


def example(**changes: object) -> Offer:
    """The issue's worked example: base 120,000, bonus 10,000, sign-on 15,000, equity
    200,000 over 4 years with a 12-month cliff, benefits 5,000."""
    figures: dict[str, object] = dict(
        base=120_000,
        bonus=10_000,
        sign_on=15_000,
        equity_value=200_000,
        vesting_years=4,
        cliff_months=12,
        benefits=5_000,
    )
    figures.update(changes)
    return Offer(id="o1", company="Acme", role="Staff", **figures)  # type: ignore[arg-type]


def test_the_worked_example() -> None:
    t = totals(example())
    assert (t.cash_year1, t.guaranteed_year1, t.total_year1, t.total_4y) == (
        145_000,
        135_000,
        200_000,
        755_000,
    )
    assert t.unknown == ()
    assert t.words("total_year1") == "200,000"


def test_vesting_nothing_before_the_cliff_then_monthly() -> None:
    assert vested(200_000, 4, 12, 11) == 0  # a day before the cliff: nothing
    assert vested(200_000, 4, 12, 12) == 50_000  # the cliff's share at once
    assert vested(200_000, 4, 12, 13) == 54_166  # then a 48th a month (rounded down)
    assert vested(200_000, 4, 12, 48) == 200_000
    assert vested(200_000, 4, 12, 60) == 200_000  # never more than the grant
    assert vested(120_000, 1, 0, 6) == 60_000  # no cliff: monthly from the start
    assert vested(100_000, 1, 24, 12) == 0 and vested(100_000, 1, 24, 24) == 100_000


def test_a_longer_cliff_moves_equity_out_of_year_one() -> None:
    t = totals(example(cliff_months=18))
    assert t.total_year1 == 150_000  # no equity in year one
    assert t.total_4y == 755_000  # all of it within four years


def test_a_longer_vesting_leaves_equity_beyond_four_years() -> None:
    t = totals(example(vesting_years=5))
    assert t.total_year1 == 190_000  # 200,000 x 12 / 60
    assert t.total_4y == 715_000  # 48 of 60 months: 160,000


def test_an_unknown_figure_is_unknown_never_zero() -> None:
    t = totals(example(bonus=None))
    assert t.unknown == ("bonus",)
    assert t.cash_year1 == 135_000  # what the known figures add up to...
    assert t.words("cash_year1") == "at least 135,000 (bonus unknown)"  # ...said so
    assert t.complete("guaranteed_year1")  # the bonus is not part of it
    assert t.words("guaranteed_year1") == "135,000"
    assert not t.complete("total_4y")


def test_without_base_every_total_is_null() -> None:
    t = totals(example(base=None, benefits=None))
    assert (t.cash_year1, t.guaranteed_year1, t.total_year1, t.total_4y) == (None,) * 4
    assert t.unknown == ("base", "benefits")
    assert t.words("total_4y") == "unknown (base, benefits unknown)"
    assert t.to_doc()["total_4y"] is None and t.to_doc()["unknown"] == ["base", "benefits"]


def test_the_current_job_pays_no_sign_on() -> None:
    job = CurrentJob(id="now", company="Co", role="Dev", base=100_000, bonus=0, benefits=0)
    t = totals(job)
    assert t.unknown == ("equity_value",)  # sign-on is not among them
    assert t.cash_year1 == 100_000 and t.complete("cash_year1")


def two_offers(path: Path) -> Journal:
    """An outside offer in writing, a verbal counteroffer, the current job; all figures."""
    j = Journal(path, today=TODAY)
    full = dict(sign_on=0, equity_value=0, benefits=5_000)
    j.set_current_job(company="Halden", role="Designer", base=118_000, bonus=6_000, **full)
    j.add_offer(
        "Northwind",
        "Senior",
        base=142_000,
        bonus=10_000,
        sign_on=10_000,
        equity_value=40_000,
        benefits=7_000,
        deadline=days(2),
        written=True,
    )
    j.add_offer("Halden", "Lead", base=135_000, bonus=8_000, counter=True, **full)
    return j


def test_every_open_offer_against_every_other_and_now(path: Path) -> None:
    j = two_offers(path)
    j.add_offer("Closed Co", "Old", base=1, status="declined", received=days(-100))
    doc = build_brief(j).to_doc()
    offers = {o["id"]: o for o in doc["offers"]}
    assert offers["o2"]["versus"] == [  # the counteroffer against the outside offer first
        {"id": "o1", "base": -7_000, "total_year1": -31_000, "total_4y": -94_000},
        {"id": "now", "base": 17_000, "total_year1": 19_000, "total_4y": 76_000},
    ]
    assert offers["o1"]["versus"] == [
        {"id": "o2", "base": 7_000, "total_year1": 31_000, "total_4y": 94_000},
        {"id": "now", "base": 24_000, "total_year1": 50_000, "total_4y": 170_000},
    ]
    assert offers["o3"]["versus"] == []  # a closed offer is not compared
    o1 = offers["o1"]
    assert (o1["cash_year1"], o1["guaranteed_year1"]) == (162_000, 152_000)
    assert (o1["total_year1"], o1["total_4y"], o1["unknown"]) == (179_000, 686_000, [])
    job = doc["current_job"]
    assert (job["id"], job["total_year1"], job["total_4y"]) == ("now", 129_000, 516_000)


def test_versus_is_null_where_a_side_is_unknown(path: Path) -> None:
    j = two_offers(path)
    j.update_offer("o1", benefits=None)
    j.update_offer("o2", base=None)
    doc = build_brief(j).to_doc()
    offers = {o["id"]: o for o in doc["offers"]}
    assert offers["o1"]["versus"][0] == {
        "id": "o2",
        "base": None,
        "total_year1": None,
        "total_4y": None,
    }
    # against now: base known on both sides, the totals miss Northwind's benefits
    assert offers["o1"]["versus"][1] == {
        "id": "now",
        "base": 24_000,
        "total_year1": None,
        "total_4y": None,
    }
    assert offers["o2"]["total_year1"] is None and offers["o2"]["unknown"] == ["base"]
    brief = build_brief(j)
    words = versus_words(brief.offers[0].versus[1])
    assert words.startswith("base +24,000 · year one unknown · four years unknown (")
    assert "Northwind: benefits unknown" in words


def test_pairs_put_the_counteroffer_first(path: Path) -> None:
    j = two_offers(path)
    j.add_offer("Other", "Lead", base=150_000, written=True)
    got = [(a.id, b.id) for a, b in pairs(list(j.offers.values()))]
    assert got == [("o2", "o1"), ("o2", "o3"), ("o1", "o3")]


# -- floors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("floor", "changes", "met"),
    [
        (Floor("base", 120_000), {}, True),
        (Floor("base", 120_001), {}, False),
        (Floor("total_year1", 200_000), {}, True),  # exactly the floor meets it
        (Floor("total_4y", 800_000), {}, False),
        (Floor("base", 100_000), {"base": None}, None),  # base unknown: can't tell
        (Floor("cash_year1", 130_000), {"bonus": None}, True),  # known part reaches it
        (Floor("cash_year1", 140_000), {"bonus": None}, None),  # below, but incomplete
        (Floor("bonus", 5_000), {"bonus": None}, None),
        (Floor("guaranteed_year1", 140_000), {"bonus": None}, False),  # needs no bonus
    ],
)
def test_a_floor_is_met_not_met_or_unknown(
    floor: Floor, changes: dict[str, object], met: bool | None
) -> None:
    assert floor_met(floor, totals(example(**changes))) is met


def test_floors_checked_against_every_open_offer(path: Path) -> None:
    j = two_offers(path)
    j.add_ask("Base of at least 140,000", floor="base=140000")
    j.add_ask("Four years of at least 600,000", floor="total_4y 600k")
    j.add_ask("No floor here")
    j.add_ask("Dropped", floor="base=1", status="dropped")
    doc = build_brief(j).to_doc()
    asks = {a["id"]: a for a in doc["asks"]}
    assert asks["a1"]["floor"] == {"field": "base", "amount": 140_000}
    assert asks["a1"]["met_by"] == {"o2": False, "o1": True}
    assert asks["a2"]["met_by"] == {"o2": False, "o1": True}
    assert (asks["a3"]["floor"], asks["a3"]["met_by"]) == (None, {})
    assert asks["a4"]["met_by"] == {}  # a dropped ask's floor is not checked
    checks = build_brief(j).floors
    assert checks[0].sentences == {
        "o2": "The counteroffer does not meet your floor: base 135,000 < 140,000.",
        "o1": "Northwind's offer meets your floor: base 142,000 ≥ 140,000.",
    }


def test_a_floor_with_an_unknown_figure_says_it_cannot_tell(path: Path) -> None:
    j = two_offers(path)
    j.update_offer("o1", benefits=None)
    ask = Ask(id="a1", text="Year one", floor=Floor("total_year1", 190_000))
    offer = j.offers["o1"]
    (check,) = check_floors([ask], [offer], {"o1": totals(offer)})
    assert check.met_by == {"o1": None}
    assert check.sentences["o1"] == (
        "Northwind's offer: can't tell if it meets your floor: year one in total at least "
        "172,000 of 190,000 (benefits unknown)."
    )


def test_review_json_has_every_key_the_issue_names(path: Path) -> None:
    j = two_offers(path)
    j.add_ask("Base", floor="base=140000")
    doc = json.loads(json.dumps(build_brief(j).to_doc()))
    for key in ("bottom_line", "conflicts", "risk_questions"):
        assert key in doc
    offer_keys = {"cash_year1", "guaranteed_year1", "total_year1", "total_4y", "unknown"}
    assert offer_keys | {"versus"} <= set(doc["offers"][0])
    assert offer_keys <= set(doc["current_job"])
    assert set(doc["offers"][0]["versus"][0]) == {"id", "base", "total_year1", "total_4y"}
    assert {"floor", "met_by"} <= set(doc["asks"][0])
    assert set(doc["conflicts"][0]) == {"kind", "text", "ids"}
    assert 1 <= len(doc["bottom_line"]) <= 5


def test_base_only_differences_never_count_an_unknown_bonus(path: Path) -> None:
    j = Journal(path, today=TODAY)
    j.set_current_job(company="Co", role="Dev", base=100_000)
    j.add_offer("Acme", "Dev", base=110_000, bonus=5_000, written=True, received=date(2026, 11, 1))
    (view,) = build_brief(j).offers
    assert view.differences == ["base +10,000 (+10%)", "bonus 5,000 (now unknown)"]


def test_the_figures_and_floors_in_exports_and_imports(path: Path, tmp_path: Path) -> None:
    from leverage_tui.core.exports import csv_text

    j = two_offers(path)
    j.add_ask("Base", floor="base=140000")
    offers = csv_text(j, "offers").splitlines()
    header = offers[0].split(",")
    for name in ("sign_on", "equity_value", "vesting_years", "cliff_months", "benefits"):
        assert name in header
    row = dict(zip(header, offers[1].split(","), strict=False))
    assert (row["sign_on"], row["equity_value"], row["benefits"]) == ("10000", "40000", "7000")
    assert csv_text(j, "asks").splitlines()[1].endswith(",base=140000")
    copy = Journal(tmp_path / "copy.json", today=TODAY)
    copy.import_data(j.export_data())
    assert build_brief(copy).to_doc()["offers"] == build_brief(j).to_doc()["offers"]
    assert copy.asks["a1"].floor == Floor("base", 140_000)
