"""Task tables whose cells ran together (no separators at all), read by their grammar.

Every plan here is invented; the two real plans of this notation are scored in tests/corpus.
"""

from __future__ import annotations

from helpers import parse_text

from matrix.model import Finding, Line, Plan
from matrix.parsers.run_together import cut_run_together

GLUED = "这张表格的单元格连在一起"


def _rows(plan: Plan) -> list[tuple[str, list[str], list[str]]]:
    return [(t.text[:8], t.leads, t.participants) for t in plan.tasks]


def _glued_warnings(plan: Plan) -> list[Finding]:
    return [f for f in plan.findings if GLUED in f.message]


def test_a_glued_header_gives_the_columns_and_each_row_its_cells() -> None:
    lines = [
        Line(
            1,
            "某县2030年任务分解表序号工作任务牵头单位配合单位1修缮全县农村道路30公里。县交通局县财政局、县农业农村局2新建公园两座。县住建局各乡镇",
        )
    ]
    findings: list[Finding] = []
    out = cut_run_together(lines, findings)
    assert out[0].text == "某县2030年任务分解表"
    assert out[1].cells == ("序号", "工作任务", "牵头单位", "配合单位")
    assert out[2].cells == ("1", "修缮全县农村道路30公里。", "县交通局", "县财政局、县农业农村局")
    assert out[3].cells == ("2", "新建公园两座。", "县住建局", "各乡镇")
    assert [f.line for f in findings] == [1]
    assert "已按序号和单位名称切开读取" in findings[0].message


def test_rows_cut_by_numbers_become_tasks_and_the_table_is_reported() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1修缮全县农村道路30公里。县交通局县财政局、县农业农村局"
        "2新建公园两座。县住建局县自然资源局3开展全民健身活动12场。县文体局各乡镇\n"
    )
    assert _rows(plan) == [
        ("修缮全县农村道路", ["县交通局"], ["县财政局", "县农业农村局"]),
        ("新建公园两座。", ["县住建局"], ["县自然资源局"]),
        ("开展全民健身活动", ["县文体局"], ["各乡镇"]),
    ]
    assert [f.line for f in _glued_warnings(plan)] == [1]


def test_a_section_row_between_rows_is_a_heading() -> None:
    plan = parse_text(
        "序号主要任务责任单位一、基础设施1修缮全县农村道路。县交通局2新建公园两座。县住建局"
        "二、社会事业3开展全民健身活动。县文体局\n"
    )
    assert [(list(t.outline), t.leads) for t in plan.tasks] == [
        (["一", "1"], ["县交通局"]),
        (["一", "2"], ["县住建局"]),
        (["二", "3"], ["县文体局"]),
    ]
    assert [s.title for s in plan.sections] == ["基础设施", "社会事业"]


def test_a_leader_column_gives_the_person_and_not_a_unit() -> None:
    plan = parse_text(
        "序号项目名称主要内容分管领导牵头单位配合单位"
        "1校园改造改造教学楼三栋。王建国教育局财政局各镇2托育服务新增托位300个。李芳卫健局民政局\n"
    )
    assert _rows(plan) == [
        ("校园改造改造教学", ["教育局"], ["财政局", "各镇"]),
        ("托育服务新增托位", ["卫健局"], ["民政局"]),
    ]
    assert [[(o.name, o.role, o.person) for o in t.others] for t in plan.tasks] == [
        [("王建国", "分管领导", True)],
        [("李芳", "分管领导", True)],
    ]


def test_units_run_together_start_a_new_cell_and_units_joined_by_a_mark_share_one() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位"
        "1推进数字政府建设。县数据局县发改委县财政局、县统计局"  # two leads, one a line, then a list
        "2完善养老服务体系。县民政局县卫健局各乡镇"  # one unit a line: the first leads
        "3加快发展现代物流。县商务局县交通局、县发改委\n"  # one lead, then a list
    )
    assert _rows(plan) == [
        ("推进数字政府建设", ["县数据局", "县发改委"], ["县财政局", "县统计局"]),
        ("完善养老服务体系", ["县民政局"], ["县卫健局", "各乡镇"]),
        ("加快发展现代物流", ["县商务局"], ["县交通局", "县发改委"]),
    ]


def test_a_sentence_that_merely_holds_a_number_is_not_cut() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位"
        "1建成社区服务中心2个,新增床位3张,其中2处在县城。县民政局县财政局"
        "2完成3个老旧小区改造,覆盖住户2000户。县住建局各街道\n"
    )
    assert _rows(plan) == [
        ("建成社区服务中心", ["县民政局"], ["县财政局"]),
        ("完成3个老旧小区", ["县住建局"], ["各街道"]),
    ]
    assert "新增床位3张,其中2处在县城" in plan.tasks[0].text


def test_sentences_without_units_after_a_row_go_on_its_text() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1改造农贸市场4个。县商务局各乡镇新建停车场一处。提升市场管理水平。\n"
    )
    assert _rows(plan) == [("改造农贸市场4个", ["县商务局"], ["各乡镇"])]
    assert "提升市场管理水平" in plan.tasks[0].text


def test_a_row_going_on_with_units_of_its_own_is_a_sub_row() -> None:
    plan = parse_text(
        "序号项目名称主要内容分管领导牵头单位配合单位"
        "1老街复兴修缮老街古建筑。王建国文旅局城投公司整治老街道路。李芳住建局各街道"
        "2托育服务新增托位。李芳卫健局民政局\n"
    )
    assert _rows(plan) == [
        ("老街复兴修缮老街", ["文旅局"], ["城投公司"]),
        ("整治老街道路。", ["住建局"], ["各街道"]),
        ("托育服务新增托位", ["卫健局"], ["民政局"]),
    ]


