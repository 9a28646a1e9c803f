"""Generated plans: parse → letters / workbook → read back keeps every assignment (nothing lost)."""

from __future__ import annotations

import io

import docx
from helpers import parse_text
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from matrix.build.letters import render_batch
from matrix.graph import PlanGraph
from matrix.render.xlsx.workbook import workbook_bytes
from matrix.settings import Settings
from matrix.views.document import resolve_options

POOL = [
    "市财政局",
    "市科技局",
    "市教育局",
    "**开发区管委会",
    "市委组织部",
    "各县（区）政府",
    "人行**支行",
    "市统计局",
]
WORDS = ["加强", "推进", "完善", "=SUM(A1)", '& < > "', "科技创新", "产业升级", "人才培养", "2026年底前"]

assignment = st.tuples(
    st.lists(st.sampled_from(POOL), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(POOL), max_size=4, unique=True),
).map(lambda lp: (lp[0], [p for p in lp[1] if p not in lp[0]]))
plans = st.lists(
    st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), assignment), min_size=1, max_size=6
)


def _text(plan: list[tuple[list[str], tuple[list[str], list[str]]]]) -> str:
    lines = ["一、重点任务"]
    for i, (words, (leads, parts)) in enumerate(plan, 1):
        head = f"由{leads[0]}会同{'、'.join(leads[1:])}牵头" if len(leads) > 1 else f"由{leads[0]}牵头"
        tail = f",{'、'.join(parts)}等参与" if parts else ""
        lines.append(f"{i}.{'，'.join(words)}。（{head}{tail}）")
    return "\n".join(lines) + "\n"


@settings(max_examples=25)
@given(plans)
def test_every_assignment_survives_parse_workbook_and_letters(
    plan: list[tuple[list[str], tuple[list[str], list[str]]]],
) -> None:
    parsed = parse_text(_text(plan))
    assert [(t.leads, t.participants) for t in parsed.tasks] == [lp for _, lp in plan]
    graph = PlanGraph(parsed)
    expected = {
        (t.id, d, "lead" if d in t.leads else "participant")
        for t in parsed.tasks
        for d in t.leads + t.participants
    }

    sheet = load_workbook(io.BytesIO(workbook_bytes(graph, Settings())))["责任矩阵"]
    depts = [c.value for c in sheet[2]][2:-1]
    found = set()
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if row[1] == "合计":
            continue
        task_id = str(row[1]).split(" ", 1)[0]
        for dept, mark in zip(depts, row[2:-1], strict=True):
            if mark:
                found.add((task_id, dept, "lead" if "牵头" in str(mark) else "participant"))
    assert found == expected

    batch = render_batch(graph, Settings(), resolve_options(Settings().letter))
    for name, department in batch.departments.items():
        doc = docx.Document(io.BytesIO(batch.letters[name]))
        # each task is a numbered 楷体 item followed by its 牵头单位 line
        items = sum(1 for p in doc.paragraphs if p.style is not None and p.style.style_id == "Heading2")
        assert items == sum(1 for _, d, _ in expected if d == department), name
