"""Lines as the file broke them, put back as the plan wrote them.

- **Collapsed**: a web page saved with every paragraph on one line (``… 一、王丹县长牵头重点工作
  1.全县生产总值增长7.5%左右。 责任单位:县发改局 2.落实…``) is cut back into lines before each outline
  marker or role label that follows a space, when a long line holds several of them; a page with
  no breaks or spaces at all is cut where a section opens right after a stop (``如下:一、…``).
  The pieces keep the line's number: they are that line of the file.
- **Paged**: a page number the copy kept on a line of its own (``- 1 -``) is dropped; where it
  cut a list or a sentence (``…配合市文明办、`` / ``- 1 -`` / ``经发中心、热线办,…``), the two
  halves are joined again.
- **Split before its bracket**: a line that opens with an assignment bracket (``(市国土房管局牵头)
  主要污染物…``) closes the sentence the line before ended: the two are one line.
- **Labels set out letter by letter** (``组     长:``) are closed up (``组长:``).
- **Labels on lines of their own**: ``责任单位`` / ``卫健局、文旅局`` / ``配合单位`` / ``各乡镇``, each
  label alone on its line and its value on the next, read as ``责任单位:卫健局、文旅局`` — never
  inside a table's header, where one header word follows another.
- **Bodies' blocks**: a list of each body's duties that names each body alone on a line
  (``市建设局`` / ``(一)在工地设立…`` / ``(二)…``) is read as ``市建设局:(一)在工地设立…(二)…``, one
  line a body, when two or more bodies are named so.
- **Wrapped**: a labelled list that a PDF or a fixed-width copy wrapped (``协办单位:区委编办、园区党工``
  / ``委、各街道党工委``) is joined with its continuation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from matrix.model import Line
from matrix.parsers.brackets import outer_groups
from matrix.parsers.names import FUNCTION_BODY, department_like, is_organisation, is_vague, parse_names
from matrix.parsers.run_together import WORK_START
from matrix.parsers.table import column_kind, is_spaced_header, read_header, spaced_words
from matrix.text.normalize import fold, is_page_mark
from matrix.text.outline import find_marker
from matrix.text.roles import DUTY_SECTION_WORDS, LabelKind, find_labels, read_label

_LONG = 150
_MIN_CUTS = 3
_GAP = re.compile(r"\s+(?=\S)")


def _cut_here(folded: str, at: int) -> bool:
    rest = folded[at:]
    marker = find_marker(rest)
    if marker is not None and marker.level <= 3:
        return True
    labels = find_labels(rest[:20])
    return bool(labels) and labels[0].start == 0 and labels[0].label is not None


_STOP = re.compile(r"[。:;]")
_ASSIGNED = re.compile(r"(牵头|负责|参与|配合|参加|落实)\)")
"""An assignment bracket's end (…按职责分工负责)): the item ends there as at a stop."""


def _section_here(folded: str, at: int) -> bool:
    marker = find_marker(folded[at:])
    return marker is not None and marker.level <= 1  # 一、 or (一): never 2、, which may be a page mark


def _item_here(folded: str, at: int) -> bool:
    marker = find_marker(folded[at:])
    return marker is not None and marker.level == 2  # 1、 or 1.


def _in_sequence(folded: str, cuts: list[int]) -> bool:
    """True for two or more cuts whose markers number an outline in order (``…意见: 一、… 1.…``,
    ``… (一)… (二)…``): each the first of its level or the next after the one before it, so that
    fewer than :data:`_MIN_CUTS` cuts still show collapsed paragraphs, not chance spacing."""
    markers = [find_marker(folded[at:]) for at in cuts]
    if len(markers) < 2:
        return False
    seen: dict[int, int] = {}  # level → the last value met at that level
    for marker in markers:
        if marker is None or marker.value != seen.get(marker.level, 0) + 1:
            return False
        seen = {level: value for level, value in seen.items() if level < marker.level}
        seen[marker.level] = marker.value
    return True


_NUMBERED = re.compile(
    # 4. 清理规范中介服务: a space may follow the number's dot
    r"[一二三四五六七八九十]{1,3}、|[—－]、(?=[\u4e00-\u9fff])|\([一二三四五六七八九十]{1,3}\)"
    r"|(?<![\d.])\d{1,2}[、.] ?(?=[\u4e00-\u9fff(《“])"
)
_AFTER_STOP = re.compile(r"[。:;!?)\s]$")
_SKIPPED = 2
_TITLE_END = re.compile(r"(清单|方案|要点|计划|意见|通知|办法|细则)$")
"""A document's title ends here, and its first section may follow with no stop (…责任清单一、…)."""


