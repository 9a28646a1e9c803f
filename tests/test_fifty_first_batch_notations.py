"""Notations met while reading the corpus's misses again (session 24), each in invented text.

A group's roster in an annex (领导小组成员名单 / 组  长:王某某  副镇长), whose members are no task's
duties and make no plan formal; a person's posts after the name (王学政  党委副书记、镇长); prose whose
bodies name the matter before the work (各居村、相关责任单位对…进行摸底, 镇房管所于6月20日前,对…完成);
a town's short names that the text writes once with the town's level (报镇房管所备案).
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.parsers.assignment import person_names
from matrix.parsers.names import parse_names

_ROSTER_PLAN = """某镇房屋安全排查工作方案
一、工作任务
(一)摸底排查
镇房管所对本镇所有房屋进行全面摸底,建立台账。
(二)重点整治
社区办负责居民区房屋的整治工作。
附件
某镇房屋安全排查工作领导小组成员名单
组  长:王学政  党委副书记、镇长
副组长:余剑秋  副镇长
成  员:周煜斌  党政办主任
"""


def test_a_roster_annex_names_members_and_no_duty() -> None:
    plan = parse_text(_ROSTER_PLAN)
    # the roster makes no task, and no body named 周煜斌党政办主任 takes part in anything
    assert roles(plan) == [("一.一", ["镇房管所"], []), ("一.二", ["社区办"], [])]
    assert all(not t.others for t in plan.tasks)


def test_the_same_labels_outside_a_roster_are_still_read() -> None:
    plan = parse_text(
        "某镇工作方案\n一、工作任务\n(一)摸底排查。对房屋进行排查。\n"
        "组长:王学政  副镇长\n成员单位:镇房管所、社区办\n"
    )
    task = plan.tasks[0]
    assert [(o.name, o.role) for o in task.others] == [("王学政", "组长")]
    assert task.participants == ["镇房管所", "社区办"] or task.leads == ["镇房管所", "社区办"]


def test_posts_after_a_persons_name_are_no_people() -> None:
    assert person_names("王学政  党委副书记、镇长") == ["王学政"]
    assert person_names("李四 区财政局局长、王五 区建设局局长") == ["李四", "王五"]
    # a post named alone is kept: no person is named
    assert person_names("副区长") == ["副区长"]


def test_prose_bodies_naming_the_matter_before_the_work() -> None:
    plan = parse_text(
        "某镇房屋排查方案\n一、工作任务\n(一)摸底排查\n各居村、相关责任单位对本镇范围内所有房屋进行全面摸底。\n"
        "(二)重点排查\n镇房管所于2021年6月20日前,对风险较大的房屋完成重点排查。\n"
        "(三)工作要求\n市政府对此高度重视。\n"
    )
    assert roles(plan) == [("一.一", ["各居村"], []), ("一.二", ["镇房管所"], [])]


def test_a_town_body_takes_the_spelling_with_its_level() -> None:
    plan = parse_text(
        "某镇房屋排查方案\n一、工作任务\n(一)制定方案\n相关责任人编制方案,并报镇房管所备案。\n"
        "(二)职责分工\n房管所负责规模租赁场所的排查工作。\n"
    )
    assert ["镇房管所"] in [t.leads for t in plan.tasks]
    assert all("房管所" not in t.leads for t in plan.tasks)


_WRAPPED_TABLE = """某区消防治理重点任务清单

类别

项目

主要任务

牵头单位

配合单位

一、做好组织建设

1.出台文件规章

向区政府专题报告工作情况。

区消防救援支队

各街道、
区应急局

2.实化运行消防
安全委员会

年底前,各街道成立消防安全委员会。

区委编办、
各街道

区消防救援支队

3.建立培训制度

每年定期开展消防业务培训。

区消防救援支队

