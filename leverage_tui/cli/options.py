"""Command-line options made from the registry: one option per field of a kind.

`add_options(parser, kind, adding=...)` gives `add KIND` and `update KIND` their options
(choices, defaults, help and metavars from records.py); `field_values(args, kind)` reads
them back as the field values `Journal.add` / `Journal.update` take. No field is
declared here.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..core.date_phrases import direction
from ..core.registry import FieldSpec, Kind
from .common import UsageError, lower
from .dated import date_type

METAVARS = {
    "date": "DATE",
    "money": "N",
    "number": "N",
    "name": "NAME",
    "tag": "TAG",
    "id": "ID",
    "floor": "FIELD=N",
}
"""The metavar of each input type (the rest: TEXT)."""


def positional(spec: FieldSpec) -> bool:
    """True for the field given as the command's trailing words (`TEXT`, `SUMMARY`)."""
    return bool(spec.cli) and not str(spec.cli).startswith("-")


def _help(spec: FieldSpec, adding: bool) -> str:
    words = spec.help
    if spec.input == "choice":
        words = f"{words}: {', '.join(spec.choices)}" if words else ", ".join(spec.choices)
        if adding and spec.default is not None:
            words += f" (default {spec.default})"
    if spec.many:
        words += "; repeat for more"
    if adding and spec.extra.get("given"):
        words += f" (default: {spec.extra['given']})"
    return words.replace("%", "%%")  # argparse formats help with %


def add_options(parser: argparse.ArgumentParser, kind: Kind, *, adding: bool) -> None:
    """Add one option per field of `kind` that has one (see module docstring)."""
    for spec in kind.editable:
        if not spec.cli:
            continue
        if positional(spec):
            if adding:
                parser.add_argument(spec.name, nargs="+", metavar=spec.cli, help=spec.help)
            elif kind.name != "person":
                parser.add_argument(f"--{spec.name}", metavar="TEXT", help=spec.help)
            continue
        _option(parser, spec, adding)


def _option(parser: argparse.ArgumentParser, spec: FieldSpec, adding: bool) -> None:
    flag = str(spec.cli)
    common: dict[str, Any] = {"dest": spec.name, "help": _help(spec, adding)}
    if adding and spec.required and not spec.extra.get("given"):
        common["required"] = True
    if spec.input == "flag":
        off = spec.extra.get("off")
        if off:
            pair = parser.add_mutually_exclusive_group()
            pair.add_argument(flag, action="store_const", const=True, **common)
            pair.add_argument(off, dest=spec.name, action="store_const", const=False)
        elif adding:
            parser.add_argument(flag, action="store_true", **common)
        else:
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, **common)
        return
    if spec.input == "choice":
        if not adding or spec.default is None:
            common["default"] = None
        else:
            common["default"] = spec.default
        parser.add_argument(flag, type=lower, choices=spec.choices, metavar=flag[2:].upper(),
                            **common)  # fmt: skip
        return
    if spec.input == "date":
        kind_of_date = date_type(direction(spec.name), time=bool(spec.extra.get("time")))
        parser.add_argument(flag, type=kind_of_date, metavar="DATE", **common)
    elif spec.many:
        parser.add_argument(flag, action="append", metavar=METAVARS.get(spec.input, "TEXT"),
                            **common)  # fmt: skip
    else:
        parser.add_argument(flag, metavar=METAVARS.get(spec.input, "TEXT"), **common)
    if not adding and (spec.optional or spec.many):
        what = _plural(spec) if spec.many else flag[2:]
        parser.add_argument(
            f"--no-{what}",
            dest=f"clear_{spec.name}",
            action="store_true",
            help=f"remove the {_plural(spec) if spec.many else spec.what}",
        )


def _plural(spec: FieldSpec) -> str:
    return {"tags": "tags", "promises": "promises", "people": "people"}.get(spec.name, spec.name)


def field_values(args: argparse.Namespace, kind: Kind, *, adding: bool) -> dict[str, Any]:
    """The fields the user gave, as `Journal.add` / `update` take them (clears as None
    or an empty tuple); a date with a time fills the time's field too."""
    values: dict[str, Any] = {}
    for spec in kind.editable:
        if not spec.cli:
            continue
        value = getattr(args, spec.name, None)
        if getattr(args, f"clear_{spec.name}", False):
            if value not in (None, []):
                clear = f"--no-{_plural(spec)}" if spec.many else f"--no-{str(spec.cli)[2:]}"
                raise UsageError(f"give {spec.cli} or {clear}, not both")
            values[spec.name] = () if spec.many else None
            continue
        if value is None or (spec.input == "flag" and adding and value is False):
            continue
        if positional(spec) and isinstance(value, list):
            value = " ".join(value)
        if spec.many and isinstance(value, list):
            value = tuple(value)
        time_field = spec.extra.get("time")
        if time_field and isinstance(value, tuple):
            value, at = value
            if at is not None:
                values[time_field] = at.strftime("%H:%M")
        values[spec.name] = value
    return values