def _numbered_run(folded: str) -> list[int]:
    """Where a text with no breaks and no stops between its items opens each section (一、), item
    ((一)) and numbered item (1.): the markers that number one outline in order, each the first of
    its level under the one above or the next after the last (a plan may number its items on
    through its sections).  A section must follow a stop or a body's name (…区经济发展局二、…), so
    that 统一、 or 之一、 inside a sentence opens none."""
    cuts: list[int] = []
    expected: dict[int, int] = {}
    last: dict[int, int] = {}  # items numbered on through the sections (二、… 6.…) follow these
    for m in _NUMBERED.finditer(folded):
        marker = find_marker(folded[m.start() :])
        if marker is None or marker.level > 2:
            continue
        before = folded[max(0, m.start() - 12) : m.start()]  # a stop or a body's name ends here
        stop = bool(_AFTER_STOP.search(before))
        # after a stop, a section number the plan skipped ((三) then (六)) still opens the next one;
        # never 1. then 3. (a page mark 2、 is one)
        skipped = stop and marker.level in last and marker.level < 2
        skipped = skipped and 0 < marker.value - expected.get(marker.level, 1) <= _SKIPPED
        named = is_organisation(re.split(r"[、,;]", before)[-1])  # …,区农业农村中心二、
        # …区经发局经信处三、保障措施(一)夯实…: a section number the plan wrote twice, its items
        # numbered afresh from (一) right after its heading
        again = marker.level == 0 and marker.value == last.get(0) and (stop or named)
        again = again and bool(_FIRST_ITEM.match(folded, m.end() + _heading_length(folded, m.end())))
        if marker.value not in (expected.get(marker.level, 1), last.get(marker.level, 0) + 1) and not (
            skipped or again
        ):
            continue
        # …铁路沿线各村四、工作要求(一)提高…: a section whose heading opens its items right away
        heads = marker.level == 0 and _heading_length(folded, m.end()) > 0
        if marker.level == 0 and before and not (stop or named or heads or _TITLE_END.search(before)):
            continue
        cuts.append(m.start())
        expected = {level: value for level, value in expected.items() if level < marker.level}
        expected[marker.level] = marker.value + 1
        last[marker.level] = marker.value
    return [at for at in cuts if at > 0]


_FIRST_ITEM = re.compile(r"\([一二三四五六七八九十]{1,3}\)")
_HEADING_REACH = 80
_FIRST_OF_ITEMS = re.compile(r"\(一\)")


def _heading_length(folded: str, at: int) -> int:
    """How long the words of a section's heading at ``at`` run before its first item ((一)), or 0."""
    m = _FIRST_OF_ITEMS.search(folded, at, at + _HEADING_REACH)
    return m.start() - at if m is not None and not _STOP.search(folded, at, m.start()) else 0


def _first_items(folded: str, cuts: list[int]) -> list[int]:
    """Where a section's first item runs into its heading with no stop between (一、把…结合起来,
    提高…精准性(一)研究将…; 二、…条件(四)进一步…): after each section cut at 一、, the first (一)
    within a heading's length."""
    out: list[int] = []
    for at in cuts:
        marker = find_marker(folded[at:])
        if marker is None or marker.level != 0:
            continue
        m = _FIRST_ITEM.search(folded, at + marker.end, at + _HEADING_REACH)
        if m is not None and not _STOP.search(folded, at, m.start()) and "。" not in folded[at : m.start()]:
            out.append(m.start())
    return out


_LOST_SPACE = re.compile(r"\?(?=\s*(\||$))|(?<=[\u4e00-\u9fff\s])\?(?=\s*[\u4e00-\u9fff])")
"""A ``?`` that stands for a space a copy could not encode: at a cell's or line's end, or between
characters (沈 ?昱)."""


def restore_lost_spaces(lines: list[Line]) -> list[Line]:
    """``lines`` with the ``?`` a copy put for every non-breaking space turned back into spaces,
    when most lines end with one (序号? | 重点工作任务? |): a single ``?`` ending a question stays."""
    texts = [line.text.rstrip() for line in lines if line.cells is None and line.text.strip()]
    marked = sum(1 for text in texts if text.endswith(("?", "?|", "? |")))
    if not texts or marked * 2 < len(texts):
        return lines
    return [
        line if line.cells is not None else Line(line.number, _LOST_SPACE.sub(" ", line.text), line.cells)
        for line in lines
    ]


_MIN_BARS = 8
_BARS = re.compile(r"^\s*\|[|\s]*$")
_NAME_LINE = re.compile(r"^[\u4e00-\u9fff](\s*[\u4e00-\u9fff]){1,3}$")


