"""The ``--help`` pages in Chinese: a command class and a group class that write their own frame.

Typer and click write the frame of a help page ("Usage:", "Options:", "[required]", "Show this
message and exit.") in English.  These classes, given to typer through ``cls=``, write every part of
the page themselves through click's public formatting methods: 用法, 参数, 选项, 命令 and 示例, taken
from the command's ``epilog`` (one example a line).  Nothing process-wide is changed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from typer.core import TyperCommand, TyperGroup

USAGE_PREFIX = "用法: "
HELP_OPTION_TEXT = "显示本帮助并退出。"
GUIDE_HINT = "详见《使用说明》(docs/使用说明.md, 离线安装包中的 使用说明.pdf)。"

# ``ctx`` and ``formatter`` are typed Any: typer ships its own copy of click, whose Context and
# HelpFormatter it does not export; only their public methods are called.

# Shared by the root group and inherited by every command under it.
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _argument_name(param: Any) -> str:
    name = str(param.metavar or (param.name or "").upper())
    return name + ("..." if param.nargs == -1 else "")


def _extras(param: Any, ctx: Any) -> str:
    """``[默认: out]`` or ``[必填]`` after a parameter's help, as click writes them in English."""
    extra = []
    show = param.show_default
    if isinstance(show, str):
        extra.append(f"默认: {show}")
    elif show is not False and not getattr(param, "is_flag", False):
        default = param.get_default(ctx, call=False)
        if default not in (None, "", (), []) and not callable(default):
            extra.append(f"默认: {default}")
    if param.required:
        extra.append("必填")
    return f"[{'; '.join(extra)}]" if extra else ""


def _record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """One row of the 参数 or 选项 list: the parameter's name and its help in Chinese."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        name = _argument_name(param)
    else:
        # The option's names and metavar as typer writes them (``-o, --out <path>``); only the
        # text after them, where the English frame words are, is written here.
        record = param.get_help_record(ctx)
        if record is None:
            return None
        name = record[0]
    text = " ".join(part for part in (param.help or "", _extras(param, ctx)) if part)
    return name, text


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces = ["[选项]"]
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = _argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    return pieces


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_NO_LINE_START = set("。，、；：！？）》」”’,.;:!?)")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between characters (Chinese has no
    spaces to break at) but never inside a run of Latin letters, digits, an option name, a
    ``<placeholder>`` with what is glued to it (``NN-<单位>.docx``) or a ``[默认: …]``."""
    lines, line = [], ""
    for word in re.findall(
        r"\[[^\[\]]{1,40}\]|[A-Za-z0-9_./\-]*<[^<>]*>[A-Za-z0-9_./\-]* ?|[A-Za-z0-9_./<>\-\[\]=:*]+ ?|.", text
    ):
        # Closing punctuation never starts a line (it may overhang by one character instead).
        if line and _width(line + word.rstrip()) > width and word.strip() not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    return [*lines, line.rstrip()] if line.strip() else lines


def _write_rows(formatter: Any, rows: list[tuple[str, str]]) -> None:
    """A two-column list (name, help) aligned by display width, as click's ``write_dl`` aligns
    Latin text; click counts characters, which leaves Chinese names out of line."""
    first = min(max(_width(name) for name, _ in rows), 30)
    indent = " " * formatter.current_indent
    for name, text in rows:
        room = max(formatter.width - formatter.current_indent - first - 2, 20)
        lines = _wrap(text, room) or [""]
        if _width(name) > first:
            formatter.write(f"{indent}{name}\n")
            lead = indent + " " * (first + 2)
        else:
            lead = indent + name + " " * (first - _width(name) + 2)
        formatter.write(f"{lead}{lines[0]}".rstrip() + "\n")
        for line in lines[1:]:
            formatter.write(f"{indent}{' ' * (first + 2)}{line}\n")


def _format_parameters(command: Any, ctx: Any, formatter: Any) -> None:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        row = _record(param, ctx)
        if row is not None:
            (arguments if param.param_type_name == "argument" else options).append(row)
    if arguments:
        with formatter.section("参数"):
            _write_rows(formatter, arguments)
    if options:
        with formatter.section("选项"):
            _write_rows(formatter, options)


def _format_examples(command: Any, formatter: Any) -> None:
    """The command's examples (its ``epilog``, one a line), written as given, never rewrapped."""
    if not command.epilog:
        return
    with formatter.section("示例"):
        for line in command.epilog.strip().splitlines():
            formatter.write(f"{'':>{formatter.current_indent}}{line.strip()}\n")


def _help_option(option: Any) -> Any:
    if option is not None:
        option.help = HELP_OPTION_TEXT
    return option


class ChineseCommand(TyperCommand):
    """A command whose ``--help`` page is written in Chinese, ending with its examples."""

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(_usage_pieces(self, ctx)), prefix=USAGE_PREFIX)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_parameters(self, ctx, formatter)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        _format_examples(self, formatter)


class ChineseGroup(TyperGroup):
    """A group of commands whose ``--help`` page is written in Chinese: 用法, 选项, 命令, 示例."""

    def get_help_option(self, ctx: Any) -> Any:
        return _help_option(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, "[选项] 命令 [参数]...", prefix=USAGE_PREFIX)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_parameters(self, ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=90)))
        if rows:
            with formatter.section("命令"):
                _write_rows(formatter, rows)

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        _format_examples(self, formatter)
