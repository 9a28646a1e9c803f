"""The change notices of a revision as build jobs, and ``diff -o``'s write of ``changes/``.

One notice per department the revision concerns, in the order of their letters, then the
revision workbook; each job is keyed on what goes into it, so a rerun rewrites only what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from matrix.build.plan import plan_meta
from matrix.build.sync import BuildReport, Job, key_of, write_build
from matrix.diff.model import PlanDiff
from matrix.diff.rows import department_rows, task_rows
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.shipped import default_template
from matrix.render.xlsx.revisions import changes_bytes, changes_name
from matrix.settings import Settings
from matrix.views.changes import CHANGE_FIELDS, FOLDER, change_context, notice_names
from matrix.views.document import Options


def jobs(
    diff: PlanDiff,
    options: Options,
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Job]:
    """The notices of the departments the revision concerns (in their letters' order), then the
    revision workbook; each keyed on what goes into it, so a rerun rewrites only what changed."""
    path = template or default_template("change.docx")
    compiled = CompiledTemplate(path, CHANGE_FIELDS)
    template_bytes = path.read_bytes()
    names = notice_names(diff)
    out: list[Job] = []
    for dept in sorted(diff.told, key=lambda d: names[d.name]):
        context = change_context(diff, options, dept)

        def render(context: dict[str, Any] = context) -> bytes:
            return compiled.render(context, options.date)

        key = key_of("change", context, options, template_bytes)
        out.append(Job(f"{FOLDER}/{names[dept.name]}", key, render, department=dept.name))

    sheets = [
        task_rows(diff),
        [(d.name, d.renamed_from, department_rows(diff, d)) for d in diff.told],
    ]
    key = key_of("changes-workbook", diff.old.title, diff.new.title, sheets)
    out.append(Job(f"{FOLDER}/{changes_name(diff)}", key, lambda: changes_bytes(diff, warn)))
    return out


def write_change_notices(
    diff: PlanDiff,
    settings: Settings,
    out_dir: Path,
    options: Options,
    *,
    template: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> BuildReport:
    """Bring ``out_dir/changes/`` up to date: the notices and the revision workbook, staged and
    atomic, recorded in the manifest; notices no longer due are removed and hand edits kept.

    ``settings`` are the new version's; the manifest records the new version as its plan, as
    ``matrix build`` of that version would.
    """
    meta = plan_meta(diff.new.source, settings)
    return write_build(out_dir, jobs(diff, options, template, warn), meta, scope=(FOLDER + "/",))
