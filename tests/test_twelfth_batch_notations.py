"""Notations met in the twelfth batch of unseen plans, each in invented text.

Duties listed one body a heading, the body alone on a numbered line and its duties on the next
((1)市林业局。 / 负责…); numbered items that open with their body and its verb (1.区住建局负责…);
labels set out alone on their lines, each value on the line after; and a table whose header is typed
on one line with spaces while its rows stand one cell a line, the body's column before its duties.
"""

from __future__ import annotations

from helpers import parse_text, roles, task


def test_a_body_alone_on_a_numbered_line_and_its_duties_on_the_next() -> None:
    plan = parse_text(
        "森林火灾应急预案\n2.2职责任务。\n"
        "(1)市林业局。\n负责火灾扑救的组织、火灾现场勘察等工作。\n"
        "(2)沈阳警备区。\n负责协调、调动当地驻军参加扑救工作。\n"
        "(3)市检察院、市中级人民法院。\n负责森林火灾案件的诉讼和审理工作。\n"
    )
    assert roles(plan) == [
        ("1", ["市林业局"], []),
        ("2", ["沈阳警备区"], []),
        ("3", ["市检察院", "市中级人民法院"], []),
    ]


def test_a_body_heading_over_prose_that_is_no_duty_is_no_task() -> None:
    plan = parse_text(
        "工作方案\n一、组织领导\n(一)市发改委\n市发改委要加强统筹。\n二、主要任务\n"
        "1.加快建设。(市财政局牵头)\n"
    )
    assert roles(plan) == [("二.1", ["市财政局"], [])]


def test_items_that_open_with_their_body_and_its_verb() -> None:
    plan = parse_text(
        "关于进一步明确经济普查工作职责的通知\n一、部门职责\n"
        "1.区经济信息化和科学技术局负责工业方面普查数据审核;主要任务:全部工业行业的普查相关工作。\n"
        "2.区住建局负责建筑业单位普查数据审核。\n"
        "二、工作要求\n1.请各牵头单位于3月9日前报送落实措施。\n"
    )
    assert roles(plan) == [("一.1", ["区经济信息化和科学技术局"], []), ("一.2", ["区住建局"], [])]


def test_labels_alone_on_their_lines() -> None:
    plan = parse_text(
        "具体任务\n全面落实疫情防控措施,完成方舱医院升级改造。\n"
        "责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n完成时限\n2023年1月底前\n"
    )
    assert roles(plan) == [("p1", ["卫健局", "文旅局"], ["各乡镇"])]
    assert task(plan, "p1").deadline == "2023年1月底前"


def test_a_header_on_one_line_over_rows_one_cell_a_line() -> None:
    plan = parse_text(
        "中小学校食品安全管理\n序号 涉及部门 职责分工\n"
        "1\n市教育局\n负责校园食品安全管理工作。\n"
        "2\n市市场监督管理局\n负责学校集中用餐食品安全的监督管理。\n"
    )
    assert roles(plan) == [("1", ["市教育局"], []), ("2", ["市市场监督管理局"], [])]
    assert task(plan, "2").text.startswith("负责学校集中用餐")


def test_a_working_group_set_out_label_by_label() -> None:
    plan = parse_text(
        "关于建立农村疫情防控工作专班的通知\n一、农村疫情防控工作专班\n"
        "牵头市领导:孙黎明(市委副书记)\n\n"
        "组     长:史立权(市农业农村局局长)\n\n史国建(市卫生健康局局长)\n\n"
        "副 组 长:陈红明(市农业农村局党委委员)\n\n"
        "成员单位:市农业农村局、市卫生健康局、市民政局\n\n"
        "主要职责:负责统筹协调指导农村疫情防控相关工作,制定工作方案。\n"
    )
    assert roles(plan) == [("一", [], ["市农业农村局", "市卫生健康局", "市民政局"])]
    people = [(o.name, o.role) for o in task(plan, "一").others if o.person]
    assert people == [("孙黎明", "牵头市领导"), ("史立权", "组长"), ("史国建", "组长"), ("陈红明", "副组长")]


def test_a_helper_before_the_body_it_helps_with_a_verb_after() -> None:
    plan = parse_text("文化工作分工\n(六)加强对外宣传。(省政府新闻办配合省委宣传部落实)\n")
    assert roles(plan) == [("六", ["省委宣传部"], ["省政府新闻办"])]


def test_an_item_about_a_body_s_leaders_is_not_its_duty() -> None:
    plan = parse_text(
        "工作方案\n一、加强领导\n1.市政府负责同志要亲自抓、负总责。\n"
        "二、主要任务\n1.加快建设。(市发改委牵头)\n2.推进改革。(市财政局牵头)\n"
    )
    assert roles(plan) == [("二.1", ["市发改委"], []), ("二.2", ["市财政局"], [])]
