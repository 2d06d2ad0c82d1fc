"""Tests for leverage_tui.core.config: defaults, broken files, bad values, saving a setting."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from leverage_tui.core.config import DEFAULT_THEME, Config, load_config, save_setting
from leverage_tui.core.hedges import find_hedges


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "config.toml")
    assert config == Config()
    assert config.theme == DEFAULT_THEME == "leverage-dark"
    assert config.hedges == () and config.not_hedges == ()  # the built-in hedges only
    assert config.backups == 10
    assert config.keymap == {} and config.warnings == []


def test_full_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "paper"\n'
        "backups = 3\n"
        'hedges = ["when budget allows", "  ", "we\'ll see"]\n'
        'not_hedges = [" soon ", ""]\n'
        "[keymap]\n"
        'privacy = "f12"\n'
        '"app.undo" = "ctrl+u"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.warnings == []
    assert config.theme == "paper"
    assert config.backups == 3
    assert config.hedges == ("when budget allows", "we'll see")
    assert config.not_hedges == ("soon",)
    assert config.keymap == {"privacy": "f12", "app.undo": "ctrl+u"}


def test_empty_hedge_lists_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("hedges = []\nnot_hedges = []\n", encoding="utf-8")
    config = load_config(path)
    assert config.hedges == () == config.not_hedges and config.warnings == []


def test_config_hedges_add_to_the_defaults_and_not_hedges_remove_them(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('hedges = ["board willing"]\nnot_hedges = ["maybe"]\n', encoding="utf-8")
    config = load_config(path)
    assert find_hedges("A raise, board willing", config.hedges, config.not_hedges)
    assert find_hedges("We'll see about a raise", config.hedges, config.not_hedges)  # default
    assert not find_hedges("Maybe a raise", config.hedges, config.not_hedges)


@pytest.mark.parametrize(
    "content",
    [
        'theme = "paper\n',  # unterminated string
        "theme = \n",
        "[keymap\n",
        "backups = 3\nbackups = 4\n",  # duplicate key
        "= 3\n",
    ],
)
def test_broken_toml_gives_defaults_and_a_warning(tmp_path: Path, content: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    config = load_config(path)
    assert (config.theme, config.hedges, config.not_hedges, config.backups, config.keymap) == (
        DEFAULT_THEME,
        (),
        (),
        10,
        {},
    )
    assert len(config.warnings) == 1
    assert str(path) in config.warnings[0] and "\n" not in config.warnings[0]


def test_undecodable_file_gives_defaults_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff\xfe"\n')
    config = load_config(path)
    assert config.theme == DEFAULT_THEME and len(config.warnings) == 1


def test_unreadable_config_path_gives_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()
    config = load_config(folder)
    assert config.theme == DEFAULT_THEME and len(config.warnings) == 1


@pytest.mark.parametrize(
    ("line", "field", "word"),
    [
        ("theme = 5", "theme", "theme"),
        ('theme = "   "', "theme", "theme"),
        ('hedges = "maybe"', "hedges", "hedges"),
        ("hedges = [1, 2]", "hedges", "hedges"),
        ('not_hedges = "maybe"', "not_hedges", "not_hedges"),
        ('not_hedges = ["soon", 3]', "not_hedges", "not_hedges"),
        ("not_hedges = { soon = true }", "not_hedges", "not_hedges"),
        ("backups = -1", "backups", "backups"),
        ("backups = 1001", "backups", "backups"),
        ('backups = "ten"', "backups", "backups"),
        ("backups = true", "backups", "backups"),
        ("backups = 2.5", "backups", "backups"),
        ("keymap = 5", "keymap", "keymap"),
        ("keymap = { quit = 1 }", "keymap", "keymap"),
    ],
)
def test_each_bad_value_falls_back_with_a_warning(
    tmp_path: Path, line: str, field: str, word: str
) -> None:
    path = tmp_path / "config.toml"
    good = {
        "theme": 'theme = "paper"',
        "backups": "backups = 4",
        "hedges": 'hedges = ["meh"]',
        "not_hedges": 'not_hedges = ["soon"]',
    }
    lines = [value for key, value in good.items() if key != field] + [line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(path)
    defaults = Config()
    assert getattr(config, field) == getattr(defaults, field)
    assert len(config.warnings) == 1
    assert word in config.warnings[0] and str(path) in config.warnings[0]
    # the other settings are still read
    expected = {"theme": "paper", "backups": 4, "hedges": ("meh",), "not_hedges": ("soon",)}
    for key, value in expected.items():
        if key != field:
            assert getattr(config, key) == value


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('colour = "red"\ntheme = "paper"\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == "paper" and config.warnings == []


def test_backups_bounds_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    for value in (0, 1000):
        path.write_text(f"backups = {value}\n", encoding="utf-8")
        config = load_config(path)
        assert config.backups == value and config.warnings == []


# --- save_setting -------------------------------------------------------------------------


def test_save_setting_creates_the_file_privately(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    save_setting(path, "theme", "paper")
    assert load_config(path).theme == "paper"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]


ORIGINAL = """\
# my settings
theme = "paper"   # the light one
backups = 5

