"""The walk-away point: an ask's floor checked against every open offer.

A floor (`records.Floor`) says an offer must pay at least `amount` in `field` (base,
bonus, or one of the totals of offer_totals.py). Against one offer it is:

- **met** (True) when the figure is at least the amount: also when the total is missing
  a figure, since the known figures alone reach it (no figure is negative);
- **not met** (False) when the figure is complete and below the amount;
- **unknown** (None) when the figure is unknown, or incomplete and below the amount.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .offer_totals import INPUT_WORDS, TOTAL_WORDS, Totals
from .records import Ask, Floor, Offer


def floor_met(floor: Floor, t: Totals) -> bool | None:
    """Whether a job with totals `t` meets `floor` (None: can't tell)."""
    value = t.value(floor.field)
    if value is None:
        return None
    if value >= floor.amount:
        return True
    return False if t.complete(floor.field) else None


def floor_words(floor: Floor) -> str:
    """A floor in words: 'base 140,000', 'year one in total 180,000'."""
    return f"{TOTAL_WORDS[floor.field]} {floor.amount:,}"


def offer_words(offer: Offer) -> str:
    """'The counteroffer' or "Northwind Labs' offer", to start a sentence."""
    return "The counteroffer" if offer.counter else f"{possessive(offer.company)} offer"


def possessive(name: str) -> str:
    """ "Maya's", "Northwind Labs'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def verdict_words(floor: Floor, offer: Offer, t: Totals, met: bool | None) -> str:
    """One plain sentence: 'The counteroffer does not meet your floor: base 135,000 <
    140,000.', '... meets your floor: base 142,000 ≥ 140,000.', or "... can't tell: ..."."""
    who = offer_words(offer)
    name = TOTAL_WORDS[floor.field]
    value = t.value(floor.field)
    if met is True:
        return f"{who} meets your floor: {name} {t.words(floor.field)} ≥ {floor.amount:,}."
    if met is False:
        assert value is not None
        return f"{who} does not meet your floor: {name} {value:,} < {floor.amount:,}."
    missing = ", ".join(INPUT_WORDS[i] for i in t.missing(floor.field)) + " unknown"
    if value is None:
        return f"{who}: can't tell if it meets your floor of {floor.amount:,} ({missing})."
    return (
        f"{who}: can't tell if it meets your floor: {name} at least {value:,} of "
        f"{floor.amount:,} ({missing})."
    )


@dataclass(frozen=True)
class FloorCheck:
    """One ask's floor against every open offer: offer id -> met (None: can't tell)."""

    ask: Ask
    floor: Floor
    met_by: dict[str, bool | None]
    sentences: dict[str, str]
    """Offer id -> the verdict in one sentence."""

    def not_met(self) -> list[str]:
        """The ids of the offers that do not meet the floor."""
        return [oid for oid, met in self.met_by.items() if met is False]


def check_floors(
    asks: Sequence[Ask], open_offers: Sequence[Offer], sums: Mapping[str, Totals]
) -> list[FloorCheck]:
    """Every floor of an ask not dropped, against every open offer (`sums`: their totals),
    the counteroffers first."""
    offers = sorted(open_offers, key=lambda o: (not o.counter, len(o.id), o.id))
    out = []
    for ask in asks:
        if ask.floor is None or ask.status == "dropped":
            continue
        met = {o.id: floor_met(ask.floor, sums[o.id]) for o in offers}
        said = {o.id: verdict_words(ask.floor, o, sums[o.id], met[o.id]) for o in offers}
        out.append(FloorCheck(ask, ask.floor, met, said))
    return out


def floor_doc(check: FloorCheck | None, ask: Ask) -> dict[str, Any]:
    """The JSON of an ask's floor: {floor: {field, amount} | null, met_by: {id: bool|null}}."""
    if ask.floor is None:
        return {"floor": None, "met_by": {}}
    floor = {"field": ask.floor.field, "amount": ask.floor.amount}
    return {"floor": floor, "met_by": dict(check.met_by) if check else {}}