def join_barred_cells(lines: list[Line]) -> list[Line]:
    """``lines`` with a table copied one cell a run of lines, a line holding only ``|`` between
    cells (完成2022年度 / 乡村振兴示范村建设 / | / …), put back one cell a line: the lines between
    two bars are one cell's wrapped text, joined.  The line before the first bar is the first
    cell; what follows the last bar is left as it is.  Left alone unless such bars are many."""
    bars = [k for k, line in enumerate(lines) if line.cells is None and _BARS.match(line.text)]
    if len(bars) < _MIN_BARS:
        return lines
    barred = set(bars)
    if any(line.text.rstrip().endswith("|") for k, line in enumerate(lines) if k not in barred):
        return lines  # 教育局 | / 2所 |: each cell carries its own border, so a bare bar is an empty cell
    out = list(lines[: bars[0] + 1])
    for a, b in itertools.pairwise(bars):
        cell = [line for line in lines[a + 1 : b] if line.text.strip()]
        if cell and all(_NAME_LINE.match(line.text.strip()) for line in cell):
            out.extend(cell)  # 王 嵘 / 方 勇: people one a line, read one by one
        elif len(cell) > 1 and all(is_organisation(line.text.strip()) for line in cell):
            # 产业科 / 市畜牧中心 / 市农技中心: bodies one a line in one cell, a list
            out.append(Line(cell[0].number, "、".join(line.text.strip() for line in cell)))
        elif cell:
            out.append(Line(cell[0].number, "".join(line.text.strip() for line in cell)))  # wrapped
        out.append(lines[b])  # the bar stays: a table reader takes it for the border it is
    out.extend(lines[bars[-1] + 1 :])
    return out


def join_split_rows(lines: list[Line]) -> list[Line]:
    """``lines`` with a row typed with ``|`` that a copy broke before a cell (``工作任务 | 具体要求`` /
    ``| 责任单位 |``) joined again: the first half ends in no bar, the second opens with one."""

    def split(previous: Line, line: Line) -> bool:
        return (
            "|" in previous.text
            and not previous.text.rstrip().endswith("|")
            and line.text.lstrip().startswith("|")
            # one cell carried over (| 责任单位 |), not a row whose first cells are empty (||牵头单位|…)
            and sum(1 for cell in line.text.split("|") if cell.strip()) == 1
        )

    return _join_onto_previous(lines, split, " ")


def _join_onto_previous(lines: list[Line], joins: Callable[[Line, Line], bool], gap: str) -> list[Line]:
    """``lines`` with each line of text that ``joins(previous, line)`` accepts put at the end of the
    line before it (``gap`` between them), the pair keeping the first line's number."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and previous.cells is None and line.cells is None and joins(previous, line):
            out[-1] = Line(previous.number, previous.text.rstrip() + gap + line.text.strip())
            continue
        out.append(line)
    return out


_NUMBER_HEAD = re.compile(r"(项目)?编号|序号|序列|号")
_HEADER_WORDS = 14
"""How many words a table's header typed on a page's one line may hold."""
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]")


def _table_in_line(text: str) -> list[str] | None:
    """A page stored on one line that holds a task table typed with single spaces (``…汇总表 序号
    项目名称 … 责任单位 负责事项 一、… 1 台湾… 区财政金融局 … 2 海峡证券项目 …``): the text before the
    header, the header, and each section heading and row, cut where the rows' bare numbers run in
    order (1, 2, 3 …) and where the sections' numbers do.  None when the line holds no such table.
    The rows keep their spaces for the table reader to lay into columns (:func:`fit_spaced`)."""
    if not _NUMBER_HEAD.search(text):
        return None  # no 序号 column: no header typed here
    words = list(re.finditer(r"\S+", text))
    for k, word in enumerate(words):
        if not _NUMBER_HEAD.fullmatch(word.group()) or column_kind(word.group()) != "number":
            continue
        # the header runs to the first row's number or the first section's
        reach = range(3, min(_HEADER_WORDS, len(words) - k - 1))
        width = next((w for w in reach if _opens_rows(words[k + w].group())), 0)
        if not width or not is_spaced_header(" ".join(m.group() for m in words[k : k + width])):
            continue
        header = [m.group() for m in words[k : k + width]]
        cuts = _row_cuts(words[k + width :], dated=column_kind(header[-1]) == "deadline")
        if len(cuts) < _MIN_CUTS:
            continue
        bounds = [words[k].start(), words[k + width].start(), *cuts[1:], len(text)]
        pieces = [text[: words[k].start()], *(text[a:b] for a, b in itertools.pairwise(bounds))]
        return [p.strip() for p in pieces if p.strip()]
    return None


def _opens_rows(word: str) -> bool:
    """True for the word a table's first row or first section heading opens with (1, 一、…)."""
    marker = find_marker(fold(word))
    return word == "1" or (marker is not None and marker.level <= 1 and marker.value == 1)


_DATE_WORD = re.compile(
    r"(\d{4}年)?\d{1,2}月(\d{1,2}日)?(上旬|中旬|下旬|底|末)?(前|以前|之前)?|\d{4}年(底|内)?(前)?"
)


