"""The Review after a decision: the decisions and "Since you stayed" (core/checkins.py),
and the journal's fingerprint with how to anchor it (core/chain.py). Plain text, journal
words shown through `visible`."""

from __future__ import annotations

from ..core.review import Brief
from ..core.visible import visible


def after_text(brief: Brief) -> str:
    """Each section after the decision: its title, then a line a bullet."""
    parts = [
        title + "\n" + "\n".join(f"  • {line}" for line in lines) for title, lines in brief.after
    ]
    return visible("\n\n".join(parts), multiline=True)


def fingerprint_text(brief: Brief) -> str:
    """The fingerprint now and what to do with it ('' before the chain began)."""
    if not brief.fingerprint:
        return ""
    return (
        f"Fingerprint {brief.fingerprint}: email it to yourself or to a friend you trust; "
        f"leverage verify --against {brief.fingerprint} then proves nothing recorded before "
        "it was altered."
    )
