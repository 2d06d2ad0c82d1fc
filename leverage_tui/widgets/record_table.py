"""A fast, virtual table of records: it renders only the rows on screen (Line API).

`RecordTable.set_rows(keys, cells)` takes the row keys in order and a function that
gives a row's cells on demand, so a table of 20,000 promises costs a list of keys;
the cells of a row are computed when the row scrolls into view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from math import ceil
from typing import overload

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from ..core.visible import visible
from .fit import fit
from .letter_keys import LetterKeys

KEEP_LINES = 128
"""How many drawn rows a table keeps, as segments (a few pages; more only feeds the
garbage collector, whose full collections then stall a key now and then)."""
Cell = str | Text
"""One cell: plain text or styled Rich text."""
Cells = Sequence[Cell] | Text | str
"""A row's cells; a lone Text or str is a group header drawn across the whole row."""


@dataclass(frozen=True)
class Column:
    """A column: its header label and width in cells (0 = takes the room left)."""

    label: str
    width: int = 0


class RecordTable(ScrollView, LetterKeys, can_focus=True):
    """A table with a header, a cursor row and rows rendered only when visible (j/k/g/G
    move as down/up/home/end: see letter_keys.py)."""

    COMPONENT_CLASSES = {"record-table--header", "record-table--cursor", "record-table--group"}
    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", id="record-table.open"),
    ]
    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .record-table--header { text-style: bold; background: $panel; }
        & > .record-table--group { text-style: bold; color: $text-primary; }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .record-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)
    """Index of the row under the cursor."""

    class RowSelected(Message):
        """Enter (or a double click) on a row."""

        def __init__(self, table: RecordTable, row_key: str) -> None:
            """The table and the key of the chosen row."""
            super().__init__()
            self.table = table
            self.row_key = row_key

        @property
        def control(self) -> RecordTable:
            """The table that sent the message."""
            return self.table

    class CursorMoved(Message):
        """The cursor moved to another row (row_key is None when the table is empty)."""

        def __init__(self, table: RecordTable, row_key: str | None) -> None:
            """The table and the key of the row now under the cursor."""
            super().__init__()
            self.table = table
            self.row_key = row_key

        @property
        def control(self) -> RecordTable:
            """The table that sent the message."""
            return self.table

    def __init__(
        self,
        columns: Sequence[Column] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """A table with these columns and no rows yet."""
        super().__init__(name=name, id=id, classes=classes)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._keys: Sequence[str] = ()
        self._cells: Callable[[str], Cells] = lambda key: ()
        self._lines: dict[str, tuple[list[Segment], int]] = {}
        self._pieces: dict[tuple[object, ...], list[Segment]] = {}
        self._last_key: str | None = None
        self._styles: dict[str, Style] = {}
        self._width = 0

    # -- data ----------------------------------------------------------------------------

    @property
    def keys(self) -> Sequence[str]:
        """The row keys, in display order."""
        return self._keys

    @property
    def row_count(self) -> int:
        """How many rows the table holds."""
        return len(self._keys)

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor, or None when the table is empty."""
        if 0 <= self.cursor_row < len(self._keys):
            return self._keys[self.cursor_row]
        return None

    def row_cells(self, key: str) -> Cells:
        """The cells of the row with this key."""
        return self._cells(key)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace the columns (the rows are drawn again)."""
        self._columns = tuple(columns)
        self.redraw()

    def set_rows(
        self,
        keys: Sequence[str],
        cells: Callable[[str], Cells],
        *,
        keep: str | None = None,
        reuse: bool = False,
    ) -> None:
        """Show these rows; the cursor goes to `keep` (default: the current row's key).

        With `reuse`, rows already drawn are kept (by key): only for a new filter over
        the same data, when a key's cells are the same as before.
        """
        wanted = keep if keep is not None else self.cursor_key
        old_row = self.cursor_row
        shown = self._visible_keys()
        self._keys, self._cells = keys, cells
        if not reuse:
            self._lines.clear()
        self._set_height(len(keys) + 1)
        row = _index(keys, wanted) if wanted is not None else None
        if row is None:
            row = min(old_row, len(keys) - 1)
        self._last_key = None
        self.cursor_row = max(row, 0)
        if not reuse or self._visible_keys() != shown:  # else the same rows show
            self.refresh()

    def _visible_keys(self) -> tuple[int, Sequence[str]]:
        """The scroll offset and the keys of the rows on screen."""
        top = round(self.scroll_y)
        return top, self._keys[top : top + self.scrollable_content_region.height]

    def _set_height(self, height: int) -> None:
        """Set the virtual height; lay the screen out again only when the scrollbar comes
        or goes (a new row count alone needs no layout, only the scrollbar redrawn)."""
        old = self.virtual_size
        if old.height == height:
            return
        new = Size(old.width, height)
        if not self.is_mounted:
            self.virtual_size = new
            return
        shown = self.show_vertical_scrollbar
        self.set_reactive(RecordTable.virtual_size, new)
        self._scroll_update(new)
        if self.show_vertical_scrollbar != shown:
            self.refresh(layout=True)

    def forget(self, keys: Iterable[str]) -> None:
        """Draw these rows again (their cells changed): now if on screen, else when shown."""
        forgotten = {key for key in keys if self._lines.pop(key, None) is not None}
        if forgotten and not forgotten.isdisjoint(self._visible_keys()[1]):
            self.refresh()

    def redraw(self) -> None:
        """Forget the drawn rows and draw them again (after the rows' data changed)."""
        self._lines.clear()
        self.refresh()

    def move_to_key(self, key: str, *, center: bool = False) -> bool:
        """Put the cursor on the row with this key (mid-screen if `center`); False if none."""
        row = _index(self._keys, key)
        if row is None:
            return False
        if center:
            self.scroll_to(y=max(0, row - self._page // 2), animate=False)
        self.cursor_row = row
        return True

    # -- cursor --------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def validate_cursor_row(self, row: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(row, len(self._keys) - 1))

    def watch_cursor_row(self, old: int, row: int) -> None:
        """Redraw the two rows, scroll the cursor into view and say where it is."""
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._scroll_to_cursor()
        key = self.cursor_key
        if key != self._last_key:
            self._last_key = key
            self.post_message(self.CursorMoved(self, key))

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Draw the rows again; the scrollbar only when its thumb moves (on a long table
        a page down rarely moves it a whole eighth of a cell)."""
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            if _thumb(bar, bar.position) == _thumb(bar, new):
                bar.set_reactive(ScrollBar.position, bar.validate_position(new))
            else:
                bar.position = new
        if round(old) != round(new):
            self.refresh(self.size.region)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + self._page:
            self.scroll_to(y=self.cursor_row - self._page + 1, animate=False)

    def action_cursor_up(self) -> None:
        """One row up."""
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        """One row down."""
        self.cursor_row += 1

    def action_page_up(self) -> None:
        """One page up."""
        self.scroll_to(y=max(0, self.scroll_y - self._page), animate=False)
        self.cursor_row -= self._page

    def action_page_down(self) -> None:
        """One page down."""
        self.scroll_to(y=self.scroll_y + self._page, animate=False)
        self.cursor_row += self._page

    def action_first(self) -> None:
        """The first row."""
        self.cursor_row = 0

    def action_last(self) -> None:
        """The last row."""
        self.cursor_row = len(self._keys) - 1

    def action_select(self) -> None:
        """Say which row was chosen."""
        key = self.cursor_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a row; a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = round(self.scroll_y) + offset.y - 1
        if row < len(self._keys):
            self.cursor_row = row
            if event.chain >= 2:
                self.action_select()

    def on_resize(self) -> None:
        """Columns are laid out again at the new width."""
        self.redraw()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        """A theme change redraws every row (flag colours come from the theme)."""
        super().notify_style_update()
        self._lines.clear()
        self._pieces.clear()

    # -- drawing -------------------------------------------------------------------------

    def _widths(self, width: int) -> list[int]:
        fixed = sum(c.width for c in self._columns) + max(0, len(self._columns) - 1)
        flexible = [c for c in self._columns if c.width == 0]
        room = max(4, width - fixed) // max(1, len(flexible)) if flexible else 0
        return [c.width or room for c in self._columns]

    def _row_strip(self, cells: Cells, width: int) -> Strip:
        """The row's cells fitted to their columns, as one unstyled-background strip
        (control characters in them shown escaped: see `shown`)."""
        console = self.app.console
        if isinstance(cells, (str, Text)):
            text = Text(shown(cells)) if isinstance(cells, str) else shown(cells).copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            text.stylize(self._styles["group"])
            return Strip(list(text.render(console)), width)
        segments: list[Segment] = []
        plain: list[str] = []
        length = 0  # every cell is fitted to its column: the strip's length is known
        for i, (cell, size) in enumerate(zip(cells, self._widths(width), strict=False)):
            if i:
                plain.append(" ")
            length += size + bool(i)
            if isinstance(cell, str):
                plain.append(fit(shown(cell), size))
                continue
            if plain:
                segments.append(Segment("".join(plain)))
                plain = []
            segments.extend(self._piece(shown(cell), size))
        if plain:
            segments.append(Segment("".join(plain)))
        return Strip(segments, length).adjust_cell_length(width)

    def _piece(self, cell: Text, size: int) -> list[Segment]:
        """A styled cell fitted to `size`, drawn once per look (a table shows the same
        few statuses and flag badges over and over)."""
        key = (cell.plain, cell.style, tuple(cell.spans), size)
        segments = self._pieces.get(key)
        if segments is None:
            piece = cell.copy()
            piece.truncate(size, overflow="ellipsis", pad=True)
            segments = list(piece.render(self.app.console))
            if len(self._pieces) >= KEEP_LINES:
                del self._pieces[next(iter(self._pieces))]
            self._pieces[key] = segments
        return segments

    def render_lines(self, crop: Region) -> list[Strip]:
        """Look the styles up once per frame, then render the lines."""
        base = self.rich_style
        self._styles = {
            "base": base,
            "header": base + self.get_component_rich_style("record-table--header"),
            "cursor": base + self.get_component_rich_style("record-table--cursor"),
            "group": self.get_component_rich_style("record-table--group"),
        }
        self._width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the widget: the header, then the rows from the scroll offset."""
        width, styles = self._width, self._styles
        if y == 0:
            return self._row_strip([c.label for c in self._columns], width).apply_style(
                styles["header"]
            )
        row = round(self.scroll_y) + y - 1
        if row >= len(self._keys):
            return Strip.blank(width, styles["base"])
        key = self._keys[row]
        line = self._lines.get(key)
        if line is None or line[1] != width:
            strip = self._row_strip(self._cells(key), width)
            if len(self._lines) >= KEEP_LINES:  # forget the oldest drawn row
                del self._lines[next(iter(self._lines))]
            line = self._lines[key] = (list(strip), strip.cell_length)
        # A new Strip per frame, not Strip.apply_style: that one keeps the styled copy
        # (and its caches) alive with the row, which feeds the garbage collector.
        style = styles["cursor" if row == self.cursor_row else "base"]
        return Strip(Segment.apply_style(line[0], style), line[1])


@overload
def shown(cell: str) -> str: ...
@overload
def shown(cell: Text) -> Text: ...
def shown(cell: Cell) -> Cell:
    """A cell with its control characters visibly escaped (`\\e[31m`, `\\u202e`): a
    terminal must not act on journal text. Printable text is returned as it is."""
    if isinstance(cell, str):
        return cell if cell.isprintable() else visible(cell)
    if cell.plain.isprintable():
        return cell
    safe = Text(style=cell.style, justify=cell.justify, no_wrap=cell.no_wrap,
                overflow=cell.overflow, end=cell.end)  # fmt: skip
    edges = sorted({s.start for s in cell.spans} | {s.end for s in cell.spans})
    for piece in cell.divide(edges):  # every span covers its pieces whole
        start = len(safe)
        safe.append(visible(piece.plain))
        for span in piece.spans:
            safe.stylize(span.style, start, len(safe))
    return safe


def _thumb(bar: ScrollBar, position: float) -> tuple[int, int] | None:
    """Where a vertical scrollbar draws its thumb, in eighths of a cell (as Textual's
    ScrollBarRender works it out), or None when it draws none."""
    size = bar.size.height
    virtual = ceil(bar.window_virtual_size)
    window = ceil(bar.window_size) if bar.window_size < bar.window_virtual_size else 0
    if not (window and size and virtual and size != virtual) or virtual <= window:
        return None
    thumb = max(1, window / (virtual / size))
    at = (size - thumb) * (bar.validate_position(position) / (virtual - window))
    start = int(at * 8)
    return start, start + ceil(thumb * 8)


def _index(keys: Sequence[str], key: str | None) -> int | None:
    """Where `key` is in `keys`, or None."""
    if key is None:
        return None
    try:
        return keys.index(key)
    except ValueError:
        return None
