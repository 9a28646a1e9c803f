"""Classifying a plan's lines: outline items, paragraphs, lines that are only an assignment, debris."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrix.model import Finding, Line, Severity
from matrix.parsers.assignment import Assignment, parse_assignment
from matrix.parsers.brackets import Group, outer_groups
from matrix.parsers.normalize import clean, fold, is_debris
from matrix.parsers.outline import Marker, find_marker
from matrix.parsers.table import Header, merge_second_header, read_header, read_row, split_row

_ROLE_HINT = re.compile(r"牵头|负责|参与|配合|协助|指导|落实|单位\s*:|部门\s*:|科室\s*:")
# 【责任单位】A、B reads as 责任单位: A、B (same length, so positions still match the text)
_BRACKETED_LABEL = re.compile(r"^\[(牵头单位|责任单位|配合单位|参与单位|责任部门|牵头部门|完成时限)\]")
_LABEL_LINE = re.compile(
    r"^\s*(牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|责任科室|配合单位|配合部门|参与单位|"
    r"协办单位|协助单位|主办单位|承办单位|完成时限)\s*:"
)


@dataclass
class Inline:
    """An assignment bracket inside a line: where it sits and what it says."""

    group: Group
    assignment: Assignment


@dataclass
class Para:
    """A non-empty line of the plan, classified.

    ``kind`` is ``item`` (starts with an outline marker), ``para`` (a paragraph of text),
    ``pure`` (the line is only an assignment: a bracket on its own line or a labelled line such as
    ``责任单位:A、B``) or ``row`` (a row of a task table, its assignment read from its columns).
    """

    line: int
    text: str
    folded: str
    kind: str
    marker: Marker | None = None
    inlines: list[Inline] = field(default_factory=list)
    pure: Assignment | None = None

    @property
    def body_start(self) -> int:
        """Where the line's own text starts, after its outline marker."""
        return self.marker.end if self.marker else 0


def _inlines(folded: str, start: int, line: int, findings: list[Finding]) -> list[Inline]:
    out: list[Inline] = []
    for group in outer_groups(folded[start:]):
        group = Group(group.start + start, group.end + start, group.closed)
        inner = group.inner(folded)
        if not _ROLE_HINT.search(inner):
            continue
        assignment = parse_assignment(inner)
        if assignment.is_empty:
            continue
        if not group.closed:
            findings.append(Finding(line, "括号没有闭合, 已尽量读取其中的单位", Severity.ERROR))
        out.append(Inline(group, assignment))
    return out


def _maybe_row(line: Line) -> bool:
    return line.cells is not None or "\t" in line.text or "|" in line.text or "  " in line.text.strip()


class _Tables:
    """The task table being read, if any: its header and how many rows it has had."""

    def __init__(self) -> None:
        self.header: Header | None = None
        self.rows = 0
        self.fresh = False

    def read(self, line: Line) -> Para | bool | None:
        """A row of the table as a Para; True for a header line (skipped); None for other lines."""
        if not _maybe_row(line):
            return None
        cells = split_row(line, self.header.width if self.header else None)
        if self.header is None:
            self.header = read_header(cells)
            self.rows, self.fresh = 0, True
            return True if self.header else None
        if self.fresh and merge_second_header(self.header, cells):
            self.fresh = False
            return True
        self.fresh = False
        self.rows += 1
        row = read_row(self.header, cells, line.number, self.rows)
        if row is None:
            return None
        return Para(line.number, row.text, fold(row.text), "row", row.marker, pure=row.assignment)

    def leave(self, line: Line, text: str) -> None:
        """Close the table at a line that is neither a row nor a heading between rows."""
        if self.header is not None and not find_marker(fold(text)):
            self.header = None


def classify(lines: list[Line], findings: list[Finding]) -> list[Para]:
    """The plan's non-empty, non-debris lines, each classified, in order."""
    out: list[Para] = []
    tables = _Tables()
    for line in lines:
        row = tables.read(line)
        if row is True:
            continue
        if isinstance(row, Para):
            out.append(row)
            continue
        text = clean(line.text).strip()
        if line.cells is not None:  # a merged row (一、产业创新 across the table) reads as its text
            text = " ".join(c for c in line.cells if c.strip()).strip()
        if not text or is_debris(text):
            continue
        tables.leave(line, text)
        folded = _BRACKETED_LABEL.sub(lambda m: f"{m.group(1)}: ", fold(text), count=1)
        marker = find_marker(folded)
        para = Para(line.number, text, folded, "item" if marker else "para", marker)
        stripped = folded.strip()
        if marker is None and _LABEL_LINE.match(stripped):
            assignment = parse_assignment(stripped)
            if not assignment.is_empty:
                para.kind, para.pure = "pure", assignment
                out.append(para)
                continue
        para.inlines = _inlines(folded, para.body_start, line.number, findings)
        if (
            marker is None
            and len(para.inlines) == 1
            and para.inlines[0].group.start == 0
            and not folded[para.inlines[0].group.end :].strip(" 。.;")
        ):
            para.kind, para.pure, para.inlines = "pure", para.inlines[0].assignment, []
        out.append(para)
    return out


def own_text(para: Para, start: int | None = None, end: int | None = None) -> str:
    """The line's text (as written) between two positions, its assignment brackets taken out."""
    start = para.body_start if start is None else start
    end = len(para.text) if end is None else end
    pieces: list[str] = []
    pos = start
    for inline in para.inlines:
        if inline.group.end <= start or inline.group.start >= end:
            continue
        pieces.append(para.text[pos : max(pos, inline.group.start)])
        pos = max(pos, inline.group.end)
    pieces.append(para.text[pos:end])
    return "".join(pieces).strip()
