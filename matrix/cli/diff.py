"""``matrix diff OLD NEW``: what changed between two versions of a plan, per task and per department."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matrix.cli.app import app
from matrix.cli.help import ChineseCommand
from matrix.cli.options import (
    DateOpt,
    DocNumberOpt,
    IssuerOpt,
    TemplateOpt,
    letter_options,
    out_dir,
    print_report,
    template_file,
)
from matrix.errors import UsageError

if TYPE_CHECKING:
    from matrix.diff import PlanDiff
    from matrix.graph import PlanGraph
    from matrix.settings import Settings
    from matrix.views.document import Options


@app.command(
    "diff",
    cls=ChineseCommand,
    epilog="matrix diff 计划-原.txt 计划-修订.txt\nmatrix diff 计划-原.txt 计划-修订.txt -o out",
)
def diff(
    old: Annotated[
        Path, typer.Argument(metavar="原计划", help="原计划文件 (.txt 或 .docx)。", show_default=False)
    ],
    new: Annotated[
        Path,
        typer.Argument(metavar="修订后计划", help="修订后的计划文件 (.txt 或 .docx)。", show_default=False),
    ],
    format: Annotated[str, typer.Option("--format", "-f", help="输出格式: table 或 json。")] = "table",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="有变化时退出码为 1 (同 git diff --exit-code)。")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            help="输出文件夹: 写出 changes/ 下有关单位的变更通知 NN-<单位>.docx 与<新计划名>-修订对照.xlsx。",
        ),
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
    date: DateOpt = None,
    doc_number: DocNumberOpt = None,
    issuer: IssuerOpt = None,
    template: TemplateOpt = None,
) -> None:
    """比较计划的两个版本: 任务的新增、删除、编号变化、移动与内容变化, 以及每个单位的变化。"""
    from matrix.api import load_versions
    from matrix.diff import diff_plans

    if format not in {"table", "json"}:
        raise UsageError(f"--format 只能是 table 或 json, 而不是 {format}")
    if out is not None:
        out_dir(out)
    template_file(template)
    old_graph, new_graph, settings = load_versions(old, new, settings_file, old_settings_file)
    # The options are resolved before anything is printed, so a bad --date fails alone.
    options = (
        letter_options(settings.letter, date, doc_number, issuer, new_graph.title)
        if out is not None
        else None
    )
    result = diff_plans(old_graph, new_graph, settings)
    if format == "json":
        from matrix.render.diff_json import diff_json

        sys.stdout.write(diff_json(result) + "\n")
    else:
        from matrix.render.diff_terminal import print_diff

        print_diff(result)
    if out is not None and options is not None:
        _write(result, settings, out, options, template)
    _corrections_note(old, new, settings, old_settings_file, new_graph)
    if exit_code and result.has_changes:
        raise typer.Exit(1)


def _corrections_note(
    old: Path, new: Path, settings: Settings, old_settings_file: Path | None, new_graph: PlanGraph
) -> None:
    """On stderr: which of the old version's corrections carry over to the new one, which became
    stale, and how to reuse the old settings file for the new version."""
    from matrix.corrections import match_corrections
    from matrix.settings import load_settings, settings_path

    old_settings = load_settings(old, old_settings_file)
    if not old_settings.corrections or old_settings.path is None:
        return
    matches = match_corrections(new_graph.tasks(), old_settings.corrections)
    carried = [m for m in matches if m.task is not None]
    stale = [m.finding for m in matches if m.finding is not None]
    moved = [
        f"{m.correction.task}→{m.task.id}" if m.task.id != m.correction.task else m.task.id
        for m in carried
        if m.task is not None
    ]
    name = old_settings.path.name
    print(
        f"更正: {name} 中的 {len(matches)} 条更正, {len(carried)} 条仍适用于新版本"
        + (f" ({'、'.join(moved)})" if moved else "")
        + f", {len(stale)} 条已失效。",
        file=sys.stderr,
    )
    for finding in stale:
        print(f"  {finding.message}", file=sys.stderr)
    same = settings.path is not None and settings.path.resolve() == old_settings.path.resolve()
    if same:
        return
    if settings.path is not None:
        print(
            f"新版本有自己的设置文件 {settings.path.name}: 要沿用这些更正, "
            f"请把 {name} 中的 [corrections] 部分复制过去。",
            file=sys.stderr,
        )
    elif settings.text:
        print("新版本是 matrix 生成的分工表, 使用其中保存的设置。", file=sys.stderr)
    else:
        print(
            f"要沿用原设置 (文号、联系人、更正), 请把 {old_settings.path} 复制为 {settings_path(new)}, "
            f"或在生成时加上 --settings: matrix build {new} --settings {old_settings.path} -o out/",
            file=sys.stderr,
        )


def _write(result: PlanDiff, settings: Settings, out: Path, options: Options, template: Path | None) -> None:
    """Write ``out/changes/`` and say on stderr what was written (stdout stays the report alone)。"""
    from matrix.build.changes import write_change_notices
    from matrix.paths import output_path
    from matrix.render.xlsx.revisions import changes_name
    from matrix.views.changes import FOLDER

    def warn(message: str) -> None:
        print(f"提示: {message}", file=sys.stderr)

    report = write_change_notices(result, settings, out, options, template=template, warn=warn)
    folder = output_path(out, FOLDER)
    print_report(folder, report)
    print(f"修订对照表: {folder / changes_name(result)}", file=sys.stderr)
    names = [d.name for d in result.told]
    print(f"变更通知: {len(names)} 份" + (" (" + "、".join(names) + ")" if names else ""), file=sys.stderr)
