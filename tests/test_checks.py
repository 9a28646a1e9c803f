"""What ``matrix check`` flags, and what it leaves alone."""

from __future__ import annotations

import pytest
from helpers import parse_text

from matrix.checks import check_plan, looks_alike
from matrix.graph import PlanGraph
from matrix.settings import Settings


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("市科技局", "市科学技术局", True),
        ("市经委", "市经信委", True),
        ("各省级人民政府", "各有关省级人民政府", False),
        ("市财政局", "市科技局", False),
        ("财政部", "国家财政部门", False),
    ],
)
def test_names_that_look_alike(a: str, b: str, alike: bool) -> None:
    assert looks_alike(a, b) is alike


def test_a_guided_task_needs_no_lead_but_a_nameless_one_is_flagged() -> None:
    plan = parse_text("一、任务\n1.开展试点。（市生态局指导）\n2.抓好落实。（各有关部门按职责分工负责）\n")
    messages = [f.message for f in check_plan(PlanGraph(plan), Settings())]
    assert messages == ["任务 一.2 没有牵头单位"]
