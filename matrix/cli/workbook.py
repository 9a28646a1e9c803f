"""``matrix workbook PLAN -o out/``: the Excel duty workbook of a plan."""

from __future__ import annotations

import sys
from pathlib import Path

from matrix.cli import app
from matrix.cli.help import ChineseCommand
from matrix.cli.options import OutOpt, PlanArg, SettingsOpt, out_dir, plan_outside, print_findings_summary


@app.command("workbook", cls=ChineseCommand, epilog="matrix workbook 计划.txt -o out")
def workbook(plan: PlanArg, out: OutOpt = Path("out"), settings_file: SettingsOpt = None) -> None:
    """写出 Excel 分工表 <计划名>-分工表.xlsx: 任务分工表、责任矩阵、部门汇总、说明。"""
    # Imported here so that other commands never pay for openpyxl.
    from matrix.api import load_plan
    from matrix.render.xlsx.workbook import write_workbook
    from matrix.settings import load_settings

    out_dir(out)
    plan_outside(plan, out)
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    print_findings_summary(graph)
    path = write_workbook(graph, settings, out, warn=lambda m: print(f"提示: {m}", file=sys.stderr))
    print(f"已写出 {path}", file=sys.stderr)
