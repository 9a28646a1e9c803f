"""Tables flattened to text: a web page's table copied as one cell per line.

``序号`` / ``目标与任务`` / ``责任单位`` on lines of their own (often with blank lines between), then
each row the same way: ``1`` / ``地区生产总值增长5.5%左右`` / ``区发展改革委``.  The header is found
by its words; rows are cut at their numbers (or, in a table with no number column, found by their
units), so a cell that holds several units one per line stays one cell.  A row's lines are laid into
columns by what they look like: dates, people, units, text.

Web tables print a merged cell once, in the first row it covers, so a row that names no unit
shares the row above's (reported); items ``(1)(2)…`` inside a row, and rows that go on without a
number, become rows of their own; a line spanning the table between rows is a heading.  Each header
and row is handed on as one :class:`Line` with its cells, the way a .docx table row is, and the
table parser reads it from there.
"""

from __future__ import annotations

import itertools
import re

from matrix.model import Finding, Line
from matrix.parsers.assignment import parse_assignment
from matrix.parsers.names import (
    FUNCTION_BODY,
    LEAD_MARKS,
    divisions,
    is_organisation,
    is_vague,
    is_zone,
    mostly_bodies,
    split_and,
)
from matrix.parsers.table import (
    DEADLINE_CELL,
    Header,
    column_kind,
    is_bodies_column,
    is_placeholder,
    is_spaced_header,
    spaced_words,
    work_after_number,
)
from matrix.text.chinese import chinese_number
from matrix.text.normalize import drop_glosses, fold, is_debris
from matrix.text.outline import find_marker
from matrix.text.roles import BODY_HEADS, PERSON_HEADS

_NUMBER = re.compile(r"^\(?([0-9]{1,3}|[一二三四五六七八九十]{1,3})\)?[.、]?$")
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
        if cells and text.startswith(("(", "（")) and len(text) <= 6 and find_marker(fold(text)) is None:
            cells[-1] += text  # 责任股室 / (单位): a header cell's remark on a line of its own
            j += 1
            continue
        titled = text.endswith(("表", "清单")) and (len(text) > 4 or column_kind(text) is None)
        if len(_bare(text)) > _MAX_HEADER_CELL or titled:  # a table's title, never 事权清单 / 任务清单
            break
        if cells and text.endswith("。"):
            break  # 强化科技创新支撑能力。: a sentence, the first row's heading, never a column
        if cells and _section(lines[j]):
            break  # 一、潘东旭市长负责事项: the first section between rows, not a column
        kind = column_kind(text) or ("bodies" if is_bodies_column(_bare(text)) else None)
        after = column_kind(lines[j + 1].text) if j + 1 < len(lines) else None
        short = len(text) <= 2 or (kind is None and len(text) <= 4)
        if short and after == "leader" and column_kind(text + lines[j + 1].text.strip()) == "leader":
            # 牵头 / 市领导, 市政府 / 分管领导: one leader column
            cells.append(text + lines[j + 1].text.strip())
            j += 2
            continue
        if cells and _split_head(cells[-1], text):
            cells[-1] += text  # 牵头 / 部门: a role word and its head word, broken by the cell's width
            j += 1
            continue
        if kind is None and len(text) <= 2 and j + 1 < len(lines) and after not in (None, "text"):
            joined = text + lines[j + 1].text.strip()
            if len(joined) <= 8 and column_kind(joined) == after:
                cells.append(joined)  # 完成 / 时间: the first half of a word the second half names
                j += 2
                continue
        if (kind is None or len(text) <= 2) and j + 1 < len(lines) and after is None:
            # 责任 / 领导: a header word split over two lines
            joined = text + lines[j + 1].text.strip()
            # 任务 / 分类 is one word too, but 工作任务 / 完成 are two columns
            word = column_kind(joined) not in (None, "text", "skip") or (
                column_kind(joined) == "text" and len(text) <= 2 and len(joined) <= 4
            )
            if len(joined) <= 8 and word:
                cells.append(joined)
                j += 2
                continue
        # a numbered table's rows start with a number, so a longer word (1-10月推进情况) after the
        # header's known words is still a column of it
        numbered = bool(cells) and column_kind(cells[0]) == "number" and _has_text_and_role(cells)
        # after 序号 / 项目名称, a header may set out several columns (建设地点, 年度投资金额(万元))
        # before its role column
        opened = {column_kind(c) for c in cells} >= {"number", "text"} or (
            "text" in {column_kind(c) for c in cells} and _role_ahead(lines, j, 6)
        )
        short = len(_bare(text)) <= (_MAX_HEADER_CELL if numbered or opened else 6)
        ready = numbered or _looks_ready(cells) or _role_ahead(lines, j, 6 if opened else 2)
        if kind is None and not (short and _number(text) is None and ready):
            break
        # a short word the header has beside known ones (第二季度) is a column too, read as nothing
        cells.append(text)
        j += 1
    kinds = _flat_kinds(cells)
    # a column of bodies that says no role heads a numbered table (序号 / 部门 / 事权清单), never one
    # whose first words are the page's (管理事项 … / 相关部门 / 职责分工)
    has_role = any(k in _ROLE_KINDS or k.startswith("other:") for k in [column_kind(c) or "" for c in cells])
    has_role = has_role or (kinds[:1] == ["number"] and "responsible" in kinds)
    if len(cells) >= 3 and "text" in kinds and has_role:
        return cells, j
    if kinds == ["responsible", "text"]:
        return cells, j  # 相关部门 / 职责分工: each row a body and its duties
    return None


def _split_head(before: str, text: str) -> bool:
    """True when ``text`` is only a label's head word (部门, 单位) and ``before`` a role word with
    none (牵头): one header cell broken over two lines."""
    if text not in BODY_HEADS + PERSON_HEADS or len(before) > 4:
        return False
    return column_kind(before) in _ROLE_KINDS and column_kind(before + text) == column_kind(before)


def _flat_kinds(header: list[str]) -> list[str]:
    """What each header cell names; a column of bodies that says no role (部门, 相关部门) names the
    bodies each row assigns when no other column names a role."""
    kinds = work_after_number([column_kind(c) or "" for c in header])
    if not any(k in _ROLE_KINDS or k.startswith("other:") for k in kinds):
        kinds = [
            "responsible" if is_bodies_column(_bare(c)) else k for c, k in zip(header, kinds, strict=True)
        ]
    return kinds


_REMARK = re.compile(r"[（(][^（）()]{1,20}[)）]$")


def _bare(text: str) -> str:
    """A header word without pinyin glosses, the remark a bracket adds (重点任务（2024-2026）) or the
    spaces that set it out letter by letter (目   标   与   任   务)."""
    return _REMARK.sub("", drop_glosses(re.sub(r"\s+", "", text)))


