"""Every reliability test runs in a private environment: its own config and data folders,
today pinned, no journal or passphrase inherited from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_support import TODAY


@pytest.fixture(autouse=True)
def private_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin today and point config and data at the test's own folder."""
    monkeypatch.setenv("LEVERAGE_TODAY", TODAY.isoformat())
    monkeypatch.setenv("LEVERAGE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LEVERAGE_DATA_DIR", str(tmp_path / "data-dir"))
    for name in ("LEVERAGE_JOURNAL", "LEVERAGE_PASSPHRASE", "LEVERAGE_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the test's journal lives (not created yet)."""
    return tmp_path / "data" / "j.json"
