"""Readers: turn a plan file (.txt in any common Chinese encoding, .docx, .doc, .wps, .pdf, and
Excel workbooks: .xlsx, .xlsm, .xls, .et) into lines.

A reader knows file formats and nothing of plans; the parsers take its :class:`Document`.
Readers import the model, ``text`` and the settings (a duty workbook's stamp carries them);
never parsers, views, ``render``, ``build``, ``cli`` or ``web``.
"""

from __future__ import annotations

from pathlib import Path

from matrix.errors import InputError
from matrix.model import Document
from matrix.readers.limits import MAX_PLAN_BYTES

__all__ = ["MAX_PLAN_BYTES", "read_document"]


def read_document(path: Path) -> Document:
    """The lines of the plan file at ``path``, chosen by its suffix (.txt, .text, .docx, .doc, .wps, .pdf,
    .xlsx, .xlsm, .xls, .et)."""
    if not path.exists():
        raise InputError("找不到文件", path=str(path))
    if path.is_dir():
        raise InputError("这是一个文件夹, 不是计划文件", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise InputError("文件是空的", path=str(path))
    if size > MAX_PLAN_BYTES:
        raise InputError(
            f"文件过大 ({size // 1024 // 1024} MB), 超过 {MAX_PLAN_BYTES // 1024 // 1024} MB 的上限",
            path=str(path),
        )
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from matrix.readers.docx import read_docx

        return read_docx(path)
    if suffix in {".txt", ".text", ""}:
        from matrix.readers.text import read_text

        return read_text(path)
    if suffix in {".doc", ".wps"}:
        from matrix.readers.convert import read_converted

        return read_converted(path)
    if suffix == ".pdf":
        from matrix.readers.pdf import read_pdf

        return read_pdf(path)
    if suffix in {".xlsx", ".xlsm"}:
        from matrix.readers.duty_workbook import read_duty_workbook
        from matrix.readers.workbook_stamp import read_stamp
        from matrix.readers.xlsx import check_workbook, read_xlsx

        check_workbook(path)  # a zip bomb is refused before anything unpacks it
        if read_stamp(path) is not None:  # a duty workbook matrix wrote, perhaps edited since
            return read_duty_workbook(path)
        return read_xlsx(path)  # any other workbook: a task table kept in Excel
    if suffix in {".xls", ".et"}:
        from matrix.readers.xls import read_xls

        return read_xls(path)
    raise InputError(
        f"不支持的文件类型 {path.suffix}: 请提供 .txt、.docx、.doc、.wps、.pdf 或 Excel (.xlsx、.xls) 文件",
        path=str(path),
    )
