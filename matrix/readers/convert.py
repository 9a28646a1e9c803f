"""Old Word (.doc) and WPS (.wps) plans, read by converting them with LibreOffice to .docx.

matrix does not parse the binary Word format itself: LibreOffice already does, well.  A
conversion is one run of :mod:`matrix.readers.soffice` (a throwaway profile, a time limit) on a
copy of the file in a temporary folder (so no lock file appears beside the user's file), and its
failures are worded for a clerk reading a plan: each says how to do without LibreOffice.  The
.docx it writes is read by :func:`matrix.readers.docx.read_docx`; line numbers are that .docx's
paragraph numbers.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from matrix.errors import InputError
from matrix.model import Document
from matrix.readers.soffice import (
    ConversionError,
    SofficeOutputError,
    SofficeTimeoutError,
    find_soffice,
)
from matrix.readers.soffice import convert as soffice_convert

CONVERT_TIMEOUT = 120.0
"""Seconds one conversion may take; a first run with a fresh profile takes a few seconds."""

_NO_LIBREOFFICE = (
    "读取 {suffix} 文件需要 LibreOffice, 但本机没有找到它。请安装 LibreOffice "
    "(https://www.libreoffice.org, 安装后无需打开), 或在 {save_as}后再试"
)
_SAVE_AS = {"xlsx": "Excel / WPS 中把文件另存为 .xlsx "}
"""How a clerk makes the file readable without LibreOffice, by the format it is converted to."""
_SAVE_AS_DOCX = "Word / WPS 中把文件另存为 .docx "


def convert_file(
    source: Path,
    target: str,
    outdir: Path,
    *,
    timeout: float = CONVERT_TIMEOUT,
    soffice: Path | None = None,
) -> Path:
    """Convert ``source`` with LibreOffice to format ``target`` (docx, pdf, odt ...) in ``outdir``.

    Returns the written file.  Raises :class:`InputError` when LibreOffice is not installed, takes
    longer than ``timeout`` seconds, or writes nothing (the file is damaged or not a document).
    """
    program = soffice or find_soffice()
    save_as = _SAVE_AS.get(target, _SAVE_AS_DOCX)
    if program is None:
        suffix = source.suffix.lower() or "此类"
        raise InputError(_NO_LIBREOFFICE.format(suffix=suffix, save_as=save_as), path=str(source))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="matrix-convert-") as scratch:
        work = Path(scratch)
        # A plain ASCII name: no odd names reach soffice, and no lock file appears beside the
        # user's file.
        copy = work / ("input" + source.suffix.lower())
        shutil.copyfile(source, copy)
        try:
            (written,) = soffice_convert([copy], target, work / "out", program=program, timeout=timeout)
        except SofficeTimeoutError:
            raise InputError(
                f"LibreOffice 转换超时 (超过 {timeout:.0f} 秒), 请在 {save_as}后再试",
                path=str(source),
            ) from None
        except SofficeOutputError as exc:
            raise InputError(
                f"LibreOffice 未能转换此文件 ({exc.detail}); 文件可能已损坏, 请在 {save_as}后再试",
                path=str(source),
            ) from None
        except ConversionError as exc:  # it would not start
            raise InputError(exc.message, path=str(source)) from exc
        final = outdir / (source.stem + written.suffix)
        shutil.move(str(written), final)
    return final


def read_converted(path: Path, *, timeout: float = CONVERT_TIMEOUT) -> Document:
    """The lines of a .doc or .wps plan, converted to .docx by LibreOffice and read as one.

    Line numbers are paragraph numbers of the converted document, as for a .docx.
    """
    from matrix.readers.docx import read_docx

    kind = path.suffix.lower().lstrip(".") or "doc"
    with path.open("rb") as fh:
        head = fh.read(4)
    with tempfile.TemporaryDirectory(prefix="matrix-convert-") as tmp:
        if head == b"PK\x03\x04":
            # A .docx saved under an old name: no conversion needed.
            docx_path = Path(tmp) / "plan.docx"
            shutil.copyfile(path, docx_path)
        else:
            docx_path = convert_file(path, "docx", Path(tmp), timeout=timeout)
        try:
            document = read_docx(docx_path)
        except InputError as exc:
            raise InputError(exc.message, line=exc.line, path=str(path)) from exc
    return Document(source=str(path), lines=document.lines, kind=kind)
