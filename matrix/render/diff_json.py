"""The JSON of ``matrix diff OLD NEW --format json``: a contract later tools read.

Task ids are those of ``matrix parse``: the new version's for added and changed tasks (and for
role changes), the old version's for removed ones.  ``similarity`` is rounded to three decimals.
``departments`` lists departments with something in ``added``, ``removed``, ``role_changed`` or
``changed``, a renamed department with nothing else changing (``renamed_from`` set, the four lists
empty), because its clerk must still be told of the rename, and a department that is only told
(a new lead or deadline on a task it takes part in, a new number), with the four lists empty.
Each entry's ``notify`` says what the department is told, one entry per task and kind of change
(:class:`~matrix.diff.model.Notice`).  ``probable_renames`` are renames seen in the tasks but not
recorded in the settings; they never set ``renamed_from``.
"""

from __future__ import annotations

import json
from typing import Any

from matrix.diff.model import DepartmentChange, Notice, PlanDiff


def _value(value: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(value) if isinstance(value, tuple) else value


def _notice(n: Notice) -> dict[str, Any]:
    return {
        "task": n.task,
        "old_task": n.old_task,
        "kind": n.kind,
        "before": _value(n.before),
        "after": _value(n.after),
    }


def _department(dept: DepartmentChange) -> dict[str, Any]:
    return {
        "name": dept.name,
        "renamed_from": dept.renamed_from,
        "added": [t.id for t in dept.added],
        "removed": [t.id for t in dept.removed],
        "role_changed": [{"task": rc.task.new.id, "old": rc.old, "new": rc.new} for rc in dept.role_changed],
        "changed": [c.new.id for c in dept.changed],
        "notify": [_notice(n) for n in dept.notify],
    }


def diff_dict(diff: PlanDiff) -> dict[str, Any]:
    """The comparison as the documented JSON structure."""
    return {
        "old": diff.old.source,
        "new": diff.new.source,
        "tasks": {
            "added": [t.id for t in diff.added],
            "removed": [t.id for t in diff.removed],
            "renumbered": [{"old": c.old.id, "new": c.new.id} for c in diff.renumbered],
            "moved": [{"old": c.old.id, "new": c.new.id} for c in diff.moved],
            "changed": [
                {
                    "old": c.old.id,
                    "new": c.new.id,
                    "fields": list(c.fields),
                    "similarity": round(c.similarity, 3),
                }
                for c in diff.changed
            ],
        },
        "departments": [_department(d) for d in diff.departments],
        "probable_renames": [
            {"from": r.old, "to": r.new, "shared_tasks": r.shared, "of": r.of} for r in diff.probable_renames
        ],
    }


def diff_json(diff: PlanDiff) -> str:
    """The comparison's JSON text, UTF-8 characters unescaped, indented for reading."""
    return json.dumps(diff_dict(diff), ensure_ascii=False, indent=2)
