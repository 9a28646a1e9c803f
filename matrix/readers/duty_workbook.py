"""The duty workbook read back: ``<plan stem>-分工表.xlsx`` as matrix wrote it, perhaps edited since.

``matrix build`` stamps its workbook with a hidden sheet ``_matrix``: the plan's file name and
hash, its title, the full settings file, and each department, section and task as the build saw
them.  A stamped workbook is read from its ``任务分工表`` sheet only, the clerk's edits included;
the stamp fills in what the sheet does not show (a task's section, a department's aliases and
contact) and keeps a list exactly as it was where its cell was not edited.  Any other .xlsx is
not a duty workbook, and :func:`read_stamp` says so by returning None.

The writer (:mod:`matrix.render.xlsx.stamp`) and this reader share the layout below.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from matrix.errors import InputError
from matrix.model import Department, Document, Finding, OtherRole, Plan, Section, Task
from matrix.zip_limits import workbook_size

STAMP_SHEET = "_matrix"
KIND = "duty-workbook"
"""The stamp's ``kind``: tells a duty workbook from a progress form (``kind`` = progress-form)."""
VERSION = "1"
TASK_SHEET = "任务分工表"
TITLE_SUFFIX = "任务分工表"
"""The task sheet's first row is the plan's title followed by this."""
HEADERS = {"序号": "no", "任务": "label", "具体内容": "text", "牵头单位": "leads", "参与单位": "participants"}
HEADERS |= {"其他单位": "others", "完成时限": "deadline"}
"""The task sheet's column headings (row 2) and what each column holds."""
MAX_CELLS = 4_000_000
"""Cells (or padded row cells) a duty workbook may declare before it is loaded: a 5,000-task plan's
workbook declares about a million."""
CHUNK = 30000
"""The settings text is kept in pieces of at most this many characters (a cell holds 32,767)."""


def names_cell(names: list[str]) -> str:
    """How a list of names is written in one cell."""
    return "、".join(names)


def others_cell(others: list[OtherRole]) -> str:
    """How other roles are written in one cell: ``市审计局（监督）、…``."""
    return "、".join(f"{o.name}（{o.role}）" for o in others)


@dataclass
class Stamp:
    """What a duty workbook's hidden sheet says of the build that wrote it."""

    plan: str = ""
    plan_sha256: str = ""
    title: str | None = None
    settings: str = ""
    departments: list[Department] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    """Each section by the heading its row shows (``二、主要任务``)."""
    tasks: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Each task's data by id: outline, section, leads, participants, others, corrected."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: int, size: int) -> tuple[Stamp | None, list[tuple[str, ...]]]:
    """The stamp and the task sheet's rows of the workbook at ``path`` (as of ``mtime``)."""
    from openpyxl import load_workbook

    try:  # what it declares, counted before it is loaded (a small file may declare millions of cells)
        with zipfile.ZipFile(path) as archive:
            declared = workbook_size(archive, MAX_CELLS)
    except Exception:  # not a zip: not a workbook, not ours either
        return None, []
    if max(declared.cells, declared.padded) > MAX_CELLS:
        raise InputError(
            f"工作簿声明的单元格超过 {MAX_CELLS:,} 个的上限 (读入需要过多内存), 已拒绝读取",
            path=path,
        )
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # not a workbook openpyxl can open: not ours either
        return None, []
    try:
        if STAMP_SHEET not in wb.sheetnames:
            return None, []
        stamp = _stamp(list(wb[STAMP_SHEET].iter_rows(values_only=True)))
        if stamp is None or TASK_SHEET not in wb.sheetnames:
            return stamp, []
        rows = [tuple(_text(v) for v in row) for row in wb[TASK_SHEET].iter_rows(values_only=True)]
        return stamp, rows
    finally:
        wb.close()


def _stamp(rows: list[tuple[Any, ...]]) -> Stamp | None:
    values: dict[str, str] = {}
    stamp = Stamp()
    chunks: list[str] = []
    try:
        for row in rows:
            cells = [("" if v is None else str(v)) for v in row]
            if not cells or not cells[0]:
                continue
            key, rest = cells[0], [*cells[1:], "", ""]
            if key == "settings":
                chunks.append(rest[0])
            elif key == "department":
                data = json.loads(rest[1])
                stamp.departments.append(
                    Department(
                        rest[0],
                        list(data["aliases"]),
                        list(data["former_names"]),
                        data["contact"],
                        data["phone"],
                        bool(data["person"]),
                    )
                )
            elif key == "section":
                data = json.loads(rest[1])
                section = Section(
                    rest[0], tuple(data["outline"]), data["title"], data["line"], data["parent"]
                )
                stamp.sections[data["label"]] = section
            elif key == "task":
                stamp.tasks[rest[0]] = json.loads(rest[1])
            else:
                values[key] = rest[0]
    except (ValueError, KeyError, TypeError):
        return None
    if values.get("generator") != "matrix" or values.get("kind") != KIND:
        return None
    stamp.plan = values.get("plan", "")
    stamp.plan_sha256 = values.get("plan_sha256", "")
    stamp.title = values.get("title") or None
    stamp.settings = "".join(chunks)
    return stamp


def _loaded(path: Path) -> tuple[Stamp | None, list[tuple[str, ...]]]:
    from matrix.readers import MAX_PLAN_BYTES

    info = path.stat()
    if info.st_size > MAX_PLAN_BYTES:  # read_document refuses it with the size in its message
        return None, []
    return _load(str(path.resolve()), info.st_mtime_ns, info.st_size)


def read_stamp(path: Path) -> Stamp | None:
    """The stamp of the duty workbook at ``path``, or None when it is not one matrix wrote."""
    return _loaded(path)[0]


