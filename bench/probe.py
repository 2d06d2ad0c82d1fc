"""One measurement, in its own process; `run.py` starts these and reads their output.

    python bench/probe.py startup bare|empty|PATH   open, wait for the first screen, exit
    python bench/probe.py tour PATH                 the same, then visit every screen
    python bench/probe.py keys                      keystroke latency in the bare echo app
    python bench/probe.py filter PATH               typing a filter in Promises and Timeline
    python bench/probe.py scroll PATH               page-down through the Promises table
    python bench/probe.py stall PATH                keystrokes while promises are saved
    python bench/probe.py save PATH                 Journal.update_promise, no app
    python bench/probe.py leak PATH                 memory growth over edits in a modal

Startup goes through the real entry point (`leverage --journal PATH`, or the bare app's
`run()`), with `App.run` made headless and given a pilot that exits once the first screen
is ready: mounted, its workers done, nothing left to lay out or paint, and a frame painted.

Latency (latency.py): a key event is sent as a terminal would send it, and the time
taken is until the first painted frame in which the expected result is on screen
(frames.py has the tools and the private Textual names they rely on).

Every probe prints one JSON line on stdout; failures print {"error": "..."}.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import asyncio  # noqa: E402
import datetime as dt  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from frames import SIZE, Frames, NotAvailable, emit, settle  # noqa: E402

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 23)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def startup(target: str, *, tour: bool = False) -> None:
    """Start the app through its real entry point, headless; exit once it is ready."""
    from textual.app import App

    marks: dict[str, float] = {"imported": time.perf_counter() - T0}
    if tour:
        marks["rss_mb_imported"] = peak_rss_mb()
    original_run = App.run
    counters: list[Frames] = []

    async def ready_then_exit(pilot: Any) -> None:
        app = pilot.app
        frames = counters[0]
        wanted = "TodayScreen" if target != "bare" else None
        deadline = time.perf_counter() + 60
        while wanted and type(app.screen).__name__ != wanted:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{wanted} never showed")
            await asyncio.sleep(0.001)
        await settle(pilot, frames)
        marks["ready"] = time.perf_counter() - T0
        if tour:
            marks["rss_mb_ready"] = peak_rss_mb()
            for mode in ("log", "promises", "timeline", "review", "today"):
                await app.switch_mode(mode)
                await settle(pilot, frames)
                marks[f"rss_mb_{mode}"] = peak_rss_mb()
            marks["toured"] = time.perf_counter() - T0
        app.exit()

    def run(self: Any, **kwargs: Any) -> Any:
        marks["constructed"] = time.perf_counter() - T0
        if tour:
            marks["rss_mb_journal_open"] = peak_rss_mb()
        counters.append(Frames(self))
        kwargs.update(headless=True, size=SIZE, auto_pilot=ready_then_exit)
        return original_run(self, **kwargs)

    App.run = run  # type: ignore[method-assign]
    if target == "bare":
        sys.path.insert(0, str(HERE))
        from bare_app import BareApp

        BareApp().run()
    else:
        from leverage_tui.cli import main

        code = main(["--journal", target])
        if code:
            raise SystemExit(code)
    marks["exited"] = time.perf_counter() - T0
    emit({"marks": marks})


# -- in-process latency ------------------------------------------------------------------


def save_times(path: str, n: int) -> dict[str, Any]:
    """ms to open the journal, and per `update_promise` (each one saves the file)."""
    from leverage_tui.core.journal import Journal

    t = time.perf_counter()
    j = Journal(path, today=TODAY)
    load_ms = (time.perf_counter() - t) * 1000
    ids = sorted(j.promises)[:: max(1, len(j.promises) // n)][:n]
    forms = ("verbal", "recap-sent", "written", "official")
    ms = []
    for pid in ids:
        form = forms[(forms.index(j.promises[pid].form) + 1) % 4]
        t = time.perf_counter()
        j.update_promise(pid, form=form)
        ms.append((time.perf_counter() - t) * 1000)
    return {"ms": ms, "load_ms": load_ms, "bytes": os.path.getsize(path)}


def main(argv: list[str]) -> int:
    """Run the probe named by argv[0]."""
    what, *rest = argv
    n = int(os.environ.get("BENCH_N", "50"))
    from latency import filter_latency, keys_baseline, leak, save_stall, scroll_latency

    try:
        if what == "startup":
            startup(rest[0])
        elif what == "tour":
            startup(rest[0], tour=True)
        elif what == "keys":
            emit(asyncio.run(keys_baseline(n)))
        elif what == "filter":
            emit(asyncio.run(filter_latency(rest[0], n)))
        elif what == "scroll":
            emit(asyncio.run(scroll_latency(rest[0], n)))
        elif what == "stall":
            emit(asyncio.run(save_stall(rest[0], n)))
        elif what == "save":
            emit(save_times(rest[0], n))
        elif what == "leak":
            emit(asyncio.run(leak(rest[0], n)))
        else:
            raise SystemExit(f"unknown probe {what!r}")
    except NotAvailable as why:
        emit({"error": str(why)})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
