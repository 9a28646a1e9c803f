"""Commands that read a plan and report on it: parse, check, show, departments."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from matrix.cli.app import app
from matrix.cli.help import ChineseCommand
from matrix.cli.options import PlanArg, SettingsOpt

if TYPE_CHECKING:
    from matrix.graph import PlanGraph
    from matrix.settings import Settings


def _load(plan: Path, settings: Path | None) -> tuple[PlanGraph, Settings]:
    """The plan's graph and its settings; the parser is imported here, so that ``matrix --help``
    and the commands that never read a plan start without it."""
    from matrix.api import load_plan
    from matrix.settings import load_settings

    plan_settings = load_settings(plan, settings)
    return load_plan(plan, plan_settings), plan_settings


@app.command(
    "parse",
    cls=ChineseCommand,
    epilog="matrix parse 计划.txt\nmatrix parse 计划.txt --format json > 计划.json",
)
def parse(
    plan: PlanArg,
    format: str = typer.Option("table", "--format", "-f", help="输出格式: table 或 json"),
    settings: SettingsOpt = None,
) -> None:
    """解析计划, 列出每项任务的牵头与参与单位 (JSON 供其他工具读取)。"""
    from matrix.errors import UsageError

    if format not in {"table", "json"}:
        raise UsageError(f"--format 只能是 table 或 json, 而不是 {format}")
    graph, _ = _load(plan, settings)
    if format == "json":
        from matrix.render.json import plan_json

        sys.stdout.write(plan_json(graph) + "\n")
    else:
        from matrix.render.terminal import print_tasks

        print_tasks(graph)


@app.command(
    "check",
    cls=ChineseCommand,
    epilog="matrix check 计划.txt\nmatrix check 计划.docx --settings 另一设置.toml",
)
def check(plan: PlanArg, settings: SettingsOpt = None) -> None:
    """检查计划: 列出错误 (输出会出错) 与提示 (值得一看), 有错误时退出码为 1。"""
    from matrix.checks import check_plan
    from matrix.model import Severity
    from matrix.render.terminal import print_findings

    graph, plan_settings = _load(plan, settings)
    findings = check_plan(graph, plan_settings)
    print_findings(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    print(f"{len(graph.tasks())} 项任务, {errors} 个错误, {len(findings) - errors} 个提示。", file=sys.stderr)
    if errors:
        raise typer.Exit(1)


@app.command("show", cls=ChineseCommand, epilog="matrix show 计划.txt --dept 市财政局")
def show(
    plan: PlanArg,
    dept: str = typer.Option(..., "--dept", "-d", help="单位名称, 例如 市财政局"),
    settings: SettingsOpt = None,
) -> None:
    """列出一个单位的全部任务, 牵头任务在前。"""
    from matrix.errors import UsageError
    from matrix.render.terminal import print_duties

    graph, _ = _load(plan, settings)
    found = graph.department(dept)
    if found is None:
        import difflib

        names = [d.name for d in graph.departments()]
        near = difflib.get_close_matches(dept, names, n=5, cutoff=0.5)
        hint = f" 是否指: {'、'.join(near)}?" if near else " 用 matrix departments 查看全部单位。"
        raise UsageError(f'计划中没有单位 "{dept}"。{hint}')
    print_duties(graph, found.name)


@app.command("departments", cls=ChineseCommand, epilog="matrix departments 计划.txt")
def departments(plan: PlanArg, settings: SettingsOpt = None) -> None:
    """列出每个单位及其牵头、参与、其他角色的任务数。"""
    from matrix.render.terminal import print_departments

    print_departments(_load(plan, settings)[0])
