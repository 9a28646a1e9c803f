"""Word plans (.docx): body paragraphs and table rows as numbered lines, in document order.

Each body paragraph is one :class:`Line` whose number is its paragraph number; each table row is
one more paragraph, a :class:`Line` with its cells.  Word's automatic list numbers (``一、``,
``（一）``, ``1.``) are written before the text, so a plan reads the same whether its clerk typed
the numbers or let Word count them.
"""

from __future__ import annotations

import re
from pathlib import Path

from matrix.errors import InputError
from matrix.model import MERGED_ABOVE, MERGED_LEFT, OWN_CELL, Document, Line
from matrix.ooxml import MC, W
from matrix.readers.docx_numbering import Element, Numbering
from matrix.zip_limits import ZIP_LIMITS, ZipLimits, check_zip

__all__ = ["ZIP_LIMITS", "ZipLimits", "read_docx"]


_SOFT_BREAK = "\n"
_HARD_BREAK = "\f"
# Subtrees whose text a reader of the page does not see in the paragraph: properties, deleted
# text, field codes, text boxes and drawings, ruby annotations, and markup-compatibility fallbacks
# that repeat the content of their mc:Choice.
_SKIPPED = frozenset(
    W + tag
    for tag in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "sdtPr",
                "sdtEndPr", "txbxContent", "drawing", "pict", "object", "footnoteReference",
                "endnoteReference", "commentReference", "annotationRef", "fldData", "rt")
) | {MC + "Fallback"}  # fmt: skip
_BLOCK_WRAPPERS = frozenset(W + tag for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
_SYMBOL_FONT = {0xB7: "•", 0xD7: "×", 0xB1: "±", 0xAE: "→", 0xA3: "≤", 0xB3: "≥", 0xB0: "°",
                0xDE: "⇒", 0xB8: "÷", 0xB9: "≠", 0x2D: "−", 0x3D: "="}  # fmt: skip
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_ITEM_START = re.compile(
    r"\s*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]"
    r"|\d+(?:[.．、](?!\d)|[)）])|[\u2460-\u2473]|第[一二三四五六七八九十百\d]+[章节条部分]"
    r"|[一二三四五六七八九十]+是)"
)
_ITEM_END = tuple("。；;：:！!？?）)")


def _cjk_join(left: str, right: str) -> str:
    """Two pieces of one sentence: no space between Chinese text, one space between words."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return left + right
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return left + right
    return left + " " + right


def _sym(el: Element) -> str:
    code_text = el.get(W + "char") or ""
    try:
        code = int(code_text, 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        # Symbol-font characters live in the private-use area; only a few have a plain meaning.
        return _SYMBOL_FONT.get(code - 0xF000, "") if "symbol" in (el.get(W + "font") or "").lower() else ""
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""  # not a character: a surrogate or beyond Unicode would break every writer later
    return chr(code)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in {"0", "false", "off"}


def _collect(el: Element, out: list[str]) -> None:
    """Append the visible text under ``el`` to ``out``, breaks as :data:`_SOFT_BREAK`/:data:`_HARD_BREAK`."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(_HARD_BREAK if child.get(W + "type") in {"page", "column"} else _SOFT_BREAK)
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            out.append(_sym(child))
        elif tag == W + "r" and _hidden(child):
            continue
        else:
            _collect(child, out)


def _split_breaks(text: str, *, in_cell: bool = False) -> list[str]:
    """A paragraph's text cut at its breaks where they separate items, joined elsewhere.

    A page break always separates; a line break (Shift+Enter) separates when the text before it
    ends a sentence or the text after it starts with an outline number, and otherwise only wraps
    a sentence, so its two halves are joined.  In a table cell every break separates: a cell puts
    one unit on each line (县邮政分公司 / 县供销社), and joining them would glue two names.
    """
    pieces: list[str] = []
    for block in text.split(_HARD_BREAK):
        current: str | None = None
        for part in block.split(_SOFT_BREAK):
            if current is None:
                current = part
            elif (
                current.strip()
                and part.strip()
                and not in_cell
                and not (current.rstrip().endswith(_ITEM_END) or _ITEM_START.match(part))
            ):
                current = _cjk_join(current.rstrip(), part.lstrip())
            else:
                pieces.append(current)
                current = part
        pieces.append(current or "")
    kept = [p for p in pieces if p.strip()]
    return kept or [""]


class _Reader:
    """Walks one document body, numbering paragraphs and table rows as it goes."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.lines: list[Line] = []
        self.count = 0

    def paragraph_pieces(self, p: Element, *, in_cell: bool = False) -> list[str]:
        """The text of paragraph ``p`` with its list number, as one or more lines."""
        out: list[str] = []
        _collect(p, out)
        pieces = _split_breaks("".join(out), in_cell=in_cell)
        label = self.numbering.label(p)
        if label is not None:
            number, suffix = label
            # Word shows a tab after the number; typed Chinese numbers have nothing after them.
            pieces[0] = number + pieces[0] if suffix == "nothing" else _cjk_join(number, pieces[0])
        return pieces

    def blocks(self, container: Element) -> None:
        """Read the paragraphs and tables directly under ``container`` (the body or a frame cell)."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.count += 1
                self.lines.extend(Line(self.count, piece) for piece in self.paragraph_pieces(child))
            elif tag == W + "tbl":
                self.table(child)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(child)

    def table(self, tbl: Element) -> None:
        """Read a table: one line per row, nested tables after the row that holds them.

        A table of one column is a frame a clerk drew around the text, not a grid of data: its
        cells are read like the body.
        """
        rows = [tr for tr in _children(tbl, W + "tr") if tr.find(f"{W}trPr/{W}del") is None]
        if all(len(_children(tr, W + "tc")) <= 1 for tr in rows):
            for tr in rows:
                for tc in _children(tr, W + "tc"):
                    self.blocks(tc)
            return
        above: dict[int, str] = {}  # grid column -> text of the cell a vertical merge continues
        for tr in rows:
            self.count += 1
            number = self.count
            tr_pr = tr.find(W + "trPr")
            cells: list[str] = [""] * _grid(tr_pr, "gridBefore", 0)
            merged: list[str] = [OWN_CELL] * len(cells)
            nested: list[Element] = []
            for tc in _children(tr, W + "tc"):
                tc_pr = tc.find(W + "tcPr")
                span = _grid(tc_pr, "gridSpan", 1)
                merge = None if tc_pr is None else tc_pr.find(W + "vMerge")
                column = len(cells)
                if merge is not None and merge.get(W + "val") in {None, "continue"}:
                    text = above.get(column, "")
                    merged.append(MERGED_ABOVE)
                else:
                    text = self.cell_text(tc, nested)
                    above[column] = text
                    merged.append(OWN_CELL)
                # A cell spanning columns keeps its text once and empty places after it, so the
                # columns that follow stay under their headings.
                cells.extend([text] + [""] * (span - 1))
                merged.extend([MERGED_LEFT] * (span - 1))
            after = _grid(tr_pr, "gridAfter", 0)
            cells.extend([""] * after)
            merged.extend([OWN_CELL] * after)
            text = "\t".join(_one_line(c) for c in cells)
            self.lines.append(Line(number, text, cells=tuple(cells), merged=tuple(merged)))
            for inner in nested:
                self.table(inner)

    def cell_text(self, tc: Element, nested: list[Element]) -> str:
        """A cell's paragraphs joined with newlines; its nested tables go to ``nested``."""
        texts: list[str] = []
        self._cell_blocks(tc, texts, nested)
        # Tabs would shift the row's columns once the cells are joined with tabs.
        return "\n".join(t.strip().replace("\t", " ") for t in texts if t.strip())

    def _cell_blocks(self, container: Element, texts: list[str], nested: list[Element]) -> None:
        for child in container:
            if child.tag == W + "p":
                texts.extend(self.paragraph_pieces(child, in_cell=True))
            elif child.tag == W + "tbl":
                nested.append(child)
            elif child.tag in _BLOCK_WRAPPERS:
                self._cell_blocks(child, texts, nested)


def _children(el: Element, tag: str) -> list[Element]:
    """Children of ``el`` with ``tag``, looking through content controls and custom XML."""
    found: list[Element] = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _BLOCK_WRAPPERS:
            found.extend(_children(child, tag))
    return found


def _grid(props: Element | None, tag: str, default: int) -> int:
    """A count of grid columns from a row's or cell's properties (gridSpan, gridBefore, gridAfter)."""
    el = None if props is None else props.find(W + tag)
    value = None if el is None else el.get(W + "val")
    # Bounded so a corrupt span cannot make a row of millions of empty cells.
    return max(0, min(int(value), 1000)) if value is not None and value.isdecimal() else default


def _one_line(cell: str) -> str:
    lines = cell.split("\n")
    joined = lines[0]
    for line in lines[1:]:
        joined = _cjk_join(joined, line)
    return joined


def _part_element(document_part: object, rel_type: str) -> Element | None:
    try:
        return document_part.part_related_by(rel_type).element  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return None


def read_docx(path: Path, *, limits: ZipLimits | None = None) -> Document:
    """The lines of a .docx plan: paragraphs and table rows in document order, list numbers included."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    source = str(path)
    check_zip(path, limits or ZIP_LIMITS)
    try:
        word = docx.Document(str(path))
        body = word.element.body
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors ... for non-Word zips
        raise InputError("这不是有效的 .docx 文件 (无法作为 Word 文档打开)", path=source) from exc
    numbering = Numbering(_part_element(word.part, RT.NUMBERING), _part_element(word.part, RT.STYLES))
    reader = _Reader(numbering)
    reader.blocks(body)
    if not any(line.text.strip() for line in reader.lines):
        raise InputError("文件里没有文字", path=source)
    return Document(source=source, lines=reader.lines, kind="docx")