def _row_cuts(words: list[re.Match[str]], *, dated: bool = False) -> list[int]:
    """Where the rows and section headings after a header typed on one line start: at each bare
    number that is the next row's (its next word a cell of text, not a figure or a person) and at
    each section number in order.  With ``dated`` (the header ends with its time column), a row's
    date followed by more text starts a sub-row of the same number (…各村居 2022年4月20日前 对独居老人…)."""
    cuts: list[int] = []
    row = 1
    sections: dict[int, int] = {}  # level → the next section number there
    for k, word in enumerate(words):
        text = word.group()
        after = words[k + 1].group() if k + 1 < len(words) else ""
        sub_row = dated and bool(cuts) and bool(_DATE_WORD.fullmatch(text)) and k + 1 < len(words)
        if sub_row and len(_CJK_RUN.findall(after)) >= 4 and not find_marker(fold(after)):
            cuts.append(words[k + 1].start())
        if text == str(row) and len(_CJK_RUN.findall(after)) >= 4:
            cuts.append(word.start())
            row += 1
            continue
        marker = find_marker(fold(text))
        if marker is not None and marker.level <= 1 and marker.value == sections.get(marker.level, 1):
            cuts.append(word.start())
            sections = {level: value for level, value in sections.items() if level < marker.level}
            sections[marker.level] = marker.value + 1
    return cuts


_SENTENCE_GAP = re.compile(r"。\s+(?=\S)")


def _after_labelled(folded: str, cuts: list[int]) -> list[int]:
    """Where the next paragraph starts after each labelled sentence that a cut opens (``部门分工:
    省农业农村厅牵头,各地配合。 大力推进…``): at the gap after its stop, before the next cut.  An
    unnumbered item of a collapsed page starts there."""
    out: list[int] = []
    for at, end in itertools.pairwise([*cuts, len(folded)]):
        if find_marker(folded[at:]) is not None:
            continue
        gap = _SENTENCE_GAP.search(folded, at, end)
        if gap is not None and gap.end() < end:
            out.append(gap.end())
    return out


_ENTRY = re.compile(r"(?<=[。;:])\s*(?P<name>[^,;。:()“”\s]{2,30}?):(?=\S)")
"""An entry of bodies and their duties after a stop (。区财政局:负责…)."""
_MIN_ENTRIES = 2
_TIME_AFTER = re.compile(r"(完成|办结)?(时限|时间|期限)$")


def _duty_entries(folded: str) -> list[int]:
    """Where each entry of a list of bodies' duties starts on a page that lost its breaks
    (``…工作职责:区交通与建设局:负责…。区经济发展局:会同…。区财政金融局:负责…``): after a stop, the
    bodies' names and a colon.  Each entry is its bodies' paragraph."""
    out: list[int] = []
    for m in _ENTRY.finditer(folded):
        names = m.group("name").split("、")
        if _TIME_AFTER.search(names[-1]):
            continue  # 责任单位:区直各部门、各乡镇完成时限:…: a label's value and the next label
        bodies = all(
            is_organisation(n) or (n.startswith("各") and len(n) >= 3) or FUNCTION_BODY.match(n)
            for n in names
        )
        if bodies and read_label(m.group("name")) is None:  # 责任处室: is a label, not a body
            out.append(m.start("name"))
    return out


