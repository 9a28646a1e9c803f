"""The duty workbook reads back: stamped by build, read from its 任务分工表, edits and all."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import soffice
from letters_helpers import all_text
from openpyxl import Workbook, load_workbook

from matrix.api import parse_plan
from matrix.model import Plan
from matrix.name_lists import split_names
from matrix.readers.soffice import convert
from matrix.readers.workbook_stamp import STAMP_SHEET, read_stamp

STEM = "00_zizhu_chuangxin_2008"
WORKBOOK = f"{STEM}-分工表.xlsx"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The default plan (with its settings and one correction) built once: (plan, out)."""
    from conftest import DEFAULT_PLAN

    root = tmp_path_factory.mktemp("duty")
    plan = root / DEFAULT_PLAN.name
    shutil.copy(DEFAULT_PLAN, plan)
    shutil.copy(DEFAULT_PLAN.with_suffix(".toml"), plan.with_suffix(".toml"))
    done = run("correct", plan, "二.二.1", "--leads", "市经委", "--deadline", "2026年底前")
    assert done.returncode == 0, done.stderr
    out = root / "out"
    done = run("build", plan, "-o", out)
    assert done.returncode == 0, done.stderr
    return plan, out


def facts(plan: Plan) -> tuple[object, ...]:
    """What a round trip must keep: title, and each task's id, text, leads in order,
    participants, other roles, deadline and correction mark; the departments in order."""
    tasks = [
        (t.id, t.title, t.text, t.leads, t.participants, t.others, t.deadline, t.corrected, t.section)
        for t in plan.tasks
    ]
    departments = [(d.name, d.aliases, d.contact) for d in plan.departments]
    return plan.title, tasks, departments, [(s.id, s.title, s.parent) for s in plan.sections]


def copy_out(built: tuple[Path, Path], name: str) -> Path:
    plan, out = built
    target = plan.parent / "edits" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(out / WORKBOOK, target)
    return target


def test_build_stamps_its_workbook_in_a_hidden_sheet(built: tuple[Path, Path]) -> None:
    plan, out = built
    wb = load_workbook(out / WORKBOOK)
    assert wb[STAMP_SHEET].sheet_state == "hidden"
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [
        "任务分工表",
        "责任矩阵",
        "部门汇总",
        "说明",
    ]
    stamp = read_stamp(out / WORKBOOK)
    assert stamp is not None
    assert stamp.plan == plan.name and stamp.title == "自主创新能力提升行动计划"
    assert stamp.settings == plan.with_suffix(".toml").read_text(encoding="utf-8")  # comments included
    import hashlib

    assert stamp.plan_sha256 == hashlib.sha256(plan.read_bytes()).hexdigest()


def test_reading_the_workbook_gives_back_the_parse(built: tuple[Path, Path]) -> None:
    plan, out = built
    original = parse_plan(plan)
    again = parse_plan(out / WORKBOOK)
    assert facts(again) == facts(original)
    assert any(t.corrected for t in again.tasks)
    # a workbook's own name is not the plan's name
    assert again.name == plan.name
    # each task stands on a row of the 任务分工表 sheet, and says so
    first = again.tasks[0]
    assert (first.sheet, first.line) == ("任务分工表", task_row(out / WORKBOOK, first.id))
    assert {t.sheet for t in original.tasks} == {None}


def edit_cell(path: Path, coordinate: str, value: str) -> str:
    """Change one cell of the 任务分工表 with openpyxl; returns the task id of its row."""
    wb = load_workbook(path)
    ws = wb["任务分工表"]
    ws[coordinate] = value
    wb.save(path)
    return str(ws.cell(row=ws[coordinate].row, column=2).value).split(" ")[0]


def task_row(path: Path, task_id: str) -> int:
    ws = load_workbook(path)["任务分工表"]
    return next(r for r in range(3, ws.max_row + 1) if str(ws.cell(r, 2).value).startswith(task_id + " "))


def diff_json(old: Path, new: Path) -> dict[str, object]:
    done = run("diff", old, new, "--format", "json")
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def only_changed(diff: dict[str, object], task_id: str) -> None:
    tasks = diff["tasks"]
    assert isinstance(tasks, dict)
    assert tasks["added"] == [] and tasks["removed"] == []
    assert tasks["renumbered"] == [] and tasks["moved"] == []
    assert [(c["old"], c["new"]) for c in tasks["changed"]] == [(task_id, task_id)]


def test_one_cell_edited_with_openpyxl_changes_exactly_that_task(built: tuple[Path, Path]) -> None:
    plan, _ = built
    edited = copy_out(built, "edited-openpyxl.xlsx")
    row = task_row(edited, "二.一.3")
    task_id = edit_cell(edited, f"D{row}", "市发改委、市财政局")
    only_changed(diff_json(plan, edited), task_id)
    fixed = next(t for t in parse_plan(edited).tasks if t.id == task_id)
    assert fixed.leads == ["市发改委", "市财政局"]


