"""Zip archives for .docx files, written by :mod:`zipfile` with fixed entry times and attributes.

Equal parts in the same order give equal bytes on any machine and day: every entry is deflated at
zlib's default level and stamped with :data:`ZIP_TIME`, made-on system 0 (MS-DOS) and zipfile's
default permissions.  A part may come whole or as chunks, deflated as they come, so that a large
part (the print file's joined document) is never held whole.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every entry's time: the earliest a zip can hold, so equal parts give equal bytes on any day."""

Chunks = Iterator[bytes | memoryview]
"""A part given piece by piece (a generator), written as it comes."""


def entry(name: str) -> zipfile.ZipInfo:
    """The fixed header of the entry ``name``: :data:`ZIP_TIME`, deflated, made on MS-DOS."""
    info = zipfile.ZipInfo(name, ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0  # the same bytes whichever OS builds the file
    return info


def write_zip(parts: Iterable[tuple[str, bytes | Chunks]]) -> bytes:
    """The zip archive of ``parts`` (name and content, whole or in chunks) in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            if isinstance(data, bytes):
                archive.writestr(entry(name), data)
                continue
            with archive.open(entry(name), "w") as part:
                for chunk in data:
                    part.write(chunk)
    return buffer.getvalue()
