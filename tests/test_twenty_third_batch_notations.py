"""Notations met in the twenty-third batch of unseen plans and in the prose plans below the floor,
each in invented text.

A plan that writes its duties only as prose (县教育局负责…, …等部门要按照职责分工积极配合), read as a
last resort and flagged task by task; a working group's roster (由…主任刘鹏任组长); items run together
on a page with no breaks (…活动。1、… 2、…); a task sentence with its own bracket over measures of
their own (具体措施:); a table copied one cell a line whose number cells were lost; a progress column
(一季度工作进展) holding numbered notes; a body's second name on a line of its own, and a name broken
before its ending (市数据资源 / 管理局); a duty section that names each body before a colon.
"""

from __future__ import annotations

from helpers import parse_text, roles

PROSE_PLAN = (
    "乡村教师队伍建设实施方案\n四、工作保障\n"
    "(一)明确责任。县把教师队伍建设纳入议事日程。县教育局负责统筹管理和指导,"
    "县编办、县财政局等部门要按照职责分工积极配合,主动履责。\n"
    "(二)落实经费。县财政局要切实加大投入,大力支持队伍建设。县审计局要加大审计力度。\n"
    "(三)开展活动。此项活动由县文旅局、县商务局共同组织实施。\n"
    "(四)加强督查。对成绩突出的学校予以表彰。\n"
)


def test_a_plan_that_writes_its_duties_only_as_prose_is_read() -> None:
    plan = parse_text(PROSE_PLAN)
    assert roles(plan) == [
        ("四.一", ["县教育局"], ["县编办", "县财政局"]),
        # each body's duty sentence is a row of its own (ANNOTATION.md, ruling of session 23)
        ("四.二.s1", ["县财政局"], []),
        ("四.二.s2", ["县审计局"], []),
        ("四.三", ["县文旅局", "县商务局"], []),
    ]


def test_each_task_read_from_prose_is_flagged_for_the_clerk() -> None:
    plan = parse_text(PROSE_PLAN)
    flagged = [f for f in plan.findings if "按正文" in f.message]
    # (三) writes its assignment as a sentence the strict reading takes: it is not prose
    assert [f.line for f in flagged] == [t.line for t in plan.tasks[:2]]
    assert "县教育局负责统筹管理和指导" in flagged[0].message


def test_prose_in_a_plan_that_assigns_in_brackets_is_only_a_warning() -> None:
    plan = parse_text(
        "综合保税区发展意见\n一、主要任务\n1.发展租赁业态。(市商务局、市财政局负责)\n"
        "二、有关要求\n市商务局要继续做好牵头工作,会同有关部门建立协调机制。\n"
        "市财政局要增强大局意识,积极配合。\n"
    )
    assert roles(plan) == [("一.1", ["市商务局", "市财政局"], [])]
    assert not any("按正文" in f.message for f in plan.findings)


def test_a_roster_names_the_people_in_charge_of_a_working_group() -> None:
    plan = parse_text(
        "市容整治方案\n1、门前三包整治组\n主要任务是:督促检查沿街单位落实门前三包责任制。\n"
        "由城区办主任刘鹏任组长,政协文史委副主任曹善忠、水务局纪检组长田瑞任副组长。\n"
        "2、临街门店整治组\n主要任务是:督促临街门店完善亮化设施。\n"
        "由工商局局长程康年任组长,副局长田福任副组长。\n"
    )
    people = [[(o.name, o.role, o.person) for o in t.others] for t in plan.tasks]
    assert people == [
        [("刘鹏", "组长", True), ("曹善忠", "副组长", True), ("田瑞", "副组长", True)],
        [("程康年", "组长", True), ("田福", "副组长", True)],
    ]


def test_a_roster_that_names_a_post_names_nobody() -> None:
    from matrix.parsers.clauses import read_clause

    assert read_clause("由区政府分管领导任组长") is None
    said = read_clause("由市场管理中心主任赵录德任组长")
    assert said is not None and said.persons == [("赵录德", "组长")]


def test_items_run_together_on_a_page_with_no_breaks() -> None:
    line = (
        "促进消费意见为扩大消费,特制定本意见。一、加强领导成立领导小组,统一研究政策措施。"
        "二、开展促销活动营造繁荣的商业氛围。(一)举办服装展销会从5月中旬开始,组织展销活动。"
        "1、此项活动由区商贸局、区文体局共同组织实施。2、由区商贸局牵头,全面负责活动的组织。"
        "3、区城管执法局负责联系有关单位,支持活动的开展。"
    )
    plan = parse_text(line + "\n")
    assert roles(plan) == [
        ("二.一.1", ["区商贸局", "区文体局"], []),
        ("二.一.2", ["区商贸局"], []),
        ("二.一.3", ["区城管执法局"], []),
    ]


