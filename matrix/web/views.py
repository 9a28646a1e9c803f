"""What the pages show, made from the library's plain data: no HTTP here, no HTML but the marks.

Each function takes a plan graph (and its settings) and returns the plain values one page's
template prints; the JSON of ``matrix parse`` (:func:`matrix.render.json.plan_dict`) is the
one description of a task, so the page, the API and the CLI never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from markupsafe import Markup, escape

from matrix.checks import check_plan, looks_alike
from matrix.graph import PlanGraph
from matrix.model import Document
from matrix.settings import Settings
from matrix.text.roles import LEAD_WORDS, PARTICIPANT_WORDS, RESPONSIBLE_WORDS, SUPERVISORY_WORDS

ROLE_WORDS = (*LEAD_WORDS, *PARTICIPANT_WORDS, *RESPONSIBLE_WORDS, *SUPERVISORY_WORDS, "会同", "落实")
"""The words that give a department its part (the parser's role-word table), marked in a task's source."""

SOURCE_LINES = 12
"""At most this many source lines are shown for one task."""


@dataclass
class FindingView:
    """A finding with the task it belongs to (the task whose lines hold it), if any."""

    line: int
    message: str
    severity: str
    task: str | None


@dataclass
class DepartmentView:
    """A department's row in the list: its counts and the names it may be a spelling of."""

    name: str
    aliases: list[str]
    lead: int
    participate: int
    other: int
    alike: list[str] = field(default_factory=list)


def task_spans(graph: PlanGraph) -> list[tuple[str, int, int]]:
    """(task id, first line, last line) of every task: up to the next task's or heading's line."""
    starts = sorted({t.line for t in graph.tasks()} | {s.line for s in graph.sections()})
    out = []
    for task in graph.tasks():
        later = [n for n in starts if n > task.line]
        end = (later[0] - 1) if later else task.line + SOURCE_LINES - 1
        out.append((task.id, task.line, min(end, task.line + SOURCE_LINES - 1)))
    return out


def findings(graph: PlanGraph, settings: Settings) -> list[FindingView]:
    """The ``check`` findings, each linked to the task whose lines hold it."""
    spans = task_spans(graph)
    out = []
    for f in check_plan(graph, settings):
        owner = next((tid for tid, first, last in spans if first <= f.line <= last), None)
        out.append(FindingView(f.line, f.message, f.severity.value, owner))
    return out


def departments(plan: dict[str, Any]) -> list[DepartmentView]:
    """Every department of the plan's JSON with its counts and its look-alike names."""
    views = [
        DepartmentView(d["name"], d["aliases"], len(d["lead"]), len(d["participate"]), len(d["other"]))
        for d in plan["departments"]
    ]
    for one, two in combinations(views, 2):
        if looks_alike(one.name, two.name):
            one.alike.append(two.name)
            two.alike.append(one.name)
    return views


def merge_suggestions(views: list[DepartmentView]) -> list[tuple[str, str]]:
    """(keep, alias) pairs: the name with more tasks is kept, on a tie the one the plan names first;
    the other is offered as its alias."""
    order = {v.name: i for i, v in enumerate(views)}
    out = []
    for one, two in combinations(views, 2):
        if two.name not in one.alike:
            continue
        mine = one.lead + one.participate + one.other
        theirs = two.lead + two.participate + two.other
        keep, alias = (one, two) if (mine, -order[one.name]) >= (theirs, -order[two.name]) else (two, one)
        out.append((keep.name, alias.name))
    return out


def _marker(names: list[str]) -> re.Pattern[str]:
    # names first, longest first: 市科技局牵头 marks the name and then the role word
    words = sorted({n for n in names if n}, key=len, reverse=True)
    roles = sorted(ROLE_WORDS, key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(w) for w in [*words, *roles]) + ")")


NEAR = 3
"""A role word is marked when a department name ends or starts at most this many characters away:
the 负责 of 市科技局负责 or 市科技局等负责, not the 实施 of 组织实施一批项目."""


def highlighted(text: str, names: list[str]) -> Markup:
    """``text`` escaped, with the department names and, beside them, the role words marked."""
    known = set(names)
    pieces = _marker(names).split(text)
    # positions of every piece, and where the department names are
    starts, at = [], 0
    for piece in pieces:
        starts.append(at)
        at += len(piece)
    spans = [(starts[i], starts[i] + len(p)) for i, p in enumerate(pieces) if i % 2 and p in known]
    out = []
    for i, piece in enumerate(pieces):
        begin, end = starts[i], starts[i] + len(piece)
        if i % 2 == 0:
            out.append(str(escape(piece)))
        elif piece in known:
            out.append(f'<mark class="dept">{escape(piece)}</mark>')
        elif any(0 <= begin - e <= NEAR or 0 <= b - end <= NEAR for b, e in spans):
            out.append(f'<mark class="role">{escape(piece)}</mark>')
        else:
            out.append(str(escape(piece)))
    return Markup("".join(out))


def sources(graph: PlanGraph, document: Document) -> dict[str, Markup]:
    """Each task's source lines, as read from the file, with the assignment words marked."""
    lines = {line.number: line.text for line in document.lines}
    names = [d.name for d in graph.departments(people=True)]
    names += [a for d in graph.departments(people=True) for a in d.aliases]
    for task in graph.tasks():
        names += [o.name for o in graph.others(task)]
    out = {}
    for tid, first, last in task_spans(graph):
        text = "\n".join(lines[n] for n in range(first, last + 1) if n in lines)
        out[tid] = highlighted(text, names)
    return out


def task_rows(plan: dict[str, Any], dept: str | None) -> list[dict[str, Any]]:
    """The plan's tasks, or only those ``dept`` has a part in."""
    tasks: list[dict[str, Any]] = plan["tasks"]
    if not dept:
        return tasks
    return [
        t
        for t in tasks
        if dept in t["leads"] or dept in t["participants"] or any(o["name"] == dept for o in t["others"])
    ]


def finding_counts(found: list[FindingView]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for f in found if f.severity == "error")
    return errors, len(found) - errors
