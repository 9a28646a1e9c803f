"""The letters as build jobs: one job per bureau's letter, the master notice and the print file.

Each letter's key is the hash of its own context and the template, so a rebuild after a one-task
change renders only the letters of the bureaus on that task; the notice and the print file list
every task and are keyed on all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matrix.graph import PlanGraph
from matrix.outputs import Job, key_of
from matrix.paths import numbered_names
from matrix.settings import Settings
from matrix.writers.docx_render import CompiledTemplate
from matrix.writers.letter_batch import FOLDER, NOTICE_NAME, PRINT_NAME, default_template
from matrix.writers.letters import (
    LETTER_FIELDS,
    NOTICE_FIELDS,
    Options,
    letter_context,
    notice_context,
    resolve_options,
)
from matrix.writers.print_file import combine

VERSION = "1"


def jobs(graph: PlanGraph, settings: Settings, extra: dict[str, Any]) -> list[Job]:
    """The letters' jobs; ``extra`` may hold ``options`` (:class:`Options`), ``letter_template``,
    ``notice_template`` (paths) and ``duplex``."""
    options: Options = extra.get("options") or resolve_options(settings.letter)
    letter_path: Path = extra.get("letter_template") or default_template("letter.docx")
    notice_path: Path = extra.get("notice_template") or default_template("notice.docx")
    duplex = bool(extra.get("duplex", False))
    letter_tpl = CompiledTemplate(letter_path, LETTER_FIELDS)
    notice_tpl = CompiledTemplate(notice_path, NOTICE_FIELDS)
    letter_bytes, notice_bytes = letter_path.read_bytes(), notice_path.read_bytes()

    departments = [d.name for d in graph.departments()]
    contexts = [letter_context(graph, settings, options, d) for d in departments]
    out: list[Job] = []
    for name, department, context in zip(
        numbered_names(departments, ".docx"), departments, contexts, strict=True
    ):

        def render(context: dict[str, Any] = context) -> bytes:
            return letter_tpl.package(letter_tpl.render_parts(context), options.date)

        key = key_of("letter", VERSION, context, options, letter_bytes)
        out.append(Job(f"{FOLDER}/{name}", key, render, department=department))

    notice = notice_context(graph, options)
    out.append(
        Job(
            f"{FOLDER}/{NOTICE_NAME}",
            key_of("notice", VERSION, notice, options, notice_bytes),
            lambda: notice_tpl.render(notice, options.date),
        )
    )
    if contexts:

        def render_print() -> bytes:
            parts = [letter_tpl.render_parts(c) for c in contexts]
            return combine(letter_tpl, parts, options.date, duplex)

        key = key_of("print", VERSION, contexts, options, letter_bytes, duplex)
        out.append(Job(f"{FOLDER}/{PRINT_NAME}", key, render_print))
    return out
