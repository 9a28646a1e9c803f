"""Task tables: 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限, in a .docx or as text rows.

A table starts at a header row (one or two lines) naming a task column and a department column;
each row under it is a task.  In a text file a row's cells are separated by tabs, ``|`` or runs of
two or more spaces (a table copied one cell per line is put back into rows by
:mod:`matrix.parsers.flat_table` first).  Section headings between rows (``一、产业发展``) stay
outline headings.  Header cells are read through the role-word table (:mod:`matrix.text.roles`),
so 牵头责任单位, 协办部门 or 责任领导 need no list; a header cell or a note that states the lead rule
rules the whole table; placeholder cells (—, /, 无) name nobody.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field

from matrix.model import MERGED_ABOVE, Line
from matrix.parsers.assignment import RULE, AssignmentText, normal_deadline, parse_assignment, person_names
from matrix.parsers.names import Name, parse_names
from matrix.text.normalize import clean, drop_glosses, fold
from matrix.text.outline import Marker, find_marker
from matrix.text.roles import LEAD_WORDS, LabelKind, find_labels, is_implementing, read_label

ROW_LEVEL = 5
"""Rows nest under every heading level (一、 … ①)."""

_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序列|项目编号|号)$")),
    ("deadline", re.compile(r"(完成)?(时限|时间|期限)(要求)?$|时间节点|进度安排|时间安排")),
    # how far a task has got (1-10月推进情况, 目标完成情况, 一季度工作进展, 是否达序) is a report,
    # not the task
    ("skip", re.compile(r"(推进|进展|完成|落实|办理|实施)(情况|进度)|进展$|完成率|^是否")),
    (
        "text",
        re.compile(
            r"任务|内容|措施|事项|目标|工作|项目|举措|指标|名称|实事|标准|要求|职责$|职责分工|职责任务|分工$|事权"
        ),
    ),
    ("skip", re.compile(r"备注|说明|类别|类型|指标值|考核|分值|权重|进展|完成情况|完成率")),
]
"""Columns that are not role labels; role columns are read through :mod:`matrix.text.roles`."""
_ROLE_COLUMNS = {
    LabelKind.LEAD: "lead",
    LabelKind.PARTICIPANT: "participant",
    LabelKind.RESPONSIBLE: "responsible",
    LabelKind.PERSON: "leader",
    LabelKind.DEADLINE: "deadline",
}


@dataclass
class TableRow:
    """A table row read as a task: its number, text and assignment."""

    line: int
    marker: Marker
    text: str
    assignment: AssignmentText
    written: str | None = None
    """The row's own text when a cell merged down from the row above repeats part of ``text``."""


@dataclass
class Header:
    """The meaning of each column of a task table."""

    kinds: list[str] = field(default_factory=list)
    states_rule: bool = False
    """A header cell states the lead rule: it rules every row."""

    labels: dict[str, str] = field(default_factory=dict)
    """The header's own words for a kind of column (leader → 责任领导)."""

    def label(self, kind: str) -> str:
        """The header's word for the column of ``kind``, or a plain default."""
        return self.labels.get(kind, "分管领导")

    @property
    def width(self) -> int:
        """How many columns the table has."""
        return len(self.kinds)


_LETTER_SPACED = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:\u3000[\u4e00-\u9fff])+(?![\u4e00-\u9fff])"
)


def split_row(line: Line, width: int | None = None) -> list[str]:
    """The cells of a row: a .docx row's own cells, or a text line split at tabs, | or wide gaps.

    ``| a | b |`` loses its outer empty cells unless the table is that wide with them.
    """
    if line.cells is not None:
        return [clean(c).strip() for c in line.cells]
    # 工\u3000作\u3000要\u3000求: a word set out letter by letter with ideographic spaces is one word;
    # other ideographic spaces part cells as wide gaps do
    text = _LETTER_SPACED.sub(lambda m: m.group(0).replace("\u3000", ""), clean(line.text))
    text = text.replace("\u3000", "  ")
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    if text.count("|") >= 2:
        cells = [c.strip() for c in text.strip().split("|")]
        if cells[0] == "" and cells[-1] == "" and len(cells) != width:
            cells = cells[1:-1]
        return cells
    cells = [c.strip() for c in re.split(r"\s{2,}", text.strip())]
    if len(cells) < 3 and is_spaced_header(text):
        return spaced_words(text)
    return cells


