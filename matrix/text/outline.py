"""Outline markers: 一、 / （一） / 1. or 1、 / （1） / ① at the start of a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matrix.text.chinese import NUMERAL_CHARS, chinese_number

_CN = NUMERAL_CHARS
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_UNIT = "(?:[万亿千百个元倍米吨亩余多]|公里|平方)"
"""What follows a figure (1.5万, 2.5倍), never an outline's decimal number."""

# Levels in the order plans nest them; a plan may skip a level (1. directly under 一、).
_MARKERS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^\s*([{_CN}]{{1,4}})\s*[、.](?![、.])")),
    (0, re.compile(rf"^\s*第([{_CN}]{{1,4}})(?:条|章|部分|项)(?=[\s:、.]|[^\s,;。])\s*[、.:]?")),
    (1, re.compile(rf"^\s*\(\s*([{_CN}]{{1,4}})\s*\)\s*[、.]?")),
    (2, re.compile(r"^\s*(\d{1,3})\s*(?:[、]|\.(?!\d)|\.(?=\d{4}年))")),
    (3, re.compile(r"^\s*\(?\s*(\d{1,3})\s*\)\s*[、.]?")),  # (1) and 1)
    (4, re.compile(rf"^\s*([{_CIRCLED}])\s*[、.]?")),
    # 3.1.2 / 3.1: an emergency plan's decimal outline, each further number a level deeper (never a
    # figure: 1.5万, 2.5倍, 3.2公里)
    (6, re.compile(rf"^\s*(\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}})\s*(?=[\u4e00-\u9fff《“(])(?!{_UNIT})")),
    (5, re.compile(rf"^\s*(\d{{1,2}}\.\d{{1,2}})\s*(?=[\u4e00-\u9fff《“(])(?!{_UNIT})")),
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
        if self.level in (5, 6):
            return int(self.label.rsplit(".", 1)[1])  # 3.1.2 → 2, the item's place among its siblings
        if self.level == 4:
            return _CIRCLED.index(self.label) + 1
        return chinese_number(self.label)


_DASH_ONE = re.compile(r"^\s*[—－]、(?=[\u4e00-\u9fff])")
"""—、总体目标: a section's 一 typed as a dash, as some pages' copies do."""


def find_marker(folded: str) -> Marker | None:
    """The outline marker that starts ``folded`` (a folded line), or None."""
    dash = _DASH_ONE.match(folded)
    if dash is not None:
        return Marker(0, "一", dash.end())
    for level, pattern in _MARKERS:
        m = pattern.match(folded)
        if m:
            if level == 0 and chinese_number(m.group(1)) == 0:
                continue
            # "1.5%以上" or "2019年": a number that runs on into text is not a marker.
            return Marker(level, m.group(1), m.end())
    return None


_GLUED = re.compile(
    r"^\s*(\d{1,2})(?=[\u4e00-\u9fff])(?![年月日时号个项条家名人次万亿元台辆所座户批期届类天周])"
)
"""A number run onto its text with no stop (4关于网民反映…): an item only where the list is at that
number, never a count (4个, 2023年)."""


def find_glued(folded: str, expected: int) -> Marker | None:
    """The marker of a list's next item written with no stop after its number (``4关于…`` after
    ``3、``), when ``folded`` opens with ``expected``; else None."""
    m = _GLUED.match(folded)
    if m is None or int(m.group(1)) != expected:
        return None
    return Marker(2, m.group(1), m.end())
