"""A record's attached files: see them, add one (its path), save a copy, delete one.

`AttachmentsScreen(rid)` is opened with F on a promise (Today, a conversation, the
Promises screen) or on an offer or ask (Review). Adding a file keeps a copy beside the
journal (core/attachments.py: encrypted when the journal is, its SHA-256 recorded);
ctrl+s writes a copy back, byte for byte, where you say (SaveDialog); Delete removes
one, for good, after asking.

`delete_asking(app, rid, question, deleted)` is how every screen deletes a record: the
question says when its attached files go too (and that this cannot be undone).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static
from textual.widgets.option_list import Option

from ..core import show
from ..core.attachments import attach, attachments_of, read_back
from ..core.journal_file import JournalError, is_encrypted
from ..core.paths import save_dir
from ..core.plural import counted
from ..core.safe_files import write_private
from ..core.show import day_text
from ..core.visible import visible
from ..widgets.letter_keys import OptionList
from .confirm import ConfirmScreen
from .save_dialog import SaveDialog

if TYPE_CHECKING:
    from ..app import LeverageApp


def delete_asking(app: Any, rid: str, question: str, deleted: Callable[[], None]) -> None:
    """Ask `question` before deleting record `rid`; when it has attached files, say that
    they go too, for good. `deleted` runs once it is deleted."""
    files = attachments_of(app.journal, rid)
    if files:
        names = ", ".join(f"{f.id} {visible(f.name)[:30]}" for f in files[:3])
        more = ", ..." if len(files) > 3 else ""
        question = (
            question.replace("ctrl+z brings it back.", "").rstrip()
            + f"\nIts {counted(len(files), 'attached file')} ({names}{more}) go too, "
            "for good: this cannot be undone."
        )

    def answer(yes: bool | None) -> None:
        if yes and app.change(lambda j: j.delete(rid, with_attachments=bool(files))):
            deleted()

    app.push_screen(ConfirmScreen(question), answer)


class AttachmentsScreen(ModalScreen[None]):
    """The attached files of one record."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="attachments.close"),
        Binding("ctrl+s", "save_copy", "Save a copy", id="attachments.save"),
        Binding("delete", "remove", "Delete file", id="attachments.delete"),
    ]
    DEFAULT_CSS = """
    AttachmentsScreen {
        align: center middle;
        & > Vertical {
            width: 84; max-width: 95%; height: auto; max-height: 95%;
            border: thick $primary; background: $surface; padding: 0 1;
        }
        & .dialog-title { text-style: bold; }
        & .dialog-note { color: $text-muted; }
        & OptionList { height: auto; max-height: 10; margin: 1 0; }
        & #attach-problem { color: $error; }
        & .dialog-buttons { height: auto; align-horizontal: right; }
        & .dialog-buttons Button { margin-left: 1; }
    }
    """

    def __init__(self, record_id: str) -> None:
        """The files of record `record_id`."""
        super().__init__()
        self.record_id = record_id

    @property
    def leverage(self) -> LeverageApp:
        """The app, typed."""
        return cast("LeverageApp", self.app)

    def compose(self) -> ComposeResult:
        """The record, its files, the path and note fields, the buttons."""
        journal = self.leverage.journal
        with Vertical():
            yield Static(
                f"Files kept with {visible(journal.label(self.record_id))}",
                classes="dialog-title",
                markup=False,
            )
            yield OptionList(id="files")
            yield Static(
                "Add one: its path (~ is your home folder), a note if you like, then Enter. "
                "A copy is kept beside the journal"
                + (", encrypted like it." if is_encrypted(self.leverage.journal_path) else ".")
                + " ctrl+s saves a copy back; Delete removes one.",
                classes="dialog-note",
                markup=False,
            )
            yield Input(placeholder="~/Documents/offer-letter.pdf", id="attach-path")
            yield Input(placeholder="note (optional): signed offer letter", id="attach-note")
            yield Static("", id="attach-problem", markup=False)
            yield Horizontal(
                Button("Attach", variant="primary", id="attach"),
                Button("Close", id="close"),
                classes="dialog-buttons",
            )

    def on_mount(self) -> None:
        """Show the files; start in the path field."""
        self.watch(self.app, "revision", self._fill, init=False)
        self._fill()
        self.query_one("#attach-path", Input).focus()

    def _fill(self, *_: object) -> None:
        files = attachments_of(self.leverage.journal, self.record_id)
        options = self.query_one("#files", OptionList)
        if not files:
            options.set_options([Option(Text("No files yet.", style="dim italic"), disabled=True)])
            return
        options.set_options(
            [
                Option(
                    Text.assemble(
                        (f"{f.id} ", "bold"),
                        visible(f.name),
                        (f"  {f.size:,} bytes · added {day_text(f.added)}", "dim"),
                        (f" · {visible(f.note)}" if f.note else "", "italic"),
                    ),
                    id=f.id,
                )
                for f in files
            ]
        )
        options.highlighted = 0

    def _chosen(self) -> str | None:
        option = self.query_one("#files", OptionList).highlighted_option
        return option.id if option is not None and not option.disabled else None

    def action_attach(self) -> None:
        """Attach the file at the path typed (a problem is said, nothing changes)."""
        path_field = self.query_one("#attach-path", Input)
        typed = path_field.value.strip()
        problem = self.query_one("#attach-problem", Static)
        if not typed:
            problem.update("Type the file's path first.")
            return
        note = self.query_one("#attach-note", Input).value
        limit = self.leverage.config.attachment_limit_mb
        record_id = self.record_id
        added = self.leverage.change(
            lambda j: attach(j, record_id, Path(typed).expanduser(), note=note, limit_mb=limit)
        )
        if added is None:
            problem.update("Not attached: see the message.")
            return
        problem.update("")
        path_field.value = ""
        self.query_one("#attach-note", Input).value = ""
        self.notify(f"Attached {visible(added.name)} (ctrl+z undoes)", title="Files")

    def action_save_copy(self) -> None:
        """Write the chosen file back, byte for byte, where the user says."""
        aid = self._chosen()
        if aid is None:
            self.notify("No file chosen.", severity="warning")
            return
        app = self.leverage
        try:
            record, _ = read_back(app.journal, aid)
        except JournalError as err:
            self.notify(str(err), title="Cannot read the file", severity="error", timeout=10)
            return

        def save(path: Path, replace: bool) -> Path:
            _, data = read_back(app.journal, aid)
            return write_private(path, data, journal=app.journal_path, replace=replace)

        def saved(path: Path | None) -> None:
            if path is not None:
                app.notify(str(path), title="Copy saved")

        plain = is_encrypted(app.journal_path)
        default = save_dir() / Path(record.name).name
        app.push_screen(
            SaveDialog(
                f"Save a copy of {show.name(app.journal, aid)}", default, save, plain_text=plain
            ),
            saved,
        )

    def action_remove(self) -> None:
        """Delete the chosen file, for good, after asking."""
        aid = self._chosen()
        if aid is None:
            return
        name = show.name(self.leverage.journal, aid)
        question = f"Delete the attached file {name}?\nIts copy is removed for good."
        done = f"Deleted the attached file {name}"
        delete_asking(self.app, aid, question, lambda: self.notify(done, markup=False))

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_attach()

    @on(Button.Pressed, "#attach")
    def _attach_pressed(self) -> None:
        self.action_attach()

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()
