"""Holding a returned form against the current plan: which plan, which department, which tasks,
values in their lists and ranges, locked cells as written.

A form of the current plan must match it row for row.  A form of an earlier version of the plan is
matched task by task: first by the stored content hash (the same heading and text), then by text
similarity (:func:`matrix.diff.match.match_tasks` when the diff library is there, else difflib);
tasks that no longer exist are reported and not counted.  A form none of whose tasks matches is a
form of another plan.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from matrix.cleaning import removed
from matrix.graph import PlanGraph
from matrix.model import Task
from matrix.progress.layout import (
    FORM_VERSION,
    HASHED,
    STATUSES,
    cells_hash,
    content_hash,
    form_rows,
    norm,
    role_text,
)
from matrix.progress.layout import plan_fingerprint as fingerprint_of
from matrix.progress.model import Report, ReturnCheck, ReturnedForm, ReturnedRow

READABLE_VERSIONS = frozenset({FORM_VERSION})
"""Every form version this reader understands."""
FUZZY_AT = 0.6
"""difflib's ratio from which two task texts are the same task reworded (when matrix.diff is absent)."""
_PERCENT = re.compile(r"^(\d{1,3})(\.0+)?\s*[%％]?$")


def _difflib_pairs(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Old index → new index by difflib's ratio, best pairs first (the fallback without matrix.diff)."""
    scored = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
            if ratio >= FUZZY_AT:
                scored.append((ratio, i, j))
    out: dict[int, int] = {}
    for _, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in out and j not in out.values():
            out[i] = j
    return out


def _fuzzy(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    """Old index → new index for reworded task texts."""
    try:
        from matrix.diff.match import match_tasks
    except ImportError:  # the diff library is another engineer's and may not be installed yet
        return _difflib_pairs(old, new)
    pairs = match_tasks([("", t) for t in old], [("", t) for t in new])
    return {m.old: m.new for m in pairs}


def match_rows(form: ReturnedForm, tasks: list[Task]) -> dict[int, Task]:
    """Form row → the current plan's task it reports on; rows of vanished tasks are left out."""
    by_content: dict[str, list[Task]] = {}
    for task in tasks:
        by_content.setdefault(content_hash(task), []).append(task)
    stored = {t.row: t for t in form.stamp.tasks}
    out: dict[int, Task] = {}
    taken: set[str] = set()
    for row in form.rows:
        key = stored[row.row].content if row.row in stored else None
        candidates = by_content.get(key, []) if key else []
        if not candidates:  # no stored hash (the stamp sheet is gone): the same text is the same task
            candidates = [t for t in tasks if norm(t.text or t.title) == row.cells["任务内容"]]
        free = [t for t in candidates if t.id not in taken]
        if free:
            out[row.row] = free[0]
            taken.add(free[0].id)
    rest_rows = [r for r in form.rows if r.row not in out]
    rest_tasks = [t for t in tasks if t.id not in taken]
    if rest_rows and rest_tasks:
        pairs = _fuzzy(
            [r.cells["任务内容"] for r in rest_rows], [norm(t.text or t.title) for t in rest_tasks]
        )
        for i, j in pairs.items():
            out[rest_rows[i].row] = rest_tasks[j]
    return out


def parse_percent(value: object) -> int | None:
    """A 完成比例 as entered (80, 80.0, "80", "80%"), or None when blank; ValueError when not 0-100."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if float(value).is_integer() and 0 <= value <= 100:
            return int(value)
        raise ValueError(value)
    m = _PERCENT.match(norm(value))
    if m and 0 <= int(m[1]) <= 100:
        return int(m[1])
    raise ValueError(value)


def _locked(form: ReturnedForm, row: ReturnedRow, expected: dict[str, str] | None) -> str | None:
    """Why a row's pre-filled cells are not as written, or None when they are."""
    stored = {t.row: t for t in form.stamp.tasks}.get(row.row)
    if expected is not None:
        changed = [h for h in HASHED if row.cells[h] != expected[h]]
        if changed:
            return f"第{row.row}行预填内容被改动: " + "、".join(changed)
        return None
    if stored is not None and cells_hash([row.cells[h] for h in HASHED]) != stored.cells:
        return f"第{row.row}行预填内容被改动"
    return None


def _values(row: ReturnedRow, task: Task) -> tuple[str | None, int | None, list[str]]:
    problems = []
    status: str | None = row.status or None
    if status is not None and status not in STATUSES:
        problems.append(
            f"第{row.row}行 (任务 {task.id}) 完成状态“{status}”不在可选项 {'、'.join(STATUSES)} 内"
        )
        status = None
    try:
        percent = parse_percent(row.percent)
    except ValueError:
        problems.append(f"第{row.row}行 (任务 {task.id}) 完成比例“{norm(row.percent)}”应为 0—100 的整数")
        percent = None
    return status, percent, problems


def check_return(graph: PlanGraph, form: ReturnedForm, fingerprint: str | None = None) -> ReturnCheck:
    """Judge one returned form against the current plan (``fingerprint`` saves recomputing it)."""
    stamp = form.stamp
    check = ReturnCheck(file=form.file, form=form, department=None)
    if form.cleaned:
        check.notes.append(f"{form.file.original.name}: {removed(form.cleaned)}")
    if stamp.form_version not in READABLE_VERSIONS:
        check.problems.append(
            f"表的版本 {stamp.form_version or '(无)'} 无法识别, 请用本系统新生成的表重新填报"
        )
        return check
    dept = graph.department(stamp.department)
    if dept is None:
        check.problems.append(f"表上的单位“{stamp.department}”不在现行计划中")
        return check
    check.department = dept.name
    visible = form.department_cell.removeprefix("填报单位：").strip()
    if visible != stamp.department:
        check.problems.append(f"填报单位被改为“{visible}”(表为 {stamp.department} 生成)")
    current = fingerprint or fingerprint_of(graph)
    duties = {a.task.id: a for a in graph.duties(dept.name)}
    now = form_rows(graph, dept.name)
    # An incremental build keeps a form whose rows did not change, with the fingerprint of the
    # plan it was made from: such a form is current for its department.
    unchanged = bool(stamp.tasks) and [(t.content, t.cells) for t in stamp.tasks] == [
        (r.content, r.cells_hash) for r in now
    ]
    same = stamp.plan_fingerprint == current or unchanged
    matches = match_rows(form, [graph.task(i) for i in duties] if same else graph.tasks())
    if not same:
        if not matches and form.rows:
            check.department = None
            check.problems.append(f"表是为另一份计划 ({stamp.plan_title or '未知'}) 生成的")
            return check
        check.older_version = True
        check.notes.append("按旧版计划填报, 已按任务内容对应到现行计划")
    expected = {r.task.id: r.cells for r in now} if same else {}
    for row in form.rows:
        task = matches.get(row.row)
        if (why := _locked(form, row, expected.get(task.id) if task else None)) is not None:
            check.problems.append(why)
        if task is None:
            old_id = row.cells["任务编号"]
            check.notes.append(f"旧版任务 {old_id} 已不在现行计划中, 其进展未计入")
            continue
        if task.id not in duties:
            check.notes.append(f"任务 {task.id} 现已不由本单位承担, 其进展未计入")
            continue
        if not same and norm(task.text or task.title) != row.cells["任务内容"]:
            check.notes.append(f"旧版任务 {row.cells['任务编号']} 内容已修改, 对应现行任务 {task.id}")
        status, percent, problems = _values(row, task)
        check.problems += problems
        check.reports.append(
            Report(
                task.id,
                dept.name,
                role_text(duties[task.id]),
                status,
                percent,
                row.progress,
                row.problems,
                row.next_steps,
            )
        )
    reported = {r.task_id for r in check.reports}
    blank = [r.task_id for r in check.reports if r.status is None and not r.progress]
    if blank:
        check.notes.append("未填写的任务: " + "、".join(blank))
    absent = [i for i in duties if i not in reported]
    if absent:
        check.notes.append("现行计划中本单位的任务不在表中: " + "、".join(absent))
    return check
