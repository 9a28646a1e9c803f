"""Table shapes met in real plans, read by their grammar: every plan here is invented."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from helpers import parse_text

from matrix import parse_plan
from matrix.model import Plan


def _others(plan: Plan) -> list[list[str]]:
    return [[o.name for o in t.others] for t in plan.tasks]


def test_a_header_cell_spanning_two_columns_names_both(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("某区年度目标任务分解表")
    table = doc.add_table(rows=1, cols=5)
    head = table.rows[0].cells
    head[2].text, head[3].text, head[4].text = "分值", "目标任务", "考核单位"
    head[0].merge(head[1]).text = "项 目"
    for values in (
        ("经济发展", "地区生产总值增长率", "3", "年终综合考核", "区发改局"),
        ("经济发展", "固定资产投资额", "2", "180", "区统计局"),
    ):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    plan = parse_plan(path)
    assert ["地区生产总值增长率" in t.text for t in plan.tasks] == [True, False]
    assert ["固定资产投资额" in t.text for t in plan.tasks] == [False, True]
    assert _others(plan) == [["区发改局"], ["区统计局"]]


def test_a_progress_report_typed_with_single_spaces_has_columns_after_its_units() -> None:
    plan = parse_text(
        "某区重点民生实事完成情况表\n"
        "序号 民生实事项目名称 责任单位 目标任务 1- 6月完成情况  1-6月完成率% 备注\n"
        "1 农村安全饮水巩固提升 区水利局 1200人 600 50% 已解决600人的饮水问题\n"
        "2 新增城镇就业   区人社局 8000 6000 75%\n"
        "3 残疾儿童康复救助 区残联 70人 70 100%\n"
        "4 新增养老服务床位 区民政局 60个 设备购置中\n"
    )
    # 目标任务 is a text column: its cell (1200人) goes on the task's text, after the item's name
    assert [(t.text.split("\n")[0], t.leads) for t in plan.tasks] == [
        ("农村安全饮水巩固提升", ["区水利局"]),
        ("新增城镇就业", ["区人社局"]),
        ("残疾儿童康复救助", ["区残联"]),
        ("新增养老服务床位", ["区民政局"]),
    ]
    assert plan.tasks[0].text == "农村安全饮水巩固提升\n1200人"


def test_pinyin_glosses_are_no_part_of_a_name() -> None:
    plan = parse_text(
        "一、主要任務(wù)\n"
        "1.降低單位能耗。(牽頭單位:市發(fā)改委;責任單位:市生態(tài)環(huán)境局、市城建局)\n"
    )
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["市發改委"], ["市生態環境局", "市城建局"])]
    assert "任務(wù)" not in plan.tasks[0].text and "能耗" in plan.tasks[0].text


def test_a_traditional_table_copied_with_borders_and_glosses() -> None:
    plan = parse_text(
        "某區(qū)民生實(shí)事完成情況表 |\n"
        "序號(hào) |\n項目(mù)名稱(chēng) |\n責(zé)任單位 |\n目標(biāo)任務(wù) |\n完成率 |\n備注 |\n"
        "1 |\n新增城鎮(zhèn)就業(yè) |\n區(qū)人社局 |\n8000人 |\n75% |\n| \n"
        "2 |\n建設(shè)公辦幼兒園 |\n教育局 |\n2所 |\n70% |\n主體完工 |\n"
        "3 |\n殘疾兒童康復(fù) |\n區(qū)殘聯(lián) |\n70人 |\n100% |\n|\n"
        "4 |\n穩(wěn)定就業(yè) |\n人社局 |\n9000人 |\n80% |\n|\n"
    )
    assert [t.leads for t in plan.tasks] == [["區人社局"], ["教育局"], ["區殘聯"], ["區人社局"]]
    assert plan.tasks[0].text.startswith("新增城鎮(zhèn)就業(yè)")


def test_a_row_going_on_without_a_number_after_the_columns_that_follow_its_units() -> None:
    plan = parse_text(
        "序号 |\n项目名称 |\n责任单位 |\n目标任务 |\n完成情况 |\n完成率 |\n备注 |\n"
        "1 |\n深化养老保险制度改革 |\n参保人数达到6000人 |\n区人社局 |\n6000人 |\n7000 |\n116% |\n| \n"
        "征缴基金1亿元 |\n区人社局 |\n1亿 |\n8000万 |\n80% |\n| \n"
        "2 |\n提高低保补助标准 |\n区民政局 |\n100% |\n100% |\n城市低保已达300元 |\n"
    )
    texts = [t.text.split("\n") for t in plan.tasks]
    assert [t for t in texts if "征缴基金1亿元" in t] == [["深化养老保险制度改革", "征缴基金1亿元", "1亿"]]
    assert [t[:2] for t in texts] == [
        ["深化养老保险制度改革", "参保人数达到6000人"],
        ["深化养老保险制度改革", "征缴基金1亿元"],
        ["提高低保补助标准", "100%"],
    ]
    assert [t.leads for t in plan.tasks] == [["区人社局"], ["区人社局"], ["区民政局"]]


def test_rows_without_units_before_the_next_groups_heading_and_category() -> None:
    plan = parse_text(
        "任务类型\n序号\n工作任务\n推进单位\n"
        "行动一：再造发展新极行动\n旧区改造\n1\n完成零星旧里房屋改造\n区房管局、各相关街镇\n"
        "2\n推进加装电梯工作\n"
        "行动二：公共空间优化行动\n公园绿地\n3\n新建口袋公园9座\n区绿化市容局\n"
    )
    assert [(t.text, t.leads) for t in plan.tasks] == [
        ("完成零星旧里房屋改造", ["区房管局", "各相关街镇"]),
        ("推进加装电梯工作", ["区房管局", "各相关街镇"]),
        ("新建口袋公园9座", ["区绿化市容局"]),
    ]


def test_a_flattened_table_keyed_by_a_score_column() -> None:
    plan = parse_text(
        "某县年度目标任务分解表\n"
        "项 目\n分值\n目标任务\n考核单位\n"
        "经济发展\n"
        "地区生产总值增长率\n3\n年终综合考核\n县发改局县统计局\n"
        "社会消费品零售总额\n2\n"
        "财政收入增长率\n3\n年终综合考核\n县财政局\n"
        "工业投资\n1\n52\n县经信局\n"
        "民生保障\n"
        "新增就业人数\n1\n5800\n县人社局\n"
    )
    assert [(t.text.split("\n")[0], [o.name for o in t.others]) for t in plan.tasks] == [
        ("地区生产总值增长率", ["县发改局", "县统计局"]),
        ("社会消费品零售总额", ["县发改局", "县统计局"]),
        ("财政收入增长率", ["县财政局"]),
        ("工业投资", ["县经信局"]),
        ("新增就业人数", ["县人社局"]),
    ]
    shared = [f for f in plan.findings if "沿用上一行" in f.message]
    assert [f.line for f in shared] == [11]


def test_a_group_of_subordinate_bodies_is_a_unit_cell() -> None:
    plan = parse_text(
        "序号\n工作任务\n完成时限\n责任股室\n备注\n"
        "1\n完成文物普查\n10月底前\n文物股\n"
        "2\n完成包扶村年度任务\n12月底前\n各股室、局属单位\n"
    )
    assert [t.leads for t in plan.tasks] == [["文物股"], ["各股室", "局属单位"]]


def test_without_borders_a_text_after_the_units_starts_the_next_row() -> None:
    plan = parse_text(
        "序号\n工作事项\n主要内容\n牵头单位\n备注\n"
        "1\n扩大家庭医生来源\n推动医师到基层执业\n各区政府\n引导退休医师参与签约服务\n市卫生健康委\n"
        "2\n优化签约团队\n组建团队提供签约服务\n市人社局\n"
    )
    assert [(t.text.split("\n")[-1], t.leads) for t in plan.tasks] == [
        ("推动医师到基层执业", ["各区政府"]),
        ("引导退休医师参与签约服务", ["市卫生健康委"]),
        ("组建团队提供签约服务", ["市人社局"]),
    ]
