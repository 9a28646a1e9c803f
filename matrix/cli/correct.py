"""``matrix correct PLAN TASK``: write a correction of one task into the plan's settings file."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from matrix.cli.app import app
from matrix.cli.help import ChineseCommand
from matrix.cli.options import PlanArg, SettingsOpt
from matrix.errors import UsageError

NamesOpt = list[str] | None


@app.command(
    "correct",
    cls=ChineseCommand,
    epilog='matrix correct 计划.txt 二.一.3 --leads "市发改委、市科技局" --reason "按市政府办公室意见"\n'
    'matrix correct 计划.txt 二.四.1 --participants "" --deadline "2026年底前"',
)
def correct(
    plan: PlanArg,
    task_id: Annotated[
        str, typer.Argument(metavar="任务编号", help="任务编号, 如 二.一.3 (见 matrix parse)。")
    ],
    leads: Annotated[
        NamesOpt,
        typer.Option("--leads", help='牵头单位, 第一个为第一牵头, 如 "市发改委、市科技局"; "" 为无。'),
    ] = None,
    participants: Annotated[
        NamesOpt, typer.Option("--participants", help='参与单位, 如 "市经委、市统计局"; "" 为无。')
    ] = None,
    other: Annotated[
        NamesOpt, typer.Option("--other", help="其他角色, 单位=角色, 如 市审计局=监督 (可重复)。")
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", help='完成时限, 如 "2026年6月底前"; "" 清除原文的时限。')
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="更正的理由 (记入设置文件)。")] = None,
    settings_file: SettingsOpt = None,
) -> None:
    """更正一项任务的分工 (不改动计划原文): 写入设置文件的 [corrections."任务编号"], 其余内容一字不改。"""
    from matrix.api import load_plan
    from matrix.corrections import write_correction
    from matrix.model import OtherRole
    from matrix.name_lists import split_names
    from matrix.settings import load_settings, settings_path

    if leads is None and participants is None and other is None and deadline is None:
        raise UsageError("请至少给出 --leads、--participants、--other 或 --deadline 中的一项")
    if plan.suffix.lower() in {".xlsx", ".xlsm"} and plan.is_file():
        from matrix.readers.workbook_stamp import read_stamp

        if read_stamp(plan) is not None:  # its cells are the reading: a correction there is an edit
            raise UsageError(
                f"{plan} 是 matrix 生成的分工表: 请直接在表中改正单元格后保存, "
                "或对原计划文件使用 matrix correct"
            )
    target = settings_file or settings_path(plan)
    settings = load_settings(plan, settings_file)
    graph = load_plan(plan, settings)
    found = {t.id: t for t in graph.tasks()}.get(task_id)
    if found is None:
        import difflib

        near = difflib.get_close_matches(task_id, list({t.id for t in graph.tasks()}), n=5, cutoff=0.5)
        hint = f" 是否指: {'、'.join(near)}?" if near else " 用 matrix parse 查看任务编号。"
        raise UsageError(f"计划中没有任务 {task_id}。{hint}")
    known = [d.name for d in graph.departments()] + [d.name for d in settings.departments]

    def names(values: list[str] | None) -> list[str] | None:
        if values is None:
            return None
        canonical = settings.canonical()
        out = [canonical.get(n, n) for value in values for n in split_names(value, known)]
        return list(dict.fromkeys(out))

    others = None
    if other is not None:
        others = []
        for item in other:
            name, sep, role = item.partition("=")
            if not sep or not name.strip() or not role.strip():
                raise UsageError(f"--other 应写作 单位=角色, 如 市审计局=监督, 而不是 {item!r}")
            others.append(OtherRole(name.strip(), role.strip()))
    write_correction(target, found, names(leads), names(participants), deadline, reason, others)

    fixed = {t.id: t for t in load_plan(plan, load_settings(plan, settings_file)).tasks()}
    shown = next(
        (t for t in fixed.values() if t.corrected and t.text == found.text), fixed.get(task_id, found)
    )
    print(f'已写入 {target}: [corrections."{task_id}"]', file=sys.stderr)
    print(
        f"任务 {shown.id} {shown.title}\n  牵头: {'、'.join(shown.leads) or '无'}\n"
        f"  参与: {'、'.join(shown.participants) or '无'}\n"
        + "".join(f"  {o.role}: {o.name}\n" for o in shown.others)
        + f"  完成时限: {shown.deadline or '无'}",
        file=sys.stderr,
    )
