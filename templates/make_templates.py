"""Make the Word templates ``letter.docx``, ``notice.docx`` and ``change.docx`` (run once; the .docx
are committed).

    .venv/bin/python templates/make_templates.py

The templates are written as plain OOXML, not through python-docx, so that they hold only what the
letters use (a few kB of styles instead of python-docx's 0.8 MB default parts).  The layout of
GB/T 9704-2012 lives in their styles: A4, margins 37/35/28/26 mm, 三号仿宋_GB2312 body with exact
28.95 pt lines (22 a page), 二号方正小标宋简体 title, 黑体 and 楷体_GB2312 headings, Times New Roman
for Latin and digits, page numbers "— 1 —" in 四号宋体 (odd pages right, even pages left).  The
Jinja tags are ordinary text a clerk can see and edit in Word, WPS or LibreOffice.  Each template is
written to ``templates/`` and copied to ``matrix/resources/`` (the copy the installed package uses).
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matrix.render.docx.compile import zip_parts  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
DRAW_NS = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FANG, HEI, KAI, XBS, SONG, LATIN = (
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "方正小标宋简体",
    "宋体",
    "Times New Roman",
)
LINE = 579  # exact 28.95 pt: 22 lines in the 225 mm text area
INDENT = 640  # 2 characters of 三号 (2 x 16 pt)
MM = 56.6929  # twips per millimetre
PORTRAIT = {"w": 11906, "h": 16838, "top": 2098, "bottom": 1984, "left": 1587, "right": 1474}
TEXT_WIDTH = 11906 - 1587 - 1474  # 8845 twips = 156 mm
# The attachment page is the portrait page turned: its top is the portrait page's left (订口) edge.
LANDSCAPE = {"w": 16838, "h": 11906, "top": 1587, "bottom": 1474, "left": 1984, "right": 2098}
WIDE_WIDTH = 16838 - 1984 - 2098  # 12756 twips = 225 mm


def fonts(east_asia: str, latin: str = LATIN) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'


LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def rpr(east_asia: str, size: int, extra: str = "", latin: str = LATIN, condense: int = 0) -> str:
    """Run properties in schema order: fonts, extra (b, color), spacing, size, lang."""
    spacing = f'<w:spacing w:val="{condense}"/>'
    size_xml = f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{fonts(east_asia, latin)}{extra}{spacing}{size_xml}{LANG}</w:rPr>"


def run(text: str, style: str | None = None) -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", style: str | None = None, ppr: str = "", runs: str | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    body = runs if runs is not None else (run(text) if text else "")
    return f"<w:p><w:pPr>{props}{ppr}</w:pPr>{body}</w:p>"


def sect(page: dict[str, int], footers: tuple[str, str], extra: str = "", orient: str = "") -> str:
    """Section properties: odd/even footers, page size and margins, numbering from 1 in letters."""
    odd, even = footers
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{odd}"/>'
        f'<w:footerReference w:type="even" r:id="{even}"/>'
        f'<w:pgSz w:w="{page["w"]}" w:h="{page["h"]}"{orient}/>'
        f'<w:pgMar w:top="{page["top"]}" w:right="{page["right"]}" w:bottom="{page["bottom"]}" '
        f'w:left="{page["left"]}" w:header="851" w:footer="1247" w:gutter="0"/>'
        f"{extra}</w:sectPr>"
    )


def cell(width: int, content: str, span: int = 1) -> str:
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>{grid}<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def tag_row(tag: str, widths: list[int]) -> str:
    """A row holding only a docxtpl row tag ({%tr ... %}); it disappears when rendered."""
    return f"<w:tr>{cell(sum(widths), para(tag, 'TableText'), len(widths))}</w:tr>"


def table(widths: list[int], header: list[str], cells: list[str], loop: str, keep: bool = False) -> str:
    """A bordered table: a header row repeated on every page, then one row per item of ``loop``;
    with ``keep`` a row does not break across pages."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(cell(w, para(h, "TableHead")) for w, h in zip(widths, header, strict=True))
    body = "".join(cell(w, c) for w, c in zip(widths, cells, strict=True))
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
        f"{tag_row('{%tr for row in ' + loop + ' %}', widths)}"
        f"<w:tr>{'<w:trPr><w:cantSplit/></w:trPr>' if keep else ''}{body}</w:tr>"
        f"{tag_row('{%tr endfor %}', widths)}</w:tbl>"
    )