def _role_ahead(lines: list[Line], j: int, reach: int = 2) -> bool:
    """True when a role column's word (牵头单位) comes within the next ``reach`` lines, each short
    enough to be a header's word: a word before it that no rule names (当前进度) is a column of the
    header too, read as nothing."""
    for line in lines[j + 1 : j + 1 + reach]:
        text = line.text.strip()
        kind = column_kind(text)
        if (kind or "") in _ROLE_KINDS:
            return True
        if (kind is None and len(_bare(text)) > _MAX_HEADER_CELL) or _number(text) is not None:
            return False
    return False


def _has_text_and_role(cells: list[str]) -> bool:
    kinds = {column_kind(c) or "" for c in cells}
    return "text" in kinds and bool(kinds & set(_ROLE_KINDS))


def _looks_ready(cells: list[str]) -> bool:
    kinds = {column_kind(c) or "" for c in cells}
    unknown = sum(1 for c in cells if column_kind(c) is None)
    return "text" in kinds and bool(kinds & set(_ROLE_KINDS)) and unknown < 2


def kind_of_cell(text: str, persons: bool = True) -> str:
    """What a row's line looks like: ``unit`` (bodies), ``blank`` (a placeholder: —, /, 无),
    ``person``, ``deadline`` or ``text``.  Without ``persons`` (a table with no leader column) a
    line shaped like a name (海绵城市, 系统方案) is text."""
    if is_placeholder(text):
        return "blank"
    if _unitish(text) or _assigns(text):
        return "unit"
    if DEADLINE_CELL.search(text) and len(text) <= 16:
        return "deadline"
    if persons and _PERSON.match(text) and not _GROUP_UNIT.search(text) and not _NOT_PERSON.search(text):
        return "person"
    return "text"


def fit_typed(header: Header, cells: list[str]) -> list[str] | None:
    """A numbered row typed with ``|`` that is short of cells, laid by what each cell looks like
    (its text, then its units, dates and people where those columns are), when it then names
    bodies in a role column and its text is one cell; else None."""
    kinds = header.kinds
    values = [c for c in cells[1:] if c.strip()]
    if kinds[:1] != ["number"] or not cells or _number(cells[0]) is None or len(cells) >= len(kinds):
        return None
    if sum(1 for v in values if kind_of_cell(v.strip(), "leader" in kinds) == "text") != 1:
        return None
    laid, _ = _fit(kinds[1:], [v.strip() for v in values])
    roles = [i for i, k in enumerate(kinds[1:]) if k in ("lead", "participant", "responsible")]
    if not any(laid[i] for i in roles):
        return None
    return [cells[0], *laid]


def _fit(kinds: list[str], values: list[str]) -> tuple[list[str], bool]:
    """A row's lines laid into the header's columns by what each line looks like; True when the
    row had fewer lines than the header has columns.

    The text comes first (one line or more, until a line that reads as units, a person or a date);
    then dates go to the deadline column, people to the leader column, units to the role columns
    (the last role column takes every unit left: a cell may hold one unit a line), anything else to
    the remaining columns in order.
    """
    cells = [""] * len(kinds)
    # a header that names no work column (its cells all roles but the first) lays its text first
    text_at = kinds.index("text") if "text" in kinds else min(1, len(kinds) - 1)
    short = len(values) < len(kinds) - (1 if kinds[0] == "number" else 0)
    if len(values) == len(kinds) and kinds[0] != "number" and _in_place(kinds, values):
        return list(values), False  # one line a cell, each role cell naming bodies: read in order
    rest = list(values)
    first_role = next((i for i, k in enumerate(kinds) if k in ("lead", "responsible")), len(kinds))
    if first_role < text_at and rest and kind_of_cell(rest[0], "leader" in kinds) == "unit":
        cells[first_role] = rest.pop(0)  # 涉及部门 | 职责分工: the body's cell comes before its duties
    persons = "leader" in kinds
    # 3 / 交通建设处 / 设施养护处 / 有序推进…: a short row that opens with its units, its task cell
    # merged into the row above's; the text after the units is its own (2024年工作任务)
    merged = short and bool(rest) and kind_of_cell(rest[0], persons) == "unit" and first_role > text_at
    merged = merged and len(rest) > 1 and kind_of_cell(rest[1], persons) in ("unit", "blank")
    merged = merged and any(kind_of_cell(v, persons) == "text" for v in rest[1:])
    body = [rest.pop(0)] if rest and not merged else []
    while (
        rest and kind_of_cell(rest[0], persons) == "text" and len(rest) > _typed_after(kinds, text_at, rest)
    ):
        body.append(rest.pop(0))
    cells[text_at] = "\n".join(body)
    later = [i for i, k in enumerate(kinds) if i > text_at and k != "number"]
    roles = [
        i
        for i in later
        if kinds[i] in ("lead", "participant", "responsible") or kinds[i].startswith("other:")
    ]
    leader = next((i for i in later if kinds[i] == "leader"), None)
    deadline = next((i for i in later if kinds[i] == "deadline"), None)
    plain = [i for i in later if i not in roles and i not in (leader, deadline)]
    units: list[str] = []
    for line in rest:
        kind = kind_of_cell(line, persons)
        if kind == "deadline" and deadline is not None and not cells[deadline]:
            cells[deadline] = line
        elif kind == "person" and leader is not None:
            cells[leader] = "\n".join(filter(None, [cells[leader], line]))
        elif kind == "blank" and roles:
            units.append("")  # a placeholder keeps its column: the units after it are the next column's
        elif kind == "unit" or (kind == "text" and roles and not units and not plain):
            units.append(line)
        elif (
            kind == "text"
            and units
            and deadline is not None
            and not cells[deadline]
            and deadline < min(plain, default=deadline + 1)
        ):
            cells[deadline] = line  # 省出台文件后2个月完成: words in the time column, no date in them
        elif plain:
            column = plain.pop(0)
            cells[column] = line
    _lay_units(cells, roles, units)
    return cells, short


def _in_place(kinds: list[str], values: list[str]) -> bool:
    """True when ``values``, one for each column, fit the columns in order: every role column gets
    bodies (or a placeholder), no text column does, and no bodies stand after the last role column
    (a category column printed once shifts a row's cells by one)."""
    last_role = -1
    for i, (kind, value) in enumerate(zip(kinds, values, strict=True)):
        unit = kind_of_cell(value, "leader" in kinds) in ("unit", "blank")
        role = kind in ("lead", "participant", "responsible") or kind.startswith("other:")
        last_role = i if role else last_role
        if (role and not unit) or (kind == "text" and unit):
            return False
    return not any(kind_of_cell(v) == "unit" for v in values[last_role + 1 :])


