"""The .docx reader: paragraphs, tables, Word's automatic numbering, and files that are not .docx."""

from __future__ import annotations

import random
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import soffice
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from matrix.api import parse_plan
from matrix.errors import InputError
from matrix.readers import read_document
from matrix.readers.docx import ZipLimits, read_docx
from matrix.readers.docx_numbering import format_number
from matrix.readers.soffice import convert
from matrix.settings import load_settings
from matrix.text.chinese import chinese_counting

DocxDocument = Any  # python-docx ships no type information
LEVELS_CN = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]


def save(doc: DocxDocument, folder: Path, name: str = "plan.docx") -> Path:
    path = folder / name
    doc.save(str(path))
    return path


def texts(path: Path) -> list[str]:
    return [line.text for line in read_docx(path).lines]


def add_list(
    doc: DocxDocument,
    levels: list[tuple[str, str]],
    *,
    start: int = 1,
    abstract: str | None = None,
    overrides: dict[int, int] | None = None,
    extra: str = "",
) -> str:
    """Add a list definition (unless ``abstract`` reuses one) and a w:num for it; return its numId."""
    numbering = doc.part.numbering_part.element
    if abstract is None:
        abstract = str(100 + len(numbering.findall(qn("w:abstractNum"))))
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{extra}<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        element = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">{lvls}</w:abstractNum>'
        )
        numbering.find(qn("w:num")).addprevious(element)  # abstractNum elements come before num
    num_id = str(100 + len(numbering.findall(qn("w:num"))))
    over = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for lvl, value in (overrides or {}).items()
    )
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{over}</w:num>'
        )
    )
    return num_id


def abstract_of(doc: DocxDocument, num_id: str) -> str:
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            return str(num.find(qn("w:abstractNumId")).get(qn("w:val")))
    raise AssertionError(num_id)


def numbered(doc: DocxDocument, text: str, num_id: str, ilvl: int = 0) -> None:
    paragraph = doc.add_paragraph(text)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def raw_paragraph(doc: DocxDocument, inner: str) -> None:
    """Append a paragraph written as WordprocessingML (runs, tracked changes, fields)."""
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"))


# --- paragraphs and text -------------------------------------------------------------------------


