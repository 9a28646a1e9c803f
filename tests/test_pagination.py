"""The pagination of GB/T 9704 checked in LibreOffice's PDFs, line by line (pdfplumber).

Every letter of the default plan, the 分工通知, the print file with and without ``--duplex``, a
change notice and a 催办 notice, and letters whose body ends at every line of a page: for each, the
落款 shares its page with body text, 抄送 and 印发 are on the document's last page, the 印发 line is
the last line and ends within a line of the bottom margin, no 版记 line sits on a body line, and no
page is blank (but a duplex print file's padding).  Everything is converted in one soffice run:
starting LibreOffice costs seconds, and the letters whose body walks down the page go as one
print file (one document of many sections converts in a tenth of the time of as many files).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from conftest import DEFAULT_PLAN, soffice
from letters_helpers import sample_plan, sample_settings
from pdf_layout import (
    LINE,
    Marks,
    Page,
    colophon_lines,
    documents,
    padding_problems,
    problems,
    read_pages,
    read_pages_quickly,
)

from matrix.api import load_plan
from matrix.cli import main
from matrix.graph import PlanGraph
from matrix.render import pdf as pdf_writer
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.print_file import combine
from matrix.render.docx.shipped import default_template
from matrix.settings import load_settings
from matrix.views.document import resolve_options
from matrix.views.letters import LETTER_FIELDS, NAME_CHARS, NOTICE_FIELDS, letter_context, notice_context

DEFAULT_MARKS = Marks("**市人民政府办公室", "2026年12月1日", "**市人民政府办公室")
SAMPLE_MARKS = Marks("市人民政府办公室", "2026年12月1日", "市人民政府办公室")
WALK = 640
"""How many characters the walking task's text grows by, one at a time: more than a page of lines
(22 lines of 27 or 28 characters)."""
FIRST_LINE_TOP = 112.1
"""Where the first body line's box starts on a portrait page after the first (pt from the top)."""
WALK_PART = 80
"""How many walking letters go into one print file for the conversion."""
NOTICE_WALK = 40
"""How many table lines (of 18 characters) the walking notice's task grows by, three at a time."""
SINGLE_EVERY = 54
"""Every this many steps of the walk, the letter is converted on its own too (about every other line)."""


@dataclass
class Rendered:
    """The PDFs of one soffice run, by what they are."""

    letters: list[Path]
    notice: Path
    print_file: Path
    duplex: Path
    change: Path
    reminder: Path
    walk: list[Path]
    walk_singles: list[Path]
    notice_walk: list[Path]