def _lay_units(cells: list[str], roles: list[int], units: list[str]) -> None:
    """Units into the role columns in order, one line each; the last role column takes every unit
    left (a cell may hold one unit a line).  A placeholder ("") keeps its column empty."""
    for k, column in enumerate(roles):
        if not units:
            break
        take = len(units) if k == len(roles) - 1 else 1
        cells[column] = "\n".join(u for u in units[:take] if not is_placeholder(u))
        units = units[take:]


def _typed_after(kinds: list[str], text_at: int, rest: list[str]) -> int:
    """How many of the lines after the text the columns after it can hold."""
    return sum(1 for i, k in enumerate(kinds) if i > text_at and k not in ("number", "text"))


_UNIT_KINDS = ("lead", "participant", "responsible")
_MAX_TEXT_RUN = 4
"""Text lines in a row without units after them: past this many, the table has ended."""


def _unnumbered_rows(solid: list[Line], i: int, kinds: list[str], out: list[Line]) -> int:
    """Rows of a table with no number column, found by their units: the text line before a run of
    unit lines is the row's task, the lines after the units fill the columns after them.  A marker
    alone on a line (``(一)``) with the line after it is a section heading.  Returns where the
    table ended."""
    roles = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS or kind.startswith("other:")]
    if not roles:
        return i
    trailing = len(kinds) - 1 - roles[-1]
    if kinds == ["responsible", "text"]:
        return _body_first_rows(solid, i, out)
    if "text" not in kinds[: roles[0]]:
        return i
    texts: list[Line] = []
    while i < len(solid):
        line = solid[i]
        text = line.text.strip()
        if not text and not texts:
            i += 1  # | / |||||: a border line of its own between rows
            continue
        heading = _marker_alone(solid, i)
        if heading is not None:
            out.append(heading)  # (一) / 经济社会发展…
            texts, i = [], i + 2
            continue
        if _header_at(solid, i) is not None:
            break
        if not texts and _section(line, top=True):
            out.append(line)  # 一、紧扣…: a section row spanning the table; (三)做好… may open a row
            i += 1
            continue
        if kind_of_cell(text) not in ("unit", "blank"):
            texts.append(line)
            if len(texts) > max(_MAX_TEXT_RUN, roles[0]):
                return i - len(texts) + 1
            i += 1
            continue
        if not texts:
            break
        j = i
        while j < len(solid) and kind_of_cell(solid[j].text.strip()) in ("unit", "blank"):
            j += 1
        after = [s.text.strip() for s in solid[j : j + trailing]]
        cells = [""] * len(kinds)
        before = list(range(roles[0]))  # the row's lines before its units fill these, right-aligned
        own = texts[-len(before) :] if before else texts[-1:]
        for column, text_line in zip(before[-len(own) :], own, strict=True):
            cells[column] = text_line.text.strip()
        _lay_units(cells, roles, [s.text.strip() for s in solid[i:j]])
        for column, value in zip(range(roles[-1] + 1, len(kinds)), after, strict=False):
            cells[column] = value
        first = own[0]
        out.append(Line(first.number, "\t".join(c.replace("\n", "、") for c in cells), cells=tuple(cells)))
        texts, i = [], j + len(after)
    return i


def _body_first_rows(solid: list[Line], i: int, out: list[Line]) -> int:
    """Rows of a table of two columns, bodies then their duties (相关部门 / 职责分工), with no number
    column: each row is a run of unit lines and the text lines after it, up to the next unit.
    Returns where the table ended: at a header, at a section, or where text runs on too long to
    be one cell (the page's notes after the table)."""
    while i < len(solid):
        if not solid[i].text.strip():
            i += 1
            continue
        j = i
        while j < len(solid) and kind_of_cell(solid[j].text.strip()) == "unit":
            j += 1
        k = j
        while k < len(solid) and solid[k].text.strip() and kind_of_cell(solid[k].text.strip()) == "text":
            if _header_at(solid, k) is not None or _section(solid[k], top=True):
                break
            k += 1
        if j == i or k == j:
            return i
        units = "、".join(s.text.strip() for s in solid[i:j])
        duty = solid[j].text.strip()
        out.append(Line(solid[i].number, f"{units}\t{duty}", cells=(units, duty)))
        if k - j > 1:
            return j + 1  # the duty cell, then the page's notes after the table
        i = k
    return i


def _numbers_lost(solid: list[Line], i: int, width: int) -> bool:
    """True when the lines after a numbered header hold no row number, nor a section heading, for
    two rows' height: the copy lost the number cells (an empty 序号 cell leaves no line)."""
    ahead = solid[i : i + 2 * width]
    if not ahead or kind_of_cell(ahead[0].text.strip()) != "text":
        return False
    return not any(_number(s.text) is not None or find_marker(fold(s.text.strip())) for s in ahead)


def _marker_alone(solid: list[Line], i: int) -> Line | None:
    """A section heading whose marker stands alone on its line, joined to the words on the next
    line (``(一)`` / ``提升设施品质``), or None."""
    text = solid[i].text.strip()
    marker = find_marker(fold(text))
    if marker is None or marker.end < len(text) or i + 1 >= len(solid):
        return None
    return Line(solid[i].number, text + solid[i + 1].text.strip())


_ITEM_REACH = 40
"""How far into a table without a number column its first units are looked for."""


def _item_level(solid: list[Line], i: int, kinds: list[str]) -> int | None:
    """The outline level of the items that key the rows of a table without a number column, or
    None: the marker nearest before the table's first units opens the first row, ``(1)`` …,
    and the table goes on to an item 2 of that level (an annex whose task column numbers its
    items across categories printed once, as headings)."""
    roles = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS]
    if not roles or "text" not in kinds[: roles[0]]:
        return None
    window = solid[i : i + _ITEM_REACH]
    first_unit = next((k for k, line in enumerate(window) if kind_of_cell(line.text.strip()) == "unit"), None)
    if first_unit is None:
        return None
    for line in reversed(window[:first_unit]):
        marker = find_marker(fold(line.text.strip()))
        if marker is None:
            continue
        if marker.value != 1 or marker.end >= len(line.text.strip()) or marker.level < 2:
            return None
        following = (find_marker(fold(x.text.strip())) for x in solid[i + first_unit : i + 4 * _ITEM_REACH])
        return (
            marker.level if any(m and m.level == marker.level and m.value == 2 for m in following) else None
        )
    return None


