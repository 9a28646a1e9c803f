"""Notations met in the eighth batch of unseen plans, each in invented text.

A closing sentence that names the work before 由 (此项工作由X牵头), a manner before the verb
(按职责分工分别负责), a time column no list names (时间进度) in a table copied one cell a line,
and a bare bracket list holding a zone and bodies it leaves unnamed.
"""

from __future__ import annotations

from helpers import parse_text, roles, task

from matrix.text.normalize import is_debris
from matrix.text.roles import LabelKind, read_label


def test_a_closing_sentence_names_the_work_before_by() -> None:
    plan = parse_text(
        "关于城市管理工作的意见\n"
        "1、建立联席会议。完善管理机制。此项工作由区绿化市容局牵头。\n"
        "2、完善维护体制。建立专项资金。以上任务均由区建设交通委负责。\n"
    )
    assert roles(plan) == [("1", ["区绿化市容局"], []), ("2", ["区建设交通委"], [])]


def test_a_manner_before_the_verb() -> None:
    plan = parse_text(
        "关于印发法治政府建设工作安排的通知\n"
        "(一)提供法治保障。加强备案审查。\n"
        "责任单位:县政府办公室、县司法局、各有关部门,乡镇人民政府按职责分工分别负责。\n"
        "(二)加强执法监督。\n"
        "责任单位:县司法局、县财政局依职责负责。\n"
    )
    assert roles(plan) == [
        ("一", ["县政府办公室", "县司法局", "乡镇人民政府"], []),
        ("二", ["县司法局", "县财政局"], []),
    ]


def test_time_words_make_a_deadline_label() -> None:
    for word in ("时间进度", "完成时限", "推进时间", "办结时限", "进度安排", "完成时间节点"):
        label = read_label(word)
        assert label is not None and label.kind is LabelKind.DEADLINE, word
    assert read_label("责任单位") is not None and read_label("时间单位") is None


def test_a_time_column_is_no_web_page_debris() -> None:
    assert not is_debris("时间进度")
    assert not is_debris("来源于群众的意见")
    assert is_debris("发布时间:2016-05-01") and is_debris("来源: 市政府办公室")


def test_a_table_copied_one_cell_a_line_with_a_time_column() -> None:
    plan = parse_text(
        "|\n序号\n|\n工作任务\n|\n负责部门\n|\n时间进度\n|\n|\n"
        "1\n|\n完善城市管理体制\n|\n市委编办、市住建局\n|\n省出台文件后2个月完成\n|\n|\n"
        "2\n|\n推进数字化平台建设\n|\n市城管局,各县(区)政府\n|\n常态工作\n|\n|\n"
    )
    assert roles(plan) == [("1", ["市委编办", "市住建局"], []), ("2", ["市城管局", "各县（区）政府"], [])]
    assert task(plan, "1").deadline == "省出台文件后2个月完成"
    assert task(plan, "2").deadline == "常态工作"


def test_a_bare_list_with_a_zone_and_unnamed_bodies() -> None:
    plan = parse_text(
        "关于分解落实政府工作报告的通知\n"
        "一、主要工作目标\n"
        "1、地区生产总值增长11%(市发改委,市政府相关部门,各县市区政府,荆州开发区)。\n"
        "2、固定资产投资增长25%(市发改委,各县市区政府,武当山旅游经济特区)。\n"
    )
    assert roles(plan) == [
        ("一.1", ["市发改委", "各县市区政府", "荆州开发区"], []),
        ("一.2", ["市发改委", "各县市区政府", "武当山旅游经济特区"], []),
    ]


def test_a_record_field_ends_a_list_of_bodies() -> None:
    plan = parse_text(
        "2014年民生实事项目进展情况公示\n"
        "1.新增安装300套路口交通信息视频采集设备。 牵头领导:王仁洲 责任单位:市公安局 "
        "项目责任人:王伟标 配合单位:市城管局、市财政局 实际完成情况:中心设备调试、前端摄像机上杆安装。\n"
    )
    assert roles(plan) == [("1", ["市公安局"], ["市城管局", "市财政局"])]
    persons = [(o.name, o.role) for o in task(plan, "1").others if o.person]
    assert persons == [("王仁洲", "牵头领导"), ("王伟标", "项目责任人")]


def test_a_bare_list_under_its_own_rule_with_a_body_no_ending_gives_away() -> None:
    plan = parse_text(
        "株洲市人民政府關於全面落實糧食安全省長責任制的實施意見\n"
        "(一)切實增強糧食安全意識。把保障糧食安全放在突出位置。"
        "(市發改委、市農委、市商務糧食局、中儲糧株洲直屬庫。排名第一的為牽頭單位,下同)\n"
    )
    assert roles(plan) == [("一", ["市發改委"], ["市農委", "市商務糧食局", "中儲糧株洲直屬庫"])]


def test_a_traditional_table_one_cell_a_line_with_columns_before_its_role_column() -> None:
    plan = parse_text(
        "洋縣2024年十大民生實事項目清單\n"
        "序號\n項目名稱\n建設地點\n建設時間\n2024年建設內容\n年度投資金額 (萬元)\n責任單位\n"
        "1\n中小學基礎設施提升改造項目\n相關鎮 (街道)\n2024\n對學校運動場地進行改造。\n300\n教體局\n"
        "2\n城北小學門前道路建設項目\n紙坊街道\n2024\n建成唐塔北路延伸段道路。\n300\n住建局\n"
    )
    assert roles(plan) == [("1", ["教體局"], []), ("2", ["住建局"], [])]
    assert task(plan, "2").text.startswith("城北小學門前道路建設項目")


def test_fields_numbered_as_sub_items_belong_to_the_item() -> None:
    plan = parse_text(
        "关于印发十件实事责任落实及任务分解方案的通知\n"
        "三、实施农村寄宿制学校建设工程\n"
        "(一)责任领导:高勤\n"
        "(二)责任单位:市教育局\n"
        "(三)协办单位:市财政局、各县市区人民政府、十堰经济开发区\n"
        "(四)项目内容及任务分解:农村中小学实施改水、改厕,计划安排200所。\n"
        "(五)完成时限:2008年内\n"
    )
    assert roles(plan) == [("三", ["市教育局"], ["市财政局", "各县市区人民政府", "十堰经济开发区"])]
    assert task(plan, "三").deadline == "2008年内"
    assert [(o.name, o.person) for o in task(plan, "三").others] == [("高勤", True)]
