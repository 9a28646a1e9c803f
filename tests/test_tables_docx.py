"""A task table in a .docx: header rows, merged section rows, rows as tasks."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from matrix import load_plan, parse_plan


def _table_plan(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("重点任务分工方案")
    table = doc.add_table(rows=0, cols=5)
    rows = [
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("一、产业发展", "", "", "", ""),
        ("1", "建设产业园区,引进企业20家", "市发改委", "市财政局、市自然资源局", "2026年底前"),
        ("2", "培育龙头企业", "市经信局", "各区政府", "长期坚持"),
        ("二、民生保障", "", "", "", ""),
        ("3", "完善养老服务", "市民政局(市老龄办)", "市卫健委", "2026年6月底前"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
        if not values[1]:
            cells[0].merge(cells[4])
    doc.save(str(path))


def test_docx_task_table(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    _table_plan(path)
    plan = parse_plan(path)
    assert [(t.id, t.leads, t.participants, t.deadline) for t in plan.tasks] == [
        ("一.1", ["市发改委"], ["市财政局", "市自然资源局"], "2026年底前"),
        ("一.2", ["市经信局"], ["各区政府"], "长期坚持"),
        ("二.3", ["市民政局"], ["市卫健委"], "2026年6月底前"),
    ]
    assert plan.tasks[0].text == "建设产业园区,引进企业20家"
    assert [s.title for s in plan.sections] == ["产业发展", "民生保障"]
    graph = load_plan(path)
    dept = graph.department("市老龄办")
    assert dept is not None and dept.name == "市民政局"


def test_a_cell_merged_down_is_context_not_the_rows_own_words(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("民生实事完成情况表")
    table = doc.add_table(rows=0, cols=4)
    rows = [
        ("序号", "项目名称", "子项目", "责任单位"),
        ("1", "深化养老保险制度改革", "完成在职参保人数6300人", "区人社局"),
        ("", "", "完成征缴基金10000万元", "区人社局"),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    for column in (0, 1):  # 序号 and 项目名称 span both rows of item 1
        table.cell(1, column).merge(table.cell(2, column))
    path = tmp_path / "merged.docx"
    doc.save(str(path))
    plan = parse_plan(path)
    first, second = plan.tasks
    assert first.written == "" and first.text.startswith("深化养老保险制度改革\n完成在职参保人数")
    # the second row's own words, as the table shows them there; letters keep the item before them
    assert second.written == "完成征缴基金10000万元"
    assert second.text == "深化养老保险制度改革\n完成征缴基金10000万元"
    assert second.leads == ["区人社局"]
