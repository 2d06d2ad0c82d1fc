"""The built-in demo journal: a believable year, with dates relative to today.

A product designer, a year into the job, was given the design review and the component
library, had both taken back after pushback from the team, and has had only verbal
reassurances since. An outside offer has arrived in writing with a deadline close; a
counteroffer is on the way, so far only in words, and its written form is promised for
the day after the outside offer expires. Every flag shows. Their wins back two of their
three asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .journal import Journal

MANAGER = "Maya Chen"
SKIP = "Robert Osei"
HR = "Priya Nair"
RECRUITER = "Tom Reyes"
EMPLOYER = "Halden & Co"
OUTSIDE = "Northwind Labs"


def write_demo(path: Path, today: dt.date) -> Journal:
    """Write the demo journal to `path` (which must not exist yet) and return it open."""
    j = Journal(path, today=today, backups=0)

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def later(days: int) -> dt.date:
        return today + dt.timedelta(days=days)

    with j.storage.transaction():
        j.add_person(
            MANAGER, "manager", "My manager since I joined. Kind, avoids conflict.", EMPLOYER
        )
        j.add_person(SKIP, "skip-level", "Head of Product; Maya's manager.", EMPLOYER)
        j.add_person(HR, "hr", "HR business partner for Product.", EMPLOYER)
        j.add_person(RECRUITER, "recruiter", "Northwind Labs, in-house recruiter.", OUTSIDE)
        j.set_current_job(
            company="Halden & Co",
            role="Product Designer II",
            base=118_000,
            bonus=6_000,
            equity_value=0,
            benefits=5_000,
            terms="Hybrid, 3 days in office",
        )

        c = j.add_conversation(
            [MANAGER],
            "First-year review: promotion to Designer II",
            on=ago(330),
            channel="one-on-one",
            tags=["review", "pay"],
            notes="Maya: strong first months, planning work noticed upstairs.\n"
            "Promotion letter to follow from HR.",
        )
        p = j.add_promise(
            "Promotion to Designer II, effective the first of next month",
            MANAGER,
            conversation=c.id,
            form="official",
            evidence="Promotion letter, signed",
            due=ago(310),
            category="title",
        )
        j.update_promise(p.id, status="honored", on=ago(312))

        c = j.add_conversation(
            [MANAGER],
            "Asked to run the design review and own the component library",
            on=ago(240),
            channel="one-on-one",
            tags=["leadership"],
        )
        p = j.add_promise(
            "Run the weekly design review and own the component library",
            MANAGER,
            conversation=c.id,
            due=ago(225),
            category="leadership",
        )
        j.update_promise(p.id, status="honored", on=ago(228))
        j.update_promise(p.id, status="withdrawn", on=ago(150))

        c = j.add_conversation(
            [HR],
            "Mid-year salary review",
            on=ago(200),
            channel="meeting",
            tags=["pay"],
        )
        p = j.add_promise(
            "Market adjustment at the mid-year review",
            HR,
            conversation=c.id,
            form="written",
            evidence="Email: Mid-year review outcome",
            due=ago(120),
            category="pay",
        )
        j.update_promise(p.id, status="partly", on=ago(118))
        p = j.add_promise(
            "Conference budget for the spring design summit",
            HR,
            conversation=c.id,
            form="written",
            evidence="Email: Training budget 2026",
            due=ago(110),
            category="growth",
        )
        j.update_promise(p.id, status="broken", on=ago(100))

        j.add_conversation(
            [MANAGER],
            "Design review lead taken back after pushback from two seniors",
            on=ago(150),
            channel="one-on-one",
            tags=["leadership", "pushback"],
            notes="Maya says two senior designers felt 'the new person' was in charge.\n"
            "She is taking the review back 'for now' and keeping me on as a reviewer.\n"
            "I said I was disappointed and asked what would need to change.",
        )

        c = j.add_conversation(
            [MANAGER],
            "Asked when the review lead comes back",
            on=ago(120),
            channel="one-on-one",
            tags=["leadership"],
        )
        j.add_promise(
            "Give the design review lead back; we'll see, down the road",
            MANAGER,
            conversation=c.id,
            category="leadership",
        )

        c = j.add_conversation(
            [SKIP],
            "Skip-level: input on planning next half",
            on=ago(90),
            channel="meeting",
            tags=["planning"],
        )
        p = j.add_promise(
            "A seat in the quarterly planning meetings",
            SKIP,
            conversation=c.id,
            due=ago(60),
            category="responsibility",
        )
        j.update_promise(p.id, due=ago(30), on=ago(60))
        j.update_promise(p.id, due=later(10), on=ago(30))

        c = j.add_conversation(
            [HR],
            "Asked for the Lead Designer salary band",
            on=ago(60),
            channel="email",
            tags=["pay"],
        )
        p = j.add_promise(
            "Send the Lead Designer salary band in writing",
            HR,
            conversation=c.id,
            form="written",
            evidence="Email: Re: salary bands",
            due=ago(45),
            category="pay",
        )
        j.update_promise(p.id, status="honored", on=ago(41))

        c = j.add_conversation(
            [MANAGER],
            "Component library ownership",
            on=ago(45),
            channel="one-on-one",
            tags=["leadership"],
        )
        j.add_promise(
            "Announce me as component library owner in the team update",
            MANAGER,
            conversation=c.id,
            due=ago(20),
            category="responsibility",
        )

        c = j.add_conversation(
            [RECRUITER],
            "Northwind Labs: written offer received",
            on=ago(9),
            channel="email",
            tags=["offer"],
        )
        j.add_offer(
            "Northwind Labs",
            "Senior Product Designer, team lead",
            base=142_000,
            bonus=10_000,
            sign_on=10_000,
            equity="0.05% over 4 years",
            equity_value=40_000,
            benefits=7_000,
            terms="Hybrid, 2 days in office",
            received=ago(9),
            deadline=later(2),
            written=True,
            conversation=c.id,
        )

        c = j.add_conversation(
            [MANAGER],
            "Told Maya about the outside offer",
            on=ago(7),
            channel="one-on-one",
            tags=["offer", "counteroffer"],
            notes="She was surprised, asked for a few days to talk to Robert.",
        )
        p = j.add_promise(
            "Counteroffer in writing by the end of next week",
            MANAGER,
            conversation=c.id,
            due=later(3),
            category="pay",
        )
        j.set_forms([p.id], "recap-sent", on=ago(6))
        match = j.add_promise(
            "I'll try to get the raise to match Northwind",
            MANAGER,
            conversation=c.id,
            category="pay",
        )

        c = j.add_conversation(
            [MANAGER, SKIP],
            "Verbal counteroffer: Lead Designer title and a raise",
            on=ago(1),
            channel="call",
            tags=["counteroffer"],
        )
        j.add_offer(
            "Halden & Co",
            "Lead Designer",
            base=135_000,
            bonus=8_000,
            sign_on=0,
            equity_value=0,
            benefits=5_000,
            terms="Title change 'as soon as the reorg settles'",
            received=ago(1),
            deadline=later(6),
            counter=True,
            conversation=c.id,
        )
        j.add_promise(
            "Title change to Lead Designer, announced to the team",
            SKIP,
            conversation=c.id,
            due=later(14),
            category="title",
        )
        planning = j.add_promise(
            "Lead the Q1 planning, announced at the all-hands",
            MANAGER,
            conversation=c.id,
            category="leadership",
        )

        j.add_ask(
            "Lead the Q1 planning, announced to the team",
            measure="Named as planning lead in the all-hands notes and on the team page",
            target=later(30),
            priority="high",
            promises=[planning.id],
        )
        j.add_ask(
            "Base pay of at least 140,000 in the contract",
            measure="Signed contract amendment with the new base",
            floor="base=140000",
            target=later(14),
            priority="high",
            promises=[match.id],
        )
        j.add_ask("More influence on design", priority="medium")
        _add_wins(j, ago)
    _attach_offer_letter(j, today)
    j._undo.clear()
    return j


# -- the offer letter, kept with the outside offer (issue 15) -----------------------------

OFFER_LETTER = """Northwind Labs
Offer of employment

