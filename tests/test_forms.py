"""The progress forms: names, locking, dropdowns, stamp, print layout, bytes; and the pure pieces
of reading them back (deadlines, percentages, a lost stamp sheet, a workbook that is no form)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from conftest import DEFAULT_PLAN
from progress_helpers import columns, fill_form

from matrix.api import load_plan
from matrix.build import forms as form_jobs
from matrix.build.collect import examine, receive
from matrix.build.sync import write_build
from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.progress.check import parse_percent
from matrix.progress.deadline import due_date
from matrix.progress.layout import STATUSES, plan_fingerprint
from matrix.render.xlsx.forms import render_form, write_forms
from matrix.settings import Settings, load_settings


@pytest.fixture(scope="module")
def plan() -> tuple[PlanGraph, Settings]:
    settings = load_settings(DEFAULT_PLAN)
    return load_plan(DEFAULT_PLAN, settings), settings


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_one_form_per_department_numbered_as_the_letters(
    plan: tuple[PlanGraph, Settings], tmp_path: Path
) -> None:
    graph, settings = plan
    written = write_forms(graph, settings, tmp_path)
    names = [d.name for d in graph.departments()]
    assert len(written) == 39
    assert [p.name for p in written] == numbered_names(names, ".xlsx")
    assert all(p.parent == tmp_path / "forms" for p in written)


def test_form_content_locking_and_dropdowns(plan: tuple[PlanGraph, Settings]) -> None:
    graph, settings = plan
    wb = _book(render_form(graph, settings, "市科技局"))
    ws = wb["进展反馈表"]
    cols = columns(ws)
    duties = graph.duties("市科技局")
    assert ws.cell(row=2, column=1).value == "填报单位：市科技局"
    ids = [ws.cell(row=5 + i, column=cols["任务编号"]).value for i in range(len(duties))]
    assert ids == [a.task.id for a in duties]
    first = 5
    assert ws.cell(row=first, column=cols["本单位角色"]).value == "牵头"
    assert ws.cell(row=first, column=cols["牵头单位"]).value == "市科技局、市发改委、市经委"
    assert ws.protection.sheet
    for header in ("任务编号", "任务内容", "牵头单位", "参与单位", "完成时限"):
        assert ws.cell(row=first, column=cols[header]).protection.locked
    for header in ("进展情况", "完成状态", "完成比例（%）", "存在问题", "下步计划"):
        assert not ws.cell(row=first, column=cols[header]).protection.locked
    kinds = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert kinds["list"].formula1 == '"' + ",".join(STATUSES) + '"'
    assert (kinds["whole"].formula1, kinds["whole"].formula2) == ("0", "100")
    assert "date" in kinds
    last = first + len(duties) - 1
    letter = openpyxl.utils.get_column_letter(cols["完成状态"])
    assert str(kinds["list"].sqref) == f"{letter}{first}:{letter}{last}"
    footer = {ws.cell(row=r, column=cols["任务编号"]).value: r for r in range(last + 1, last + 6)}
    assert ws.cell(row=footer["填报人"], column=cols["任务内容"]).value == "李华"  # from the settings
    assert not ws.cell(row=footer["填报日期"], column=cols["任务内容"]).protection.locked
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$4:$4"


def test_stamp_names_plan_department_and_version(plan: tuple[PlanGraph, Settings]) -> None:
    graph, settings = plan
    wb = _book(render_form(graph, settings, "市财政局"))
    stamp = wb["_matrix"]
    assert stamp.sheet_state == "hidden"
    values = {r[0]: r[1] for r in stamp.iter_rows(values_only=True)}
    assert values["plan_fingerprint"] == plan_fingerprint(graph)
    assert values["department"] == "市财政局" and values["form_version"] == "1"
    tasks = [r for r in stamp.iter_rows(values_only=True) if r[0] == "task"]
    assert len(tasks) == len(graph.duties("市财政局"))
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["matrix.department"] == "市财政局"
    assert props["matrix.plan_fingerprint"] == plan_fingerprint(graph)


def test_same_plan_same_bytes_and_build_jobs(plan: tuple[PlanGraph, Settings], tmp_path: Path) -> None:
    graph, settings = plan
    assert render_form(graph, settings, "市经委") == render_form(graph, settings, "市经委")
    jobs = form_jobs.jobs(graph, settings, {})
    assert len(jobs) == 39 and jobs[0].path == "forms/01-市科技局.xlsx"
    assert jobs[0].render() == render_form(graph, settings, "市科技局")
    first = write_build(tmp_path, jobs, {})
    again = write_build(tmp_path, form_jobs.jobs(graph, settings, {}), {})
    assert len(first.written) == 39 and len(again.unchanged) == 39


def test_fingerprint_follows_tasks_and_roles(plan: tuple[PlanGraph, Settings]) -> None:
    graph, _ = plan
    task = graph.tasks()[0]
    before = plan_fingerprint(graph)
    task.deadline = "2026年底前"
    try:
        assert plan_fingerprint(graph) != before
    finally:
        task.deadline = None
    assert plan_fingerprint(graph) == before


def test_a_lost_stamp_sheet_falls_back_to_the_properties(
    plan: tuple[PlanGraph, Settings], tmp_path: Path
) -> None:
    graph, settings = plan
    source = tmp_path / "form.xlsx"
    source.write_bytes(render_form(graph, settings, "市统计局"))

    def drop_stamp(ws: openpyxl.worksheet.worksheet.Worksheet, cols: dict[str, int]) -> None:
        wb = ws.parent
        wb.security = None
        del wb["_matrix"]

    filled = tmp_path / "filled.xlsx"
    fill_form(source, filled, lambda text: "推进中", edit=drop_stamp)
    check = examine(graph, receive(filled, tmp_path / "returns"), plan_fingerprint(graph))
    assert check.valid, check.problems
    assert check.department == "市统计局"
    assert {r.status for r in check.reports} == {"推进中"}
    assert len(check.reports) == len(graph.duties("市统计局"))


def test_other_workbooks_and_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    graph = load_plan(DEFAULT_PLAN)
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    xls = tmp_path / "old.xlsx"
    xls.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 100)
    reasons = {}
    for path in (plain, xls):
        check = examine(graph, receive(path, tmp_path / "returns"), plan_fingerprint(graph))
        assert not check.valid and check.department is None
        reasons[path.name] = check.problems[0]
    assert "不是 matrix 生成的进展反馈表" in reasons["plain.xlsx"]
    assert "另存为 .xlsx" in reasons["old.xlsx"]


def test_a_form_of_another_plan_is_not_attributed(plan: tuple[PlanGraph, Settings], tmp_path: Path) -> None:
    graph, _ = plan
    other = tmp_path / "other.txt"
    other.write_text("一、工作任务\n1.建设数据中心。完善机房设施(市科技局牵头)\n", encoding="utf-8")
    form = tmp_path / "f.xlsx"
    form.write_bytes(render_form(load_plan(other), Settings(), "市科技局"))
    check = examine(graph, receive(form, tmp_path / "returns"), plan_fingerprint(graph))
    assert check.department is None and "另一份计划" in check.problems[0]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2026年底前", dt.date(2026, 12, 31)),
        ("2026年6月底前", dt.date(2026, 6, 30)),
        ("2026年6月前", dt.date(2026, 5, 31)),
        ("2026年1月前", dt.date(2025, 12, 31)),
        ("2026年6月15日前", dt.date(2026, 6, 14)),
        ("2026年6月15日", dt.date(2026, 6, 15)),
        ("２０２６年上半年", dt.date(2026, 6, 30)),
        ("2026年第三季度", dt.date(2026, 9, 30)),
        ("2026年", dt.date(2026, 12, 31)),
        ("年内持续推进", None),
        ("长期坚持", None),
        ("每季度", None),
        ("2026年13月", None),
        (None, None),
    ],
)
def test_due_dates(text: str | None, due: dt.date | None) -> None:
    assert due_date(text) == due


@pytest.mark.parametrize(
    ("value", "result"),
    [(80, 80), (80.0, 80), ("80", 80), ("80%", 80), (" 0 ", 0), (None, None), ("", None), (100, 100)],
)
def test_percent_accepts_what_office_saves(value: object, result: int | None) -> None:
    assert parse_percent(value) == result


@pytest.mark.parametrize("value", [101, -1, 50.5, "很多", True, "120%"])
def test_percent_outside_the_range_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        parse_percent(value)


def test_a_form_kept_by_an_incremental_build_is_current(tmp_path: Path) -> None:
    # 二.二.3 changes; 市农办 (only in 二.一.2) keeps its form, made from the earlier plan
    text = DEFAULT_PLAN.read_text(encoding="utf-8")
    revised = tmp_path / "plan.txt"
    revised.write_text(text.replace("公共安全水平", "公共安全水平到新高度"), encoding="utf-8")
    old, new = load_plan(DEFAULT_PLAN), load_plan(revised)
    assert plan_fingerprint(old) != plan_fingerprint(new)
    assert form_jobs.jobs(old, Settings(), {})[9].key == form_jobs.jobs(new, Settings(), {})[9].key
    blank, form = tmp_path / "blank.xlsx", tmp_path / "filled.xlsx"
    blank.write_bytes(render_form(old, Settings(), "市农办"))
    assert form_jobs.jobs(old, Settings(), {})[9].path == "forms/10-市农办.xlsx"
    fill_form(blank, form, lambda t: "已完成")
    check = examine(new, receive(form, tmp_path / "returns"), plan_fingerprint(new))
    assert check.valid and not check.older_version and not check.notes
