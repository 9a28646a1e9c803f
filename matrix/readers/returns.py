"""Reading a returned form: its stamp, the department cell, each task row and the footer inputs.

Works on what Excel, WPS and LibreOffice save: numbers may come back as floats, dates as dates,
numbers or text, line ends as CRLF; the hidden stamp sheet may be gone (then the workbook's custom
properties name the plan and department, and rows are found by the header row).  Anything that
is not a readable progress form raises :class:`ReturnError` with a plain reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from matrix.cleaning import clean
from matrix.progress.layout import (
    DEPT_ROW,
    FIRST_ROW,
    FOOTER_LABELS,
    FORM_SHEET,
    HASHED,
    HEADER_ROW,
    HEADERS,
    KIND,
    STAMP_SHEET,
    norm,
)
from matrix.progress.model import ReceivedFile, ReturnedForm, ReturnedRow, Stamp, StampTask
from matrix.text.normalize import fold
from matrix.zip_limits import workbook_size

MAX_BYTES = 20_000_000
"""A returned form is a few dozen kB; anything past this is not one."""
MAX_UNZIPPED = 200_000_000
"""Guard against a zip bomb: the parts of a form unpack to far less."""
MAX_CELLS = 400_000
"""Cells and rows a return may declare, counted before it is loaded: openpyxl makes an object of
each (some hundred bytes), so this bounds its memory; a form of 5,000 tasks declares about 70,000."""
MAX_ROWS = 100_000
"""The rows a form's sheet may reach: a row far below the rest would make every scan down to it."""

_CELL_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


class ReturnError(Exception):
    """A returned file that cannot be read as a progress form; the message says why, plainly.

    ``department`` is the one the workbook's properties name, when they still do.
    """

    def __init__(self, message: str, department: str | None = None) -> None:
        super().__init__(message)
        self.department = department


def _open(path: Path) -> Any:
    from openpyxl import load_workbook

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReturnError(f"文件过大 ({size // 1_000_000} MB), 不是进展反馈表")
        with zipfile.ZipFile(path) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise ReturnError("文件解压后过大, 不是进展反馈表")
            if "xl/workbook.xml" not in archive.namelist():
                raise ReturnError("不是 Excel 工作簿 (.xlsx)")
            declared = workbook_size(archive, MAX_CELLS)
            if max(declared.cells, declared.padded) > MAX_CELLS:
                raise ReturnError(f"工作簿声明的单元格和行超过 {MAX_CELLS:,} 个的上限, 不是进展反馈表")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError) as exc:
        kind = "旧版 Excel (.xls) 文件, 请另存为 .xlsx" if _is_xls(path) else "不是 Excel 工作簿 (.xlsx)"
        raise ReturnError(kind) from exc
    except OSError as exc:
        raise ReturnError(f"无法读取文件: {exc.strerror or exc}") from exc
    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean the same here
        raise ReturnError(f"工作簿已损坏, 无法读取: {type(exc).__name__}") from exc
    for ws in wb.worksheets:
        if ws.max_row > MAX_ROWS or ws.max_column > 1000:
            raise ReturnError(
                f"工作表“{ws.title}”的行列数异常 ({ws.max_row} 行, {ws.max_column} 列), 不是进展反馈表"
            )
    return wb


