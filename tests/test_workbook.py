"""The Excel duty workbook: read back with openpyxl and checked against the plan it came from."""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from conftest import soffice
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from matrix.api import load_plan
from matrix.build.commands import write_workbook
from matrix.cli import main
from matrix.graph import PlanGraph
from matrix.model import Department, Finding, OtherRole, Plan, Section, Severity, Task
from matrix.readers.soffice import convert
from matrix.render.xlsx.sheets import PRIMARY_MARK, task_label
from matrix.render.xlsx.workbook import SHEETS, render_workbook, workbook_bytes, workbook_name
from matrix.settings import DepartmentSettings, Settings, load_settings

Cells = dict[tuple[str, str], str]


def _plan(source: str = "plans/样例计划.txt") -> Plan:
    sections = [
        Section("s2", ("二",), "重点工作任务", 10),
        Section("s2.1", ("二", "一"), "大力提升产业自主创新能力", 12, parent="s2"),
        Section("s2.2", ("二", "二"), "大力提升节能减排创新能力", 20, parent="s2"),
    ]
    tasks = [
        Task(
            "二.一.1",
            ("二", "一", "1"),
            "着力提升工业自主创新能力",
            "加快发展高新技术产业。" * 12,
            13,
            leads=["市科技局", "市发改委"],
            participants=["市经委", "市统计局"],
            deadline="2012年底前",
            section="s2.1",
        ),
        Task(
            "二.一.2",
            ("二", "一", "2"),
            "=SUM(A1:A3)",
            "=SUM(B1:B9) 开头像公式的任务",
            14,
            leads=["市农业局"],
            participants=["市科技局", "-市林业局"],
            others=[OtherRole("市政府", "指导")],
            section="s2.1",
        ),
        Task(
            "二.二.1",
            ("二", "二", "1"),
            "组织实施节能攻关",
            "推广节能技术\x01与\ufffe示范工程",
            21,
            leads=["市经委", "@市环保局"],
            participants=["市科技局"],
            section="s2.2",
        ),
    ]
    depts = [Department(n) for n in ["市科技局", "市发改委", "市经委", "市统计局", "市农业局"]]
    findings = [Finding(21, "“示范工程”后的括号未闭合", Severity.WARNING)]
    return Plan("自主创新能力提升行动计划", source, sections, tasks, depts, findings)


@pytest.fixture
def graph() -> PlanGraph:
    return PlanGraph(_plan())


def _open(data: bytes) -> dict[str, Worksheet]:
    wb = load_workbook(io.BytesIO(data))
    # the sheets a clerk sees; the hidden stamp is tested in test_duty_workbook.py
    return {ws.title: ws for ws in wb.worksheets if ws.sheet_state == "visible"}


def _expected(graph: PlanGraph) -> Cells:
    """What the matrix should say, from the parse: one mark per (task, department)."""
    out: Cells = {}
    for task in graph.tasks():
        for i, name in enumerate(graph.leads(task)):
            out[task_label(task), name] = PRIMARY_MARK if i == 0 else "牵头"
        for name in graph.participants(task):
            out[task_label(task), name] = "参与"
        for other in graph.others(task):
            out[task_label(task), other.name] = other.role
    return out


def _read_matrix(ws: Worksheet) -> tuple[Cells, dict[str, int], dict[str, int], int]:
    """The matrix's marks, its totals column (by task), its totals row (by department), grand total."""
    header = [c.value for c in ws[2]]
    assert header[:2] == ["序号", "任务"] and header[-1] == "合计"
    depts = [str(v) for v in header[2:-1]]
    marks: Cells = {}
    per_task: dict[str, int] = {}
    per_dept: dict[str, int] = {}
    grand = -1
    for row in ws.iter_rows(min_row=3, values_only=True):
        if row[1] == "合计":
            per_dept = {d: int(v) for d, v in zip(depts, row[2:-1], strict=True)}  # type: ignore[arg-type]
            grand = int(row[-1])  # type: ignore[arg-type]
            continue
        label = str(row[1])
        per_task[label] = int(row[-1])  # type: ignore[arg-type]
        for dept, value in zip(depts, row[2:-1], strict=True):
            if value is not None:
                marks[label, dept] = str(value)
    return marks, per_task, per_dept, grand


