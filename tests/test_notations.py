"""Each assignment notation, in a short plan written for the test."""

from __future__ import annotations

import pytest
from helpers import parse_text, roles, task

from matrix.model import OtherRole, Severity

HEAD = "一、重点任务\n"


@pytest.mark.parametrize(
    ("assignment", "leads", "participants"),
    [
        ("（由市水务局牵头，市园林局、市城管局等参与）", ["市水务局"], ["市园林局", "市城管局"]),
        (
            "（由市水务局会同市园林局、市城管局牵头，市气象局等参与）",
            ["市水务局", "市园林局", "市城管局"],
            ["市气象局"],
        ),
        ("（市水务局牵头，市气象局参与）", ["市水务局"], ["市气象局"]),
        ("（市水务局牵头，市园林局、市城管局配合）", ["市水务局"], ["市园林局", "市城管局"]),
        ("（市水务局负责）", ["市水务局"], []),
        ("（市水务局、市园林局负责）", ["市水务局", "市园林局"], []),
        ("（市水务局、市园林局分别牵头）", ["市水务局", "市园林局"], []),
        ("（市水务局、市园林局按职责分工负责）", ["市水务局", "市园林局"], []),
        ("（市水务局会同有关部门负责）", ["市水务局"], []),
        ("（市水务局（市河长办）牵头，市园林局参与）", ["市水务局"], ["市园林局"]),
        ("(市水务局牵头,市园林局参与)", ["市水务局"], ["市园林局"]),
        ("〔市水务局牵头，市园林局参与〕", ["市水务局"], ["市园林局"]),
        (
            "[市水务局牵头，会同市园林局、市城管局和各区、县（市）政府负责]",
            ["市水务局"],
            ["市园林局", "市城管局", "各区、县（市）政府"],
        ),
        ("（市水务局、市园林局等和各区人民政府负责）", ["市水务局", "市园林局", "各区人民政府"], []),
        ("（市水务局、市园林局会同有关部门负责）", ["市水务局", "市园林局"], []),
        ("（责任单位：市水务局、市园林局）", ["市水务局", "市园林局"], []),
        (
            "（牵头单位：市水务局，配合单位：市园林局、市城管局，各区、县级市）",
            ["市水务局"],
            ["市园林局", "市城管局", "各区、县级市"],
        ),
        ("（牵头单位：市水务局  责任单位：市园林局）", ["市水务局"], ["市园林局"]),
        ("（负责部门：市水务局，适用范围：滨江片区）", ["市水务局"], []),
        ("（责任科室：规划科、建设科）", ["规划科", "建设科"], []),
        ("（市水务局、市园林局等有关部门负责）", ["市水务局", "市园林局"], []),
    ],
)
def test_assignment_forms(assignment: str, leads: list[str], participants: list[str]) -> None:
    plan = parse_text(HEAD + "1.开展河道整治。完成河道清淤50公里" + assignment + "。\n")
    assert roles(plan) == [("一.1", leads, participants)]


def test_alias_in_brackets_and_prefix_resolution() -> None:
    plan = parse_text(
        HEAD
        + "1.加强专利保护。(市科技局(知识产权局)牵头,市公安局参与)\n"
        + "2.加强人才引进。(人事局牵头,市科技局参与)\n"
        + "3.完善人事制度。(市人事局负责)\n"
    )
    assert task(plan, "一.1").leads == ["市科技局"]
    assert task(plan, "一.2").leads == ["市人事局"]
    tech = next(d for d in plan.departments if d.name == "市科技局")
    assert tech.aliases == ["市知识产权局"]
    assert [d.name for d in plan.departments] == ["市科技局", "市公安局", "市人事局"]


def test_standalone_assignment_belongs_to_its_section() -> None:
    plan = parse_text(
        "三、保障措施\n（一）加强组织领导\n健全工作机制。\n明确责任分工。\n"
        "（由市政府办公室牵头，市财政局等参与）\n（二）加强资金保障\n加大投入。(市财政局负责)\n"
    )
    assert roles(plan) == [("三.一", ["市政府办公室"], ["市财政局"]), ("三.二", ["市财政局"], [])]
    assert task(plan, "三.一").text == "加强组织领导\n健全工作机制。\n明确责任分工。"