def past_merged(header: Header, cells: list[str]) -> list[str]:
    """``cells`` of a row typed with ``|`` moved right past the cells merged down from the row
    above, when the row was padded with empty cells at its end instead (``| 2.持续开展… | 县农业农村局 |
    2025年底前 | | |`` under 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限): an HTML table's
    rowspan copied as text.  Moved only when that puts bodies in a role column that had none."""
    pad = len(cells) - len(_rstrip_empty(cells))
    if pad == 0 or len(cells) != header.width or not cells[0]:
        return cells
    roles = [k for k, kind in enumerate(header.kinds) if kind in _ROLE_KINDS]

    if _bodies_in(cells, roles):
        return cells
    # the fewest cells merged from above that put bodies in a role column (the padding may hold
    # the row's own empty cells too: | 4.落实陪餐制度 | 县教育局 | | | |)
    moved = ([""] * shift + cells[:-shift] for shift in range(1, pad + 1))
    return next((row for row in moved if _bodies_in(row, roles)), cells)


def placed_short(header: Header, cells: list[str], above: list[str] | None = None) -> list[str] | None:
    """A row typed with ``|`` that has fewer cells than the header, its cells laid in order where
    they look most like their columns: a web table prints a cell merged down from the row above
    only once, so the row's own cells skip the columns it spans (``(2)… | 1.明确… | 应消站 | 4月``
    under 建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单).  Of equal fits, the one
    with bodies in a role column wins, then the one whose skipped columns the row ``above`` fills,
    then the leftmost.  None when no way puts bodies in a role column."""
    own = _rstrip_empty(cells)
    if not own or len(cells) >= _named_width(header) or _opens_with_number(header, own):
        return None  # a full row, or one that keeps its number: fill_short lays it
    if math.comb(header.width, len(own)) > _MAX_LAYOUTS:
        return None
    roles = [k for k, kind in enumerate(header.kinds) if kind in _ROLE_KINDS]

    def spanned(row: list[str]) -> int:
        last = max(k for k, cell in enumerate(row) if cell)
        return sum(1 for k in range(last) if not row[k] and above and k < len(above) and above[k].strip())

    layouts = []
    for columns in itertools.combinations(range(header.width), len(own)):
        row = [""] * header.width
        for k, cell in zip(columns, own, strict=True):
            row[k] = cell
        layouts.append(row)
    best = max(layouts, key=lambda row: (_fit(header.kinds, row), _bodies_in(row, roles), spanned(row)))
    return best if _bodies_in(best, roles) else None


_MAX_LAYOUTS = 400
"""How many ways to lay a short row are tried (C(10, 5) = 252): a wider table is not guessed at."""


def fill_short(header: Header, cells: list[str]) -> list[str] | None:
    """A numbered row typed with ``|`` that has fewer cells than the header: its number and text
    from the left, a cell that reads as a date in the deadline column, the rest in the role columns
    from the left.  None for a full row or one that does not open with its number (see
    :func:`placed_short`)."""
    own = _rstrip_empty(cells)
    kinds = header.kinds
    if not own or len(cells) >= _named_width(header) or not _opens_with_number(header, own):
        return None
    out = [""] * header.width
    out[0] = own[0]
    texts = [k for k, kind in enumerate(kinds) if kind == "text"]
    roles = [k for k, kind in enumerate(kinds) if kind in _ROLE_KINDS]
    deadline = kinds.index("deadline") if "deadline" in kinds else None
    rest = own[1:]
    for k in texts[: max(1, len(rest) - 1)]:
        if rest:
            out[k] = rest.pop(0)
    for cell in rest:
        if deadline is not None and not out[deadline] and DEADLINE_CELL.search(cell):
            out[deadline] = cell
        elif roles:
            out[roles.pop(0)] = cell
    return out


def _named_width(header: Header) -> int:
    """The header's columns without the empty cells a web page padded it with."""
    return len(_rstrip_empty(header.kinds))


def _opens_with_number(header: Header, own: list[str]) -> bool:
    """True when the table has a number column and the row's first cell is a number alone (2, (3)),
    not a section's heading (一、主要预期目标)."""
    number = find_marker(fold(own[0]).strip() + ".")
    return header.kinds[0] == "number" and number is not None and number.end >= len(own[0].strip())


def names_bodies(header: Header, row: list[str]) -> bool:
    """True when a cell of ``row`` in one of the header's role columns names bodies."""
    roles = [k for k, kind in enumerate(header.kinds) if kind in ("lead", "participant", "responsible")]
    return _bodies_in(row, [k for k in roles if k < len(row)])


