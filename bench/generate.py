"""A seeded generator of a realistic Leverage journal, written straight as the journal file.

Ten years of heavy use ending at a fixed today: ~40 people (managers come and go),
conversations with multi-line notes and tags, promises of every form and status with
their histories (forms firmed up, due dates moved, some walked back), asks and offers.
The file is written in the journal's own format (`_leverage` header, then the tables
people / conversations / promises / asks / offers keyed by doc id, each document exactly
as `Record.to_doc()` gives it), one document at a time, so even `huge` is written without
holding it all in memory and `big` takes seconds.

    python bench/generate.py big -o /tmp/big.json [--seed 7] [--check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from corpus import (
    CATEGORIES,
    CHANNELS,
    COMPANIES,
    CONTEXT,
    EVIDENCE,
    FIRST,
    FORM_RANK,
    HEDGES,
    LAST,
    NOTE_LINES,
    QUOTES,
    SUMMARIES,
    TAGS,
    TITLES,
    TOPICS,
    VERBS,
    WHEN,
)

TODAY = dt.date(2026, 11, 23)
"""The fixed 'today' every generated journal ends at."""
YEARS = 10
SIZES: dict[str, tuple[int, int]] = {
    "tiny": (100, 200),
    "small": (1_000, 2_000),
    "big": (10_000, 20_000),
    "huge": (100_000, 200_000),
}
"""Size name -> (conversations, promises)."""


class _Gen:
    """The random choices behind one journal."""

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.start = today - dt.timedelta(days=365 * YEARS)
        self.people = self._people()

    def _people(self) -> list[dict[str, Any]]:
        rng = self.rng
        names: list[str] = []
        while len(names) < 40:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name not in names:
                names.append(name)
        roles = ["manager"] * 8 + ["skip-level"] * 6 + ["hr"] * 6 + ["recruiter"] * 8
        roles += ["peer"] * 10 + ["other"] * 2
        return [
            {
                "name": name,
                "role": role,
                "notes": f"{role.title()} since {self.start.year + i // 4}."
                + (" Tends to say 'we'll see'." if i % 5 == 0 else ""),
            }
            for i, (name, role) in enumerate(zip(names, roles, strict=True))
        ]

    def _fill(
        self, template: str, topic: str = "", person: str = "", at: dt.date | None = None
    ) -> str:
        """`template` with its blanks filled; quarters and dates near `at`."""
        rng = self.rng
        near = at or self.today
        year = near.year + rng.choice((0, 0, 1)) if at else rng.randint(2017, self.today.year)
        top = rng.randint(130, 190)
        return template.format(
            t=topic,
            p=person.split()[0] if person else "they",
            q=f"Q{rng.randint(1, 4)} {year}",
            n=rng.randint(2, 12),
            lo=top - rng.randint(15, 30),
            m=top,
            h=rng.choice(HEDGES),
            d=(near + dt.timedelta(days=rng.randint(0, 60))).isoformat(),
        )

    def _who(self, on: dt.date) -> list[str]:
        """One to three people for a conversation on `on` (the manager of the time first)."""
        rng = self.rng
        era = min(7, (on - self.start).days * 8 // (365 * YEARS + 1))
        first = self.people[era]["name"]  # the manager of that era
        others = [p["name"] for p in self.people[8:]]
        extra = rng.sample(others, k=rng.choice((0, 0, 0, 1, 1, 2)))
        return [first, *[e for e in extra if e != first]]

    def conversation(self, on: dt.date) -> tuple[dict[str, Any], tuple[str, str, str]]:
        """One conversation document and its topic."""
        rng = self.rng
        topic = rng.choice(TOPICS)
        what = self._fill(topic[1], at=on)
        people = self._who(on)
        lines = [
            self._fill(rng.choice(NOTE_LINES), what, rng.choice(people), on)
            for _ in range(rng.randint(6, 16))
        ]
        tags = list(dict.fromkeys([topic[0], *rng.sample(TAGS, k=rng.randint(0, 2))]))
        at = f"{rng.randint(8, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        doc = {
            "on": on.isoformat(),
            "at": at if rng.random() < 0.6 else None,
            "with": people,
            "channel": rng.choice(CHANNELS),
            "summary": self._fill(rng.choice(SUMMARIES), what, people[0], on),
            "notes": "\n".join(lines),
            "tags": tags,
        }
        return doc, (topic[0], what, topic[2])

    def promise(
        self, made: dt.date, by: str, conv: str | None, topic: tuple[str, str, str]
    ) -> dict[str, Any]:
        """One promise document, with a history that fits its age."""
        rng = self.rng
        text = self._fill(rng.choice(VERBS), topic[1], by, made)
        if rng.random() < 0.6:
            text += self._fill(rng.choice(WHEN), at=made)
        if rng.random() < 0.5:
            text += self._fill(rng.choice(CONTEXT), person=by)
        if rng.random() < 0.12:
            text += f", {rng.choice(HEDGES)}"
        age = (self.today - made).days
        history: list[dict[str, Any]] = []
        day = made

        def step(field: str, old: str | None, new: str | None) -> None:
            nonlocal day
            day = min(self.today, day + dt.timedelta(days=rng.randint(1, 40)))
            history.append({"field": field, "old": old, "new": new, "on": day.isoformat()})

        form = rng.choices(("verbal", "recap-sent", "written", "official"), (6, 2, 3, 1))[0]
        for later in ("recap-sent", "written", "official"):  # firmed up over time
            if rng.random() < 0.15 and FORM_RANK[later] > FORM_RANK[form]:
                step("form", form, later)
                form = later
        due = made + dt.timedelta(days=rng.randint(7, 150)) if rng.random() < 0.7 else None
        if due is not None and rng.random() < 0.2:  # moved, sometimes again and again
            for _ in range(rng.choice((1, 1, 2, 3, 4))):
                new = due + dt.timedelta(days=rng.randint(14, 90))
                step("due", due.isoformat(), new.isoformat())
                due = new
        status, status_on = "pending", None
        if rng.random() < (0.93 if age > 60 else age / 90):
            status = rng.choices(("honored", "partly", "broken", "withdrawn"), (5, 2, 3, 1))[0]
            if age <= 20 and rng.random() < 0.5:
                status = "pending"
        if status != "pending":
            if status == "withdrawn" and rng.random() < 0.4:  # walked back
                step("status", "pending", "honored")
                step("status", "honored", "withdrawn")
            else:
                step("status", "pending", status)
            status_on = day
        evidence = self._fill(
            rng.choice(EVIDENCE if form != "verbal" else QUOTES), topic[1], by, made
        )
        return {
            "text": text,
            "by": by,
            "made_on": made.isoformat(),
            "form": form,
            "evidence": evidence,
            "due": due.isoformat() if due else None,
            "category": topic[2] if rng.random() < 0.85 else rng.choice(CATEGORIES),
            "status": status,
            "status_on": status_on.isoformat() if status_on else None,
            "conversation": conv,
            "history": history,
        }


def _dates(rng: random.Random, n: int, start: dt.date, today: dt.date) -> list[dt.date]:
    span = (today - start).days
    return sorted(start + dt.timedelta(days=rng.randint(1, span)) for _ in range(n))


def _table(out: BinaryIO, name: str, docs: Iterator[tuple[int, dict[str, Any]]]) -> int:
    """Write `"name": {"1": {...}, ...}` one document at a time; the count written."""
    out.write(orjson.dumps(name) + b":{")
    n = 0
    for doc_id, doc in docs:
        out.write((b"," if n else b"") + orjson.dumps(str(doc_id)) + b":" + orjson.dumps(doc))
        n += 1
    out.write(b"}")
    return n


def generate(
    path: Path | str, size: str = "big", *, seed: int = 7, today: dt.date = TODAY
) -> dict[str, int]:
    """Write a journal of `size` (a SIZES name) to `path`; the counts of each table."""
    n_conv, n_prom = SIZES[size]
    g = _Gen(seed, today)
    rng = g.rng
    n_asks, n_offers = max(5, n_prom // 100), max(3, n_conv // 250)
    conv_dates = _dates(rng, n_conv, g.start, today)
    # Promises: 85% made in a conversation (one to five per conversation), the rest alone.
    n_linked = n_prom * 85 // 100
    owners = sorted(rng.randrange(n_conv) for _ in range(n_linked))
    loose_dates = _dates(rng, n_prom - n_linked, g.start, today)
    topics: dict[int, tuple[str, tuple[str, str, str], list[str]]] = {}

    def conversations() -> Iterator[tuple[int, dict[str, Any]]]:
        for i, on in enumerate(conv_dates):
            doc, topic = g.conversation(on)
            topics[i] = (on.isoformat(), topic, doc["with"])
            yield i + 1, doc

    def promises() -> Iterator[tuple[int, dict[str, Any]]]:
        loose = iter(loose_dates)
        for k in range(n_prom):
            doc_id = k + 1
            if k < n_linked:
                c = owners[k]
                on, topic, people = topics[c]
                by = people[0] if rng.random() < 0.7 else rng.choice(people)
                yield doc_id, g.promise(dt.date.fromisoformat(on), by, f"c{c + 1}", topic)
            else:
                t = rng.choice(TOPICS)
                made = next(loose)
                topic = (t[0], g._fill(t[1], at=made), t[2])
                by = rng.choice(g.people)["name"]
                yield doc_id, g.promise(made, by, None, topic)

    def asks() -> Iterator[tuple[int, dict[str, Any]]]:
        for i in range(n_asks):
            topic = rng.choice(TOPICS)
            target = today + dt.timedelta(days=rng.randint(-3000, 200))
            yield (
                i + 1,
                {
                    "text": g._fill("I want " + topic[1]) + (", ideally" if i % 7 == 0 else ""),
                    "measure": ""
                    if i % 6 == 0
                    else g._fill("announced to the team by {d}", topic[1]),
                    "target": target.isoformat() if i % 5 else None,
                    "priority": rng.choice(("high", "medium", "low")),
                    "status": "open"
                    if target > today
                    else rng.choice(("granted", "partly", "refused", "dropped")),
                    "promises": [f"p{rng.randint(1, n_prom)}" for _ in range(rng.randint(0, 3))],
                },
            )

    def offers() -> Iterator[tuple[int, dict[str, Any]]]:
        for i in range(n_offers):
            last = i == n_offers - 1
            received = today - dt.timedelta(days=9 if last else rng.randint(30, 3600))
            yield (
                i + 1,
                {
                    "company": "Acme (counteroffer)" if i % 4 == 3 else rng.choice(COMPANIES),
                    "role": rng.choice(TITLES),
                    "base": rng.randrange(110_000, 210_000, 1000),
                    "bonus": rng.choice((None, 5000, 10_000, 20_000)),
                    "equity": rng.choice(("", "0.05% over 4 years", "2,000 RSUs")),
                    "terms": "Hybrid, 2 days in office\nStart within 6 weeks",
                    "received": received.isoformat(),
                    "deadline": (received + dt.timedelta(days=11)).isoformat(),
                    "written": i % 4 != 3,
                    "counter": i % 4 == 3,
                    "status": "open" if last else rng.choice(("accepted", "declined", "expired")),
                },
            )

    meta = {
        "schema": 2,
        "revision": n_conv + n_prom,
        "next": {
            "u": len(g.people) + 1,
            "c": n_conv + 1,
            "p": n_prom + 1,
            "a": n_asks + 1,
            "o": n_offers + 1,
        },
    }
    job = {"company": "Acme", "role": "Senior Designer", "base": 128_000, "bonus": 8_000,
           "terms": "Hybrid"}  # fmt: skip
    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    counts: dict[str, int] = {}
    with open(tmp, "wb") as out:
        out.write(b'{"_leverage":{"1":' + orjson.dumps(meta) + b"},")
        counts["people"] = _table(out, "people", enumerate(g.people, start=1))
        out.write(b",")
        counts["conversations"] = _table(out, "conversations", conversations())
        out.write(b",")
        counts["promises"] = _table(out, "promises", promises())
        out.write(b",")
        counts["asks"] = _table(out, "asks", asks())
        out.write(b",")
        counts["offers"] = _table(out, "offers", offers())
        out.write(b',"current_job":{"1":' + orjson.dumps(job) + b"}}")
    tmp.replace(path)
    path.chmod(0o600)
    return counts


def main(argv: list[str] | None = None) -> int:
    """Generate a journal from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=SIZES)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="open it with Journal afterwards")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    counts = generate(args.output, args.size, seed=args.seed)
    took = time.perf_counter() - t0
    mb = args.output.stat().st_size / 1e6
    print(f"{args.output}: {mb:.1f} MB in {took:.1f} s: {counts}")
    if args.check:
        from leverage_tui.core.journal import Journal

        t0 = time.perf_counter()
        j = Journal(args.output, today=TODAY, backups=0)
        took = time.perf_counter() - t0
        print(
            f"Journal opened in {took:.2f} s: {len(j.people)} people, "
            f"{len(j.conversations)} conversations, {len(j.promises)} promises, "
            f"{len(j.asks)} asks, {len(j.offers)} offers"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
