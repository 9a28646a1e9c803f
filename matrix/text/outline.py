"""Outline markers: 一、 / （一） / 1. or 1、 / （1） / ①, and Chinese numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN = "零〇一二两三四五六七八九十百"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Levels in the order plans nest them; a plan may skip a level (1. directly under 一、).
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^\s*([{_CN}]{{1,4}})\s*[、.](?![、.])")),
    (0, re.compile(rf"^\s*第([{_CN}]{{1,4}})(?:条|章|部分|项)(?=[\s:、.]|[^\s,;。])\s*[、.:]?")),
    (1, re.compile(rf"^\s*\(\s*([{_CN}]{{1,4}})\s*\)\s*[、.]?")),
    (2, re.compile(r"^\s*(\d{1,3})\s*(?:[、]|\.(?!\d)|\.(?=\d{4}年))")),
    (3, re.compile(r"^\s*\(?\s*(\d{1,3})\s*\)\s*[、.]?")),  # (1) and 1)
    (4, re.compile(rf"^\s*([{_CIRCLED}])\s*[、.]?")),
]


@dataclass(frozen=True)
class Marker:
    """A numbering marker at the start of a line: its level, its bare label and where the text starts."""

    level: int
    label: str
    end: int

    @property
    def value(self) -> int:
        """The marker's number (一 → 1, 12 → 12, ③ → 3)."""
        if self.level in (2, 3):
            return int(self.label)
        if self.level == 4:
            return _CIRCLED.index(self.label) + 1
        return chinese_number(self.label)


def chinese_number(text: str) -> int:
    """The value of a Chinese numeral up to the hundreds (十一 → 11, 二十 → 20, 一百零五 → 105)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _CN_DIGITS.get(ch, 0)
    return total + current


def find_marker(folded: str) -> Marker | None:
    """The outline marker that starts ``folded`` (a folded line), or None."""
    for level, pattern in _MARKERS:
        m = pattern.match(folded)
        if m:
            if level == 0 and chinese_number(m.group(1)) == 0:
                continue
            # "1.5%以上" or "2019年": a number that runs on into text is not a marker.
            return Marker(level, m.group(1), m.end())
    return None
