"""The progress form's layout and stamp: what the form writer puts where, and the reader looks for.

A form is recognised by its stamp, never by its file name: a hidden sheet ``_matrix`` of key/value
rows (and, as a fallback, the workbook's custom properties) names the plan by its fingerprint, the
department and the form version, and lists each task row with two hashes: the task's *content*
hash (its heading and text, so a form of an earlier plan version can be matched to the current
plan) and the row's *cells* hash (every pre-filled cell, so an edited locked cell is noticed).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from matrix.graph import Assignment, PlanGraph
from matrix.model import Role, Task

FORM_VERSION = "1"
"""Bump when the layout changes; the reader knows every version it can read."""
KIND = "matrix-progress-form"
"""The stamp's ``kind``: tells a progress form from any other workbook matrix writes."""
FORM_SHEET = "进展反馈表"
STAMP_SHEET = "_matrix"
FORMS_FOLDER = "forms"

NOT_STARTED, IN_PROGRESS, DONE, LAGGING = "未启动", "推进中", "已完成", "滞后"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, LAGGING)
"""The choices of 完成状态, in the dropdown's order."""

PREFILLED = ("序号", "任务编号", "任务内容", "本单位角色", "牵头单位", "参与单位", "完成时限")
"""The locked columns, filled from the plan."""
INPUTS = ("进展情况", "完成状态", "完成比例（%）", "存在问题", "下步计划")
"""The columns the bureau fills in."""
HEADERS = PREFILLED + INPUTS
COLUMN = {name: i for i, name in enumerate(HEADERS, 1)}
"""Each header's column number (1-based)."""
HASHED = ("任务编号", "任务内容", "本单位角色", "牵头单位", "参与单位", "完成时限")
"""The pre-filled columns the cells hash covers (序号 is a plain count)."""

TITLE_ROW, DEPT_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = 5
"""The first task row."""
FOOTER_LABELS = ("填报人", "联系电话", "填报日期")
"""The labels of the bottom input cells, in order; each input sits right of its label."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

NONE = "—"
"""What an empty pre-filled cell shows."""

INSTRUCTION = (
    "填写说明：请在浅黄色单元格中填写；完成状态从下拉列表中选择（未启动、推进中、已完成、滞后），"
    "完成比例填0—100的整数；灰色单元格由系统生成，请勿改动；文件可改名，请勿删除工作表。"
)


@dataclass(frozen=True)
class FormRow:
    """One task row of a department's form: the pre-filled cells as display text."""

    task: Task
    role: str
    cells: dict[str, str]
    """Header → text for every column in :data:`HASHED`."""

    @property
    def content(self) -> str:
        """The task's content hash."""
        return content_hash(self.task)

    @property
    def cells_hash(self) -> str:
        """The hash of the row's pre-filled cells."""
        return cells_hash([self.cells[h] for h in HASHED])


def norm(value: object) -> str:
    """A cell value as compared and hashed: text, NFC, CRLF as LF, outer spaces dropped.

    Excel, WPS and LibreOffice may store the same text with other line ends or a number as float.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    # the characters a workbook cannot hold never reach a cell, so they never count
    return _CONTROL.sub("", text).strip()


def _sha(data: object) -> str:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def content_hash(task: Task) -> str:
    """The hash of a task's heading and text: the same task text gives the same hash in any version."""
    return _sha([norm(task.title), norm(task.text)])[:16]


def cells_hash(values: Sequence[str]) -> str:
    """The hash of a row's pre-filled cells, after :func:`norm`."""
    return _sha([norm(v) for v in values])[:16]


def plan_fingerprint(graph: PlanGraph) -> str:
    """The SHA-256 of the plan's tasks and assignments as JSON: changes with any task or role."""
    data = [
        {
            "id": t.id,
            "title": t.title,
            "text": t.text,
            "deadline": t.deadline,
            "assignments": [[a.department, a.role.value, a.word] for a in graph.assignments(t)],
        }
        for t in graph.tasks()
    ]
    return _sha(data)


def role_text(assignment: Assignment) -> str:
    """A department's role in a task as the form writes it: 牵头, 参与, or the other role's word."""
    if assignment.role is Role.LEAD:
        return "牵头"
    if assignment.role is Role.PARTICIPANT:
        return "参与"
    return assignment.word or Role.OTHER.label


def form_rows(graph: PlanGraph, department: str) -> list[FormRow]:
    """A department's task rows in the order of its duties (led tasks first)."""
    rows = []
    for a in graph.duties(department):
        task = a.task
        participants = graph.participants(task) + [f"{o.name}（{o.role}）" for o in graph.others(task)]
        role = role_text(a)
        cells = {
            "任务编号": task.id,
            "任务内容": task.text or task.title,
            "本单位角色": role,
            "牵头单位": "、".join(graph.leads(task)) or NONE,
            "参与单位": "、".join(participants) or NONE,
            "完成时限": task.deadline or NONE,
        }
        rows.append(FormRow(task, role, {k: norm(v) for k, v in cells.items()}))
    return rows
