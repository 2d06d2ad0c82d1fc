"""The core never imports Textual (nor any network module): checked in fresh interpreters."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import leverage_tui

CORE = Path(leverage_tui.__file__).parent / "core"
MODULES = sorted(
    f"leverage_tui.core.{m.name}" for m in pkgutil.iter_modules([str(CORE)]) if not m.ispkg
)

PROBE = """
import importlib, json, sys
names = sys.argv[1:]
for name in names:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""

FORBIDDEN = ("textual", "socket", "ssl", "http", "urllib.request")
"""Nothing the pure core should ever pull in: the UI, or a way to reach the network."""


def _start(*names: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", PROBE, *names],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _modules(proc: subprocess.Popen[str]) -> list[str]:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    modules = json.loads(out)
    assert isinstance(modules, list)
    return modules


def forbidden_in(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in FORBIDDEN or m in FORBIDDEN]


def test_the_core_modules_are_found() -> None:
    expected = {
        "config",
        "dates",
        "flags",
        "journal",
        "paths",
        "records",
        "storage",
        "timeline",
        "track",
        "checks",
        "registry",
        "journal_core",
        "journal_format",
        "merge",
    }
    assert {m.rsplit(".", 1)[1] for m in MODULES} >= expected


def test_importing_every_core_module_loads_no_textual() -> None:
    modules = _modules(_start(*MODULES))
    assert set(MODULES) <= set(modules)
    assert "textual" not in modules
    assert forbidden_in(modules) == []


def test_each_core_module_imports_on_its_own() -> None:
    # one fresh interpreter per module (an import cycle shows only when a module comes
    # first), all started at once to keep the suite fast
    procs = {name: _start(name) for name in MODULES}
    for name, proc in procs.items():
        modules = _modules(proc)
        assert name in modules
        assert "textual" not in modules, f"{name} loads textual"
        assert forbidden_in(modules) == [], f"{name} loads {forbidden_in(modules)}"
