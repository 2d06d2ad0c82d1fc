"""The command palette's entries and the key ids: every screen, every action, every key.

`palette_commands(app, screen)` lists the screens by name, the app's actions and the keys
of the screen the palette was opened on; `known_binding_ids()` is every key id a user can
rebind in the config file's [keymap].
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from .app import LeverageApp


def known_binding_ids() -> set[str]:
    """The id of every key binding in the app's screens, modals and widgets (every
    module of `screens` and `widgets` is loaded, so no modal's keys are missed)."""
    import pkgutil

    from textual.dom import DOMNode

    from . import screens, widgets

    for package in (screens, widgets):
        for found in pkgutil.iter_modules(package.__path__):
            with contextlib.suppress(ImportError):  # a screen that cannot load has no keys
                importlib.import_module(f"{package.__name__}.{found.name}")
    ids: set[str] = set()
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("leverage_tui"):
            ids.update(b.id for b in cls.BINDINGS if isinstance(b, Binding) and b.id)
    return ids


def palette_commands(app: LeverageApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Every screen by name, the app's actions, then the keys of `screen`."""
    from .app import SCREENS_BY_NAME

    for name, (_, _, help_text) in SCREENS_BY_NAME.items():
        yield SystemCommand(name.title(), help_text, lambda n=name: app.action_show(n))
    actions = [
        (
            "Log conversation",
            "Write down a meeting, call or email",
            app.action_log_conversation,
        ),
        ("Add promise", "Record something promised", app.action_add_promise),
        ("Add win", "Note something you achieved, with its evidence (W)", app.action_add_win),
        ("Undo", "Undo the last change of this session", app.action_undo),
        ("Help", "Every key of this screen", app.action_help),
        (
            "Privacy",
            "Hide everything now; the same key brings it back",
            app.action_toggle_privacy,
        ),
    ]
    for title, help_text, callback in actions:
        yield SystemCommand(title, help_text, callback)
    seen = {name.title() for name in SCREENS_BY_NAME} | {title for title, _, _ in actions}
    for active in screen.active_bindings.values():
        binding, node = active.binding, active.node
        if node is app or not binding.id or not binding.description or not active.enabled:
            continue
        if binding.description in seen or binding.action.startswith("app."):
            continue  # already listed above (the app's own actions)
        seen.add(binding.description)
        yield SystemCommand(
            binding.description,
            f"{app.get_key_display(binding)} on this screen",
            lambda a=binding.action, n=node: app.run_action(a, n),
        )
