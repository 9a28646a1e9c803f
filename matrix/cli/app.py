"""The ``matrix`` command group itself; each module of :mod:`matrix.cli` adds its commands to it."""

from __future__ import annotations

import typer

from matrix.cli.help import CONTEXT_SETTINGS, GUIDE_HINT, ChineseGroup

app = typer.Typer(
    name="matrix",
    cls=ChineseGroup,
    context_settings=CONTEXT_SETTINGS,
    help="把政府工作计划解析为分工表、交办通知与进展表。" + GUIDE_HINT,
    epilog="matrix check 计划.txt\nmatrix build 计划.txt -o out",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="出错时显示完整的调用栈 (供开发人员排查)。"),
) -> None:
    """matrix: 计划文本 → 任务分工 (牵头、参与单位) → 交办通知、分工表。"""