hedges = ["maybe", "eventually"]

[keymap]
privacy = "f12"
theme = "ctrl+t"
"""


def test_save_setting_replaces_the_line_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    save_setting(path, "theme", "leverage-dark")
    after = path.read_text(encoding="utf-8").splitlines()
    before = ORIGINAL.splitlines()
    assert len(after) == len(before)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if a != b]
    assert changed == [
        ('theme = "paper"   # the light one', 'theme = "leverage-dark"   # the light one')
    ]
    config = load_config(path)
    assert config.warnings == []
    assert config.theme == "leverage-dark" and config.backups == 5
    assert config.hedges == ("maybe", "eventually")
    assert config.keymap == {"privacy": "f12", "theme": "ctrl+t"}


def test_save_new_setting_goes_before_the_keymap_section(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(ORIGINAL.replace('theme = "paper"   # the light one\n', ""), encoding="utf-8")
    save_setting(path, "theme", "solarized")
    config = load_config(path)
    assert config.warnings == []
    assert config.theme == "solarized"
    assert config.keymap == {"privacy": "f12", "theme": "ctrl+t"}  # not inside [keymap]
    text = path.read_text(encoding="utf-8")
    assert text.index('theme = "solarized"') < text.index("[keymap]")
    assert "# my settings" in text and 'privacy = "f12"' in text


def test_save_setting_appends_when_there_is_no_section(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("backups = 2\n", encoding="utf-8")
    save_setting(path, "theme", "paper")
    assert path.read_text(encoding="utf-8") == 'backups = 2\ntheme = "paper"\n'


def test_a_new_setting_lands_before_an_indented_keymap_section(tmp_path: Path) -> None:
    """A `[keymap]` header with leading spaces: the theme used to be appended inside it
    (and so silently lost)."""
    path = tmp_path / "config.toml"
    indented = ORIGINAL.replace('theme = "paper"   # the light one\n', "").replace(
        "[keymap]", "  [keymap]"
    )
    path.write_text(indented, encoding="utf-8")
    save_setting(path, "theme", "solarized")
    config = load_config(path)
    assert config.warnings == []
    assert config.theme == "solarized"
    assert config.keymap == {"privacy": "f12", "theme": "ctrl+t"}
    assert "  [keymap]" in path.read_text(encoding="utf-8")  # its indentation kept


def test_comments_blank_lines_and_order_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    commented = (
        "# Leverage settings\n"
        "\n"
        "# the phrases I hear most\n"
        'hedges = ["maybe"]  # more later\n'
        "\n"
        "[keymap]  # my keys\n"
        "# privacy on a function key\n"
        'privacy = "f12"\n'
    )
    path.write_text(commented, encoding="utf-8")
    save_setting(path, "name", "Ana")
    text = path.read_text(encoding="utf-8")
    assert text == commented.replace(
        'hedges = ["maybe"]  # more later\n', 'hedges = ["maybe"]  # more later\nname = "Ana"\n'
    )
    assert load_config(path).name == "Ana"


@pytest.mark.parametrize("broken", ['theme = "unclosed\n', "[keymap\n", "a = 1\na = 2\n"])
def test_a_broken_file_is_left_alone_with_a_reason(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(OSError, match="not valid TOML"):
        save_setting(path, "theme", "paper")
    assert path.read_text(encoding="utf-8") == broken


def test_a_file_that_is_not_utf8_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    with pytest.raises(OSError, match="not UTF-8"):
        save_setting(path, "theme", "paper")
    assert path.read_bytes() == b'theme = "caf\xe9"\n'


@pytest.mark.parametrize(
    "value",
    [
        'with "quotes"',
        "back\\slash",
        "Thème ünïcode",
        "emoji 🎉",
        "tab\there",
        "del\x7f",
        "nul\x00",
    ],
)
def test_saved_values_read_back_exactly(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    save_setting(path, "theme", value)
    config = load_config(path)
    assert config.warnings == []
    assert config.theme == value.strip()
    assert config.keymap == {"privacy": "f12", "theme": "ctrl+t"}


def test_save_setting_twice_keeps_one_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_setting(path, "theme", "a")
    save_setting(path, "theme", "b")
    assert path.read_text(encoding="utf-8") == 'theme = "b"\n'
