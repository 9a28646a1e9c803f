"""PDF copies through LibreOffice: every file in one headless soffice run, with shipped font aliases.

One soffice process converts all files (starting it costs about a second, so one run per file
would be several times slower).  It is a run of :mod:`matrix.readers.soffice` (a throwaway profile,
a time limit, the process tree ended on timeout) with ``FONTCONFIG_FILE`` pointing at
``matrix/resources/fonts.conf``, which maps the Windows font names in the documents (仿宋_GB2312,
楷体_GB2312, 黑体, 方正小标宋简体, 宋体) to free CJK fonts.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from matrix.errors import UsageError
from matrix.readers import soffice

INSTALL_HINT = (
    "未找到 LibreOffice (soffice), 无法生成 PDF。请先安装 LibreOffice 及中文字体 "
    "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai), "
    "或去掉 --pdf。"
)


PDF_FILTER = "pdf:writer_pdf_Export"
# With it, the blank pages LibreOffice inserts stay in the PDF: a --duplex print file's padding
# (each letter on an odd page).  Without --duplex they must go: LibreOffice also inserts one
# before a section whose page numbers restart at 1 on an even page, which Word does not.
KEEP_BLANK_PAGES = ':{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def require_soffice() -> Path:
    """The LibreOffice program, or :class:`UsageError` saying to install it or leave out ``--pdf``."""
    program = soffice.find_soffice()
    if program is None:
        raise UsageError(INSTALL_HINT)
    return program


def fonts_conf() -> Path:
    """The shipped fontconfig file that maps official-document font names to free fonts."""
    return Path(str(resources.files("matrix") / "resources" / "fonts.conf"))


def convert(
    files: list[Path],
    outdir: Path,
    *,
    timeout: float = 900.0,
    on_file: Callable[[str], None] | None = None,
    keep_blank_pages: bool = False,
) -> list[Path]:
    """Convert ``files`` to PDF in ``outdir`` with one soffice run; the PDFs in the same order.

    ``on_file`` is called with each source file's name as LibreOffice reports it done;
    ``keep_blank_pages`` keeps the pages a duplex print file's odd-page section breaks insert.
    Raises :class:`UsageError` when LibreOffice is not installed and a
    :class:`matrix.readers.soffice.ConversionError` kind when it does not convert.
    """
    return soffice.convert(
        files,
        PDF_FILTER + (KEEP_BLANK_PAGES if keep_blank_pages else ""),
        outdir,
        program=require_soffice(),
        timeout=timeout,
        env={"FONTCONFIG_FILE": str(fonts_conf())},
        on_file=on_file,
    )
