"""The ways matrix is measured against: docxtpl the naive way, the zip floor, openpyxl and XlsxWriter.

Each function does the timed work only; its inputs (contexts, rendered parts, the matrix's cells)
are made beforehand, outside the timer.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from matrix.graph import PlanGraph


def naive_letters(template: Path, contexts: Sequence[Mapping[str, Any]]) -> int:
    """docxtpl as its documentation shows it: the template loaded anew for each letter."""
    from docxtpl import DocxTemplate

    for context in contexts:
        doc = DocxTemplate(str(template))
        doc.render(dict(context), autoescape=True)
        doc.save(io.BytesIO())
    return len(contexts)


def floor_letters(letters: list[list[tuple[str, bytes]]]) -> int:
    """The floor: each letter's final parts zipped with :mod:`zipfile` and nothing else."""
    for parts in letters:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts:
                archive.writestr(name, data)
    return len(letters)


def matrix_cells(graph: PlanGraph) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The duty matrix as plain cells: department names, and per task its label and one mark per
    department (empty where it has no role)."""
    depts = [d.name for d in graph.departments()]
    column = {name: i for i, name in enumerate(depts)}
    rows: list[tuple[str, list[str]]] = []
    for task in graph.tasks():
        marks = [""] * len(depts)
        for a in graph.assignments(task):
            marks[column[a.department]] = "牵头" if a.role.value == "lead" else "参与"
        rows.append((f"{task.id} {task.title}", marks))
    return depts, rows


def openpyxl_matrix(depts: list[str], rows: list[tuple[str, list[str]]], out: Path) -> int:
    """The matrix with openpyxl, every cell written and styled (border, wrap; bold header and 牵头)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for col, text in enumerate(["序号", "任务", *depts], 1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.border, cell.alignment, cell.font = border, wrap, bold
    for r, (label, marks) in enumerate(rows, 2):
        values: list[str | int | None] = [r - 1, label, *(m or None for m in marks)]
        for col, value in enumerate(values, 1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.border, cell.alignment = border, wrap
            if value == "牵头":
                cell.font = bold
    ws.freeze_panes = "C2"
    wb.save(out)
    return len(rows)


def xlsxwriter_matrix(depts: list[str], rows: list[tuple[str, list[str]]], out: Path) -> int:
    """The same matrix with XlsxWriter in constant_memory mode (rows written in order, flushed)."""
    import xlsxwriter  # type: ignore[import-untyped]

    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = wb.add_worksheet()
    plain = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    bold = wb.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "bold": True})
    for col, text in enumerate(["序号", "任务", *depts]):
        ws.write_string(0, col, text, bold)
    for r, (label, marks) in enumerate(rows, 1):
        ws.write_number(r, 0, r, plain)
        ws.write_string(r, 1, label, plain)
        for col, mark in enumerate(marks, 2):
            if mark:
                ws.write_string(r, col, mark, bold if mark == "牵头" else plain)
            else:
                ws.write_blank(r, col, None, plain)
    ws.freeze_panes(1, 2)
    wb.close()
    return len(rows)
