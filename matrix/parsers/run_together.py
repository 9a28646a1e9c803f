"""Task tables whose cells ran together: a table extracted with no separators at all.

Document-sharing sites and some PDF or Word extractions print a task table as one run of text:
``序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给……中小学4580个。何海平教育局
经开区高新园(邹区镇)各街道市国有公司2促进就业稳定增长……``.  It is read by its grammar:

- the **header** is found by its words glued together: 序号, a task column and role columns, each
  read by :func:`matrix.parsers.table.column_kind`; its column order gives each row's layout;
- **rows** are cut at the next number in order (1, 2, 3 …) where it follows a unit name or a
  sentence's end and is followed by text; a section row (``一、主要发展指标``) between rows is a
  heading; page marks (``—2—``, ``2、`` at a line's start) are dropped;
- in a **row** the text runs to the sentence end (。) after which a person (a leader column) and
  units follow (with no full stop, to the run of names that ends the row); the units are cut into
  names by their endings (:func:`is_organisation`): names joined by 、 share a cell, two names run
  together start the next cell, the first cell being the lead column's and the rest the
  participants'.  When the text goes on after the units and ends with units of its own, that is a
  sub-row sharing the row's number; text with no units of its own goes on the row's text, or into
  the text column the header sets after the units (任务来源, 绩效指标);
- a **person** column may hold several names run together (王 浩江裕森曹承代); a row whose end reads
  several ways (a merged leader cell, a name glued to the text) is read the way whose names the
  table gives again in other rows;
- a table whose 序号 numbers **groups** of rows (1推进生态文明建设1、建立…) gives each group a heading
  and numbers its rows in their own column.

Each header and row is handed on as one :class:`Line` with its cells, as
:mod:`matrix.parsers.flat_table` does, and the table parser reads it from there.  The cells are a
guess, so every table read this way is reported at its header's line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from matrix.model import Finding, Line
from matrix.parsers.assignment import parse_assignment
from matrix.parsers.names import is_organisation, is_vague, may_be_person
from matrix.parsers.table import column_kind
from matrix.text.normalize import fold

_HEADER_START = re.compile(r"序号|编号")
_TASK_HEAD = re.compile(r"(?:主线|重点|主要|具体)?(?:工作)?(?:任务|内容|措施|事项|项目)")
"""How a header with no number column opens: its task column (工作任务, 主要内容)."""
_HEADER_CELL_END = re.compile(
    r"(任务|内容|措施|事项|目标|工作|项目|举措|指标|名称|实事|标准|要求|时限|时间|期限|节点|安排|备注|说明|"
    r"类别|类型|分值|权重|进展|情况|来源|依据|单位|部门|处室|科室|股室|机构|主体|领导|负责人|责任人|联系人)$"
)
"""How a header cell ends: a cell is read only where it ends on its head word, so that
主要工作任务第一责任单位 is two cells, not one 任务 cell."""
_MAX_HEADER_CELL = 10
_UNIT_KINDS = ("lead", "participant", "responsible")

_PAGE_MARK = re.compile(r"(?<!\d)[—－-]{1,2}\s*\d{1,3}\s*[—－-]{1,2}")
"""A page number the extraction left in the text: —2—, - 2 -."""
_LINE_PAGE_MARK = re.compile(r"^\s*\d{1,3}、(?!\d)")
"""A page number at a line's start (2、), in a table whose rows are numbered bare (1增加…)."""
_SECTION = re.compile(r"[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)")
_MEASURE = set("个家所项万亿千百十人元户次年月日号条座处名台套间张辆批期亩吨倍岁层栋米%.、,:;)")
"""What follows a number that counts things (4580个, 12%): such a number starts no row."""

_SEPARATORS = "、,;"
_PLACE_END = re.compile(
    r"(开发区|经开区|高新区|港区|园区|新区|保税区|示范区|度假区|试验区|合作区|片区|城区|"
    r"高新园|产业园|工业园|科技园|(?<!城)[镇乡]|社区|各(成员)?(单位|部门|机构))$"
)
"""Bodies that end as places do (经开区, 高新园, 邹区镇) and group addressees (…各成员单位)."""
_ENDING_ONLY = "局委厅处科股室"
"""Characters that end a body's name and never start one."""
_VILLAGES = re.compile(r"各[\u4e00-\u9fff]{0,3}(村|村居|社区|居委会|村委会)")
_SHORT_BODIES = {"人行", "妇联", "残联", "侨联", "文联", "科协", "团委", "工会"}
_ATTACHED = re.compile(
    r"^(办公室|办|管委会|党工委|党委|工委|办事处|人民政府|各(成员)?(单位|部门|机构|处室))"
    # a generic head with nothing before it (各片区|管理局): the end of the name before
    r"|^(管理局|管理处|管理站|管理所|事业局|服务中心)$"
    r"|^(?![省市县区州各]).*(分局|分行|支行|分公司|分中心|分院|支队|大队|中队|派出所|分所)$"
)
"""A piece that belongs to the name before it (开发区管委会, 市生态环境局青山分局): never a name's start.
A branch with its own level word (市公安局交通警察支队) is a name of its own, and so is a group of
branches (各分局)."""
_DIVISION_END = "处科股"
"""How a division's name ends (知识产权处): a bureau's branch is never a division's, so a branch
after one (知识产权处稽查支队) is a name of its own."""
_LEVEL_START = re.compile(r"[省市县区州镇乡各]")
WORK_START = re.compile(
    r"^(推进|推动|加强|加快|完善|建设|建立|实施|开展|提升|提高|完成|实现|落实|做好|强化|支持|鼓励|引导|"
    r"发挥|组织|协调|新建|改造|打造|培育|深化|优化|促进|扩大|健全|形成|规范|全面|积极|持续|进一步|确保|"
    r"力争|对|在|为|把|将|要|和|及|与|等|妥善|根据|按照|依托|通过|结合|围绕|利用|针对|同时|逐步|不断|及时|严格|"
    r"认真|切实|主动|大力|重点|统筹|依法|深入|探索|研究|制定|出台|编制|启动|召开|举办|组建|设立|创建|争取|"
    r"保持|保障|提供|增加|降低|拓展|扩展|加大|着力|坚持|抓好|构建)"
)
"""The words a task's work opens with (推进, 落实, 抓好 …): a body's name never runs into them."""
_RUN_VERB_END = re.compile(
    r"(现场|座谈|推进|交流|调度|动员|部署|培训|研讨|发布|展销|博览|洽谈|评审|联席|表彰|总结)会$|"
    r"(举|创|开|合|兴|承|代|领|帮|督|交)办$|(?<![银分支人农工建中交招])行$|(?<![小作项导查家党题估核挥督])组$"
)
"""How a clause ends that a body's ending hides (中楼卫生院举办, 第四季度:进行, 全年组织…): 举办 and
进行 are verbs, not an office or a bank; a bank ends in 银行, 分行, 人行…, a group in 小组, 工作组…"""
_MAX_UNIT = 20
_MAX_ROW = 2000
"""A row longer than this (in characters) is no row: the table has ended."""
_MAX_GOING_ON = 300
"""Text after the last row's units, on its line, that still belongs to that row (a merged cell)."""
_FRAGMENT = re.compile(r"[^。]{0,3}。")
"""A few characters and a full stop: the end of a sentence, which no run of names leaves behind."""
_GROUP_PLACE = re.compile(r"各[省市县区镇乡村]")
"""各镇, 各区: a group addressee of two characters."""
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")
_SPACED_PERSON = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_DEADLINE = re.compile(
    r"(\d{4}年(\d{1,2}月)?(\d{1,2}日)?(上旬|中旬|下旬|底|末)?(前|以前|之前)?|\d{1,2}月(底|末)?(前|以前)?"
    r"|年底前|长期坚持|长期|常年|全年|持续推进|常态化)(完成)?"
)
_DEADLINE_END = re.compile(r"(前|底|末|月|年|长期|常年|持续推进|常态化|完成)$")


