"""Commands for the Word letters: ``matrix letters`` and ``matrix template check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from matrix.cli import app
from matrix.cli.help import ChineseCommand, ChineseGroup
from matrix.cli.options import (
    DateOpt,
    DocNumberOpt,
    DuplexOpt,
    IssuerOpt,
    NoticeTemplateOpt,
    OutOpt,
    PdfOpt,
    PlanArg,
    SettingsOpt,
    TemplateOpt,
    letter_numbers,
    letter_options,
    out_dir,
    plan_outside,
    print_defaults_note,
    print_findings_summary,
    print_renumbered,
    print_stale_pdfs,
    template_file,
)
from matrix.errors import UsageError

template_app = typer.Typer(
    cls=ChineseGroup,
    help="Word 模板工具。",
    epilog="matrix template check templates/letter.docx",
    no_args_is_help=True,
)
app.add_typer(template_app, name="template")


@app.command(
    "letters",
    cls=ChineseCommand,
    epilog="matrix letters 计划.txt -o out --pdf\nmatrix letters 计划.txt -o out --duplex",
)
def letters(
    plan: PlanArg,
    output: OutOpt = Path("out"),
    settings_file: SettingsOpt = None,
    date: DateOpt = None,
    doc_number: DocNumberOpt = None,
    issuer: IssuerOpt = None,
    template: TemplateOpt = None,
    notice_template: NoticeTemplateOpt = None,
    duplex: DuplexOpt = False,
    pdf: PdfOpt = False,
) -> None:
    """每个单位一份任务交办通知, 另有分工通知 (附分工表) 和打印合订本, 写入输出文件夹的 letters/。"""
    from rich.progress import Progress

    from matrix.api import load_plan
    from matrix.render.docx.letters import write_letters
    from matrix.settings import load_settings

    out_dir(output)
    plan_outside(plan, output)
    template, notice_template = template_file(template), template_file(notice_template)
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    options = letter_options(settings.letter, date, doc_number, issuer, graph.title)
    print_findings_summary(graph)
    print_defaults_note(plan, settings, graph, date, doc_number)
    if not graph.departments():
        raise UsageError(f"计划中没有找到任何单位的任务, 无法生成通知: {plan}")
    total = len(graph.departments()) + 2
    numbers = letter_numbers(output)
    with Progress(transient=True, disable=not pdf) as progress:
        bar = progress.add_task("转换 PDF", total=total)
        written = write_letters(
            graph,
            settings,
            output,
            options,
            letter_template=template,
            notice_template=notice_template,
            duplex=duplex,
            pdf=pdf,
            on_pdf=lambda name: progress.update(bar, advance=1, description=f"转换 PDF {name}"),
        )
    letters_count = len(written.files) - 2
    typer.echo(f"已写入 {written.folder}: {letters_count} 份交办通知、分工通知、打印合订本", err=True)
    if pdf:
        typer.echo(f"PDF: {len(written.pdfs)} 份, 在 {written.folder / 'pdf'}", err=True)
    print_stale_pdfs(written.report)
    print_renumbered(numbers, output)


@template_app.command(
    "check",
    cls=ChineseCommand,
    epilog="matrix template check templates/letter.docx\nmatrix template check 变更通知.docx --kind change",
)
def check(
    file: Annotated[Path, typer.Argument(metavar="模板文件", help="要检查的 Word 模板 (.docx)。")],
    kind: Annotated[
        str | None, typer.Option("--kind", help="letter、notice 或 change (默认按字段判断)。")
    ] = None,
) -> None:
    """列出模板用到的字段, 指出未知字段和被 Word 拆开的标记; 有问题时退出码为 1."""
    from matrix.render.docx.template_check import KINDS, LABELS, check_template

    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind 应为 {' 或 '.join(KINDS)}")
    report = check_template(file, kind)
    label = LABELS[report.kind]
    typer.echo(f"模板: {file} ({label})")
    typer.echo("字段: " + ("、".join(report.fields) or "(无)"))
    for item in report.unknown:
        typer.echo(f"未知字段: {item}")
    for item in report.split:
        typer.echo(f"被 Word 拆开的标记: {item} (请删去后整段重新输入)")
    if report.ok:
        typer.echo("模板无误。")
    else:
        raise typer.Exit(1)
