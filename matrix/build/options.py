"""What the user asked of a build beyond the plan and its settings: one typed record per run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from matrix.views.document import Options


def _quiet(message: str) -> None:
    """The default listener: a build's warnings go nowhere unless someone asks for them."""


@dataclass
class BuildOptions:
    """A run's options: which outputs, which templates, how the letters are printed and converted."""

    letters: bool = True
    workbook: bool = True
    forms: bool = True
    letter_options: Options | None = None
    """The letters' 发文机关, 文号, date ... as the command line resolved them; None: from the settings."""
    letter_template: Path | None = None
    """Another Word template for the letters; None: the shipped one."""
    notice_template: Path | None = None
    """Another Word template for the master notice; None: the shipped one."""
    duplex: bool = False
    """The print file pads every letter to an even page count, for two-sided printing."""
    pdf: bool = False
    """Convert every letter to PDF with LibreOffice (otherwise PDFs are only kept while current)."""
    on_pdf: Callable[[str], None] | None = None
    """Told the name of each PDF as LibreOffice finishes it."""
    warn: Callable[[str], None] = _quiet
    """Told each warning a writer has (a column too narrow, a name too long ...)."""
    progress: Callable[[int, int], None] | None = None
    """Called with (files rendered, files to check) as a build goes (the web page's progress)."""
