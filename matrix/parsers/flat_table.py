"""Tables flattened to text: a web page's table copied as one cell per line.

``序号`` / ``目标与任务`` / ``责任单位`` on lines of their own (often with blank lines between), then
each row the same way: ``1`` / ``地区生产总值增长5.5%左右`` / ``区发展改革委``.  The header is found
by its words; rows are cut at their numbers, so a cell that holds several units one per line
stays one cell.  Each header and row is handed on as one :class:`Line` with its cells, the way a
.docx table row is, and the table parser reads it from there.
"""

from __future__ import annotations

import itertools
import re

from matrix.model import Finding, Line
from matrix.parsers.names import is_organisation
from matrix.parsers.normalize import fold, is_debris
from matrix.parsers.outline import chinese_number, find_marker
from matrix.parsers.table import column_kind

_NUMBER = re.compile(r"^\(?([0-9]{1,3}|[一二三四五六七八九十]{1,3})\)?[.、]?$")
_DEADLINE_CELL = re.compile(
    r"\d{4}年|\d{1,2}月|底前|年底|长期|持续|常态|每年|每季度|年内|全年|季度|上半年|下半年"
)
_ROLE_KINDS = ("lead", "participant", "responsible", "leader")
_MAX_HEADER_CELL = 12


def _number(text: str) -> int | None:
    m = _NUMBER.match(re.sub(r"\s+", "", fold(text)))
    if m is None:
        return None
    value = m.group(1)
    return int(value) if value.isdigit() else chinese_number(value)


def _header_at(lines: list[Line], i: int) -> tuple[list[str], int] | None:
    """The header cells starting at ``lines[i]`` and the index after them, or None."""
    cells: list[str] = []
    j = i
    while j < len(lines):
        text = lines[j].text.strip()
        if len(text) > _MAX_HEADER_CELL:
            break
        kind = column_kind(text)
        if (kind is None or len(text) <= 2) and j + 1 < len(lines):
            # 责任 / 领导: a header word split over two lines
            joined = text + lines[j + 1].text.strip()
            if len(joined) <= 8 and column_kind(joined) not in (None, "text", "skip"):
                cells.append(joined)
                j += 2
                continue
        if kind is None and not (_looks_ready(cells) and len(text) <= 6 and _number(text) is None):
            break
        # a short word the header has beside known ones (第二季度) is a column too, read as nothing
        cells.append(text)
        j += 1
    kinds = [column_kind(c) or "" for c in cells]
    has_role = any(k in _ROLE_KINDS or k.startswith("other:") for k in kinds)
    if len(cells) >= 3 and "text" in kinds and has_role:
        return cells, j
    return None


def _looks_ready(cells: list[str]) -> bool:
    kinds = {column_kind(c) or "" for c in cells}
    unknown = sum(1 for c in cells if column_kind(c) is None)
    return "text" in kinds and bool(kinds & set(_ROLE_KINDS)) and unknown < 2


def _fit(kinds: list[str], values: list[str]) -> tuple[list[str], bool]:
    """A row's lines laid into the header's columns; True when the row had too few lines."""
    cells = [""] * len(kinds)
    rest = list(values)
    order = list(range(len(kinds)))
    text_at = kinds.index("text")
    short = len(rest) < len(kinds) - (1 if kinds[0] == "number" else 0)
    # the text: the first line, and any further lines until one that reads as units or a date
    body = [rest.pop(0)] if rest else []
    after_text = sum(1 for i, k in enumerate(kinds) if i > text_at and k != "number")
    while rest and len(rest) > after_text and not _unitish(rest[0]):
        body.append(rest.pop(0))
    cells[text_at] = "\n".join(body)
    later = [i for i in order if i > text_at and kinds[i] != "number"]
    deadline_at = kinds.index("deadline") if "deadline" in kinds else None
    if deadline_at is not None and rest and _DEADLINE_CELL.search(rest[-1]) and not _unitish(rest[-1]):
        cells[deadline_at] = rest.pop()
        later.remove(deadline_at)
    role_columns = [i for i in later if kinds[i] in _ROLE_KINDS or kinds[i].startswith("other:")]
    others = [i for i in later if i not in role_columns]
    for k, i in enumerate(role_columns):
        if not rest:
            break
        last = k == len(role_columns) - 1
        # the last role column takes every unit left: a cell with one unit a line
        take = len(rest) - len(others) if last else 1
        cells[i] = "\n".join(rest[: max(1, take)])
        rest = rest[max(1, take) :]
    for i in others:
        if rest:
            cells[i] = rest.pop(0)
    return cells, short


def _unitish(text: str) -> bool:
    parts = [p for p in re.split(r"[、,，;；\s]+", fold(text)) if p]
    return bool(parts) and all(is_organisation(p.rstrip("等")) for p in parts)


