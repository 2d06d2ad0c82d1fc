"""Recap messages say only what is true: each promise verbatim and attributed, hedges as
questions, follow-ups for old conversations, missed dates named, unanswered recaps asked
again; and the two offer messages (in writing, more time)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.checks import InputError
from leverage_tui.core.config import load_config
from leverage_tui.core.demo import write_demo
from leverage_tui.core.journal import Journal
from leverage_tui.core.offer_messages import (
    default_new_date,
    more_time,
    offer_in_writing,
    offers_discussed,
    people_for_offer,
)
from leverage_tui.core.recap import (
    NEXT_STEP,
    Recap,
    recap_for,
    recap_promises,
    short_names,
    write_recap,
)
from leverage_tui.core.records import Change, Conversation, Offer, Promise

TODAY = date(2026, 11, 23)  # a Monday


def conversation(
    on: date = date(2026, 11, 20), people: tuple[str, ...] = ("Sybil Vane",), channel: str = "call"
) -> Conversation:
    return Conversation(
        id="c1", on=on, people=list(people), summary="private note", channel=channel
    )


def promise(text: str, by: str = "Sybil Vane", **fields: object) -> Promise:
    values: dict[str, object] = {"id": "p1", "made_on": date(2026, 11, 20), **fields}
    return Promise(text=text, by=by, **values)  # type: ignore[arg-type]


def recap(*promises: Promise, **options: object) -> Recap:
    conv = options.pop("conv", None) or conversation()
    return write_recap(conv, promises, today=TODAY, **options)  # type: ignore[arg-type]


# -- the words of each promise, exactly as said --------------------------------------------


@pytest.mark.parametrize(
    ("text", "by", "due", "line"),
    [
        (
            "You'll lead the Q3 planning, and I'll tell the team",
            "Sybil Vane",
            date(2026, 12, 4),
            "- Sybil: \"You'll lead the Q3 planning, and I'll tell the team\", "
            "by Friday 4 December 2026\n",
        ),
        (
            "Put the architecture sync under you",
            "Sybil Vane",
            date(2026, 12, 1),
            '- Sybil: "Put the architecture sync under you", by Tuesday 1 December 2026\n',
        ),
        (
            "Lead the Q1 planning",
            "Maya Chen",
            None,
            '- Maya: "Lead the Q1 planning" — could we agree a date?\n',
        ),
        (
            "Title change to Lead Designer",
            "Robert Osei",
            date(2026, 12, 7),
            '- Robert: "Title change to Lead Designer", by Monday 7 December 2026\n',
        ),
        (
            "Robert signed off: 8% raise from 1 January",
            "Maya Chen",
            date(2027, 1, 1),
            '- Maya: "Robert signed off: 8% raise from 1 January", by Friday 1 January 2027\n',
        ),
    ],
)
def test_the_failing_examples_of_issue_12_appear_verbatim_and_attributed(
    text: str, by: str, due: date | None, line: str
) -> None:
    conv = conversation(people=("Maya Chen", "Robert Osei", "Sybil Vane"))
    message = recap(promise(text, by, due=due), conv=conv).text
    assert line in message
    assert "agreed" not in message
    assert message.count(text) == 1


def test_a_recap_soon_after_the_conversation_reads_in_full() -> None:
    made = {"made_on": date(2026, 11, 20)}
    r = recap(
        promise("Announce me as planning lead", due=date(2026, 12, 4), **made),
        promise("We'll see what we can do about the title", id="p2", **made),
        promise("Written one", id="p3", form="written", **made),
        user_name="Alex Kim",
    )
    assert r == Recap(
        subject="Recap of our call on 20 November 2026",
        body=(
            "Hi Sybil,\n"
            "\n"
            "Thanks for the call on Friday. So that we're working from the same notes, here "
            "is what I wrote down:\n"
            "\n"
            '- Sybil: "Announce me as planning lead", by Friday 4 December 2026\n'
            '- Sybil: "We\'ll see what we can do about the title" — could we agree a date, '
            "and what needs to be true?\n"
            "\n"
            f"{NEXT_STEP}\n"
            "\n"
            "Best,\n"
            "Alex Kim\n"
        ),
        promises=("p1", "p2"),
        kind="recap",
    )
    assert r.text == f"Subject: {r.subject}\n\n{r.body}"
    assert "private note" not in r.text  # the summary is the user's own, never sent
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.kind = "follow-up"  # type: ignore[misc]


# each example compiles the rules anew for its random phrases (~0.1 s): fewer examples
@settings(max_examples=120, deadline=None)
@given(
    text=st.text(max_size=200),
    by=st.text(min_size=1, max_size=40),
    due=st.none() | st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    hedges=st.lists(st.text(min_size=1, max_size=12), max_size=3),
)
def test_any_promise_text_appears_exactly_as_said(
    text: str, by: str, due: date | None, hedges: list[str]
) -> None:
    r = recap(promise(text, by, due=due), hedges=hedges)
    assert f'"{text}"' in r.body
    assert r.promises == ("p1",)


# -- hedges are questions ------------------------------------------------------------------


def test_a_hedge_is_a_question_never_an_agreement() -> None:
    text = recap(promise("I'll try to get the budget", due=date(2026, 12, 4))).body
    assert (
        '- Sybil: "I\'ll try to get the budget", by Friday 4 December 2026 — could we make '
        "this firm, and what needs to be true by then?\n"
    ) in text


def test_the_hedges_given_are_the_ones_used() -> None:
    # the user's own phrases add to the built-in ones
    said = promise("Title change with the new structure")
    assert "what needs to be true" not in recap(said, hedges=()).body
    assert (
        '"Title change with the new structure" — could we agree a date, and what needs to be '
        "true?\n"
    ) in recap(said, hedges=("with the new structure",)).body
    # a built-in one is a question without being listed
    settles = promise("Title change once the reorg settles")
    assert "what needs to be true" in recap(settles, hedges=()).body


# -- dates: missed, asked for, follow-ups ----------------------------------------------------


def test_a_past_due_date_is_named_as_missed() -> None:
    text = recap(promise("Announce me", due=date(2026, 11, 20))).body
    assert (
        '- Sybil: "Announce me", was due Friday 20 November 2026 — as far as I know it '
        "hasn't happened yet; could we agree a new date?\n"
    ) in text
    assert "by Friday 20 November" not in text


def test_a_missed_hedge_asks_for_a_new_date_and_what_needs_to_be_true() -> None:
    text = recap(promise("Maybe a raise", due=date(2026, 11, 1))).body
    assert "was due Sunday 1 November 2026" in text
    assert text.count("could we agree a new date, and what needs to be true?") == 1


@pytest.mark.parametrize(
    ("days", "kind", "thanks"),
    [
        (0, "recap", "Thanks for the call today."),
        (1, "recap", "Thanks for the call yesterday."),
        (3, "recap", "Thanks for the call on Friday."),
        (7, "recap", "Thanks for the call on 16 November 2026."),
        (8, "follow-up", "Thanks again for making the time for our call on 15 November 2026. "),
        (45, "follow-up", "Thanks again for making the time for our call on 9 October 2026. "),
    ],
)
def test_an_old_conversation_gets_a_follow_up(days: int, kind: str, thanks: str) -> None:
    on = TODAY - timedelta(days=days)
    r = recap(promise("Announce me", made_on=on), conv=conversation(on=on))
    assert r.kind == kind
    assert thanks in r.body
    if kind == "follow-up":
        assert r.subject == f"Following up on our call on {on.day} {on:%B} 2026"
        assert "I'm following up so that we're working from the same notes" in r.body
    else:
        assert r.subject == f"Recap of our call on {on.day} {on:%B} 2026"


@pytest.mark.parametrize(
    ("channel", "noun"),
    [("one-on-one", "one-on-one"), ("email", "email exchange"), ("other", "conversation")],
)
def test_the_conversation_is_named_by_its_channel(channel: str, noun: str) -> None:
    r = recap(promise("Announce me"), conv=conversation(channel=channel))
    assert r.subject == f"Recap of our {noun} on 20 November 2026"


# -- greeting and sign-off -------------------------------------------------------------------


def test_the_greeting_names_everyone_by_first_name_unless_two_share_it() -> None:
    conv = conversation(people=("Maya Chen", "Robert Osei", "Maya Lind"))
    r = recap(promise("Lead the Q1 planning", "Maya Chen"), conv=conv)
    assert r.body.startswith("Hi Maya Chen, Robert and Maya Lind,\n\n")
    assert '- Maya Chen: "Lead the Q1 planning"' in r.body
    assert short_names(["Ana B", "Ana B", "Bo"]) == {"Ana B": "Ana", "Bo": "Bo"}


def test_the_sign_off_uses_the_name_or_stands_alone() -> None:
    assert recap(promise("x"), user_name="Alex Kim").body.endswith("\n\nBest,\nAlex Kim\n")
    assert recap(promise("x"), user_name="  ").body.endswith(f"{NEXT_STEP}\n\nBest,\n")


def test_a_promise_made_by_someone_absent_is_still_theirs() -> None:
    assert '- Hal: "Budget approved"' in recap(promise("Budget approved", "Hal Jordan")).body


# -- unanswered recaps are asked again ---------------------------------------------------------


def sent(on: date, **fields: object) -> Promise:
    history = [Change(field="form", old="verbal", new="recap-sent", on=on)]
    return promise("Announce me", form="recap-sent", history=history, **fields)


def test_an_unanswered_recap_is_asked_again_after_the_wait() -> None:
    r = recap(sent(date(2026, 11, 20), due=date(2026, 12, 4)))
    assert r.kind == "ask-again" and r.promises == ("p1",)
    assert r.subject == "Following up on my recap of our call on 20 November 2026"
    assert (
        "I sent a short recap of it on 20 November 2026, and as far as I can see it hasn't "
        "been confirmed yet, so here it is again:\n\n"
        '- Sybil: "Announce me", by Friday 4 December 2026\n'
    ) in r.body


def test_the_wait_is_a_parameter_and_a_recent_recap_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="the recap of p1 is recent; .* from 27 November 2026"):
        recap(sent(date(2026, 11, 21)), wait_days=6)
    assert recap(sent(date(2026, 11, 21)), wait_days=2).kind == "ask-again"


def test_a_recap_sent_with_no_recorded_date_counts_from_when_it_was_made() -> None:
    p = promise("Announce me", form="recap-sent", made_on=date(2026, 11, 2))
    assert "I sent a short recap of it earlier," in recap(p).body


def test_new_verbal_promises_and_unanswered_ones_go_in_one_recap() -> None:
    r = recap(sent(date(2026, 11, 17)), promise("Lead Q1", id="p2", due=date(2026, 12, 1)))
    assert r.kind == "recap" and r.promises == ("p2", "p1")
    assert (
        '- Sybil: "Lead Q1", by Tuesday 1 December 2026\n\n'
        "And from the recap I sent on 17 November 2026, which as far as I can see hasn't "
        'been confirmed yet:\n\n- Sybil: "Announce me"'
    ) in r.body


def test_resolved_and_written_promises_are_not_recapped() -> None:
    with pytest.raises(InputError, match="c1 has no pending promise that is only verbal"):
        recap(promise("Kept", status="honored"), promise("Done", id="p2", form="written"))


# -- offers in a recap -------------------------------------------------------------------------

COUNTER = Offer(
    id="o2",
    company="Halden & Co",
    role="Lead Designer",
    base=135_000,
    bonus=8_000,
    equity="",
    terms="Title change once the reorg settles",
    deadline=date(2026, 11, 29),
    counter=True,
)


def test_an_unwritten_offer_is_listed_and_asked_for_in_writing() -> None:
    outside = Offer(id="o1", company="Northwind", role="Senior", written=True)
    r = recap(promise("Announce me"), offers=[COUNTER, outside], hedges=("once the reorg settles",))
    assert r.offers == ("o2",)
    assert (
        "The counteroffer, as I understood it:\n\n"
        "- Role: Lead Designer\n"
        "- Base pay: 135,000\n"
        "- Bonus: 8,000\n"
        "- Terms: Title change once the reorg settles — could we put a date on this, and "
        "what needs to be true?\n"
        "- Answer by: Sunday 29 November 2026\n\n"
        "I'd be grateful to have the counteroffer in writing"
    ) in r.body
    assert "Northwind" not in r.body


def test_an_offer_alone_is_enough_for_a_recap() -> None:
    r = recap(offers=[COUNTER])
    assert (r.promises, r.offers, r.kind) == ((), ("o2",), "recap")
    assert "Thanks for the call on Friday.\n\nThe counteroffer" in r.body


# -- the journal-level entry point and the demo ------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> Journal:
    return write_demo(tmp_path / "demo.json", TODAY)


def test_recap_for_reads_the_journal(demo: Journal) -> None:
    r = recap_for(demo, "C11", offers=offers_discussed(demo, "c11"), user_name="Jo")
    assert r.kind == "recap" and r.offers == ("o2",)
    assert [p.id for p in recap_promises(demo, "c11")] == list(r.promises)
    with pytest.raises(InputError, match="no conversation"):
        recap_for(demo, "c99")


def test_the_demo_recaps_quote_every_promise_exactly(demo: Journal) -> None:
    for cid in ("c5", "c6", "c8", "c10", "c11"):
        r = recap_for(demo, cid, offers=offers_discussed(demo, cid))
        for pid in r.promises:
            p = demo.promises[pid]
            assert f'- {p.by.split()[0]}: "{p.text}"' in r.body
        assert "agreed" not in r.text


def test_the_demo_c10_recap_covers_the_new_hedge_and_asks_again(demo: Journal) -> None:
    r = recap_for(demo, "c10")
    texts = [demo.promises[i].text for i in r.promises]
    assert texts == [
        "I'll try to get the raise to match Northwind",
        "Counteroffer in writing by the end of next week",
    ]


def test_offers_go_only_to_the_side_that_made_them(demo: Journal) -> None:
    assert [o.id for o in offers_discussed(demo, "c11")] == ["o2"]  # the counteroffer call
    assert [o.id for o in offers_discussed(demo, "c9")] == ["o1"]  # the recruiter
    assert offers_discussed(demo, "c10") == []
    assert people_for_offer(demo, demo.offers["o1"]) == ["Tom Reyes"]
    assert people_for_offer(demo, demo.offers["o2"]) == ["Maya Chen", "Robert Osei"]


# -- offer messages ------------------------------------------------------------------------------


def test_offer_in_writing_lists_what_was_said_and_what_the_letter_needs() -> None:
    message = offer_in_writing(
        msgspec.structs.replace(COUNTER, bonus=None), "Alex", TODAY, to=["Maya Chen"]
    )
    assert message.subject == "Putting the counteroffer in writing"
    assert message.body == (
        "Hi Maya,\n"
        "\n"
        "Thank you for the counteroffer. So that I can consider it properly, could you send it "
        "to me in writing? An updated offer letter or an email is fine.\n"
        "\n"
        "As I understood it:\n"
        "\n"
        "- Role: Lead Designer\n"
        "- Base pay: 135,000\n"
        "- Terms: Title change once the reorg settles — could we put a date on this, and what "
        "needs to be true?\n"
        "\n"
        "It would help if it also included:\n"
        "\n"
        "- the bonus\n"
        "- any other figures or terms (equity, sign-on, the date of the next pay review)\n"
        "- the date it takes effect\n"
        "- how and when it will be announced to the team\n"
        "\n"
        "I'd like to give you my answer by Sunday 29 November 2026, so having it in writing "
        "before then would help.\n"
        "\n"
        "Thanks,\n"
        "Alex\n"
    )


def test_offer_in_writing_for_an_outside_offer_asks_for_the_start_date() -> None:
    outside = Offer(id="o1", company="Northwind", role="Senior", deadline=date(2026, 11, 1))
    body = offer_in_writing(outside, "", TODAY).body
    assert body.startswith("Hello,\n\nThank you for the offer from Northwind.")
    assert "- the start date\n" in body and "announced" not in body
    assert "answer by" not in body  # the deadline has passed: never promised as ahead
    assert body.endswith("\n\nThanks,\n")


@pytest.mark.parametrize(
    ("change", "error"),
    [({"written": True}, "already in writing"), ({"status": "declined"}, "is declined")],
)
def test_offer_in_writing_refuses_when_there_is_nothing_to_ask(
    change: dict[str, object], error: str
) -> None:
    with pytest.raises(InputError, match=error):
        offer_in_writing(msgspec.structs.replace(COUNTER, **change), "", TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("deadline", "new"),
    [
        (date(2026, 11, 25), date(2026, 12, 2)),  # Wednesday -> Wednesday
        (date(2026, 11, 28), date(2026, 12, 7)),  # Saturday + 7 -> Monday
        (date(2026, 11, 29), date(2026, 12, 7)),  # Sunday + 7 -> Monday
        (date(2026, 11, 1), date(2026, 11, 30)),  # passed: today + 7
    ],
)
def test_the_default_new_date_is_a_week_later_on_a_weekday(deadline: date, new: date) -> None:
    assert default_new_date(deadline, TODAY) == new
    assert new.weekday() < 5


def test_more_time_names_the_deadline_and_the_new_date() -> None:
    offer = Offer(id="o1", company="Northwind", role="Senior", deadline=date(2026, 11, 25))
    message = more_time(offer, "Alex", TODAY, to=["Tom Reyes"])
    assert message.subject == "More time to decide on the offer for the Senior role"
    assert message.body.startswith("Hi Tom,\n\nThank you again for the offer for the Senior role")
    assert (
        "Would it be possible to have until Wednesday 2 December 2026 to decide, instead of "
        "Wednesday 25 November 2026?"
    ) in message.body
    assert message.body.endswith("Thank you for your understanding.\n\nBest,\nAlex\n")
    late = more_time(msgspec.structs.replace(offer, deadline=date(2026, 11, 20)), "", TODAY)
    assert "the date we had set, Friday 20 November 2026, has passed" in late.body


@pytest.mark.parametrize(
    ("change", "new", "error"),
    [
        ({"deadline": None}, None, "has no decision deadline"),
        ({"status": "expired"}, None, "is expired"),
        ({}, date(2026, 11, 25), "must be after Wednesday 25 November 2026"),
        ({"deadline": date(2026, 11, 1)}, date(2026, 11, 23), "must be after Monday 23"),
    ],
)
def test_more_time_refuses_a_date_that_is_no_later(
    change: dict[str, object], new: date | None, error: str
) -> None:
    offer = Offer(id="o1", company="N", role="R", deadline=date(2026, 11, 25))
    with pytest.raises(InputError, match=error):
        more_time(msgspec.structs.replace(offer, **change), "", TODAY, new)  # type: ignore[arg-type]


# -- the settings the recap reads ----------------------------------------------------------------


def test_name_and_recap_wait_days_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('name = "  Alex   Kim "\nrecap_wait_days = 5\n', encoding="utf-8")
    config = load_config(path)
    assert (config.name, config.recap_wait_days, config.warnings) == ("Alex Kim", 5, [])
    path.write_text("name = 3\nrecap_wait_days = true\n", encoding="utf-8")
    config = load_config(path)
    assert (config.name, config.recap_wait_days) == ("", 3)
    assert config.warnings == [
        f"{path}: name must be text; recaps are signed without it",
        f"{path}: recap_wait_days must be a number from 0 to 365; using 3",
    ]
