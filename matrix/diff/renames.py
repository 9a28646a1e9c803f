"""Probable renames (疑似更名): a department the revision no longer names whose tasks went, in
the same roles, to a department the old version did not name.

A department *disappears* when no name of the new version stands for it (the settings' former
names and aliases already applied); one *appears* when the old version has no name for it.  For
each department that disappears, its tasks that the revision kept are followed to the new version
(tasks are paired as the comparison pairs them).  It is probably renamed when

* the departments that appeared and hold any of those tasks are exactly one;
* that one holds at least :data:`SHARE` of the old department's tasks, each in the same role as
  the old department held it, and none in another role;
* no other department that disappeared is probably renamed to the same one (two bureaus merged
  into one is no rename).
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from matrix.diff.model import PlanDiff, ProbableRename
from matrix.diff.roles import Rename, roles

SHARE = Fraction(4, 5)
"""The part of the old department's tasks the new one must hold in the same role: 80%."""


def probable_renames(diff: PlanDiff, rename: Rename) -> list[ProbableRename]:
    """The probable renames of a comparison, in the old version's order of departments."""
    new_names = {d.name for d in diff.new.departments(people=True)}
    old_names = {rename(d.name) for d in diff.old.departments(people=True)}
    appeared = {d.name for d in diff.new.departments() if d.name not in old_names}
    kept = {c.old.id: c.new for c in diff.matched}
    found: list[ProbableRename] = []
    for dept in diff.old.departments():
        if rename(dept.name) in new_names or not appeared:
            continue
        held = {a.task.id: a.task for a in diff.old.duties(dept.name)}
        went: Counter[str] = Counter()
        same: Counter[str] = Counter()
        for task_id, task in held.items():
            if task_id not in kept:
                continue
            role = roles(diff.old, task)[dept.name]
            after = roles(diff.new, kept[task_id])
            for name in appeared.intersection(after):
                went[name] += 1
                same[name] += after[name] == role
        if len(went) != 1:
            continue
        ((target, count),) = went.items()
        if same[target] == count and count >= SHARE * len(held):
            found.append(ProbableRename(dept.name, target, count, len(held)))
    claimed = Counter(r.new for r in found)
    return [r for r in found if claimed[r.new] == 1]