FRAME_BOTTOM = (
    '<w:framePr w:w="{width}" w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" '
    'w:xAlign="center" w:yAlign="bottom"/>'
)
"""A paragraph frame at the foot of the text area (ECMA-376 17.3.1.11).  The 版记 is held in one:
LibreOffice 7.4 puts it at the foot of the page its paragraphs fall on, flows the body above it and
never splits it; a floating table anchored there vanishes from LibreOffice's PDF."""
THICK = 'w:val="single" w:sz="8" w:space="0" w:color="000000"'  # 0.35 mm, 首条和末条
CHAR_14 = 280  # one character of 四号 (14 pt)


def colophon(width: int = TEXT_WIDTH) -> str:
    """版记 (GB/T 9704 7.4): 抄送 (when there is a cc list), a thin rule, then 印发机关 left and
    印发日期 right, between a thick first and last rule, as the paragraphs of one frame at the foot
    of the last page, so that the 印发 line is the page's last line whatever the body's length.

    Every paragraph of the frame has the same borders (top and bottom, thick): LibreOffice 7.4 makes
    them the frame's own borders and drops the frame when they differ (a ``w:between`` border drops
    it too), so the thin rule between 抄送 and 印发 is an underlined tab across the frame.
    """
    frame = FRAME_BOTTOM.format(width=width)
    common = f"<w:keepNext/><w:keepLines/>{frame}<w:pBdr><w:top {THICK}/><w:bottom {THICK}/></w:pBdr>"
    full = f'<w:tabs><w:tab w:val="right" w:pos="{width}"/></w:tabs>'
    cc = para(
        "抄送：{{ cc }}。",
        "ColophonCc",
        f'{common}<w:ind w:left="{CHAR_14 * 4}" w:right="{CHAR_14}" w:hanging="{CHAR_14 * 3}"/>',
    )
    small = '<w:sz w:val="8"/><w:szCs w:val="8"/>'
    rule = para(
        ppr=f'{common}{full}<w:spacing w:before="0" w:after="0" w:line="100" w:lineRule="exact"/>'
        '<w:ind w:left="0" w:right="0" w:firstLine="0"/>',
        runs=f'<w:r><w:rPr>{small}<w:u w:val="single"/></w:rPr><w:tab/></w:r>'
        f"<w:r><w:rPr>{small}</w:rPr><w:t>\u200b</w:t></w:r>",
    )
    tabs = f'<w:tabs><w:tab w:val="right" w:pos="{width - CHAR_14}"/></w:tabs>'
    side = f'<w:ind w:left="{CHAR_14}" w:right="{CHAR_14}" w:firstLine="0"/>'
    printed = para(
        style="Colophon",
        ppr=f"{common}{tabs}{side}",
        runs=run("{{ print_office }}") + "<w:r><w:tab/></w:r>" + run("{{ print_date }}印发"),
    )
    return para("{%p if cc %}") + cc + rule + para("{%p endif %}") + printed


def letterhead() -> str:
    """发文机关标志 (red), 发文字号 over the red rule, the title and its spacing (GB/T 9704 §7.2)."""
    return (
        para("{{ mark }}", "IssuerMark")
        + para()
        + para()
        + para("{{ doc_number }}", "DocNumber")
        + para()
        + para()
        + para("{{ title }}", "DocTitle")
        + para()
    )


def requirement_items() -> str:
    """The points of 工作要求; the last is kept with what follows, so that the 落款 below never
    stands on a page without body text (GB/T 9704 7.3.5)."""
    label_and_text = run("{{ item.label }}", "KaiRun") + run("{{ item.text }}")
    return (
        para("{%p for item in requirements.items[:-1] %}")
        + para(runs=label_and_text)
        + para("{%p endfor %}")
        + para("{%p for item in requirements.items[-1:] %}")
        + para(ppr=KEEP_NEXT, runs=label_and_text)
        + para("{%p endfor %}")
    )


KEEP_NEXT = "<w:keepNext/>"


def signature(sect_pr: str = "") -> str:
    """落款: the blank line above it, the 署名 and the 成文日期, kept together and with the last
    body paragraph above them."""
    return (
        para(ppr=KEEP_NEXT) + para("{{ signature }}", "Signature") + para("{{ date }}", "DateLine", sect_pr)
    )


def document(body: str) -> str:
    return f"{HEAD}<w:document {NS}><w:body>{body}</w:body></w:document>"


