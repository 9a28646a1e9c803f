"""``matrix build``: the whole output layout, and a rebuild that touches only what changed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from matrix import load_plan
from matrix.build.plan import BuildOptions, build
from matrix.settings import load_settings


def _build(plan: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", "build", str(plan), "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _stamps(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_build_writes_the_layout_and_a_manifest(default_plan: Path, tmp_path: Path) -> None:
    plan = tmp_path / default_plan.name
    shutil.copy(default_plan, plan)
    shutil.copy(default_plan.with_suffix(".toml"), plan.with_suffix(".toml"))
    out = tmp_path / "out"
    run = _build(plan, out)
    assert run.returncode == 0, run.stderr
    assert (out / "00_zizhu_chuangxin_2008-分工表.xlsx").is_file()
    letters = sorted(p.name for p in (out / "letters").iterdir())
    assert len([n for n in letters if n[:2].isdigit()]) == 39
    assert "分工通知.docx" in letters and "打印合订本.docx" in letters
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["plan"] == plan.name
    assert set(manifest["files"]) == {p for p in _stamps(out) if p != "manifest.json"}
    assert manifest["files"]["letters/01-市科技局.docx"]["department"] == "市科技局"

    before = _stamps(out)
    run = _build(plan, out)
    assert run.returncode == 0 and "写入 0 个文件" in run.stderr
    assert _stamps(out) == before


def test_rebuild_after_a_one_task_change_touches_only_that_tasks_bureaus(
    default_plan: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.txt"
    text = default_plan.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    settings = load_settings(plan)
    build(load_plan(plan, settings), settings, out, BuildOptions())
    before = _stamps(out)
    # 二.二.3 is led by 市科技局 with 市卫生局, 市食品药品监管局, 市公安局, 市气象局 taking part
    plan.write_text(
        text.replace("提高全民健康和公共安全水平", "提高全民健康和公共安全水平到新高度"), encoding="utf-8"
    )
    report = build(load_plan(plan, settings), settings, out, BuildOptions())
    on_task = {"市科技局", "市卫生局", "市食品药品监管局", "市公安局", "市气象局"}
    assert set(report.departments) == on_task
    changed = {p for p, t in _stamps(out).items() if before.get(p) != t}
    own = {p for p in changed if p.split("/")[0] in {"letters", "forms"} and p.split("/")[1][:2].isdigit()}
    for folder, suffix in (("letters", ".docx"), ("forms", ".xlsx")):
        mine = {p.split("-", 1)[1].removesuffix(suffix) for p in own if p.startswith(folder + "/")}
        assert mine == on_task, folder
    assert changed - own == {
        "letters/分工通知.docx",
        "letters/打印合订本.docx",
        "plan-分工表.xlsx",
        "manifest.json",
    }


def test_a_bureau_that_leaves_the_plan_loses_its_letter(default_plan: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    text = default_plan.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert _build(plan, out).returncode == 0
    assert any("市国土资源局" in p.name for p in (out / "letters").iterdir())
    plan.write_text(text.replace("、市国土资源局等参与", "等参与"), encoding="utf-8")
    (out / "我的备注.txt").write_text("clerk's own file", encoding="utf-8")
    run = _build(plan, out)
    assert run.returncode == 0
    assert not any("市国土资源局" in p.name for p in (out / "letters").iterdir())
    assert (out / "我的备注.txt").read_text(encoding="utf-8") == "clerk's own file"


def test_a_build_after_diff_keeps_the_change_notices(default_plan: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    text = default_plan.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("、市国土资源局等参与", "等参与"), encoding="utf-8")
    out = tmp_path / "out"
    assert _build(new, out).returncode == 0
    run = subprocess.run(
        [sys.executable, "-m", "matrix", "diff", str(old), str(new), "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0, run.stderr
    notices = sorted(p.name for p in (out / "changes").iterdir())
    assert any("市国土资源局" in n for n in notices)
    assert _build(new, out).returncode == 0
    assert sorted(p.name for p in (out / "changes").iterdir()) == notices
