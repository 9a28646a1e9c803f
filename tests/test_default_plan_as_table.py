"""The default plan retyped as a Word table with a two-row merged header reads as the text does."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from matrix import parse_plan
from matrix.checks import check_plan
from matrix.graph import PlanGraph
from matrix.settings import Settings

DEFAULT = Path(__file__).parent.parent / "plan_source" / "00_zizhu_chuangxin_2008.txt"


def _as_word_table(path: Path) -> None:
    plan = parse_plan(DEFAULT, Settings())
    doc = Document()
    doc.add_paragraph(plan.title or "")
    table = doc.add_table(rows=2, cols=5)
    top, second = table.rows[0].cells, table.rows[1].cells
    top[0].text, top[1].text, top[2].text, top[4].text = "序号", "重点任务", "责任单位", "完成时限"
    second[2].text, second[3].text = "牵头单位", "配合单位"
    for column in (0, 1, 4):
        top[column].merge(second[column])
    top[2].merge(top[3])
    for n, task in enumerate(plan.tasks, 1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(n), task.text
        cells[2].text = "\n".join(task.leads)
        cells[3].text = "、".join(task.participants)
        cells[4].text = task.deadline or ""
    doc.save(str(path))


def test_default_plan_as_a_word_table_keeps_every_duty(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    _as_word_table(path)
    text_plan = parse_plan(DEFAULT, Settings())
    table_plan = parse_plan(path, Settings())
    assert len(table_plan.tasks) == len(text_plan.tasks)
    expected = [(t.leads, t.participants) for t in text_plan.tasks]
    assert [(t.leads, t.participants) for t in table_plan.tasks] == expected
    assert all("序号" not in t.text and "牵头单位" not in t.text for t in table_plan.tasks)
    errors = [f for f in check_plan(PlanGraph(table_plan), Settings()) if f.severity.value == "error"]
    assert errors == []
