"""The progress forms as build jobs: ``forms/NN-<department>.xlsx``, one job per department.

:func:`matrix.build.plan_jobs` finds this module by name and calls :func:`jobs`.
"""

from __future__ import annotations

from typing import Any

from matrix.graph import PlanGraph
from matrix.outputs import Job, key_of
from matrix.progress.layout import FORM_VERSION, FORMS_FOLDER, form_rows
from matrix.settings import Settings
from matrix.writers.forms import form_names, render_form
from matrix.writers.letters import department_contact, plan_name

WRITER_VERSION = "1"
"""Bump when the form's bytes change for the same inputs, so a rebuild rewrites every form."""


def jobs(graph: PlanGraph, settings: Settings, extra: dict[str, Any]) -> list[Job]:
    """One job per department, keyed on what its form shows: the plan's title, the department's
    rows and its contact; ``extra`` is not used by forms.

    The whole-plan fingerprint is left out of the key on purpose: a change to one task rewrites
    only the forms of that task's departments.  A form kept from an earlier build carries the
    earlier fingerprint, and :func:`matrix.progress.check.check_return` takes it as current when
    its rows are the current rows.
    """
    title = plan_name(graph)
    out = []
    for department, name in form_names(graph).items():
        rows = [(r.task.id, r.content, r.cells_hash) for r in form_rows(graph, department)]
        contact = department_contact(graph, settings, department)
        key = key_of("form", WRITER_VERSION, FORM_VERSION, title, department, rows, contact)

        def render(department: str = department) -> bytes:
            return render_form(graph, settings, department)

        out.append(Job(f"{FORMS_FOLDER}/{name}", key, render, department))
    return out
