"""The progress forms as build jobs: ``forms/NN-<department>.xlsx``, one job per department.

:func:`matrix.build.plan.plan_jobs` calls :func:`jobs`.
"""

from __future__ import annotations

from matrix.build.sync import Job, key_of
from matrix.graph import PlanGraph
from matrix.model import Task
from matrix.progress.layout import FORM_VERSION, FORMS_FOLDER, form_rows, plan_fingerprint
from matrix.render.xlsx.forms import form_names, render_form
from matrix.settings import Settings
from matrix.views.document import department_contact, plan_name
from matrix.views.memo import MemoGraph, Slot


def jobs(graph: PlanGraph, settings: Settings) -> list[Job]:
    """One job per department, keyed on what its form shows: the plan's title, the department's
    tasks and roles and its contact.

    The whole-plan fingerprint is left out of the key on purpose: a change to one task rewrites
    only the forms of that task's departments.  A form kept from an earlier build carries the
    earlier fingerprint, and :func:`matrix.progress.check.check_return` takes it as current when
    its rows are the current rows.
    """
    memo = MemoGraph.of(graph)
    title = plan_name(memo)
    fingerprint: list[str] = []  # worked out by the first form that renders, shared by the rest
    out = []
    for department, name in form_names(memo).items():
        # a form's rows are made of its tasks and its roles in them; the rows themselves are made
        # only for a form that renders
        duties = [(_task_key(memo, a.task), a.role.value, a.word) for a in memo.duties(department)]
        contact = department_contact(memo, settings, department)
        key = key_of("form", FORM_VERSION, title, department, duties, contact)

        def render(department: str = department) -> bytes:
            if not fingerprint:
                fingerprint.append(plan_fingerprint(memo))
            rows = form_rows(memo, department)
            return render_form(memo, settings, department, rows=rows, fingerprint=fingerprint[0])

        out.append(Job(f"{FORMS_FOLDER}/{name}", key, render, department))
    return out


_TASK_KEYS: Slot[str] = Slot("form task keys")
"""The hash of each task's row on the forms, made once per build."""


def _task_key(graph: MemoGraph, task: Task) -> str:
    """The hash of everything a form's row shows of ``task``, made once per build."""
    store = graph.store(_TASK_KEYS)
    found = store.get(task.id)
    if found is None:
        others = [[o.name, o.role] for o in graph.others(task)]
        data = [
            task.id,
            task.title,
            task.text,
            task.deadline,
            graph.leads(task),
            graph.participants(task),
            others,
        ]
        found = store[task.id] = key_of(data)
    return found