def regroup(lines: list[Line], findings: list[Finding]) -> list[Line]:
    """``lines`` with every table flattened one cell per line put back together as rows."""
    # a web table copied with its borders: 序号 | / 1 | / 区发展改革委 |
    solid = [
        Line(line.number, _cell(line.text), line.cells)
        if line.cells is None and _BORDER.search(line.text)
        else line
        for line in lines
        if line.text.strip() and not is_debris(line.text)
    ]
    out: list[Line] = []
    i = 0
    while i < len(solid):
        found = _header_at(solid, i) if solid[i].cells is None else None
        if found is None:
            out.append(solid[i])
            i += 1
            continue
        header, i = found
        kinds = [column_kind(c) or "" for c in header]
        numbered = kinds[0] == "number"
        first = solid[i - 1].number
        out.append(Line(first, "\t".join(header), cells=tuple(header)))
        if not numbered:
            width = len(header)
            while i + width <= len(solid) and all(s.cells is None for s in solid[i : i + width]):
                chunk = solid[i : i + width]
                if _header_at(solid, i) is not None or find_marker(fold(chunk[0].text.strip())):
                    break
                out.append(
                    Line(
                        chunk[0].number,
                        "\t".join(c.text.strip() for c in chunk),
                        cells=tuple(c.text.strip() for c in chunk),
                    )
                )
                i += width
            continue
        expected = None
        while i < len(solid):
            line = solid[i]
            value = _number(line.text)
            if value is None or (expected is not None and value != expected and value != 1):
                marker = find_marker(fold(line.text.strip()))
                if marker is not None and marker.level <= 1 and _number(line.text) is None:
                    out.append(line)  # 一、产业发展 between rows: a section heading
                    i += 1
                    continue
                break
            j = i + 1
            while j < len(solid) and _number(solid[j].text) != value + 1 and not _section(solid[j]):
                if _header_at(solid, j) is not None:
                    break
                j += 1
            values = _rejoin([s.text.strip() for s in solid[i + 1 : j]])
            if not values:
                break
            sub = _sub_rows(line, kinds[1:] if numbered else kinds, values)
            if sub is not None:
                out.extend(sub)
                expected, i = value + 1, j
                continue
            cells, short = _fit(kinds[1:] if numbered else kinds, values)
            row = [line.text.strip(), *cells]
            out.append(Line(line.number, "\t".join(c.replace("\n", "、") for c in row), cells=tuple(row)))
            if short:
                findings.append(
                    Finding(
                        line.number, f"表格第{value}行的单元格少于表头, 已从左依次填入: 请核对这一行的单位"
                    )
                )
            expected = value + 1
            i = j
    return out


_BORDER = re.compile(r"^\s*\|?[^|]*\|\s*$")


def _cell(text: str) -> str:
    return text.strip().strip("|").strip()


_SUB_MARK = re.compile(r"^\((\d{1,2})\)")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,2}\s?[\u4e00-\u9fff]{1,2}$")
_GROUP_UNIT = re.compile(
    r"^各|街道$|[镇乡]$|(开发区|经开区|高新区|园区|高新园|新区)(\(.*\))?$|成员单位$|\(.*[镇乡]\)$"
)


def _rejoin(values: list[str]) -> list[str]:
    """Lines whose name a narrow cell wrapped (``高新园`` / ``(邹区镇)``) put back together."""
    out: list[str] = []
    for value in values:
        if out and value.startswith(("(", "（")) and not _SUB_MARK.match(fold(value)) and len(value) <= 8:
            out[-1] += value
        else:
            out.append(value)
    return out


def _sub_rows(line: Line, kinds: list[str], values: list[str]) -> list[Line] | None:
    """A numbered row whose work column holds items (1)(2)…, each with the cells that start at it.

    A web page prints a merged cell once, in the first row it covers: an item with no leader, no
    lead or no participants of its own shares the one above it.  The row itself becomes a heading
    (``1.全区经济社会发展的主要预期目标``) and each item a row under it.
    """
    marks = [k for k, v in enumerate(values) if _SUB_MARK.match(fold(v))]
    if not marks or [int(_SUB_MARK.match(fold(values[k])).group(1)) for k in marks] != list(  # type: ignore[union-attr]
        range(1, len(marks) + 1)
    ):
        return None
    first = marks[0]
    texts = [i for i, k in enumerate(kinds) if k == "text"]
    if len(texts) < 2 or first < 1:
        return None
    leader = kinds.index("leader") if "leader" in kinds else None
    lead = next((i for i, k in enumerate(kinds) if k in ("lead", "responsible")), None)
    part = kinds.index("participant") if "participant" in kinds else None
    if lead is None:
        return None
    heading = " ".join(values[:first])
    out = [Line(line.number, f"{line.text.strip().rstrip('.、')}.{heading}")]
    current: dict[int, str] = {}
    bounds = [*marks, len(values)]
    for k, (a, b) in enumerate(itertools.pairwise(bounds), 1):
        item = values[a]
        tail = values[a + 1 : b]
        persons = [
            v for v in tail if _PERSON.match(v) and not is_organisation(v) and not _GROUP_UNIT.search(v)
        ]
        orgs = [v for v in tail if v not in persons]
        split = next((n for n, v in enumerate(orgs) if n and (_GROUP_UNIT.search(v) or "、" in v)), len(orgs))
        own = {leader: "\n".join(persons), lead: "\n".join(orgs[:split])}
        if part is not None:
            own[part] = "\n".join(orgs[split:])
        for column, cell in own.items():
            if column is not None and cell:
                current[column] = cell
        mark = _SUB_MARK.match(fold(item))
        number = f"({k})"
        cells = [number] + [""] * len(kinds)
        cells[texts[-1] + 1] = item[mark.end() :].strip() if mark else item
        for column, cell in current.items():
            cells[column + 1] = cell
        out.append(Line(line.number, "\t".join(c.replace("\n", "、") for c in cells), cells=tuple(cells)))
    return out


def _section(line: Line) -> bool:
    marker = find_marker(fold(line.text.strip()))
    return marker is not None and marker.level <= 1 and len(line.text.strip()) > 3