def addressed_letter(parts: str) -> str:
    """The body of a letter to one bureau: letterhead, addressee, opening, ``parts``, 工作要求,
    signature, 版记 at the foot of the last page, and the portrait section numbered from 1."""
    return (
        letterhead()
        + para("{{ addressee }}：", "Addressee")
        + para("{{ opening }}")
        + parts
        + para("{{ requirements.heading }}", "Heading1")
        + requirement_items()
        + signature()
        + colophon()
        + sect(PORTRAIT, ("rId4", "rId5"), '<w:pgNumType w:start="1"/>')
    )


def task_items(name: str, role_line: bool = False) -> str:
    """A part's tasks as numbered paragraphs: （一）id and heading (楷体), the task's text, then
    lines for 牵头单位, 配合单位 (and the bureau's own role for other roles) and 完成时限."""
    lines = [("牵头单位：", "row.leads"), ("配合单位：", "row.partners")]
    if role_line:
        lines.append(("本单位职责：", "row.role"))
    lines.append(("完成时限：", "row.deadline"))
    body = para("{{ row.label }}{{ row.id }}　{{ row.title }}", "Heading2") + para("{{ row.body }}")
    for label, value in lines:
        body += para(runs=run(label, "HeiRun") + run(f"{{{{ {value} }}}}"))
    return para(f"{{%p for row in {name}.rows %}}") + body + para("{%p endfor %}")


def letter_document() -> str:
    """交办通知: the bureau's tasks as numbered paragraphs (a portrait page has no room for six
    readable columns), the ones it leads, the ones it joins and those with another role."""
    parts = ""
    for name in ("lead", "participant", "other"):
        parts += (
            para(f"{{%p if {name} %}}")
            + para(f"{{{{ {name}.heading }}}}", "Heading1")
            + task_items(name, role_line=name == "other")
            + para("{%p endif %}")
        )
    return document(addressed_letter(parts))


def attachment_table() -> str:
    """The notice's 分工表: its column widths come from the content (``attachment.widths``, in
    twips), and each unit is a paragraph of its own, so that a name never breaks inside a cell."""
    header = ["序号", "任务", "具体内容", "牵头单位", "参与单位", "完成时限"]
    widths = [f"{{{{ attachment.widths[{i}] }}}}" for i in range(len(header))]

    def names(field: str) -> str:
        return (
            para(f"{{%p for name in row.{field} %}}")
            + para("{{ name }}", "TableText")
            + para("{%p endfor %}")
        )

    cells = [
        para("{{ row.no }}", "TableCenter"),
        para("{{ row.id }}", "TableStrong") + para("{{ row.title }}", "TableStrong"),
        para("{{ row.body }}", "TableText"),
        names("lead_names"),
        names("participant_names"),
        para("{{ row.deadline }}", "TableCenter"),
    ]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(cell(w, para(h, "TableHead")) for w, h in zip(widths, header, strict=True))  # type: ignore[arg-type]
    body = "".join(cell(w, c) for w, c in zip(widths, cells, strict=True))  # type: ignore[arg-type]
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{WIDE_WIDTH}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>"
        f"{tag_row('{%tr for row in attachment.rows %}', [WIDE_WIDTH])}"
        f"<w:tr>{body}</w:tr>"
        f"{tag_row('{%tr endfor %}', [WIDE_WIDTH])}</w:tbl>"
    )


def notice_document() -> str:
    """分工通知: the body to every bureau, the 附件 line, the 落款, then the 分工表 as a landscape
    attachment whose last page carries the 版记 at its foot (or a page of its own when the table
    leaves no room for it)."""
    # 附件说明: "附件：" after two characters; a wrapped line starts under the attachment's name
    # (the body's characters are 16 pt condensed by 0.25 pt: 315 twips each).
    attach_line = f'{KEEP_NEXT}<w:ind w:left="{INDENT + 3 * 315}" w:hanging="{3 * 315}"/>'
    body = (
        letterhead()
        + para("{{ addressee }}：", "Addressee")
        + para("{%p for paragraph in body %}")
        + para("{{ paragraph }}")
        + para("{%p endfor %}")
        + requirement_items()
        + para(ppr=KEEP_NEXT)
        + para("附件：{{ attachment.title }}", ppr=attach_line)
        + signature(sect(PORTRAIT, ("rId4", "rId5"), '<w:pgNumType w:start="1"/>'))
        + para("{{ attachment.label }}", "AttachLabel")
        + para()
        + para("{{ attachment.title }}", "DocTitle")
        + para()
        + attachment_table()
        + colophon(WIDE_WIDTH)
        + sect(LANDSCAPE, ("rId6", "rId7"), "", ' w:orient="landscape"')
    )
    return document(body)


