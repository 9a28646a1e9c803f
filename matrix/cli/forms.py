"""``matrix forms`` (the progress forms) and ``matrix collect`` (read the returned forms)。"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from matrix.cli import app
from matrix.cli.help import ChineseCommand
from matrix.cli.options import (
    OutOpt,
    PlanArg,
    SettingsOpt,
    out_dir,
    parse_date,
    plan_outside,
    print_findings_summary,
)
from matrix.errors import UsageError


@app.command("forms", cls=ChineseCommand, epilog="matrix forms 计划.txt -o out")
def forms(
    plan: PlanArg,
    out: OutOpt = Path("out"),
    settings_file: SettingsOpt = None,
) -> None:
    """每个单位一份进展反馈表 (Excel), 写入输出文件夹的 forms/NN-<单位>.xlsx。"""
    from matrix.api import load_plan
    from matrix.render.xlsx.forms import write_forms
    from matrix.settings import load_settings

    plan_outside(plan, out)
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    if not graph.departments():
        raise UsageError(f"计划中没有找到任何单位的任务, 无法生成进展反馈表: {plan}")
    print_findings_summary(graph)
    written = write_forms(graph, settings, out_dir(out))
    print(f"已写出 {len(written)} 份进展反馈表到 {written[0].parent}", file=sys.stderr)


@app.command(
    "collect", cls=ChineseCommand, epilog="matrix collect 计划.txt 收回的表/ -o out --as-of 2026-12-31"
)
def collect(
    plan: PlanArg,
    returned: Annotated[
        list[Path], typer.Argument(metavar="反馈表", help="收回的进展反馈表 (文件或文件夹, 可多个)。")
    ],
    out: OutOpt = Path("out"),
    settings_file: SettingsOpt = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="统计截至日期, 如 2026-12-01 (默认今天)。")
    ] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="进展通报的发文字号。")] = None,
) -> None:
    """汇总收回的进展反馈表: 写出输出文件夹 progress/ 下的进展汇总、进展通报和催办通知。"""
    from matrix.api import collect_returns
    from matrix.progress.model import ReturnState

    day = parse_date(as_of, "--as-of") or dt.date.today()
    missing = [str(p) for p in returned if not p.exists()]
    if missing:
        raise UsageError("找不到: " + "、".join(missing))
    progress, written = collect_returns(
        plan, returned, out_dir(out), day, settings_file=settings_file, doc_number=doc_number or ""
    )
    states = {s: len(progress.by_state(s)) for s in ReturnState}
    print(
        f"{len(progress.departments)} 个单位: " + ", ".join(f"{s.value} {n}" for s, n in states.items()),
        file=sys.stderr,
    )
    for dept in progress.departments:
        if dept.state is ReturnState.INVALID:
            print(f"无效: {dept.name}: " + "; ".join(dept.reasons), file=sys.stderr)
    for check in progress.unattributed:
        print(f"无法识别: {check.file.original}: " + "; ".join(check.problems), file=sys.stderr)
    print(f"已写出 {written[0]}、{written[1].name} 和 {len(written) - 2} 份催办通知", file=sys.stderr)
