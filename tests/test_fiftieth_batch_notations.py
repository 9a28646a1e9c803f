"""Notations met while reading the corpus's misses again, each in invented text.

A table copied one cell a line whose header words the cell's width broke over two lines (牵头 /
部门, 完成 / 时间); a cell that counts the towns it names (13个街道、镇); a body named by its
function (建设主管部门) and the local towns (属地街镇) in a role cell.
"""

from __future__ import annotations

from helpers import parse_text, roles

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
