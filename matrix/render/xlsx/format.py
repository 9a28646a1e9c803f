"""The workbook's building blocks: safe text cells, named styles, widths and print setup.

Every value the workbook shows goes through :class:`CellWriter`, so a task text that starts with
``=`` stays text and a character XML cannot hold is dropped with a warning.  Styles are named
styles registered once; only cells that hold something are written and styled, which keeps a
1,000 × 120 matrix cheap (a blank cell costs nothing).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from copy import copy
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# XML 1.0 allows tab, LF, CR and everything from U+0020 on, except surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_MAX_CELL = 32767  # Excel's limit on the characters of one cell
# A cell starting with one of these is a formula to Excel or LibreOffice once a clerk edits it.
_FORMULA_START = ("=", "+", "-", "@")
# openpyxl turns these exact strings into error cells unless told otherwise.
_ERROR_CODES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}

FILL = {
    "primary": "F4B183",  # the primary lead: the strongest tone
    "lead": "F8CBAD",
    "participant": "BDD7EE",
    "other": "E2EFDA",
    "header": "D9D9D9",
    "section": "EDEDED",
    "total": "F2F2F2",
}

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _style(
    name: str,
    *,
    horizontal: str = "left",
    vertical: str = "center",
    bold: bool = False,
    size: float = 11,
    fill: str | None = None,
    border: bool = True,
    rotation: int = 0,
    wrap: bool = True,
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = Font(bold=bold, size=size)
    style.alignment = Alignment(
        horizontal=horizontal, vertical=vertical, wrap_text=wrap, text_rotation=rotation
    )
    if fill:
        style.fill = PatternFill("solid", fgColor=fill)
    if border:
        style.border = _BOX
    return style


def register_styles(wb: Workbook) -> None:
    """Add the workbook's named styles (``mx-…``): titles, headers, text, totals and one per role."""
    for style in (
        _style("mx-title", horizontal="center", bold=True, size=14, border=False, wrap=False),
        _style("mx-header", horizontal="center", bold=True, fill=FILL["header"]),
        _style(
            "mx-vertical",
            horizontal="center",
            vertical="bottom",
            bold=True,
            fill=FILL["header"],
            rotation=255,
        ),
        _style("mx-section", bold=True, fill=FILL["section"]),
        _style("mx-text", vertical="top"),
        _style("mx-left"),
        _style("mx-center", horizontal="center"),
        _style("mx-plain", vertical="top", border=False),
        _style("mx-total", horizontal="center", bold=True, fill=FILL["total"]),
        _style("mx-primary", horizontal="center", bold=True, fill=FILL["primary"]),
        _style("mx-lead", horizontal="center", fill=FILL["lead"]),
        _style("mx-participant", horizontal="center", fill=FILL["participant"]),
        _style("mx-other", horizontal="center", fill=FILL["other"]),
    ):
        wb.add_named_style(style)


