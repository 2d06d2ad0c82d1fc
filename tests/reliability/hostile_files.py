# ruff: noqa: E501 (the table of cases reads best one case a line)
"""A generated set of hostile and damaged journal files (and exports), for
test_hostile_files.py: truncations, bit flips, wrong types in every field, deep nesting,
duplicate keys, unknown and future schemas, huge numbers, NaN, BOMs, NUL bytes, bad
encodings, control and bidi characters in every text field and in history, and things
that are not files at all.

Each case makes the bytes of a journal file (`flavor="journal"`, tables keyed by number)
or of an export (`flavor="export"`, keyed by id) from a good one; a few make a symbolic
link, a folder or a named pipe instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leverage_tui.core.journal import Journal

Data = dict[str, Any]
KEYS = {
    "journal": {t: "1" for t in ("people", "conversations", "promises", "asks", "offers")},
    "export": {"people": "u1", "conversations": "c1", "promises": "p1", "asks": "a1",
               "offers": "o1", "current_job": "now"},
}  # fmt: skip
KEYS["journal"].update(current_job="1", chain="1", chain_start="1")
HOSTILE_TEXT = [
    "\x1b]0;pwned\x07",  # sets the terminal's title
    "\x1b]52;c;ZWNobyBoaQ==\x07",  # writes the clipboard (OSC 52)
    "\x1b[2J\x1b[31mred",  # clears the screen
    "\x9b31m C1 CSI",
    "txt.\u202eexe",  # reads backwards
    "\u2066isolate\u2069",
    "bell\x07",
    "nul\x00byte",
    "del\x7fete",
    "line\u2028separator",
    "carriage\rreturn",
    "back\bspace",
]
"""Texts no field may hold; each text field gets one of them in turn."""
RAW_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
"""What must never reach a terminal raw (newline and tab aside)."""


def write_base(path: Path) -> Journal:
    """A good journal with every kind of record and every kind of field, saved eight
    times (so backups exist)."""
    today = dt.date(2026, 11, 23)
    j = Journal(path, today=today)
    c = j.add_conversation(["Sybil"], "Lead role talk", on=dt.date(2026, 11, 2), at="14:30",
                           notes="line one\nline two", tags=["lead"])  # fmt: skip
    j.add_person("Ana", role="hr", notes="HR partner")
    j.add_promise("You will lead Q3 planning", "Sybil", conversation=c.id,
                  evidence="slack message", due=dt.date(2026, 12, 1), category="leadership")  # fmt: skip
    j.update_promise("p1", form="written")
    j.add_ask("Team lead title", measure="on the org chart", promises=["p1"],
              floor="base=140000", target=dt.date(2027, 3, 1))  # fmt: skip
    j.add_offer("Acme", "Staff engineer", base=150000, equity="0.05%", terms="remote",
                deadline=dt.date(2026, 12, 4))  # fmt: skip
    j.update_offer("o1", base=160000)
    j.set_current_job(company="Halden", role="Designer", base=118000, terms="hybrid")
    return j


@dataclass(frozen=True)
class Case:
    """One hostile file: how to make it, and whether a good journal could hold it."""

    name: str
    make: Callable[[bytes, Data, str], bytes | str | None]
    """(good bytes, good data, flavor) -> the file's bytes, or "symlink" / "folder" /
    "fifo" for things that are not a regular file (None: not for this flavor)."""
    bad: bool | None = True
    """True: no good journal holds it; False: a good one does; None: either (the test
    then only asks that loading and `check` agree)."""
    export_bad: bool | None | str = "as bad"
    """The same for an export holding it."""

    @property
    def import_bad(self) -> bool | None:
        """Whether `import` must refuse the export holding it (None: either)."""
        return self.bad if isinstance(self.export_bad, str) else self.export_bad


def _dump(data: Data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _on_data(change: Callable[[Data, str], None]) -> Callable[[bytes, Data, str], bytes]:
    """A case that changes the parsed data, then writes it back compactly."""

    def make(raw: bytes, data: Data, flavor: str) -> bytes:
        changed = copy.deepcopy(data)
        change(changed, flavor)
        return _dump(changed)

    return make


def _record(data: Data, flavor: str, table: str) -> Data:
    record: Data = data[table][KEYS[flavor][table]]
    return record


def _header(data: Data, flavor: str) -> Data:
    header: Data = data["_leverage"]["1"] if flavor == "journal" else data["_leverage"]
    return header


def _set(table: str, field: str, value: Any) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        _record(data, flavor, table)[field] = value

    return change


def _set_header(field: str, value: Any) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        _header(data, flavor)[field] = value

    return change


def _raw(change: Callable[[bytes], bytes | None]) -> Callable[[bytes, Data, str], bytes | None]:
    def make(raw: bytes, data: Data, flavor: str) -> bytes | None:
        return change(_dump(data))

    return make


def _replace_once(old: bytes, new: bytes) -> Callable[[bytes], bytes | None]:
    def change(raw: bytes) -> bytes | None:
        if old not in raw:
            return None  # not in this flavor (an export has no revision)
        return raw.replace(old, new, 1)

    return change


def _flip(seed: int) -> Callable[[bytes], bytes]:
    def change(raw: bytes) -> bytes:
        rng = random.Random(seed)
        out = bytearray(raw)
        at = rng.randrange(len(out))
        out[at] ^= 1 << rng.randrange(8)
        return bytes(out)

    return change


def _wrong_value(value: Any) -> Any:
    """A value of another type than `value`'s."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int):
        return "12 thousand"
    if isinstance(value, str):
        return 12 if not value[:4].isdigit() else "the second of November"
    if isinstance(value, list):
        return "not a list"
    if isinstance(value, dict):
        return ["not", "an", "object"]
    return {"not": "a value"}  # None