def _marked_rows(
    solid: list[Line], i: int, kinds: list[str], level: int, out: list[Line], findings: list[Finding]
) -> int:
    """Rows of a table keyed by the items of its task column (see :func:`_item_level`).

    Each row is its item's line, the text lines after it (the columns up to the first role
    column, in order; the last takes any more) and the unit lines that close it; text lines
    and units after those, before the next item, are a further row of the same item (targets
    ``——…`` each with their own units).  The units are laid by :func:`_lay_from_right`.  A web
    page prints a merged cell once, in the first row it covers: a row with fewer units than role
    columns shares the row above's for the columns on the left (reported).  The lines between
    one row's units and the next item are headings (category and direction columns printed
    once).  Returns where the table ended.
    """
    roles = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS or kind.startswith("other:")]
    previous: list[str] | None = None
    key: int | None = None
    expected = 1
    k = i
    while k < len(solid):
        line = solid[k]
        text = line.text.strip()
        marker = find_marker(fold(text))
        if (
            marker is not None
            and marker.level == level
            and marker.value == 1 != expected
            and previous is not None
        ):
            # the items start again at 1 in the next group (a category column printed once or
            # lost), when units of their own follow
            if not _row_lines(solid, k + 1, level, 2, len(kinds))[1]:
                return k
            expected = 1
        if marker is None or marker.level != level or marker.value != expected:
            if previous is not None and not _item_ahead(solid, k, level, expected):
                return k
            if _header_at(solid, k) is not None:
                return k
            heading = _marker_alone(solid, k)
            if heading is not None:
                out.append(heading)  # (一) / 提升交通设施环境品质
                k += 2
                continue
            out.append(Line(line.number, text))  # a category or direction printed once, between rows
            k += 1
            continue
        j, first = k + 1, text[marker.end :].strip()
        while True:
            start = j
            texts, units, j = _row_lines(solid, j, level, expected + 1, len(kinds))
            if not units and previous is None:
                return k
            cells = [""] * len(kinds)
            if key is None:  # the first row's lines right-aligned before its units: the task column
                key = max(0, roles[0] - 1 - len(texts))
                while key < roles[0] - 1 and kinds[key] != "text":
                    key += 1
            ended = (
                not units
                and len(texts) > roles[0] - 1 - key
                and not _starts_item(solid[j] if j < len(solid) else line, level, expected + 1)
            )
            if ended:  # a last row naming no unit: its cells, and the plan's text after the table
                texts = texts[: roles[0] - 1 - key]
                j = start + len(texts)
            texts = [first, *texts] if first else texts
            cells[key] = texts[0] if texts else ""
            columns = list(range(key + 1, roles[0]))
            for n, value in enumerate(texts[1:]):
                column = columns[min(n, len(columns) - 1)] if columns else key
                cells[column] = "\n".join(filter(None, [cells[column], value]))
            missing = _lay_from_right(cells, roles, units)
            if missing and previous is not None:
                for column in missing:
                    cells[column] = previous[column]
                message = (
                    f"表格第{expected}项的单位少于单位列, "
                    "已沿用上一行的单位 (网页表格的合并单元格只在第一行显示): 请核对这一行的单位"
                )
                findings.append(Finding(line.number, message))
            previous = cells
            row = [text[: marker.end].strip(), *cells]
            out.append(Line(line.number, "\t".join(c.replace("\n", "、") for c in row), cells=tuple(row)))
            first = ""
            if ended:
                return j
            # text and units of its own before the next item: a further row of this item
            more, more_units, _ = _row_lines(solid, j, level, expected + 1, len(kinds))
            if not (more and more_units) or find_marker(fold(more[0])) is not None:
                break
        expected += 1
        k = j
    return k


def _row_lines(
    solid: list[Line], j: int, level: int, following: int, width: int
) -> tuple[list[str], list[str], int]:
    """From ``j``: a row's text lines, the unit lines after them, and where they end.  The text
    stops at the item ``following`` or the headings printed before it.  A short line amid the units
    (省人口计生: a name no ending gives away) is one of them."""
    texts: list[str] = []
    while j < len(solid) and kind_of_cell(solid[j].text.strip()) not in ("unit", "blank"):
        heading = find_marker(fold(solid[j].text.strip())) is not None
        if _starts_item(solid[j], level, following) or (heading and _item_ahead(solid, j, level, following)):
            break  # the next item, or the headings printed before it
        if len(texts) > 3 * width:
            break
        texts.append(solid[j].text.strip())
        j += 1
    units: list[str] = []
    while j < len(solid):
        value = solid[j].text.strip()
        if _starts_item(solid[j], level, following):
            break  # 5.实化运行消防安全委员会: the next item, though its name ends as a body's does
        if kind_of_cell(value) in ("unit", "blank") or (units and _SHORT_NAME.match(value)):
            units.append(value)
            j += 1
            continue
        break
    return texts, units, j


_SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def _starts_item(line: Line, level: int, value: int) -> bool:
    marker = find_marker(fold(line.text.strip()))
    return marker is not None and marker.level == level and marker.value == value


def _item_ahead(solid: list[Line], k: int, level: int, value: int) -> bool:
    """True when the item ``value`` comes within a few lines (headings between rows)."""
    return any(_starts_item(line, level, value) for line in solid[k : k + 4])


def _lay_from_right(cells: list[str], roles: list[int], units: list[str]) -> list[int]:
    """Units into the role columns from the right, the first role column taking any more; the
    role columns left without a unit.

    Where no line lists several units (one unit a line throughout), the units go in from the
    left instead, the last role column taking any more (see :func:`_lay_units`): a lead cell
    names one body, the helpers' cell many.
    """
    if len(units) >= len(roles) and not any("、" in u for u in units):
        _lay_units(cells, roles, units)
        return []
    extra = max(0, len(units) - len(roles))
    laid = [units[: extra + 1], *[[u] for u in units[extra + 1 :]]] if units else []
    columns = roles[len(roles) - len(laid) :] if laid else []
    for column, values in zip(columns, laid, strict=True):
        cells[column] = "\n".join(u for u in values if not is_placeholder(u))
    return roles[: len(roles) - len(laid)]


_FIGURE = re.compile(r"^\d{1,3}(\.\d{1,2})?$")


def _scored(solid: list[Line], i: int, kinds: list[str]) -> bool:
    """True for a table without numbers whose column after the task holds a figure (分值, 权重):
    its first row, after at most one category line, is a text line followed by a figure."""
    if len(kinds) < 3 or kinds[0] != "text" or kinds[1] in ("text", "number", *_ROLE_KINDS, "deadline"):
        return False
    return any(k + 1 < len(solid) and _starts_scored_row(solid, k) for k in (i, i + 1))


