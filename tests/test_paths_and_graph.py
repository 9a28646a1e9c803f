"""Names become safe file paths in one place; the graph answers every view from one structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrix import load_plan
from matrix.errors import UsageError
from matrix.model import Role
from matrix.paths import numbered_names, output_path, safe_filename


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("**开发区管委会", "开发区管委会"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("a/b\\c", "a_b_c"),
        ("..", "未命名"),
        ("市局. ", "市局"),
        ("COM1", "_COM1"),
        ('A<>:"|?*B', "A_B"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_numbered_names_are_unique_even_when_names_clean_up_alike() -> None:
    names = numbered_names(["**局", "??局", "市局"], ".docx")
    assert names == ["01-局.docx", "02-局.docx", "03-市局.docx"]
    assert len({n.casefold() for n in numbered_names(["a*", "a?"], ".x")}) == 2


def test_output_path_stays_inside(tmp_path: Path) -> None:
    assert output_path(tmp_path, "letters", "01-局.docx").parent == (tmp_path / "letters").resolve()
    with pytest.raises(UsageError):
        output_path(tmp_path, "..", "escape.docx")


def test_graph_views_agree_with_tasks(default_plan: Path) -> None:
    graph = load_plan(default_plan)
    edges = [(n[1], d["role"]) for _, n, d in graph.g.out_edges(("task", "二.四.3"), data=True)]
    assert ("市经委", Role.LEAD) in edges and ("市公安局", Role.PARTICIPANT) in edges
    task = graph.task("二.四.3")
    assert graph.leads(task) == ["市经委", "市质量技监局", "市工商局"]
    duties = graph.duties("市经委")
    assert duties[0].role is Role.LEAD
    assert any(a.task.id == "二.四.3" and a.is_primary_lead for a in duties)
    assert [s.title for s in graph.section_path(task)] == [
        "重点工作任务",
        "大力提升知识产权、标准和品牌创造能力",
    ]
    total = sum(len(graph.duties(d.name)) for d in graph.departments())
    assert total == sum(len(t.leads) + len(t.participants) + len(t.others) for t in graph.tasks())
