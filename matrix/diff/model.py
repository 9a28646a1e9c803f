"""What changed between two versions of a plan: per task, and per department.

Every record holds the old and the new :class:`~matrix.model.Task` it speaks of, so a writer can
print old and new values side by side (the old task with the names as the old text wrote them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial

from matrix.graph import PlanGraph
from matrix.model import Task

FIELDS = ("text", "leads", "participants", "others", "deadline")
"""What can change in a task that stays, in the order reports list them."""

PRIMARY_LEAD = "primary_lead"
"""The role word of a task's first lead (第一牵头单位); the others are ``lead``, ``participant``
or the other role's own word (指导, 落实 ...)."""

ROLE_LABELS = {PRIMARY_LEAD: "第一牵头", "lead": "牵头", "participant": "参与"}
"""The Chinese word of each role key; another role's key is already its word."""


def role_label(role: str | None) -> str:
    """A role key as a clerk reads it: 第一牵头, 牵头, 参与, or the other role's word."""
    if role is None:
        return ""
    return ROLE_LABELS.get(role, role)


@dataclass(frozen=True)
class TaskChange:
    """A task found in both versions: how alike its texts are, what changed, and where it went.

    ``fields`` is empty when nothing but its number or section changed.
    """

    old: Task
    new: Task
    similarity: float
    fields: tuple[str, ...] = ()
    moved: bool = False
    """The task now stands under another section."""

    @property
    def renumbered(self) -> bool:
        """The task keeps its section but not its number (a task inserted or deleted before it)."""
        return not self.moved and self.old.id != self.new.id

    @property
    def changed(self) -> bool:
        """Its text, deadline or departments changed."""
        return bool(self.fields)


@dataclass(frozen=True)
class RoleChange:
    """A department's role in a task that stays, before and after (role keys, see :data:`PRIMARY_LEAD`)."""

    task: TaskChange
    old: str
    new: str


NOTICE_KINDS = (
    "added",
    "removed",
    "role",
    "co_lead",
    "lead_changed",
    "participants",
    "deadline",
    "text",
    "renumbered",
)
"""What a department can be told about a task, in the order a department's notices list them."""


@dataclass(frozen=True)
class Notice:
    """One thing a department is told about one task of a revision.

    ``task`` is the task's id in the new version (in the old one for a task the revision deleted),
    ``old_task`` its id in the old version (None for a new task).  ``kind`` is one of
    :data:`NOTICE_KINDS`; ``before`` and ``after`` are what stood before and after: role keys for
    ``added``, ``removed`` and ``role``; the task's leads or participants (names) for ``co_lead``,
    ``lead_changed`` and ``participants``; the deadline, the text, or the task ids for
    ``deadline``, ``text`` and ``renumbered``; None where nothing stood.
    """

    task: str
    old_task: str | None
    kind: str
    before: str | tuple[str, ...] | None
    after: str | tuple[str, ...] | None


@dataclass(frozen=True)
class ProbableRename:
    """A department the revision no longer names whose tasks went, in the same roles, to one the
    old version did not name: most likely the same bureau renamed (疑似更名).

    Only the settings (``former_names``) make it a rename; until then both names are reported as
    written, and the notices go to the new name alone.
    """

    old: str
    new: str
    shared: int
    """How many of the old name's tasks the new name holds in the same role."""
    of: int
    """How many tasks the old name held."""

    @property
    def label(self) -> str:
        """The rename as the report states it: ``县文广旅局 → 县文化和旅游局 (疑似更名, 3 项任务相同)``."""
        rest = f", 原有 {self.of} 项" if self.of != self.shared else ""
        return f"{self.old} → {self.new} (疑似更名, {self.shared} 项任务相同{rest})"

    @property
    def settings_lines(self) -> list[str]:
        """The lines of the new version's settings file that confirm the rename (曾用名)."""
        # A JSON string of a name is a TOML basic string: the same quotes and escapes.
        quote = partial(json.dumps, ensure_ascii=False)
        return [f"[departments.{quote(self.new)}]", f"former_names = [{quote(self.old)}]"]


@dataclass
class DepartmentChange:
    """What a revision means for one department, under its name in the new version.

    ``added`` are new-version tasks it now has a part in, ``removed`` old-version tasks it no
    longer has; ``role_changed`` its tasks where its role moved (参与 → 牵头, becoming or ceasing to
    be the primary lead); ``changed`` its tasks whose text or deadline changed or, for a task it
    leads, whose other leads or participants changed.
    """

    name: str
    renamed_from: str | None = None
    added: list[Task] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    role_changed: list[RoleChange] = field(default_factory=list)
    changed: list[TaskChange] = field(default_factory=list)
    notify: list[Notice] = field(default_factory=list)
    """What the department is told, task by task (see :class:`Notice`): also about tasks where
    only the lead, the deadline or the number changed, which the four lists above leave out."""


@dataclass
class PlanDiff:
    """The comparison of two versions of a plan.

    ``matched`` holds every task found in both versions, in the new version's order, changed or
    not; ``departments`` only those with a change (a rename counts) or something to be told, in the
    new version's display order followed by departments the new version no longer names; persons
    never.
    """

    old: PlanGraph
    new: PlanGraph
    added: list[Task] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    matched: list[TaskChange] = field(default_factory=list)
    departments: list[DepartmentChange] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """Each old-version department name and the name it has in the new version."""
    probable_renames: list[ProbableRename] = field(default_factory=list)
    """Renames seen in the tasks but not confirmed by the settings (see :class:`ProbableRename`)."""

    def probable_rename_to(self, name: str) -> ProbableRename | None:
        """The probable rename whose new name is ``name``, or None."""
        return next((r for r in self.probable_renames if r.new == name), None)

    def old_names(self, name: str) -> list[str]:
        """The old-version names of the department called ``name`` in the new version: through the
        settings, or through a probable rename."""
        out = [old for old, new in self.names.items() if new == name]
        out += [r.old for r in self.probable_renames if r.new == name and r.old not in out]
        return out or [name]

    @property
    def told(self) -> list[DepartmentChange]:
        """The departments that get a change notice: those with something to be told, a rename
        (from the settings) or a probable rename's new name.  The old name of a probable rename
        is told nothing: its notice goes to the new name."""
        return [
            d
            for d in self.departments
            if d.notify or d.renamed_from or self.probable_rename_to(d.name) is not None
        ]

    @property
    def renumbered(self) -> list[TaskChange]:
        """Tasks with a new number in the same section."""
        return [c for c in self.matched if c.renumbered]

    @property
    def moved(self) -> list[TaskChange]:
        """Tasks now under another section."""
        return [c for c in self.matched if c.moved]

    @property
    def changed(self) -> list[TaskChange]:
        """Tasks whose text, deadline or departments changed."""
        return [c for c in self.matched if c.changed]

    @property
    def has_changes(self) -> bool:
        """The report is not empty: some task or department changed, moved or was renumbered."""
        return bool(
            self.added or self.removed or self.renumbered or self.moved or self.changed or self.departments
        )

    def department(self, name: str) -> DepartmentChange | None:
        """The change record of a department by its new name (or its old one), or None."""
        for dept in self.departments:
            if name in (dept.name, dept.renamed_from):
                return dept
        return None
