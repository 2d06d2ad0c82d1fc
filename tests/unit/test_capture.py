"""core/capture.py: a captured meeting is checked whole, then saved as one undoable change."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_tui.core.capture import RAISED, Capture, OfferMade, PromiseSaid, capture
from leverage_tui.core.checks import InputError
from leverage_tui.core.journal import Journal

from .conftest import TODAY, days


def _meeting(**changes: object) -> Capture:
    values: dict[str, object] = {
        "people": ("Dana", "Robin Hale"),
        "summary": "Verbal counteroffer: lead title and a raise",
        "on": days(-1),
        "channel": "call",
        "promises": (
            PromiseSaid(
                "Title change to Lead, announced to the team",
                "Robin Hale",
                due=days(14),
                category="title",
            ),  # fmt: skip
            PromiseSaid(
                "Lead the Q1 planning, as soon as the reorg settles", "Dana", category="leadership"
            ),  # fmt: skip
        ),
        "answered": {"a1": (1,)},
        "new_offer": OfferMade("Initech", "Lead", base="135k", deadline=days(6)),
    }
    values.update(changes)
    return Capture(**values)  # type: ignore[arg-type]


def test_capture_adds_everything_linked(journal: Journal) -> None:
    done = capture(journal, _meeting())
    conv = done.conversation
    assert (conv.id, conv.on, conv.people, conv.channel) == (
        "c2",
        days(-1),
        ("Dana", "Robin Hale"),
        "call",
    )
    assert [p.id for p in done.promises] == ["p3", "p4"]
    title, lead = done.promises
    assert (title.by, title.made_on, title.due, title.form, title.conversation) == (
        "Robin Hale",
        days(-1),
        days(14),
        "verbal",
        "c2",
    )
    assert lead.category == "leadership" and lead.due is None
    assert journal.person_named("Robin Hale") is not None  # new people are added
    assert journal.asks["a1"].promises == ("p4",)
    assert done.offer is not None and done.offer.id == "o2"
    assert (done.offer.base, done.offer.received, done.offer.conversation) == (
        135_000,
        days(-1),
        "c2",
    )
    assert done.offer.counter and not done.offer.written
    assert Journal(journal.path).export_data() == journal.export_data()  # saved


def test_one_undo_takes_all_of_it_back(journal: Journal, path: Path) -> None:
    before = journal.export_data()
    capture(journal, _meeting(raised=("a1",)))
    assert journal.undo() == "capture of 'Verbal counteroffer: lead title and a r…'"
    assert journal.export_data()["people"] == before["people"]
    for table in ("conversations", "promises", "asks", "offers", "people"):
        assert journal.export_data()[table] == before[table], table
    assert journal.undo() == "add offer 'Acme'"  # the change before: it was one step


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"summary": ""}, "summary is empty"),
        ({"people": ()}, "at least one person"),
        (
            {"promises": (PromiseSaid("ok", "Dana"), PromiseSaid("", "Dana"))},
            "promise 2: promise text is empty",
        ),  # fmt: skip
        ({"promises": (PromiseSaid("ok", "Dana", form="maybe"),)}, "promise 1: unknown form"),
        ({"answered": {"a1": (5,)}}, "ask a1: there is no promise 6"),
        ({"answered": {"a9": (0,)}}, "no ask with id 'a9'"),
        ({"raised": ("a9",)}, "no ask with id 'a9'"),
        ({"new_offer": OfferMade("Initech", "Lead", base="lots")}, "the offer: base pay"),
        ({"offer_discussed": "o1"}, "not both"),
        ({"new_offer": None, "offer_discussed": "o7"}, "no offer with id 'o7'"),
    ],
)
def test_a_bad_part_changes_nothing(
    journal: Journal, path: Path, changes: dict[str, object], message: str
) -> None:
    before = path.read_bytes()
    with pytest.raises(InputError, match=message):
        capture(journal, _meeting(**changes))
    assert path.read_bytes() == before
    assert len(journal.conversations) == 1 and len(journal.promises) == 2


def test_an_offer_already_in_the_journal_is_linked_to_the_meeting(journal: Journal) -> None:
    done = capture(journal, _meeting(new_offer=None, offer_discussed="o1", promises=(),
                                     answered={}))  # fmt: skip
    assert done.offer is not None and done.offer.id == "o1"
    assert journal.offers["o1"].conversation == done.conversation.id
    assert done.promises == ()


def test_an_ask_raised_with_no_promise_goes_into_the_notes(journal: Journal) -> None:
    second = journal.add_ask("Base pay 140k")
    done = capture(journal, _meeting(notes="She was upbeat.", raised=("a1", second.id),
                                     answered={"a1": (0,)}))  # fmt: skip
    assert done.conversation.notes == "She was upbeat.\n" + RAISED.format(
        text="Base pay 140k", id=second.id
    )
    assert [a.id for a in done.asks] == ["a1"]


def test_the_day_defaults_to_today(journal: Journal) -> None:
    done = capture(journal, Capture(people=("Dana",), summary="Quick chat",
                                    promises=(PromiseSaid("Send the band", "Dana"),)))  # fmt: skip
    assert done.conversation.on == TODAY and done.promises[0].made_on == TODAY
    assert done.offer is None and done.asks == ()
