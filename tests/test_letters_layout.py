"""The GB/T 9704 layout, checked in the XML of rendered letters and of the notice."""

from __future__ import annotations

from letters_helpers import W, part, sample_graph, sample_settings

from matrix.writers.letter_batch import render_batch
from matrix.writers.letters import resolve_options


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


def test_tables_repeat_their_header_row() -> None:
    root = part(batch().letters["01-市科技局.docx"], "word/document.xml")
    task_tables = [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]
    assert len(task_tables) == 2
    for table in task_tables:
        rows = table.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
        widths = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(widths) == 8845  # the 156 mm text width


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
    assert len(sections) == 3  # body, attachment, 版记
    portrait, landscape, last = (s.find(f"{W}pgSz") for s in sections)
    assert (landscape.get(f"{W}orient"), landscape.get(f"{W}w"), landscape.get(f"{W}h")) == (
        "landscape",
        "16838",
        "11906",
    )
    assert portrait.get(f"{W}w") == last.get(f"{W}w") == "11906"
    # the attachment's footers hold the number in a text box turned to the portrait bottom edge
    rels = {r.get("Id"): r.get("Target") for r in part(data, "word/_rels/document.xml.rels")}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for ref in sections[1].findall(f"{W}footerReference"):
        footer = part(data, "word/" + rels[ref.get(r_id)])
        body = footer.find(".//{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}bodyPr")
        assert body is not None and body.get("vert") == "vert"
        assert "PAGE" in "".join(t.text or "" for t in footer.iter(f"{W}instrText"))
    table = root.find(f".//{W}tbl")
    assert sum(int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")) == 12756  # 225 mm