def cut_run_together(lines: list[Line], findings: list[Finding]) -> list[Line]:
    """``lines`` with every task table whose cells ran together cut back into a header and rows."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        found = None
        if line.cells is None and (_HEADER_START.search(line.text) or _headless(line.text)):
            found = _find_header(fold(line.text), _next_text(lines, i))
        if found is None:
            out.append(line)
            i += 1
            continue
        start, end, header = found
        stream = _Stream.build(lines, i, end, fold(line.text)[start:end])
        table = _read_rows(stream, header)
        if table is None:
            out.append(line)
            i += 1
            continue
        rows, consumed, carried = table
        before = _drop_marks(line.text[:start]).strip()
        if before:
            out.append(Line(line.number, before))
        out.append(Line(line.number, "\t".join(header), cells=tuple(header)))
        out.extend(rows)
        findings.append(
            Finding(
                line.number,
                "这张表格的单元格连在一起 (没有分隔符), 已按序号和单位名称切开读取: "
                "请逐行核对每项任务的文字、牵头和参与单位",
            )
        )
        findings.extend(
            Finding(
                number,
                f"表格第{row}行没有单位, 已沿用上一行的单位 (网页表格的合并单元格只在第一行显示): "
                "请核对这一行的单位",
            )
            for number, row in carried
        )
        i, rest = stream.remainder(consumed)
        if rest.strip():
            out.append(Line(lines[i - 1].number, rest.strip()))
    return out


_FOLLOWING = 3


def _next_text(lines: list[Line], i: int) -> str:
    """The next few lines after ``i`` that hold text, folded and joined (a section row cut onto a
    line of its own, row 1 on the next); up to a table row or the end."""
    out: list[str] = []
    for line in lines[i + 1 :]:
        if line.cells is not None or len(out) == _FOLLOWING:
            break
        if line.text.strip():
            out.append(fold(line.text.strip()))
    return "".join(out)


def _find_header(folded: str, following: str) -> tuple[int, int, list[str]] | None:
    """Where a glued header (序号项目名称…牵头单位配合单位) starts and ends in a line, and its cells.
    The rows follow it on the same line, or begin the next (``following``) when the header ends
    its line.  A header with no number column (工作任务工作要求牵头单位配合/责任单位一、…1.…) opens
    with its task column, its rows numbered in their text: the number gets a column of its own, as
    序号 would give it."""
    starts = [(m, True) for m in _HEADER_START.finditer(folded)]
    # a header with no number is one run of words holding a role column's head word (a quick test:
    # 任务 and 内容 open many a sentence)
    starts += [(m, False) for m in _TASK_HEAD.finditer(folded) if _role_follows(folded, m.start())]
    for m, numbered in starts:
        cells = _header_cells(folded, m.end() if numbered else m.start())
        if cells is None:
            continue
        words, end = cells
        kinds = [column_kind(w) or "" for w in words]
        rest = folded[end:].strip() + following
        if "text" not in kinds or not any(k in _UNIT_KINDS for k in kinds) or not _starts_rows(rest):
            continue
        if numbered:
            return m.start(), end, [m.group(), *words]
        # rows numbered in their text (1.…) or bare (主线项目主要内容…完成时限(一)…1科学编制…): the
        # number gets the column 序号 would give it
        if kinds[0] == "text" and (_starts_marked(rest) or _starts_rows(rest)):
            return m.start(), end, ["序号", *words]
    return None


def _role_follows(text: str, at: int) -> bool:
    """True when the run of words (and /) from ``at``, at most 80 characters, holds a role
    column's head word: a header with no number column may start there."""
    m = _WORDS.match(text, at)
    return m is not None and bool(_ROLE_HEAD.search(m.group()))


def _headless(text: str) -> bool:
    """True when a line may hold a header with no number column (工作任务…牵头单位…)."""
    return any(_role_follows(text, m.start()) for m in _TASK_HEAD.finditer(text))


def _header_cells(folded: str, at: int) -> tuple[list[str], int] | None:
    """The longest run of header cells from ``at`` (fewest cells for it), and where it ends."""
    limit = min(len(folded), at + 8 * _MAX_HEADER_CELL)
    best: dict[int, list[str]] = {at: []}
    for i in range(at, limit):
        if i not in best:
            continue
        for n in range(2, _MAX_HEADER_CELL + 1):
            cell = folded[i : i + n]
            if i + n > limit or not re.fullmatch(r"[\u4e00-\u9fff][\u4e00-\u9fff/]*", cell):
                break
            if _header_cell(cell) and not _two_cells(cell):
                cells = [*best[i], cell]
                if i + n not in best or len(cells) < len(best[i + n]):
                    best[i + n] = cells
    end = max(best)
    if len(best[end]) < 2:
        return None
    return best[end], end


