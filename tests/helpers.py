"""Small helpers for parser tests: parse a text written in the test."""

from __future__ import annotations

from matrix.model import Document, Plan, Task
from matrix.parsers.plan import parse_document
from matrix.readers.text import split_lines
from matrix.settings import Settings


def parse_text(text: str, settings: Settings | None = None) -> Plan:
    """The plan in ``text`` (as if read from a .txt file)."""
    return parse_document(Document("test.txt", split_lines(text)), settings or Settings())


def task(plan: Plan, task_id: str) -> Task:
    """The task with this id, or a failed lookup naming the ids there are."""
    for t in plan.tasks:
        if t.id == task_id:
            return t
    raise AssertionError(f"no task {task_id}; tasks: {[t.id for t in plan.tasks]}")


def roles(plan: Plan) -> list[tuple[str, list[str], list[str]]]:
    """(id, leads, participants) of every task."""
    return [(t.id, t.leads, t.participants) for t in plan.tasks]
