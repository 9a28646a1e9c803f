"""``collect``'s documents written into ``progress/``: the summary workbook, the bulletin, the reminders."""

from __future__ import annotations

import functools
from pathlib import Path

from matrix.build.sync import Job, digest, write_build
from matrix.graph import PlanGraph
from matrix.paths import output_path
from matrix.progress.model import Progress
from matrix.render.docx.progress import render_documents
from matrix.render.xlsx.progress import render_summary, summary_name
from matrix.settings import Settings
from matrix.views.document import Options
from matrix.views.progress import REMINDERS_FOLDER, bulletin_name


def write_progress(
    graph: PlanGraph, progress: Progress, settings: Settings, progress_dir: Path, options: Options
) -> list[Path]:
    """Write the summary, the bulletin and ``催办/`` into ``progress_dir``; return the paths written.

    Everything renders in memory first, then goes through :func:`matrix.build.sync.write_build`.
    """
    summary = render_summary(progress)
    bulletin, reminders = render_documents(graph, progress, settings, options)
    files = {summary_name(progress): summary, bulletin_name(progress): bulletin}
    files.update({f"{REMINDERS_FOLDER}/{name}": data for name, data in reminders.items()})
    # One staged, atomic write, recorded in the manifest: a 催办 notice of a bureau that has since
    # reported is removed, one the clerk edited is kept as a dated copy, returns/ is never touched.
    folder = progress_dir.name + "/"
    jobs = [Job(folder + rel, digest(data), functools.partial(bytes, data)) for rel, data in files.items()]
    write_build(progress_dir.parent, jobs, {}, scope=(folder,))
    return [output_path(progress_dir, *rel.split("/")) for rel in files]
