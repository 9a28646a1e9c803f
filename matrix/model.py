"""The plan model: plain dataclasses shared by readers, parsers, the graph, views and renderers.

A plan (行动计划, 实施方案, 工作要点) is an outline of sections holding tasks; each task names the
departments that lead it (牵头) and those that take part (参与, 配合), and sometimes bodies with
another role (指导, 落实).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """The part a department plays in a task."""

    LEAD = "lead"
    """牵头: leads the task; the first lead of a task is its primary lead."""
    PARTICIPANT = "participant"
    """参与, 配合, 协助: takes part under the leads."""
    OTHER = "other"
    """Another role, such as 指导 (guides) or 落实 (implements); the role word says which."""

    @property
    def label(self) -> str:
        """The role's Chinese word as a clerk writes it."""
        return {"lead": "牵头", "participant": "参与", "other": "其他"}[self.value]


class Severity(StrEnum):
    """How much a finding matters: an error makes outputs wrong, a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"


OWN_CELL, MERGED_LEFT, MERGED_ABOVE = "", "left", "above"
"""Where a table cell's text comes from (:attr:`Line.merged`)."""


@dataclass(frozen=True)
class Line:
    """One line of a plan as read from its file: the text and its number in the source.

    For a .txt file the number is the line number; for a .docx it is the paragraph number
    (table rows count as paragraphs, in document order); for a workbook it is the row number,
    the rows of each later sheet numbered after those of the sheets before it, and ``sheet`` and
    ``row`` say where the row stands.
    """

    number: int
    text: str
    cells: tuple[str, ...] | None = None
    """For a table row: its cells' texts (``text`` then joins them with tabs)."""
    merged: tuple[str, ...] | None = None
    """For a table row read from a grid (Word, Excel): where each cell's text comes from, as
    :data:`OWN_CELL`, :data:`MERGED_LEFT` (the place of a cell merged across columns, left empty) or
    :data:`MERGED_ABOVE` (a cell merged down from the row above, its text repeated)."""
    sheet: str | None = None
    """For a workbook row: the worksheet's name."""
    row: int | None = None
    """For a workbook row: its row number on its worksheet."""


@dataclass(frozen=True)
class Document:
    """A plan file as read: its lines in order, before any parsing."""

    source: str
    lines: list[Line]
    kind: str = "txt"
    notes: list[Finding] = field(default_factory=list)
    """What reading the file noticed before any parsing (a worksheet skipped as holding no tasks)."""
    plan: Plan | None = None
    """A plan already read as tasks (a duty workbook matrix wrote, from its stamp): no parsing."""


@dataclass(frozen=True)
class Finding:
    """Something the parser noticed at a line: an error or a warning, in a plain sentence."""

    line: int
    message: str
    severity: Severity = Severity.WARNING
    sheet: str | None = None
    """The worksheet ``line`` is a row of, for a plan read from a workbook."""

    @property
    def place(self) -> str:
        """Where the finding stands, as a clerk reads it: ``第12行``, ``任务分解表 第12行``, or ""
        for a finding about the whole plan (line 0)."""
        if not self.line:
            return self.sheet or ""
        return f"{self.sheet} 第{self.line}行" if self.sheet else f"第{self.line}行"


@dataclass(frozen=True)
class OtherRole:
    """A body named with a role that is neither lead nor participant (指导, 落实, 督导), or a person
    named with a label (分管领导, 联系人): ``person`` is True for people, who are never sent anything."""

    name: str
    role: str
    person: bool = False


@dataclass
class Section:
    """A heading of the outline (一、 / （一） / 1. ...) that holds tasks or other sections."""

    id: str
    outline: tuple[str, ...]
    title: str
    line: int
    parent: str | None = None
    sheet: str | None = None
    """The worksheet ``line`` is a row of, for a plan read from a workbook."""


@dataclass
class Task:
    """A unit of work with its own assignment: who leads it, who takes part, and by when.

    ``outline`` holds the numbering markers on the path to the task without decoration
    (``("二", "一", "1")``); ``id`` joins them with dots.  ``text`` is the task's own text after
    its number with its assignment brackets taken out (as letters print it; ``written`` keeps
    them); ``leads`` are ordered and the first is the primary lead (第一牵头单位).
    """

    id: str
    outline: tuple[str, ...]
    title: str
    text: str
    line: int
    leads: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    others: list[OtherRole] = field(default_factory=list)
    deadline: str | None = None
    section: str | None = None
    sheet: str | None = None
    """The worksheet ``line`` is a row of, for a plan read from a workbook; None for other plans."""
    corrected: bool = False
    """True when a correction in the settings file replaced what the text gives."""
    written: str = ""
    """The task's text as the plan writes it, its assignment brackets included; empty when it is
    ``text`` (a task read from a table's columns)."""

    @property
    def primary_lead(self) -> str | None:
        """The first lead (第一牵头单位), or None for a task with no lead."""
        return self.leads[0] if self.leads else None

    def role_of(self, department: str) -> Role | None:
        """The role ``department`` has in this task, or None."""
        if department in self.leads:
            return Role.LEAD
        if department in self.participants:
            return Role.PARTICIPANT
        if any(o.name == department for o in self.others):
            return Role.OTHER
        return None


@dataclass
class Department:
    """A department (部门, 单位) named in a plan, under its canonical name.

    ``aliases`` are other names that mean the same body in this plan (``市知识产权局`` for
    ``市科技局``); ``former_names`` (曾用名) come from the settings file and let a revision
    report a renamed bureau as renamed.
    """

    name: str
    aliases: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    contact: str | None = None
    phone: str | None = None
    is_person: bool = False
    """True for a person (分管领导, 联系人, a leader named in a heading): kept in the graph, sent nothing."""


@dataclass
class Plan:
    """A parsed plan: its title, sections, tasks, departments in display order and findings."""

    title: str | None
    source: str
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    name: str | None = None
    """The plan file's name when ``source`` is not the plan itself (a duty workbook read back
    names the plan it was built from); its stem names the outputs."""

    @property
    def warnings(self) -> list[Finding]:
        """Every finding, errors and warnings alike, in line order."""
        return sorted(self.findings, key=lambda f: f.line)

    @property
    def errors(self) -> list[Finding]:
        """The findings that make outputs wrong."""
        return [f for f in self.warnings if f.severity is Severity.ERROR]
