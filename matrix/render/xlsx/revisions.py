"""The revision workbook (``changes/<new stem>-修订对照.xlsx``): old and new side by side.

Two sheets: 任务对照 (one row per task added, removed, moved, renumbered or changed) and 单位对照
(each department told of the revision, under a heading row, with one row per task it is told of).  Cells
whose old and new values differ are shaded.  The same two plans always give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from matrix.diff.model import PlanDiff
from matrix.diff.rows import ChangeRow, department_rows, task_rows
from matrix.paths import safe_filename
from matrix.render.xlsx.format import LINE_HEIGHT, CellWriter, line_count, print_setup, register_styles
from matrix.render.xlsx.workbook import new_workbook, workbook_file_bytes

SHEETS = ("任务对照", "单位对照")
"""The workbook's sheet names, in order."""

CHANGED_STYLE = "mx-changed"
"""The named style of a cell whose value differs between the two versions."""

# (header, value of a row, width); old/new pairs stand next to each other.
_Column = tuple[str, Callable[[ChangeRow], str], float]
_COMMON: list[_Column] = [
    ("原编号", lambda r: r.old.id, 9),
    ("新编号", lambda r: r.new.id, 9),
    ("任务", lambda r: r.new.title or r.old.title, 22),
    ("变化内容", lambda r: r.field_label, 12),
    ("相似度", lambda r: "" if r.similarity is None else f"{r.similarity:.3f}", 8),
    ("文字变化", lambda r: r.passage_label, 30),
    ("原任务内容", lambda r: r.old.text, 48),
    ("新任务内容", lambda r: r.new.text, 48),
    ("原牵头单位", lambda r: r.old.leads, 16),
    ("新牵头单位", lambda r: r.new.leads, 16),
    ("原参与单位", lambda r: r.old.participants, 20),
    ("新参与单位", lambda r: r.new.participants, 20),
    ("原其他单位", lambda r: r.old.others, 14),
    ("新其他单位", lambda r: r.new.others, 14),
    ("原完成时限", lambda r: r.old.deadline, 12),
    ("新完成时限", lambda r: r.new.deadline, 12),
]
_TASK_COLUMNS: list[_Column] = [
    ("变化", lambda r: r.kind_label, 10),
    *_COMMON,
    ("原章节", lambda r: r.old.section, 20),
    ("新章节", lambda r: r.new.section, 20),
]
_DEPT_COLUMNS: list[_Column] = [
    ("变化", lambda r: r.kind_label, 10),
    ("原角色", lambda r: r.old.role, 8),
    ("新角色", lambda r: r.new.role, 8),
    *_COMMON,
]


def changes_name(diff: PlanDiff) -> str:
    """The workbook's file name: ``<new stem>-修订对照.xlsx``, safe on every OS."""
    stem = Path(diff.new.source).stem if diff.new.source else ""
    return safe_filename(f"{stem or '计划'}-修订对照") + ".xlsx"


def _register(wb: Workbook) -> None:
    register_styles(wb)
    style = NamedStyle(name=CHANGED_STYLE)
    style.font = Font(size=11)
    style.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    style.fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin", color="808080")
    style.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.add_named_style(style)


def _columns(columns: list[_Column], rows: list[ChangeRow]) -> list[_Column]:
    # The 其他单位 pair only when some task has a body with another role (指导, 落实 ...).
    if any(r.old.others or r.new.others for r in rows):
        return columns
    return [c for c in columns if not c[0].endswith("其他单位")]


def _head(cw: CellWriter, ws: Worksheet, title: str, columns: list[_Column]) -> None:
    cw.put(ws, 1, 1, title, "mx-title")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.row_dimensions[1].height = 28
    for col, (header, _, width) in enumerate(columns, 1):
        cw.put(ws, 2, col, header, "mx-header")
        ws.column_dimensions[get_column_letter(col)].width = width


def _put_row(
    cw: CellWriter, ws: Worksheet, r: int, row: ChangeRow, columns: list[_Column], where: str
) -> None:
    values = [value(row) for _, value, _ in columns]
    headers = [header for header, _, _ in columns]
    shaded: set[int] = set()
    if row.old.id and row.new.id:  # only a task in both versions has old and new values to set apart
        for k, header in enumerate(headers):
            pair = "原" + header[1:]
            if header.startswith("新") and pair in headers and values[headers.index(pair)] != values[k]:
                shaded |= {k, headers.index(pair)}
    for k, text in enumerate(values):
        cw.put(ws, r, k + 1, text, CHANGED_STYLE if k in shaded else "mx-text", where)
    lines = max(line_count(text, columns[k][2]) for k, text in enumerate(values))
    ws.row_dimensions[r].height = min(lines, 27) * LINE_HEIGHT + 4  # Excel caps a row at 409 points


def fill_tasks(cw: CellWriter, ws: Worksheet, diff: PlanDiff, title: str) -> None:
    """任务对照: one row per task added, removed, moved, renumbered or changed."""
    rows = task_rows(diff)
    columns = _columns(_TASK_COLUMNS, rows)
    _head(cw, ws, f"{title}修订对照(任务)", columns)
    for r, row in enumerate(rows, 3):
        _put_row(cw, ws, r, row, columns, f"任务 {row.new.id or row.old.id}")
    if not rows:
        cw.put(ws, 3, 1, "两个版本的任务没有变化。", "mx-plain")
    ws.freeze_panes = "D3"
    print_setup(ws, title_rows="1:2", paper=Worksheet.PAPERSIZE_A3)


def fill_departments(cw: CellWriter, ws: Worksheet, diff: PlanDiff, title: str) -> None:
    """单位对照: each department told of the revision under its heading row, one row per task it is
    told of (a probable rename under its new name, naming the old one)."""
    per_dept = [(dept, department_rows(diff, dept)) for dept in diff.told]
    columns = _columns(_DEPT_COLUMNS, [row for _, rows in per_dept for row in rows])
    _head(cw, ws, f"{title}修订对照(单位)", columns)
    r = 3
    for dept, rows in per_dept:
        heading = dept.name + (f"(原 {dept.renamed_from}, 已更名)" if dept.renamed_from else "")
        if (probable := diff.probable_rename_to(dept.name)) is not None:
            heading += f"(疑似原 {probable.old}, 未在设置中确认)"
        cw.put(ws, r, 1, heading, "mx-section", f"单位 {dept.name}")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
        r += 1
        for row in rows:
            _put_row(cw, ws, r, row, columns, f"单位 {dept.name}")
            r += 1
    if not per_dept:
        cw.put(ws, 3, 1, "没有单位的任务或分工发生变化。", "mx-plain")
    ws.freeze_panes = "A3"
    print_setup(ws, title_rows="1:2", paper=Worksheet.PAPERSIZE_A3)


def changes_bytes(diff: PlanDiff, warn: Callable[[str], None] | None = None) -> bytes:
    """The revision workbook's bytes: the same two plans always give the same bytes."""
    wb, (tasks_ws, departments_ws) = new_workbook(SHEETS, _register)
    cw = CellWriter()
    title = cw.clean(diff.new.title or diff.old.title or "计划", "计划标题")
    fill_tasks(cw, tasks_ws, diff, title)
    fill_departments(cw, departments_ws, diff, title)
    data = workbook_file_bytes(wb, f"{title}修订对照")
    for message in cw.warnings:
        if warn is not None:
            warn(message)
    return data
