"""The Excel duty workbook (``<plan stem>-分工表.xlsx``): 任务分工表, 责任矩阵, 部门汇总, 说明.

A view of one :class:`~matrix.graph.PlanGraph`; the same plan always gives the same bytes, so a
workbook can be checked into a repository or compared by hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from matrix.graph import PlanGraph
from matrix.paths import output_path, safe_filename
from matrix.readers.duty_workbook import STAMP_SHEET
from matrix.render.xlsx.format import CellWriter, register_styles
from matrix.render.xlsx.sheets import fill_matrix, fill_notes, fill_summary, fill_tasks
from matrix.render.xlsx.stamp import fill_stamp, stamp_rows
from matrix.settings import Settings

SHEETS = ("任务分工表", "责任矩阵", "部门汇总", "说明")
"""The workbook's sheet names, in order; the hidden stamp sheet ``_matrix`` follows them."""

FIXED_TIME = dt.datetime(2000, 1, 1)
"""The created and modified time stamped into every workbook, so that builds are byte-identical."""

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


@dataclass
class WorkbookResult:
    """A built workbook: its bytes and what the writer had to change to write it."""

    data: bytes
    warnings: list[str] = field(default_factory=list)


def workbook_name(graph: PlanGraph) -> str:
    """The workbook's file name: ``<plan stem>-分工表.xlsx``, safe on every OS."""
    stem = graph.stem if graph.source else ""
    return safe_filename(f"{stem or '计划'}-分工表") + ".xlsx"


def source_digest(graph: PlanGraph) -> str | None:
    """The SHA-256 of the plan's source file, or None when it cannot be read."""
    try:
        return hashlib.sha256(Path(graph.source).read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None


def render_workbook(graph: PlanGraph, settings: Settings) -> WorkbookResult:
    """Build the workbook in memory."""
    wb, (tasks_ws, matrix_ws, summary_ws, notes_ws) = new_workbook(SHEETS, register_styles)
    title = graph.title or "计划"
    cw = CellWriter()
    title = cw.clean(title, "计划标题")
    fill_tasks(cw, tasks_ws, graph, title)
    fill_matrix(cw, matrix_ws, graph, title)
    fill_summary(cw, summary_ws, graph, title)
    digest = source_digest(graph)
    fill_notes(cw, notes_ws, graph, settings, digest)
    # the stamp last: a hidden sheet after the four a clerk sees
    fill_stamp(cw, wb.create_sheet(STAMP_SHEET), stamp_rows(graph, settings, digest))

    return WorkbookResult(workbook_file_bytes(wb, f"{title}任务分工表"), cw.warnings)


def new_workbook(
    names: Sequence[str], register: Callable[[Workbook], None]
) -> tuple[Workbook, list[Worksheet]]:
    """A new workbook with ``register``'s named styles and one sheet per name, in order."""
    wb = Workbook()
    register(wb)
    first = wb.active
    assert first is not None  # a new workbook always has its first sheet
    first.title = names[0]
    return wb, [first, *(wb.create_sheet(name) for name in names[1:])]


def workbook_file_bytes(wb: Workbook, title: str) -> bytes:
    """A finished openpyxl workbook's file bytes, the same for the same content: fixed document
    times, fixed zip entry times (every workbook matrix writes goes through here)."""
    wb.properties.creator = "matrix"
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    # What Workbook.save does, into a zip that stamps each entry as stable_zip would: the same
    # bytes as saving and re-zipping, with every part deflated once instead of twice.
    with _StableZip(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return raw.getvalue()


class _StableZip(zipfile.ZipFile):
    """A zip being written whose entries get the fixed time and attributes :func:`stable_zip`
    gives, and whose core properties get the fixed modified time."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Add ``data`` as the entry ``zinfo_or_arcname`` (only its name is kept)."""
        info = zinfo_or_arcname
        name = info.filename if isinstance(info, zipfile.ZipInfo) else info
        body = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        super().writestr(_entry(name), _stamped(name, body))

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """Add the file ``filename`` as the entry ``arcname`` (openpyxl's worksheets come so)."""
        self.writestr(str(arcname or filename), Path(filename).read_bytes())


def _entry(name: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0  # the same bytes whichever OS builds the file
    entry.external_attr = 0
    return entry


def _stamped(name: str, body: bytes) -> bytes:
    if name == "docProps/core.xml":
        stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
        body = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", body)
    return body


def workbook_bytes(graph: PlanGraph, settings: Settings) -> bytes:
    """The workbook's bytes: the same plan and settings always give the same bytes."""
    return render_workbook(graph, settings).data


def write_workbook(
    graph: PlanGraph,
    settings: Settings,
    out_dir: Path,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write ``out_dir/<plan stem>-分工表.xlsx`` and return its path; ``warn`` hears each warning.

    A partial build (:func:`matrix.build.plan.build` limited to the workbook): staged, then moved into
    place, recorded in the manifest, and left alone when nothing changed.
    """
    from matrix.build.plan import BuildOptions, build

    name = workbook_name(graph)
    options = BuildOptions(letters=False, forms=False, warn=warn or (lambda message: None))
    build(graph, settings, out_dir, options, scope=(name,))
    return output_path(out_dir, name)


def stable_zip(data: bytes) -> bytes:
    """``data`` re-zipped with fixed entry times and attributes, in openpyxl's (stable) order.

    openpyxl stamps the save time into docProps/core.xml and into every zip entry; both go.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(_entry(info.filename), _stamped(info.filename, src.read(info.filename)))
    return out.getvalue()
