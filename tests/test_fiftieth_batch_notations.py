"""Notations met while reading the corpus's misses again, each in invented text.

A table copied one cell a line whose header words the cell's width broke over two lines (牵头 /
部门, 完成 / 时间); a cell that counts the towns it names (13个街道、镇); a body named by its
function (建设主管部门) and the local towns (属地街镇) in a role cell; a lead, then the bodies that
carry the work out (由X牵头,Y组织开展…); prose whose bodies follow a heading of two clauses (制定方案,
部署落实局食品处要…) or stand before how they go about the work (X按照要求,负责…); people a bracket
names after a body's duties ((丁龙、林贝茜负责)), with the places that share a branch's name (岚城、澳前
分局) and the people each body sends (食安办各指定一人协助); a short name whose fuller spelling only the
prose writes (检验检测中心 beside 区检验检测中心要…); a project whose parts are its task and the group set
up for it (1、任务 / 2、项目攻坚领导小组 with its roster); a page without breaks whose labels run into the
next item (…责任单位:区直各部门、各乡镇完成时限:9月25日前(二)…, 11月20日前3. 清理…); prose bodies
named by their level and function (区级林业部门要…, 街镇林业部门作为…实施主体); a heading naming a body's
duties ((一)街镇消防安全委员会职责) over numbered items; a way of handling a matter (分级挂牌督办) that ends
as an office's name does; bodies by ownership (所在镇政府) and the vague others that may do the work
(头桥集团或区政府相关部门(单位)); a lead, then bodies that fulfil their duties (…等部门履行相应职责) and
bodies that see to it (…落实主体责任); prose whose sentences charge one body after another (局药械处负责…;
稽查支队负责…), each body's sentences a task of their own; a zone office's own divisions charged with no
level (交通与建设处要…); the towns and zones as a group (由街镇(园区)牵头…), never a name running on into
the sentence (…牵头建立…协作处置机制); the kinds of body a vague group takes in, written as a list
(相关委、办、局); a level written once in a list (县交通局、公安局) picking the spelling the plan writes
at that level where it writes the name at two; a duty sentence naming the work before its body
(竹屿湖二期项目由…), an alternative in brackets ((或业主单位)) and the kind of guidance (业务指导); a web
page's time stamp (时间:2016-01-19 18:26) that is no deadline label over the notice after it; bodies
named alone on a line over their blocks of duties (市建设局 / (一)…); a page of items each with its
person under a spaced label (责 任 人:周训岚整改时限:…), a time limit glued to the name; prose helpers
and the body they help, which leads (X配合区规划局对…进行确认); a body combining its work with another
(区规划资源局结合…), and an adverb that joins no names (相关乡镇及时委托); bodies charged too (…也要);
a heading's one paragraph cut body by body, which keeps the heading in its first task; a label line
whose list runs into the next paragraph after a gap (…等参与 鼓励农民…); work words and a page's source
line that never make a body's name; the issuing bureau's divisions concerned (市局各有关处室), which name
nobody; levels written before one body (市、区民政局), each of which has it.
"""

from __future__ import annotations

from helpers import parse_text, roles

from matrix.parsers.assignment import parse_assignment
from matrix.parsers.names import is_vague, parse_names
from matrix.text.normalize import is_debris

_TABLE = """某区“十四五”规划工作分解
序号

项目

类别

具 体 内 容

牵头

部门

相关责任部门

完成

时间

108

继续全面推进素质教育

区教育局

13个街道、镇

2025年

109

加强婴幼儿教育

区教育局

区卫生健康委等相关部门,13个街道、镇

2026年
"""


