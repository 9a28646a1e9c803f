"""Notations met in the fortieth to forty-fourth batches of unseen plans, each in invented text.

A task table typed with single spaces on a page stored on one line, its rows cut at their bare
numbers; a header at a paragraph's end that opens with its task column, set out letter by letter;
header words that name the bodies another organisation appointed (党工委管委会牵头部门), a bureau's
own division (本局责任处(单位)) or a person of a body (责任单位负责人); unnumbered items run together
on one line, each ended by its 部门分工 sentence; a list of helpers that commas broke; and a table
copied without its header.
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.model import Line
from matrix.parsers.names import may_be_person
from matrix.parsers.reflow import join_barred_cells
from matrix.parsers.table import column_kind
from matrix.text.roles import LabelKind, read_label


def test_a_table_typed_with_spaces_on_a_pages_one_line_is_cut_at_its_row_numbers() -> None:
    plan = parse_text(
        "某区管委会办公室关于印发签约项目推进方案的通知 各单位: 现将推进方案印发给你们。"
        "一、总体要求 各单位要加快推进签约项目落地,做好跟踪服务和要素保障工作,确保项目早日建成投产。 "
        "附件 签约项目任务分解表 序号 项目名称 项目内容 投资额 牵头领导 责任单位 负责事项 "
        "一、台资项目 1 海峡保险项目 某保险公司拟在本区设立分公司。 10 张明 区财政金融局 "
        "区财政金融局负责对接。 2 高新产业园项目 某集团拟与区属国企共同开发产业园。 50 李华 "
        "区经济发展局 区规划局 区经济发展局负责对接。 "
        "二、内资项目 3 物流总部项目 某物流公司拟在本区设立总部。 2 王强 区商务局 区商务局负责对接。\n"
    )
    assert roles(plan) == [
        ("一.1", ["区财政金融局"], []),
        ("一.2", ["区经济发展局", "区规划局"], []),
        ("二.3", ["区商务局"], []),
    ]
    assert [o.name for o in plan.tasks[0].others] == ["张明"]
    assert plan.tasks[2].text.startswith("物流总部项目")


def test_a_figure_that_is_the_next_rows_number_does_not_cut_the_row() -> None:
    plan = parse_text(
        "某区关于印发重点项目推进方案的通知 各单位: 现将方案印发给你们,请认真贯彻执行,确保各项目按期推进。"
        "附件 重点项目任务分解表 序号 项目名称 投资额 牵头领导 责任单位 "
        "1 滨海旅游度假区项目 2 赵刚 区文旅局 2 海洋研究中心项目 3 孙丽 区海洋局 "
        "3 港口物流园区项目 20 周伟 区交通局\n"
    )
    assert roles(plan) == [("1", ["区文旅局"], []), ("2", ["区海洋局"], []), ("3", ["区交通局"], [])]


def test_a_header_at_a_paragraphs_end_may_open_with_its_task_column_set_out_letter_by_letter() -> None:
    plan = parse_text(
        "附件 某局2016年政务公开工作任务分解表 工 作 任 务 党工委管委会牵头部门 本局责任处（单位） "
        "工\u3000作\u3000要\u3000求\n"
        "一、推进权力清单公开\n"
        "1.公开权力清单和责任清单 区行政审批局 综合处牵头，各处配合落实 通过门户网站集中展示。\n"
        "2.推进监管执法信息公开 区市场监管局 执法处牵头落实 公开执法依据和结果。\n"
    )
    assert roles(plan) == [("一.1", ["综合处"], ["各处"]), ("一.2", ["执法处"], [])]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("区行政审批局", "党工委管委会牵头部门")]


def test_header_words_of_an_appointing_body_a_division_and_a_bodys_person() -> None:
    assert column_kind("党工委管委会牵头部门") == "other:党工委管委会牵头部门"
    assert column_kind("本局责任处（单位）") == "responsible"
    assert column_kind("责任单位负责人") == "leader"
    assert column_kind("企业方联系人及联系方式") == "leader"
    assert column_kind("区直牵头部门") == "lead"
    # a division's name is no label: its role words are part of the name
    for name in ("考评处", "项目推进处", "综合协调处"):
        assert read_label(name) is None
    label = read_label("省政府牵头单位")
    assert label is not None and label.kind is LabelKind.LEAD


def test_unnumbered_items_on_one_line_each_end_with_their_division_of_work() -> None:
    plan = parse_text(
        "近日\n某省政府印发\n工作任务分工方案\n一起来看看吧\n"
        "粮食产量稳定在1200万吨以上 部门分工:省农业农村厅牵头,各地配合。 "
        "大力推进产业集群建设 工作措施:完成产业集群政策文件的评估及修订工作。 "
        "部门分工:省工业和信息化厅牵头,省发展改革委、科技厅等配合。 "
        "促进数字经济发展 工作措施:实施数字化转型工程。 部门分工:省工业和信息化厅牵头,省委网信办,"
        "省发展改革委、商务厅,省通信管理局等配合。\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["省农业农村厅"], ["各地"]),
        (["省工业和信息化厅"], ["省发展改革委", "科技厅"]),
        (["省工业和信息化厅"], ["省委网信办", "省发展改革委", "商务厅", "省通信管理局"]),
    ]
    assert plan.tasks[0].text.startswith("粮食产量稳定")


def test_helpers_listed_across_commas_all_take_part() -> None:
    plan = parse_text(
        "1.推进数字政府建设。\n部门分工:市数据局牵头,市委网信办,市发展改革委、市财政局,市通信管理局等配合。\n"
    )
    assert roles(plan) == [("1", ["市数据局"], ["市委网信办", "市发展改革委", "市财政局", "市通信管理局"])]


def test_a_table_copied_without_its_header_is_read_by_what_its_columns_hold_and_reported() -> None:
    cells = [
        ["1", "一、主要预期目标", "农村居民收入增长6%以上。", "法规科", "张明", "2024年底前", "5555309"],
        ["2", "粮食产量稳定在100亿斤以上。", "市农技中心", "李华", "2024年底前", "5555097"],
        ["3", "二、加快产业发展", "农产品加工业产值增长15%以上。", "产业科", "王强", "2024年底前", "5555309"],
        ["4", "发展预制菜产业,产值突破100亿元。", "产业科\n市畜牧中心", "王强", "2024年底前", "5555309"],
    ]
    text = "\n|\n".join("\n|\n".join(row) for row in cells) + "\n|\n"
    plan = parse_text(text)
    assert roles(plan) == [
        ("一.1", ["法规科"], []),
        ("一.2", ["市农技中心"], []),
        ("二.3", ["产业科"], []),
        ("二.4", ["产业科", "市畜牧中心"], []),
    ]
    assert [(o.name, o.role) for o in plan.tasks[1].others] == [("李华", "责任人")]
    assert any("表格没有表头" in f.message for f in plan.findings)


def test_a_numbered_list_with_no_table_is_not_taken_for_a_table_without_header() -> None:
    plan = parse_text(
        "1\n|\n推进项目建设。\n|\n2\n|\n加强宣传。\n|\n3\n|\n强化督查。\n|\n4\n|\n落实保障。\n|\n"
        "二、组织保障\n(一)加强领导。(市政府办牵头)\n"
    )
    assert roles(plan) == [("二.一", ["市政府办"], [])]
    assert not any("表格没有表头" in f.message for f in plan.findings)


def test_bodies_one_a_line_in_a_bordered_cell_stay_apart() -> None:
    texts = ["1", "|", "推进", "|", "产业科", "市畜牧中心", "|", "张明", "|"]
    texts += ["2", "|", "宣传", "|", "法规科", "|", "李华", "|"]
    lines = [Line(k, t) for k, t in enumerate(texts, 1)]
    assert [line.text for line in join_barred_cells(lines)][4:6] == ["产业科、市畜牧中心", "|"]


def test_paragraphs_each_naming_a_body_before_a_colon_are_a_list_of_duties() -> None:
    plan = parse_text(
        "2022年防汛抗旱应急预案\n"
        "乡镇政府:建立乡镇交通安全管理站。管理站负责乡镇区域内的交通安全宣传教育。\n"
        "交通部门:结合实际,制定农村道路客运网络的相关政策;加快实施“村村通”工程。\n"
        "公安交警部门:指导、协调全市农村道路交通安全管理工作机制的建设工作。\n"
    )
    assert [t.leads for t in plan.tasks] == [["乡镇政府"], ["交通部门"], ["公安交警部门"]]
    assert not [f for f in plan.findings if "没有读懂标签" in f.message]


def test_a_single_body_and_its_duty_after_a_colon_is_a_task() -> None:
    plan = parse_text("县自然资源局:负责因暴雨引发地质灾害的调查、监测和防治工作。\n")
    assert [t.leads for t in plan.tasks] == [["县自然资源局"]]


def test_a_label_before_a_colon_and_its_bodies_is_still_a_label_line() -> None:
    plan = parse_text("1.加强农村道路管理。\n责任部门:县交通局、县公安局\n")
    assert roles(plan) == [("1", ["县交通局", "县公安局"], [])]


def test_a_two_column_table_of_bodies_and_their_duties() -> None:
    plan = parse_text(
        "与相关部门的职责边界\n相关部门\n\n职责分工\n\n区公安分局\n\n维护考点周边安全、试卷运送保管安全保障。\n\n"
        "区教育局\n\n负责高考、中考的具体组织、实施和协调工作。\n\n区市场监管局\n\n考点周边餐饮卫生检查。\n\n"
        "相关依据\n\n《关于做好考试安全工作的通知》。\n\n案例\n\n高考前夕,区政府牵头,组织召开联席会议。\n"
    )
    assert [t.leads for t in plan.tasks] == [["区公安分局"], ["区教育局"], ["区市场监管局"]]


def test_a_numbered_table_whose_bodies_column_says_no_role() -> None:
    plan = parse_text(
        "序号 |\n部门 |\n事权清单 |\n1 |\n市委宣传部 |\n1.负责指导食品安全宣传教育。 2.负责舆论引导。 |\n"
        "2 |\n市委政法委 |\n1.牵头推动完善执法司法政策。 |\n"
        "3 |\n市发展改革局 |\n1.衔接平衡食品安全发展战略。 |\n"
    )
    assert roles(plan) == [("1", ["市委宣传部"], []), ("2", ["市委政法委"], []), ("3", ["市发展改革局"], [])]


def test_a_label_alone_on_its_line_takes_its_value_past_a_blank_line() -> None:
    plan = parse_text(
        "光明区2020年民生实事\n\n进一步完善托育服务体系\n\n牵头单位:\n\n光明区卫生健康局\n\n协办单位:\n\n区妇联\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["光明区卫生健康局"], ["区妇联"])]


def test_a_group_with_the_kinds_of_body_it_takes_in_and_a_vague_one() -> None:
    plan = parse_text(
        "1.贯彻落实意识形态工作责任制。\n(责任部门:各处〈室、局〉)\n2.建立完善规章制度。\n(责任部门:相关处〈室、局〉)\n"
    )
    assert [t.leads for t in plan.tasks] == [["各处（室、局）"]]


def test_a_bracket_closing_a_sections_last_item_assigns_the_whole_section() -> None:
    plan = parse_text(
        "三、主要任务\n（一）合理配置医疗资源\n1.科学编制卫生事业发展规划。\n2.加快医疗资源建设。\n"
        "3.大力扶持社会资本办医。（责任单位：区卫健局、区发改局）\n"
        "（二）深化医院管理制度改革\n1.落实公立医院经营管理自主权。\n2.建立院长任职资格管理制度。\n"
        "3.建立激励约束机制。（责任单位：区卫健局、区人社局）\n"
    )
    assert roles(plan) == [("三.一", ["区卫健局", "区发改局"], []), ("三.二", ["区卫健局", "区人社局"], [])]
    assert "加快医疗资源建设" in plan.tasks[0].text


def test_items_each_ending_in_a_bracket_stay_tasks_of_their_own() -> None:
    plan = parse_text(
        "（一）推动收储一批\n1.开展收储出让。（各街镇、区规划资源局）\n2.加强资金支持。（区属国企）\n"
        "3.加强转让监管。（区经委、区市场监管局）\n"
    )
    assert [t.id for t in plan.tasks][-1] == "一.3"
    assert roles(plan)[-1] == ("一.3", ["区经委", "区市场监管局"], [])


def test_a_run_together_table_whose_sections_number_their_rows_afresh() -> None:
    plan = parse_text(
        "附件：综合改革一览表主线项目主要内容责任单位完成时限（一）合理配置医疗资源1科学编制卫生发展规划"
        "①结合总体规划提出目标任务。②调整医疗机构设置规划。医改办、社会事业局、经济发展局2015年6月"
        "2加快医疗资源建设①加快协和医院建设。②县医院与中楼卫生院举办医联体。社会事业局、各县级公立医院常年"
        "（二）深化医院管理制度改革1落实公立医院独立法人地位医院在人事管理方面自主决定。医改办、党群工作部2015年12月"
        "2建立院长任职资格管理制度探索实行院长聘任制。社会事业局、财政金融局2015年12月\n"
    )
    assert roles(plan) == [
        ("一.1", ["医改办", "社会事业局", "经济发展局"], []),
        ("一.2", ["社会事业局", "各县级公立医院"], []),
        ("二.1", ["医改办", "党群工作部"], []),
        ("二.2", ["社会事业局", "财政金融局"], []),
    ]
    assert [t.deadline for t in plan.tasks] == ["2015年6月", "常年", "2015年12月", "2015年12月"]


def test_a_run_together_table_carried_on_from_the_page_before_with_roles_in_words() -> None:
    plan = parse_text(
        "重点任务分工清单\n(上接第三版)\n"
        "序号工作任务责任单位21树立婚育新风。构建新型婚育文化。省委宣传部、省妇联牵头;团省委、省广电局配合;"
        "各州(市)党委和政府落实22实行特别扶助制度。地方各级政府应当对困难老年人发放护理补贴。省财政厅牵头;"
        "省民政厅配合;各州(市)党委和政府落实23依申请给予医疗救助。省医保局牵头;省民政厅配合;各州(市)党委和政府落实\n"
    )
    assert roles(plan) == [
        ("21", ["省委宣传部", "省妇联"], ["团省委", "省广电局"]),
        ("22", ["省财政厅"], ["省民政厅"]),
        ("23", ["省医保局"], ["省民政厅"]),
    ]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("各州（市）党委和政府", "落实")]


def test_labelled_runs_glued_into_a_line_each_close_a_stretch() -> None:
    plan = parse_text(
        "（七）“互联网+”益民服务\n1．行动目标。创新服务模式。\n"
        "2．主要任务“互联网+”便民服务：推进在社会救助领域的应用。牵头单位：区行政审批局，配合单位：区通管办"
        "“互联网+”医疗卫生：积极提供预约诊疗服务。牵头单位：区卫生局“互联网+”教育：建设教育资源公共服务平台。"
        "牵头单位：区教育局，配合单位：区财政局，区通管办大力发展在线教育。\n"
    )
    assert roles(plan) == [
        ("七.s1", ["区行政审批局"], ["区通管办"]),
        ("七.s2", ["区卫生局"], []),
        ("七.s3", ["区教育局"], ["区财政局", "区通管办"]),
    ]
    assert plan.tasks[0].text.startswith("“互联网+”益民服务")


def test_a_label_line_that_runs_on_into_the_next_stretchs_text_is_cut_there() -> None:
    plan = parse_text(
        "1.推进环保信息化。完善环境监测网络。\n牵头单位：区环土局，配合单位：区经发局“互联网+”林业。实施林业资源智能监管。\n"
        "牵头单位：区农村发展局\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区环土局"], ["区经发局"]),
        (["区农村发展局"], []),
    ]
    assert all(len(n) < 10 for t in plan.tasks for n in t.participants)


def test_a_sentence_label_is_read_whole_past_a_quotation() -> None:
    plan = parse_text(
        "（三）整治提升“三边三节点”\n实施内容：加强沿线道路的综合整治。责任分工：区规划局负责开展“三边三节点”规划编制工作，"
        "金井片区开发管理局组织实施，区交通与建设局业务检查指导。\n"
    )
    assert plan.tasks[0].leads == ["区规划局"]
    assert "金井片区开发管理局" in [o.name for o in plan.tasks[0].others]


def test_a_run_together_table_after_its_title_with_groups_in_its_units() -> None:
    plan = parse_text(
        "附件2022年全区政务公开工作主要任务分解表工作任务工作要求牵头单位配合/责任单位一、加强市场主体信息公开"
        "1.增强政策制定实施的透明度。 区直各有关单位，各区属事业单位，"
        "各片区管理局、各乡镇人民政府（街道办事处）"
        "2.建立审批问题办理和反馈机制。区经济发展局区行政审批局区直各有关单位，各区属事业单位"
        "3.持续推进反垄断执法信息公开工作。 区直各有关单位，各片区管理局\n"
    )
    tasks = [(t.leads, t.participants) for t in plan.tasks]
    assert tasks[0][0] + tasks[0][1] == ["各区属事业单位", "各片区管理局", "各乡镇人民政府（街道办事处）"]
    assert tasks[1] == (["区经济发展局", "区行政审批局"], ["各区属事业单位"])
    assert tasks[2][0] + tasks[2][1] == ["各片区管理局"]


def test_run_together_rows_ending_in_a_date_and_rows_merged_into_the_one_above() -> None:
    plan = parse_text(
        "附件区市场监督管理局2016年主要任务责任分解表 序号项目内容责任领导责任处室责任人完成时间"
        "1区知识产权试点企业培育，实现零的突破王 浩知识产权处叶龙海2016年12月"
        "2引导知识产权服务机构入驻平潭2016年12月"
        "3推行“六合一”案管系统江裕森法规处陈 榕2016年3月\n"
    )
    assert roles(plan) == [("1", ["知识产权处"], []), ("2", ["知识产权处"], []), ("3", ["法规处"], [])]
    assert [o.name for o in plan.tasks[2].others] == ["江裕森", "陈榕"]
    assert [t.deadline for t in plan.tasks] == ["2016年12月", "2016年12月", "2016年3月"]
    assert any("表格第2行没有单位, 已沿用上一行的单位" in f.message for f in plan.findings)


def test_a_word_may_be_a_persons_name_only_after_a_common_surname() -> None:
    assert may_be_person("江裕森") and may_be_person("王 浩")
    assert not may_be_person("管理处") and not may_be_person("知识产") and not may_be_person("市场规范处")


def test_bare_lists_of_bodies_each_closing_a_sentence_are_its_assignment() -> None:
    plan = parse_text(
        "11、积极推动城市圈联动发展,提升整体实力(省发改委、交通厅、商务厅、城市圈9市等)。"
        "加快推进航运中心、机场扩建等工程建设(省发改委、交通厅、机场集团公司)。"
        "推动经济带建设,尽快建成一批区域性中心城市(省发改委、建设厅等)。\n"
    )
    assert [t.leads[:2] for t in plan.tasks] == [
        ["省发改委", "交通厅"],
        ["省发改委", "交通厅"],
        ["省发改委", "建设厅"],
    ]
    assert [t.id for t in plan.tasks] == ["11.s1", "11.s2", "11.s3"]


def test_a_bracket_after_a_bodys_name_inside_a_sentence_stays_a_remark() -> None:
    plan = parse_text("1.将结果通报给社会事业局(教育处)。加强学校安全管理。(区公安局负责)\n")
    assert roles(plan) == [("1", ["区公安局"], [])]


def test_a_sections_division_line_is_its_own_task_beside_items_naming_their_own() -> None:
    plan = parse_text(
        "一、千亿斤粮食产能工程\n工作要求:全面启动粮食生产能力工程。\n任务分工:吕维峰副省长负责,省农委总牵头。\n"
        "1.水利化工程:突出抓好灌区续建工程。省水利厅牵头,省发改委、环保厅等单位配合。\n"
    )
    assert roles(plan) == [("一", ["省农委"], []), ("一.1", ["省水利厅"], ["省发改委", "环保厅"])]


def test_a_traditional_script_group_keeps_its_script_and_files_its_brackets_full_width() -> None:
    plan = parse_text("1.推進口岸建設。(海關總署、有關市(州)人民政府負責)\n")
    assert plan.tasks[0].leads == ["海關總署", "有關市（州）人民政府"]