def test_paragraphs_keep_their_paragraph_numbers(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("自主创新能力提升行动计划")
    doc.add_paragraph("")
    doc.add_paragraph("一、总体要求")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "任务", "牵头单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "加强集成创新", "市科技局"
    doc.add_paragraph("二、保障措施")
    document = read_document(save(doc, tmp_path))
    assert document.kind == "docx"
    assert [(line.number, line.text, line.cells) for line in document.lines] == [
        (1, "自主创新能力提升行动计划", None),
        (2, "", None),
        (3, "一、总体要求", None),
        (4, "任务\t牵头单位", ("任务", "牵头单位")),
        (5, "加强集成创新\t市科技局", ("加强集成创新", "市科技局")),
        (6, "二、保障措施", None),
    ]


def test_run_text_tracked_changes_fields_and_symbols(tmp_path: Path) -> None:
    doc = docx.Document()
    raw_paragraph(
        doc,
        "<w:r><w:t>由市科技局</w:t></w:r><w:del><w:r><w:delText>会同市财政局</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>会同市发改委</w:t></w:r></w:ins><w:r><w:t>牵头</w:t></w:r>",
    )
    raw_paragraph(
        doc,
        '<w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Plan </w:t></w:r>'
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>',
    )
    raw_paragraph(
        doc,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2008年</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="SimSun" w:char="2460"/></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>",
    )
    assert texts(save(doc, tmp_path)) == ["由市科技局会同市发改委牵头", "1.\tPlan 7", "2008年•①"]


def test_line_breaks_split_items_and_join_wrapped_sentences(tmp_path: Path) -> None:
    doc = docx.Document()
    raw_paragraph(doc, "<w:r><w:t>一、总体要求</w:t><w:br/><w:t>（一）主要目标</w:t></w:r>")
    raw_paragraph(
        doc, "<w:r><w:t>加快建设创新</w:t><w:br/><w:t>型城市。</w:t><w:br/><w:t>提高效率</w:t></w:r>"
    )
    raw_paragraph(doc, "<w:r><w:t>science</w:t><w:cr/><w:t>park</w:t></w:r>")
    raw_paragraph(doc, '<w:r><w:t>第一页</w:t><w:br w:type="page"/><w:t>第二页</w:t></w:r>')
    document = read_docx(save(doc, tmp_path))
    assert [(line.number, line.text) for line in document.lines] == [
        (1, "一、总体要求"),
        (1, "（一）主要目标"),
        (2, "加快建设创新型城市。"),
        (2, "提高效率"),
        (3, "science park"),
        (4, "第一页"),
        (4, "第二页"),
    ]


# --- tables --------------------------------------------------------------------------------------


def test_merged_cells_neither_duplicate_nor_shift_columns(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=4, cols=4)
    for i, heading in enumerate(("序号", "任务", "牵头单位", "参与单位")):
        table.cell(0, i).text = heading
    table.cell(1, 0).merge(table.cell(1, 3)).text = "一、产业创新"  # horizontal: whole row
    table.cell(2, 0).text, table.cell(3, 0).text = "1", "2"
    table.cell(2, 1).merge(table.cell(3, 1))  # vertical: one task over two rows
    table.cell(2, 1).text = "着力提升工业自主创新能力"
    table.cell(2, 2).merge(table.cell(2, 3)).text = "市科技局牵头"  # horizontal, mid-row
    table.cell(3, 2).text, table.cell(3, 3).text = "市经委", "市统计局"
    lines = read_docx(save(doc, tmp_path)).lines
    assert [line.cells for line in lines] == [
        ("序号", "任务", "牵头单位", "参与单位"),
        ("一、产业创新", "", "", ""),
        ("1", "着力提升工业自主创新能力", "市科技局牵头", ""),
        ("2", "着力提升工业自主创新能力", "市经委", "市统计局"),
    ]
    assert lines[2].text == "1\t着力提升工业自主创新能力\t市科技局牵头\t"
    # the spans go on with the cells: a parser can tell a merged cell from one typed twice
    assert [line.merged for line in lines] == [
        ("", "", "", ""),
        ("", "left", "left", "left"),
        ("", "", "", "left"),
        ("", "above", "", ""),
    ]


def test_cell_paragraphs_newline_in_cells_one_line_in_text(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "市科技局"
    table.cell(0, 0).add_paragraph("市财政局")
    table.cell(0, 1).text = "Science"
    table.cell(0, 1).add_paragraph("Park")
    (line,) = read_docx(save(doc, tmp_path)).lines
    assert line.cells == ("市科技局\n市财政局", "Science\nPark")
    assert line.text == "市科技局市财政局\tScience Park"


def test_nested_table_rows_follow_their_row(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("前言")
    outer = doc.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "任务", "分工"
    outer.cell(1, 0).text = "加强集成创新"
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "牵头", "市科技局"
    inner.cell(1, 0).text, inner.cell(1, 1).text = "参与", "市财政局"
    doc.add_paragraph("结语")
    lines = read_docx(save(doc, tmp_path)).lines
    assert [(line.number, line.text) for line in lines] == [
        (1, "前言"),
        (2, "任务\t分工"),
        (3, "加强集成创新\t"),
        (4, "牵头\t市科技局"),
        (5, "参与\t市财政局"),
        (6, "结语"),
    ]


def test_content_controls_and_rows_starting_past_the_first_column(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    for i, heading in enumerate(("序号", "牵头单位", "参与单位")):
        table.cell(0, i).text = heading
    table.cell(1, 1).text, table.cell(1, 2).text = "市财政局", "市统计局"
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])  # this row starts one grid column in
    row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    body = doc.element.body
    control = f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>'
    control += "<w:p><w:r><w:t>行动计划</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    body.insert(0, parse_xml(control))
    assert [line.cells or line.text for line in read_docx(save(doc, tmp_path)).lines] == [
        "行动计划",
        ("序号", "牵头单位", "参与单位"),
        ("", "市财政局", "市统计局"),
    ]


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nowhere.docx", "无法读取文件")


def test_one_column_frame_table_reads_like_the_body(tmp_path: Path) -> None:
    doc = docx.Document()
    frame = doc.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "一、总体要求"
    frame.cell(0, 0).add_paragraph("（一）主要目标")
    lines = read_docx(save(doc, tmp_path)).lines
    assert [(line.number, line.text, line.cells) for line in lines] == [
        (1, "一、总体要求", None),
        (2, "（一）主要目标", None),
    ]


# --- automatic numbering -------------------------------------------------------------------------


CHINESE_1_TO_45 = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
    "三十一", "三十二", "三十三", "三十四", "三十五", "三十六", "三十七", "三十八", "三十九", "四十",
    "四十一", "四十二", "四十三", "四十四", "四十五",
]  # fmt: skip


def test_chinese_counting_as_word_writes_it() -> None:
    assert [chinese_counting(n) for n in range(1, 46)] == CHINESE_1_TO_45
    assert [chinese_counting(n) for n in (99, 100, 101, 110, 1005)] == [
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
        "一千零五",
    ]


def test_number_formats() -> None:
    assert [format_number(n, "decimalEnclosedCircle") for n in (1, 10, 20, 21)] == ["①", "⑩", "⑳", "21"]
    assert [format_number(n, "upperLetter") for n in (1, 26, 27)] == ["A", "Z", "AA"]
    assert [format_number(n, "lowerLetter") for n in (2, 28)] == ["b", "bb"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 1990)] == ["IV", "IX", "XIV", "MCMXC"]
    assert format_number(12, "lowerRoman") == "xii"
    assert [format_number(n, "ideographTraditional") for n in (1, 3, 10)] == ["甲", "丙", "癸"]
    assert [format_number(n, "japaneseCounting") for n in (10, 23)] == ["十", "二十三"]
    assert format_number(11, "chineseCountingThousand") == "十一"
    assert format_number(12, "chineseLegalSimplified") == "拾贰"
    assert format_number(7, "decimalZero") == "07"
    assert format_number(2, "ideographEnclosedCircle") == "㊁"
    assert format_number(10**6, "upperLetter") == "1000000"  # not a million letters
    assert format_number(5, "someFormatWordAddsLater") == "5"


