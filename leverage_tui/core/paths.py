"""Where Leverage keeps its files (platformdirs), with environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "leverage"


def data_dir() -> Path:
    """The user data folder (LEVERAGE_DATA_DIR overrides it)."""
    override = os.environ.get("LEVERAGE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    """The user config folder (LEVERAGE_CONFIG_DIR overrides it)."""
    override = os.environ.get("LEVERAGE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP, appauthor=False))


def config_file() -> Path:
    """The config file: theme, keys, hedge phrases, backups."""
    return config_dir() / "config.toml"


def journal_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal to use: --journal, else LEVERAGE_JOURNAL, else the data folder's."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("LEVERAGE_JOURNAL")
    if env:
        return Path(env).expanduser()
    return data_dir() / "journal.json"


def save_dir() -> Path:
    """Where the app offers to save a brief or a recap: LEVERAGE_SAVE_DIR, else the user's
    documents folder when it exists, else the home folder (never the current folder, which
    may be anyone's)."""
    override = os.environ.get("LEVERAGE_SAVE_DIR")
    if override:
        return Path(override).expanduser()
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()
