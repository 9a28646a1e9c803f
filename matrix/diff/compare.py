"""The comparison itself: two plan graphs in, a :class:`~matrix.diff.model.PlanDiff` out, no I/O.

Tasks are paired by content (:mod:`matrix.diff.match`); departments by name, through the former
names (曾用名) and aliases the new version's settings record, so a renamed bureau is reported as
renamed and keeps its tasks.  A rename the settings do not record is detected from the tasks
(:mod:`matrix.diff.renames`) and reported as probable, never applied to the department records;
what each department is told (:mod:`matrix.diff.notify`) treats it as the rename it most likely is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from matrix.diff.match import match_tasks
from matrix.diff.model import PRIMARY_LEAD, DepartmentChange, Notice, PlanDiff, RoleChange, TaskChange
from matrix.diff.notify import notices
from matrix.diff.renames import probable_renames
from matrix.diff.roles import roles, unique
from matrix.diff.similarity import normalise
from matrix.graph import PlanGraph
from matrix.model import Section, Task
from matrix.settings import Settings
from matrix.text.normalize import squash


def diff_plans(old: PlanGraph, new: PlanGraph, settings: Settings | None = None) -> PlanDiff:
    """Compare two versions of a plan.

    ``settings`` are the new version's settings; their former names and aliases (and those the new
    graph's departments carry) say which old names are the same department.  Parse the old
    version *without* former names (see :func:`matrix.diff.load.without_former_names`), or a
    rename is folded away before it can be seen.
    """
    names, renamed = department_names(old, new, settings)
    rename: Callable[[str], str] = lambda name: names.get(name, name)  # noqa: E731
    old_tasks, new_tasks = old.tasks(), new.tasks()
    pairs = match_tasks([(t.title, t.text) for t in old_tasks], [(t.title, t.text) for t in new_tasks])
    section_of = _section_map(old, new, old_tasks, new_tasks, [(p.old, p.new) for p in pairs])
    matched = [
        TaskChange(
            old=old_tasks[p.old],
            new=new_tasks[p.new],
            similarity=p.similarity,
            fields=_fields(old, new, old_tasks[p.old], new_tasks[p.new], rename),
            moved=section_of.get(old_tasks[p.old].section) != new_tasks[p.new].section,
        )
        for p in pairs
    ]
    used_old, used_new = {p.old for p in pairs}, {p.new for p in pairs}
    diff = PlanDiff(
        old=old,
        new=new,
        added=[t for j, t in enumerate(new_tasks) if j not in used_new],
        removed=[t for i, t in enumerate(old_tasks) if i not in used_old],
        matched=matched,
        names=names,
    )
    diff.probable_renames = probable_renames(diff, rename)
    probable = {r.old: r.new for r in diff.probable_renames}
    told = notices(diff, lambda name: probable.get(rename(name), rename(name)))
    diff.departments = _departments(diff, rename, renamed, told)
    return diff


def department_names(
    old: PlanGraph, new: PlanGraph, settings: Settings | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Each old department name mapped to its new name, and the renames (new name → old name).

    An old name is kept when the new version uses it; else it may be an alias of a new name (the
    same department spelt otherwise: mapped, not renamed) or a former name (曾用名: renamed), as the
    new version's departments and settings record them.  A rename
    is reported only when the new name does not already appear in the old version.
    """
    aliases: dict[str, str] = {}
    former: dict[str, str] = {}
    for dept in new.departments(people=True):
        aliases[squash(dept.name)] = dept.name
        aliases.update((squash(a), dept.name) for a in dept.aliases)
        former.update((squash(f), dept.name) for f in dept.former_names)
    for ds in settings.departments if settings else []:
        aliases.setdefault(squash(ds.name), ds.name)
        for alias in ds.aliases:
            aliases.setdefault(squash(alias), ds.name)
        for name in ds.former_names:
            former.setdefault(squash(name), ds.name)

    old_depts = old.departments(people=True)
    old_names = {d.name for d in old_depts}
    names: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for dept in old_depts:
        # Only the old canonical name is looked up: an alias the old version wrote beside it
        # (市科学技术委员会(知识产权局)) does not make it another department.
        key = squash(dept.name)
        target, is_rename = aliases.get(key, dept.name), False
        if key not in aliases and key in former:
            target, is_rename = former[key], True
        names[dept.name] = target
        if is_rename and target not in old_names:
            renamed.setdefault(target, dept.name)
    return names, renamed