def _task_rows(ws: Worksheet) -> list[tuple[int, str, str, str]]:
    """The 任务分工表's task rows: 序号, 任务, 牵头单位, 参与单位."""
    return [
        (int(r[0]), str(r[1]), str(r[3] or ""), str(r[4] or ""))
        for r in ws.iter_rows(min_row=3, values_only=True)
        if isinstance(r[0], int)
    ]


def _check_against_parse(graph: PlanGraph, data: bytes) -> None:
    sheets = _open(data)
    assert list(sheets) == list(SHEETS)
    marks, per_task, per_dept, grand = _read_matrix(sheets["责任矩阵"])
    assert marks == _expected(graph)
    tasks = graph.tasks()
    assert per_task == {task_label(t): len(graph.assignments(t)) for t in tasks}
    assert per_dept == {d.name: len(graph.duties(d.name)) for d in graph.departments()}
    assert grand == sum(per_task.values()) == len(marks)
    assert _task_rows(sheets["任务分工表"]) == [
        (n, task_label(t), "、".join(graph.leads(t)), "、".join(graph.participants(t)))
        for n, t in enumerate(tasks, 1)
    ]


def test_matrix_and_task_sheet_hold_exactly_the_parse(graph: PlanGraph) -> None:
    _check_against_parse(graph, workbook_bytes(graph, Settings()))


def test_primary_lead_is_marked_apart_and_roles_are_filled(graph: PlanGraph) -> None:
    ws = _open(workbook_bytes(graph, Settings()))["责任矩阵"]
    depts = [c.value for c in ws[2]]
    row = next(r for r in ws.iter_rows(min_row=3) if r[1].value == task_label(graph.tasks()[0]))
    primary = row[depts.index("市科技局")]
    second = row[depts.index("市发改委")]
    part = row[depts.index("市经委")]
    assert (primary.value, second.value, part.value) == (PRIMARY_MARK, "牵头", "参与")
    fills = {c.fill.fgColor.rgb for c in (primary, second, part)}
    assert len(fills) == 3  # three roles, three colours
    assert row[depts.index("市农业局")].value is None  # a blank is left blank


def test_task_sheet_has_a_merged_row_per_section_heading(graph: PlanGraph) -> None:
    ws = _open(workbook_bytes(graph, Settings()))["任务分工表"]
    merged = {r.min_row: r for r in ws.merged_cells.ranges if r.min_row > 2}
    headings = [str(ws.cell(row, 1).value) for row in sorted(merged)]
    assert headings == [
        "二、重点工作任务",
        "（一）大力提升产业自主创新能力",
        "（二）大力提升节能减排创新能力",
    ]
    assert all(r.max_col == ws.max_column for r in merged.values())
    assert ws["C2"].value == "具体内容" and ws["C5"].alignment.wrap_text


def test_formula_like_text_stays_text(graph: PlanGraph) -> None:
    data = workbook_bytes(graph, Settings())
    sheets = _open(data)
    cells = [c for ws in sheets.values() for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    values = {c.value for c in risky}
    assert {"=SUM(B1:B9) 开头像公式的任务", "-市林业局", "@市环保局"} <= values
    assert "二.一.2 =SUM(A1:A3)" in {c.value for c in cells}
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in risky if c.value[0] in "=+-@")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet_xml = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheet_xml and not any(b"<f>" in x or b"<f " in x for x in sheet_xml)


