"""PDF plans: line rejoining, page furniture, spaces, refusals, and the default plan as a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN, soffice
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from matrix.api import parse_plan
from matrix.errors import InputError
from matrix.readers import read_document
from matrix.readers.convert import convert_file
from matrix.readers.pdf import PrintedLine, drop_furniture, is_page_number, rejoin, tidy_spaces
from matrix.settings import load_settings

COLUMNS = 30
"""Characters in a full printed line of the hand-made pages below."""


def wrap(paragraph: str, columns: int = COLUMNS) -> list[str]:
    """``paragraph`` as a typesetter prints it: lines of ``columns`` characters, the last shorter."""
    return [paragraph[i : i + columns] for i in range(0, len(paragraph), columns)]


def body(n: int) -> str:
    """A distinct full printed line of body text (pages of a real plan do not repeat lines)."""
    line = f"第{'一二三四五六七八九十'[n - 1]}行正文排满了版心宽度的一整行文字没有任何标点符号也没有编号"
    assert len(line) >= COLUMNS
    return line[:COLUMNS]


# --- rejoining printed lines (no PDF needed) -------------------------------------------------


TASK_1 = (
    "1.着力提升工业自主创新能力。加快发展高新技术产业进一步提高高新技术产业园区产值的比重"
    "（由市科技局会同市发改委、市经委牵头，市信息化办、市统计局等参与）。"
)
TASK_2 = (
    "2.着力提升服务业创新能力。大力发展软件、电子商务、现代物流等现代服务业（由市发改委牵头，市科技局参与）。"
)


def test_a_line_break_inside_an_assignment_bracket_is_not_a_paragraph_break() -> None:
    printed = wrap(TASK_1) + wrap(TASK_2)
    assert printed[1].endswith("市经委牵") and printed[2].startswith("头")
    assert rejoin(printed) == [TASK_1, TASK_2]


def test_a_numbering_marker_at_a_line_start_starts_a_paragraph() -> None:
    lines = [body(1), "一、总体要求", "（一）主要目标", body(2), "1.加快建设", "（2）推进改革", "①完善制度"]
    assert rejoin(lines) == lines


def test_a_number_that_runs_on_is_not_a_marker() -> None:
    paragraph = (
        "全社会科技投入从二〇〇七年的较低水平增加到研发投入占生产总值的比重达到"
        "1.5%以上，市本级和各县区达到2019年的两倍。"
    )
    printed = wrap(paragraph, 35)
    assert len(printed) == 2
    assert printed[1].startswith("1.5%")
    assert rejoin(printed) == [paragraph]


@pytest.mark.parametrize("end", ["。", "；", "：", "！", "？", ";", ":"])
def test_a_line_ending_a_sentence_or_clause_ends_the_paragraph(end: str) -> None:
    assert rejoin([body(1) + end, body(2) + "。"]) == [body(1) + end, body(2) + "。"]


def test_a_closing_assignment_bracket_ends_the_paragraph_and_other_brackets_do_not() -> None:
    assigned = body(1) + "推进科技成果转化工作并建立健全考核和评价机制（市科技局牵头）"
    cited = body(2) + "按照《关于开展营商环境创新试点工作意见》（国发〔2021〕）"
    closing = body(3) + "的部署和要求。"
    for paragraph in (assigned, cited, closing):
        assert len(paragraph) == 2 * COLUMNS or paragraph is closing
    assert rejoin(wrap(assigned) + wrap(cited) + wrap(closing)) == [assigned, cited + closing]


def test_a_short_heading_line_ends_its_paragraph() -> None:
    lines = ["关于进一步优化营商环境的实施方案", body(1), body(2), "为加快发展，制定本方案。"]
    assert rejoin(lines) == [
        "关于进一步优化营商环境的实施方案",
        body(1) + body(2) + "为加快发展，制定本方案。",
    ]


def test_a_line_cut_short_by_a_long_latin_word_runs_on() -> None:
    lines = [body(1), body(2)[:-5] + "推动", "OpenDataPlatformServices平台迁移。"]
    assert rejoin(lines) == [body(1) + body(2)[:-5] + "推动OpenDataPlatformServices平台迁移。"]


def test_a_latin_word_wrapped_at_a_space_keeps_the_space() -> None:
    assert rejoin([body(1) + "Open", "Data 平台。"]) == [body(1) + "Open Data平台。"]


def test_with_page_geometry_indents_mark_paragraphs_and_sentence_ends_do_not() -> None:
    # A document whose paragraphs start indented: a full line that happens to end a sentence
    # runs on when the next line is not indented.
    def line(text: str, indented: bool = False, room: float = 0.0) -> PrintedLine:
        return PrintedLine(text, indented=indented, room=room)

    lines = [
        line("一是科技投入翻番。全社会科技投入增长111%。", indented=True),
        line("研发投入占地区生产总值的比重达到1.5%以上。", room=3.0),
        line("二是人员翻番。从事科技活动人员增加一倍，其", indented=True),
        line("中研发人员实现翻番。", room=14.0),
        line("三是发明专利翻番。发明专利申请量大幅提高，", indented=True),
        line("分别增长112%和108%。", room=16.0),
        line("四是新产品销售收入翻番。", indented=True, room=12.0),
        line("四、保障措施", indented=True, room=20.0),
    ]
    assert rejoin(lines) == [
        "一是科技投入翻番。全社会科技投入增长111%。研发投入占地区生产总值的比重达到1.5%以上。",
        "二是人员翻番。从事科技活动人员增加一倍，其中研发人员实现翻番。",
        "三是发明专利翻番。发明专利申请量大幅提高，分别增长112%和108%。",
        "四是新产品销售收入翻番。",
        "四、保障措施",
    ]
    # Without the geometry, the sentence end after the first line would end a paragraph.
    assert rejoin([x.text for x in lines])[0] == "一是科技投入翻番。全社会科技投入增长111%。"


# --- spaces, page numbers, running headers ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "tidy"),
    [
        ("浙政发〔2008〕46 号", "浙政发〔2008〕46号"),
        ("到 2012 年达到 45 亿元", "到2012年达到45亿元"),
        ("R&D 投入占 GDP 比重 1.5%以上", "R&D投入占GDP比重1.5%以上"),
        ("Task one: the office", "Task one: the office"),
        ("向 Open Data 平台迁移", "向Open Data平台迁移"),
        ("完成 Wi-Fi 6 改造", "完成Wi-Fi 6改造"),
        ("市科技局  市经委", "市科技局 市经委"),
        ("\u3000\u3000一、总体要求 ", "一、总体要求"),
        ("（ 市科技局牵头 ）", "（市科技局牵头）"),
    ],
)
def test_tidy_spaces(raw: str, tidy: str) -> None:
    assert tidy_spaces(raw) == tidy


@pytest.mark.parametrize(
    "line", ["— 3 —", "- 3 -", "-3-", "·12·", "3", " 17 ", "第3页", "第 3 页 共 12 页", "3/12"]
)
def test_page_numbers(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["2.加快建设", "一、总体要求", "2012年", "（3）", "3个以上", "第三条"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


def test_running_headers_footers_and_page_numbers_are_dropped() -> None:
    header = "××市人民政府办公室文件"
    pages = [
        ["计划标题", "一、总体要求", body(1), "— 1 —"],
        [header, body(2), "二、重点任务", "— 2 —"],
        [header, body(3), header, body(4), "第 3 页"],
        [header, body(5), "4"],
    ]
    kept = [[line.text for line in page] for page in drop_furniture(pages)]
    # The header is dropped where it heads a page; the same words inside a page stay.
    assert kept == [
        ["计划标题", "一、总体要求", body(1)],
        [body(2), "二、重点任务"],
        [body(3), header, body(4)],
        [body(5)],
    ]


def test_a_footer_with_the_page_number_in_it_is_a_running_footer() -> None:
    pages = [[body(n), f"某某市发展和改革委员会印发 第{n}页"] for n in range(1, 5)]
    assert [[line.text for line in page] for page in drop_furniture(pages)] == [
        [body(n)] for n in range(1, 5)
    ]


def test_a_line_on_one_page_only_is_kept() -> None:
    pages = [["一、总体要求", body(1)], ["二、重点任务", body(2)]]
    assert [[line.text for line in page] for page in drop_furniture(pages)] == pages


# --- refusals ---------------------------------------------------------------------------------


def _write_pdf(path: Path, contents: list[bytes]) -> None:
    """A minimal valid PDF whose pages draw ``contents`` (Helvetica available as /F1)."""
    n = len(contents)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def test_a_pdf_without_a_text_layer_gets_the_no_ocr_message(tmp_path: Path) -> None:
    # A scan: each page is a picture (here a grey rectangle) with at most a stamped page number.
    scan = tmp_path / "scan.pdf"
    _write_pdf(
        scan,
        [b"0.5 g 50 50 495 742 re f BT /F1 10 Tf 290 30 Td (- %d -) Tj ET" % n for n in (1, 2, 3)],
    )
    with pytest.raises(InputError) as caught:
        read_document(scan)
    assert "OCR" in caught.value.message and "扫描" in caught.value.message
    assert caught.value.path == str(scan)


def test_a_pdf_with_english_text_is_read(tmp_path: Path) -> None:
    # The same hand-made file with real text is read: the refusal above is about the text layer.
    path = tmp_path / "text.pdf"
    _write_pdf(path, [b"BT /F1 12 Tf 72 760 Td (Task one: the plan office leads it.) Tj ET"])
    assert [line.text for line in read_document(path).lines] == ["Task one: the plan office leads it."]


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", b"\x00" * 64]
)
def test_a_broken_pdf_gets_a_plain_message(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match="PDF"):
        read_document(path)


# --- the default plan as a PDF, made with LibreOffice ------------------------------------------


def _page_field(paragraph: object, before: str, after: str) -> None:
    """Append ``before`` PAGE ``after`` to a footer paragraph: the printed page number."""
    add_run = paragraph.add_run  # type: ignore[attr-defined]
    add_run(before)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    add_run(after)


def _plan_docx(text: str, path: Path, *, official: bool, header: bool = True) -> None:
    """The plan as Word would hold it: official style (indent, justified, header, ``— N —``) or plain."""
    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.size = Pt(16 if official else 12)
    normal.font.name = "Noto Serif CJK SC"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    section = word.sections[0]
    if official and header:
        section.header.paragraphs[0].text = "××市人民政府办公室文件"
        _page_field(section.footer.paragraphs[0], "— ", " —")
    else:
        _page_field(section.footer.paragraphs[0], "第 ", " 页")
    for line in text.splitlines():
        if not line.strip():
            continue
        paragraph = word.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
        if official:
            paragraph.paragraph_format.first_line_indent = Pt(32)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    word.save(str(path))


def _roles(path: Path) -> list[tuple[tuple[str, ...], list[str], list[str]]]:
    plan = parse_plan(path, load_settings(DEFAULT_PLAN))
    return [(t.outline, t.leads, t.participants) for t in plan.tasks]


@pytest.mark.parametrize("official", [True, False], ids=["official", "plain"])
def test_the_default_plan_as_a_pdf_parses_like_the_text(tmp_path: Path, official: bool) -> None:
    program = Path(soffice())
    docx = tmp_path / "plan.docx"
    _plan_docx(DEFAULT_PLAN.read_text(encoding="utf-8"), docx, official=official)
    pdf = convert_file(docx, "pdf", tmp_path / "pdf", soffice=program)
    expected = _roles(DEFAULT_PLAN)
    assert len(expected) == 25
    assert _roles(pdf) == expected
    document = read_document(pdf)
    assert document.kind == "pdf"
    assert [line.number for line in document.lines] == list(range(1, len(document.lines) + 1))
    texts = [line.text for line in document.lines]
    assert not any("人民政府办公室文件" in t or t[-1:] == "页" or t.startswith("—") for t in texts)


HAND_WRITTEN = "\n".join(
    [
        "关于进一步优化营商环境的实施方案",
        "根据《国务院关于开展营商环境创新试点工作的意见》（国发〔2021〕24号）精神，结合我县实际，"
        "制定本方案。",
        "一、提升政务服务效能",
        "1.推行“一网通办”。依托政务服务网，实现95%以上政务服务事项网上可办，"
        "企业开办时间压缩至1个工作日以内。",
        "责任单位：县行政审批局、县大数据中心",
        "完成时限：2024年12月底",
        "2.深化“证照分离”改革。对涉企经营许可事项实行清单管理，推动照后减证和简化审批"
        "（县市场监管局牵头，县司法局、县行政审批局配合）。",
        "二、优化市场环境",
        "3.规范涉企收费。开展涉企违规收费专项整治，清理规范行业协会商会收费，全年为企业减负2亿元以上"
        "（县发改局、县财政局牵头，县市场监管局、县民政局配合）。",
        "4.加强知识产权保护。推动PCT国际专利申请增长20%，建设Open Data知识产权公共服务平台，"
        "全年办理专利侵权纠纷案件100件以上（县市场监管局牵头，县公安局、县法院配合）。",
    ]
)


def test_a_hand_written_plan_as_a_pdf_reads_paragraph_for_paragraph(tmp_path: Path) -> None:
    program = Path(soffice())
    docx = tmp_path / "plan.docx"
    # One page: a header could not be told from a title there, so this plan has none.
    _plan_docx(HAND_WRITTEN, docx, official=True, header=False)
    pdf = convert_file(docx, "pdf", tmp_path, soffice=program)
    expected = [line for line in HAND_WRITTEN.splitlines() if line.strip()]
    assert [line.text for line in read_document(pdf).lines] == expected
