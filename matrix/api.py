"""The library's front door: read a plan file, parse it, and return its graph."""

from __future__ import annotations

from pathlib import Path

from matrix.graph import PlanGraph
from matrix.model import Plan
from matrix.parsers.plan import parse_document
from matrix.readers import read_document
from matrix.settings import Settings, load_settings


def parse_plan(path: str | Path, settings: Settings | None = None) -> Plan:
    """Read and parse the plan at ``path`` (.txt, .docx, .doc, .wps or .pdf) into a :class:`Plan`.

    ``settings`` defaults to the plan's own settings file (``<plan stem>.toml`` beside it); its
    corrections are applied before anything else sees the plan, and a stale one is an error
    finding.  A duty workbook read back already shows its corrections, and gets none again.
    Raises :class:`matrix.errors.InputError` with a plain message when the file cannot be read.
    """
    path = Path(path)
    if settings is None:
        settings = load_settings(path)
    document = read_document(path)
    plan = parse_document(document, settings)
    if settings.corrections and document.plan is None:
        from matrix.corrections import corrected_plan

        plan = corrected_plan(plan, settings)
    return plan


def load_plan(path: str | Path, settings: Settings | None = None) -> PlanGraph:
    """Read and parse the plan at ``path`` and return it as a :class:`PlanGraph`."""
    return PlanGraph(parse_plan(path, settings))