def change_document() -> str:
    """变更通知: the letter's letterhead and ending around the parts of a revision that concern one
    bureau, each present only when it has something (新增, 不再承担, 角色变化, 内容或分工调整, 任务编号调整,
    更名)."""
    task_cell = para("{{ row.task }}", "TableStrong") + para("{{ row.text }}", "TableText")

    def lines(name: str, side: str = "") -> str:
        """A cell's paragraphs: one per line of ``row.<name>``, then (with ``side``) each changed
        passage of that side under a 黑体 label, in the same row so it never parts from the task."""
        out = (
            para(f"{{%p for line in row.{name} %}}") + para("{{ line }}", "TableText") + para("{%p endfor %}")
        )
        if side:
            label = f'<w:r><w:rPr>{fonts(HEI)}</w:rPr><w:t xml:space="preserve">修改处：</w:t></w:r>'
            passage = para(style="TableText", runs=label + run(f"{{{{ passage.{side} }}}}"))
            out += para("{%p for passage in row.passages %}") + passage + para("{%p endfor %}")
        return out

    added = table(
        [560, 3365, 800, 1500, 1480, 1140],
        ["序号", "任务", "角色", "牵头单位", "参与单位", "完成时限"],
        [
            para("{{ row.no }}", "TableCenter"),
            task_cell,
            para("{{ row.role }}", "TableCenter"),
            para("{{ row.leads }}", "TableText"),
            para("{{ row.participants }}", "TableText"),
            para("{{ row.deadline }}", "TableCenter"),
        ],
        "added.rows",
        keep=False,
    )
    removed = table(
        [560, 5185, 900, 2200],
        ["序号", "任务", "原角色", "说明"],
        [
            para("{{ row.no }}", "TableCenter"),
            task_cell,
            para("{{ row.role }}", "TableCenter"),
            para("{{ row.note }}", "TableText"),
        ],
        "removed.rows",
        keep=False,
    )
    roles = table(
        [560, 3745, 1900, 1500, 1140],
        ["序号", "任务", "角色变化", "修订后牵头单位", "完成时限"],
        [
            para("{{ row.no }}", "TableCenter"),
            task_cell,
            para("{{ row.change }}", "TableCenter"),
            para("{{ row.leads }}", "TableText"),
            para("{{ row.deadline }}", "TableCenter"),
        ],
        "role_changed.rows",
        keep=False,
    )
    changed = table(
        [560, 1725, 3280, 3280],
        ["序号", "任务", "原内容", "修订后内容"],
        [
            para("{{ row.no }}", "TableCenter"),
            para("{{ row.task }}", "TableStrong") + lines("notes"),
            lines("old", "old"),
            lines("new", "new"),
        ],
        "changed.rows",
        keep=False,
    )
    parts = ""
    for name, tbl in (("added", added), ("removed", removed), ("role_changed", roles), ("changed", changed)):
        parts += (
            para(f"{{%p if {name} %}}")
            + para(f"{{{{ {name}.heading }}}}", "Heading1")
            + para(f"{{{{ {name}.text }}}}", ppr="<w:keepNext/>")  # the intro stays with its table
            + tbl
            + para("{%p endif %}")
        )
    # 任务编号调整: one short line per task, no table (only the numbers changed).
    renumbered = (
        para("{%p if renumbered %}")
        + para("{{ renumbered.heading }}", "Heading1")
        + para("{{ renumbered.text }}", ppr="<w:keepNext/>")
        + para("{%p for row in renumbered.rows %}")
        + para("{{ row.old }} → {{ row.new }}（{{ row.title }}）")
        + para("{%p endfor %}")
        + para("{%p endif %}")
    )
    renamed = (
        para("{%p if renamed %}")
        + para("{{ renamed.heading }}", "Heading1")
        + para("{{ renamed.text }}")
        + para("{%p endif %}")
    )
    return document(addressed_letter(parts + renumbered + renamed))


def page_number_runs() -> str:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return run("— ") + field + run(" —")


def footer(side: str) -> str:
    """A portrait footer: "— N —", odd pages right and even pages left, one character in."""
    ind = '<w:ind w:right="280"/>' if side == "right" else '<w:ind w:left="280"/>'
    body = para(style="Footer", ppr=f'{ind}<w:jc w:val="{side}"/>', runs=page_number_runs())
    return f"{HEAD}<w:ftr {NS} {DRAW_NS}>{body}</w:ftr>"