def unfold(lines: list[Line]) -> list[Line]:
    """``lines`` with every long line that holds several collapsed paragraphs cut back into them,
    and a task table typed on a page's one line cut into its header and rows."""
    out: list[Line] = []
    for line in lines:
        if line.cells is None and len(line.text) < _LONG:
            # 四、部门职责教育部门:组织…: a short line whose heading runs into the first body's duties
            heads = _duty_stretches(fold(line.text), 0, len(line.text))
            bounds = [0, *heads, len(line.text)] if heads else []
            out.extend(Line(line.number, line.text[a:b].strip()) for a, b in itertools.pairwise(bounds))
            if heads:
                continue
        if line.cells is not None or len(line.text) < _LONG:
            out.append(line)
            continue
        if line.text.count("|") >= 2 or "\t" in line.text:
            out.append(line)  # a table row typed with | or tabs: its cells hold items 1. 2. of their own
            continue
        table = _table_in_line(line.text)
        if table is not None:
            out.extend(unfold([Line(line.number, table[0])]))  # the notice before the table
            out.extend(Line(line.number, piece) for piece in table[1:])
            continue
        folded = fold(line.text)
        cuts = [m.end() for m in _GAP.finditer(folded) if _cut_here(folded, m.end())]
        spaced = len(cuts) >= _MIN_CUTS or _in_sequence(folded, cuts)
        if spaced:
            cuts = sorted({*cuts, *_after_labelled(folded, cuts)})
        if not spaced:
            # a page that lost every line break: 安排如下:一、严格监管执法… / 。(二)加强…
            stops = [*_STOP.finditer(folded), *_ASSIGNED.finditer(folded)]
            cuts = [m.end() for m in stops if _section_here(folded, m.end())]
            cuts = sorted({*cuts, *_first_items(folded, cuts)})
            # …展销活动。1、此项活动由… 2、由…牵头: numbered items after stops, when with the
            # sections they number one outline in order (a page mark 2、 falls out of order)
            items = sorted({*cuts, *(m.end() for m in stops if _item_here(folded, m.end()))})
            if len(items) > len(cuts) and _in_sequence(folded, items):
                cuts = items
            # …制定如下措施。一、促进公平竞争1.坚持…责任单位:区经济发展局2.全面落实…: a page that
            # lost its breaks and the stops between items, cut where the outline's numbers run in order
            numbered = _numbered_run(folded)
            if len(numbered) >= _MIN_CUTS:
                cuts = sorted({*cuts, *numbered})
        else:
            # a page whose few gaps stand in its debris (时间:… 微信 微博) or before a heading or two,
            # its items run on with no break: the outline's numbers cut it where the gaps do not
            numbered = _numbered_run(folded)
            if len(numbered) >= _MIN_CUTS and len(numbered) > 2 * len(cuts):
                cuts = sorted({*cuts, *numbered})
        entries = _duty_entries(folded)
        if len(entries) >= _MIN_ENTRIES:
            cuts = sorted({*cuts, *entries})
        rows = _unit_rows(folded)
        if len(rows) >= _MIN_CUTS and len(rows) > 2 * len(cuts):
            cuts = sorted({*cuts, *rows})
        if not cuts or (not spaced and len(cuts) < _MIN_CUTS and _GAP.search(folded)):
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        bounds = sorted(
            {*bounds, *(c for a, b in itertools.pairwise(bounds) for c in _duty_stretches(folded, a, b))}
        )
        out.extend(
            Line(line.number, line.text[a:b].strip())
            for a, b in itertools.pairwise(bounds)
            if line.text[a:b].strip()
        )
    return out


_UNITS_AFTER = re.compile(r"(?<=[。;])\s*(?=[省市县区][^。;,:]{1,40}?牵头)")
"""Where a row's units stand after its text's last stop (…项目。区经发局牵头,区交建局、…)."""
_NAME_REACH = 16
_LEAD_GOES_ON = re.compile(r"(单位|部门|负责|的|抓总)")
"""What may follow 牵头 in the lead's own clause (牵头负责, 牵头单位): no next row starts there."""


def _body(name: str) -> bool:
    """True for a body's name or a group of bodies (区直有关单位) that may close a row's list."""
    return is_organisation(name) or (is_vague(name) and name.endswith(("单位", "部门")))


def _unit_rows(folded: str) -> list[int]:
    """Where each row ends in a table whose cells ran together with no separator at all (…项目。
    区经发局牵头,区交建局、电力公司创新应用…): after the last body of the list that follows its
    lead, where the next row's text runs on."""
    cuts: list[int] = []
    for m in _UNITS_AFTER.finditer(folded):
        at = folded.index("牵头", m.end()) + 2
        if not folded.startswith(",", at):
            if _CJK_RUN.match(folded, at) and not _LEAD_GOES_ON.match(folded, at):
                # 区环土局牵头实施火电…, 区交建局牵头畜禽养殖污染…: the lead alone, the next row's
                # work or the next issue
                cuts.append(at)
            continue
        at += 1
        while True:
            comma = folded.find("、", at, at + _NAME_REACH)
            if comma > at and is_organisation(folded[at:comma]):
                at = comma + 1  # …区交建局、: a body, and the list goes on
                continue
            ends = [
                at + n
                for n in range(2, min(_NAME_REACH, len(folded) - at - 1))
                if _body(folded[at : at + n]) and _CJK_RUN.match(folded, at + n)
            ]
            # 社会事业局抓好科学发展…: the longest name the next row's work follows, else the shortest
            working = [e for e in ends if WORK_START.match(folded[e : e + _NAME_REACH])]
            if working or ends:
                cuts.append(working[0] if working else ends[0])  # 电力公司创新应用…: the next row
            break
    if cuts:
        header = None
        for h in _TITLE_HEADER.finditer(folded, 0, cuts[0]):
            header = h
        if header is not None and column_kind(header.group("role")) in ("lead", "participant", "responsible"):
            cuts.insert(0, header.end())  # …任务分解表 存在问题整改目标和措施责任单位投资增长…: the header
    return cuts


_TITLE_HEADER = re.compile(
    r"表\s*[\u4e00-\u9fff]{2,30}?(?P<role>[\u4e00-\u9fff]{2}(单位|部门))(?=[\u4e00-\u9fff])"
)
"""A table's title and its header run together, then its first row (…分解表 存在问题…责任单位投资…)."""


