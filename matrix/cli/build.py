"""``matrix build PLAN -o out/``: every output of a plan, rewriting only what changed."""

from __future__ import annotations

import sys
from pathlib import Path

from matrix.cli.app import app
from matrix.cli.help import ChineseCommand
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
    exit_on_stale_corrections,
    letter_numbers,
    letter_options,
    out_dir,
    plan_outside,
    print_defaults_note,
    print_findings_summary,
    print_renumbered,
    print_report,
    template_file,
)


@app.command(
    "build",
    cls=ChineseCommand,
    epilog="matrix build 计划.txt -o out\n"
    'matrix build 计划.txt -o out --date 2026-12-01 --doc-number "**政办发〔2026〕12号"',
)
def build(
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
    """写出全部输出: 交办通知、分工通知、打印合订本、Excel 分工表、进展反馈表; 只重写有变化的文件。"""
    from rich.progress import Progress

    from matrix.api import load_plan
    from matrix.build.options import BuildOptions
    from matrix.build.plan import build as run_build
    from matrix.settings import load_settings

    out_dir(output)
    plan_outside(plan, output)
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    options = BuildOptions(
        letter_options=letter_options(settings.letter, date, doc_number, issuer, graph.title),
        letter_template=template_file(template),
        notice_template=template_file(notice_template),
        duplex=duplex,
        pdf=pdf,
        warn=lambda message: print(f"提示: {message}", file=sys.stderr),
    )
    print_findings_summary(graph)
    print_defaults_note(plan, settings, graph, date, doc_number)
    if pdf:
        from matrix.render import pdf as pdf_writer

        pdf_writer.require_soffice()
    numbers = letter_numbers(output)
    with Progress(transient=True, disable=not pdf) as progress:
        bar = progress.add_task("转换 PDF", total=None)
        options.on_pdf = lambda name: progress.update(bar, advance=1, description=f"转换 PDF {name}")
        report = run_build(graph, settings, output, options)
    print_report(output, report)
    print_renumbered(numbers, output)
    exit_on_stale_corrections(graph)
