"""Acceptance: the default plan's 39 forms filled as bureaus would, collected, and every count checked.

The current plan is the default plan revised (one task dropped, one reworded, deadlines added; see
:func:`tests.progress_helpers.revised_plan`).  Each task gets one status from every department
(``PLANNED``), except 二.一.1, which everyone leaves blank.  Then:

* 市发改委 re-saves its form through LibreOffice;
* 市经委 renames its file;
* 市科技局 fills the form of the *original* plan (an earlier version);
* 市农业局 picks a status outside the list; 市教育局 edits a locked cell (invalid, both);
* 市财政局 sends two forms: the later by fill date is used although its file is older;
* 市旅游局 reports 滞后 on 二.一.3, which its lead (市发改委) reports 已完成;
* 市科协, 市委宣传部 and 各金融机构 send nothing; one file is not a workbook at all.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest
from conftest import DEFAULT_PLAN, soffice
from progress_helpers import fill_form, resave_with_libreoffice, revised_plan

from matrix.api import load_plan
from matrix.cli import main
from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.progress.layout import STATUSES

AS_OF = dt.date(2026, 12, 1)
MISSING = {"市科协", "市委宣传部", "各金融机构"}
INVALID = {"市农业局", "市教育局"}
SERVICE, FARM = "着力提升服务业", "着力提升农业"  # the starts of tasks 二.一.3 and 二.一.2
OVERDUE_TASKS = {"二.一.1", "二.二.3"}  # past due and not reported done; 二.一.3 is past due but done


@dataclass
class Round:
    """One collection round and what went into it."""

    plan: Path
    graph: PlanGraph
    out: Path
    code: int
    planned: dict[str, str | None]
    libreoffice: bool

    @property
    def progress(self) -> Path:
        return self.out / "progress"

    def summary(self) -> openpyxl.Workbook:
        return openpyxl.load_workbook(self.progress / "plan_v2-进展汇总.xlsx")


def _planned(graph: PlanGraph) -> dict[str, str | None]:
    """Task title → the status every department reports for it (None: left blank)."""
    out: dict[str, str | None] = {t.title: STATUSES[i % 4] for i, t in enumerate(graph.tasks())}
    out[graph.tasks()[0].title] = None
    return out


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Round:
    root = tmp_path_factory.mktemp("collect")
    plan = revised_plan(root / "plan")
    graph = load_plan(plan)
    out = root / "out"
    for source, target in ((plan, out), (DEFAULT_PLAN, root / "old")):
        with pytest.raises(SystemExit) as done:
            main(["forms", str(source), "-o", str(target)])
        assert done.value.code == 0
    planned = _planned(graph)

    def status_for(text: str) -> str | None:
        titles = [t for t in planned if text.startswith(t)]
        assert len(titles) <= 1, text[:30]
        return planned[titles[0]] if titles else "推进中"  # the task the revision dropped

    forms = {p.name.split("-", 1)[1][:-5]: p for p in (out / "forms").glob("*.xlsx")}
    old_forms = {p.name.split("-", 1)[1][:-5]: p for p in (root / "old" / "forms").glob("*.xlsx")}
    inbox = root / "inbox"
    for name, path in forms.items():
        if name in MISSING or name in {"市科技局", "市财政局", "市发改委", "市经委", "市农业局", "市教育局"}:
            continue
        if name == "市旅游局":
            fill_form(
                path, inbox / path.name, lambda t: "滞后" if t.startswith("着力提升服务业") else status_for(t)
            )
        else:
            fill_form(path, inbox / path.name, status_for)
    fill_form(old_forms["市科技局"], inbox / "科技局进展.xlsx", status_for)
    fill_form(forms["市经委"], inbox / "返回表_最终版.xlsx", status_for)
    fill_form(
        forms["市农业局"],
        inbox / "agri.xlsx",
        lambda t: "基本完成" if t.startswith("着力提升农业") else status_for(t),
    )

    def edit_lead(ws: openpyxl.worksheet.worksheet.Worksheet, cols: dict[str, int]) -> None:
        ws.cell(row=5, column=cols["牵头单位"]).value = "市教育局、市财政局"

    fill_form(forms["市教育局"], inbox / forms["市教育局"].name, status_for, edit=edit_lead)
    later, earlier = inbox / "财政局-第二次.xlsx", inbox / "财政局-第一次.xlsx"
    fill_form(forms["市财政局"], later, status_for, filled=dt.date(2026, 11, 28))
    fill_form(forms["市财政局"], earlier, lambda t: "未启动", filled=dt.date(2026, 11, 20))
    os.utime(later, (1_700_000_000, 1_700_000_000))  # the later form is the older file
    (inbox / "进展情况.xlsx").write_text("这不是表格", encoding="utf-8")
    (inbox / "附言.txt").write_text("folders give only their .xlsx files", encoding="utf-8")
    try:
        lo: str | None = soffice()
    except pytest.skip.Exception:
        lo = None
    filled_ndrc = root / "ndrc" / forms["市发改委"].name
    fill_form(forms["市发改委"], filled_ndrc, status_for)
    ndrc = resave_with_libreoffice(lo, filled_ndrc, root / "ndrc") if lo else filled_ndrc
    with pytest.raises(SystemExit) as done:
        main(["collect", str(plan), str(inbox), str(ndrc), "-o", str(out), "--as-of", AS_OF.isoformat()])
    return Round(plan, graph, out, int(done.value.code or 0), planned, lo is not None)


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    header = [c.value for c in ws[3]]
    return [
        dict(zip(header, (c.value for c in row), strict=False))
        for row in ws.iter_rows(min_row=4)
        if row[0].value
    ]


def _expected_counts(graph: PlanGraph, planned: dict[str, str | None]) -> Counter[str]:
    return Counter(planned[t.title] or "未报送" for t in graph.tasks())


def test_exit_code_and_outputs(collected: Round) -> None:
    assert collected.code == 0
    names = {p.name for p in collected.progress.iterdir()}
    assert {"plan_v2-进展汇总.xlsx", "plan_v2-进展通报.docx", "returns", "催办"} <= names


def test_every_file_is_kept_under_its_hash(collected: Round) -> None:
    kept = sorted(p.name for p in (collected.progress / "returns").iterdir())
    # 39 bureaus - 3 silent + a second form from 市财政局 + the file that is no workbook; not the .txt
    assert len(kept) == 38
    assert all(re.match(r"^[0-9a-f]{12}-", name) for name in kept)
    assert any(name.endswith("-进展情况.xlsx") for name in kept)


def test_task_statuses_in_the_summary(collected: Round) -> None:
    rows = _rows(collected.summary()["进展汇总"])
    assert len(rows) == 24
    assert Counter(r["任务状态"] for r in rows) == _expected_counts(collected.graph, collected.planned)
    assert Counter(r["任务状态"] for r in rows) == {
        "未启动": 5,
        "推进中": 6,
        "已完成": 6,
        "滞后": 6,
        "未报送": 1,
    }
    assert {r["任务编号"] for r in rows if r["逾期"] == "逾期"} == OVERDUE_TASKS
    service = next(r for r in rows if r["任务编号"] == "二.一.3")
    assert service["任务状态"] == "已完成"  # the lead's status, not the participant's 滞后
    assert str(service["各单位报送情况"]).startswith("【市发改委·牵头】已完成")
    assert "【市旅游局·参与】滞后" in str(service["各单位报送情况"])
    assert "市农业局" in str(next(r for r in rows if r["任务编号"] == "二.一.2")["未报送单位"])


def test_return_status_sheet(collected: Round) -> None:
    ws = collected.summary()["报送情况"]
    rows = [r for r in _rows(ws) if isinstance(r["序号"], int)]
    assert [r["单位"] for r in rows] == [d.name for d in collected.graph.departments()]
    state = {str(r["单位"]): r["报送状态"] for r in rows}
    assert {k for k, v in state.items() if v == "未报送"} == MISSING
    assert {k for k, v in state.items() if v == "无效"} == INVALID
    assert Counter(state.values()) == {"已报送": 34, "未报送": 3, "无效": 2}
    why = {str(r["单位"]): str(r["说明"]) for r in rows}
    assert "完成状态“基本完成”不在可选项" in why["市农业局"]
    assert "预填内容被改动: 牵头单位" in why["市教育局"]
    assert "按旧版计划填报" in why["市科技局"]
    assert "旧版任务 二.三.3 已不在现行计划中" in why["市科技局"]
    assert "内容已修改, 对应现行任务 二.三.2" in why["市科技局"]
    assert "收到 2 份" in why["市财政局"] and "采用 财政局-第二次.xlsx" in why["市财政局"]
    used = {str(r["单位"]): str(r["采用文件"]) for r in rows}
    assert used["市经委"].endswith("返回表_最终版.xlsx")
    other = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[1] == "进展情况.xlsx"]
    assert len(other) == 1 and "不是 Excel 工作簿" in str(other[0][9])


def test_older_form_counts_for_the_current_tasks(collected: Round) -> None:
    details = _rows(collected.summary()["分单位明细"])
    mine = {r["任务编号"] for r in details if r["单位"] == "市科技局"}
    current = {a.task.id for a in collected.graph.duties("市科技局")}
    assert mine == current  # every current task, the renumbered and reworded ones included
    earlier = [r for r in details if r["单位"] == "市财政局"]
    assert {r["完成状态"] for r in earlier} != {"未启动"}  # the form dated later was used


def _document_text(path: Path) -> str:
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += ["|".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


def test_bulletin(collected: Round) -> None:
    text = _document_text(collected.progress / "plan_v2-进展通报.docx")
    assert "39个责任单位中，34个已按要求报送进展，3个未报送，2个报送的表有误未能汇总。" in text
    assert (
        "24项任务中，未启动5项，推进中6项，已完成6项，滞后6项，尚无单位报送1项；已过完成时限尚未完成2项。"
        in text
    )
    assert "以下9项任务进展滞后或已过完成时限尚未完成" in text  # 6 滞后 + 二.一.3 + 2 overdue
    assert "以下5个单位未报送进展或报送的表有误。" in text
    for name in MISSING | INVALID:
        assert f"|{name}|" in text
    assert "2026年12月1日" in text


def test_reminders(collected: Round) -> None:
    folder = collected.progress / "催办"
    graph = collected.graph
    numbers = dict(
        zip(
            [d.name for d in graph.departments()],
            numbered_names([d.name for d in graph.departments()], ".docx"),
            strict=True,
        )
    )
    overdue = {a.department for t in graph.tasks() if t.id in OVERDUE_TASKS for a in graph.assignments(t)}
    expected = MISSING | INVALID | overdue
    assert len(expected) == 17  # 8 in 二.一.1, 4 more in 二.二.3, 3 silent, 2 invalid
    assert sorted(p.name for p in folder.iterdir()) == sorted(numbers[n] for n in expected)
    science = _document_text(folder / "01-市科技局.docx")
    assert "联系人李华，电话0572-2039101" in science  # the bureau's contact from the settings file
    assert "逾期未完成任务（共2项）" in science
    assert "尚未报送" in _document_text(folder / numbers["市科协"])
    assert "基本完成" in _document_text(folder / numbers["市农业局"])


def test_libreoffice_return_is_read(collected: Round) -> None:
    soffice()  # skips here when LibreOffice is absent (the form then went back unconverted)
    assert collected.libreoffice
    rows = _rows(collected.summary()["报送情况"])
    ndrc = next(r for r in rows if r["单位"] == "市发改委")
    assert ndrc["报送状态"] == "已报送"
    assert ndrc["说明"] == "未填写的任务: 二.一.1"  # as every bureau left it; nothing else to say


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    for args in (
        ["collect", str(DEFAULT_PLAN), str(tmp_path / "nowhere"), "-o", str(tmp_path)],
        ["collect", str(DEFAULT_PLAN), str(tmp_path), "-o", str(tmp_path), "--as-of", "12/01/2026"],
        ["collect", str(DEFAULT_PLAN)],
    ):
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 2, args
