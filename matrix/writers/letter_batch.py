"""The letters folder: one letter per bureau, the master notice and the print file, made as one batch.

Everything is rendered in memory first and written to a temporary folder beside the output; only
when every document (and every PDF, with ``pdf``) is made does the folder replace ``letters/``.
A broken template or a failed conversion therefore leaves the earlier output as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from matrix.errors import UsageError
from matrix.graph import PlanGraph
from matrix.paths import output_path, safe_filename
from matrix.settings import Settings
from matrix.writers import pdf as pdf_writer
from matrix.writers.letters import Options

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
    from matrix.writers.letter_jobs import jobs

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
    """What :func:`write_letters` wrote: the folder and its files (PDFs last)."""

    folder: Path
    files: list[Path]
    pdfs: list[Path]


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

    A partial build (:func:`matrix.build.build` limited to ``letters/``): only letters whose content
    changed are rewritten.  With ``pdf`` the documents are converted before anything moves, so a
    failed conversion leaves the earlier output as it was.
    """
    from matrix.build import BuildOptions, build

    if pdf and pdf_writer.find_soffice() is None:
        raise UsageError(pdf_writer.INSTALL_HINT)
    batch = render_batch(
        graph,
        settings,
        options,
        letter_template=letter_template,
        notice_template=notice_template,
        duplex=duplex,
    )
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".letters-", dir=out))
    try:
        pdfs: list[Path] = []
        if pdf:
            files = []
            for name, data in batch.files().items():
                path = output_path(staging, safe_filename(name))
                path.write_bytes(data)
                files.append(path)
            pdfs = pdf_writer.convert(files, staging / PDF_FOLDER, on_file=on_pdf, keep_blank_pages=duplex)
        extra = {
            "options": options,
            "letter_template": letter_template,
            "notice_template": notice_template,
            "duplex": duplex,
        }
        build(
            graph,
            settings,
            out,
            BuildOptions(workbook=False, forms=False, extra=extra),
            scope=(FOLDER + "/",),
        )
        final = output_path(out, FOLDER)
        if pdf:
            target = final / PDF_FOLDER
            shutil.rmtree(target, ignore_errors=True)
            (staging / PDF_FOLDER).rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Written(
        final,
        [final / name for name in batch.files()],
        [final / PDF_FOLDER / p.name for p in pdfs],
    )
