"""The progress forms as build jobs: ``forms/NN-<department>.xlsx``, one job per department.

:func:`matrix.build.plan_jobs` finds this module by name and calls :func:`jobs`.
"""

from __future__ import annotations

from typing import Any

from matrix.graph import PlanGraph
from matrix.outputs import Job, key_of
from matrix.progress.layout import FORM_VERSION, FORMS_FOLDER, FormRow, form_rows, plan_fingerprint
from matrix.settings import Settings
from matrix.writers.forms import form_names, render_form
from matrix.writers.letters import department_contact, plan_name
from matrix.writers.plan_memo import MemoGraph

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
    memo = MemoGraph.of(graph)
    title = plan_name(memo)
    fingerprint: list[str] = []  # worked out by the first form that renders, shared by the rest
    out = []
    for department, name in form_names(memo).items():
        rows = form_rows(memo, department)
        contact = department_contact(memo, settings, department)
        hashed = [(r.task.id, r.content, r.cells_hash) for r in rows]
        key = key_of("form", WRITER_VERSION, FORM_VERSION, title, department, hashed, contact)

        def render(department: str = department, rows: list[FormRow] = rows) -> bytes:
            if not fingerprint:
                fingerprint.append(plan_fingerprint(memo))
            return render_form(memo, settings, department, rows=rows, fingerprint=fingerprint[0])

        out.append(Job(f"{FORMS_FOLDER}/{name}", key, render, department))
    return out
