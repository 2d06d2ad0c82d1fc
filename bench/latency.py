"""Latency probes inside one app process: keystrokes, filters, scrolling, saves."""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from frames import SIZE, Budget, Frames, NotAvailable, key, settle, timed

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 23)
FILTER_QUERIES = ("component library", "noor", "written")
"""Typed one key at a time (with a few backspaces) into each filter."""


def leverage_app(path: str) -> Any:
    """The Leverage app on `path`, today fixed."""
    from leverage_tui.app import LeverageApp

    return LeverageApp(path, today=TODAY)


async def keys_baseline(n: int) -> dict[str, Any]:
    """Keystroke latency in the bare echo app: key into the Input until the echo shows."""
    sys.path.insert(0, str(HERE))
    from bare_app import EchoApp

    app = EchoApp()
    async with app.run_test(headless=True, size=SIZE) as pilot:
        frames = Frames(app)
        await settle(pilot, frames)
        return {"ms": await _echo_keys(pilot, frames, n)}


def _text(n: int) -> str:
    words = ("the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "typing")
    return "".join(random.Random(n).choice(words) + " " for _ in range(n))[:n]


async def _echo_keys(
    pilot: Any, frames: Frames, n: int, before_each: Callable[[int], None] | None = None
) -> list[float]:
    app = pilot.app
    screen = app.screen
    typed = ""
    out: list[float] = []
    budget = Budget()
    for i, ch in enumerate(_text(n)):
        if budget.spent(len(out)):
            break
        typed += ch
        want = typed
        if before_each is not None:
            before_each(i)

        def echoed(want: str = want) -> bool:
            return bool(screen.echoed == want)

        out.append(await timed(app, frames, key(ch), echoed))
        await settle(pilot, frames)
        await asyncio.sleep(0.005)
    return out


def _find_filter(screen: Any) -> tuple[Any, Any]:
    """The filter Input and the table of a screen, else NotAvailable."""
    from textual.widgets import DataTable, Input

    inputs = [w for w in screen.query(Input) if w.display]
    named = [w for w in inputs if any(s in (w.id or "") for s in ("filter", "search"))]
    tables = [w for w in screen.query("*") if hasattr(w, "keys") and hasattr(w, "set_rows")]
    tables += list(screen.query(DataTable))
    name = type(screen).__name__
    if not (named or inputs):
        raise NotAvailable(f"{name} has no filter input yet")
    if not tables:
        raise NotAvailable(f"{name} has no table yet")
    return (named or inputs)[0], tables[0]


def _row_keys(table: Any) -> Sequence[Any]:
    if hasattr(table, "set_rows"):
        keys: Sequence[Any] = table.keys
        return keys
    return [row.key.value for row in table.ordered_rows]


def _signature(table: Any) -> tuple[Any, ...]:
    """Which rows the table holds: how many, the first and the last screenful."""
    keys = _row_keys(table)
    h = SIZE[1]  # a screenful at most (not the table's height: that changes with the pane)
    return (len(keys), tuple(keys[:h]), tuple(keys[-h:]))


def _strokes(query: str) -> list[str]:
    """Type the query, take back its last two characters, type them again."""
    strokes = list(query)
    return [*strokes, "backspace", "backspace", *strokes[-2:]]


async def _clear(pilot: Any, frames: Frames, inp: Any) -> None:
    inp.value = ""
    await settle(pilot, frames)
    await asyncio.sleep(0.3)
    await settle(pilot, frames)


async def _timed_strokes(
    pilot: Any,
    frames: Frames,
    inp: Any,
    table: Any,
    strokes: list[str],
    wanted: list[tuple[str, tuple[Any, ...]]],
) -> list[float]:
    """Type `strokes`, each timed until a frame shows the value and rows it should."""
    times = []
    for stroke, (value, sig) in zip(strokes, wanted, strict=True):

        def right(value: str = value, sig: tuple[Any, ...] = sig) -> bool:
            return bool(inp.value == value and _signature(table) == sig)

        def describe(value: str = value, sig: tuple[Any, ...] = sig) -> str:
            return f"typed {inp.value!r}, wanted {value!r}; rows {_signature(table)[0]}/{sig[0]}"

        times.append(await timed(pilot.app, frames, key(stroke), right, describe=describe))
        await settle(pilot, frames)
        await asyncio.sleep(0.005)
    return times


async def filter_latency(path: str, min_keys: int) -> dict[str, Any]:
    """Per screen: ms per filter keystroke until the table shows the right rows."""
    app = leverage_app(path)
    out: dict[str, Any] = {}
    async with app.run_test(headless=True, size=SIZE) as pilot:
        frames = Frames(app)
        await settle(pilot, frames)
        for mode in ("promises", "timeline"):
            await app.switch_mode(mode)
            await settle(pilot, frames)
            try:
                inp, table = _find_filter(app.screen)
            except NotAvailable as why:
                out[mode] = {"error": str(why)}
                continue
            inp.focus()
            await settle(pilot, frames)
            total = len(_row_keys(table))
            times: list[float] = []
            rows: list[int] = []
            rounds = 0
            budget = Budget()
            while len(times) < min_keys and not budget.spent(len(times)):
                query = FILTER_QUERIES[rounds % len(FILTER_QUERIES)]
                rounds += 1
                strokes = _strokes(query)
                # Reference pass: each key, then time for any delayed filtering to land.
                await _clear(pilot, frames, inp)
                wanted = []
                for stroke in strokes:
                    await pilot.press(stroke)
                    await settle(pilot, frames)
                    await asyncio.sleep(0.15)
                    await settle(pilot, frames)
                    wanted.append((inp.value, _signature(table)))
                # Timed pass: the same keys, each until the frame shows those rows.
                await _clear(pilot, frames, inp)
                times += await _timed_strokes(pilot, frames, inp, table, strokes, wanted)
                rows += [sig[0] for _, sig in wanted]
            out[mode] = {"ms": times, "rows": rows, "total": total}
            await _clear(pilot, frames, inp)
    return out


async def scroll_latency(path: str, max_keys: int) -> dict[str, Any]:
    """ms per page-down through the whole Promises table, until the frame shows the page."""
    app = leverage_app(path)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        frames = Frames(app)
        await settle(pilot, frames)
        await app.switch_mode("promises")
        await settle(pilot, frames)
        try:
            _, table = _find_filter(app.screen)
        except NotAvailable as why:
            return {"error": str(why)}
        table.focus()
        await pilot.press("home")
        await settle(pilot, frames)
        times: list[float] = []
        total = len(_row_keys(table))
        budget = Budget()
        while len(times) < max_keys and not budget.spent(len(times)):
            before = (round(table.scroll_y), table.cursor_row)
            if table.cursor_row >= total - 1:
                break

            def moved(before: tuple[int, int] = before) -> bool:
                return (round(table.scroll_y), table.cursor_row) != before

            times.append(await timed(app, frames, key("pagedown"), moved))
            await settle(pilot, frames)
            await asyncio.sleep(0.002)
        return {"ms": times, "rows": total, "reached": table.cursor_row}


async def save_stall(path: str, n: int) -> dict[str, Any]:
    """Keystrokes typed just as a promise is saved through `app.change`, as the UI does."""
    sys.path.insert(0, str(HERE))
    from bare_app import EchoScreen

    app = leverage_app(path)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        frames = Frames(app)
        await settle(pilot, frames)
        ids = sorted(app.journal.promises)[:: max(1, len(app.journal.promises) // n)][:n]
        forms = ("verbal", "recap-sent", "written", "official")

        def save(i: int) -> None:
            pid = ids[i % len(ids)]
            form = forms[(forms.index(app.journal.promises[pid].form) + 1) % 4]
            app.call_later(app.change, lambda j: j.update_promise(pid, form=form))

        await app.push_screen(EchoScreen())
        await settle(pilot, frames)
        start_revision = app.journal.revision
        ms = await _echo_keys(pilot, frames, n, before_each=save)
        return {"ms": ms, "saves": app.journal.revision - start_revision}


def _rss_mb() -> float:
    """This process's resident memory now (not its peak), in MB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 1e6


async def leak(path: str, n: int) -> dict[str, Any]:
    """Memory growth over `n` edits through a modal, for the app and the bare baseline.

    The app: Promises, e on a promise (its editor), one character typed, ctrl+s.
    The baseline: the bare app pushing a modal of eight inputs and a text area, one
    character typed, ctrl+s. Resident memory after a full collection, before and after.
    """
    import gc

    sys.path.insert(0, str(HERE))
    from bare_app import FormApp, FormScreen

    out: dict[str, Any] = {}
    bare = FormApp()
    async with bare.run_test(headless=True, size=SIZE) as pilot:
        await pilot.pause()
        gc.collect()
        before = _rss_mb()
        for _ in range(n):
            await bare.push_screen(FormScreen(), bare.saved.append)
            await pilot.pause()
            await pilot.press("x", "ctrl+s")
            await pilot.pause()
        gc.collect()
        out["bare_mb"] = _rss_mb() - before
    app = leverage_app(path)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await pilot.pause()
        await app.switch_mode("promises")
        await pilot.pause()
        gc.collect()
        before = _rss_mb()
        for _ in range(n):
            await pilot.press("e")
            await pilot.pause()
            if type(app.screen).__name__ != "PromiseEditor":
                raise NotAvailable("e on Promises did not open the promise editor")
            await pilot.press("end", "x", "ctrl+s")
            await pilot.pause()
        await app.workers.wait_for_complete()
        gc.collect()
        out["app_mb"] = _rss_mb() - before
    return out
