"""The last net under every screen: no control or bidi character reaches the terminal.

Journal text is shown through `core.visible.visible` (a control character shows as an
escape, `\\e`); should one still get into a widget (a new screen that forgets), this
line filter drops it from what is drawn. Such characters are zero cells wide to the
layout, so dropping them keeps every line the width it was laid out at.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ..core.visible import CONTROL


class NoControls(LineFilter):
    """Drops control, bidi-override and line-separator characters from drawn text."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments, each text without such characters (cursor controls kept)."""
        out: list[Segment] | None = None
        for i, segment in enumerate(segments):
            if segment.control is None and CONTROL.search(segment.text):
                if out is None:
                    out = list(segments)
                out[i] = Segment(CONTROL.sub("", segment.text), segment.style)
        return segments if out is None else out
