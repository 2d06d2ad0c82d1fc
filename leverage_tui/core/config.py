"""The user's settings, from config.toml: theme, hedge phrases, backups and keys.

`hedges` adds phrases to the built-in hedges; `not_hedges` takes built-in ones away (see
`hedges.find_hedges`).

A missing file gives the defaults; a broken one gives the defaults and a warning (never
an exception), so a typo in the config can never lock the user out of their journal.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .safe_files import make_private_dir, write_atomically

DEFAULT_THEME = "leverage-dark"
"""The theme used when none is chosen."""


@dataclass
class Config:
    """Settings read from the config file, with what was wrong with it (if anything)."""

    theme: str = DEFAULT_THEME
    hedges: tuple[str, ...] = ()  # phrases added to the built-in hedges
    not_hedges: tuple[str, ...] = ()  # built-in hedges taken away
    backups: int = 10
    keymap: dict[str, str] = field(default_factory=dict)
    name: str = ""
    name_asked: bool = False  # the file has a `name` (even an empty one): asked already
    recap_wait_days: int = 3
    attachment_limit_mb: int = 25
    checkin_days: tuple[int, ...] = (30, 60, 90)
    win_nudge_days: int = 14  # Today's nudge after this many days without a win; 0: never
    warnings: list[str] = field(default_factory=list)


def load_config(path: Path) -> Config:
    """The config at `path`; defaults (and a warning) for whatever is missing or wrong."""
    config = Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        config.warnings.append(f"{path}: cannot read the config ({err}); using defaults")
        return config
    theme = raw.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    else:
        config.warnings.append(f"{path}: theme must be a name; using {DEFAULT_THEME}")
    config.hedges = _phrases(raw, "hedges", path, config.warnings)
    config.not_hedges = _phrases(raw, "not_hedges", path, config.warnings)
    backups = raw.get("backups", 10)
    if isinstance(backups, int) and not isinstance(backups, bool) and 0 <= backups <= 1000:
        config.backups = backups
    else:
        config.warnings.append(f"{path}: backups must be a number from 0 to 1000; using 10")
    keymap = raw.get("keymap", {})
    if isinstance(keymap, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in keymap.items()
    ):
        config.keymap = dict(keymap)
    else:
        config.warnings.append(f"{path}: [keymap] must map binding ids to keys; ignoring it")
    _recap_settings(raw, path, config)
    _follow_through_settings(raw, path, config)
    config.win_nudge_days = _number(raw, "win_nudge_days", (0, 365, 14), path, config.warnings)
    return config


def _number(
    raw: dict[str, object], key: str, bounds: tuple[int, int, int], path: Path, warnings: list[str]
) -> int:
    """The whole number under `key`, from `bounds` (lowest, highest, default); the default
    and a warning when it is something else."""
    low, high, default = bounds
    value = raw.get(key, default)
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    warnings.append(f"{path}: {key} must be a number from {low} to {high}; using {default}")
    return default


def _follow_through_settings(raw: dict[str, object], path: Path, config: Config) -> None:
    """`attachment_limit_mb` (the largest file attached) and `checkin_days` (check-ins
    after staying, in days after the decision)."""
    bounds = (1, 1024, 25)
    config.attachment_limit_mb = _number(raw, "attachment_limit_mb", bounds, path, config.warnings)
    days = raw.get("checkin_days", [30, 60, 90])
    if (
        isinstance(days, list)
        and days
        and all(isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 3650 for d in days)
    ):
        config.checkin_days = tuple(sorted(set(days)))
    else:
        config.warnings.append(
            f"{path}: checkin_days must be a list of days from 1 to 3650; using 30, 60, 90"
        )


def _phrases(raw: dict[str, object], key: str, path: Path, warnings: list[str]) -> tuple[str, ...]:
    """The list of phrases under `key`, blanks left out; () and a warning if it is not one."""
    phrases = raw.get(key, [])
    if isinstance(phrases, list) and all(isinstance(h, str) for h in phrases):
        return tuple(h.strip() for h in phrases if h.strip())
    warnings.append(f"{path}: {key} must be a list of phrases; using the built-in hedges")
    return ()


def _recap_settings(raw: dict[str, object], path: Path, config: Config) -> None:
    """`name` (how the user signs a recap) and `recap_wait_days` (before asking again)."""
    name = raw.get("name", "")
    config.name_asked = "name" in raw
    if isinstance(name, str):
        config.name = " ".join(name.split())
    else:
        config.warnings.append(f"{path}: name must be text; recaps are signed without it")
    config.recap_wait_days = _number(raw, "recap_wait_days", (0, 365, 3), path, config.warnings)


class ConfigError(OSError):
    """A config file that cannot be updated (not TOML, not UTF-8); nothing was written.

    An OSError, so whoever reports a failed save of a setting reports this too.
    """


def save_setting(path: Path, key: str, value: str) -> None:
    """Set one top-level string setting in the config file, keeping the rest as written.

    The file is edited with tomlkit, which keeps its layout: comments, blank lines, the
    order of keys and the indentation of sections stay as the user wrote them; a new
    setting goes before the first section (`[keymap]`), however it is indented.
    ConfigError (and nothing written) when the file is not valid TOML or not UTF-8: the
    user's file is never replaced by one that lost what they wrote.
    """
    import tomlkit  # on use: ~15 ms to import, and a setting is saved seldom
    import tomlkit.exceptions

    make_private_dir(path.parent)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text; fix or remove it") from None
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as err:
        raise ConfigError(f"{path} is not valid TOML ({err}); fix or remove it") from None
    document[key] = value
    try:
        data = tomlkit.dumps(document).encode("utf-8")
    except UnicodeEncodeError:
        raise ConfigError(f"{key}: the value cannot be written as UTF-8") from None
    write_atomically(path, [data])
