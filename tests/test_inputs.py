"""Reading plans as clerks have them: encodings, punctuation widths, line endings, bad files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from matrix import parse_plan
from matrix.model import Plan

HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "："})


def _summary(plan: Plan) -> list[tuple[tuple[str, ...], list[str], list[str]]]:
    return [(t.outline, t.leads, t.participants) for t in plan.tasks]


def test_gb18030_full_width_and_crlf_variants_parse_alike(default_plan: Path, tmp_path: Path) -> None:
    text = default_plan.read_text(encoding="utf-8")
    expected = _summary(parse_plan(default_plan))
    variants = {
        "gb18030.txt": text.encode("gb18030"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "fullwidth.txt": text.translate(HALF_TO_FULL).encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),
    }
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert _summary(parse_plan(path)) == expected, name


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "空"),
        ("binary.txt", bytes(range(256)) * 4, "不是文本文件"),
        ("fake.docx", "一、任务\n".encode(), ".docx"),
        ("notask.txt", "一、总体要求\n坚持创新。\n".encode(), "没有找到任何"),
        ("plan.pptx", b"PK\x03\x04 slides", "不支持"),
        ("fake.xlsx", b"\xd0\xcf\x11\xe0 sheet", ".xls"),
        ("broken.xlsx", b"PK\x03\x04 not a workbook", "Excel"),
    ],
)
def test_bad_input_gets_a_plain_message_and_exit_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    run = _run("parse", str(path), "--format", "json")
    assert run.returncode == 2
    assert run.stdout == ""
    assert message in run.stderr and name in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_file_and_bad_option(tmp_path: Path) -> None:
    run = _run("parse", str(tmp_path / "nope.txt"))
    assert run.returncode == 2 and "找不到文件" in run.stderr
    run = _run("parse", str(tmp_path / "nope.txt"), "--format", "xml")
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_check_exit_codes(tmp_path: Path, default_plan: Path) -> None:
    assert _run("check", str(default_plan)).returncode == 0
    broken = tmp_path / "broken.txt"
    broken.write_text("一、任务\n1.推进改革。（市财政局牵头，市税务局参与\n", encoding="utf-8")
    run = _run("check", str(broken))
    assert run.returncode == 1
    assert "第2行 错误" in run.stdout


def test_check_warns_about_names_that_look_alike(tmp_path: Path) -> None:
    plan = tmp_path / "alike.txt"
    plan.write_text("一、任务\n1.甲。（市科技局负责）\n2.乙。（市科学技术局负责）\n", encoding="utf-8")
    run = _run("check", str(plan))
    assert run.returncode == 0
    assert "市科技局" in run.stdout and "市科学技术局" in run.stdout and "相近" in run.stdout


def test_show_unknown_department_is_a_usage_error(default_plan: Path) -> None:
    run = _run("show", str(default_plan), "--dept", "市财政厅")
    assert run.returncode == 2 and "没有单位" in run.stderr
    run = _run("show", str(default_plan), "--dept", "市财政局")
    assert run.returncode == 0 and "三.四" in run.stdout


def test_usage_errors_settings_typos_and_suggestions_in_plain_chinese(
    tmp_path: Path, default_plan: Path
) -> None:
    run = _run("show", str(default_plan))
    assert run.returncode == 2 and "缺少选项 --dept" in run.stderr
    run = _run("show", str(default_plan), "--dept", "市财政厅")
    assert run.returncode == 2 and "是否指: 市财政局" in run.stderr
    typo = tmp_path / "typo.toml"
    typo.write_text('[leter]\nissuer = "县政府办公室"\n', encoding="utf-8")
    run = _run("parse", str(default_plan), "--settings", str(typo))
    assert run.returncode == 2 and "不认识的部分: leter" in run.stderr
    typo.write_text('[departments."市科技局"]\nalias = ["科技局"]\n', encoding="utf-8")
    run = _run("parse", str(default_plan), "--settings", str(typo))
    assert run.returncode == 2 and "alias" in run.stderr and "aliases" in run.stderr
    typo.write_text('[letter]\nissuer = "x\n', encoding="utf-8")
    run = _run("parse", str(default_plan), "--settings", str(typo))
    assert run.returncode == 2 and "第2行" in run.stderr


def test_a_doc_saved_as_txt_is_named_and_build_reports_parse_errors(tmp_path: Path) -> None:
    fake = tmp_path / "plan.txt"
    fake.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    run = _run("parse", str(fake))
    assert run.returncode == 2 and ".doc" in run.stderr and "扩展名" in run.stderr
    draft = tmp_path / "draft.txt"
    draft.write_text("一、任务\n1.推进改革。（市财政局牵头，市税务局参与\n", encoding="utf-8")
    run = _run("build", str(draft), "-o", str(tmp_path / "out"))
    assert run.returncode == 0 and "1 个错误" in run.stderr and "matrix check" in run.stderr