def _journal_only(
    make: Callable[[bytes, Data, str], bytes | str | None],
) -> Callable[[bytes, Data, str], bytes | str | None]:
    """A case for a table only the journal file has (the hash chain's): none for exports."""
    return lambda raw, data, flavor: None if flavor == "export" else make(raw, data, flavor)


def _field_cases(data: Data, chain: bool = False) -> Iterator[Case]:
    """Wrong types in every field; a hostile character in every text field."""
    texts = 0
    for table, docs in data.items():
        if table == "_leverage":
            continue
        if table in ("chain", "chain_start") and not chain:
            for case in _field_cases({table: docs}, chain=True):
                yield Case(case.name, _journal_only(case.make), case.bad, case.export_bad)
            continue
        for field, value in next(iter(docs.values())).items():
            yield Case(f"{table}.{field} of the wrong type",
                       _on_data(_set(table, field, _wrong_value(value))))  # fmt: skip
            if isinstance(value, str) and not value[:4].isdigit() and field != "conversation":
                bad = HOSTILE_TEXT[texts % len(HOSTILE_TEXT)]
                texts += 1
                yield Case(f"{table}.{field} holding {bad!r}",
                           _on_data(_set(table, field, value + bad)))  # fmt: skip
            elif isinstance(value, list) and value and isinstance(value[0], str):
                bad = HOSTILE_TEXT[texts % len(HOSTILE_TEXT)]
                texts += 1
                yield Case(f"{table}.{field} holding {bad!r}",
                           _on_data(_set(table, field, [value[0] + bad])))  # fmt: skip
    if chain:
        return
    for part in ("field", "old", "new"):
        for table in ("promises", "offers"):
            bad = HOSTILE_TEXT[texts % len(HOSTILE_TEXT)]
            texts += 1

            def change(d: Data, flavor: str, table: str = table, part: str = part,
                       bad: str = bad) -> None:  # fmt: skip
                entry = _record(d, flavor, table)["history"][0]
                entry[part] = (entry[part] or "") + bad

            yield Case(f"{table}.history {part} holding {bad!r}", _on_data(change))
    yield Case("a history entry of the wrong type", _on_data(_set("promises", "history", [7])))
    yield Case("a history entry without a date",
               _on_data(lambda d, f: _record(d, f, "promises")["history"][0].pop("on")))  # fmt: skip


def _history_text(length: int) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        _record(data, flavor, "promises")["history"][0]["old"] = "x" * length

    return change


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def _deep_in(table: str, field: str, depth: int) -> Callable[[bytes, Data, str], bytes]:
    def make(raw: bytes, data: Data, flavor: str) -> bytes:
        changed = copy.deepcopy(data)
        _record(changed, flavor, table)[field] = "@@DEEP@@"
        return _dump(changed).replace(b'"@@DEEP@@"', _nested(depth))

    return make


