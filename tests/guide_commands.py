"""The commands the user guide shows, run as a clerk would run them, in one folder.

The guide (``docs/使用说明.md``) shows commands in ```` ```console ```` blocks: a line ``$ matrix …``
is a command, the lines under it (up to the next ``$``) are what it prints, standard output and
standard error together.  A line that is only ``…`` stands for any number of lines the guide leaves
out.  Blocks in other languages (```` ```bat ```` for Windows-only steps, ```` ```text ````) are not
run; nor is ``matrix serve`` (it does not end by itself).

The folder is the one the guide describes: the default plan saved as 自主创新行动计划.txt with its
settings file, a revision of it, a short draft with mistakes, and bureaus' filled progress forms
in 收回/.  ``python tests/guide_commands.py`` prints what each command prints now.
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


@dataclass
class Command:
    """One ``$ matrix …`` line of the guide and the output shown under it."""

    line: int
    args: list[str]
    shown: list[str]


def console_blocks(text: str) -> list[Command]:
    """Every command of the guide's ``console`` blocks, in order."""
    commands: list[Command] = []
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            in_block = not in_block and line.strip() == "```console"
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            commands.append(Command(number, shlex.split(line[2:]), []))
        elif commands:
            commands[-1].shown.append(line.rstrip())
    return commands


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether the output shown is the actual output, ``…`` lines standing for any lines."""
    pattern = "\n".join(
        r"(?:.*\n)*?" if line.strip() == ELLIPSIS else re.escape(line) + r"\n" for line in shown
    )
    return re.fullmatch(pattern, "".join(f"{line}\n" for line in actual)) is not None


def prepare(folder: Path) -> Path:
    """The clerk's folder the guide works in."""
    sys.path.insert(0, str(ROOT / "tests"))
    from progress_helpers import fill_form, revised_plan

    from matrix.api import load_plan
    from matrix.settings import load_settings
    from matrix.writers.forms import write_forms

    default = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(default, folder / PLAN)
    shutil.copy(default.with_suffix(".toml"), (folder / PLAN).with_suffix(".toml"))
    revised = revised_plan(folder / "rev")
    shutil.move(revised, folder / REVISED)
    shutil.move(revised.with_suffix(".toml"), (folder / REVISED).with_suffix(".toml"))
    shutil.rmtree(folder / "rev")
    (folder / DRAFT).write_text(DRAFT_TEXT, encoding="utf-8")
    # Three bureaus return their forms: two filled in, one with a status typed by hand.
    plan = folder / PLAN
    blank = write_forms(load_plan(plan, load_settings(plan, None)), load_settings(plan, None), folder / "blank")
    day = dt.date(2026, 12, 20)
    for form, status in zip(blank[:3], ("推进中", "已完成", "差不多了"), strict=True):
        fill_form(form, folder / RETURNS / form.name, lambda _text, s=status: s, filled=day)
    shutil.rmtree(folder / "blank")
    return folder


def run(command: Command, folder: Path) -> tuple[int, list[str]]:
    """Run a guide command in ``folder``: its exit code and its output lines."""
    program = Path(sys.executable).with_name("matrix")
    args = [str(program) if program.exists() else "matrix", *command.args[1:]]
    env = {**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run(
        args, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=600
    )
    return done.returncode, [line.rstrip() for line in done.stdout.decode("utf-8").splitlines()]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        work = prepare(Path(tmp) / "工作")
        for cmd in console_blocks(GUIDE.read_text(encoding="utf-8")):
            if " ".join(cmd.args).startswith(EXEMPT):
                continue
            code, out = run(cmd, work)
            print(f"## line {cmd.line}: $ {shlex.join(cmd.args)}  (exit {code})")
            print("\n".join(out))