def _is_xls(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(8) == bytes.fromhex("D0CF11E0A1B11AE1")
    except OSError:
        return False


def _stamp_from_sheet(ws: Any) -> Stamp:
    values: dict[str, str] = {}
    tasks: list[StampTask] = []
    cells: dict[str, str] = {}
    for raw in ws.iter_rows(values_only=True):
        row = [norm(v) for v in raw]
        if not row or not row[0]:
            continue
        key = row[0]
        if key == "task":
            if len(row) < 5 or not (row[1].isascii() and row[1].isdigit()) or not 0 < int(row[1]) <= MAX_ROWS:
                raise ReturnError("隐藏的 _matrix 工作表被改动, 无法读取")
            tasks.append(StampTask(int(row[1]), row[2], row[3], row[4]))
        elif key.startswith("cell:"):
            if len(row) < 2 or not _CELL_REF.fullmatch(row[1]):
                raise ReturnError("隐藏的 _matrix 工作表被改动, 无法读取")
            cells[key[5:]] = row[1]
        elif len(row) > 1:
            values[key] = row[1]
    if values.get("kind") != KIND:
        raise ReturnError("隐藏的 _matrix 工作表不是 matrix 进展反馈表的标记")
    return Stamp(
        plan_fingerprint=values.get("plan_fingerprint", ""),
        department=values.get("department", ""),
        form_version=values.get("form_version", ""),
        plan_title=values.get("plan_title", ""),
        tasks=tuple(tasks),
        cells=cells,
    )


def _stamp_from_properties(wb: Any) -> Stamp:
    props = {p.name: str(p.value) for p in wb.custom_doc_props.props}
    if props.get("matrix.kind") != KIND:
        raise ReturnError("不是 matrix 生成的进展反馈表 (没有找到表的标记)")
    return Stamp(
        plan_fingerprint=props.get("matrix.plan_fingerprint", ""),
        department=props.get("matrix.department", ""),
        form_version=props.get("matrix.form_version", ""),
        from_sheet=False,
    )


def read_stamp(wb: Any) -> Stamp:
    """The form's stamp: the hidden sheet, else the custom properties; :class:`ReturnError` if neither."""
    if STAMP_SHEET in wb.sheetnames:
        try:
            return _stamp_from_sheet(wb[STAMP_SHEET])
        except ReturnError as exc:  # a damaged stamp: still say whose form it is, if the properties can
            with contextlib.suppress(ReturnError, AttributeError, TypeError):
                exc.department = _stamp_from_properties(wb).department
            raise
    return _stamp_from_properties(wb)


def _form_sheet(wb: Any) -> Any:
    if FORM_SHEET in wb.sheetnames:
        return wb[FORM_SHEET]
    for ws in wb.worksheets:  # renamed: the sheet whose header row is the form's
        header = [norm(ws.cell(row=HEADER_ROW, column=c).value) for c in range(1, len(HEADERS) + 1)]
        if header == list(HEADERS):
            return ws
    raise ReturnError(f"没有找到“{FORM_SHEET}”工作表")


def _columns(ws: Any) -> dict[str, int]:
    found = {norm(ws.cell(row=HEADER_ROW, column=c).value): c for c in range(1, ws.max_column + 1)}
    missing = [h for h in HEADERS if h not in found]
    if missing:
        raise ReturnError("表头被改动, 找不到列: " + "、".join(missing))
    return {h: found[h] for h in HEADERS}


def parse_date(value: object) -> dt.date | None:
    """A fill date as a bureau may enter it: a date cell, an Excel serial, or text like 2026年12月5日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 30000 < value < 80000:
        from openpyxl.utils.datetime import from_excel

        day = from_excel(value)
        return day.date() if isinstance(day, dt.datetime) else None
    if isinstance(value, str) and (m := _DATE.search(fold(value))):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _task_rows(ws: Any, stamp: Stamp, cols: dict[str, int]) -> list[int]:
    if stamp.tasks:
        return [t.row for t in stamp.tasks]
    rows = []  # no stamp sheet: every row below the header with a task id, up to the footer
    for r in range(FIRST_ROW, ws.max_row + 1):
        first = norm(ws.cell(row=r, column=cols["任务编号"]).value)
        if first in FOOTER_LABELS:
            break
        if first:
            rows.append(r)
    return rows


def _footer(ws: Any, stamp: Stamp, cols: dict[str, int]) -> dict[str, object]:
    out: dict[str, object] = {}
    for label in FOOTER_LABELS:
        if label in stamp.cells:
            out[label] = ws[stamp.cells[label]].value
            continue
        for r in range(FIRST_ROW, ws.max_row + 1):
            if norm(ws.cell(row=r, column=cols["任务编号"]).value) == label:
                out[label] = ws.cell(row=r, column=cols["任务内容"]).value
                break
    return out


def read_return(file: ReceivedFile) -> ReturnedForm:
    """Read the kept copy of a returned form; :class:`ReturnError` when it is not one."""
    wb = _open(file.stored)
    stamp = read_stamp(wb)
    ws = _form_sheet(wb)
    cols = _columns(ws)
    rows = []
    cleaned = 0

    def typed(value: object) -> str:
        """What the bureau typed, as text; characters no document can hold are counted and dropped."""
        nonlocal cleaned
        if isinstance(value, str):
            cleaned += clean(value)[1]
        return norm(value)

    for r in _task_rows(ws, stamp, cols):

        def value(header: str, r: int = r) -> Any:
            return ws.cell(row=r, column=cols[header]).value

        rows.append(
            ReturnedRow(
                row=r,
                cells={h: norm(value(h)) for h in HASHED},
                progress=typed(value("进展情况")),
                status=norm(value("完成状态")),
                percent=value("完成比例（%）"),
                problems=typed(value("存在问题")),
                next_steps=typed(value("下步计划")),
            )
        )
    footer = _footer(ws, stamp, cols)
    filled = footer.get("填报日期")
    return ReturnedForm(
        file=file,
        stamp=stamp,
        department_cell=norm(ws.cell(row=DEPT_ROW, column=1).value),
        rows=rows,
        contact=typed(footer.get("填报人")),
        phone=typed(footer.get("联系电话")),
        filled=parse_date(filled),
        filled_raw=norm(filled),
        cleaned=cleaned,
    )
