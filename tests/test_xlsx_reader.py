"""Excel plans: worksheet rows read as Word table rows are, sheets chosen and named, limits."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import xlsxwriter
from conftest import soffice
from docx import Document as WordDocument
from openpyxl import Workbook

from matrix.api import parse_plan
from matrix.errors import InputError
from matrix.readers import read_document
from matrix.readers.convert import convert_file
from matrix.readers.xlsx import SheetLimits, read_xlsx

HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8"
    )


def _merged_grid_rows() -> list[tuple[str, ...]]:
    """Rows of a small table whose first rows carry every kind of merge."""
    return [
        ("任务分工表", "", "", "", ""),  # A1:E1 across
        ("序号", "重点任务", "责任单位", "", "完成时限"),  # A2:A3, B2:B3, E2:E3 down; C2:D2 across
        ("", "", "牵头单位", "配合单位", ""),
        ("1", "建设产业园区", "市发改委", "市财政局", "2026年底前"),  # E4:E5 down
        ("2", "培育龙头企业", "市经信局", "各区政府", ""),
    ]


_MERGES = ["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "E4:E5"]


def test_merged_cells_read_as_a_word_table_reads_them(tmp_path: Path) -> None:
    """The same table in Word and in Excel gives the same cells: across, first column keeps the
    text and the rest are empty; down, every covered row repeats the text."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in _merged_grid_rows():
        ws.append([v or None for v in row])
    for cells in _MERGES:
        ws.merge_cells(cells)
    wb.save(tmp_path / "t.xlsx")

    doc = WordDocument()
    table = doc.add_table(rows=5, cols=5)
    for r, row in enumerate(_merged_grid_rows()):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for first, last in [((0, 0), (0, 4)), ((1, 0), (2, 0)), ((1, 1), (2, 1)), ((1, 2), (1, 3))]:
        table.cell(*first).merge(table.cell(*last))
    for first, last in [((1, 4), (2, 4)), ((3, 4), (4, 4))]:
        table.cell(*first).merge(table.cell(*last))
    doc.save(str(tmp_path / "t.docx"))

    excel = [line.cells for line in read_document(tmp_path / "t.xlsx").lines]
    word = [line.cells for line in read_document(tmp_path / "t.docx").lines]
    assert excel == word
    assert excel[1] == ("序号", "重点任务", "责任单位", "", "完成时限")
    assert excel[2] == ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
    assert excel[4] == ("2", "培育龙头企业", "市经信局", "各区政府", "2026年底前")
    # and the same spans: where a cell continues one merged across or down
    excel_spans = [line.merged for line in read_document(tmp_path / "t.xlsx").lines]
    assert excel_spans == [line.merged for line in read_document(tmp_path / "t.docx").lines]
    assert excel_spans[1] == ("", "", "", "left", "")
    assert excel_spans[2] == ("above", "above", "", "", "above")


