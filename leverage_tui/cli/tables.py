"""Plain text tables that keep every column and all of the text at any width.

Widths are measured in terminal cells (`rich.cells.cell_len`: a CJK character takes two),
so a wide name never shifts the later columns. Piped, each cell is whole on one line.
In a terminal narrower than the table, the widest wrappable columns are narrowed and
their cells wrap onto more lines; no column is ever dropped and no text cut.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence

from rich.cells import cell_len as _rich_cell_len

from ..core.visible import visible

GAP = "  "
"""Between two columns."""


def cell_len(text: str) -> int:
    """How many terminal cells `text` takes (a CJK character two); ASCII counted fast."""
    return len(text) if text.isascii() else _rich_cell_len(text)


def flat(text: str) -> str:
    """`text` on one line (runs of spaces and line breaks as one space), never cut."""
    return " ".join(text.split())


def terminal_width() -> int | None:
    """The terminal's width in cells (COLUMNS wins), or None when output is piped."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((120, 24)).columns


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` cells."""
    return text + " " * max(0, width - cell_len(text))


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken at spaces (a longer word is
    broken inside)."""
    if cell_len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a word longer than the column, broken where it must
            if cell_len(line + char) > width:
                lines.append(line)
                line = ""
            line += char
    if line or not lines:
        lines.append(line)
    return lines


def widths_for(
    natural: list[int], minimum: list[int], wrappable: Sequence[bool], room: int
) -> list[int]:
    """Column widths that fit `room` cells, narrowing the widest wrappable column first
    (never below its minimum); when even that is too wide, the narrowest they can be."""
    widths = list(natural)
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - room
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if wrappable[i] and w > minimum[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        others = [widths[i] for i in shrinkable if i != widest]
        target = max(minimum[widest], max(others, default=0), widths[widest] - excess)
        if target >= widths[widest]:
            target = widths[widest] - 1
        excess -= widths[widest] - target
        widths[widest] = target
    return widths


def table(
    rows: list[list[str]],
    headers: list[str],
    keep: Sequence[int] = (0,),
    width: int | None = -1,
    text: int | None = None,
) -> str:
    """A plain text table, control characters escaped, no cell ever cut.

    `keep`: the columns never wrapped (ids); `width`: the room in cells (None: no limit,
    as when piped; -1: the terminal's). `text`: the column of the record's own words
    (the last one): it wraps, and when the terminal leaves it less than `TEXT_WIDTH`
    cells it goes on lines of its own under each row, indented, its header likewise.
    """
    if not rows:
        return ""
    room = terminal_width() if width == -1 else width
    cells = [[visible(flat(cell)) for cell in row] for row in rows]
    natural = [max(cell_len(h), *(cell_len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    if room is None or sum(natural) + len(GAP) * (len(natural) - 1) <= room:
        return _render(cells, headers, natural, natural)
    minimum = [_minimum(h, [r[i] for r in cells]) for i, h in enumerate(headers)]
    wrappable = [i not in keep for i in range(len(headers))]
    if text is not None:  # the narrow columns shrink first, the record's words last
        minimum[text] = min(natural[text], max(minimum[text], TEXT_WIDTH))
        first = [w and i != text for i, w in enumerate(wrappable)]
        roomy = [min(n, max(m, ROOMY)) for n, m in zip(natural, minimum, strict=True)]
        narrowed = widths_for(natural, roomy, first, room)
        widths = widths_for(narrowed, minimum, wrappable, room)
    else:
        widths = widths_for(natural, minimum, wrappable, room)
    fits = sum(widths) + len(GAP) * (len(widths) - 1) <= room
    if text is None or fits:
        return _render(cells, headers, natural, widths)
    # the record's words under each row, the other columns fitted to the room
    others = [i for i in range(len(headers)) if i != text]
    part = [[r[i] for i in others] for r in cells]
    part_widths = widths_for(
        [natural[i] for i in others],
        [minimum[i] for i in others],
        [wrappable[i] for i in others],
        room,
    )
    indent = " " * (part_widths[0] + len(GAP))
    below = max(room - len(indent), TEXT_WIDTH)
    lines = [_line([headers[i] for i in others], part_widths), indent + headers[text]]
    for r, row in zip(cells, part, strict=True):
        lines += _row_lines(row, [natural[i] for i in others], part_widths)
        lines += [indent + line for line in wrap(r[text], below)]
    return "\n".join(lines)


ROOMY = 12
"""Narrow columns shrink to this many cells before the record's words shrink at all."""
TEXT_WIDTH = 30
"""The narrowest the record's own words get beside the other columns."""
LONGEST_WORD = 14
"""A wrapped column is at least as wide as its longest word, up to this."""


def _minimum(header: str, column: Sequence[str]) -> int:
    """The narrowest a column gets: its header, and its longest word (up to a limit)."""
    word = max((cell_len(w) for cell in column for w in cell.split(" ")), default=0)
    return max(cell_len(header), min(word, LONGEST_WORD))


def _render(
    cells: list[list[str]], headers: list[str], natural: list[int], widths: list[int]
) -> str:
    lines = [_line(headers, widths)]
    for row in cells:
        lines += _row_lines(row, natural, widths)
    return "\n".join(lines)


def _row_lines(row: list[str], natural: list[int], widths: list[int]) -> list[str]:
    """One row, its cells wrapped to their widths, as lines."""
    parts = [
        wrap(cell, w) if w < natural[i] else [cell]
        for i, (cell, w) in enumerate(zip(row, widths, strict=True))
    ]
    return [
        _line([p[n] if n < len(p) else "" for p in parts], widths)
        for n in range(max(len(p) for p in parts))
    ]


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()
