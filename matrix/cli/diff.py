"""``matrix diff OLD NEW``: what changed between two versions of a plan, per task and per department."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from matrix.cli import app
from matrix.errors import UsageError


@app.command("diff")
def diff(
    old: Annotated[Path, typer.Argument(help="原计划文件 (.txt 或 .docx)。", show_default=False)],
    new: Annotated[Path, typer.Argument(help="修订后的计划文件 (.txt 或 .docx)。", show_default=False)],
    format: Annotated[str, typer.Option("--format", "-f", help="输出格式: table 或 json。")] = "table",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="有变化时退出码为 1 (同 git diff --exit-code)。")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="输出文件夹: 写出 changes/<新计划名>-修订对照.xlsx。")
    ] = None,
    settings_file: Annotated[
        Path | None,
        typer.Option("--settings", help="新计划的设置文件 (曾用名、别名), 默认为其旁的 <计划名>.toml。"),
    ] = None,
    old_settings_file: Annotated[
        Path | None,
        typer.Option(
            "--old-settings", help="原计划的设置文件, 默认为其旁的 <计划名>.toml, 没有则用新计划的。"
        ),
    ] = None,
) -> None:
    """比较计划的两个版本: 任务的新增、删除、编号变化、移动与内容变化, 以及每个单位的变化。"""
    from matrix.diff import diff_files

    if format not in {"table", "json"}:
        raise UsageError(f"--format 只能是 table 或 json, 而不是 {format}")
    if out is not None and out.exists() and not out.is_dir():
        raise UsageError(f"输出位置 {out} 是文件, 不是文件夹")
    result = diff_files(old, new, settings_file, old_settings_file)
    if format == "json":
        from matrix.writers.diff_json import diff_json

        sys.stdout.write(diff_json(result) + "\n")
    else:
        from matrix.writers.diff_table import print_diff

        print_diff(result)
    if out is not None:
        from matrix.writers.diff_workbook import write_changes

        path = write_changes(result, out, warn=lambda m: print(f"提示: {m}", file=sys.stderr))
        print(f"已写出 {path}", file=sys.stderr)
    if exit_code and result.has_changes:
        raise typer.Exit(1)
