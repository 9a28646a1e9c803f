"""Arguments and options that several commands share, declared once, and their checks."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matrix.errors import UsageError

if TYPE_CHECKING:
    from matrix.build.sync import BuildReport
    from matrix.graph import PlanGraph
    from matrix.settings import LetterSettings, Settings
    from matrix.views.document import Options

PlanArg = Annotated[
    Path,
    typer.Argument(
        metavar="计划文件",
        help="计划文件 (.txt、.docx、.doc、.wps、有文字层的 .pdf, 或 Excel 任务分解表 .xlsx、.xls、.et)",
        show_default=False,
    ),
]
OutOpt = Annotated[Path, typer.Option("-o", "--out", "--output", help="输出文件夹。")]
SettingsOpt = Annotated[
    Path | None, typer.Option("--settings", help="设置文件 (默认: 计划旁的 <计划名>.toml)。")
]
DateOpt = Annotated[str | None, typer.Option("--date", help="成文日期, 如 2026-12-01 (覆盖设置)。")]
DocNumberOpt = Annotated[str | None, typer.Option("--doc-number", help="发文字号 (覆盖设置)。")]
IssuerOpt = Annotated[str | None, typer.Option("--issuer", help="发文机关 (覆盖设置)。")]
TemplateOpt = Annotated[Path | None, typer.Option("--template", help="另用的 Word 模板。")]
NoticeTemplateOpt = Annotated[
    Path | None, typer.Option("--notice-template", help="另用的分工通知 Word 模板。")
]
DuplexOpt = Annotated[bool, typer.Option("--duplex", help="双面打印: 合订本中每份通知从奇数页开始。")]
PdfOpt = Annotated[
    bool, typer.Option("--pdf", help="同时用 LibreOffice 生成 PDF (letters/pdf/), 通知变了才重新转换。")
]


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    """The date an option gives (``2026-12-01``), or None when it was not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"{option} 应为日期, 例如 2026-12-01, 而不是 {value!r}") from exc


def out_dir(path: Path) -> Path:
    """The output folder, refused when it is an existing file."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"输出位置 {path} 是文件, 不是文件夹")
    return path


def plan_outside(plan: Path, out: Path) -> None:
    """Refuse a plan inside the output folder it would be built into: the duty workbook saved in
    place (Ctrl+S in ``out/``) would be overwritten or removed by the very build that reads it."""
    try:
        inside = plan.resolve().is_relative_to(out.resolve())
    except OSError:
        return
    if inside:
        raise UsageError(
            f"计划文件 {plan} 在输出文件夹 {out} 之中, 生成时会被覆盖或删除; "
            f"请先把它另存到 {out} 以外的文件夹, 再从那里生成"
        )


def exit_on_stale_corrections(graph: PlanGraph) -> None:
    """After a build has written: each stale correction as an error, then exit 1."""
    from matrix.corrections import stale_findings
    from matrix.render.terminal import print_findings

    stale = stale_findings(graph.findings)
    if stale:
        print_findings(stale, to_stderr=True)
        print(f"{len(stale)} 条更正已失效, 未采用; 用 matrix check {graph.source} 查看", file=sys.stderr)
        raise typer.Exit(1)


def template_file(path: Path | None) -> Path | None:
    """A template the user named, refused when it does not exist."""
    if path is not None and not path.is_file():
        raise UsageError(f"找不到模板文件 {path}")
    return path


def letter_options(
    settings_letter: LetterSettings,
    date: str | None,
    doc_number: str | None,
    issuer: str | None,
    title: str | None = None,
) -> Options:
    """The letters' options: the settings file's ``[letter]`` with the command line's overrides;
    ``title`` (the plan's) suggests the issuing office when neither names one."""
    from matrix.views.document import resolve_options

    return resolve_options(
        settings_letter, date=parse_date(date), doc_number=doc_number, issuer=issuer, title=title
    )


def print_defaults_note(
    plan: Path, settings: Settings, graph: PlanGraph, date: str | None, doc_number: str | None
) -> None:
    """One note on standard error naming what the letters take from a default (文号, 成文日期,
    feedback deadline, contacts) and where to set it; printed on every build until it is set."""
    from matrix.views.document import defaults_note, missing_settings

    departments = [d.name for d in graph.departments()]
    missing = missing_settings(
        settings, departments, date_given=date is not None, doc_number_given=doc_number is not None
    )
    note = defaults_note(settings, plan, missing)
    if note:
        print(note, file=sys.stderr)


def print_report(where: Path, report: BuildReport) -> None:
    """What a build wrote, on standard error: counts, changed bureaus, hand edits kept aside."""
    if report.recovered:
        print(f"注意: {report.recovered}", file=sys.stderr)
    print(
        f"{where}: 写入 {len(report.written)} 个文件, 未变 {len(report.unchanged)} 个, "
        f"删除 {len(report.removed)} 个。",
        file=sys.stderr,
    )
    if report.departments and report.unchanged:
        print("有变化的单位: " + "、".join(report.departments), file=sys.stderr)
    for edited, copy in report.kept_edits:
        print(f"注意: {edited} 生成后被手工修改过, 已另存为 {copy}", file=sys.stderr)
    print_stale_pdfs(report)


def letter_numbers(out: Path) -> dict[str, str]:
    """Each department's number in the last build into ``out`` (``01`` of ``letters/01-….docx``)."""
    from matrix.build.sync import read_manifest

    numbers = {}
    for path, record in read_manifest(out)["files"].items():
        folder, _, name = path.rpartition("/")
        department = record.get("department") if isinstance(record, dict) else None
        if folder == "letters" and department and name[:2].isdigit():
            numbers[department] = name.split("-", 1)[0]
    return numbers


def print_renumbered(before: dict[str, str], out: Path) -> None:
    """Say which departments a build numbered differently from the last one (an alias that merges
    two departments moves the ones after them), since their files' names change too."""
    after = letter_numbers(out)
    moved = [f"{d} {before[d]}→{after[d]}" for d in after if d in before and before[d] != after[d]]
    if moved:
        shown = "、".join(moved[:5]) + (f" 等 {len(moved)} 个" if len(moved) > 5 else "")
        print(
            f"注意: 单位编号有变化 (设置文件中的别名合并了单位, 或计划增删了单位): {shown}; "
            "交办通知和反馈表的文件名随之改变",
            file=sys.stderr,
        )


def print_stale_pdfs(report: BuildReport) -> None:
    """Say which PDFs a build removed because their letter changed or went (without --pdf)."""
    stale = [p.rsplit("/", 1)[-1] for p in report.removed if p.endswith(".pdf")]
    if stale:
        print(
            f"已删除 {len(stale)} 份过期的 PDF (对应的通知已改变或不再生成): {'、'.join(stale)}; "
            "加 --pdf 重新生成",
            file=sys.stderr,
        )


def print_findings_summary(graph: PlanGraph) -> None:
    """One line on standard error when the parse found something worth a look, so that a build
    from a plan with errors does not pass unnoticed."""
    errors = sum(1 for f in graph.findings if f.severity.value == "error")
    warnings = len(graph.findings) - errors
    if errors or warnings:
        print(
            f"注意: 计划中有 {errors} 个错误、{warnings} 个提示, 输出可能不完整; "
            f"用 matrix check {graph.source} 查看",
            file=sys.stderr,
        )
