"""Bad and hostile input: a plain message and exit 2, earlier output kept, nothing outside out/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import parse_text

from matrix import readers


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


def test_very_long_line_mixed_endings_control_characters() -> None:
    text = (
        "一、任务\r\n1.推进"
        + "加强科技创新，" * 50_000
        + "（市财政局牵头，市税务局参与）\r2.完善\x07制度。（市商务局\x00负责）\n"
    )
    plan = parse_text(text)
    assert [(t.id, t.leads) for t in plan.tasks] == [("一.1", ["市财政局"]), ("一.2", ["市商务局"])]
    assert plan.tasks[1].line == 3


def test_deep_bracket_nesting_and_lone_surrogates_do_not_crash() -> None:
    plan = parse_text(
        "一、任务\n1.甲。"
        + "（" * 3000
        + "乙"
        + "）" * 3000
        + "（市财政局负责）\n2.乙\ud800。（市商务局负责）\n"
    )
    assert [t.leads for t in plan.tasks] == [["市财政局"], ["市商务局"]]


def test_a_plan_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matrix.errors import InputError

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(readers, "MAX_PLAN_BYTES", 1024)
    with pytest.raises(InputError, match="文件过大"):
        readers.read_document(path)


@pytest.mark.parametrize(
    ("name", "part"), [("bomb.docx", "word/document.xml"), ("bomb.xlsx", "xl/worksheets/sheet1.xml")]
)
def test_a_zip_bomb_is_refused(tmp_path: Path, name: str, part: str) -> None:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(part, b"\x00" * (300 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    run = _run("parse", str(path))
    assert run.returncode == 2 and name in run.stderr and "Traceback" not in run.stderr


def test_a_workbook_of_a_million_cells_is_refused_before_openpyxl_loads_it(tmp_path: Path) -> None:
    """Small on disk, within the zip ratio limit, but openpyxl would hold a million cells in memory."""
    from openpyxl import Workbook

    path = tmp_path / "cells.xlsx"
    Workbook().save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    cells = (f'<c r="{c}{{r}}"><v>{{r}}</v></c>' for c in "ABCDEFGHIJ")
    row = '<row r="{r}">' + "".join(cells) + "</row>"
    rows = "".join(row.format(r=r) for r in range(1, 100_001))
    parts["xl/worksheets/sheet1.xml"] = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    run = _run("parse", str(path))
    # refused before loading: by its declared cells, or already by the zip check's XML element count
    refused = "1000000 个单元格" in run.stderr or "XML 元素超过" in run.stderr
    assert run.returncode == 2 and refused and "Traceback" not in run.stderr


HOSTILE = (
    "一、任务\n1.甲。（..\\..\\逃逸局牵头，CON参与）\n2.乙。（**局牵头，__局参与）\n"
    "3.丙。（NUL.局 负责）\n4.丁。（市局. 负责）\n"
)


def test_hostile_department_names_never_leave_the_output_folder(tmp_path: Path) -> None:
    plan = tmp_path / "work" / "plan.txt"
    plan.parent.mkdir()
    plan.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "work" / "out"
    run = _run("build", str(plan), "-o", str(out))
    assert run.returncode == 0, run.stderr
    outside = {p for p in tmp_path.rglob("*") if out not in p.parents and p != out}
    assert outside == {plan.parent, plan}
    names = [p.name for p in (out / "letters").iterdir()]
    assert all("*" not in n and "\\" not in n and not n.upper().startswith("CON.") for n in names)
    assert len([n for n in names if n[:2].isdigit()]) == len(
        set(names) - {"分工通知.docx", "打印合订本.docx"}
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "{plan}", "--dept", "市不存在局"], "没有单位"),
        (["letters", "{plan}", "-o", "{out}", "--template", "{missing}"], "missing.docx"),
        (["build", "{plan}", "-o", "{out}", "--date", "明天"], "--date"),
        (["parse", "{plan}", "--settings", "{bad_toml}"], "设置文件格式有误"),
    ],
)
def test_user_errors_have_messages_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、任务\n1.甲。（市财政局负责）\n", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[letter\n", encoding="utf-8")
    values = {
        "plan": str(plan),
        "out": str(tmp_path / "out"),
        "missing": str(tmp_path / "missing.docx"),
        "bad_toml": str(bad),
    }
    run = _run(*(a.format(**values) for a in args))
    assert run.returncode == 2, run.stderr
    assert message in run.stderr and "Traceback" not in run.stderr


def test_a_failed_build_keeps_the_last_good_output(tmp_path: Path, default_plan: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(default_plan.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert _run("build", str(plan), "-o", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    broken = tmp_path / "broken.docx"
    template = Path(__file__).resolve().parents[2] / "templates" / "letter.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"{{ addressee }}", b"{{ addressee }")
            dst.writestr(item, data)
    plan.write_text(default_plan.read_text(encoding="utf-8").replace("200家", "300家"), encoding="utf-8")
    run = _run("build", str(plan), "-o", str(out), "--template", str(broken))
    assert run.returncode == 2 and "模板" in run.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