def test_the_same_edit_after_a_libreoffice_resave_changes_exactly_that_task(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    program = soffice()
    plan, _ = built
    edited = copy_out(built, "edited-lo.xlsx")
    row = task_row(edited, "二.一.3")
    task_id = edit_cell(edited, f"D{row}", "市发改委、市财政局")
    resaved = tmp_path / "resaved"
    (result,) = convert([edited], "xlsx", resaved, program=Path(program), timeout=180)
    assert result == resaved / edited.name
    assert result.read_bytes() != edited.read_bytes()
    only_changed(diff_json(plan, result), task_id)
    assert facts(parse_plan(result))[1] == facts(parse_plan(edited))[1]


def test_building_from_the_edited_workbook_rewrites_only_the_affected_bureaus(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    plan, out = built
    out = shutil.copytree(out, tmp_path / "out")
    before = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    edited = copy_out(built, "corrected.xlsx")
    assert not edited.with_suffix(".toml").exists()  # only the stamp holds the settings
    row = task_row(edited, "二.一.3")
    # 市财政局 joins the leads (it has tasks elsewhere, so no bureau enters or leaves the plan and
    # no letter is renumbered), and 市统计局 stops taking part
    old_task = next(t for t in parse_plan(plan).tasks if t.id == "二.一.3")
    edit_cell(edited, f"D{row}", "、".join([*old_task.leads, "市财政局"]))
    edit_cell(edited, f"E{row}", "、".join(p for p in old_task.participants if p != "市统计局"))
    touched = {*old_task.leads, *old_task.participants, "市财政局"}

    done = run("build", edited, "-o", out)
    assert done.returncode == 0, done.stderr
    after = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert WORKBOOK in after  # the workbook keeps the plan's name, not corrected-分工表
    rewritten = {p for p in after if p in before and after[p]["sha256"] != before[p]["sha256"]}
    removed = set(before) - set(after)
    everything = {WORKBOOK, "letters/分工通知.docx", "letters/打印合订本.docx"}
    per_bureau = {p for p in rewritten | removed if p not in everything}
    assert rewritten >= everything and not removed and set(after) == set(before)
    assert {before[p]["department"] for p in per_bureau} <= touched
    assert {"市财政局", "市统计局"} <= {before[p]["department"] for p in per_bureau}
    untouched = {p for p, r in before.items() if r["department"] and r["department"] not in touched}
    assert len(untouched) > 40 and all(after[p]["sha256"] == before[p]["sha256"] for p in untouched)
    # the settings came from the stamp: 文号 and the correction made before are still there
    letter = next(p for p in (out / "letters").glob("*-市科技局.docx"))
    assert "**政办发〔2026〕12号" in all_text(letter.read_bytes())
    again = parse_plan(out / WORKBOOK)
    assert next(t for t in again.tasks if t.id == "二.二.1").leads == ["市经委"]


def test_matrix_correct_sends_the_clerk_to_the_cells_of_a_duty_workbook(built: tuple[Path, Path]) -> None:
    workbook = copy_out(built, "to-correct.xlsx")
    done = run("correct", workbook, "二.五.1", "--leads", "市财政局")
    assert done.returncode == 2 and "直接在表中改正" in done.stderr
    assert not workbook.with_suffix(".toml").exists()  # a settings file there would hide the stamp's


def test_a_plan_inside_its_own_output_folder_is_refused(built: tuple[Path, Path]) -> None:
    _, out = built
    before = (out / "manifest.json").read_bytes()
    done = run("build", out / WORKBOOK, "-o", out)
    assert done.returncode == 2
    assert "另存到" in done.stderr and "Traceback" not in done.stderr
    assert (out / "manifest.json").read_bytes() == before


def test_an_xlsx_matrix_did_not_write_is_read_as_a_task_table(tmp_path: Path) -> None:
    path = tmp_path / "任务分解表.xlsx"
    wb = Workbook()
    wb.active.append(["序号", "重点任务", "牵头单位"])  # type: ignore[union-attr]
    wb.save(path)
    assert read_stamp(path) is None
    done = run("parse", path)  # a header and no task: said plainly
    assert done.returncode == 2 and "没有" in done.stderr and "Traceback" not in done.stderr
    wb.active.append([1, "建设产业园区", "市发改委"])  # type: ignore[union-attr]
    wb.save(path)
    done = run("parse", path, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [(t["text"], t["leads"], t["sheet"]) for t in json.loads(done.stdout)["tasks"]] == [
        ("建设产业园区", ["市发改委"], "Sheet")
    ]


def test_names_in_a_cell_split_on_any_separator_but_known_names_stay_whole() -> None:
    assert split_names("市发改委、市财政局\n市经委;市统计局 / 各区、县级市", ["各区、县级市"]) == [
        "市发改委",
        "市财政局",
        "市经委",
        "市统计局",
        "各区、县级市",
    ]
    assert split_names("—") == [] and split_names("无") == [] and split_names("") == []