def structural_cases() -> list[Case]:
    """Damage to the file as a whole and to its header."""
    return [
        Case("an empty file", lambda r, d, f: b""),
        Case("only whitespace", lambda r, d, f: b"  \n\t\n"),
        Case("NUL bytes only", lambda r, d, f: b"\x00" * 4096),
        Case("cut to a quarter", lambda r, d, f: r[: len(r) // 4]),
        Case("cut in half", lambda r, d, f: r[: len(r) // 2]),
        Case("cut before the last byte", lambda r, d, f: r[:-1]),
        *(Case(f"a bit flipped (seed {s})", _raw(_flip(s)), bad=None) for s in range(6)),
        Case("a NUL byte inside", lambda r, d, f: r[: len(r) // 2] + b"\x00" + r[len(r) // 2 :]),
        Case("a UTF-8 byte order mark", lambda r, d, f: b"\xef\xbb\xbf" + r),
        Case("UTF-16", lambda r, d, f: r.decode().encode("utf-16")),
        Case("Latin-1 text", _raw(_replace_once(b"Lead role talk", b"Lead r\xf4le talk"))),
        Case("invalid UTF-8", _raw(_replace_once(b"Lead role talk", b"Lead \xff\xfe talk"))),
        Case("a lone surrogate", _raw(_replace_once(b"Lead role talk", b"Lead \\ud800 talk"))),
        Case("a raw ESC byte in a string", _raw(_replace_once(b"Lead role", b"Lead\x1b[31m role"))),
        Case("a raw C1 control in a string",
             _raw(_replace_once(b"Lead role", "Lead\x9b31m role".encode()))),  # fmt: skip
        Case("not JSON", lambda r, d, f: b"Dear diary,\nthis is not JSON.\n"),
        Case("a JSON array", lambda r, d, f: b"[1, 2, 3]"),
        Case("a JSON string", lambda r, d, f: b'"journal"'),
        Case("JSON null", lambda r, d, f: b"null"),
        Case("an empty object", lambda r, d, f: b"{}"),
        Case("another program's TinyDB",
             lambda r, d, f: b'{"_default": {"1": {"title": "groceries"}}}'),  # fmt: skip
        Case("nested 100,000 deep", lambda r, d, f: _nested(100_000)),
        Case("an object nested 100,000 deep",
             lambda r, d, f: b'{"a":' * 100_000 + b"1" + b"}" * 100_000),  # fmt: skip
        Case("a promise's text nested 50,000 deep", _deep_in("promises", "text", 50_000)),
        Case("the header nested 50,000 deep",
             _raw(_replace_once(b'"_leverage":{', b'"_leverage":{"x":' + _nested(50_000) + b","))),  # fmt: skip
        Case("a table twice (the first one empty)",
             _raw(lambda r: r.replace(b'"promises":{', b'"promises":{},"promises":{', 1))),  # fmt: skip
        Case("a table twice (the second one empty)",
             _raw(lambda r: r[:-1] + b',"people":{}}')),  # fmt: skip
        Case("the header twice", _raw(lambda r: b'{"_leverage":{"1":{"schema":2}},' + r[1:])),
        Case("a record twice in its table", _dup_record),
        Case("a field twice in one record",
             _raw(_replace_once(b'"text":"You will', b'"text":"Other text","text":"You will'))),  # fmt: skip
        Case("the schema twice", _raw(_replace_once(b'"schema":2', b'"schema":2,"schema":2'))),
        Case("no schema", _on_data(lambda d, f: _header(d, f).pop("schema")), export_bad=False),
        Case("schema as text", _on_data(_set_header("schema", "two"))),
        Case("schema as a float", _on_data(_set_header("schema", 2.0))),
        Case("schema true", _on_data(_set_header("schema", True))),
        Case("schema -1", _on_data(_set_header("schema", -1))),
        Case("schema 0 (unknown)", _on_data(_set_header("schema", 0))),
        Case("a future schema (99)", _on_data(_set_header("schema", 99))),
        Case("a schema of 2**70", _raw(_replace_once(b'"schema":2', b'"schema":1180591620717411303424'))),
        Case("a header that is a list", _raw(_header_list)),
        Case("revision as text", _on_data(_set_header("revision", "seven")), export_bad=False),
        Case("a revision of 10**30", _raw(_replace_once(b'"revision":', b'"revision":1000000000000000000000000')), bad=None),
        Case("an id counter as text", _on_data(_counter("seven")), export_bad=False),
        Case("an id counter of 10**15", _on_data(_counter(10**15)), export_bad=False),
        Case("an id counter that is a list", _on_data(_counter([3])), export_bad=False),
        Case("pay of 10**30", _raw(_replace_once(b'"base":160000', b'"base":1000000000000000000000000000000'))),
        Case("pay of 1e400", _raw(_replace_once(b'"base":160000', b'"base":1e400'))),
        Case("pay of -1", _raw(_replace_once(b'"base":160000', b'"base":-1'))),
        Case("pay as NaN", _raw(_replace_once(b'"base":160000', b'"base":NaN'))),
        Case("pay as Infinity", _raw(_replace_once(b'"base":160000', b'"base":Infinity'))),
        Case("vesting as -Infinity", _raw(_replace_once(b'"vesting_years":4', b'"vesting_years":-Infinity'))),
        Case("a date that does not exist", _on_data(_set("promises", "due", "2026-02-30"))),
        Case("a date in 1800", _on_data(_set("promises", "made_on", "1800-01-01"))),
        Case("a date in 9999", _on_data(_set("promises", "due", "9999-12-31"))),
        Case("a history date in year 1",
             _on_data(lambda d, f: _record(d, f, "promises")["history"][0].update(on="0001-01-01"))),  # fmt: skip
        Case("a promise text over the limit", _on_data(_set("promises", "text", "x" * 2001))),
        Case("notes over the limit", _on_data(_set("conversations", "notes", "x" * 100_001))),
        Case("a history text over the limit", _on_data(_history_text(2001))),
        Case("a history text just at the limit", _on_data(_history_text(2000)), bad=False),
        Case("an empty required text", _on_data(_set("promises", "text", "   "))),
        Case("a required field missing", _on_data(lambda d, f: _record(d, f, "promises").pop("by"))),
        Case("a line break in a one-line text", _on_data(_set("promises", "text", "one\ntwo"))),
        Case("a tag of two words", _on_data(_set("conversations", "tags", ["two words"]))),
        Case("a time of day 25:00", _on_data(_set("conversations", "at", "25:00"))),
        Case("an unknown form", _on_data(_set("promises", "form", "carved in stone"))),
        Case("a record that is not an object", _on_data(_replace_table_entry("promises", "p"))),
        Case("a table that is a list", _on_data(lambda d, f: d.update(promises=[1]))),
        Case("a record id that is not a number", _on_data(_rekey("promises", "abc"))),
        Case("a record id of 0", _on_data(_rekey("promises", "0"))),
        Case("a record id with 13 digits", _on_data(_rekey("promises", "1234567890123"))),
        Case("a promise by nobody known", _on_data(_set("promises", "by", "Nobody")),
             export_bad=False),  # an import adds the people it names
        Case("a promise of a missing conversation", _on_data(_set("promises", "conversation", "c9"))),
        Case("an ask linking a missing promise", _on_data(_set("asks", "promises", ["p9"]))),
        Case("two people with one name",
             _on_data(lambda d, f: _record(d, f, "people").update(name="Ana")),
             export_bad=None),  # an import keeps the person already known  # fmt: skip
        Case("an encrypted header and garbage", lambda r, d, f: b"LEVERAGE-ENCRYPTED\n{garbage"),
        Case("an unknown field in a record", _on_data(_set("promises", "colour", "blue")), bad=None),
        Case("another program's table beside", _on_data(lambda d, f: d.update(notes={"1": {"x": 1}})),
             bad=False),  # fmt: skip
        Case("a symbolic link to a good journal", lambda r, d, f: "symlink", export_bad=False),
        Case("a folder", lambda r, d, f: "folder"),
        Case("a named pipe", lambda r, d, f: "fifo"),
    ]  # fmt: skip


def _header_list(raw: bytes) -> bytes:
    start = raw.index(b'"_leverage":') + len(b'"_leverage":')
    end = raw.index(b',"people"')
    return raw[:start] + b"[1]" + raw[end:]


def _dup_record(raw: bytes, data: Data, flavor: str) -> bytes:
    key = KEYS[flavor]["promises"]
    other = dict(_record(data, flavor, "promises"), text="A second promise, same key")
    raw = _dump(data)
    marker = b'"promises":{'
    return raw.replace(marker, marker + f'"{key}":'.encode() + _dump(other) + b",", 1)


def _counter(value: Any) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        _header(data, flavor).setdefault("next", {})["p"] = value

    return change


def _replace_table_entry(table: str, value: Any) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        data[table][KEYS[flavor][table]] = value

    return change


def _rekey(table: str, key: str) -> Callable[[Data, str], None]:
    def change(data: Data, flavor: str) -> None:
        docs = data[table]
        old = KEYS[flavor][table]
        docs[key if flavor == "journal" else table[0] + key] = docs.pop(old)

    return change


def all_cases(good: Data) -> list[Case]:
    """Every hostile case, the structural ones first."""
    return structural_cases() + list(_field_cases(good))


def place(case: Case, path: Path, raw: bytes, data: Data, flavor: str) -> bool:
    """Put the case's file (or link, folder, pipe) at `path`; False when the case has
    nothing for this flavor."""
    made = case.make(raw, data, flavor)
    if made is None:
        return False
    if made == "symlink":
        elsewhere = path.parent / f"elsewhere-{path.name}"
        elsewhere.write_bytes(raw)
        path.symlink_to(elsewhere)
    elif made == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("a file in the folder")
    elif made == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(made)
    return True
