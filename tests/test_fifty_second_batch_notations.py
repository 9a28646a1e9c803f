"""Notations met while reading the corpus's misses again (session 25), each in invented text.

A table run together with no separator whose rows end on a lead alone before the next row's issue
(区交建局牵头畜禽养殖污染尚未…), on a group (区直有关单位) or on a name the next row's work follows
(区效能办、经发局加快…), its title and header glued to the first row; prose that names a body by its
function alone (气象部门负责…), whose sentences that charge no one go with the body before, and
whose bodies stand in a clause before the work they do together (公安、文化等部门,联合检查…).
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.model import Severity
from matrix.parsers.assignment import parse_assignment
from matrix.parsers.clauses import read_clause
from matrix.parsers.names import parse_names, runs_past_body
from matrix.text.outline import find_marker


def test_rows_run_together_end_on_a_lone_lead_a_group_or_before_work() -> None:
    rows = (
        "出台扩大有效投资的实施意见,谋划实施一批项目。区经发局牵头,区交建局、环土局抓好重大项目建设。"
        "区经发局牵头,区直有关单位节能减排面临新挑战分解年度减排目标任务。区环土局牵头畜禽养殖污染尚未"
        "根本遏制加强畜禽养殖场规范化改造。区经发局、环土局牵头城市交通拥堵突出推进专业化建设。"
        "区交建局牵头,区效能办、经发局加快网上办事大厅建设,全面推行网上预受理。区行政审批局牵头"
    )
    plan = parse_text(
        "某区办公室 2016年2月3日 某区立项挂牌办理任务分解表 存在问题整改目标和措施责任单位投资增长动力不足"
        + rows
        + "\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区经发局"], ["区交建局", "区环土局"]),
        (["区经发局"], []),
        (["区环土局"], []),
        (["区经发局", "区环土局"], []),
        (["区交建局"], ["区效能办", "区经发局"]),
        (["区行政审批局"], []),
    ]
    # the notice, the table's title and its header are no row's text
    assert plan.tasks[0].text.startswith("投资增长动力不足出台")
    assert plan.tasks[2].text.startswith("节能减排面临新挑战")
    assert plan.tasks[3].text.startswith("畜禽养殖污染尚未")
    assert plan.tasks[5].text.startswith("加快网上办事大厅建设")


def test_a_lead_whose_clause_goes_on_cuts_no_row() -> None:
    plan = parse_text(
        "某区任务分解表 存在问题整改目标和措施责任单位投资不足出台实施意见。"
        "区经发局牵头,区交建局抓好项目建设。"
        "区经发局牵头,区财金局落实税费优惠政策。区经发局牵头负责统筹推进。区环土局牵头,区交建局推进治理。"
        "区交建局牵头\n"
    )
    texts = [t.text for t in plan.tasks]
    assert not any(t.startswith("负责统筹") for t in texts)


def test_a_body_named_by_its_function_alone_in_prose() -> None:
    said = read_clause("气象部门负责检查建筑物防雷装置")
    assert said is not None and [n.text for n in said.responsible] == ["气象部门"]
    said = read_clause("公安机关交通管理部门负责依法清理停车泊位")
    assert said is not None and [n.text for n in said.responsible] == ["公安机关交通管理部门"]
    # a verb before the function is the sentence's work, and 其 points back: no body either way
    assert read_clause("组织消防部门参与森林火灾扑救") is None
    assert read_clause("充分发挥部门协作作用") is None


_PROSE = """某县消防专项行动方案
一、任务分工
(一)开展高层建筑排查整治
排查整治内容:消防支队负责组织相关部门开展排查整治。重点检查物业服务企业落实防火巡查制度。县供电公司要排查整改供配电设施。气象部门负责检查防雷装置。检查消防通道设置情况。
(二)开展节庆场所排查整治
公安、文化、旅游等部门,联合检查各类节日活动场所。
"""


def test_sentences_that_charge_no_one_go_with_the_body_before() -> None:
    plan = parse_text(_PROSE)
    first = [t for t in plan.tasks if t.id.startswith("一.一")]
    assert [t.leads for t in first] == [["消防支队"], ["县供电公司"], ["气象部门"]]
    # 重点检查… goes with the body before it, not with the next body's task
    assert "重点检查物业服务企业" in first[0].text
    assert first[1].text.startswith("县供电公司要排查")
    assert "检查消防通道" in first[2].text


def test_bodies_in_a_clause_before_the_work_they_do_together() -> None:
    plan = parse_text(_PROSE)
    festival = next(t for t in plan.tasks if t.id == "一.二")
    assert festival.leads == ["公安部门", "文化部门", "旅游部门"]


_PARAGRAPHS = """某市养老机构消防安全实施意见
各区民政局、各区消防救援支队:
一、工作措施
(一)强化标准化管理
市民政局、市消防救援总队联合制订标准化管理指引。
各区民政局和消防救援支队严格落实管理规定,组织开展宣传培训。
已完成创建的单位,将取消其资格。
(二)推进达标创建
各区民政局在指导养老机构落实规定的基础上,组织开展达标创建工作。
各区民政局认真梳理建立问题隐患清单。
市、区民政局通过培训交流等方式,推广好的经验。
"""


def test_an_items_prose_paragraphs_are_read_stretch_by_stretch() -> None:
    plan = parse_text(_PARAGRAPHS)
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("一.一.s1", ["市民政局", "市消防救援总队"]),
        # 消防救援支队 written bare takes the name the notice's addressees give it
        ("一.一.s2", ["各区民政局", "各区消防救援支队"]),
        # a paragraph that charges the very same body again goes on the stretch before
        ("一.二.s1", ["各区民政局"]),
        ("一.二.s2", ["市民政局", "区民政局"]),
    ]
    first = plan.tasks[0]
    assert first.text.startswith("强化标准化管理")  # the first stretch holds the heading
    assert "取消其资格" in plan.tasks[1].text  # a paragraph that charges no one goes on the stretch before
    assert "认真梳理" in plan.tasks[2].text


def test_a_body_opening_a_clause_with_its_manner_or_its_occasion() -> None:
    for clause, names in [
        ("各区民政局认真梳理建立问题隐患清单", ["各区民政局"]),
        ("县财政局严格执行资金管理办法", ["县财政局"]),
        ("各区民政局在指导养老机构落实规定的基础上", ["各区民政局"]),
        ("市、区民政局通过培训交流等方式", ["市民政局", "区民政局"]),
    ]:
        said = read_clause(clause)
        assert said is not None and [n.text for n in said.responsible] == names, clause
    # 区内 is within the district: no body opens the clause
    assert read_clause("或通过区内银行依法开展委托贷款") is None


def test_a_bracket_naming_only_a_person_makes_no_plan_formal() -> None:
    plan = parse_text(
        "某局宣传活动方案\n一、活动内容\n(一)现场宣传。区市场监督管理局、区消委会联合开展现场宣传咨询活动。\n"
        "(二)后勤保障。局办公室负责联系场地。(丁龙负责)\n"
    )
    first = next(t for t in plan.tasks if t.id == "一.一")
    # the prose is read: a bracket that names a person assigns no body, so the plan is not formal
    assert first.leads == ["区市场监督管理局", "区消委会"]


def test_bodies_joined_by_huitong_answer_together_unless_closed_as_helpers() -> None:
    plan = parse_text(
        "某区推进工作方案\n(一)推进软件正版化。(区经济发展局会同区国资局、区财政金融局负责)\n"
        "(二)严守耕地红线。(由区国土局会同区农业局等部门负责落实)\n"
        "(三)研究落实意见。(由区发改局会同区财政局、区统计局研究提出落实意见)\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区经济发展局", "区国资局", "区财政金融局"], []),
        (["区国土局"], ["区农业局"]),
        (["区发改局"], ["区财政局", "区统计局"]),
    ]


def test_a_section_that_sets_up_the_working_group_is_no_task() -> None:
    plan = parse_text(
        "某片区道路交通安全整治方案\n二、组织机构为全面推进整治工作,决定成立领导小组,名单如下。"
        "组长:孙树群 局长\n成员单位:党政办公室、交通与建设组、各行政村等。\n"
        "三、工作内容\n(一)排查隐患。开展隐患排查。(责任处室:交通与建设处)\n"
    )
    assert roles(plan) == [("三.一", ["交通与建设处"], [])]


def test_a_bracket_after_the_second_of_two_items_is_the_sections() -> None:
    plan = parse_text(
        "某片区道路交通安全整治方案\n一、工作内容\n(一)健全工作机制\n1.构建道安工作机制。健全例会制度。\n"
        "2.提升协调督导作用。压实道安工作责任。(责任处室:局道安办、交通与建设处)\n"
        "(二)排查隐患\n1.整治隐患路段。完成整治。(责任处室:交通与建设处)\n2.开展宣传。(责任处室:党群工作处)\n"
    )
    assert roles(plan) == [
        ("一.一", ["局道安办", "交通与建设处"], []),
        ("一.二.1", ["交通与建设处"], []),
        ("一.二.2", ["党群工作处"], []),
    ]


def test_a_heading_that_says_how_the_work_is_divided_names_no_body() -> None:
    plan = parse_text(
        "某区防灾排查实施意见\n四、各单位按以下职能分工牵头定期组织开展防灾及风险排查工作,原则上每年不少于2次:\n"
        "(一)区房管局。负责召开全区防灾排查工作例会。\n(二)公安消防支队。负责对建筑的消防隐患进行排查。\n"
    )
    assert roles(plan) == [("四.一", ["区房管局"], []), ("四.二", ["公安消防支队"], [])]
    assert all(not t.others for t in plan.tasks)  # no 各单位按以下职能分工 leading the section


def test_prose_compares_each_sentence_with_the_one_before_and_huitong_helps() -> None:
    plan = parse_text(
        "某市减少交通事故行动方案\n一、主要任务\n"
        "(一)加强路段防护。市交通委、市气象局、市公安局要建设完善气象监测设施。市气象局要配合做好技术支持。"
        "市公安局、市交通委要及时发布交通管控措施。\n"
        "(二)从严管理运输企业。市公安局要会同市交通委、市绿化市容局督促工程施工方落实源头管理。\n"
    )
    first = [t for t in plan.tasks if t.id.startswith("一.一")]
    # the third sentence charges bodies the second (a helper's) did not: a task of its own
    assert [t.leads for t in first] == [["市交通委", "市气象局", "市公安局"], ["市公安局", "市交通委"]]
    second = next(t for t in plan.tasks if t.id == "一.二")
    assert (second.leads, second.participants) == (["市公安局"], ["市交通委", "市绿化市容局"])


_BARE_SECTIONS = """某区节能减排重点工作安排
附件
重点工作任务分工表
序号
重点任务
具体工作
时间进度
责任部门
一
推进综合管理
1
全面实施碳排放双控制度
全年推进
发展改革委、生态环境局
2
做好目标任务分解
全年推进
发展改革委
二
提升建筑绿色低碳水平
3
新建民用建筑执行绿色建筑标准
年内完成
建设管理委
4
开展重点楼宇绿色体检
全年推进
建设管理委、教育局
"""


def test_a_flattened_table_with_bare_section_numbers_and_a_body_named_for_building() -> None:
    plan = parse_text(_BARE_SECTIONS)
    rows = [(t.text.split("\n")[-1][:6], t.leads) for t in plan.tasks]
    # the section's bare number and name (二 / 提升建筑…) are no cells of row 2, and 建设管理委 is a
    # body, not work, so rows 3 and 4 keep their own bodies
    assert rows[-3:] == [
        ("做好目标任务", ["发展改革委"]),
        ("新建民用建筑", ["建设管理委"]),
        ("开展重点楼宇", ["建设管理委", "教育局"]),
    ]


def test_fields_whose_head_noun_follows_a_description_of_their_kind() -> None:
    names = [n.text for n in parse_names("区交通、水务、民政等市政交通设施、公共服务设施相关部门")]
    assert names == ["区交通部门", "水务部门", "民政部门"]
    said = read_clause("街道办事处、镇人民政府按照职责分工充分发挥属地职能")
    assert said is not None and [n.text for n in said.responsible] == ["街道办事处", "镇人民政府"]


def test_words_that_run_past_a_body_or_remark_on_a_date_name_no_body() -> None:
    assert runs_past_body("县拆违办核查各乡镇")
    assert runs_past_body("县监察局约谈该乡镇行")
    assert not runs_past_body("县委组织部")  # 组织部 is a name, not work after 县委
    assert not runs_past_body("区城管执法局")
    plan = parse_text(
        "某县拆旧止新实施意见\n一、工作任务\n(一)拆旧。对违法用地进行有效处置(各乡镇任务清单之前已下发)。\n"
        "(二)成立考核工作小组。由县监察局、县规划土地局组成联合考评工作小组。\n"
    )
    names = {n for t in plan.tasks for n in (*t.leads, *t.participants)}
    assert not any("之前" in n or n.startswith("成立") for n in names)


def test_a_kind_of_body_and_the_bodies_it_stands_for() -> None:
    assert [n.text for n in parse_names("企业集团（即：永业集团、南房集团、金外滩集团）")] == [
        "永业集团",
        "南房集团",
        "金外滩集团",
    ]
    plan = parse_text(
        "某区物业管理实施意见\n二、明晰各方职责\n(五)明确各方工作职责。各相关部门依据自身职责落实管理职能。\n"
        "区房管局:细化推进老旧小区物业综合管理工作。\n区财政局：落实老旧小区物业管理资金保障。\n"
        "企业集团（即：永业集团、南房集团）：落实物业综合管理工作的主体责任。\n"
    )
    assert plan.tasks[-1].leads == ["永业集团", "南房集团"]


def test_bodies_that_do_the_work_together() -> None:
    for clause, names in [
        ("区城管执法局与街镇共同做好车站周边环境秩序的日常管理", ["区城管执法局", "街镇"]),
        ("区公安局和区交通局共同开展整治", ["区公安局", "区交通局"]),
    ]:
        said = read_clause(clause)
        assert said is not None and [n.text for n in said.responsible] == names, clause
    assert [n.text for n in parse_names("各属地派出所和街镇")] == ["各属地派出所", "街镇"]


def test_the_government_where_a_thing_is_and_no_office_ending_in_suozai() -> None:
    said = read_clause("由房屋所在乡镇政府督促产权人进行后续处置整改")
    assert said is not None and [n.text for n in said.responsible] == ["房屋所在乡镇政府"]
    assert read_clause("检测单位报请市住房保障房屋管理局审核") is None  # a body runs into its verb
    plan = parse_text(
        "某区垃圾分类方案\n(一)加强源头分类。对不分类的单位,应当告知所在地街道,由街道负责督促整改。\n"
    )
    assert plan.tasks[0].leads == ["街道"]


def test_an_area_offices_divisions_take_the_spelling_with_its_level() -> None:
    plan = parse_text(
        "某片区道路交通安全整治方案\n(一)开展校车专项整治。片区社会事业处要配合区社会事业局组织开展专项整治。"
        "(责任处室:社会事业处)\n(二)整治隐患路段。(责任处室:交通与建设处)\n"
    )
    assert plan.tasks[0].leads == ["片区社会事业处"]


def test_a_label_closed_by_the_other_kind_of_body_it_takes_in() -> None:
    plan = parse_text(
        "某片区整治方案\n(一)构建道安工作机制。健全例会制度。 责任处室（单位）：局整治办、局道安办\n"
        "(二)重点隐患路段整治。完成整治。责任处室（单位）：交通与建设处\n"
    )
    assert [t.leads for t in plan.tasks] == [["局整治办", "局道安办"], ["交通与建设处"]]


def test_bodies_said_to_answer_for_the_work_and_a_group_joined_by_ji() -> None:
    said = read_clause("各乡镇和县城管执法局是拆旧止新工作的责任主体")
    assert said is not None and [n.text for n in said.responsible] == ["各乡镇", "县城管执法局"]
    # what a body is, as a heading over its duties says, is no duty of its own
    assert read_clause("区绿化市容局是本区建筑垃圾处理的主管部门") is None
    assert [n.text for n in parse_names("各街镇（工业区）及新城区发展公司")] == [
        "各街镇（工业区）",
        "新城区发展公司",
    ]
    plan = parse_text(
        "某区道路设施意见\n(一)设施维护。由设施权属部门或者其委托的单位负责维护。(区交通委负责)\n"
    )
    assert plan.tasks[0].leads == ["区交通委"]  # 其委托的单位 names no body


def test_the_bodies_a_lead_works_with_in_a_clause_of_their_own() -> None:
    plan = parse_text(
        "某区共享单车停放管理意见\n二、科学规划\n1.优化停放点布局,由区建管委牵头,会同公安分局、区城管执法局,"
        "研究制定停放点设置规划。\n2.提供执法保障。区城管执法局要配合区公安分局做好执法工作。\n"
    )
    first = plan.tasks[0]
    # 公安分局 written bare takes the spelling the plan gives it after 配合
    assert (first.leads, first.participants) == (["区建管委"], ["区公安分局", "区城管执法局"])


_ENTRIES = """某街道垃圾分类投放实施细则
三、职责分工
1．各居民区：居委党组织承担社区总牵头的责任，带领居委、业委会开展工作。
（1）在开展定时定点投放前充分听取居民的意见建议。
（2）通过入户宣教向每户居民发放告知书。
2．物业公司：协助居委开展好分类投放相关工作。
（1）在小区确定投放点位（原则上每个小区不超过3处）。
（2）合理配备干湿垃圾桶。
"""


def test_a_bodys_entry_over_the_duties_it_lists() -> None:
    plan = parse_text(_ENTRIES)
    assert [(t.id, t.leads, t.participants) for t in plan.tasks] == [
        ("三.1", ["各居民区"], []),
        ("三.1.1", ["各居民区"], []),
        ("三.1.2", ["各居民区"], []),
        ("三.2", ["物业公司"], []),
        ("三.2.1", ["物业公司"], []),
        ("三.2.2", ["物业公司"], []),
    ]


_ANNEXED = """某区违法用地综合整治三年行动方案
一、工作措施
(一)分解任务目标。各属地政府要逐地块确定整治方式。
(二)综合施策。区规划资源局负责加强与市规划资源局的沟通。
附件1
任务分工表
序号
单位
职责分工
1
区规划资源局
拟定本区违法用地综合整治工作方案
2
区发展改革委
负责整治清单内相关项目的立项工作
"""


def test_an_annexs_table_leaves_the_plans_own_prose_read() -> None:
    plan = parse_text(_ANNEXED)
    leads = {t.id: t.leads for t in plan.tasks}
    assert leads["一.一"] == ["各属地政府"] and leads["一.二"] == ["区规划资源局"]
    assert ["区发展改革委"] in leads.values()  # the annex's rows are still read


def test_a_body_that_hands_the_work_on_names_no_body_with_its_verb() -> None:
    assert runs_past_body("区环卫管理部门直接委托区水务公司组织")
    # the words are no name: read as such, they count as text the reader could not take in
    said = parse_assignment("区环卫管理部门直接委托区水务公司负责")
    assert said.responsible == [] and said.unread == 1


def test_a_flattened_table_whose_work_column_has_a_word_of_its_own() -> None:
    plan = parse_text(
        "某区营商环境品牌创建方案\n表  创建责任分工\n序号\n创建领域\n责任单位\n"
        "1\n知识产权保护\n区市场监管局\n2\n融资对接\n区金融办\n"
    )
    assert [(t.text, t.leads) for t in plan.tasks] == [
        ("知识产权保护", ["区市场监管局"]),
        ("融资对接", ["区金融办"]),
    ]


def test_a_role_label_whose_words_name_no_body_is_an_error() -> None:
    plan = parse_text(
        "某区营商环境品牌创建方案\n一、总体要求\n各部门要高度重视。(区营商办牵头)\n二、责任分工\n创建领域\n"
        "责任单位\n知识产权保护区市场监管局融资对接区金融办\n"
    )
    errors = [f for f in plan.findings if f.severity is Severity.ERROR]
    assert errors and "没有读出任何单位" in errors[0].message and "责任单位" in errors[0].message


def test_an_emergency_plans_decimal_outline() -> None:
    marker = find_marker("3.1.2地下空间管理联席会议")
    assert marker is not None and (marker.label, marker.value) == ("3.1.2", 2)
    assert find_marker("1.5万元用于补贴") is None and find_marker("2.5倍以上") is None
    plan = parse_text(
        "某工业区地下空间突发事件应急预案\n3组织体系\n3.1领导机构\n由工业区管委会负责统一领导应急处置工作。"
        "(工业区管委会负责)\n3.2应急联动机构\n3.2.1工业区城运中心负责联动处置。(工业区城运中心负责)\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("3.1", ["工业区管委会"]), ("3.2.1", ["工业区城运中心"])]


def test_a_figure_in_a_role_cell_is_no_body() -> None:
    names = [n.text for n in parse_assignment("责任单位:2").responsible]
    assert names == []
    assert [n.text for n in parse_assignment("责任单位:37吨").responsible] == []
    # a count of towns is a group the task goes to
    assert [n.text for n in parse_assignment("配合单位:13个街道、镇").participants] == ["13个街道、镇"]


def test_divisions_closed_by_the_other_divisions_concerned() -> None:
    assert [n.text for n in parse_names("政法综治处等相关处室")] == ["政法综治处"]
    assert [n.text for n in parse_names("农业农村处等处室")] == ["农业农村处"]


def test_an_item_headed_by_a_group_with_its_bracket() -> None:
    plan = parse_text(
        "某片区消防工作要点\n(一)宣传教育\n1.社会事业处:对接区教育局开展消防培训。\n"
        "2.各村（居）:掌握辖区私立幼儿园情况,建立台账。\n"
    )
    assert [t.leads for t in plan.tasks] == [["社会事业处"], ["各村（居）"]]
