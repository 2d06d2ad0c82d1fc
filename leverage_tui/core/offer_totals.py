"""What an offer (or the current job) pays in total, and how offers compare.

The totals, from the figures of `records.Pay`:

- `cash_year1` = base + bonus + sign-on;
- `guaranteed_year1` = base + sign-on (the bonus is not guaranteed);
- `total_year1` = cash_year1 + benefits + the equity that vests in the first 12 months;
- `total_4y` = 4 × (base + bonus + benefits) + sign-on + the equity that vests in the
  first 48 months.

Equity vests nothing before the cliff; from the cliff on, in equal shares a month over
the vesting years, the cliff's months all at once at the cliff (`vested`).

An unknown figure (None) is **unknown**, never zero: every total needs base, so with no
base every total is None. Without another figure a total is what the known figures add
up to, and it names what it is missing (`Totals.missing`): a floor for the true total
("at least 152,000, bonus unknown"), since no figure is negative. A difference between
two totals (`Versus`) is given only when both are complete: two "at least" figures have
no known difference.

The current job pays no sign-on (you joined already): when none is recorded it counts as
none, not as unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .records import CurrentJob, Offer, Pay
from .registry import CURRENT_JOB_ID

INPUTS = ("base", "bonus", "sign_on", "equity_value", "benefits")
"""The figures the totals are made of, as the JSON names them."""
INPUT_WORDS = {
    "base": "base",
    "bonus": "bonus",
    "sign_on": "sign-on",
    "equity_value": "equity value",
    "benefits": "benefits",
}
"""Each input figure in words ("bonus unknown")."""
TOTALS = ("cash_year1", "guaranteed_year1", "total_year1", "total_4y")
"""The computed totals, in the order they are shown."""
TOTAL_WORDS = {
    "base": "base",
    "bonus": "bonus",
    "cash_year1": "cash in year one",
    "guaranteed_year1": "guaranteed cash in year one",
    "total_year1": "year one in total",
    "total_4y": "four years in total",
}
"""Each total (and the two figures a floor can also name) in words."""
NEEDS: dict[str, tuple[str, ...]] = {
    "cash_year1": ("base", "bonus", "sign_on"),
    "guaranteed_year1": ("base", "sign_on"),
    "total_year1": ("base", "bonus", "sign_on", "benefits", "equity_value"),
    "total_4y": ("base", "bonus", "sign_on", "benefits", "equity_value"),
    "base": ("base",),
    "bonus": ("bonus",),
}
"""The input figures each total (or figure) is made of."""


def money(amount: int | None) -> str:
    """An amount as '142,000', or 'unknown' when it is not known."""
    return "unknown" if amount is None else f"{amount:,}"


def signed(amount: int) -> str:
    """A difference as '+24,000', '-7,000' or '0'."""
    return f"+{amount:,}" if amount > 0 else f"-{-amount:,}" if amount < 0 else "0"


def vested(value: int, years: int, cliff_months: int, months: int) -> int:
    """The part of an equity grant worth `value`, vesting monthly over `years` after a
    cliff of `cliff_months`, that has vested `months` months in (whole money, rounded down).

    >>> vested(200_000, 4, 12, 12), vested(200_000, 4, 12, 11), vested(200_000, 4, 12, 48)
    (50000, 0, 200000)
    """
    span = max(1, years * 12)
    if months < cliff_months or months <= 0:
        return 0
    return value * min(months, span) // span


def figures(pay: Pay) -> dict[str, int | None]:
    """The input figures of `pay` by name; None where unknown (the current job's sign-on
    counts as none)."""
    sign_on = pay.sign_on
    if sign_on is None and isinstance(pay, CurrentJob):
        sign_on = 0
    return {
        "base": pay.base,
        "bonus": pay.bonus,
        "sign_on": sign_on,
        "equity_value": pay.equity_value,
        "benefits": pay.benefits,
    }


@dataclass(frozen=True)
class Totals:
    """The totals of one job's pay: each None without base, else what the known figures
    add up to; `unknown` names the input figures not given."""

    cash_year1: int | None
    guaranteed_year1: int | None
    total_year1: int | None
    total_4y: int | None
    unknown: tuple[str, ...]
    base: int | None = None
    bonus: int | None = None

    def value(self, name: str) -> int | None:
        """A total (or base, or bonus) by its JSON name."""
        return int(getattr(self, name)) if getattr(self, name) is not None else None

    def missing(self, name: str) -> tuple[str, ...]:
        """The unknown input figures the total `name` needs."""
        return tuple(i for i in NEEDS[name] if i in self.unknown)

    def complete(self, name: str) -> bool:
        """True when the total `name` rests on known figures only."""
        return not self.missing(name)

    def words(self, name: str) -> str:
        """The total in words: '200,000', 'at least 152,000 (bonus, benefits unknown)',
        or 'unknown (base unknown)'."""
        value, missing = self.value(name), self.missing(name)
        unknown = ", ".join(INPUT_WORDS[i] for i in missing) + " unknown"
        if value is None:
            return f"unknown ({unknown})"
        if missing:
            return f"at least {value:,} ({unknown})"
        return f"{value:,}"

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: the four totals and `unknown`."""
        return {**{name: getattr(self, name) for name in TOTALS}, "unknown": list(self.unknown)}


