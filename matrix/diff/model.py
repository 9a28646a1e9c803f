"""What changed between two versions of a plan: per task, and per department.

Every record holds the old and the new :class:`~matrix.model.Task` it speaks of, so a writer can
print old and new values side by side (the old task with the names as the old text wrote them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class PlanDiff:
    """The comparison of two versions of a plan.

    ``matched`` holds every task found in both versions, in the new version's order, changed or
    not; ``departments`` only those with a change (a rename counts), in the new version's display
    order followed by departments the new version no longer names.
    """

    old: PlanGraph
    new: PlanGraph
    added: list[Task] = field(default_factory=list)
    removed: list[Task] = field(default_factory=list)
    matched: list[TaskChange] = field(default_factory=list)
    departments: list[DepartmentChange] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """Each old-version department name and the name it has in the new version."""

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
