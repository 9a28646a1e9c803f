"""The terminal view of ``matrix diff``: a table of changed tasks, one of the departments told and
what each is told, and the probable renames with the settings lines that confirm them."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from matrix.diff.model import DepartmentChange, Notice, PlanDiff, role_label
from matrix.diff.rows import FIELD_LABELS, ChangeRow, Side, task_rows
from matrix.settings import settings_path

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


_CONTENT_LABELS = {
    "co_lead": "牵头单位",
    "lead_changed": "牵头单位调整",
    "participants": "参与单位",
    "deadline": "完成时限",
    "text": "任务内容",
}


def _name(diff: PlanDiff, dept: DepartmentChange) -> str:
    if dept.renamed_from:
        return f"{dept.name}\n(原 {dept.renamed_from})"
    probable = diff.probable_rename_to(dept.name)
    return f"{dept.name}\n(疑似原 {probable.old})" if probable else dept.name


def _role_change(n: Notice) -> str:
    return f"{n.task} {role_label(str(n.before))}→{role_label(str(n.after))}"


def _told(dept: DepartmentChange) -> tuple[str, str, str, str, str]:
    """The department's notices as the table's cells: added, removed, roles, content, numbers."""
    added = [n.task for n in dept.notify if n.kind == "added"]
    removed = [n.old_task or n.task for n in dept.notify if n.kind == "removed"]
    roles = [_role_change(n) for n in dept.notify if n.kind == "role"]
    content: dict[str, list[str]] = {}
    for n in dept.notify:
        if n.kind in _CONTENT_LABELS:
            labels = content.setdefault(n.task, [])
            labels.append(_CONTENT_LABELS[n.kind])
    numbers = [f"{n.before}→{n.after}" for n in dept.notify if n.kind == "renumbered"]
    return (
        "、".join(added),
        "、".join(removed),
        "\n".join(roles),
        "\n".join(f"{task} {'、'.join(labels)}" for task, labels in content.items()),
        "\n".join(numbers),
    )


def department_table(diff: PlanDiff) -> Table:
    """Each department told of the revision, in the new version's display order, with what it is
    told (:attr:`~matrix.diff.model.DepartmentChange.notify`); a probable rename under its new name."""
    table = Table(title="单位变化", show_lines=True)
    for column in ("单位", "新增任务", "删除任务", "角色变化", "内容变化", "编号变化"):
        table.add_column(column, overflow="fold")
    for dept in diff.told:
        _row(table, _name(diff, dept), *_told(dept))
    return table


def print_renames(console: Console, diff: PlanDiff) -> None:
    """The probable renames, each with the settings lines that confirm it."""
    settings = settings_path(Path(diff.new.source)).name
    for rename in diff.probable_renames:
        console.print(f"疑似更名: {rename.label}", markup=False)
        console.print(f"  如确为更名, 请在新计划的设置文件 {settings} 中写明曾用名:", markup=False)
        for line in rename.settings_lines:
            console.print(f"    {line}", markup=False)


def summary(diff: PlanDiff) -> str:
    """One line of counts: tasks added, removed, renumbered, moved, changed; departments concerned."""
    return (
        f"新增 {len(diff.added)} 项, 删除 {len(diff.removed)} 项, 编号变化 {len(diff.renumbered)} 项, "
        f"移动 {len(diff.moved)} 项, 内容变化 {len(diff.changed)} 项; 涉及 {len(diff.told)} 个单位"
        + (f", 疑似更名 {len(diff.probable_renames)} 个" if diff.probable_renames else "")
        + "。"
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
    if diff.told:
        console.print(department_table(diff))
    print_renames(console, diff)
    console.print(summary(diff))
