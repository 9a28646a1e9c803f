"""Task tables: 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限, in a .docx or as text rows.

A table starts at a header row (one or two lines) naming a task column and a department column;
each row under it is a task.  In a text file a row's cells are separated by tabs, ``|`` or runs of
two or more spaces.  Section headings between rows (``一、产业发展``) stay outline headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrix.model import Line
from matrix.parsers.assignment import Assignment, parse_assignment
from matrix.parsers.names import parse_names
from matrix.parsers.normalize import clean, fold
from matrix.parsers.outline import Marker, find_marker

ROW_LEVEL = 5
"""Rows nest under every heading level (一、 … ①)."""

_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序列|项目编号)$")),
    ("lead", re.compile(r"牵头(单位|部门|责任单位)?$|主办单位|主责单位")),
    ("participant", re.compile(r"(配合|参与|协办|协助|协同|参加)(单位|部门)?$")),
    ("responsible", re.compile(r"^(责任(单位|部门|科室|主体)|负责(单位|部门)|承办单位|实施单位)$")),
    ("leader", re.compile(r"(分管|责任|牵头)(市|区|县|省)?领导$|^分管领导")),
    ("deadline", re.compile(r"(完成)?(时限|时间|期限)(要求)?$|时间节点|进度安排")),
    ("text", re.compile(r"任务|内容|措施|事项|目标|工作|项目|举措")),
    ("skip", re.compile(r"备注|说明|类别|类型|指标值|考核")),
]


@dataclass
class TableRow:
    """A table row read as a task: its number, text and assignment."""

    line: int
    marker: Marker
    text: str
    assignment: Assignment


@dataclass
class Header:
    """The meaning of each column of a task table."""

    kinds: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        """How many columns the table has."""
        return len(self.kinds)


def split_row(line: Line, width: int | None = None) -> list[str]:
    """The cells of a row: a .docx row's own cells, or a text line split at tabs, | or wide gaps.

    ``| a | b |`` loses its outer empty cells unless the table is that wide with them.
    """
    if line.cells is not None:
        return [clean(c).strip() for c in line.cells]
    text = clean(line.text).replace("\u3000", "  ")
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    if text.count("|") >= 2:
        cells = [c.strip() for c in text.strip().split("|")]
        if cells[0] == "" and cells[-1] == "" and len(cells) != width:
            cells = cells[1:-1]
        return cells
    return [c.strip() for c in re.split(r"\s{2,}", text.strip())]


def _kind(cell: str) -> str | None:
    cell = re.sub(r"\s+", "", fold(cell))
    if not cell:
        return None
    for kind, pattern in _COLUMNS:
        if pattern.search(cell):
            return kind
    return None


def read_header(cells: list[str]) -> Header | None:
    """The header a row states, if it names a task column and a department column."""
    if len(cells) < 3:
        return None
    kinds = [_kind(c) or ("" if not c.strip() else "unknown") for c in cells]
    if (
        "text" in kinds
        and {"lead", "responsible", "participant"} & set(kinds)
        and kinds.count("unknown") <= 1
    ):
        return Header(kinds)
    return None


def merge_second_header(header: Header, cells: list[str]) -> bool:
    """Fold a second header line (牵头单位 | 配合单位 under a merged 责任单位) into ``header``."""
    kinds = [_kind(c) for c in cells]
    if (
        len(cells) != header.width
        or not any(kinds)
        or any(c.strip() and k is None for c, k in zip(cells, kinds, strict=True))
    ):
        return False
    header.kinds = [k or old for k, old in zip(kinds, header.kinds, strict=True)]
    return True


def read_row(header: Header, cells: list[str], line: int, index: int) -> TableRow | None:
    """A data row as a task, or None when the row does not fit the table."""
    if len(cells) < header.width - 1 or len(cells) > header.width + 1 or not any(cells):
        return None
    cells = (cells + [""] * header.width)[: header.width]
    by_kind: dict[str, list[str]] = {}
    for kind, cell in zip(header.kinds, cells, strict=True):
        if cell:
            by_kind.setdefault(kind, []).append(cell)
    text = "\n".join(dict.fromkeys(by_kind.get("text", [])))
    if not text:
        return None
    number = " ".join(by_kind.get("number", []))
    marker = find_marker(fold(number) + ".") if number else None
    label = marker.label if marker else (re.sub(r"\W", "", number) or str(index))
    assignment = Assignment(labelled=True)
    for kind in ("lead", "participant", "responsible"):
        for cell in by_kind.get(kind, []):
            part = parse_assignment(f"{_LABEL_FOR[kind]}:{fold(cell)}")
            assignment.merge(part)
    for cell in by_kind.get("leader", []):
        assignment.others += [(n, "分管领导") for n in parse_names(fold(cell))]
    deadline = " ".join(by_kind.get("deadline", [])).strip()
    assignment.deadline = deadline or assignment.deadline
    return TableRow(line, Marker(ROW_LEVEL, label, 0), text, assignment)


_LABEL_FOR = {"lead": "牵头单位", "participant": "配合单位", "responsible": "责任单位"}
