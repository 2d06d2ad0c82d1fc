"""`leverage` with no command: open the TUI on the journal."""

from __future__ import annotations

import argparse

from .common import Context


def open_app(args: argparse.Namespace, ctx: Context) -> int:
    """Open the app on the context's journal; returns the exit status."""
    from ..app import LeverageApp

    app = LeverageApp(
        ctx.path,
        today=ctx.today,
        theme=args.theme,
        private_start=bool(getattr(args, "private_start", False)),
        config=ctx.config,  # already read (and its warnings printed) by the context
        demo=ctx.demo_dir is not None,
    )
    app.run()
    return int(app.return_code or 0)
