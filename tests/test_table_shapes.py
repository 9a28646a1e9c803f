"""Table shapes met in real plans, read by their grammar: every plan here is invented."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from helpers import parse_text

from matrix import parse_plan
from matrix.model import Plan


def _others(plan: Plan) -> list[list[str]]:
    return [[o.name for o in t.others] for t in plan.tasks]


def test_a_header_cell_spanning_two_columns_names_both(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("某区年度目标任务分解表")
    table = doc.add_table(rows=1, cols=5)
    head = table.rows[0].cells
    head[2].text, head[3].text, head[4].text = "分值", "目标任务", "考核单位"
    head[0].merge(head[1]).text = "项 目"
    for values in (
        ("经济发展", "地区生产总值增长率", "3", "年终综合考核", "区发改局"),
        ("经济发展", "固定资产投资额", "2", "180", "区统计局"),
    ):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    plan = parse_plan(path)
    assert ["地区生产总值增长率" in t.text for t in plan.tasks] == [True, False]
    assert ["固定资产投资额" in t.text for t in plan.tasks] == [False, True]
    assert _others(plan) == [["区发改局"], ["区统计局"]]


def test_a_progress_report_typed_with_single_spaces_has_columns_after_its_units() -> None:
    plan = parse_text(
        "某区重点民生实事完成情况表\n"
        "序号 民生实事项目名称 责任单位 目标任务 1- 6月完成情况  1-6月完成率% 备注\n"
        "1 农村安全饮水巩固提升 区水利局 1200人 600 50% 已解决600人的饮水问题\n"
        "2 新增城镇就业   区人社局 8000 6000 75%\n"
        "3 残疾儿童康复救助 区残联 70人 70 100%\n"
        "4 新增养老服务床位 区民政局 60个 设备购置中\n"
    )
    assert [(t.text, t.leads) for t in plan.tasks] == [
        ("农村安全饮水巩固提升", ["区水利局"]),
        ("新增城镇就业", ["区人社局"]),
        ("残疾儿童康复救助", ["区残联"]),
        ("新增养老服务床位", ["区民政局"]),
    ]
