"""Tests for leverage_tui.core.hedges: the hedge detector, its clause rule, the user's
phrase lists, the questions to ask back, its speed, and its precision and recall on a
labelled corpus (hedge_corpus.tsv: see the comment at its top)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_tui.core.hedge_rules import RULES
from leverage_tui.core.hedges import (
    DEFAULT_HEDGES,
    Hedge,
    _detector,
    _lower,
    find_hedges,
    question_for,
)

CORPUS = Path(__file__).with_name("hedge_corpus.tsv")
KINDS = ("condition", "put-off", "maybe", "vague-time", "effort", "listed")


@dataclass(frozen=True)
class Row:
    """One labelled sentence of the corpus."""

    label: str
    split: str
    text: str


def corpus() -> list[Row]:
    """Every labelled sentence of hedge_corpus.tsv, comments left out."""
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, split, text = line.split("\t")
            rows.append(Row(label, split, text))
    return rows


@dataclass(frozen=True)
class Figures:
    """How the detector does on some rows: counts, precision and recall of "hedge"."""

    caught: int  # hedges flagged
    missed: int  # hedges not flagged
    false_alarms: int  # firm sentences flagged
    left_alone: int  # firm sentences not flagged

    @property
    def precision(self) -> float:
        """Of the sentences flagged, the share that are hedges."""
        return self.caught / (self.caught + self.false_alarms)

    @property
    def recall(self) -> float:
        """Of the hedges, the share flagged."""
        return self.caught / (self.caught + self.missed)


def figures(rows: list[Row]) -> Figures:
    """Run the detector over `rows` and count."""
    flagged = [(row.label, bool(find_hedges(row.text))) for row in rows]
    return Figures(
        caught=flagged.count(("hedge", True)),
        missed=flagged.count(("hedge", False)),
        false_alarms=flagged.count(("firm", True)),
        left_alone=flagged.count(("firm", False)),
    )


# --- the corpus --------------------------------------------------------------------------


def test_the_corpus_is_big_enough_and_well_formed() -> None:
    rows = corpus()
    assert len(rows) >= 150
    assert {r.label for r in rows} == {"hedge", "firm"}
    assert {r.split for r in rows} == {"heldout", "tuning"}
    assert len({r.text for r in rows}) == len(rows)  # no sentence twice
    heldout = [r for r in rows if r.split == "heldout"]
    assert 0.3 <= len(heldout) / len(rows) <= 0.4  # about a third
    for part in (heldout, [r for r in rows if r.split == "tuning"]):
        labels = [r.label for r in part]
        assert labels.count("hedge") >= 20 and labels.count("firm") >= 20


def test_precision_and_recall_on_the_whole_corpus_are_at_least_0_9() -> None:
    found = figures(corpus())
    assert found.precision >= 0.9, found
    assert found.recall >= 0.9, found


def test_the_held_out_part_stays_above_its_measured_floor() -> None:
    # a floor under the figures measured once (precision 1.0, recall 0.84), so that a
    # change of rules cannot quietly lose them; never tune on these sentences
    found = figures([row for row in corpus() if row.split == "heldout"])
    assert found.precision >= 0.9, found
    assert found.recall >= 0.8, found


def test_figures_count_what_they_say() -> None:
    rows = [
        Row("hedge", "tuning", "Maybe next year."),
        Row("hedge", "tuning", "Sure thing."),
        Row("firm", "tuning", "Your raise is approved from 1 April."),
        Row("firm", "tuning", "Probably on 1 April."),
    ]
    found = figures(rows)
    assert found == Figures(caught=1, missed=1, false_alarms=1, left_alone=1)
    assert (found.precision, found.recall) == (0.5, 0.5)


# --- the issue's examples, verbatim ------------------------------------------------------

ISSUE_HEDGES = [
    "hoping",
    "possible",
    "doable",
    "probably",
    "once the team is ready",
    "as soon as the reorg settles",
    "assuming finance signs off",
    "let me talk to HR",
    "it's on my radar",
    "I'll push for",
    "I'll advocate for you",
    "I'll do my best",
    "I'll see what I can do",
]


@pytest.mark.parametrize("text", ISSUE_HEDGES)
def test_the_issues_missed_hedges_are_caught(text: str) -> None:
    assert find_hedges(text)
    assert find_hedges(f"Dana said: {text}.")
    assert find_hedges(text.capitalize() + ", and the team lead role follows.")


@pytest.mark.parametrize(
    "text",
    [
        "The Q3 lead is yours from Monday; we'll circle back in a month",
        "Approved; try to book by Friday",
        "approved; try to book by Friday",
    ],
)
def test_the_issues_firm_examples_are_not_flagged(text: str) -> None:
    assert find_hedges(text) == []


def test_the_demo_counteroffer_terms_are_a_condition() -> None:
    (hedge,) = find_hedges("title change as soon as the reorg settles")
    assert hedge == Hedge(
        words="as soon as the reorg settles",
        kind="condition",
        reason='"as soon as the reorg settles" is a condition, not a date',
    )


# --- one example per default hedge --------------------------------------------------------

EXAMPLES = {
    "as soon as possible": "I'll send it as soon as possible",
    "as soon as": "The title changes as soon as the reorg settles",
    "once": "Once the team is ready, the role is yours",
    "assuming": "Assuming finance signs off, the raise is yours",
    "pending": "Pending approval, you start the new role",
    "subject to": "Subject to approval, the package covers six months",
    "provided": "Provided the numbers hold, you get the bonus",
    "unless": "You get the bonus unless the targets change",
    "until": "Nothing changes until the reorg is done",
    "depends on": "It depends on the funding round",
    "contingent on": "The raise is contingent on the budget",
    "permitting": "Budget permitting, you go to the summit",
    "see what I can do": "I'll see what I can do",
    "if": "If budget allows, you go to the summit",
    "when": "When things calm down, the team is yours",
    "after the": "The promotion goes through after the merger",
    "let's see how": "Let's see how the launch goes",
    "get through": "We need to get through the launch first",
    "keep up the good work": "Keep up the good work and the title is yours",
    "we'll see": "We'll see about a raise",
    "let me talk to": "Let me talk to HR",
    "check with": "I'll check with the director",
    "on my radar": "It's on my radar",
    "circle back": "We'll circle back on compensation",
    "park it": "Let's park the title question",
    "let's talk": "Let's talk about your salary at the review",
    "get back to you": "I'll get back to you on the remote work",
    "look into": "I'm looking into the equity question",
    "raise it with": "I'll raise it with leadership",
    "leave it with me": "Leave it with me",
    "not there yet": "We're not quite there yet",
    "try": "I'll try to get you on the Berlin project",
    "do my best": "I'll do my best to get you the 8%",
    "push for": "I'll push for a promotion",
    "hope": "Hopefully the raise goes through",
    "possible": "A title change is doable",
    "probably": "You'll probably get the bonus",
    "maybe": "Maybe a raise",
    "chances are": "Chances are you'll be promoted",
    "might": "You might get the lead role",
    "I think": "I think the raise is fine",
    "no promises": "No promises on the title",
    "soon": "You'll hear about the title soon",
    "down the road": "Down the road you lead the team",
    "any time but right now": "Any time but right now works for a raise talk",
}


def test_every_default_hedge_has_an_example() -> None:
    assert set(EXAMPLES) == set(DEFAULT_HEDGES)


@pytest.mark.parametrize(("name", "text"), EXAMPLES.items())
def test_each_default_hedge_catches_its_example_and_can_be_removed(name: str, text: str) -> None:
    kind = next(k for k, n, _ in RULES if n == name)
    found = find_hedges(text)
    assert found and {h.kind for h in found} == {kind}
    for removed in (name, name.upper()):
        # its hits go; a broader default may still catch the text ("let's see")
        assert not set(find_hedges(text, removed=[removed])) & set(found)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("I'm hoping to have news", "hoping"),
        ("We hope to make you a lead", "hope"),
        ("It's possible we move you", "possible"),
        ("Possibly a bigger budget", "Possibly"),
        ("It's likely we'll have an opening", "likely"),
        ("We're trying to get the bands updated", "We're trying"),
        ("I will try and find some budget", "I will try"),
    ],
)
def test_word_forms_are_caught(text: str, words: str) -> None:
    assert [h.words for h in find_hedges(text)] == [words]


# --- what a hit says ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "kind", "says"),
    [
        ("Assuming finance signs off, yes", "Assuming finance signs off", "condition",
         "is a condition, not a date"),
        ("Let me check with HR", "Let me check with HR", "put-off", "puts the answer off"),
        ("A raise is probably fine", "probably", "maybe", "is a maybe, not a yes"),
        ("The title comes eventually", "eventually", "vague-time", "is not a date"),
        ("I'll do my best", "do my best", "effort", "promises effort, not a result"),
    ],
)  # fmt: skip
def test_a_hit_names_its_words_kind_and_reason(text: str, words: str, kind: str, says: str) -> None:
    (hedge,) = find_hedges(text)
    assert (hedge.words, hedge.kind, hedge.reason) == (words, kind, f'"{words}" {says}')


@pytest.mark.parametrize("quote", ["'", '"', "\u2019", "\u201d"])
def test_words_stop_before_a_closing_quote(quote: str) -> None:
    # the demo counteroffer's terms, as typed
    (hedge,) = find_hedges(f"Title change {quote}as soon as the reorg settles{quote}")
    assert hedge.words == "as soon as the reorg settles"


def test_words_are_shown_as_written() -> None:
    (hedge,) = find_hedges("WE\u2019LL SEE about it")
    assert hedge.words == "WE\u2019LL SEE"


def test_every_hedge_is_listed_in_order() -> None:
    found = find_hedges("Hopefully soon, once the budget is through")
    assert [(h.words, h.kind) for h in found] == [
        ("Hopefully", "maybe"),
        ("soon", "vague-time"),
        ("once the budget is through", "condition"),
    ]


def test_letters_that_grow_when_lowered_keep_the_words_in_place() -> None:
    text = "\u0130stanbul team: maybe \u0130lker leads it"
    assert len(_lower(text)) == len(text)
    assert [h.words for h in find_hedges(text)] == ["maybe"]


@pytest.mark.parametrize(
    "text",
    [
        "A trying to-do list",
        "Our tryst to the offsite",
        "Maybelline sponsors the offsite",
        "Revisited scope is final",
        "Unhopefully worded but firm",
        "We meet once a week from Monday",
        "A non-maybe answer",
    ],
)
def test_only_whole_words_match(text: str) -> None:
    assert find_hedges(text) == []


# --- the clause rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The raise is approved from 1 April; we'll circle back on the title in June.",
        "Let me check with HR and I'll get back to you by Friday.",
        "I'll let you know by Wednesday whether the band change went through.",
        "You're confirmed as team lead; maybe we can celebrate on Friday.",
        "Once you sign the offer on Friday, you start on 1 March.",
        "When we meet on Thursday I'll hand you the signed letter.",
        "Try the new rota for a week; your move to days is confirmed from the 4th.",
        "I'll try out the new process with you on Monday.",
    ],
)
def test_a_firm_clause_carries_the_sentence(text: str) -> None:
    assert find_hedges(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'll try to get it to you by Friday.",  # the hedge is in the dated clause
        "It's not approved yet; maybe next month.",  # a negated decision is no decision
        "Let me check with HR and get back to you.",  # no clause gives a date
        "If the board agrees on 3 March, the title is yours.",  # "if" is never a time
        "Maybe; Friday.",  # a bare date is not a commitment
    ],
)
def test_a_hedge_stays_without_a_firm_clause(text: str) -> None:
    assert find_hedges(text)


# --- the user's phrases ------------------------------------------------------------------


def test_extra_phrases_add_to_the_defaults() -> None:
    found = find_hedges("Maybe a raise, board willing", extra=["Board Willing"])
    assert [(h.words, h.kind) for h in found] == [("Maybe", "maybe"), ("board willing", "listed")]
    assert found[1].reason == '"board willing" is on your list of hedges'


def test_extra_phrases_are_literal_whole_words() -> None:
    extra = ["a.b", "(tbd)", "lead"]
    assert find_hedges("axb, leader, misleads", extra) == []
    assert [h.words for h in find_hedges("it is a.b", extra)] == ["a.b"]
    assert [h.words for h in find_hedges("raise (tbd)", extra)] == ["(tbd)"]
    assert [h.words for h in find_hedges("you  LEAD  it", ["you lead"])] == ["you  LEAD"]


def test_an_extra_phrase_that_is_a_default_changes_nothing() -> None:
    text = "Approved; try to book by Friday"
    assert find_hedges(text, extra=["try"]) == find_hedges(text) == []
    assert find_hedges("maybe", extra=["maybe"]) == find_hedges("maybe")


def test_removed_words_drop_only_those_words() -> None:
    assert find_hedges("I'm hoping so", removed=["hoping"]) == []
    assert [h.words for h in find_hedges("We hope so", removed=["hoping"])] == ["hope"]
    assert find_hedges("We hope so, hopefully", removed=["hope"]) == []


def test_blank_phrases_are_ignored() -> None:
    assert find_hedges("a raise in March", extra=["", "  "], removed=[""]) == []
    assert find_hedges("maybe", extra=[" "], removed=["  "])


def test_removing_every_default_leaves_only_the_extras() -> None:
    assert find_hedges("maybe soon, board willing", removed=DEFAULT_HEDGES) == []
    found = find_hedges("maybe soon, board willing", ["board willing"], DEFAULT_HEDGES)
    assert [h.words for h in found] == ["board willing"]


# --- questions to ask back ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "question"),
    [
        ("condition", "What needs to be true, and by when?"),
        ("put-off", "When will you know, and could you tell me by a date we agree now?"),
        ("maybe", "Is that a yes? If so, by when, and could you put it in writing?"),
        ("vague-time", "Could we put a date on it: a date we agree now?"),
        ("effort", "If it works, what will I get and when; if not, when will I know?"),
        ("listed", "Could we agree exactly what, and by a date we agree now?"),
    ],
)
def test_each_kind_has_a_question(kind: str, question: str) -> None:
    hedge = Hedge("x", kind, "x")  # type: ignore[arg-type]
    assert question_for(hedge) == question


def test_a_question_proposes_the_date_it_is_given() -> None:
    (hedge,) = find_hedges("Let me talk to HR")
    by = dt.date(2026, 12, 4)
    assert question_for(hedge, by) == (
        "When will you know, and could you tell me by Friday 4 December?"
    )


# --- speed and robustness ----------------------------------------------------------------


def test_twenty_thousand_sentences_take_well_under_a_few_seconds() -> None:
    texts = [row.text for row in corpus()]
    sentences = [texts[i % len(texts)] + f" (#{i})" for i in range(20_000)]
    find_hedges("warm up")
    started = time.process_time()
    flagged = sum(1 for s in sentences if find_hedges(s))
    spent = time.process_time() - started
    assert flagged > 5_000
    assert spent < 3.0  # about 0.3 s here; 3 s leaves room for a slow machine


@pytest.mark.parametrize("word", ["if ", "when ", "once ", "sort ", "- ", "and i'll ", "a-"])
def test_long_repetitive_text_is_fast(word: str) -> None:
    started = time.process_time()
    find_hedges(word * 5_000 + "maybe")
    assert time.process_time() - started < 1.0


def test_the_fast_scan_and_the_rule_namer_agree_on_the_corpus() -> None:
    detector = _detector((), ())
    for row in corpus():
        low = _lower(row.text)
        for hit in detector.any_rule.finditer(low):
            named = detector.which_rule.match(low, hit.start())
            assert named is not None and named.span() == hit.span(), row.text


WORDS = st.sampled_from(
    [
        "i",
        "i'll",
        "we",
        "we'll",
        "you",
        "it's",
        "the",
        "a",
        "not",
        "yet",
        "soon",
        "as",
        "once",
        "when",
        "if",
        "try",
        "trying",
        "to",
        "see",
        "what",
        "can",
        "do",
        "hope",
        "maybe",
        "let",
        "me",
        "talk",
        "hr",
        "on",
        "my",
        "radar",
        "circle",
        "back",
        "approved",
        "friday",
        "1",
        "march",
        "by",
        "-",
        ";",
        ".",
        ",",
        "permitting",
        "budget",
        "later",
        "weeks",
        "pending",
        "approval",
        "after",
        "reorg",
        "keep",
        "up",
        "good",
        "work",
    ]
)


# each example compiles the rules anew for its random phrases (~0.1 s): fewer examples
@settings(max_examples=120, deadline=None)
@given(words=st.lists(WORDS, max_size=25), extra=st.lists(st.text(max_size=12), max_size=3))
def test_hits_are_words_of_the_text_and_the_scan_agrees(words: list[str], extra: list[str]) -> None:
    text = " ".join(words)
    for hedge in find_hedges(text, extra):
        assert hedge.words and hedge.words in text and hedge.kind in KINDS
    detector = _detector(tuple(extra), ())
    low = _lower(text)
    for hit in detector.any_rule.finditer(low):
        named = detector.which_rule.match(low, hit.start())
        assert named is not None and named.span() == hit.span()


# each example compiles the rules anew for its random phrases (~0.1 s): fewer examples
@settings(max_examples=120, deadline=None)
@given(text=st.text(max_size=200), extra=st.lists(st.text(max_size=20), max_size=3))
def test_find_hedges_never_raises(text: str, extra: list[str]) -> None:
    for hedge in find_hedges(text, extra, extra[:1]):
        assert hedge.words in text


if __name__ == "__main__":  # python tests/unit/test_hedges.py: the figures, per split
    for split in ("all", "tuning", "heldout"):
        part = [row for row in corpus() if split in ("all", row.split)]
        found = figures(part)
        print(f"{split:8} {len(part):4} sentences  {found}  ", end="")
        print(f"precision {found.precision:.3f}  recall {found.recall:.3f}")
