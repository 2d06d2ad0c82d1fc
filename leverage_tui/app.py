"""The Leverage TUI: one app, one screen per file, every screen and action in the palette."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from textual import work
from textual.actions import SkipAction
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.widgets import Header
from textual.worker import Worker, WorkerState

from .core import dates, paths
from .core.checks import InputError
from .core.config import DEFAULT_THEME, Config, load_config, save_setting
from .core.journal import Journal
from .core.journal_file import is_encrypted
from .core.registry import kind_of_id
from .core.storage import Codec, JournalError
from .core.visible import visible
from .themes import builtin_theme_dirs, load_themes
from .widgets.no_controls import NoControls

T = TypeVar("T")

SCREENS_BY_NAME: dict[str, tuple[str, str, str]] = {
    # mode name: (module, class, palette help)
    "today": ("today", "TodayScreen", "What is due, what is still only verbal, offer countdown"),
    "log": ("log", "LogScreen", "Conversations, newest first"),
    "promises": ("promises", "PromisesScreen", "Every promise with its flags"),
    "timeline": ("timeline", "TimelineScreen", "Everything in date order"),
    "review": ("review", "ReviewScreen", "The decision brief: offers, track record, flags"),
    "wins": ("wins", "WinsScreen", "Your achievements with evidence, linked to your asks"),
    "prepare": ("prepare", "PrepareScreen", "Before a meeting: what they owe, what to raise"),
    "capture": ("capture", "CaptureScreen", "After a meeting: who, what was promised, the recap"),
}
"""Every main screen: its mode name, where it lives and what it is for."""
IN_FOOTER = ("today", "log", "promises", "timeline", "review")
"""The main screens whose F-key the footer shows (the rest: ? and the palette)."""

ICON = "◆"
"""The app's icon at the left of every header (Textual's is a generic ⭘)."""
DEMO_MARK = "Demo: changes are not kept"
"""What the header says while the app runs on the demo journal."""

PRIVATE_ACTIONS = {"toggle_privacy", "quit"}
"""The only actions that work while the privacy screen is up."""


def _takes_text(screen: Screen[Any]) -> bool:
    """Whether `screen` has a field to type in (an enabled Input, an editable TextArea)."""
    from textual.widgets import Input, TextArea  # on use: TextArea is slow to import

    if any(not field.disabled for field in screen.query(Input)):
        return True
    return any(not (area.read_only or area.disabled) for area in screen.query(TextArea))


def _screen_factory(module: str, cls: str) -> Callable[[], Screen[None]]:
    def make() -> Screen[None]:
        screen_cls = getattr(importlib.import_module(f"leverage_tui.screens.{module}"), cls)
        screen: Screen[None] = screen_cls()
        return screen

    return make


class LeverageApp(App[None]):
    """The Leverage app on one journal file."""

    TITLE = "Leverage"
    CSS_PATH = "app.tcss"
    MODES = {
        **{name: _screen_factory(mod, cls) for name, (mod, cls, _) in SCREENS_BY_NAME.items()},
        "locked": _screen_factory("privacy", "LockedScreen"),
    }
    DEFAULT_MODE = "today"
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+backslash", "toggle_privacy", "Hide", id="privacy", priority=True),
        *(
            Binding(
                f"f{i}",
                f"show('{name}')",
                name.title(),
                id=f"screen.{name}",
                show=name in IN_FOOTER,
            )
            for i, name in enumerate(SCREENS_BY_NAME, 1)
        ),
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("n", "log_conversation", "Log conversation", id="log-conversation", show=False),
        Binding("a", "add_promise", "Add promise", id="add-promise", show=False),
        Binding("W", "add_win", "Add win", id="add-win", show=False),
        # priority: a modal's keys come before the app's; a text field still keeps its q
        Binding("q", "close_top", "Close what is on top", id="close", show=False, priority=True),
    ]

    revision: var[int] = var(0)
    """Bumped after every change to the journal; screens watch it to refresh."""

    def __init__(
        self,
        journal_path: Path | str,
        today: dt.date | None = None,
        *,
        theme: str | None = None,
        private_start: bool = False,
        config: Config | None = None,
        demo: bool = False,
    ) -> None:
        """An app on the journal at `journal_path`, with a fixed `today` for tests
        (`demo`: a throwaway demo journal, marked so in the header)."""
        self.journal_path = Path(journal_path)
        self.locked = is_encrypted(self.journal_path)
        if self.locked:
            self.DEFAULT_MODE = "locked"  # type: ignore[misc]  # the passphrase comes first
        super().__init__()
        self.today = today or dates.today()
        self.config_path = paths.config_file()
        self.config = config or load_config(self.config_path)
        self.private_start = private_start
        self.private = False
        self.demo = demo
        if demo:
            self.title = f"{self.TITLE} · {DEMO_MARK}"
        self._saved_titles = (self.title, "")
        self._notices: list[str] = list(self.config.warnings)
        self._journal: Journal | None = None
        self.last_prep_person: str | None = None
        """Who the Prepare screen last showed (the Capture screen starts with them)."""
        if not self.locked:
            self._journal = self._open(None)
        self._theme_ready = False
        self._no_controls = NoControls()
        self._choose_theme(theme)

    # -- the journal -------------------------------------------------------------------

    def _open(self, codec: Codec | None) -> Journal:
        return Journal(
            self.journal_path,
            today=self.today,
            backups=self.config.backups,
            codec=codec,
            deferred=True,  # saves are written by a worker thread: see _write_pending
        )

    @property
    def journal(self) -> Journal:
        """The open journal."""
        if self._journal is None:
            raise JournalError("the journal is still locked")
        return self._journal

    @property
    def hedges(self) -> tuple[str, ...]:
        """The hedge phrases the user added to the default ones (config `hedges`)."""
        return self.config.hedges

    @property
    def not_hedges(self) -> tuple[str, ...]:
        """The default hedges the user took away (config `not_hedges`)."""
        return self.config.not_hedges

    @property
    def recap_wait_days(self) -> int:
        """Days a recap waits for its confirmation before it is asked again."""
        return self.config.recap_wait_days

    def change(self, fn: Callable[[Journal], T]) -> T | None:
        """Apply a change to the journal; a bad input or failed save becomes a notice.

        The change is applied at once; its bytes are written to disk by a worker thread
        (`_write_pending`), so the screen never waits for the disk.
        """
        try:
            result = fn(self.journal)
        except InputError as err:
            self.notify(visible(str(err)), title="Not saved", severity="warning", markup=False)
            self.revision = self.journal.revision  # it may have read the file again
            return None
        except JournalError as err:
            self.notify(
                visible(str(err)), title="Not saved", severity="error", timeout=10, markup=False
            )
            self.revision = self.journal.revision  # a failed save reads the file back
            return None
        self.revision = self.journal.revision
        if self.journal.saving:
            self._write_pending()
        return result

    @work(thread=True, exclusive=False, group="save", exit_on_error=False)
    def _write_pending(self) -> None:
        """Write the journal's pending bytes to disk (a worker thread)."""
        if self._journal is not None:
            self._journal.storage.write_pending()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Once a save is on disk, tell the user if it failed."""
        if event.worker.group != "save" or event.state != WorkerState.SUCCESS:
            return
        journal = self._journal
        if journal is None or journal.saving:
            return
        try:
            journal.flush()
        except JournalError as err:
            self.notify(
                visible(str(err)), title="Not saved", severity="error", timeout=15, markup=False
            )
            self.revision = journal.revision

    def on_unmount(self) -> None:
        """Let the last write finish before the app goes (its failure cannot be shown)."""
        if self._journal is not None:
            with contextlib.suppress(JournalError):
                self._journal.flush()

    def _poll_journal(self) -> None:
        """Reload when another program (the command line, say) changed the file."""
        if self._journal is None:
            return
        try:
            changed = self._journal.refresh()
        except JournalError as err:
            self.notify(
                visible(str(err)), title="Journal", severity="error", timeout=10, markup=False
            )
            self.revision = self._journal.revision
            return
        if changed:
            self.revision = self._journal.revision
            self.notify("Journal changed on disk; reloaded", title="Journal")

    # -- start -------------------------------------------------------------------------

    def _choose_theme(self, requested: str | None) -> None:
        folders = [*builtin_theme_dirs(), paths.config_dir() / "themes"]
        themes, warnings = load_themes(folders)
        self._notices.extend(warnings)
        for theme in themes:
            self.register_theme(theme)
        wanted = requested or self.config.theme
        if wanted not in self.available_themes:
            saved = self.config.theme
            if wanted != saved != DEFAULT_THEME and saved in self.available_themes:
                fallback = saved  # --theme named one that is not there: the saved one
                using = f"{saved}, the theme saved in {self.config_path.name}"
            else:
                fallback = (
                    DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
                )
                using = fallback
            self._notices.append(f"Unknown theme {wanted[:40]!r}; using {using}")
            wanted = fallback
        self._start_in_theme(wanted)

    def _start_in_theme(self, name: str) -> None:
        """Use theme `name` from the start.

        Setting `theme` on a running app restyles everything (and queues a second full
        CSS parse); before the first frame there is nothing to restyle, so this sets what
        Textual's theme watcher would: the name, the app's classes, the colour variables.
        """
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        classes = dict.fromkeys((c for c in self.classes if c.startswith("-theme-")), False)
        classes.update({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
        """Show what was wrong with the settings, apply the keymap, start watching."""
        self._apply_keymap()
        for notice in self._notices:
            self.notify(
                visible(notice), title="Settings", severity="warning", timeout=8, markup=False
            )
        self._theme_ready = True
        self.screen_change_signal.subscribe(self, self._brand)
        self._brand(self.screen)
        self.set_interval(2.0, self._poll_journal, name="poll-journal")
        if self.locked:
            self._ask_passphrase()
        elif self.private_start:
            self.action_toggle_privacy()

    def _brand(self, screen: Screen[Any]) -> None:
        """Put the app's icon in the header of `screen` (now, and once it is composed)."""

        def mark() -> None:
            for header in screen.query(Header):
                header.icon = ICON

        mark()
        screen.call_after_refresh(mark)

    def _apply_keymap(self) -> None:
        keymap = {k: v for k, v in self.config.keymap.items() if v.strip()}
        if not keymap:
            return  # the default keys (Textual starts with an empty keymap)
        from .commands import known_binding_ids  # imports every screen: only when needed

        unknown = sorted(set(keymap) - known_binding_ids())
        if unknown:
            self._notices.append(
                f"Unknown key id in [keymap]: {', '.join(unknown)[:80]} (? shows the ids)"
            )
        try:
            self.set_keymap(keymap)
        except Exception as err:  # a key Textual cannot read: keep the default keys
            self._notices.append(f"Cannot use the [keymap] ({err}); using the default keys")
            self.set_keymap({})
        # The first screen's footer was built before the keymap: show the new keys now,
        # not only after the next change of screen.
        self.call_after_refresh(self._show_rebound_keys)

    def _show_rebound_keys(self) -> None:
        with contextlib.suppress(ScreenStackError):  # no screen: the app is closing
            self.screen.refresh_bindings()

    def _ask_passphrase(self) -> None:
        module = importlib.import_module("leverage_tui.screens.passphrase")

        def unlocked(codec: Codec | None) -> None:
            if codec is None:
                self.exit()
                return
            try:
                self._journal = self._open(codec)
            except JournalError as err:
                self.exit(message=str(err))
                return
            self.locked = False
            self.revision = self.journal.revision
            self.switch_mode("today")
            if self.private_start:
                self.action_toggle_privacy()

        self.push_screen(module.PassphraseScreen(self.journal_path), unlocked)

    def watch_theme(self, name: str) -> None:
        """Save a theme the user picks (in the palette) to the config file."""
        if not self._theme_ready:
            return
        try:
            save_setting(self.config_path, "theme", name)
        except OSError as err:
            self.notify(f"Theme not saved: {err}", severity="warning")

    # -- actions -----------------------------------------------------------------------

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the net that keeps control characters off the screen."""
        return [*super().get_line_filters(), self._no_controls]

    def get_key_display(self, binding: Binding) -> str:
        """Keys as people write them: F1 rather than f1."""
        shown = super().get_key_display(binding)
        return shown.upper() if re.fullmatch(r"f\d{1,2}", shown) else shown

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While hidden or locked, only the privacy key and quit work."""
        hidden = self.private or self.locked
        return action in PRIVATE_ACTIONS or not hidden

    def action_show(self, mode: str) -> None:
        """Show a main screen itself: switch to it, and close any screen left open on top
        of it (a conversation opened from the Log): F2 always leads to the Log."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ModalScreen):
            self.pop_screen()

    async def action_close_top(self) -> None:
        """q: close the screen opened on top (a dialog, a conversation, help) as its Esc
        does. Not a main screen (q does nothing there, as before), and not a screen with a
        field to type in (an editor, the recap): q is a letter there and Esc closes it."""
        screen = self.screen
        if len(self.screen_stack) <= 1 or _takes_text(screen):
            raise SkipAction()
        escape = screen._bindings.key_to_bindings.get("escape")
        if escape:
            await self.run_action(escape[0].action, screen)
        elif isinstance(screen, ModalScreen):
            screen.dismiss()
        else:
            self.pop_screen()

    async def action_quit(self) -> None:
        """Quit; an editor holding changes not saved asks "Discard?" first."""
        if not getattr(self.screen, "ask_before_quit", lambda: False)():
            await super().action_quit()

    def action_undo(self) -> None:
        """Undo the last change of this session."""
        label = self.change(lambda j: j.undo())
        message = f"Undone: {visible(label)}" if label else "Nothing to undo"
        self.notify(message, title="Undo", markup=False)  # the label quotes journal text

    def action_help(self) -> None:
        """List every key of the current screen."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_privacy(self) -> None:
        """Hide everything behind a neutral screen, or bring it back."""
        from .screens.privacy import PrivacyScreen  # imported on first use

        if self.private:
            self.private = False
            if isinstance(self.screen, PrivacyScreen):
                self.pop_screen()
            self.title, self.sub_title = self._saved_titles
            self.refresh_bindings()
            return
        self.private = True
        self._saved_titles = (self.title, self.sub_title)
        self.title, self.sub_title = "Leverage", ""
        self.clear_notifications()
        binding = next(b for b in self.BINDINGS if isinstance(b, Binding) and b.id == "privacy")
        key = self._keymap.get("privacy", binding.key).split(",")[0]
        self.push_screen(PrivacyScreen(self.get_key_display(binding.with_key(key))))

    def action_log_conversation(self) -> None:
        """Log a conversation, then open it to add its promises."""
        from .screens.conversation_editor import ConversationEditor

        def logged(cid: str | None) -> None:
            if cid:
                self.open_conversation(cid)

        self.push_screen(ConversationEditor(), logged)

    def action_add_promise(self, conversation_id: str | None = None) -> None:
        """Add a promise (made in `conversation_id` when given)."""
        from .screens.promise_editor import PromiseEditor

        self.push_screen(PromiseEditor(conversation_id=conversation_id))

    def open_record(self, rid: str) -> None:
        """Open any record by its id, the one way every screen does it.

        A conversation shows itself; a promise shows in its conversation (the cursor on
        it), or in its editor when it has none; an ask, an offer and the current job open
        their editors. A record that is gone says so.
        """
        journal = self.journal
        if rid in journal.conversations:
            self.open_conversation(rid)
            return
        promise = journal.promises.get(rid)
        if promise is not None and promise.conversation in journal.conversations:
            self.open_conversation(promise.conversation, select=rid)
            return
        self.edit_record(rid)

    def edit_record(self, rid: str) -> None:
        """Open the editor of record `rid` (any kind that has one)."""
        journal = self.journal
        editors: dict[str, tuple[str, str, dict[str, Any]]] = {
            "promise": ("promise_editor", "PromiseEditor", {"promise_id": rid}),
            "conversation": ("conversation_editor", "ConversationEditor", {}),
            "ask": ("ask_editor", "AskEditor", {}),
            "offer": ("offer_editor", "OfferEditor", {}),
            "job": ("offer_editor", "OfferEditor", {"current_job": True}),
            "win": ("win_editor", "WinEditor", {"win_id": rid}),
        }
        kind = kind_of_id(rid)
        if kind is None or rid not in journal.records(kind.name):
            self.notify("That record is no longer in the journal", severity="warning")
            return
        found = editors.get(kind.name)
        if found is None:
            self.notify(f"{journal.label(rid)} has no editor yet", title="Nothing to open")
            return
        module, name, kwargs = found
        screen = getattr(importlib.import_module(f"leverage_tui.screens.{module}"), name)
        args = () if kwargs else (rid,)
        self.push_screen(screen(*args, **kwargs))

    def action_add_win(self, ask_id: str | None = None) -> None:
        """Add a win (supporting ask `ask_id` when given)."""
        from .screens.win_editor import WinEditor

        self.push_screen(WinEditor(ask_id=ask_id))

    def action_prepare(self, person: str | None = None) -> None:
        """The brief before a meeting with `person`, over the screen on show."""
        from .screens.prepare import PrepareScreen

        self.push_screen(PrepareScreen(person))

    def action_capture(self, person: str | None = None) -> None:
        """Capture a meeting (with `person` when given and nothing is typed yet)."""
        if person:
            self.last_prep_person = person
        self.action_show("capture")

    def open_conversation(self, conversation_id: str, select: str | None = None) -> None:
        """Show one conversation and its promises (the cursor on promise `select`)."""
        from .screens.conversation import ConversationScreen

        self.push_screen(ConversationScreen(conversation_id, select=select))

    def open_recap(self, conversation_id: str) -> None:
        """Show the recap of a conversation (asking the user's name first, once)."""
        from .screens.recap import RecapScreen

        self.with_name(lambda: self.push_screen(RecapScreen(conversation_id)))

    def open_offer_message(self, offer_id: str, more_time: bool = False) -> None:
        """Show the message asking for an offer in writing, or (`more_time`) for more
        days before its deadline (asking the user's name first, once)."""
        from .screens.offer_message import OfferMessageScreen

        self.with_name(lambda: self.push_screen(OfferMessageScreen(offer_id, more_time)))

    def with_name(self, then: Callable[[], object]) -> None:
        """Run `then`, first asking how to sign messages if the user never said.

        Asked once: the answer (or an empty name, when skipped) is saved as `name` in
        config.toml; a save that fails is said, and not asked again this session.
        """
        if self.config.name or self.config.name_asked:
            then()
            return
        from .screens.name_dialog import NameDialog

        def answered(name: str | None) -> None:
            self.config.name, self.config.name_asked = name or "", True
            try:
                save_setting(self.config_path, "name", name or "")
            except OSError as err:
                self.notify(f"Name not saved: {err}", severity="warning")
            then()

        self.push_screen(NameDialog(), answered)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette: every screen by name, every action, this screen's keys, Textual's."""
        if self.private or self.locked:
            return
        from .commands import palette_commands

        yield from palette_commands(self, screen)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":  # Textual's key panel: "Help" lists every key
                yield command
