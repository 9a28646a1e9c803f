"""The duty workbook's stamp: a hidden sheet ``_matrix`` saying which plan and settings made it.

It lets ``matrix`` read the workbook back as a plan (:mod:`matrix.readers.duty_workbook`, which
holds the layout): the plan's file name and hash, its title, the full settings file, and each
department, section and task as the build saw them.  Every value goes through the
:class:`CellWriter`, so text stays text.
"""

from __future__ import annotations

import json

from openpyxl.worksheet.worksheet import Worksheet

from matrix.graph import PlanGraph
from matrix.readers.duty_workbook import CHUNK, KIND, STAMP_SHEET, VERSION
from matrix.render.xlsx.format import CellWriter
from matrix.render.xlsx.sheets import section_label
from matrix.settings import Settings


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def stamp_rows(graph: PlanGraph, settings: Settings, digest: str | None) -> list[list[str]]:
    """The stamp's rows: ``key | value`` and one row per settings piece, department, section, task."""
    rows = [
        ["generator", "matrix"],
        ["kind", KIND],
        ["version", VERSION],
        ["plan", graph.file_name],
        ["plan_sha256", digest or ""],
        ["title", graph.title or ""],
    ]
    text = settings.text
    rows += [["settings", text[i : i + CHUNK]] for i in range(0, len(text), CHUNK)]
    for d in graph.departments(people=True):
        data = {
            "aliases": d.aliases,
            "former_names": d.former_names,
            "contact": d.contact,
            "phone": d.phone,
            "person": d.is_person,
        }
        rows.append(["department", d.name, _json(data)])
    for s in graph.sections():
        section: dict[str, object] = {"outline": list(s.outline), "title": s.title, "line": s.line}
        section |= {"parent": s.parent, "label": section_label(s)}
        rows.append(["section", s.id, _json(section)])
    for t in graph.tasks():
        task: dict[str, object] = {
            "outline": list(t.outline),
            "section": t.section,
            "leads": graph.leads(t),
            "participants": graph.participants(t),
            "others": [[o.name, o.role, o.person] for o in graph.others(t)],
            "corrected": t.corrected,
        }
        rows.append(["task", t.id, _json(task)])
    return rows


def fill_stamp(cw: CellWriter, ws: Worksheet, rows: list[list[str]]) -> None:
    """Write the stamp's rows into ``ws`` (named ``_matrix``) and hide it."""
    assert ws.title == STAMP_SHEET
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            cw.put(ws, r, c, value, "mx-plain", STAMP_SHEET)
    ws.sheet_state = "hidden"
