"""The speed benchmark (issue 6): every figure against a baseline measured in the same run.

    python bench/run.py [--quick] [--json FILE]

Prints one `name: value` line per figure on stdout (or `name: n/a (reason)`), and the
raw numbers behind them on stderr. Every measurement runs in a fresh process (see
probe.py) with the journal's `today` fixed, and the config and data folders pointed at
an empty temporary folder. Journals are generated once per generator version into
$TMPDIR/leverage-bench/ and copied before anything writes to them.

This file uses only the standard library, so any python3 can start it; the probes run
in the project's virtualenv (.venv/bin/python) when there is one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = ROOT / ".venv" / "bin"
PYTHON = str(VENV / "python") if (VENV / "python").exists() else sys.executable
LEVERAGE = str(VENV / "leverage") if (VENV / "leverage").exists() else "leverage"
TODAY = "2026-11-23"

FIGURES = (
    "startup_empty_ratio",
    "startup_big_ratio",
    "cli_add_big_ratio",
    "keystroke_base_ms",
    "filter_big_ratio",
    "scroll_big_ratio",
    "save_big_ms",
    "save_stall_ratio",
    "peak_big_ratio",
    "growth_startup",
    "growth_save",
    "growth_filter",
    "leak_ratio",
    "list_big_ratio",
)
"""Every figure, in the order printed."""


@dataclass
class Settings:
    """How much to measure: the default run, or --quick."""

    runs: int  # startup and CLI runs per target (at least 3 unless the budget runs out)
    budget: float  # seconds of startup runs per target before stopping early
    keys: int  # keystrokes per latency figure (filter: at least this many, always)
    saves: int  # saves per save figure
    scroll: int  # most page-downs
    loop: float  # seconds a measuring loop may take before stopping early...
    least: int  # ...once it has this many samples


DEFAULT = Settings(runs=7, budget=40.0, keys=50, saves=50, scroll=1000, loop=60.0, least=10)
QUICK = Settings(runs=3, budget=10.0, keys=20, saves=20, scroll=100, loop=8.0, least=5)


@dataclass
class Child:
    """A finished child process: wall time, peak memory, output."""

    seconds: float
    maxrss_kb: int
    code: int
    out: str
    err: str

    def result(self) -> dict[str, Any]:
        """The probe's JSON line, or an error result."""
        for line in reversed(self.out.strip().splitlines()):
            if line.startswith("{"):
                parsed: dict[str, Any] = json.loads(line)
                return parsed
        tail = (self.err.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {self.code}: {tail[:160]}"}


def log(*parts: Any) -> None:
    """Detail for the curious, on stderr."""
    print(*parts, file=sys.stderr, flush=True)


def run_child(cmd: Sequence[str], env: dict[str, str], timeout: float = 600) -> Child:
    """Run `cmd`; its wall time from spawn to exit and its own peak RSS (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=HERE)
        timer = threading.Timer(timeout, lambda: os.kill(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(
            seconds,
            usage.ru_maxrss,
            proc.returncode,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def probe(args: Sequence[str], env: dict[str, str]) -> Child:
    """Run one probe (see probe.py)."""
    return run_child([PYTHON, str(HERE / "probe.py"), *args], env)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either is missing."""
    return None if a is None or b is None or b <= 0 else a / b


class Bench:
    """One run of the benchmark: figures, and why any is missing."""

    def __init__(self, settings: Settings, work: Path, data: Path) -> None:
        self.s = settings
        self.work = work
        self.data = data
        self.values: dict[str, float] = {}
        self.missing: dict[str, str] = {}
        self.raw: dict[str, Any] = {}
        home = work / "home"
        home.mkdir(exist_ok=True)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "LEVERAGE"))},
            "LEVERAGE_TODAY": TODAY,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.env["BENCH_N"] = str(settings.keys)
        self.env["BENCH_BUDGET"] = str(settings.loop)
        self.env["BENCH_MIN"] = str(settings.least)

    # -- journals ---------------------------------------------------------------------

    def journal(self, size: str) -> Path:
        """The generated journal of `size` (generated now if this version has none yet)."""
        path = self.data / f"{size}.json"
        if not path.exists():
            t = time.perf_counter()
            cmd = [PYTHON, str(HERE / "generate.py"), size, "-o", str(path)]
            child = run_child(cmd, self.env)
            if child.code:
                raise SystemExit(f"generating {size} failed: {child.err.strip()[-300:]}")
            log(f"# generated {size}: {child.out.strip()} ({time.perf_counter() - t:.1f} s)")
        return path

    def copy(self, size: str, name: str) -> Path:
        """A private copy of a generated journal, in its own folder, to write to."""
        folder = self.work / name
        folder.mkdir()
        target = folder / "journal.json"
        shutil.copyfile(self.journal(size), target)
        return target

    # -- figures ----------------------------------------------------------------------

    def put(self, name: str, value: float | None, why: str = "") -> None:
        """Record a figure, or the reason it is missing."""
        if value is None:
            self.missing[name] = why or "not measured"
        else:
            self.values[name] = value

    def startup(self) -> None:
        """Start-to-ready-to-exit, interleaved across targets, median of each."""
        targets = {
            "bare": "bare",
            "empty": str(self.work / "empty" / "journal.json"),
            "small": str(self.journal("small")),
            "big": str(self.journal("big")),
        }
        (self.work / "empty").mkdir()
        times: dict[str, list[float]] = {t: [] for t in targets}
        rss: dict[str, list[int]] = {t: [] for t in targets}
        errors: dict[str, str] = {}
        spent = dict.fromkeys(targets, 0.0)
        for i in range(self.s.runs):
            for name, target in targets.items():
                if name in errors or (i >= 3 and spent[name] > self.s.budget):
                    continue
                child = probe(["startup", target], self.env)
                result = child.result()
                if "error" in result:
                    errors[name] = result["error"]
                    continue
                times[name].append(child.seconds)
                rss[name].append(child.maxrss_kb)
                spent[name] += child.seconds
                if i == 0:
                    log(f"# startup {name}: marks {result.get('marks')}")
        med = {n: statistics.median(v) if v else None for n, v in times.items()}
        self.raw["startup_s"] = times
        self.raw["startup_rss_kb"] = rss
        log(f"# startup medians (s): { {n: round(v, 3) for n, v in med.items() if v} }")
        why = "; ".join(f"{n}: {e}" for n, e in errors.items())
        self.put("startup_empty_ratio", ratio(med["empty"], med["bare"]), why)
        self.put("startup_big_ratio", ratio(med["big"], med["bare"]), why)
        self.put("growth_startup", ratio(med["big"], med["small"]), why)
        self.raw["bare_rss_kb"] = statistics.median(rss["bare"]) if rss["bare"] else None

    def peak(self) -> None:
        """Peak RSS of the app on the big journal, every screen visited, over the bare app's."""
        child = probe(["tour", str(self.journal("big"))], self.env)
        result = child.result()
        self.raw["tour_big"] = {"s": child.seconds, "rss_kb": child.maxrss_kb, **result}
        log(f"# tour big: {child.seconds:.2f} s, {child.maxrss_kb / 1024:.0f} MB, {result}")
        if "error" in result:
            self.put("peak_big_ratio", None, result["error"])
        else:
            self.put("peak_big_ratio", ratio(child.maxrss_kb, self.raw.get("bare_rss_kb")))

    def cli_add(self) -> None:
        """`leverage add promise` on (a copy of) the big journal over `leverage --version`."""
        path = self.copy("big", "cli")
        add_times, version_times = [], []
        for i in range(self.s.runs):
            version = run_child([LEVERAGE, "--version"], self.env)
            add = run_child(
                [
                    LEVERAGE,
                    "--journal",
                    str(path),
                    "add",
                    "promise",
                    "--by",
                    "Maya Chen",
                    "--due",
                    "in 2 weeks",
                    "--form",
                    "verbal",
                    f"Bench promise number {i}",
                ],
                self.env,
            )
            if add.code or version.code:
                bad = add if add.code else version
                self.put("cli_add_big_ratio", None, f"exit {bad.code}: {bad.err.strip()[-160:]}")
                return
            add_times.append(add.seconds)
            version_times.append(version.seconds)
        self.raw["cli_add_s"] = add_times
        self.raw["cli_version_s"] = version_times
        a, v = statistics.median(add_times), statistics.median(version_times)
        log(f"# cli: add promise {a:.3f} s, --version {v:.3f} s (medians)")
        self.put("cli_add_big_ratio", a / v)

    def list_big(self) -> None:
        """`leverage list promises --json` on the big journal over `leverage --version`."""
        path = str(self.journal("big"))
        list_times, version_times = [], []
        for _ in range(self.s.runs):
            version = run_child([LEVERAGE, "--version"], self.env)
            listed = run_child(
                [LEVERAGE, "--journal", path, "list", "promises", "--json"], self.env
            )
            if listed.code or version.code:
                bad = listed if listed.code else version
                self.put("list_big_ratio", None, f"exit {bad.code}: {bad.err.strip()[-160:]}")
                return
            list_times.append(listed.seconds)
            version_times.append(version.seconds)
        self.raw["list_big_s"] = list_times
        a, v = statistics.median(list_times), statistics.median(version_times)
        log(f"# cli: list promises --json {a:.3f} s, --version {v:.3f} s (medians)")
        self.put("list_big_ratio", a / v)

    def leak(self) -> None:
        """Memory growth over 60 edits in a modal: the app on big over the bare app."""
        env = {**self.env, "BENCH_N": "60"}
        result = probe(["leak", str(self.copy("big", "leak"))], env).result()
        self.raw["leak"] = result
        if "error" in result:
            self.put("leak_ratio", None, result["error"])
            return
        log(f"# leak: app +{result['app_mb']:.1f} MB, bare +{result['bare_mb']:.1f} MB (60 edits)")
        floor = 1.0  # MB: a bare app that grows by less than this counts as 1 MB
        self.put("leak_ratio", max(result["app_mb"], 0.0) / max(result["bare_mb"], floor))

    def keystrokes(self) -> None:
        """The keystroke baseline: median ms, bare echo app."""
        result = probe(["keys"], self.env).result()
        if "error" in result:
            self.put("keystroke_base_ms", None, result["error"])
            return
        ms = result["ms"]
        self.raw["keys_ms"] = ms
        log(f"# keystroke baseline: median {statistics.median(ms):.2f} ms, p95 {p95(ms):.2f} ms")
        self.put("keystroke_base_ms", statistics.median(ms))

    def _filter_p95(self, size: str) -> tuple[float | None, str]:
        env = {**self.env, "BENCH_MIN": str(self.s.keys)}
        result = probe(["filter", str(self.journal(size))], env).result()
        self.raw[f"filter_{size}"] = result
        if "error" in result:
            return None, result["error"]
        worst, why = None, []
        for screen, r in result.items():
            if "error" in r:
                why.append(r["error"])
                continue
            v = p95(r["ms"])
            log(
                f"# filter {size} {screen}: p95 {v:.1f} ms, median "
                f"{statistics.median(r['ms']):.1f} ms over {len(r['ms'])} keys, "
                f"rows {min(r['rows'])}..{max(r['rows'])} of {r['total']}"
            )
            worst = v if worst is None else max(worst, v)
        return (None if why else worst), "; ".join(why)

    def filters(self) -> None:
        """Filter keystrokes on Promises and Timeline, big and small."""
        big, why = self._filter_p95("big")
        small, why_small = self._filter_p95("small")
        base = self.values.get("keystroke_base_ms")
        self.put("filter_big_ratio", ratio(big, base), why)
        self.put("growth_filter", ratio(big, small), why or why_small)

    def scroll(self) -> None:
        """Page-down through the Promises table on the big journal."""
        env = {**self.env, "BENCH_N": str(self.s.scroll), "BENCH_MIN": str(self.s.keys)}
        result = probe(["scroll", str(self.journal("big"))], env).result()
        self.raw["scroll_big"] = result
        if "error" in result:
            self.put("scroll_big_ratio", None, result["error"])
            return
        ms = result["ms"]
        log(
            f"# scroll big: p95 {p95(ms):.1f} ms, median {statistics.median(ms):.1f} ms over "
            f"{len(ms)} page-downs, reached row {result['reached']} of {result['rows']}"
        )
        self.put("scroll_big_ratio", ratio(p95(ms), self.values.get("keystroke_base_ms")))

    def saves(self) -> None:
        """Journal.update_promise on big and small; keystrokes while the app saves."""
        env = {**self.env, "BENCH_N": str(self.s.saves)}
        found = {}
        for size in ("big", "small"):
            result = probe(["save", str(self.copy(size, f"save-{size}"))], env).result()
            self.raw[f"save_{size}"] = result
            if "error" in result:
                self.put("save_big_ms", None, result["error"])
                return
            found[size] = p95(result["ms"])
            log(
                f"# save {size}: p95 {found[size]:.1f} ms, median "
                f"{statistics.median(result['ms']):.1f} ms over {len(result['ms'])}; "
                f"open {result['load_ms']:.0f} ms; {result['bytes'] / 1e6:.1f} MB"
            )
        self.put("save_big_ms", found["big"])
        self.put("growth_save", ratio(found["big"], found["small"]))
        result = probe(["stall", str(self.copy("big", "stall"))], env).result()
        self.raw["stall_big"] = result
        if "error" in result:
            self.put("save_stall_ratio", None, result["error"])
            return
        ms = result["ms"]
        log(
            f"# keystrokes while saving (big): p95 {p95(ms):.1f} ms, median "
            f"{statistics.median(ms):.1f} ms over {len(ms)} keys, {result['saves']} saves"
        )
        self.put("save_stall_ratio", ratio(p95(ms), self.values.get("keystroke_base_ms")))

    def huge(self) -> None:
        """Growth from big to huge (10x): opening, saving, startup. Details only."""
        env = {**self.env, "BENCH_N": "10"}
        found: dict[str, dict[str, float]] = {}
        for size in ("big", "huge"):
            save = probe(["save", str(self.copy(size, f"huge-save-{size}"))], env).result()
            start = probe(["startup", str(self.journal(size))], self.env)
            result = start.result()
            if "error" in save or "error" in result:
                log(f"# huge: {save.get('error') or result.get('error')}")
                return
            found[size] = {
                "open_ms": save["load_ms"],
                "save_p95_ms": p95(save["ms"]),
                "startup_s": start.seconds,
                "rss_mb": start.maxrss_kb / 1024,
            }
        self.raw["huge"] = found
        for name, value in found["huge"].items():
            log(
                f"# huge {name}: {value:.1f} (big {found['big'][name]:.1f}, "
                f"growth {value / found['big'][name]:.1f}x for 10x the data)"
            )

    def report(self) -> None:
        """The figures, one per line, in the issue's order."""
        for name in FIGURES:
            if name in self.values:
                v = self.values[name]
                print(f"{name}: {v:.1f}" if name.endswith("_ms") else f"{name}: {v:.2f}")
            else:
                print(f"{name}: n/a ({self.missing.get(name, 'not measured')})")


