"""The words the journal generator builds its texts from (bench/generate.py)."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Maya Sybil Robert Priya Tom Ana Jonas Leila Marcus Ines Omar Grace Victor Hana "
    "Diego Claire Felix Nadia Samuel Yuki Elena Kofi Lucia Arjun Beth Tariq Noor Pavel "
    "Irene Hugo"
)
LAST = _words(
    "Chen Osei Nair Reyes Novak Lindqvist Haddad Moreau Okafor Silva Tanaka Weber "
    "Kowalski Duarte Brennan Ahmadi Costa Varga Iyer Laurent Mensah Berg Rossi Park "
    "Quinn Adler"
)
COMPANIES = (
    "Northwind Labs",
    "Blue Harbor",
    "Quillstone",
    "Fathom Analytics",
    "Cedar & Pine",
    "Lumen Systems",
    "Orbital Foods",
    "Kestrel Health",
)
TITLES = ("Senior Designer", "Design Lead", "Staff Engineer", "Product Lead", "Head of Design")
TAGS = _words(
    "pay review title leadership growth planning offer pushback recap flexibility "
    "promotion budget reorg feedback hiring roadmap conference remote bonus equity"
)
CHANNELS = ("meeting", "one-on-one", "one-on-one", "call", "email", "chat", "other")
CATEGORIES = ("pay", "title", "responsibility", "leadership", "growth", "flexibility", "other")
HEDGES = (
    "we'll see",
    "down the road",
    "at some point",
    "I'll try",
    "when things settle",
    "hopefully",
    "in principle",
)

TOPICS = (
    ("pay", "a market adjustment of {n}%", "pay"),
    ("pay", "the bonus for {q}", "pay"),
    ("title", "the Lead title in the next cycle", "title"),
    ("title", "a promotion case for {q}", "title"),
    ("review", "running the weekly design review", "leadership"),
    ("library", "ownership of the component library", "responsibility"),
    ("planning", "a seat in {q} planning", "responsibility"),
    ("hiring", "leading the hiring loop for {n} roles", "leadership"),
    ("team", "two direct reports by {q}", "leadership"),
    ("conference", "budget for the {q} conference", "growth"),
    ("course", "a paid course on negotiation", "growth"),
    ("mentor", "a mentor from the staff group", "growth"),
    ("remote", "working from home {n} days a week", "flexibility"),
    ("hours", "a four-day week in {q}", "flexibility"),
    ("roadmap", "my name on the {q} roadmap", "other"),
    ("visa", "support for the visa renewal", "other"),
)
VERBS = (
    "Announce {t} to the team",
    "Put {t} in writing",
    "Confirm {t} with HR",
    "Get {t} signed off",
    "Give me {t}",
    "Raise {t} with the leadership group",
    "Send the paperwork for {t}",
    "Make {t} official",
)
WHEN = (" by the end of {q}", " before the {q} review", " once the budget for {q} is set")
CONTEXT = (
    ", as discussed with {p} and the skip-level",
    ", so that it shows in the next performance cycle",
    ", with the team told in the weekly update",
    ", and {p} will confirm the details with HR",
)
SUMMARIES = (
    "1:1 about {t}",
    "Asked again about {t}",
    "Follow-up on {t}",
    "{p} brought up {t}",
    "Quarterly check-in: {t}",
    "Pushback on {t}",
    "Recap email about {t}",
    "Chat with {p} about {t}",
)
NOTE_LINES = (
    "{p} said the budget for {q} is not settled yet.",
    "I asked for a date; the answer was '{h}'.",
    "Reminded {p} that this was promised back in {q}.",
    "{p} agreed it is overdue and will raise it with the skip-level.",
    "Sent a recap afterwards; no reply so far.",
    "The team was told in the all-hands; it is on the slide deck.",
    "HR says nothing can change until the {q} cycle closes.",
    "I said I would need it in writing before I can plan around it.",
    "{p} mentioned the reorg again, which may move everything by a quarter.",
    "Good meeting overall; the tone was warmer than last time.",
    "Asked what would need to change for this to happen: no clear answer.",
    "Wrote down the exact words: '{h}, leave it with me'.",
    "Offer deadline discussed; I asked for two weeks to decide.",
    "Pay band for the role is {lo}k to {m}k according to the HR sheet.",
)
EVIDENCE = (
    "Email from {p}: Re: {t} (thread of {n} messages, saved {d})",
    "Slack message from {p}, {d}: 'confirmed, {t} is agreed'",
    "Letter dated {d}, signed by {p}; copy in the offer-letters folder",
    "Team update of {d}: {t} announced to the whole team",
    "Org chart of {d} shows the change; HR system updated the same week",
    "Contract addendum {n}, dated {d}, countersigned",
)
QUOTES = (
    "Quote: '{t}, leave it with me'",
    "Quote: 'you have my word on {t}'",
    "Quote: 'I'll sort out {t} before {q}'",
    "",
)

FORM_RANK = {"verbal": 0, "recap-sent": 1, "written": 2, "official": 3}
