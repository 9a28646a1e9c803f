"""The ``matrix`` command: a thin layer over the library, one small module per group of commands.

Every user error ends as one plain sentence on standard error and exit code 2; ``check`` exits 1
when it finds errors; a traceback is shown only with ``--debug``.
The CLI may import everything but ``web`` (``matrix serve`` imports it when run).
"""

from __future__ import annotations

import re
import sys

from typer.exceptions import Abort, Exit, TyperException

from matrix.cli.app import app
from matrix.cli.help import USAGE_PREFIX
from matrix.errors import MatrixError


def _register() -> None:
    # Each module adds its commands to ``app`` when imported; the imports are here, not at the
    # top, so that ``matrix --help`` and ``matrix parse`` never import the Word and Excel writers.
    from matrix.cli import build, correct, diff, forms, letters, plan_commands, serve, workbook  # noqa: F401


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
