"""The progress summary workbook (``<plan stem>-进展汇总.xlsx``): 进展汇总, 分单位明细, 报送情况, 说明.

A view of one :class:`~matrix.progress.model.Progress`: a row per task with every reporting
department's status and text (the leads' first), coloured by status and flagged when overdue; a
row per report; a row per department with its return state and the reasons; the counts.  It uses
the duty workbook's cell writer, styles and print layout, and its fixed-bytes packaging.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from matrix.paths import safe_filename
from matrix.progress.model import STATUS_ORDER, Progress, Report, ReturnState
from matrix.render.xlsx.format import (
    LINE_HEIGHT,
    CellWriter,
    line_count,
    print_setup,
    register_styles,
)
from matrix.render.xlsx.forms import BOX
from matrix.render.xlsx.workbook import new_workbook, workbook_file_bytes
from matrix.views.document import format_date

SHEETS = ("进展汇总", "分单位明细", "报送情况", "说明")
"""The summary's sheet names, in order."""
OVERDUE = "逾期"
STATUS_FILL = {
    "已完成": "C6EFCE",
    "推进中": "DDEBF7",
    "未启动": "EDEDED",
    "滞后": "FFC7CE",
    "未报送": "FFEB9C",
    ReturnState.RETURNED.value: "C6EFCE",
    ReturnState.INVALID.value: "FFC7CE",
    OVERDUE: "FF9999",
}
"""The fill of each task status, return state and the overdue flag."""


def summary_name(progress: Progress) -> str:
    """The summary's file name: ``<plan stem>-进展汇总.xlsx``, safe on every OS."""
    return safe_filename(f"{progress.plan_stem}-进展汇总") + ".xlsx"


def style_of(value: str) -> str:
    """The named style that colours a status cell."""
    return f"mx-st-{value}" if value in STATUS_FILL else "mx-center"


def _register(wb: Workbook) -> None:
    register_styles(wb)
    for value, colour in STATUS_FILL.items():
        style = NamedStyle(name=style_of(value))
        style.font = Font(size=11, bold=value in ("滞后", OVERDUE))
        style.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        style.fill = PatternFill("solid", fgColor=colour)
        style.border = BOX
        wb.add_named_style(style)


def _table(
    cw: CellWriter,
    ws: Worksheet,
    title: str,
    subtitle: str,
    columns: Sequence[tuple[str, float]],
) -> None:
    cw.put(ws, 1, 1, title, "mx-title")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.row_dimensions[1].height = 28
    cw.put(ws, 2, 1, subtitle, "mx-plain")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(columns))
    for col, (header, width) in enumerate(columns, 1):
        cw.put(ws, 3, col, header, "mx-header")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A4"
    print_setup(ws, title_rows="3:3")


def _fit(ws: Worksheet, row: int, texts: list[tuple[str, float]]) -> None:
    lines = max((line_count(t, w) for t, w in texts), default=1)
    ws.row_dimensions[row].height = max(1, lines) * LINE_HEIGHT + 4


def report_text(report: Report) -> str:
    """One department's report as a line: 【单位·角色】状态 比例；进展；问题；下步."""
    head = f"【{report.department}·{report.role}】{report.status or '未填状态'}"
    if report.percent is not None:
        head += f" {report.percent}%"
    parts = [head]
    for label, text in (("进展", report.progress), ("问题", report.problems), ("下步", report.next_steps)):
        if text:
            parts.append(f"{label}：{text}")
    return "；".join(parts)


def _fill_overview(cw: CellWriter, ws: Worksheet, progress: Progress, subtitle: str) -> None:
    cols = [
        ("序号", 5),
        ("任务编号", 9),
        ("任务内容", 40),
        ("牵头单位", 14),
        ("完成时限", 11),
        ("任务状态", 9),
        (OVERDUE, 6),
        ("各单位报送情况", 60),
        ("未报送单位", 16),
    ]
    _table(cw, ws, f"{progress.plan_title}进展汇总", subtitle, cols)
    for r, tp in enumerate(progress.tasks, 4):
        text = tp.task.text or tp.task.title
        reports = "\n".join(report_text(x) for x in tp.reports) or "—"
        silent = "、".join(tp.silent) or "—"
        cw.put(ws, r, 1, tp.no, "mx-center")
        cw.put(ws, r, 2, tp.task.id, "mx-center")
        cw.put(ws, r, 3, text, "mx-text")
        cw.put(ws, r, 4, "、".join(tp.leads) or "—", "mx-text")
        cw.put(ws, r, 5, tp.task.deadline or "—", "mx-center")
        cw.put(ws, r, 6, tp.status, style_of(tp.status))
        cw.put(ws, r, 7, OVERDUE if tp.overdue else "", style_of(OVERDUE) if tp.overdue else "mx-center")
        cw.put(ws, r, 8, reports, "mx-text")
        cw.put(ws, r, 9, silent, "mx-text")
        _fit(ws, r, [(text, 40), (reports, 60), (silent, 16)])
    if progress.tasks:
        ws.auto_filter.ref = f"A3:{get_column_letter(len(cols))}{len(progress.tasks) + 3}"


