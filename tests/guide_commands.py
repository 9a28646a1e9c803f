"""The commands the user guide shows, run as a clerk would run them, in one folder.

The guide (``docs/使用说明.md``) shows commands in ```` ```console ```` blocks: a line ``$ matrix …``
is a command, the lines under it (up to the next ``$``) are what it prints, standard output and
standard error together.  A line that is only ``…`` stands for any number of lines the guide leaves
out.  Blocks in other languages (```` ```bat ```` for Windows-only steps, ```` ```text ````) are not
run; nor is ``matrix serve`` (it does not end by itself).

The folder is the one the guide describes: the default plan saved as 自主创新行动计划.txt with its
settings file, a revision of it, a short draft with mistakes, a plan with a label matrix does not
know, and bureaus' filled progress forms in 收回/.  A code block under ``<!-- 文件: NAME -->``
is a file the guide tells the clerk to save: it is saved there at that point.
``python tests/guide_commands.py`` prints what each command prints now.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "使用说明.md"
PLAN = "自主创新行动计划.txt"
REVISED = "自主创新行动计划-修订.txt"
DRAFT = "草稿.txt"
UNREAD = "营商环境方案.txt"
RETURNS = "收回"
ELLIPSIS = "…"
# Commands the test does not run: the local web page runs until it is stopped.
EXEMPT = ("matrix serve",)

DRAFT_TEXT = """数字政府建设工作方案

一、重点任务
（一）完善政务服务平台。推进政务服务“一网通办”。（由市数据局牵头，市发改委、市财政局参与
（二）加强数据共享。建立全市数据共享目录。（由市科技局牵头，市科学技术局、市统计局参与）
（三）优化营商环境。（由市发改委牵头，市市场监管局参与）
"""

UNREAD_TEXT = """优化营商环境工作方案

一、重点任务
（一）推进政务服务改革。深化“放管服”改革。
牵头单位：市发改委
对接单位：市数据局、市市场监管局
（二）推进审批提速。压减审批时限。
牵头单位：市市场监管局
配合单位：市发改委
"""


@dataclass
class Command:
    """One ``$ matrix …`` line of the guide and the output shown under it."""

    line: int
    args: list[str]
    shown: list[str]


@dataclass
class File:
    """A file the guide shows in full (a code block under ``<!-- 文件: NAME -->``): the clerk saves
    it at this point, and so does the test."""

    line: int
    name: str
    text: str


FILE_MARK = re.compile(r"<!-- 文件: (.+?) -->")


def steps(text: str) -> list[Command | File]:
    """The guide's commands and files, in order."""
    out: list[Command | File] = []
    block: str | None = None
    body: list[str] = []
    file_name: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if block is None:
            mark = FILE_MARK.fullmatch(line.strip())
            if mark:
                file_name = mark.group(1)
            elif line.startswith("```"):
                block, body = line.strip()[3:], []
            elif line.strip():
                file_name = None
            continue
        if line.startswith("```"):
            if file_name is not None:
                out.append(File(number, file_name, "".join(f"{b}\n" for b in body)))
            block, file_name = None, None
            continue
        body.append(line)
        if block != "console" or file_name is not None:
            continue
        if line.startswith("$ "):
            out.append(Command(number, shlex.split(line[2:]), []))
        elif out and isinstance(out[-1], Command):
            out[-1].shown.append(line.rstrip())
    return out


def _line_pattern(line: str) -> str:
    if line.strip() == ELLIPSIS:
        return r"(?:.*\n)*?"
    return ".*?".join(re.escape(part) for part in line.split(ELLIPSIS)) + r"\n"


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether the output shown is the actual output: a line ``…`` stands for any lines, a ``…``
    inside a line for any text (a path that differs from machine to machine)."""
    pattern = "".join(_line_pattern(line) for line in shown)
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in actual)) is not None


def prepare(folder: Path) -> Path:
    """The clerk's folder the guide works in."""
    sys.path.insert(0, str(ROOT / "tests"))
    from progress_helpers import fill_form, revised_plan

    from matrix.api import load_plan
    from matrix.render.xlsx.forms import write_forms
    from matrix.settings import load_settings

    default = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(default, folder / PLAN)
    shutil.copy(default.with_suffix(".toml"), (folder / PLAN).with_suffix(".toml"))
    # The revision comes without a settings file: the guide has the clerk reuse the plan's.
    revised = revised_plan(folder / "rev")
    shutil.move(revised, folder / REVISED)
    shutil.rmtree(folder / "rev")
    (folder / DRAFT).write_text(DRAFT_TEXT, encoding="utf-8")
    (folder / UNREAD).write_text(UNREAD_TEXT, encoding="utf-8")
    # The letter template as installed (matrix/resources), copied as the guide says.
    shutil.copy(ROOT / "matrix" / "resources" / "letter.docx", folder / "letter.docx")
    # Three bureaus return their forms: two filled in, one with a status typed by hand in its
    # first row.
    plan = folder / PLAN
    settings = load_settings(plan, None)
    blank = write_forms(load_plan(plan, settings), settings, folder / "blank")
    day = dt.date(2026, 12, 20)
    typed: list[str] = []

    def by_hand(_text: str) -> str:
        typed.append(_text)
        return "差不多了" if len(typed) == 1 else "推进中"

    fill_form(blank[0], folder / RETURNS / blank[0].name, lambda _text: "推进中", filled=day)
    fill_form(blank[1], folder / RETURNS / blank[1].name, lambda _text: "已完成", filled=day)
    fill_form(blank[2], folder / RETURNS / blank[2].name, by_hand, filled=day)
    shutil.rmtree(folder / "blank")
    return folder


def run(command: Command, folder: Path) -> tuple[int, list[str]]:
    """Run a guide command in ``folder``: its exit code and its output lines."""
    program = Path(sys.executable).with_name("matrix")
    args = [str(program) if program.exists() else "matrix", *command.args[1:]]
    env = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "TERM": "dumb"}
    # Unbuffered, so that standard output and standard error interleave as on a screen.
    env["PYTHONUNBUFFERED"] = "1"
    done = subprocess.run(
        args, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=600
    )
    return done.returncode, [line.rstrip() for line in done.stdout.decode("utf-8").splitlines()]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        work = prepare(Path(tmp) / "工作")
        for step in steps(GUIDE.read_text(encoding="utf-8")):
            if isinstance(step, File):
                (work / step.name).write_text(step.text, encoding="utf-8")
            elif not " ".join(step.args).startswith(EXEMPT):
                code, out = run(step, work)
                print(f"## line {step.line}: $ {shlex.join(step.args)}  (exit {code})")
                print("\n".join(out))
