"""Tests for leverage_tui.core.checks: the one validator every value goes through.

`clean(spec, value)` is tried on fields of every input type (one-line, multi-line,
choice, money), as the registry declares them; the small adapters below give each case
the field it needs.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.checks import BIDI, InputError, clean, field_problem
from leverage_tui.core.records import MONEY_LIMIT, NAME_LIMIT, NOTES_LIMIT, TEXT_LIMIT, Change
from leverage_tui.core.registry import KINDS, FieldSpec


def _text_spec(what: str, *, multiline: bool, limit: int, required: bool) -> FieldSpec:
    limit = limit or (NOTES_LIMIT if multiline else TEXT_LIMIT)
    kind = "notes" if multiline else "line"
    return FieldSpec("f", "f", "F", what, "", kind, required=required, limit=limit, default="")


def clean_text(value: str | None, what: str, *, multiline: bool = False, limit: int = 0) -> Any:
    """A required text field called `what`."""
    return clean(_text_spec(what, multiline=multiline, limit=limit, required=True), value)


def optional_text(value: str | None, what: str, *, multiline: bool = False) -> Any:
    """An optional text field called `what`."""
    return clean(_text_spec(what, multiline=multiline, limit=0, required=False), value)


def choice(value: str, options: tuple[str, ...], what: str) -> Any:
    spec = FieldSpec("f", "f", "F", what, "", "choice", choices=options, default=options[0])
    return clean(spec, value)


def money(value: int | str | None, what: str) -> Any:
    spec = FieldSpec("f", "f", "F", what, "", "money", optional=True, limit=MONEY_LIMIT)
    return clean(spec, value)


# --- clean_text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A raise", "A raise"),
        ("  padded  ", "padded"),
        ("tab\tinside", "tab inside"),
        ("مرحبا، سأرى ما يمكنني فعله", "مرحبا، سأرى ما يمكنني فعله"),  # right-to-left
        ("\u200fשלום\u200e mixed", "\u200fשלום\u200e mixed"),  # direction marks stay
        ("emoji 🎉 and 👩\u200d💻 and 🇫🇷", "emoji 🎉 and 👩\u200d💻 and 🇫🇷"),
        ("combining e\u0301", "combining e\u0301"),
        ("CJK 加薪", "CJK 加薪"),
        ("x" * TEXT_LIMIT, "x" * TEXT_LIMIT),
    ],
)
def test_clean_text_accepts(value: str, expected: str) -> None:
    assert clean_text(value, "text") == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\n\t ", "empty"),
        (None, "empty"),
        ("a\x00b", "control character"),
        ("a\rb", "line break"),
        ("a\nb", "line break"),
        ("a\u2028b", "line break"),
        ("a\u2029b", "line break"),
        ("a\x1b[31mb", "control character"),
        ("a\x7fb", "control character"),
        ("a\x85b", "control character"),
        ("a\ud800b", "control character"),  # a lone surrogate
        ("invoice\u202etxt.exe", "bidirectional-text control (U+202E)"),
        ("a\u2066b\u2069", "bidirectional-text control (U+2066)"),
        ("x" * (TEXT_LIMIT + 1), "too long"),
        ("x" * 1_000_000, "too long"),
    ],
)
def test_clean_text_rejects(value: str | None, words: str) -> None:
    with pytest.raises(InputError) as err:
        clean_text(value, "promise text")
    message = str(err.value)
    assert message.startswith("promise text ")
    assert words in message
    assert "\n" not in message and len(message) < 120


def test_huge_text_message_gives_the_size_not_the_text() -> None:
    with pytest.raises(InputError) as err:
        clean_text("secret" * 200_000, "notes", multiline=True)
    assert "secret" not in str(err.value)
    assert "1,200,000" in str(err.value) and f"{NOTES_LIMIT:,}" in str(err.value)


def test_multiline_keeps_line_breaks_and_tabs() -> None:
    text = "line one\n\tindented\n\nlast"
    assert clean_text(text, "notes", multiline=True) == text


@pytest.mark.parametrize("value", ["one\r\ntwo", "one\rtwo"])
def test_multiline_rejects_carriage_returns_by_name(value: str) -> None:
    # accepted text is stored exactly as typed, so a \r is refused rather than changed;
    # in notes a line break is fine, so the message must not say "line break"
    with pytest.raises(InputError) as err:
        clean_text(value, "notes", multiline=True)
    assert "'\\r'" in str(err.value) and "line break" not in str(err.value)


@pytest.mark.parametrize("value", ["a\x00b", "a\x1bb", "a\u2028b", "x" * (NOTES_LIMIT + 1)])
def test_multiline_still_rejects(value: str) -> None:
    with pytest.raises(InputError):
        clean_text(value, "notes", multiline=True)


def test_custom_limit() -> None:
    assert clean_text("x" * NAME_LIMIT, "name", limit=NAME_LIMIT) == "x" * NAME_LIMIT
    with pytest.raises(InputError, match="at most 120"):
        clean_text("x" * (NAME_LIMIT + 1), "name", limit=NAME_LIMIT)


def test_limit_counts_the_stripped_text() -> None:
    assert clean_text("  " + "x" * TEXT_LIMIT + "  ", "text") == "x" * TEXT_LIMIT


# --- optional_text -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "   ", None, "\t\n"])
def test_optional_text_allows_empty(value: str | None) -> None:
    assert optional_text(value, "evidence") == ""


def test_optional_text_checks_what_is_there() -> None:
    assert optional_text("  email of 3 Nov ", "evidence") == "email of 3 Nov"
    with pytest.raises(InputError, match="evidence contains"):
        optional_text("a\x00", "evidence")
    with pytest.raises(InputError, match="too long"):
        optional_text("x" * (TEXT_LIMIT + 1), "evidence")
    assert optional_text("a\nb", "notes", multiline=True) == "a\nb"


# --- choice ------------------------------------------------------------------------------

FORMS = ("verbal", "recap-sent", "written", "official")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("verbal", "verbal"), ("Written", "written"), ("  OFFICIAL ", "official")],
)
def test_choice_accepts_any_case(value: str, expected: str) -> None:
    assert choice(value, FORMS, "form") == expected


@pytest.mark.parametrize("value", ["spoken", "", "verbal!", "recap sent", "ver\x00bal", "v" * 500])
def test_choice_rejects_and_lists_the_options(value: str) -> None:
    with pytest.raises(InputError) as err:
        choice(value, FORMS, "form")
    message = str(err.value)
    assert message.startswith("unknown form")
    assert "verbal, recap-sent, written, official" in message
    assert "\n" not in message and len(message) < 150


def test_choice_names_nothing_when_empty() -> None:
    with pytest.raises(InputError, match="unknown form nothing"):
        choice("", FORMS, "form")


# --- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (0, 0),
        (120_000, 120_000),
        ("120000", 120_000),
        ("120k", 120_000),
        ("120K", 120_000),
        ("1,000", 1_000),
        ("1_000", 1_000),
        ("$95,000", 95_000),
        ("€80k", 80_000),
        ("£1,200", 1_200),
        (" 42 ", 42),
        (MONEY_LIMIT, MONEY_LIMIT),
        (str(MONEY_LIMIT), MONEY_LIMIT),
        ("1000000000k", MONEY_LIMIT),
    ],
)
def test_money_accepts(value: int | str | None, expected: int | None) -> None:
    assert money(value, "base pay") == expected


@pytest.mark.parametrize(
    "value",
    [
        "lots",
        "12.5",
        "12.5k",
        "-5",
        -5,
        "1e5",
        "k",
        "$",
        "120 000",
        "0x10",
        "9" * 16,  # too many digits
        "9" * 400,  # would be slow to convert
        "9" * 15,  # fits the digits, not the range
        MONEY_LIMIT + 1,
        "1000000001k",
        10**30,
        "²",  # a digit to str.isdigit, not to int()
        "1²k",
    ],
)
def test_money_rejects(value: int | str) -> None:
    with pytest.raises(InputError) as err:
        money(value, "base pay")
    message = str(err.value)
    assert message.startswith("base pay is") and "\n" not in message and len(message) < 150


# --- properties --------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=300), multiline=st.booleans())
def test_clean_text_only_ever_raises_input_error(text: str, multiline: bool) -> None:
    try:
        out = clean_text(text, "text", multiline=multiline)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert out and out == out.strip()
    assert len(out) <= (NOTES_LIMIT if multiline else TEXT_LIMIT)
    allowed = "\n\t" if multiline else ""
    for ch in out:
        assert ch in allowed or unicodedata.category(ch) not in ("Cc", "Cs")
        assert ch not in BIDI
    assert clean_text(out, "text", multiline=multiline) == out  # idempotent


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_optional_text_only_ever_raises_input_error(text: str) -> None:
    try:
        out = optional_text(text, "text")
    except InputError:
        return
    assert out == out.strip()


@settings(max_examples=300, deadline=None)
@given(value=st.text(max_size=30) | st.integers() | st.from_regex(r"[$€£]?[0-9,_]{0,20}[kK]?"))
def test_money_only_ever_raises_input_error(value: str | int) -> None:
    try:
        amount = money(value, "bonus")
    except InputError:
        return
    assert amount is None or 0 <= amount <= MONEY_LIMIT


@settings(max_examples=200, deadline=None)
@given(value=st.text(max_size=40))
def test_choice_only_ever_raises_input_error(value: str) -> None:
    try:
        picked = choice(value, FORMS, "form")
    except InputError:
        return
    assert picked in FORMS and picked == value.strip().lower()


# --- every field, every record, history included (issue 10, item 3) -----------------------


@pytest.mark.parametrize("bad", ["\x1b]0;pwned\x07", "\x1b[31m", "\u202e", "\x9b31m"])
def test_every_text_field_of_every_kind_refuses_escapes_and_bidi(bad: str) -> None:
    for kind in KINDS.values():
        for spec in kind.fields:
            if spec.input not in ("line", "name", "notes"):
                continue
            value = (f"x{bad}y",) if spec.many else f"x{bad}y"
            assert field_problem(spec, value), (kind.name, spec.name)


def test_history_entries_are_checked_too() -> None:
    spec = KINDS["promise"].field("history")
    good = (Change("form", "verbal", "written", dt.date(2026, 1, 1)),)
    assert field_problem(spec, good) is None
    hostile = (Change("form", "verbal\x1b]52;c;cGF5\x07", "written", dt.date(2026, 1, 1)),)
    assert "control character" in str(field_problem(spec, hostile))
    too_old = (Change("form", "verbal", "written", dt.date(1800, 1, 1)),)
    assert "out of range" in str(field_problem(spec, too_old))


# --- the fast check of a loaded file gives the full check's verdict ------------------------


def _tables(**changes: Any) -> dict[str, Any]:
    """A small journal's tables, with one promise and one conversation changed."""
    from msgspec.structs import replace

    from leverage_tui.core.records import Conversation, Person, Promise

    person = Person(id="u1", name="Dana")
    conv = Conversation(id="c1", on=dt.date(2026, 1, 2), people=("Dana",), summary="1:1")
    promise = Promise(id="p1", text="Lead Q3", by="Dana", made_on=dt.date(2026, 1, 2))
    conv_changes = {k[5:]: v for k, v in changes.items() if k.startswith("conv_")}
    promise_changes = {k: v for k, v in changes.items() if not k.startswith("conv_")}
    return {
        "people": {"1": person},
        "conversations": {"1": replace(conv, **conv_changes)},
        "promises": {"1": replace(promise, **promise_changes)},
    }


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"text": "   "},
        {"text": "two\nlines"},
        {"evidence": "a\nb"},
        {"due": dt.date(2300, 1, 1)},
        {"made_on": dt.date(1800, 1, 1)},
        {"conversation": "C1"},
        {"conversation": "c99"},
        {"history": (Change("form", "verbal\nx", "written", dt.date(2026, 1, 1)),)},
        {"history": (Change("form", "verbal", "written", dt.date(1066, 1, 1)),)},
        {"conv_at": "25:00"},
        {"conv_at": "9:30"},
        {"conv_tags": ("two words",)},
        {"conv_tags": ("#hash",)},
        {"conv_summary": ""},
        {"conv_people": ()},
    ],
    ids=lambda c: ",".join(c) or "good",
)
def test_the_fast_check_gives_the_full_checks_verdict(changes: dict[str, Any]) -> None:
    from leverage_tui.core.checks import journal_problems

    tables = _tables(**changes)
    full = journal_problems(tables, fields=True)
    fast = journal_problems(tables, fields=False)
    assert fast == full
    assert bool(full) == bool(changes)  # every change above is a problem


