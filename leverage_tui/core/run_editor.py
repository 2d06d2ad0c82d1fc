"""Running the user's text editor ($VISUAL, else $EDITOR) on a text, as `git commit` does.

`edit_text(text)` writes `text` to a private temporary file (mode 0600: it may hold
what was said in a meeting), runs the editor on it, waits, reads it back and removes
the file. The editor command may carry arguments (`code --wait`). Used by the command
line (`leverage edit`, `add ... --edit`) and by the TUI (inside `App.suspend()`).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["EditorError", "editor_command", "edit_text"]

_FALLBACK = "vi"


class EditorError(RuntimeError):
    """The editor could not be run, or it failed (the message is one line)."""


def editor_command(env: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run: $VISUAL, else $EDITOR, else vi if there is one."""
    env = os.environ if env is None else env
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                raise EditorError(f"${name} is not a command: {value[:60]!r}") from None
            if words:
                return words
    if shutil.which(_FALLBACK):
        return [_FALLBACK]
    raise EditorError("no text editor: set $EDITOR (e.g. export EDITOR=nano)")


def edit_text(text: str, env: Mapping[str, str] | None = None) -> str:
    """`text` as the user left it in their editor (EditorError if it could not run)."""
    command = editor_command(env)
    handle, name = tempfile.mkstemp(prefix="leverage-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError as err:
            raise EditorError(f"could not run the editor {command[0]!r}: {err.strerror}") from None
        if done.returncode != 0:
            raise EditorError(
                f"the editor {command[0]!r} exited with status {done.returncode}: "
                "nothing was changed"
            )
        return path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