def _two_cells(cell: str) -> bool:
    """True when ``cell`` is two header cells of different kinds (目标具体内容|进度安排): the fewest
    cells must not merge a time or role column into a text one (主要工作任务 stays one cell)."""
    for k in range(2, len(cell) - 1):
        head, tail = cell[:k], cell[k:]
        if _header_cell(head) and _header_cell(tail) and column_kind(head) != column_kind(tail):
            return True
    return False


_WORDS = re.compile(r"[\u4e00-\u9fff/]{0,80}")
_ROLE_HEAD = re.compile(r"(单位|部门|处室|科室|股室|机构|主体|领导|负责人|责任人|联系人)")


def _header_cell(cell: str) -> bool:
    """True for a header word that ends on its head word and reads as that: a cell ending in 单位
    or 领导 must read as a role column (任务第一责任单位 is no cell)."""
    kind = column_kind(cell)
    if "表" in cell:
        return False  # …主要任务分解表|工作任务…: the table's title ends before its header
    if kind in (None, "number") or not _HEADER_CELL_END.search(cell) or _ROLE_HEAD.search(cell[:-1]):
        return False  # 配合单位完成时限 is two cells: a head word ends a cell
    roles = (*_UNIT_KINDS, "leader")
    return not _ROLE_HEAD.search(cell) or kind in roles or kind.startswith("other:")


def _starts_rows(rest: str) -> bool:
    """True when the text after a header begins with its first row (or a section row, then row 1)."""
    section = _SECTION.match(rest)
    if section is not None:
        number = re.search(r"(?<!\d)1(?!\d)", rest[section.end() : section.end() + 40])
        if number is None:
            return False
        rest = rest[section.end() + number.start() :]
    return _first_row(rest) is not None


def _first_row(rest: str) -> int | None:
    """The number of the row the text after a header opens with: 1, or, on a page that carries on a
    table from the page before (序号工作任务责任单位21树立婚育新风…22根据…), the number there when the
    next one follows."""
    m = re.match(r"[1-9]\d{0,2}", rest)
    if m is None or _row_number(rest, 0, int(m.group())) is None:
        return None
    number = int(m.group())
    if number == 1 or re.search(rf"(?<!\d){number + 1}(?!\d)", rest[m.end() : m.end() + _MAX_ROW]):
        return number
    return None


def _row_number(text: str, at: int, expected: int) -> int | None:
    """Where the row's text starts when row ``expected`` starts at ``at``, else None."""
    digits = str(expected)
    if not text.startswith(digits, at) or (at and text[at - 1].isdigit()):
        return None
    end = at + len(digits)
    if end < len(text) and text[end] in "、.":
        end += 1
    if end >= len(text):
        return None
    after = text[end]
    if after.isdigit() or after in _MEASURE or not ("\u4e00" <= after <= "\u9fff" or after in "(《“"):
        return None
    return end


@dataclass
class _Stream:
    """The text from a header's end on, over the lines it spans, page marks taken out: ``text`` as
    written, ``folded`` beside it, and for each character the index of its line."""

    text: str
    folded: str
    origin: list[int]
    lines: list[Line]

    @classmethod
    def build(cls, lines: list[Line], first: int, at: int, header: str) -> _Stream:
        """The stream from ``lines[first]`` at ``at``; the table's header printed again on a later page
        (…2016年12月序号项目内容责任领导…13食品…) is taken out with the page marks."""
        text: list[str] = []
        origin: list[int] = []
        following = fold(lines[first + 1].text) if first + 1 < len(lines) else ""
        bare = not _starts_marked(fold(lines[first].text)[at:] + following)
        for k in range(first, len(lines)):
            if lines[k].cells is not None:
                break
            own = lines[k].text[at:] if k == first else lines[k].text
            if k > first and bare:
                mark = _LINE_PAGE_MARK.match(fold(own))
                if mark is not None:
                    own = own[mark.end() :]
            own = _drop_marks(own, header)
            text.append(own)
            origin += [k] * len(own)
        joined = "".join(text)
        return cls(joined, fold(joined), origin, lines)

    def remainder(self, consumed: int) -> tuple[int, str]:
        """The first line the table leaves whole, and what of the line before it follows the table."""
        if consumed >= len(self.text):
            return (self.origin[-1] + 1 if self.origin else len(self.lines)), ""
        k = self.origin[consumed]
        if consumed == 0 or self.origin[consumed - 1] != k:
            return k, ""  # the table ended with a line
        return k + 1, self.text[consumed : self.line_end(consumed)]

    def line_end(self, at: int) -> int:
        """Where the line holding position ``at`` ends in the stream."""
        k = self.origin[min(at, len(self.origin) - 1)]
        end = at
        while end < len(self.origin) and self.origin[end] == k:
            end += 1
        return end


def _drop_marks(text: str, header: str = "") -> str:
    """``text`` without the page numbers in it (—2—), nor ``header`` printed again."""
    spans, last = [], 0
    marks = _PAGE_MARK.pattern + ("|" + re.escape(header) if header else "")
    for m in re.finditer(marks, fold(text)):
        spans.append(text[last : m.start()])
        last = m.end()
    return "".join([*spans, text[last:]])


def _starts_marked(rest: str) -> bool:
    """True when the table's rows are numbered with a mark (1、 1.), not bare (1增加…)."""
    section = _SECTION.match(rest)
    if section is None:
        # 1推进生态文明建设1、建立…: a group's row, then its first row numbered with a mark
        return bool(re.match(r"1[、.]", rest)) or _group_at(rest, 0, 1) is not None
    return bool(re.match(r"[^\d]{0,40}?1[、.]", rest[section.end() :]))