_DUTY_HEADING = re.compile(
    r"\s*(\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)\s*"
    f"({'|'.join(DUTY_SECTION_WORDS)})(?=[^:。]{{4}})"
)
_DUTY_SENTENCE = re.compile(
    r"(?<=[。;:])\s*(?P<names>[^,;。:()“”\s]{2,30}?)"
    r"(?=在[^,;。]{2,20}(指导|领导|统筹)下|负责|协助|配合|牵头|要)"
)


_HEADED_ENTRY = re.compile(r"(?P<name>[^,;。:()“”\s]{2,12}):")


def _duty_stretches(folded: str, start: int, end: int) -> list[int]:
    """Where each body's stretch starts in a section of duties that a page without breaks ran
    together (…(二)职责分工片区各成员…具体如下:农业农村处在区农业农村局的指导下…。交通与建设处在…。
    资源生态处负责…): after the heading's words, and at each sentence that opens with bodies and their
    part; [] where fewer than two such sentences stand in the section."""
    heading = _DUTY_HEADING.match(folded, start, end)
    if heading is None:
        return []
    entry = _HEADED_ENTRY.match(folded, heading.end(), end)
    if entry is not None and (
        FUNCTION_BODY.match(entry.group("name")) or is_organisation(entry.group("name"))
    ):
        return [heading.end()]  # 四、部门职责教育部门:组织…: the heading, then the first body's duties
    found = []
    for m in _DUTY_SENTENCE.finditer(folded, heading.end(), end):
        names = m.group("names").split("、")
        if all(is_organisation(n) or (n.startswith("各") and len(n) >= 3) for n in names):
            found.append(m.start("names"))
    return [heading.end(), *found] if len(found) >= _MIN_ENTRIES else []


_HEADER_TAIL = 12
"""How many space-separated words a header typed at the end of a paragraph may hold."""


def cut_trailing_headers(lines: list[Line]) -> list[Line]:
    """``lines`` with a task table's header typed at the end of a paragraph (``…任务分解表 序号 名称
    工作任务 牵头责任单位``, a page that joined the notice, the table's title and its header) put on a
    line of its own, where the rows typed with spaces after it can find it."""
    out: list[Line] = []
    for line in lines:
        words = line.text.split(" ") if line.cells is None else []
        # the header is the paragraph's tail, not the whole line, nor the tail of a header
        cut = next(
            (
                k
                for k in range(max(1, len(words) - _HEADER_TAIL), len(words) - 2)
                if column_kind(words[k - 1]) is None and _header_from(words[k:])
            ),
            None,
        )
        if cut is None:
            out.append(line)
            continue
        out.append(Line(line.number, " ".join(words[:cut]).rstrip()))
        out.append(Line(line.number, " ".join(words[cut:])))
    return out


def _header_from(words: list[str]) -> bool:
    """True when ``words`` are a table's header: from its number column (序号 名称 工作任务 牵头单位),
    or, every word a header word, from its task column (工 作 任 务 牵头部门 本局责任处(单位))."""
    first = column_kind(words[0])
    if first == "number":
        return is_spaced_header(" ".join(words))
    spaced = spaced_words(fold(" ".join(words)))
    if len(spaced) < 3 or column_kind(spaced[0]) != "text":
        return False
    return all(column_kind(w) is not None for w in spaced) and read_header(spaced) is not None


_CUT_OFF = ("、", ",")
"""Line ends that a page break cut: the sentence goes on after the page number."""


def drop_page_marks(lines: list[Line]) -> list[Line]:
    """``lines`` without the page numbers standing alone on a line (``- 1 -``, ``第3页``); a line a
    page break cut after a comma (``…配合市文明办、``) is joined to the one after the number."""
    out: list[Line] = []
    cut = False
    for line in lines:
        if line.cells is None and is_page_mark(line.text):
            previous = out[-1] if out else None
            cut = (
                previous is not None
                and previous.cells is None
                and fold(previous.text.rstrip()).endswith(_CUT_OFF)
            )
            continue
        if cut and line.cells is None and line.text.strip() and find_marker(fold(line.text.strip())) is None:
            previous = out[-1]
            out[-1] = Line(previous.number, previous.text.rstrip() + line.text.strip())
            cut = False
            continue
        if line.text.strip():
            cut = False
        out.append(line)
    return out


_OPENING_ASSIGNMENT = re.compile(r"^[(（][^()（）]{2,40}(牵头|负责|配合|参与|协办|主办)[)）]\s*[^\s。;]")
"""A bracket opening a line with the next sentence after it; a bracket alone on its line is the
assignment of the item above (it stays a line of its own)."""


def join_opening_brackets(lines: list[Line]) -> list[Line]:
    """``lines`` with each line that opens with an assignment bracket joined to the line before,
    whose last sentence it assigns (a copy broke the line just before the bracket)."""

    def opens(previous: Line, line: Line) -> bool:
        return (
            bool(_OPENING_ASSIGNMENT.match(fold(line.text.strip())))
            and bool(previous.text.strip())
            and not fold(previous.text.rstrip()).endswith(")")
        )

    return _join_onto_previous(lines, opens, "")