def turned_footer(side: str) -> str:
    """A landscape footer whose page number sits where the portrait pages have it (GB/T 9704 §8).

    The landscape page is the portrait page turned a quarter: the portrait bottom edge is its left
    edge.  A text box with vertical text holds the number there, 22-29 mm from that edge, at the
    portrait page's right (odd) or left (even) end of the number line.
    """
    emu = 36000  # per millimetre
    x, width, height = 21 * emu, 8 * emu, 50 * emu
    if side == "right":  # odd page: the number ends one character inside the portrait right edge
        y, jc = int((210 - 26 - 5.6) * emu) - height, "right"
    else:  # even page: it starts one character inside the portrait left edge
        y, jc = int((28 + 5.6) * emu), "left"
    inner = para(style="Footer", ppr=f'<w:jc w:val="{jc}"/>', runs=page_number_runs())
    drawing = (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="页码"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
        "<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    body = para(style="Carrier", runs=drawing)
    return f"{HEAD}<w:ftr {NS} {DRAW_NS}>{body}</w:ftr>"


def style(
    kind: str,
    sid: str,
    name: str,
    ppr: str = "",
    rpr_: str = "",
    based: str | None = "Normal",
    extra: str = "",
) -> str:
    base = f'<w:basedOn w:val="{based}"/>' if based else ""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    head = f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
    return f"{head}{base}{extra}{ppr_xml}{rpr_}</w:style>"


def styles() -> str:
    exact = f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
    flush = '<w:ind w:firstLine="0"/>'
    table_line = '<w:spacing w:before="0" w:after="0" w:line="340" w:lineRule="exact"/>'
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr(FANG, 32)}</w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{exact}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    normal = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl w:val="0"/>{exact}<w:ind w:firstLine="{INDENT}"/>'
        '<w:jc w:val="both"/></w:pPr>'
        f"{rpr(FANG, 32, condense=-5)}</w:style>"
    )
    heading = "<w:keepNext/><w:keepLines/>"
    out = [
        normal,
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        style(
            "paragraph",
            "IssuerMark",
            "发文机关标志",
            f'<w:spacing w:before="{round(33 * MM)}" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'{flush}<w:jc w:val="center"/>',
            rpr(XBS, 72, '<w:color w:val="FF0000"/>'),
            extra='<w:next w:val="Normal"/>',
        ),
        style(
            "paragraph",
            "DocNumber",
            "发文字号",
            '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="FF0000"/></w:pBdr>'
            f'{flush}<w:jc w:val="center"/>',
            rpr(FANG, 32),
        ),
        style("paragraph", "DocTitle", "公文标题", f'{heading}{flush}<w:jc w:val="center"/>', rpr(XBS, 44)),
        style("paragraph", "Addressee", "主送机关", f'{flush}<w:jc w:val="left"/>'),
        style(
            "paragraph",
            "Heading1",
            "heading 1",
            f'{heading}<w:outlineLvl w:val="0"/>',
            rpr(HEI, 32, condense=-5),
            extra='<w:next w:val="Normal"/><w:qFormat/>',
        ),
        style(
            "paragraph",
            "Heading2",
            "heading 2",
            f'{heading}<w:outlineLvl w:val="1"/>',
            rpr(KAI, 32, condense=-5),
            extra='<w:next w:val="Normal"/><w:qFormat/>',
        ),
        style("character", "KaiRun", "楷体标注", "", rpr(KAI, 32, condense=-5), based="DefaultParagraphFont"),
        style("character", "HeiRun", "黑体标注", "", rpr(HEI, 32, condense=-5), based="DefaultParagraphFont"),
        style(
            "paragraph",
            "Signature",
            "署名",
            f'<w:keepNext/><w:keepLines/><w:ind w:right="{INDENT}" w:firstLine="0"/><w:jc w:val="right"/>',
        ),
        style(
            "paragraph",
            "DateLine",
            "成文日期",
            f'<w:keepLines/><w:ind w:right="{INDENT}" w:firstLine="0"/><w:jc w:val="right"/>',
        ),
        style("paragraph", "AttachLabel", "附件标注", flush, rpr(HEI, 32)),
        style(
            "paragraph", "TableText", "表格文字", f'{table_line}{flush}<w:jc w:val="left"/>', rpr(FANG, 24)
        ),
        style("paragraph", "TableCenter", "表格居中", '<w:jc w:val="center"/>', based="TableText"),
        style("paragraph", "TableStrong", "表格任务", "", rpr(HEI, 24), based="TableText"),
        style(
            "paragraph",
            "TableHead",
            "表头",
            '<w:keepNext/><w:jc w:val="center"/>',
            rpr(HEI, 24),
            based="TableText",
        ),
        style("paragraph", "Colophon", "版记", f'{flush}<w:jc w:val="left"/>', rpr(FANG, 28)),
        style(
            "paragraph", "ColophonCc", "版记抄送", '<w:ind w:left="840" w:hanging="840"/>', based="Colophon"
        ),
        style(
            "paragraph",
            "Carrier",
            "分节",
            f'<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>{flush}',
            rpr(FANG, 2),
        ),
        style(
            "paragraph",
            "Footer",
            "footer",
            f'<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{flush}',
            rpr(SONG, 28, latin=SONG),
        ),
        '<w:style w:type="table" w:customStyle="1" w:styleId="TableGrid"><w:name w:val="表格网格"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        + "".join(
            f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>",
    ]
    return f"{HEAD}<w:styles {NS}>{defaults}{''.join(out)}</w:styles>"


