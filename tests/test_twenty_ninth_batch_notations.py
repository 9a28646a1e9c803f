"""Notations met in the twenty-ninth to thirty-second batches of unseen plans, each in invented text.

Inspection notices (整改通报) whose measures say who acts in a sentence after a label with no role
(整改措施:由包片单位县林业局负责…, 由县住建局督促…); a label that opens with its topic (问题整改责任单位:)
beside a time limit on the same line (整改时限:3天); a list's next number run onto its text (4关于…);
the notice's closing paragraph after its last item; a web page stored on one line with no stops
between its items (…推广运用。责任单位:区经济发展局2.全面落实…); a 责任分工: sentence whose clauses
each name bodies and their part (X负责开展…, Y组织实施, Z配合, W业务检查指导).
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.parsers.names import parse_names
from matrix.text.roles import LabelKind, read_label

NOTICE = (
    "关于市容问题的通报\n"
    "1、广伟商城户外宣传广告破损。\n整改措施:由县住建局督促商户更换。\n"
    "2、新正街人行道多处摊贩流动经营。\n整改措施:由市容环境综合整治联合执法工作组负责整治。\n"
    "3、河滨南路有住户晾晒衣物。\n整改措施:由包片单位县文广局督促住户移走。\n"
    "4关于网民反映月城巷井盖下沉的问题。\n整改措施:由城关镇负责予以修缮。\n"
    "请各责任单位尽快整改,整改结果报县双创办。\n"
)


def test_a_measure_names_who_acts_after_by_whatever_the_verb() -> None:
    plan = parse_text(NOTICE)
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("1", ["县住建局"]),
        ("2", ["市容环境综合整治联合执法工作组"]),
        ("3", ["县文广局"]),
        ("4", ["城关镇"]),
    ]


def test_a_list_s_next_number_run_onto_its_text_is_an_item_and_a_count_is_not() -> None:
    plan = parse_text(NOTICE)
    assert task(plan, "4").text.startswith("关于网民反映")
    counted = parse_text("方案\n1、整治广告。(县住建局负责)\n2个片区整治卫生。\n")
    assert [t.id for t in counted.tasks] == ["1"]


def test_the_closing_paragraph_is_not_the_last_item_s() -> None:
    plan = parse_text(NOTICE)
    last = task(plan, "4")
    assert "请各责任单位" not in last.text and "修缮" in last.text


def test_a_descriptor_before_a_levelled_name_is_not_part_of_it() -> None:
    assert [n.text for n in parse_names("沿线包片单位县职教中心、县消防大队")] == ["县职教中心", "县消防大队"]
    # a role word there is a label the text did not set off: kept whole, to be reported
    assert [n.text for n in parse_names("牵头单位县发改局")] == ["牵头单位县发改局"]


def test_a_label_may_open_with_its_topic_before_a_colon() -> None:
    found = read_label("问题整改责任单位", topic=True)
    assert found is not None and found.kind is LabelKind.RESPONSIBLE
    assert read_label("问题整改责任单位") is None  # a table's header cell is read whole
    assert read_label("督察落实单位", topic=True) is None  # oversight words are no topic
    plan = parse_text(
        "问题清单\n1. 市第二人民医院\n(1)禁烟标识不达标;\n(2)宣传牌不规范。\n"
        "问题整改责任单位:市卫生健康委员会 整改时限:5天\n"
        "2. 市科技馆\n(1)灭火器过期。\n(2)意见簿不规范。\n问题整改责任单位:市科技馆 整改时限:3天\n"
    )
    assert [(t.id, t.leads, t.deadline) for t in plan.tasks] == [
        ("1", ["市卫生健康委员会"], "5天"),
        ("2", ["市科技馆"], "3天"),
    ]
    assert not [f for f in plan.findings if "没有读懂" in f.message]


def test_a_page_on_one_line_is_cut_where_its_numbers_run_in_order() -> None:
    line = (
        "若干措施为推进民营经济发展,制定如下措施。一、促进公平竞争1.坚持同等待遇。落实负面清单制度,"
        "推动依法平等参与竞争。责任单位:区经济发展局2.落实公平竞争审查制度。推行集中审查试点,"
        "统一、规范审查标准。责任单位:区市场监管局二、放宽民企准入3.培育特色产业。鼓励民营经济"
        "向高端发展。责任单位:区旅游文体局、区农业农村局4.推动产业转型。责任单位:区交通建设局"
    )
    plan = parse_text(line + "\n")
    assert roles(plan) == [
        ("一.1", ["区经济发展局"], []),
        ("一.2", ["区市场监管局"], []),
        ("二.3", ["区旅游文体局", "区农业农村局"], []),
        ("二.4", ["区交通建设局"], []),
    ]


def test_a_duty_sentence_is_read_clause_by_clause() -> None:
    plan = parse_text(
        "实施方案\n(一)建设美丽乡村。实施项目:1个示范乡。"
        "责任分工:区规划局负责开展规划编制工作,各片区开发管理局组织实施,区交通局配合,"
        "区住建局业务检查指导。\n"
        "(二)打造完整社区。责任分工:由平潭燃气有限公司负责,区交通局配合。\n"
    )
    first = task(plan, "一")
    assert first.leads == ["区规划局"] and first.participants == ["区交通局"]
    assert sorted(o.name for o in first.others) == ["区住建局", "各片区开发管理局"]
    assert task(plan, "二").leads == ["平潭燃气有限公司"]


def test_a_header_with_no_number_column_over_rows_run_together() -> None:
    line = (
        "附件 任务分解表工作任务工作要求牵头单位配合单位一、加强信息公开1.增强政策透明度。"
        "区发改局区财政局2.加大帮扶政策公开力度。区商务局区文旅局"
    )
    plan = parse_text("通知\n" + line + "\n")
    assert roles(plan) == [("一.1", ["区发改局"], ["区财政局"]), ("一.2", ["区商务局"], ["区文旅局"])]
    assert any("连在一起" in f.message for f in plan.findings)


def test_a_group_of_levels_before_one_government_stays_one_addressee() -> None:
    assert [n.text for n in parse_names("市民政局,各区、县级市政府")] == ["市民政局", "各区、县级市政府"]
    assert [n.text for n in parse_names("广州、深圳市政府")] == ["广州市政府", "深圳市政府"]


def test_some_bodies_of_a_kind_name_nobody() -> None:
    plan = parse_text("方案\n1.建设平台。(责任部门:市科委、各相关委办局、相关企事业科研单位)\n")
    assert plan.tasks[0].leads == ["市科委"]


def test_supporting_bodies_take_part() -> None:
    plan = parse_text("方案\n1.推进城市更新。(牵头单位:区建设管理委,支撑单位:区规划资源局、区经委)\n")
    assert roles(plan) == [("1", ["区建设管理委"], ["区规划资源局", "区经委"])]


def test_a_duty_section_item_opening_with_a_levelled_body_is_that_body_s() -> None:
    plan = parse_text(
        "方案\n五、职责分工\n(一)区级部门\n各部门要按职责深入指导。\n"
        "(二)区宣传与影视发展部充分发挥电视、网络作用,宣传推广防治知识。\n"
        "(三)区财政金融局全区防控专项经费列入年度预算。\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("五.二", ["区宣传与影视发展部"]),
        ("五.三", ["区财政金融局"]),
    ]


def test_some_towns_and_districts_name_nobody() -> None:
    plan = parse_text("要点\n1.扩大外贸。\n责任单位:外贸局、发改局;配合单位:相关镇街区。\n")
    assert roles(plan) == [("1", ["外贸局", "发改局"], [])]


def test_a_counted_group_takes_in_the_towns_after_it() -> None:
    assert [n.text for n in parse_names("区教育局等相关部门,13个街道、镇")] == ["区教育局", "13个街道、镇"]


def test_bare_places_before_a_body_share_its_ending_but_levelled_ones_do_not() -> None:
    assert [n.text for n in parse_names("吴泾、塘湾派出所")] == ["吴泾派出所", "塘湾派出所"]
    assert [n.text for n in parse_names("金井、澳前片区开发管理局")] == [
        "金井片区开发管理局",
        "澳前片区开发管理局",
    ]
    # a place with its level is a body as written (the annotation's ruling on a level written once)
    assert [n.text for n in parse_names("岚城乡、北厝镇人民政府")] == ["岚城乡", "北厝镇人民政府"]
    plan = parse_text("方案\n二、职责分工\n(九)吴泾、塘湾派出所:负责运输车辆行驶路线管理。\n")
    assert plan.tasks[0].leads == ["吴泾派出所", "塘湾派出所"]