def test_three_level_outline_restarts_lower_levels(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, LEVELS_CN)
    for text, level in [
        ("总体要求", 0),
        ("指导思想", 1),
        ("主要目标", 1),
        ("科技投入", 2),
        ("人才", 2),
        ("重点任务", 0),
        ("产业创新", 1),
        ("工业", 2),
        ("农业", 2),
        ("节能减排", 1),
        ("可再生能源", 2),
    ]:
        numbered(doc, text, num, level)
    assert texts(save(doc, tmp_path)) == [
        "一、总体要求", "（一）指导思想", "（二）主要目标", "1.科技投入", "2.人才",
        "二、重点任务", "（一）产业创新", "1.工业", "2.农业", "（二）节能减排", "1.可再生能源",
    ]  # fmt: skip


def test_forty_five_chinese_numbered_headings(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, LEVELS_CN)
    for _ in range(45):
        numbered(doc, "任务", num)
    assert texts(save(doc, tmp_path)) == [f"{n}、任务" for n in CHINESE_1_TO_45]


def test_level_that_never_restarts(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, [("chineseCounting", "%1、")])
    never = '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    never += '<w:lvlRestart w:val="0"/><w:lvlText w:val="（%2）"/></w:lvl>'
    key = abstract_of(doc, num)
    abstracts = doc.part.numbering_part.element.findall(qn("w:abstractNum"))
    abstract = next(a for a in abstracts if a.get(qn("w:abstractNumId")) == key)
    abstract.append(parse_xml(never.replace("<w:lvl ", f"<w:lvl {nsdecls('w')} ", 1)))
    for level in (0, 1, 1, 0, 1):
        numbered(doc, "项", num, level)
    assert texts(save(doc, tmp_path)) == ["一、项", "（一）项", "（二）项", "二、项", "（三）项"]


def test_start_values_shared_lists_and_start_override(tmp_path: Path) -> None:
    doc = docx.Document()
    first = add_list(doc, [("decimal", "%1.")], start=3)
    numbered(doc, "甲", first)
    numbered(doc, "乙", first)
    doc.add_paragraph("正文")
    same = add_list(doc, [], abstract=abstract_of(doc, first))  # another w:num of the same list continues
    numbered(doc, "丙", same)
    restarted = add_list(doc, [], abstract=abstract_of(doc, first), overrides={0: 1})
    numbered(doc, "丁", restarted)
    numbered(doc, "戊", first)  # the shared counter goes on from the restart
    assert texts(save(doc, tmp_path)) == ["3.甲", "4.乙", "正文", "5.丙", "1.丁", "2.戊"]