def _starts_scored_row(solid: list[Line], k: int) -> bool:
    text = solid[k].text.strip()
    follows = solid[k + 1].text.strip() if k + 1 < len(solid) else ""
    # a short task (工业投资) may look like a person's name; a figure after it says it is a row
    scored = bool(_FIGURE.match(follows)) and not _FIGURE.match(text)
    return scored and kind_of_cell(text) in ("text", "person")


def _scored_rows(
    solid: list[Line], i: int, kinds: list[str], out: list[Line], findings: list[Finding]
) -> int:
    """Rows of a table keyed by a figure column (项目 | 分值 | 目标任务 | 监考单位): each row starts
    at a text line followed by a figure; the lines up to the next start fill the row, units to the
    role columns and the rest to the other columns in order.  A row naming no unit shares the row
    above's (a merged cell printed once); a line after a row's units is a category between rows."""
    roles = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS or kind.startswith("other:")]
    plain = [k for k, kind in enumerate(kinds) if k > 1 and k not in roles]
    starts: list[int] = []
    k = i
    while k < len(solid) and _header_at(solid, k) is None:
        if _starts_scored_row(solid, k):
            starts.append(k)
        elif k - (starts[-1] if starts else i) > len(kinds) + 1:
            break  # past the table: lines no row of it can hold
        k += 1
    end = k
    previous: list[str] | None = None
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else end
        cells = [""] * len(kinds)
        cells[0], cells[1] = solid[start].text.strip(), solid[start + 1].text.strip()
        units: list[str] = []
        free = list(plain)
        for line in solid[start + 2 : stop]:
            text = line.text.strip()
            if kind_of_cell(text) == "unit":
                units.append(text)
            elif not units and free:
                cells[free.pop(0)] = text
        _lay_units(cells, roles, units)
        if not units and previous is not None:
            for column in roles:
                cells[column] = previous[column]
            findings.append(
                Finding(
                    solid[start].number,
                    f"表格第{n + 1}行没有单位, 已沿用上一行的单位 (网页表格的合并单元格只在第一行显示): "
                    "请核对这一行的单位",
                )
            )
        previous = cells
        row = "\t".join(c.replace("\n", "、") for c in cells)
        out.append(Line(solid[start].number, row, cells=tuple(cells)))
    if not starts:
        return i
    return end


def _continuations(kinds: list[str], values: list[str]) -> list[list[str]]:
    """A numbered row's lines cut where the row goes on as another row without a number.

    A header with two text columns (工作事项 / 主要内容) and units after them: a text line that comes
    after the row's units starts a further row, which shares the first text column.
    """
    if kinds.count("text") < 2 or len(values) <= len(kinds):
        return [values]
    roles = [i for i, k in enumerate(kinds) if k in (*_ROLE_KINDS, "deadline") or k.startswith("other:")]
    # the columns after the last role column (目标任务, 完成情况, 备注) take the lines after the units
    # first; only a table copied with its borders keeps their empty cells, so only there can they
    # be counted (without borders an empty 备注 leaves no line, and a text after the units starts a row)
    bordered = roles and "" in values
    free = [k for k in kinds[roles[-1] + 1 :] if k in ("text", "skip", "")] if bordered else []
    out: list[list[str]] = [[]]
    seen_units = False
    after = 0
    line_kinds = [kind_of_cell(v, "leader" in kinds) for v in values]
    # a time column after the units with no date in the row takes words (7月底前完善…制度)
    unit_roles = [i for i in roles if kinds[i] != "deadline"]
    worded_time = (
        "deadline" in kinds[unit_roles[-1] + 1 :] and "deadline" not in line_kinds if unit_roles else False
    )
    for k, value in enumerate(values):
        kind = line_kinds[k]
        # a text after the units starts a further row only when units of its own follow it; the
        # row's last words (参考文件: 《…》) fill the columns after the role column
        goes_on = any(lk == "unit" for lk in line_kinds[k + 1 :]) or not (
            worded_time or any(kd in ("text", "skip", "") for kd in kinds[roles[-1] + 1 :])
        )
        if kind == "text" and seen_units and after >= len(free) and goes_on:
            out.append([])
            seen_units = False
        out[-1].append(value)
        if seen_units:
            after += 1
        elif kind in ("unit", "blank", "person"):
            seen_units, after = True, 0
    return out


def _names_nobody(kinds: list[str], cells: list[str]) -> bool:
    return not any(cells[i] for i, k in enumerate(kinds) if k in ("lead", "participant", "responsible"))


def _span_from_above(kinds: list[str], cells: list[str], above: list[str]) -> list[str]:
    """A row that names no unit, person or date where the row above does shares them: a web page
    prints a merged cell once, in the first row it covers."""
    out = list(cells)
    units = [i for i, k in enumerate(kinds) if k in ("lead", "participant", "responsible")]
    if units and not any(cells[i] for i in units):
        for i in units:
            out[i] = above[i]
    for i, kind in enumerate(kinds):
        if kind in ("leader", "deadline") and not cells[i]:
            out[i] = above[i]
    return out


_GROUP = re.compile(r"^各|各(部门|单位|机构|成员单位)$|[^\W各]属(部门)?单位$|[^\W各]属部门$")
"""Group addressees: 各街道, 市政府各部门, 委属部门单位, 局属单位."""


_LEVELLED = re.compile(r"^(省|市|县|区|州|镇|乡|各)")
_TOWN_WORDS = ("镇", "乡", "街道", "村", "社区")
"""The kinds of place a counted group of towns takes in (13个街道、镇)."""
_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,6}(镇|乡|街道)$")
"""A town or street office (孝顺镇, 源东乡, 东孝街道): a body a task table lists one a line."""
_WORK = re.compile(r"^(新\(|新建|改建|扩建|建设|实施|开展|推进|打造|完成|提升|加强|新增)")
"""Work, not a body, though it may end as one does (新(改)建村卫生室)."""


def _assigns(text: str) -> bool:
    """True for a cell written as an assignment (装财处牵头,办公室配合,科监处技术保障。): role words
    after bodies, every name a body's, no clause left unread."""
    if len(text) > 80 or not re.search(r"牵头|配合|参与|协助|负责|落实$", text):
        return False
    said = parse_assignment(fold(text).rstrip("。"))
    names = [*said.leads, *said.participants, *said.responsible, *(n for n, _ in said.others)]
    return bool(names) and not said.unread and all(is_organisation(n.text) for n in names)


_ALIAS = re.compile(r"(?<=[\u4e00-\u9fff])\([^()]{2,12}\)$")


