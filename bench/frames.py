"""Frames, settling and timed keys: the measuring tools the probes share.

A headless Textual app still renders every frame; it only skips writing it. `Frames`
wraps `App._display` (called once per painted frame) to note the first frame in which a
check holds; `settle` waits until a change is fully painted. Private Textual names used
on purpose: `App._display`, `Screen._dirty_widgets` and friends, `Pilot._wait_for_screen`.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from typing import Any

SIZE = (120, 40)
"""Terminal size of every in-process measurement."""
BUDGET = float(os.environ.get("BENCH_BUDGET", "0") or 0)
"""Seconds a measuring loop may take before it stops early (0: no limit)."""
MIN_SAMPLES = int(os.environ.get("BENCH_MIN", "10"))
"""Samples a loop takes even when it is over its budget."""


class Budget:
    """Says when a measuring loop has used its time (once it has `least` samples)."""

    def __init__(self, least: int = MIN_SAMPLES) -> None:
        self.start = time.perf_counter()
        self.least = least

    def spent(self, samples: int) -> bool:
        """True once over budget with enough samples."""
        over = BUDGET > 0 and time.perf_counter() - self.start > BUDGET
        return over and samples >= self.least


class NotAvailable(Exception):
    """The thing to measure is not there (yet): the message says why."""


def emit(result: dict[str, Any]) -> None:
    """The one line of output."""
    print(json.dumps(result), flush=True)


# -- frames and settling ---------------------------------------------------------------


class Frames:
    """Counts the frames an app paints and notes the first one in which `check()` holds."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.count = 0
        self.check: Callable[[], bool] | None = None
        self.hit: float | None = None
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            self.count += 1
            if self.check is not None and self.hit is None and self.check():
                self.hit = time.perf_counter()
            original(screen, renderable)

        app._display = display

    def arm(self, check: Callable[[], bool]) -> None:
        """Watch for the first frame in which `check()` is true."""
        self.hit = None
        self.check = check


def paint_pending(app: Any) -> bool:
    """True while the current screen has layout, scrolling or painting still to do."""
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._recompose_required
        or screen._dirty_widgets
    )


def workers_busy(app: Any) -> bool:
    """True while any worker of the app is pending or running."""
    from textual.worker import WorkerState

    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def settle(pilot: Any, frames: Frames, timeout: float = 60.0) -> None:
    """Wait until messages are processed, workers are done and the last change is painted."""
    app = pilot.app
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        await pilot._wait_for_screen()
        if frames.count and not workers_busy(app) and not paint_pending(app):
            return
        await asyncio.sleep(0.001)
    raise TimeoutError("the app did not settle")


async def timed(
    app: Any,
    frames: Frames,
    event: Any,
    check: Callable[[], bool],
    timeout: float = 20.0,
    describe: Callable[[], str] = lambda: "",
) -> float:
    """Send `event` as the terminal would; ms until a frame shows `check()` true."""
    frames.arm(check)
    start = time.perf_counter()
    app._driver.send_message(event)
    deadline = start + timeout
    while frames.hit is None:
        if time.perf_counter() > deadline:
            frames.check = None
            raise TimeoutError(f"no frame showed the expected result ({describe()})")
        await asyncio.sleep(0.0005)
    frames.check = None
    return (frames.hit - start) * 1000


def key(name: str) -> Any:
    """The Key event a terminal sends for `name` (a character or a key name)."""
    from textual import events

    if len(name) == 1:
        return events.Key("space" if name == " " else name, name)
    return events.Key(name, None)


# -- startup ---------------------------------------------------------------------------
