"""The plan graph: plan → sections → tasks ↔ departments, edges carrying the role.

Every output (the JSON, the letters, the workbook, the diff) is a view of one :class:`PlanGraph`.
Nodes are keyed ``("plan",)``, ``("section", id)``, ``("task", id)`` and ``("dept", name)``;
a task→department edge holds ``role`` (:class:`Role`), ``rank`` (order within that role, 0 is the
primary lead) and ``word`` (the role word as written: 牵头, 参与, 指导 ...).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import networkx as nx

from matrix.model import Department, Finding, OtherRole, Plan, Role, Section, Task

PLAN = ("plan",)


def _task(task_id: str) -> tuple[str, str]:
    return ("task", task_id)


def _dept(name: str) -> tuple[str, str]:
    return ("dept", name)


def _section(section_id: str) -> tuple[str, str]:
    return ("section", section_id)


@dataclass(frozen=True)
class Assignment:
    """One task–department edge: the department's role in the task and its rank in that role."""

    task: Task
    department: str
    role: Role
    rank: int
    word: str

    @property
    def is_primary_lead(self) -> bool:
        """True for the first lead of the task (第一牵头单位)."""
        return self.role is Role.LEAD and self.rank == 0


class PlanGraph:
    """A parsed plan held as a networkx graph, with the views every writer needs."""

    def __init__(self, plan: Plan) -> None:
        g: Any = nx.DiGraph()
        g.add_node(PLAN, title=plan.title, source=plan.source, name=plan.name, findings=list(plan.findings))
        for section in plan.sections:
            g.add_node(_section(section.id), obj=section)
            parent = _section(section.parent) if section.parent else PLAN
            g.add_edge(parent, _section(section.id), kind="contains")
        for order, dept in enumerate(plan.departments):
            g.add_node(_dept(dept.name), obj=dept, order=order)
        for order, task in enumerate(plan.tasks):
            g.add_node(_task(task.id), obj=task, order=order)
            parent = _section(task.section) if task.section else PLAN
            g.add_edge(parent, _task(task.id), kind="contains")
            for rank, name in enumerate(task.leads):
                self._link(g, plan, task, name, Role.LEAD, rank, "牵头")
            for rank, name in enumerate(task.participants):
                self._link(g, plan, task, name, Role.PARTICIPANT, rank, "参与")
            for rank, other in enumerate(task.others):
                self._link(g, plan, task, other.name, Role.OTHER, rank, other.role)
        self.g = g

    @staticmethod
    def _link(g: Any, plan: Plan, task: Task, name: str, role: Role, rank: int, word: str) -> None:
        node = _dept(name)
        if node not in g:  # a name the department list missed still gets its node, last in order
            g.add_node(node, obj=Department(name), order=len(plan.departments) + g.number_of_nodes())
        if not g.has_edge(_task(task.id), node):  # one role per task and department: the first wins
            g.add_edge(_task(task.id), node, kind="assigned", role=role, rank=rank, word=word)

    # --- the plan -------------------------------------------------------------------------
    @property
    def title(self) -> str | None:
        """The plan's title, or None when the text has none."""
        title: str | None = self.g.nodes[PLAN]["title"]
        return title

    @property
    def source(self) -> str:
        """The file the plan was read from."""
        source: str = self.g.nodes[PLAN]["source"]
        return source

    @property
    def file_name(self) -> str:
        """The plan file's name: the source's, or for a duty workbook read back, that of the plan
        it was built from."""
        name: str | None = self.g.nodes[PLAN].get("name")
        return PurePath(name or self.source).name

    @property
    def stem(self) -> str:
        """The plan file's stem, which names the outputs (``<stem>-分工表.xlsx``)."""
        return PurePath(self.file_name).stem

    @property
    def findings(self) -> list[Finding]:
        """The parser's errors and warnings, in line order."""
        found: list[Finding] = self.g.nodes[PLAN]["findings"]
        return sorted(found, key=lambda f: f.line)

    # --- nodes ----------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        """Every section, in document order."""
        return [d["obj"] for n, d in self.g.nodes(data=True) if n[0] == "section"]

    def tasks(self) -> list[Task]:
        """Every task, in document order."""
        nodes = [(d["order"], d["obj"]) for n, d in self.g.nodes(data=True) if n[0] == "task"]
        return [t for _, t in sorted(nodes, key=lambda x: x[0])]

    def task(self, task_id: str) -> Task:
        """The task with this id."""
        task: Task = self.g.nodes[_task(task_id)]["obj"]
        return task

    def departments(self, *, people: bool = False) -> list[Department]:
        """Every department with at least one task, in display order.

        People (a table's 分管领导) are left out unless ``people`` is True.
        """
        nodes = [
            (d["order"], d["obj"])
            for n, d in self.g.nodes(data=True)
            if n[0] == "dept" and self.g.in_degree(n) > 0 and (people or not d["obj"].is_person)
        ]
        return [dept for _, dept in sorted(nodes, key=lambda x: x[0])]

    def department(self, name: str) -> Department | None:
        """The department with this canonical name or alias, or None."""
        node = _dept(name)
        if node in self.g:
            dept: Department = self.g.nodes[node]["obj"]
            return dept
        for dept in self.departments():
            if name in dept.aliases or name in dept.former_names:
                return dept
        return None

    def section_path(self, task: Task) -> list[Section]:
        """The sections enclosing a task, outermost first."""
        path: list[Section] = []
        node: Any = _section(task.section) if task.section else None
        while node is not None and node != PLAN:
            path.insert(0, self.g.nodes[node]["obj"])
            parents = list(self.g.predecessors(node))
            node = parents[0] if parents else None
        return path

    # --- edges ----------------------------------------------------------------------------
    def assignments(self, task: Task, *, people: bool = False) -> list[Assignment]:
        """A task's departments: leads in rank order, then participants, then other roles.

        People named on the task (分管领导) are left out unless ``people`` is True: they are in no
        department's column, letter or form.
        """
        out = [
            Assignment(task, n[1], d["role"], d["rank"], d["word"])
            for _, n, d in self.g.out_edges(_task(task.id), data=True)
            if people or not self.g.nodes[n]["obj"].is_person
        ]
        order = {Role.LEAD: 0, Role.PARTICIPANT: 1, Role.OTHER: 2}
        return sorted(out, key=lambda a: (order[a.role], a.rank))

    def duties(self, department: str) -> list[Assignment]:
        """A department's tasks with its role in each: leads first, then participant, then other roles;
        in document order within each role."""
        node = _dept(department)
        if node not in self.g:
            return []
        out = [
            Assignment(self.g.nodes[t]["obj"], department, d["role"], d["rank"], d["word"])
            for t, _, d in self.g.in_edges(node, data=True)
        ]
        order = {Role.LEAD: 0, Role.PARTICIPANT: 1, Role.OTHER: 2}
        return sorted(out, key=lambda a: (order[a.role], self.g.nodes[_task(a.task.id)]["order"]))

    def leads(self, task: Task) -> list[str]:
        """The task's leads in order (the first is the primary lead)."""
        return [a.department for a in self.assignments(task) if a.role is Role.LEAD]

    def participants(self, task: Task) -> list[str]:
        """The task's participants in order."""
        return [a.department for a in self.assignments(task) if a.role is Role.PARTICIPANT]

    def others(self, task: Task) -> list[OtherRole]:
        """The task's bodies with another role, with their role word."""
        return [
            OtherRole(a.department, a.word, person=self._is_person(a.department))
            for a in self.assignments(task, people=True)
            if a.role is Role.OTHER
        ]

    def _is_person(self, name: str) -> bool:
        node = _dept(name)
        return node in self.g and bool(self.g.nodes[node]["obj"].is_person)

    def __iter__(self) -> Iterator[Task]:
        return iter(self.tasks())
