"""The wheel ships what the app loads at run time: its CSS and the bundled themes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_themes_and_css(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("leverage_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    themes = {p.name for p in (ROOT / "themes").glob("*.toml")}
    assert len(themes) >= 3
    for theme in themes:
        assert f"leverage_tui/bundled_themes/{theme}" in names
    assert "leverage_tui/app.tcss" in names
