"""A plan graph for one build: each view (a task's assignments, a bureau's duties) worked out once.

Every writer of a build reads the same tasks many times over: each letter and each progress form
of a bureau on a task asks for its leads, participants and other roles, and the networkx edge
views behind them cost more than what the writers do with the answers.  A :class:`MemoGraph`
answers each question once per build; it is a snapshot, so it must not outlive the build whose
plan it shares (the plan is not changed while a build runs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from matrix.graph import Assignment, PlanGraph
from matrix.model import Department, OtherRole, Role, Task

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Slot(Generic[T]):
    """A place in a :class:`MemoGraph` for one kind of value a writer derives per task, once per
    build; the type says what the values are (a letter's row, a form's task key)."""

    name: str


class MemoGraph(PlanGraph):
    """The plan graph with its views computed once; answers are copies, safe to change."""

    def __init__(self, graph: PlanGraph) -> None:  # shares the graph; does not build one
        self.g = graph.g
        self._assignments: dict[str, list[Assignment]] = {}
        self._duties: dict[str, list[Assignment]] = {}
        self._departments: list[Department] | None = None
        self._tasks: list[Task] | None = None
        self._stores: dict[Slot[Any], dict[str, Any]] = {}
        self._indexed = False

    @classmethod
    def of(cls, graph: PlanGraph) -> MemoGraph:
        """``graph`` itself when it already is one, else a memo over it."""
        return graph if isinstance(graph, MemoGraph) else cls(graph)

    def store(self, slot: Slot[T]) -> dict[str, T]:
        """The values a writer derived for ``slot``, by task id, kept for the build."""
        found = self._stores.get(slot)
        if found is None:
            found = self._stores[slot] = {}
        return cast(dict[str, T], found)

    def _index(self) -> None:
        """Every task's assignments and every department's duties, in one pass over the edges
        (the order :meth:`PlanGraph.assignments` and :meth:`PlanGraph.duties` give)."""
        rank = {Role.LEAD: 0, Role.PARTICIPANT: 1, Role.OTHER: 2}
        nodes, succ = self.g.nodes, self.g.succ  # networkx's read-only views of nodes and out-edges
        duties: dict[str, list[tuple[int, int, Assignment]]] = {}
        for task in self.tasks():
            node = ("task", task.id)
            order = nodes[node]["order"]
            found = [Assignment(task, n[1], d["role"], d["rank"], d["word"]) for n, d in succ[node].items()]
            found.sort(key=lambda a: (rank[a.role], a.rank))
            self._assignments[task.id] = found
            for a in found:
                duties.setdefault(a.department, []).append((rank[a.role], order, a))
        for department, items in duties.items():
            items.sort(key=lambda item: (item[0], item[1]))
            self._duties[department] = [a for _, _, a in items]
        self._indexed = True

    def assignments(self, task: Task, *, people: bool = False) -> list[Assignment]:
        """A task's departments (see :meth:`PlanGraph.assignments`), computed once."""
        found = self._all(task)
        if people or not any(self._is_person(a.department) for a in found):
            return list(found)
        return [a for a in found if not self._is_person(a.department)]

    def duties(self, department: str) -> list[Assignment]:
        """A department's tasks with its role (see :meth:`PlanGraph.duties`), computed once."""
        if not self._indexed:
            self._index()
        return list(self._duties.get(department, ()))

    def leads(self, task: Task) -> list[str]:
        """The task's leads in order (see :meth:`PlanGraph.leads`)."""
        return [a.department for a in self._all(task) if a.role is Role.LEAD]

    def participants(self, task: Task) -> list[str]:
        """The task's participants in order."""
        return [a.department for a in self._all(task) if a.role is Role.PARTICIPANT]

    def others(self, task: Task) -> list[OtherRole]:
        """The task's bodies with another role, with their role word."""
        return [
            OtherRole(a.department, a.word, person=self._is_person(a.department))
            for a in self._all(task)
            if a.role is Role.OTHER
        ]

    def _all(self, task: Task) -> list[Assignment]:
        # the cached list itself, for the views above that only read it
        if not self._indexed:
            self._index()
        found = self._assignments.get(task.id)
        if found is None:  # a task object from outside the plan's graph
            found = self._assignments[task.id] = super().assignments(task, people=True)
        return found

    def departments(self, *, people: bool = False) -> list[Department]:
        """The departments with a task (see :meth:`PlanGraph.departments`)."""
        if people:
            return super().departments(people=True)
        if self._departments is None:
            self._departments = super().departments()
        return list(self._departments)

    def tasks(self) -> list[Task]:
        """Every task in document order, computed once."""
        if self._tasks is None:
            self._tasks = super().tasks()
        return list(self._tasks)
