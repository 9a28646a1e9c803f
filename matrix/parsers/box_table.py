"""Tables drawn with box characters, or typed in ASCII (``+----+`` / ``| a |``): a law database's or
a converter's plain-text table.

::

    ┌──────────┬───┬────────┐
    │ 工 作 任 务 │分管领│牵头单位  │
    │          │ 导 │        │
    ├──────────┼───┼────────┤
    │抓好财税工作 │梁志强│市财政局、│
    ├──────────┤   │税务局    │
    │△加强财政监督│   ├────────┤
    │坚持发展教育 │   │市教育局  │
    └──────────┴───┴────────┘

Each column is read on its own: its cells are the runs of text between the rules (``─``) drawn
in that column, a cell's lines joined without a break (a narrow column wraps words anywhere).
The first cell of every column is the header.  The task column (the one its header names so, else
the one with most cells) makes the rows; a cell opening with a bullet (``△``, ``●``, ``·``) goes on
the row above.  A row takes, in every other column, the cell that covers its first line: a cell
merged down over several rows is shared by them.  Header and rows are handed on as :class:`Line`
with their cells, the way a .docx table's are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matrix.model import Line
from matrix.parsers.names import is_organisation, levelled
from matrix.parsers.table import column_kind

_JOINTS = "│┃├┤┼┌┐└┘┬┴┝┥┠┨╋┣┫┏┓┗┛┳┻║╠╣╬╔╗╚╝╦╩╟╢╫╞╡╪╒╕╘╛╓╖╙╜╤╧╥╨"
_FRAME = re.compile(f"[{_JOINTS}]")
_RULE = re.compile(r"^[─━═\-=:\s]*[─━═\-=][─━═\-=:\s]*$")
_BOX_LINE = re.compile(f"^\\s*[{_JOINTS}]")
_ASCII_RULE = re.compile(r"^\s*\+[-=:+]*[-=][-=:+]*\+\s*$")
"""A rule of a table typed in ASCII (``+------+----+``, ``+======+``)."""
_ASCII_LINE = re.compile(r"^\s*[+|]")
_BODY_KINDS = ("lead", "participant", "responsible")
_BULLET = ("△", "▲", "●", "○", "·", "•", "◆", "◇", "■", "□", "※")


@dataclass
class _Cell:
    first: int
    """Index (in the table's lines) of the cell's first line of text."""
    last: int
    parts: list[str]

    @property
    def text(self) -> str:
        return "".join(p.strip() for p in self.parts).strip()

    @property
    def names(self) -> str:
        """The cell's text as a list of bodies: a line that ends a body's name and one that opens
        the next with its level (各区政府 / 市教育局) are two names, not one name wrapped."""
        out = ""
        for part in (p.strip() for p in self.parts):
            apart = out and part and is_organisation(re.split(r"[、,;]", out)[-1]) and levelled(part)
            out += ("、" if apart else "") + part
        return out.strip()


def read_boxes(lines: list[Line]) -> list[Line]:
    """``lines`` with every table drawn in box characters read as a header and rows."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _starts_box(lines, i):
            out.append(lines[i])
            i += 1
            continue
        typed = bool(_ASCII_RULE.match(lines[i].text))
        framed = _ASCII_LINE if typed else _BOX_LINE
        j = i
        while j < len(lines) and lines[j].cells is None and framed.match(lines[j].text):
            j += 1
        rows = _table(lines[i:j], typed)
        out.extend(rows if rows else lines[i:j])
        i = j
    return out


def _starts_box(lines: list[Line], i: int) -> bool:
    text = lines[i].text.strip()
    if lines[i].cells is not None:
        return False
    if _ASCII_RULE.match(text):  # +----+----+ over a line typed | a | b |
        return text.count("+") >= 3 and i + 1 < len(lines) and lines[i + 1].text.strip().startswith("|")
    return text.startswith(("┌", "┏", "╔", "╒", "╓")) and len(_FRAME.findall(text)) >= 3


def _segments(text: str, typed: bool) -> list[str]:
    """A line's pieces between the frame characters, without the empty ends.  In a table typed in
    ASCII a rule's joints are ``+`` and a cell's borders ``|`` (a cell may hold a ``+``: 5G+工业)."""
    if typed:
        pieces = text.strip().split("+") if _ASCII_RULE.match(text) else text.strip().split("|")
    else:
        pieces = _FRAME.split(text.strip())
    return pieces[1:-1] if len(pieces) >= 2 else pieces


def _table(block: list[Line], typed: bool) -> list[Line]:
    """A box table's header and rows, or nothing when its lines do not keep one column count."""
    grid = [(k, _segments(line.text, typed)) for k, line in enumerate(block)]
    width = max((len(s) for _, s in grid), default=0)
    if width < 2:
        return []
    columns: list[list[_Cell]] = [[] for _ in range(width)]
    rules: list[list[int]] = [[] for _ in range(width)]
    for k, segments in grid:
        if len(segments) != width:
            if not all(_RULE.match(s) or not s.strip() for s in segments):
                return []
            segments = ["─"] * width  # a rule across the whole table, drawn with fewer joints
        for c, segment in enumerate(segments):
            if _RULE.match(segment):
                rules[c].append(k)
            elif segment.strip():
                cells = columns[c]
                if cells and not any(cells[-1].last < r < k for r in rules[c]):
                    cells[-1].parts.append(segment)  # the cell goes on: no rule drawn since its text
                    cells[-1].last = k
                else:
                    cells.append(_Cell(k, k, [segment]))
    if any(not cells for cells in columns) or all(len(cells) < 2 for cells in columns):
        return []  # every column has its header; a column may be empty below it (分管领导 left blank)
    header = [re.sub(r"\s+", "", cells[0].text) for cells in columns]
    bodies = [cells[1:] for cells in columns]
    # the task column: the one the header names so (工作任务), else the one with most cells
    named = [c for c in range(width) if column_kind(header[c]) == "text"]
    task = max(named or range(width), key=lambda c: len(bodies[c]))
    rows: list[list[_Cell]] = []
    for cell in bodies[task]:
        if rows and cell.text.startswith(_BULLET):
            rows[-1].append(cell)
        else:
            rows.append([cell])
    out = [Line(block[columns[0][0].first].number, "\t".join(header), cells=tuple(header))]
    for row in rows:
        start, end = row[0].first, row[-1].last
        values = []
        for c in range(width):
            if c == task:
                values.append("\n".join(cell.text for cell in row))
                continue
            # the cell over the row's first line, with no rule between them (a cell merged down
            # over several rows is shared), else the first that opens within the row
            covering = next(
                (
                    cell
                    for cell in reversed(bodies[c])
                    if cell.first <= start and not any(cell.last < r <= start for r in rules[c])
                ),
                None,
            )
            covering = covering or next((cell for cell in bodies[c] if start < cell.first <= end), None)
            listing = (column_kind(header[c]) or "") in _BODY_KINDS
            values.append("" if covering is None else covering.names if listing else covering.text)
        out.append(Line(block[start].number, "\t".join(values), cells=tuple(values)))
    return out
