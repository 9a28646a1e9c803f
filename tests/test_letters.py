"""Letters from a plan built by hand: content, numbering of parts, escaping, determinism, print file."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from letters_helpers import (
    LONG,
    W,
    all_text,
    document,
    files_bytes,
    part,
    sample_graph,
    sample_settings,
    table_rows,
)
from lxml import etree

from matrix.build.commands import write_letters
from matrix.build.letters import NOTICE_NAME, PRINT_NAME, render_batch
from matrix.render.docx import print_file
from matrix.render.docx.compile import DOCUMENT, CompiledTemplate
from matrix.render.docx.print_file import combine
from matrix.render.docx.shipped import default_template
from matrix.settings import LetterSettings
from matrix.views.document import format_date, resolve_options
from matrix.views.letters import LETTER_FIELDS, letter_context, numeral, outline_label


def test_numbers_dates_and_outline() -> None:
    assert [numeral(n) for n in (1, 10, 11, 20, 25)] == ["一", "十", "十一", "二十", "二十五"]
    assert format_date(dt.date(2026, 1, 8)) == "2026年1月8日"
    assert outline_label(("二", "一", "1")) == "二、（一）1."


def test_options_defaults_and_overrides() -> None:
    plain = resolve_options(LetterSettings(), today=dt.date(2026, 3, 5))
    assert (plain.issuer, plain.mark, plain.doc_number) == ("市人民政府办公室", "市人民政府办公室文件", "")
    assert plain.date == dt.date(2026, 3, 5)
    over = resolve_options(
        sample_settings().letter, date=dt.date(2027, 2, 3), doc_number="X〔2027〕1号", issuer="市政府督查室"
    )
    assert (over.issuer, over.mark, over.signature, over.print_office) == (
        "市政府督查室",
        "市政府督查室文件",
        "市政府督查室",
        "市政府督查室",
    )
    assert (over.date, over.doc_number) == (dt.date(2027, 2, 3), "X〔2027〕1号")


def test_parts_are_numbered_and_present_only_when_not_empty() -> None:
    graph, settings = sample_graph(), sample_settings()
    opts = resolve_options(settings.letter)
    both = letter_context(graph, settings, opts, "市科技局")
    assert both["lead"].heading == "一、牵头任务（共2项）"
    assert both["participant"].heading == "二、参与任务（共1项）"
    assert both["other"] is None
    assert both["requirements"].heading == "三、工作要求"
    joins = letter_context(graph, settings, opts, "市经委")
    assert joins["lead"] is None
    assert joins["participant"].heading == "一、参与任务（共1项）"
    assert joins["requirements"].heading == "二、工作要求"
    guides = letter_context(graph, settings, opts, "市农办")
    assert guides["other"].heading == "一、指导任务（共1项）"
    assert guides["other"].rows[0].role == "指导"


def paragraphs(data: bytes) -> list[str]:
    """The body's paragraphs, in order."""
    return [p.text for p in document(data).paragraphs]


def test_letters_list_a_bureaus_tasks_as_numbered_paragraphs() -> None:
    batch = render_batch(sample_graph(), sample_settings(), resolve_options(sample_settings().letter))
    assert list(batch.letters) == [
        "01-市科技局.docx",
        "02-市发改委.docx",
        "03-市经委.docx",
        "04-市统计局.docx",
        "05-市农办.docx",
    ]
    data = batch.letters["01-市科技局.docx"]
    assert document(data).tables == []  # a portrait page has no room for six readable columns
    lines = paragraphs(data)
    lead = lines.index("一、牵头任务（共2项）")
    assert lines[lead + 1 : lead + 6] == [
        "（一）二.一.1　着力提升工业自主创新能力",
        LONG + ' R&D <投入> "翻番"',  # escaped, whole, not cut, and without the heading again
        "牵头单位：市科技局、市发改委",
        "配合单位：市经委、市统计局",
        "完成时限：2026年底前",
    ]
    assert lines[lead + 6 : lead + 11] == [
        "（二）二.一.3　着力提升服务业创新能力",
        "组织实施一批服务业科技攻关项目。",
        "牵头单位：市科技局",
        "配合单位：—",
        "完成时限：—",
    ]
    joined = lines.index("二、参与任务（共1项）")
    assert lines[joined + 1] == "（一）二.一.2　着力提升农业农村科技创新能力"
    assert lines[joined + 3 : joined + 6] == [
        "牵头单位：市发改委",
        "配合单位：市科技局、市农办（指导）",
        "完成时限：—",
    ]
    text = all_text(data)
    for expected in (
        "市人民政府办公室文件",
        "市政办发〔2026〕12号",
        "关于落实《自主创新能力提升行动计划》重点任务分工的通知",
        "市科技局：",
        "三、工作要求",
        "请于2026年12月31日前",
        "你单位联系人信息为：联系人李华，电话0572-2039101",
        "联系人：张明，联系电话：0572-2039001。",
        "抄送：市委办公室、市人大常委会办公室。",
        "2026年12月1日印发",
    ):
        assert expected in text, expected
    guide = paragraphs(batch.letters["05-市农办.docx"])
    other = guide.index("一、指导任务（共1项）")
    assert guide[other + 3 : other + 7] == [
        "牵头单位：市发改委",
        "配合单位：市科技局、市农办（指导）",
        "本单位职责：指导",
        "完成时限：—",
    ]


