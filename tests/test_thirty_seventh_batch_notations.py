"""Notations met in the thirty-seventh to thirty-ninth batches of unseen plans, each in invented text.

An annex that gives each body its duty in a sentence of its own (省教育厅负责…。), with no bracket,
label or table anywhere; a default stated once for the items below (以下均需各县政府负责,不再列出);
a table typed with ``|`` whose row goes on in a line of its own (新增学位810个 | |||||); labels in
traditional script with a mirror's pinyin inside them (主管領(lǐng)導(dǎo):); and rows typed with single
spaces, laid into the columns by the kind of each word.
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.parsers.spaced import fit_spaced
from matrix.parsers.table import read_header, spaced_words


def test_each_bodys_duty_sentence_in_an_annex_is_a_task_of_its_own() -> None:
    plan = parse_text(
        "某省关于促进托育服务发展的实施意见\n"
        "各市人民政府,省政府各部门:\n"
        "附件\n工作部门职责分工\n"
        "省发展改革委负责将托育服务纳入相关规划。\n"
        "省教育厅负责托育人才培养。\n"
        "省公安厅负责监督指导托育机构开展安全防范。\n"
    )
    assert [(t.leads, t.text) for t in plan.tasks] == [
        (["省发展改革委"], "省发展改革委负责将托育服务纳入相关规划。"),
        (["省教育厅"], "省教育厅负责托育人才培养。"),
        (["省公安厅"], "省公安厅负责监督指导托育机构开展安全防范。"),
    ]


def test_a_line_naming_only_helpers_still_belongs_to_the_work_above() -> None:
    plan = parse_text(
        "一、加快托育设施建设,新建托育机构10所。\n区财政局、区审计局配合。\n"
        "二、加强人才培养,开展从业人员培训。\n区人社局负责。\n"
    )
    assert roles(plan)[0] == ("一", [], ["区财政局", "区审计局"])


def test_a_default_for_the_items_below_names_its_bodies_where_it_is_written() -> None:
    plan = parse_text(
        "1.完善组织体系。压紧压实各级河湖长责任。〔牵头单位:市河长办。以下均需各县人民政府、"
        "蓉江新区管委会负责,不再列出〕\n"
        "2.强化履职尽责。加强涉河湖问题整治。〔牵头单位:市河长办、市审计局,配合单位:市水利局〕\n"
    )
    assert roles(plan) == [
        ("1", ["市河长办"], ["各县人民政府", "蓉江新区管委会"]),
        ("2", ["市河长办", "市审计局"], ["市水利局"]),
    ]


def test_a_default_that_repeats_the_bodies_named_adds_none() -> None:
    plan = parse_text(
        "1.压实责任。(牵头单位:县河长办,配合单位:各乡(镇)政府。以下均需各乡(镇)政府负责,不再列出。)\n"
    )
    assert roles(plan) == [("1", ["县河长办"], ["各乡（镇）政府"])]


def test_a_bordered_line_that_is_no_row_leaves_the_table_open() -> None:
    plan = parse_text(
        "民生实事进展情况\n"
        "序号 | 工作任务 | 责任单位 | 一季度目标 | 进展情况 |\n"
        "1 | 新改扩建公办中小学校1所 | 教体局 | 室内装修 | 完成80% |\n"
        "新增学位810个 | ||||\n"
        "2 | 完成结对帮扶学校2所 | 教体局 | 互派人员 | 已到位 |\n"
        "3 | 随迁子女100%保障入学 | 教体局 | 公布政策 | 已公布 |\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("1", ["教体局"]), ("2", ["教体局"]), ("3", ["教体局"])]


def test_traditional_labels_with_pinyin_inside_them_are_read() -> None:
    plan = parse_text(
        "市區(qū)新增中小學(xué)學(xué)位2萬(wàn)個(gè)。\n"
        "主管領(lǐng)導(dǎo):劉東\n"
        "責(zé)任單位:市教育局\n"
        "進(jìn)度安排:12月底前全部落實(shí)。\n"
    )
    (only,) = plan.tasks
    assert only.leads == ["市教育局"]
    assert [(o.name, o.person) for o in only.others] == [("劉東", True)]
    assert only.deadline is not None and only.deadline.startswith("12月底前")


HEADER = read_header(spaced_words("序号 项目名称 项目内容 牵头领导 责任单位 完成时限 备注"))


def test_a_spaced_row_is_laid_by_the_kind_of_each_word() -> None:
    assert HEADER is not None
    row = "1 人寿财险项目 拟在平潭 设立中心支公司。 郭小童 区财政金融局 区商务局 2025年底前 已签约"
    assert fit_spaced(HEADER, row) == [
        "1",
        "人寿财险项目拟在平潭设立中心支公司。",
        "",
        "郭小童",
        "区财政金融局 区商务局",
        "2025年底前",
        "已签约",
    ]


def test_a_name_the_spaces_broke_is_put_back_and_an_empty_column_stays_empty() -> None:
    assert HEADER is not None
    row = "2 扬尘治理 加强工地扬尘防治。 县交通 运输局 持续开展"
    cells = fit_spaced(HEADER, row)
    assert cells[4] == "县交通运输局"
    assert cells[3] == ""  # no leader is named in this row
    assert cells[1] == "扬尘治理加强工地扬尘防治。"


def test_a_group_of_bare_levels_in_square_brackets_is_one_addressee() -> None:
    plan = parse_text("1.规范河湖长履职。(自治区河长办牵头,各市、县〔区〕落实)\n")
    (only,) = plan.tasks
    assert only.leads == ["自治区河长办"]
    assert [(o.name, o.role) for o in only.others] == [("各市、县〔区〕", "落实")]


def test_the_bodies_of_a_level_or_a_system_name_nobody() -> None:
    plan = parse_text(
        "1.加强监督检查。(责任单位:省河长办、省级责任单位)\n2.规范履职行为。(省河长办、河长制责任单位牵头)\n"
    )
    assert roles(plan) == [("1", ["省河长办"], []), ("2", ["省河长办"], [])]


def test_a_leader_column_whose_header_word_is_split_over_two_lines() -> None:
    plan = parse_text(
        "民生实事项目进展情况\n序号\n\n目标任务\n\n牵头\n\n市领导\n\n责任单位\n\n进展情况\n\n"
        "1\n\n新建电动汽车充电桩350个\n\n吕  乐\n\n市发改局\n\n新建99个\n\n"
        "2\n\n改造老旧小区10个\n\n王  强\n\n市住建局\n\n已开工\n"
    )
    assert roles(plan) == [("1", ["市发改局"], []), ("2", ["市住建局"], [])]
    assert [[(o.name, o.role) for o in t.others] for t in plan.tasks] == [
        [("吕乐", "牵头市领导")],
        [("王强", "牵头市领导")],
    ]


def test_a_box_drawn_table_with_an_empty_column_and_a_cell_merged_over_sub_rows() -> None:
    plan = parse_text(
        "园林绿化整治工作任务\n"
        "┌──┬────┬──────────────┬─────┬────┬───┐\n"
        "│序号│责任单位│ 任务目标 │ 完成时间 │分管领导│责任人│\n"
        "├──┼────┼──────────────┼─────┼────┼───┤\n"
        "│ 1 │ 金水区 │1.新建绿地50万平方米。 │2006.11.30│ │ 区长 │\n"
        "│ │ ├──────────────┼─────┤ │ │\n"
        "│ │ │2.新建游园5个,每个面积 │2006.04.30│ │ │\n"
        "│ │ │不少于4000平方米。 │ │ │ │\n"
        "├──┼────┼──────────────┼─────┼────┼───┤\n"
        "│ 2 │ 二七区 │1.新建绿地30万平方米。 │2006.10.31│ │ 区长 │\n"
        "└──┴────┴──────────────┴─────┴────┴───┘\n"
    )
    assert [(t.leads, t.deadline) for t in plan.tasks] == [
        (["金水区"], "2006.11.30"),
        (["金水区"], "2006.04.30"),
        (["二七区"], "2006.10.31"),
    ]
    assert "不少于4000平方米" in plan.tasks[1].text


ONE_LINE = (
    "某局关于印发普法责任清单的通知 时间:2022-03-22 07:56 微信 微博 区农业农村中心,局各相关处室:"
    "现将清单印发给你们。2022年普法责任清单一、重点宣传法律法规1.习近平法治思想责任单位:局机关党委、"
    "乡村振兴处、农业处,区农业农村中心2.《宪法》《民法典》责任单位:局乡村振兴处、农业处"
    "二、机关内部学法活动1.开展党组中心组学法活动2次。责任单位:局机关党委、局农业处\n"
)


def test_a_page_on_one_line_whose_gaps_stand_in_its_debris_is_cut_at_its_outline() -> None:
    plan = parse_text(ONE_LINE)
    assert [t.id for t in plan.tasks] == ["一.1", "一.2", "二.1"]
    assert plan.tasks[0].text == "习近平法治思想"


def test_a_label_run_onto_the_text_before_it_is_read_from_its_role_words() -> None:
    plan = parse_text(ONE_LINE)
    # no lead rule: every 责任单位 leads; 农业处 takes the 局 the plan writes elsewhere (局农业处)
    assert plan.tasks[0].leads == ["局机关党委", "局乡村振兴处", "局农业处", "区农业农村中心"]
    assert plan.tasks[0].participants == []


def test_an_unread_label_in_the_preamble_states_no_lead_rule() -> None:
    plan = parse_text(
        "区农业农村中心,局各相关处室:现将清单印发给你们。\n1.开展学法活动。责任单位:区财政局、区农业局\n"
    )
    assert roles(plan) == [("1", ["区财政局", "区农业局"], [])]


def test_a_box_cell_whose_lines_each_end_a_body_lists_them_apart() -> None:
    plan = parse_text(
        "┌──┬──────────┬────────┬────────┐\n"
        "│序号│工作任务    │牵头单位│配合单位│\n"
        "├──┼──────────┼────────┼────────┤\n"
        "│1 │推进节约用水│市水利局│各区政府│\n"
        "│  │          │        │市教育局│\n"
        "│  │          │        │市卫生健│\n"
        "│  │          │        │康委    │\n"
        "└──┴──────────┴────────┴────────┘\n"
    )
    assert roles(plan) == [("1", ["市水利局"], ["各区政府", "市教育局", "市卫生健康委"])]


def test_in_a_prose_plan_a_body_named_first_does_the_work_its_verb_names() -> None:
    plan = parse_text(
        "零碳园区建设工作方案\n三、组织保障\n"
        "(一)培育绿色低碳产业集群\n市经济信息化委支持推广以绿制绿模式,推动园区布局新型产业。\n"
        "(二)支持技术集成应用\n市科委牵头开展关键技术研发应用。\n"
        "(三)创新资金支持模式\n市发展改革委会同相关部门统筹国家和本市相关资金。\n"
        "(四)加强宣传\n各园区要加强宣传。\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("三.一", ["市经济信息化委"]),
        ("三.二", ["市科委"]),
        ("三.三", ["市发展改革委"]),
    ]


def test_a_bracket_on_a_line_of_its_own_makes_the_plan_formal_so_its_prose_is_not_read() -> None:
    plan = parse_text(
        "一、重点任务\n推进光伏建设。\n(责任单位:区发展改革委)\n"
        "二、保障措施\n区发展改革委会同有关单位督促推进任务建设。\n(责任单位:区发展改革委、各街道)\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("一", ["区发展改革委"]),
        ("二", ["区发展改革委", "各街道"]),
    ]
    assert not any("按正文" in f.message for f in plan.findings)


def test_items_that_are_the_parts_of_one_task_make_one_task() -> None:
    plan = parse_text(
        "三、重点行动\n(一)互联网+现代农业\n1.行动目标。推进互联网与农业融合发展。\n"
        "2.主要任务。建立农业物联网测控体系。牵头单位:区农村发展局,配合单位:区经发局\n"
        "(二)互联网+商贸物流\n1.行动目标。发展智慧物流。\n2.主要任务。做大跨境电商。牵头单位:区商务局\n"
    )
    assert roles(plan) == [("三.一", ["区农村发展局"], ["区经发局"]), ("三.二", ["区商务局"], [])]
    assert "推进互联网与农业融合发展" in plan.tasks[0].text


def test_a_bodys_section_whose_duties_go_on_one_sentence_is_one_task() -> None:
    plan = parse_text(
        "三、分工与职责\n(一)区绿化市容局\n区绿化市容局是本区建筑垃圾处理的主管部门,主要履行以下职责:\n"
        "1.组织制定建筑垃圾处置管理标准;\n2.开展相关宣传、培训、检查工作;\n"
        "(二)区城管执法局\n区城管执法局是执法部门,主要履行以下职责:\n1.对违法行为进行行政处罚;\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("三.一", ["区绿化市容局"]), ("三.二", ["区城管执法局"])]
    assert "开展相关宣传" in plan.tasks[0].text


def test_a_bracket_after_a_bodys_name_remarks_on_it_and_assigns_nothing() -> None:
    plan = parse_text(
        "五、职责分工\n1.区教育局负责督促学校开展交通安全教育;\n"
        "2.区公安局负责开展重点整治,并将查处情况通报给社会事业局(教育处);\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("五.1", ["区教育局"]), ("五.2", ["区公安局"])]


def test_bodies_that_work_with_the_body_after_them_help_it() -> None:
    plan = parse_text(
        "各有关部门承担迎检工作职责明确如下:\n一、市交通运输局负责城市综合交通管理工作。\n"
        "二、市公安局、市建委协同市交通运输局负责城市综合交通涉及部门职责的工作。\n"
    )
    assert roles(plan) == [("一", ["市交通运输局"], []), ("二", ["市交通运输局"], ["市公安局", "市建委"])]


def test_the_notices_addressees_before_a_colon_are_no_unread_label() -> None:
    plan = parse_text(
        "某局关于印发工作思路的通知 时间:2016-01-19 各处(室)、分局,各下属事业单位:"
        "为了贯彻落实,特制定本思路。\n"
        "1.推进知识产权工作。(责任单位:知识产权处)\n"
    )
    assert roles(plan)[-1] == ("1", ["知识产权处"], [])
    assert not [f for f in plan.findings if "没有读懂标签" in f.message]
