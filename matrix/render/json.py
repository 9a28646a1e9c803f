"""The JSON of ``matrix parse --format json``: a contract later tools read."""

from __future__ import annotations

import json
from typing import Any

from matrix.graph import PlanGraph
from matrix.model import OtherRole


def plan_dict(graph: PlanGraph) -> dict[str, Any]:
    """The plan as the documented JSON structure (title, source, tasks, departments, warnings)."""
    tasks = []
    for task in graph.tasks():
        tasks.append(
            {
                "id": task.id,
                "outline": list(task.outline),
                "title": task.title,
                "text": task.written or task.text,
                "plain": task.text,
                "line": task.line,
                "leads": graph.leads(task),
                "participants": graph.participants(task),
                "others": [_other(o) for o in graph.others(task)],
                "deadline": task.deadline,
                "corrected": task.corrected,
                "sheet": task.sheet,
            }
        )
    departments = []
    for dept in graph.departments():
        duties = graph.duties(dept.name)
        departments.append(
            {
                "name": dept.name,
                "aliases": list(dept.aliases),
                "lead": [a.task.id for a in duties if a.role.value == "lead"],
                "participate": [a.task.id for a in duties if a.role.value == "participant"],
                "other": [a.task.id for a in duties if a.role.value == "other"],
            }
        )
    warnings = [
        {"line": f.line, "sheet": f.sheet, "message": f.message, "severity": f.severity.value}
        for f in graph.findings
    ]
    return {
        "title": graph.title,
        "source": graph.source,
        "tasks": tasks,
        "departments": departments,
        "warnings": warnings,
    }


def _other(other: OtherRole) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": other.name, "role": other.role}
    if other.person:
        entry["person"] = True
    return entry


def plan_json(graph: PlanGraph) -> str:
    """The plan's JSON text, UTF-8 characters unescaped, indented for reading."""
    return json.dumps(plan_dict(graph), ensure_ascii=False, indent=2)