def _read_rows(stream: _Stream, header: list[str]) -> tuple[list[Line], int, list[tuple[int, str]]] | None:
    """The rows of the table at the start of ``stream``, where the table ends, and the rows (line
    and number) that took the bodies of the row above; None when no row reads."""
    kinds = [column_kind(c) or "" for c in header]
    folded = stream.folded
    out: list[Line] = []
    above: list[str] | None = None
    expected, p = _first_row(folded) or 1, 0
    carried: list[tuple[int, str]] = []
    while p < len(folded):
        section = _section_at(folded, p, expected)
        if section is not None:
            out.append(Line(_number(stream, p), _group_heading(stream.text[p : section[0]].strip())))
            p, expected = section
            continue
        body = _row_number(folded, p, expected)
        if body is None:
            break
        read = _one_row(stream, body, expected, kinds)
        if read is None:
            break
        rows, end = read
        for at, cells in rows:
            if _carried(cells, above, kinds):
                carried.append((_number(stream, at), cells[0]))
            above = cells
            out.append(
                Line(_number(stream, at), "\t".join(c.replace("\n", "、") for c in cells), cells=tuple(cells))
            )
        expected, p = expected + 1, end
    if not out:
        return None
    return out, p, carried


def _carried(cells: list[str], above: list[str] | None, kinds: list[str]) -> bool:
    """Give a row that names nobody the bodies and people of the row above, as a web table prints a
    merged cell once, in the first row it covers (…知识产权处叶龙海2016年12月 / 2引导…2016年12月).
    True when it did."""
    named = [
        k for k, kind in enumerate(kinds) if kind in (*_UNIT_KINDS, "leader") or kind.startswith("other:")
    ]
    if above is not None and any(cells[k] for k in named):
        # a leader's cell merged over rows that have units of their own (江裕森 over 行政许可处…, 消保处…)
        for k, kind in enumerate(kinds):
            if kind == "leader" and not _after_units(k, list(enumerate(kinds))) and not cells[k]:
                cells[k] = above[k]
        return False
    if above is None or not any(above[k] for k in named):
        return False
    for k in named:
        cells[k] = above[k]
    return True


def _number(stream: _Stream, at: int) -> int:
    return stream.lines[stream.origin[min(at, len(stream.origin) - 1)]].number


def _section_at(folded: str, p: int, expected: int) -> tuple[int, int] | None:
    """Where the next row starts, and its number, when a section row (一、主要发展指标) stands at
    ``p``: row ``expected``, or row 1 where each section numbers its rows afresh.  A group's row
    (1推进生态文明建设1、建立…) is one too."""
    m = _SECTION.match(folded, p)
    if m is None:
        group = _group_at(folded, p, expected)
        return None if group is None else (group, expected)
    for q in range(m.end() + 1, min(len(folded), m.end() + 40)):
        if folded[q] in "。;":
            return None
        if _SECTION.match(folded, q) and _section_at(folded, q, expected) is not None:
            return q, expected  # 一、…(一)…1.: a section and its first subsection, two heading rows
        for number in dict.fromkeys((expected, 1)):
            if _row_number(folded, q, number) is not None:
                return q, number
    return None


_GROUP = re.compile(r"(?<!\d)\d{1,2} ?(?=[\u4e00-\u9fff])")
_MAX_GROUP = 40
_GROUP_NAME_CHAR = re.compile(r"[\u4e00-\u9fff、“”《》\d.]")
"""What a group's name and the row number after it are written with: no stop, bracket or colon."""


def _group_at(folded: str, p: int, expected: int) -> int | None:
    """Where row ``expected`` starts after a group's row at ``p``, or None: a table whose 序号 numbers
    groups of rows, each group's number and name printed once, before its first row, and its rows
    numbered on in their own column (1推进生态文明建设1、建立…3月区经发局 … 2分解推动…7、分解细化…)."""
    m = _GROUP.match(folded, p)
    if m is None or folded[m.end()] in _MEASURE or folded[m.end()] == "号":
        return None  # 6月区环土局, 2号): a figure, not a group
    digits = str(expected)
    for q in range(m.end() + 2, min(len(folded), m.end() + _MAX_GROUP)):
        if not _GROUP_NAME_CHAR.match(folded[q]):
            return None
        mark = folded[q + len(digits) : q + len(digits) + 1]
        if folded.startswith(digits, q) and mark in ("、", ".") and not folded[q - 1].isdigit():
            return q if _row_number(folded, q, expected) is not None else None
    return None


def _group_heading(text: str) -> str:
    """A group's row as a heading line (1推进生态文明建设 → 1、推进生态文明建设)."""
    m = re.match(r"(\d{1,2}) ?(?=[\u4e00-\u9fff])", text)
    return text if m is None else f"{m.group(1)}、{text[m.end() :]}"


def _trailing(kinds: list[str]) -> int | None:
    """The text column after the unit columns (任务来源, 绩效指标, 备注), if the table has one."""
    units = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS]
    after = [k for k, kind in enumerate(kinds) if kind == "text" and units and k > units[0]]
    return after[-1] if after else None


def _inner_list(rest: str, expected: int) -> bool:
    """True when a row's trailing cell holds a list numbered from 1 (1、…2、…) and number ``expected``
    would go on that list, not the table's rows."""
    if not re.match(r"\s*1[、.]", rest):
        return False
    numbers = [int(n) for n in re.findall(r"(?<!\d)(\d{1,2})[、.](?!\d)", rest)]
    return numbers == list(range(1, len(numbers) + 1)) and expected == len(numbers) + 1