def test_rows_keep_their_numbers_breaks_and_cached_values(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("任务分解表")
    ws.write_row(0, 0, HEADER)
    # row 2 left empty: it is skipped, and the rows after it keep their own numbers
    ws.write_row(2, 0, [1, "建设产业园区", "市发改委\n市商务局", "市财政局"])
    ws.write_formula(2, 4, '=TEXT(2026,"0")&"年底前"', None, "2026年底前")
    ws.write_row(3, 0, [2.0, "培育龙头企业", "市经信局"])
    ws.write_formula(3, 3, '="各区"&"政府"', None, "各区政府")
    ws.write_datetime(3, 4, dt.datetime(2026, 6, 30), wb.add_format({"num_format": "yyyy-mm-dd"}))
    wb.close()
    lines = read_document(path).lines
    assert [(line.number, line.row, line.sheet) for line in lines] == [
        (1, 1, "任务分解表"),
        (3, 3, "任务分解表"),
        (4, 4, "任务分解表"),
    ]
    assert lines[1].cells == ("1", "建设产业园区", "市发改委\n市商务局", "市财政局", "2026年底前")
    assert lines[2].cells == ("2", "培育龙头企业", "市经信局", "各区政府", "2026年6月30日")
    plan = parse_plan(path)
    assert [(t.id, t.line, t.sheet, t.participants, t.deadline) for t in plan.tasks] == [
        ("1", 3, "任务分解表", ["市财政局"], "2026年底前"),
        ("2", 4, "任务分解表", ["各区政府"], "2026年6月30日"),
    ]
    assert not [f for f in plan.findings if "公式" in f.message]  # the values were saved


def _sheet(wb: Workbook, title: str, rows: list[tuple[object, ...]]) -> None:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(list(row))


def _plan_with_notes_sheet(path: Path) -> None:
    """A workbook whose first sheet is instructions and whose second holds the task table."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    _sheet(wb, "填表说明", [("本表由各单位填写",), ("联系人: 张三",)])
    _sheet(
        wb,
        "任务分解表",
        [
            ("民生保障任务分解表",),
            HEADER,
            (1, "建设产业园区", "市发改委", "市财政局", "2026年底前"),
            (2, "完善养老服务", "市民政局", "市卫健委", None),
            (3, "建设社区食堂", None, "各区政府", None),
        ],
    )
    wb.save(path)


def test_the_task_sheet_is_read_and_other_sheets_are_skipped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _plan_with_notes_sheet(path)
    plan = parse_plan(path)
    assert [(t.text, t.sheet, t.line, t.leads) for t in plan.tasks] == [
        ("建设产业园区", "任务分解表", 3, ["市发改委"]),
        ("完善养老服务", "任务分解表", 4, ["市民政局"]),
        ("建设社区食堂", "任务分解表", 5, []),
    ]
    notes = [f for f in plan.findings if f.sheet == "填表说明"]
    assert len(notes) == 1 and "没有任务表" in notes[0].message and "已跳过" in notes[0].message
    no_lead = [f for f in plan.findings if "没有牵头单位" in f.message]
    assert [(f.sheet, f.line, f.place) for f in no_lead] == [("任务分解表", 5, "任务分解表 第5行")]


def _two_table_sheets(path: Path, *, titles: bool) -> None:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for name, row in (
        ("产业", (1, "建设产业园区", "市发改委", "市财政局", "2026年底前")),
        ("民生", (1, "完善养老服务", "市民政局", "市卫健委", None)),
    ):
        _sheet(wb, name, [*([(f"{name}任务分解表",)] if titles else []), HEADER, row])
    wb.save(path)


# Two task sheets: the reader hands them over in order, each row naming its sheet and row; the
# parser starts a new table at the next header and keeps a title line out of the last row's text.
def test_two_task_sheets_with_titles_are_two_tables(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _two_table_sheets(path, titles=True)
    tasks = [(t.text, t.sheet, t.line) for t in parse_plan(path).tasks]
    assert tasks == [("建设产业园区", "产业", 3), ("完善养老服务", "民生", 3)]


def test_two_task_sheets_without_titles_are_two_tables(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _two_table_sheets(path, titles=False)
    tasks = [(t.text, t.sheet, t.line) for t in parse_plan(path).tasks]
    assert tasks == [("建设产业园区", "产业", 2), ("完善养老服务", "民生", 2)]


def test_json_and_check_name_the_sheet_and_row(tmp_path: Path, default_plan: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _plan_with_notes_sheet(path)
    run = _run("parse", str(path), "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [(t["sheet"], t["line"]) for t in data["tasks"]] == [("任务分解表", n) for n in (3, 4, 5)]
    assert {"line": 5, "sheet": "任务分解表"}.items() <= next(
        w for w in data["warnings"] if "没有牵头单位" in w["message"]
    ).items()
    check = _run("check", str(path))
    assert "任务分解表 第5行 提示: 任务" in check.stdout + check.stderr
    assert "填表说明 第1行 提示: 工作表“填表说明”中没有任务表" in check.stdout + check.stderr
    text = json.loads(_run("parse", str(default_plan), "--format", "json").stdout)
    assert {t["sheet"] for t in text["tasks"]} == {None}


def test_too_many_cells_are_refused_before_loading(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in range(1, 101):
        ws.append([f"r{r}c{c}" for c in range(10)])
    wb.save(path)
    with pytest.raises(InputError, match="超过 500 个的上限"):
        read_xlsx(path, limits=SheetLimits(max_cells=500))
    far = tmp_path / "far.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws["XFD100000"] = "远处的单元格"
    wb.save(far)
    with pytest.raises(InputError, match="第 100000 行第 16384 列"):
        read_xlsx(far)
    assert len(read_xlsx(path).lines) == 100


def test_formulas_saved_without_their_values_are_named(tmp_path: Path) -> None:
    """openpyxl writes formulas with no cached value: read as empty, and the clerk is told."""
    path = tmp_path / "plan.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务分解表"
    ws.append(HEADER)
    ws.append([1, "建设产业园区", "市发改委", "市财政局", '="2026"&"年底前"'])
    ws.append([2, "培育龙头企业", "市经信局", '="各区"&"政府"', "长期坚持"])
    wb.save(path)
    plan = parse_plan(path)
    assert [(t.participants, t.deadline) for t in plan.tasks] == [(["市财政局"], None), ([], "长期坚持")]
    notes = [f for f in plan.findings if "公式" in f.message]
    assert [(f.place, f.message[:20]) for f in notes] == [
        ("任务分解表 第2行", "有 2 个公式单元格没有保存计算结果 (")
    ]


def test_cells_that_do_not_state_their_place_are_read(tmp_path: Path) -> None:
    """Some writers leave out a cell's r attribute: the cell follows the one before it."""
    import re
    import zipfile

    path = tmp_path / "plan.xlsx"
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    # without places, cells run on from the left: no row of this table has a gap
    _sheet(wb, "说明", [("本表由各单位填写",)])
    _sheet(wb, "任务分解表", [HEADER, (1, "建设产业园区", "市发改委", "市财政局", "2026年底前")])
    wb.save(path)
    stripped = tmp_path / "stripped.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'(<c\b[^>]*?) r="[A-Z]+\d+"', rb"\1", data)
            target.writestr(item, data)
    assert b'<c r="' not in zipfile.ZipFile(stripped).read("xl/worksheets/sheet2.xml")
    lines = read_document(stripped).lines
    assert [(line.sheet, line.row, line.cells) for line in lines] == [
        (line.sheet, line.row, line.cells) for line in read_document(path).lines
    ]
    assert lines[-1].cells == ("1", "建设产业园区", "市发改委", "市财政局", "2026年底前")


def test_an_xls_through_libreoffice_and_calamine_reads_the_same(tmp_path: Path) -> None:
    soffice()
    path = tmp_path / "plan.xlsx"
    _plan_with_notes_sheet(path)
    xls = convert_file(path, "xls", tmp_path / "xls")
    got = [(line.sheet, line.row, line.cells) for line in read_document(xls).lines]
    assert got == [(line.sheet, line.row, line.cells) for line in read_document(path).lines]
    # WPS's .et is the same binary format: calamine tells it by its content
    et = tmp_path / "plan.et"
    et.write_bytes(xls.read_bytes())
    assert next((t.text, t.sheet, t.line) for t in parse_plan(et).tasks) == ("建设产业园区", "任务分解表", 3)


def test_an_html_table_saved_as_xls_goes_through_libreoffice(tmp_path: Path) -> None:
    """Web systems export "xls" files that are HTML pages: calamine cannot read them, LibreOffice can."""
    soffice()
    path = tmp_path / "export.xls"
    rows = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
        for row in [HEADER, ("1", "建设产业园区", "市发改委", "市财政局", "2026年底前")]
    )
    path.write_text(f"<html><body><table>{rows}</table></body></html>", encoding="utf-8")
    plan = parse_plan(path)
    assert [(t.text, t.leads, t.participants, t.deadline) for t in plan.tasks] == [
        ("建设产业园区", ["市发改委"], ["市财政局"], "2026年底前")
    ]


