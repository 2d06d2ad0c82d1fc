"""The brief before a meeting (prep.py) in words: the same sections for the terminal
(`prep_text`), a printable page (`prep_markdown`, which says it is private), the Prepare
screen (`prep_sections`), and the JSON of `leverage prep --json` (`prep_doc`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .brief_md import long_date
from .dates import describe
from .flags import Flag
from .plural import counted
from .prep import Prep
from .records import Promise, Win
from .show import day_text
from .track import Tally, tally_words
from .visible import md_text, visible


@dataclass(frozen=True)
class Item:
    """One line of the brief, the flags it carries, and lines under it (an ask's wins)."""

    text: str
    flags: tuple[Flag, ...] = ()
    under: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part of the brief: its title, its lines, and what it says when it has none."""

    key: str
    title: str
    items: tuple[Item, ...]
    empty: str


def track_words(prep: Prep) -> str:
    """'Maya Chen: 1 of 2 kept, 1 overdue: too few to tell; 5 pending' (with counts)."""
    t = prep.track
    if t is None or not t.total:
        return f"{prep.person.name}: no promises recorded yet"
    return f"{prep.person.name}: {tally_words(t)}; {t.pending} pending"


def _due(p: Promise, today: dt.date) -> str:
    if p.due is None:
        return "no date"
    return f"due {day_text(p.due)} ({describe(p.due, today)})"


def win_words(w: Win) -> str:
    """'12 Nov 2026: Shipped the checkout redesign (conversion +4%) · evidence: ...'."""
    impact = f" ({w.impact})" if w.impact else ""
    evidence = f" · evidence: {w.evidence}" if w.evidence else ""
    return f"{day_text(w.on)}: {w.text}{impact}{evidence}"


def prep_sections(prep: Prep) -> list[Section]:
    """The brief in words, section by section (the terminal, the page and the screen)."""
    today, texts = prep.today, {}
    for o in prep.open_promises:
        texts[o.promise.id] = o.promise.text
    for a in prep.asks:
        texts[a.ask.id] = a.ask.text
    owed = tuple(
        Item(
            f'{o.promise.id} "{o.promise.text}" · {o.promise.form}, {_due(o.promise, today)} '
            f"· waited {counted(o.waited, 'day')}",
            o.flags,
        )
        for o in prep.open_promises
    )
    recaps = []
    for r in prep.awaiting:
        conv = r.conversation
        where = f" of {day_text(conv.on)} ({conv.id})" if conv else ""
        again = "time to ask again" if r.ask_again else "too soon to ask again"
        ids = ", ".join(p.id for p in r.promises)
        recaps.append(
            Item(
                f"recap{where} sent {day_text(r.sent_on)} ({describe(r.sent_on, today)}), "
                f"not confirmed: {counted(len(r.promises), 'promise')} ({ids}); {again}"
            )
        )
    talks = tuple(
        Item(f"{day_text(c.on)} · {c.channel} · {c.summary} ({counted(n, 'promise')})")
        for c, n in prep.last_conversations
    )
    asks = tuple(
        Item(
            f"{a.ask.priority} · {a.ask.id} {a.ask.text}"
            + (f" · by {day_text(a.ask.target)}" if a.ask.target else ""),
            a.flags,
            tuple(f"why I deserve it: {win_words(w)}" for w in a.wins)
            or ("no win logged for it yet: what have you done that supports it?",),
        )
        for a in prep.asks
    )
    wins = tuple(Item(f"{w.id} {win_words(w)}") for w in prep.wins)
    grouped: dict[str, list[str]] = {}
    for q in prep.questions:
        grouped.setdefault(q.about, []).append(q.question)
    questions = tuple(
        Item(f'About "{texts.get(rid, rid)}" ({rid}): {" ".join(asked)}')
        for rid, asked in grouped.items()
    )
    return [
        Section("track_record", "Track record", (Item(track_words(prep)),), ""),
        Section("open_promises", "What they owe you", owed, "No pending promise from them."),
        Section(
            "awaiting_confirmation",
            "Recaps not confirmed",
            tuple(recaps),
            "No recap waiting on them.",
        ),
        Section(
            "last_conversations", "What they last said", talks, "No conversation with them yet."
        ),
        Section(
            "asks_to_raise", "Your asks to raise", asks, "No open ask: what do you want from them?"
        ),
        Section("wins", _wins_title(prep), wins, "None yet: what went well since?"),
        Section("questions", "Questions to ask", questions, "No question the flags call for."),
    ]


def _wins_title(prep: Prep) -> str:
    """'Your wins since you last talked (22 Nov 2026)', or 'Your wins' (never talked)."""
    if prep.since is None:
        return "Your wins"
    return f"Your wins since you last talked ({day_text(prep.since)})"


def _heading(prep: Prep) -> str:
    person = prep.person
    role = f" ({person.role})" if person.role != "other" else ""
    return f"Before meeting {person.name}{role}, {long_date(prep.today, weekday=True)}"


PRIVATE = "Private: your own notes for this meeting. Do not share or forward."
"""What the printed brief says at the top."""


def prep_text(prep: Prep) -> str:
    """The brief as plain text for a terminal (journal text shown safely)."""
    out = [visible(_heading(prep)), PRIVATE]
    for section in prep_sections(prep):
        out += ["", section.title.upper()]
        if not section.items:
            out.append(f"  {section.empty}")
        for item in section.items:
            flags = f"  [{', '.join(f.flag for f in item.flags)}]" if item.flags else ""
            out.append(f"  - {visible(item.text)}{flags}")
            out += [f"      {visible(line)}" for line in item.under]
    return "\n".join(out) + "\n"


def prep_markdown(prep: Prep) -> str:
    """The brief as a Markdown page to print or keep on a second screen; says it is private."""
    out = [f"# {md_text(_heading(prep))}", "", f"*{PRIVATE}*", ""]
    for section in prep_sections(prep):
        out += [f"## {section.title}", ""]
        if not section.items:
            out += [md_text(section.empty), ""]
            continue
        for item in section.items:
            flags = f" — *{', '.join(f.flag for f in item.flags)}*" if item.flags else ""
            out.append(f"- {md_text(item.text)}{flags}")
            out += [f"  - {md_text(line)}" for line in item.under]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _doc(record: Any) -> dict[str, Any]:
    return {"id": record.id, **record.to_doc()}


def prep_doc(prep: Prep) -> dict[str, Any]:
    """The brief as JSON data (the keys of `leverage prep --json`)."""
    t = prep.track
    return {
        "person": _doc(prep.person),
        "open_promises": [
            {**_doc(o.promise), "flags": [f.to_doc() for f in o.flags], "waited_days": o.waited}
            for o in prep.open_promises
        ],
        "awaiting_confirmation": [
            {
                "conversation": r.conversation.id if r.conversation else None,
                "sent_on": r.sent_on.isoformat(),
                "days": r.days,
                "ask_again": r.ask_again,
                "promises": [p.id for p in r.promises],
            }
            for r in prep.awaiting
        ],
        "last_conversations": [
            {
                "id": c.id,
                "on": c.on.isoformat(),
                "channel": c.channel,
                "summary": c.summary,
                "promises": n,
            }
            for c, n in prep.last_conversations
        ],
        "asks_to_raise": [
            {**_doc(a.ask), "flags": [f.to_doc() for f in a.flags], "wins": [w.id for w in a.wins]}
            for a in prep.asks
        ],
        "wins": [_doc(w) for w in prep.wins],
        "questions": [{"about": q.about, "question": q.question} for q in prep.questions],
        "track_record": {"line": track_words(prep), **(t or Tally()).to_doc()},
    }
