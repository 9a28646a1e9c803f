"""The one module that reads openpyxl's internals gives the very bytes openpyxl's public API gives.

:mod:`matrix.render.xlsx.fast_styles` copies style arrays and fills the sheet's store of cells
itself.  Here the same sheet is built with it and with ``cell.style = …`` and ``ws.merge_cells``;
when an openpyxl release changes what those internals mean, the bytes differ and this test fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from matrix.render.xlsx.fast_styles import StyleCache
from matrix.render.xlsx.format import register_styles
from matrix.render.xlsx.workbook import workbook_file_bytes

STYLES = ["mx-text", "mx-center", "mx-lead", "mx-participant", "mx-primary", "mx-header", "mx-section"]


def _sheet(
    style: Callable[[Worksheet, Any, str], None], merge: Callable[[Worksheet, int, int, int], None]
) -> bytes:
    wb = Workbook()
    register_styles(wb)
    ws = wb.active
    assert ws is not None
    for row in range(1, 40):
        for col in range(1, 12):
            cell = ws.cell(row=row, column=col)
            cell.value = f"{row}-{col}"
            style(ws, cell, STYLES[(row * col) % len(STYLES)])
    for row in range(40, 60):  # merged rows: some of one shape (copied), some new, one not started
        if row != 45:
            style(ws, ws.cell(row=row, column=1), STYLES[row % 3])
        merge(ws, row, 1, 8 if row % 2 else 11)
    ws.cell(row=60, column=3).value = "已有"
    style(ws, ws.cell(row=60, column=1), "mx-section")
    merge(ws, 60, 1, 6)  # over a cell that holds something: openpyxl's own merge
    second = wb.create_sheet("二")
    for row in range(1, 5):
        style(second, second.cell(row=row, column=1), "mx-section")
        merge(second, row, 1, 5)
    return workbook_file_bytes(wb, "样例")


def _public_style(ws: Worksheet, cell: Any, style: str) -> None:
    cell.style = style


def _public_merge(ws: Worksheet, row: int, first: int, last: int) -> None:
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def test_same_bytes_as_openpyxls_public_api() -> None:
    cache = StyleCache()
    fast = _sheet(cache.style, cache.merge_row)
    assert fast == _sheet(_public_style, _public_merge), (
        "matrix/render/xlsx/fast_styles.py no longer gives what openpyxl's public API gives: "
        "this openpyxl release changed Cell._style or Worksheet._cells; use the public API there"
    )


def test_each_style_and_row_shape_is_asked_of_openpyxl_once() -> None:
    cache = StyleCache()
    _sheet(cache.style, cache.merge_row)
    assert len(cache._styles) == len(STYLES)  # one workbook: one array per named style
    # 23 merged rows of at most 7 shapes (3 first-cell styles x 2 widths, and the second sheet's)
    assert 0 < len(cache._merged) <= 7
