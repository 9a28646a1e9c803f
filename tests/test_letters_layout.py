"""The GB/T 9704 layout, checked in the XML of rendered letters and of the notice."""

from __future__ import annotations

import dataclasses

from letters_helpers import W, part, sample_graph, sample_settings
from lxml import etree

from matrix.build.letters import render_batch
from matrix.views.document import resolve_options
from matrix.views.letters import NAME_CHARS, attachment_widths, notice_context


def batch():  # type: ignore[no-untyped-def]
    settings = sample_settings()
    return render_batch(sample_graph(), settings, resolve_options(settings.letter))


def style(styles, style_id: str):  # type: ignore[no-untyped-def]
    found = styles.find(f"{W}style[@{W}styleId='{style_id}']")
    assert found is not None, style_id
    return found


def attr(element, path: str, name: str) -> str | None:  # type: ignore[no-untyped-def]
    found = element.find(path)
    return None if found is None else found.get(f"{W}{name}")


def test_page_size_and_margins() -> None:
    sect = part(batch().letters["01-市科技局.docx"], "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # A4
    # 37 / 35 / 28 / 26 mm
    assert [margins.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    assert attr(sect, f"{W}pgNumType", "start") == "1"


def test_fonts_sizes_and_language_per_element() -> None:
    styles = part(batch().letters["01-市科技局.docx"], "word/styles.xml")
    expected = {
        "Normal": ("仿宋_GB2312", "32"),
        "DocTitle": ("方正小标宋简体", "44"),
        "IssuerMark": ("方正小标宋简体", "72"),
        "Heading1": ("黑体", "32"),
        "Heading2": ("楷体_GB2312", "32"),
        "KaiRun": ("楷体_GB2312", "32"),
        "DocNumber": ("仿宋_GB2312", "32"),
        "TableText": ("仿宋_GB2312", "24"),
        "TableHead": ("黑体", "24"),
        "Colophon": ("仿宋_GB2312", "28"),
        "Footer": ("宋体", "28"),
    }
    for style_id, (east_asia, size) in expected.items():
        s = style(styles, style_id)
        assert attr(s, f"{W}rPr/{W}rFonts", "eastAsia") == east_asia, style_id
        assert attr(s, f"{W}rPr/{W}sz", "val") == size, style_id
        assert attr(s, f"{W}rPr/{W}lang", "eastAsia") == "zh-CN", style_id
        if style_id != "Footer":
            assert attr(s, f"{W}rPr/{W}rFonts", "ascii") == "Times New Roman", style_id
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert attr(defaults, f"{W}rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(defaults, f"{W}lang", "eastAsia") == "zh-CN"
    assert attr(style(styles, "IssuerMark"), f"{W}rPr/{W}color", "val") == "FF0000"


def test_exact_line_spacing_and_two_character_indent() -> None:
    styles = part(batch().letters["01-市科技局.docx"], "word/styles.xml")
    normal = style(styles, "Normal")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")  # 28.95 pt
    assert attr(normal, f"{W}pPr/{W}ind", "firstLine") == "640"  # 2 x 16 pt


def test_colophon_is_one_frame_at_the_foot_of_the_text_area() -> None:
    """The 版记's paragraphs share one bottom-anchored frame (``w:framePr``) and the same borders
    (LibreOffice drops a frame whose paragraphs' borders differ); the 印发 line comes last."""
    for data in (batch().letters["01-市科技局.docx"], batch().notice):
        body = part(data, "word/document.xml").find(f"{W}body")
        framed = [p for p in body.findall(f"{W}p") if p.find(f"{W}pPr/{W}framePr") is not None]
        texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in framed]
        assert texts[0].startswith("抄送：") and texts[-1].endswith("2026年12月1日印发")
        frames = {etree.tostring(p.find(f"{W}pPr/{W}framePr")) for p in framed}
        borders = {etree.tostring(p.find(f"{W}pPr/{W}pBdr")) for p in framed}
        assert len(frames) == 1 and len(borders) == 1
        frame = framed[0].find(f"{W}pPr/{W}framePr")
        assert (frame.get(f"{W}vAnchor"), frame.get(f"{W}yAlign")) == ("margin", "bottom")
        assert list(body)[-2] is framed[-1]  # nothing but the section follows the 版记
        # the thin rule between 抄送 and 印发 is an underlined tab across the frame
        assert framed[1].find(f".//{W}rPr/{W}u") is not None and framed[1].find(f".//{W}tab") is not None


def test_last_body_paragraph_is_kept_with_the_signature() -> None:
    """The last 工作要求 point, the blank line, the 署名 and the date move as one (GB/T 9704 7.3.5)."""
    data = batch().letters["01-市科技局.docx"]
    body = part(data, "word/document.xml").find(f"{W}body")
    paragraphs = body.findall(f"{W}p")
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    date = texts.index("2026年12月1日")
    signature, blank, last = paragraphs[date - 1], paragraphs[date - 2], paragraphs[date - 3]
    assert texts[date - 1] == "市人民政府办公室" and texts[date - 2] == ""
    assert texts[date - 3].startswith("（三）联系方式。")
    assert last.find(f"{W}pPr/{W}keepNext") is not None and blank.find(f"{W}pPr/{W}keepNext") is not None
    assert all(p.find(f"{W}pPr/{W}keepNext") is None for p in paragraphs[date - 5 : date - 3])
    styles = part(data, "word/styles.xml")
    for style_id in ("Signature", "DateLine"):
        found = style(styles, style_id).find(f"{W}pPr")
        assert found.find(f"{W}keepLines") is not None
    assert style(styles, "Signature").find(f"{W}pPr/{W}keepNext") is not None
    assert signature.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Signature"


def test_page_numbers_odd_right_even_left() -> None:
    data = batch().letters["01-市科技局.docx"]
    assert part(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
    sect = part(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    refs = {
        r.get(f"{W}type"): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        for r in sect.findall(f"{W}footerReference")
    }
    assert set(refs) == {"default", "even"}
    rels = part(data, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    for kind, side in (("default", "right"), ("even", "left")):
        footer = part(data, "word/" + target[refs[kind]])
        text = "".join(t.text or "" for t in footer.iter(f"{W}t"))
        assert text == "— 1 —"
        assert "PAGE" in "".join(t.text or "" for t in footer.iter(f"{W}instrText"))
        assert attr(footer, f"{W}p/{W}pPr/{W}jc", "val") == side


def test_date_is_arabic_without_leading_zeros() -> None:
    root = part(batch().letters["01-市科技局.docx"], "word/document.xml")
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    assert "2026年12月1日" in texts
    assert not any("二〇" in t or "2026年12月01日" in t for t in texts)


def test_notice_attachment_is_a_landscape_section_with_turned_page_numbers() -> None:
    data = batch().notice
    root = part(data, "word/document.xml")
    sections = list(root.iter(f"{W}sectPr"))
    assert len(sections) == 2  # body, then the attachment with the 版记 at the foot of its last page
    portrait, landscape = (s.find(f"{W}pgSz") for s in sections)
    assert (landscape.get(f"{W}orient"), landscape.get(f"{W}w"), landscape.get(f"{W}h")) == (
        "landscape",
        "16838",
        "11906",
    )
    assert portrait.get(f"{W}w") == "11906"
    # the attachment's footers hold the number in a text box turned to the portrait bottom edge
    rels = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for ref in sections[1].findall(f"{W}footerReference"):
        footer = part(data, "word/" + rels[ref.get(r_id)])
        body = footer.find(".//{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}bodyPr")
        assert body is not None and body.get("vert") == "vert"
        assert "PAGE" in "".join(t.text or "" for t in footer.iter(f"{W}instrText"))
    table = root.find(f".//{W}tbl")
    widths = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(widths) == 12756  # 225 mm
    first = [int(c.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for c in table.find(f"{W}tr").findall(f"{W}tc")]
    assert first == widths


def test_attachment_widths_come_from_the_content() -> None:
    """A unit column is as wide as its longest name up to 10 characters (12 pt each, plus the
    cell's margins); the text column takes what is left."""
    rows = notice_context(sample_graph(), resolve_options(sample_settings().letter))["attachment"].rows
    number, task, text, leads, partners, deadline = attachment_widths(rows)
    assert leads == 4 * 240 + 230  # 市科技局, 市发改委: at least the header's 4 characters
    assert partners == 7 * 240 + 230  # 市农办（指导）
    assert number + task + text + leads + partners + deadline == 12756
    long_name = dataclasses.replace(rows[0], lead_names=("中国人民银行某某市中心支行营业管理部",))
    assert attachment_widths([long_name])[3] == NAME_CHARS * 240 + 230  # wider names may wrap


def test_attachment_line_wraps_under_the_attachments_name() -> None:
    """附件说明: "附件：" two characters in; a wrapped line starts under the name's first character
    (the body's characters are 16 pt condensed by 0.25 pt: 315 twips each)."""
    body = part(batch().notice, "word/document.xml").find(f"{W}body")
    line = next(
        p for p in body.iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith("附件：")
    )
    ind = line.find(f"{W}pPr/{W}ind")
    assert (ind.get(f"{W}left"), ind.get(f"{W}hanging")) == (str(640 + 3 * 315), str(3 * 315))
    assert line.find(f"{W}pPr/{W}keepNext") is not None  # it stays with the 落款 below
