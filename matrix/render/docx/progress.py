"""The progress bulletin (进展通报) and the reminders (催办通知) rendered to Word bytes."""

from __future__ import annotations

from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.progress.model import Progress
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.shipped import default_template
from matrix.settings import Settings
from matrix.views.document import Options
from matrix.views.progress import BULLETIN_FIELDS, REMINDER_FIELDS, bulletin_context, reminder_context


def render_documents(
    graph: PlanGraph, progress: Progress, settings: Settings, options: Options
) -> tuple[bytes, dict[str, bytes]]:
    """The bulletin's bytes and each reminder's (file name ``NN-<department>.docx`` → bytes)."""
    bulletin_tpl = CompiledTemplate(default_template("progress.docx"), BULLETIN_FIELDS)
    reminder_tpl = CompiledTemplate(default_template("reminder.docx"), REMINDER_FIELDS)
    bulletin = bulletin_tpl.render(bulletin_context(graph, progress, options), options.date)
    names = dict(
        zip(
            [d.name for d in progress.departments],
            numbered_names([d.name for d in progress.departments], ".docx"),
            strict=True,
        )
    )
    reminders = {
        names[d.name]: reminder_tpl.render(
            reminder_context(graph, progress, settings, options, d), options.date
        )
        for d in progress.to_remind()
    }
    return bulletin, reminders
