"""Excel plans (.xlsx, .xlsm; .xls and WPS .et through LibreOffice): worksheet rows as table lines.

Offices often keep a plan's division of work as an Excel 任务分解表.  Each row of a worksheet is
one :class:`Line` with its cells, exactly as a Word table row is read (see
:mod:`matrix.readers.docx`): a cell merged across columns keeps its text in its first column and
empty strings after it, so the columns that follow stay under their headings; a cell merged down
rows repeats its text in every row it covers.  A cell's line breaks (Alt+Enter) stay in its text.
Formulas are read as the values Excel saved with them.

A line's number is its row number.  Every worksheet is read in order; a workbook of several
sheets numbers the rows of each later sheet after those of the sheets before it, so numbers stay in
reading order, and each line names its ``sheet`` and ``row``.  Which sheets hold a task table is
the plan's business, not the reader's (see :mod:`matrix.sheets`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from matrix.errors import InputError
from matrix.model import MERGED_ABOVE, MERGED_LEFT, OWN_CELL, Document, Finding, Line
from matrix.zip_limits import ZIP_LIMITS, ZipLimits, check_zip

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class SheetLimits:
    """How many cells a workbook may hold before it is refused: openpyxl keeps every cell in memory
    (read-only mode cannot see merged cells), at a few hundred bytes a cell."""

    max_cells: int = 500_000
    """Stored cells in all sheets together; a task table of 2,000 rows by 20 columns has 40,000."""
    max_grid: int = 2_000_000
    """Rows times columns of the part of one sheet that holds values; reading walks that grid."""


SHEET_LIMITS = SheetLimits()

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGIC = b"PK\x03\x04"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# A stored cell: <c r="B12" ...>…</c> or <c r="B12" s="3"/> (styled but empty), prefixed or not;
# the r attribute (its place) may be left out, and then the cell follows the one before it.
_CELL = re.compile(rb"<(?:\w+:)?c(?=[\s/>])([^>]*?)(/?)>")
_PLACE = re.compile(rb"\sr=\"([A-Z]{1,3})(\d{1,7})\"")
# A formula cell with no saved value (<c r="E5"><f>…</f><v></v></c>): a program wrote the file and no
# spreadsheet has calculated it since, so openpyxl reads it as empty.
_UNCALCULATED = re.compile(
    rb"<(?:\w+:)?c(?=\s)([^>]*)>\s*<(?:\w+:)?f\b(?:[^>]*/>|[^>]*>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)


@dataclass(frozen=True)
class _Extent:
    """What a worksheet's XML holds, counted before openpyxl loads it."""

    cells: int = 0
    rows: int = 0
    columns: int = 0
    """The last row and column that hold a cell with content (styled empty cells do not count)."""
    placed: bool = True
    """Every cell states its place; otherwise ``rows`` and ``columns`` are unknown."""
    uncalculated: int = 0
    """Formula cells saved without their value."""
    first_uncalculated: int = 0
    """The row of the first of them."""


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _scan(archive: zipfile.ZipFile, member: str) -> _Extent:
    """Count the cells of one worksheet part and find the extent of those with content, streaming."""
    cells = rows = columns = unplaced = uncalculated = first_uncalculated = 0

    def count(data: bytes, end: int) -> None:
        nonlocal cells, rows, columns, unplaced, uncalculated, first_uncalculated
        for m in _UNCALCULATED.finditer(data, 0, end):
            uncalculated += 1
            place = _PLACE.search(m.group(1))
            if place is not None and not first_uncalculated:
                first_uncalculated = int(place.group(2))
        for m in _CELL.finditer(data, 0, end):
            cells += 1
            place = _PLACE.search(m.group(1))
            if place is None:
                unplaced += 1
            elif not m.group(2):
                rows = max(rows, int(place.group(2)))
                columns = max(columns, _column_number(place.group(1)))

    tail = b""
    with archive.open(member) as fh:
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            end = data.rfind(b"<")  # a tag cut by the chunk boundary is scanned with the next chunk
            if end <= 0:
                end = len(data)
            count(data, end)
            tail = data[end:]
    count(tail, len(tail))
    return _Extent(cells, rows, columns, not unplaced, uncalculated, first_uncalculated)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name and the zip member holding its cells, from the workbook part."""
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target") or "" for r in rels.iter(_PKG_REL + "Relationship")}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(_MAIN + "sheet"):
        target = targets.get(sheet.get(_REL + "id"), "")
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        parts[sheet.get("name") or ""] = member
    return parts


def _check_size(path: Path, limits: SheetLimits) -> dict[str, _Extent]:
    """The extent of each worksheet, refusing a workbook too large to load."""
    with zipfile.ZipFile(path) as archive:
        scanned = {
            name: _scan(archive, name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        }
        extents = {sheet: scanned[m] for sheet, m in _sheet_parts(archive).items() if m in scanned}
    total = sum(e.cells for e in scanned.values())
    if total > limits.max_cells:
        raise InputError(
            f"工作簿共有 {total} 个单元格, 超过 {limits.max_cells} 个的上限, 已拒绝读取: "
            "请只保留任务分解表所在的工作表",
            path=str(path),
        )
    for sheet, extent in extents.items():
        _check_grid(path, sheet, extent.rows, extent.columns, limits)
    return extents


def _check_grid(path: Path, sheet: str, rows: int, columns: int, limits: SheetLimits) -> None:
    if rows * columns > limits.max_grid:
        raise InputError(
            f"工作表 {sheet} 的内容延伸到第 {rows} 行第 {columns} 列, 超过读取上限: "
            "请删除表格以外远处的单元格后再试",
            path=str(path),
        )


def cell_text(value: object) -> str:
    """A cell's value as a clerk sees it: whole numbers without ``.0``, dates as 2026年6月30日."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    # Tabs would shift the row's columns once the cells are joined with tabs.
    return "\n".join(part.strip().replace("\t", " ") for part in text.split("\n") if part.strip())