def _unitish(text: str) -> bool:
    """True for a line that names bodies and nothing else: 区财政局、区税务局 / 市政府各部门."""
    # split outside brackets: 各镇(街道、园区) is one group
    parts = [
        d.rstrip("等").strip(LEAD_MARKS)  # 区农业农村委*, ▲发改局: a mark sets off the lead
        for p in re.split(r"[、,，;；\s]+(?![^()]*\))", fold(drop_glosses(text)))
        if p
        for joined in split_and(p)  # 区城管执法局和属地街镇
        for d in divisions(joined)
    ]
    # a cell's list may close with a full stop (区投资促进中心。); a sentence (…加入家庭医生团队。) is
    # longer and does not open with a level word
    parts = [
        p[:-1].rstrip("等") if p.endswith("。") and (_LEVELLED.match(p) or len(p) <= 10) else p for p in parts
    ]
    # a zone (崇川经济开发区) acts as a body; 相关街道 names bodies without saying which
    bodies = sum(
        1
        for k, p in enumerate(parts)
        if (
            is_organisation(_ALIAS.sub("", p))  # 市财政局(市地方金融局): a body under its second name
            or _GROUP.search(p)
            or FUNCTION_BODY.match(p)  # 建设主管部门
            or (k > 0 and p in _TOWN_WORDS)  # 13个街道、镇: the towns the count covers too
            # 黄埔区、南沙区政府: places before the body each of them has
            or (k < len(parts) - 1 and _PLACE_ONLY.match(p) is not None and parts[-1].endswith("政府"))
            or is_zone(p)
            or _TOWN.match(p)
            or is_vague(p)
        )
        # 建设处 is a division and 建设主管部门 or 建设管理委 a body, 新建村卫生室 is work
        and not (_WORK.match(p) and len(p) > 4 and not p.endswith(("部门", "委", "局", "厅")))
    )
    # a long list may hold a name no ending gives away (区“两旧”专班): most of it must be bodies
    return mostly_bodies(bodies, len(parts))


def _numbered_rows(
    solid: list[Line], i: int, kinds: list[str], categorised: bool, out: list[Line], findings: list[Finding]
) -> int:
    """The rows of a numbered table from ``solid[i]`` on, laid into ``kinds`` and added to ``out``;
    where the table ends."""
    expected = None
    previous: list[str] | None = None
    after_heading = False
    leapt = False  # the row before ended at a later row's number (an extract: 145 / … / 249)
    while i < len(solid):
        line = solid[i]
        if not line.text.strip():  # an empty cell between rows (a border line of its own)
            i += 1
            continue
        value = _number(line.text)
        bare = _SECTION_NUMBER.match(fold(line.text.strip())) and not _CHINESE_NUMBER.match(
            fold(line.text.strip())
        )
        if bare and expected is not None and _number_at(solid, i + 2) == expected:
            # …规划资源局 / 四 / 推动产业低碳体系构建 / 15: a section's number in a cell of its own and
            # its name, spanning the table between rows
            out.extend(Line(h.number, h.text.strip(), cells=(h.text.strip(),)) for h in solid[i : i + 2])
            after_heading = True
            i += 2
            continue
        if _CHINESE_NUMBER.match(fold(line.text.strip())) and _arabic_row_after(solid, i + 2):
            # (一) / 加强战略科技力量建设。 / 1 / …: a heading between rows numbered 1, 2, …
            out.append(Line(line.number, line.text.strip() + solid[i + 1].text.strip()))
            after_heading = True
            i += 2
            continue
        # an extract of a longer table keeps its rows' numbers: after a section heading they
        # may jump ahead (3 / 二、… / 六、… / 68)
        jumped = (after_heading or leapt) and value is not None and expected is not None and value > expected
        if value is None or (expected is not None and value != expected and value != 1 and not jumped):
            marker = find_marker(fold(line.text.strip()))
            if marker is not None and marker.level <= 1 and _number(line.text) is None:
                out.append(line)  # 一、产业发展 between rows: a section heading
                after_heading = True
                i += 1
                continue
            ahead = _headings_before(solid, i, expected or 1)
            if value is None and ahead:
                # 行动一：… / 旧区改造: headings between rows, a row spanning the table
                out.extend(
                    Line(h.number, h.text.strip(), cells=(h.text.strip(),)) for h in solid[i : i + ahead]
                )
                i += ahead
                continue
            break
        start = i + 1
        if (
            start + 1 < len(solid)
            and _section(solid[start], top=True)
            and _number(solid[start + 1].text) is None
        ):
            # 1 / 一、紧扣…开好局 / 做好财政信息公开: a section's heading printed in the row's first cell
            out.append(Line(solid[start].number, solid[start].text.strip()))
            start += 1
        j = start + 1  # the row's first line is its own, even one numbered as a section ((一)持续…)
        while j < len(solid) and _number(solid[j].text) != value + 1 and not _section(solid[j]):
            if _header_at(solid, j) is not None:
                break
            if _SECTION_NUMBER.match(fold(solid[j].text.strip())) and _number_at(solid, j + 2) == value + 1:
                break  # …规划资源局 / 四 / 推动产业低碳体系构建 / 15: the next section's heading
            if _jumps_ahead(solid, j, value, j - start, len(kinds)):
                break
            j += 1
        leapt = j < len(solid) and _jumps_ahead(solid, j, value, j - start, len(kinds))
        after_heading = False
        values = _rejoin([s.text.strip() for s in solid[start:j]])
        texts = max(1, kinds.count("text"))
        if categorised and len(values) > texts and not any(kind_of_cell(v) == "unit" for v in values):
            # a row that names no unit, in a table whose category column is printed once: the
            # lines after its text are the next group's heading (行动三：…) and category
            # (旧住房更新改造), printed just before that group's first number
            values = values[:texts] + [v for v in values[texts:] if kind_of_cell(v) != "text"]
        if not values:
            break
        row_kinds = kinds[1:]
        segments = _continuations(row_kinds, values)
        sub = _sub_rows(line, row_kinds, values)
        if sub is not None:
            out.extend(sub)
            expected, i = value + 1, j
            continue
        for n, segment in enumerate(segments):
            if n:  # a row that goes on without a number: its first text column is the row's
                segment = [values[0], *segment]
            cells, short = _fit(row_kinds, segment)
            spanned = (
                previous is not None
                and _names_nobody(row_kinds, cells)
                and not _names_nobody(row_kinds, previous)
            )
            if previous is not None:
                cells = _span_from_above(row_kinds, cells, previous)
            previous = cells
            row = [line.text.strip(), *cells]
            out.append(Line(line.number, "\t".join(c.replace("\n", "、") for c in row), cells=tuple(row)))
            if spanned:
                message = (
                    f"表格第{value}行没有单位, 已沿用上一行的单位 (网页表格的合并单元格只在第一行显示): "
                    "请核对这一行的单位"
                )
                findings.append(Finding(line.number, message))
            elif short:
                message = f"表格第{value}行的单元格少于表头, 已从左依次填入: 请核对这一行的单位"
                findings.append(Finding(line.number, message))
        expected = value + 1
        i = j
    return i


