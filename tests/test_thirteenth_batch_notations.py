"""Notations met in the thirteenth batch of unseen plans, each in invented text.

Bodies that carry a task out named beside its lead (实施部门:, a 实施主体 column; 组织落实); divisions
of one body written after it (市交通委港务监管处, 市交通委(科信处、宣传处)); an annex table copied one
cell a line whose rows are keyed by the items of its task column, with categories printed once,
yearly targets, three role columns and merged unit cells; and a target table whose items split
into —— targets, each with its own units one a line.
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.model import Severity


def _others(plan: object, task_id: str) -> list[tuple[str, str]]:
    return [(o.name, o.role) for o in task(plan, task_id).others]  # type: ignore[arg-type]


def test_implementing_bodies_beside_a_lead_have_a_role_of_their_own() -> None:
    plan = parse_text(
        "岸电实施方案\n二、主要任务\n"
        "(一)完善设施。持续推进建设。(牵头部门:市港务局;实施部门:市港航中心、各区交通主管部门)\n"
        "(二)推进改造。推进船舶改造。(牵头部门:市港务局;配合部门:市财政局)\n"
        "(三)强化执法。加大执法力度。(实施单位:市执法总队、市港航中心)\n"
    )
    assert roles(plan) == [
        ("二.一", ["市港务局"], []),
        ("二.二", ["市港务局"], ["市财政局"]),
        ("二.三", ["市执法总队", "市港航中心"], []),
    ]
    assert _others(plan, "二.一") == [("市港航中心", "实施部门"), ("各区交通主管部门", "实施部门")]
    assert _others(plan, "二.三") == []


def test_bodies_that_see_to_a_task_beside_its_lead_and_alone() -> None:
    plan = parse_text(
        "燃气安全整治方案\n"
        "1.依法关停无证企业。(市住建委牵头负责,市公安局、各区政府组织落实)\n"
        "2.整治运输企业。(市交通委牵头负责、各区政府组织落实)\n"
        "3.加强危化品监管。(市应急局、市市场监管局、各区政府组织落实)\n"
        "4.溯源治理。(市市场监管局、市商务委按职责分工负责落实、各区政府组织落实)\n"
    )
    assert roles(plan) == [
        ("1", ["市住建委"], []),
        ("2", ["市交通委"], []),
        ("3", ["市应急局", "市市场监管局", "各区政府"], []),
        ("4", ["市市场监管局", "市商务委"], []),
    ]
    assert _others(plan, "1") == [("市公安局", "落实"), ("各区政府", "落实")]
    assert _others(plan, "2") == [("各区政府", "落实")]
    assert _others(plan, "4") == [("各区政府", "落实")]


def test_divisions_written_after_their_body_stay_one_name() -> None:
    plan = parse_text(
        "工作方案\n"
        "1.完善码头设施。(牵头部门:市交通委科技处、港务处;配合部门:市港航中心)\n"
        "2.推进船舶改造。(牵头部门:市交通委港务处;配合部门:市交通委(计划处、宣传处))\n"
        "3.街道整治。(牵头部门:市城管局;配合部门:各镇政府(街道办事处))\n"
    )
    assert roles(plan) == [
        # a list writes its body once, on the first name: 港务处 is the plan's 市交通委港务处
        ("1", ["市交通委科技处", "市交通委港务处"], ["市港航中心"]),
        ("2", ["市交通委港务处"], ["市交通委计划处", "市交通委宣传处"]),
        ("3", ["市城管局"], ["各镇政府（街道办事处）"]),
    ]
    assert not [f for f in plan.findings if "粘连" in f.message]


ANNEX = """交通精细化管理三年行动计划
附件：任务清单
任务
分类
主要方向
重点任务（2024-2026）
2024年工作项目
2025年计划
2026年计划
牵头
部门
配合
部门
实施
主体
（一）
提升设施品质
1、改善道路环境
（1）建设精品道路300条。
建设精品道路100条。
建设精品道路100条。
建设精品道路100条。
设施处
各相关部门和单位
各区
（2）建设精品区域50个。
建设精品区17个。
建设精品区17个。
建设精品区16个。
2、改善农村道路
（3）推进农村公路提档升级。
改造300公里。
改造200公里。
改造100公里。
运行处
养护处
市交通委（计划处）、市道运中心
市道运中心、各区
（二）
提升出行服务
3、提升轨道服务
（4）既有车站增加电扶梯。
新增电扶梯2台。
新增电扶梯7台。
新增电扶梯10台。
轨道处
各相关部门和单位
申通集团
（5）建设客运出行即服务系统。
持续推进。
深化服务。
提升能级。
随申行公司
"""


def test_an_annex_table_keyed_by_the_items_of_its_task_column() -> None:
    plan = parse_text(ANNEX)
    assert roles(plan) == [
        ("一.1.1", ["设施处"], []),
        ("一.1.2", ["设施处"], []),  # merged cells: the row above's units
        # four unit lines in three columns, the cells written as lists: the lead cell holds two
        ("一.2.3", ["运行处", "养护处"], ["市交通委计划处", "市道运中心"]),
        ("二.3.4", ["轨道处"], []),
        ("二.3.5", ["轨道处"], []),  # one unit: the last column's, the others merged from above
    ]
    first = task(plan, "一.1.1")
    assert first.text.startswith("建设精品道路300条。")
    assert _others(plan, "一.1.1") == [("各区", "实施主体")]
    assert _others(plan, "一.2.3") == [("市道运中心", "实施主体"), ("各区", "实施主体")]
    assert _others(plan, "二.3.5") == [("随申行公司", "实施主体")]
    merged = [f for f in plan.findings if "少于单位列" in f.message]
    assert [f.line for f in merged] == [task(plan, "一.1.2").line, task(plan, "二.3.5").line]
    assert all(f.severity is Severity.WARNING for f in merged)


def test_a_target_table_whose_items_split_into_targets_with_units_one_a_line() -> None:
    plan = parse_text(
        "妇女发展规划目标责任分解书\n领域\n主要目标\n主要责任单位\n责任单位\n"
        "1.妇女享有良好的基本卫生服务。\n——女性人均预期寿命延长。\n省卫生厅\n省发改委\n省人口计生\n省妇联\n"
        "2.提高孕产妇保健水平。\n——孕产妇死亡率下降。\n省卫生厅\n省公安厅\n"
        "——住院分娩率达到98%以上。\n省卫生厅\n省财政厅\n"
        "1.教育工作贯彻性别平等原则。\n省教育厅\n省妇联\n"
        "二、保障措施\n加强组织领导。\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [
        (["省卫生厅"], ["省发改委", "省人口计生", "省妇联"]),  # 省人口计生: a name amid the units
        (["省卫生厅"], ["省公安厅"]),
        (["省卫生厅"], ["省财政厅"]),
        (["省教育厅"], ["省妇联"]),  # the items start again at 1 in the next group
    ]
    assert plan.tasks[2].text.startswith("——住院分娩率")
    assert "加强组织领导" not in " ".join(t.text for t in plan.tasks)


def test_a_section_line_after_a_flattened_header_is_no_column_of_it() -> None:
    plan = parse_text(
        "重点工作及责任清单\n序号\n重点工作\n牵头责任单位\n协同责任单位\n"
        "一、王五市长负责事项(共2项)\n1\n全面延伸双招双引。\n市政府办\n市政府各部门\n"
        "2\n加快项目建设。\n市发改委\n市财政局\n"
    )
    assert roles(plan) == [
        ("一.1", ["市政府办"], ["市政府各部门"]),
        ("一.2", ["市发改委"], ["市财政局"]),
    ]


BOXES = """工作任务分解
┌──────────────┬───┬────────┬────┐
│ 工 作 任 务  │分管领│牵头组织实施单位│完成时限│
│              │ 导 │        │    │
├──────────────┼───┼────────┼────┤
│抓好财税金融工作   │王六 │各县(市、区)政│年内见成│
├──────────────┤   │府,市财政局、税│ 效 │
│△加强财政监督    │   │务局     │    │
│△加强税源监控    │   ├────────┤    │
├──────────────┤   │市教育局    │    │
│坚持优先发展教育   │   │        │    │
├──────────────┤   │        │    │
│△安排资金支持教育  │   │        │    │
└──────────────┴───┴────────┴────┘
"""


def test_a_table_drawn_with_box_characters() -> None:
    plan = parse_text(BOXES)
    assert [(t.leads, t.participants, t.deadline) for t in plan.tasks] == [
        # a cell wraps anywhere (政│府), and closes where a rule is drawn in its column
        (["各县（市、区）政府", "市财政局", "税务局"], [], "年内见成效"),
        (["市教育局"], [], "年内见成效"),
    ]
    first = plan.tasks[0]
    assert first.text.startswith("抓好财税金融工作") and "△加强税源监控" in first.text  # bullets go on
    # the leader's cell, merged down over both rows, is shared by them
    assert [[(o.name, o.role, o.person) for o in t.others] for t in plan.tasks] == [
        [("王六", "分管领导", True)],
        [("王六", "分管领导", True)],
    ]


def test_a_box_table_whose_columns_do_not_keep_their_count_is_left_as_text() -> None:
    plan = parse_text(
        "方案\n┌────┬────┐\n│任务│牵头单位│\n├────┼────┤\n│甲 │乙 │丙│\n└────┴────┘\n"
        "1.推进建设。(市发改委牵头)\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["市发改委"], [])]


def test_a_header_word_set_out_letter_by_letter_on_its_own_line() -> None:
    plan = parse_text(
        "重点工作任务分解表\n序号\n目   标   与   任   务\n牵头责任单位\n责任单位\n"
        "      1        \n扎实推进三大保卫战。\n市生态环境局\n各县区政府、开发区管委会\n"
        "      2        \n增林地、增绿地。\n市自然资源和规划局\n各县区政府\n"
    )
    assert roles(plan) == [
        ("1", ["市生态环境局"], ["各县区政府", "开发区管委会"]),
        ("2", ["市自然资源和规划局"], ["各县区政府"]),
    ]


def test_a_header_typed_at_the_end_of_a_paragraph_over_rows_typed_with_spaces() -> None:
    plan = parse_text(
        "市政府办公室关于分解落实政府工作任务的通知 各镇人民政府: 现下达给你们,请认真组织实施. "
        "附件:政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n"
        "一、主要预期目标分解(3项)\n"
        "1 地区生产总值增长7%以上,服务业增加值比重47.1%. 发改委\n"
        "2 一般公共预算收入增长8%以上. 财政局\n"
        "3 全社会固定资产投资额550亿元. 发改委、经信委、科技局\n"
    )
    assert roles(plan) == [
        ("一.1", ["发改委"], []),
        ("一.2", ["财政局"], []),
        ("一.3", ["发改委", "经信委", "科技局"], []),
    ]
    assert plan.tasks[0].text.startswith("地区生产总值增长7%以上")


def test_a_table_typed_in_ascii_with_cells_wrapped_over_lines() -> None:
    plan = parse_text(
        "数字经济工作方案\n"
        "+----+------------------+----------+----------+\n"
        "|序号|工作任务          |牵头单位  |配合单位  |\n"
        "+====+==================+==========+==========+\n"
        "|1   |推进数字化改造,建设|市经信局  |市财政局、|\n"
        "|    |5G+工业互联网平台  |          |市科技局  |\n"
        "+----+------------------+----------+----------+\n"
        "|2   |加快项目建设       |市发改委  |          |\n"
        "+----+------------------+----------+----------+\n"
    )
    assert roles(plan) == [
        ("1", ["市经信局"], ["市财政局", "市科技局"]),
        ("2", ["市发改委"], []),
    ]
    assert plan.tasks[0].text == "推进数字化改造,建设5G+工业互联网平台"  # a cell's lines joined, + kept


def test_an_annex_table_whose_last_row_names_no_unit_ends_before_the_text_after_it() -> None:
    plan = parse_text(
        "行动计划任务清单\n重点任务\n2024年目标\n2025年目标\n牵头部门\n配合部门\n"
        "（1）建设精品道路。\n100条。\n200条。\n设施处\n市财政局\n"
        "（2）建设精品区域。\n17个。\n16个。\n"
        "二、保障措施\n（一）加强组织领导。（市交通委牵头）\n"
    )
    assert roles(plan) == [
        ("1", ["设施处"], ["市财政局"]),
        ("2", ["设施处"], ["市财政局"]),  # merged from the row above, and reported
        ("二.一", ["市交通委"], []),
    ]
    assert "保障措施" not in plan.tasks[1].text


def test_an_annex_numbers_its_tasks_afresh_under_no_section_of_the_text() -> None:
    plan = parse_text(
        "行动计划\n一、总体要求\n二、保障措施\n(一)加强组织领导。\n"
        "附件:重点任务清单\n(一)提升设施品质\n1.建设精品道路。(设施处牵头)\n"
    )
    assert roles(plan) == [("一.1", ["设施处"], [])]
