"""Named styles and row merges for many cells at once: the one place matrix reads openpyxl's internals.

openpyxl's public ways are slow for what a workbook does thousands of times: ``cell.style = name``
looks the name up in a list and builds the style anew for every cell, and ``ws.merge_cells`` gives
each cell of a merged row its share of the first cell's borders, looking every new border up by
value (milliseconds a row).  At a thousand tasks they cost a third of the workbook's time, so a
:class:`StyleCache` asks openpyxl once per named style and per merged-row shape, and copies the
answer into the next cells: the cells' style arrays (``Cell._style``) and the sheet's own store of
cells (``Worksheet._cells``).

These two names are openpyxl's, not a public API.  ``tests/test_fast_styles.py`` builds the same
sheet both ways, this module's and openpyxl's public one, and fails when their saved bytes differ,
so an openpyxl release that changes them is found at once (the project pins openpyxl below 4).
``tests/test_no_internals.py`` lets this module, and no other, through.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet


class StyleCache:
    """Gives cells named styles and merges rows, each new case asked of openpyxl once."""

    def __init__(self) -> None:
        # Each named style's style array, by workbook.
        self._styles: dict[tuple[object, str], Any] = {}
        # The style arrays of a merged row's cells, by workbook, first cell's style and width.
        self._merged: dict[tuple[object, tuple[int, ...], int], list[Any]] = {}

    def style(self, ws: Worksheet, cell: Any, style: str) -> None:
        """Give ``cell`` the named ``style`` (what ``cell.style = style`` does)."""
        key = (ws.parent, style)
        found = self._styles.get(key)
        if found is None:
            cell.style = style
            self._styles[key] = copy(cell._style)
        else:
            cell._style = found.__copy__()  # copy() without the copy module's dispatch

    def merge_row(self, ws: Worksheet, row: int, first: int, last: int) -> None:
        """Merge columns ``first``..``last`` of ``row`` (what ``ws.merge_cells`` does).

        The cells come out the same for the same first cell's style and width, so the first such
        range in a workbook is merged by openpyxl and the rest copy its cells' styles.
        """
        cells: dict[tuple[int, int], Any] = ws._cells
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
