"""`leverage edit ID` and `add conversation --edit`: long text in $VISUAL / $EDITOR.

The editor opens on a template of the record's long fields (its title, notes, evidence,
terms...), one section each, with `#` comment lines as `git commit` has. Saving the
file changes what was edited; emptying it cancels (exit 0, a message, nothing changed).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.editor_template import Edited, TemplateError, long_fields, read_template, template
from ..core.registry import Kind, kind_of
from ..core.run_editor import EditorError, edit_text
from .common import Context, UsageError

CANCELLED = "leverage: the editor was left empty: cancelled, nothing changed"
"""What an emptied template says (on stderr, exit 0)."""


def in_editor(
    kind: Kind, values: dict[str, Any], heading: str
) -> tuple[dict[str, str] | None, list[str]]:
    """The long fields of `kind` as edited, starting from `values` (None when cancelled),
    and the notes to print once saved (a one-line field whose lines were joined).

    UsageError (exit 2, nothing changed) when the editor fails or its text cannot be read.
    """
    specs = long_fields(kind)
    if not specs:
        raise UsageError(f"a {kind.name} has no text to edit")
    start = {spec.name: str(values.get(spec.name) or "") for spec in specs}
    try:
        edited: Edited | None = read_template(edit_text(template(specs, start, heading)), specs)
    except (EditorError, TemplateError) as err:
        raise UsageError(str(err)) from None
    if edited is None:
        return None, []
    notes = [
        f"leverage: note: the {kind.field(name).what} had several lines; "
        "joined with spaces (it is one line)"
        for name in edited.joined
    ]
    return edited.values, notes


def _edit(args: argparse.Namespace, ctx: Context) -> int:
    from .update import show_update

    journal = ctx.journal()
    record = journal.get(args.id)
    kind = kind_of(record)
    current = {spec.name: getattr(record, spec.name) for spec in long_fields(kind)}
    heading = f"Editing {kind.name} {record.id} {kind.label(record)}."
    values, notes = in_editor(kind, current, heading)
    if values is None:
        print(CANCELLED, file=sys.stderr)
        return 0
    changed: dict[str, Any] = {
        name: value for name, value in values.items() if value != (current[name] or "")
    }
    if not changed:
        print(f"{record.id}: nothing changed")
        return 0
    after = journal.update(record.id, **changed)
    say(notes)
    return show_update(args, record, after)


def say(lines: list[str]) -> None:
    """Print notes and warnings on stderr (after the change they are about is saved)."""
    for line in lines:
        print(line, file=sys.stderr)


def register(sub: Any) -> None:
    """Add the edit command."""
    from .records import command, json_option

    p = command(
        sub,
        "edit",
        "edit a record's long text (title, notes, evidence...) in $VISUAL or $EDITOR",
        ["leverage edit c1", "EDITOR=nano leverage edit p3"],
        _edit,
    )
    p.add_argument("id", metavar="ID")
    json_option(p)