def test_sub_items_sharing_one_assignment_make_one_task() -> None:
    plan = parse_text(
        "（一）预案建设\n1.完善预案体系\n(1)加强预案管理。\n(2)推进预案精编化。\n(3)加强预案演练。\n"
        "(责任单位:市应急局、各县(市、区)人民政府)\n2.加强队伍建设。(市应急局负责)\n"
    )
    assert roles(plan) == [
        ("一.1", ["市应急局", "各县（市、区）人民政府"], []),
        ("一.2", ["市应急局"], []),
    ]
    assert "(2)推进预案精编化。" in task(plan, "一.1").text


def test_lead_rule_stated_once_applies_from_there_on() -> None:
    plan = parse_text(
        "一、任务\n（一）甲事项。做好甲。（市财政局、市税务局负责）\n"
        "（二）乙事项。做好乙。（市发改委、市财政局负责。列第一位者为牵头单位，下同）\n"
        "（三）丙事项。做好丙。（市商务局、市财政局负责）\n"
        "（四）丁事项。做好丁。（市商务局、市海关分别牵头）\n"
        "（五）戊事项。做好戊。（市商务局、市海关牵头负责）\n"
        "（六）己事项。做好己。（市商务局、市海关，各区政府按职责分工负责）\n"
    )
    assert roles(plan) == [
        ("一.一", ["市财政局", "市税务局"], []),
        ("一.二", ["市发改委"], ["市财政局"]),
        ("一.三", ["市商务局"], ["市财政局"]),
        ("一.四", ["市商务局", "市海关"], []),
        ("一.五", ["市商务局", "市海关"], []),
        ("一.六", ["市商务局"], ["市海关", "各区政府"]),
    ]


@pytest.mark.parametrize(
    "rule",
    ["（排在第一位的部门为牵头部门，下同）", '（除标注"分别牵头"外，列第一位为牵头或汇总单位，下同）'],
)
def test_other_wordings_of_the_lead_rule(rule: str) -> None:
    plan = parse_text(
        f"一、目标\n1.增长6%。\n责任单位：市发改委、市统计局{rule}\n2.增长5%。\n责任单位：市经信局、市统计局\n"
        "3.增长3%。\n责任单位：市人社局、市农业局分别牵头\n"
    )
    assert roles(plan) == [
        ("一.1", ["市发改委"], ["市统计局"]),
        ("一.2", ["市经信局"], ["市统计局"]),
        ("一.3", ["市人社局", "市农业局"], []),
    ]


def test_labelled_lines_under_the_task() -> None:
    plan = parse_text(
        "一、目标\n\n1.增长6%左右。\n\n牵头单位:区发改局\n\n责任单位:开发区,各街道、区直各部门\n\n"
        "2.增长5%左右。\n\n牵头单位:区财政局\n\n责任单位:各街道,各相关单位\n"
    )
    assert roles(plan) == [
        ("一.1", ["区发改局"], ["开发区", "各街道", "区直各部门"]),
        ("一.2", ["区财政局"], ["各街道"]),
    ]


def test_other_roles_are_kept_apart() -> None:
    plan = parse_text(
        "二、主要任务\n（一）顶层设计。建立指标体系。（市生态局牵头，市发改委参与）"
        "优化管理机制。（市生态局指导，试点区政府负责落实。以下均需试点区政府落实，不再列出）\n"
        "加强制度创新。（市商务局指导，市供销社参与）\n"
    )
    assert task(plan, "二.一.p1.s1").leads == ["市生态局"]
    assert task(plan, "二.一.p1.s2").others == [
        OtherRole("市生态局", "指导"),
        OtherRole("试点区政府", "落实"),
    ]
    p3 = task(plan, "二.一.p2")
    assert p3.others == [OtherRole("市商务局", "指导")] and p3.participants == ["市供销社"]
    assert p3.leads == []


