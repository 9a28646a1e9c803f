"""Corrections in the settings file: applied everywhere, following their task, stale when it changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from letters_helpers import all_text
from openpyxl import load_workbook

from matrix.api import parse_plan
from matrix.corrections import apply_corrections, match_corrections, parse_corrections, text_hash
from matrix.errors import InputError
from matrix.settings import load_settings

TASK = "二.一.3"
STEM = "00_zizhu_chuangxin_2008"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture
def plan(default_plan: Path, tmp_path: Path) -> Path:
    """A copy of the default plan with its settings file (comments and all)."""
    target = tmp_path / default_plan.name
    shutil.copy(default_plan, target)
    shutil.copy(default_plan.with_suffix(".toml"), target.with_suffix(".toml"))
    return target


def correct(plan: Path, *args: str) -> None:
    done = run("correct", plan, TASK, *args)
    assert done.returncode == 0, done.stderr


def tasks_json(plan: Path, *args: str | Path) -> dict[str, dict[str, object]]:
    done = run("parse", plan, "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return {t["id"]: t for t in json.loads(done.stdout)["tasks"]}


def test_a_correction_is_applied_in_every_output(plan: Path, tmp_path: Path) -> None:
    before = parse_plan(plan)
    task = next(t for t in before.tasks if t.id == TASK)
    named = {n for t in before.tasks if t.id != TASK for n in (*t.leads, *t.participants)}
    only_here = sorted({*task.leads, *task.participants} - named - {"市财政局", "市发改委", "市经委"})
    assert only_here  # bureaus the text names only on this task: wrongly read, they get no letter
    correct(
        plan,
        "--leads",
        "市财政局、市发改委",
        "--participants",
        "市经委",
        "--deadline",
        "2026年6月底前",
        "--reason",
        "按市政府办公室意见补充",
    )

    data = tasks_json(plan)[TASK]
    assert (data["leads"], data["participants"], data["deadline"]) == (
        ["市财政局", "市发改委"],
        ["市经委"],
        "2026年6月底前",
    )
    assert data["corrected"] is True
    assert sum(t["corrected"] is True for t in tasks_json(plan).values()) == 1
    assert run("check", plan).returncode == 0
    shown = run("show", plan, "--dept", "市财政局")
    assert TASK in shown.stdout

    out = tmp_path / "out"
    done = run("build", plan, "-o", out)
    assert done.returncode == 0, done.stderr
    letters = {p.name.split("-", 1)[1]: p for p in (out / "letters").glob("[0-9]*.docx")}
    assert not set(only_here) & {n.removesuffix(".docx") for n in letters}
    finance = all_text(letters["市财政局.docx"].read_bytes())
    assert task.title in finance and "2026年6月底前" in finance
    notice = all_text((out / "letters" / "分工通知.docx").read_bytes())
    assert "市财政局\n市发改委" in notice  # the attachment's 牵头单位 cell, a unit a line
    workbook = load_workbook(out / f"{STEM}-分工表.xlsx")
    row = next(
        r for r in workbook["任务分工表"].iter_rows(values_only=True) if str(r[1]).startswith(TASK + " ")
    )
    assert row[3:6] == ("市财政局、市发改委", "市经委", "2026年6月底前")
    notes = {r[0]: r[1] for r in workbook["说明"].iter_rows(values_only=True)}
    assert TASK in notes["更正"] and "按市政府办公室意见补充" in notes["更正"]  # the record of why
    form = next((out / "forms").glob("*-市财政局.xlsx"))
    cells = [c for r in load_workbook(form).worksheets[0].iter_rows(values_only=True) for c in r]
    assert any(str(c).startswith(TASK) for c in cells)


def test_a_correction_follows_its_task_through_a_renumbering(plan: Path, tmp_path: Path) -> None:
    correct(plan, "--leads", "市财政局", "--reason", "按市政府意见调整")
    lines = plan.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("3.着力提升服务业"))
    inserted = "3.着力推进数字经济创新发展。培育数字产业。(由市经委牵头,市统计局参与)"
    renumbered = [*lines[:at], inserted, "", "4." + lines[at][2:], *lines[at + 1 :]]
    revised = tmp_path / "revised.txt"
    revised.write_text("\n".join(renumbered), encoding="utf-8")

    tasks = tasks_json(revised, "--settings", plan.with_suffix(".toml"))
    assert tasks["二.一.4"]["leads"] == ["市财政局"] and tasks["二.一.4"]["corrected"] is True
    assert tasks["二.一.3"]["leads"] == ["市经委"] and tasks["二.一.3"]["corrected"] is False
    assert run("check", revised, "--settings", plan.with_suffix(".toml")).returncode == 0

    done = run("diff", plan, revised)
    assert "1 条仍适用于新版本 (二.一.3→二.一.4)" in done.stderr
    assert f"--settings {plan.with_suffix('.toml')}" in done.stderr  # how to reuse the settings


def _stale(plan: Path, revised: Path, tmp_path: Path, why: str) -> None:
    settings = plan.with_suffix(".toml")
    shutil.copy(settings, revised.with_suffix(".toml"))
    check = run("check", revised)
    assert check.returncode == 1
    errors = [line for line in check.stdout.splitlines() if "更正已失效" in line]
    assert len(errors) == 1 and why in errors[0] and f'[corrections."{TASK}"]' in errors[0]
    assert "着力提升服务业创新能力" in errors[0]  # the task's old first words

    out = tmp_path / "out"
    build = run("build", revised, "-o", out)
    assert build.returncode == 1  # after writing
    assert (out / "manifest.json").is_file() and len(list((out / "letters").iterdir())) > 3
    assert errors[0] in build.stderr  # the same error
    # never applied silently: the plan reads as its text gives it
    assert all(not t["corrected"] for t in tasks_json(revised).values())


def test_a_correction_whose_task_was_deleted_is_stale(plan: Path, tmp_path: Path) -> None:
    correct(plan, "--leads", "市财政局")
    lines = plan.read_text(encoding="utf-8").split("\n")
    revised = tmp_path / "deleted.txt"
    revised.write_text("\n".join(x for x in lines if not x.startswith("3.着力提升服务业")), encoding="utf-8")
    _stale(plan, revised, tmp_path, "已不存在")


def test_a_correction_whose_task_text_changed_is_stale(plan: Path, tmp_path: Path) -> None:
    correct(plan, "--leads", "市财政局")
    text = plan.read_text(encoding="utf-8")
    revised = tmp_path / "changed.txt"
    revised.write_text(
        text.replace("3.着力提升服务业创新能力。", "3.着力提升服务业创新能力。进一步", 1), "utf-8"
    )
    _stale(plan, revised, tmp_path, "内容已改变")


def test_clearing_a_deadline_and_giving_one(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "一、任务\n1.建设创新平台，2026年底前完成。(由市科技局牵头,市财政局参与)\n"
        "2.培育创新企业。(由市经委牵头)\n",
        encoding="utf-8",
    )
    assert tasks_json(plan)["一.1"]["deadline"] == "2026年底前"
    for task, deadline in (("一.1", ""), ("一.2", "2027年6月底前")):
        done = run("correct", plan, task, "--deadline", deadline)
        assert done.returncode == 0, done.stderr
    tasks = tasks_json(plan)
    assert tasks["一.1"]["deadline"] is None and tasks["一.1"]["leads"] == ["市科技局"]
    assert tasks["一.2"]["deadline"] == "2027年6月底前"
    assert (
        tomllib.loads(plan.with_suffix(".toml").read_text("utf-8"))["corrections"]["一.1"]["deadline"] == ""
    )


def test_matrix_correct_keeps_the_rest_of_the_file_byte_for_byte(plan: Path) -> None:
    settings = plan.with_suffix(".toml")
    original = settings.read_bytes()
    assert b"#" in original  # the default settings file is commented
    correct(plan, "--leads", "市发改委、市科技局", "--participants", "市经委", "--reason", "原文括号缺失")
    once = settings.read_bytes()
    assert once.startswith(original)
    entry = tomllib.loads(once.decode("utf-8"))["corrections"][TASK]
    task = next(t for t in parse_plan(plan, load_settings(plan, settings)).tasks if t.id == TASK)
    assert entry["text"] == text_hash(task.text) and entry["reason"] == "原文括号缺失"

    # a comment and a table after the entry; a second correction of the task replaces it in place
    tail = '\n# 以下为其他设置\n[departments."市审计局"]\ncontact = "周敏"\n'
    settings.write_bytes(once + tail.encode("utf-8"))
    correct(plan, "--other", "市审计局=监督", "--deadline", "")
    twice = settings.read_text(encoding="utf-8")
    assert twice.startswith(original.decode("utf-8")) and twice.endswith(tail)
    assert twice.count(f'[corrections."{TASK}"]') == 1
    entry = tomllib.loads(twice)["corrections"][TASK]
    assert "leads" not in entry and entry["others"] == [{"name": "市审计局", "role": "监督"}]


def test_matrix_correct_keeps_a_bom_and_windows_line_ends(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、任务\n1.建设创新平台。(由市科技局牵头,市财政局参与)\n", encoding="utf-8")
    settings = plan.with_suffix(".toml")
    original = '\ufeff# 设置\r\n[letter]\r\ncontact = "张明"\r\n'.encode()
    settings.write_bytes(original)
    done = run("correct", plan, "一.1", "--leads", "市经委")
    assert done.returncode == 0, done.stderr
    data = settings.read_bytes()
    assert data.startswith(original) and b"\n" not in data.replace(b"\r\n", b"")
    assert tasks_json(plan)["一.1"]["leads"] == ["市经委"]


def test_matrix_correct_refuses_an_unknown_task_or_nothing_to_correct(plan: Path) -> None:
    before = plan.with_suffix(".toml").read_bytes()
    unknown = run("correct", plan, "二.一.99", "--leads", "市财政局")
    assert unknown.returncode == 2 and "没有任务 二.一.99" in unknown.stderr
    empty = run("correct", plan, TASK, "--reason", "无")
    assert empty.returncode == 2 and "--leads" in empty.stderr
    assert plan.with_suffix(".toml").read_bytes() == before


def test_matching_prefers_the_text_then_the_id(plan: Path) -> None:
    parsed = parse_plan(plan)
    first, second = parsed.tasks[0], parsed.tasks[1]
    data = {
        second.id: {"text": text_hash(first.text), "leads": ["市审计局"]},  # the text moved to another id
        "九.九": {"text": "00000000", "leads": ["市审计局"]},  # nowhere
    }
    found = match_corrections(parsed.tasks, parse_corrections(data, Path("x.toml")))
    assert found[0].task is first and found[1].task is None and found[1].finding is not None
    fixed, findings = apply_corrections(parsed, parse_corrections(data, Path("x.toml")))
    assert fixed.tasks[0].leads == ["市审计局"] and fixed.tasks[1].leads == second.leads
    assert parsed.tasks[0].leads != ["市审计局"]  # the plan given is left as it was
    assert len(findings) == 1 and "已不存在" in findings[0].message
    assert "市审计局" in {d.name for d in fixed.departments}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"leads": ["市财政局"]}, "缺少 text"),
        ({"text": "0b99305e", "lead": ["市财政局"]}, "不认识的项"),
        ({"text": "0b99305e", "leads": [1]}, "应为单位名称的列表"),
    ],
)
def test_a_wrong_correction_entry_is_a_plain_error(entry: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_corrections({TASK: entry}, Path("plan.toml"))
