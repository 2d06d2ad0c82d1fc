"""The hash chain (issue 15): every change appended in the same save, and `verify`
catching a hand edit, a removed entry, a record added or removed by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leverage_tui.core import chain
from leverage_tui.core.chain_verify import Verdict, against, normal_fingerprint, summary, verify
from leverage_tui.core.journal import Journal
from leverage_tui.core.records import Promise

from .conftest import TODAY, days


def check(path: Path) -> Verdict:
    """verify() on the journal as it is on disk now."""
    j = Journal(path, today=TODAY)
    return verify(j.storage.read(), j.storage.meta)


def edit_file(path: Path, change: Any) -> None:
    """Change the journal file by hand, as someone with a text editor would."""
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(json.dumps(data))


def test_every_change_is_in_the_chain_and_verify_says_intact(journal: Journal, path: Path) -> None:
    verdict = check(path)
    assert verdict.ok, verdict.problems
    # u1 Dana and c1, p1, u2 Sam and p2, a1, o1: one entry each, after the start
    assert verdict.changes == 7
    assert [e.record for _, e in verdict.entries[1:]] == ["u1", "c1", "p1", "u2", "p2", "a1", "o1"]
    line = summary(verdict)
    assert line.startswith(f"intact: 7 changes since {TODAY.isoformat()}; fingerprint ")
    assert verdict.fingerprint == chain.current_fingerprint(journal.storage.meta)
    assert len(verdict.fingerprint) == 19 and verdict.fingerprint.count("-") == 3


def test_a_hand_edited_promise_text_fails_verify_and_names_it(journal: Journal, path: Path) -> None:
    edit_file(path, lambda d: d["promises"]["1"].update(text="You will lead the whole org"))
    verdict = check(path)
    assert not verdict.ok
    assert verdict.problems[0].startswith("p1 (promise 'You will lead the whole org') was changed")
    assert "outside Leverage" in verdict.problems[0]


def test_a_removed_chain_entry_is_caught(journal: Journal, path: Path) -> None:
    edit_file(path, lambda d: d["chain"].pop("4"))  # p1's entry
    verdict = check(path)
    assert not verdict.ok
    assert verdict.problems[0] == "change 3 is missing from the chain (removed by hand)"


def test_the_last_entry_removed_with_the_header_mended_is_caught(
    journal: Journal, path: Path
) -> None:
    def cut(d: dict[str, Any]) -> None:
        last = max(d["chain"], key=int)
        d["chain"].pop(last)
        d["_leverage"]["1"]["chain"] = {
            "entries": len(d["chain"]),
            "head": d["chain"][str(int(last) - 1)]["hash"],
        }

    edit_file(path, cut)
    verdict = check(path)
    assert not verdict.ok  # o1 is no longer in the chain
    assert any(p.startswith("o1 (offer 'Acme') is not in the chain") for p in verdict.problems)


def test_an_altered_entry_breaks_the_chain_from_there(journal: Journal, path: Path) -> None:
    edit_file(path, lambda d: d["chain"]["3"].update(on="2020-01-01"))
    verdict = check(path)
    assert verdict.problems[0].startswith("change 2 (2020-01-01")
    assert "does not match the chain" in verdict.problems[0]
    assert verdict.intact_to == 2


def test_records_added_or_removed_by_hand_are_caught(journal: Journal, path: Path) -> None:
    def meddle(d: dict[str, Any]) -> None:
        d["promises"]["9"] = dict(d["promises"]["2"], text="Planted")
        del d["asks"]["1"]

    edit_file(path, meddle)
    problems = check(path).problems
    assert any(p.startswith("p9 (promise 'Planted') is not in the chain") for p in problems)
    assert any(p.startswith("a1 is missing: removed outside Leverage") for p in problems)


def test_a_removed_chain_is_caught_by_the_header(journal: Journal, path: Path) -> None:
    edit_file(path, lambda d: d.pop("chain"))
    verdict = check(path)
    assert not verdict.ok and verdict.problems[0].startswith("the chain was removed")


def test_undo_and_import_are_changes_in_the_chain(journal: Journal, path: Path) -> None:
    journal.update_promise("p1", form="written")
    journal.undo()
    other = Journal(path.with_name("other.json"), today=TODAY)
    other.import_data(journal.export_data())
    labels = [e.change for _, e in check(path).entries]
    assert labels[-2:] == ["edit of 'You will lead the Q3 planning'", "undo"]
    imported = verify(other.storage.read(), other.storage.meta)
    assert imported.ok and {e.change for _, e in imported.entries[1:]} == {"import"}


def test_a_hand_edit_is_recorded_before_the_next_change(journal: Journal, path: Path) -> None:
    """Changing a hand-edited record through Leverage never launders the hand edit."""
    edit_file(path, lambda d: d["promises"]["1"].update(text="Edited by hand"))
    again = Journal(path, today=TODAY)
    again.update_promise("p1", due=days(40))
    verdict = check(path)
    assert verdict.ok
    outside = [e for _, e in verdict.entries if e.change == chain.OUTSIDE]
    assert [e.record for e in outside] == ["p1"]
    assert verdict.outside and "p1" in verdict.outside[0]


def test_an_older_journal_starts_its_chain_with_the_records_it_held(
    journal: Journal, path: Path
) -> None:
    def old(d: dict[str, Any]) -> None:  # as a journal from before the chain
        d.pop("chain")
        d.pop("chain_start", None)
        d["_leverage"]["1"].pop("chain")

    edit_file(path, old)
    assert not check(path).started and check(path).ok
    assert summary(check(path)).startswith("no chain yet")
    Journal(path, today=TODAY).update_promise("p2", due=days(9))
    verdict = check(path)
    assert verdict.ok and verdict.changes == 1 and verdict.started_with == 7
    assert "the chain began on 2026-11-23 with the 7 records the journal held then" in summary(
        verdict
    )
    # the records untouched since are checked against the start
    edit_file(path, lambda d: d["offers"]["1"].update(role="CEO"))
    assert check(path).problems[0].startswith("o1 (offer 'Acme') was changed outside Leverage")


def test_verify_against_a_fingerprint_taken_earlier(journal: Journal, path: Path) -> None:
    earlier = check(path).fingerprint
    journal.update_promise("p1", form="written", evidence="email: Re: Q3")
    journal.add_promise("A new one", "Dana")
    verdict = check(path)
    found, after = against(verdict, normal_fingerprint(earlier.lower().replace("-", " ")))
    assert found == 7 and [e.record for _, e in after] == ["p1", "p3"]
    assert against(verdict, normal_fingerprint("AAAA-AAAA-AAAA-AAAA")) == (None, [])
    with pytest.raises(ValueError):
        normal_fingerprint("not a fingerprint")
    # an earlier change altered: the fingerprint taken after it can no longer be proved
    edit_file(path, lambda d: d["chain"]["3"].update(change="forged"))
    assert against(check(path), normal_fingerprint(earlier)) == (None, [])


def test_a_field_at_its_default_leaves_the_digest_alone() -> None:
    """A field added in a later version with a default changes no digest."""
    p = Promise(id="p1", text="x", by="Dana", made_on=TODAY)
    doc = chain.msgspec.to_builtins(p)
    assert "evidence" in doc  # it is there, and left out of the digest
    assert chain.digest(p) == chain.digest(chain.msgspec.structs.replace(p, evidence=""))
    assert chain.digest(p) != chain.digest(chain.msgspec.structs.replace(p, evidence="e"))


def test_the_chain_survives_a_deferred_save(path: Path) -> None:
    j = Journal(path, today=TODAY, deferred=True)
    j.add_promise("Deferred", "Dana")
    j.flush()
    assert check(path).ok and check(path).changes == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("change", "edit\x1b]0;pwned\x07"),
        ("record", "\x1b[2Jp1"),
        ("digest", "not a digest"),
        ("hash", "0" * 63 + "\u202e"),
        ("on", "the second of November"),
    ],
)
def test_a_chain_entry_of_the_wrong_shape_is_refused_on_opening(
    journal: Journal, path: Path, field: str, value: str
) -> None:
    """A chain entry holding what the chain never writes (a control character above all)
    is damage: the journal is refused with its backup named, nothing reaches a screen."""
    from leverage_tui.core.journal_file import JournalError

    edit_file(path, lambda d: d["chain"]["2"].__setitem__(field, value))
    with pytest.raises(JournalError, match="chain table is not readable"):
        Journal(path, today=TODAY)


def test_every_table_of_a_chained_journal_reads_in_tinydb(journal: Journal, path: Path) -> None:
    """The chain's tables are TinyDB tables too: documents under numeric keys."""
    from tinydb import TinyDB

    journal.update_promise("p1", status="honored")  # a change after the start
    db = TinyDB(path, access_mode="r")
    assert {"chain", "promises"} <= db.tables()
    sizes = {name: len(db.table(name).all()) for name in db.tables()}
    assert sizes["chain"] == check(path).changes + 1
    db.close()
