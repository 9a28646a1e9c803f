"""The change notices (变更通知) of a revision: one Word notice per department the revision concerns.

A notice tells one bureau what the revised plan changes for it, in the letters' layout (red
letterhead, 文号, signature, 版记, page numbers) and through their template machinery: the tasks it
now has (新增任务), the tasks it no longer has (不再承担的任务), its role changes (角色变化), the
tasks whose content or team changed (内容或分工调整, old and new side by side, with the changed
passages), and its new name when it was renamed.  Contexts are pure functions of the
:class:`~matrix.diff.model.PlanDiff` and the letter options; :func:`jobs` turns them, with the
revision workbook, into build jobs written under ``changes/`` by :func:`write_change_notices`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from matrix.diff.model import DepartmentChange, PlanDiff
from matrix.diff.rows import FIELD_LABELS, NOTICE_FIELDS, ChangeRow, department_rows
from matrix.paths import numbered_names
from matrix.text.chinese import numeral
from matrix.views.document import (
    NONE,
    Item,
    Options,
    Requirements,
    clean,
    common_fields,
    feedback,
    office_contact,
    plan_name,
)
from matrix.views.letters import Row, row

FOLDER = "changes"
"""The folder under the output folder that holds the notices and the revision workbook."""


CHANGE_FIELDS = frozenset(
    {"mark", "issuer", "doc_number", "signature", "date", "cc", "print_office", "print_date"}
    | {"department", "title", "addressee", "opening", "requirements"}
    | {"added", "removed", "role_changed", "changed", "renumbered", "renamed"}
)
"""The fields a change-notice template may use."""

# The task fields of a 内容或分工调整 row, in the order its cells list them, with their labels.
_LINE_FIELDS = ("text", "leads", "participants", "others", "deadline")


@dataclass(frozen=True)
class AddedRow:
    """A task the bureau now has a part in, as the new version states it."""

    no: int
    task: str
    text: str
    role: str
    leads: str
    participants: str
    """The participants, then any other role (指导 ...), so that nobody is hidden."""
    deadline: str


@dataclass(frozen=True)
class RemovedRow:
    """A task the bureau no longer has, as the old version stated it, and why it is gone."""

    no: int
    task: str
    text: str
    role: str
    note: str


@dataclass(frozen=True)
class RoleRow:
    """A task where the bureau's role moved (``参与→牵头``), as the new version states it."""

    no: int
    task: str
    text: str
    change: str
    leads: str
    deadline: str


@dataclass(frozen=True)
class RenumberedRow:
    """A task the bureau keeps whose number changed (任务编号调整: 二.三.4 → 二.三.3)."""

    no: int
    old: str
    new: str
    title: str


@dataclass(frozen=True)
class Passage:
    """Where a task's text changed: the old and the new passage, with a little context."""

    old: str
    new: str


@dataclass(frozen=True)
class ChangedRow:
    """A task whose content or team changed: the changed fields' old and new values side by side.

    ``old`` and ``new`` hold one line per changed field (``参与单位：…``) and are never empty;
    ``notes`` say what else a reader needs (the old number, the bureau's role); ``passages`` are
    printed under each side's text (修改处), in the same row so they never part from it.
    """

    no: int
    task: str
    notes: list[str]
    old: list[str]
    new: list[str]
    passages: list[Passage] = field(default_factory=list)


@dataclass(frozen=True)
class ChangePart:
    """A numbered part of a notice (一、新增任务（共2项）): its heading, an intro sentence and rows."""

    heading: str
    text: str
    rows: list[Any]

    @property
    def count(self) -> int:
        """How many tasks the part lists."""
        return len(self.rows)


@dataclass(frozen=True)
class Renamed:
    """The part that tells a renamed bureau its old and new name."""

    heading: str
    text: str


