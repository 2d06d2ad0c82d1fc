"""Themes as data: TOML files mapped onto Textual `Theme` objects.

A theme file holds a `name`, `dark = true|false`, colours (`primary` is required;
`secondary`, `accent`, `warning`, `error`, `success`, `foreground`, `background`,
`surface`, `panel`, `boost` are optional) and an optional `[variables]` table of extra
CSS variables. The app's own files live in `themes/`; files dropped in the user's
config folder (`<config dir>/themes/*.toml`) are picked up too. A bad file is skipped
with a one-line warning, never an exception.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.color import Color, ColorParseError
from textual.theme import Theme

COLOURS = (
    "primary",
    "secondary",
    "accent",
    "warning",
    "error",
    "success",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
"""The colour keys a theme file may set (primary is required)."""

NUMBERS = ("luminosity_spread", "text_alpha")
"""Optional numbers a theme file may set."""

THEME_LIMIT = 64_000
"""Largest theme file read, in bytes."""


class ThemeError(ValueError):
    """A theme file that cannot be used: the message says which and why, in one line."""


def builtin_theme_dirs() -> list[Path]:
    """The folders holding the themes shipped with Leverage."""
    here = Path(__file__).resolve().parent
    candidates = (here.parent / "themes", here / "bundled_themes")
    return [d for d in candidates if d.is_dir()]


def _colour(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ThemeError(f'{path.name}: {key} must be a colour such as "#1e88e5"')
    try:
        Color.parse(value)
    except ColorParseError:
        raise ThemeError(f"{path.name}: {key} = {value[:30]!r} is not a colour") from None
    return value


def theme_from_data(data: dict[str, Any], path: Path) -> Theme:
    """A Theme from the parsed contents of the theme file at `path`, or ThemeError."""
    known = {"name", "dark", "variables", *COLOURS, *NUMBERS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ThemeError(f"{path.name}: unknown setting {unknown[0]!r}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 60:
        raise ThemeError(f"{path.name}: name must be a short text")
    if "primary" not in data:
        raise ThemeError(f"{path.name}: primary colour is missing")
    colours: dict[str, Any] = {key: _colour(path, key, data[key]) for key in COLOURS if key in data}
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(f"{path.name}: dark must be true or false")
    numbers: dict[str, Any] = {}
    for key in NUMBERS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ThemeError(f"{path.name}: {key} must be a number")
            numbers[key] = float(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise ThemeError(f"{path.name}: [variables] must map names to text values")
    return Theme(name=name.strip(), dark=dark, variables=dict(variables), **colours, **numbers)


def load_theme_file(path: Path) -> Theme:
    """The theme in the TOML file at `path`, or ThemeError saying what is wrong."""
    try:
        raw = path.read_bytes()
        if len(raw) > THEME_LIMIT:
            raise ThemeError(f"{path.name}: too large for a theme file")
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ThemeError(f"{path.name}: cannot read it ({err.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as err:
        raise ThemeError(f"{path.name}: not valid TOML ({err})") from None
    return theme_from_data(data, path)


def load_themes(folders: Iterable[Path]) -> tuple[list[Theme], list[str]]:
    """Every good theme in `folders` (later folders win on a name clash) and the warnings."""
    themes: dict[str, Theme] = {}
    warnings: list[str] = []
    for folder in folders:
        try:
            files = sorted(folder.glob("*.toml"))
        except OSError:
            continue
        for path in files:
            try:
                theme = load_theme_file(path)
            except ThemeError as err:
                warnings.append(f"Theme file skipped: {err}")
                continue
            themes[theme.name] = theme
    return list(themes.values()), warnings
