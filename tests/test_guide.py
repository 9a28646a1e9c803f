"""The user guide (docs/使用说明.md) stays true: its FAQ covers every message matrix can show, its
commands run with the output it shows, its pictures exist."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import ROOT, soffice
from guide_commands import EXEMPT, GUIDE, Command, File, matches, prepare, run, steps
from guide_messages import Template, collect_templates, missing_from

SECTIONS = [
    "1. 安装",
    "2. 准备计划文件",
    "3. 核对",
    "4. 更正",
    "5. 生成与打印",
    "6. 修订",
    "7. 进展",
    "8. 常见问题",
]


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _faq() -> str:
    text = _guide()
    start = text.index("\n## 8. 常见问题")
    return text[start:]


def test_the_guide_follows_the_clerks_work() -> None:
    headings = re.findall(r"^## (.+)$", _guide(), flags=re.MULTILINE)
    assert headings == SECTIONS


def test_every_picture_exists_and_the_main_ones_are_shown() -> None:
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", _guide())
    for picture in pictures:
        path = GUIDE.parent / picture
        assert path.is_file(), picture
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", picture
    names = " ".join(pictures)
    for shown in ("letter-page1", "duty-matrix", "progress-form"):
        assert shown in names


def test_the_collector_finds_messages_of_every_kind() -> None:
    texts = {t.text for t in collect_templates()}
    expected = {
        "找不到文件",  # InputError with a constant
        "找不到模板文件 {}",  # UsageError with an f-string
        "括号没有闭合, 已尽量读取其中的单位",  # an error-level Finding
        "任务 {} 没有牵头单位",  # a warning-level Finding (the default severity)
        "旧版 Excel (.xls) 文件, 请另存为 .xlsx",  # ReturnError through a conditional
        "不是 Excel 工作簿 (.xlsx)",  # … and its other branch
        "缺少选项 \\1",  # the CLI's usage errors in Chinese
    }
    assert expected <= texts
    # Through module constants: the LibreOffice hints.
    assert any(t.startswith("未找到 LibreOffice (soffice)") for t in texts)
    assert any(t.startswith("读取 {suffix} 文件需要 LibreOffice") for t in texts)
    assert len(texts) > 80


def test_matching_tolerates_placeholders_but_not_a_missing_message() -> None:
    faq = "**`找不到模板文件 …`** 原因…\n**`设置项 … 应为文字`**"
    assert missing_from([Template("找不到模板文件 {}", "x"), Template("设置项 {} 应为文字", "x")], faq) == []
    absent = Template("计划中没有任务 {}。{}", "x")
    assert missing_from([absent], faq) == [absent]


def test_the_faq_has_an_entry_for_every_message() -> None:
    missing = missing_from(collect_templates(), _faq())
    assert not missing, "messages with no entry in the guide's 常见问题:\n" + "\n".join(
        f"  {t.where}: {t.text}" for t in missing
    )


def _needs_libreoffice(command: Command) -> bool:
    return "--pdf" in command.args


def test_every_command_in_the_guide_runs_with_the_output_shown(tmp_path: Path) -> None:
    """Each ``$ matrix …`` of the guide, in order, in the folder the guide describes (slow: the
    whole guide, PDFs included, about a minute and a half)."""
    plan = steps(_guide())
    commands = [s for s in plan if isinstance(s, Command)]
    assert len(commands) >= 20
    folder = prepare(tmp_path / "工作")
    has_soffice = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
    wrong: list[str] = []
    for step in plan:
        if isinstance(step, File):
            (folder / step.name).write_text(step.text, encoding="utf-8")
            continue
        shown = shlex.join(step.args)
        assert step.args[0] == "matrix", f"line {step.line}: only matrix commands are run: {shown}"
        if shown.startswith(EXEMPT):
            continue
        if _needs_libreoffice(step) and not has_soffice:
            if os.environ.get("MATRIX_REQUIRE_LIBREOFFICE"):
                pytest.fail("LibreOffice is required in CI but soffice was not found")
            continue
        code, actual = run(step, folder)
        if code not in (0, 1, 2) or any("Traceback" in line for line in actual):
            wrong.append(f"line {step.line}: $ {shown} crashed (exit {code}):\n" + "\n".join(actual))
        elif not matches(step.shown, actual):
            wrong.append(
                f"line {step.line}: $ {shown}\n--- the guide shows:\n"
                + "\n".join(step.shown)
                + "\n--- it prints:\n"
                + "\n".join(actual)
            )
    assert not wrong, "\n\n".join(wrong)


def test_windows_steps_are_marked_and_never_console_blocks() -> None:
    text = _guide()
    for block in re.findall(r"```(\w*)\n(.*?)```", text, flags=re.DOTALL):
        language, body = block
        if "install.bat" in body or "venv\\Scripts" in body or "%PATH%" in body:
            assert language == "bat", body
    for match in re.finditer(r"```bat\n", text):
        before = text[: match.start()].rstrip().splitlines()[-1]
        assert before == "仅限 Windows：", before


def test_the_guide_renders_as_one_page() -> None:
    from matrix.guide import render_html, slug

    page = render_html()
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    ids = set(re.findall(r'<h\d id="([^"]+)"', page))
    assert {slug(s) for s in SECTIONS} <= ids
    # markdown-it writes the links percent-encoded; a browser decodes them to find the heading.
    for target in map(unquote, re.findall(r'href="#([^"]+)"', page)):
        assert target in ids, f"the guide links to #{target}, which no heading has"
    pictures = re.findall(r'<img src="([^"]+)"', page)
    assert pictures and all(p.startswith("data:image/png;base64,") for p in pictures)
    assert "<script" not in page and "常见问题" in page


def cjk_fonts(pdf: Path) -> list[str]:
    """The embedded fonts of ``pdf`` that carry Chinese glyphs (by name), from pdffonts."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in listing.splitlines()[2:]:
        parts = line.split()
        name = parts[0]
        # The columns after the encoding: emb sub uni object ID.
        embedded = len(parts) >= 5 and parts[-5] == "yes"
        if embedded and re.search(r"CJK|Kai|Ming|Fandol|Song|Hei|Fang", name):
            fonts.append(name)
    return fonts


def test_the_guide_as_pdf_has_its_chinese_text_in_an_embedded_cjk_font(tmp_path: Path) -> None:
    soffice()
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils (pdffonts) is not installed")
    sys.path.insert(0, str(ROOT / "tools"))
    from wheelhouse import guide_pdf

    pdf = guide_pdf(tmp_path)
    assert pdf.name == "使用说明.pdf"
    assert cjk_fonts(pdf), "no embedded CJK font in 使用说明.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for heading in SECTIONS:
        assert heading in text


def test_the_web_page_links_to_the_guide_and_serves_it(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from matrix.web.app import create_app

    with TestClient(create_app(tmp_path / "work", port=8765), base_url="http://127.0.0.1:8765") as client:
        home = client.get("/")
        assert home.status_code == 200 and 'href="/guide"' in home.text
        page = client.get("/guide")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert '<h2 id="8-常见问题">8. 常见问题</h2>' in page.text
        assert "data:image/png;base64," in page.text
