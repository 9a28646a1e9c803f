"""PDF copies through LibreOffice: every file in one headless soffice run, with shipped font aliases.

One soffice process converts all files (starting it costs about a second, so one run per file
would be several times slower).  It runs with a throwaway profile, a time limit, and
``FONTCONFIG_FILE`` pointing at ``matrix/resources/fonts.conf``, which maps the Windows font names
in the documents (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体, 宋体) to free CJK fonts.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from matrix.errors import MatrixError, UsageError

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


class ConversionError(MatrixError):
    """LibreOffice could not convert a document, or took too long."""


def find_soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


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
    """
    program = find_soffice()
    if program is None:
        raise UsageError(INSTALL_HINT)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="matrix-lo-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf()))
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDF_FILTER + (KEEP_BLANK_PAGES if keep_blank_pages else ""),
            "--outdir",
            str(outdir),
            *[str(f) for f in files],
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
            errors="replace",
            start_new_session=True,  # so a timeout can end soffice.bin too, not only its launcher
        )
        output: list[str] = []

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)
                if on_file is not None and line.startswith("convert "):
                    on_file(Path(line.split(" -> ")[0][len("convert ") :]).name)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise ConversionError(f"LibreOffice 在 {timeout:.0f} 秒内未完成 PDF 转换, 已中止") from exc
        reader.join(timeout=5)
    pdfs = [outdir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.exists()]
    if code != 0 or missing:
        detail = "".join(output[-5:]).strip()
        raise ConversionError(
            f"LibreOffice 未能转换 {', '.join(missing) or '文件'} (退出码 {code}): {detail}"
        )
    return pdfs
