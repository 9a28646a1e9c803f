"""The library's front door: read and parse a plan into its graph, build its outputs, compare two
versions of it, collect the bureaus' returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from matrix.cleaning import clean, removed
from matrix.graph import PlanGraph
from matrix.model import Document, Finding, Line, Plan
from matrix.parsers.plan import parse_document
from matrix.readers import read_document
from matrix.settings import Settings, load_settings, settings_path
from matrix.sheets import placed, task_sheets

PROGRESS_FOLDER = "progress"
"""The folder of the output folder that ``collect`` writes."""

if TYPE_CHECKING:
    from matrix.build.sync import BuildReport
    from matrix.diff.model import PlanDiff
    from matrix.progress.model import Progress


def parse_plan(path: str | Path, settings: Settings | None = None) -> Plan:
    """Read and parse the plan at ``path`` (.txt, .docx, .doc, .wps, .pdf, .xlsx ...) into a :class:`Plan`.

    ``settings`` defaults to the plan's own settings file (``<plan stem>.toml`` beside it); its
    corrections are applied before anything else sees the plan, and a stale one is an error
    finding.  A duty workbook read back already shows its corrections, and gets none again.
    Raises :class:`matrix.errors.InputError` with a plain message when the file cannot be read.
    """
    path = Path(path)
    if settings is None:
        settings = load_settings(path)
    document, findings = clean_document(read_document(path))
    document = task_sheets(document)
    plan = placed(parse_document(document, settings), document)
    if settings.corrections and document.plan is None:
        from matrix.corrections import corrected_plan

        plan = corrected_plan(plan, settings)
    findings += [Finding(0, warning) for warning in settings.warnings]
    plan.findings.extend(findings)
    return plan


def clean_document(document: Document) -> tuple[Document, list[Finding]]:
    """``document`` without the characters XML cannot hold, and a finding for each line that had any."""
    lines: list[Line] = []
    findings: list[Finding] = []
    for line in document.lines:
        text, count = clean(line.text, breaks=True)
        cells = line.cells
        if cells is not None:
            pairs = [clean(c, breaks=True) for c in cells]
            cells = tuple(c for c, _ in pairs)
            count = max(count, sum(n for _, n in pairs))
        if count:
            findings.append(Finding(line.number, removed(count)))
            line = replace(line, text=text, cells=cells)
        lines.append(line)
    if not findings:
        return document, []
    return replace(document, lines=lines), findings


def load_plan(path: str | Path, settings: Settings | None = None) -> PlanGraph:
    """Read and parse the plan at ``path`` and return it as a :class:`PlanGraph`."""
    return PlanGraph(parse_plan(path, settings))


def build_plan(
    path: str | Path,
    out_dir: str | Path,
    *,
    warn: Callable[[str], None] = lambda message: None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Write every output of the plan at ``path`` into ``out_dir``, as ``matrix build PLAN -o OUT``
    does with the plan's own settings file and no other option; each stale correction is said
    through ``warn`` after the build."""
    from matrix.build.options import BuildOptions
    from matrix.build.plan import build
    from matrix.corrections import stale_findings

    path = Path(path)
    settings = load_settings(path)
    graph = load_plan(path, settings)
    report = build(graph, settings, Path(out_dir), BuildOptions(warn=warn, progress=progress))
    for finding in stale_findings(graph.findings):  # skipped, never applied silently
        warn(finding.message)
    return report


def collect_returns(
    path: str | Path,
    returned: list[Path],
    out_dir: str | Path,
    as_of: dt.date,
    *,
    settings_file: Path | None = None,
    doc_number: str = "",
) -> tuple[Progress, list[Path]]:
    """Read the bureaus' returned forms (``matrix collect``): the round's progress, and the files
    written under ``OUT/progress/`` (the summary, the bulletin, then each 催办)."""
    from matrix.build.collect import collect
    from matrix.build.progress import write_progress
    from matrix.views.document import resolve_options

    path = Path(path)
    settings = load_settings(path, settings_file)
    graph = load_plan(path, settings)
    folder = Path(out_dir) / PROGRESS_FOLDER
    progress = collect(graph, settings, returned, folder, as_of)
    options = resolve_options(settings.letter, date=as_of, doc_number=doc_number, title=graph.title)
    return progress, write_progress(graph, progress, settings, folder, options)


def without_former_names(settings: Settings) -> Settings:
    """The same settings with every department's former names left out."""
    return replace(settings, departments=[replace(d, former_names=[]) for d in settings.departments])


def load_versions(
    old: str | Path,
    new: str | Path,
    settings_file: Path | None = None,
    old_settings_file: Path | None = None,
) -> tuple[PlanGraph, PlanGraph, Settings]:
    """Read both versions: the old graph, the new graph and the new version's settings.

    The old version is read with its own settings file if it has one, else with the new version's;
    either way *without former names* (曾用名), so that an old name stays as the old text wrote it
    and the comparison can report the rename instead of folding it away.
    """
    old, new = Path(old), Path(new)
    settings = load_settings(new, settings_file)
    if old_settings_file is not None or settings_path(old).exists():
        old_settings = load_settings(old, old_settings_file)
    else:
        old_settings = settings
    return load_plan(old, without_former_names(old_settings)), load_plan(new, settings), settings


def diff_files(
    old: str | Path,
    new: str | Path,
    settings_file: Path | None = None,
    old_settings_file: Path | None = None,
) -> PlanDiff:
    """Read two versions of a plan (.txt or .docx, any mix) and compare them."""
    from matrix.diff.compare import diff_plans

    old_graph, new_graph, settings = load_versions(old, new, settings_file, old_settings_file)
    return diff_plans(old_graph, new_graph, settings)