def test_multi_level_text_other_formats_and_suffix(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, [("upperRoman", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"),
                         ("decimalEnclosedCircle", "%4"), ("ideographTraditional", "%5、")],
                   extra='<w:suff w:val="space"/>')  # fmt: skip
    for level in (0, 1, 1, 2, 3, 3, 4, 0, 2):
        numbered(doc, "Item", num, level)
    assert texts(save(doc, tmp_path)) == [
        "I. Item", "I.1 Item", "I.2 Item", "(a) Item", "① Item", "② Item", "甲、Item", "II. Item", "(a) Item",
    ]  # fmt: skip


def test_numbering_through_paragraph_style_and_numid_zero(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, LEVELS_CN)
    style = doc.styles.add_style("PlanHeading", 1)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>')
    )
    doc.add_paragraph("总体要求", style="PlanHeading")
    numbered(doc, "不编号", "0")  # numId 0 takes the style's number away
    doc.add_paragraph("重点任务", style="PlanHeading")
    assert texts(save(doc, tmp_path)) == ["一、总体要求", "不编号", "二、重点任务"]


def test_bullets_add_no_prefix(tmp_path: Path) -> None:
    doc = docx.Document()
    num = add_list(doc, [("bullet", "\uf0b7")])
    numbered(doc, "加强科普宣传", num)
    assert texts(save(doc, tmp_path)) == ["加强科普宣传"]


# --- files that are not .docx --------------------------------------------------------------------


def assert_refused(path: Path, message: str, limits: ZipLimits | None = None) -> None:
    with pytest.raises(InputError) as caught:
        read_docx(path, limits=limits)
    assert message in caught.value.message
    assert str(path) in str(caught.value)


def test_text_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("一、总体要求\n", encoding="utf-8")
    assert_refused(path, "这不是有效的 .docx 文件")


def test_old_doc_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert_refused(path, "旧版 Word (.doc)")


