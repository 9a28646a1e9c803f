"""The one place where names become file paths.

Department names come from plan texts a clerk did not write; they may hold ``*``, ``/``, ``..``
or a Windows device name.  Every output file name goes through :func:`safe_filename` and every
output path through :func:`output_path`, so nothing lands outside the output folder on any OS.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from matrix.errors import UsageError

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)
_MAX_STEM = 80
# A file name is at most 255 bytes on Linux and 255 UTF-16 units on Windows; a stem of 150 bytes
# leaves room for the number before it, a dated copy's "-手改-20261201-093000-2" and the suffix.
_MAX_STEM_BYTES = 150
# Characters that change how a name is shown without being seen: bidirectional controls (an RLO
# makes "局\u202excod.exe" show as "局exe.docx"), zero-width characters, the soft hyphen, the BOM.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def safe_filename(name: str, *, fallback: str = "未命名") -> str:
    """A file name (no folder part) that is valid and harmless on Windows, macOS and Linux.

    Path separators, characters Windows forbids and control characters become nothing or ``_``;
    ``..``, leading and trailing dots and spaces go; a reserved device name (CON, NUL, COM1 ...)
    gets a ``_`` prefix; invisible characters that reorder how a name is shown (a right-to-left
    override) go; the result is at most 80 characters and 150 bytes, and never empty.
    """
    text = unicodedata.normalize("NFC", name)
    text = _INVISIBLE.sub("", text)
    text = _FORBIDDEN.sub("_", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"_+", "_", text)
    text = text.strip(" ._")
    if not text:
        text = fallback
    if _RESERVED.match(text):
        text = "_" + text
    if len(text) > _MAX_STEM:
        text = text[:_MAX_STEM].rstrip(" .")
    while len(text.encode("utf-8")) > _MAX_STEM_BYTES or len(text.encode("utf-16-le")) > 2 * _MAX_STEM_BYTES:
        text = text[:-1].rstrip(" .")
    return text


def numbered_names(names: Iterable[str], suffix: str) -> list[str]:
    """File names ``NN-<name><suffix>`` for names in display order, safe and unique.

    Two names that clean up alike (``**局`` and ``__局``) still get different file names.
    """
    items = list(names)
    width = max(2, len(str(len(items))))
    seen: set[str] = set()
    out: list[str] = []
    for i, name in enumerate(items, 1):
        stem = f"{i:0{width}d}-{safe_filename(name)}"
        candidate, n = stem, 2
        while candidate.casefold() in seen:
            candidate, n = f"{stem}-{n}", n + 1
        seen.add(candidate.casefold())
        out.append(candidate + suffix)
    return out


def output_path(folder: Path, *parts: str) -> Path:
    """``folder/parts...`` after checking that the result stays inside ``folder``."""
    base = folder.resolve()
    path = base.joinpath(*parts).resolve()
    if path != base and base not in path.parents:
        raise UsageError(f"拒绝写入输出目录之外的位置: {path}")
    return path