def _one_row(
    stream: _Stream, body: int, number: int, kinds: list[str]
) -> tuple[list[tuple[int, list[str]]], int] | None:
    """Row ``number``, its text starting at ``body``: its rows (a row and its sub-rows, each with
    where it starts and its cells) and where it ends."""
    folded = stream.folded
    columns = _tail_columns(kinds)
    after_person = bool(columns) and columns[-1][1] == "leader"  # a row may end with a person's name
    trailing = _trailing(kinds) is not None
    for q in _next_row_starts(folded, body, number + 1, after_person=after_person or trailing):
        read = _split_row(folded, body, q, kinds)
        # the row ends with its units, or (merged cells) with a sentence after them, or with the
        # cell of a text column after the units (…区环土局1、平潭综合实验区2016年工作要点…)
        if read is not None and (
            not folded[read[1] : q].strip()
            or (len(read[0]) == 1 and folded[q - 1] == "。")
            or (trailing and len(read[0]) == 1 and not _inner_list(folded[read[1] : q], number + 1))
        ):
            return _cells(stream, _going_on(read[0], q), number, kinds), q
    if trailing:
        # …区交建局区财金局 注:主要责任单位第一个为牵头单位: the last row ends at the first gap after it
        for gap in (m.start() for m in re.finditer(" ", folded[: stream.line_end(body)])):
            read = _split_row(folded, body, gap, kinds) if gap > body else None
            if read is not None:
                return _cells(stream, _going_on(read[0], gap), number, kinds), gap
    # the last row: it ends with the line its units end in; what follows on later lines is no
    # longer the table (a row wrapped over a line or two is read whole)
    end = body
    for _ in range(3):
        end = stream.line_end(end)
        read = _split_row(folded, body, end, kinds)
        if read is not None:
            end = _going_on_end(folded, read[1], stream.line_end(max(body, read[1] - 1)))
            gap = folded.find(" ", read[1], end)
            if trailing and gap != -1:
                end = gap  # …区财金局 注:主要责任单位第一个为牵头单位: the page goes on after a gap
            return _cells(stream, _going_on(read[0], end), number, kinds), end
        if end >= len(folded):
            break
    # …黄剑峰2016年6月 来源:…市场监督管理局 附件下载: the table's last row ends with its date, and the
    # page's own words follow it
    if kinds[-1] == "deadline" or "deadline" in [kind for _, kind in _tail_columns(kinds)[-1:]]:
        for m in _DEADLINE.finditer(folded, body, stream.line_end(body)):
            if m.group() and folded[m.end() : m.end() + 1] in (" ", ""):
                read = _split_row(folded, body, m.end(), kinds)
                if read is not None:
                    return _cells(stream, read[0], number, kinds), m.end()
    return None


def _going_on_end(folded: str, units_end: int, line_end: int) -> int:
    """Where the text going on after the last row's units ends: with the line, or when the line
    goes on far, with the last full stop near the units (what follows is no longer the table)."""
    if line_end - units_end <= _MAX_GOING_ON:
        return line_end
    stop = folded.rfind("。", units_end, units_end + _MAX_GOING_ON)
    return stop + 1 if stop != -1 else units_end


def _going_on(parts: list[_Part], end: int) -> list[_Part]:
    """``parts`` with the text after the last units, up to ``end``, going on the last part's text
    (a merged cell: sentences that have no units of their own)."""
    last = parts[-1]
    return [*parts[:-1], dataclasses.replace(last, more_end=end)]


def _next_row_starts(folded: str, body: int, expected: int, *, after_person: bool) -> list[int]:
    """The places after ``body`` where the next row (or a section row before it) may start: the
    number follows a unit name or a sentence's end and is followed by text."""
    out: list[int] = []
    digits = str(expected)
    limit = min(len(folded), body + _MAX_ROW)
    q = folded.find(digits, body + 1, limit)
    while q != -1:
        if (after_person or _ends_row(folded[body:q])) and _row_number(folded, q, expected) is not None:
            out.append(q)
        q = folded.find(digits, q + 1, limit)
    for m in _SECTION.finditer(folded, body + 1, limit):
        if _ends_row(folded[body : m.start()]) and _section_at(folded, m.start(), expected) is not None:
            out.append(m.start())
    for m in _GROUP.finditer(folded, body + 1, limit):
        if _group_at(folded, m.start(), expected) is not None:
            out.append(m.start())
    return sorted(set(out))


def _ends_row(before: str) -> bool:
    """True when ``before`` ends as a row does: with a unit name, a sentence's end or a date."""
    if before.endswith("。"):
        return True
    base = _without_gloss(before)
    tail = base[-12:]
    return bool(
        is_organisation(tail)
        or _PLACE_END.search(tail)
        or _DEADLINE_END.search(tail)
        or _ROLE_END.search(tail)
    )


def _without_gloss(text: str) -> str:
    """``text`` without the bracket at its end (高新园(邹区镇) → 高新园)."""
    if text.endswith(")") and "(" in text:
        return text[: text.rindex("(")]
    return text


@dataclass
class _Part:
    """One row (or sub-row) inside a row's text: where its text starts and ends, and its other
    cells by column."""

    start: int
    text_end: int
    tail: dict[int, str]
    tail_end: int
    more_end: int = 0
    """Where the text going on after the units ends (a row's last part only)."""


def _split_row(folded: str, body: int, end: int, kinds: list[str]) -> tuple[list[_Part], int] | None:
    """The row in ``folded[body:end]`` as its parts, each a text followed by its person and units,
    and where the last units end.  None when no units follow the text."""
    columns = _tail_columns(kinds)
    if not columns:
        return None
    parts: list[_Part] = []
    start = pos = body
    while pos < end:
        stop = folded.find("。", pos, end)
        if stop == -1:
            break
        tail = _tail(folded, stop + 1, end, columns)
        if tail is None:
            pos = stop + 1
            continue
        cells, after = tail
        parts.append(_Part(start, stop + 1, cells, after))
        start = pos = after
    if parts and start < end and len(parts) > 1:
        # text after the last units: only a row of one part goes on so (merged cells), so the units
        # found in that text were words of it (提升康复辅具社区…)
        parts = parts[:1]
    if parts:
        return parts, parts[-1].tail_end
    if columns[0][1] == "deadline":
        dated_first = _deadline_first(folded, body, end, columns)
        if dated_first is not None:
            return [dated_first], dated_first.tail_end
    # no sentence end before the units (…等先进生产技术市科技局市发展改革委、…): the units are the
    # run of names that ends the row, its first name starting with a level word
    levelled: _Part | None = None
    for x in range(body + 1, end):
        if folded[x] in "省市县区州镇乡各" and folded[x - 1 : x + 1] not in _WORDS_ACROSS:
            tail = _tail(folded, x, end, columns)
            if tail is not None and tail[1] == end:
                levelled = _Part(body, x, tail[0], end)
                break
    # …零的突破王 浩知识产权处叶龙海2016年12月, …入驻平潭2016年12月: a row that ends in a date, its person
    # and units before it or merged into the row above's
    dates = [m for m in _DEADLINE.finditer(folded, body, end) if m.end() == end and m.group()]
    if columns[-1][1] != "deadline" or not dates:
        return ([levelled], end) if levelled is not None else None
    dated = _dated_row(folded, body, end, columns, dates[0].start())
    if levelled is not None and (dated is None or _recurring(folded, levelled.tail) >= dated[0]):
        return [levelled], end  # 建设全区食品安全监管信息数据平台曹承代食品处…: 曹承代 and 食品处 recur
    return ([dated[1]], end) if dated is not None else None