def join_open_brackets(lines: list[Line]) -> list[Line]:
    """``lines`` with each line that ends inside an assignment bracket joined to the next line,
    which closes it (``…套葬。(牵头单位:各镇(区);`` / ``参与单位:镇区民政办)``): a copy broke the
    bracket between its labels."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is not None and previous.cells is None and line.cells is None and _closes(previous, line):
            out[-1] = Line(previous.number, previous.text.rstrip() + line.text.strip())
            continue
        out.append(line)
    return out


_BRACKET_REST = 80
"""The longest line read as the rest of a bracket the line before left open."""


def _closes(previous: Line, line: Line) -> bool:
    """True when ``previous`` ends inside a bracket that opens with a label and ``line`` is the
    bracket's rest: its closing bracket ends the line (a stop may follow)."""
    if len(line.text.strip()) > _BRACKET_REST or ("(" not in previous.text and "（" not in previous.text):
        return False  # the cheap tests first: most lines open no bracket they leave open
    before, after = fold(previous.text.rstrip()), fold(line.text.strip())
    if before.count("(") <= before.count(")"):
        return False
    groups = outer_groups(before)
    if not groups or groups[-1].closed:
        return False
    labels = find_labels(groups[-1].inner(before))
    if not labels or labels[0].start != 0:
        return False
    depth = 1
    for i, ch in enumerate(after):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return len(after) - i <= 2  # ) or ）。 ends the line
    return False


_CJK = re.compile(r"[\u4e00-\u9fff]")
_BARE_NUMBER = re.compile(r"^\(?[0-9一二三四五六七八九十]{1,3}\)?[.、]?$")


def join_bare_labels(lines: list[Line]) -> list[Line]:
    """``lines`` with each role label standing alone on its line (no colon) joined to the value on
    the next line, when the line before the label is no header word and the value is none either
    (nor a row's number): a record set out label by label, not a table copied one cell a line."""
    lines = [_spaced_label_closed(line) for line in lines]
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text = fold(line.text.strip()) if len(line.text) <= 20 else ""  # a label is a short line
        # 牵头单位: / (a blank line) / 光明区卫生健康局: a web page's blank line between them
        blank = 1 if i + 2 < len(lines) and not lines[i + 1].text.strip() and text.endswith(":") else 0
        after = lines[i + 1 + blank] if i + 1 + blank < len(lines) else None
        before = next((b for b in reversed(out) if b.text.strip(" |\t")), None)  # border lines aside
        if (
            text
            and after is not None
            and line.cells is None
            and after.cells is None
            and read_label(text) is not None
            and (before is None or column_kind(before.text) is None)
            and _value_line(fold(after.text.strip()))
            # 实施 / 主体: a header word split over two lines, not a label and its value
            and read_label(text + fold(after.text.strip())) is None
        ):
            out.append(Line(line.number, f"{line.text.strip().rstrip(':：')}:{after.text.strip()}"))
            i += 2 + blank
            continue
        out.append(line)
        i += 1
    return out


_SPACED_LABEL = re.compile(r"^\s*((?:[\u4e00-\u9fff][ \u3000]+)+[\u4e00-\u9fff])[ \u3000]*(?=[:：])")


def _spaced_label_closed(line: Line) -> Line:
    """``组     长:史立权``, a label set out letter by letter to align a column, as ``组长:史立权``;
    so too inside a line that holds a page's items run together (…立改 责 任 人:周训岚…)."""
    m = _SPACED_LABEL.match(line.text) if line.cells is None else None
    if m is not None:
        word = re.sub(r"[ \u3000]+", "", m.group(1))
        if read_label(word) is not None:
            line = Line(line.number, word + line.text[m.end() :])
    if line.cells is not None or not _SPACED_INSIDE.search(line.text):
        return line
    return Line(line.number, _SPACED_INSIDE.sub(_closed_up, line.text))


_SPACED_INSIDE = re.compile(
    r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff][ \u3000]){2,3}[\u4e00-\u9fff])[ \u3000]*(?=[:：])"
)


def _closed_up(m: re.Match[str]) -> str:
    word = re.sub(r"[ \u3000]+", "", m.group(1))
    return word if read_label(word) is not None else m.group()


def _value_line(text: str) -> bool:
    if not _CJK.search(text) or "|" in text:
        return False  # a border line (|) or a number is no value
    return column_kind(text) is None and not _BARE_NUMBER.match(text) and find_marker(text) is None


_SENTENCE_END = "。;.!?:"
_CONTINUES = re.compile(r"^[^\s、,。;:()]{1,6}([、,]|$)")


def _label_line(text: str) -> bool:
    labels = find_labels(fold(text.strip()[:20]))
    return bool(labels) and labels[0].start == 0 and labels[0].label is not None


