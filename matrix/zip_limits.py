"""How large a Word file (a plan or a template) may be once unpacked, checked before it is loaded.

A .docx is a zip of XML parts.  A few megabytes of zip can unpack to gigabytes (a zip bomb), and
XML that stays within a size limit can still hold millions of elements, each of which costs the
XML parser a few hundred bytes once loaded.  So a file is refused, with a plain message, when it
declares too many parts, too many bytes, an absurd compression ratio, or too many XML elements —
counted by streaming the parts, never by loading them.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from matrix.errors import InputError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_START_TAG = re.compile(rb"<[A-Za-z_]")
_BROKEN = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error)
"""What zipfile raises on a damaged, encrypted or oddly compressed member."""


@dataclass(frozen=True)
class ZipLimits:
    """How large a .docx may unpack before it is refused as a zip bomb."""

    max_total_bytes: int = 200 * 1024 * 1024
    max_entries: int = 10_000
    max_ratio: float = 200.0
    """Deflate tops out near 1030:1 on zeros; Word's XML stays far below 100:1."""
    ratio_floor: int = 1024 * 1024
    """Entries smaller than this are not judged by ratio: they cannot do harm."""
    max_xml_bytes: int = 64 * 1024 * 1024
    """XML parts together (pictures aside): a 5,000-task plan's document.xml is some 25 MB."""
    max_xml_elements: int = 2_000_000
    """Elements of all XML parts together: about 500 MB once parsed (measured: 3 million took
    755 MB in ``matrix check``); a 300-page plan has some 100,000."""


ZIP_LIMITS = ZipLimits()


def check_zip(path: Path, limits: ZipLimits = ZIP_LIMITS) -> None:
    """Refuse a file that is not a zip or would unpack absurdly, before anything is loaded."""
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise InputError(f"无法读取文件 ({exc.strerror or exc})", path=source) from exc
    if head == _OLE_MAGIC:
        raise InputError(
            "这是旧版 Word (.doc) 文件或加了密码的文档, 不是 .docx: 请在 Word 中另存为 .docx (不设密码)",
            path=source,
        )
    if not zipfile.is_zipfile(path):
        raise InputError("这不是有效的 .docx 文件 (无法作为 Word 文档打开)", path=source)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_entries(entries, limits, source)
            elements = 0
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    elements += _count_elements(archive, entry, limits.max_xml_elements - elements)
                    if elements > limits.max_xml_elements:
                        raise InputError(
                            f"文件中的 XML 元素超过 {limits.max_xml_elements:,} 个"
                            " (读入需要过多内存), 已拒绝读取",
                            path=source,
                        )
    except InputError:
        raise
    except _BROKEN as exc:
        raise InputError(
            "这不是有效的 .docx 文件 (压缩包已损坏、加密或使用了不支持的压缩方式)", path=source
        ) from exc


def _check_entries(entries: list[zipfile.ZipInfo], limits: ZipLimits, source: str) -> None:
    if len(entries) > limits.max_entries:
        raise InputError(
            f"文件内含 {len(entries)} 个部件, 超过 {limits.max_entries} 个的上限, 已拒绝读取", path=source
        )
    # Declared sizes can be trusted as bounds: zipfile stops reading a member at its declared size.
    total = sum(e.file_size for e in entries)
    if total > limits.max_total_bytes:
        raise InputError(
            f"文件解压后有 {total // 1024 // 1024} MB, 超过 {limits.max_total_bytes // 1024 // 1024} MB"
            " 的上限, 已拒绝读取",
            path=source,
        )
    xml = sum(e.file_size for e in entries if e.filename.endswith((".xml", ".rels")))
    if xml > limits.max_xml_bytes:
        raise InputError(
            f"文件中的文字部分解压后有 {xml // 1024 // 1024} MB,"
            f" 超过 {limits.max_xml_bytes // 1024 // 1024} MB 的上限 (读入需要过多内存), 已拒绝读取",
            path=source,
        )
    for entry in entries:
        if entry.file_size > limits.ratio_floor and entry.file_size > limits.max_ratio * max(
            entry.compress_size, 1
        ):
            raise InputError(f"文件中的 {entry.filename} 压缩比异常 (疑似压缩炸弹), 已拒绝读取", path=source)
        if entry.flag_bits & 0x1:
            raise InputError(f"文件中的 {entry.filename} 已加密, 无法读取: 请去掉密码后另存", path=source)


def _count_elements(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> int:
    """The start tags in one XML part, read in pieces; stops counting once past ``budget``."""
    count, tail = 0, b""
    with archive.open(entry) as part:
        while chunk := part.read(1 << 20):
            data = tail + chunk
            count += len(_START_TAG.findall(data))
            tail = data[-1:] if data.endswith(b"<") else b""  # it pairs with the next piece's first byte
            if count > budget:
                break
    return count


# A cell or a row of a worksheet, with or without a namespace prefix (<c/>, <x:row r="1">).
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?(c|row)[\s/>]")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?dimension\s+ref=\"[A-Z]*\d*:?([A-Z]{1,3})?\d*\"")


@dataclass(frozen=True)
class WorkbookSize:
    """What an .xlsx declares before it is loaded: its cells and rows (openpyxl makes an object of
    each, a few hundred bytes), and the cells a streaming reader pads its rows to (each row as wide
    as the sheet's declared dimension)."""

    cells: int
    padded: int


def workbook_size(archive: zipfile.ZipFile, budget: int) -> WorkbookSize:
    """The declared size of the workbook in ``archive``, read as a stream (never unpacked whole);
    counting stops once past ``budget``."""
    from openpyxl.utils import column_index_from_string

    cells = padded = 0
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        rows, width, tail = 0, 1, b""
        with archive.open(name) as part:
            while chunk := part.read(1 << 20):
                data = tail + chunk
                if width == 1 and (dim := _DIMENSION.search(data)) and dim.group(1):
                    width = column_index_from_string(dim.group(1).decode())
                cut = max(0, len(data) - 32)  # a token starting in the last bytes is counted next time
                for m in _CELL.finditer(data):
                    if m.start() < cut:
                        cells += 1
                        rows += m.group(1) == b"row"
                tail = data[cut:]
                if cells > budget or rows * width > budget:
                    break
        for m in _CELL.finditer(tail):
            cells += 1
            rows += m.group(1) == b"row"
        padded += rows * width
        if cells > budget or padded > budget:
            break
    return WorkbookSize(cells, padded)