Dear candidate,

We are pleased to offer you the position of Senior Product Designer, team lead,
at a base salary of 142,000 a year, a target bonus of 10,000 and a sign-on bonus
of 10,000, with 0.05% equity vesting over 4 years (1-year cliff).

Please let us know your decision by {deadline}.

Tom Reyes, for Northwind Labs
"""


def _attach_offer_letter(j: Journal, today: dt.date) -> None:
    """Keep the outside offer's letter with it, as the user would (no decision yet)."""
    import tempfile

    from .attachments import attach

    offer = next(o for o in j.offers.values() if o.company == OUTSIDE)
    deadline = (offer.deadline or today).isoformat()
    with tempfile.TemporaryDirectory(prefix="leverage-demo-letter-") as folder:
        letter = Path(folder) / "northwind-offer-letter.txt"
        letter.write_text(OFFER_LETTER.format(deadline=deadline), encoding="utf-8")
        attach(j, offer.id, letter, note="the written offer, as emailed by Tom")


# -- wins: the designer's own evidence, linked to the asks above (a1, a2) ------------------


def _add_wins(j: Journal, ago: Callable[[int], dt.date]) -> None:
    """The designer's wins; the last is 10 days old (no nudge), the vague ask has none."""
    j.add(
        "win",
        text="Ran the weekly design review for three months",
        on=ago(160),
        impact="review backlog down from 14 items to 3",
        evidence="Email: Design review retro",
        tags=("leadership",),
        asks=("a1",),
    )
    j.add(
        "win",
        text="Shipped the component library 1.0 to all four product teams",
        on=ago(75),
        impact="UI bugs reported down 30% in a quarter",
        evidence="Dashboard: component adoption",
        tags=("craft",),
        asks=("a2",),
    )
    j.add(
        "win",
        text="Wrote the design section of the H1 plan, adopted as written",
        on=ago(40),
        evidence="File: H1-plan-design.pdf",
        tags=("planning",),
        asks=("a1",),
    )
    j.add(
        "win",
        text="Mentored the two new designers through their first launch",
        on=ago(10),
        impact="both shipped on time",
        evidence="Email: thanks from Priya",
        tags=("mentoring",),
    )
