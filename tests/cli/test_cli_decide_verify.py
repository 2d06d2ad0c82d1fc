"""The command line of issue 15: decide, the evidence warning, attach and list
attachments, verify (and --against), delete --with-attachments."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Run


def test_decide_accepting_keeps_the_others_open_in_a_script(cli: Run, sample: Path) -> None:
    r = cli("decide", "o2", "--accept", "--why", "the", "team", "--on", "2026-11-20")
    assert r.code == 0, r.err
    assert r.out.splitlines()[0] == (
        'd1: accepted the counteroffer from Current Co (o2) on 20 Nov 2026: "the team"'
    )
    assert "still open: o1" in r.err
    offers = {o["id"]: o["status"] for o in cli("list", "offers", "--json").json}
    assert offers == {"o1": "open", "o2": "accepted"}
    decisions = cli("list", "decisions", "--json").json
    assert decisions == [
        {"id": "d1", "offer": "o2", "choice": "accepted", "on": "2026-11-20", "why": "the team"}
    ]
    timeline = cli("timeline", "--kind", "decision", "--json").json
    assert [e["id"] for e in timeline] == ["d1"]


def test_decide_accepting_the_outside_offer_declines_the_others_and_releases(
    cli: Run, sample: Path
) -> None:
    r = cli("decide", "o1", "--accept", "--decline-others")
    assert r.code == 0, r.err
    assert "d2: declined the counteroffer from Current Co (o2)" in r.out
    # nobody is recorded at Current Co: only promises about the counteroffer would go
    assert "no longer expected" not in r.out
    again = cli("decide", "o1", "--decline")
    assert again.code == 2 and "o1 was already accepted (d1 on 23 Nov 2026)" in again.err


def test_decide_bad_usage_is_exit_2(cli: Run, sample: Path) -> None:
    assert cli("decide", "o1").code == 2
    assert cli("decide", "o1", "--accept", "--decline").code == 2
    assert cli("decide", "o1", "--decline", "--decline-others").code == 2
    assert cli("decide", "o9", "--accept").code == 2
    assert cli("decide", "p1", "--accept").code == 2


def test_written_without_evidence_is_a_warning_not_an_error(cli: Run, sample: Path) -> None:
    r = cli("update", "promise", "p1", "--form", "written")
    assert r.code == 0
    assert r.err.startswith("leverage: warning: p1 is written with no evidence")
    assert len(r.err.splitlines()) == 1
    quiet = cli("update", "promise", "p2", "--form", "official", "--evidence", "letter")
    assert quiet.code == 0 and quiet.err == ""
    added = cli("add", "promise", "--by", "Ana", "--form", "official", "Budget")
    assert added.code == 0 and "p6 is official with no evidence" in added.err
    review = cli("review", "--json").json
    # p1 and p6 now; p4 and p5 were written or official already without any
    assert review["track_record"]["written_without_evidence"] == 4


def test_attach_list_and_write_back(cli: Run, sample: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"Offer: 150k\n")
    assert cli("attach", "o1", str(letter), "--note", "signed").out == "f1\n"
    listed = cli("list", "attachments", "--json").json
    assert [set(a) for a in listed] == [{"id", "record", "name", "size", "sha256", "added", "note"}]
    assert listed[0]["size"] == 12 and listed[0]["note"] == "signed"
    text = cli("list", "attachments").out
    assert "letter.txt" in text and "f1" in text
    assert cli("attachment", "f1", "-o", "-").out == "Offer: 150k\n"
    assert cli("attachment", "f9", "-o", str(tmp_path / "x")).code == 2
    assert cli("attach", "f1", str(letter)).code == 2  # not on an attachment
    assert cli("delete", "o1").code == 2
    assert cli("delete", "o1", "--with-attachments").code == 0
    assert cli("list", "attachments", "--json").json == []


def test_verify_intact_then_a_hand_edit_then_against(
    cli: Run, sample: Path, journal_path: Path
) -> None:
    ok = cli("verify")
    assert ok.code == 0, ok.out
    assert ok.out.startswith("intact: ") and "; fingerprint " in ok.out
    fingerprint = cli("verify", "--json").json["fingerprint"]
    assert cli("update", "promise", "p1", "--due", "2027-01-10").code == 0
    proved = cli("verify", "--against", fingerprint)
    assert proved.code == 0
    assert f"{fingerprint} is change " in proved.out and "1 change after it" in proved.out
    data = json.loads(journal_path.read_bytes())
    data["promises"]["3"]["text"] = "Title change to principal"
    journal_path.write_text(json.dumps(data))
    bad = cli("verify")
    assert bad.code == 1
    assert bad.out.splitlines()[0] == (
        "not intact: p3 (promise 'Title change to principal') was changed outside "
        "Leverage: it does not match change 6 (2026-11-23)"
    )
    assert cli("verify", "--against", "AAAA-BBBB-CCCC-DDDD").code == 1
    assert cli("verify", "--against", "nonsense").code == 2


def test_import_says_attached_files_are_not_in_an_export(
    cli: Run, sample: Path, tmp_path: Path, journal_path: Path
) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"Offer\n")
    assert cli("attach", "o1", str(letter)).code == 0
    exported = tmp_path / "export.json"
    assert cli("export", "--format", "json", "-o", str(exported)).code == 0
    assert json.loads(exported.read_bytes())["attachments"]["f1"]["name"] == "letter.txt"
    other = tmp_path / "other.json"
    r = cli("--journal", str(other), "import", str(exported))
    assert r.code == 0, r.err
    assert "1 attachment not imported" in r.out
    assert cli("--journal", str(other), "list", "attachments", "--json").json == []
    assert cli("--journal", str(other), "verify").code == 0
