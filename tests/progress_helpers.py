"""Helpers for the progress tests: a revised plan, and filling a form as a bureau would."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
from conftest import DEFAULT_PLAN

from matrix.readers.soffice import convert

HEADER_ROW = 4  # what a clerk sees: the header row under the title, unit and instruction lines


def revised_plan(folder: Path) -> Path:
    """The default plan revised: one task dropped (二.三.3), one reworded (二.三.2), four deadlines
    added (二.一.1 2025年底前, 二.一.3 2026年3月底前, 二.二.3 2026年6月底前, 二.四.2 2027年底前).
    Its settings file is copied beside it."""
    text = DEFAULT_PLAN.read_text(encoding="utf-8")
    edits = [
        (
            "产业园区产值占全市高新技术产业产值的比重(",
            "产业园区产值占全市高新技术产业产值的比重,2025年底前完成园区建设(",
        ),
        (
            "促进技术成果引进和转化(",
            "促进技术成果引进和转化,2026年3月底前完成(",
        ),
        ("提高全民健康和公共安全水平(", "提高全民健康和公共安全水平,力争2026年6月底前完成("),
        ("提高科技项目的集成度和关联度", "提高科技项目的集成度、关联度和带动性"),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    lines = text.split("\n")
    dropped = [i for i, line in enumerate(lines) if line.startswith("3.加强引进消化吸收再创新")]
    assert len(dropped) == 1
    del lines[dropped[0]]
    standard = [i for i, line in enumerate(lines) if line.startswith("2.加快实施标准化战略")]
    assert len(standard) == 1
    lines[standard[0]] = lines[standard[0]].replace("(由", "2027年底前完成(", 1)
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "plan_v2.txt"
    plan.write_text("\n".join(lines), encoding="utf-8")
    shutil.copy(DEFAULT_PLAN.with_suffix(".toml"), plan.with_suffix(".toml"))
    return plan


def columns(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, int]:
    """Header text → column number, as a clerk reads the header row."""
    return {str(c.value): c.column for c in ws[HEADER_ROW] if c.value}


def fill_form(
    source: Path,
    target: Path,
    status_for: Callable[[str], str | None],
    *,
    filled: dt.date | None = None,
    percent: int | str = 50,
    edit: Callable[[openpyxl.worksheet.worksheet.Worksheet, dict[str, int]], None] | None = None,
) -> None:
    """Fill ``source`` as a bureau would and save it as ``target``.

    ``status_for`` gets each row's task text and returns the status to choose (None leaves the row
    blank); ``edit`` may change anything afterwards.
    """
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[0]
    cols = columns(ws)
    row = HEADER_ROW + 1
    while ws.cell(row=row, column=cols["任务编号"]).value not in (None, "填报人"):
        text = str(ws.cell(row=row, column=cols["任务内容"]).value)
        status = status_for(text)
        if status is not None:
            ws.cell(row=row, column=cols["完成状态"]).value = status
            ws.cell(row=row, column=cols["完成比例（%）"]).value = percent
            ws.cell(row=row, column=cols["进展情况"]).value = f"已按计划推进，状态{status}。"
            ws.cell(row=row, column=cols["存在问题"]).value = "资金到位偏慢"
            ws.cell(row=row, column=cols["下步计划"]).value = "加快推进"
        row += 1
    for r in range(row, row + 6):
        if ws.cell(row=r, column=cols["任务编号"]).value == "填报日期" and filled is not None:
            ws.cell(row=r, column=cols["任务内容"]).value = dt.datetime.combine(filled, dt.time())
    if edit is not None:
        edit(ws, cols)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)


def resave_with_libreoffice(soffice: str, source: Path, folder: Path) -> Path:
    """``source`` opened and saved again as .xlsx by LibreOffice, through matrix's runner (a private
    profile, so runs never clash)."""
    (result,) = convert([source], "xlsx", folder / "lo-out", program=Path(soffice), timeout=180)
    return result
