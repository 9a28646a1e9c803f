"""The letters' PDFs as build jobs: ``letters/pdf/<name>.pdf`` beside each .docx of ``letters/``.

A PDF's key is its document's key, so it is converted again exactly when its letter changes, and
it goes when its letter goes.  With ``--pdf`` every PDF that is missing or stale is converted in
one LibreOffice run (starting LibreOffice costs seconds; one run per file would cost minutes).
Without ``--pdf`` a build keeps the PDFs whose letter is unchanged and leaves out the others, so
the build removes them: ``letters/pdf/`` never holds a PDF of an older letter.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from matrix.build.sync import Job, digest, key_of, read_manifest
from matrix.paths import output_path
from matrix.render import pdf as pdf_writer
from matrix.render.docx.letters import FOLDER, PDF_FOLDER

VERSION = "1"
"""Bump when the conversion changes (filter options, font aliases), to convert every PDF again."""


def pdf_path(docx_path: str) -> str:
    """Where a letter's PDF goes: ``letters/01-市科技局.docx`` → ``letters/pdf/01-市科技局.pdf``."""
    name = PurePosixPath(docx_path)
    return f"{FOLDER}/{PDF_FOLDER}/{name.stem}.pdf"


class _Converter:
    """Converts the documents whose PDF is due, all in one soffice run, when the first is asked for."""

    def __init__(self, due: dict[str, Job], duplex: bool, on_file: Callable[[str], None] | None) -> None:
        self.due, self.duplex, self.on_file = due, duplex, on_file
        self.done: dict[str, bytes] = {}

    def pdf(self, path: str, job: Job) -> bytes:
        if path not in self.done:
            batch = {p: j for p, j in self.due.items() if p not in self.done}
            batch.setdefault(path, job)
            self._convert(batch)
        return self.done.pop(path)

    def _convert(self, batch: dict[str, Job]) -> None:
        with tempfile.TemporaryDirectory(prefix="matrix-pdf-") as folder:
            sources = []
            for job in batch.values():
                source = Path(folder) / PurePosixPath(job.path).name
                source.write_bytes(job.render())
                sources.append(source)
            pdfs = pdf_writer.convert(
                sources, Path(folder) / "pdf", on_file=self.on_file, keep_blank_pages=self.duplex
            )
            for path, made in zip(batch, pdfs, strict=True):
                self.done[path] = made.read_bytes()


def jobs(docx_jobs: list[Job], out_dir: Path, extra: dict[str, Any]) -> list[Job]:
    """The PDF jobs for the letters' documents among ``docx_jobs``.

    ``extra["pdf"]``: make every PDF (converting the missing and stale ones); otherwise only the
    PDFs already made for an unchanged letter are kept.  ``extra["on_pdf"]`` is told each file
    LibreOffice finishes; ``extra["duplex"]`` keeps the print file's padding pages.
    """
    make = bool(extra.get("pdf", False))
    duplex = bool(extra.get("duplex", False))
    recorded: dict[str, Any] = read_manifest(out_dir)["files"]
    letters = [j for j in docx_jobs if j.path.startswith(FOLDER + "/") and j.path.endswith(".docx")]
    kept: list[tuple[str, str, Job]] = []
    due: dict[str, Job] = {}
    for job in letters:
        path = pdf_path(job.path)
        key = key_of("pdf", VERSION, job.key, duplex)
        record = recorded.get(path)
        fresh = (
            record is not None
            and record.get("key") == key
            and _on_disk(out_dir, path) == record.get("sha256")
        )
        if not fresh:
            if not make:
                continue  # stale or never made: the build removes an old one
            due[path] = job
        kept.append((path, key, job))
    converter = _Converter(due, duplex, extra.get("on_pdf"))
    # no department: a PDF made or removed is no change for the bureau (its letter says that)
    return [Job(path, key, _render(converter, path, job)) for path, key, job in kept]


def _render(converter: _Converter, path: str, job: Job) -> Callable[[], bytes]:
    def render() -> bytes:
        return converter.pdf(path, job)

    return render


def _on_disk(out_dir: Path, path: str) -> str | None:
    try:
        return digest(output_path(out_dir, *path.split("/")).read_bytes())
    except OSError:
        return None