def test_several_assignments_in_one_paragraph_each_close_a_task() -> None:
    plan = parse_text(
        "二、主要任务\n（一）绿色生产。推广绿色开采。（市资源局指导）\n"
        "开展绿色设计。（市经信局指导）推动回收利用。（市商务局负责）\n"
    )
    assert [t.id for t in plan.tasks] == ["二.一.p1", "二.一.p2.s1", "二.一.p2.s2"]
    assert task(plan, "二.一.p1").text.startswith("推广绿色开采")  # the heading is not task text
    assert task(plan, "二.一.p2.s2").text.startswith("推动回收利用")
    assert task(plan, "二.一.p2.s2").leads == ["市商务局"]


def test_numbering_runs_on_across_sections() -> None:
    plan = parse_text(
        "四、主要任务\n（一）第一组。\n1.甲。（市财政局负责）\n2.乙。（市财政局负责）\n"
        "（二）第二组。\n3.丙。（市商务局负责）\n"
    )
    assert [t.outline for t in plan.tasks] == [("四", "一", "1"), ("四", "一", "2"), ("四", "二", "3")]
    assert [s.id for s in plan.sections] == ["四", "四.一", "四.二"]


def test_deadlines_in_bracket_and_in_text() -> None:
    plan = parse_text(
        "一、任务\n1.推进改革。（各区政府分别负责，年内持续推进）\n"
        "2.2019年6月底前，建立指标体系。（市统计局负责）\n"
        "3.各区要在本意见印发之日起30日内制定办法。（各区政府负责）\n4.长期工作。（市财政局负责）\n"
    )
    assert [t.deadline for t in plan.tasks] == [
        "年内持续推进",
        "2019年6月底前",
        "本意见印发之日起30日内",
        None,
    ]
    assert task(plan, "一.1").leads == ["各区政府"]


def test_inner_brackets_that_are_not_assignments_are_text() -> None:
    plan = parse_text(
        "一、措施\n（一）支持企业（含技工院校）开展培训，对本省（市）企业给予补贴（超过100人的企业达到15%）。"
        "（市人社局负责）\n"
    )
    t = task(plan, "一.一")
    assert t.leads == ["市人社局"]
    assert "（含技工院校）" in t.text and "（市人社局负责）" not in t.text


def test_vague_bodies_name_nobody() -> None:
    plan = parse_text(
        "一、任务\n1.抓好落实。（各有关部门和单位，各区政府按职责分工负责）\n"
        "2.统筹协调。（各有关部门和单位按职责分工负责）\n"
    )
    assert roles(plan) == [("一.1", ["各区政府"], []), ("一.2", [], [])]
    assert any("没有牵头单位" in f.message for f in plan.findings)


def test_unclosed_bracket_is_read_with_an_error() -> None:
    plan = parse_text("一、任务\n1.推进改革。（市财政局牵头，市税务局参与\n2.完善制度。（市商务局负责）\n")
    assert task(plan, "一.1").leads == ["市财政局"]
    assert task(plan, "一.1").participants == ["市税务局"]
    errors = [f for f in plan.findings if f.severity is Severity.ERROR]
    assert errors and errors[0].line == 2 and "括号" in errors[0].message


def test_notice_wrapping_a_plan_takes_the_plans_title() -> None:
    plan = parse_text(
        "市政府办公室关于印发\n河道整治行动方案的通知\n各区政府：\n现将方案印发给你们。\n市政府办公室\n"
        "2026年1月5日\n河道整治行动方案\n一、任务\n1.清淤。（市水务局负责）\n"
    )
    assert plan.title == "河道整治行动方案"


def test_a_text_with_no_task_is_refused() -> None:
    from matrix.errors import InputError

    with pytest.raises(InputError, match="没有找到任何"):
        parse_text("一、总体要求\n坚持创新驱动。\n")