_PLACE_ONLY = re.compile(r"^[\u4e00-\u9fff]{1,4}[区县市]$")
_CHINESE_NUMBER = re.compile(r"^\s*[(]?[一二三四五六七八九十]{1,3}[)、]\s*$")
_SECTION_NUMBER = re.compile(r"^\s*[(]?[一二三四五六七八九十]{1,3}[)、]?\s*$")
"""A section's number on a line of its own: (一), 一、 or 一 bare in its own cell."""
_ARABIC = re.compile(r"^\s*\d{1,3}\s*$")


def _number_at(solid: list[Line], k: int) -> int | None:
    """The row number the line at ``k`` holds, or None (or beyond the lines)."""
    return _number(solid[k].text) if k < len(solid) else None


def _arabic_row_after(solid: list[Line], k: int) -> bool:
    """True when the line at ``k`` holds a row's number in figures (1), as under a heading."""
    return k < len(solid) and bool(_ARABIC.match(solid[k].text))


_GUESSED = {
    "text": "工作任务",
    "responsible": "责任单位",
    "leader": "责任人",
    "deadline": "完成时限",
    "skip": "备注",
}
"""The header words a table copied without its header is given, column by the kind of its cells."""
_GUESS_ROWS = 3
_MAX_NUMBER = 4
"""How long a line holding only a row's number may be (1, (1), 1、)."""
_ROW_REACH = 40


def _headerless_at(solid: list[Line], i: int) -> list[str] | None:
    """The header of a table copied without one (``1`` / ``一、…`` / ``农村常住居民…增长。`` / ``法规科`` /
    ``潘秀峰`` / ``2024年底前`` / ``5555309`` / ``2`` / …), guessed from what its rows hold: rows
    numbered 1, 2, 3 … whose cells are text, then bodies, people, dates or other words, in the
    same order in every row.  None unless the first rows all read so."""
    if solid[i].cells is not None or len(solid[i].text.strip()) > _MAX_NUMBER or _number(solid[i].text) != 1:
        return None
    rows: list[list[str]] = []
    at = i
    while len(rows) < _GUESS_ROWS:
        nxt = next(
            (
                k
                for k in range(at + 1, min(len(solid), at + _ROW_REACH))
                if _number(solid[k].text) == len(rows) + 2
            ),
            None,
        )
        if nxt is None or any(s.cells is not None for s in solid[at + 1 : nxt]):
            return None
        values = [s.text.strip() for s in solid[at + 1 : nxt] if s.text.strip()]
        if values and _section(Line(0, values[0]), top=True):
            values = values[1:]  # 一、…: a section's heading printed in its first row
        rows.append([kind_of_cell(v) for v in values])
        at = nxt
    if any(not row or row[0] != "text" or "unit" not in row for row in rows):
        return None
    widest = max(rows, key=len)
    guessed = ["序号", _GUESSED["text"]]
    for kind in widest[1:]:
        column = {"unit": "responsible", "person": "leader", "deadline": "deadline"}.get(kind, "skip")
        guessed.append(_GUESSED[column])
    return guessed


def regroup(lines: list[Line], findings: list[Finding]) -> list[Line]:
    """``lines`` with every table flattened one cell per line put back together as rows."""
    # a web table copied with its borders: 序号 | / 1 | / 区发展改革委 |
    solid: list[Line] = []
    after_cell = False  # the line before was one cell with its border (市财政局 |)
    for line in _borders_joined(_wrapped_cells_joined(lines)):
        if not line.text.strip() or (len(line.text) < 80 and is_debris(line.text)):
            continue
        bordered = line.cells is None and bool(_BORDER.search(line.text))
        # 财务处 | |: a row's last cell with the empty cells after it, among cells one a line
        last = line.cells is None and after_cell and bool(_LAST_CELL.search(line.text))
        solid.append(Line(line.number, _cell(line.text), line.cells) if bordered or last else line)
        after_cell = bordered or last
    solid = _spaced_headers_split(solid)
    out: list[Line] = []
    i = 0
    while i < len(solid):
        found = _header_at(solid, i) if solid[i].cells is None else None
        if found is None:
            guessed = _headerless_at(solid, i)
            if guessed is not None:
                out.append(Line(solid[i].number, "\t".join(guessed), cells=tuple(guessed)))
                message = (
                    "表格没有表头, 已按各列的内容读出 ("
                    + ", ".join(c for c in guessed[1:] if c != _GUESSED["skip"])
                    + "): 请核对各行的单位"
                )
                findings.append(Finding(solid[i].number, message))
                kinds = [column_kind(c) or "" for c in guessed]
                i = _numbered_rows(solid, i, kinds, False, out, findings)
                continue
            out.append(solid[i])
            i += 1
            continue
        header, i = found
        kinds = _flat_kinds(header)
        categorised = "number" in kinds[1:] and kinds[0] != "number"
        if categorised:
            # 任务类型 | 序号 | …: a column before the number is printed once, as a heading between
            # rows; the table is read from its number column on
            header = header[kinds.index("number") :]
            kinds = work_after_number(kinds[kinds.index("number") :])
        numbered = kinds[0] == "number"
        if numbered and _numbers_lost(solid, i, len(kinds)):
            # 序号 | 目标与任务 | 牵头责任单位 | 责任单位 over rows whose number cells the copy lost:
            # the rows are read by their units, as in a table with no number column
            header, kinds, numbered = header[1:], kinds[1:], False
        first = solid[i - 1].number
        if not numbered and _item_level(solid, i, kinds) is not None:
            header = ["序号", *header]  # the rows' own item numbers, (1) (2) …, stand in that column
        out.append(Line(first, "\t".join(header), cells=tuple(header)))
        level = None if numbered else _item_level(solid, i, kinds)
        if level is not None:
            i = _marked_rows(solid, i, kinds, level, out, findings)
            continue
        if not numbered and _scored(solid, i, kinds):
            i = _scored_rows(solid, i, kinds, out, findings)
            continue
        if not numbered:
            i = _unnumbered_rows(solid, i, kinds, out)
            continue
        i = _numbered_rows(solid, i, kinds, categorised, out, findings)
    return out


_BORDER = re.compile(r"^\s*\|?[^|]*\|\s*$")
_LAST_CELL = re.compile(r"^\s*[^|\s][^|]*(\|\s*){2,}$")
_PIPES = re.compile(r"^\s*\|+\s*$")