def _deadline_first(folded: str, body: int, end: int, columns: list[tuple[int, str]]) -> _Part | None:
    """The row when its date comes before its units (…领导小组3月区经发局区环土局): after the first date
    that units follow where they end the row, or a gap or a numbered list (a text column's cell)
    follows them; else after the last date that units follow."""
    found: _Part | None = None
    for m in _DEADLINE.finditer(folded, body + 1, end):
        if not m.group():
            continue
        tail = _tail(folded, m.start(), end, columns)
        if tail is None or columns[0][0] not in tail[0]:
            continue
        found = _Part(body, m.start(), tail[0], tail[1])
        rest = folded[tail[1] : end]
        if not rest or rest[0] == " " or re.match(r"1[、.]", rest):
            return found  # the first that ends the row, or a gap or a list of the next cell follows
    return found


def _dated_row(
    folded: str, body: int, end: int, columns: list[tuple[int, str]], start: int
) -> tuple[int, _Part] | None:
    """The best reading of a row's end that ends in a date at ``start``, and how many of its names
    the table gives again; None when neither a person, units nor the date alone read there."""
    # Of the ways to read the row's end, the one whose names the table gives again wins (a merged
    # leader cell: …商事登记制度行政许可处林本勇2016年12月, 行政许可处 and 林本勇 stand in other rows too,
    # 记制度行政许可处 and a leader 商事登 in none); of equal ones, a reading that opens with a person
    # wins, then the one with fewer names the table does not give again, then the earliest.
    unit_columns = [(k, kind) for k, kind in columns if kind != "leader" or _after_units(k, columns)]
    # a person column after the units is filled wherever the units are (叶龙海, 林本勇): units with no
    # person after them are words of the row's text (…建立知识产权服务工作站2016年12月)
    persons_after = [k for k, kind in columns if kind == "leader" and _after_units(k, columns)]
    best: tuple[tuple[int, int, int, int], _Part] | None = None
    for x in range(body + 1, start):
        if folded[x - 1 : x + 1] in _WORDS_ACROSS:
            continue  # 组建检验检测认证中心…: no name starts inside a word
        person = _person(folded, x, end, units_follow=True)
        ways = [(1, columns)] if person is not None and may_be_person(folded[x:person]) else []
        run = _units(folded[x:end])
        if unit_columns != columns and run is not None and any(_recurs(folded, c) for c in run[0]):
            ways.append((0, unit_columns))  # the leader's cell merged into the row above's
        for first, laid in ways:
            tail = _tail(folded, x, end, laid, dated=True)
            if tail is None or tail[1] != end or _person_first(tail[0], columns):
                continue
            if any(not tail[0].get(k) for k in persons_after) or _overlong(tail[0], columns):
                continue
            names = [n for value in tail[0].values() for n in value.split("\n") if len(n) >= 2]
            recurring = _recurring(folded, tail[0])
            key = (recurring, first, recurring - len(names), -x)
            if best is None or key > best[0]:
                best = (key, _Part(body, x, tail[0], end))
    if best is None:
        tail = _tail(folded, start, end, columns, dated=True)  # the date alone: the rest merged above
        if tail is None or tail[1] != end:
            return None
        best = ((0, 0, 0, 0), _Part(body, start, tail[0], end))
    return best[0][0], best[1]


_LONG_UNIT = 10


def _overlong(cells: dict[int, str], columns: list[tuple[int, str]]) -> bool:
    """True when a unit read at a row's end is longer than a body's name with no level word is
    (梢水监控全覆盖卫生监督所): the row's text runs on into it."""
    units = [k for k, kind in columns if kind in _UNIT_KINDS]
    names = [n for k in units for n in cells.get(k, "").split("\n")]
    return any(len(_without_gloss(n)) > _LONG_UNIT and not _LEVEL_START.match(n) for n in names)


def _after_units(k: int, columns: list[tuple[int, str]]) -> bool:
    """True when column ``k`` comes after the first unit column (a person column after the units)."""
    units = [c for c, kind in columns if kind in _UNIT_KINDS]
    return bool(units) and k > units[0]


def _recurring(folded: str, cells: dict[int, str]) -> int:
    """How many of the names in ``cells`` the table's text gives more than once."""
    return sum(1 for value in cells.values() for n in value.split("\n") if _recurs(folded, n))


def _recurs(folded: str, name: str) -> bool:
    """True when the table's text gives ``name`` (of two characters or more) more than once."""
    name = name.replace(" ", "")
    return len(name) >= 2 and _unspaced(folded).count(name) >= 2


@functools.lru_cache(maxsize=8)
def _unspaced(folded: str) -> str:
    """The table's text without its spaces (王 浩 and 王浩 are one name), made once a table."""
    return folded.replace(" ", "")


_WORDS_ACROSS = {"组建", "创建", "筹建", "新建", "建立", "设立", "成立", "城市", "都市", "组织"}
"""Words whose second character may open a name (组建 → 建…, 城市 → 市…): a name never starts there."""


def _person_first(cells: dict[int, str], columns: list[tuple[int, str]]) -> bool:
    """True when the first unit read opens with a person's name (江裕森法规处): the person and the
    unit ran together, and the tail starts later."""
    first = next((cells[k] for k, kind in columns if kind in _UNIT_KINDS and cells.get(k)), "")
    return any(may_be_person(first[:n]) and is_organisation(first[n:]) for n in (2, 3) if len(first) - n >= 3)


def _tail_columns(kinds: list[str]) -> list[tuple[int, str]]:
    """The columns after the row's text, in order: what follows it.  The row's text is the text
    columns before the first unit column; a text column after the units (绩效指标, 任务来源) is not
    one of them: the words after the units are its cell (see :func:`_cells`)."""
    units = [k for k, kind in enumerate(kinds) if kind in _UNIT_KINDS]
    texts = [k for k, kind in enumerate(kinds) if kind == "text" and (not units or k < units[0])]
    if not texts:
        return []
    return [(k, kind) for k, kind in enumerate(kinds) if k > texts[-1] and kind != "text"]


