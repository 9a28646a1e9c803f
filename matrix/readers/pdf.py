"""PDF plans with a text layer: the printed lines rejoined into the paragraphs the author wrote.

A PDF keeps no paragraphs, only lines as they were laid out on the page, plus page numbers and
running headers.  :func:`read_pdf` takes each page's lines with pdfplumber, with where each line
starts and ends on the page; drops the page furniture (:func:`drop_furniture`); removes the
spaces extraction puts between Chinese and digits or Latin letters (:func:`tidy_spaces`); and
rejoins wrapped lines (:func:`rejoin`).

Line numbers in the :class:`Document` are paragraph numbers after rejoining (1, 2, 3 ... over the
whole file), since the printed lines of a PDF are not something a clerk can point at.

matrix does no OCR: a scanned PDF (no text layer) is refused with a plain message.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from matrix.errors import InputError
from matrix.model import Document, Line
from matrix.text.normalize import clean, fold, is_page_mark
from matrix.text.outline import find_marker

MAX_PAGES = 1000
"""A plan runs to tens of pages; beyond this the file is refused rather than ground through."""

EDGE_LINES = 3
"""How many lines at the top and at the bottom of a page may be header, footer or page number."""

SHORT_ROOM = 1.5
"""A line with room for this many more Chinese characters before the right margin is short: it ends
its paragraph, unless what starts the next line would not have fitted in that room."""

TEXT_SHORT_ROOM = 3.0
"""The same without page geometry, where the room is estimated from character counts: wider, to
allow for a first-line indent, which extraction drops, and for the width of digits."""

_NO_TEXT = (
    "这个 PDF 没有可提取的文字 (多半是扫描件或图片), matrix 不做文字识别 (OCR)。"
    "请提供原始的 Word 或文本文件, 或先用 OCR 软件把它转成可复制文字的 PDF"
)

# Page numbers only a page's edge makes sure of: "3", "3/5", "- 3" (the others: is_page_mark).
_BARE_PAGE_NUMBER = re.compile(r"^[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*$|^\d{1,4}\s*/\s*\d{1,4}$")
_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\u2018-\u201d\u2014\u2026]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")
# Sentence and clause ends after which a printed line always ends its paragraph (folded forms).
_PARAGRAPH_END = tuple("。;:!?")
_ROLE_HINT = re.compile(r"牵头|负责|参与|配合|协助|协办|指导|落实|责任单位|责任部门")
# Article and chapter headings of regulation-style plans: "第三条　...".
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章节条](\s|$)")


@dataclass(frozen=True)
class PrintedLine:
    """One line as printed on a PDF page, with what its place on the page says about paragraphs.

    ``indented``: it starts right of the left margin (a first-line indent or a centred heading).
    ``room``: how many Chinese characters would still fit before the right margin; None when the
    geometry is not known.
    ``gap_before``: the line stands farther below the one above than the usual line pitch.
    """

    text: str
    indented: bool = False
    room: float | None = None
    gap_before: bool = False


def _printed(line: str | PrintedLine) -> PrintedLine:
    return line if isinstance(line, PrintedLine) else PrintedLine(line)


def is_page_number(line: str) -> bool:
    """True for a line that is only a page number as printed (``— 3 —``, ``第3页``, ``3``)."""
    text = fold(line).strip()
    return bool(text) and (is_page_mark(text) or bool(_BARE_PAGE_NUMBER.match(text)))


def _furniture_key(line: str) -> str:
    """A line as compared across pages: no spaces, digits alike (a header may carry the page number)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", fold(line)))


def _edges(n: int) -> Iterator[tuple[int, int]]:
    """(position, index) of lines near a page's edges: 0, 1 ... from the top, -1, -2 ... from the bottom."""
    for i in range(min(EDGE_LINES, n)):
        yield i, i
    for i in range(max(EDGE_LINES, n - EDGE_LINES), n):
        yield i - n, i


def _peel_page_numbers(lines: list[PrintedLine]) -> list[PrintedLine]:
    start, end = 0, len(lines)
    while start < min(EDGE_LINES, end) and is_page_number(lines[start].text):
        start += 1
    while end > max(start, len(lines) - EDGE_LINES) and is_page_number(lines[end - 1].text):
        end -= 1
    return lines[start:end]


def drop_furniture(pages: Sequence[Sequence[str | PrintedLine]]) -> list[list[PrintedLine]]:
    """Each page's lines without blank lines, page numbers and running headers and footers.

    A running header or footer is a line that stands at the same place among the first or last
    :data:`EDGE_LINES` lines of at least half the pages (two at the least), digits aside.  Page
    numbers are recognised by their form, at the top or the bottom of any page.
    """
    peeled = [
        _peel_page_numbers([_printed(ln) for ln in page if _printed(ln).text.strip()]) for page in pages
    ]
    seen: Counter[tuple[int, str]] = Counter()
    for lines in peeled:
        for pos, i in _edges(len(lines)):
            seen[(pos, _furniture_key(lines[i].text))] += 1
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in seen.items() if n >= needed and key[1]}
    out: list[list[PrintedLine]] = []
    for lines in peeled:
        drop = {i for pos, i in _edges(len(lines)) if (pos, _furniture_key(lines[i].text)) in repeated}
        kept = _peel_page_numbers([ln for i, ln in enumerate(lines) if i not in drop])
        # The space above the first line of a page is the page's margin, not a paragraph break.
        out.append([replace(kept[0], gap_before=False), *kept[1:]] if kept else [])
    return out


