"""One collection round: returned files → kept copies → read → checked → one :class:`Progress`.

Nothing is lost: every file is copied into ``returns/`` under a name with its hash *before* it is
read, so what the bureau sent stays as sent whatever happens next.  A bad file gets its reason
and never stops the others.  When a department sent more than one usable form, the later one
(by its own fill date, else the file's time) is used and the others are reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from matrix.graph import PlanGraph
from matrix.model import Task
from matrix.paths import output_path, safe_filename
from matrix.progress.check import check_return
from matrix.progress.deadline import due_date
from matrix.progress.layout import DONE, plan_fingerprint
from matrix.progress.model import (
    DepartmentReturn,
    Progress,
    ReceivedFile,
    Report,
    ReturnCheck,
    ReturnState,
    TaskProgress,
)
from matrix.readers.returns import MAX_BYTES, ReturnError, read_return
from matrix.settings import Settings

RETURNS_FOLDER = "returns"
"""Where kept copies of returned files go, under the progress folder."""


def gather(paths: Iterable[Path]) -> list[Path]:
    """The files to collect: each file as given, and every .xlsx under each folder (sorted).

    Office's lock files (``~$…``) are skipped.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".xlsx")
            out += sorted(p for p in found if not p.name.startswith("~$"))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def receive(path: Path, returns: Path) -> ReceivedFile:
    """Copy ``path`` into ``returns/<hash>-<name>`` (once per content) and describe it; a file
    too large to be a form is refused before it is read (:class:`ReturnError`)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReturnError(f"文件过大 ({size / 1_000_000:.0f} MB), 不是进展反馈表; 未保存副本")
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime)
    returns.mkdir(parents=True, exist_ok=True)
    stored = output_path(returns, f"{sha[:12]}-{safe_filename(path.name)}")
    if not stored.exists():
        tmp = stored.with_name(f".{stored.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(stored)
        shutil.copystat(path, stored)
    return ReceivedFile(path, stored, sha, mtime)


def examine(graph: PlanGraph, file: ReceivedFile, fingerprint: str) -> ReturnCheck:
    """Read and check one kept file; a file that is no form comes back with its reason."""
    try:
        form = read_return(file)
        return check_return(graph, form, fingerprint)
    except ReturnError as exc:
        dept = exc.department if exc.department in {d.name for d in graph.departments()} else None
        return ReturnCheck(file=file, form=None, department=dept, problems=[str(exc)])
    except Exception as exc:  # a hostile file is reported, never fatal to the round
        reason = f"表格内容异常, 无法读取 ({type(exc).__name__})"
        return ReturnCheck(file=file, form=None, department=None, problems=[reason])


def _choose(dept: DepartmentReturn) -> None:
    valid = sorted((c for c in dept.checks if c.valid), key=lambda c: c.when)
    if valid:
        dept.state, dept.used = ReturnState.RETURNED, valid[-1]
        dept.reasons += dept.used.notes
    elif dept.checks:
        dept.state = ReturnState.INVALID
        latest = max(dept.checks, key=lambda c: c.when)
        dept.reasons += latest.problems
    if len(dept.checks) > 1:
        names = "、".join(c.file.original.name for c in sorted(dept.checks, key=lambda c: c.when))
        used = f", 采用 {dept.used.file.original.name}" if dept.used else ""
        dept.reasons.insert(0, f"收到 {len(dept.checks)} 份 ({names}){used}")
        for c in dept.checks:
            if c is not dept.used and c.valid:
                dept.reasons.append(f"{c.file.original.name} 较早, 未采用")
            elif c is not dept.used and c.problems and dept.used is not None:
                dept.reasons.append(f"{c.file.original.name} 无效: " + "; ".join(c.problems))


def _task_progress(
    graph: PlanGraph, task: Task, no: int, reports: list[Report], as_of: dt.date
) -> TaskProgress:
    leads, participants = graph.leads(task), graph.participants(task)
    order = {name: i for i, name in enumerate(a.department for a in graph.assignments(task))}
    mine = sorted((r for r in reports if r.task_id == task.id), key=lambda r: order.get(r.department, 99))
    tp = TaskProgress(task, no, leads, participants, due_date(task.deadline), mine)
    lead_status = [r.status for r in mine if r.department in leads and r.status]
    any_status = [r.status for r in mine if r.status]
    if lead_status or any_status:
        tp.status = (lead_status or any_status)[0]
    done = tp.status == DONE
    tp.overdue = tp.due is not None and tp.due < as_of and not done
    reported = {r.department for r in mine if r.status or r.progress}
    tp.silent = [a.department for a in graph.assignments(task) if a.department not in reported]
    return tp


def collect(
    graph: PlanGraph,
    settings: Settings,
    paths: Iterable[Path],
    progress_dir: Path,
    as_of: dt.date,
) -> Progress:
    """Keep, read and check every returned file and make the round's :class:`Progress`."""
    from matrix.views.document import department_contact, plan_name

    fingerprint = plan_fingerprint(graph)
    returns = output_path(progress_dir, RETURNS_FOLDER)
    checks = []
    for path in gather(paths):
        try:
            file = receive(path, returns)
        except OSError as exc:  # unreadable as a file at all: reported, never fatal
            lost = ReceivedFile(path, path, "", dt.datetime.fromtimestamp(0))
            checks.append(ReturnCheck(lost, None, None, problems=[f"无法读取文件: {exc.strerror or exc}"]))
            continue
        except ReturnError as exc:
            lost = ReceivedFile(path, path, "", dt.datetime.fromtimestamp(0))
            checks.append(ReturnCheck(lost, None, None, problems=[str(exc)]))
            continue
        checks.append(examine(graph, file, fingerprint))
    departments = {d.name: DepartmentReturn(d.name, ReturnState.MISSING) for d in graph.departments()}
    unattributed = []
    for check in checks:
        dept = departments.get(check.department or "")
        if dept is None:
            unattributed.append(check)
        else:
            dept.checks.append(check)
    for dept in departments.values():
        _choose(dept)
        dept.contact, dept.phone = department_contact(graph, settings, dept.name)
        dept.tasks = len(graph.duties(dept.name))
    reports = [r for d in departments.values() if d.used for r in d.used.reports]
    tasks = [_task_progress(graph, t, i, reports, as_of) for i, t in enumerate(graph.tasks(), 1)]
    for tp in tasks:
        if not tp.overdue:
            continue
        for a in graph.assignments(tp.task):
            own = next((r for r in tp.reports if r.department == a.department), None)
            if a.department in departments and (own is None or own.status != DONE):
                departments[a.department].overdue.append(tp.task.id)
    return Progress(
        plan_title=plan_name(graph),
        plan_stem=graph.stem or "计划",
        fingerprint=fingerprint,
        as_of=as_of,
        tasks=tasks,
        departments=list(departments.values()),
        unattributed=unattributed,
    )