def join_wrapped(lines: list[Line]) -> list[Line]:
    """``lines`` with each labelled list that runs on into the next line joined to it: a list a
    narrow page wrapped (``…、园区党工`` / ``委、…``), or a label whose names stand on the next line
    (``牵头单位:`` / ``市发改委``)."""
    out: list[Line] = []
    filled = -1  # where the last line with text stands in ``out``
    for line in lines:
        previous = out[-1] if out else None
        text = fold(line.text.strip()) if len(line.text) <= 60 else ""
        if previous is not None and text and _continues(previous, line, text):
            out[-1] = Line(previous.number, previous.text.rstrip() + line.text.strip())
            continue
        if filled >= 0 and text and _another_person(out[filled], text):
            # 组长:史立权(…局长) / 史国建(…局长): the next person under the same label, blank lines aside
            kept = out[filled]
            del out[filled + 1 :]
            out[-1] = Line(kept.number, kept.text.rstrip() + "、" + line.text.strip())
            continue
        out.append(line)
        if line.text.strip():
            filled = len(out) - 1
    return out


_PERSON_LINE = re.compile(r"^[\u4e00-\u9fff](\s?[\u4e00-\u9fff]){1,3}\s*[(（][^()（）]{2,20}[)）]$")
"""A person alone on a line with the post in a bracket (史国建(市卫生健康局局长), 袁 琳 (…副调研员))."""


def _another_person(previous: Line, text: str) -> bool:
    if previous.cells is not None or not _PERSON_LINE.match(text):
        return False
    labels = find_labels(fold(previous.text.strip()[:20]))
    person = bool(labels) and labels[0].start == 0 and labels[0].label is not None
    person = person and labels[0].label is not None and labels[0].label.kind is LabelKind.PERSON
    return previous.cells is None and person and bool(_PERSON_LINE.match(text))


def _continues(previous: Line, line: Line, text: str) -> bool:
    if previous.cells is not None or line.cells is not None or not _label_line(previous.text):
        return False
    if find_marker(text) is not None or _label_line(text) or len(text) > 40:
        return False
    end = fold(previous.text.rstrip())[-1:]
    if end == ":":
        return True  # the label's names stand on the next line
    return end not in _SENTENCE_END and bool(_CONTINUES.match(text))


_BLOCK_OPENING = re.compile(
    r"^\s*([(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|负责|承担|牵头|主要负责|协助|配合)"
)
"""How a body's block of duties opens on the line after its name (负责…, (一)…, 1.…)."""
_MIN_BLOCKS = 2
_NAME_ONLY = re.compile(r"[\u4e00-\u9fff]{3,20}")


def _body_line(text: str) -> bool:
    """True for a line that is only one body's name (市劳动和社会保障局), no sentence or number."""
    text = fold(text.strip())
    if not 3 <= len(text) <= 20 or re.search(r"[\s,;。:、()\d]", text) or find_marker(text) is not None:
        return False
    names = parse_names(text)
    return len(names) == 1 and names[0].text == text and department_like(text)


def join_body_blocks(lines: list[Line]) -> list[Line]:
    """``lines`` with each body named alone on its line joined to the block of duties under it
    (``市劳动和社会保障局`` / ``负责农民工工资的清欠…`` / ``(一)制定…`` / ``市建设局`` / ``(一)…``), as
    ``市劳动和社会保障局:负责…(一)制定…``: a list of each body's duties that names each body on a line of
    its own, two or more of them; the block runs to the next body's line or the next section."""
    heads = [
        i
        for i, line in enumerate(lines)
        if line.cells is None
        and _NAME_ONLY.fullmatch(line.text.strip()) is not None  # a cheap sign first: a line of a name
        and i + 1 < len(lines)
        and _BLOCK_OPENING.match(fold(lines[i + 1].text))
        and (i == 0 or _closed(lines[i - 1].text))  # 1 / 市教育局, 省发改委 / 省妇联: a table's cells
        and _body_line(line.text)
    ]
    if len(heads) < _MIN_BLOCKS:
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if i not in heads:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j not in heads and not _section_line(lines[j].text):
            j += 1
        body = "".join(line.text.strip() for line in lines[i + 1 : j])
        out.append(Line(lines[i].number, f"{lines[i].text.strip()}:{body}"))
        i = j
    return out


def _closed(text: str) -> bool:
    """True for a line a block of duties may follow: one that ends a sentence, or a heading."""
    text = fold(text.strip())
    heading = text.endswith(("职责", "分工", "责任")) and len(text) <= 30  # 清理拖欠工程款部门职责
    return text.endswith(("。", ";", ":")) or heading or (find_marker(text) is not None and len(text) <= 30)


def _section_line(text: str) -> bool:
    marker = find_marker(fold(text.strip()))
    return marker is not None and marker.level == 0
