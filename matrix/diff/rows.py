"""A comparison as rows of old and new values side by side, ready for a sheet or a letter.

:func:`task_rows` gives one row per task that was added, removed, moved, renumbered or changed;
:func:`department_rows` one row per task of a department that concerns it (added, removed, role
changed or content changed; one row even when several apply).  Old values are as the old text
wrote them (an old department name stays old); empty strings stand for "none".
"""

from __future__ import annotations

from dataclasses import dataclass

from matrix.diff.model import DepartmentChange, PlanDiff, TaskChange, role_label
from matrix.diff.passages import changed_passages
from matrix.diff.roles import roles
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


ROW_KINDS = {
    "role_changed": {"role"},
    "changed": {"co_lead", "lead_changed", "participants", "deadline", "text"},
    "renumbered": {"renumbered"},
}
"""The kinds of a department's row for a task it keeps, from what it is told of the task."""

NOTICE_FIELDS = {
    "co_lead": "leads",
    "lead_changed": "leads",
    "participants": "participants",
    "deadline": "deadline",
    "text": "text",
}
"""The task field each kind of notice is about."""


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
    """A department's tasks as it is told of them (:attr:`DepartmentChange.notify`), one row each:
    added, then role, content or number changes in the new version's order, then removed.  The
    old side names the department's role under its old name (a probable rename's included)."""
    old_names = diff.old_names(dept.name)

    def old_role(task: Task) -> str | None:
        return next((n for n in old_names if n in roles(diff.old, task)), None)

    # Keyed on both ids: a deleted task's old id may be the new id of another task.
    kinds: dict[tuple[str, str | None], list[str]] = {}
    for notice in dept.notify:
        kinds.setdefault((notice.task, notice.old_task), []).append(notice.kind)
    matched: dict[tuple[str, str | None], TaskChange] = {(c.new.id, c.old.id): c for c in diff.matched}
    rows: list[ChangeRow] = []
    kept: list[ChangeRow] = []
    removed: list[tuple[Task, ChangeRow]] = []
    old_order = {t.id: k for k, t in enumerate(diff.old.tasks())}
    for (task_id, old_id), told in kinds.items():
        if "added" in told:
            rows.append(ChangeRow(("added",), Side(), side(diff.new, diff.new.task(task_id), dept.name)))
        elif "removed" in told and old_id is not None:
            task = diff.old.task(old_id)
            removed.append((task, ChangeRow(("removed",), side(diff.old, task, old_role(task)), Side())))
        elif (change := matched.get((task_id, old_id))) is not None:
            row_kinds = tuple(k for k, on in ROW_KINDS.items() if on.intersection(told))
            kept.append(_pair_row(diff, change, row_kinds, old_role(change.old), dept.name))
    removed.sort(key=lambda pair: old_order[pair[0].id])
    return rows + kept + [row for _, row in removed]