def _wrapped_cells_joined(lines: list[Line]) -> list[Line]:
    """Cells a narrow column wrapped, put back on one line where a table's cells stand each between
    blank lines: a list broken after its 、 (区财政局、 / 各街道), and an item's short name broken
    before its last words (5.实化运行消防 / 安全委员会)."""
    blanks = sum(1 for line in lines if line.cells is None and not line.text.strip())
    spaced = blanks * 3 >= len(lines)  # one cell, one blank, one cell…: a blank closes each cell
    out: list[Line] = []
    joinable = False  # the last line out may go on in the next one
    for line in lines:
        text = line.text.strip()
        if joinable and text and line.cells is None and not _SUB_MARK.match(fold(text)):
            before = out[-1].text.rstrip()
            if before.endswith("、") or (
                spaced and _WRAPPED_ITEM.match(fold(before)) and _TAIL_WORDS.match(text)
            ):
                out[-1] = Line(out[-1].number, before + text)
                joinable = False
                continue
        out.append(line)
        joinable = line.cells is None and bool(text)
    return out


_WRAPPED_ITEM = re.compile(r"^\s*\d{1,3}[.、][\u4e00-\u9fff“”]{2,10}$")
"""An item's short name in a table's item column (5.实化运行消防), which a narrow cell may wrap."""
_TAIL_WORDS = re.compile(r"^[\u4e00-\u9fff“”]{1,8}$")


def _spaced_headers_split(lines: list[Line]) -> list[Line]:
    """A header typed on one line with spaces (序号 涉及部门 职责分工) over rows set out one cell a
    line (1 / 市教育局 / 负责…): the header's words, one a line, like its rows."""
    out: list[Line] = []
    for k, line in enumerate(lines):
        after = lines[k + 1].text if k + 1 < len(lines) else ""
        spaced = line.cells is None and " " in line.text.strip() and _number(after) is not None
        if spaced and is_spaced_header(line.text):
            out.extend(Line(line.number, word) for word in spaced_words(fold(line.text)))
            continue
        out.append(line)
    return out


def _borders_joined(lines: list[Line]) -> list[Line]:
    """A table whose borders stand on lines of their own (``1`` / ``|`` / ``主要预期目标`` / ``|``)
    as the one-cell-a-line table with borders (``1 |``): each ``|`` closes the cell before it, and a
    ``|`` with no cell before it closes an empty one."""
    out: list[Line] = []
    open_cell = False  # the last line out is a cell's text that no border has closed yet
    for line in lines:
        if line.cells is not None or not _PIPES.match(line.text):
            out.append(line)
            open_cell = line.cells is None and bool(line.text.strip()) and "|" not in line.text
            continue
        pipes = line.text.count("|")
        if open_cell:
            out[-1] = Line(out[-1].number, out[-1].text.rstrip() + " |")
            pipes -= 1
        out.extend(Line(line.number, "|") for _ in range(pipes))
        open_cell = False
    return out


def _cell(text: str) -> str:
    return re.sub(r"^[\s|]+|[\s|]+$", "", text)


_SUB_MARK = re.compile(r"^(?:\((\d{1,2})\)|(\d{1,2})[.、](?!\d))")
"""An item inside a row's work cell: (1), or 1. / 1、 (not 1.5)."""


def _sub_number(value: str) -> int | None:
    m = _SUB_MARK.match(fold(value))
    return None if m is None else int(m.group(1) or m.group(2))


_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,2}\s?[\u4e00-\u9fff]{1,2}$")
_NOT_PERSON = re.compile(r"^[省市县区镇乡各]|[局委办联会队站所院社部厅处科股馆司团区]$")
"""A short name that is a body, not a person: 县残联, 经开区."""
_GROUP_UNIT = re.compile(
    r"^各|街道$|[镇乡]$|(开发区|经开区|高新区|园区|高新园|新区)(\(.*\))?$|成员单位$|\(.*[镇乡]\)$"
)


def _broken_name(before: str, after: str) -> bool:
    """True when two lines are one body's name broken before its ending (市数据资源 / 管理局)."""
    before, after = before.strip(), after.strip()
    if len(after) > 4 or _LEVELLED.match(after) or not _LEVELLED.match(before) or len(before) > 12:
        return False
    if is_organisation(before) or "(" in before:
        return False
    return is_organisation(before + after) and not re.search(r"[,。;、:\s]", before + after)


def _rejoin(values: list[str]) -> list[str]:
    """Lines whose name a narrow cell wrapped (``高新园`` / ``(邹区镇)``) put back together."""
    out: list[str] = []
    for value in values:
        if out and value.startswith(("(", "（")) and not _SUB_MARK.match(fold(value)) and len(value) <= 8:
            out[-1] += value
        elif out and _broken_name(out[-1], value):
            out[-1] += value  # 市数据资源 / 管理局: a name a narrow cell broke before its ending
        else:
            out.append(value)
    return out


def _sub_rows(line: Line, kinds: list[str], values: list[str]) -> list[Line] | None:
    """A numbered row whose work column holds items (1)(2)…, each with the cells that start at it.

    A web page prints a merged cell once, in the first row it covers: an item with no leader, no
    lead or no participants of its own shares the one above it.  The row itself becomes a heading
    (``1.全区经济社会发展的主要预期目标``) and each item a row under it.
    """
    marks = [k for k, v in enumerate(values) if _sub_number(v) is not None]
    if not marks or [_sub_number(values[k]) for k in marks] != list(range(1, len(marks) + 1)):
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
        tail = [v for v in values[a + 1 : b] if v.strip()]  # an empty cell names nobody
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


def _jumps_ahead(solid: list[Line], j: int, value: int, taken: int, width: int) -> bool:
    """True when ``solid[j]`` opens a later row of an extract (145 / … / 249): a number past
    ``value`` after the row has filled its columns, followed by a row's text, not a figure."""
    number = _number(solid[j].text)
    if number is None or number <= value + 1 or taken < width - 1 or j + 1 >= len(solid):
        return False
    following = solid[j + 1].text.strip()
    return len(following) >= 10 and kind_of_cell(following) == "text"


def _headings_before(solid: list[Line], i: int, expected: int) -> int:
    """How many short lines from ``i`` stand before the row numbered ``expected`` (0 if none do):
    a section row a web table spans across all its columns."""
    for ahead in (1, 2):
        if i + ahead >= len(solid) or _number(solid[i + ahead].text) != expected:
            continue
        lines = solid[i : i + ahead]
        if all(len(h.text.strip()) <= 60 and not _unitish(h.text.strip()) for h in lines):
            return ahead
    return 0


def _section(line: Line, top: bool = False) -> bool:
    """True for a section heading between rows (一、… or (一)…; with ``top``, 一、… only)."""
    marker = find_marker(fold(line.text.strip()))
    return marker is not None and marker.level <= (0 if top else 1) and len(line.text.strip()) > 3