def _section_map(
    old: PlanGraph,
    new: PlanGraph,
    old_tasks: list[Task],
    new_tasks: list[Task],
    pairs: list[tuple[int, int]],
) -> dict[str | None, str | None]:
    """Each old section id mapped to the new section that is the same section.

    A section is the same when its heading path is (so inserting a section before it, which
    renumbers it, is no move); a section whose heading was reworded goes where most of its tasks
    went.
    """
    new_by_path: dict[tuple[str, ...], str] = {}
    for sid, path in _heading_paths(new).items():
        new_by_path.setdefault(path, sid)
    out: dict[str | None, str | None] = {None: None}
    for sid, path in _heading_paths(old).items():
        same = new_by_path.get(path)
        if same is not None:
            out[sid] = same
    votes: dict[str | None, Counter[str | None]] = {}
    for i, j in pairs:
        votes.setdefault(old_tasks[i].section, Counter())[new_tasks[j].section] += 1
    for old_sid, counter in votes.items():
        if old_sid not in out:
            # Counter.most_common keeps first-seen order among equal counts: deterministic.
            out[old_sid] = counter.most_common(1)[0][0]
    return out


def _heading_paths(graph: PlanGraph) -> dict[str, tuple[str, ...]]:
    """Each section's id with the normalised headings from the outermost section down to it."""
    sections = {s.id: s for s in graph.sections()}
    out: dict[str, tuple[str, ...]] = {}
    for sid, section in sections.items():
        path: list[Section] = [section]
        while path[0].parent in sections and len(path) <= len(sections):
            path.insert(0, sections[path[0].parent])
        out[sid] = tuple(normalise(s.title) for s in path)
    return out


def _lead_key(leads: list[str]) -> tuple[str | None, frozenset[str]]:
    # The primary lead and the set of leads: reordering the co-leads after the first is no change.
    return (leads[0] if leads else None, frozenset(leads))


def _fields(
    old: PlanGraph, new: PlanGraph, o: Task, n: Task, rename: Callable[[str], str]
) -> tuple[str, ...]:
    out: list[str] = []
    if normalise(o.text) != normalise(n.text):
        out.append("text")
    if _lead_key(unique(map(rename, old.leads(o)))) != _lead_key(new.leads(n)):
        out.append("leads")
    if {rename(p) for p in old.participants(o)} != set(new.participants(n)):
        out.append("participants")
    if {(rename(x.name), x.role) for x in old.others(o)} != {(x.name, x.role) for x in new.others(n)}:
        out.append("others")
    if normalise(o.deadline or "") != normalise(n.deadline or ""):
        out.append("deadline")
    return tuple(out)


def _team_changed(change: TaskChange, name: str, diff: PlanDiff, rename: Callable[[str], str]) -> bool:
    """Whether the other leads, the primary lead or the participants of a task ``name`` leads changed."""
    old_leads = unique(map(rename, diff.old.leads(change.old)))
    new_leads = diff.new.leads(change.new)
    if set(old_leads) - {name} != set(new_leads) - {name}:
        return True
    old_parts = {rename(p) for p in diff.old.participants(change.old)} - {name}
    if old_parts != set(diff.new.participants(change.new)) - {name}:
        return True
    # Another department became primary lead over it (its own rise or fall is a role change).
    old_first = old_leads[0] if old_leads else None
    new_first = new_leads[0] if new_leads else None
    return old_first != new_first and name not in (old_first, new_first)


def _departments(
    diff: PlanDiff, rename: Callable[[str], str], renamed: dict[str, str], told: dict[str, list[Notice]]
) -> list[DepartmentChange]:
    records: dict[str, DepartmentChange] = {}

    def record(name: str) -> DepartmentChange:
        if name not in records:
            records[name] = DepartmentChange(name, renamed.get(name))
        return records[name]

    new_order = {t.id: k for k, t in enumerate(diff.new.tasks())}
    old_order = {t.id: k for k, t in enumerate(diff.old.tasks())}
    for task in diff.added:
        for name in roles(diff.new, task):
            record(name).added.append(task)
    for task in diff.removed:
        for name in roles(diff.old, task, rename):
            record(name).removed.append(task)
    for change in diff.matched:
        before = roles(diff.old, change.old, rename)
        after = roles(diff.new, change.new)
        for name in unique([*after, *before]):
            if name not in before:
                record(name).added.append(change.new)
            elif name not in after:
                record(name).removed.append(change.old)
            else:
                if before[name] != after[name]:
                    record(name).role_changed.append(RoleChange(change, before[name], after[name]))
                touched = "text" in change.fields or "deadline" in change.fields
                leads_now = after[name] in (PRIMARY_LEAD, "lead")
                if touched or (leads_now and _team_changed(change, name, diff, rename)):
                    record(name).changed.append(change)
    for name in renamed:
        record(name)
    for name, notify in told.items():
        record(name).notify = notify

    for rec in records.values():
        rec.added.sort(key=lambda t: new_order[t.id])
        rec.removed.sort(key=lambda t: old_order[t.id])
    people = {d.name for d in diff.new.departments(people=True) if d.is_person}
    people |= {rename(d.name) for d in diff.old.departments(people=True) if d.is_person}
    order = [d.name for d in diff.new.departments(people=True)]
    order += unique(rename(d.name) for d in diff.old.departments(people=True))
    rank = {name: k for k, name in enumerate(unique(order))}
    kept = [r for r in records.values() if r.name not in people]
    return sorted(kept, key=lambda r: (rank.get(r.name, len(rank)), r.name))
