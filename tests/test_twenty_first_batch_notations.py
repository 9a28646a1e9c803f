"""Notations met in the twenty-first batch of unseen plans, each in invented text.

A lead rule worded 排名第一位为牵头单位 among the names, and 第一责任单位为牵头单位; angle brackets in
a group's name (各县<市、区>人民政府); a copy that put ``?`` for every space; leaders padded to a
three-character width in one cell; a table copied with a bar line between cells that wrap over
several lines, its lead marked with a star after the name and a column of towns; a numbered extract
whose rows jump (145, 249); a broadcaster named in a list of bodies; a zone under its two names.
"""

from __future__ import annotations

from helpers import parse_text, roles


def test_lead_rules_worded_by_rank_among_the_names() -> None:
    plan = parse_text(
        "行动方案\n一、落实政府职责\n"
        "(一)健全管理体制。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n"
        "(二)扩大普惠资源。(市发改委、市财政局,第一责任单位为牵头单位)\n"
    )
    assert roles(plan) == [
        ("一.一", ["市教育局"], ["市委农办", "各县<市、区>人民政府"]),
        ("一.二", ["市发改委"], ["市财政局"]),
    ]


def test_a_copy_that_put_a_question_mark_for_every_space() -> None:
    plan = parse_text(
        "工作任务分解表?\n序号? | 重点工作任务? | 牵头领导? | 牵头单位? |\n"
        "1? | 推进创新载体建设,发挥核心区作用。? | 祝振伟? 陈夏林? | 未来科技城(海创园)? |\n"
        "2? | 加强优势产业培育,加快项目建设。? | 沈 ?昱? 祝振伟? | 经济技术开发区? |\n"
    )
    assert roles(plan) == [("1", ["未来科技城"], []), ("2", ["经济技术开发区"], [])]
    assert [[o.name for o in t.others] for t in plan.tasks] == [["祝振伟", "陈夏林"], ["沈昱", "祝振伟"]]
    assert plan.tasks[0].text == "推进创新载体建设,发挥核心区作用。"


def test_leaders_padded_and_run_together_in_one_cell() -> None:
    plan = parse_text(
        "分解表\n序号 | 目标与任务 | 分管县领导 | 牵头责任单位\n"
        "1 | 推进示范区建设。 | 陆 明俞 悦 | 县发改委\n"
    )
    assert [o.name for o in plan.tasks[0].others] == ["陆明", "俞悦"]


def test_cells_wrapped_over_lines_between_bar_lines() -> None:
    cells = [
        "类别",
        "序号",
        "任务名称",
        "任务要求及举措",
        "责任部门\n(加*号为牵头部门,\n其余为参与部门)",
        "责任街镇",
        "完成时间节点",
        "(一)\n持续\n推进\n示范村建设",
        "1",
        "完成2022年度\n示范村建设",
        "如期完成建设任务,加强特色风貌塑造。",
        "区农业农村委*",
        "浦江镇",
        "10月底",
        "(二)\n推进\n集中居住",
        "2",
        "推进\n农民相对集中居住",
        "持续稳妥推进农民相对集中居住。",
        "区农业农村委*、\n区规划资源局、\n区房管局",
        "浦江镇、浦锦街道",
        "12月底",
    ]
    plan = parse_text("\n|\n".join(cells) + "\n|\n")
    assert roles(plan) == [
        ("一.1", ["区农业农村委"], []),
        ("二.2", ["区农业农村委"], ["区规划资源局", "区房管局"]),
    ]
    assert [[(o.name, o.role) for o in t.others] for t in plan.tasks] == [
        [("浦江镇", "责任街镇")],
        [("浦江镇", "责任街镇"), ("浦锦街道", "责任街镇")],
    ]
    assert plan.tasks[0].text.startswith("完成2022年度示范村建设")


def test_an_extract_whose_row_numbers_jump() -> None:
    plan = parse_text(
        "落实情况\n序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n"
        "145 |\n严格执行城市公共空间规划建设治理导则。 |\n市自规局、市城管局 |\n扎实开展道路建设工作。 |\n"
        "249 |\n支持志愿服务、广播电视、地震、气象等事业发展。 |\n市委社会工作部 市广播电视台 市地震局 |\n"
        "所有地震监测台站运行良好。 |\n"
    )
    assert roles(plan) == [
        ("145", ["市自规局", "市城管局"], []),
        ("249", ["市委社会工作部", "市广播电视台", "市地震局"], []),
    ]


def test_a_bare_table_between_border_lines_keeps_its_rows() -> None:
    plan = parse_text(
        "任务清单\n工作任务 |\n具 体 要 求 |\n责任单位 |\n完成情况 |\n备注 |\n||\n"
        "一、年底前专项工作任务 |\n|\n|||||\n1.行政规范性文件集中公开 |\n"
        "1.开展文件清理,形成现行有效的文件目录。 |\n"
        "市政府各部门、各直属机构,各县市区政府 |\n推进中 |\n11月底前完成 |\n"
    )
    assert roles(plan) == [("一.1", ["市政府各部门", "各直属机构", "各县市区政府"], [])]
