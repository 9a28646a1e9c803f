"""The default plan parses to what a careful clerk reads from it (values stated here, by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from matrix import load_plan, parse_plan

EXPECTED = {
    "二.一.1": (
        ["市科技局", "市发改委", "市经委"],
        ["市信息化办", "市外经贸局", "市统计局", "**开发区管委会", "市国土资源局"],
    ),
    "二.一.2": (["市科技局", "市农业局"], ["市农办", "市林业局", "市水利局"]),
    "二.一.3": (
        ["市发改委"],
        [
            "市科技局",
            "市经委",
            "市文广新局",
            "市外经贸局",
            "市工商局",
            "市交通局",
            "市教育局",
            "市卫生局",
            "市规划建设局",
            "市旅游局",
            "市统计局",
            "市民政局",
        ],
    ),
    "二.二.1": (["市经委", "市发改委"], ["市科技局", "市环保局", "市规划建设局", "市水利局", "市气象局"]),
    "二.二.2": (["市环保局", "市发改委"], ["市科技局", "市经委", "市规划建设局", "市水利局", "市农业局"]),
    "二.二.3": (["市科技局"], ["市卫生局", "市食品药品监管局", "市公安局", "市气象局"]),
    "二.三.1": (["市教育局", "市科技局"], ["市发改委", "市经委", "市财政局", "市农业局", "市卫生局"]),
    "二.三.2": (["市科技局"], ["市发改委", "市经委", "市外经贸局", "市信息化办", "市农业局"]),
    "二.三.3": (["市科技局"], ["市发改委", "市经委", "市外经贸局"]),
    "二.三.4": (["市科技局"], ["市发改委", "市经委", "市外经贸局", "市教育局", "市质量技监局"]),
    "二.四.1": (["市科技局"], ["市经委", "市公安局", "市工商局", "市贸粮局"]),
    "二.四.2": (["市质量技监局"], ["市经委", "市科技局", "市规划建设局"]),
    "二.四.3": (["市经委", "市质量技监局", "市工商局"], ["市公安局", "市外经贸局", "市农业局"]),
    "二.五.1": (["市科技局"], ["市发改委", "市经委", "市教育局", "市财政局", "市质量技监局"]),
    "二.五.2": (
        ["市科技局"],
        ["市财政局", "市发改委", "市经委", "**开发区管委会", "市教育局", "市农业局", "市林业局"],
    ),
    "二.六.1": (["市委组织部", "市人事局"], ["市科技局", "市财政局"]),
    "二.六.2": (["市经委"], ["市委组织部", "市人事局", "市科技局"]),
    "二.六.3": (["市劳动保障局"], ["市委组织部", "市教育局", "市人事局", "市农业局"]),
    "二.六.4": (["市科技局", "市科协"], ["市委宣传部", "市财政局", "市文广新局", "**日报社", "**广电总台"]),
    "三.一": (["市科技局", "市财政局"], ["市国税局", "市地税局", "市人事局"]),
    "三.二": (
        ["市科技局"],
        ["市发改委", "市经委", "市财政局", "市人事局", "市教育局", "市国资委", "市质量技监局", "市工商局"],
    ),
    "三.三": (["市科技局"], ["市发改委", "市经委", "市财政局", "市人事局", "市教育局"]),
    "三.四": (["市财政局"], ["市科技局"]),
    "三.五": (["市财政局", "市科技局", "人行**中心支行"], ["市发改委", "各金融机构"]),
    "三.六": (["市委组织部", "市科技局", "市人事局"], ["市财政局", "市统计局", "市教育局", "市科协"]),
}


def test_default_plan_tasks_leads_and_participants(default_plan: Path) -> None:
    plan = parse_plan(default_plan)
    assert plan.title == "自主创新能力提升行动计划"
    assert {t.id: (t.leads, t.participants) for t in plan.tasks} == EXPECTED
    assert [t.id for t in plan.tasks] == list(EXPECTED)
    assert len(plan.departments) == 39
    assert plan.errors == []


def test_default_plan_texts_start_after_numbers_and_keep_section_heading(default_plan: Path) -> None:
    plan = parse_plan(default_plan)
    first = plan.tasks[0]
    assert first.text.startswith("着力提升工业自主创新能力。")
    assert first.title == "着力提升工业自主创新能力"
    assert first.line == 35
    assert "由市科技局会同" not in first.text  # the assignment is in leads/participants, not the text
    section_task = next(t for t in plan.tasks if t.id == "三.二")
    assert section_task.text.startswith("加强企业创新主体地位,完善产学研合作机制")
    assert "强化和完善产学研合作机制" in section_task.text
    assert section_task.section == "三"


def test_alias_and_prefix_resolution(default_plan: Path) -> None:
    graph = load_plan(default_plan)
    tech = graph.department("市科技局")
    assert tech is not None and "市知识产权局" in tech.aliases
    assert graph.department("市知识产权局") is tech
    names = [d.name for d in graph.departments()]
    assert "人事局" not in names and "市人事局" in names
    assert "有关部门" not in names


def test_debris_is_never_a_task(default_plan: Path) -> None:
    plan = parse_plan(default_plan)
    texts = " ".join(t.text for t in plan.tasks)
    assert "上一篇" not in texts and "时间:2022" not in texts


def test_cli_json_contract(default_plan: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "matrix", "parse", str(default_plan), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    data = json.loads(run.stdout)
    assert set(data) == {"title", "source", "tasks", "departments", "warnings"}
    task = data["tasks"][0]
    assert set(task) == {
        "id",
        "outline",
        "title",
        "text",
        "plain",
        "line",
        "leads",
        "participants",
        "others",
        "deadline",
        "corrected",
        "sheet",
    }
    assert task["id"] == "二.一.1" and task["outline"] == ["二", "一", "1"]
    # text is as written, the assignment bracket included; plain is what letters print
    assert "(由市科技局会同市发改委、市经委牵头" in task["text"].replace("（", "(")
    assert "牵头" not in task["plain"] and task["plain"].startswith(task["title"])
    assert task["corrected"] is False  # the default plan's settings correct nothing
    assert task["sheet"] is None  # a worksheet's name for a plan read from a workbook
    dept = next(d for d in data["departments"] if d["name"] == "市财政局")
    assert dept["lead"] == ["三.一", "三.四", "三.五"]
    assert "二.三.1" in dept["participate"]
    assert set(dept) == {"name", "aliases", "lead", "participate", "other"}