def _tail(
    folded: str, at: int, end: int, columns: list[tuple[int, str]], *, dated: bool = False
) -> tuple[dict[int, str], int] | None:
    """The person, units and date that follow a row's text at ``at``, by column, and where they end;
    None when no units stand there (with ``dated``, a date alone will do: a row whose other cells
    were merged into the row above's)."""
    cells: dict[int, str] = {}
    pos = at
    while pos < end and folded[pos] == " ":
        pos += 1  # …营商环境。 区直各有关单位: a space the copy left where a cell began
    units = [k for k, kind in columns if kind in _UNIT_KINDS or kind.startswith("other:")]
    read_units = False
    for k, kind in columns:
        if kind == "leader":
            people = _people(folded, pos, end, units_follow=not read_units)
            if people is not None:
                cells[k] = "\n".join(people[0])
                pos = people[1]
        elif k in units:
            if read_units:
                continue
            if _role_sentence(folded[pos:end]):
                # A、B牵头;C配合;D落实: the cell says each body's role in words
                cells[units[0]], pos, read_units = folded[pos:end], end, True
                continue
            run = _units(folded[pos:end])
            if run is None and dated:
                continue
            if run is None or _SUBJECT.match(folded, pos + run[1]):
                return None  # 地方各级政府应当…: the subject of the row's next sentence
            chunks, length = run
            _lay(cells, units, chunks)
            pos += length
            read_units = True
        elif kind == "deadline":
            m = _DEADLINE.match(folded, pos, end)
            if m is not None and m.group():
                cells[k] = m.group()
                pos = m.end()
    if not read_units and not (dated and any(kind == "deadline" for k, kind in columns if k in cells)):
        return None
    return cells, pos


_SUBJECT = re.compile(r"(应当|应|要|须|必须|可以|可|要求)[\u4e00-\u9fff]")
"""What follows a body that opens a sentence of the row's text, not the row's units."""
_ROLE_END = re.compile(r"(牵头|配合|落实|负责|参与|协助|协办|主办|承办)$")
"""How a cell ends that says its bodies' roles in words (…牵头;…配合;各州(市)党委和政府落实)."""


def _role_sentence(text: str) -> bool:
    """True when ``text`` is a cell that names bodies and their roles and nothing else."""
    if not _ROLE_END.search(text) or "。" in text:
        return False
    said = parse_assignment(text)
    return said.unread == 0 and bool(said.leads or said.participants or said.responsible)


def _people(folded: str, at: int, end: int, *, units_follow: bool) -> tuple[list[str], int] | None:
    """The persons' names at ``at`` and where they end: one name, or several run together in one
    cell (王 浩江裕森曹承代市场规范处…, 叶 峰陈功琳陈国清2016年12月), each after the first opening with
    a surname; a space may stand between two (江裕森 曹承代)."""
    first = _person(folded, at, end, units_follow=units_follow)
    if units_follow:
        if first is None:
            return None
        names, pos = [folded[at:first]], first
        while True:
            gap = pos + 1 if folded.startswith(" ", pos) else pos
            more = _person(folded, gap, end, units_follow=True)
            if more is None or not may_be_person(folded[gap:more].replace(" ", "")):
                return names, pos
            if more - gap == 2 and not _recurs(folded, folded[gap:more]):
                return names, pos  # 何海平文体旅局: a second name of two characters only where it recurs
            names.append(folded[gap:more])
            pos = more
    if first is not None and may_be_person(folded[at:first].replace(" ", "")):
        return [folded[at:first]], first
    stops = [m.start() for m in _DEADLINE.finditer(folded, at, end) if m.end() == end and m.group()]
    for stop in [*stops, end]:
        names = _names_only(folded[at:stop])
        if names:
            return names, stop
    return None


def _names_only(text: str) -> list[str]:
    """``text`` cut into two or more persons' names run together, each opening with a surname: two
    or three characters, or two with a space between (叶 峰陈功琳陈国清); [] when it is not so."""
    cut: list[list[str] | None] = [[]] + [None] * len(text)
    for i in range(len(text)):
        before = cut[i]
        if before is None:
            continue
        j = i + 1 if text[i] == " " and before else i  # 江裕森 曹承代: a space between two names
        for n in (3, 2):
            name = text[j : j + n]
            spaced = n == 3 and bool(_SPACED_PERSON.fullmatch(name))
            fits = j + n <= len(text) and (spaced or bool(_PERSON.fullmatch(name)))
            if fits and may_be_person(name.replace(" ", "")) and cut[j + n] is None:
                cut[j + n] = [*before, name]
    found = cut[len(text)]
    return found if found is not None and len(found) >= 2 else []


_MIN_PADDED = 3


@functools.lru_cache(maxsize=64)
def _pads_names(folded: str) -> bool:
    """True when the table pads its persons' names of two characters with a space (王 浩, 叶 峰,
    陈 榕): three such names or more."""
    spaced = _SPACED_PERSON.findall(folded)
    return sum(1 for name in spaced if may_be_person(name.replace(" ", ""))) >= _MIN_PADDED


def _person(folded: str, at: int, end: int, *, units_follow: bool) -> int | None:
    """Where a person's name (何海平, 张菁) at ``at`` ends: two or three characters.  Before units, of
    the two lengths the one after which the units read as more whole names wins (张菁|民政局, not
    张菁民|政局…), three on a tie; after the units, the name ends the row or comes before a date."""
    best: tuple[int, tuple[int, int]] | None = None
    for n in (3, 2):
        name = folded[at : at + n]
        if " " in name:  # 王 浩, 叶 峰: a table pads a name of two characters with a space
            if not _SPACED_PERSON.fullmatch(name):
                continue
        elif not _PERSON.fullmatch(name) or (n == 2 and _pads_names(folded) and not _recurs(folded, name)):
            continue  # …电梯应急处置…: where the table pads two-character names, 应急 is none
        if at + n > end or is_organisation(name) or _PLACE_END.search(name) or _LEVEL_START.match(name):
            continue  # 区省知…: a level word opens a body's name, never a person's
        if not units_follow:
            if at + n == end or _DEADLINE.match(folded, at + n, end):
                return at + n
            continue
        gap = 1 if folded.startswith(" ", at + n) else 0  # 江裕森 曹承代行政许可处: a second person
        run = _run(folded[at + n + gap : end], 0)
        if run is not None and (best is None or run[1:3] > best[1]):
            best = (at + n, run[1:3])
    return best[0] if best is not None else None


