"""A task's text as the plan writes it (brackets kept) beside the plain text letters print."""

from __future__ import annotations

from helpers import parse_text, task

from matrix.graph import PlanGraph
from matrix.render.json import plan_dict

PLAN = """关于印发某区2025年工作要点的通知
一、强化科技创新(区科技局牵头)
以统筹深化教育科技人才一体化改革为牵引,加快培育发展新质生产力。
二、扩大有效投资
1.招商引资(牵头单位:区商务局;配合单位:区财政局)。全年引进项目20个。
2.建设产业园区(区发改局牵头),完善配套设施(区住建局负责)。
3.优化营商环境,推行一网通办。
牵头单位:区政务服务局
配合单位:区司法局
"""


def _by_id() -> dict[str, dict[str, object]]:
    plan = parse_text(PLAN)
    return {t["id"]: t for t in plan_dict(PlanGraph(plan))["tasks"]}


def test_heading_bracket_stays_in_the_written_text() -> None:
    tasks = _by_id()
    first = tasks["一"]
    assert str(first["text"]).startswith("强化科技创新(区科技局牵头)\n以统筹深化")
    assert str(first["plain"]).startswith("强化科技创新\n以统筹深化")
    assert first["title"] == "强化科技创新" and first["leads"] == ["区科技局"]


def test_a_short_item_keeps_its_labelled_bracket() -> None:
    item = _by_id()["二.1"]
    assert str(item["text"]).startswith("招商引资(牵头单位:区商务局;配合单位:区财政局)。全年")
    assert item["plain"] == "招商引资。全年引进项目20个。"
    assert item["leads"] == ["区商务局"] and item["participants"] == ["区财政局"]


def test_each_stretch_keeps_its_own_bracket_only() -> None:
    tasks = _by_id()
    # the comma after a bracket closes its stretch: the next stretch starts at its own words
    assert tasks["二.2.s1"]["text"] == "建设产业园区(区发改局牵头),"
    assert tasks["二.2.s1"]["plain"] == "建设产业园区"
    assert tasks["二.2.s2"]["text"] == "完善配套设施(区住建局负责)。"
    assert tasks["二.2.s2"]["plain"] == "完善配套设施。"


def test_labelled_lines_after_the_text_are_not_part_of_it() -> None:
    item = _by_id()["二.3"]
    assert item["text"] == item["plain"] == "优化营商环境,推行一网通办。"
    assert item["leads"] == ["区政务服务局"] and item["participants"] == ["区司法局"]


def test_the_model_keeps_both_texts() -> None:
    plan = parse_text(PLAN)
    first = task(plan, "一")
    assert "牵头" not in first.text and "(区科技局牵头)" in first.written