区财政局、
各街道
"""


def test_cells_a_narrow_column_wrapped_are_one_cell() -> None:
    plan = parse_text(_WRAPPED_TABLE)
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区消防救援支队"], ["各街道", "区应急局"]),
        (["区委编办", "各街道"], ["区消防救援支队"]),
        (["区消防救援支队"], ["区财政局", "各街道"]),
    ]
    # the item's name a narrow cell wrapped is one name, no body's
    assert "实化运行消防安全委员会" in plan.tasks[1].title


def test_schools_police_stations_and_teams_charged_in_prose() -> None:
    plan = parse_text(
        "某片区控辍保学工作实施方案\n一、主要措施\n(一)以法控辍\n1.各学校需根据法律制定控辍保学工作方案。\n"
        "2.各校要摸清学困生的具体数量,分类登记造册。\n"
        "3.交通与建设处、政法综治处、辖区各派出所及综合执法队要加强校园周边环境综合治理。\n"
    )
    assert roles(plan) == [
        ("一.一.1", ["各学校"], []),
        ("一.一.2", ["各校"], []),
        ("一.一.3", ["交通与建设处", "政法综治处", "辖区各派出所", "综合执法队"], []),
    ]


def test_working_with_others_or_for_them() -> None:
    plan = parse_text(
        "某区工作方案\n一、主要任务\n1.区农业局要协同区财政局开展补贴发放工作。\n"
        "2.区工商局、区水利局协同区建委负责市容环境工作。\n"
    )
    # 协同 B 开展…: the subject does the work with B; 协同 B 负责…: B is responsible, the subject helps
    assert roles(plan) == [
        ("一.1", ["区农业局"], ["区财政局"]),
        ("一.2", ["区建委"], ["区工商局", "区水利局"]),
    ]


def test_an_area_office_and_the_divisions_that_see_to_the_work() -> None:
    plan = parse_text(
        "某片区森林防灭火工作要点\n一、强化源头防控\n(一)实时发布预警信息。片区森防办要及时转发预警信息。\n"
        "(二)强化野外用火治理。各业务处室要加强野外用火监管。各处室、各村落实好属地责任,消除隐患。\n"
    )
    assert roles(plan) == [
        ("一.一", ["片区森防办"], []),
        ("一.二.s1", ["各业务处室"], []),
        ("一.二.s2", ["各处室", "各村"], []),
    ]


def test_a_section_glued_to_a_label_list_on_a_page_without_breaks() -> None:
    plan = parse_text(
        "某片区铁路护路联防工作方案 一、工作目标确保铁路安全。二、主要任务(一)健全工作机制1.落实护路责任。"
        "压紧压实护路联防责任。责任单位:政法综治处、铁路沿线各村2.推动宣传工作。开展爱路护路宣传教育。"
        "责任单位:社会事业处、铁路沿线各村三、工作要求(一)提高思想认识,加强组织领导。当前,沿线安全隐患较多。\n"
    )
    assert roles(plan) == [
        ("二.一.1", ["政法综治处", "铁路沿线各村"], []),
        ("二.一.2", ["社会事业处", "铁路沿线各村"], []),
    ]


def test_a_body_that_checks_regularly_and_one_that_reports_to_another() -> None:
    plan = parse_text(
        "某区消防综合治理实施方案\n一、工作机制\n(一)纳入考核体系。区消防安全委员会定期对街镇消防工作进行检查考评。\n"
        "(二)分级挂牌督办。整改难度大的,由街镇(园区)报区消防安全委员会核定后,报请区政府挂牌督办。\n"
    )
    # the body a matter is reported to (报区消防安全委员会) is no part of the agent's name
    assert roles(plan) == [("一.一", ["区消防安全委员会"], []), ("一.二", ["街镇（园区）"], [])]


def test_bodies_each_way_and_how_they_go_about_it() -> None:
    plan = parse_text(
        "某区应急避难场所建设实施方案\n一、建设方式\n(一)配建设置。按权属关系,分别由所在镇政府、头桥集团组织评估和方案设计。\n"
        "(二)统筹推进。各镇政府、头桥集团按区下达的目标任务,编制五年实施目标。\n"
        "二、职责分工\n区民防办:负责全区应急避难场所建设的组织协调。\n"
        "各镇政府、街道(开发区)办事处:按照区规划要求,制定本区域建设规划。\n"
    )
    assert roles(plan) == [
        ("一.一", ["所在镇政府", "头桥集团"], []),
        ("一.二", ["各镇政府", "头桥集团"], []),
        ("二.p1", ["区民防办"], []),
        ("二.p2", ["各镇政府", "街道（开发区）办事处"], []),
    ]


def test_a_body_with_a_part_of_its_own_beside_the_lead() -> None:
    plan = parse_text(
        "某区简政放权重点任务分工方案\n一、重点任务\n1.深化证照分离改革。\n"
        "责任单位:区行政审批局牵头,区直相关部门按职责分工负责,区政府办公室政策法规处负责法制审查工作\n"
    )
    task = plan.tasks[0]
    assert task.leads == ["区行政审批局"]
    # the part it does is its role, and no body is named with its work
    assert [(o.name, o.role) for o in task.others] == [("区政府办公室政策法规处", "负责法制审查工作")]
    assert task.participants == []


_DIVISION_TABLE = """某市政府工作报告部署工作责任分工