def _lay(cells: dict[int, str], columns: list[int], chunks: list[str]) -> None:
    """Units into the unit columns: names run together start a new cell; the first cell is the
    first column's.  When a later cell lists names with 、, the cells before it all belong to the
    first column (两个牵头单位各占一行) and that list starts the next."""
    if len(columns) == 1:
        cells[columns[0]] = "\n".join(chunks)
        return
    listed = next((n for n, c in enumerate(chunks) if n and _has_separator(c)), None)
    if listed is not None:
        groups = [chunks[:listed], *[[c] for c in chunks[listed:]]]
    else:
        groups = [[c] for c in chunks]
    for n, column in enumerate(columns):
        if n >= len(groups):
            break
        take = groups[n:] if n == len(columns) - 1 else [groups[n]]
        cells[column] = "\n".join(c for g in take for c in g)


def _has_separator(chunk: str) -> bool:
    depth = 0
    for ch in chunk:
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in _SEPARATORS:
            return True
    return False


def _units(text: str) -> tuple[list[str], int] | None:
    """The names at the start of ``text``: the cells they make (names run together start a new cell)
    and how far they reach; None when no name starts there."""
    best = _run(text, 0)
    if best is None:
        return None
    reach, _, _, steps = best
    chunks: list[str] = []
    start = 0
    for a, glued in steps:
        if glued and a > start:
            chunks.append(text[start:a])
            start = a
    chunks.append(text[start:reach])
    return chunks, reach


_RunFound = tuple[int, int, int, tuple[tuple[int, bool], ...]]
"""A run of names: how far it reaches, how many of its names start with a level word (市, 县, 各),
how many names, and where each name after the first starts (and whether it is run together with
the one before)."""


@functools.lru_cache(maxsize=4096)
def _run(text: str, at: int) -> _RunFound | None:
    """The best run of names from ``at``: the furthest reach wins, then the most names that start
    with a level word (县政府办公室|县委宣传部, not 县政府办|公室县委|宣传部), then the most names."""
    best: _RunFound | None = None
    depth = 0
    level = 1 if _LEVEL_START.match(text, at) else 0
    for n in range(1, _MAX_UNIT + 1):
        j = at + n
        if j > len(text):
            break
        ch = text[j - 1]
        depth += (ch == "(") - (ch == ")")
        if depth < 0 or ch.isdigit() or ch in "。: " or (depth == 0 and ch in _SEPARATORS):
            break  # 第四季度:进行…, 知识产权处 年内…: a colon or a space ends a run of names
        glued = at > 0 and text[at - 1] not in _SEPARATORS and text[at - 1] not in _DIVISION_END
        if depth or not _plausible(text[at:j], glued=glued):
            continue
        # names never end just before a full stop: what a full stop ends is text (…整治老街道路。)
        options: list[_RunFound] = [] if _FRAGMENT.match(text, j) else [(j, level, 1, ())]
        if j < len(text) and text[j] in _SEPARATORS:
            after = _run(text, j + 1)
            if after is not None:
                options.append((after[0], after[1] + level, after[2] + 1, ((j + 1, False), *after[3])))
        # 各乡|镇人民政府: a group of two characters takes no name run onto it (各乡镇人民政府)
        after = None if _GROUP_PLACE.fullmatch(text[at:j]) else _run(text, j)
        if after is not None:
            options.append((after[0], after[1] + level, after[2] + 1, ((j, True), *after[3])))
        for option in options:
            if best is None or option[:3] > best[:3]:
                best = option
    return best


def _plausible(name: str, *, glued: bool) -> bool:
    """True for text that reads as one body's name: it ends as a body or a place does, has no
    figures, does not start with a verb, and a piece that belongs to the name before it
    (管委会, 青山分局) does not stand alone where it follows another name."""
    base = _without_gloss(name)
    if not base or base.startswith("(") or ("(" in base and ")" not in base):
        return False
    grouped = base.endswith(("单位", "部门", "机构")) and (base.startswith("各") or is_vague(base))
    grouped = grouped or bool(_VILLAGES.fullmatch(base))  # 各行政村(社区), 各村居: the villages
    if _GROUP_PLACE.fullmatch(base) or (grouped and not (glued and _ATTACHED.search(base))):
        return True  # 各镇; 各区属事业单位; 区直各有关单位, the bodies the table names as a group
    if (len(base) < 3 and base not in _SHORT_BODIES) or base[0] in _ENDING_ONLY:
        return False  # 局晋陵公司: 文体旅|局 is one name, cut in the wrong place
    if base.count("“") != base.count("”") or re.search(r"(相关|有关)[省市县区镇乡村]$", base):
        return False  # “立项挂牌办, 相关乡|镇人民政府: pieces of words, not names
    if WORK_START.match(base) or (glued and _ATTACHED.search(base)) or base.startswith(("级", "直")):
        return False  # …级, …直 go on a level word (各县|级公立医院 is 各县级公立医院)
    if _DEADLINE.search(base) or _RUN_VERB_END.search(base):
        return False  # …管理局常年: the time column after the names
    return bool(is_organisation(base) or _PLACE_END.search(base))


def _cells(stream: _Stream, parts: list[_Part], number: int, kinds: list[str]) -> list[tuple[int, list[str]]]:
    """Each part of a row as the table's cells: its number, its text in the first text column, its
    person, units and date in theirs."""
    text_at = kinds.index("text")
    trailing = _trailing(kinds)
    out: list[tuple[int, list[str]]] = []
    for part in parts:
        cells = [""] * len(kinds)
        if kinds[0] == "number":
            cells[0] = str(number)
        going_on = stream.text[part.tail_end : part.more_end]
        if trailing is not None:
            cells[trailing], going_on = going_on.strip(), ""  # 任务来源: its own cell, not the task's
        cells[text_at] = (stream.text[part.start : part.text_end] + going_on).strip()
        for column, value in part.tail.items():
            cells[column] = value
        out.append((part.start, cells))
    return out
