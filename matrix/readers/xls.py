"""Old Excel (.xls) and WPS (.et) workbooks: read with calamine, or through LibreOffice.

python-calamine reads the binary Excel format (BIFF) directly, merged ranges and the values saved
with formulas included, in well under a millisecond for a task table, and needs nothing installed
beside matrix.  A file calamine cannot open (an HTML page a web system saved as .xls, an old WPS
format) is converted to .xlsx by LibreOffice, as .doc files are (see :mod:`matrix.readers.convert`),
when LibreOffice is installed.  Either way the rows become lines exactly as an .xlsx's do
(:func:`matrix.readers.xlsx.grid_lines`).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from matrix.errors import InputError
from matrix.model import Document, Line
from matrix.readers.xlsx import SHEET_LIMITS, SheetLimits, grid_lines, read_xlsx

_ZIP_MAGIC = b"PK\x03\x04"


class _Unreadable(Exception):
    """calamine could not open the file; LibreOffice may."""


def _calamine_lines(path: Path, limits: SheetLimits) -> list[Line]:
    """Every worksheet's rows, in order, read by calamine; :class:`_Unreadable` when it cannot."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    source = str(path)
    try:
        with path.open("rb") as fh:
            workbook = CalamineWorkbook.from_filelike(fh)  # the format is told by content: .et too
            sheets = [workbook.get_sheet_by_index(i) for i in range(len(workbook.sheet_names))]
    except PasswordError as exc:
        raise InputError("工作簿设有打开密码: 请在 Excel / WPS 中取消密码后再试", path=source) from exc
    except (CalamineError, ValueError, OSError) as exc:
        raise _Unreadable from exc
    total = sum(s.total_height * s.total_width for s in sheets)
    if total > limits.max_cells:
        raise InputError(
            f"工作簿共有 {total} 个单元格, 超过 {limits.max_cells} 个的上限, 已拒绝读取: "
            "请只保留任务分解表所在的工作表",
            path=source,
        )
    lines: list[Line] = []
    offset = 0
    for sheet in sheets:
        rows = sheet.to_python(skip_empty_area=False)
        # calamine counts from 0; a merged range (top, left) - (bottom, right), both included
        merges = [(t + 1, left + 1, b + 1, r + 1) for (t, left), (b, r) in sheet.merged_cell_ranges or []]
        lines.extend(grid_lines(sheet.name, rows, merges, offset))
        offset += len(rows)
    return lines


def read_xls(path: Path, *, limits: SheetLimits | None = None) -> Document:
    """The rows of every worksheet of an .xls or .et workbook, in order, as table lines.

    A workbook saved in the new format under an old name is read as .xlsx.
    """
    from matrix.readers.convert import convert_file

    source = str(path)
    kind = path.suffix.lower().lstrip(".") or "xls"
    with path.open("rb") as fh:
        head = fh.read(4)
    with tempfile.TemporaryDirectory(prefix="matrix-convert-") as tmp:
        try:
            if head == _ZIP_MAGIC:
                xlsx_path = Path(tmp) / "plan.xlsx"  # openpyxl goes by the name
                shutil.copyfile(path, xlsx_path)
                lines = read_xlsx(xlsx_path, limits=limits).lines
            else:
                try:
                    lines = _calamine_lines(path, limits or SHEET_LIMITS)
                except _Unreadable:
                    lines = read_xlsx(convert_file(path, "xlsx", Path(tmp)), limits=limits).lines
        except InputError as exc:
            raise InputError(exc.message, line=exc.line, path=source) from exc
    if not any(line.text.strip() for line in lines):
        raise InputError("工作簿里没有文字", path=source)
    return Document(source=source, lines=lines, kind=kind)
