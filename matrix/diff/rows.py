"""A comparison as rows of old and new values side by side, ready for a sheet or a letter.

:func:`task_rows` gives one row per task that was added, removed, moved, renumbered or changed;
:func:`department_rows` one row per task of a department that concerns it (added, removed, role
changed or content changed; one row even when several apply).  Old values are as the old text
wrote them (an old department name stays old); empty strings stand for "none".
"""

from __future__ import annotations

from dataclasses import dataclass

from matrix.diff.compare import roles
from matrix.diff.model import DepartmentChange, PlanDiff, TaskChange, role_label
from matrix.diff.passages import changed_passages
from matrix.graph import PlanGraph
from matrix.model import Task

KIND_LABELS = {
    "added": "新增",
    "removed": "删除",
    "moved": "移动",
    "renumbered": "编号变化",
    "changed": "内容变化",
    "role_changed": "角色变化",
}
"""The Chinese word of each kind of change."""

FIELD_LABELS = {
    "text": "任务内容",
    "leads": "牵头单位",
    "participants": "参与单位",
    "others": "其他单位",
    "deadline": "完成时限",
}
"""The Chinese word of each task field."""


@dataclass(frozen=True)
class Side:
    """One version of a task as a row shows it; every value is empty for a version without it."""

    id: str = ""
    title: str = ""
    text: str = ""
    section: str = ""
    leads: str = ""
    participants: str = ""
    others: str = ""
    deadline: str = ""
    role: str = ""
    """The department's role (第一牵头, 牵头, 参与, 指导 ...), in department rows only."""


@dataclass(frozen=True)
class ChangeRow:
    """A task's old and new versions side by side, with what changed (keys of :data:`KIND_LABELS`
    and of :data:`FIELD_LABELS`) and how alike the texts are (None for an added or removed task)."""

    kinds: tuple[str, ...]
    old: Side
    new: Side
    fields: tuple[str, ...] = ()
    similarity: float | None = None
    passages: tuple[tuple[str, str], ...] = ()
    """Where the text changed, as (old passage, new passage) pairs with a little context."""

    @property
    def kind_label(self) -> str:
        """The kinds of change in Chinese, joined: 角色变化、内容变化."""
        return "、".join(KIND_LABELS[k] for k in self.kinds)

    @property
    def passage_label(self) -> str:
        """Where the text changed, one line per passage: ``原: … / 新: …``."""
        return "\n".join(f"原: {old or '(无)'}\n新: {new or '(无)'}" for old, new in self.passages)

    @property
    def field_label(self) -> str:
        """The changed fields in Chinese, joined: 任务内容、牵头单位."""
        return "、".join(FIELD_LABELS[f] for f in self.fields)


def side(graph: PlanGraph, task: Task | None, department: str | None = None) -> Side:
    """One version of a task as rows show it; ``department``'s role in it when given."""
    if task is None:
        return Side()
    role = roles(graph, task).get(department, "") if department else ""
    return Side(
        id=task.id,
        title=task.title,
        text=task.text,
        section=" / ".join(s.title for s in graph.section_path(task)),
        leads="、".join(graph.leads(task)),
        participants="、".join(graph.participants(task)),
        others="、".join(f"{o.name}({o.role})" for o in graph.others(task)),
        deadline=task.deadline or "",
        role=role_label(role) if role else "",
    )


def _pair_row(
    diff: PlanDiff,
    change: TaskChange,
    kinds: tuple[str, ...],
    old_name: str | None = None,
    new_name: str | None = None,
) -> ChangeRow:
    return ChangeRow(
        kinds=kinds,
        old=side(diff.old, change.old, old_name),
        new=side(diff.new, change.new, new_name),
        fields=change.fields,
        similarity=change.similarity,
        passages=tuple(changed_passages(change.old.text, change.new.text)) if "text" in change.fields else (),
    )


def task_rows(diff: PlanDiff) -> list[ChangeRow]:
    """Every task that was added, removed, moved, renumbered or changed: matched and added tasks in
    the new version's order, then removed ones in the old version's order."""
    added = {t.id for t in diff.added}
    rows: list[ChangeRow] = []
    matched = {c.new.id: c for c in diff.matched}
    for task in diff.new.tasks():
        if task.id in added:
            rows.append(ChangeRow(("added",), Side(), side(diff.new, task)))
            continue
        change = matched[task.id]
        kinds = tuple(
            k
            for k, on in (
                ("moved", change.moved),
                ("renumbered", change.renumbered),
                ("changed", change.changed),
            )
            if on
        )
        if kinds:
            rows.append(_pair_row(diff, change, kinds))
    rows += [ChangeRow(("removed",), side(diff.old, t), Side()) for t in diff.removed]
    return rows


def department_rows(diff: PlanDiff, dept: DepartmentChange) -> list[ChangeRow]:
    """A department's changed tasks, one row each: added, then role or content changes in the new
    version's order, then removed.  The old side names the department's role under its old name."""
    old_names = [old for old, new in diff.names.items() if new == dept.name] or [dept.name]
    rows = [ChangeRow(("added",), Side(), side(diff.new, t, dept.name)) for t in dept.added]
    role_changed = {rc.task.new.id for rc in dept.role_changed}
    changed = {c.new.id for c in dept.changed}
    for change in diff.matched:
        kinds = tuple(
            k
            for k, on in (
                ("role_changed", change.new.id in role_changed),
                ("changed", change.new.id in changed),
            )
            if on
        )
        if kinds:
            old_role = next((n for n in old_names if n in roles(diff.old, change.old)), None)
            rows.append(_pair_row(diff, change, kinds, old_role, dept.name))
    for task in dept.removed:
        old_role = next((n for n in old_names if n in roles(diff.old, task)), None)
        rows.append(ChangeRow(("removed",), side(diff.old, task, old_role), Side()))
    return rows
