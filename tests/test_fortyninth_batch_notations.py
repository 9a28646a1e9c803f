"""Notations met in the forty-ninth batch of unseen plans, each in invented text.

A bureau's task table run together whose header has no number column and a text column after its
unit column; a group of the bureau's own divisions written with the other kinds it takes in
(机关各处(室)); a deadline label glued to the last name of a list (…下属事业单位完成时限:); each
body's duties set out on a page that lost its breaks (区财政局:负责…。区规划局:负责…); and a plan
in prose whose items' headings run into the sentence that charges a body (…交通指示标志区交通局要…).
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.parsers.assignment import parse_assignment
from matrix.parsers.names import clean_name, is_organisation
from matrix.text.roles import find_labels

_NOTICE = "某区市场监管局关于印发任务分解表的通知 各处室、各分局:现将任务分解表印发给你们,请认真组织实施。"


def test_a_run_together_table_with_no_number_column_and_a_text_column_after_its_units() -> None:
    plan = parse_text(
        _NOTICE + "附件 任务分解表工作措施工作目标具体内容进度安排负责部门绩效指标"
        "一、制度创新(一)完善专利制度1.制定专利政策贯彻落实强省部署。第二季度:制定管理办法。"
        "第四季度:进行工作总结。知识产权处完成政策的制定工作。"
        "2.加大专利执法力度全面加强专利执法。第二季度:开展联合执法。知识产权处稽查支队各分局年内有阶段性成果。"
        "(二)提升专利质量3.提升专利申请质量保持专利申请稳中有升。全年:开展监测。知识产权处 年内有成效。\n"
    )
    assert roles(plan) == [
        ("一.一.1", ["知识产权处"], []),
        ("一.一.2", ["知识产权处", "稽查支队", "各分局"], []),
        ("一.二.3", ["知识产权处"], []),
    ]
    assert plan.tasks[0].text.startswith("制定专利政策")


def test_a_group_of_own_divisions_keeps_the_kinds_it_takes_in() -> None:
    for written in ("机关各处(室)", "机关相关处（室）", "机关各相关处(室)"):
        name = clean_name(written)
        assert name is not None and name.text.endswith("处（室）")
    assert clean_name("相关处(室)") is None  # names no kind of body: vague
    name = clean_name("市政府办(金融)")
    assert name is not None and name.text == "市政府办"  # a desk of the body, not a group


def test_a_deadline_label_glued_to_a_lists_last_name_leaves_the_name_whole() -> None:
    said = parse_assignment("责任单位:机关各处(室)、分局,下属事业单位完成时限:5月20日")
    assert [n.text for n in said.responsible] == ["机关各处（室）", "分局", "下属事业单位"]
    assert said.deadline == "5月20日"
    # a time limit with the matter it bounds is still one label
    labels = find_labels("问题销号期限:6月底")
    assert labels and labels[0].word == "问题销号期限"


def test_a_page_without_breaks_sets_out_each_bodys_duties_after_a_colon() -> None:
    plan = parse_text(
        "某区环卫设施建设实施方案 一、建设目标 两年内新建垃圾转运站十座,公厕三十座。"
        "二、工作职责 各相关部门工作职责:区交通局:负责环卫设施建设的综合协调,检查指导、督促考核。"
        "区财政局:负责落实环卫设施建设和运行资金。区规划局、区国土局:负责落实环卫设施规划选址和用地。"
        "三、建设标准 新建公厕要严格按国家有关标准进行设计。\n"
    )
    leads = [t.leads for t in plan.tasks]
    assert leads == [["区交通局"], ["区财政局"], ["区规划局", "区国土局"]]
    assert plan.tasks[1].text.startswith("区财政局:负责落实环卫设施")


def test_a_label_that_ends_in_a_body_word_opens_no_list_of_duties() -> None:
    plan = parse_text(
        "某镇人居环境整治实施方案。一、重点任务(一)农村改厕1.改造户用厕所。在尊重农民群众意愿的基础上,"
        "引导农民群众自主改造提升未达到卫生规范的厕屋。责任处室:农业农村处、社会事业处2.提升公厕档次。"
        "因地制宜继续改造升级一批老旧公厕,支持自然村新建改造农村公厕。责任处室:交通建设处、农业农村处"
        "3.推进粪污处理。推动厕所粪污就地就农消纳、综合利用。责任处室:农业农村处\n"
    )
    assert roles(plan) == [
        ("一.一.1", ["农业农村处", "社会事业处"], []),
        ("一.一.2", ["交通建设处", "农业农村处"], []),
        ("一.一.3", ["农业农村处"], []),
    ]


def test_an_items_heading_that_runs_into_the_sentence_charging_a_body() -> None:
    plan = parse_text(
        "某区交通安全专项整治方案\n"
        "一、工作内容\n"
        "(一)完善主干道交通指示标志区交通与建设局要牵头相关单位开展主干道交通标志集中排查。\n"
        "(二)严格查处三轮车违法区公安局交警部门要联合区市场监管局组织开展三轮车清查统一行动。\n"
        "(三)加强宣传教育。要充分利用各类媒体广泛宣传交通安全知识。\n"
    )
    assert roles(plan) == [
        ("一.一", ["区交通与建设局"], []),
        ("一.二", ["区公安局交警部门", "区市场监管局"], []),
    ]


def test_a_section_that_only_sets_up_a_working_group_is_no_task() -> None:
    plan = parse_text(
        "某区交通安全专项整治方案\n"
        "一、组织领导 成立专项整治工作领导小组,由区党工委委员、公安局长陈明为组长,区道安办主任高杰为副组长。"
        "办公室设在区道安办,由高杰主任兼任办公室主任,由区道安办常务副主任李斌主持日常工作。\n"
        "二、工作内容\n"
        "(一)规范停车秩序区公安局交警部门要加大对违法停车的查处力度。\n"
    )
    assert roles(plan) == [("二.一", ["区公安局交警部门"], [])]


def test_a_persons_line_before_the_duty_labels_does_not_make_the_plan_prose() -> None:
    plan = parse_text(
        "某市政府工作报告重点工作任务\n"
        "一、突出工业转型升级\n"
        "1.推进总部中心和省五金科技创新服务中心建设。\n"
        "责任领导:张明;责任单位:总部办、科技局;配合单位:经贸局。\n"
        "2.加大招商引资力度。\n"
        "责任领导:李华;责任单位:外贸局;配合单位:民政局。\n"
    )
    assert roles(plan) == [("一.1", ["总部办", "科技局"], ["经贸局"]), ("一.2", ["外贸局"], ["民政局"])]


def test_a_bureaus_division_named_by_its_function_is_a_body() -> None:
    assert is_organisation("区公安局交警部门")
    assert not is_organisation("市公安局有关部门")


_DUTY_TABLE = (
    "某局关于印发重点工作任务分解表的通知 各处室、各分局:现将任务分解表印发给你们,请认真贯彻落实。"
    "序号项目内容责任领导责任处室责任人完成时间"
    "1建设知识产权服务站，实现优势企业零的突破王 浩知识产权处叶龙海2016年12月"
    "2开展跨境电商企业行政指导工作王 浩江裕森曹承代市场规范处稽查支队食品处叶 峰陈功琳陈国清2016年12月"
    "3推行案管系统江裕森法规处陈 榕2016年3月"
    "4商事登记制度行政许可处林本勇2016年12月"
    "序号项目内容责任领导责任处室责任人完成时间"
    "5食品经营三证合一江裕森 曹承代行政许可处食品处林本勇陈国清2016年6月"
    "6食品安全现场会2016年5月 来源:某局 附件下载\n"
)


def test_a_run_together_cell_of_several_persons_is_cut_into_their_names() -> None:
    plan = parse_text(_DUTY_TABLE)
    row = plan.tasks[1]
    assert row.leads == ["市场规范处", "稽查支队", "食品处"]
    assert [o.name for o in row.others] == ["王浩", "江裕森", "曹承代", "叶峰", "陈功琳", "陈国清"]
    # a space may stand between two names of the leader's cell
    assert [o.name for o in plan.tasks[4].others] == ["江裕森", "曹承代", "林本勇", "陈国清"]


def test_a_merged_leader_cell_and_a_header_printed_again_keep_the_run_together_table_going() -> None:
    plan = parse_text(_DUTY_TABLE)
    assert [t.outline[-1] for t in plan.tasks] == ["1", "2", "3", "4", "5", "6"]
    # row 4 names its division and person; its leader's cell is row 3's, merged
    assert plan.tasks[3].text == "商事登记制度"
    assert plan.tasks[3].leads == ["行政许可处"]
    assert [o.name for o in plan.tasks[3].others] == ["江裕森", "林本勇"]
    # row 6 names nobody: all its cells are merged into row 5's, and the page's words after the
    # last date are not the row's
    assert plan.tasks[5].leads == ["行政许可处", "食品处"]
    assert plan.tasks[5].text == "食品安全现场会"


def test_a_run_together_table_whose_number_column_numbers_groups_of_rows() -> None:
    plan = parse_text(
        "某区2016年环境保护工作要点 一、推进生态文明建设。全年完成造林任务。 附件:工作要点分工表 "
        "序号主要工作任务具体工作措施完成时限主要责任单位任务来源"
        "1推进生态文明建设1、建立生态文明建设领导机制3月区经发局区环土局1、区2016年工作要点(区委〔2016〕5号)"
        "2、全省环境保护工作会议 2、制定生态环境保护实施方案6月区环土局 "
        "3、组织编制生态文明建设规划12月区环土局"
        "2分解推动目标责任的落实4、分解细化2016年生态环保目标责任到各乡镇3月区环土局 1、2016年目标责任书"
        "5、对各乡镇开展环保综合督查全年区环土局区交建局相关乡镇人民政府 注:主要责任单位第一个为牵头单位,"
        "其余为主要配合单位。 某区管委会办公室 2016年3月30日印发\n"
    )
    assert [(i.removeprefix("一."), leads, helpers) for i, leads, helpers in roles(plan)] == [
        ("1.1", ["区经发局"], ["区环土局"]),
        ("1.2", ["区环土局"], []),
        ("1.3", ["区环土局"], []),
        ("2.4", ["区环土局"], []),
        ("2.5", ["区环土局"], ["区交建局", "相关乡镇人民政府"]),
    ]
    # the 任务来源 cell is a cell of its own, after the task's; a group's name heads its rows
    assert plan.tasks[-5].text.split("\n") == [
        "建立生态文明建设领导机制",
        "1、区2016年工作要点(区委〔2016〕5号)2、全省环境保护工作会议",
    ]
    assert plan.tasks[-2].text.startswith("分解细化2016年")


def test_a_main_responsible_column_alone_is_read_as_the_bodies_responsible() -> None:
    from matrix.parsers.table import read_header

    header = read_header(["序号", "工作任务", "主要责任单位", "完成时限"])
    assert header is not None and header.kinds[2] == "responsible"
    # beside a column of helpers or of those responsible it stays the lead column
    header = read_header(["序号", "工作任务", "主要责任单位", "协同配合单位"])
    assert header is not None and header.kinds[2] == "lead"


def test_a_section_number_written_twice_on_a_page_without_breaks_still_opens_its_items() -> None:
    plan = parse_text(
        "某区积极推进互联网加行动实施方案。一、总体要求全面推进互联网与各领域融合发展。二、发展目标到2018年,"
        "互联网经济规模明显扩大。三、重点行动(一)互联网加农业推进物联网技术在农业生产中的应用。"
        "牵头单位:区农业局,配合单位:区经发局三、保障措施(一)夯实网络基础加快实施宽带工程和光网工程。"
        "牵头单位:区通管办,配合单位:各电信运营企业(二)强化知识产权保护加强知识产权和消费者权益保护。"
        "牵头单位:区市场监管局,配合单位:区社会事业局\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区农业局"], ["区经发局"]),
        (["区通管办"], ["各电信运营企业"]),
        (["区市场监管局"], ["区社会事业局"]),
    ]


def test_a_labelled_list_ending_in_bodies_it_does_not_name_ends_before_the_next_stretch() -> None:
    plan = parse_text(
        "某区行动方案\n"
        "(一)加强协调沟通。要充分发挥领导小组作用。牵头单位:区经济发展局,配合单位:区相关部门"
        "广泛宣传推广。宣传部门要把互联网加列为宣传重点。牵头单位:区宣传部,配合单位:区文旅局\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区经济发展局"], []),
        (["区宣传部"], ["区文旅局"]),
    ]


def test_a_party_committees_department_is_one_body_and_its_short_name_takes_the_full_one() -> None:
    plan = parse_text(
        "某区公立医院综合改革实施方案\n"
        "1.建立现代医院管理制度。(责任单位:区社会事业局、区党工委党群工作部、区党工委)\n"
        "2.推进院长聘任制。(责任单位:党工委党群工作部、区社会事业局)\n"
        "3.落实公立医院用人自主权。(责任单位:党群工作部、区财政金融局)\n"
    )
    assert [t.leads for t in plan.tasks] == [
        ["区社会事业局", "区党工委党群工作部", "区党工委"],
        ["区党工委党群工作部", "区社会事业局"],
        ["区党工委党群工作部", "区财政金融局"],
    ]


_PROJECT_TABLE = (
    "某区签约项目任务分解表 序号 项目名称 项目内容 投资额 企业方联系人及联系方式 牵头领导 责任单位 "
    "责任单位负责人 负责事项 一、台资签约项目 "
    "1 海峡保险项目 某保险公司拟在本区设立中心支公司。 10 叶勤13509351223 郭小童 区财政金融局 邓连生 "
    "区财政金融局负责对接。 "
    "2 健康园项目 某集团拟设立健康养老社区等项目。 85 章万纯 13641099071 谭运涛 区社会事业局 区财政金融局 "
    "流水小城镇综合试点 区招商局 欧阳晓波 邓连生 刘建宁 李华 区社会事业局负责对接。 "
    "3 高新产业园项目 某集团拟与区属国企共同开发产业园。 50 曹青15527704326 谭运涛 林杰 牵头单位： "
    "岚城片区开发管理局 配合单位： 区环境与国土资源局 区规划局 郑宇 孙树群 王天军 "
    "岚城片区开发管理局负责对接。 "
    "4 风能博物馆项目 建设风能博物馆建筑主体工程。 1 陈江新 18605929293 陈东荣 "
    "牵头单位：区社会事业局配合单位：区经济发展局 欧阳晓波 钟官和 区社会事业局负责牵头对接。\n"
)


def test_a_spaced_row_keeps_a_contacts_telephone_number_out_of_the_names() -> None:
    plan = parse_text(_PROJECT_TABLE)
    assert [o.name for o in plan.tasks[0].others] == ["叶勤", "郭小童", "邓连生"]
    assert [o.name for o in plan.tasks[1].others][:2] == ["章万纯", "谭运涛"]


def test_a_spaced_role_cell_holds_a_body_no_ending_gives_away_and_labels_of_its_own() -> None:
    plan = parse_text(_PROJECT_TABLE)
    assert plan.tasks[1].leads == ["区社会事业局", "区财政金融局", "流水小城镇综合试点", "区招商局"]
    assert (plan.tasks[2].leads, plan.tasks[2].participants) == (
        ["岚城片区开发管理局"],
        ["区环境与国土资源局", "区规划局"],
    )
    assert [o.name for o in plan.tasks[2].others][:2] == ["曹青", "谭运涛"]
    # a body and the next label typed as one word: the body is the first label's
    assert (plan.tasks[3].leads, plan.tasks[3].participants) == (["区社会事业局"], ["区经济发展局"])


def test_a_section_of_duties_on_a_page_without_breaks_gives_each_body_its_stretch() -> None:
    plan = parse_text(
        "某片区湾滩长制实施方案。一、组织体系(一)组织架构成立湾滩长制工作领导小组,办公室设在资源生态处。"
        "(二)职责分工片区各成员按照职责分工,加强协调配合,具体如下:农业农村处在区农业农村局的指导下,"
        "配合协同做好农业废弃物综合利用。交通与建设处在区交通与建设局的指导下,做好城镇生活污水治理。"
        "资源生态处负责辖区内海洋生态环境属地监管工作。财政经管办负责统筹保障湾滩长制工作经费。"
        "二、工作任务(一)管控陆海污染物排放。推进近岸海域污染防治专项整改工作。\n"
    )
    assert [(t.leads, [(o.name, o.role) for o in t.others]) for t in plan.tasks] == [
        (["农业农村处"], [("区农业农村局", "指导")]),
        (["交通与建设处"], [("区交通与建设局", "指导")]),
        (["资源生态处"], []),
        (["财政经管办"], []),
    ]


def test_a_flattened_row_whose_task_cell_is_merged_above_opens_with_its_units() -> None:
    plan = parse_text(
        "某委城市交通建设任务分解表\n\n序号\n\n内容\n\n牵头部门\n\n配合部门\n\n2024年工作任务\n\n2025年工作计划\n\n"
        "1\n\n科学编制综合交通规划\n\n综合规划处\n\n委内各相关处室\n\n完善规划编制基本思路。\n\n启动规划编制。\n\n"
        "2\n\n推进快速路建设\n\n综合规划处\n\n—\n\n推进轨道交通工可调整。\n\n推进四期建设规划编制。\n\n"
        "3\n\n交通建设处\n\n设施养护处\n\n推进漕宝路快速路项目建设。\n\n推进快速路项目建设。\n\n"
        "4\n\n客运处\n\n—\n\n推进公交站点品质提升。\n\n推进公交站点品质提升项目。\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["综合规划处"], []),  # 委内各相关处室: the commission's own divisions, which not said
        (["综合规划处"], []),
        (["交通建设处"], ["设施养护处"]),
        (["客运处"], []),
    ]
    assert plan.tasks[2].text.startswith("推进漕宝路快速路项目建设")


def test_a_bodys_divisions_concerned_are_named_but_a_bare_or_inside_set_is_vague() -> None:
    from matrix.parsers.names import is_vague

    assert is_vague("委内各相关处室") and is_vague("相关处室")
    assert not is_vague("省药监局相关处室") and not is_vague("各处室")


def test_a_label_of_two_roles_joined_by_or_names_the_lead() -> None:
    from matrix.text.roles import LabelKind, read_label

    label = read_label("责任单位或牵头单位")
    assert label is not None and label.kind is LabelKind.LEAD
    plan = parse_text(
        "某市创建园林城市任务分解表\n"
        "序号 | 工作内容及要求 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |\n"
        "1 | 禁止开发城市周围的自然山体,保护植被。 | 市规划局 | 市国土资源局 | 2010年9月20日前 |\n"
    )
    assert (plan.tasks[0].leads, plan.tasks[0].participants) == (["市规划局"], ["市国土资源局"])


def test_a_roster_sentence_names_a_group_of_towns_and_a_zone_among_its_members() -> None:
    from matrix.parsers.clauses import read_clause

    said = read_clause("区建管委、区公安分局(交管)、区水务局及各街镇、经开区为成员单位")
    assert said is not None
    assert [n.text for n in said.participants] == ["区建管委", "区公安分局", "区水务局", "各街镇", "经开区"]


def test_a_body_that_does_the_work_with_another_in_prose_shares_it() -> None:
    from matrix.parsers.clauses import read_clause

    said = read_clause("市发展改革委会同市经济信息化委发布零碳园区申报通知")
    assert said is not None
    assert [n.text for n in said.responsible] == ["市发展改革委", "市经济信息化委"]


def test_bodies_alone_before_a_comma_share_the_part_of_the_bodies_after_it() -> None:
    plan = parse_text(
        "某市清欠工作分工方案\n"
        "一、市清欠办负责制定全市清欠工作方案,组织工作会议。\n"
        "二、上街区人民政府,郑州高新区管委会、郑东新区管委会是各自辖区清欠工作第一责任人并负总责。\n"
    )
    assert plan.tasks[1].leads == ["上街区人民政府", "郑州高新区管委会", "郑东新区管委会"]


def test_a_spaced_table_whose_cells_say_each_bodys_part_and_whose_rows_have_sub_rows() -> None:
    plan = parse_text(
        "某片区消防安全大排查工作方案 各处室:现将方案印发给你们,请认真贯彻落实,确保各项工作落到实处。 "
        "附件 工作任务清单 序号 工作任务 工作内容 责任单位及分工 完成时限 "
        "1 全面动员部署工作 各部门各单位要全面发动,召开专题会议进行动员部署。 各处室 东庠办事处 "
        "2022年4月8日前 "
        "2 深化重点领域消防安全隐患治理 组织对工业集中区开展消防安全综合治理 经济发展处配合区经发局、"
        "消防救援支队落实 2022年4月20日前 组织对群租房开展消防安全综合治理 政法综治处落实 2022年4月20日前 "
        "组织对电动自行车开展消防安全综合治理 政法综治处牵头, 交通与建设处配合 2022年4月20日前 "
        "3 开展消防安全宣传 组织消防宣讲人员深入群租房开展消防宣传。 各包村处室 各村居 2022年4月15日前\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["各处室", "东庠办事处"], []),
        (["区经发局", "消防救援支队"], ["经济发展处"]),
        (["政法综治处"], []),
        (["政法综治处"], ["交通与建设处"]),
        (["各包村处室", "各村居"], []),
    ]


def test_a_group_of_villages_run_together_with_the_bodies_before_it_is_a_name_of_its_own() -> None:
    plan = parse_text(
        "某片区消防工作责任分解表 序号重点工作任务责任单位工作落实情况一、健全消防安全责任"
        "1认真学习贯彻消防工作的决策部署,研究贯彻落实措施。各处室(中心)各行政村(社区) "
        "2健全消防安全工作领导组织机构和管理制度。政法综治处各行政村 "
        "3推进低收入群体居住场所消防安全改造项目。各处室(中心)东庠办事处各村居\n"
    )
    assert [t.leads for t in plan.tasks] == [
        ["各处室（中心）", "各行政村（社区）"],
        ["政法综治处", "各行政村"],
        ["各处室（中心）", "东庠办事处", "各村居"],
    ]


def test_in_a_section_of_duties_an_item_opening_with_a_body_and_what_it_is_to_do_is_its_task() -> None:
    plan = parse_text(
        "某片区发展壮大村级集体经济实施方案\n"
        "一、职责分工\n"
        "(一)各行业管理部门要按照职责分工深入现场指导。\n"
        "(二)财政经管办要结合各村实际,制定一村一策具体实施办法。\n"
        "(三)资源生态处围绕如何做好退耕还林等方面做好业务指导。\n"
        "(四)社会事业处负责与教育部门对接,推进闲置校舍利用。\n"
        "二、保障措施\n"
        "(一)强化资金保障。积极申报扶持补助资金。(责任单位:财政经管办)\n"
    )
    assert [t.leads for t in plan.tasks] == [["财政经管办"], ["资源生态处"], ["社会事业处"], ["财政经管办"]]


def test_the_work_after_the_body_helped_is_no_part_of_its_name() -> None:
    said = parse_assignment("社会事业处配合区社会事业局负责养老院")
    assert ([n.text for n in said.leads], [n.text for n in said.participants]) == (
        ["区社会事业局"],
        ["社会事业处"],
    )
    said = parse_assignment("区财政局配合区发改委做好资金保障")
    assert [n.text for n in said.leads] == ["区发改委"]


def test_a_sub_heading_of_a_duty_section_may_name_a_kind_of_body() -> None:
    plan = parse_text(
        "某区建筑垃圾管理实施方案\n"
        "一、分工与职责\n"
        "(一)区绿化市容局\n"
        "负责本区建筑垃圾处置的监督管理。\n"
        "(二)物业服务企业\n"
        "负责做好居住区装修垃圾投放管理。\n"
        "(三)有关单位\n"
        "做好配合工作。\n"
    )
    assert [t.leads for t in plan.tasks] == [["区绿化市容局"], ["物业服务企业"]]


def test_words_after_a_lines_last_label_run_are_the_stretch_the_next_labelled_line_assigns() -> None:
    plan = parse_text(
        "某区推进互联网加行动实施方案\n"
        "一、保障措施\n"
        "(一)营造积极发展环境构建开放包容环境。全面放宽融合性产品和服务的市场准入限制。"
        "牵头单位:区经发局发改处,配合单位:区通管办大力发展创投基金。加快建立互联网经济投融资模式。"
        "牵头单位:区财金局,配合单位:人行平潭支行强化信用建设应用。创建公平竞争的创业创新环境。\n"
        "牵头单位:区信用办,配合单位:区市场监管局\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区经发局发改处"], ["区通管办"]),
        (["区财金局"], ["人行平潭支行"]),
        (["区信用办"], ["区市场监管局"]),
    ]
    # the first stretch opens with the item's heading; the last holds the words after the last run
    assert plan.tasks[0].text.startswith("营造积极发展环境")
    assert plan.tasks[2].text.startswith("强化信用建设应用")


def test_a_list_of_duties_by_function_after_its_heading_on_a_page_without_breaks() -> None:
    plan = parse_text(
        "某区清剿火患战役工作方案 一、工作目标 全面排查整治火灾隐患,坚决遏制重特大火灾事故的发生。"
        "二、整治重点 (一)人员密集场所。重点整治违规使用易燃可燃材料装修的行为。"
        "三、部门职责教育部门:组织、指导和督促各类学校的火灾隐患排查整治工作。公安机关:负责对消防安全重点单位"
        "的检查、指导。民政部门:组织、指导和督促养老院等社会福利机构的火灾隐患排查整治工作。"
        "四、工作要求 各单位要加强组织领导,落实工作责任。\n"
    )
    assert [t.leads for t in plan.tasks] == [["教育部门"], ["公安机关"], ["民政部门"]]
