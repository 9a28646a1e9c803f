"""``matrix build``: every output of a plan, written incrementally into one output folder.

The layout is fixed: ``letters/`` (one letter per bureau, the master notice, the print file),
``<plan stem>-分工表.xlsx``, ``forms/`` (progress forms), and ``manifest.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from matrix.build.options import BuildOptions
from matrix.build.sync import BuildReport, Job, digest, key_of, write_build
from matrix.graph import PlanGraph
from matrix.render.json import plan_dict
from matrix.settings import Settings

OTHER_COMMANDS = ("changes/", "progress/")
"""Folders of out/ that other commands write; a build never removes their files."""


def workbook_jobs(graph: PlanGraph, settings: Settings, options: BuildOptions) -> list[Job]:
    """The duty workbook: one job keyed on the whole plan and the settings."""
    from matrix.render.xlsx.workbook import render_workbook, workbook_name

    def render() -> bytes:
        result = render_workbook(graph, settings)
        for message in result.warnings:
            options.warn(message)
        return result.data

    from matrix.render.xlsx.workbook import source_digest

    # the stamp keeps the plan's name and hash and the settings' text, comments included
    stamp = [graph.file_name, source_digest(graph), settings.text]
    key = key_of("workbook", plan_dict(graph), settings.raw, stamp)
    return [Job(workbook_name(graph), key, render)]


def plan_jobs(graph: PlanGraph, settings: Settings, options: BuildOptions) -> list[Job]:
    """Every job of a full build, in a stable order."""
    from matrix.views.memo import MemoGraph

    # one snapshot of the plan's views for every writer: they all read the same tasks
    graph = MemoGraph.of(graph)
    jobs: list[Job] = []
    if options.letters:
        from matrix.build.letters import jobs as letter_jobs

        jobs += letter_jobs(graph, settings, options)
    if options.workbook:
        jobs += workbook_jobs(graph, settings, options)
    if options.forms:
        from matrix.build.forms import jobs as form_jobs

        jobs += form_jobs(graph, settings)
    return jobs


def plan_meta(source: str, settings: Settings) -> dict[str, Any]:
    """What the manifest records of a build's inputs: the plan's name and hash, the settings' hash."""
    path = Path(source)
    return {
        "plan": path.name,
        "plan_sha256": digest(path.read_bytes()) if path.is_file() else None,
        "settings_sha256": digest(settings.path.read_bytes()) if settings.path else None,
    }


def build(
    graph: PlanGraph,
    settings: Settings,
    out_dir: Path,
    options: BuildOptions,
    scope: tuple[str, ...] | None = None,
) -> BuildReport:
    """Write the plan's outputs into ``out_dir``, touching only what changed.

    ``scope`` limits a partial build (``matrix letters``) to the outputs under those paths; the
    others in the manifest are left as they are.
    """
    meta = plan_meta(graph.source, settings)
    jobs = plan_jobs(graph, settings, options)
    if options.letters:  # the letters' PDFs: made with --pdf, else kept only while still current
        from matrix.build.pdfs import jobs as pdf_jobs

        jobs += pdf_jobs(jobs, out_dir, options)
    if options.progress is not None:
        jobs = _reporting(jobs, options.progress)
    # change notices and progress reports come from `diff` and `collect`; a build leaves them be
    return write_build(out_dir, jobs, meta, scope=scope, keep=OTHER_COMMANDS)


def _reporting(jobs: list[Job], progress: Callable[[int, int], None]) -> list[Job]:
    """The same jobs, each telling ``progress`` when it has rendered."""
    done = 0

    def wrap(render: Callable[[], bytes]) -> Callable[[], bytes]:
        def run() -> bytes:
            nonlocal done
            data = render()
            done += 1
            progress(done, len(jobs))
            return data

        return run

    progress(0, len(jobs))
    return [replace(job, render=wrap(job.render)) for job in jobs]
