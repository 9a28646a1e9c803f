"""``--help`` in Chinese: every command's page has a Chinese frame and ends with its examples."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import typer

from matrix.cli import _register, app, main

# The frame words click and typer write in English, and the messages they print on a usage error.
ENGLISH = (
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "[required]",
    "[default",
    "Show this message and exit",
    "Error:",
    "No such option",
    "Missing option",
    "Missing argument",
    "Did you mean",
)


def _command_paths() -> Iterator[list[str]]:
    """Every command path of the CLI, root and groups included: [], ["parse"], ["template", "check"]."""
    _register()
    root = typer.main.get_command(app)

    def walk(command: object, path: list[str]) -> Iterator[list[str]]:
        yield path
        commands = getattr(command, "commands", {})
        for name, sub in sorted(commands.items()):
            yield from walk(sub, [*path, name])

    yield from walk(root, [])


PATHS = list(_command_paths())


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0), out, err


def test_every_command_is_listed() -> None:
    names = {" ".join(p) for p in PATHS}
    assert {"", "parse", "check", "build", "letters", "diff", "collect", "template check"} <= names


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "matrix")
def test_help_page_is_chinese_and_ends_with_examples(
    path: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run([*path, "--help"], capsys)
    assert code == 0 and err == ""
    for word in ENGLISH:
        assert word not in out, f"matrix {' '.join(path)} --help shows {word!r}:\n{out}"
    assert out.startswith("用法: matrix")
    assert "选项:" in out and "显示本帮助并退出。" in out
    # The page ends with one or two examples, each a matrix command of this very command path.
    head, _, examples = out.rstrip().rpartition("\n示例:\n")
    assert head, f"no 示例 at the end of:\n{out}"
    lines = [line.strip() for line in examples.splitlines()]
    assert 1 <= len(lines) <= 2, lines
    for line in lines:
        assert line.startswith(" ".join(["matrix", *path])), line


@pytest.mark.parametrize("path", [p for p in PATHS if p], ids=" ".join)
def test_short_help_option_too(path: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run([*path, "-h"], capsys)
    assert code == 0 and out.startswith("用法: ")


def test_required_and_default_are_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["show", "--help"], capsys)
    assert re.search(r"--dept <\w+>\s+单位名称.*\[必填\]", out)
    _, out, _ = _run(["build", "--help"], capsys)
    assert re.search(r"--out, --output <\w+>\s+输出文件夹.*\[默认: out\]", out)


def test_a_group_without_its_command_shows_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["template"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("用法: matrix template") and "命令:" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["parse", "x.txt", "--bogus"], "错误: 没有选项 --bogus"),
        (["parsee"], "错误: 没有命令 parsee, 是否指 'parse'?"),
        (["show", "x.txt"], "错误: 缺少选项 --dept"),
        (["diff", "a.txt"], "错误: 缺少参数 修订后计划"),
        (["parse", "x.txt", "--format"], "错误: 选项 --format 需要一个值"),
    ],
)
def test_usage_errors_are_chinese(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(args, capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[0] == expected
    for word in ENGLISH:
        assert word not in err


def test_columns_line_up_on_screen_with_chinese_names(capsys: pytest.CaptureFixture[str]) -> None:
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    _, out, _ = _run(["diff", "--help"], capsys)
    arguments = out.split("参数:\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[0] for line in arguments] == ["原计划", "修订后计划"]
    starts = {width(line[: line.index(line.split()[1])]) for line in arguments}
    assert len(starts) == 1, arguments
    # Wrapped help stays under the width and never splits a placeholder such as NN-<单位>.docx.
    assert "NN-<单位>.docx" in out
    assert all(width(line) <= 100 for line in out.splitlines())