def _fill_details(cw: CellWriter, ws: Worksheet, progress: Progress, subtitle: str) -> None:
    cols = [
        ("任务编号", 9),
        ("单位", 14),
        ("角色", 7),
        ("完成状态", 9),
        ("完成比例（%）", 8),
        ("进展情况", 40),
        ("存在问题", 26),
        ("下步计划", 26),
        ("填报日期", 12),
    ]
    _table(cw, ws, f"{progress.plan_title}进展明细", subtitle, cols)
    filled = {
        d.name: format_date(d.used.filled) if d.used and d.used.filled else "—" for d in progress.departments
    }
    r = 4
    for tp in progress.tasks:
        for x in tp.reports:
            status = x.status or "—"
            cw.put(ws, r, 1, tp.task.id, "mx-center")
            cw.put(ws, r, 2, x.department, "mx-text")
            cw.put(ws, r, 3, x.role, "mx-center")
            cw.put(ws, r, 4, status, style_of(status))
            cw.put(ws, r, 5, x.percent, "mx-center")
            cw.put(ws, r, 6, x.progress, "mx-text")
            cw.put(ws, r, 7, x.problems, "mx-text")
            cw.put(ws, r, 8, x.next_steps, "mx-text")
            cw.put(ws, r, 9, filled.get(x.department, "—"), "mx-center")
            _fit(ws, r, [(x.progress, 40), (x.problems, 26), (x.next_steps, 26)])
            r += 1
    if r > 4:
        ws.auto_filter.ref = f"A3:{get_column_letter(len(cols))}{r - 1}"


def _fill_returns(cw: CellWriter, ws: Worksheet, progress: Progress, subtitle: str) -> None:
    cols = [
        ("序号", 5),
        ("单位", 16),
        ("报送状态", 9),
        ("承担任务", 8),
        ("逾期任务", 12),
        ("填报日期", 12),
        ("填报人", 10),
        ("联系电话", 13),
        ("采用文件", 28),
        ("说明", 50),
    ]
    _table(cw, ws, f"{progress.plan_title}报送情况", subtitle, cols)
    r = 4
    for i, d in enumerate(progress.departments, 1):
        form = d.used.form if d.used else None
        reasons = "\n".join(d.reasons) or "—"
        used = d.used.file.stored.name if d.used else "—"
        cw.put(ws, r, 1, i, "mx-center")
        cw.put(ws, r, 2, d.name, "mx-text")
        cw.put(ws, r, 3, d.state.value, style_of(d.state.value))
        cw.put(ws, r, 4, d.tasks, "mx-center")
        cw.put(ws, r, 5, "、".join(d.overdue) or "—", "mx-center")
        cw.put(ws, r, 6, format_date(d.used.filled) if d.used and d.used.filled else "—", "mx-center")
        cw.put(ws, r, 7, (form.contact if form else "") or d.contact or "—", "mx-center")
        cw.put(ws, r, 8, (form.phone if form else "") or d.phone or "—", "mx-center")
        cw.put(ws, r, 9, used, "mx-text")
        cw.put(ws, r, 10, reasons, "mx-text")
        _fit(ws, r, [(reasons, 50), (used, 28)])
        r += 1
    if progress.unattributed:
        r += 1
        cw.put(ws, r, 1, "无法归入任何单位的文件", "mx-section")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
        for check in progress.unattributed:
            r += 1
            reason = "; ".join(check.problems) or "—"
            cw.put(ws, r, 1, "", "mx-center")
            cw.put(ws, r, 2, check.file.original.name, "mx-text")
            cw.put(ws, r, 3, ReturnState.INVALID.value, style_of(ReturnState.INVALID.value))
            cw.put(ws, r, 9, check.file.stored.name, "mx-text")
            cw.put(ws, r, 10, reason, "mx-text")
            _fit(ws, r, [(reason, 50), (check.file.original.name, 16)])


def _fill_notes(cw: CellWriter, ws: Worksheet, progress: Progress) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 60
    rows: list[tuple[str, str | int]] = [
        ("计划", progress.plan_title),
        ("统计截至", format_date(progress.as_of)),
        ("计划指纹", progress.fingerprint),
        ("任务数", len(progress.tasks)),
    ]
    rows += [(f"任务状态：{k}", v) for k, v in progress.counts().items()]
    rows += [("逾期任务", len(progress.overdue)), ("滞后任务", len(progress.lagging))]
    rows += [(f"单位：{s.value}", len(progress.by_state(s))) for s in ReturnState]
    rows += [("无法归入单位的文件", len(progress.unattributed))]
    rows += [
        ("任务状态的取法", "取牵头单位所报状态 (第一牵头单位优先); 牵头单位均未报送时取参与单位所报状态"),
        ("逾期的判定", "完成时限写明年份且早于统计截至日、任务状态不是已完成; 年内、持续推进等不判定"),
    ]
    cw.put(ws, 1, 1, "说明", "mx-title")
    for r, (key, value) in enumerate(rows, 3):
        cw.put(ws, r, 1, key, "mx-header")
        cw.put(ws, r, 2, value, "mx-text")
    print_setup(ws, title_rows="1:1")


def render_summary(progress: Progress) -> bytes:
    """The summary workbook's bytes: the same progress always gives the same bytes."""
    wb, (first, details, returns, notes) = new_workbook(SHEETS, _register)
    cw = CellWriter()
    returned = len(progress.by_state(ReturnState.RETURNED))
    subtitle = (
        f"统计截至{format_date(progress.as_of)}；{len(progress.departments)}个单位中"
        f"{returned}个已报送；{len(progress.tasks)}项任务中"
        + "、".join(f"{k}{v}项" for k, v in progress.counts().items() if k in STATUS_ORDER)
        + f"，逾期{len(progress.overdue)}项"
    )
    _fill_overview(cw, first, progress, subtitle)
    _fill_details(cw, details, progress, subtitle)
    _fill_returns(cw, returns, progress, subtitle)
    _fill_notes(cw, notes, progress)
    return workbook_file_bytes(wb, f"{progress.plan_title}进展汇总")
