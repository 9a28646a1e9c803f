"""What each department is told about a revision (:class:`~matrix.diff.model.Notice`).

Every department named on a task the revision touched, in any role, before or after, is told
what changed for it:

* a new or deleted task, or its own arrival on or departure from a task (``added``, ``removed``);
* its own role (``role``: 参与 → 牵头, becoming or ceasing to be the primary lead);
* for a task it keeps: a new primary lead (``lead_changed``: 牵头单位由县司法局调整为县市场监管局),
  else a co-lead added or removed (``co_lead``); participants added or removed (``participants``);
  a new deadline or text; and a new number (``renumbered``), since its letter, form and returns
  carry the old one.

Its own move is told once, as its role: a participant raised to lead is not also told that the
leads and the participants changed, nor the old and the new primary lead that they swapped.
Names are compared under their new names, a probable rename included, so that a renamed bureau
is no change of team for the others on its tasks.  Persons are filtered out by the caller, with
the departments.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeAlias

from matrix.diff.model import Notice, PlanDiff, TaskChange
from matrix.diff.roles import Rename, roles, unique

Value: TypeAlias = str | list[str] | None


def notices(diff: PlanDiff, rename: Rename) -> dict[str, list[Notice]]:
    """Each department's notices by its new name: tasks in the new version's order, then deleted
    tasks in the old version's order; within a task in the order of
    :data:`~matrix.diff.model.NOTICE_KINDS`."""
    out: dict[str, list[Notice]] = defaultdict(list)
    added = {t.id for t in diff.added}
    matched = {c.new.id: c for c in diff.matched}
    for task in diff.new.tasks():
        if task.id in added:
            for name, role in roles(diff.new, task).items():
                out[name].append(Notice(task.id, None, "added", None, role))
        else:
            for name, notice in _kept(diff, matched[task.id], rename):
                out[name].append(notice)
    for task in diff.removed:
        for name, role in roles(diff.old, task, rename).items():
            out[name].append(Notice(task.id, task.id, "removed", role, None))
    return dict(out)


def _kept(diff: PlanDiff, change: TaskChange, rename: Rename) -> list[tuple[str, Notice]]:
    if not change.fields and change.old.id == change.new.id:
        # Nothing to tell: with the same departments under the settings' names, a probable
        # rename cannot stand on this task either (its old name would be missing from the new).
        return []
    before, after = roles(diff.old, change.old, rename), roles(diff.new, change.new)
    old_leads = unique(map(rename, diff.old.leads(change.old)))
    new_leads = diff.new.leads(change.new)
    old_parts = unique(map(rename, diff.old.participants(change.old)))
    new_parts = diff.new.participants(change.new)
    old_first = old_leads[0] if old_leads else None
    new_first = new_leads[0] if new_leads else None
    ids = (change.new.id, change.old.id)
    out: list[tuple[str, Notice]] = []
    for name in unique([*after, *before]):
        told: list[tuple[str, Value, Value]] = []
        if name not in before:
            told.append(("added", None, after[name]))
        elif name not in after:
            told.append(("removed", before[name], None))
        else:
            if before[name] != after[name]:
                told.append(("role", before[name], after[name]))
            # A new primary lead is told to the others as such; to the old and the new primary
            # lead it is their own role change, so only other co-leads coming or going remain.
            swapped = {name, old_first, new_first} if old_first != new_first else {name}
            if old_first != new_first and name not in (old_first, new_first):
                told.append(("lead_changed", old_leads, new_leads))
            elif set(old_leads) - swapped != set(new_leads) - swapped:
                told.append(("co_lead", old_leads, new_leads))
            if set(old_parts) - {name} != set(new_parts) - {name}:
                told.append(("participants", old_parts, new_parts))
            if "deadline" in change.fields:
                told.append(("deadline", change.old.deadline, change.new.deadline))
            if "text" in change.fields:
                told.append(("text", change.old.text, change.new.text))
            if change.old.id != change.new.id:
                told.append(("renumbered", change.old.id, change.new.id))
        out += [(name, Notice(*ids, kind, _frozen(was), _frozen(now))) for kind, was, now in told]
    return out


def _frozen(value: Value) -> str | tuple[str, ...] | None:
    return tuple(value) if isinstance(value, list) else value
