"""One measured step, run in a fresh process: ``python -m bench.step STEP PLAN WORKDIR``.

It prints one JSON line: the seconds of the timed work and how many letters or tasks it made.
Imports, parsing and preparing inputs happen before the timer starts (except for ``parse``), so
the parent can read the whole process's peak memory while the time covers the work alone.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.baselines import floor_letters, matrix_cells, naive_letters, openpyxl_matrix, xlsxwriter_matrix
from matrix.api import load_plan
from matrix.build.options import BuildOptions
from matrix.graph import PlanGraph
from matrix.settings import Settings, load_settings
from matrix.views.document import Options

DATE = dt.date(2026, 12, 1)
"""The letters' date, fixed so every run renders the same bytes."""


def _letter_options(settings: Settings) -> Options:
    from matrix.views.document import resolve_options

    return resolve_options(settings.letter, date=DATE)


def _letter_inputs(graph: PlanGraph, settings: Settings) -> tuple[list[dict[str, Any]], Path]:
    from matrix.render.docx.shipped import default_template
    from matrix.views.letters import letter_context

    options = _letter_options(settings)
    contexts = [letter_context(graph, settings, options, d.name) for d in graph.departments()]
    return contexts, default_template("letter.docx")


def _timed(work: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    count = work()
    return time.perf_counter() - start, count


def run(step: str, plan: Path, workdir: Path) -> tuple[float, int]:
    """Do ``step`` on ``plan`` (outputs under ``workdir``); the timed seconds and the item count."""
    settings = load_settings(plan)
    if step == "parse":
        return _timed(lambda: len(load_plan(plan, settings).tasks()))
    graph = load_plan(plan, settings)
    if step in ("letters", "workbook"):
        from matrix.build.plan import build

        options = BuildOptions(letters=step == "letters", workbook=step == "workbook", forms=False)
        options.letter_options = _letter_options(settings)
        count = len(graph.departments()) if step == "letters" else len(graph.tasks())
        return _timed(lambda: (build(graph, settings, workdir / "out", options), count)[1])
    if step == "letters-matrix":
        from matrix.build.letters import jobs

        run = BuildOptions(letter_options=_letter_options(settings))

        def letters() -> int:
            made = [job.render() for job in jobs(graph, settings, run) if job.department]
            return len(made)

        return _timed(letters)
    if step == "letters-naive":
        contexts, template = _letter_inputs(graph, settings)
        return _timed(lambda: naive_letters(template, contexts))
    if step == "letters-floor":
        from matrix.render.docx.compile import CompiledTemplate
        from matrix.views.letters import LETTER_FIELDS

        contexts, template = _letter_inputs(graph, settings)
        compiled = CompiledTemplate(template, LETTER_FIELDS)
        finals = []
        for context in contexts:
            rendered = compiled.render_bytes(context)
            core = compiled.core(DATE)
            finals.append(
                [
                    (n, rendered.get(n, core if n == "docProps/core.xml" and core else d))
                    for n, d in compiled.entries
                ]
            )
        return _timed(lambda: floor_letters(finals))
    if step == "pdf":
        from matrix.build.letters import render_batch
        from matrix.render.pdf import convert

        batch = render_batch(graph, settings, _letter_options(settings))
        files = []
        for name, data in batch.letters.items():
            path = workdir / "docx" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            files.append(path)
        return _timed(lambda: len(convert(files, workdir / "pdf")))
    if step in ("xlsx-openpyxl", "xlsx-xlsxwriter"):
        depts, rows = matrix_cells(graph)
        write = openpyxl_matrix if step == "xlsx-openpyxl" else xlsxwriter_matrix
        return _timed(lambda: write(depts, rows, workdir / f"{step}.xlsx"))
    raise SystemExit(f"unknown step {step}")


def main() -> None:
    """Run the step named on the command line and print its result as JSON."""
    step, plan, workdir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    seconds, count = run(step, plan, workdir)
    print(json.dumps({"seconds": seconds, "count": count}))


if __name__ == "__main__":
    main()