class CellWriter:
    """Writes values into cells so that text stays text, and collects what it had to change."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        # Each named style's cell style, by workbook: the first cell asks openpyxl (which looks
        # the name up in a list), the rest copy the answer; the same style, a tenth of the time.
        self._styles: dict[tuple[object, str], Any] = {}  # openpyxl's StyleArray
        self._merged: dict[tuple[object, tuple[int, ...], int], list[Any]] = {}  # see merge_row

    def clean(self, text: str, where: str) -> str:
        """``text`` without the characters XML cannot hold, cut to Excel's cell limit."""
        cleaned = _NOT_XML.sub("", text)
        if cleaned != text:
            where = _NOT_XML.sub("", where)
            dropped = len(text) - len(cleaned)
            self.warnings.append(f"{where}: 删除了 {dropped} 个无法写入 Excel 的控制字符")
        if len(cleaned) > _MAX_CELL:
            self.warnings.append(f"{where}: 文字超过 Excel 单元格上限 {_MAX_CELL} 字, 已截断")
            cleaned = cleaned[:_MAX_CELL]
        return cleaned

    def put(
        self, ws: Worksheet, row: int, col: int, value: str | int | None, style: str | None, where: str = ""
    ) -> None:
        """Write ``value`` at (row, col) with a named style (None: the default); a string is always
        stored as text."""
        cell: Any = ws.cell(row=row, column=col)  # a Cell; openpyxl's stubs lack its fields
        if isinstance(value, str):
            text = self.clean(value, where or f"{ws.title}!{cell.coordinate}")
            # What openpyxl's value setter does to a string once clean() has run: store it as text
            # (the setter would look for control characters again and guess formulas and errors).
            cell._value = text
            cell.data_type = "s"
            if style is not None:
                self._style(ws, cell, style)
            if text.startswith(_FORMULA_START) or text in _ERROR_CODES:
                # openpyxl would store "=…" as a formula and "#N/A" as an error; the quote prefix
                # also keeps Excel from reading the cell as a formula when a clerk edits it.
                cell.quotePrefix = True
        else:
            cell.value = value
            if style is not None:
                self._style(ws, cell, style)

    def style(self, ws: Worksheet, row: int, col: int, style: str) -> Any:
        """The cell at (row, col), given the named ``style`` and left as it is otherwise."""
        cell: Any = ws.cell(row=row, column=col)
        self._style(ws, cell, style)
        return cell

    def merge_row(self, ws: Worksheet, row: int, first: int, last: int) -> None:
        """Merge columns ``first``..``last`` of ``row`` (as ``ws.merge_cells`` does).

        openpyxl gives each cell of a merged range its share of the first cell's borders, looking
        every new border up by value, a few milliseconds a range.  The cells come out the same
        for the same first cell's style and width, so the first such range in a workbook is merged
        by openpyxl and the rest copy its cells' styles.
        """
        cells: dict[tuple[int, int], Any] = ws._cells  # openpyxl's own store of the sheet's cells
        start = cells.get((row, first))
        if start is None or last <= first or any((row, col) in cells for col in range(first + 1, last + 1)):
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
            return
        key = (ws.parent, tuple(start._style), last - first)
        styles = self._merged.get(key)
        if styles is None:
            ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
            self._merged[key] = [copy(cells[row, col]._style) for col in range(first, last + 1)]
            return
        coord = f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"
        ws.merged_cells.add(MergedCellRange(ws, coord))
        for col, style in enumerate(styles, first):
            cell: Any = start if col == first else MergedCell(ws, row, col)
            cells[row, col] = cell
            cell._style = copy(style)

    def _style(self, ws: Worksheet, cell: Any, style: str) -> None:
        """Give ``cell`` the named ``style`` (as ``cell.style = style`` does)."""
        key = (ws.parent, style)
        found = self._styles.get(key)
        if found is None:
            cell.style = style
            self._styles[key] = copy(cell._style)
        else:
            cell._style = found.__copy__()  # copy() without the copy module's dispatch


# The wide and full-width blocks of Unicode (East Asian Width W and F), as ranges: a regex count
# is ten times faster than asking unicodedata character by character, and widths are estimates.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


# Everything else, in runs: what is left after removing them is the wide characters, counted
# without making a string of each as findall would.
_NOT_WIDE = re.compile("[^" + _WIDE.pattern[1:-1] + "]+")


def display_width(text: str) -> int:
    """The width of ``text`` in half-width character cells: a CJK character counts two."""
    return len(text) + len(_NOT_WIDE.sub("", text))


def column_width(texts: Iterable[str], low: float, high: float) -> float:
    """A column width (Excel units) that fits the widest of ``texts`` within [low, high].

    A full-width character is about 2.1 units of the default font's digit width.
    """
    widest = max((display_width(line) for t in texts for line in t.split("\n")), default=0)
    return max(low, min(high, round(widest * 1.05 + 2, 1)))


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` units wide."""
    per_line = max(1.0, (width - 1.5) / 1.05)
    return sum(max(1, math.ceil(display_width(line) / per_line)) for line in text.split("\n"))


LINE_HEIGHT = 15.0
"""Points per wrapped line of 11 pt text; CJK glyphs need a little more than Latin."""


def print_setup(ws: Worksheet, *, title_rows: str, paper: str = Worksheet.PAPERSIZE_A4) -> None:
    """Landscape, one page wide, ``title_rows`` repeated on every page, footer with page X of Y."""
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    # &A is the sheet name, &P the page and &N the page count; no plan text goes into the footer,
    # so no "&" in a title can turn into a control code.
    footer = ws.oddFooter
    assert footer is not None  # openpyxl gives every new sheet all its header and footer items
    footer.center.text = "&A　第 &P 页，共 &N 页"