def test_task_table_as_text_rows() -> None:
    plan = parse_text(
        "附件\n重点任务分工表\n"
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\t分管领导\n"
        "一、产业发展\n"
        "1\t建设产业园区\t市发改委\t市财政局、市自然资源局\t2026年底前\t张三\n"
        "2\t培育龙头企业\t市经信局、市商务局\t各区政府\t长期坚持\t李四\n"
        "二、民生保障\n"
        "3\t完善养老服务\t市民政局\t\t2026年6月底前\t\n"
    )
    assert roles(plan) == [
        ("一.1", ["市发改委"], ["市财政局", "市自然资源局"]),
        ("一.2", ["市经信局", "市商务局"], ["各区政府"]),
        ("二.3", ["市民政局"], []),
    ]
    assert task(plan, "一.1").deadline == "2026年底前"
    assert task(plan, "一.1").others == [OtherRole("张三", "分管领导", person=True)]
    assert task(plan, "二.3").text == "完善养老服务"


def test_task_table_with_two_header_lines() -> None:
    plan = parse_text(
        "序号|工作任务|责任单位||完成时间\n||牵头单位|配合单位|\n"
        "1|加快数字政府建设|市大数据局|市政务办|2026年\n2|推进一网通办|市政务办|市大数据局|2027年\n"
    )
    assert roles(plan) == [("1", ["市大数据局"], ["市政务办"]), ("2", ["市政务办"], ["市大数据局"])]


@pytest.mark.parametrize(
    ("line", "leads", "participants"),
    [
        ("责任单位：市发改委（牵头）、市财政局、市商务局", ["市发改委"], ["市财政局", "市商务局"]),
        ("（市发改委（牵头）、市财政局负责）", ["市发改委"], ["市财政局"]),
        ("【责任单位】市发改委、市财政局", ["市发改委", "市财政局"], []),
        ("【牵头单位】市发改委", ["市发改委"], []),
        ("（市发改委、市财政局按职责分工落实）", ["市发改委", "市财政局"], []),
    ],
)
def test_more_ways_of_naming_the_lead(line: str, leads: list[str], participants: list[str]) -> None:
    plan = parse_text(f"一、任务\n1.推进项目建设。\n{line}\n")
    assert roles(plan) == [("一.1", leads, participants)]


def test_half_bracket_item_numbers() -> None:
    plan = parse_text("一、任务\n1.加强建设\n1）完善制度。\n2）加强考核。\n（市发改委负责）\n")
    assert roles(plan) == [("一.1", ["市发改委"], [])]
    assert "2）加强考核。" in plan.tasks[0].text


def test_the_plans_title_is_the_first_after_the_notice_not_a_later_heading() -> None:
    plan = parse_text(
        "市政府办公室关于印发应急体系建设规划责任分解的通知\n各县政府：\n现印发给你们。\n"
        "应急体系建设规划责任分解\n九个具体建设任务\n（一）预案建设\n1.完善预案。（市应急局负责）\n"
    )
    assert plan.title == "应急体系建设规划责任分解"


def test_bare_lists_under_a_lead_rule_stated_in_the_preamble() -> None:
    plan = parse_text(
        "全省工作要点\n为推进工作，提出以下要点。（以下各项任务，排在第一位的为牵头单位，其他为配合单位）\n"
        "一、基础设施\n1．推进平台整合。完成迁移。（省数据局、省财政厅、省通信管理局）\n"
        "2．推进电子证照。（省数据局、省公安厅分别牵头，各设区市人民政府配合）\n"
        "3．加强宣传。在《日报》（省委宣传部主管）上开设专栏，扩大影响。\n"
    )
    assert roles(plan) == [
        ("一.1", ["省数据局"], ["省财政厅", "省通信管理局"]),
        ("一.2", ["省数据局", "省公安厅"], ["各设区市人民政府"]),
    ]
    # the remark (省委宣传部主管) gives no finding; item 3, which names nobody, is pointed out
    assert [(f.line, f.message[:6]) for f in plan.findings] == [(6, "第3项没有写")]


def test_bare_list_sharing_its_bracket_with_the_rule() -> None:
    plan = parse_text(
        "一、任务\n（一）甲。做甲。（市住建局、市财政局，列第一位者为牵头单位，下同）\n（二）乙。做乙。（市城管局、市住建局）\n"
    )
    assert roles(plan) == [("一.一", ["市住建局"], ["市财政局"]), ("一.二", ["市城管局"], ["市住建局"])]


