"""Classifying a plan's lines: outline items, paragraphs, lines that are only an assignment, debris."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrix.model import Finding, Line, Severity
from matrix.parsers.assignment import Assignment, parse_assignment
from matrix.parsers.brackets import Group, balance, outer_groups
from matrix.parsers.normalize import clean, fold, is_debris, strip_debris
from matrix.parsers.outline import Marker, find_marker
from matrix.parsers.table import Header, merge_second_header, read_header, read_row, split_row

_ROLE_HINT = re.compile(r"牵头|负责|参与|配合|协助|指导|落实|单位\s*:|部门\s*:|科室\s*:")
_LABELS = (
    r"(牵头单位|牵头部门|责任单位|责任部门|负责单位|负责部门|责任科室|配合单位|配合部门|参与单位|"
    r"协办单位|协助单位|主办单位|承办单位|完成时限)"
)
# 【责任单位】A、B reads as 责任单位: A、B (same length, so positions still match the text)
_BRACKETED_LABEL = re.compile(r"\[" + _LABELS + r"\]")
_LABEL_LINE = re.compile(r"^\s*" + _LABELS + r"\s*:")
# 责任单位: written at the end of a task's own line, after its text
_LABEL_IN_LINE = re.compile(r"(?:(?<=[。;.!?\s])|^)" + _LABELS + r"\s*:")
_NOTE = re.compile(r"^\s*(注|备注|附注|说明|注释)\s*\d*\s*[:：]")
_TAIL = " 。.;,"


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
    states_rule: bool = False
    """A bracket in the line states the lead rule (列第一位者为牵头单位) and names nobody."""

    @property
    def body_start(self) -> int:
        """Where the line's own text starts, after its outline marker."""
        return self.marker.end if self.marker else 0


def _inlines(para: Para, findings: list[Finding]) -> list[Inline]:
    """The assignments written inside a line: brackets, a label after the text, a bracket that lost
    its opening half."""
    folded, start = para.folded, para.body_start
    out: list[Inline] = []
    groups = [Group(g.start + start, g.end + start, g.closed) for g in outer_groups(folded[start:])]
    for group in groups:
        inner = group.inner(folded)
        if not group.closed and folded.rstrip(_TAIL).endswith((")", "]")):
            # (…各乡镇(街道配合): the last bracket closes the group; the inner one lost its pair
            inner = balance(folded[group.start + 1 : len(folded.rstrip(_TAIL)) - 1])
            group = Group(group.start, len(folded.rstrip(_TAIL)))
            findings.append(Finding(para.line, "括号不成对, 已按分工读取, 请核对", Severity.ERROR))
        at_end = not folded[group.end :].strip(_TAIL)
        if not _ROLE_HINT.search(inner) and not at_end:
            continue
        # a bracket that ends the line may be a bare list (省数据局、省财政厅) under a lead rule
        assignment = parse_assignment(inner, bare=at_end)
        if assignment.is_empty:
            continue
        if not group.closed:
            findings.append(Finding(para.line, "括号没有闭合, 已尽量读取其中的单位", Severity.ERROR))
        out.append(Inline(group, assignment))
    label = _label_after_text(folded, start, groups)
    if label is not None:
        out.append(label)
    stray = _lost_opening(folded, start, groups)
    if stray is not None:
        findings.append(Finding(para.line, '括号缺少前半个 "(", 已按分工读取', Severity.ERROR))
        out.append(stray)
    return sorted(out, key=lambda i: i.group.start)


def _inside(pos: int, groups: list[Group]) -> bool:
    return any(g.start <= pos < g.end for g in groups)


def _label_after_text(folded: str, start: int, groups: list[Group]) -> Inline | None:
    """``…终身责任制。责任单位: 市住建局(牵头)、市应急局``: the label and what follows it."""
    for m in _LABEL_IN_LINE.finditer(folded, start):
        if m.start() > start and not _inside(m.start(), groups):
            assignment = parse_assignment(folded[m.start() :].strip())
            if not assignment.is_empty or assignment.deadline:
                return Inline(Group(m.start(), len(folded)), assignment)
    return None


def _lost_opening(folded: str, start: int, groups: list[Group]) -> Inline | None:
    """``…完成改造。由A牵头, B配合)``: an assignment whose opening bracket was lost."""
    depth = 0
    for i in range(start, len(folded)):
        ch = folded[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
            elif not folded[i + 1 :].strip(_TAIL):
                begin = max(folded.rfind(stop, start, i) for stop in "。;!?") + 1
                begin = max(begin, start)
                text = folded[begin:i]
                if _ROLE_HINT.search(text) and not _inside(begin, groups):
                    assignment = parse_assignment(text)
                    if not assignment.is_empty:
                        return Inline(Group(begin, i + 1), assignment)
    return None


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
        text = strip_debris(clean(line.text)).strip()
        if line.cells is not None:  # a merged row (一、产业创新 across the table) reads as its text
            text = " ".join(c for c in line.cells if c.strip()).strip()
        if not text or is_debris(text):
            continue
        tables.leave(line, text)
        folded = _BRACKETED_LABEL.sub(lambda m: f" {m.group(1)}:", fold(text))
        marker = find_marker(folded)
        para = Para(line.number, text, folded, "item" if marker else "para", marker)
        stripped = folded.strip()
        if marker is None and _NOTE.match(stripped):
            para.kind = "note"  # 注: … under a table or a list is no task's text
        elif marker is None and _LABEL_LINE.match(stripped):
            assignment = parse_assignment(stripped)
            if not assignment.is_empty or assignment.deadline:
                para.kind, para.pure = "pure", assignment
        else:
            _read_inlines(para, findings)
        out.append(para)
    return out


def _read_inlines(para: Para, findings: list[Finding]) -> None:
    inlines = _inlines(para, findings)
    if (
        para.marker is None
        and len(inlines) == 1
        and not para.folded[: inlines[0].group.start].strip()
        and not para.folded[inlines[0].group.end :].strip(_TAIL)
    ):
        para.kind, para.pure = "pure", inlines[0].assignment  # the line is only an assignment
        return
    para.states_rule = any(_rule_only(i.assignment) for i in inlines)
    para.inlines = [i for i in inlines if not _rule_only(i.assignment)]


def _rule_only(a: Assignment) -> bool:
    return not (a.leads or a.participants or a.others or a.responsible or a.named_nobody)


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