def test_page_marks_inside_the_table_are_dropped() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1修缮农村道路。县交通局县财政局、各乡\n"
        "2、镇—2—2新建公园两座。县住建局各街道\n"
    )
    assert _rows(plan) == [
        ("修缮农村道路。", ["县交通局"], ["县财政局", "各乡镇"]),
        ("新建公园两座。", ["县住建局"], ["各街道"]),
    ]


def test_a_first_and_a_main_responsibility_column_name_the_lead_and_the_participants() -> None:
    plan = parse_text(
        "序号主要工作任务第一责任单位主要责任单位1地区生产总值增长6%。市发展改革委市统计局、各县(市、区)政府\n"
    )
    assert _rows(plan) == [("地区生产总值增长", ["市发展改革委"], ["市统计局", "各县（市、区）政府"])]


def test_the_units_end_a_row_without_a_full_stop() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1推进技术创新,推广先进适用技术市科技局市经信局、市财政局"
        "2扩大有效投资。市发改委各县(市、区)政府\n"
    )
    assert _rows(plan) == [
        ("推进技术创新,推", ["市科技局"], ["市经信局", "市财政局"]),
        ("扩大有效投资。", ["市发改委"], ["各县（市、区）政府"]),
    ]


def test_prose_naming_a_number_column_or_a_lead_column_is_no_table() -> None:
    text = (
        "一、工作要求\n"
        "请各单位按序号填写牵头单位和配合单位,1月底前报县政府办。\n"
        "表中序号、工作任务、牵头单位、配合单位四栏均须填写,2个工作日内反馈。\n"
        "1.加强组织领导。(县政府办牵头,各乡镇配合)\n"
    )
    lines = [Line(n, t) for n, t in enumerate(text.splitlines(), 1)]
    findings: list[Finding] = []
    assert cut_run_together(lines, findings) == lines
    assert findings == []
    plan = parse_text(text)
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["县政府办"], ["各乡镇"])]
    assert _glued_warnings(plan) == []


def test_text_after_the_table_on_later_lines_stays_text() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1修缮农村道路。县交通局县财政局2新建公园。县住建局各街道\n"
        "二、保障措施\n"
        "(一)加强组织领导。(县政府办牵头,各乡镇配合)\n"
    )
    assert [(t.text[:6], t.leads) for t in plan.tasks] == [
        ("修缮农村道路", ["县交通局"]),
        ("新建公园。", ["县住建局"]),
        ("加强组织领导", ["县政府办"]),
    ]


def test_a_main_responsibility_column_beside_a_first_one_names_participants_in_any_table() -> None:
    plan = parse_text(
        "序号\t主要工作任务\t第一责任单位\t主要责任单位\n1\t扩大有效投资。\t市发改委\t市财政局、市统计局\n"
    )
    assert _rows(plan) == [("扩大有效投资。", ["市发改委"], ["市财政局", "市统计局"])]
    assert _glued_warnings(plan) == []


def test_a_deadline_column_after_the_units_gives_the_date() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位完成时限"
        "1修缮农村道路。县交通局县财政局2030年底前2新建公园。县住建局各街道2030年6月底前\n"
    )
    assert _rows(plan) == [
        ("修缮农村道路。", ["县交通局"], ["县财政局"]),
        ("新建公园。", ["县住建局"], ["各街道"]),
    ]
    assert [t.deadline for t in plan.tasks] == ["2030年底前", "2030年6月底前"]


def test_a_leader_column_after_the_units_ends_each_row() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位分管领导1修缮农村道路。县交通局县财政局王建国2新建公园。县住建局各街道李芳\n"
    )
    assert _rows(plan) == [
        ("修缮农村道路。", ["县交通局"], ["县财政局"]),
        ("新建公园。", ["县住建局"], ["各街道"]),
    ]
    assert [[o.name for o in t.others] for t in plan.tasks] == [["王建国"], ["李芳"]]


def test_a_glued_header_on_its_own_line_with_one_row_a_line() -> None:
    plan = parse_text(
        "重点任务分解表\n序号重点任务牵头单位配合单位\n1修缮农村道路。县交通局县财政局\n"
        "2新建公园两座。县住建局县自然资源局\n二、其他事项\n请各单位于3月底前报送。\n"
    )
    assert _rows(plan) == [
        ("修缮农村道路。", ["县交通局"], ["县财政局"]),
        ("新建公园两座。", ["县住建局"], ["县自然资源局"]),
    ]
    assert [s.title for s in plan.sections] == ["其他事项"]


def test_one_body_s_parts_are_not_cut_apart_and_bodies_with_their_own_level_word_are() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位1修缮农村道路。县政府办公室县委宣传部县开发区管委会"
        "2新建公园。市生态环境局青山分局市公安局交通警察支队\n"
    )
    assert _rows(plan) == [
        ("修缮农村道路。", ["县政府办公室"], ["县委宣传部", "县开发区管委会"]),
        ("新建公园。", ["市生态环境局青山分局"], ["市公安局交通警察支队"]),
    ]


def test_a_bracketed_section_row_is_a_heading_too() -> None:
    plan = parse_text(
        "序号工作任务牵头单位配合单位(一)基础设施1修缮农村道路。县交通局县财政局"
        "(二)公共服务2新建公园两座。县住建局县自然资源局\n"
    )
    assert [(s.id, s.title) for s in plan.sections] == [("一", "基础设施"), ("二", "公共服务")]
    assert [(t.id, t.leads) for t in plan.tasks] == [("一.1", ["县交通局"]), ("二.2", ["县住建局"])]