SETTINGS = (
    f'{HEAD}<w:settings {NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
    '<w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
)


def font_table() -> str:
    entries = [
        (FANG, "仿宋", "86", "02010609060101010101", "modern"),
        (KAI, "楷体", "86", "02010609060101010101", "modern"),
        (HEI, "SimHei", "86", "02010609060101010101", "modern"),
        # roman: where 小标宋 is missing, Word and WPS substitute a serif (宋体), not a sans face
        (XBS, "方正小标宋_GBK", "86", "02010600030101010101", "roman"),
        (SONG, "SimSun", "86", "02010600030101010101", "auto"),
        (LATIN, "", "00", "02020603050405020304", "roman"),
    ]
    body = ""
    for name, alt, charset, panose, family in entries:
        alt_xml = f'<w:altName w:val="{alt}"/>' if alt else ""
        body += (
            f'<w:font w:name="{name}">{alt_xml}<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        )
    return f"{HEAD}<w:fonts {NS}>{body}</w:fonts>"


def content_types(footers: int) -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [
        ("/word/document.xml", f"{main}.document.main+xml"),
        ("/word/styles.xml", f"{main}.styles+xml"),
        ("/word/settings.xml", f"{main}.settings+xml"),
        ("/word/fontTable.xml", f"{main}.fontTable+xml"),
        *[(f"/word/footer{i}.xml", f"{main}.footer+xml") for i in range(1, footers + 1)],
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    body = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>'
    )


def relationships(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def package(document_xml: str, footer_parts: list[str], title: str) -> bytes:
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = [
        ("rId1", f"{office}/styles", "styles.xml"),
        ("rId2", f"{office}/settings", "settings.xml"),
        ("rId3", f"{office}/fontTable", "fontTable.xml"),
        *[(f"rId{i + 4}", f"{office}/footer", f"footer{i + 1}.xml") for i in range(len(footer_parts))],
    ]
    root_rels = [
        ("rId1", f"{office}/officeDocument", "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        ("rId3", f"{office}/extended-properties", "docProps/app.xml"),
    ]
    core = (
        f"{HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>matrix</dc:creator><dc:language>zh-CN</dc:language>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>matrix</Application></Properties>"
    )
    parts = [
        ("[Content_Types].xml", content_types(len(footer_parts))),
        ("_rels/.rels", relationships(root_rels)),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", relationships(rels)),
        ("word/styles.xml", styles()),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", font_table()),
        *[(f"word/footer{i + 1}.xml", xml) for i, xml in enumerate(footer_parts)],
    ]
    return zip_parts((name, xml.encode("utf-8")) for name, xml in parts)


def main() -> None:
    portrait = [footer("right"), footer("left")]
    made = {
        "letter.docx": package(letter_document(), portrait, "任务交办通知模板"),
        "notice.docx": package(
            notice_document(), [*portrait, turned_footer("right"), turned_footer("left")], "任务分工通知模板"
        ),
        "change.docx": package(change_document(), portrait, "任务分工调整通知模板"),
    }
    for name, data in made.items():
        for folder in (ROOT / "templates", ROOT / "matrix" / "resources"):
            folder.mkdir(exist_ok=True)
            (folder / name).write_bytes(data)
            print(f"wrote {folder / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