def generator_version() -> str:
    """A short hash of the generator, so a changed generator makes new journals."""
    source = b"".join((HERE / name).read_bytes() for name in ("generate.py", "corpus.py"))
    return hashlib.sha256(source).hexdigest()[:10]


def compile_package() -> None:
    """Compile the app's modules to bytecode, as installing it from a wheel does.

    Textual (the baseline's library) is measured from the bytecode pip wrote when it was
    installed; an editable install run with PYTHONDONTWRITEBYTECODE (as the probes are)
    would otherwise compile every module of the app again on every start.
    """
    cmd = [PYTHON, "-m", "compileall", "-q", str(ROOT / "leverage_tui")]
    child = subprocess.run(cmd, capture_output=True, text=True, check=False)
    log(f"# compiled leverage_tui to bytecode (exit {child.returncode})")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description="Leverage speed benchmark (issue 6)")
    parser.add_argument("--quick", action="store_true", help="fewer runs, about a minute")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument(
        "--huge", action="store_true", help="also the growth from big to huge (10x), slow"
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else DEFAULT
    data = Path(tempfile.gettempdir()) / "leverage-bench" / generator_version()
    data.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="leverage-bench-") as work:
        bench = Bench(settings, Path(work), data)
        for step in (
            bench.startup,
            bench.peak,
            bench.cli_add,
            bench.list_big,
            bench.keystrokes,
            bench.filters,
            bench.scroll,
            bench.saves,
            bench.leak,
            *([bench.huge] if args.huge else []),
        ):
            t = time.perf_counter()
            step()
            log(f"# ({step.__name__}: {time.perf_counter() - t:.1f} s)")
        bench.report()
        log(f"# total {time.perf_counter() - started:.0f} s")
        if args.json:
            args.json.write_text(
                json.dumps({"values": bench.values, "missing": bench.missing, **bench.raw})
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
