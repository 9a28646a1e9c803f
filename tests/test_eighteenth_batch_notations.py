"""Notations met in the eighteenth batch of unseen plans, and in two older misses, each in invented text.

A web table whose second header line sets out one column as several (资金来源 over four sources),
with a row of totals; a column headed 部门 alone; a cell whose own label names the row's lead beside
a lead column (市级牵头单位); a table with no number column whose task column numbers its items and
whose rows hold more lines than four; a plan in traditional script, whose names keep their script; a
mirror's pinyin inside an assignment's role words; items run together on one line after a space.
"""

from __future__ import annotations

from helpers import parse_text, roles


def _others(plan_text: str) -> list[list[tuple[str, str]]]:
    plan = parse_text(plan_text)
    return [[(o.name, o.role) for o in t.others] for t in plan.tasks]


FUNDS = (
    "项目计划安排表\n"
    "序号 | 部门 | 项目名称 | 建设内容 | 计划投入 | 资金来源 | 实施期限 | 责任单位 | 责任人 | 备注 | |||\n"
    "中央资金 | 省级资金 | 市级资金 | 其他资金 | ||||||||||\n"
    "合 计 | 900 | 0 | 300 | 300 | 300 | |||||||||\n"
    "1 | 县财政局、县农业农村局 | 蔬菜基地建设项目 | 建设冷链仓储设施 | 900 | 0 | 300 | 300 | 300 |"
    " 2024年6月到12月 | 东湖镇政府 | 李明 | |\n"
)


def test_a_second_header_line_sets_out_one_column_as_several() -> None:
    plan = parse_text(FUNDS)
    [task] = plan.tasks  # the totals row is no task
    assert task.text.startswith("蔬菜基地建设项目")
    assert task.leads == ["东湖镇政府"]
    assert task.deadline == "2024年6月到12月"
    assert [(o.name, o.role, o.person) for o in task.others] == [
        ("县财政局", "部门", False),
        ("县农业农村局", "部门", False),
        ("李明", "责任人", True),
    ]


def test_a_column_headed_bumen_alone_assigns_when_no_role_column_does() -> None:
    plan = parse_text("职责分工\n序号 | 部门 | 职责分工\n1 | 市教育局 | 负责校园食品安全管理工作。\n")
    assert roles(plan) == [("1", ["市教育局"], [])]


def test_a_cells_own_lead_label_outranks_the_lead_column() -> None:
    text = (
        "任务分工\n工作任务 | 时限要求 | 市级牵头单位 | 责任单位\n"
        "(一)做好财政信息公开。 | 每年度 | 市财政局 | 牵头处室:财务处\n"
        "(二)做好规划信息公开。 | 每季度 | 市规划局 | 规划处\n"
    )
    plan = parse_text(text)
    assert roles(plan) == [("一", ["财务处"], []), ("二", ["市规划局"], ["规划处"])]
    assert _others(text) == [[("市财政局", "市级牵头单位")], []]
    assert plan.tasks[0].text == "做好财政信息公开。"  # the item's number is the row's, not its text


def test_an_unnumbered_flat_table_with_a_section_row_and_four_columns_before_its_units() -> None:
    plan = parse_text(
        "任务分工\n工作任务 |\n贯彻举措 |\n工作要求 |\n时限要求 |\n市级牵头单位 |\n责任单位 | ||\n"
        "一、深化政务公开 |\n(三)做好财政信息公开。 |\n按照统一要求公开预决算信息。 |\n"
        "每年度公开预决算信息 |\n每年度 |\n市财政局 |\n牵头处室:财务处 | |\n"
    )
    assert roles(plan) == [("一.三", ["财务处"], [])]
    [task] = plan.tasks
    assert task.deadline == "每年度"
    assert [(o.name, o.role) for o in task.others] == [("市财政局", "市级牵头单位")]


def test_names_keep_the_script_the_plan_writes_them_in() -> None:
    plan = parse_text(
        "實施意見\n一、重點任務\n1.提高數據質量。(牽頭單位:市財政局;責任單位:市直各部門)\n"
        "2.深化數據共享。(牽頭單位:市大數據局;責任單位:市直各部門)\n"
    )
    assert roles(plan) == [
        ("一.1", ["市財政局"], ["市直各部門"]),
        ("一.2", ["市大數據局"], ["市直各部門"]),
    ]
    simplified = parse_text("实施意见\n1.提高数据质量。(牵头单位:市财政局;责任单位:市直各部门)\n")
    assert simplified.tasks[0].participants == ["市直各部门"]


