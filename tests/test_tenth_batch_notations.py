"""Notations met in the tenth batch of unseen plans, each in invented text.

A leader named with his office opening a paragraph under a short item heading (由X副市长负责,Y牵头),
a comma rule stated without 第一个 inside a list, words ending in 局 that name no bureau (布局), a
post kept whole as a person (省政府分管领导同志), the notice's contact person, the governments
concerned (有关市(州)人民政府, a group addressee since the forty-eighth batch's ruling), and a
heading's 总牵头 over items that name their own lead.
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.parsers.names import is_organisation, is_vague


def test_a_leader_with_his_office_opens_the_only_paragraph_of_an_item() -> None:
    plan = parse_text(
        "重大项目对接分工\n"
        "1、在本市设立综合配套改革试验区事宜\n"
        "由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成试验区实施方案,报省政府审批。\n"
        "2、城市轨道交通项目\n"
        "由吴继德副市长负责,市建设局牵头,市发改委配合,进一步修改完善项目建设方案。\n"
    )
    assert roles(plan) == [("1", ["市发改委"], []), ("2", ["市建设局"], ["市发改委"])]
    assert task(plan, "1").text.startswith("在本市设立综合配套改革试验区事宜")
    assert [(o.name, o.role, o.person) for o in task(plan, "2").others] == [("吴继德", "副市长负责", True)]


def test_a_comma_rule_without_first() -> None:
    plan = parse_text(
        "安全生产工作要点\n"
        "1.严格风险防范责任。〔责任单位:各区县政府、市应急局,市应急委、市安委会各成员单位(逗号前为牵头单位,下同)〕\n"
        "2.强化执法检查。〔责任单位:市应急局,市公安局〕\n"
    )
    assert roles(plan) == [
        ("1", ["各区县政府", "市应急局"], ["市应急委", "市安委会各成员单位"]),
        ("2", ["市应急局"], ["市公安局"]),
    ]


def test_a_word_ending_in_ju_that_names_no_bureau() -> None:
    assert not is_organisation("优化空间开发布局") and not is_organisation("构建发展新格局")
    assert is_organisation("市邮政管理局") and is_organisation("国土资源局")
    plan = parse_text(
        "规划责任分工方案\n(一)构建区域发展新格局。\n"
        "1.优化空间开发布局。加快节点城市建设。\n"
        "责任单位:省发展改革委、交通运输厅,有关市(州)人民政府等。\n"
    )
    # the governments concerned stay, as a group addressee (ANNOTATION.md, forty-eighth batch ruling)
    assert roles(plan) == [("一.1", ["省发展改革委", "交通运输厅", "有关市（州）人民政府"], [])]


def test_the_governments_concerned_are_a_group_not_vague() -> None:
    for name in ("有关市(州)人民政府", "相关县(市、区)政府", "有關市(州)人民政府", "各县(市、区)政府"):
        assert not is_vague(name), name
    for name in ("有关部门", "相关单位", "有关方面"):
        assert is_vague(name), name


def test_a_post_is_kept_whole_and_a_name_loses_its_title() -> None:
    plan = parse_text(
        "政府工作报告重点工作分解\n"
        "1.地区生产总值增长5%以上。\n牵头领导:省政府分管领导同志\n牵头单位:省发展改革委\n"
        "2.粮食产量稳定。\n牵头领导:束学龙同志\n牵头单位:省农业农村厅\n"
    )
    assert [(o.name, o.person) for o in task(plan, "1").others] == [("省政府分管领导同志", True)]
    assert [(o.name, o.person) for o in task(plan, "2").others] == [("束学龙", True)]


def test_the_notice_s_contact_person_is_no_task() -> None:
    plan = parse_text(
        "关于印发健康城市建设主要任务分工方案的通知\n"
        "各镇人民政府,市政府各工作部门:\n现将方案印发给你们,请认真贯彻实施。\n"
        "(联系人:肖娟,联系电话:13876638716)\n"
        "一、营造健康环境\n1.推进城乡环境卫生整治。\n牵头单位:市卫健委\n"
    )
    assert roles(plan) == [("一.1", ["市卫健委"], [])]
    assert not any(o.name == "肖娟" for t in plan.tasks for o in t.others)


def test_a_heading_s_overall_lead_is_told_of_items_that_name_their_own() -> None:
    plan = parse_text(
        "大气污染防治重点工作部门分工方案\n"
        "一、加快调整能源结构(省发改委总牵头)\n"
        "1.制订煤炭消费总量控制目标。(省经信委、省统计局。列第一位者为牵头部门,下同)\n"
        "2.加快清洁能源替代利用。(省能源局、省发改委)\n"
        "3.推进天然气管网建设。\n"
    )
    assert roles(plan) == [
        ("一.1", ["省经信委"], ["省统计局"]),
        ("一.2", ["省能源局"], ["省发改委"]),
        ("一.3", ["省发改委"], []),
    ]
    assert [(o.name, o.role) for o in task(plan, "一.1").others] == [("省发改委", "总牵头")]
    assert task(plan, "一.2").others == []  # named there already, as a participant
