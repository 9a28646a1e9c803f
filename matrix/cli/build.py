"""``matrix build PLAN -o out/``: every output of a plan, rewriting only what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matrix.cli import app
from matrix.errors import UsageError

if TYPE_CHECKING:
    from matrix.settings import LetterSettings
    from matrix.writers.letters import Options


def letter_options(
    settings_letter: LetterSettings, date: str | None, doc_number: str | None, issuer: str | None
) -> Options:
    """The letters' options with the command line's overrides."""
    from matrix.writers.letters import resolve_options

    day = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date.strip())
        except ValueError as exc:
            raise UsageError(f"--date 应为日期, 例如 2026-12-01, 而不是 {date!r}") from exc
    return resolve_options(settings_letter, date=day, doc_number=doc_number, issuer=issuer)


@app.command("build")
def build(
    plan: Annotated[Path, typer.Argument(help="计划文件 (.txt / .docx).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出目录.")] = Path("out"),
    settings_file: Annotated[
        Path | None, typer.Option("--settings", help="设置文件 (默认: 计划旁的同名 .toml).")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="成文日期, 如 2026-12-01 (覆盖设置).")] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="发文字号 (覆盖设置).")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="发文机关 (覆盖设置).")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="另用的交办通知 Word 模板.")] = None,
    notice_template: Annotated[
        Path | None, typer.Option("--notice-template", help="另用的分工通知模板.")
    ] = None,
    duplex: Annotated[bool, typer.Option("--duplex", help="双面打印: 合订本中每份通知从奇数页开始.")] = False,
) -> None:
    """写出全部输出: 交办通知、分工通知、打印合订本、Excel 分工表、进展反馈表; 只重写有变化的文件."""
    import sys

    from matrix.api import load_plan
    from matrix.build import BuildOptions
    from matrix.build import build as run_build
    from matrix.settings import load_settings

    if output.exists() and not output.is_dir():
        raise UsageError(f"输出位置 {output} 是文件, 不是文件夹")
    for path in (template, notice_template):
        if path is not None and not path.is_file():
            raise UsageError(f"找不到模板文件 {path}")
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    options = BuildOptions(
        extra={
            "options": letter_options(settings.letter, date, doc_number, issuer),
            "letter_template": template,
            "notice_template": notice_template,
            "duplex": duplex,
        },
        warn=lambda message: print(f"提示: {message}", file=sys.stderr),
    )
    report = run_build(graph, settings, output, options)
    print(
        f"{output}: 写入 {len(report.written)} 个文件, 未变 {len(report.unchanged)} 个, "
        f"删除 {len(report.removed)} 个。",
        file=sys.stderr,
    )
    if report.departments and report.unchanged:
        print("有变化的单位: " + "、".join(report.departments), file=sys.stderr)
    for edited, copy in report.kept_edits:
        print(f"注意: {edited} 生成后被手工修改过, 已另存为 {copy}", file=sys.stderr)