def tidy_spaces(line: str) -> str:
    """``line`` trimmed, without the spaces extraction puts next to Chinese (``46 号`` → ``46号``).

    A space stays between two Latin letters, digits or ASCII signs (``Open Data``, ``Wi-Fi 6``);
    spaces between two Chinese characters shrink to one, since there they may separate names.
    """
    parts = [p for p in _SPACES.split(clean(line).strip()) if p]
    out = parts[:1]
    for part in parts[1:]:
        before, after = out[-1][-1], part[0]
        if (_is_ascii(before) and _is_ascii(after)) or (_is_cjk(before) and _is_cjk(after)):
            out.append(" ")
        out.append(part)
    return "".join(out)


def _is_ascii(ch: str) -> bool:
    return "!" <= ch <= "~"


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def width(line: str) -> int:
    """The printed width of ``line`` in half-width units: 2 for a Chinese character, 1 for ASCII."""
    return len(line) + len(_WIDE.findall(line))


def _full_width(lines: Sequence[str]) -> int:
    """The width of a full line of body text: the 80th percentile of the longer lines' widths.

    Body text fills most lines of a plan; the percentile keeps an odd overlong line from setting it.
    """
    widths = sorted(width(line) for line in lines if width(line) >= 10)
    if not widths:
        return max((width(line) for line in lines), default=0)
    return widths[min(len(widths) - 1, (len(widths) * 4) // 5)]


def _starts_paragraph(line: PrintedLine) -> bool:
    """True for a line that opens a paragraph whatever came before: an outline number, an indent."""
    folded = fold(line.text)
    return line.indented or line.gap_before or find_marker(folded) is not None or bool(_ARTICLE.match(folded))


def _closes_assignment(paragraph: str) -> bool:
    """True when ``paragraph`` ends with the closing bracket of an assignment (``……牵头, ……参与)``)."""
    folded = fold(paragraph).rstrip()
    if not folded.endswith(")"):
        return False
    depth = 0
    for i in range(len(folded) - 1, -1, -1):
        if folded[i] == ")":
            depth += 1
        elif folded[i] == "(":
            depth -= 1
            if depth == 0:
                return bool(_ROLE_HINT.search(folded[i:]))
    return False


# What a line break cannot split at the start of a line: opening brackets, then a Latin word or
# number or one character, then closing punctuation.
_UNBREAKABLE_HEAD = re.compile(
    r"[(\[<“‘《〈「『〔【（]*(?:[A-Za-z0-9][\x21-\x7e]*|.)[,.;:!?%)\]>，。、；：！？）》〉」』〕】”’]*"
)


def _head_width(line: str) -> float:
    """The width, in Chinese characters, of what could not have been left at the end of the line above."""
    head = _UNBREAKABLE_HEAD.match(line)
    return width(head.group()) / 2 if head else 0.0


def _is_short(line: PrintedLine, following: PrintedLine, full: int) -> bool:
    """True when ``line`` stops short of the right margin for a reason other than wrapping."""
    if line.room is not None:
        room, needed = line.room, SHORT_ROOM
    else:
        room, needed = (full - width(line.text)) / 2, TEXT_SHORT_ROOM
    return room >= needed and room > _head_width(following.text) + 0.5


def _ends_paragraph(
    paragraph: str, line: PrintedLine, following: PrintedLine, full: int, marked: bool
) -> bool:
    """True when the printed ``line`` (the end of ``paragraph`` so far) is the paragraph's last.

    ``marked``: the document marks where its paragraphs start (an indent, or space above), so
    only that mark or an outline number starts one; a line may end a sentence, or stop short
    because the next line's first word would not fit, without ending its paragraph.
    """
    if _starts_paragraph(following):
        return True
    if marked:
        return False
    if _is_short(line, following, full):
        return True
    return fold(line.text).rstrip().endswith(_PARAGRAPH_END) or _closes_assignment(paragraph)


def _marks_paragraphs(lines: Sequence[PrintedLine]) -> bool:
    """True when the page geometry shows where paragraphs start.

    That is: most lines after a paragraph's short last line are indented or set apart, and next
    to none are after a full line that stops mid-sentence.
    """
    if any(line.room is None for line in lines):
        return False
    after_short: list[bool] = []
    within: list[bool] = []
    for a, b in itertools.pairwise(lines):
        if find_marker(fold(b.text)) is not None or a.room is None:
            continue
        marked = b.indented or b.gap_before
        if a.room >= SHORT_ROOM:
            after_short.append(marked)
        elif a.room < 1 and not fold(a.text).endswith(_PARAGRAPH_END):
            within.append(marked)
    return (
        len(after_short) >= 3
        and sum(after_short) * 2 > len(after_short)
        and sum(within) * 5 < max(len(within), 1)
    )


def _join(left: str, right: str) -> str:
    """Two printed lines of one paragraph as one: a space only where a Latin word wrapped."""
    if _ASCII_WORD.match(left[-1:]) and _ASCII_WORD.match(right[:1]):
        return f"{left} {right}"
    return left + right


def rejoin(lines: Sequence[str | PrintedLine]) -> list[str]:
    """The paragraphs that the printed ``lines`` (furniture already dropped) were wrapped from.

    A line break ends a paragraph when the next line starts with an outline number (``一、``,
    ``（二）``, ``3.``) or is indented or set apart; when the line ends a sentence or clause
    (``。；：！？``) or closes an assignment bracket (``……牵头, ……参与）``); or when the line stops
    well short of the right margin (a heading, or a paragraph's last line).  Otherwise the next
    line continues the paragraph, as in ``（由市经委牵`` / ``头）``.
    """
    printed = [replace(p, text=tidy_spaces(p.text)) for p in map(_printed, lines)]
    printed = [p for p in printed if p.text]
    full = _full_width([p.text for p in printed])
    marked = _marks_paragraphs(printed)
    out: list[str] = []
    paragraph = ""
    for i, line in enumerate(printed):
        paragraph = _join(paragraph, line.text) if paragraph else line.text
        if i + 1 == len(printed) or _ends_paragraph(paragraph, line, printed[i + 1], full, marked):
            out.append(paragraph)
            paragraph = ""
    return out


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def place_lines(pages: Sequence[Sequence[dict[str, Any]]]) -> list[list[PrintedLine]]:
    """Printed lines from pdfplumber's text lines (``text``, ``x0``, ``x1``, ``top``, ``bottom``).

    The margins are measured over the whole document: the left one low among the lines' starts
    (most lines start there, indented first lines aside), the right one high among their ends.
    A line is indented when it starts most of a character's width right of the margin, and set
    apart when the distance from the line above is half as much again as the usual line pitch.
    """
    pages = [[box for box in page if str(box["text"]).strip()] for page in pages]
    boxes = [box for page in pages for box in page]
    if not boxes:
        return [[] for _ in pages]
    left = _percentile([float(b["x0"]) for b in boxes], 0.1)
    right = _percentile([float(b["x1"]) for b in boxes], 0.9)
    size = _percentile([float(b["bottom"]) - float(b["top"]) for b in boxes], 0.5)
    pitches = [float(b["top"]) - float(a["top"]) for page in pages for a, b in itertools.pairwise(page)]
    pitch = _percentile(pitches, 0.3) if pitches else size
    out: list[list[PrintedLine]] = []
    for page in pages:
        lines: list[PrintedLine] = []
        for i, box in enumerate(page):
            gap = i > 0 and float(box["top"]) - float(page[i - 1]["top"]) > 1.5 * max(pitch, size)
            lines.append(
                PrintedLine(
                    str(box["text"]),
                    indented=float(box["x0"]) - left > 0.8 * size,
                    room=(right - float(box["x1"])) / size,
                    gap_before=gap,
                )
            )
        out.append(lines)
    return out


def extract_pages(path: Path) -> list[list[PrintedLine]]:
    """The printed lines of each page of the PDF at ``path``, in reading order, with their geometry."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    source = str(path)
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError(f"PDF 超过 {MAX_PAGES} 页, 不像是一份计划", path=source)
            boxes = [page.extract_text_lines(strip=True, return_chars=False) for page in pdf.pages]
    except PdfminerException as exc:
        if "password" in type(exc.args[0] if exc.args else exc).__name__.lower():
            raise InputError("PDF 设有打开密码, 请先在 PDF 阅读器中去掉密码再试", path=source) from exc
        raise InputError("这不是有效的 PDF 文件 (已损坏或无法解析)", path=source) from exc
    except (ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError("这不是有效的 PDF 文件 (已损坏或无法解析)", path=source) from exc
    return place_lines(boxes)


def read_pdf(path: Path) -> Document:
    """The paragraphs of a PDF plan with a text layer; line numbers are paragraph numbers."""
    pages = drop_furniture(extract_pages(path))
    printed = [line for page in pages for line in page]
    if sum(len(re.sub(r"\s+", "", line.text)) for line in printed) < 10:
        raise InputError(_NO_TEXT, path=str(path))
    paragraphs = rejoin(printed)
    return Document(
        source=str(path), lines=[Line(i, text) for i, text in enumerate(paragraphs, 1)], kind="pdf"
    )