def notice_names(diff: PlanDiff) -> dict[str, str]:
    """Each department's notice file name (``NN-<name>.docx``), numbered like its letter.

    The numbers are positions in the new version's display order, so a bureau's notice and its
    letter share a number; a department the new version no longer names comes after them all.
    """
    order = [d.name for d in diff.new.departments()]
    order += [d.name for d in diff.told if d.name not in order]
    return dict(zip(order, numbered_names(order, ".docx"), strict=True))


def _role(label: str, r: Row) -> str:
    # 第一牵头 matters only beside co-leads; a task's only lead is its 牵头单位, as in the letters.
    if label == "第一牵头" and "、" not in r.leads:
        return "牵头"
    return label or NONE


def _participants(r: Row) -> str:
    if r.others == NONE:
        return r.participants
    return r.others if r.participants == NONE else f"{r.participants}；{r.others}"


def _added(diff: PlanDiff, dept: DepartmentChange, rows: list[ChangeRow]) -> list[AddedRow]:
    out = []
    for no, cr in enumerate(rows, 1):
        r = row(diff.new, diff.new.task(cr.new.id), no)
        out.append(AddedRow(no, r.task, r.text, _role(cr.new.role, r), r.leads, _participants(r), r.deadline))
    return out


def _removed(diff: PlanDiff, dept: DepartmentChange, rows: list[ChangeRow]) -> list[RemovedRow]:
    kept = {c.old.id: c.new for c in diff.matched}
    out = []
    for no, cr in enumerate(rows, 1):
        r = row(diff.old, diff.old.task(cr.old.id), no)
        task = kept.get(cr.old.id)
        if task is None:
            note = "修订后删除了该任务。"
        else:
            leads = "、".join(diff.new.leads(task)) or NONE
            note = f"任务保留，不再列你单位（修订后牵头单位：{leads}）。"
        out.append(RemovedRow(no, r.task, r.text, _role(cr.old.role, r), note))
    return out


def _role_changed(diff: PlanDiff, dept: DepartmentChange, rows: list[ChangeRow]) -> list[RoleRow]:
    out = []
    for no, cr in enumerate(rows, 1):
        r = row(diff.new, diff.new.task(cr.new.id), no)
        out.append(RoleRow(no, r.task, r.text, f"{cr.old.role}→{cr.new.role}", r.leads, r.deadline))
    return out


def _changed(diff: PlanDiff, dept: DepartmentChange, rows: list[ChangeRow]) -> list[ChangedRow]:
    out = []
    for no, cr in enumerate(rows, 1):
        old = row(diff.old, diff.old.task(cr.old.id), no)
        new = row(diff.new, diff.new.task(cr.new.id), no)
        notes = [f"原为：{old.task}"] if old.task != new.task else []
        notes.append(f"你单位：{_role(cr.new.role, new)}")
        told = [n for n in dept.notify if (n.task, n.old_task) == (cr.new.id, cr.old.id)]
        for n in told:
            if n.kind == "lead_changed":
                before, after = ("、".join(map(clean, v or ())) or NONE for v in (n.before, n.after))
                notes.append(f"牵头单位由{before}调整为{after}")
        # Only what changed for this bureau: a probable rename is no change of team for the others.
        shown = {NOTICE_FIELDS[n.kind] for n in told if n.kind in NOTICE_FIELDS}
        fields = [f for f in _LINE_FIELDS if f in cr.fields and f in shown]
        old_lines = [f"{FIELD_LABELS[f]}：{getattr(old, f) or NONE}" for f in fields]
        new_lines = [f"{FIELD_LABELS[f]}：{getattr(new, f) or NONE}" for f in fields]
        passages = [Passage(clean(o) or NONE, clean(n) or NONE) for o, n in cr.passages]
        out.append(ChangedRow(no, new.task, notes, old_lines or [NONE], new_lines or [NONE], passages))
    return out


def _renumbered(diff: PlanDiff, dept: DepartmentChange, rows: list[ChangeRow]) -> list[RenumberedRow]:
    return [RenumberedRow(no, cr.old.id, cr.new.id, clean(cr.new.title)) for no, cr in enumerate(rows, 1)]


