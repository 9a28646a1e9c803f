"""People named in a plan (分管领导, a leader in a heading) are shown but never sent anything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl

PLAN = (
    "某县重点工作任务分解\n"
    "一、张三县长主抓重点工作\n"
    "1.推进产业园区建设。\n分管县领导:李四\n牵头单位:县发改局\n配合单位:县财政局、县自然资源局\n"
    "2.做好就业工作。\n责任单位:县人社局(牵头)、县教育局\n完成时限:2025年6月底前完成\n"
)


def _matrix(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_persons_get_no_letter_form_or_column(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PLAN, encoding="utf-8")
    run = _matrix("build", "p.txt", "-o", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    letters = sorted(p.name for p in (out / "letters").glob("0*.docx"))
    forms = sorted(p.name for p in (out / "forms").glob("*.xlsx"))
    expected = ["县发改局", "县财政局", "县自然资源局", "县人社局", "县教育局"]
    assert [n.split("-", 1)[1].removesuffix(".docx") for n in letters] == expected
    assert [n.split("-", 1)[1].removesuffix(".xlsx") for n in forms] == expected
    book = openpyxl.load_workbook(out / "p-分工表.xlsx")
    headers = {str(c.value) for ws in book.worksheets for row in ws.iter_rows(max_row=3) for c in row}
    assert "县发改局" in headers and "李四" not in headers and "张三" not in headers

    parsed = json.loads(_matrix("parse", "p.txt", "--format", "json", cwd=tmp_path).stdout)
    others = parsed["tasks"][0]["others"]
    assert {(o["name"], o["role"], o.get("person")) for o in others} == {
        ("李四", "分管县领导", True),
        ("张三", "县长主抓", True),
    }
    assert "李四" not in {d["name"] for d in parsed["departments"]}


def test_a_letter_names_no_person_as_a_partner(tmp_path: Path) -> None:
    from docx import Document

    (tmp_path / "p.txt").write_text(PLAN, encoding="utf-8")
    assert _matrix("build", "p.txt", "-o", "out", cwd=tmp_path).returncode == 0
    for path in [*(tmp_path / "out" / "letters").glob("*.docx")]:
        doc = Document(str(path))
        texts = [p.text for p in doc.paragraphs] + [
            c.text for t in doc.tables for row in t.rows for c in row.cells
        ]
        partner_lines = [t for t in texts if "配合单位" in t]
        assert not any("李四" in t or "张三" in t for t in partner_lines), (path.name, partner_lines)
    letter = Document(str(next((tmp_path / "out" / "letters").glob("01-*.docx"))))
    assert any("县财政局" in p.text for p in letter.paragraphs if "配合单位" in p.text)
