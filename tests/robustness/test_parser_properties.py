"""Property tests: the parser never crashes, and every name it reports comes from the text."""

from __future__ import annotations

import contextlib

from helpers import parse_text
from hypothesis import given
from hypothesis import strategies as st

from matrix.errors import InputError
from matrix.text.normalize import clean, squash

FRAGMENTS = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（1）",
    "①",
    "\n",
    "\n\n",
    "。",
    "，",
    "、",
    "：",
    ";",
    "；",
    "（",
    "）",
    "(",
    ")",
    "[",
    "]",
    "〔",
    "〕",
    "【",
    "】",
    "由",
    "会同",
    "牵头",
    "负责",
    "参与",
    "配合",
    "指导",
    "落实",
    "分别牵头",
    "按职责分工负责",
    "等",
    "和各",
    "等和",
    "有关部门",
    "相关单位",
    "责任单位:",
    "牵头单位：",
    "配合单位:",
    "负责部门：",
    "适用范围:",
    "列第一位者为牵头单位，下同",
    "下同",
    "不再列出",
    "市科技局",
    "市财政局",
    "**开发区管委会",
    "各县（市、区）政府",
    "各区、县级市",
    "人事局",
    "市人事局",
    "省经信厅",
    "文旅厅",
    "(知识产权局)",
    "年内持续推进",
    "2019年6月底前",
    "加强科技创新",
    "推进改革",
    "\t",
    "|",
    "  ",
    "序号\t任务\t牵头单位\t配合单位\n",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map("".join)


def _source_key(text: str) -> str:
    # the documented normalisations: control characters dropped, widths folded, spaces ignored
    return squash(clean(text)).replace("（", "(").replace("）", ")")


@given(texts)
def test_parser_never_crashes_and_names_come_from_the_text(text: str) -> None:
    try:
        plan = parse_text(text)
    except InputError:
        return
    source = _source_key(text)
    for dept in plan.departments:
        key = squash(dept.name).replace("（", "(").replace("）", ")")
        assert key in source, dept.name
    for task in plan.tasks:
        assert set(task.leads).isdisjoint(task.participants)
        assert len(task.leads) == len(set(task.leads))


@given(st.binary(max_size=300))
def test_reading_arbitrary_bytes_never_crashes(data: bytes) -> None:
    from matrix.readers.text import decode

    try:
        text = decode(data, "x.txt")
    except InputError:
        return
    with contextlib.suppress(InputError):
        parse_text(text)
