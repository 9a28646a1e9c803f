"""The progress model: what returned forms say, how each was judged, and the state of every task.

Readers produce :class:`ReturnedForm`; the check turns one into a :class:`ReturnCheck`; collecting
makes one :class:`Progress` of the whole plan, which every progress writer renders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from matrix.model import Task
from matrix.progress.layout import STATUSES


class ReturnState(StrEnum):
    """How a department stands in a collection round."""

    RETURNED = "已报送"
    MISSING = "未报送"
    INVALID = "无效"
    """Its form came back but cannot be used (wrong plan, edited locked cells, values out of range)."""


NOT_REPORTED = "未报送"
"""A task's status when no department in it has reported."""
STATUS_ORDER = (*STATUSES, NOT_REPORTED)
"""Every task status, in the order counts list them."""


@dataclass(frozen=True)
class StampTask:
    """A task row as the stamp lists it: its row, task id, content hash and cells hash."""

    row: int
    task_id: str
    content: str
    cells: str


@dataclass(frozen=True)
class Stamp:
    """What a form says of itself: the plan it was made from, the department, the version."""

    plan_fingerprint: str
    department: str
    form_version: str
    plan_title: str = ""
    tasks: tuple[StampTask, ...] = ()
    cells: dict[str, str] = field(default_factory=dict)
    """Where the footer inputs are: label (填报人, 联系电话, 填报日期) → cell (``C30``)."""
    from_sheet: bool = True
    """False when the hidden sheet was gone and the stamp came from the custom properties."""


@dataclass(frozen=True)
class ReturnedRow:
    """A task row as read back: the pre-filled cells and the inputs, raw."""

    row: int
    cells: dict[str, str]
    """Pre-filled header → text as found."""
    progress: str
    status: str
    percent: object
    """As the cell holds it: a number, a text, or None."""
    problems: str
    next_steps: str


@dataclass(frozen=True)
class ReceivedFile:
    """A returned file as received: where it came from and its kept copy under ``returns/``."""

    original: Path
    stored: Path
    sha256: str
    mtime: dt.datetime


@dataclass
class ReturnedForm:
    """A returned workbook as read: its stamp, visible department, rows and footer inputs."""

    file: ReceivedFile
    stamp: Stamp
    department_cell: str
    rows: list[ReturnedRow]
    contact: str = ""
    phone: str = ""
    filled: dt.date | None = None
    filled_raw: str = ""
    cleaned: int = 0
    """Characters no document can hold, removed from what the bureau typed."""


@dataclass(frozen=True)
class Report:
    """One department's report on one task of the current plan."""

    task_id: str
    department: str
    role: str
    status: str | None
    """One of :data:`~matrix.progress.layout.STATUSES`, or None when left blank."""
    percent: int | None
    progress: str = ""
    problems: str = ""
    next_steps: str = ""


@dataclass
class ReturnCheck:
    """A returned form held against the current plan.

    ``problems`` make the return unusable (its reports are not counted); ``notes`` are worth
    telling (an earlier plan version, tasks that no longer exist, rows left blank).
    """

    file: ReceivedFile
    form: ReturnedForm | None
    department: str | None
    reports: list[Report] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    older_version: bool = False

    @property
    def valid(self) -> bool:
        """True when the return can be used."""
        return self.form is not None and self.department is not None and not self.problems

    @property
    def filled(self) -> dt.date | None:
        """The form's own fill date, if the bureau gave one."""
        return self.form.filled if self.form else None

    @property
    def when(self) -> tuple[dt.date, dt.datetime]:
        """What orders two returns of one department: the fill date, else the file's time."""
        mtime = self.file.mtime
        return (self.filled or mtime.date(), mtime)


@dataclass
class DepartmentReturn:
    """A department's standing: its state, the return used, every file it sent, and why."""

    name: str
    state: ReturnState
    used: ReturnCheck | None = None
    checks: list[ReturnCheck] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    contact: str | None = None
    phone: str | None = None
    overdue: list[str] = field(default_factory=list)
    """Ids of the overdue tasks it takes part in and has not reported done."""
    tasks: int = 0


@dataclass
class TaskProgress:
    """A task of the current plan with every report on it (the leads' first) and its standing."""

    task: Task
    no: int
    leads: list[str]
    participants: list[str]
    due: dt.date | None
    reports: list[Report] = field(default_factory=list)
    status: str = NOT_REPORTED
    """The leads' status (the first lead that reported), else :data:`NOT_REPORTED`."""
    overdue: bool = False
    silent: list[str] = field(default_factory=list)
    """Departments of the task that have no report on it."""

    @property
    def lagging(self) -> bool:
        """Some department reports the task as 滞后."""
        return any(r.status == "滞后" for r in self.reports)


@dataclass
class Progress:
    """One collection round: every task's standing and every department's return."""

    plan_title: str
    plan_stem: str
    fingerprint: str
    as_of: dt.date
    tasks: list[TaskProgress]
    departments: list[DepartmentReturn]
    unattributed: list[ReturnCheck] = field(default_factory=list)
    """Files that could not be tied to any department (not a form, unreadable, another plan)."""

    def counts(self) -> dict[str, int]:
        """Tasks by status, every status present (zero when none)."""
        out = dict.fromkeys(STATUS_ORDER, 0)
        for t in self.tasks:
            out[t.status] += 1
        return out

    def by_state(self, state: ReturnState) -> list[DepartmentReturn]:
        """The departments in ``state``, in display order."""
        return [d for d in self.departments if d.state is state]

    @property
    def overdue(self) -> list[TaskProgress]:
        """Tasks past their deadline and not reported done."""
        return [t for t in self.tasks if t.overdue]

    @property
    def lagging(self) -> list[TaskProgress]:
        """Tasks some department reports as 滞后."""
        return [t for t in self.tasks if t.lagging]

    def to_remind(self) -> list[DepartmentReturn]:
        """Departments that get a 催办通知: no usable return, or overdue tasks."""
        return [d for d in self.departments if d.state is not ReturnState.RETURNED or d.overdue]
