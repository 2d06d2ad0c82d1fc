"""Text cut or padded to a width in terminal cells (a small module: Today needs only this)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def fit(text: str, width: int) -> str:
    """`text` on one line, cut to `width` cells with "…" or padded with spaces."""
    if "\n" in text:
        text = text.replace("\n", " ")
    if text.isascii() and text.isprintable():
        if len(text) <= width:
            return text + " " * (width - len(text))
        return text[: width - 1] + "…" if width > 0 else ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""
