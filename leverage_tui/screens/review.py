"""The Review screen (placeholder until it is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class ReviewScreen(Screen[None]):
    """Review: placeholder."""

    def compose(self) -> ComposeResult:
        """Header, a placeholder line, footer."""
        yield Header()
        yield Static("Review")
        yield Footer()