Merge = tuple[int, int, int, int]
"""A merged range of cells: its first row, first column, last row and last column, from 1."""


def grid_lines(
    sheet: str, rows: Iterable[Sequence[object]], merges: Iterable[Merge], offset: int
) -> list[Line]:
    """The rows of one worksheet (values from row 1, column 1) as lines, numbered from ``offset`` + 1.

    Merged cells are spread as a Word table spreads them: a range's text stands in its first
    column on every row it covers, with empty strings to the right of it.  Empty rows are left out.
    """
    grid = [list(values) for values in rows]
    # (row, column) -> the text a merged range shows there.
    merged: dict[tuple[int, int], tuple[str, str]] = {}  # (row, column) -> (text, where it comes from)
    for top, left, bottom, right in merges:
        if top > len(grid) or left > len(grid[top - 1]):
            continue
        text = cell_text(grid[top - 1][left - 1])
        for r in range(top, min(bottom, len(grid)) + 1):
            for c in range(left, min(right, len(grid[r - 1])) + 1):
                if c > left:
                    merged[(r, c)] = ("", MERGED_LEFT)
                else:
                    merged[(r, c)] = (text, OWN_CELL if r == top else MERGED_ABOVE)
    lines: list[Line] = []
    for r, values in enumerate(grid, start=1):
        placed = [merged.get((r, c), (cell_text(v), OWN_CELL)) for c, v in enumerate(values, start=1)]
        cells = tuple(text for text, _ in placed)
        if any(cells):
            text = "\t".join(c.replace("\n", " ") for c in cells)
            where = tuple(w for _, w in placed)
            lines.append(Line(offset + r, text, cells=cells, merged=where, sheet=sheet, row=r))
    return lines


def _sheet_lines(sheet: Worksheet, extent: _Extent | None, offset: int) -> tuple[int, list[Line]]:
    """How many rows the sheet spans, and its lines."""
    if extent is None or not extent.placed:  # a writer that leaves out the cells' places
        height, width = sheet.max_row, sheet.max_column
    else:
        height, width = extent.rows, extent.columns
    if not height or not width:
        return 0, []
    rows = sheet.iter_rows(min_row=1, max_row=height, max_col=width, values_only=True)
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
    return height, grid_lines(sheet.title, rows, merges, offset)


def check_workbook(path: Path, zip_limits: ZipLimits | None = None) -> None:
    """Refuse a file that is not an .xlsx or would unpack absurdly (a zip bomb), before anything
    unpacks it: an old .xls under the new name, a password-protected workbook, a damaged zip."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head == _OLE_MAGIC:
        raise InputError(
            "这是旧版 Excel (.xls) 文件或加了密码的工作簿, 不是 .xlsx: 请把扩展名改为 .xls, "
            "或在 Excel / WPS 中另存为 .xlsx (不设密码)",
            path=str(path),
        )
    check_zip(path, zip_limits or ZIP_LIMITS, kind=".xlsx 文件", opens_as=" Excel 工作簿")


def read_xlsx(
    path: Path, *, limits: SheetLimits | None = None, zip_limits: ZipLimits | None = None
) -> Document:
    """The rows of every worksheet of an .xlsx or .xlsm workbook, in order, as table lines."""
    import openpyxl

    source = str(path)
    check_workbook(path, zip_limits)
    limits = limits or SHEET_LIMITS
    extents = _check_size(path, limits)
    try:
        workbook = openpyxl.load_workbook(path, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, lxml errors ...
        raise InputError("这不是有效的 Excel 工作簿 (无法打开)", path=source) from exc
    lines: list[Line] = []
    offset = 0
    try:
        for sheet in workbook.worksheets:
            extent = extents.get(sheet.title)
            if extent is None or not extent.placed:
                _check_grid(path, sheet.title, sheet.max_row, sheet.max_column, limits)
            height, found = _sheet_lines(sheet, extent, offset)
            lines.extend(found)
            offset += height
    finally:
        workbook.close()
    if not any(line.text.strip() for line in lines):
        raise InputError("工作簿里没有文字", path=source)
    notes = [
        Finding(
            extent.first_uncalculated or 1,
            f"有 {extent.uncalculated} 个公式单元格没有保存计算结果 (文件可能由程序生成, 未在 Excel 中"
            "保存过), 已按空白读取: 请在 Excel / WPS 中打开、保存后再读",
            sheet=sheet,
        )
        for sheet, extent in extents.items()
        if extent.uncalculated
    ]
    return Document(source=source, lines=lines, kind=path.suffix.lower().lstrip(".") or "xlsx", notes=notes)
