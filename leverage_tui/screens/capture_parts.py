"""The pieces of the Capture screen: what is typed so far, and how it is shown.

`Draft` holds the capture as typed (texts as typed, so going back shows them again);
`to_capture` turns it into the core's `Capture`. `hedge_note` is the live hedge check
under a promise's words; `said_lines` lists the promises captured so far; `review_text`
says what Save will record. `WordBar` picks a channel or a category in one key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual import events
from textual.message import Message

from ..core.capture import Capture, OfferMade, PromiseSaid
from ..core.dates import DateError, parse_date, parse_when
from ..core.hedges import find_hedges, question_for
from ..core.records import CATEGORIES
from ..core.show import day_text
from ..widgets.choice_bar import ChoiceBar
from .conversation_editor import split_names

CHANNEL_KEYS = ("m", "o", "c", "e", "h", "t")
"""The keys that pick a channel: meeting, one-on-one, call, email, chat (h), other (t)."""
FORM_KEYS = ("v", "r", "w", "o")
"""The keys that pick a form: verbal, recap-sent, written, official."""
SHORT_WORDS = {"responsibility": "respons.", "flexibility": "flex", "leadership": "lead"}
"""Long choices shortened to fit a bar on a narrow screen."""
ASK_CHOICES = ("not raised", "raised")
"""What may have happened to an ask (besides being answered by promise #n)."""
OFFER_CHOICES = ("none", "a new one", "one I have")
"""Whether an offer came up: none, a new offer or counteroffer, or one in the journal."""


class QuickBar(ChoiceBar):
    """A ChoiceBar that says when a key picked a choice, so the Capture screen moves on
    to the next field: one key, not a key and Enter."""

    class Picked(Message):
        """A hot key picked a choice of `bar`."""

        def __init__(self, bar: QuickBar) -> None:
            """`bar` had a choice picked by its key."""
            super().__init__()
            self.bar = bar

    def on_key(self, event: events.Key) -> None:
        """A hot letter picks its option, and the screen is told."""
        super().on_key(event)
        if event.character and event.character in self.hotkeys:
            self.post_message(self.Picked(self))


class WordBar(QuickBar):
    """A ChoiceBar whose hot letters are underlined inside the words (not added after
    them), long words shortened on a narrow screen: six or seven choices on one line."""

    def render(self) -> Text:
        """Each choice, the chosen one marked, its hot letter underlined."""
        short = self.size.width < 70
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        for option, key in zip(self.options, self.hotkeys, strict=False):
            if text:
                text.append("  ")
            start = text.cell_len
            chosen = option == self.value
            shown = SHORT_WORDS.get(option, option) if short else option
            style = "bold reverse" if chosen else ""
            text.append("● " if chosen else "○ ", "bold" if chosen else "dim")
            at = shown.find(key)
            if at < 0:
                text.append(shown, style)
                text.append(f" {key}", "dim")
            else:
                text.append(shown[:at], style)
                text.append(shown[at], f"{style} underline".strip())
                text.append(shown[at + 1 :], style)
            self._spans.append((start, text.cell_len))
        return text


@dataclass
class DraftPromise:
    """One promise as typed."""

    text: str = ""
    by: str = ""
    due: str = ""
    form: str = "verbal"
    evidence: str = ""
    category: str = "other"

    @property
    def blank(self) -> bool:
        """True when nothing that matters was typed (no words)."""
        return not self.text.strip()


@dataclass
class DraftOffer:
    """An offer made in the meeting, as typed."""

    counter: bool = True
    company: str = ""
    role: str = ""
    base: str = ""
    bonus: str = ""
    deadline: str = ""
    written: bool = False
    terms: str = ""


@dataclass
class Draft:
    """The whole capture as typed so far."""

    people: str = ""
    when: str = "today"
    channel: str = "one-on-one"
    summary: str = ""
    promises: list[DraftPromise] = field(default_factory=list)
    asks: dict[str, str] = field(default_factory=dict)
    """Ask id -> 'not raised', 'raised' or '#n' (answered by promise n)."""
    offer: str = "none"
    offer_id: str | None = None
    new_offer: DraftOffer = field(default_factory=DraftOffer)

    def typed(self, defaults: Draft) -> bool:
        """True when something was typed that leaving would throw away."""
        return bool(
            self.summary.strip()
            or any(not p.blank for p in self.promises)
            or split_names(self.people) != split_names(defaults.people)
            or any(v != "not raised" for v in self.asks.values())
            or self.offer != "none"
        )


def _date(text: str, today: dt.date) -> dt.date | None:
    """A typed date, or None when empty (the date fields have checked it already)."""
    return parse_date(text, today) if text.strip() else None


def to_capture(draft: Draft, today: dt.date) -> Capture:
    """The core's Capture from what was typed (DateError for a date that is not one)."""
    on, at = parse_when(draft.when, today) if draft.when.strip() else (today, None)
    promises = [p for p in draft.promises if not p.blank]
    answered: dict[str, tuple[int, ...]] = {}
    raised = []
    for aid, choice in draft.asks.items():
        if choice.startswith("#"):
            answered[aid] = (int(choice[1:]) - 1,)
        if choice != "not raised":
            raised.append(aid)
    new_offer = None
    if draft.offer == "a new one":
        o = draft.new_offer
        new_offer = OfferMade(
            company=o.company,
            role=o.role,
            counter=o.counter,
            base=o.base.strip() or None,
            bonus=o.bonus.strip() or None,
            deadline=_date(o.deadline, today),
            written=o.written,
            terms=o.terms,
        )
    return Capture(
        people=tuple(split_names(draft.people)),
        summary=draft.summary,
        on=on,
        at=at.strftime("%H:%M") if at else None,
        channel=draft.channel,
        promises=tuple(
            PromiseSaid(
                text=p.text,
                by=p.by,
                due=_date(p.due, today),
                form=p.form,
                evidence=p.evidence if p.form in ("written", "official") else "",
                category=p.category,
            )
            for p in promises
        ),
        answered=answered,
        raised=tuple(raised),
        offer_discussed=draft.offer_id if draft.offer == "one I have" else None,
        new_offer=new_offer,
    )


def hedge_note(text: str, hedges: Sequence[str], not_hedges: Sequence[str]) -> tuple[str, bool]:
    """The live hedge check of a promise's words: (what to say, hedged)."""
    if not text.strip():
        return "", False
    found = find_hedges(text, hedges, not_hedges)
    if not found:
        return "✓ no hedge: it reads as a commitment", False
    first = found[0]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    return f'~ {first.reason}{more}. Ask next time: "{question_for(first)}"', True


def _when_words(text: str, today: dt.date) -> str:
    try:
        day = _date(text, today)
    except DateError:
        return f"by {text!r}?"
    return f"by {day_text(day, weekday=True)}" if day else "no date"


def said_lines(
    promises: Sequence[DraftPromise],
    today: dt.date,
    hedges: Sequence[str],
    not_hedges: Sequence[str],
) -> Text:
    """The promises captured so far, numbered, one line each."""
    out = Text(no_wrap=True, overflow="ellipsis")
    for n, p in enumerate(promises, 1):
        if p.blank:
            continue
        if out:
            out.append("\n")
        hedged = bool(find_hedges(p.text, hedges, not_hedges))
        out.append(f"#{n} ", "bold")
        out.append(f"{p.by}: “{p.text}”")
        out.append(f" · {_when_words(p.due, today)} · {p.form} · {p.category}", "dim")
        if hedged:
            out.append(" ~ hedge", "italic")
    return out


def review_text(draft: Draft, capture: Capture, ask_texts: dict[str, str], today: dt.date) -> Text:
    """What Save will record, in words."""
    out = Text()
    on = capture.on or today
    at = f" {capture.at}" if capture.at else ""
    out.append("Conversation  ", "bold")
    out.append(f"{day_text(on, weekday=True)}{at} · {capture.channel} · with ")
    out.append(", ".join(capture.people) or "(nobody yet)")
    out.append(f"\n              {capture.summary or '(no summary yet)'}\n")
    out.append(f"\nPromises ({len(capture.promises)})\n", "bold")
    for n, p in enumerate(capture.promises, 1):
        due = f"by {day_text(p.due, weekday=True)}" if p.due else "no date"
        out.append(f"  #{n} {p.by}: “{p.text}” · {due} · {p.form} · {p.category}\n")
    if not capture.promises:
        out.append("  none\n", "dim")
    out.append("\nAsks\n", "bold")
    touched = [(aid, c) for aid, c in draft.asks.items() if c != "not raised"]
    for aid, choice in touched:
        what = f"answered by promise {choice}" if choice.startswith("#") else "raised (noted)"
        out.append(f"  {aid} {ask_texts.get(aid, '')}: {what}\n")
    if not touched:
        out.append("  none raised\n", "dim")
    out.append("\nOffer  ", "bold")
    if capture.new_offer is not None:
        o = capture.new_offer
        what = "counteroffer" if o.counter else "outside offer"
        form = "in writing" if o.written else "verbal"
        base = f", base {o.base}" if o.base else ""
        bonus = f", bonus {o.bonus}" if o.bonus else ""
        by = f", decide by {day_text(o.deadline, weekday=True)}" if o.deadline else ""
        out.append(f"a new {form} {what}: {o.company}, {o.role}{base}{bonus}{by}\n")
    elif capture.offer_discussed:
        out.append(f"{capture.offer_discussed} discussed (linked to this conversation)\n")
    else:
        out.append("none\n", "dim")
    return out


__all__ = ["CATEGORIES", "Draft", "DraftOffer", "DraftPromise"]
