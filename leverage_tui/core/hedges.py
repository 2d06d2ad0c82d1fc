"""Hedges: the words that make a promise something less than a commitment.

`find_hedges(text)` lists every hedge in a promise, an ask or an offer's terms; an empty
list means the text is firm. Each `Hedge` names the words that triggered it, its kind and
a one-line reason ('"as soon as the reorg settles" is a condition, not a date');
`question_for(hedge)` is the question to ask back.

The kinds:

- condition: the result hangs on something else ("once the team is ready", "assuming
  finance signs off", "if budget allows", "pending approval"). A time-like opener (once,
  when, as soon as, until, after) followed by a date is a time, not a condition: "once
  you sign on Friday" is firm.
- put-off: the answer is deferred ("let me talk to HR", "it's on my radar", "we'll
  circle back", "leave it with me"). "I'll get back to you by Friday" is not one.
- maybe: probability instead of a yes ("probably", "possible", "doable", "I think").
- vague-time: a time that is no date ("soon", "down the road", "at some point").
- effort: effort instead of a result ("I'll try", "I'll do my best", "I'll push for").
- listed: a phrase from the user's own `hedges` list.

The clause rule. A sentence is cut into clauses at ; . : ! ? dashes, ", and" / ", but" /
"but", and "and" before a new subject ("and I'll", "and we will"). A clause is firm when it
has no hedge and either states a decision as made (approved, signed, confirmed, done, in
writing, "is yours"; not negated) or gives a date (a weekday, a month, "the 15th",
"tomorrow", "next week", "end of day", "in 2 weeks"...) in at least three words. If any
clause is firm, the sentence is firm: the commitment is in that clause, and a hedge in
another one is an aside ("The Q3 lead is yours from Monday; we'll circle back in a
month"; "Approved; try to book by Friday"). Otherwise every hedge found is returned.

The user's `hedges` (config) add phrases, matched literally as whole words, case
ignored; `not_hedges` remove defaults: a removed phrase that names a default (see
DEFAULT_HEDGES: "hope" covers hoping and hopefully) drops it, and any hit whose words
are exactly a removed phrase is dropped too. Patterns are compiled once per pair of
lists; a sentence costs about 15 microseconds (0.3 s for 20,000).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .hedge_rules import DATE_WORDS, RULES, TIMED
from .hedge_rules import Kind as Kind

_DATE = re.compile(rf"(?<!\w)(?:{DATE_WORDS})(?!\w)")
_DECIDED = re.compile(
    r"(?<!\w)(?:approved|signed|sign-off|confirmed|granted|agreed|official|announced"
    r"|settled|booked|done|in writing|in the system|in the calendar|attached|(?:is|are)"
    r" yours|it's yours|stands at|yes)(?!\w)",
)
_PLAIN_START = re.compile(r"[\w' ](?![?*+{])")  # a literal first character
_NEGATED = re.compile(r"(?<!\w)(?:not|never|yet|no)(?!\w)|n't")
_BREAK = re.compile(
    r"[;!?]+|[.:](?=\s|$)|\s[-\u2013\u2014]+\s|\u2014|,\s*(?:and|but|though|although)\b"
    r"|\s\s*but\s+|\s\s*and\s+(?=(?:i|we|you|they|he|she|it)(?:'ll|'ve|'m|'re|'s|'d| will| have"
    r"| am| are| can)\b|(?:get back|let you know|confirm|tell you|come back)\b)",
)
_DATE_BEFORE = re.compile(rf"(?:{DATE_WORDS}),?\s*$")

DEFAULT_HEDGES: tuple[str, ...] = tuple(dict.fromkeys(name for _, name, _ in RULES))
"""The names of the default hedges, as `not_hedges` in the config may remove them."""

_REASONS: dict[Kind, str] = {
    "condition": "is a condition, not a date",
    "put-off": "puts the answer off",
    "maybe": "is a maybe, not a yes",
    "vague-time": "is not a date",
    "effort": "promises effort, not a result",
    "listed": "is on your list of hedges",
}
_QUOTES = str.maketrans("\u2019\u2018\u201c\u201d", "''\"\"")
_START = r"(?<!\w)(?<!\w-)"  # a hit starts a word, not inside "well-meant"
_END = r"(?!\w|-\w)"  # and ends one: "trying to" is not in "a trying to-do list"


@dataclass(frozen=True)
class Hedge:
    """One hedge in a text: the words as written, what kind of hedge, and why."""

    words: str
    kind: Kind
    reason: str


def _lower(text: str) -> str:
    """`text` in lower case with plain quotes, at the same length."""
    plain = text.translate(_QUOTES)
    low = plain.lower()
    if len(low) != len(plain):  # a few letters grow when lowered ("İ"): keep those
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in plain)
    return low


def _key(phrase: str) -> str:
    """A phrase as the rules compare it: lower case, plain quotes, single spaces."""
    return " ".join(_lower(phrase).split())


def _cuts(pattern: str) -> list[int]:
    """Where `pattern` splits: its top-level "|", and the end of a leading group."""
    cuts: list[int] = []
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
            if depth == 0 and not cuts:
                cuts.append(-(i + 1))  # negative: the end of the first group
        elif c == "|" and depth == 0:
            cuts.append(i)
        i += 1
    return cuts


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    bars = [i for i in _cuts(pattern) if i >= 0]
    return [pattern[i + 1 : j] for i, j in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _expand(pattern: str) -> list[str]:
    """The same pattern as alternatives that each start with a letter, in the same order.

    "(?:a|b)c" gives "ac", "bc"; "(?:a)?c" gives "ac", "c". Only leading groups open up.
    """
    out: list[str] = []
    for alt in _alternatives(pattern):
        if not alt.startswith("(?:"):
            out.append(alt)
            continue
        end = -_cuts(alt)[0]
        inner, rest = alt[3 : end - 1], alt[end:]
        if rest.startswith("?"):
            out += _expand(f"(?:{inner}){rest[1:]}") + _expand(rest[1:])
        else:
            out += [x for a in _alternatives(inner) for x in _expand(a + rest)]
    return out


def _bucketed(patterns: Sequence[str], depth: int = 2) -> str:
    """One alternation of `patterns`, grouped by first letters (order kept within a group).

    re tries every branch at every position, skipping a branch cheaply only on its first
    letter; grouping by the first two letters makes a scan several times faster. Patterns
    with different first letters never match at the same place, so the winner is the same.
    """
    alternatives = [alt for pattern in patterns for alt in _expand(pattern)]
    if depth == 0 or not all(_PLAIN_START.match(alt) for alt in alternatives):
        return "|".join(alternatives)
    by_letter: dict[str, list[str]] = {}
    for alt in alternatives:
        by_letter.setdefault(alt[0], []).append(alt[1:])
    return "|".join(
        f"{re.escape(c)}(?:{_bucketed(rest, depth - 1)})" for c, rest in by_letter.items()
    )


@dataclass(frozen=True)
class _Detector:
    """The compiled rules for one pair of extra and removed phrase lists."""

    any_rule: re.Pattern[str]  # every rule in one alternation, bucketed: fast to scan
    which_rule: re.Pattern[str]  # the same with a group per rule: names the rule of a hit
    rules: tuple[tuple[Kind, str], ...]  # (kind, name) of group r0, r1, ...
    removed: frozenset[str]


@lru_cache(maxsize=16)
def _detector(extra: tuple[str, ...], removed: tuple[str, ...]) -> _Detector:
    gone = frozenset(_key(r) for r in removed)
    defaults = {_key(name) for name in DEFAULT_HEDGES} - gone
    # the user's phrases (literal, whole words) come first: at the same place, theirs win
    listed: list[tuple[Kind, str, str]] = [
        ("listed", phrase, re.escape(phrase).replace(r"\ ", r"\s+"))
        for phrase in dict.fromkeys(_key(e) for e in extra)
        if phrase and phrase not in defaults
    ]
    kept = [rule for rule in RULES if _key(rule[1]) not in gone]
    rules = listed + kept
    parts = [pattern for _, _, pattern in listed] + [_bucketed([p for _, _, p in kept])]
    body = "|".join(part for part in parts if part)
    groups = "|".join(f"(?P<r{i}>{pattern})" for i, (_, _, pattern) in enumerate(rules))
    return _Detector(
        any_rule=re.compile(rf"{_START}(?:{body or '(?!)'}){_END}"),
        which_rule=re.compile(rf"(?:{groups or '(?!)'}){_END}"),
        rules=tuple((kind, name) for kind, name, _ in rules),
        removed=gone,
    )


def _clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of `text` (see the module)."""
    spans, start = [], 0
    for cut in _BREAK.finditer(text):
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, len(text)))
    return spans


