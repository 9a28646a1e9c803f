"""Reading a PDF's pages as lines with positions (pdfplumber), and the GB/T 9704 pagination checks.

A line is the words of a page that share a baseline (within 3 pt), left to right; cells of a table
side by side make separate lines when their baselines differ.  The checks name what the 落款 and
the 版记 are by their text (the 署名, the 成文日期, ``抄送：`` and ``…印发``), so they work on any
document of the family: a letter, the notice, the print file, a change notice, a 催办 notice.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c

LINE = 28.95
"""The body's line pitch in points (exactly 28.95 pt: 22 lines a page)."""
PORTRAIT_BOTTOM = 1984 / 20
LANDSCAPE_BOTTOM = 1474 / 20
"""The bottom margins in points (35 mm portrait; the turned page's 26 mm right margin)."""
_FOOTER = re.compile(r"—\d+—")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, its box in points from the top-left corner."""

    text: str
    """The line's words joined without spaces (the PDF spaces Latin and digits apart)."""
    top: float
    bottom: float
    x0: float
    x1: float

    def overlaps(self, other: Line) -> bool:
        """True when the two boxes share some area."""
        return (
            self.top < other.bottom - 0.5
            and other.top < self.bottom - 0.5
            and self.x0 < other.x1
            and other.x0 < self.x1
        )


@dataclass
class Page:
    """A page: its number in the file (from 1), size and lines (page numbers included)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)

    @property
    def text_lines(self) -> list[Line]:
        """The lines that are not the page number."""
        return [line for line in self.lines if not _FOOTER.fullmatch(line.text)]

    @property
    def bottom_margin(self) -> float:
        """Where the text area ends, in points from the top."""
        return self.height - (LANDSCAPE_BOTTOM if self.width > self.height else PORTRAIT_BOTTOM)


Box = tuple[str, float, float, float, float]
"""A word or a character: its text, top, bottom, x0, x1 (points from the top-left corner)."""


def _lines(boxes: list[Box]) -> list[Line]:
    """Boxes grouped into lines: those whose bottoms are within 3 pt, left to right."""
    groups: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b[2], b[3])):
        if not box[0].strip():
            continue
        if groups and box[2] - groups[-1][0][2] <= 3:
            groups[-1].append(box)
        else:
            groups.append([box])
    lines = []
    for group in groups:
        group.sort(key=lambda b: b[3])
        text = re.sub(r"\s+", "", "".join(b[0] for b in group))
        if text:
            top, bottom = min(b[1] for b in group), max(b[2] for b in group)
            lines.append(Line(text, top, bottom, min(b[3] for b in group), max(b[4] for b in group)))
    return lines


def read_pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its lines, top to bottom, as pdfplumber reads its words."""
    pages = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            # upright text only: the landscape pages' page number is set vertically at their edge
            words = [
                (str(w["text"]), float(w["top"]), float(w["bottom"]), float(w["x0"]), float(w["x1"]))
                for w in page.extract_words(y_tolerance=3)
                if w["upright"]
            ]
            pages.append(Page(number, float(page.width), float(page.height), _lines(words)))
    return pages


def read_pages_quickly(pdf: Path) -> list[Page]:
    """:func:`read_pages` through PDFium's text layer (pypdfium2, which pdfplumber itself uses to
    draw pages): the same lines, twenty times faster, for files of a thousand pages and more.
    A character's box runs from its size above its baseline to the baseline, as pdfplumber's boxes
    of these fonts do (``test_pagination.test_quick_reading_matches_pdfplumber``)."""
    pages = []
    document = pypdfium2.PdfDocument(pdf)
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            text = page.get_textpage()
            boxes: list[Box] = []
            for i in range(text.count_chars()):
                char = text.get_text_range(i, 1)
                if not char.strip():
                    continue
                pdfium_c.FPDFText_GetCharOrigin(text.raw, i, x, y)
                size = pdfium_c.FPDFText_GetFontSize(text.raw, i)
                left, _, right, _ = text.get_charbox(i)
                base = height - y.value
                boxes.append((char, base - size, base, left, right))
            pages.append(Page(index + 1, float(width), float(height), _lines(boxes)))
    finally:
        document.close()
    return pages


