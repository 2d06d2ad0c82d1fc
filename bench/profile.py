"""Profiles of the slow paths on the big journal, with pyinstrument, as text reports.

    python bench/profile.py [--out DIR] [--size big]

Writes to DIR (default $TMPDIR/leverage-bench/profiles):
  startup.txt   `leverage --journal BIG` until the Today screen is ready (probe.py startup)
  cli_add.txt   `leverage --journal BIG add promise ...`
  save.txt      Journal(BIG) and 20 update_promise saves (probe.py save)
  stall.txt     the app on BIG, 3 keystrokes each typed as a promise is saved
  phases.txt    opening and saving taken apart, wall and CPU ms (phases.py)
Each report shows the project's frames and hides library internals below 1% of the time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE.parent / ".venv" / "bin"
PYTHON = str(VENV / "python")
PYINSTRUMENT = str(VENV / "pyinstrument")
LEVERAGE = str(VENV / "leverage")


def profile(out: Path, args: list[str], env: dict[str, str]) -> None:
    """Run `args` under pyinstrument; the text report goes to `out`."""
    cmd = [
        PYINSTRUMENT,
        "-o",
        str(out),
        "-p",
        "processor_options.filter_threshold=0.01",
        "--show",
        "*leverage_tui*",
        *args,
    ]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    """Profile startup, a CLI add, load and save, a save in the app."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--size", default="big")
    args = parser.parse_args(argv)
    data = Path(tempfile.gettempdir()) / "leverage-bench"
    out: Path = args.out or data / "profiles"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="leverage-profile-") as work_dir:
        work = Path(work_dir)
        journal = work / "source.json"
        subprocess.run(
            [PYTHON, str(HERE / "generate.py"), args.size, "-o", str(journal)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "LEVERAGE"))},
            "LEVERAGE_TODAY": "2026-11-23",
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_DATA_HOME": str(work / "data"),
            "BENCH_N": "20",
        }

        def copy(name: str) -> str:
            (work / name).mkdir()
            target = work / name / "journal.json"
            shutil.copyfile(journal, target)
            return str(target)

        probe = str(HERE / "probe.py")
        profile(out / "startup.txt", [probe, "startup", str(journal)], env)
        add = ["--journal", copy("cli"), "add", "promise", "--by", "Maya Chen", "Profiled"]
        profile(out / "cli_add.txt", [LEVERAGE, *add], env)
        profile(out / "save.txt", [probe, "save", copy("save")], env)
        stall_env = {**env, "BENCH_N": "3", "BENCH_MIN": "3"}
        profile(out / "stall.txt", [probe, "stall", copy("stall")], stall_env)
        with open(out / "phases.txt", "w") as phases:
            subprocess.run(
                [PYTHON, str(HERE / "phases.py"), str(journal)],
                env=env,
                check=True,
                stdout=phases,
            )
        print(f"wrote {out / 'phases.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