def _bodies_in(row: list[str], roles: list[int]) -> bool:
    """True when a cell of ``row`` in one of the ``roles`` columns names bodies."""
    said = [parse_assignment(fold(row[k]), bare=True) for k in roles if row[k]]
    return any(a.leads or a.responsible or a.participants for a in said)


def _rstrip_empty(cells: list[str]) -> list[str]:
    out = list(cells)
    while out and not out[-1].strip():
        out.pop()
    return out


def spaced_words(text: str) -> list[str]:
    """The words of a line typed with single spaces, a word set out letter by letter (``工 作 任 务``,
    as headers are typeset) put back together."""
    out: list[str] = []
    run = False  # the last word was a lone character that began or went on a spaced-out word
    for word in text.split():
        lone = len(word) == 1 and "\u4e00" <= word <= "\u9fff"
        if lone and run:
            out[-1] += word
        else:
            out.append(word)
        run = lone
    return out


def is_spaced_header(text: str) -> bool:
    """True for a header typed with single spaces: ``序号 类别 主要任务 牵头单位 参与单位``."""
    words = spaced_words(fold(text))
    if len(words) < 3:
        return False
    known = [column_kind(w) is not None for w in words]
    if all(known):
        return True
    # a progress report adds columns no rule names (1-8月实际完成率%): the words that name the
    # number, the task and a role column still make it a header, when they are most of the line
    mostly_known = sum(known) * 4 >= len(words) * 3
    return column_kind(words[0]) == "number" and mostly_known and read_header(words) is not None


_ROLE_KINDS = ("lead", "participant", "responsible")


_PLACEHOLDER = re.compile(r"^[\s\-—–_/\\.。、·…]*$|^(无|暂无|空|/|—|不涉及|有关部门|相关部门|各有关部门)$")


def is_placeholder(cell: str) -> bool:
    """True for a cell that names nobody on purpose: ``—``, ``/``, ``无``, ``有关部门``."""
    return bool(_PLACEHOLDER.match(re.sub(r"\s+", "", cell)))


_TRADITIONAL_HEADER = str.maketrans(
    dict(
        zip(
            "號務項標稱實際況備註內時間進舉體設點資額萬類導領屬開發總報數據現級費預計劃處裡",
            "号务项标称实际况备注内时间进举体设点资额万类导领属开发总报数据现级费预计划处里",
            strict=True,
        )
    )
)
"""The traditional forms of header words' characters (序號, 目標任務, 完成時間): a header is read,
never filed, so it may be read in simplified form whatever the names' script."""


def _simplified(cell: str) -> str:
    """A header cell in simplified script, without spaces or pinyin glosses: a header is read,
    never filed."""
    return re.sub(r"\s+", "", fold(drop_glosses(cell))).translate(_TRADITIONAL_HEADER)


_PLACE_COLUMN = re.compile(r"^(责任|涉及|实施|相关)(街镇|镇街|乡镇|街道|镇|区县|县区|县市区)$")
"""A column naming the towns or districts where a task is carried out, beside the bodies'."""


def column_kind(cell: str) -> str | None:
    """What a header cell names: number, text, lead, participant, responsible, leader (persons),
    deadline, skip, ``other:<label>`` for a supervisory column (指导部门), or None."""
    cell = _simplified(cell)
    cell = re.sub(r"\([^()]*\)$", "", cell) or cell  # 责任单位(列第一位的为牵头单位)
    if not cell or len(cell) > 16:
        return None
    if _COLUMNS[0][1].search(cell):
        return "number"
    if _PLACE_COLUMN.match(cell):
        return "other:" + cell  # 责任街镇 beside 责任部门: the towns concerned (see _bare_bodies)
    label = read_label(cell)
    if label is not None:
        if label.kind is LabelKind.OTHER:
            return "other:" + label.text
        if label.kind in _ROLE_COLUMNS:
            return _ROLE_COLUMNS[label.kind]
    for kind, pattern in _COLUMNS[1:]:
        if pattern.search(cell):
            return kind
    return None


def header_states_rule(cells: list[str]) -> bool:
    """True when a header cell states the lead rule (责任单位(列第一位的为牵头单位))."""
    return any(RULE.search(fold(c)) for c in cells)


def work_after_number(kinds: list[str]) -> list[str]:
    """Kinds with the column after the number read as the rows' work when no other column names it
    and a role column follows (序号 | 创建领域 | 责任单位): whatever its word, it holds the tasks."""
    unread = ("", "unknown")
    roles = [k for k in kinds[2:] if k in _ROLE_KINDS or k.startswith("other:")]
    if "text" not in kinds and kinds[:1] == ["number"] and len(kinds) > 2 and kinds[1] in unread and roles:
        return ["number", "text", *kinds[2:]]
    return kinds


