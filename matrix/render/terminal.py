"""Terminal views: the task list, one bureau's duties, the department counts, check findings."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from matrix.graph import PlanGraph
from matrix.model import Finding, Role, Severity


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _table(title: str, columns: Sequence[str]) -> Table:
    # Chinese text has no spaces to wrap at: fold long cells rather than cut them off.
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def print_tasks(graph: PlanGraph) -> None:
    """Every task with its leads (primary first) and participants."""
    table = _table(graph.title or graph.source, ("任务", "行", "标题", "牵头单位", "参与单位"))
    for task in graph.tasks():
        others = [f"{o.name}({o.role})" for o in graph.others(task)]
        table.add_row(
            task.id,
            str(task.line),
            task.title,
            "、".join(graph.leads(task)),
            "、".join(graph.participants(task) + others),
        )
    console = _console()
    console.print(table)
    console.print(f"共 {len(graph.tasks())} 项任务, {len(graph.departments())} 个单位。")
    print_findings(graph.findings, to_stderr=True)


def print_duties(graph: PlanGraph, department: str) -> None:
    """One department's tasks, the ones it leads first."""
    duties = graph.duties(department)
    table = _table(
        f"{department} 的任务 (共 {len(duties)} 项)",
        ("角色", "任务", "标题", "牵头单位", "参与单位", "完成时限"),
    )
    for a in duties:
        role = "第一牵头" if a.is_primary_lead else (a.word if a.role is Role.OTHER else a.role.label)
        table.add_row(
            role,
            a.task.id,
            a.task.title,
            "、".join(graph.leads(a.task)),
            "、".join(graph.participants(a.task)),
            a.task.deadline or "",
        )
    _console().print(table)


def print_departments(graph: PlanGraph) -> None:
    """Each department with its lead, participant and other-role counts."""
    table = Table(title=f"{graph.title or graph.source}: 单位 ({len(graph.departments())} 个)")
    for column, justify in (
        ("序号", "right"),
        ("单位", "left"),
        ("牵头", "right"),
        ("参与", "right"),
        ("其他", "right"),
        ("合计", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for i, dept in enumerate(graph.departments(), 1):
        duties = graph.duties(dept.name)
        counts = [sum(1 for a in duties if a.role is role) for role in Role]
        table.add_row(str(i), dept.name, *(str(c) for c in counts), str(len(duties)))
    _console().print(table)


def print_findings(findings: Sequence[Finding], *, to_stderr: bool = False) -> None:
    """Findings as ``第N行 错误/提示: message`` lines (``任务分解表 第N行 …`` in a workbook), one a line."""
    stream = sys.stderr if to_stderr else sys.stdout
    for f in findings:
        word = "错误" if f.severity is Severity.ERROR else "提示"
        # no place: a settings file's warning, or a stale correction whose task is gone
        where = f"{f.place} " if f.place else ""
        print(f"{where}{word}: {f.message}", file=stream)