def _run(*args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code in (0, None), args


def walking_notices() -> list[bytes]:
    """The sample plan's notice with one task's text three table lines longer each time, so that
    the attachment's end walks down a landscape page and past it."""
    plan, settings = sample_plan(), sample_settings()
    options = resolve_options(settings.letter)
    template = CompiledTemplate(default_template("notice.docx"), NOTICE_FIELDS)
    task = plan.tasks[2]
    out = []
    for step in range(0, NOTICE_WALK, 3):
        text = "组织实施一批服务业科技攻关项目。" + "推" * (step * 18)
        one = dataclasses.replace(plan, tasks=[*plan.tasks[:2], dataclasses.replace(task, text=text)])
        out.append(template.render(notice_context(PlanGraph(one), options), options.date))
    return out


def walking_letters() -> list[dict[str, bytes]]:
    """市科技局's letter with one task whose text grows a character at a time, so that the end of
    the body walks down a whole page: each letter's rendered parts."""
    plan, settings = sample_plan(), sample_settings()
    options = resolve_options(settings.letter)
    template = CompiledTemplate(default_template("letter.docx"), LETTER_FIELDS)
    task = plan.tasks[2]
    departments = [d for d in plan.departments if d.name == "市科技局"]
    out = []
    for extra in range(WALK):
        text = "组织实施一批服务业科技攻关项目。" + "推进服务业科技创新，" * 28 + "加" * extra
        one = dataclasses.replace(plan, tasks=[dataclasses.replace(task, text=text)], departments=departments)
        out.append(template.render_bytes(letter_context(PlanGraph(one), settings, options, "市科技局")))
    return out


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    soffice()
    root = tmp_path_factory.mktemp("pagination")
    plan = root / "plan" / DEFAULT_PLAN.name
    plan.parent.mkdir()
    shutil.copy(DEFAULT_PLAN, plan)
    shutil.copy(DEFAULT_PLAN.with_suffix(".toml"), plan.with_suffix(".toml"))
    _run("letters", str(plan), "-o", str(root / "out"))
    _run("letters", str(plan), "-o", str(root / "duplex"), "--duplex")
    revised = root / "plan" / "revised.txt"
    text = plan.read_text(encoding="utf-8").replace("培育知识产权优势企业200家", "培育知识产权优势企业300家")
    revised.write_text(text, encoding="utf-8")
    settings = str(plan.with_suffix(".toml"))
    _run("diff", str(plan), str(revised), "-o", str(root / "out"), "--settings", settings)
    inbox = root / "inbox"
    inbox.mkdir()
    _run("collect", str(plan), str(inbox), "-o", str(root / "out"), "--as-of", "2026-12-20")

    sources = root / "sources"
    sources.mkdir()
    letters_dir = root / "out" / "letters"
    letters = sorted(p for p in letters_dir.glob("[0-9]*.docx"))
    picked = {
        "notice": letters_dir / "分工通知.docx",
        "print": letters_dir / "打印合订本.docx",
        "change": sorted((root / "out" / "changes").glob("*.docx"))[0],
        "reminder": sorted((root / "out" / "progress" / "催办").glob("*.docx"))[0],
    }
    files = [shutil.copy(p, sources / p.name) for p in letters]
    for name, path in picked.items():
        files.append(shutil.copy(path, sources / f"{name}.docx"))
    duplex = Path(shutil.copy(root / "duplex" / "letters" / "打印合订本.docx", sources / "duplex.docx"))

    walk = walking_letters()
    template = CompiledTemplate(default_template("letter.docx"), LETTER_FIELDS)
    stamp = dt.date(2026, 12, 1)
    parts = []
    for start in range(0, WALK, WALK_PART):  # LibreOffice lays out a long file in more than linear time
        path = sources / f"walk-part{start // WALK_PART}.docx"
        path.write_bytes(combine(template, walk[start : start + WALK_PART], stamp, duplex=False))
        parts.append(path)
    files += parts
    singles = []
    for step in range(0, WALK, SINGLE_EVERY):
        path = sources / f"walk-{step:03d}.docx"
        path.write_bytes(template.package_bytes(walk[step], stamp))
        singles.append(path)
    files += singles
    notices = []
    for number, data in enumerate(walking_notices()):
        path = sources / f"notice-walk-{number:02d}.docx"
        path.write_bytes(data)
        notices.append(path)
    files += notices
    pdfs = {p.stem: p for p in pdf_writer.convert([Path(f) for f in files], root / "pdf")}
    # a second run: the duplex print file keeps its blank padding pages, the others must not
    pdfs["duplex"] = pdf_writer.convert([duplex], root / "pdf", keep_blank_pages=True)[0]
    return Rendered(
        letters=[pdfs[p.stem] for p in letters],
        notice=pdfs["notice"],
        print_file=pdfs["print"],
        duplex=pdfs["duplex"],
        change=pdfs["change"],
        reminder=pdfs["reminder"],
        walk=[pdfs[p.stem] for p in parts],
        walk_singles=[pdfs[p.stem] for p in singles],
        notice_walk=[pdfs[p.stem] for p in notices],
    )


def _one_document(pdf: Path, marks: Marks) -> list[str]:
    pages = read_pages(pdf)
    found = problems(pages, marks)
    if len(documents(pages, marks)) != 1:
        found.append(f"{pdf.name}: {len(documents(pages, marks))} documents")
    return [f"{pdf.name}: {p}" for p in found]


def test_every_letter_of_the_default_plan(rendered: Rendered) -> None:
    assert len(rendered.letters) == 39
    found = [p for pdf in rendered.letters for p in _one_document(pdf, DEFAULT_MARKS)]
    assert found == []


def test_change_notice_and_reminder(rendered: Rendered) -> None:
    assert _one_document(rendered.change, DEFAULT_MARKS) == []
    # a 催办 notice is dated the day the returns were counted (--as-of)
    reminder_marks = dataclasses.replace(DEFAULT_MARKS, date="2026年12月20日")
    assert _one_document(rendered.reminder, reminder_marks) == []


@pytest.mark.parametrize("duplex", [False, True])
def test_print_file(rendered: Rendered, duplex: bool) -> None:
    pages = read_pages(rendered.duplex if duplex else rendered.print_file)
    letters = documents(pages, DEFAULT_MARKS)
    assert len(letters) == 39
    found = [p for letter in letters for p in problems(letter, DEFAULT_MARKS)]
    assert found + padding_problems(pages, DEFAULT_MARKS, duplex) == []
    padding = [p.number for p in pages if not p.text_lines]
    if duplex:
        assert all(letter[0].number % 2 == 1 for letter in letters)
        assert padding, "no letter of the default plan ends on an odd page?"
    else:
        assert padding == []


def test_notice_colophon_at_the_foot_of_the_attachment(rendered: Rendered) -> None:
    pages = read_pages(rendered.notice)
    assert problems(pages, DEFAULT_MARKS) == []
    last = pages[-1]
    assert last.width > last.height  # the 版记 closes the landscape attachment, at its foot
    assert any(line.text.startswith("抄送：") for line in last.text_lines)


def test_notice_colophon_as_the_attachment_grows(rendered: Rendered) -> None:
    """As the attachment's end walks down a landscape page, the 版记 stays at the foot of its last
    page: under the table while it fits, then alone on a page of its own, never at a page's top."""
    alone = shared = 0
    for pdf in rendered.notice_walk:
        pages = read_pages(pdf)
        assert problems(pages, SAMPLE_MARKS) == [], pdf.name
        last = pages[-1]
        assert last.width > last.height, pdf.name
        if len(last.text_lines) == len(colophon_lines(last, SAMPLE_MARKS)):
            alone += 1
        else:
            shared += 1
    assert alone and shared  # both cases occurred


def test_notice_attachment_never_breaks_a_unit_name(rendered: Rendered) -> None:
    """Every word in the 牵头单位 and 参与单位 columns of the attachment is a whole unit name."""
    settings = load_settings(DEFAULT_PLAN)
    graph = load_plan(DEFAULT_PLAN, settings)
    attachment = notice_context(graph, resolve_options(settings.letter))["attachment"]
    names = {n for r in attachment.rows for n in (*r.lead_names, *r.participant_names)}
    assert max(len(n) for n in names) <= NAME_CHARS
    left = 1984 / 20  # the landscape page's left margin: the table spans the text width
    edges = [left]
    for width in attachment.widths:
        edges.append(edges[-1] + width / 20)
    columns = [(edges[3], edges[4]), (edges[4], edges[5])]
    seen: set[str] = set()
    with pdfplumber.open(rendered.notice) as pdf:
        for page in pdf.pages:
            if page.width < page.height:
                continue
            words = page.extract_words(y_tolerance=3)
            colophon = min((w["top"] for w in words if w["text"].startswith("抄送")), default=page.height)
            for word in words:
                if word["top"] >= colophon - 1:
                    continue  # the 版记 under the table
                middle = (word["x0"] + word["x1"]) / 2
                if any(a < middle < b for a, b in columns) and word["text"] not in {"牵头单位", "参与单位"}:
                    where = f"page {page.page_number}"
                    assert word["text"] in names, f"{where}: {word['text']!r} is a broken name"
                    seen.add(word["text"])
    assert seen == names


def _walk_positions(letters: list[list[Page]]) -> set[int]:
    """The line of its page (0-21) the walking task's text ends on, over every walking letter:
    the line before its 牵头单位 line (which may be on the next page)."""
    positions = set()
    for letter in letters:
        lines = [(page, line) for page in letter for line in page.text_lines]
        for i, (_, line) in enumerate(lines):
            if line.text.startswith("牵头单位：") and i > 0:
                _, end = lines[i - 1]
                positions.add(round((end.top - FIRST_LINE_TOP) / LINE))
    return positions


def test_every_position_of_the_body_end(rendered: Rendered) -> None:
    """The body's end walks down a whole page a character at a time; every letter passes."""
    letters, found = [], []
    for pdf in rendered.walk:
        pages = read_pages_quickly(pdf)
        part = documents(pages, SAMPLE_MARKS)
        found += [f"{pdf.name}: {p}" for letter in part for p in problems(letter, SAMPLE_MARKS)]
        found += [f"{pdf.name}: {p}" for p in padding_problems(pages, SAMPLE_MARKS, duplex=False)]
        letters += part
    assert len(letters) == WALK
    assert found == []
    assert _walk_positions(letters) == set(range(22))  # every line of a page
    singles = [p for pdf in rendered.walk_singles for p in _one_document(pdf, SAMPLE_MARKS)]
    assert singles == []


def test_quick_reading_matches_pdfplumber(rendered: Rendered) -> None:
    """The walk's thousand pages are read through PDFium; on the walk's single letters it gives
    pdfplumber's lines, at the same places."""
    for pdf in rendered.walk_singles[:4]:
        slow, quick = read_pages(pdf), read_pages_quickly(pdf)
        texts = [[line.text for line in p.lines] for p in slow]
        assert texts == [[line.text for line in p.lines] for p in quick]
        for a, b in zip(slow, quick, strict=True):
            for x, y in zip(a.lines, b.lines, strict=True):
                assert abs(x.top - y.top) < 1 and abs(x.bottom - y.bottom) < 1
                assert abs(x.x0 - y.x0) < 10  # PDFium's box starts at the ink, a 全角 bracket's is inset


def test_title_prints_in_a_bold_serif_where_xiaobiaosong_is_missing(rendered: Rendered) -> None:
    """GB/T 9704's 二号小标宋: with the shipped font aliases the title (22 pt) takes the bold face of
    the serif standing in for 方正小标宋简体; the body (16 pt) stays regular."""
    with pdfplumber.open(rendered.letters[0]) as pdf:
        chars = pdf.pages[0].chars
    title = {c["fontname"] for c in chars if round(c["size"]) == 22 and c["text"].strip()}
    body = {c["fontname"] for c in chars if round(c["size"]) == 16 and "\u4e00" <= c["text"] <= "\u9fff"}
    assert title and all("Bold" in name and "Serif" in name for name in title), title
    assert body and not any("Bold" in name for name in body), body
