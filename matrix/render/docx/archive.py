"""Zip archives for .docx files, written by hand so that unchanging parts are deflated only once.

A batch of letters shares every part of its template but ``word/document.xml``.  A
:class:`Packed` part holds its bytes already deflated, with their CRC, so each letter only
deflates its own document.  :func:`write_zip` lays the entries out exactly as :mod:`zipfile`
would (``ZipInfo`` with a fixed time, DOS attributes, ``writestr`` at the given level), so the
bytes are the same as :func:`zipfile.ZipFile.writestr` gives for the same parts.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every entry's time: the earliest a zip can hold, so equal parts give equal bytes on any day."""
LEVEL = 6
"""The deflate level (zlib's default, which ``zipfile`` uses too)."""

_VERSION = 20  # "needs 2.0 to extract": plain deflate, as zipfile writes it
_DEFLATED = 8
_DOS_DATE = (ZIP_TIME[0] - 1980) << 9 | ZIP_TIME[1] << 5 | ZIP_TIME[2]
_DOS_TIME = ZIP_TIME[3] << 11 | ZIP_TIME[4] << 5 | ZIP_TIME[5] // 2
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_ATTRIBUTES = 0o600 << 16  # what zipfile stamps on an entry written with no attributes
_LIMIT = (1 << 31) - 1  # beyond this zipfile would write zip64 records, which letters never need


@dataclass(frozen=True)
class Packed:
    """One zip entry's content, deflated: name, CRC-32, sizes and the raw deflate stream."""

    name: str
    crc: int
    size: int
    data: bytes


def pack(name: str, data: bytes, level: int = LEVEL) -> Packed:
    """``data`` deflated (raw stream, as in a zip entry) with its CRC."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    deflated = compressor.compress(data) + compressor.flush()
    return Packed(name, zlib.crc32(data), len(data), deflated)


def pack_chunks(name: str, chunks: Iterable[bytes | memoryview], level: int = LEVEL) -> Packed:
    """:func:`pack` of the concatenation of ``chunks``, deflated as they come, so that a large
    part is never held whole."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
        size += len(chunk)
        out.append(compressor.compress(chunk))
    out.append(compressor.flush())
    return Packed(name, crc, size, b"".join(out))


def _name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800  # the "file name is UTF-8" flag


def write_zip(entries: Iterable[Packed]) -> bytes:
    """The zip archive of ``entries`` in order (the same bytes ``zipfile`` writes for them)."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for entry in entries:
        name, flags = _name(entry.name)
        compressed = len(entry.data)
        if max(entry.size, compressed, offset) > _LIMIT:
            raise ValueError("zip entry too large for a letter")
        header = _LOCAL.pack(
            b"PK\x03\x04", _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            entry.crc, compressed, entry.size, len(name), 0,
        )  # fmt: skip
        chunks += (header, name, entry.data)
        record = _CENTRAL.pack(
            b"PK\x01\x02", _VERSION, 0, _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
            entry.crc, compressed, entry.size, len(name), 0, 0, 0, 0, _ATTRIBUTES, offset,
        )  # fmt: skip
        central += (record, name)
        offset += len(header) + len(name) + compressed
        count += 1
    directory = b"".join(central)
    chunks += (directory, _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0))
    return b"".join(chunks)