_PARTS: list[tuple[str, str, str, Callable[[PlanDiff, DepartmentChange, list[ChangeRow]], list[Any]]]] = [
    ("added", "新增任务", "修订后，你单位新承担以下任务。", _added),
    ("removed", "不再承担的任务", "修订后，你单位不再承担以下任务。", _removed),
    ("role_changed", "角色变化", "修订后，你单位在以下任务中的角色有变化。", _role_changed),
    (
        "changed",
        "内容或分工调整",
        "以下任务的内容或分工有调整。左栏为原内容，右栏为修订后内容，只列出有变化的事项。",
        _changed,
    ),
    (
        "renumbered",
        "任务编号调整",
        "以下任务的编号有调整，今后报送进展请使用新编号。",
        _renumbered,
    ),
]
_DUTIES = {
    "added": "对新增任务，要细化工作措施，明确责任人和时间节点",
    "removed": "对不再承担的任务，要做好与相关单位的工作衔接，及时移交有关材料",
    "role_changed": "对角色有变化的任务，要按照新的角色履职",
    "changed": "对内容或分工调整的任务，要按照修订后的内容和时限推进",
    "renumbered": "对编号调整的任务，台账、表格和报送材料要改用新编号",
}


def change_context(diff: PlanDiff, options: Options, dept: DepartmentChange) -> dict[str, Any]:
    """Everything one department's change notice shows, as the template's fields."""
    plan = plan_name(diff.new)
    rows = department_rows(diff, dept)
    found: dict[str, ChangePart] = {}
    for key, name, text, make in _PARTS:
        picked = [r for r in rows if key in r.kinds]
        if picked:
            made = make(diff, dept, picked)
            heading = f"{numeral(len(found) + 1)}、{name}（共{len(made)}项）"
            found[key] = ChangePart(heading, text, made)
    renamed = None
    probable = diff.probable_rename_to(dept.name)
    if dept.renamed_from:
        renamed = Renamed(
            f"{numeral(len(found) + 1)}、单位名称变更",
            f"修订后的《{plan}》中，你单位原名称“{clean(dept.renamed_from)}”已改为现名称"
            f"“{clean(dept.name)}”，原以“{clean(dept.renamed_from)}”列出的任务由你单位继续承担。",
        )
    elif probable is not None:
        # Not confirmed by the settings: say what the plan shows, which holds whether or not the
        # bureau was renamed.
        renamed = Renamed(
            f"{numeral(len(found) + 1)}、单位名称变更",
            f"修订后的《{plan}》中，原列“{clean(probable.old)}”的任务改列“{clean(dept.name)}”，"
            f"由你单位继续承担。",
        )
    opening = f"《{plan}》已修订。现将修订后涉及你单位的调整情况通知如下"
    if rows:
        counts = "、".join(f"{name}{found[key].count}项" for key, name, _, _ in _PARTS if key in found)
        opening += f"，共涉及任务{len(rows)}项，其中{counts}。"
    else:
        opening += "。你单位承担的任务没有调整。"
    duties = [_DUTIES[key] for key in found]
    if renamed is not None:
        duties.append("今后报送材料请使用现名称")
    items = [
        Item("按修订后的分工抓好落实。", f"请以修订后的《{plan}》为准：" + "；".join(duties) + "。"),
        Item("按时报送进展。", feedback(options)),
    ]
    if (item := office_contact(options)) is not None:
        items.append(item)
    count = len(found) + (renamed is not None)
    numbered = [Item(f"（{numeral(i)}）{it.label}", it.text) for i, it in enumerate(items, 1)]
    return {
        **common_fields(options),
        "department": dept.name,
        "title": f"关于《{plan}》修订后重点任务分工调整的通知",
        "addressee": clean(dept.name),
        "opening": opening,
        "added": found.get("added"),
        "removed": found.get("removed"),
        "role_changed": found.get("role_changed"),
        "changed": found.get("changed"),
        "renumbered": found.get("renumbered"),
        "renamed": renamed,
        "requirements": Requirements(f"{numeral(count + 1)}、工作要求", numbered),
    }
