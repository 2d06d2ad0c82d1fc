"""`leverage review`, `current-job` and `export --format md|csv|ics`, in process (`recap`:
test_recap_cli.py)."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from leverage_tui.core.journal import Journal

from .conftest import TODAY, Run


def test_review_json_numbers(cli: Run, sample: Path) -> None:
    r = cli("review", "--json")
    assert (r.code, r.err) == (0, "")
    doc = r.json
    # sample: p1 p2 pending verbal; p3 p5 pending written; p4 official, honored then withdrawn
    assert doc["track_record"]["overall"] == {
        "honored": 0,
        "partly": 0,
        "broken": 0,
        "withdrawn": 1,
        "pending": 4,
        "released": 0,
        "resolved": 1,
        "late": 1,  # p3, due 11-20
        "confirmed_later": 0,
        "honor_rate": 0.0,
        "too_few": True,
        "interval": [0.0, 0.7935],  # Wilson, 0 of 1: z² / (1 + z²)
    }
    assert doc["track_record"]["verbal"]["honor_rate"] is None
    assert doc["track_record"]["written"]["withdrawn"] == 1
    assert doc["track_record"]["by_person"]["Ana"]["pending"] == 2
    assert [f["flag"] for f in doc["flags"]][:3] == ["overdue", "deadline", "walked-back"]
    assert [o["id"] for o in doc["offers"]] == ["o1", "o2"]
    assert doc["offers"][0]["days_left"] == 2
    assert {a["id"]: a["coverage"] for a in doc["asks"]} == {
        "a1": "verbal only",
        "a2": "not covered",
    }
    assert doc["checklist"][3]["answer"] == "2 days: Acme wants an answer by 25 Nov 2026."


def test_review_md_to_stdout_and_to_a_private_file(cli: Run, sample: Path, tmp_path: Path) -> None:
    r = cli("review", "--md")
    assert r.code == 0 and r.out.startswith("# Decision brief, 23 November 2026\n")
    assert "## Before accepting a counteroffer" in r.out
    target = tmp_path / "brief.md"
    r = cli("review", "-o", str(target))
    assert (r.code, r.out) == (0, f"wrote the decision brief to {target}\n")
    assert target.read_text(encoding="utf-8") == cli("review", "--md").out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_review_json_to_a_file(cli: Run, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    assert cli("review", "--json", "-o", str(target)).code == 0
    assert json.loads(target.read_text())["track_record"]["overall"]["pending"] == 4


def test_review_md_and_json_together_is_a_usage_error(cli: Run, sample: Path) -> None:
    r = cli("review", "--md", "--json")
    assert (r.code, r.out) == (2, "")
    assert "choose one of --md and --json" in r.err


def test_current_job(cli: Run, sample: Path) -> None:
    r = cli("current-job")
    assert r.out.startswith("no current job recorded")
    r = cli("current-job", "--base", "120k")
    assert r.code == 2 and "--company and --role" in r.err
    r = cli("current-job", "--company", "Current Co", "--role", "Engineer", "--base", "120k")
    assert (r.code, r.out) == (0, "Engineer at Current Co; base 120,000\n")
    r = cli("current-job", "--bonus", "5,000", "--json")
    assert r.json == {
        "id": "now",
        "company": "Current Co",
        "role": "Engineer",
        "base": 120000,
        "bonus": 5000,
        "sign_on": None,
        "equity": None,  # empty texts are null in --json, as in every listing
        "equity_value": None,
        "vesting_years": 4,
        "cliff_months": 12,
        "benefits": None,
        "terms": None,
    }
    review = cli("review", "--json").json
    assert review["offers"][1]["differences"][0] == "base +20,000 (+17%)"
    r = cli("current-job", "--base", "lots")
    assert r.code == 2 and "base pay is not an amount" in r.err
    assert cli("current-job", "--clear").out.startswith("no current job recorded")


def test_export_md(cli: Run, sample: Path) -> None:
    r = cli("export", "--format", "md")
    assert r.code == 0 and r.out.startswith("# Leverage journal\n")
    assert "## November 2026" in r.out


def test_export_csv_file_reads_back(cli: Run, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "promises.csv"
    r = cli("export", "--format", "csv", "--kind", "promises", "-o", str(target))
    assert (r.code, r.out) == (0, f"wrote promises as CSV to {target}\n")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    journal = Journal(sample, today=TODAY)
    assert [r["id"] for r in rows] == list(journal.promises)
    assert [r["text"] for r in rows] == [p.text for p in journal.promises.values()]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    stdout = cli("export", "--format", "csv").out  # promises by default, no byte order mark
    assert stdout.startswith("id,text,by,")


def test_export_ics_parses_back(cli: Run, sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    assert cli("export", "--format", "ics", "-o", str(target)).code == 0
    cal = Calendar.from_ical(target.read_bytes())
    jid = json.loads(sample.read_text())["_leverage"]["1"]["journal_id"]
    starts = {
        str(e["UID"]).replace(f"-{jid}@", "@"): e.decoded("DTSTART") for e in cal.walk("VEVENT")
    }
    assert starts == {
        "p1-due@leverage": date(2026, 12, 1),
        "p3-due@leverage": date(2026, 11, 20),
        "p5-due@leverage": date(2026, 12, 15),
        "o1-deadline@leverage": date(2026, 11, 25),
    }


def test_export_kind_only_for_csv(cli: Run, sample: Path) -> None:
    r = cli("export", "--format", "md", "--kind", "asks")
    assert (r.code, r.out) == (2, "")
    assert "--kind only applies to --format csv" in r.err


def test_review_json_has_the_decision_keys_exactly(cli: Run, sample: Path) -> None:
    cli("add", "ask", "Base of at least 145k", "--floor", "base=145000")
    doc = cli("review", "--json").json
    assert set(doc) == {
        "today",
        "bottom_line",
        "conflicts",
        "current_job",
        "offers",
        "track_record",
        "by_month",
        "flags",
        "asks",
        "risk_questions",
        "checklist",
        "since_stayed",
        "fingerprint",
    }
    assert all(isinstance(s, str) for s in doc["bottom_line"]) and len(doc["bottom_line"]) <= 5
    assert doc["conflicts"] == [
        {
            "kind": "deadline-order",
            "text": "The counteroffer from Current Co is not in writing and no date is set "
            "for it, and Acme's offer expires 25 Nov: ask Current Co for it in writing before "
            "then, or Acme for more time.",
            "ids": ["o2", "o1"],
        }
    ]
    acme = doc["offers"][0]
    totals = ("cash_year1", "guaranteed_year1", "total_year1", "total_4y")
    assert [acme[k] for k in totals] == [150_000, 150_000, 150_000, 600_000]  # base alone...
    assert acme["unknown"] == ["bonus", "sign_on", "equity_value", "benefits"]  # ...says so
    assert acme["versus"] == [{"id": "o2", "base": 10_000, "total_year1": None, "total_4y": None}]
    ask = doc["asks"][-1]
    assert ask["floor"] == {"field": "base", "amount": 145_000}
    assert ask["met_by"] == {"o2": False, "o1": True}
    assert doc["asks"][0]["floor"] is None and doc["asks"][0]["met_by"] == {}
    assert len(doc["risk_questions"]) >= 5  # a counteroffer is open


def test_offer_figures_through_the_command_line(cli: Run, journal_path: Path) -> None:
    r = cli(
        "add", "offer", "--company", "Acme", "--role", "Staff", "--base", "120k",
        "--bonus", "10k", "--sign-on", "15k", "--equity-value", "200k",
        "--vesting-years", "4", "--cliff-months", "12", "--benefits", "5k", "--written",
    )  # fmt: skip
    assert r.code == 0, r.err
    (offer,) = cli("review", "--json").json["offers"]
    got = [offer[k] for k in ("cash_year1", "guaranteed_year1", "total_year1", "total_4y")]
    assert got == [145_000, 135_000, 200_000, 755_000]
    assert offer["unknown"] == []


def test_a_floor_that_is_not_a_floor_is_refused(cli: Run, sample: Path) -> None:
    r = cli("add", "ask", "Pay", "--floor", "salary=1")
    assert r.code == 2 and r.out == "" and len(r.err.strip().splitlines()) == 1
    assert "unknown floor" in r.err or "floor" in r.err


def test_review_in_a_terminal_is_a_report_not_markdown(
    cli: Run, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    r = cli("review")
    assert r.code == 0
    assert "Bottom line" in r.out and "Decision brief, 23 November 2026" in r.out
    assert "## " not in r.out and "| --- |" not in r.out and "**" not in r.out
    assert r.out.index("Bottom line") < r.out.index("Deadline conflicts (1)")
    assert r.out.index("Deadline conflicts") < r.out.index("Offers in total")
    assert "Four years in total" in r.out


def test_review_md_escapes_journal_text(cli: Run, journal_path: Path) -> None:
    cli("add", "offer", "--company", "[x](javascript:alert(1))", "--role", "<b>R</b>")
    md = cli("review", "--md").out
    assert "[x](javascript" not in md and "<b>" not in md
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in md
