"""The progress forms (进展反馈表): one workbook per department, pre-filled, locked and stamped.

Each form lists the department's tasks (led tasks first) with their pre-filled cells locked and
five input columns unlocked: 进展情况, 完成状态 (a dropdown), 完成比例 (a whole number 0-100),
存在问题, 下步计划; below them 填报人, 联系电话 and 填报日期.  The stamp (see
:mod:`matrix.progress.layout`) lets ``matrix collect`` recognise the form under any file name.
The same plan and settings always give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.progress.layout import (
    COLUMN,
    DEPT_ROW,
    FIRST_ROW,
    FOOTER_LABELS,
    FORM_SHEET,
    FORM_VERSION,
    HASHED,
    HEADER_ROW,
    HEADERS,
    INPUTS,
    INSTRUCTION,
    KIND,
    NOTE_ROW,
    STAMP_SHEET,
    STATUSES,
    TITLE_ROW,
    FormRow,
    form_rows,
    plan_fingerprint,
)
from matrix.render.xlsx.format import (
    LINE_HEIGHT,
    CellWriter,
    line_count,
    print_setup,
    register_styles,
)
from matrix.render.xlsx.workbook import workbook_file_bytes
from matrix.settings import Settings
from matrix.views.document import department_contact, plan_name

WIDTHS = {
    "序号": 5,
    "任务编号": 9,
    "任务内容": 46,
    "本单位角色": 7,
    "牵头单位": 13,
    "参与单位": 16,
    "完成时限": 10,
    "进展情况": 40,
    "完成状态": 9,
    "完成比例（%）": 8,
    "存在问题": 22,
    "下步计划": 22,
}
"""Column widths in Excel units: the task text and the progress text get the room."""
_THIN = Side(style="thin", color="808080")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
"""The thin grey box of the duty workbook's cells, for the styles added here."""
INPUT_FILL = "FFF2CC"
"""The pale yellow of the cells a bureau fills in."""


def form_names(graph: PlanGraph) -> dict[str, str]:
    """Department → its form's file name, ``NN-<department>.xlsx``, numbered as the letters are."""
    names = [d.name for d in graph.departments()]
    return dict(zip(names, numbered_names(names, ".xlsx"), strict=True))


def _register_input_style(wb: Workbook) -> None:
    style = NamedStyle(name="mx-input")
    style.font = Font(size=11)
    style.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    style.fill = PatternFill("solid", fgColor=INPUT_FILL)
    style.border = BOX
    style.protection = Protection(locked=False)
    wb.add_named_style(style)
    center = NamedStyle(name="mx-input-center")
    center.font, center.fill, center.border = style.font, style.fill, style.border
    center.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
    center.protection = Protection(locked=False)
    wb.add_named_style(center)


def _validations(ws: Worksheet, first: int, last: int, date_cell: str) -> None:
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成状态",
        error="请从下拉列表中选择：" + "、".join(STATUSES),
        showInputMessage=True,
        promptTitle="完成状态",
        prompt="从下拉列表中选择",
    )
    percent = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成比例",
        error="请填写 0 到 100 之间的整数",
    )
    # Excel's date serials count days from 1899-12-30
    low, high = ((dt.date(y, 1, 1) - dt.date(1899, 12, 30)).days for y in (2000, 2100))
    date = DataValidation(
        type="date",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="填报日期",
        error="请填写日期，例如 2026-12-05",
    )
    for dv, header in ((status, "完成状态"), (percent, "完成比例（%）")):
        col = get_column_letter(COLUMN[header])
        if last >= first:
            dv.add(f"{col}{first}:{col}{last}")
            ws.add_data_validation(dv)
    date.add(date_cell)
    ws.add_data_validation(date)


