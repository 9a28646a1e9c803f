"""The letters folder: one letter per bureau, the master notice and the print file, made as one batch.

The documents are written as a build limited to ``letters/``: staged beside the output and moved
into place only when every document (and every PDF, with ``pdf``) is made.  A broken template or
a failed conversion therefore leaves the earlier output as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from matrix.build.sync import BuildReport, read_manifest
from matrix.graph import PlanGraph
from matrix.paths import output_path
from matrix.render import pdf as pdf_writer
from matrix.settings import Settings
from matrix.views.letters import Options

FOLDER = "letters"
NOTICE_NAME = "分工通知.docx"
PRINT_NAME = "打印合订本.docx"
PDF_FOLDER = "pdf"


def default_template(name: str) -> Path:
    """A template shipped with matrix: ``letter.docx`` or ``notice.docx``."""
    return Path(str(resources.files("matrix") / "resources" / name))


@dataclass
class Batch:
    """The rendered documents of one run, in memory: file name → .docx bytes, in output order."""

    letters: dict[str, bytes] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    """Letter file name → the bureau it is addressed to."""
    notice: bytes = b""
    print_file: bytes | None = None

    def files(self) -> dict[str, bytes]:
        """Every document of the batch, by file name."""
        out = dict(self.letters)
        out[NOTICE_NAME] = self.notice
        if self.print_file is not None:
            out[PRINT_NAME] = self.print_file
        return out


def render_batch(
    graph: PlanGraph,
    settings: Settings,
    options: Options,
    *,
    letter_template: Path | None = None,
    notice_template: Path | None = None,
    duplex: bool = False,
) -> Batch:
    """Render every letter, the notice and the print file in memory (the templates load once)."""
    from matrix.build.letters import jobs

    batch = Batch()
    extra = {
        "options": options,
        "letter_template": letter_template,
        "notice_template": notice_template,
        "duplex": duplex,
    }
    for job in jobs(graph, settings, extra):
        name = job.path.split("/", 1)[1]
        data = job.render()
        if name == NOTICE_NAME:
            batch.notice = data
        elif name == PRINT_NAME:
            batch.print_file = data
        else:
            batch.letters[name] = data
            batch.departments[name] = job.department or ""
    return batch


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
    from matrix.build.plan import BuildOptions, build

    if pdf:
        pdf_writer.require_soffice()
    extra = {
        "options": options,
        "letter_template": letter_template,
        "notice_template": notice_template,
        "duplex": duplex,
        "pdf": pdf,
        "on_pdf": on_pdf,
    }
    report = build(
        graph,
        settings,
        out,
        BuildOptions(workbook=False, forms=False, extra=extra),
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
