"""Page numbers a copy from print kept on lines of their own, in invented text.

A page mark (``- 1 -``, ``第2页``) is never a task's text; where it cut a list of bodies after a
comma, the two halves are one list again.  A bare number stays: in a table copied one cell a
line, it is a row's number.
"""

from __future__ import annotations

import pytest
from helpers import parse_text, roles

from matrix.readers.pdf import is_page_number
from matrix.text.normalize import is_page_mark


def test_a_page_mark_that_cuts_a_list_of_bodies() -> None:
    plan = parse_text(
        "关于印发目标责任书的通知\n"
        "一、开展窗口示范行动。各乡镇配合市文明办、\n"
        "- 1 -\n"
        "市经发中心、市热线办,负责组织实施本辖区工作。\n"
        "二、开展环境整治行动。各乡镇配合市城管局,负责本辖区工作。\n"
    )
    assert roles(plan) == [
        ("一", ["市文明办", "市经发中心", "市热线办"], ["各乡镇"]),
        ("二", ["市城管局"], ["各乡镇"]),
    ]


def test_a_page_mark_between_tasks_is_dropped_and_joins_nothing() -> None:
    plan = parse_text(
        "关于印发重点任务分工的通知\n"
        "1.加快项目建设。(市发改委牵头)\n"
        "— 2 —\n"
        "2.做好防汛工作。(市水务局牵头,市应急局配合)\n"
    )
    assert roles(plan) == [("1", ["市发改委"], []), ("2", ["市水务局"], ["市应急局"])]
    assert all("2 —" not in t.text for t in plan.tasks)


@pytest.mark.parametrize("line", ["- 1 -", "—12—", "－3－", "第3页", "第 3 页 共 12 页", "Page 2"])
def test_page_marks(line: str) -> None:
    assert is_page_mark(line)
    assert is_page_number(line)  # the PDF reader drops them too, at a page's edge


@pytest.mark.parametrize("line", ["3", "12", "- 3", "2.加快建设", "第三条", "2012年"])
def test_not_page_marks(line: str) -> None:
    assert not is_page_mark(line)