序号

重点工作

市政府

分管领导

牵头单位

配合单位

备注

强化科技创新支撑能力。





(一)

加强战略科技力量建设。





1

加快建设科技创新轴。

王 东

市科技局

黄埔区、南沙区政府


2

做好国家实验室筹建保障服务工作。

王 东

市科技局

市财政局,荔湾区、黄埔区政府

"""


def test_a_flattened_table_with_a_leader_column_and_headings_between_rows() -> None:
    plan = parse_text(_DIVISION_TABLE)
    assert roles(plan) == [
        ("一.1", ["市科技局"], ["黄埔区政府", "南沙区政府"]),
        ("一.2", ["市科技局"], ["市财政局", "荔湾区政府", "黄埔区政府"]),
    ]
    # 市政府 / 分管领导 is one column: the leader's role says so
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("王东", "市政府分管领导")]


def test_every_level_of_government_and_every_city_charged_in_prose() -> None:
    plan = parse_text(
        "某省关于加快民营科技园发展的意见\n一、主要任务\n(一)明确产业定位。各级政府及相关部门要指导民营科技园确立发展定位。\n"
        "(二)保障建设用地。各地级以上市要优先保障民营科技园建设用地。\n"
        "(三)加强宣传。各有关部门要加强宣传推广。\n"
    )
    # a call to every department (各有关部门要…) charges no one in particular
    assert roles(plan) == [("一.一", ["各级政府"], []), ("一.二", ["各地级以上市"], [])]


def test_a_label_in_black_brackets_leaves_no_bracket_in_the_task() -> None:
    plan = parse_text(
        "某市重点工作分解\n一、重点任务\n1.推进产业升级。【牵头单位】市发改委【配合单位】市财政局\n"
    )
    task = plan.tasks[0]
    assert (task.leads, task.participants) == (["市发改委"], ["市财政局"])
    assert task.title == "推进产业升级" and "【" not in task.text


def test_bodies_that_carry_the_work_out_and_a_marked_list_after_the_text() -> None:
    plan = parse_text(
        "某县民生实事项目责任分解\n一、任务\n1.推进家庭医生签约。由县卫健委牵头,各乡镇人民政府具体实施。\n"
        "2.推进家庭医生签约。(由县卫健委牵头,各乡镇人民政府具体实施)\n"
        "3.新增公交线路3条。县交通运输局(牵头)、县公交公司\n"
    )
    assert roles(plan) == [
        ("一.1", ["县卫健委"], ["各乡镇人民政府"]),
        ("一.2", ["县卫健委"], ["各乡镇人民政府"]),
        ("一.3", ["县交通运输局"], ["县公交公司"]),
    ]


def test_a_list_of_fields_names_one_body_per_field() -> None:
    assert [n.text for n in parse_names("发展改革、教育、公安等部门")] == [
        "发展改革部门",
        "教育部门",
        "公安部门",
    ]
    assert [n.text for n in parse_names("各级人力资源社会保障、公安等部门")] == [
        "各级人力资源社会保障部门",
        "各级公安部门",
    ]
    # two lists, each closed by its head noun; bodies already named are left alone
    assert [n.text for n in parse_names("教育、公安等部门(单位)和工会、妇联等群团组织")] == [
        "教育部门",
        "公安部门",
        "工会",
        "妇联",
    ]
    assert [n.text for n in parse_names("省发展改革委、财政等部门")] == ["省发展改革委", "财政部门"]


def test_a_field_body_takes_the_full_name_the_plan_writes() -> None:
    plan = parse_text(
        "某省实施方案\n一、任务\n1.加强统筹。(省发展改革委牵头,省财政厅、省教育厅配合)\n"
        "2.推进建设。(发展改革、财政、自然资源等部门按职责分工负责)\n"
        "3.强化保障。(省卫生健康部门牵头,教育、公安等部门配合)\n"
        "4.加强协调。由省卫生健康委牵头,市场监管等部门为成员,强化协作配合。\n"
    )
    assert roles(plan)[1:] == [
        ("一.2", ["省发展改革委", "省财政厅", "自然资源部门"], []),
        ("一.3", ["省卫生健康委"], ["省教育厅", "公安部门"]),
        ("一.4", ["省卫生健康委"], ["市场监管部门"]),
    ]


def test_members_under_a_leader_are_a_roster_not_a_task() -> None:
    plan = parse_text(
        "某区扩大消费意见\n一、加强领导\n成立区扩大消费工作领导小组,由区政府分管领导任组长,区商务局、区财政局等部门为成员。\n"
        "二、开展促销\n区商务局负责组织商贸企业开展促销活动。\n"
    )
    assert roles(plan) == [("二", ["区商务局"], [])]


def test_prose_helpers_charged_anew_and_bodies_that_help_higher_ups() -> None:
    plan = parse_text(
        "某片区道路交通安全工作要点\n一、主要任务\n"
        "(一)打造畅通交通环境。资源生态处要协同交通与建设处处理选点建设公共停车场事宜。"
        "针对停车难的问题,交通与建设处要发挥牵头作用,新建临时停车场。\n"
        "(二)优化校园交通环境。辖区各派出所、社会事业处每月配合上级部门开展联合检查行动。\n"
        "(三)整治环境卫生。社会事业处负责督促学校消毒。党群工作处、机关党委定期组织开展志愿者服务活动。\n"
    )
    assert roles(plan) == [
        ("一.一.s1", ["资源生态处"], ["交通与建设处"]),
        ("一.一.s2", ["交通与建设处"], []),
        ("一.二", ["辖区各派出所", "社会事业处"], []),
        ("一.三.s1", ["社会事业处"], []),
        ("一.三.s2", ["党群工作处", "机关党委"], []),
    ]


def test_a_leader_and_the_next_label_run_together() -> None:
    plan = parse_text(
        "某局创建文明城市实施方案\n(一)建筑施工场地专项整治。要求施工企业文明施工。牵头领导:阮斌副局长责任部门:建工科、安全站\n"
    )
    task = plan.tasks[0]
    assert task.leads == ["建工科", "安全站"]
    assert [(o.name, o.role) for o in task.others] == [("阮斌", "牵头领导")]


def test_a_dashed_first_section_and_an_item_that_divides_the_work() -> None:
    plan = parse_text(
        "某区推进厕所革命实施方案\n—、总体目标\n(一)城乡公厕。新建公厕46座。责任单位:区交建局、各乡镇\n"
        "二、保障措施\n(一)明确责任分工。区环卫所负责推进公厕建设管理;区旅发委负责督促星级宾馆厕所对外开放。\n"
        "(二)部门工作职责。区规划局负责编制公厕规划。\n"
    )
    # 部门工作职责 describes standing duties; 明确责任分工 divides this plan's work
    assert roles(plan) == [
        ("一.一", ["区交建局", "各乡镇"], []),
        ("二.一.s1", ["区环卫所"], []),
        ("二.一.s2", ["区旅发委"], []),
    ]


def test_a_table_whose_cells_ran_together_with_no_separator() -> None:
    rows = (
        "出台扩大有效投资的实施意见,谋划实施一批跨界投资项目。区经发局牵头,区交建局、环土局、电力公司"
        "创新应用各种投融资方式,调动社会投资主体积极性。区财金局、经发局牵头,区环土局、交建局"
        "抓好重大项目建设。区经发局牵头,区财金局、社会事业局中小企业困难较大落实涉企税费优惠政策。"
        "区经发局牵头,区财金局、国税局实施智能制造专项行动。区社会事业局牵头实施新兴产业倍增计划。区经发局牵头,区交建局"
    )
    plan = parse_text(
        "某区立项挂牌办理任务分解表 存在问题整改目标和措施责任单位投资增长动力不足" + rows + "\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区经发局"], ["区交建局", "区环土局", "电力公司"]),
        (["区财金局", "区经发局"], ["区环土局", "区交建局"]),
        (["区经发局"], ["区财金局", "区社会事业局"]),
        (["区经发局"], ["区财金局", "国税局"]),
        (["区社会事业局"], []),
        (["区经发局"], ["区交建局"]),
    ]
    assert plan.tasks[1].text.startswith("创新应用各种投融资方式")
