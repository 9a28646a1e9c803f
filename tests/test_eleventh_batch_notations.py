"""Notations met in the eleventh batch of unseen plans, each in invented text.

A section that sets out each body's duties (三、职责分工), one paragraph or one sub-heading a body; a
table extract whose row numbers jump after its section headings; words after the units that fill
a table's last column (参考文件), not a further row; four-character cells that are no person where
no column holds leaders; a line that opens with the bracket assigning the sentence before it; and a
group whose 各 takes in the street offices (各乡镇人民政府、街道办事处).
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.parsers.names import split_list


def test_a_duty_section_one_paragraph_a_body() -> None:
    plan = parse_text(
        "关于进一步加强装修垃圾处理的工作方案\n一、总体要求\n补齐装修垃圾分类投放的管理短板。\n"
        "三、职责分工\n"
        "区绿化市容局负责本区装修垃圾处理的全面管理和指导工作。\n"
        "区城管执法局依法对违反规定的行为实施行政处罚。\n"
        "有关情况要及时报告区政府。\n"
        "四、保障措施\n区财政局负责保障经费。\n"
    )
    assert roles(plan)[:2] == [("三.p1", ["区绿化市容局"], []), ("三.p2", ["区城管执法局"], [])]
    # the plan writes no duty in a bracket, label or table, so its prose outside the section is
    # read too, and flagged for the clerk to check; 有关情况要及时报告区政府 gives no one a duty
    assert roles(plan)[2:] == [("四", ["区财政局"], [])]
    assert [f.line for f in plan.findings if "按正文" in f.message] == [9]  # 区财政局负责保障经费


def test_a_duty_section_one_sub_heading_a_body() -> None:
    plan = parse_text(
        "建筑垃圾运输整治行动方案\n三、组织领导与责任分工\n"
        "(一)区绿化市容局\n开展行业部署和宣传,与运输企业签订承诺书。\n"
        "(二)区建管委、区交通委等建设主管部门\n压实建设单位扬尘污染防控主体责任。\n"
        "(三)各街镇、经开区\n落实属地管理责任。\n"
        "四、时间安排\n(一)动员部署阶段\n全面部署任务。\n"
    )
    assert roles(plan) == [
        ("三.一", ["区绿化市容局"], []),
        ("三.二", ["区建管委", "区交通委"], []),
        ("三.三", ["各街镇", "经开区"], []),
    ]


def test_a_table_extract_whose_row_numbers_jump_after_its_headings() -> None:
    plan = parse_text(
        "区教育局重点工作任务分解表\n序号\n重点工作任务\n主要责任单位\n协同配合单位\n"
        "一、主要预期目标\n3\n固定资产投资增长7.5%左右。\n区发改委\n区教育局,各乡镇人民政府、街道办事处。\n"
        "二、扩投资优服务\n三、惠民生增福祉\n"
        "68\n持续推进学前教育普及普惠。\n区教育局\n区政府有关部门,各乡镇人民政府、街道办事处。\n"
        "69\n积极引进优质教育资源。\n区教育局\n区投资促进中心。\n"
    )
    assert roles(plan) == [
        ("一.3", ["区发改委"], ["区教育局", "各乡镇人民政府、街道办事处"]),
        ("三.68", ["区教育局"], ["各乡镇人民政府、街道办事处"]),
        ("三.69", ["区教育局"], ["区投资促进中心"]),
    ]


def test_words_after_the_units_fill_the_last_column() -> None:
    plan = parse_text(
        "海绵城市建设重点任务分解表\n序号\n任务类型\n重点内容\n责任单位\n参考文件\n"
        "1\n海绵城市\n建设管理\n区建设管理委负责指导推进海绵城市建设工作。\n"
        "区建设管理委、区水务局、\n区交通委\n《海绵城市规划建设管理工作指引》\n"
        "2\n海绵城市\n系统方案\n编制海绵城市系统方案。\n区建设管理委\n《关于推进海绵城市建设的实施意见》\n"
    )
    assert roles(plan) == [("1", ["区建设管理委", "区水务局", "区交通委"], []), ("2", ["区建设管理委"], [])]
    assert not any(o.person for t in plan.tasks for o in t.others)


def test_a_line_opening_with_the_bracket_of_the_sentence_before() -> None:
    plan = parse_text(
        "十一五规划纲要实施分工\n1.主要指标的责任部门。\n"
        "常住人口控制在1150万人左右。(市人口计生委牵头)耕地保有量保持稳定。\n"
        "(市国土房管局牵头)主要污染物排放总量减少10%。(市环保局牵头)\n"
    )
    assert [(t.leads) for t in plan.tasks] == [["市人口计生委"], ["市国土房管局"], ["市环保局"]]
    # the heading's one paragraph, cut at its brackets: the heading's tasks, the first holding it
    assert task(plan, "1.s2").text.startswith("耕地保有量保持稳定")
    assert task(plan, "1.s1").text.startswith("主要指标的责任部门")


def test_a_group_whose_ge_takes_in_the_street_offices() -> None:
    assert split_list("各乡镇人民政府、街道办事处") == ["各乡镇人民政府、街道办事处"]
    assert split_list("区财政局、街道办事处") == ["区财政局", "街道办事处"]


def test_an_item_naming_nobody_among_items_that_do_is_reported() -> None:
    plan = parse_text(
        "大气污染防治重点工作部门分工方案\n一、加快调整能源结构\n(一)控制煤炭消费总量。\n"
        "1.制订煤炭消费总量控制目标。(省经信委牵头)\n2.加快清洁能源替代利用。(省能源局牵头)\n"
        "3.推进天然气管网建设。\n"
    )
    assert [t.id for t in plan.tasks] == ["一.一.1", "一.一.2"]
    warnings = [f for f in plan.findings if "没有写明牵头或参与单位" in f.message]
    assert [(f.line, f.message[:6]) for f in warnings] == [(6, "第3项没有写")]


def test_headings_and_prose_items_are_not_reported() -> None:
    plan = parse_text(
        "工作方案\n一、总体要求\n坚持问题导向。\n二、主要任务\n1.加快建设。(市发改委牵头)\n"
        "2.推进改革。(市财政局牵头)\n三、保障措施\n加强组织领导。\n"
    )
    assert not [f for f in plan.findings if "没有写明牵头或参与单位" in f.message]
