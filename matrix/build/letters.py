"""The letters as build jobs: one job per bureau's letter, the master notice and the print file.

Each letter's key is the hash of its rendered XML, the options and the template, so a rebuild after
a one-task change zips and writes only the letters of the bureaus on that task; the notice and the
print file list every task and are keyed on all of them.

Rendering a letter's XML is cheaper than hashing its context as JSON, so every letter is rendered
when the jobs are made and its key is the hash of what it renders; a job then only zips it, and
the print file reuses the same XML instead of rendering every letter a second time.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from matrix.build.sync import Job, digest, key_of
from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.letters import FOLDER, NOTICE_NAME, PRINT_NAME, default_template
from matrix.render.docx.print_file import combine
from matrix.settings import Settings
from matrix.views.letters import (
    LETTER_FIELDS,
    NOTICE_FIELDS,
    Options,
    letter_context,
    notice_context,
    plan_name,
    resolve_options,
    task_row,
)
from matrix.views.memo import MemoGraph

VERSION = "1"
NOTICE_KEY = "2"
"""How the notice's key is made: 2 keys it on the task rows instead of its whole context."""
PRINT_VERSION = "2"
"""The print file's own version: 2 joins the letters' bytes (the same pages, other XML bytes)."""


def jobs(graph: PlanGraph, settings: Settings, extra: dict[str, Any]) -> list[Job]:
    """The letters' jobs; ``extra`` may hold ``options`` (:class:`Options`), ``letter_template``,
    ``notice_template`` (paths) and ``duplex``."""
    options: Options = extra.get("options") or resolve_options(settings.letter, title=graph.title)
    letter_path: Path = extra.get("letter_template") or default_template("letter.docx")
    notice_path: Path = extra.get("notice_template") or default_template("notice.docx")
    duplex = bool(extra.get("duplex", False))
    letter_bytes, notice_bytes = letter_path.read_bytes(), notice_path.read_bytes()
    letter_tpl = _compiled(letter_path, letter_bytes, LETTER_FIELDS)
    memo = MemoGraph.of(graph)

    departments = [d.name for d in memo.departments()]
    with _collector_paused():
        rendered = [letter_tpl.render_bytes(letter_context(memo, settings, options, d)) for d in departments]
    out: list[Job] = []
    keys: list[str] = []
    for name, department, parts in zip(
        numbered_names(departments, ".docx"), departments, rendered, strict=True
    ):

        def render(parts: dict[str, bytes] = parts) -> bytes:
            return letter_tpl.package_bytes(parts, options.date)

        key = key_of("letter", VERSION, *_digests(parts), options, letter_bytes)
        keys.append(key)
        out.append(Job(f"{FOLDER}/{name}", key, render, department=department))

    def render_notice() -> bytes:
        notice = notice_context(memo, options)
        return _compiled(notice_path, notice_bytes, NOTICE_FIELDS).render(notice, options.date)

    # The notice shows the plan's name, its bureaus and every task's row; its key is made of
    # those (the rows are the letters' rows, already made) so its context is built only to render.
    rows = [task_row(memo, task) for task in memo.tasks()]
    key = key_of("notice", VERSION, NOTICE_KEY, plan_name(memo), departments, rows, options, notice_bytes)
    out.append(Job(f"{FOLDER}/{NOTICE_NAME}", key, render_notice))
    if rendered:

        def render_print() -> bytes:
            return combine(letter_tpl, rendered, options.date, duplex)

        key = key_of("print", VERSION, PRINT_VERSION, keys, options, letter_bytes, duplex)
        out.append(Job(f"{FOLDER}/{PRINT_NAME}", key, render_print))
    return out


_TEMPLATES: dict[tuple[str, str, frozenset[str]], CompiledTemplate] = {}


def _compiled(path: Path, data: bytes, known: frozenset[str]) -> CompiledTemplate:
    """The template at ``path`` compiled once per process and content (``matrix letters`` makes
    the jobs twice; the notice's template compiles only when the notice renders)."""
    key = (str(path), digest(data), known)
    found = _TEMPLATES.get(key)
    if found is None:
        found = _TEMPLATES[key] = CompiledTemplate(path, known)
    return found


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the letters render, then back as it was.

    Rendering a batch makes hundreds of thousands of small objects (rows, contexts, strings) that
    hold no cycles and go with their last reference; each time they push the collector past its
    threshold it scans every object of the plan as well, a fifth of the batch's time at M.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _digests(parts: dict[str, bytes]) -> list[str]:
    return [f"{name}:{digest(data)}" for name, data in sorted(parts.items())]
