"""The default plan's letters: 39 letters with exactly each bureau's tasks; PDFs through LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN, soffice
from letters_helpers import document, files_bytes, table_rows

from matrix import load_plan
from matrix.build.letters import NOTICE_NAME, PRINT_NAME, render_batch
from matrix.cli import main
from matrix.graph import PlanGraph
from matrix.model import Role
from matrix.settings import load_settings
from matrix.views.document import NONE, resolve_options
from matrix.views.letters import item_label


@pytest.fixture(scope="module")
def graph() -> PlanGraph:
    return load_plan(DEFAULT_PLAN)


def joined(names: list[str]) -> str:
    return "、".join(names) if names else NONE


def test_one_letter_per_bureau_with_exactly_its_tasks(graph: PlanGraph) -> None:
    settings = load_settings(DEFAULT_PLAN)
    batch = render_batch(graph, settings, resolve_options(settings.letter))
    assert len(graph.tasks()) == 25
    assert len(batch.letters) == 39
    for name, department in batch.departments.items():
        duties = graph.duties(department)
        leads = [a.task for a in duties if a.role is Role.LEAD]
        joins = [a.task for a in duties if a.role is Role.PARTICIPANT]
        doc = document(batch.letters[name])
        texts = [p.text for p in doc.paragraphs]
        headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.style_id == "Heading1"]
        items = [p.text for p in doc.paragraphs if p.style is not None and p.style.style_id == "Heading2"]
        expected_headings, expected_items = [], []
        if leads:
            expected_headings.append(f"牵头任务（共{len(leads)}项）")
            expected_items += [f"{item_label(i)}{t.id}　{t.title}" for i, t in enumerate(leads, 1)]
        if joins:
            expected_headings.append(f"参与任务（共{len(joins)}项）")
            expected_items += [f"{item_label(i)}{t.id}　{t.title}" for i, t in enumerate(joins, 1)]
        others = [a.task for a in duties if a.role is Role.OTHER]
        assert items[: len(expected_items)] == expected_items, name
        assert len(items) == len(expected_items) + len(others), name
        for task in leads + joins:
            at = texts.index(next(i for i in items if i.endswith(f"{task.id}　{task.title}")))
            text = " ".join(task.text.split())
            assert text.endswith(texts[at + 1]), name  # the whole text, its heading not repeated
            assert texts[at + 2] == f"牵头单位：{joined(graph.leads(task))}", name
        assert [h.split("、", 1)[1] for h in headings[: len(expected_headings)]] == expected_headings, name
        assert headings[len(expected_headings) + bool(others)].endswith("工作要求")
        assert next(p.text for p in doc.paragraphs if p.text.endswith("：")) == f"{department}："


def test_notice_attachment_holds_all_25_tasks(graph: PlanGraph) -> None:
    settings = load_settings(DEFAULT_PLAN)
    notice = document(render_batch(graph, settings, resolve_options(settings.letter)).notice)
    rows = table_rows(notice.tables[0])
    assert len(rows) == 25
    for r, t in zip(rows, graph.tasks(), strict=True):
        assert r[1] == f"{t.id}\n{t.title}"
        assert " ".join(t.text.split()).endswith(r[2])
        assert not r[2].startswith(t.title)  # the heading is printed once, in 任务
        assert r[3] == "\n".join(graph.leads(t))
    addressee = next(
        p.text for p in notice.paragraphs if p.style is not None and p.style.style_id == "Addressee"
    )
    assert addressee == "、".join(d.name for d in graph.departments()) + "："


def test_cli_builds_the_same_bytes_twice(tmp_path: Path) -> None:
    for out in ("a", "b"):
        with pytest.raises(SystemExit) as code:
            main(["letters", str(DEFAULT_PLAN), "-o", str(tmp_path / out), "--date", "2026-12-01"])
        assert code.value.code == 0
    a, b = files_bytes(tmp_path / "a"), files_bytes(tmp_path / "b")
    assert a == b
    assert len(a) == 42 and "manifest.json" in a  # 39 letters, the notice, the print file, the manifest
    assert f"letters/{NOTICE_NAME}" in a and f"letters/{PRINT_NAME}" in a


def test_command_line_overrides_settings(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(
            [
                "letters", str(DEFAULT_PLAN), "-o", str(tmp_path), "--date", "2027-01-08",
                "--doc-number", "湖政办发〔2027〕1号", "--issuer", "市政府督查室",
            ]
        )  # fmt: skip
    doc = document((tmp_path / "letters" / "01-市科技局.docx").read_bytes())
    texts = [p.text for p in doc.paragraphs]
    assert {"市政府督查室文件", "湖政办发〔2027〕1号", "2027年1月8日"} <= set(texts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) is not installed")
def test_libreoffice_converts_every_document_with_serif_cjk_fonts(graph: PlanGraph, tmp_path: Path) -> None:
    soffice()
    from matrix.build.commands import write_letters

    settings = load_settings(DEFAULT_PLAN)
    options = resolve_options(settings.letter, today=dt.date(2026, 12, 1))
    written = write_letters(graph, settings, tmp_path, options, pdf=True)
    assert len(written.pdfs) == 41
    assert all(p.stat().st_size > 1000 for p in written.pdfs)
    fonts = subprocess.run(
        ["pdffonts", str(written.pdfs[0])], capture_output=True, text=True, check=True
    ).stdout
    assert "NotoSerifCJK" in fonts or "Fandol" in fonts or "UMing" in fonts, fonts
    assert "UKai" in fonts or "Kai" in fonts  # the 楷体 labels of 工作要求
