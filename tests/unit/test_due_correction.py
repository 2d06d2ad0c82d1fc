"""A due date fixed on the day the promise was recorded is a correction, not a move."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leverage_tui.core.flags import DUE_CORRECTION, flags_for_promise, moved_later
from leverage_tui.core.journal import Journal

TODAY = date(2026, 10, 28)


def _fields(j: Journal, pid: str) -> list[str]:
    return [c.field for c in j.promise(pid).history]


def test_due_fixed_twice_on_the_day_made_is_a_correction(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_promise("Send the plan", "Sybil", due=date(2026, 3, 1))  # typed wrong: last March
    j.update_promise("p1", due=date(2027, 3, 1))
    j.update_promise("p1", due=date(2027, 4, 1))
    p = j.promise("p1")
    assert [c.field for c in p.history] == [DUE_CORRECTION, DUE_CORRECTION]
    assert moved_later(p) == []
    assert "moving-target" not in {f.flag for f in flags_for_promise(p, TODAY)}


def test_a_change_on_a_later_day_is_a_move(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_promise("Send the plan", "Sybil", due=date(2026, 11, 1))
    j.update_promise("p1", due=date(2026, 11, 8))  # a correction
    later = Journal(tmp_path / "j.json", today=date(2026, 10, 30))
    later.update_promise("p1", due=date(2026, 11, 15))
    later.update_promise("p1", due=date(2026, 11, 22))
    p = later.promise("p1")
    assert [c.field for c in p.history] == [DUE_CORRECTION, "due", "due"]
    assert "moving-target" in {f.flag for f in flags_for_promise(p, date(2026, 10, 30))}


def test_a_change_dated_by_hand_or_after_another_change_is_a_move(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.json", today=TODAY)
    j.add_promise("A", "Sybil", due=date(2026, 11, 1))
    j.update_promise("p1", due=date(2026, 11, 8), on=TODAY)  # dated with --on
    j.add_promise("B", "Sybil", due=date(2026, 11, 1))
    j.update_promise("p2", form="written", evidence="email")
    j.update_promise("p2", due=date(2026, 11, 8))  # after another change
    j.add_promise("C", "Sybil", made_on=date(2026, 10, 1), due=date(2026, 11, 1))
    j.update_promise("p3", due=date(2026, 11, 8))  # made on another day
    assert _fields(j, "p1") == ["due"]
    assert _fields(j, "p2") == ["form", "due"]
    assert _fields(j, "p3") == ["due"]
