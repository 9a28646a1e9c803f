"""Notations met in a second batch of unseen plans, each in invented text.

A role verb followed by what the role does (牵头落实), headings that name the lead body of all under
them (省X厅牵头的工作), leaders named by office in a bracket (分管副市长负责), a lead rule written
with 第一者, a header set out letter by letter, a record label (发文单位:), and names that end as no
listed body does (海关) or carry a group's bracket (各街办(新区)).
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.checks import check_plan
from matrix.graph import PlanGraph
from matrix.model import Severity
from matrix.parsers.names import is_organisation, parse_names
from matrix.parsers.table import spaced_words
from matrix.settings import Settings


def test_a_role_verb_followed_by_what_the_role_does() -> None:
    plan = parse_text(
        "关于印发重点工作任务分解意见的通知\n"
        "1.实施工业重点项目100个。(市经信委牵头落实)\n"
        "2.加强稀土资源保护。(市经信委、市国土资源局牵头组织实施)\n"
        "3.做好防汛工作。(市水务局负责落实)\n"
        "4.做好抗旱工作。(市水务局牵头,各区政府负责落实)\n"
    )
    assert roles(plan) == [
        ("1", ["市经信委"], []),
        ("2", ["市经信委", "市国土资源局"], []),
        ("3", ["市水务局"], []),
        ("4", ["市水务局"], []),
    ]
    # 负责落实 beside a lead keeps its own reading: the body sees to it (落实), it does not lead;
    # named alone, the bodies that see to it are the task's responsible ones
    assert [(o.name, o.role) for o in task(plan, "4").others] == [("各区政府", "落实")]
    assert task(plan, "3").others == []


DUTY_HEADINGS = """关于印发年度工作目标责任分解的通知
一、张三省长负责的工作
全面负责省政府工作任务的落实。
(一)省监察厅牵头的工作
加强行政监察工作。
(二)省审计厅牵头的工作
全面加强审计工作。
协同单位:省直各部门和各市人民政府。
(三)省编办牵头的工作
1.深化行政管理体制改革。
2.推进乡镇机构改革。
协同单位:省财政厅、省人事厅。
二、李四常务副省长负责的工作
(一)省政府办公厅牵头的工作
1.加强政府自身建设。
协同单位:省发改委。
2.认真办理建议提案。
协同单位:省信访局。
"""


def test_a_heading_names_the_lead_of_all_under_it() -> None:
    plan = parse_text(DUTY_HEADINGS)
    assert roles(plan) == [
        ("一.一", ["省监察厅"], []),  # nothing under it names anyone: the section is the task
        ("一.二", ["省审计厅"], ["省直各部门", "各市人民政府"]),
        ("一.三", ["省编办"], ["省财政厅", "省人事厅"]),  # items 1, 2 share one line: one task
        ("二.一.1", ["省政府办公厅"], ["省发改委"]),  # items with lines of their own: the lead is inherited
        ("二.一.2", ["省政府办公厅"], ["省信访局"]),
    ]
    leaders = {t.id: [(o.name, o.role, o.person) for o in t.others] for t in plan.tasks}
    assert leaders["一.二"] == [("张三", "省长负责", True)]
    assert leaders["二.一.2"] == [("李四", "常务副省长负责", True)]
    assert task(plan, "一.一").text.startswith("省监察厅牵头的工作\n加强行政监察工作")


def test_a_heading_that_names_a_person_or_prose_leads_nobody() -> None:
    plan = parse_text(
        "关于印发工作要点的通知\n"
        "一、张三负责的工作\n"
        "1.抓好安全生产(市应急局牵头)。\n"
        "二、形成科技部门牵头的工作\n"
        "2.推进科技创新(市科技局牵头)。\n"
    )
    assert roles(plan) == [("一.1", ["市应急局"], []), ("二.2", ["市科技局"], [])]


def test_leaders_named_by_office_are_persons() -> None:
    plan = parse_text(
        "关于有关工作部门分工的意见\n"
        "一、深化改革\n"
        "(一)促进发展。完善国企监管(分管副省长、协管副秘书长负责,省国资委牵头。明确牵头部门的,"
        "有关部门配合,不逐一列出,下同)。鼓励非公有制经济发展(分管副省长、协管副秘书长负责,"
        "省经信委、省发改委负责。责任单位两个以上的,列第一者为牵头单位,下同)。"
        "推进注册便利化(分管副省长负责,省工商局牵头)。\n"
    )
    assert roles(plan) == [
        ("一.一.s1", ["省国资委"], []),
        ("一.一.s2", ["省经信委"], ["省发改委"]),  # the rule stated in a bracket rules that bracket
        ("一.一.s3", ["省工商局"], []),
    ]
    first = task(plan, "一.一.s1")
    assert [(o.name, o.role, o.person) for o in first.others] == [
        ("分管副省长", "负责", True),
        ("协管副秘书长", "负责", True),
    ]
    graph = PlanGraph(plan)
    assert "分管副省长" not in [d.name for d in graph.departments() if not d.is_person]
    assert not [f for f in check_plan(graph, Settings()) if f.severity is Severity.ERROR]


def test_each_stretch_takes_the_stop_after_its_bracket() -> None:
    plan = parse_text("关于印发方案的通知\n1.建设园区(区发改局牵头);完善配套(区住建局负责)。\n")
    assert task(plan, "1.s1").text == "建设园区"
    assert task(plan, "1.s2").text == "完善配套。"


def test_a_header_set_out_letter_by_letter() -> None:
    assert spaced_words("序号 工 作 任 务 牵头负责部门") == ["序号", "工作任务", "牵头负责部门"]
    assert spaced_words("1 推进 5 万个行政村通光纤 工业和信息化部") == [
        "1",
        "推进",
        "5",
        "万个行政村通光纤",
        "工业和信息化部",
    ]
    plan = parse_text(
        "2016年量化指标任务分工\n"
        "序号 工 作 任 务 牵头负责部门\n"
        "1 居民消费价格涨幅3%左右 发展改革委\n"
        "2 城镇新增就业1000万人以上 人力资源社会保障部\n"
    )
    assert roles(plan) == [("1", ["发展改革委"], []), ("2", ["人力资源社会保障部"], [])]


def test_a_record_label_is_no_unread_assignment() -> None:
    plan = parse_text(
        "颁布时间:2016-04-06 发文单位:国务院办公厅\n"
        "关于印发任务分工的通知\n"
        "1.做好就业工作(人力资源社会保障部牵头)。\n"
    )
    graph = PlanGraph(plan)
    assert roles(plan) == [("1", ["人力资源社会保障部"], [])]
    assert not [f for f in [*plan.findings, *check_plan(graph, Settings())] if "发文单位" in f.message]


def test_customs_and_groups_with_their_bracket() -> None:
    assert is_organisation("苏州海关") and is_organisation("省军分区")
    assert [n.text for n in parse_names("区卫健局、各街办(新区)")] == ["区卫健局", "各街办（新区）"]
    # a bracket after one body that names a desk is still dropped
    assert [n.text for n in parse_names("市政府办(金融)")] == ["市政府办"]
    settings = Settings()
    plan = parse_text("关于印发通知\n1.外贸进出口增长10%(市商务局、苏州海关负责)。\n", settings)
    assert roles(plan) == [("1", ["市商务局", "苏州海关"], [])]


def test_zones_share_their_bodies_and_unnamed_places_are_vague() -> None:
    names = parse_names("各县(市、区)党委和人民政府,城乡一体化示范区、高新区党工委和管委会")
    assert [n.text for n in names] == [
        "各县（市、区）党委和人民政府",
        "城乡一体化示范区党工委和管委会",
        "高新区党工委和管委会",
    ]
    assert [n.text for n in parse_names("经开区、高新区管委会")] == ["经开区管委会", "高新区管委会"]
    # which streets is not said; 各相关街镇 (all of them) is a group a notice can go to
    assert [n.text for n in parse_names("相关街道、有关街镇、区城建局")] == ["区城建局"]
    assert [n.text for n in parse_names("各相关街镇")] == ["各相关街镇"]


def test_a_default_for_later_tasks_is_recorded_once_where_it_is_written() -> None:
    # ANNOTATION.md: a default stated once is recorded once, in the task that states it
    plan = parse_text(
        "关于印发政策措施的通知\n"
        "1.设立专项引导资金。(责任单位:市工信局、市财政局。以下政策措施均需各县区人民政府、"
        "园区管委会落实,不再单独列出)\n"
        "2.加大融资支持。(责任单位:市财政局)\n"
    )
    assert roles(plan) == [("1", ["市工信局", "市财政局"], []), ("2", ["市财政局"], [])]
    assert [(o.name, o.role) for o in task(plan, "1").others] == [
        ("各县区人民政府", "落实"),
        ("园区管委会", "落实"),
    ]
    assert task(plan, "2").others == []


def test_a_flattened_header_with_columns_no_rule_names() -> None:
    # 当前进度 before the role column, 备注 after it: columns of the header, read as nothing
    plan = parse_text(
        "2022年民生实事项目进度表\n序号\n\n项目内容\n\n当前进度\n\n牵头单位\n\n备注\n\n"
        "1\n\n新建公办园5所。\n\n80%(进度滞后)\n\n县教育局\n\n市民生实事\n\n"
        "2\n\n建设农村公路55公里。\n\n95%\n\n县交通局\n\n县民生实事\n"
    )
    assert roles(plan) == [("1", ["县教育局"], []), ("2", ["县交通局"], [])]
    assert task(plan, "1").text == "新建公办园5所。"


def test_a_bordered_header_with_split_words_and_report_columns() -> None:
    plan = parse_text(
        "2023年重点民生实事项目推进情况\n序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n"
        "责任主体与协同单位 |\n1-10月推进情况 |\n1-11月推进情况 |\n是否达序 |\n说明 |\n"
        "24 |\n优化提升背街后巷交通组织。 |\n徐国江 |\n城管局 |\n市政局、相关街道 |\n已进场施工。 |\n"
        "完成60%。 |\n是 |\n||\n"
        "25 |\n新建建筑垃圾中转站8个。 |\n徐国江 |\n城管局 |\n崇川经济开发区、相关街道 |\n已建成3个。 |\n"
        "已建成7个。 |\n是 |\n"
    )
    assert roles(plan) == [("24", ["城管局"], ["市政局"]), ("25", ["城管局"], ["崇川经济开发区"])]
    assert [(o.name, o.role) for o in task(plan, "24").others] == [("徐国江", "分管领导")]


def test_joined_labels() -> None:
    from matrix.text.roles import LabelKind, read_label

    def kind(word: str) -> LabelKind | None:
        label = read_label(word)
        return None if label is None else label.kind

    assert kind("责任主体与协同单位") is LabelKind.PARTICIPANT
    assert kind("主办与协办单位") is LabelKind.RESPONSIBLE
    assert kind("牵头单位及配合单位") is LabelKind.RESPONSIBLE
    assert kind("工业和信息化部门") is None


def test_a_row_typed_with_bars_keeps_the_items_in_its_cells() -> None:
    # long enough, with numbered steps after spaces, to look like a collapsed page: it is a row
    steps = (
        "1.照护驿站:3月底前新建成2家;6月底前新建成2家;9月底前完成7家建设任务。 "
        "2.照护托位:3月底前新增100个以上托位;6月底前新增200个以上托位;9月底前完成500个托位。 "
        "3.联合筛查:4月底前完成筛查方案制定;5月底前启动筛查;11月底前完成筛查工作。"
    )
    plan = parse_text(
        "民生实事项目\n序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |\n"
        f"2 | 新建婴幼儿照护驿站7家。 | {steps} | 卫生健康局 | 财政局、教育局,各镇(街道) |\n"
    )
    assert roles(plan) == [("2", ["卫生健康局"], ["财政局", "教育局", "各镇（街道）"])]


def test_a_label_typed_with_a_semicolon_for_its_colon() -> None:
    plan = parse_text("关于开展专项督查的通知\n5.实施改厨改厕工程。(责任单位;住建局、畜牧局、各乡镇场)\n")
    assert roles(plan) == [("5", ["住建局", "畜牧局", "各乡镇场"], [])]
    # role words alone are no label: 市发改委(牵头,年底前) stays as it is
    marked = parse_text("关于印发方案的通知\n1.建设园区(市发改委牵头,年底前完成)。\n")
    assert roles(marked) == [("1", ["市发改委"], [])]


def test_leader_headings_by_title_and_not_by_chance() -> None:
    from matrix.parsers.plan import leader_in_heading

    found = leader_in_heading("张盈军区政府党组成员牵头重点工作")
    assert found is not None and (found.name, found.role) == ("张盈军", "区政府党组成员牵头")
    assert leader_in_heading("潘东旭市长负责事项(共9项)") is not None
    assert leader_in_heading("加强区长负责制") is None


def test_a_sentence_and_its_bracket_stay_one_task_among_unnumbered_lines() -> None:
    # a garbled marker makes the second item a plain line under the first: the first item's
    # sentence is not cut off from its own bracket
    plan = parse_text(
        "关于印发工作事项的通知\n一、构建现代产业体系\n"
        "(一)加快建设汽车产业基地。(牵头单位:市经贸委;配合单位:市发改委)\n"
        "?。ǘ┩推进石化基地建设。(牵头单位:市发改委)\n"
    )
    first = plan.tasks[0]
    assert first.text.startswith("加快建设汽车产业基地") and first.leads == ["市经贸委"]
    assert first.participants == ["市发改委"]


def test_labels_and_roles_written_without_a_colon() -> None:
    plan = parse_text(
        "关于开展督查的通知\n一、重点事项\n"
        "1.实施改厨工程。(责任单位—住建局、畜牧局)\n"
        "2.开展整治。(主责住建局、协同畜牧局)\n"
        "3.加快改造。(住建局为主、畜牧局协助)\n"
        "4.推进创新(协同创新中心牵头)。\n"
    )
    assert roles(plan) == [
        ("一.1", ["住建局", "畜牧局"], []),
        ("一.2", ["住建局"], ["畜牧局"]),
        ("一.3", ["住建局"], ["畜牧局"]),
        ("一.4", ["协同创新中心"], []),  # a body whose name begins with a role word stays a body
    ]


def test_a_name_holding_a_label_is_an_error_not_a_department() -> None:
    plan = parse_text("关于通知\n1.推进工程。(责任单位住建局—协同单位畜牧局)\n2.开展整治(县城管局牵头)。\n")
    graph = PlanGraph(plan)
    assert not [d.name for d in graph.departments() if "单位" in d.name]
    errors = [f for f in plan.findings if f.severity is Severity.ERROR]
    assert errors and "夹着分工的字样" in errors[0].message and errors[0].line == 2


def test_group_addressees_and_shared_governments() -> None:
    def texts(list_text: str) -> list[str]:
        return [n.text for n in parse_names(list_text)]

    # a PDF spaces out brackets and stops; the group stays one addressee
    assert texts("省工信厅、省财政厅, 各市 (地) 、县 (市) 政府 (行署) ") == [
        "省工信厅",
        "省财政厅",
        "各市（地）、县（市）政府（行署）",
    ]
    assert texts("各州、市人民政府") == ["各州、市人民政府"]
    # the governments concerned are a group addressee (ANNOTATION.md, forty-eighth batch ruling)
    assert texts("省发改委、相关市、县政府") == ["省发改委", "相关市、县政府"]
    assert texts("有关部门、相关单位") == []  # no kind of body said: vague
    assert texts("银川市、石嘴山市、吴忠市人民政府") == [
        "银川市人民政府",
        "石嘴山市人民政府",
        "吴忠市人民政府",
    ]
    assert texts("南京市、苏州市") == ["南京市", "苏州市"]


def test_members_who_each_do_their_part() -> None:
    plan = parse_text(
        "安全生产工作要点\n1.开展隐患排查整治(市应急局、市住建局牵头,市安委会各成员单位分工负责)。\n"
    )
    assert roles(plan) == [("1", ["市应急局", "市住建局"], ["市安委会各成员单位"])]


def test_a_table_whose_rows_cannot_be_cut_names_its_header() -> None:
    import pytest

    from matrix.errors import InputError

    text = (
        "附件 职责清单 工作任务和内容 责任单位 配合单位 完成时间 负责全县宣传工作. 县委宣传部 持续开展 "
        "负责督导检查工作. 县委县政府 督查室 持续开展\n"
    )
    with pytest.raises(InputError) as caught:
        parse_text(text)
    message = str(caught.value)
    assert "第1行像是任务表的表头 (工作任务和内容、责任单位、配合单位、完成时间)" in message


def test_a_duty_heading_over_items_that_name_nobody() -> None:
    plan = parse_text(
        "2025年县政府工作报告任务清单\n一、县示范区管委会牵头工作(3项)\n"
        "1.建设南美白对虾养殖基地。\n2.打造食用菌生产基地。\n3.建设劳动密集型产业园。\n"
    )
    assert roles(plan) == [(f"一.{k}", ["县示范区管委会"], []) for k in (1, 2, 3)]


def test_assignments_that_open_a_line() -> None:
    plan = parse_text(
        "治理餐桌污染工作方案\n一、治理畜牧业产品污染\n"
        "由省经贸委承办,省农业厅、省卫生厅协办。治理工作目标:定点屠宰率达85%以上。\n"
        "(一)由省经贸委负责,省农业厅、省环保局配合,加快省级无公害畜禽基地建设。\n"
    )
    assert roles(plan) == [
        ("一.p1", ["省经贸委"], ["省农业厅", "省卫生厅"]),
        ("一.一", ["省经贸委"], ["省农业厅", "省环保局"]),
    ]
    # the assignment stays in the task's words
    assert task(plan, "一.一").text.startswith("由省经贸委负责,省农业厅")


def test_by_with_whatever_the_verb() -> None:
    plan = parse_text(
        "关于政策措施分工的通知\n一、工作分工\n"
        "(一)关于“确保谷物基本自给”的问题,由发展改革委会同中央农办、农业部等部门研究提出落实意见。\n"
        "(二)关于“严守耕地保护红线”的问题,由國土資源部會同農業部等部門負責落實。\n"
    )
    assert roles(plan) == [
        ("一.一", ["发展改革委"], ["中央农办", "农业部"]),
        ("一.二", ["國土資源部"], ["農業部"]),  # traditional script: 會同, 負責落實
    ]


def test_traditional_leader_heading_and_a_list_going_on_under_its_label() -> None:
    plan = parse_text(
        "重點工作責任分解\n一、王浩省長牽頭重點工作\n1.一般公共預算收入與經濟增長同步。\n責任單位:省財政廳\n"
        "2.堅持政府過緊日子。\n責任單位:省政府辦公廳、省財政廳牽頭,省商務廳、省文化廳\n"
    )
    assert roles(plan) == [
        ("一.1", ["省財政廳"], []),
        ("一.2", ["省政府辦公廳", "省財政廳"], ["省商務廳", "省文化廳"]),
    ]
    assert [(o.name, o.role) for o in task(plan, "一.1").others] == [("王浩", "省长牵头")]


def test_a_heading_bracket_over_items_with_brackets_of_their_own() -> None:
    plan = parse_text(
        "大气污染防治重点工作部门分工方案\n一、加快调整能源结构(省发改委总牵头)\n"
        "1.制订煤炭消费总量控制方案。(省经信委、省发改委。列第一位者为牵头部门,下同)\n"
        "2.推进清洁能源替代。\n"
    )
    # the heading leads only what names no lead of its own; it is no task itself
    assert roles(plan) == [("一.1", ["省经信委"], ["省发改委"]), ("一.2", ["省发改委"], [])]


def test_a_flattened_table_lists_towns_one_a_line() -> None:
    plan = parse_text(
        "民生实事任务分解方案\n序号\n事项名称\n项目内容\n牵头单位\n协同单位\n"
        "1\n新建一批中小学校\n实施新建中小学校5家。\n区教体局\n东孝街道\n孝顺镇\n傅村镇\n区发改局\n"
        "2\n“医”心为民工程\n新(改)建村卫生室\n区卫健局\n各乡镇(街道)\n"
    )
    assert roles(plan) == [
        ("1", ["区教体局"], ["东孝街道", "孝顺镇", "傅村镇", "区发改局"]),
        ("2", ["区卫健局"], ["各乡镇（街道）"]),
    ]


def test_a_table_whose_borders_stand_on_lines_of_their_own() -> None:
    cells = [
        "序号", "项目", "重点工作目标任务", "牵头领导", "责任单位",
        "1", "主要预期目标", "1.地区生产总值增长5%以上。", "钱 宇", "★区发改委、统计局",
        "2.一般公共预算收入增长6%以上。", "★区财政局、税务局",
    ]  # fmt: skip
    lines = [x for cell in cells for x in (cell, "|")]
    lines[lines.index("★区财政局、税务局") + 1] = "|||"  # the row's last cells are empty
    plan = parse_text("重点工作目标任务分解落实方案\n" + "\n".join(lines) + "\n")
    assert roles(plan) == [("1.1", ["区发改委"], ["统计局"]), ("1.2", ["区财政局"], ["税务局"])]
    # a cell merged down from the item above: the leader is shared
    assert [o.name for o in task(plan, "1.2").others] == ["钱宇"]


def test_unnamed_bodies_and_a_deadline_at_the_end_of_a_list() -> None:
    plan = parse_text(
        "关于印发放管服改革重点任务的通知\n"
        "1.加大简政放权力度。(牵头单位:州行政审批服务局;责任单位:州司法局、州委编办及州直相关单位,"
        "各县市人民政府,6月底完成)\n"
        "2.做好卫生健康工作。\n牵头责任单位:县卫健委\n主要协作单位:县财政局、有关直属单位、相关乡镇办\n"
    )
    assert roles(plan) == [
        ("1", ["州行政审批服务局"], ["州司法局", "州委编办", "各县市人民政府"]),
        ("2", ["县卫健委"], ["县财政局"]),
    ]
    assert task(plan, "1").deadline == "6月底"


def test_a_name_run_together_with_one_the_plan_names_alone() -> None:
    plan = parse_text(
        "安全整治责任分工\n序号 | 行业名称 | 责任单位 |\n1 | 集贸市场 | 工商质监所 |\n"
        "2 | 娱乐场所 | 文化站、派出所工商质监所 |\n3 | 交通 | 市公安局交警支队 |\n"
    )
    assert roles(plan) == [
        ("1", ["工商质监所"], []),
        ("2", ["文化站", "派出所", "工商质监所"], []),
        ("3", ["市公安局交警支队"], []),  # a branch is never cut from its body
    ]
    assert any("派出所工商质监所" in f.message for f in plan.findings)


def test_a_scoring_column_is_another_role_and_helpers_of_a_lead() -> None:
    plan = parse_text(
        "乡村振兴任务清单\n序号 | 考核内容 | 责任部门 | 评分部门 |\n"
        "1 | 发展休闲渔业 | 县农业农村局 | 市海洋渔业局 |\n"
    )
    assert roles(plan) == [("1", ["县农业农村局"], [])]
    assert [(o.name, o.role) for o in task(plan, "1").others] == [("市海洋渔业局", "评分部门")]
    helped = parse_text(
        "目标责任书\n二、开展市民文明素质提升行动。各乡镇(街道)配合市文明办、市热线办,负责组织实施本辖区工作。\n"
    )
    assert roles(helped) == [("二", ["市文明办", "市热线办"], ["各乡镇（街道）"])]


def test_a_broken_heading_is_no_body_heading() -> None:
    plan = parse_text(
        "分工方案\n1.街道消委办。牵头开展独居老人消防安全关爱工作。\n"
        "2.建设一 批区域医 疗中心。 支持3所医院建设区域医疗中心。\n"
    )
    assert roles(plan) == [("1", ["街道消委办"], [])]