def test_a_bad_key_is_found_by_both_checks() -> None:
    from leverage_tui.core.checks import journal_problems

    tables = _tables()
    tables["promises"] = {"01": tables["promises"]["1"]}
    assert journal_problems(tables, fields=False) == journal_problems(tables, fields=True)
    assert "bad id" in journal_problems(tables)[0]


def test_every_declared_link_is_checked_an_offer_s_conversation_too() -> None:
    """One loop over the registry checks every id a record holds: an offer linked to a
    conversation that is gone is reported (it was not, before the links were declared)."""
    from leverage_tui.core.checks import references
    from leverage_tui.core.records import Ask, Offer, Win

    offer = Offer(id="o1", company="Acme", role="Lead", received=dt.date(2026, 11, 1),
                  conversation="c4")  # fmt: skip
    ask = Ask(id="a1", text="Title", promises=("p9",))
    win = Win(id="w1", on=dt.date(2026, 11, 2), text="Shipped", asks=("a1", "a5"))
    problems = references({"offers": {"1": offer}, "asks": {"1": ask}, "wins": {"1": win}})
    assert sorted(problems) == [
        "a1: names promise 'p9', which is missing",
        "o1: names conversation 'c4', which is missing",
        "w1: names ask 'a5', which is missing",
    ]