def test_a_page_mark_out_of_order_cuts_no_item() -> None:
    line = (
        "实施意见为做好促进消费的各项工作,扭转不利局势,提振市场信心,扩大社会消费,特制定本意见。"
        "一、加强领导成立促进消费工作领导小组,统一研究扩大消费的政策措施。(市商务局负责)"
        "二、开展活动在元旦、春节、元宵节等节假日期间举办展销会,营造繁荣的商业氛围,让市民感受幸福生活。"
        "2、市文旅局要配合。(市文旅局牵头)"
    )
    plan = parse_text(line + "\n")
    assert [t.id for t in plan.tasks] == ["一", "二"]


def test_a_task_sentence_with_its_bracket_over_measures_of_its_own() -> None:
    plan = parse_text(
        "分工方案\n一、实施好宏观政策\n"
        "(一)研究将好做法制度化,落实减税降费政策。(财政部、发展改革委按职责分工负责)具体措施:\n"
        "1.及时总结直达基层的经验。(财政部牵头,各地区按职责分工负责)\n"
        "2.简化优惠政策适用程序。(税务总局牵头)\n"
    )
    assert roles(plan) == [
        ("一.一", ["财政部", "发展改革委"], []),
        ("一.一.1", ["财政部"], ["各地区"]),
        ("一.一.2", ["税务总局"], []),
    ]
    assert all(not t.others for t in plan.tasks)  # the item above leads none of them


def test_a_titled_heading_with_its_bracket_still_leads_what_under_it_names_no_lead() -> None:
    plan = parse_text(
        "分工方案\n一、加快调整能源结构(省发改委总牵头)\n"
        "1.控制煤炭消费总量。(省能源局牵头)\n2.推进天然气管网建设。\n"
    )
    assert [t.id for t in plan.tasks] == ["一.1", "一.2"]
    assert plan.tasks[1].leads == ["省发改委"]


def test_a_table_one_cell_a_line_whose_number_cells_were_lost() -> None:
    plan = parse_text(
        "重点工作任务分解表\n序号\n目标与任务\n牵头责任单位\n责任单位\n"
        "秉持保护理念,加快推进国土空间规划编制。\n市自然资源和规划局\n各县(市)区政府、开发区管委会\n"
        "扎实打好污染防治攻坚战。\n市生态环境局\n各县(市)区政府\n"
    )
    assert roles(plan) == [
        ("1", ["市自然资源和规划局"], ["各县（市）区政府", "开发区管委会"]),
        ("2", ["市生态环境局"], ["各县（市）区政府"]),
    ]


def test_a_progress_column_second_names_and_broken_names_in_a_flat_table() -> None:
    plan = parse_text(
        "一季度重点工作任务完成情况\n序号\n目标与任务\n牵头责任单位\n一季度工作进展\n"
        "1\n全面优化政策体系。\n市发改委\n市财政局\n(市地方金融局)\n市数据资源\n管理局\n"
        "1.完善联络机制。\n2.印发实施方案。\n"
        "2\n建立评估调整机制。\n市财政局\n完成框架思路。\n"
    )
    assert roles(plan) == [
        ("1", ["市发改委", "市财政局", "市数据资源管理局"], []),
        ("2", ["市财政局"], []),
    ]


def test_a_duty_section_that_names_each_body_before_a_colon() -> None:
    plan = parse_text(
        "防溺水工作实施方案\n三、成员单位工作职责\n镇农水办:督促各村落实危险区域的警示标志。\n"
        "镇共青团、妇联:开展宣传和结对帮扶活动。\n镇各中小学校:全面安排部署学生溺水预防工作。\n"
    )
    assert roles(plan) == [
        ("三.p1", ["镇农水办"], []),
        ("三.p2", ["镇共青团", "妇联"], []),
        ("三.p3", ["镇各中小学校"], []),
    ]


def test_a_form_set_out_as_a_table_of_label_and_value() -> None:
    plan = parse_text(
        "重点工作: | 135.统筹违法建设治理与城市更新。 |\n牵头单位: | 市城市管理综合执法局 |\n"
        "进展情况: | 已完成。 |\n"
    )
    assert [t.leads for t in plan.tasks] == [["市城市管理综合执法局"]]


def test_a_contact_line_does_not_stop_prose_from_being_read() -> None:
    plan = parse_text(PROSE_PLAN + "联系人:张三\n")
    assert roles(plan)[0] == ("四.一", ["县教育局"], ["县编办", "县财政局"])


def test_a_sentence_after_the_bracket_names_the_leaders_and_divisions() -> None:
    plan = parse_text(
        "环保厅任务分工\n(一)我厅牵头的工作任务\n"
        "1、主要污染物排放总量削减3.6%(牵头单位:区经济和信息化委、环保厅)。"
        "由金国兴总工负责,污染物排放总量控制处落实。\n"
        "2、推进农村环境综合治理(牵头单位:区环保厅)。由鲁国会、郑忠安副厅长分别负责,"
        "环境监测处、农村环境监督管理处分别落实。\n"
    )
    assert roles(plan) == [("一.1", ["区经济和信息化委", "区环保厅"], []), ("一.2", ["区环保厅"], [])]
    assert [[(o.name, o.person) for o in t.others] for t in plan.tasks] == [
        [("污染物排放总量控制处", False), ("金国兴", True)],
        [("环境监测处", False), ("农村环境监督管理处", False), ("鲁国会", True), ("郑忠安", True)],
    ]
    assert "金国兴" not in plan.tasks[0].text  # the sentence is the task's assignment, not its text


