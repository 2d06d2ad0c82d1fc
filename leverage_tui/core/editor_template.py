"""The text a record's long fields are edited in, in $VISUAL / $EDITOR (as `git commit`).

`template(kind, values, heading)` writes one section per long field: a marker line
`# == summary: what it was about (one line)` and the field's text under it, with `#`
comment lines at the top saying how it works. `read_template(text, names)` reads the
edited text back: comment lines dropped, each section's text trimmed of blank lines at
its ends. An empty result (nothing but comments and blank lines) means "cancel" and is
None. A one-line field's lines are joined with spaces (`joined` names those fields).

Pure: no files, no processes (running the editor is core/run_editor.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .registry import FieldSpec, Kind

__all__ = ["Edited", "TemplateError", "long_fields", "read_template", "template"]

MARKER = "# == "
"""How a section's first line starts."""
_MARKER_LINE = re.compile(r"# == (?P<name>[a-z_]+):")
_LONG_INPUTS = ("line", "notes")


class TemplateError(ValueError):
    """An edited template that cannot be read (a section marker removed or renamed)."""


@dataclass(frozen=True)
class Edited:
    """What came back from the editor."""

    values: dict[str, str]
    """Field name -> its text."""
    joined: tuple[str, ...] = ()
    """The one-line fields whose several lines were joined with spaces."""


def long_fields(kind: Kind) -> tuple[FieldSpec, ...]:
    """The fields of `kind` worth an editor: its title and every note-like text."""
    title = kind.field(kind.title)
    rest = [
        f
        for f in kind.editable
        if f.name != kind.title and not f.many and f.input in _LONG_INPUTS and f.cli
    ]
    return (title, *rest) if title.input in _LONG_INPUTS else tuple(rest)


def template(specs: Sequence[FieldSpec], values: Mapping[str, str], heading: str) -> str:
    """The text to edit: comments, then one marked section per field of `specs`."""
    lines = [
        f"# {heading}",
        "# Write under each '# ==' line; keep those lines. Lines starting with '#' are",
        "# left out. An empty file cancels: nothing is changed.",
    ]
    for spec in specs:
        shape = "several lines" if spec.input == "notes" else "one line"
        about = f"{spec.help} ({shape})" if spec.help else f"({shape})"
        lines += ["", f"{MARKER}{spec.name}: {about}", values.get(spec.name, "") or ""]
    return "\n".join(lines) + "\n"


def read_template(text: str, specs: Sequence[FieldSpec]) -> Edited | None:
    """The fields' texts from an edited template; None when it was emptied (cancel).

    Raises TemplateError when text is found outside the sections or a section is
    missing (its marker line removed).
    """
    by_name = {spec.name: spec for spec in specs}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    stray = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        marker = _MARKER_LINE.match(line)
        if marker is not None and marker["name"] in by_name:
            current = sections.setdefault(marker["name"], [])
            continue
        if line.startswith("#"):
            continue
        if current is None:
            stray = stray or bool(line.strip())
            continue
        current.append(line)
    if not stray and all(not "".join(body).strip() for body in sections.values()):
        return None
    if stray:
        raise TemplateError("text above the first '# ==' line: write under a field's line")
    missing = [name for name in by_name if name not in sections]
    if missing:
        raise TemplateError(f"the '# == {missing[0]}' line was removed: nothing was changed")
    values: dict[str, str] = {}
    joined: list[str] = []
    for name, body in sections.items():
        value = "\n".join(body).strip("\n")
        if by_name[name].input != "notes":
            kept = [part.strip() for part in value.split("\n") if part.strip()]
            if len(kept) > 1:
                joined.append(name)
            value = " ".join(kept)
        else:
            value = "\n".join(part.rstrip() for part in value.split("\n"))
        values[name] = value
    return Edited(values, tuple(joined))
