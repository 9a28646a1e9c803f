"""``matrix workbook PLAN -o out/``: the Excel duty workbook of a plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from matrix.api import load_plan
from matrix.cli import app
from matrix.errors import UsageError
from matrix.settings import load_settings


@app.command("workbook")
def workbook(
    plan: Annotated[Path, typer.Argument(help="计划文件 (.txt 或 .docx)。")],
    out: Annotated[Path, typer.Option("-o", "--out", help="输出文件夹。")] = Path("out"),
    settings_file: Annotated[
        Path | None, typer.Option("--settings", help="设置文件, 默认为计划旁的 <计划名>.toml。")
    ] = None,
) -> None:
    """写出 Excel 分工表 <计划名>-分工表.xlsx: 任务分工表、责任矩阵、部门汇总、说明。"""
    # Imported here so that other commands never pay for openpyxl.
    from matrix.writers.workbook import write_workbook

    if out.exists() and not out.is_dir():
        raise UsageError(f"输出位置 {out} 是文件, 不是文件夹")
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    path = write_workbook(graph, settings, out, warn=lambda m: print(f"提示: {m}", file=sys.stderr))
    print(f"已写出 {path}", file=sys.stderr)
