"""Memory does not grow with use: every dismissed editor is collected (issue 11).

The first version called `gc.freeze()` after building its tables, which set aside
every object alive at that moment for good, modals included: each edit through the
promise editor kept ~2.4 MB. The bench measures the growth (`leak_ratio`); this test
checks the cause on a small journal: no editor outlives its dismissal.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual.pilot import Pilot

from leverage_tui.app import LeverageApp
from leverage_tui.screens.promise_editor import PromiseEditor

from .conftest import TODAY, drive

EDITS = 12


def test_dismissed_editors_are_collected_and_nothing_is_frozen(small_path: Path) -> None:
    app = LeverageApp(small_path, today=TODAY)
    editors: weakref.WeakSet[PromiseEditor] = weakref.WeakSet()
    frozen = gc.get_freeze_count()

    async def body(app: LeverageApp, pilot: Pilot[None]) -> None:
        await pilot.press("f3")  # Promises
        await pilot.pause()
        for _ in range(EDITS):
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, PromiseEditor)
            editors.add(app.screen)
            await pilot.press("end", "x", "ctrl+s")
            await pilot.pause()
        await app.workers.wait_for_complete()
        gc.collect()
        assert len(editors) == 0, f"{len(editors)} of {EDITS} dismissed editors are still alive"
        assert gc.get_freeze_count() == frozen  # nothing pinned for ever
        texts = [p.text for p in app.journal.promises.values()]
        assert any(t.endswith("x" * EDITS) for t in texts)  # every edit was saved

    drive(app, body)
