"""The zip of a .docx: fixed entry headers, parts in order, chunks written as the whole would be."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from matrix.render.docx.archive import ZIP_TIME, write_zip

PARTS = [
    ("[Content_Types].xml", b"<Types/>" * 50),
    ("word/document.xml", "<w:t>任务内容</w:t>".encode() * 400),
    ("word/媒体.bin", bytes(range(256)) * 20),
    ("empty.xml", b""),
]


def _chunks(data: bytes, size: int) -> Iterator[bytes | memoryview]:
    view = memoryview(data)
    for start in range(0, len(data), size):
        yield view[start : start + size]


def test_parts_read_back_in_order() -> None:
    with zipfile.ZipFile(io.BytesIO(write_zip(PARTS))) as archive:
        assert archive.testzip() is None
        assert [(n, archive.read(n)) for n in archive.namelist()] == PARTS


def test_entries_carry_no_time_or_system_of_the_machine() -> None:
    with zipfile.ZipFile(io.BytesIO(write_zip(PARTS))) as archive:
        for info in archive.infolist():
            assert info.date_time == ZIP_TIME
            assert info.create_system == 0
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert info.external_attr == 0o600 << 16


def test_a_part_in_chunks_gives_the_same_bytes_as_whole() -> None:
    whole = write_zip(PARTS)
    for size in (1, 7, 4096):
        chunked = write_zip([(n, _chunks(d, size)) if n == "word/document.xml" else (n, d) for n, d in PARTS])
        assert chunked == whole


def test_the_same_parts_give_the_same_bytes() -> None:
    assert write_zip(PARTS) == write_zip(list(PARTS))
    assert write_zip(PARTS) != write_zip(PARTS[::-1])