def test_notice_attachment_holds_every_task() -> None:
    batch = render_batch(sample_graph(), sample_settings(), resolve_options(sample_settings().letter))
    doc = document(batch.notice)
    text = all_text(batch.notice)
    assert "市科技局、市发改委、市经委、市统计局、市农办：" in text
    assert "附件：《自主创新能力提升行动计划》重点任务分工表" in text
    rows = table_rows(doc.tables[0])
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[0][1] == "二.一.1\n着力提升工业自主创新能力"
    assert rows[0][2] == LONG + ' R&D <投入> "翻番"'  # the heading is not printed a second time
    # each unit on a line of its own, so that no name breaks inside its cell
    assert rows[0][3:5] == ["市科技局\n市发改委", "市经委\n市统计局"]
    assert rows[1][4] == "市科技局\n市农办（指导）"


def test_same_input_gives_the_same_bytes(tmp_path: object) -> None:
    graph, settings = sample_graph(), sample_settings()
    opts = resolve_options(settings.letter)
    first = render_batch(graph, settings, opts).files()
    second = render_batch(
        sample_graph(), sample_settings(), resolve_options(sample_settings().letter)
    ).files()
    assert first == second
    core = part(first[NOTICE_NAME], "docProps/core.xml")
    created = core.find("{http://purl.org/dc/terms/}created")
    assert created is not None and created.text == "2026-12-01T00:00:00Z"


def test_write_twice_gives_identical_folders(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    out = Path(str(tmp_path))
    opts = resolve_options(sample_settings().letter)
    write_letters(sample_graph(), sample_settings(), out / "a", opts)
    write_letters(sample_graph(), sample_settings(), out / "b", opts)
    a, b = files_bytes(out / "a" / "letters"), files_bytes(out / "b" / "letters")
    assert a == b and len(a) == 7
    assert not [p for p in (out / "a").iterdir() if p.name not in {"letters", "manifest.json"}]  # no staging


def test_print_file_restarts_numbers_and_breaks_pages() -> None:
    graph, settings = sample_graph(), sample_settings()
    opts = resolve_options(settings.letter)
    for duplex, kind in ((False, "nextPage"), (True, "oddPage")):
        data = render_batch(graph, settings, opts, duplex=duplex).print_file
        assert data is not None
        root = part(data, "word/document.xml")
        sections = root.findall(f".//{W}sectPr")
        assert len(sections) == 5  # one per letter
        assert all(s.find(f"{W}pgNumType").get(f"{W}start") == "1" for s in sections)
        assert all(s.find(f"{W}type").get(f"{W}val") == kind for s in sections)
        body = root.find(f"{W}body")
        assert body[-1].tag == f"{W}sectPr"
        assert body.findall(f"{W}tbl") == []  # the letters list their tasks as paragraphs
        # every letter's 版记 stays in its frame: the break follows it in a paragraph of its own
        printed = [p for p in body.iter(f"{W}p") if "印发" in "".join(t.text or "" for t in p.iter(f"{W}t"))]
        assert len(printed) == 5 and all(p.find(f"{W}pPr/{W}framePr") is not None for p in printed)
        carriers = [p for p in body.findall(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
        assert len(carriers) == 4 and all(p.find(f"{W}pPr/{W}framePr") is None for p in carriers)
    text = all_text(render_batch(graph, settings, opts).files()[PRINT_NAME])
    assert text.count("关于落实《自主创新能力提升行动计划》重点任务分工的通知") == 5


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


@pytest.mark.parametrize("duplex", [False, True])
@pytest.mark.parametrize("shape", ["template", "table last", "no section"])
def test_print_file_joined_as_bytes_holds_what_one_tree_holds(duplex: bool, shape: str) -> None:
    graph, settings = sample_graph(), sample_settings()
    opts = resolve_options(settings.letter)
    template = CompiledTemplate(default_template("letter.docx"), LETTER_FIELDS)
    documents = [
        template.render_bytes(letter_context(graph, settings, opts, d.name)) for d in graph.departments()
    ]
    for parts in documents:
        xml = parts[DOCUMENT]
        if shape == "table last":  # the body ends with the 版记 table, its sectPr numbers nothing
            xml = xml.replace(b'<w:p><w:pPr><w:pStyle w:val="Carrier"/></w:pPr></w:p>', b"")
            xml = xml.replace(b'<w:pgNumType w:start="1"/>', b"")
        elif shape == "no section":
            xml = re.sub(rb"<w:sectPr>.*?</w:sectPr>", b"", xml)
        parts[DOCUMENT] = xml
    joined = part(combine(template, documents, opts.date, duplex), DOCUMENT)
    assert _canonical(etree.tostring(joined)) == _canonical(print_file._tree(documents, duplex))
    assert len(joined.findall(f".//{W}sectPr")) == len(documents)


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("清河县优化营商环境三年行动实施方案（2025—2027年）", "清河县人民政府办公室"),
        ("国务院关于促进就业的若干意见", "国务院办公厅"),
        ("全市安全生产工作要点", "市人民政府办公室"),
        ("加强市场监管工作方案", "市人民政府办公室"),
        (None, "市人民政府办公室"),
    ],
)
def test_the_issuing_office_defaults_from_the_plans_title(title: str | None, issuer: str) -> None:
    from matrix.settings import LetterSettings

    assert resolve_options(LetterSettings(), title=title).issuer == issuer
    assert resolve_options(LetterSettings(issuer="县政府办"), title=title).issuer == "县政府办"
