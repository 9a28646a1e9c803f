"""The stamp of a duty workbook: the hidden sheet ``_matrix`` that ``matrix build`` writes.

It keeps the plan's file name and hash, its title, the full settings file, and each department,
section and task as the build saw them; :func:`read_stamp` reads it, or returns None for any
workbook matrix did not write.  The writer (:mod:`matrix.render.xlsx.stamp`) shares this layout.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.errors import InputError
from matrix.model import Department, Section
from matrix.readers.limits import MAX_PLAN_BYTES
from matrix.zip_limits import workbook_size

STAMP_SHEET = "_matrix"
TASK_SHEET = "任务分工表"
"""The sheet a clerk edits, read with the stamp in one pass."""


KIND = "duty-workbook"
"""The stamp's ``kind``: tells a duty workbook from a progress form (``kind`` = progress-form)."""


VERSION = "1"


MAX_CELLS = 4_000_000
"""Cells (or padded row cells) a duty workbook may declare before it is loaded: a 5,000-task plan's
workbook declares about a million."""


CHUNK = 30000
"""The settings text is kept in pieces of at most this many characters (a cell holds 32,767)."""


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


def load_stamped(path: Path) -> tuple[Stamp | None, list[tuple[str, ...]]]:
    info = path.stat()
    if info.st_size > MAX_PLAN_BYTES:  # read_document refuses it with the size in its message
        return None, []
    return _load(str(path.resolve()), info.st_mtime_ns, info.st_size)


def read_stamp(path: Path) -> Stamp | None:
    """The stamp of the duty workbook at ``path``, or None when it is not one matrix wrote."""
    return load_stamped(path)[0]
