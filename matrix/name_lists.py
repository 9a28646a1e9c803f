"""A list of department names written as one piece of text: a workbook cell, a command-line value.

Names are separated by 、 , ， ; ； / or line breaks (Excel's Alt+Enter) or spaces; a known name
that itself holds a separator (``各区、县级市``) stays whole, and a placeholder (``—``, ``/``,
``无``) means no name at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[、,，;；/／\s]+")
PLACEHOLDERS = frozenset({"", "—", "——", "-", "--", "/", "／", "无", "暂无", "－"})
"""Cell contents that mean "nobody"."""


def split_names(text: str, known: Iterable[str] = ()) -> list[str]:
    """The names in ``text``, in order, each once; ``known`` names are never split."""
    text = text.strip()
    if text in PLACEHOLDERS:
        return []
    # A known name with a separator in it is put aside whole before splitting, longest first.
    kept: list[str] = []
    for name in sorted({k for k in known if _SEPARATORS.search(k)}, key=len, reverse=True):
        if name in text:
            text = text.replace(name, f"\x00{len(kept)}\x00")
            kept.append(name)
    out: list[str] = []
    for part in _SEPARATORS.split(text):
        name = re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], part).strip()
        if name and name not in PLACEHOLDERS and name not in out:
            out.append(name)
    return out
