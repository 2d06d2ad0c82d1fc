"""The decision brief: everything to weigh before accepting (or refusing) a counteroffer.

`build_brief(journal)` gathers, from the record alone: the bottom line (bottom_line.py),
the deadline conflicts (conflicts.py), the offers in total against each other and the
current job (offer_totals.py), the floors checked against every open offer (floors.py),
the track record (and kept/broken by month), every open flag worst first (also grouped
by record, flag_groups.py), each ask with the promises that cover it, what accepting a
counteroffer risks, and the checklist answered from the record.
`brief_markdown(brief)` writes it as a Markdown brief to show a friend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .bottom_line import bottom_line, involved_people, risk_questions
from .chain import current_fingerprint
from .checkins import DEFAULT_DAYS, Stay, brief_sections, since_stayed, stay_doc
from .checklist import (
    FIRM,
    Check,
    active_asks,
    check_deadline,
    check_fixes_why,
    check_in_writing,
    check_verbal_record,
    check_walked_back,
    days,
)
from .conflicts import Conflict, deadline_conflicts, employer_people, promises_around
from .flag_groups import FlagGroup, group_flags
from .flags import RECAP_WAIT_DAYS, Flag, FlagSettings, all_flags
from .floors import FloorCheck, check_floors, floor_doc
from .offer_totals import Totals, Versus, compare_all, totals
from .records import UNWRITTEN_FORMS, Ask, CurrentJob, Offer, Promise
from .registry import CURRENT_JOB_ID
from .show import day_text
from .track import TrackRecord

if TYPE_CHECKING:
    from .journal import Journal

LIVE = ("pending", "honored", "partly")
"""Promise statuses that still answer an ask."""
MONTHS = 12
"""How many months the kept/broken chart covers, ending with today's month."""


@dataclass(frozen=True)
class OfferView:
    """An offer as the brief shows it: days left to decide, how it differs from now, its
    totals (offer_totals.py) and, while open, how it compares with every other open
    offer and the current job (`versus`, empty for a closed offer)."""

    offer: Offer
    days_left: int | None
    differences: list[str]
    totals: Totals | None = None
    versus: tuple[Versus, ...] = ()

    @property
    def sums(self) -> Totals:
        """The offer's totals (computed when not given)."""
        return self.totals if self.totals is not None else totals(self.offer)

    def to_doc(self) -> dict[str, Any]:
        """The JSON form: the offer's fields plus id, days_left, differences, the four
        totals, `unknown` and `versus`."""
        doc: dict[str, Any] = {"id": self.offer.id, **self.offer.to_doc()}
        doc.update(days_left=self.days_left, differences=list(self.differences))
        doc.update(self.sums.to_doc())
        return {**doc, "versus": [v.to_doc() for v in self.versus]}


@dataclass(frozen=True)
class AskCoverage:
    """One ask, the promises linked to it, and how firmly they cover it.

    coverage: granted, in writing, verbal only, broken (every linked promise failed),
    not covered (nothing linked), refused, or dropped.
    """

    ask: Ask
    promises: list[Promise]
    coverage: str
    form: str | None

    def to_doc(self) -> dict[str, Any]:
        """The JSON form of the ask with its coverage and linked promises."""
        linked = [
            {"id": p.id, "text": p.text, "by": p.by, "form": p.form, "status": p.status}
            for p in self.promises
        ]
        doc: dict[str, Any] = {"id": self.ask.id, **self.ask.to_doc(), "promises": linked}
        return {**doc, "coverage": self.coverage, "form": self.form}


@dataclass(frozen=True)
class MonthCount:
    """Promises resolved in one month: kept (honored), partly honored, and broken or
    withdrawn (the words of core/track.py)."""

    month: dt.date
    kept: int
    partly: int
    broken: int


