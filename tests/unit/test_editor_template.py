"""The $EDITOR template of a record's long fields: written, read back, cancelled."""

from __future__ import annotations

import pytest

from leverage_tui.core.editor_template import (
    TemplateError,
    long_fields,
    read_template,
    template,
)
from leverage_tui.core.registry import KINDS

SPECS = long_fields(KINDS["conversation"])


def test_long_fields_are_the_title_then_the_notes() -> None:
    assert [s.name for s in SPECS] == ["summary", "notes"]
    assert [s.name for s in long_fields(KINDS["promise"])][:1] == ["text"]


def test_a_template_reads_back_unchanged() -> None:
    text = template(SPECS, {"summary": "Pay talk", "notes": "a\n\n  b"}, "Editing c1.")
    edited = read_template(text, SPECS)
    assert edited is not None
    assert edited.values == {"summary": "Pay talk", "notes": "a\n\n  b"}
    assert edited.joined == ()


def test_comments_are_left_out_and_crlf_read() -> None:
    text = template(SPECS, {"summary": "Pay", "notes": ""}, "x").replace("\n", "\r\n")
    edited = read_template(text + "# a comment\r\nnote line\r\n", SPECS)
    assert edited is not None and edited.values["notes"] == "note line"


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing\n# == summary: x\n\n"])
def test_an_empty_result_cancels(text: str) -> None:
    assert read_template(text, SPECS) is None


def test_a_one_line_field_is_joined_and_said() -> None:
    text = template(SPECS, {"summary": "Pay\n talk", "notes": ""}, "x")
    edited = read_template(text, SPECS)
    assert edited is not None
    assert (edited.values["summary"], edited.joined) == ("Pay talk", ("summary",))


def test_text_outside_the_sections_is_refused() -> None:
    with pytest.raises(TemplateError, match="above the first"):
        read_template("stray\n" + template(SPECS, {"summary": "x"}, "x"), SPECS)


def test_a_removed_marker_is_refused() -> None:
    with pytest.raises(TemplateError, match="notes' line was removed"):
        read_template("# == summary: x\nPay\n", SPECS)
