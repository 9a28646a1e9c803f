"""Plans read from a workbook: which worksheets hold the task table, and where each task stands.

A workbook often holds more than its task table: a 填表说明 sheet, a list of contacts, a chart's
data.  The sheets whose rows include a task-table header (序号 | 重点任务 | 牵头单位 …, read as
the table parser reads headers) are the plan; every other sheet is skipped with a note.  When no
sheet has such a header, every sheet is read, as text.

The parser sees one sequence of lines whose numbers keep reading order across sheets; once the
plan is parsed, each task, section and finding gets back its sheet and its row on that sheet.
"""

from __future__ import annotations

import dataclasses

from matrix.model import Document, Finding, Line, Plan
from matrix.parsers.table import read_header, split_row


def _sheets(document: Document) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    for line in document.lines:
        if line.sheet is not None:
            out.setdefault(line.sheet, []).append(line)
    return out


def _holds_table(lines: list[Line]) -> bool:
    return any(line.cells is not None and read_header(split_row(line)) is not None for line in lines)


def task_sheets(document: Document) -> Document:
    """``document`` with only the worksheets that hold a task table, a note for each one skipped.

    A document that is not a workbook, or a workbook none of whose sheets has a task-table
    header, is returned as it is.
    """
    sheets = _sheets(document)
    kept = {name for name, lines in sheets.items() if _holds_table(lines)}
    if not kept or len(kept) == len(sheets):
        return document
    notes = [
        Finding(
            lines[0].row or lines[0].number,
            f"工作表“{name}”中没有任务表 (找不到写明任务和牵头、配合或责任单位的表头), 已跳过",
            sheet=name,
        )
        for name, lines in sheets.items()
        if name not in kept
    ]
    return dataclasses.replace(
        document,
        lines=[line for line in document.lines if line.sheet is None or line.sheet in kept],
        notes=[*document.notes, *notes],
    )


_Places = dict[int, tuple[str | None, int | None]]
"""A line's number -> its worksheet and its row there."""


def placed(plan: Plan, document: Document) -> Plan:
    """``plan`` with its tasks, sections and findings on their worksheets and rows, and the notes
    from reading ``document``; a plan not read from a workbook gains only those notes."""
    places: _Places = {
        line.number: (line.sheet, line.row) for line in document.lines if line.sheet is not None
    }
    if places:
        for task in plan.tasks:
            task.sheet, task.line = _place(places, task.line)
        for section in plan.sections:
            section.sheet, section.line = _place(places, section.line)
        plan.findings = [_placed_finding(places, f) for f in plan.findings]
    plan.findings = [*document.notes, *plan.findings]
    return plan


def _place(places: _Places, number: int) -> tuple[str | None, int]:
    sheet, row = places.get(number, (None, None))
    return sheet, number if row is None else row


def _placed_finding(places: _Places, finding: Finding) -> Finding:
    if finding.sheet is not None:
        return finding
    sheet, row = _place(places, finding.line)
    return dataclasses.replace(finding, line=row, sheet=sheet)
