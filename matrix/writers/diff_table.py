"""The terminal view of ``matrix diff``: a table of changed tasks and one of departments concerned."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from matrix.diff.model import DepartmentChange, PlanDiff, role_label
from matrix.diff.rows import FIELD_LABELS, ChangeRow, Side, task_rows
from matrix.model import Task

_PASSAGES = 3  # changed passages of a task's text shown on the terminal; the workbook shows all


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _row(table: Table, *cells: str) -> None:
    # Plan text may hold [brackets]: as Text, nothing in a cell is read as rich markup.
    table.add_row(*(Text(c) for c in cells))


def _team(side: Side) -> str:
    return f"牵头: {side.leads or '无'}" + (f"; 参与: {side.participants}" if side.participants else "")


def _delta(before: str, after: str) -> str:
    # Lists of names: say who came and who went rather than repeating both lists.
    old, new = before.split("、") if before else [], after.split("、") if after else []
    gained = [n for n in new if n not in old]
    lost = [n for n in old if n not in new]
    parts = ([f"增 {'、'.join(gained)}"] if gained else []) + ([f"减 {'、'.join(lost)}"] if lost else [])
    return "; ".join(parts) or f"{before} → {after}"


def _details(row: ChangeRow) -> str:
    if "added" in row.kinds:
        return _team(row.new)
    if "removed" in row.kinds:
        return _team(row.old)
    notes: list[str] = []
    if "moved" in row.kinds:
        notes.append(f"章节: {row.old.section or '无'} → {row.new.section or '无'}")
    for name in row.fields:
        before, after = getattr(row.old, name), getattr(row.new, name)
        if name == "text":
            shown = [f"{a or '(无)'} → {b or '(无)'}" for a, b in row.passages[:_PASSAGES]]
            more = f" 等 {len(row.passages)} 处" if len(row.passages) > _PASSAGES else ""
            notes.append(f"{FIELD_LABELS[name]}{more}: " + "; ".join(shown))
        elif name in ("participants", "others"):
            notes.append(f"{FIELD_LABELS[name]}: {_delta(before, after)}")
        else:
            notes.append(f"{FIELD_LABELS[name]}: {before or '无'} → {after or '无'}")
    return "\n".join(notes)


def task_table(diff: PlanDiff) -> Table:
    """The tasks added, removed, moved, renumbered or changed: as :func:`matrix.diff.rows.task_rows`."""
    table = Table(title="任务变化", show_lines=True)
    for column in ("变化", "原编号", "新编号", "任务", "相似度", "说明"):
        table.add_column(column, overflow="fold", justify="right" if column == "相似度" else "left")
    for row in task_rows(diff):
        title = row.new.title or row.old.title
        similar = "" if row.similarity is None else f"{row.similarity:.3f}"
        _row(table, row.kind_label, row.old.id, row.new.id, title, similar, _details(row))
    return table


def _ids(tasks: list[Task]) -> str:
    return "、".join(t.id for t in tasks)


def _name(dept: DepartmentChange) -> str:
    return f"{dept.name}\n(原 {dept.renamed_from})" if dept.renamed_from else dept.name


def department_table(diff: PlanDiff) -> Table:
    """Each department concerned, in the new version's display order, with its changed tasks."""
    table = Table(title="单位变化", show_lines=True)
    for column in ("单位", "新增任务", "删除任务", "角色变化", "内容变化"):
        table.add_column(column, overflow="fold")
    for dept in diff.departments:
        roles = "\n".join(
            f"{rc.task.new.id} {role_label(rc.old)}→{role_label(rc.new)}" for rc in dept.role_changed
        )
        changed = "、".join(c.new.id for c in dept.changed)
        _row(table, _name(dept), _ids(dept.added), _ids(dept.removed), roles, changed)
    return table


def summary(diff: PlanDiff) -> str:
    """One line of counts: tasks added, removed, renumbered, moved, changed; departments concerned."""
    return (
        f"新增 {len(diff.added)} 项, 删除 {len(diff.removed)} 项, 编号变化 {len(diff.renumbered)} 项, "
        f"移动 {len(diff.moved)} 项, 内容变化 {len(diff.changed)} 项; 涉及 {len(diff.departments)} 个单位。"
    )


def print_diff(diff: PlanDiff) -> None:
    """The comparison on the terminal: the task table, the department table and the counts."""
    console = _console()
    console.print(f"修订对照: {diff.old.source} → {diff.new.source}", markup=False)
    if not diff.has_changes:
        console.print("两个版本的任务与分工没有变化。")
        return
    if task_rows(diff):  # a rename alone changes no task
        console.print(task_table(diff))
    if diff.departments:
        console.print(department_table(diff))
    console.print(summary(diff))