@dataclass(frozen=True)
class Marks:
    """The texts that tell the 落款 and the 版记 from the body."""

    signature: str
    date: str
    print_office: str

    def is_signature(self, line: Line, page: Page) -> bool:
        """The 署名: the issuer's name, set to the right."""
        return line.text == _squash(self.signature) and line.x0 > page.width / 3

    def is_date(self, line: Line) -> bool:
        """The 成文日期 line."""
        return line.text == _squash(self.date)

    def is_printed(self, line: Line) -> bool:
        """The 印发 line (印发机关 … 印发日期印发)."""
        return line.text.startswith(_squash(self.print_office)) and line.text.endswith("印发")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def colophon_lines(page: Page, marks: Marks) -> list[Line]:
    """The 版记's lines on ``page``: from the 抄送 line (or the 印发 line) down to the 印发 line."""
    lines = page.text_lines
    ends = [i for i, line in enumerate(lines) if marks.is_printed(line)]
    if not ends:
        return []
    end = ends[-1]
    starts = [i for i, line in enumerate(lines[: end + 1]) if line.text.startswith("抄送：")]
    start = starts[-1] if starts else end
    return lines[start : end + 1]


def documents(pages: list[Page], marks: Marks) -> list[list[Page]]:
    """The documents of a file, each ending with the page of its 印发 line; blank pages between
    them (a duplex print file's padding) are left out."""
    out: list[list[Page]] = []
    current: list[Page] = []
    for page in pages:
        if not current and not page.text_lines:
            continue  # padding before a document starts
        current.append(page)
        if any(marks.is_printed(line) for line in page.text_lines):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def problems(pages: list[Page], marks: Marks, *, cc: bool = True) -> list[str]:
    """What breaks GB/T 9704's pagination in one document (its pages, in order): the 落款 on a
    page without body text, the 版记 split or not on the last page, the 印发 line not the last line
    or not at the foot of the text area, a 版记 line on a body line, a blank page."""
    found: list[str] = []
    if not pages:
        return ["no pages"]
    name = f"pages {pages[0].number}-{pages[-1].number}"
    signatures = [(p, line) for p in pages for line in p.text_lines if marks.is_signature(line, p)]
    dates = [(p, line) for p in pages for line in p.text_lines if marks.is_date(line)]
    if len(signatures) != 1 or len(dates) != 1:
        found.append(f"{name}: {len(signatures)} signature lines and {len(dates)} date lines")
    last = pages[-1]
    colophon = colophon_lines(last, marks)
    printed = [(p, line) for p in pages for line in p.text_lines if marks.is_printed(line)]
    copied = [(p, line) for p in pages for line in p.text_lines if line.text.startswith("抄送：")]
    for page, line in signatures:
        body = [
            other
            for other in page.text_lines
            if other.bottom <= line.top + 0.5
            and other not in colophon
            and not marks.is_date(other)
            and not marks.is_signature(other, page)
        ]
        if not body:
            found.append(f"{name}: the 落款 on page {page.number} has no body text above it")
    if len(printed) != 1 or printed[0][0] is not last:
        found.append(f"{name}: the 印发 line is on pages {[p.number for p, _ in printed]}, not only the last")
    if cc and (len(copied) != 1 or copied[0][0] is not last):
        found.append(f"{name}: the 抄送 line is on pages {[p.number for p, _ in copied]}, not the last")
    if printed and printed[0][0] is last:
        line = printed[0][1]
        below = [other for other in last.text_lines if other.top > line.top + 0.5]
        if below:
            found.append(f"{name}: lines under the 印发 line on page {last.number}: {below[0].text}")
        margin = last.bottom_margin
        if not margin - LINE <= line.bottom <= margin + 1:
            found.append(
                f"{name}: the 印发 line ends at {line.bottom:.1f} pt, "
                f"not within a line of the margin at {margin:.1f} pt"
            )
    for page in pages:
        mine = colophon_lines(page, marks)
        for line in mine:
            for other in page.text_lines:
                if other not in mine and line.overlaps(other):
                    where = f"on page {page.number}"
                    found.append(f"{name}: 版记 line {line.text!r} overlaps {other.text!r} {where}")
        if not page.text_lines:
            found.append(f"{name}: page {page.number} is blank")
    return found


def padding_problems(pages: list[Page], marks: Marks, duplex: bool) -> list[str]:
    """Blank pages of a print file: none without ``duplex``; with it, only before a letter that
    would otherwise start on an even page, so that every letter starts on an odd page."""
    found = []
    starts = {doc[0].number for doc in documents(pages, marks)}
    for page in pages:
        if page.text_lines:
            continue
        if not duplex:
            found.append(f"page {page.number} is blank")
        elif page.number + 1 not in starts or page.number % 2 == 1:
            found.append(f"page {page.number} is blank but is no duplex padding")
    if duplex:
        found += [f"a letter starts on even page {n}" for n in sorted(starts) if n % 2 == 0]
    return found