def test_characters_xml_cannot_hold_are_dropped_with_a_warning(graph: PlanGraph) -> None:
    result = render_workbook(graph, Settings())
    ws = _open(result.data)["任务分工表"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "推广节能技术与示范工程" in texts
    assert any("二.二.1" in w and "控制字符" in w for w in result.warnings)
    notes = [str(c.value) for row in _open(result.data)["说明"].iter_rows() for c in row]
    assert any("控制字符" in t for t in notes)


def test_print_setup_and_frozen_panes(graph: PlanGraph) -> None:
    sheets = _open(workbook_bytes(graph, Settings()))
    for name, ws in sheets.items():
        setup = ws.page_setup
        assert setup.orientation == "landscape", name
        assert int(setup.paperSize or 0) == (8 if name == "责任矩阵" else 9), name  # A3 / A4
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), name
        assert ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$2", name
        footer = ws.oddFooter
        assert footer is not None and footer.center.text is not None
        assert all(code in footer.center.text for code in ("&A", "&P", "&N")), name
    assert sheets["任务分工表"].freeze_panes == "A3"
    assert sheets["责任矩阵"].freeze_panes == "C3"
    assert sheets["责任矩阵"].auto_filter.ref == "A2:K5"  # 3 tasks; 8 departments and 3 more columns
    header = sheets["责任矩阵"]["C2"]
    assert header.alignment.textRotation == 255  # department names stacked vertically


