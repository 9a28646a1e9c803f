"""The ``matrix`` command: a thin layer over the library, one small module per group of commands.

Every user error ends as one plain sentence on standard error and exit code 2; ``check`` exits 1
when it finds errors; a traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import re
import sys

import typer
from typer.exceptions import Abort, Exit, TyperException

from matrix.cli.help import CONTEXT_SETTINGS, GUIDE_HINT, USAGE_PREFIX, ChineseGroup
from matrix.errors import MatrixError

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


def _register() -> None:
    # Each module adds its commands to ``app`` when imported; the imports are here, not at the
    # top, so that ``matrix --help`` and ``matrix parse`` never import the Word and Excel writers.
    from matrix.cli import plan_commands  # noqa: F401

    for name in ("build", "letters", "workbook", "diff", "forms", "correct", "serve"):
        try:
            __import__(f"matrix.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"matrix.cli.{name}":
                raise


def _configure_streams() -> None:
    # A Windows console may be GBK: never die on a character it cannot show.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


_MESSAGES = [
    (r"Missing option '([^']+)'.*", r"缺少选项 \1"),
    (r"Missing argument '([^']+)'.*", r"缺少参数 \1"),
    (r"No such option: (\S+).*", r"没有选项 \1"),
    (r"No such command '([^']+)'\. Did you mean (.*)\?", r"没有命令 \1, 是否指 \2?"),
    (r"No such command '([^']+)'.*", r"没有命令 \1"),
    (r"Got unexpected extra arguments? \((.*)\)", r"多余的参数: \1"),
    (r"Invalid value for '([^']+)': (.*)", r"选项 \1 的值无效: \2"),
    (r"Option '([^']+)' requires an argument\.", r"选项 \1 需要一个值"),
]


def _chinese(message: str) -> str:
    """The usage errors a clerk meets most, in Chinese; anything else as the parser wrote it."""
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message.strip(), flags=re.DOTALL):
            return re.sub(pattern, replacement, message.strip(), flags=re.DOTALL)
    return message


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code: 0 done, 1 check found errors, 2 wrong input or command."""
    _configure_streams()
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        _register()
        result = app(args=args, standalone_mode=False, prog_name="matrix")
    except MatrixError as exc:
        if debug:
            raise
        print(f"错误: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except Exit as exc:
        sys.exit(exc.exit_code)
    except Abort:
        print("已中止。", file=sys.stderr)
        sys.exit(130)
    except TyperException as exc:
        message = exc.format_message()
        if message.startswith(USAGE_PREFIX):
            # A group called without a command: its help page, as ``--help`` prints it.
            print(message)
            sys.exit(0)
        print(f"错误: {_chinese(message)}", file=sys.stderr)
        print("用 matrix --help 查看命令的用法。", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("已中止。", file=sys.stderr)
        sys.exit(130)
    except OSError as exc:
        if debug:
            raise
        print(f"错误: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        sys.exit(2)
    if result == 130:  # typer's answer to Ctrl-C in a command: it returns 130, and says nothing
        print("已中止。", file=sys.stderr)
    sys.exit(result if isinstance(result, int) else 0)