def test_empty_zip_and_zip_of_something_else(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w"):
        pass
    assert_refused(empty, "这不是有效的 .docx 文件")
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("data.csv", "a,b\n")
    assert_refused(other, "这不是有效的 .docx 文件")


def test_word_document_with_broken_xml(tmp_path: Path) -> None:
    path = save(docx.Document(), tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert_refused(path, "这不是有效的 .docx 文件")


def test_zip_bombs_are_refused_before_reading(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (3 * 1024 * 1024))
    assert bomb.stat().st_size < 64 * 1024
    assert_refused(bomb, "压缩比异常")
    assert_refused(bomb, "超过 1 MB 的上限", ZipLimits(max_total_bytes=1024 * 1024))
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(30):
            archive.writestr(f"part{i}.xml", "<x/>")
    assert_refused(many, "超过 20 个的上限", ZipLimits(max_entries=20))


def test_damaged_files_give_input_errors_not_tracebacks(default_plan: Path, tmp_path: Path) -> None:
    original = plan_docx(default_plan, tmp_path, automatic=True).read_bytes()
    damaged = tmp_path / "damaged.docx"
    rnd = random.Random(20080716)
    refused = 0
    for i in range(150):
        data = bytearray(original)
        if i % 3 == 0:
            del data[rnd.randrange(len(data)) :]
        else:
            for _ in range(rnd.randrange(1, 20)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
        damaged.write_bytes(bytes(data))
        try:
            read_docx(damaged)
        except InputError:
            refused += 1
    assert refused > 100  # most damage is noticed; the rest hit bytes no reader looks at


def test_document_without_text(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("   ")
    doc.add_table(rows=1, cols=2)
    assert_refused(save(doc, tmp_path), "没有文字")


# --- the default plan as .docx -------------------------------------------------------------------

_MARKER = re.compile(r"^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\)|(\d+)\.(?!\d))")


def plan_docx(plan: Path, folder: Path, *, automatic: bool) -> Path:
    """The plan written into a .docx, one paragraph per non-empty line; with ``automatic`` its
    一、 / (一) / 1. markers are taken out of the text and left to Word's numbering."""
    doc = docx.Document()
    num = add_list(doc, [("chineseCounting", "%1、"), ("chineseCounting", "(%2)"), ("decimal", "%3.")])
    for line in plan.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        found = _MARKER.match(line) if automatic else None
        if found is None:
            doc.add_paragraph(line)
        else:
            level = next(i for i, group in enumerate(found.groups()) if group)
            numbered(doc, line[found.end() :], num, level)
    return save(doc, folder, "auto.docx" if automatic else "typed.docx")


def non_empty(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


@pytest.mark.parametrize("automatic", [False, True], ids=["typed", "automatic"])
def test_default_plan_reads_back_the_same(default_plan: Path, tmp_path: Path, automatic: bool) -> None:
    path = plan_docx(default_plan, tmp_path, automatic=automatic)
    expected = non_empty(default_plan.read_text(encoding="utf-8").splitlines())
    assert non_empty(texts(path)) == expected


def test_default_plan_docx_parses_to_the_same_tasks(default_plan: Path, tmp_path: Path) -> None:
    settings = load_settings(default_plan)  # the plan's own settings, for every variant alike

    def tasks(path: Path) -> list[tuple[tuple[str, ...], str, str, list[str], list[str]]]:
        plan = parse_plan(path, settings)
        return [(t.outline, t.title, t.text, t.leads, t.participants) for t in plan.tasks]

    expected = tasks(default_plan)
    assert len(expected) >= 20, "the parser finds the plan's tasks"
    assert tasks(plan_docx(default_plan, tmp_path, automatic=False)) == expected
    assert tasks(plan_docx(default_plan, tmp_path, automatic=True)) == expected


def test_numbers_agree_with_libreoffice(default_plan: Path, tmp_path: Path) -> None:
    """LibreOffice lays out Word's list numbers the way Word does; its text export is the referee."""
    doc = docx.Document()
    first = add_list(doc, [("decimal", "%1.")], start=3)
    numbered(doc, "甲", first)
    numbered(doc, "乙", first)
    numbered(doc, "丙", add_list(doc, [], abstract=abstract_of(doc, first)))
    numbered(doc, "丁", add_list(doc, [], abstract=abstract_of(doc, first), overrides={0: 1}))
    levels = [
        ("upperRoman", "%1."),
        ("decimal", "%1.%2"),
        ("lowerLetter", "(%3)"),
        ("decimalEnclosedCircle", "%4"),
    ]
    num = add_list(doc, levels)
    for level in (0, 1, 1, 2, 3, 3, 0, 2):
        numbered(doc, "Item", num, level)
    chinese = add_list(doc, LEVELS_CN)
    for level in [0, 1, 2, 2, 1, 0] + [0] * 40:
        numbered(doc, "任务", chinese, level)
    paths = [save(doc, tmp_path, "misc.docx"), plan_docx(default_plan, tmp_path, automatic=True)]
    convert(paths, "txt:Text (encoded):UTF8", tmp_path, program=Path(soffice()), timeout=180)
    for path in paths:
        shown = path.with_suffix(".txt").read_text(encoding="utf-8-sig").splitlines()
        # LibreOffice indents and puts a space after each number; the characters must agree.
        assert non_empty([re.sub(r"\s", "", t) for t in shown]) == non_empty(
            [re.sub(r"\s", "", t) for t in texts(path)]
        )


def test_large_document_reads_quickly(tmp_path: Path) -> None:
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 3}"/><w:numId w:val="NUM"/></w:numPr></w:pPr>'
        f"<w:r><w:t>第{i}段 加快科技型中小企业培育, 由市科技局牵头, 市经委参与。</w:t></w:r></w:p>"
        for i in range(30_000)
    )
    doc = docx.Document()
    num = add_list(doc, LEVELS_CN)
    path = save(doc, tmp_path, "big.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    xml = xml.replace("<w:body>", "<w:body>" + body.replace("NUM", num), 1)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    began = time.perf_counter()
    lines = read_docx(path).lines
    elapsed = time.perf_counter() - began
    assert len(lines) == 30_000
    assert lines[-1].text.startswith("1.第29999段")  # 29999 % 3 == 2: the 10000th third-level item
    assert elapsed < 15, f"{elapsed:.1f}s for about 1,000 pages"
