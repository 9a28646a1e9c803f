"""Notations read by their grammar: labels by their parts, persons, sentences, tables of every shape.

Every plan here is invented; each test names the class of notation it covers.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from helpers import parse_text, task

from matrix import parse_plan
from matrix.checks import check_plan
from matrix.graph import PlanGraph
from matrix.model import Plan, Severity
from matrix.settings import Settings
from matrix.text.roles import LabelKind, read_label


def _roles(plan: Plan) -> list[tuple[list[str], list[str]]]:
    return [(t.leads, t.participants) for t in plan.tasks]


def _errors(plan: Plan) -> list[str]:
    return [f.message for f in plan.findings if f.severity is Severity.ERROR]


# --- labels by their parts ------------------------------------------------------------------
def test_label_grammar_reads_unlisted_labels() -> None:
    cases = {
        "牵头责任单位": LabelKind.LEAD,
        "协同责任单位": LabelKind.PARTICIPANT,
        "主要协作单位": LabelKind.PARTICIPANT,
        "主要责任单位": LabelKind.LEAD,
        "共同牵头单位": LabelKind.LEAD,
        "主责单位": LabelKind.LEAD,
        "主办部门": LabelKind.LEAD,
        "协办部门": LabelKind.PARTICIPANT,
        "配合部门": LabelKind.PARTICIPANT,
        "责任处室": LabelKind.RESPONSIBLE,
        "实施主体": LabelKind.RESPONSIBLE,
        "分管省领导": LabelKind.PERSON,
        "牵头负责领导": LabelKind.PERSON,
        "联系人": LabelKind.PERSON,
        "部门分工": LabelKind.SENTENCE,
        "完成时限": LabelKind.DEADLINE,
    }
    assert {word: getattr(read_label(word), "kind", None) for word in cases} == cases
    assert read_label("工作目标") is None
    assert read_label("抄送单位") is None


def test_labelled_lines_outside_the_old_lists() -> None:
    plan = parse_text(
        "1.推进工业互联网平台建设。\n"
        "牵头责任单位:市经信局。\n"
        "协同责任单位:市发改委、市农业农村局、市税务局、六安供电公司等。\n"
        "2.发展数字农业。\n"
        "主要责任单位:市农业农村局\n"
        "主要协作单位:市科技局、市商务局\n"
        "3.优化营商环境。\n"
        "部门分工:市发展改革委牵头,各县区、市直各部门配合。\n"
    )
    assert _roles(plan) == [
        (["市经信局"], ["市发改委", "市农业农村局", "市税务局", "六安供电公司"]),
        (["市农业农村局"], ["市科技局", "市商务局"]),
        (["市发展改革委"], ["各县区", "市直各部门"]),
    ]


def test_lead_label_beside_responsible_label_makes_participants() -> None:
    plan = parse_text("1.建设物流园区。\n牵头单位:县商务局\n责任单位:县交通局、县自然资源局\n")
    assert _roles(plan) == [(["县商务局"], ["县交通局", "县自然资源局"])]


def test_labels_named_in_settings() -> None:
    text = "1.开展专项督查。\n牵头单位:市政府办公室\n抄送单位:市委办公室\n督导单位:市纪委监委\n"
    plain = parse_text(text)
    assert any("抄送单位" in m for m in _errors(plain))
    settings = Settings(labels={"抄送单位": LabelKind.IGNORE, "督导单位": LabelKind.OTHER})
    plan = parse_text(text, settings)
    assert not _errors(plan)
    t = task(plan, "1")
    assert t.leads == ["市政府办公室"] and t.participants == []
    assert [(o.name, o.role) for o in t.others] == [("市纪委监委", "督导单位")]


def test_settings_labels_table_is_read(tmp_path: Path) -> None:
    plan_path = tmp_path / "p.txt"
    plan_path.write_text("1.开展专项督查。\n牵头单位:市政府办公室\n会签单位:市财政局\n", encoding="utf-8")
    (tmp_path / "p.toml").write_text('[labels]\n"会签单位" = "participant"\n', encoding="utf-8")
    plan = parse_plan(plan_path)
    assert _roles(plan) == [(["市政府办公室"], ["市财政局"])]


# --- persons ---------------------------------------------------------------------------------
def test_person_lines_are_persons_not_departments() -> None:
    plan = parse_text(
        "1.加快新能源汽车产业发展。\n分管省领导:林克庆\n牵头负责领导:束学龙。\n牵头单位:省工信厅\n配合单位:省发改委\n"
    )
    t = task(plan, "1")
    assert t.leads == ["省工信厅"] and t.participants == ["省发改委"]
    assert [(o.name, o.role, o.person) for o in t.others] == [
        ("林克庆", "分管省领导", True),
        ("束学龙", "牵头负责领导", True),
    ]
    graph = PlanGraph(plan)
    assert [d.name for d in graph.departments()] == ["省工信厅", "省发改委"]


def test_leader_heading_gives_person_to_every_task_under_it() -> None:
    plan = parse_text(
        "一、张三省长主抓重点工作\n1.推进制造业转型(省经信厅牵头)\n2.扩大有效投资(省发改委牵头)\n二、其他工作\n3.办好民生实事(省民政厅牵头)\n"
    )
    assert [[(o.name, o.role) for o in t.others] for t in plan.tasks] == [
        [("张三", "省长主抓")],
        [("张三", "省长主抓")],
        [],
    ]
    assert all(o.person for t in plan.tasks for o in t.others)


# --- sentences outside brackets --------------------------------------------------------------
def test_sentence_assignment_on_its_own_line_and_after_the_text() -> None:
    plan = parse_text(
        "1.完善创业担保贷款政策。\n市人社局牵头,市财政局、人行六安中心支行配合。\n"
        "2.加强职业技能培训。市人社局牵头,市教育局配合。\n"
        "3.形成科技部门牵头,有关部门协同配合的工作机制。\n"
    )
    assert _roles(plan)[:2] == [
        (["市人社局"], ["市财政局", "人行六安中心支行"]),
        (["市人社局"], ["市教育局"]),
    ]
    assert all(t.text.startswith("形成") is False for t in plan.tasks)


# --- role words after a name; deadlines with a verb ------------------------------------------
def test_role_remarks_after_names() -> None:
    plan = parse_text("1.推进医保支付改革(县卫健局牵头,县医保局(按职责分工负责)、县财政局配合)\n")
    assert _roles(plan) == [(["县卫健局"], ["县医保局", "县财政局"])]
    plan = parse_text("1.建设智慧城市。\n责任单位:市发改委(牵头)、市财政局\n")
    assert _roles(plan) == [(["市发改委"], ["市财政局"])]


def test_deadline_with_a_verb() -> None:
    plan = parse_text("1.完成老旧小区改造(市住建局牵头,2025年9月底前完成)\n")
    assert plan.tasks[0].deadline == "2025年9月底前"
    plan = parse_text("1.完成老旧小区改造。\n牵头单位:市住建局\n完成时限:2025年9月底前完成\n")
    assert plan.tasks[0].deadline == "2025年9月底前"


# --- tables flattened to text ----------------------------------------------------------------
def test_one_cell_per_line_table_with_blank_lines_and_a_short_row() -> None:
    plan = parse_text(
        "2024年区政府重点工作任务分解表\n\n序号\n\n目标与任务\n\n责任单位\n\n"
        "1\n\n地区生产总值增长5.5%左右\n\n区发展改革委\n\n"
        "2\n\n一般公共预算收入增长3%\n\n区财政局 区税务局\n\n"
        "3\n\n城镇新增就业1.2万人\n\n"
        "4\n\n粮食播种面积稳定在10万亩\n\n区农业农村局\n"
    )
    read = [(t.text, t.leads, t.participants) for t in plan.tasks]
    # a row that names nobody shares the row above's units (a merged cell printed once), loudly
    assert read == [
        ("地区生产总值增长5.5%左右", ["区发展改革委"], []),
        ("一般公共预算收入增长3%", ["区财政局", "区税务局"], []),
        ("城镇新增就业1.2万人", ["区财政局", "区税务局"], []),
        ("粮食播种面积稳定在10万亩", ["区农业农村局"], []),
    ]
    assert all("序号" not in t.text and "责任单位" not in t.text for t in plan.tasks)
    short = [f for f in plan.findings if "第3行" in f.message]
    assert len(short) == 1 and short[0].line == 21 and "沿用上一行" in short[0].message


def test_pipe_and_tab_rows_with_a_note_stating_the_lead_rule() -> None:
    plan = parse_text(
        "序号|重点任务|责任单位|完成时限\n"
        "1|建设物流枢纽|市发改委、市交通局|2025年底前\n"
        "2|培育电商主体|市商务局 市邮政管理局|—\n"
        "注:责任单位列第一位的为牵头单位。\n"
    )
    assert _roles(plan) == [(["市发改委"], ["市交通局"]), (["市商务局"], ["市邮政管理局"])]
    assert [t.deadline for t in plan.tasks] == ["2025年底前", None]


# --- Word tables -----------------------------------------------------------------------------
def _merged_header_docx(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("重点任务分工表")
    table = doc.add_table(rows=2, cols=5)
    top, second = table.rows[0].cells, table.rows[1].cells
    top[0].text, top[1].text, top[2].text, top[4].text = "序号", "重点任务", "责任单位", "完成时限"
    second[2].text, second[3].text = "牵头单位", "配合单位"
    top[0].merge(second[0])
    top[1].merge(second[1])
    top[4].merge(second[4])
    top[2].merge(top[3])
    section = table.add_row().cells
    section[0].merge(section[4]).text = "(一)做强特色农业"
    rows = [
        ("1", "建设高标准农田", "县农业农村局", "县财政局\n县水利局", "2025年底前完成"),
        ("2", "发展农产品加工", "县工信局(牵头)、县农业农村局", "/", "长期坚持"),
        ("3", "培育家庭农场", "县农业农村局", "无", ""),
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            first, *more = value.split("\n")
            cell.text = first
            for extra in more:
                cell.add_paragraph(extra)
    cells = table.add_row().cells
    cells[0].text, cells[1].text, cells[2].text = "4", "推进农村电商", "县商务局"
    run = cells[3].paragraphs[0].add_run("县邮政分公司")
    run.add_break(WD_BREAK.LINE)
    cells[3].paragraphs[0].add_run("县供销社")
    doc.add_paragraph("注:列第一位的为牵头单位")
    doc.save(str(path))


def test_word_table_with_two_row_merged_header(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    _merged_header_docx(path)
    plan = parse_plan(path)
    assert [(t.text, t.leads, t.participants, t.deadline) for t in plan.tasks] == [
        ("建设高标准农田", ["县农业农村局"], ["县财政局", "县水利局"], "2025年底前"),
        ("发展农产品加工", ["县工信局"], ["县农业农村局"], "长期坚持"),
        ("培育家庭农场", ["县农业农村局"], [], None),
        ("推进农村电商", ["县商务局"], ["县邮政分公司", "县供销社"], None),
    ]
    assert [s.title for s in plan.sections] == ["做强特色农业"]


# --- nothing silent --------------------------------------------------------------------------
def test_check_flags_unread_labels_in_a_mixed_plan() -> None:
    plan = parse_text(
        "1.推进项目建设。\n牵头单位:市发改委\n督察落实单位:市政府督查室\n"
        "2.加强要素保障。\n责任单位:市自然资源局\n抄送单位:市人大办公室、市政协办公室\n"
    )
    errors = [f for f in plan.findings if f.severity is Severity.ERROR]
    assert {f.line for f in errors} == {3, 6}
    assert any("督察落实单位" in f.message for f in errors)
    assert any("抄送单位" in f.message for f in errors)


def test_glued_names_are_flagged_and_real_names_are_not() -> None:
    plan = parse_text(
        "1.推进乡村振兴。\n牵头单位:县农业农村局\n配合单位:县工信局县农业农村局、市委组织部、"
        "市生态环境局青山分局、开发区管委会、人行**中心支行\n"
    )
    found = [f.message for f in check_plan(PlanGraph(plan), Settings()) if "粘连" in f.message]
    assert len(found) == 1 and "县工信局县农业农村局" in found[0]


def test_no_task_names_the_lines_that_looked_like_assignments() -> None:
    import pytest

    from matrix.errors import InputError

    with pytest.raises(InputError) as caught:
        parse_text("一、总体要求\n坚持稳中求进。\n二、主要任务\n责任部门会商:市发改委\n")
    assert "第4行" in str(caught.value)


# --- more grammar ----------------------------------------------------------------------------
def test_comma_rule_makes_everyone_before_the_first_comma_lead() -> None:
    plan = parse_text(
        "1.建设算力中心(责任单位:市科技局、市数据局,市委网信办、市电信公司;第一个逗号前为牵头单位,下同)\n"
        "2.培育数据市场(责任单位:市数据局,市科技局)\n"
    )
    assert _roles(plan) == [
        (["市科技局", "市数据局"], ["市委网信办", "市电信公司"]),
        (["市数据局"], ["市科技局"]),
    ]


def test_articles_numbered_di_x_tiao_are_outline_items() -> None:
    plan = parse_text(
        "第一条 办公空间支持\n对新设企业给予租金补贴。(责任单位:区科技局)\n"
        "第二条 人才支持\n(一)青年人才引育。(责任单位:区人力资源局)\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("一", ["区科技局"]), ("二.一", ["区人力资源局"])]


def test_names_beginning_with_jing_keep_it_and_a_star_marks_the_lead() -> None:
    plan = parse_text("1.发展人工智能(责任单位:*经济和信息化厅、科技厅、**开发区管委会)\n")
    assert _roles(plan) == [(["经济和信息化厅"], ["科技厅", "**开发区管委会"])]


def test_a_date_in_a_unit_cell_is_the_deadline() -> None:
    from matrix.parsers.assignment import parse_assignment

    read = parse_assignment("责任单位:县商务局\n12月底前完成")
    assert [n.text for n in read.responsible] == ["县商务局"]
    assert read.deadline == "12月底前"


def test_a_page_collapsed_onto_one_line_is_cut_back_into_its_items() -> None:
    body = (
        "海东县政府工作报告重点工作责任分解 一、张三县长牵头重点工作 "
        "1.全县生产总值增长7.5%左右,城乡居民收入与经济增长基本同步,收入倍差进一步缩小。 "
        "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局 "
        "2.落实党政机关过紧日子的要求,节俭办一切事业,严控三公经费和会议费、培训费。 责任单位:县财政局 "
        "二、李四副县长牵头重点工作 1.坚持县政府常务会议集体学法。 责任单位:县司法局"
    )
    plan = parse_text(body + "\n")
    assert [(t.id, t.leads, t.participants) for t in plan.tasks] == [
        ("一.1", ["县发改局"], ["县财政局", "县税务局"]),
        ("一.2", ["县财政局"], []),
        ("二.1", ["县司法局"], []),
    ]
    assert [o.name for o in plan.tasks[2].others] == ["李四"]


def test_a_wrapped_labelled_list_is_joined() -> None:
    plan = parse_text(
        "1.完善街道党工委领导体制机制。\n牵头单位:区委组织部\n协办单位:区委编办、区民政局、园区党工\n委、各街道党工委\n"
    )
    assert _roles(plan) == [(["区委组织部"], ["区委编办", "区民政局", "园区党工委", "各街道党工委"])]


def test_flattened_table_with_items_and_cells_printed_once_for_the_rows_they_span() -> None:
    plan = parse_text(
        "序号\n目标名称\n工 作 标 准\n区政府\n分管领导\n牵头单位\n配合单位\n"
        "1\n主要预期目标\n(1)地区生产总值增长6%左右。\n赵 六\n区发改局\n开发区\n各街道\n区统计局\n"
        "(2)一般公共预算收入增长3%以上。\n区财政局\n"
        "(3)安全生产形势平稳向好。\n钱七\n区应急管理局\n(安委办)\n区安委会各成员单位\n"
    )
    read = [(t.id, t.leads, t.participants, [o.name for o in t.others]) for t in plan.tasks]
    assert read == [
        ("1.1", ["区发改局"], ["开发区", "各街道", "区统计局"], ["赵六"]),
        ("1.2", ["区财政局"], ["开发区", "各街道", "区统计局"], ["赵六"]),
        ("1.3", ["区应急管理局"], ["区安委会各成员单位"], ["钱七"]),
    ]


def test_place_names_share_the_government_after_them_and_a_desk_in_brackets_is_dropped() -> None:
    plan = parse_text("1.建设人工智能产业园(广州、深圳市政府牵头,市政府办(金融)、市财政局配合)\n")
    assert _roles(plan) == [(["广州市政府", "深圳市政府"], ["市政府办", "市财政局"])]


def test_a_numbered_item_with_two_brackets_is_a_task_per_stretch() -> None:
    plan = parse_text(
        "(一)推进体育赛事。举办国际赛事(市体育局、市文旅局负责。列第一位者为牵头单位,下同)。"
        "加强安保服务(市公安局、市应急局负责)。\n"
    )
    assert [(t.id, t.leads, t.participants) for t in plan.tasks] == [
        ("一.s1", ["市体育局"], ["市文旅局"]),
        ("一.s2", ["市公安局"], ["市应急局"]),
    ]


def test_every_cell_separator_splits_names() -> None:
    from matrix.parsers.names import split_list

    for cell in (
        "县财政局、县水利局",
        "县财政局,县水利局",
        "县财政局;县水利局",
        "县财政局/县水利局",
        "县财政局\n县水利局",
        "县财政局 县水利局",
    ):
        assert split_list(cell) == ["县财政局", "县水利局"], cell
    assert split_list("各地级以上市人民政府") == ["各地级以上市人民政府"]
    plan = parse_text("1.推进工作(省发展改革委牵头负责,各地级以上市人民政府配合)\n")
    assert _roles(plan) == [(["省发展改革委"], ["各地级以上市人民政府"])]


def test_flattened_table_rows_that_go_on_without_a_number_and_divisions_of_one_body() -> None:
    plan = parse_text(
        "序号\n工作事项\n主要内容\n牵头单位\n配合单位\n市卫健委内牵头处室\n"
        "1\n扩大家庭医生来源。\n推动二级医院医师到基层执业。\n各区政府\n市卫生健康委\n基层处\n"
        "引导退休医师加入家庭医生团队。\n各区政府、市卫生健康委\n/\n人事处\n"
        "2\n优化签约团队。\n组建团队提供签约服务。\n各区政府\n市人社局\n基层处\n"
    )
    read = [
        (t.text.split("\n")[-1], t.leads, t.participants, [(o.name, o.role) for o in t.others])
        for t in plan.tasks
    ]
    assert read == [
        ("推动二级医院医师到基层执业。", ["各区政府"], ["市卫生健康委"], [("基层处", "市卫健委内牵头处室")]),
        (
            "引导退休医师加入家庭医生团队。",
            ["各区政府", "市卫生健康委"],
            [],
            [("人事处", "市卫健委内牵头处室")],
        ),
        ("组建团队提供签约服务。", ["各区政府"], ["市人社局"], [("基层处", "市卫健委内牵头处室")]),
    ]


def test_flattened_table_without_numbers_is_read_by_its_units() -> None:
    plan = parse_text(
        "项目名称\n项目内容\n责任单位\n进展情况\n"
        "(一)\n主要预期目标\n地区生产总值增长6.5%以上\n区发改局、各街道\n正常进行中\n"
        "财政收入与经济增长基本同步\n区财政局\n已完成全年任务的80%,税收收入稳定增长\n"
    )
    assert [(t.id, t.text, t.leads) for t in plan.tasks] == [
        ("一.1", "地区生产总值增长6.5%以上", ["区发改局", "各街道"]),
        ("一.2", "财政收入与经济增长基本同步", ["区财政局"]),
    ]
    assert [s.title for s in plan.sections] == ["主要预期目标"]


def test_a_table_typed_with_single_spaces() -> None:
    plan = parse_text(
        "序号 主要任务 细化措施 牵头单位 参与单位\n"
        "1 严守水资源 开发红线 实施用水总量和强度双控行动。 市水利局 市发展改革委、市农业局等\n"
        "2  严守用水 效率红线 落实用水效率评估体系。 市水利局 市住房和城乡建设局\n"
    )
    assert _roles(plan) == [
        (["市水利局"], ["市发展改革委", "市农业局"]),
        (["市水利局"], ["市住房和城乡建设局"]),
    ]
    assert plan.tasks[0].text.startswith("严守水资源开发红线")


def test_items_headed_by_a_body_name_are_that_bodys_duties() -> None:
    plan = parse_text(
        "二、职责分工\n1.街道消委办。牵头开展独居老人消防安全关爱工作。\n"
        "2.派出所。配合开展消防安全隐患排查。\n3.加强宣传。利用多种渠道开展宣传。\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [("二.1", ["街道消委办"]), ("二.2", ["派出所"])]
    assert plan.tasks[0].text.startswith("街道消委办。牵头开展")


def test_a_role_verb_in_prose_is_a_warning_only_outside_tasks() -> None:
    plan = parse_text(
        "一、总体要求\n海关总署要继续做好牵头工作,形成科技部门牵头,有关部门协同配合的机制。\n"
        "二、主要任务\n1.推进口岸建设。海关总署牵头负责口岸规划(海关总署牵头)\n"
    )
    warnings = [f for f in plan.findings if "不是分工的写法" in f.message]
    assert [(f.line, f.severity) for f in warnings] == [(2, Severity.WARNING)]
    assert "海关总署要继续做好牵头" in warnings[0].message


def test_flattened_table_with_a_type_column_before_the_number_and_section_rows() -> None:
    plan = parse_text(
        "任务类型\n序号\n工作任务\n推进单位\n"
        "行动一：再造发展新极行动\n1\n推进滨江区域整体更新\n区规划资源局、区建设管理委、江宁路街道\n"
        "2\n推进走马塘片区规划研究\n区规划资源局、区“两旧”专班、区商务委、区国资委\n"
        "行动二：重塑美丽新居行动\n旧区改造\n3\n完成零星旧里房屋改造\n区房管局、各相关街镇\n"
    )
    assert [(t.text, t.leads) for t in plan.tasks] == [
        ("推进滨江区域整体更新", ["区规划资源局", "区建设管理委", "江宁路街道"]),
        ("推进走马塘片区规划研究", ["区规划资源局", "区“两旧”专班", "区商务委", "区国资委"]),
        ("完成零星旧里房屋改造", ["区房管局", "各相关街镇"]),
    ]


def test_a_label_whose_names_stand_on_the_next_line() -> None:
    plan = parse_text("1.推进园区建设。\n牵头单位:\n市发改委\n配合单位：\n市财政局、市商务局\n")
    assert _roles(plan) == [(["市发改委"], ["市财政局", "市商务局"])]


def test_role_verbs_read_by_their_parts() -> None:
    cases = {
        "(市发改委为牵头单位,市财政局、市商务局为配合单位)": (["市发改委"], ["市财政局", "市商务局"]),
        "(市发改委负总责,市财政局配合)": (["市发改委"], ["市财政局"]),
        "(市发改委牵头抓总,市财政局协同)": (["市发改委"], ["市财政局"]),
        "(市发改委主办,市财政局协办)": (["市发改委"], ["市财政局"]),
        "(由市发改委牵头负责,市财政局积极配合)": (["市发改委"], ["市财政局"]),
    }
    for bracket, expected in cases.items():
        assert _roles(parse_text(f"1.推进重点项目建设{bracket}\n")) == [expected], bracket
    plan = parse_text("1.建设OPC社区(指通过与人工智能协作完成研发的企业)。打造产业园区(市经信局牵头)\n")
    assert _roles(plan) == [(["市经信局"], [])]


def test_role_words_in_traditional_script_are_read() -> None:
    plan = parse_text(
        "1.按照國家統一部署推進(市人力資源社會保障局、市醫保局、市財政局負責)\n2.完善審批(市政府辦公室牽頭,各縣市區政府按職責分工負責)\n"
    )
    assert _roles(plan) == [
        (["市人力資源社會保障局", "市醫保局", "市財政局"], []),
        (["市政府辦公室"], ["各縣市區政府"]),
    ]
