"""The letters as build jobs: one job per bureau's letter, the master notice and the print file.

Each letter's key is the hash of its rendered XML, the options and the template, so a rebuild after
a one-task change zips and writes only the letters of the bureaus on that task; the notice and the
print file list every task and are keyed on all of them.

Rendering a letter's XML is cheaper than hashing its context as JSON, so every letter is rendered
when the jobs are made and its key is the hash of what it renders; a job then only zips it, and
the print file reuses the same XML instead of rendering every letter a second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from matrix.build.options import BuildOptions
from matrix.build.sync import Job, digest, key_of
from matrix.graph import PlanGraph
from matrix.paths import numbered_names
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.print_file import combine
from matrix.render.docx.shipped import default_template
from matrix.settings import Settings
from matrix.views.document import Options, plan_name, resolve_options
from matrix.views.letters import LETTER_FIELDS, NOTICE_FIELDS, letter_context, notice_context, task_row
from matrix.views.memo import MemoGraph

FOLDER = "letters"


NOTICE_NAME = "分工通知.docx"


PRINT_NAME = "打印合订本.docx"


PDF_FOLDER = "pdf"


def jobs(graph: PlanGraph, settings: Settings, run: BuildOptions) -> list[Job]:
    """The letters' jobs, with the run's letter options, templates and duplex printing."""
    options = run.letter_options or resolve_options(settings.letter, title=graph.title)
    letter_path = run.letter_template or default_template("letter.docx")
    notice_path = run.notice_template or default_template("notice.docx")
    duplex = run.duplex
    letter_bytes, notice_bytes = letter_path.read_bytes(), notice_path.read_bytes()
    letter_tpl = _compiled(letter_path, letter_bytes, LETTER_FIELDS)
    memo = MemoGraph.of(graph)

    departments = [d.name for d in memo.departments()]
    rendered = [letter_tpl.render_bytes(letter_context(memo, settings, options, d)) for d in departments]
    out: list[Job] = []
    keys: list[str] = []
    for name, department, parts in zip(
        numbered_names(departments, ".docx"), departments, rendered, strict=True
    ):

        def render(parts: dict[str, bytes] = parts) -> bytes:
            return letter_tpl.package_bytes(parts, options.date)

        key = key_of("letter", *_digests(parts), options, letter_bytes)
        keys.append(key)
        out.append(Job(f"{FOLDER}/{name}", key, render, department=department))

    def render_notice() -> bytes:
        notice = notice_context(memo, options)
        return _compiled(notice_path, notice_bytes, NOTICE_FIELDS).render(notice, options.date)

    # The notice shows the plan's name, its bureaus and every task's row; its key is made of
    # those (the rows are the letters' rows, already made) so its context is built only to render.
    rows = [task_row(memo, task) for task in memo.tasks()]
    key = key_of("notice", plan_name(memo), departments, rows, options, notice_bytes)
    out.append(Job(f"{FOLDER}/{NOTICE_NAME}", key, render_notice))
    if rendered:

        def render_print() -> bytes:
            return combine(letter_tpl, rendered, options.date, duplex)

        key = key_of("print", keys, options, letter_bytes, duplex)
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


def _digests(parts: dict[str, bytes]) -> list[str]:
    return [f"{name}:{digest(data)}" for name, data in sorted(parts.items())]


@dataclass
class Batch:
    """The rendered documents of one run, in memory: file name → .docx bytes, in output order."""

    letters: dict[str, bytes] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    """Letter file name → the bureau it is addressed to."""
    notice: bytes = b""
    print_file: bytes | None = None

    def files(self) -> dict[str, bytes]:
        """Every document of the batch, by file name."""
        out = dict(self.letters)
        out[NOTICE_NAME] = self.notice
        if self.print_file is not None:
            out[PRINT_NAME] = self.print_file
        return out


def render_batch(
    graph: PlanGraph,
    settings: Settings,
    options: Options,
    *,
    letter_template: Path | None = None,
    notice_template: Path | None = None,
    duplex: bool = False,
) -> Batch:
    """Render every letter, the notice and the print file in memory (the templates load once)."""
    batch = Batch()
    run = BuildOptions(
        letter_options=options,
        letter_template=letter_template,
        notice_template=notice_template,
        duplex=duplex,
    )
    for job in jobs(graph, settings, run):
        name = job.path.split("/", 1)[1]
        data = job.render()
        if name == NOTICE_NAME:
            batch.notice = data
        elif name == PRINT_NAME:
            batch.print_file = data
        else:
            batch.letters[name] = data
            batch.departments[name] = job.department or ""
    return batch