def _dated(text: str, start: int, words: str) -> bool:
    """A time-like condition with a date in it or just before it."""
    return bool(_DATE.search(words) or _DATE_BEFORE.search(text, max(0, start - 30), start))


def _firm(clause: str) -> bool:
    """A clause (with no hedge in it) that states a decision as made, or gives a date."""
    if _DECIDED.search(clause) and not _NEGATED.search(clause):
        return True
    return len(clause.split()) >= 3 and _DATE.search(clause) is not None


def find_hedges(text: str, extra: Sequence[str] = (), removed: Sequence[str] = ()) -> list[Hedge]:
    """Every hedge in `text`, in order; an empty list when it is firm (see the module).

    `extra` phrases add to the defaults; `removed` ones take defaults away.
    """
    detector = _detector(tuple(extra), tuple(removed))
    low = _lower(text)  # same length as `text`, so a hit's span shows its words as written
    found: list[tuple[int, Hedge]] = []
    for hit in detector.any_rule.finditer(low):
        at, end = hit.span()
        named = detector.which_rule.match(low, at)  # same alternation, so the same rule
        if named is None or named.lastgroup is None:  # never: both hold the same rules
            continue
        kind, name = detector.rules[int(named.lastgroup[1:])]
        words = low[at:end]
        if kind == "condition" and name in TIMED and _dated(low, at, words):
            continue  # "once you sign on Friday", "on Monday when we start": a time
        if " ".join(words.split()) in detector.removed:
            continue
        shown = text[at:end]
        found.append((at, Hedge(shown, kind, f'"{shown}" {_REASONS[kind]}')))
    if not found:
        return []
    for start, end in _clauses(low):
        if not any(start <= at < end for at, _ in found) and _firm(low[start:end]):
            return []
    return [hedge for _, hedge in found]


def question_for(hedge: Hedge, by: dt.date | None = None) -> str:
    """The question to ask back about `hedge`; `by` is the date to propose, if any."""
    when = f"{by:%A} {by.day} {by:%B}" if by else "a date we agree now"
    questions: dict[Kind, str] = {
        "condition": "What needs to be true, and by when?",
        "put-off": f"When will you know, and could you tell me by {when}?",
        "maybe": "Is that a yes? If so, by when, and could you put it in writing?",
        "vague-time": f"Could we put a date on it: {when}?",
        "effort": "If it works, what will I get and when; if not, when will I know?",
        "listed": f"Could we agree exactly what, and by {when}?",
    }
    return questions[hedge.kind]