def totals(pay: Pay) -> Totals:
    """The totals of `pay` (see the module docstring)."""
    f = figures(pay)
    unknown = tuple(name for name in INPUTS if f[name] is None)
    base = f["base"]
    if base is None:
        return Totals(None, None, None, None, unknown, None, pay.bonus)
    bonus, sign_on = f["bonus"] or 0, f["sign_on"] or 0
    benefits, grant = f["benefits"] or 0, f["equity_value"] or 0
    years, cliff = pay.vesting_years, pay.cliff_months
    cash = base + bonus + sign_on
    return Totals(
        cash_year1=cash,
        guaranteed_year1=base + sign_on,
        total_year1=cash + benefits + vested(grant, years, cliff, 12),
        total_4y=4 * (base + bonus + benefits) + sign_on + vested(grant, years, cliff, 48),
        unknown=unknown,
        base=base,
        bonus=pay.bonus,
    )


VERSUS = ("base", "total_year1", "total_4y")
"""What `versus` compares."""


@dataclass(frozen=True)
class Versus:
    """One offer minus another (or minus the current job, id 'now'): None where either
    side's figure is unknown or incomplete."""

    id: str
    base: int | None
    total_year1: int | None
    total_4y: int | None
    missing: tuple[str, ...] = ()
    """Why a difference is None: 'Northwind Labs: benefits unknown' and the like."""

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: {id, base, total_year1, total_4y}."""
        return {
            "id": self.id,
            "base": self.base,
            "total_year1": self.total_year1,
            "total_4y": self.total_4y,
        }


def difference(mine: Totals, other: Totals, name: str) -> int | None:
    """`mine` minus `other` in the total `name`; None unless both are complete."""
    a, b = mine.value(name), other.value(name)
    if a is None or b is None or not mine.complete(name) or not other.complete(name):
        return None
    return a - b


def versus(mine: Totals, other: Totals, other_id: str, names: Sequence[str] = ()) -> Versus:
    """`mine` minus `other` in base and the totals; `names` ("this", "that") name the two
    sides in the reasons a difference is unknown."""
    this, that = (*names, "this", "that")[:2] if names else ("this", "that")
    missing: list[str] = []
    for side, t in ((this, mine), (that, other)):
        gaps = [INPUT_WORDS[i] for i in INPUTS if i in t.unknown]
        if gaps:
            missing.append(f"{side}: {', '.join(gaps)} unknown")
    return Versus(
        other_id,
        difference(mine, other, "base"),
        difference(mine, other, "total_year1"),
        difference(mine, other, "total_4y"),
        tuple(missing),
    )


def job_name(job: Offer | CurrentJob) -> str:
    """How the review names a job: 'the counteroffer', 'Northwind Labs' or 'your current job'."""
    if isinstance(job, CurrentJob):
        return "your current job"
    return "the counteroffer" if job.counter else job.company


def others_in_order(offer: Offer, open_offers: Iterable[Offer]) -> list[Offer]:
    """The other open offers `offer` is compared with: those of the other kind first (a
    counteroffer against the outside offers), then the rest, each by received date."""
    others = [o for o in open_offers if o.id != offer.id]
    return sorted(
        others,
        key=lambda o: (o.counter == offer.counter, o.received or dt.date.min, len(o.id), o.id),
    )


def compare_all(
    open_offers: Sequence[Offer], current: CurrentJob | None
) -> dict[str, list[Versus]]:
    """Every open offer against every other open offer, then against the current job."""
    sums = {o.id: totals(o) for o in open_offers}
    now = totals(current) if current is not None else None
    out: dict[str, list[Versus]] = {}
    for offer in open_offers:
        mine = sums[offer.id]
        row = [
            versus(mine, sums[o.id], o.id, (job_name(offer), job_name(o)))
            for o in others_in_order(offer, open_offers)
        ]
        if now is not None and current is not None:
            row.append(versus(mine, now, CURRENT_JOB_ID, (job_name(offer), job_name(current))))
        out[offer.id] = row
    return out


def pairs(open_offers: Sequence[Offer]) -> list[tuple[Offer, Offer]]:
    """Each pair of open offers once, to show: every counteroffer against every outside
    offer first (the counteroffer first in the pair), then outside offers against each
    other, then counteroffers against each other."""
    counters = [o for o in open_offers if o.counter]
    outside = [o for o in open_offers if not o.counter]
    out = [(c, o) for c in counters for o in outside]
    for group in (outside, counters):
        out += [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
    return out


def versus_words(v: Versus) -> str:
    """A comparison in words: 'base -7,000 · year one -31,000 · four years -94,000', with
    'unknown' where a side is missing a figure."""
    parts = []
    for name, label in (("base", "base"), ("total_year1", "year one"), ("total_4y", "four years")):
        value = getattr(v, name)
        parts.append(f"{label} {signed(value) if value is not None else 'unknown'}")
    text = " · ".join(parts)
    if None in (v.base, v.total_year1, v.total_4y) and v.missing:
        text += f" ({'; '.join(v.missing)})"
    return text
