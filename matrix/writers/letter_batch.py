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
from matrix.paths import numbered_names, output_path, safe_filename
from matrix.settings import Settings
from matrix.writers import pdf as pdf_writer
from matrix.writers.docx_render import CompiledTemplate
from matrix.writers.letters import LETTER_FIELDS, NOTICE_FIELDS, Options, letter_context, notice_context
from matrix.writers.print_file import combine

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
    letter_tpl = CompiledTemplate(letter_template or default_template("letter.docx"), LETTER_FIELDS)
    notice_tpl = CompiledTemplate(notice_template or default_template("notice.docx"), NOTICE_FIELDS)
    batch = Batch()
    departments = [d.name for d in graph.departments()]
    rendered = []
    for name, department in zip(numbered_names(departments, ".docx"), departments, strict=True):
        parts = letter_tpl.render_parts(letter_context(graph, settings, options, department))
        rendered.append(parts)
        batch.letters[name] = letter_tpl.package(parts, options.date)
        batch.departments[name] = department
    batch.notice = notice_tpl.render(notice_context(graph, options), options.date)
    if rendered:
        batch.print_file = combine(letter_tpl, rendered, options.date, duplex)
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

    The old folder is replaced only after everything new is made.
    """
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
    final = output_path(out, FOLDER)
    staging = Path(tempfile.mkdtemp(prefix=".letters-", dir=out))
    staging.chmod(0o755)  # mkdtemp makes it private; the letters folder is an ordinary folder
    try:
        files = []
        for name, data in batch.files().items():
            path = output_path(staging, safe_filename(name))
            path.write_bytes(data)
            files.append(path)
        pdfs = pdf_writer.convert(files, staging / PDF_FOLDER, on_file=on_pdf) if pdf else []
        _swap(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Written(
        final,
        [final / f.name for f in files],
        [final / PDF_FOLDER / p.name for p in pdfs],
    )


def _swap(staging: Path, final: Path) -> None:
    # Rename, not copy: the new folder appears whole, and letters of bureaus no longer in the
    # plan do not linger beside the new ones.
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}-old")
        if old.exists():
            shutil.rmtree(old)
        final.rename(old)
    staging.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