def test_a_mirrors_pinyin_inside_role_words() -> None:
    plan = parse_text(
        "實施意見\n一、健全制度\n1.健全服務清單。(市民政局牽頭,各區(qū)、市政府負(fù)責(zé)落實(shí)。)\n"
    )
    [task] = plan.tasks
    assert task.leads == ["市民政局"]
    assert [o.name for o in task.others] == ["各區、市政府"]


def test_items_run_together_after_a_space_in_a_numbered_run() -> None:
    plan = parse_text(
        "工作要点\n"
        "一、发挥牵引作用,赋能实体经济 积极落实要求,推动数字技术和实体经济深度融合,赋能实体经济高质量发展。"
        " (一)持续优化营商环境。依托平台搭建招商引资和产业转移平台,建设招商数据库和招商地图,"
        "为招商引资供需方提供综合性招商服务,推动实现涉企高频服务一件事一次办。"
        "(省数据局、省商务厅牵头) (二)赋能实体经济提质增效。加快推进公共数据资源融合利用。"
        "(省数据局牵头)\n"
    )
    assert roles(plan) == [("一.一", ["省数据局", "省商务厅"], []), ("一.二", ["省数据局"], [])]


def test_two_spaced_markers_out_of_order_are_no_run_of_items() -> None:
    plan = parse_text(
        "工作要点\n"
        "一、推进改革 完善制度体系,落实各项改革措施,健全体制机制,加强统筹协调,形成工作合力,"
        "坚持问题导向和目标导向,聚焦重点领域和关键环节,统筹推进各项改革任务落地见效,"
        "按照 (三)项的要求推进试点,并参照 (一)项的办法总结经验,推动改革走深走实,取得成效。"
        "(省发改委牵头)\n"
    )
    assert roles(plan) == [("一", ["省发改委"], [])]


def test_a_web_table_whose_rows_skip_the_cells_merged_from_above() -> None:
    """The nineteenth batch: 任务清单 | 责任清单 | 时限清单, rows that print a merged cell once."""
    plan = parse_text(
        "建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
        "一、体系建设 |\n"
        "(一)组织指挥 | 1.组织机构 | (1)党政主要负责人是防汛第一责任人。 | 1.落实行政首长负责制; |"
        " 党政办 应消站 | 4月 |\n"
        "(2)应急消防管理站承担统筹协调工作。 | 1.明确防汛联络员; | 应消站 | 4月 |\n"
        "(3)村(社区)建立应急工作组。 | 1.明确应急工作小组; | 村(社区) | 5月 |\n"
        "2.补充设置村(社区)巡查员、预警员等网格责任人; | 农村办 规划建设办 国土所 村(社区) |\n"
    )
    assert [(t.text.split("\n")[-1][:6], t.leads, t.deadline) for t in plan.tasks] == [
        ("1.落实行政", ["党政办", "应消站"], "4月"),
        ("1.明确防汛", ["应消站"], "4月"),
        ("1.明确应急", ["村（社区）"], "5月"),
        ("补充设置村(", ["农村办", "规划建设办", "国土所", "村（社区）"], None),
    ]


def test_a_collapsed_page_whose_heading_and_first_item_follow_spaces() -> None:
    plan = parse_text(
        "关于做好就业创业工作的意见\n"
        "各县(市、区)人民政府,市政府各部门: 为贯彻落实国务院文件精神,进一步做好我市新形势下就业创业工作,"
        "现提出以下意见: 一、深入实施就业优先战略 1.坚持就业优先发展战略。各级政府制定的经济社会发展规划、"
        "经济调控和产业发展政策,要把稳定和扩大就业作为优先选项予以充分考虑和评估,促进就业与产业转型升级良性互动。"
        "(市发展改革委、市人力资源社会保障局牵头,市财政局参加)\n"
    )
    assert roles(plan) == [("一.1", ["市发展改革委", "市人力资源社会保障局"], ["市财政局"])]


def test_a_bar_typed_row_short_of_cells_is_filled_from_the_left_and_reported() -> None:
    plan = parse_text(
        "分工表\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
        "1 | 推进甲项工作 | 市发改委 | 市财政局 | 年底前\n"
        "2 | 推进乙项工作,加强统筹 | 市商务局 | 年底前\n"
        "3 | 推进丙项工作 | 市商务局 | 市统计局 | 年底前\n"
        "二、保障措施 | |||\n"
    )
    assert roles(plan) == [
        ("1", ["市发改委"], ["市财政局"]),
        ("2", ["市商务局"], []),
        ("3", ["市商务局"], ["市统计局"]),
    ]
    assert plan.tasks[1].text == "推进乙项工作,加强统筹"
    assert plan.tasks[1].deadline == "年底前"
    short = [f for f in plan.findings if "少于表头" in f.message]
    assert [(f.line, "第2行" in f.message) for f in short] == [(4, True)]  # not the section row