def read_header(cells: list[str]) -> Header | None:
    """The header a row states, if it names a task column and a department column."""
    if len(cells) == 2 and is_bodies_column(cells[0]) and column_kind(cells[1]) == "text":
        return Header(["responsible", "text"])  # 相关部门 | 职责分工: each row a body and its duties
    if len(cells) < 3:
        return None
    kinds = [column_kind(c) or ("" if not c.strip() else "unknown") for c in cells]
    kinds = _bare_bodies(_main_beside_lead(_spanned(kinds, cells), cells), cells)
    kinds = _implementing_beside(kinds, cells)
    roles = {"lead", "responsible", "participant", "leader"} | {k for k in kinds if k.startswith("other:")}
    kinds = work_after_number(kinds)
    if "text" in kinds and roles & set(kinds) and kinds.count("unknown") <= max(2, len(kinds) // 3):
        labels = {
            k: re.sub(r"\s+", "", c)
            for k, c in zip(kinds, cells, strict=True)
            if k in ("leader", "responsible", "lead")
        }
        return Header(kinds, states_rule=header_states_rule(cells), labels=labels)
    return None


def _implementing_beside(kinds: list[str], cells: list[str]) -> list[str]:
    """Kinds with a 实施 or 落实 column beside another column of bodies responsible (市里落实单位 |
    局内负责处室) read as a role of its own, with its word: the bodies that carry the work out
    where the other column names who answers for it (see AssignmentText.settle)."""
    responsible = [k for k, kind in enumerate(kinds) if kind == "responsible"]
    carrying = [k for k in responsible if is_implementing(_simplified(cells[k]))]
    if len(responsible) < 2 or not carrying or len(carrying) == len(responsible):
        return kinds
    words = {k: "other:" + re.sub(r"\s+", "", cells[k]) for k in carrying}
    return [words.get(k, kind) for k, kind in enumerate(kinds)]


_BARE_BODIES = re.compile(r"^(相关|有关)?(部门|单位)(名称)?$")


def is_bodies_column(cell: str) -> bool:
    """True for a header cell of bodies that says no role (部门, 相关部门, 单位名称)."""
    return bool(_BARE_BODIES.match(re.sub(r"\s+", "", cell)))


def _bare_bodies(kinds: list[str], cells: list[str]) -> list[str]:
    """Kinds with a column headed 部门 alone, which names bodies but no role: beside a role column
    its bodies take its word as their role (部门 | … | 责任单位: the funding department); with
    none, the row assigns them (the bodies responsible).  A column of towns (责任街镇) is read so
    too."""
    bare = [k for k, c in enumerate(cells) if kinds[k] == "unknown" and is_bodies_column(c)]
    roles = any(kind in _ROLE_KINDS for kind in kinds)
    places = [k for k, c in enumerate(cells) if _PLACE_COLUMN.match(_simplified(c))]
    if places and not roles:  # 责任街镇 alone: the towns are whom the rows assign
        kinds = ["responsible" if k in places else kind for k, kind in enumerate(kinds)]
    if not bare:
        return kinds
    return [("other:部门" if roles else "responsible") if k in bare else kind for k, kind in enumerate(kinds)]


def _main_beside_lead(kinds: list[str], cells: list[str]) -> list[str]:
    """Kinds with a 主要责任单位 column beside one a lead word names (第一责任单位 | 主要责任单位)
    read as participants: 主要 there means the main bodies after the first, not the lead."""
    leads = [k for k, kind in enumerate(kinds) if kind == "lead"]
    named = [k for k in leads if any(word in cells[k] for word in LEAD_WORDS)]
    if len(leads) == 1 and not named and not any(kind in _ROLE_KINDS for kind in kinds if kind != "lead"):
        # 主要责任单位 alone: the bodies mainly responsible, the first of them the lead where a
        # note says so (注:主要责任单位第一个为牵头单位,其余为主要配合单位), all of them leads where not
        return ["responsible" if k in leads else kind for k, kind in enumerate(kinds)]
    if len(leads) < 2 or not named:
        return kinds
    return ["participant" if k in leads and k not in named else kind for k, kind in enumerate(kinds)]


def _spanned(kinds: list[str], cells: list[str]) -> list[str]:
    """Kinds with a header cell spanning columns carried over the blank places it covers: Word
    merges ``项目`` over the category and item columns and leaves the second place blank."""
    out = list(kinds)
    for k in range(1, len(out)):
        if not cells[k].strip() and out[k - 1] in ("text", *_ROLE_KINDS):
            out[k] = out[k - 1]
    return out


def merge_second_header(header: Header, cells: list[str]) -> bool:
    """Fold a second header line (牵头单位 | 配合单位 under a merged 责任单位) into ``header``."""
    kinds = [column_kind(c) for c in cells]
    if (
        len(cells) != header.width
        or not any(kinds)
        or any(c.strip() and k is None for c, k in zip(cells, kinds, strict=True))
    ):
        return False
    header.kinds = [k or old for k, old in zip(kinds, header.kinds, strict=True)]
    header.labels.update(
        {k: re.sub(r"\s+", "", c) for k, c in zip(kinds, cells, strict=True) if k in header.labels}
    )
    return True


DEADLINE_CELL = re.compile(
    r"\d{4}年|\d{1,2}月|底前|年底|长期|持续|常态|每年|每季度|年内|全年|季度|上半年|下半年"
)
"""Words a deadline cell holds (2024年6月到12月, 年底前, 长期坚持)."""


def sub_columns(header: Header, cells: list[str]) -> int:
    """How many columns a second header line sets out under one column the header does not read
    (资金来源 over 中央衔接资金 | 省级衔接资金 | …), or 0 when the line is no such thing."""
    words = [c.strip() for c in cells if c.strip()]
    if len(words) < 2 or "unknown" not in header.kinds:
        return 0
    if any(column_kind(w) is not None or len(w) > 12 or re.search(r"\d", w) for w in words):
        return 0  # a header's own words, a sentence or a figure: a row, not names of sub-columns
    return len(words)


def widen(header: Header, sub: int, cells: list[str]) -> Header | None:
    """``header`` with one column it does not read set out as the ``sub`` columns a second header
    line names, at the place that lays ``cells`` best by their looks (dates under the deadline,
    bodies under a role column); None when ``cells`` is not that wide or no place fits it.

    A web table printed the merged header as two lines (资金来源 over four sources), and its
    rows as the wider grid: which column spans the four is not written, so the rows say it."""
    named = list(header.kinds)
    while named and not named[-1]:
        named.pop()  # empty cells a web page padded the header with, up to the grid's width
    wide = len(named) + sub - 1
    if not len(_rstrip_empty(cells)) <= wide <= len(cells):
        return None
    row = cells[:wide]
    places = [k for k, kind in enumerate(named) if kind == "unknown"]
    if not places:
        return None
    laid = [named[:k] + ["unknown"] * sub + named[k + 1 :] for k in places]
    best = max(laid, key=lambda kinds: _fit(kinds, row))
    if _fit(best, row) <= _fit(named + [""] * (wide - len(named)), row):
        return None
    return Header(best, header.states_rule, dict(header.labels))


def _fit(kinds: list[str], cells: list[str]) -> int:
    """How many of ``cells`` look like what their column holds."""

    def looks(kind: str, cell: str) -> bool:
        if kind == "number":
            return bool(re.fullmatch(r"\d{1,3}", cell))
        if kind == "deadline":
            return bool(DEADLINE_CELL.search(cell))
        if kind in _ROLE_KINDS or kind.startswith("other:"):
            said = parse_assignment(fold(cell), bare=True)
            return bool(said.leads or said.participants or said.responsible)
        if kind == "leader":
            return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", cell))
        if kind == "text":  # words, not a figure nor a list of bodies
            said = parse_assignment(fold(cell), bare=True)
            figure = re.fullmatch(r"[\d.%\s]+", cell)
            return len(cell) >= 4 and not figure and not (said.leads or said.responsible)
        return False

    return sum(1 for kind, cell in zip(kinds, cells, strict=False) if looks(kind, cell.strip()))


def _named(cell: str) -> list[Name]:
    """Every body a cell names, whatever role its own words give them (市财政局牵头,市直各单位落实;
    各区政府): a column that gives them one role of its own."""
    said = parse_assignment(fold(cell), bare=True)
    names = [*said.leads, *said.participants, *said.responsible, *(n for n, _ in said.others)]
    return names or parse_names(fold(cell))


def is_total(cells: list[str]) -> bool:
    """True for a table's row of totals (合 计 | 3069.7 | …): no task."""
    return bool(cells) and bool(_TOTAL.match(re.sub(r"\s+", "", cells[0])))


def read_row(
    header: Header, cells: list[str], line: int, index: int, merged: tuple[str, ...] | None = None
) -> TableRow | None:
    """A data row as a task, or None when the row does not fit the table.

    ``merged`` says which cells repeat a cell merged down from the row above (see
    :attr:`matrix.model.Line.merged`): they are part of the task's text, not of its own words.
    """
    if len(cells) < header.width - 1 or len(cells) > header.width + 1 or not any(cells):
        return None
    cells = (cells + [""] * header.width)[: header.width]
    from_above = [bool(merged and k < len(merged) and merged[k] == MERGED_ABOVE) for k in range(header.width)]
    by_kind: dict[str, list[str]] = {}
    own_texts: list[str] = []
    for kind, cell, above in zip(header.kinds, cells, from_above, strict=True):
        if cell and not (kind != "text" and is_placeholder(cell)):
            by_kind.setdefault(kind, []).append(cell)
            if kind == "text" and not above:
                own_texts.append(cell)
    text = "\n".join(dict.fromkeys(by_kind.get("text", [])))
    if not text:
        return None
    own = "\n".join(dict.fromkeys(own_texts))
    number = " ".join(by_kind.get("number", []))
    marker = find_marker(fold(number) + ".") if number else None
    label = marker.label if marker else (re.sub(r"\W", "", number) or str(index))
    if not number:
        # no number column: the task column numbers its items ((三)做好财政信息公开。), the last of
        # its cells that does when a category cell comes first (一、加大治理力度 | 1.加强…)
        cells_text = list(dict.fromkeys(by_kind.get("text", [])))
        items = [(c, m) for c in cells_text if (m := find_marker(fold(c))) is not None and m.end < len(c)]
        if items:
            label = items[-1][1].label
        if len(cells_text) == 1 and items:
            cut = text[: items[0][1].end]
            text, own = text.removeprefix(cut), own.removeprefix(cut)
    written = own if own and own != text else None
    assignment = AssignmentText(labelled=True)
    parts: list[tuple[str, AssignmentText]] = []
    for kind in ("lead", "participant", "responsible"):
        word = header.labels.get(kind, "")
        # 实施主体, 市里落實單位: see AssignmentText.settle
        said = word if is_implementing(_simplified(word)) else _LABEL_FOR[kind]
        for cell in by_kind.get(kind, []):
            # a cell may name its own role (牵头处室:财务处): its label wins over the column's
            found = find_labels(fold(cell))
            labelled = bool(found) and found[0].start == 0 and found[0].label is not None
            part = parse_assignment(fold(cell) if labelled else f"{said}:{fold(cell)}")
            if not labelled and _ROLE_VERB.search(fold(cell)):
                # 经济发展处配合区经发局、消防救援支队落实: the cell says each body's part in words
                sentence = parse_assignment(fold(cell))
                if not sentence.unread and (sentence.leads or sentence.participants):
                    part, labelled = sentence, True
            parts.append((kind if not labelled else "own", part))
    # a cell whose own label names the row's lead outranks the lead column (市级牵头单位 | 责任单位:
    # 牵头处室:财务处): the column's bodies are kept under its word, as another role
    own_lead = any(kind == "own" and part.leads for kind, part in parts)
    for kind, part in parts:
        if own_lead and kind == "lead":
            assignment.others += [(n, header.labels.get("lead", "牵头单位")) for n in part.leads]
        else:
            assignment.merge(part)
    for cell in by_kind.get("leader", []):
        assignment.persons += [(n, header.label("leader")) for n in person_names(fold(cell))]
    for kind in header.kinds:
        if kind.startswith("other:"):
            for cell in by_kind.get(kind, []):
                names = [n for n in _named(cell) if _CJK.search(n.text)]  # not 3069.7
                assignment.others += [(n, kind.removeprefix("other:")) for n in names]
    assignment.states_rule = assignment.states_rule or header.states_rule
    deadline = " ".join(by_kind.get("deadline", [])).strip()
    if deadline and not is_placeholder(deadline):
        assignment.deadline = normal_deadline(deadline)
    return TableRow(line, Marker(ROW_LEVEL, label, 0), text, assignment, written)


_ROLE_VERB = re.compile(r"[\u4e00-\u9fff](牵头|配合|协助|协同|参与)[\u4e00-\u9fff]")
"""A role verb between names in a cell (A配合B落实, A牵头,B配合)."""
_TOTAL = re.compile(r"^(合计|小计|总计|共计)[:：]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LABEL_FOR = {"lead": "牵头单位", "participant": "配合单位", "responsible": "责任单位"}
