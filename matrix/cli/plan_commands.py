"""Commands that read a plan and report on it: parse, check, show, departments."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from matrix.api import load_plan
from matrix.cli import app
from matrix.settings import load_settings

PlanArg = typer.Argument(..., help="计划文件 (.txt 或 .docx)", show_default=False)
SettingsOpt = typer.Option(None, "--settings", help="设置文件 (默认: 计划文件旁的 <计划名>.toml)")


@app.command("parse")
def parse(
    plan: Path = PlanArg,
    format: str = typer.Option("table", "--format", "-f", help="输出格式: table 或 json"),
    settings: Path | None = SettingsOpt,
) -> None:
    """解析计划, 列出每项任务的牵头与参与单位 (JSON 供其他工具读取)."""
    from matrix.errors import UsageError

    if format not in {"table", "json"}:
        raise UsageError(f"--format 只能是 table 或 json, 而不是 {format}")
    graph = load_plan(plan, load_settings(plan, settings))
    if format == "json":
        from matrix.writers.json_view import plan_json

        sys.stdout.write(plan_json(graph) + "\n")
    else:
        from matrix.writers.terminal import print_tasks

        print_tasks(graph)
