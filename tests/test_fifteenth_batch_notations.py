"""Notations met in the fifteenth batch of unseen plans, each in invented text.

A plan set out one body a section (三、省委政法委 / its work); lead rules worded 列第一的为牵头责任处室
and 排序第一单位为牵头单位; a bureau's plan whose own divisions share names with others' (办公室 beside
机关党委办公室); the issuer named from inside (我厅); a table cell that names its own role
(牵头处室:财务处) with the empty cells after it.
"""

from __future__ import annotations

from helpers import parse_text, roles


def test_a_plan_set_out_one_body_a_section() -> None:
    plan = parse_text(
        "新农村建设任务分解\n三、省委政法委\n深入开展平安乡村创建活动。\n"
        "四、省发改委\n(一)安排建设资金12亿元。\n(二)安排农村饮水工程资金1.4亿元。\n"
        "五、省财政厅\n(一)确保支农资金按时到位。\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["省委政法委"], []),
        (["省发改委"], []),
        (["省发改委"], []),
        (["省财政厅"], []),
    ]


def test_one_heading_that_names_a_body_is_no_section_of_duties() -> None:
    plan = parse_text("工作方案\n一、省发改委\n加强统筹。\n二、主要任务\n(一)推进建设。(省住建厅负责)\n")
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["省住建厅"], [])]


def test_lead_rules_worded_by_rank_and_order() -> None:
    plan = parse_text(
        "市场监管工作要点\n一、重点任务\n"
        "(一)推进标准化。(责任单位:标准化处、法规处;若工作涉及多个处室的,列第一的为牵头责任处室,下同)\n"
        "(二)加强监管。(责任单位:稽查局、网监处)\n"
    )
    assert roles(plan) == [
        ("一.一", ["标准化处"], ["法规处"]),
        ("一.二", ["稽查局"], ["网监处"]),
    ]
    plan = parse_text(
        "关于分解工作任务的通知\n请各单位(责任单位中排序第一单位为牵头单位)认真落实。\n"
        "1.农民人均纯收入增长11%以上。(区发改局、农业局)\n"
    )
    assert roles(plan) == [("1", ["区发改局"], ["农业局"])]


def test_a_bureaus_own_division_is_not_filed_under_another_body() -> None:
    plan = parse_text(
        "市应急局工作要点\n一、重点工作\n"
        "(一)编制应急规划。(办公室牵头,机关党委办公室、规划发展处和各相关处室单位按职责分工负责)\n"
        "(二)完善码头设施。(牵头部门:市交通委科技处、港务处)\n"
        "(三)推进改造。(牵头部门:市交通委港务处)\n"
    )
    assert roles(plan) == [
        ("一.一", ["办公室"], ["机关党委办公室", "规划发展处"]),  # 各相关处室单位 names nobody
        ("一.二", ["市交通委科技处", "市交通委港务处"], []),
        ("一.三", ["市交通委港务处"], []),
    ]


def test_the_issuer_named_from_inside_is_no_body() -> None:
    plan = parse_text(
        "环保厅任务分工\n一、我厅牵头的工作任务\n1、削减排放总量。(牵头单位:区经信委、区环保厅)\n"
    )
    assert roles(plan) == [("一.1", ["区经信委", "区环保厅"], [])]
    assert plan.tasks[0].others == []


def test_a_cell_naming_its_own_role_with_empty_cells_after_it() -> None:
    plan = parse_text(
        "政务公开任务分工\n工作任务 |\n时限要求 |\n责任单位 | ||\n"
        "一、深化政务公开 |\n(一)做好财政信息公开。 |\n每年度 |\n牵头处室:财务处 | |\n"
    )
    assert [(t.leads, t.participants, t.deadline) for t in plan.tasks] == [(["财务处"], [], "每年度")]


def test_a_leader_named_by_office_alone_keeps_the_office() -> None:
    plan = parse_text(
        "重点工作责任分解\n一、主要目标\n1.全市生产总值增长7%。\n牵头负责领导:市政府常务副市长\n"
        "牵头责任单位:市发展改革委\n协同责任单位:市统计局\n"
    )
    assert roles(plan) == [("一.1", ["市发展改革委"], ["市统计局"])]
    assert [(o.name, o.role, o.person) for o in plan.tasks[0].others] == [
        ("市政府常务副市长", "牵头负责领导", True)
    ]


def test_a_row_typed_with_bars_padded_at_its_end_past_cells_merged_from_above() -> None:
    plan = parse_text(
        "食品安全重点工作任务清单\n| 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限 |\n"
        "| 一、加大治理力度 | (一)强化源头治理 | 1.加强土壤污染源头防控。 | 县生态环境分局 | 年底前 |\n"
        "| 2.持续开展农药减量行动。 | 县农业农村局 | 年底前 | ||\n"
        "| (二)加大校园整治力度 | 3.深化校园餐专项整治。 | 县教育局、县财政局按职责分工负责 | 年底前 | |\n"
        "| 4.落实陪餐制度。 | 县教育局 | | ||\n"
    )
    assert [(t.leads, t.participants, t.deadline) for t in plan.tasks] == [
        (["县生态环境分局"], [], "年底前"),
        (["县农业农村局"], [], "年底前"),
        (["县教育局", "县财政局"], [], "年底前"),
        (["县教育局"], [], None),
    ]
    assert plan.tasks[1].text == "持续开展农药减量行动。"  # its number is the row's, in the outline
    assert [t.outline[-1] for t in plan.tasks] == ["1", "2", "3", "4"]


def test_a_person_label_typed_with_a_semicolon_for_its_colon() -> None:
    plan = parse_text("创建工作方案\n一、主要任务\n1、垃圾定点投放。(责任单位:城管办、市容所;责任人;张三)\n")
    assert roles(plan) == [("一.1", ["城管办", "市容所"], [])]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("张三", "责任人")]