def test_a_bare_list_without_a_rule_names_leads_and_prose_brackets_are_not_lists() -> None:
    plan = parse_text(
        "一、任务\n1.完善制度。（市司法局、市财政局）\n2.发展院校（含技工院校）。（市教育局负责）\n"
    )
    assert roles(plan) == [("一.1", ["市司法局", "市财政局"], []), ("一.2", ["市教育局"], [])]


def test_label_at_the_end_of_the_task_line() -> None:
    plan = parse_text(
        "一、任务\n（一）加强监管。落实终身责任制。责任单位：市住建局（牵头）、市应急管理局\n"
        "（二）完善机制。【牵头单位】市民政局【责任单位】各街道办事处【完成时限】长期坚持\n"
    )
    assert roles(plan) == [
        ("一.一", ["市住建局"], ["市应急管理局"]),
        ("一.二", ["市民政局"], ["各街道办事处"]),
    ]
    assert task(plan, "一.一").text == "加强监管。落实终身责任制。"
    assert task(plan, "一.二").deadline == "长期坚持"


def test_deadline_on_its_own_line_under_the_task() -> None:
    plan = parse_text(
        "一、任务\n1.打造商圈。2025年底前建成2个商圈。\n牵头单位：市商务局\n完成时限：2025年12月底前\n"
        "2.发展夜间经济。\n牵头单位：市商务局\n完成时限：长期坚持\n"
    )
    assert [(t.leads, t.deadline) for t in plan.tasks] == [
        (["市商务局"], "2025年12月底前"),
        (["市商务局"], "长期坚持"),
    ]
    assert "完成时限" not in plan.tasks[0].text


def test_an_assignment_that_lost_its_opening_bracket() -> None:
    plan = parse_text("一、任务\n1.改造管网。完成改造50公里。由县发改局牵头，县住建局、县供电公司配合）\n")
    assert roles(plan) == [("一.1", ["县发改局"], ["县住建局", "县供电公司"])]
    assert task(plan, "一.1").text == "改造管网。完成改造50公里。"
    assert [(f.line, f.severity) for f in plan.findings] == [(2, Severity.ERROR)]


def test_vague_tails_dates_of_objects_notes_and_short_aliases() -> None:
    plan = parse_text(
        "一、任务\n1.推行包容审慎监管。（由县司法局牵头，县应急管理局、县生态环境分局等县直执法部门配合）\n"
        "2.全面调查2000年底前建成的老旧小区。（市文化广电旅游局（市文物局）牵头）\n"
        "3.保护文物。（文物局负责）\n注：各牵头单位要于每月25日前报送进展。\n"
    )
    assert task(plan, "一.1").participants == ["县应急管理局", "县生态环境分局"]
    assert task(plan, "一.2").deadline is None
    assert task(plan, "一.3").leads == ["市文化广电旅游局"]
    assert "每月25日" not in task(plan, "一.3").text


def test_web_page_buttons_breadcrumbs_and_titles_with_years() -> None:
    plan = parse_text(
        "首页 > 政务公开 > 政策文件\n发布时间：2025-03-12 来源：县政府办公室\n"
        "【字体：大 中 小】 【打印本页】 【关闭窗口】\n"
        "清河县优化营商环境三年行动实施方案（2025—2027年）\n一、任务\n1.优化审批。（县政务服务中心负责）\n"
    )
    assert plan.title == "清河县优化营商环境三年行动实施方案（2025—2027年）"
    assert (
        parse_text("东坪区重点任务责任分工表\n一、任务\n1.治水。（区水务局负责）\n").title
        == "东坪区重点任务责任分工表"
    )
    only_notice = parse_text("关于印发《河道整治方案》的通知\n一、任务\n1.清淤。（市水务局负责）\n")
    assert only_notice.title == "河道整治方案"


def test_an_inner_bracket_that_never_closes() -> None:
    plan = parse_text("一、任务\n1.改造管网。（由县发改局牵头，县住建局、各乡镇（街道配合）\n")
    assert roles(plan) == [("一.1", ["县发改局"], ["县住建局", "各乡镇（街道）"])]
    assert [f.severity for f in plan.findings] == [Severity.ERROR]
