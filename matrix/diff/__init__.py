"""Comparing two versions of a plan: which tasks were added, removed, renumbered, moved or changed,
and what that means for each department.

:func:`matrix.api.diff_files` reads both files; ``diff_plans(old_graph, new_graph, settings)`` is the
pure comparison; :mod:`matrix.diff.rows` turns a result into old/new rows for the renderers.

The comparison is pure: it imports the model, graph, settings and ``text``; never readers,
views, ``render``, ``build``, ``cli`` or ``web``.
"""

from __future__ import annotations

from matrix.diff.compare import diff_plans
from matrix.diff.model import DepartmentChange, Notice, PlanDiff, ProbableRename, RoleChange, TaskChange
from matrix.diff.similarity import similarity

__all__ = [
    "DepartmentChange",
    "Notice",
    "PlanDiff",
    "ProbableRename",
    "RoleChange",
    "TaskChange",
    "diff_plans",
    "similarity",
]