def test_a_header_word_broken_over_two_lines_is_one_column() -> None:
    plan = parse_text(_TABLE)
    assert roles(plan) == [
        ("108", ["区教育局"], ["13个街道、镇"]),
        ("109", ["区教育局"], ["区卫生健康委", "13个街道、镇"]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2025年", "2026年"]
    assert plan.tasks[0].text == "继续全面推进素质教育"


def test_time_alone_is_a_column_and_with_its_stamp_debris() -> None:
    assert not is_debris("时间")
    assert is_debris("时间:2024-05-06")
    assert is_debris("发布时间 2024-05-06")


def test_a_body_named_by_its_function_and_the_local_towns_fill_a_cell() -> None:
    plan = parse_text(
        """建筑垃圾管理任务分工表
序号

工作任务

主要工作内容

牵头单位

配合单位

1

推动源头减量

在设计文件中增加土方消纳平衡内容。

建设主管部门、区规划资源局

区水务局、区城管执法局和属地街镇

2

提升处置能力

开展消纳场所备案工作。

区绿化市容局

属地街镇
"""
    )
    assert roles(plan) == [
        ("1", ["建设主管部门", "区规划资源局"], ["区水务局", "区城管执法局", "属地街镇"]),
        ("2", ["区绿化市容局"], ["属地街镇"]),
    ]


def test_a_lead_then_the_bodies_that_carry_the_work_out() -> None:
    plan = parse_text(
        "某局专项整治方案\n四、工作措施\n"
        "(一)由市场规范处牵头,辖区分局组织开展电子通讯器材市场集中整治。\n"
        "(二)由食品处牵头,各分局组织落实食品经营主体集中整治。\n"
    )
    assert roles(plan) == [("四.一", ["市场规范处"], []), ("四.二", ["食品处"], [])]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("辖区分局", "组织开展")]
    assert [(o.name, o.role) for o in plan.tasks[1].others] == [("各分局", "组织落实")]


_PROSE = """某局示范创建工作方案
三、申报与考核评定
(一)申报。区市场监督局食品处按照要求,负责组织指导本辖区餐饮服务单位开展申报,经初审后报送。
(二)考核评定。初评合格的,报请设区市场监督管理局,由区市场监督管理局进行验收。
四、工作要求
(一)制定方案,部署落实局食品处要根据省局方案要求,认真组织制定实施方案。
(二)检查时间辖区各分局应根据考试时间安排,开展检查。
(三)强化组织领导。成立指挥部,下设办公室(挂靠消防支队),负责组织协调全区集中开展工作。
"""


def test_prose_bodies_after_a_heading_of_two_clauses_and_before_their_verb() -> None:
    plan = parse_text(_PROSE)
    assert roles(plan) == [
        ("三.一", ["区市场监督局食品处"], []),
        ("三.二", ["区市场监督管理局"], []),
        ("四.一", ["局食品处"], []),
        ("四.二", ["辖区各分局"], []),
    ]


def test_people_in_a_bracket_are_people_and_the_heading_names_the_body() -> None:
    plan = parse_text(
        "某局宣传活动方案\n附件2 工作分工\n"
        "1.办公室:负责联系公安部门,保障饮用水。(丁龙、林贝茜负责)\n"
        "2.稽查支队:负责指导消费者鉴别商品。(陈功琳负责,岚城、澳前分局、食安办各指定一人协助)\n"
        "3.其他成员单位:(略)。\n"
    )
    assert roles(plan) == [
        ("1", ["办公室"], []),
        ("2", ["稽查支队"], ["岚城分局", "澳前分局", "食安办"]),
    ]
    assert [(o.name, o.role, o.person) for o in plan.tasks[0].others] == [
        ("丁龙", "负责", True),
        ("林贝茜", "负责", True),
    ]
    assert [o.name for o in plan.tasks[1].others] == ["陈功琳"]
    assert all(d.is_person for d in plan.departments if d.name in ("丁龙", "林贝茜", "陈功琳"))


def test_a_field_standing_for_its_bureau_is_no_person() -> None:
    plan = parse_text("某市工作方案\n1.开展联合检查(商务、金融、林业部门配合,市场监管局牵头)。\n")
    assert plan.tasks[0].others == []


def test_a_short_name_takes_the_fuller_spelling_the_prose_writes() -> None:
    plan = parse_text(
        "某局活动方案\n一、后勤保障\n区检验检测中心要做好揭牌准备,报送至区市场监督管理局。\n"
        "附件 工作分工\n1.检验检测中心:负责揭牌相关事宜。\n"
        "2.稽查支队:负责指导消费者鉴别商品(区消委会配合)。\n"
    )
    assert roles(plan) == [("1", ["区检验检测中心"], []), ("2", ["稽查支队"], ["区消委会"])]


def test_a_project_with_its_task_and_the_group_set_up_for_it_is_one_task() -> None:
    plan = parse_text(
        "项目攻坚月活动工作意见\n一、重点项目和责任分工\n(一)物资大楼改造项目\n1、任务\n完成拆迁尾留、地勘工作。\n"
        "2、项目攻坚领导小组\n组长:常务副县长\n副组长:县长助理\n成员单位:城建局、土地局\n"
        "(二)王寨供水工程\n1、任务\n超额完成土方任务。\n2、项目攻坚领导小组\n组长:副县长\n成员:水利局、经发局\n"
    )
    assert [t.id for t in plan.tasks] == ["一.一", "一.二"]
    assert plan.tasks[0].text.startswith("物资大楼改造项目")
    assert plan.tasks[1].participants == ["水利局", "经发局"]
    assert [(o.name, o.role) for o in plan.tasks[1].others] == [("副县长", "组长")]


def test_a_bracket_that_is_a_sentence_of_its_own_leaves_a_plan_in_prose() -> None:
    plan = parse_text(
        "环卫设施建设两年行动计划\n六、保障措施\n"
        "(一)加强组织协调。区交通与建设局要加强检查督促和组织验收。\n"
        "(二)加大资金投入。区财政金融局要加大资金投入(其中景区公厕由区旅游公司负责)。\n"
    )
    assert roles(plan)[0] == ("六.一", ["区交通与建设局"], [])


def test_a_page_without_breaks_whose_labels_run_into_the_next_item() -> None:
    plan = parse_text(
        "关于开展专项整治工作的通知 时间:2015-09-21 11:27 微信 微博 "
        "一、目标要求全面清理证照。二、主要任务(一)全面开展自查自纠。各部门要认真对照本"
        "部门的工作职责,对证照进行全面梳理。责任单位:区直各部门、各乡镇完成时限:9月2"
        "5日前(二)分类分批专项整改。在自查自纠的基础上进行整改。1.清理前置条件。坚决"
        "取消没有依据的前置条件。责任单位:区直各部门、各乡镇完成时限:10月23日前2."
        "精简申办材料。梳理完善办事指南。责任单位:区直各部门、区效能办完成时限:11月2"
        "0日前3. 清理规范中介服务。加快开展中介服务清理工作。责任单位:区行政审批局、"
        "区效能办牵头,区直各有关部门配合 完成时限:12月25日前\n"
    )
    assert roles(plan) == [
        ("二.一", ["区直各部门", "各乡镇"], []),
        ("二.二.1", ["区直各部门", "各乡镇"], []),
        ("二.二.2", ["区直各部门", "区效能办"], []),
        ("二.二.3", ["区行政审批局", "区效能办"], []),
    ]
    assert [t.deadline for t in plan.tasks] == ["9月25日前", "10月23日前", "11月20日前", "12月25日前"]


def test_prose_bodies_named_by_their_level_and_function() -> None:
    plan = parse_text(
        "某区公益林管护事项收回实施方案\n四、工作要求\n"
        "(一)提高思想认识。区级林业部门要强化政策宣贯力度。\n"
        "(二)夯实各方责任。街镇林业部门作为原有管护工作的实施主体,要严格落实属地责任。\n"
        "(三)实施抚育项目。区级林业部门制定公益林抚育年度计划。\n"
        "(四)明确责任。县级各部门、各乡镇要明确责任。\n"
    )
    assert roles(plan) == [
        ("四.一", ["区级林业部门"], []),
        ("四.二", ["街镇林业部门"], []),
        ("四.三", ["区级林业部门"], []),
    ]


def test_a_heading_naming_a_body_s_duties_leads_each_item_under_it() -> None:
    plan = parse_text(
        "某区基层消防安全综合治理实施意见\n三、工作职责\n(一)街镇消防安全委员会职责\n"
        "1.组织领导本地区基层消防安全综合治理工作。\n2.定期分析研判辖区消防安全形势。\n"
        "(二)居(村)委职责\n1.宣传消防法律法规。\n"
        "四、工作机制\n(一)分级挂牌督办。对专项整治中发现的重大隐患由区消防救援支队挂牌督办。\n"
    )
    assert roles(plan)[:3] == [
        ("三.一.1", ["街镇消防安全委员会"], []),
        ("三.一.2", ["街镇消防安全委员会"], []),
        ("三.二.1", ["居（村）委"], []),
    ]
    assert all("分级挂牌督办" not in t.leads for t in plan.tasks)


def test_bodies_by_ownership_and_the_others_that_may_do_the_work() -> None:
    plan = parse_text(
        "某区应急避难场所建设方案\n三、建设方式\n"
        "(一)直接设置。按照权属关系,由所在镇政府、街道(开发区)办事处、头桥集团或区政府相关部门(单位),"
        "组织评估和方案设计。\n"
        "(二)科学规划。各镇政府、头桥集团或区政府相关部门(单位)应按照规划要求,分析资源现状。\n"
    )
    assert roles(plan) == [
        ("三.一", ["所在镇政府", "街道（开发区）办事处", "头桥集团"], []),
        ("三.二", ["各镇政府", "头桥集团"], []),
    ]


def test_a_lead_then_bodies_that_fulfil_their_duties_and_bodies_that_see_to_it() -> None:
    plan = parse_text(
        "某区应急避难场所建设方案\n五、职责分工\n"
        "在区政府的统一领导下,区民防办、应急管理局牵头,区发展改革委、规划资源局、建设管理委、财政局等部门"
        "履行相应职责,各镇政府、头桥集团落实主体责任。\n"
    )
    task = plan.tasks[0]
    assert task.leads == ["区民防办", "应急管理局"]
    assert task.participants == ["区发展改革委", "规划资源局", "建设管理委", "财政局"]
    assert [(o.name, o.role) for o in task.others] == [("各镇政府", "落实"), ("头桥集团", "落实")]


def test_each_body_s_duty_sentences_in_prose_are_a_task_of_their_own() -> None:
    plan = parse_text(
        "某局专项整治方案\n四、职责分工\n"
        "(一)明确分工。局药械处负责组织实施整治工作,各分局派人员配合;稽查支队负责对移办案件的查处;"
        "办公室负责新闻宣传工作。各项工作要及时报送情况。\n"
        "(二)加强督查。局药械处负责督查。\n"
    )
    assert roles(plan) == [
        ("四.一.s1", ["局药械处"], ["各分局"]),
        ("四.一.s2", ["稽查支队"], []),
        ("四.一.s3", ["办公室"], []),
        ("四.二", ["局药械处"], []),
    ]
    assert plan.tasks[1].text.startswith("稽查支队负责")


def test_a_zone_office_s_own_divisions_charged_in_prose() -> None:
    plan = parse_text(
        "某片区道路交通安全工作要点\n三、工作措施\n"
        "(一)夯实基层基础。交通与建设处要完善道路安全设施;党群工作处要夯实农村道安组织。\n"
        "(二)加强宣传。社会事业处、辖区派出所要开展交通安全宣传进校园活动。\n"
        "(三)制定方案,部署落实局食品处要根据省局要求制定实施方案。\n"
    )
    assert roles(plan) == [
        ("三.一.s1", ["交通与建设处"], []),
        ("三.一.s2", ["党群工作处"], []),
        ("三.二", ["社会事业处", "辖区派出所"], []),
        ("三.三", ["局食品处"], []),
    ]


def test_the_towns_and_zones_lead_and_a_sentence_past_them_is_no_name() -> None:
    plan = parse_text(
        "某区基层消防安全综合治理实施意见\n四、工作机制\n"
        "(一)规范处置流程。由街镇(园区)牵头建立基层消防综合治理协作处置机制,完善协作闭环处置程序。\n"
    )
    assert roles(plan) == [("四.一", ["街镇（园区）"], [])]


def test_the_kinds_of_body_a_group_takes_in_written_as_a_list() -> None:
    plan = parse_text(
        "某区实施意见\n1.向区委专题报告工作(牵头单位:区消防救援支队;配合单位:各街道、相关委、办、局)。\n"
    )
    assert roles(plan) == [("1", ["区消防救援支队"], ["各街道"])]


def test_a_level_written_once_in_a_list_picks_the_spelling_the_plan_writes_at_that_level() -> None:
    plan = parse_text(
        "某区道路交通安全综合整治方案\n"
        "1.严格驾驶人培训考试。(区交通与建设局牵头,区经济发展局和县交通局、公安局等相关部门配合)\n"
        "2.严格道路交通安全执法。(区公安局牵头,县公安局配合)\n"
    )
    assert roles(plan)[0] == ("1", ["区交通与建设局"], ["区经济发展局", "县交通局", "县公安局"])


def test_a_duty_sentence_naming_the_work_an_alternative_and_the_kind_of_guidance() -> None:
    plan = parse_text(
        "某区宜居环境建设行动计划\n三、实施项目\n"
        "(一)供水管道项目。实施内容:淘汰老旧管网。责任分工:其他项目由各片区开发管理局(或业主单位)负责实施,"
        "区直部门配合,区交通与建设局业务指导。\n"
        "(二)小流域治理项目。实施内容:加强生态护坡。责任分工:竹屿湖二期项目由区交通投资有限公司负责实施,"
        "区直有关单位配合。\n"
    )
    assert roles(plan)[1] == ("三.二", ["区交通投资有限公司"], [])
    first = plan.tasks[0]
    assert first.leads == ["各片区开发管理局"]
    assert [o.name for o in first.others] == ["区交通与建设局"]


def test_a_page_s_time_stamp_is_no_deadline_label_over_the_notice() -> None:
    plan = parse_text(
        "某局关于印发工作思路的通知 时间:2016-01-19 18:26 微信 微博 各处(室)、分局:为了贯彻落实省委、"
        "党工委的相关工作部署,结合本局实际,现印发给你们,请对照各自职责,认真贯彻落实。\n"
        "一、重点工作\n1.加强知识产权保护。(知识产权处负责)\n"
    )
    assert roles(plan) == [("一.1", ["知识产权处"], [])]


def test_bodies_named_alone_on_a_line_over_their_blocks_of_duties() -> None:
    plan = parse_text(
        "清理拖欠工程款部门职责\n市劳动和社会保障局\n负责农民工工资的清欠和防欠工作。\n(一)制定企业欠薪报告预警机制。\n"
        "(二)建立农民工工资保障金制度。\n市建设局\n(一)在工地设立农民工维权公告牌制度。\n(二)限时办理竣工结算制度。\n"
    )
    assert [(t.leads, t.text[:12]) for t in plan.tasks] == [
        (["市劳动和社会保障局"], "市劳动和社会保障局:负责"),
        (["市建设局"], "市建设局:(一)在工地设"),
    ]


def test_a_table_row_s_body_cell_after_its_number_is_no_block_heading() -> None:
    plan = parse_text(
        "校园食品安全管理\n序号 涉及部门 职责分工\n1\n市教育局\n负责校园食品安全管理工作。\n"
        "2\n市市场监督管理局\n负责学校集中用餐食品安全的监督管理。\n"
    )
    assert [t.leads for t in plan.tasks] == [["市教育局"], ["市市场监督管理局"]]
    assert plan.tasks[0].text.startswith("负责校园")


def test_a_page_of_items_each_with_its_person_and_time_limit_run_together() -> None:
    plan = parse_text(
        "某片区管理局党委关于印发专项整治工作方案的通知 一、聚焦扶贫领域问题1.解决义务教育阶段孩"
        "子辍学问题。整改措施:配合区教育局做好摸底工作。责 任 人:周训岚整改时限:立整立改2.保"
        "障贫困户基本住房安全。整改措施:继续抓好危房改造任务落实。责 任 人:林述佳整改时限:立整"
        "立改二、聚焦统计造假问题3.规范统计行为。整改措施:组织学习。责任领导:林 彦整改时限:立"
        "整立改\n"
    )
    people = [[(o.name, o.role) for o in t.others if o.person] for t in plan.tasks]
    assert people == [[("周训岚", "责任人")], [("林述佳", "责任人")], [("林彦", "责任领导")]]
    assert plan.tasks[0].deadline == "立整立改"


def test_prose_helpers_and_the_body_they_help_which_leads() -> None:
    plan = parse_text(
        "某区生态保护红线划定工作分工\n一、区环境与国土资源局配合区规划局对划定的水源水库界线进行确认。\n"
        "二、区农村发展局配合区规划局对划定的自然保护区界线进行确认。\n"
    )
    assert roles(plan) == [
        ("一", ["区规划局"], ["区环境与国土资源局"]),
        ("二", ["区规划局"], ["区农村发展局"]),
    ]


def test_a_body_combining_its_work_and_an_adverb_that_joins_no_names() -> None:
    plan = parse_text(
        "某区农村房屋安全隐患排查整治工作方案\n二、职责分工\n"
        "1.区规划资源局结合农村建房数据核查工作成果,共享农村不动产登记信息。\n"
        "2.区应急局结合第一次自然灾害综合风险普查工作,协同做好面上排查整治协调工作。\n"
        "3.对存在安全隐患的农村自建房,由相关乡镇及时委托第三方机构进行评估。\n"
    )
    assert [t.leads for t in plan.tasks[:2]] == [["区规划资源局"], ["区应急局"]]
    assert all("时委" not in t.leads for t in plan.tasks)


def test_bodies_charged_too_in_a_later_sentence_of_the_same_stretch() -> None:
    plan = parse_text(
        "某市节能工作分工\n四、保障措施\n(一)加强领导。市发改委对全市节能工作总负责,县(区、"
        "市)政府、各工业园区也要明确相应的管理机构。\n"
    )
    assert roles(plan) == [("四.一", ["市发改委", "县（区、市）政府", "各工业园区"], [])]


def test_a_heading_s_one_paragraph_cut_body_by_body_keeps_the_heading() -> None:
    plan = parse_text(
        "某市零碳园区建设方案\n三、主要任务\n(二)培育绿色低碳产业集群\n"
        "市经济信息化委支持推广以绿制绿模式。市生态环境局推进无废园区建设。\n"
        "(三)提升建筑降碳管理\n市住房城乡建设管理委制定建筑领域能耗标准。\n"
    )
    assert roles(plan) == [
        ("三.二.s1", ["市经济信息化委"], []),
        ("三.二.s2", ["市生态环境局"], []),
        ("三.三", ["市住房城乡建设管理委"], []),
    ]
    assert plan.tasks[0].text.startswith("培育绿色低碳产业集群")


def test_a_label_line_whose_list_runs_into_the_next_paragraph_after_a_gap() -> None:
    plan = parse_text(
        "某区土壤污染防治工作方案 一、主要任务 1.防治农业面源污染 强化畜禽养殖污染防治。到20"
        "20年配套建设废弃物处理设施。 责任单位:区农村发展局牵头,区环境与国土资源局等参与 鼓励"
        "农民增施有机肥,减少化肥使用量,推广秸秆还田。到2020年化肥使用量实现零增长。 责任单位"
        ":区农村发展局负责 2.加强生活污染控制 开展生活垃圾分类收集试点。 责任单位:区环境与国"
        "土资源局牵头\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["区农村发展局"], ["区环境与国土资源局"]),
        (["区农村发展局"], []),
        (["区环境与国土资源局"], []),
    ]
    assert plan.tasks[1].text.startswith("鼓励农民增施有机肥")


def test_work_and_a_page_s_source_line_never_make_a_body_s_name() -> None:
    said = parse_assignment(
        "责任单位:集中开展灭火救援训练县政府、区市场监督管理局严格监管、来源:某区管理局、区消防救援支队"
    )
    assert [n.text for n in said.responsible] == ["区消防救援支队"]


def test_the_issuing_bureau_s_divisions_concerned_name_nobody() -> None:
    assert is_vague("市局各有关处室") and is_vague("局相关处室")
    assert not is_vague("省药监局相关处室")  # names the 省药监局


def test_levels_written_before_one_body_each_have_it() -> None:
    assert [n.text for n in parse_names("市、区民政局")] == ["市民政局", "区民政局"]
    assert [n.text for n in parse_names("省、市、县三级财政部门")] == [
        "省财政部门",
        "市财政部门",
        "县财政部门",
    ]
    assert [n.text for n in parse_names("各县、市、区政府")] == ["各县、市、区政府"]  # one group