@dataclass
class Brief:
    """Everything the decision brief shows."""

    today: dt.date
    current_job: CurrentJob | None
    offers: list[OfferView]
    track: TrackRecord
    by_month: list[MonthCount]
    flags: list[Flag]
    about: dict[str, str]
    asks: list[AskCoverage]
    checklist: list[Check]
    bottom_line: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    floors: list[FloorCheck] = field(default_factory=list)
    risk_questions: list[str] = field(default_factory=list)
    flag_groups: list[FlagGroup] = field(default_factory=list)
    after: list[tuple[str, list[str]]] = field(default_factory=list)
    """After a decision: the decisions, "Since you stayed" (checkins.py), as lines."""
    stay: Stay | None = None
    fingerprint: str = ""
    """The journal's fingerprint now (chain.py): '' before its chain began."""

    @property
    def open_offers(self) -> list[OfferView]:
        """The open offers, outside offers first."""
        return [v for v in self.offers if v.offer.status == "open"]

    @property
    def current_totals(self) -> Totals | None:
        """The current job's totals, when it is recorded."""
        return totals(self.current_job) if self.current_job is not None else None

    def closed_offers(self, months: int = MONTHS) -> tuple[list[tuple[OfferView, dt.date]], int]:
        """The offers decided or expired in the last `months` months, newest first, with
        the day they were; and how many older ones there are."""
        since = self.today - dt.timedelta(days=months * 365 // 12)
        closed = [(v, decided_on(v.offer)) for v in self.offers if v.offer.status != "open"]
        recent = sorted(
            ((v, d) for v, d in closed if d >= since), key=lambda vd: vd[1], reverse=True
        )
        return recent, len(closed) - len(recent)

    def to_doc(self) -> dict[str, Any]:
        """The JSON form (the numbers of `leverage review --json`)."""
        job = self.current_job
        now = self.current_totals
        floors = {c.ask.id: c for c in self.floors}
        return {
            "today": self.today.isoformat(),
            "bottom_line": list(self.bottom_line),
            "conflicts": [c.to_doc() for c in self.conflicts],
            "current_job": (
                {"id": CURRENT_JOB_ID, **job.to_doc(), **now.to_doc()} if job and now else None
            ),
            "offers": [o.to_doc() for o in self.offers],
            "track_record": self.track.to_doc(),
            "by_month": [
                {
                    "month": m.month.strftime("%Y-%m"),
                    "kept": m.kept,
                    "partly": m.partly,
                    "broken": m.broken,
                }
                for m in self.by_month
            ],
            "flags": [{**f.to_doc(), "about": self.about.get(f.id, "")} for f in self.flags],
            "asks": [{**a.to_doc(), **floor_doc(floors.get(a.ask.id), a.ask)} for a in self.asks],
            "risk_questions": list(self.risk_questions),
            "checklist": [c.to_doc() for c in self.checklist],
            "since_stayed": stay_doc(self.stay),
            "fingerprint": self.fingerprint or None,
        }


def decided_on(offer: Offer) -> dt.date:
    """The day an offer was accepted, declined or expired: its last status change, else
    its deadline, else the day it was received (else the earliest date)."""
    changes = [c.on for c in offer.history if c.field == "status"]
    return max(changes) if changes else offer.deadline or offer.received or dt.date.min


def money(amount: int | None) -> str:
    """An amount as '142,000', or '—' when unknown."""
    return "—" if amount is None else f"{amount:,}"


def _signed(amount: int) -> str:
    return f"+{amount:,}" if amount >= 0 else f"-{-amount:,}"


def differences(offer: Offer, current: CurrentJob | None) -> list[str]:
    """How `offer` differs from the current job, in short phrases; an unknown figure is
    said to be unknown, never taken as zero."""
    out: list[str] = []
    if current is not None:
        if offer.base is not None and current.base is not None:
            change = offer.base - current.base
            pct = f" ({_signed(round(change * 100 / current.base))}%)" if current.base else ""
            out.append(f"base {_signed(change)}{pct}")
        elif offer.base is None:
            out.append("base unknown")
        if offer.bonus is not None and current.bonus is not None:
            out.append(f"bonus {_signed(offer.bonus - current.bonus)}")
        elif offer.bonus is None and current.bonus is not None:
            out.append("bonus unknown")
        elif offer.bonus is not None:
            out.append(f"bonus {offer.bonus:,} (now unknown)")
        if offer.role.strip().casefold() != current.role.strip().casefold():
            out.append(f"title {offer.role} (now {current.role})")
        if offer.equity and offer.equity != current.equity:
            out.append(f"equity {offer.equity}")
    if not offer.written:
        out.append("not in writing")
    return out


def coverage(ask: Ask, promises: dict[str, Promise]) -> AskCoverage:
    """How firmly the promises linked to `ask` cover it."""
    linked = [promises[p] for p in ask.promises if p in promises]
    live = [p for p in linked if p.status in LIVE]
    written = [p for p in live if p.form not in UNWRITTEN_FORMS]
    best = max((p.form for p in live), key=_form_rank, default=None)
    state: str
    if ask.status in ("granted", "refused", "dropped"):
        state = ask.status
    elif written:
        state = "in writing"
    elif live:
        state = "verbal only"
    else:
        state = "broken" if linked else "not covered"
    return AskCoverage(ask, linked, state, best)


def _form_rank(form: str) -> int:
    return ("verbal", "recap-sent", "written", "official").index(form)


def by_month(promises: Iterable[Promise], today: dt.date, months: int = MONTHS) -> list[MonthCount]:
    """Kept, partly kept and broken (or withdrawn) promises per month, for the `months`
    months ending with today's."""
    firsts = []
    year, month = today.year, today.month
    for _ in range(months):
        firsts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    firsts.reverse()
    counts = {m: dict.fromkeys(("honored", "partly", "broken", "withdrawn"), 0) for m in firsts}
    for p in promises:
        if p.status == "pending" or p.status_on is None:
            continue
        in_month = counts.get(p.status_on.replace(day=1))
        if in_month is not None and p.status in in_month:  # released: not kept nor broken
            in_month[p.status] += 1
    return [
        MonthCount(m, c["honored"], c["partly"], c["broken"] + c["withdrawn"])
        for m, c in counts.items()
    ]


def spark(values: Sequence[int], top: int | None = None) -> str:
    """Values as a bar sparkline ('·' for zero), scaled so `top` is a full bar."""
    bars = "▁▂▃▄▅▆▇█"
    top = max([top or 0, *values, 1])
    return "".join("·" if v <= 0 else bars[max(0, -(-v * 8 // top) - 1)] for v in values)


# -- the brief -------------------------------------------------------------------------


def about(journal: Journal, kind: str, rid: str) -> str:
    """Which record a flag is about, its words in full: 'Ria: "Send the band"'."""
    if kind == "promise" and rid in journal.promises:
        p = journal.promises[rid]
        return f'{p.by}: "{p.text}"'
    if kind == "ask" and rid in journal.asks:
        return f'ask: "{journal.asks[rid].text}"'
    if kind == "offer" and rid in journal.offers:
        o = journal.offers[rid]
        return f"{'counteroffer' if o.counter else 'offer'}: {o.company}, {o.role}"
    return rid


def build_brief(
    journal: Journal,
    today: dt.date | None = None,
    hedges: Sequence[str] = (),
    *,
    not_hedges: Sequence[str] = (),
    wait_days: int = RECAP_WAIT_DAYS,
    checkin_days: Sequence[int] = DEFAULT_DAYS,
) -> Brief:
    """The decision brief for `journal` as of `today` (the journal's today by default).

    `hedges` are phrases added to the built-in hedges, `not_hedges` built-in ones taken
    away, `wait_days` how long a recap waits before it is unconfirmed (the user's
    settings). The promises' flags come from the journal's keeper, shared with the app.
    """
    day = today or journal.today
    current = journal.current_job
    offers = sorted(
        journal.offers.values(),
        key=lambda o: (o.status != "open", o.counter, o.received or day, len(o.id), o.id),
    )
    open_offers = [o for o in offers if o.status == "open"]
    compared = compare_all(open_offers, current)
    views = [
        OfferView(
            o,
            (o.deadline - day).days if o.deadline else None,
            differences(o, current),
            totals(o),
            tuple(compared.get(o.id, ())),
        )
        for o in offers
    ]
    promises = list(journal.promises.values())
    track = journal.track_record(day)
    settings = FlagSettings(tuple(hedges), tuple(not_hedges), wait_days)
    flags = all_flags(
        journal, day, hedges, journal.promise_flags(day, settings), not_hedges, wait_days
    )
    asks = [coverage(a, journal.promises) for a in journal.asks.values()]
    about_flags = {f.id: about(journal, f.kind, f.id) for f in flags}
    floors = check_floors(
        list(journal.asks.values()), open_offers, {v.offer.id: v.sums for v in views}
    )
    conflicts = deadline_conflicts(journal, day)
    counters = [o for o in open_offers if o.counter]
    counter_promises = promises_around(journal, counters)
    people = involved_people(
        counters,
        counter_promises,
        {c.id: c.people for c in journal.conversations.values()},
        employer_people(journal, counters),
    )
    live_asks = active_asks(asks)  # the same asks the checklist counts
    stay = since_stayed(journal, day, checkin_days)
    checklist = [
        check_fixes_why(asks),
        check_in_writing(promises, offers),
        check_verbal_record(track, promises, day),
        check_deadline(offers, day),
        check_walked_back(promises),
    ]
    return Brief(
        today=day,
        current_job=current,
        offers=views,
        track=track,
        by_month=by_month(promises, day),
        flags=flags,
        about=about_flags,
        asks=asks,
        checklist=checklist,
        bottom_line=bottom_line(
            day, open_offers, promises, conflicts, floors, track, people, _decided(journal)
        ),
        conflicts=conflicts,
        floors=floors,
        risk_questions=risk_questions(
            counters,
            [o for o in open_offers if not o.counter],
            counter_promises,
            sum(a.coverage not in FIRM for a in live_asks),
            len(live_asks),
        ),
        flag_groups=group_flags(flags, about_flags),
        after=brief_sections(journal, stay),
        stay=stay,
        fingerprint=current_fingerprint(journal.storage.meta),
    )


def _decided(journal: Journal) -> str:
    """The decision that settled whether the user stays or leaves, in words ('')."""
    from .decisions import decision_words, outcome

    result = outcome(journal)
    return decision_words(result.decision, result.offer) if result else ""


def deadline_text(view: OfferView) -> str:
    """'25 Nov 2026 (in 2 days)', '20 Nov 2026 (3 days ago)' or '—'."""
    o = view.offer
    if o.deadline is None or view.days_left is None:
        return "—"
    left = view.days_left
    when = "today" if left == 0 else f"in {days(left)}" if left > 0 else f"{days(-left)} ago"
    return f"{day_text(o.deadline)} ({when})"


def brief_markdown(brief: Brief) -> str:
    """The brief as a readable Markdown document."""
    from .brief_md import render

    return render(brief)