def test_a_workbook_under_the_wrong_name_gets_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    _plan_with_notes_sheet(path)
    renamed = tmp_path / "plan.xls"
    renamed.write_bytes(path.read_bytes())
    assert next(t.text for t in parse_plan(renamed).tasks) == "建设产业园区"
    word = tmp_path / "plan-word.xlsx"
    doc = WordDocument()
    doc.add_paragraph("一、任务")
    doc.save(str(word))
    with pytest.raises(InputError, match="不是有效的 Excel 工作簿"):
        read_document(word)


# The acceptance test of issue 16: the default plan kept as an Excel 任务分解表.
DEADLINES = {2: "2010年底前", 3: "2010年底前", 7: "2012年底前", 12: "长期坚持", 20: "2009年6月底前"}
"""Deadlines by row number in the table (1-based task order); tasks 2 and 3 share one merged cell."""


def _default_plan_table(default_plan: Path, path: Path) -> list[tuple[str, list[str], list[str], str | None]]:
    """Write the default plan's tasks as an Excel task table; each task's text, leads,
    participants and deadline as written into it."""
    from openpyxl.styles import Alignment

    plan = parse_plan(default_plan)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务分解表"
    ws.append(["自主创新能力提升行动计划重点任务分工表"])
    ws.append(["序号", "重点任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "牵头单位", "配合单位", None])
    for cells in ("A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        ws.merge_cells(cells)
    sections = {"二": "一、重点工作任务", "三": "二、保障措施"}
    section = None
    written = []
    for i, task in enumerate(plan.tasks, 1):
        top = task.id.split(".")[0]
        if top != section:
            section = top
            ws.append([sections[top]])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        sep = ("\n", "、", " ")[i % 3]  # one unit a line (Alt+Enter), 、 or spaces
        deadline = DEADLINES.get(i)
        shown = None if i == 3 else deadline  # task 3's deadline is task 2's cell, merged down
        ws.append([i, task.text, sep.join(task.leads), sep.join(task.participants), shown])
        if i == 3:
            ws.merge_cells(start_row=ws.max_row - 1, start_column=5, end_row=ws.max_row, end_column=5)
        written.append((task.text, task.leads, task.participants, deadline))
    ws.append(["注：牵头单位有多个的，列第一位的为第一牵头单位。"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)
    return written


def _triples(tasks: list[tuple[str, list[str], list[str], str | None]]) -> set[tuple[str, str, str]]:
    return {
        (text, name, role)
        for text, leads, participants, _ in tasks
        for names, role in ((leads, "lead"), (participants, "participant"))
        for name in names
    }


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_the_default_plan_as_an_excel_task_table(tmp_path: Path, default_plan: Path, suffix: str) -> None:
    path = tmp_path / "zizhu.xlsx"
    written = _default_plan_table(default_plan, path)
    if suffix == ".xls":
        soffice()
        path = convert_file(path, "xls", tmp_path / "xls")  # soffice --headless --convert-to xls
    plan = parse_plan(path)
    read = [(t.text, t.leads, t.participants, t.deadline) for t in plan.tasks]
    assert [r[0] for r in read] == [w[0] for w in written]  # every task, once, in order
    assert _triples(read) == _triples(written)
    assert {r[0]: (r[1][0], r[3]) for r in read} == {w[0]: (w[1][0], w[3]) for w in written}  # first lead
    assert [t.id for t in plan.tasks][:2] == ["一.1", "一.2"] and plan.tasks[-1].id == "二.25"
    assert {t.sheet for t in plan.tasks} == {"任务分解表"}
    assert plan.tasks[0].line == 5  # title, two header rows, a section row
    assert plan.title == "自主创新能力提升行动计划重点任务分工表"


def test_a_finding_names_its_place_as_a_clerk_reads_it() -> None:
    from matrix.model import Finding

    assert Finding(12, "x", sheet="任务分解表").place == "任务分解表 第12行"
    assert Finding(12, "x").place == "第12行"
    assert Finding(0, "x").place == ""  # about the whole plan