def test_summary_counts_task_numbers_and_chart(graph: PlanGraph) -> None:
    data = workbook_bytes(graph, Settings())
    ws = _open(data)["部门汇总"]
    header = [c.value for c in ws[2]]
    rows = {r[1]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["市科技局"]["牵头"] == 1 and rows["市科技局"]["参与"] == 2
    assert rows["市科技局"]["合计"] == 3 and rows["市科技局"]["参与任务（序号）"] == "2、3"
    assert rows["市政府"]["其他"] == 1 and rows["市政府"]["其他任务（序号）"] == "2"
    assert list(rows) == [d.name for d in graph.departments()]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    assert "<barChart>" in chart and "'部门汇总'!$B$3:$B$10" in chart


def test_notes_name_the_source_its_hash_warnings_and_settings(tmp_path: Path) -> None:
    source = tmp_path / "计划.txt"
    source.write_bytes("一、总体要求\n".encode())
    graph = PlanGraph(_plan(str(source)))
    listed = [DepartmentSettings("市科技局", ["市知识产权局"]), DepartmentSettings("市经委")]
    settings = Settings(path=tmp_path / "计划.toml", departments=listed)
    ws = _open(workbook_bytes(graph, settings))["说明"]
    notes = {str(r[0]): [] for r in ws.iter_rows(min_row=3, values_only=True)}
    for label, text in ws.iter_rows(min_row=3, values_only=True):
        notes[str(label)].append(str(text))
    assert notes["SHA-256"] == [hashlib.sha256(source.read_bytes()).hexdigest()]
    assert notes["源文件"] == ["计划.txt"]  # the name only: no folders of the clerk's machine
    assert notes["解析提示"] == ["第21行：“示范工程”后的括号未闭合"]
    assert notes["设置文件"] == ["计划.toml"]
    assert notes["部门别名"] == ["市科技局（别名：市知识产权局）"]  # 市经委 has none: not listed
    assert notes["部门顺序"] == ["按设置文件所列 2 个部门的顺序, 未列出的部门排在其后"]
    assert PRIMARY_MARK in notes


def test_two_builds_give_identical_bytes(graph: PlanGraph) -> None:
    first = workbook_bytes(graph, Settings())
    assert workbook_bytes(PlanGraph(_plan()), Settings()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == ["2000-01-01T00:00:00Z"] * 2


def test_write_workbook_names_the_file_after_the_plan(graph: PlanGraph, tmp_path: Path) -> None:
    out = tmp_path / "out" / "nested"
    path = write_workbook(graph, Settings(), out)
    assert path == out / "样例计划-分工表.xlsx"
    assert path.read_bytes() == workbook_bytes(graph, Settings())
    assert sorted(p.name for p in out.iterdir()) == sorted([path.name, "manifest.json"])  # no temporary file
    assert workbook_name(PlanGraph(Plan(None, "../../a:b*?.txt"))) == "a_b_-分工表.xlsx"


def test_an_empty_plan_still_gives_a_workbook() -> None:
    data = workbook_bytes(PlanGraph(Plan(None, "空.txt")), Settings())
    sheets = _open(data)
    assert list(sheets) == list(SHEETS)
    assert _read_matrix(sheets["责任矩阵"]) == ({}, {}, {}, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not [n for n in z.namelist() if n.startswith("xl/charts/")]


def _to_pdf(xlsx: Path, out: Path) -> list[tuple[float, float]]:
    """Convert with LibreOffice through matrix's runner (its own profile, so parallel runs do not collide);
    page sizes."""
    (converted,) = convert([xlsx], "pdf", out, program=Path(soffice()), timeout=180)
    pdf = converted.read_bytes()
    assert pdf.startswith(b"%PDF")
    pages = [obj for obj in pdf.split(b"endobj") if re.search(rb"/Type\s*/Page(?!s)", obj)]
    boxes = [re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", obj) for obj in pages]
    return [(float(b[1]), float(b[2])) for b in boxes if b is not None]


def test_libreoffice_converts_the_workbook_to_pdf(graph: PlanGraph, tmp_path: Path) -> None:
    pages = _to_pdf(write_workbook(graph, Settings(), tmp_path), tmp_path)
    a3_landscape = [p for p in pages if round(p[0]) == 1191 and round(p[1]) == 842]
    a4_landscape = [p for p in pages if round(p[0]) == 842 and round(p[1]) == 595]
    assert len(a3_landscape) == 1  # the matrix, one page wide and (here) one page tall
    assert len(a4_landscape) == len(pages) - 1 >= 3


# --- the default plan: passes once the parser has landed --------------------------------------


def test_default_plan_workbook_matches_its_parse(default_plan: Path, tmp_path: Path) -> None:
    settings = load_settings(default_plan)
    graph = load_plan(default_plan, settings)
    assert (len(graph.tasks()), len(graph.departments())) == (25, 39)
    path = write_workbook(graph, settings, tmp_path)
    assert path.name == "00_zizhu_chuangxin_2008-分工表.xlsx"
    _check_against_parse(graph, path.read_bytes())
    assert workbook_bytes(load_plan(default_plan, settings), settings) == path.read_bytes()
    # the same plan named by another path (relative, from another folder) gives the same bytes
    relative = Path(os.path.relpath(default_plan))
    assert (
        workbook_bytes(load_plan(relative, load_settings(relative)), load_settings(relative))
        == path.read_bytes()
    )
    pages = _to_pdf(path, tmp_path)
    # the matrix of 25 tasks × 39 departments on one A3 landscape page; everything else A4 landscape
    assert sum(1 for w, h in pages if (round(w), round(h)) == (1191, 842)) == 1
    assert all((round(w), round(h)) in {(1191, 842), (842, 595)} for w, h in pages)


def test_write_workbook_reports_its_warnings(graph: PlanGraph, tmp_path: Path) -> None:
    heard: list[str] = []
    write_workbook(graph, Settings(), tmp_path, warn=heard.append)
    assert heard == render_workbook(graph, Settings()).warnings
    assert len(heard) == 1 and "二.二.1" in heard[0]


def test_cli_writes_the_workbook(
    default_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["workbook", str(default_plan), "-o", str(tmp_path / "out")])
    assert done.value.code == 0
    path = tmp_path / "out" / "00_zizhu_chuangxin_2008-分工表.xlsx"
    settings = load_settings(default_plan)
    assert path.read_bytes() == workbook_bytes(load_plan(default_plan, settings), settings)
    captured = capsys.readouterr()
    assert str(path) in captured.err and captured.out == ""


@pytest.mark.parametrize("case", ["missing plan", "output is a file", "missing settings"])
def test_cli_user_errors_exit_2(
    case: str, default_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    args = {
        "missing plan": [str(tmp_path / "没有.txt")],
        "output is a file": [str(default_plan), "-o", str(blocker)],
        "missing settings": [str(default_plan), "--settings", str(tmp_path / "没有.toml")],
    }[case]
    with pytest.raises(SystemExit) as done:
        main(
            ["workbook", *args, "-o", str(tmp_path / "out")]
            if case != "output is a file"
            else ["workbook", *args]
        )
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("错误: ") and "Traceback" not in err
    assert not (tmp_path / "out").exists()
