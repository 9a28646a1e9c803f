"""The hand-written zip of letters: the very bytes zipfile writes, and readable back."""

from __future__ import annotations

import io
import zipfile

from matrix.render.docx.archive import ZIP_TIME, pack, write_zip

PARTS = [
    ("[Content_Types].xml", b"<Types/>" * 50),
    ("word/document.xml", "<w:t>任务内容</w:t>".encode() * 400),
    ("word/媒体.bin", bytes(range(256)) * 20),
    ("empty.xml", b""),
]


def _zipfile(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def test_same_bytes_as_zipfile() -> None:
    assert write_zip(pack(name, data) for name, data in PARTS) == _zipfile(PARTS)


def test_packed_parts_read_back() -> None:
    with zipfile.ZipFile(io.BytesIO(write_zip(pack(n, d) for n, d in PARTS))) as archive:
        assert archive.testzip() is None
        assert [(n, archive.read(n)) for n in archive.namelist()] == PARTS
