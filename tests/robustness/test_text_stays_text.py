"""Issue 14, items 3 and 4: text that stays text.

Every workbook cell, the forms' hidden ``_matrix`` stamp included, is written as text (never a
formula); characters XML cannot hold (U+FFFE, U+FFFF, control characters) are removed from plan
text, settings and returns with a warning naming where they were, and never reach a document.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument

from matrix.api import load_plan
from matrix.render.xlsx.forms import render_form
from matrix.settings import load_settings


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


HOSTILE_DEPT = "=cmd|'calc'!A0"


def _formula_cells(xlsx: bytes | Path) -> list[str]:
    found = []
    with zipfile.ZipFile(xlsx if isinstance(xlsx, Path) else __import__("io").BytesIO(xlsx)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [f"{name}: {m}" for m in re.findall(rb"<f[ >].{0,60}", z.read(name))]
    return [str(f) for f in found]


@pytest.mark.parametrize("where", ["plan", "settings"])
def test_a_formula_in_a_title_or_a_name_stays_text_in_every_form(tmp_path: Path, where: str) -> None:
    plan = tmp_path / "plan.txt"
    dept = HOSTILE_DEPT if where == "plan" else "市财政局"
    plan.write_text(f"=1+1行动计划\n一、任务\n1.甲。（{dept}牵头，市商务局参与）\n", encoding="utf-8")
    if where == "settings":
        plan.with_suffix(".toml").write_text(
            f'[departments."{HOSTILE_DEPT}"]\naliases = ["市财政局"]\n[departments."市商务局"]\n',
            encoding="utf-8",
        )
    settings = load_settings(plan)
    graph = load_plan(plan, settings)
    assert graph.title == "=1+1行动计划"
    assert HOSTILE_DEPT in [d.name for d in graph.departments()]
    for d in graph.departments():
        assert _formula_cells(render_form(graph, settings, d.name)) == []


def test_the_untouched_form_of_a_bureau_with_a_formula_name_is_collected(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(f"=1+1行动计划\n一、任务\n1.甲。（{HOSTILE_DEPT}牵头，市商务局参与）\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _run("forms", str(plan), "-o", str(out)).returncode == 0
    run = _run("collect", str(plan), str(out / "forms"), "-o", str(out), "--as-of", "2026-12-01")
    assert run.returncode == 0, run.stderr
    assert "已报送 2" in run.stderr and "无效 0" in run.stderr, run.stderr


NON_CHARACTERS = "\ufffe\uffff\x01"


def test_non_characters_in_a_plan_are_removed_with_a_warning(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "一、任务\n1.甲\uffff项。（市财政\ufffe局牵头，市商务局参与）\n2.乙。（市商务局负责）\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    letters = _run("letters", str(plan), "-o", str(out))
    assert letters.returncode == 0, letters.stderr
    for docx in (out / "letters").glob("*.docx"):
        WordDocument(str(docx))  # a document Word refuses would not parse here either
        with zipfile.ZipFile(docx) as z:
            xml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml")).decode("utf-8")
        assert not set(NON_CHARACTERS) & set(xml)
    build = _run("build", str(plan), "-o", str(out))
    assert build.returncode == 0 and "Traceback" not in build.stderr, build.stderr
    check = _run("check", str(plan))
    assert "第2行" in check.stdout and "无法写入" in check.stdout, check.stdout
    graph = load_plan(plan)
    assert [d.name for d in graph.departments()] == ["市财政局", "市商务局"]


def test_control_characters_in_settings_are_removed_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、任务\n1.甲。（市财政局牵头，市商务局参与）\n", encoding="utf-8")
    plan.with_suffix(".toml").write_text(
        '[letter]\ncontact = "张\\u0001明\\uffff"\n'
        '[departments."市财\\u0001政局"]\ncontact = "王\\ufffe芳"\n',
        encoding="utf-8",
    )
    settings = load_settings(plan)
    assert [d.name for d in settings.departments] == ["市财政局"]
    assert settings.letter.contact == "张明" and settings.departments[0].contact == "王芳"
    assert settings.warnings and all("plan.toml" in w for w in settings.warnings)
    out = tmp_path / "out"
    build = _run("build", str(plan), "-o", str(out))
    assert build.returncode == 0 and "Traceback" not in build.stderr, build.stderr
    check = _run("check", str(plan))
    assert "plan.toml" in check.stdout and "无法写入" in check.stdout, check.stdout
