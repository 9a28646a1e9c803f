"""Two names run together (区发改局区统计局) are read as two bodies, loudly; real names stay whole."""

from __future__ import annotations

from helpers import parse_text

from matrix.checks import check_plan
from matrix.graph import PlanGraph
from matrix.parsers.names import unglue
from matrix.settings import Settings


def test_two_complete_names_of_one_level_are_cut_apart() -> None:
    assert unglue("区发改局区统计局") == ["区发改局", "区统计局"]
    assert unglue("县工信局县农业农村局县商务局") == ["县工信局", "县农业农村局", "县商务局"]
    assert unglue("市委宣传部市文广旅局") == ["市委宣传部", "市文广旅局"]
    assert unglue("群众文化股县文化馆") == ["群众文化股", "县文化馆"]
    assert unglue("体育股全民健身中心") == ["体育股", "全民健身中心"]


def test_names_that_only_look_glued_stay_whole() -> None:
    for name in (
        "市委组织部",
        "市生态环境局青山分局",
        "开发区管委会",
        "人行某某中心支行",
        "市委市政府",
        "市发改委市场处",
        "市公安局市区分局",
        "县政府办",
        "市城管局市政处",
        "某某文旅股份有限公司",
        "县文物股",
    ):
        assert unglue(name) == [name], name


def test_a_table_cell_of_glued_names_gives_each_body_and_a_warning() -> None:
    plan = parse_text("1.推进统计改革。\n牵头单位:区发改局区统计局\n配合单位:区财政局\n")
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["区发改局", "区统计局"], ["区财政局"])]
    found = [f for f in check_plan(PlanGraph(plan), Settings()) if "粘连" in f.message]
    assert len(found) == 1 and found[0].line > 0
    assert '"区发改局区统计局"' in found[0].message and "区发改局、区统计局" in found[0].message
