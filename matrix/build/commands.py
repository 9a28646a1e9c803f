"""The partial builds the commands call: ``matrix letters``, ``workbook`` and ``forms``.

Each is :func:`matrix.build.plan.build` limited to its own outputs (``letters/``, the workbook,
``forms/``): staged, moved into place, recorded in the manifest, the other outputs left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from matrix.build.letters import FOLDER
from matrix.build.options import BuildOptions
from matrix.build.plan import build
from matrix.build.sync import BuildReport, read_manifest
from matrix.graph import PlanGraph
from matrix.paths import output_path
from matrix.progress.layout import FORMS_FOLDER
from matrix.render import pdf as pdf_writer
from matrix.render.xlsx.forms import form_names
from matrix.render.xlsx.workbook import workbook_name
from matrix.settings import Settings
from matrix.views.document import Options


def write_workbook(
    graph: PlanGraph,
    settings: Settings,
    out_dir: Path,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write ``out_dir/<plan stem>-分工表.xlsx`` and return its path; ``warn`` hears each warning.

    A partial build (:func:`matrix.build.plan.build` limited to the workbook): staged, then moved into
    place, recorded in the manifest, and left alone when nothing changed.
    """
    name = workbook_name(graph)
    options = BuildOptions(letters=False, forms=False)
    if warn is not None:
        options.warn = warn
    build(graph, settings, out_dir, options, scope=(name,))
    return output_path(out_dir, name)


@dataclass
class Written:
    """What :func:`write_letters` left in the letters folder: the documents and the PDFs, and
    the build's report."""

    folder: Path
    files: list[Path]
    pdfs: list[Path]
    report: BuildReport = field(default_factory=BuildReport)


def write_letters(
    graph: PlanGraph,
    settings: Settings,
    out: Path,
    options: Options,
    *,
    letter_template: Path | None = None,
    notice_template: Path | None = None,
    duplex: bool = False,
    pdf: bool = False,
    on_pdf: Callable[[str], None] | None = None,
) -> Written:
    """Write ``out/letters/`` (letters, notice, print file; PDFs under ``pdf/`` with ``pdf``).

    A partial build (:func:`matrix.build.plan.build` limited to ``letters/``): only letters whose content
    changed are rewritten, and only their PDFs converted; a PDF whose letter changed or went is
    removed without ``pdf``.  Everything is staged first, so a broken template or a failed
    conversion leaves the earlier output as it was.
    """
    if pdf:
        pdf_writer.require_soffice()
    report = build(
        graph,
        settings,
        out,
        BuildOptions(
            workbook=False,
            forms=False,
            letter_options=options,
            letter_template=letter_template,
            notice_template=notice_template,
            duplex=duplex,
            pdf=pdf,
            on_pdf=on_pdf,
        ),
        scope=(FOLDER + "/",),
    )
    final = output_path(out, FOLDER)
    files = [p for p in read_manifest(out)["files"] if p.startswith(FOLDER + "/")]
    return Written(
        final,
        [out / p for p in files if p.endswith(".docx")],
        [out / p for p in files if p.endswith(".pdf")],
        report,
    )


def write_forms(graph: PlanGraph, settings: Settings, out_dir: Path) -> list[Path]:
    """Write ``out_dir/forms/NN-<department>.xlsx`` for every department; return their paths.

    A partial build (:func:`matrix.build.plan.build` limited to ``forms/``): staged, moved into place,
    recorded in the manifest; forms whose content did not change are left alone.
    """
    build(graph, settings, out_dir, BuildOptions(letters=False, workbook=False), scope=(FORMS_FOLDER + "/",))
    folder = output_path(out_dir, FORMS_FOLDER)
    return [output_path(folder, name) for name in form_names(graph).values()]
