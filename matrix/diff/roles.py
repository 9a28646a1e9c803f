"""Who holds a task in which role, as the comparison sees it: role keys by department name."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from matrix.diff.model import PRIMARY_LEAD
from matrix.graph import PlanGraph
from matrix.model import Role, Task

Rename = Callable[[str], str]
"""An old-version department name mapped to its name in the new version."""


def unique(names: Iterable[str]) -> list[str]:
    """The names in order, each once."""
    return list(dict.fromkeys(names))


def roles(graph: PlanGraph, task: Task, rename: Rename = str) -> dict[str, str]:
    """Each department of a task (renamed) with its role key, leads first in rank order."""
    out: dict[str, str] = {}
    for a in graph.assignments(task):
        key = PRIMARY_LEAD if a.is_primary_lead else (a.word if a.role is Role.OTHER else a.role.value)
        out.setdefault(rename(a.department), key)
    return out