def read_duty_workbook(path: Path) -> Document:
    """The plan in a stamped duty workbook, from its 任务分工表 sheet (edits included)."""
    stamp, rows = _loaded(path)
    if stamp is None:
        raise InputError("这不是 matrix 生成的分工表", path=str(path))
    if not rows:
        raise InputError(f"分工表中没有 {TASK_SHEET} 工作表 (可能被删除或改名)", path=str(path))
    return Document(str(path), [], kind="duty-workbook", plan=_plan(path, stamp, rows))


def _columns(header: tuple[str, ...], path: Path) -> dict[str, int]:
    cols = {HEADERS[h]: i for i, h in enumerate(header) if h in HEADERS}
    missing = [h for h, k in HEADERS.items() if k not in cols and k not in {"others", "no"}]
    if missing:
        raise InputError(f"{TASK_SHEET} 第2行缺少列 {'、'.join(missing)} (请不要改动表头)", path=str(path))
    return cols


def _canonical(stamp: Stamp) -> dict[str, str]:
    out: dict[str, str] = {}
    if stamp.settings:
        from matrix.settings import settings_from_text

        with contextlib.suppress(InputError):  # a broken stamp: the names as they are
            out.update(settings_from_text(stamp.settings, Path("stamp.toml")).canonical())
    for dept in stamp.departments:
        for alias in dept.aliases:
            out.setdefault(alias, dept.name)
    return out


def _plan(path: Path, stamp: Stamp, rows: list[tuple[str, ...]]) -> Plan:
    from matrix.name_lists import split_names

    if len(rows) < 2:
        raise InputError(f"{TASK_SHEET} 没有表头", path=str(path))
    cols = _columns(rows[1], path)
    known = [d.name for d in stamp.departments]
    canonical = _canonical(stamp)

    def cell(row: tuple[str, ...], key: str) -> str:
        i = cols.get(key)
        return row[i] if i is not None and i < len(row) else ""

    def names(text: str, stamped: list[str]) -> list[str]:
        if text == names_cell(stamped):
            return list(stamped)
        found = [canonical.get(n, n) for n in split_names(text, [*known, *canonical])]
        return list(dict.fromkeys(found))

    def others(text: str, stamped: list[OtherRole]) -> list[OtherRole]:
        if text == others_cell(stamped):
            return list(stamped)
        out = []
        for item in split_names(text, [*known, *(others_cell([o]) for o in stamped)]):
            found = re.fullmatch(r"(.+?)[（(](.+)[）)]", item)
            name, role = (found.group(1), found.group(2)) if found else (item, "其他")
            out.append(OtherRole(canonical.get(name, name), role))
        return out

    heading = rows[0][0] if rows[0] else ""
    title = stamp.title
    if heading != f"{stamp.title or '计划'}{TITLE_SUFFIX}":  # the clerk retitled the sheet
        title = heading.removesuffix(TITLE_SUFFIX).strip() or stamp.title
    sections: dict[str, Section] = {}
    tasks: list[Task] = []
    findings: list[Finding] = []
    current: str | None = None
    ids: set[str] = set()
    for number, row in enumerate(rows[2:], 3):
        filled = [i for i, v in enumerate(row) if v]
        if not filled:
            continue
        if filled == [0] and row[0].isdigit():  # a number alone: an emptied task row
            continue
        if filled == [0]:  # a section heading merged across the row
            section = stamp.sections.get(row[0])
            if section is None:
                section = Section(f"行{number}", (), row[0], number, current)
            sections.setdefault(section.id, section)
            current = section.id
            continue
        label = cell(row, "label")
        task_id, _, heading = label.partition(" ")
        task_id = task_id or f"行{number}"
        if task_id in ids:
            findings.append(Finding(number, f"{TASK_SHEET}中任务编号 {task_id} 重复", sheet=TASK_SHEET))
            task_id = f"{task_id}~{number}"
        ids.add(task_id)
        was = stamp.tasks.get(task_id, {})
        leads = names(cell(row, "leads"), was.get("leads", []))
        participants = [
            p for p in names(cell(row, "participants"), was.get("participants", [])) if p not in leads
        ]
        stamped_others = [OtherRole(o[0], o[1], bool(o[2:] and o[2])) for o in was.get("others", [])]
        other = others(cell(row, "others"), stamped_others) if "others" in cols else stamped_others
        section_id = was.get("section", current) if was else current
        task = Task(
            id=task_id,
            outline=tuple(was.get("outline", task_id.split("."))),
            title=heading.strip(),
            text=cell(row, "text"),
            line=number,
            leads=leads,
            participants=participants,
            others=other,
            deadline=cell(row, "deadline") or None,
            section=section_id,
            corrected=bool(was.get("corrected", False)),
            sheet=TASK_SHEET,  # line is the row there
        )
        tasks.append(task)
        if not task.leads and not task.others:
            findings.append(Finding(number, f"任务 {task_id} 没有牵头单位", sheet=TASK_SHEET))
    if not tasks:
        raise InputError(f"{TASK_SHEET} 中没有任务", path=str(path))
    # the stamp's sections in the plan's order (ancestors included), then any the clerk added
    ordered = {s.id: s for s in stamp.sections.values()} | sections
    return Plan(
        title=title,
        source=str(path),
        sections=list(ordered.values()),
        tasks=tasks,
        departments=_departments(stamp, tasks),
        findings=findings,
        name=stamp.plan or None,
    )


def _departments(stamp: Stamp, tasks: list[Task]) -> list[Department]:
    used: dict[str, None] = {}
    for task in tasks:
        for name in (*task.leads, *task.participants, *(o.name for o in task.others)):
            used.setdefault(name)
    out = [replace(d) for d in stamp.departments if d.name in used]  # the stamp is cached: copies
    done = {d.name for d in out}
    return out + [Department(name) for name in used if name not in done]