def _fill_form(
    cw: CellWriter, ws: Worksheet, title: str, department: str, rows: list[FormRow]
) -> dict[str, str]:
    last_col = len(HEADERS)
    cw.put(ws, TITLE_ROW, 1, f"{title}进展反馈表", "mx-title")
    cw.merge_row(ws, TITLE_ROW, 1, last_col)
    ws.row_dimensions[TITLE_ROW].height = 28
    cw.put(ws, DEPT_ROW, 1, f"填报单位：{department}", "mx-plain")
    cw.merge_row(ws, DEPT_ROW, 1, last_col)
    cw.put(ws, NOTE_ROW, 1, INSTRUCTION, "mx-plain")
    cw.merge_row(ws, NOTE_ROW, 1, last_col)
    ws.row_dimensions[NOTE_ROW].height = 2 * LINE_HEIGHT
    for col, header in enumerate(HEADERS, 1):
        cw.put(ws, HEADER_ROW, col, header, "mx-header")
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[header]
    ws.row_dimensions[HEADER_ROW].height = 2 * LINE_HEIGHT
    for i, row in enumerate(rows):
        r = FIRST_ROW + i
        cw.put(ws, r, COLUMN["序号"], i + 1, "mx-center")
        for header in HASHED:
            style = "mx-center" if header in ("本单位角色", "完成时限") else "mx-text"
            cw.put(ws, r, COLUMN[header], row.cells[header], style, f"{department} 第{i + 1}项 {header}")
        for header in INPUTS:
            style = "mx-input-center" if header in ("完成状态", "完成比例（%）") else "mx-input"
            cw.style(ws, r, COLUMN[header], style)
        lines = max(line_count(row.cells[h], WIDTHS[h]) for h in HASHED)
        ws.row_dimensions[r].height = max(4, lines) * LINE_HEIGHT
    footer: dict[str, str] = {}
    r = FIRST_ROW + len(rows) + 1
    contact_col = COLUMN["任务内容"]
    for label in FOOTER_LABELS:
        cw.put(ws, r, COLUMN["任务编号"], label, "mx-header")
        cell = cw.style(ws, r, contact_col, "mx-input")
        footer[label] = cell.coordinate
        ws.row_dimensions[r].height = 22
        r += 1
    ws[footer["填报日期"]].number_format = "yyyy-mm-dd"
    ws.freeze_panes = f"A{FIRST_ROW}"
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    _validations(ws, FIRST_ROW, FIRST_ROW + len(rows) - 1, footer["填报日期"])
    ws.protection.sheet = True
    # Rows and columns may be resized (a long answer needs a taller row); nothing else changes.
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    return footer


def _fill_stamp(
    cw: CellWriter, ws: Worksheet, stamp: dict[str, str], footer: dict[str, str], rows: list[FormRow]
) -> None:
    lines: list[list[str]] = [["key", "value"], *([key, value] for key, value in stamp.items())]
    lines += [[f"cell:{label}", coordinate] for label, coordinate in footer.items()]
    lines.append(["columns", "|".join(HEADERS)])
    lines += [["task", str(FIRST_ROW + i), r.task.id, r.content, r.cells_hash] for i, r in enumerate(rows)]
    for r, values in enumerate(lines, 1):
        for c, value in enumerate(values, 1):
            cw.put(ws, r, c, value, None)  # as text: a title "=1+1…" is never a formula
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def render_form(
    graph: PlanGraph,
    settings: Settings,
    department: str,
    *,
    rows: list[FormRow] | None = None,
    fingerprint: str | None = None,
) -> bytes:
    """One department's form as .xlsx bytes; a batch passes the department's ``rows``
    (:func:`form_rows`) and the plan's ``fingerprint`` it has already worked out."""
    wb = Workbook()
    register_styles(wb)
    _register_input_style(wb)
    ws = wb.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = FORM_SHEET
    cw = CellWriter()
    title = cw.clean(plan_name(graph), "计划标题")
    rows = form_rows(graph, department) if rows is None else rows
    footer = _fill_form(cw, ws, title, department, rows)
    contact, phone = department_contact(graph, settings, department)
    for label, value in (("填报人", contact), ("联系电话", phone)):
        if value:  # a default the bureau may overwrite: the cell stays unlocked
            target = ws[footer[label]]
            cw.put(ws, target.row, target.column, value, "mx-input")
    stamp = {
        "generator": "matrix",
        "kind": KIND,
        "form_version": FORM_VERSION,
        "plan_title": title,
        "plan_fingerprint": plan_fingerprint(graph) if fingerprint is None else fingerprint,
        "department": department,
        "tasks": str(len(rows)),
    }
    _fill_stamp(cw, wb.create_sheet(STAMP_SHEET), stamp, footer, rows)
    props = wb.custom_doc_props  # type: ignore[attr-defined]  # not in the openpyxl stubs
    for key in ("kind", "form_version", "plan_fingerprint", "department"):
        props.append(StringProperty(name=f"matrix.{key}", value=stamp[key]))
    wb.security = WorkbookProtection(lockStructure=True)  # no sheet deleted, renamed or shown
    wb.properties.subject = title
    wb.properties.keywords = KIND
    wb.properties.identifier = stamp["plan_fingerprint"]
    return workbook_file_bytes(wb, f"{department}进展反馈表")