def test_prose_names_bodies_before_the_scope_of_their_work() -> None:
    plan = parse_text(
        "节能工作方案\n四、主要任务\n"
        "(一)加强领导。市发改委、市经贸委对全市节能工作总负责,县(区、市)政府、各工业园区负责本区域内"
        "节能工作。各单位要明确责任。\n"
        "(二)明确分工。市旅游局组织做好宾馆节能;各行业管理部门要按照职责分工深入现场指导。\n"
    )
    assert roles(plan) == [
        ("四.一", ["市发改委", "市经贸委", "县（区、市）政府", "各工业园区"], []),
        ("四.二", ["市旅游局"], []),
    ]


def test_people_under_a_label_one_a_line_and_before_the_section_s_duties() -> None:
    plan = parse_text(
        "防控工作方案\n(一)综合协调组\n组 长:安龙柱 (市政府办公厅副调研员)\n副组长:袁 琳 (市卫生局副调研员)\n"
        "王树红 (市教育局副局长)\n负责组织实施防控工作。\n"
        "(二)防控救治组\n组 长:李文学 (兼)\n市卫生局负责落实应急物资储备。市药监局负责药品质量监督。\n"
    )
    people = [[o.name for o in t.others if o.person] for t in plan.tasks]
    # (二)'s two bodies' duty sentences are two rows; the group's leader stands over the first
    assert people == [["安龙柱", "袁琳", "王树红"], ["李文学"], []]
    assert [t.leads for t in plan.tasks[1:]] == [["市卫生局"], ["市药监局"]]


def test_a_triangle_marks_the_lead_in_a_cell_and_a_bulleted_source_line_is_debris() -> None:
    plan = parse_text(
        "2023年主要目标任务分解清单\n• 信息来源: 市府办(市外事办)\n分块\n序号\n主要工作\n责任单位\n"
        "1\n生产总值增长7.5%左右\n▲发改局,各部门,各镇乡(街道)\n"
        "2\n一般公共预算收入增长7.5%\n▲税务局,财政局,各镇乡(街道)\n"
    )
    assert roles(plan) == [
        ("1", ["发改局"], ["各部门", "各镇乡（街道）"]),
        ("2", ["税务局"], ["财政局", "各镇乡（街道）"]),
    ]


def test_a_row_typed_with_bars_broken_before_a_cell_and_towns_that_follow_the_lead() -> None:
    plan = parse_text(
        "工作任务 | 具体要求\n| 责任单位 |\n"
        "一、做好规划公开。 | 1.主动公开规划纲要。 | 市发展和改革局牵头,市直有关部门落实;各镇(街)参照落实 |\n"
    )
    assert roles(plan) == [("1", ["市发展和改革局"], [])]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("各镇（街）", "落实")]


def test_a_short_bar_row_is_laid_by_the_kind_of_each_cell() -> None:
    plan = parse_text(
        "政务公开工作重点任务台账\n序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好疫情防控信息发布 | 重点围绕散发疫情发布权威信息 | 应急处、监督处 | 长期推进 | |\n"
        "2 | 扎实做好疫苗接种信息公开工作 | 疾控处 | 长期推进 |\n"
    )
    assert roles(plan) == [("1", ["应急处", "监督处"], []), ("2", ["疾控处"], [])]
    assert "疫苗接种" in plan.tasks[1].text
    assert [f.line for f in plan.findings if "已按各格的内容填入" in f.message] == [4]


def test_a_row_whose_cells_read_like_header_words_is_still_a_row() -> None:
    plan = parse_text(
        "政务公开工作要点分工方案\n工作任务 | 具体要求 | 责任科室 |\n"
        "一、做好执法信息公开 | 1.加强行政执法信息公开。 | 局政法科 |\n"
        "二、不断改进政策解读工作方式 | 2.健全政策解读工作机制。 | 局主办科室 |\n"
        "3.加强政策咨询服务。 | 局防控办主办、各工作组协办 | |\n"
    )
    assert [t.leads for t in plan.tasks] == [["局政法科"], ["局主办科室"], ["局防控办"]]
    assert plan.tasks[2].participants == ["各工作组"]


def test_a_section_s_second_name_in_a_bracket_is_an_alias() -> None:
    plan = parse_text("1.公开监管执法信息。(广电旅游和公共服务股(行政审批服务股)牵头,办公室配合)\n")
    assert roles(plan) == [("1", ["广电旅游和公共服务股"], ["办公室"])]
