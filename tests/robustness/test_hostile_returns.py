"""Issue 14, items 5 and 6 (returns): one hostile return never stops ``collect`` for everyone.

A stamp row number ``²`` (``isdigit()`` but not ``int()``), a stamp cell reference ``!!nonsense``,
a workbook declaring millions of cells and a file far too large are each listed as invalid with a
reason; the good returns are still counted.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from matrix.build.collect import collect
from matrix.progress.model import ReceivedFile, ReturnState
from matrix.readers import returns as read_return_module

PLAN = "一、任务\n1.甲。（市财政局牵头，市商务局参与）\n2.乙。（市商务局牵头，市税务局参与）\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


@pytest.fixture
def forms(tmp_path: Path) -> tuple[Path, Path]:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert _run("forms", str(plan), "-o", str(tmp_path / "out")).returncode == 0
    return plan, tmp_path / "out" / "forms"


def _edited(source: Path, target: Path, edit: Callable[[Any], None]) -> Path:
    wb = openpyxl.load_workbook(source)
    edit(wb)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def _stamp_row(wb: Any, key: str) -> int:
    ws = wb["_matrix"]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == key)


def _superscript_row_number(wb: Any) -> None:
    wb["_matrix"].cell(row=_stamp_row(wb, "task"), column=2).value = "²"


def _nonsense_cell(wb: Any) -> None:
    wb["_matrix"].cell(row=_stamp_row(wb, "cell:填报日期"), column=2).value = "!!nonsense"


@pytest.mark.parametrize("edit", [_superscript_row_number, _nonsense_cell])
def test_a_hostile_stamp_is_an_invalid_return_and_the_others_count(
    forms: tuple[Path, Path], tmp_path: Path, edit: Callable[[Any], None]
) -> None:
    plan, folder = forms
    inbox = tmp_path / "inbox"
    names = sorted(p.name for p in folder.glob("*.xlsx"))
    _edited(folder / names[0], inbox / "bad.xlsx", edit)  # 市财政局's
    for name in names[1:]:
        (inbox / name).write_bytes((folder / name).read_bytes())
    run = _run("collect", str(plan), str(inbox), "-o", str(tmp_path / "out"), "--as-of", "2026-12-01")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "已报送 2" in run.stderr and "无效 1" in run.stderr, run.stderr
    assert re.search(r"无效: 市财政局: .*_matrix", run.stderr), run.stderr


def _huge_declared_workbook(path: Path, cells: int) -> None:
    """A small file whose one sheet declares ``cells`` empty cells (each costs openpyxl an object)."""
    row = b"<row>" + b"<c/>" * 1000 + b"</row>"
    body = row * (cells // 1000)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="进展反馈表" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>" + body + b"</sheetData></worksheet>",
        )


def test_a_return_declaring_millions_of_cells_is_refused_within_a_memory_budget(
    forms: tuple[Path, Path], tmp_path: Path
) -> None:
    plan, folder = forms
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _huge_declared_workbook(inbox / "bomb.xlsx", 12_500_000)
    assert (inbox / "bomb.xlsx").stat().st_size < 1_000_000  # small as sent
    for p in folder.glob("*.xlsx"):
        (inbox / p.name).write_bytes(p.read_bytes())
    code = (
        "import resource, sys; from matrix.cli import main;"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"  # the 1 GB budget
        "main(sys.argv[1:])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "collect", str(plan), str(inbox), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "已报送 3" in run.stderr and "无法识别: " in run.stderr and "单元格" in run.stderr, run.stderr


def test_a_file_too_large_is_refused_before_it_is_copied(
    forms: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _folder = forms
    big = tmp_path / "inbox" / "big.xlsx"
    big.parent.mkdir()
    with big.open("wb") as f:  # sparse: large as the file system reports it, nothing to read
        f.truncate(read_return_module.MAX_BYTES + 1)
    read: list[Path] = []
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        read.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    from matrix.api import load_plan

    graph = load_plan(plan)
    progress = collect(
        graph, __import__("matrix.settings").settings.Settings(), [big], tmp_path / "p", dt.date.today()
    )
    assert big not in read
    assert not (tmp_path / "p" / "returns").exists() or not any((tmp_path / "p" / "returns").iterdir())
    (check,) = progress.unattributed
    assert "文件过大" in check.problems[0]


def test_characters_no_document_can_hold_in_a_return_are_removed_with_a_note(
    forms: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # openpyxl never decodes such characters from a file, so the workbook it returns is given them
    plan, folder = forms
    source = sorted(folder.glob("*.xlsx"))[0]
    real = openpyxl.load_workbook

    def load_workbook(path: Any, **kwargs: Any) -> Any:
        wb = real(path, **kwargs)
        ws = wb.worksheets[0]
        for row in ws.iter_rows(min_row=5):
            if row[1].value and str(row[1].value)[0] == "一":
                row[7]._value = "进展\uffff顺利\x01"
        return wb

    monkeypatch.setattr(openpyxl, "load_workbook", load_workbook)
    from matrix.api import load_plan

    graph = load_plan(plan)
    from matrix.settings import Settings

    progress = collect(graph, Settings(), [source], tmp_path / "p", dt.date(2026, 12, 1))
    dept = next(d for d in progress.departments if d.state is not ReturnState.MISSING)
    assert dept.used is not None
    assert all("\uffff" not in r.progress and "\x01" not in r.progress for r in dept.used.reports)
    assert any(source.name in n and "无法写入" in n for n in dept.reasons), dept.reasons
    assert isinstance(dept.used.file, ReceivedFile) and os.path.exists(dept.used.file.stored)


def test_a_workbook_plan_declaring_millions_of_cells_is_refused_within_1_gb(tmp_path: Path) -> None:
    plan = tmp_path / "plan.xlsx"
    _huge_declared_workbook(plan, 12_500_000)
    code = (
        "import resource, sys; from matrix.cli import main;"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
        "main(sys.argv[1:])"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "check", str(plan)], capture_output=True, text=True, encoding="utf-8"
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "plan.xlsx" in run.stderr and "上限" in run.stderr, run.stderr
