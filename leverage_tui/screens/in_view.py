"""Whether a screen is on show: the one test every screen uses before redrawing."""

from __future__ import annotations

from typing import Any

from textual.screen import ModalScreen, Screen


def in_view(screen: Screen[Any]) -> bool:
    """True when the user can see `screen`: on top, or under modal dialogs only.

    (Textual's `Screen.is_current` also counts the screen just under an opaque one.)
    Screens that are not in view catch up in `on_screen_resume` instead.
    """
    for shown in reversed(screen.app.screen_stack):
        if shown is screen:
            return True
        if not isinstance(shown, ModalScreen):
            return False
    return False
