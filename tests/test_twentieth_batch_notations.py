"""Notations met in the twentieth batch of unseen plans, each in invented text.

A web table copied one cell a line whose section heading sits in a row's first cell, with its
roles written as a sentence (A牵头,B配合,C技术保障) and words in its time column; a bureau's table
with the city's bodies in one column (市里落实单位) and its own divisions in another (局内负责处室),
whose rows skip the cells merged from above; groups in a bare list (区直各单位、各镇(街)); a bracket
broken between its labels; groups that name nobody (有关成员单位, 国务院相关部门和单位); a page
that lost its line breaks, where a section's first item runs into its heading.
"""

from __future__ import annotations

from helpers import parse_text, roles


def test_a_section_heading_in_a_rows_first_cell_and_roles_written_as_a_sentence() -> None:
    plan = parse_text(
        "分工方案\n序号\n\n工作任务\n\n具体要求\n\n落实处室(部门)\n\n完成时限\n\n"
        "1\n\n一、深化政务公开\n\n做好财政信息公开\n\n推进单位预算、决算公开。\n\n"
        "装财处牵头,办公室配合,科监处技术保障。\n\n7月底前完善各项制度。\n\n"
        "2\n\n二、加强政策解读\n\n(一)持续加强重大政策发布解读\n\n切实加强重大政策的发布解读。\n\n法规处。\n"
    )
    assert [(t.outline, t.leads, t.participants) for t in plan.tasks] == [
        (("一", "1"), ["装财处"], ["办公室"]),
        (("二", "2"), ["法规处"], []),
    ]
    assert [(o.name, o.role) for o in plan.tasks[0].others] == [("科监处", "技术保障")]
    assert plan.tasks[0].text.startswith("做好财政信息公开")


def test_the_citys_bodies_beside_the_bureaus_own_divisions() -> None:
    plan = parse_text(
        "工作任務 | 具體要求 | 市里落實單位 | 局內負責 處室 |\n"
        "一、深化政務公開 |\n"
        "(一)做好財政信息公開。 | 1. 推進部門預算公開。 | 市財政局牽頭,市直各單位落實;各區政府 |"
        " 財審處牽頭,局屬各單位落實 |\n"
        "2. 深化債務信息公開。 | 規計處 |\n"
    )
    assert roles(plan) == [("一.1", ["財審處"], []), ("一.2", ["規計處"], [])]
    first = plan.tasks[0]
    assert [(o.name, o.role) for o in first.others] == [
        ("局屬各單位", "落实"),
        ("市財政局", "市里落實單位"),
        ("各區政府", "市里落實單位"),
        ("市直各單位", "市里落實單位"),
    ]
    assert plan.tasks[1].others == []  # the city's cell above is merged down, not this row's


def test_groups_in_a_bare_list_and_a_lead_rule_worded_by_function() -> None:
    plan = parse_text(
        "工作任务 | 具体要求 | 责任单位 |\n"
        "(一)加强信息公开。 | 1.加大政策公开力度。 | 区发展改革局、区财政局 |\n"
        "2.持续深化政策集中公开。 | 区直各单位、各镇(街) |\n"
        "(二)加强减税降费信息公开。 | 3.智能推送减税降费政策。 |"
        " 区税务局、区财政局按职能分工落实,各镇(街) |\n"
    )
    assert [t.leads for t in plan.tasks] == [
        ["区发展改革局", "区财政局"],
        ["区直各单位", "各镇（街）"],
        ["区税务局", "区财政局", "各镇（街）"],
    ]


def test_a_bracket_broken_between_its_labels() -> None:
    plan = parse_text(
        "专项整治方案\n二、重点整治问题\n(一)违法违规土葬行为。\n"
        "1、遗体土葬和骨灰棺木套葬。(牵头单位:各镇(区);\n参与单位:镇区民政办)\n"
        "2、领取丧葬补贴行为。(牵头单位:县人社局;\n参与单位:县民政局)\n"
    )
    assert roles(plan) == [
        ("二.一.1", ["各镇（区）"], ["镇区民政办"]),
        ("二.一.2", ["县人社局"], ["县民政局"]),
    ]


def test_groups_that_name_nobody() -> None:
    plan = parse_text(
        "工作要点\n(一)推进城乡环境卫生整治。(全国爱卫办牵头,有关成员单位参与)\n"
        "(二)建立政企沟通机制。(国务院办公厅牵头,国务院相关部门和单位及各地区按职责分工负责)\n"
    )
    assert roles(plan) == [("一", ["全国爱卫办"], []), ("二", ["国务院办公厅"], ["各地区"])]


def test_a_page_without_breaks_whose_sections_run_into_their_first_items() -> None:
    plan = parse_text(
        "实施意见\n各省、自治区、直辖市人民政府:为深入推进改革,现提出以下意见。"
        "一、持续提升投资建设便利度(一)优化审批流程。健全部门协同工作机制。(国家发展改革委牵头,各地区负责)"
        "(二)提升审批效率。全面推行分级分类管理。(住房城乡建设部牵头,各地区负责)"
        "二、进一步简化企业生产经营审批(三)降低市场准入门槛。清理不合理的资质要求。(商务部负责)"
        "(四)抓好惠企政策兑现。主动精准推送政策。(各地区、各部门负责)\n"
    )
    assert roles(plan) == [
        ("一.一", ["国家发展改革委"], ["各地区"]),
        ("一.二", ["住房城乡建设部"], ["各地区"]),
        ("二.三", ["商务部"], []),
        ("二.四", ["各地区", "各部门"], []),
    ]


def test_labels_run_into_the_text_with_no_colon() -> None:
    """A copy that lost its punctuation (904): the label and its bodies end the line."""
    plan = parse_text(
        "环境整顿方案\n三、整治重点和责任分解\n"
        "1、交界处积存混合垃圾责任单位环卫公司、执法七中队\n"
        "2、门前积存垃圾,清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队\n"
    )
    assert roles(plan) == [
        ("三.1", ["环卫公司", "执法七中队"], []),
        ("三.2", ["环卫分公司"], ["办事处", "城管中队"]),
    ]


def test_a_label_word_in_prose_is_no_glued_label() -> None:
    plan = parse_text(
        "通知\n一、明确分工\n1.明确了各项工作的牵头处室、配合处室以及完成时限等,请认真贯彻执行。\n"
        "2.推进政务公开。(办公室牵头)\n"
    )
    # the bracket after the second of two items is the section's (see the fifty-second batch)
    assert roles(plan) == [("一", ["办公室"], [])]
