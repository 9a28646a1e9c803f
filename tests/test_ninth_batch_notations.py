"""Notations met in the ninth batch of unseen plans, and two of the eighth, each in invented text.

A leader heading that puts the title before the name (区长陈兴立牵头重点工作), a group whose bracket
holds a 、 (各镇(街道、园区)), two bodies joined by 和 before their verb and a list going on after
it, 分别负责落实, a page with no line breaks, a lead rule written on without a stop, a bureau named
with its second office in a bracket (市财政(地税)局), and places sharing one body's name.
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.parsers.names import parse_names, split_list


def test_a_leader_heading_with_the_title_before_the_name() -> None:
    plan = parse_text(
        "2024年政府工作报告目标任务分解清单\n"
        "一、区长陈兴立牵头重点工作\n"
        "1.一般公共预算收入增速与经济增长同步。(牵头单位:区财政局;配合单位:区税务局)\n"
        "二、常务副区长姚珂军牵头重点工作\n"
        "1.地区生产总值增长6%左右。(牵头单位:区发改局)\n"
    )
    assert roles(plan) == [("一.1", ["区财政局"], ["区税务局"]), ("二.1", ["区发改局"], [])]
    leaders = [[(o.name, o.role) for o in t.others if o.person] for t in plan.tasks]
    assert leaders == [[("陈兴立", "区长牵头")], [("姚珂军", "常务副区长牵头")]]


def test_a_table_cell_holding_a_group_with_a_bracketed_list() -> None:
    plan = parse_text(
        "目标任务分解清单\n序号\n目标任务\n牵头单位\n配合单位\n"
        "1\n一般公共预算收入增速与经济增长同步\n区财政局\n区税务局,各镇(街道、园区)\n"
        "2\n地区生产总值增长6%左右\n区发改局\n区经济运行监测联席会议成员单位,各镇(街道、园区)\n"
    )
    assert roles(plan) == [
        ("1", ["区财政局"], ["区税务局", "各镇（街道、园区）"]),
        ("2", ["区发改局"], ["区经济运行监测联席会议成员单位", "各镇（街道、园区）"]),
    ]


def test_bodies_joined_by_and_lead_separately_and_the_list_goes_on() -> None:
    plan = parse_text(
        "重点工作责任分解\n1.推进临空经济示范区建设。\n责任单位:经济投资局和航空口岸局分别牵头、区发改局\n"
    )
    assert roles(plan) == [("1", ["经济投资局", "航空口岸局"], ["区发改局"])]
    # one body's name with 和 inside stays whole; so do a zone's two bodies
    assert [n.text for n in parse_names("市住房和城乡建设局、高新区党工委和管委会")] == [
        "市住房和城乡建设局",
        "高新区党工委和管委会",
    ]
    assert [n.text for n in parse_names("市城市运行和政务服务办")] == ["市城市运行和政务服务办"]


def test_each_sees_to_its_own_part() -> None:
    plan = parse_text("政务公开工作要点\n(一)推进决策公开。(市发展改革委、市财政局、市统计局分别负责落实)\n")
    assert roles(plan) == [("一", ["市发展改革委", "市财政局", "市统计局"], [])]


def test_a_page_with_no_line_breaks_and_a_rule_written_on_without_a_stop() -> None:
    plan = parse_text(
        "2015年全市食品安全重点工作安排\n"
        "为完善监管体系、强化监管能力、加强基层监管力量,以强化源头治理、实行全过程监管、提升监管效能为重点,"
        "健全法规制度,深化治理整顿,切实保障人民群众饮食安全,现就重点工作安排如下:一、严格监管执法。加强农产品监管,"
        "着力解决农药兽药残留问题(市农业局、市水产局分别负责,市食药监局配合)。"
        "严格农业投入品监管(市农业局、市水产局、市工商局等负责排首位的为牵头部门或单位,下同)。"
        "二、强化源头治理。推进标准化基地建设(市农业局、市水产局)。\n"
    )
    assert roles(plan) == [
        ("一.s1", ["市农业局", "市水产局"], ["市食药监局"]),
        ("一.s2", ["市农业局"], ["市水产局", "市工商局"]),
        ("二", ["市农业局"], ["市水产局"]),
    ]


def test_a_bureau_named_with_its_second_office_in_a_bracket() -> None:
    plan = parse_text("重点工作责任分解\n1.完成预算目标。\n牵头单位:市财政(地税)局\n配合单位:市统计局\n")
    assert roles(plan) == [("1", ["市财政局"], ["市统计局"])]
    assert [d.aliases for d in plan.departments if d.name == "市财政局"] == [["市地税局"]]


def test_places_share_the_body_named_after_the_last() -> None:
    assert split_list("海东市、兰州市、临夏州发展改革部门") == [
        "海东市发展改革部门",
        "兰州市发展改革部门",
        "临夏州发展改革部门",
    ]
    assert split_list("海东市、兰州市") == ["海东市", "兰州市"]
