"""A plan graph for one build: each view (a task's assignments, a bureau's duties) worked out once.

Every writer of a build reads the same tasks many times over: each letter and each progress form
of a bureau on a task asks for its leads, participants and other roles, and the networkx edge
views behind them cost more than what the writers do with the answers.  A :class:`MemoGraph`
answers each question once per build; it is a snapshot, so it must not outlive the build whose
plan it shares (the plan is not changed while a build runs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from matrix.graph import Assignment, PlanGraph
from matrix.model import Department, OtherRole, Role, Task

T = TypeVar("T")


class MemoGraph(PlanGraph):
    """The plan graph with its views computed once; answers are copies, safe to change."""

    def __init__(self, graph: PlanGraph) -> None:  # shares the graph; does not build one
        self.g = graph.g
        self._assignments: dict[str, list[Assignment]] = {}
        self._duties: dict[str, list[Assignment]] = {}
        self._departments: list[Department] | None = None
        self._tasks: list[Task] | None = None
        self._values: dict[tuple[str, str], Any] = {}

    @classmethod
    def of(cls, graph: PlanGraph) -> MemoGraph:
        """``graph`` itself when it already is one, else a memo over it."""
        return graph if isinstance(graph, MemoGraph) else cls(graph)

    def cached(self, kind: str, key: str, make: Callable[[], T]) -> T:
        """A writer's own derived value (``kind`` names it, ``key`` picks the item), made once."""
        found = self._values.get((kind, key), self)
        if found is self:
            found = self._values[(kind, key)] = make()
        value: T = found
        return value

    def assignments(self, task: Task) -> list[Assignment]:
        """A task's departments (see :meth:`PlanGraph.assignments`), computed once."""
        found = self._assignments.get(task.id)
        if found is None:
            found = self._assignments[task.id] = super().assignments(task)
        return list(found)

    def duties(self, department: str) -> list[Assignment]:
        """A department's tasks with its role (see :meth:`PlanGraph.duties`), computed once."""
        found = self._duties.get(department)
        if found is None:
            found = self._duties[department] = super().duties(department)
        return list(found)

    def leads(self, task: Task) -> list[str]:
        """The task's leads in order (see :meth:`PlanGraph.leads`)."""
        return [a.department for a in self._all(task) if a.role is Role.LEAD]

    def participants(self, task: Task) -> list[str]:
        """The task's participants in order."""
        return [a.department for a in self._all(task) if a.role is Role.PARTICIPANT]

    def others(self, task: Task) -> list[OtherRole]:
        """The task's bodies with another role, with their role word."""
        return [OtherRole(a.department, a.word) for a in self._all(task) if a.role is Role.OTHER]

    def _all(self, task: Task) -> list[Assignment]:
        # the cached list itself, for the views above that only read it
        found = self._assignments.get(task.id)
        if found is None:
            found = self._assignments[task.id] = super().assignments(task)
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
