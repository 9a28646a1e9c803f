"""Classifying a plan's lines: outline items, paragraphs, lines that are only an assignment, debris."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from matrix.model import Finding, Line, Severity
from matrix.parsers.assignment import MAX_NAME, RULE, AssignmentText, Custom, parse_assignment
from matrix.parsers.box_table import read_boxes
from matrix.parsers.brackets import Group, balance, inside, outer_groups
from matrix.parsers.clauses import read_clause, read_clauses
from matrix.parsers.flat_table import fit_typed, regroup
from matrix.parsers.names import (
    FIELD_BODY,
    FUNCTION_BODY,
    LISTED_FIELDS,
    Name,
    department_like,
    is_group,
    is_organisation,
    is_vague,
    is_zone,
    levelled,
    looks_like_person,
    mostly_bodies,
    name_ends,
    parse_names,
)
from matrix.parsers.reflow import (
    cut_trailing_headers,
    drop_page_marks,
    join_bare_labels,
    join_barred_cells,
    join_body_blocks,
    join_open_brackets,
    join_opening_brackets,
    join_split_rows,
    join_wrapped,
    restore_lost_spaces,
    unfold,
)
from matrix.parsers.run_together import cut_run_together
from matrix.parsers.spaced import fit_spaced
from matrix.parsers.table import (
    Header,
    fill_short,
    is_spaced_header,
    is_total,
    merge_second_header,
    names_bodies,
    past_merged,
    placed_short,
    read_header,
    read_row,
    split_row,
    sub_columns,
    widen,
)
from matrix.text.normalize import clean, fold, is_debris, strip_debris
from matrix.text.outline import Marker, find_glued, find_marker
from matrix.text.roles import (
    DUTY_SECTION_WORDS,
    ROLE_KINDS,
    LabelAt,
    LabelKind,
    find_labels,
    looks_like_label,
    read_label,
)

_ROLE_HINT = re.compile(
    r"牵头|负责|参与|配合|协助|协同|协作|协办|主办|主责|指导|落实|单位\s*:|部门\s*:|科室\s*:|处室\s*:"
)
# 【责任单位】A、B reads as 责任单位: A、B (same length, so positions still match the text)
_BRACKETED = re.compile(r"\[([^\[\]\s]{2,12})\]")
_STOPS = "。;.!?"
_CONTACT = re.compile(r"^\(?\s*联系人\s*:[^()]{1,16}?(联系)?电话\s*:?\s*[\d\s-]{7,}")
_FORM_ROW = re.compile(r"^\s*[^|:]{2,20}:\s*\|[^|]*\|\s*$")
"""A line of a form set out as a table of label and value (牵头单位: | 市城管执法局 |)."""
_NOTE = re.compile(r"^\s*(注|备注|附注|说明|注释)\s*\d*\s*[:：]")
_ROSTER_TITLE = re.compile(r"^.{0,40}(成员|组成人员|人员)名单$")
"""The title of a group's roster (领导小组成员名单), an annex that lists who sits in the group: its
组长: and 成员: lines name members, no duty of any task."""
_TAIL = " 。.;,"


@dataclass
class Inline:
    """An assignment bracket inside a line: where it sits and what it says."""

    group: Group
    assignment: AssignmentText
    leading: bool = False
    """The assignment opens the line (由X负责,Y配合,加快…): the line is a task of its own."""


@dataclass
class Para:
    """A non-empty line of the plan, classified.

    ``kind`` is ``item`` (starts with an outline marker), ``para`` (a paragraph of text),
    ``pure`` (the line is only an assignment: a bracket on its own line or a labelled line such as
    ``责任单位:A、B``) or ``row`` (a row of a task table, its assignment read from its columns).
    """

    line: int
    text: str
    folded: str
    kind: str
    marker: Marker | None = None
    inlines: list[Inline] = field(default_factory=list)
    pure: AssignmentText | None = None
    states_rule: bool = False
    """A bracket in the line states the lead rule (列第一位者为牵头单位) and names nobody."""
    written: str | None = None
    """For a table row whose cell merged down from the row above repeats part of ``text``: the
    row's own words, as the table shows them on that row."""
    heads: AssignmentText | None = None
    """A heading that names who leads everything under it (``(一)省监察厅牵头的工作``)."""
    prose: bool = False
    """The line's assignments were read from its running prose (区财政局负责…), not from a notation."""
    rule_from: int | None = None
    """Where the rule this line states starts to apply, when not at the line itself: a note under a
    table (注:列第一位的为牵头单位) rules the whole table, the rows above it included."""

    _ends: list[int] | None = field(default=None, repr=False, compare=False)

    def inline_ends(self) -> list[int]:
        """Where each inline assignment ends, in order (inlines are sorted and do not overlap)."""
        if self._ends is None or len(self._ends) != len(self.inlines):
            self._ends = [i.group.end for i in self.inlines]
        return self._ends

    @property
    def body_start(self) -> int:
        """Where the line's own text starts, after its outline marker."""
        return self.marker.end if self.marker else 0


def _inlines(para: Para, findings: list[Finding], custom: Custom) -> list[Inline]:
    """The assignments written inside a line: brackets, a label after the text, a bracket that lost
    its opening half."""
    folded, start = para.folded, para.body_start
    out: list[Inline] = []
    groups = [Group(g.start + start, g.end + start, g.closed) for g in outer_groups(folded[start:])]
    for group in groups:
        inner = group.inner(folded)
        if not group.closed and folded.rstrip(_TAIL).endswith((")", "]")):
            # (…各乡镇(街道配合): the last bracket closes the group; the inner one lost its pair
            inner = balance(folded[group.start + 1 : len(folded.rstrip(_TAIL)) - 1])
            group = Group(group.start, len(folded.rstrip(_TAIL)))
            findings.append(Finding(para.line, "括号不成对, 已按分工读取, 请核对", Severity.ERROR))
        at_end = not folded[group.end :].strip(_TAIL)
        # a bracket that ends the line may be a bare list (省数据局、省财政厅) under a lead rule; so may
        # one that ends a sentence inside it (…提升整体实力(省发改委、交通厅、…9市等)。加快推进…)
        closes = folded[group.end : group.end + 1] in ("。", ";") and not _after_body(folded, group.start)
        if not _ROLE_HINT.search(inner) and (not (at_end or closes) or _after_body(folded, group.start)):
            continue  # …通报给社会事业局(教育处): a bracket that remarks on the body it follows
        assignment = parse_assignment(inner, bare=at_end or closes, custom=custom)
        names = _sentence_names(assignment)
        if not at_end and not assignment.labelled and not all(map(_named_body, names)):
            listed = (
                closes and not assignment.unread and mostly_bodies(sum(map(_named_body, names)), len(names))
            )
            if not listed:
                continue  # (…通过与人工智能协作…): a remark in the middle of the text, not an assignment
        _report_unread(para.line, assignment, findings)
        if not assignment.labelled:
            _people_in_bracket(assignment)
        if assignment.is_empty:
            continue
        if not group.closed:
            findings.append(Finding(para.line, "括号没有闭合, 已尽量读取其中的单位", Severity.ERROR))
        out.append(Inline(group, assignment))
    for label in _labels_after_text(folded, start, groups, custom):
        _report_unread(para.line, label.assignment, findings)
        out.append(label)
    stray = _lost_opening(folded, start, groups)
    if stray is not None:
        findings.append(Finding(para.line, '括号缺少前半个 "(", 已按分工读取', Severity.ERROR))
        out.append(stray)
    return sorted(out, key=lambda i: i.group.start)


def _names_body(inline: Inline) -> bool:
    said = inline.assignment
    return bool(said.leads or said.responsible or said.implementing or said.others)


def _people_in_bracket(assignment: AssignmentText) -> None:
    """(丁龙、林贝茜负责), (陈功琳负责,各分局指定一人协助): the people a bracket names where bodies
    stand are people, with their part as role, never departments."""
    for part, word in (("leads", "牵头"), ("responsible", "负责"), ("participants", "协助")):
        names: list[Name] = getattr(assignment, part)
        people = [n for n in names if looks_like_person(n.text)]
        if people:
            assignment.persons += [(n.text, word) for n in people]
            setattr(assignment, part, [n for n in names if n not in people])


def _after_body(folded: str, at: int) -> bool:
    """True when the words right before ``at`` end a body's name (通报给社会事业局), with no stop
    between: a bracket there names the body's division or second name, not who does the task."""
    before = re.split(r"[,;。:、\s]", folded[max(0, at - 12) : at])[-1]
    return any(is_organisation(before[k:]) for k in range(max(0, len(before) - 10), len(before) - 2))


def _label_after_text(folded: str, start: int, groups: list[Group], custom: Custom) -> Inline | None:
    """``…终身责任制。责任单位: 市住建局(牵头)、市应急局``: the label and what follows it."""
    for at in find_labels(folded[start:], custom):
        begin = start + at.start
        glued = begin > start and folded[begin - 1] not in _STOPS + " "
        if glued or (begin == start and at.label is None):
            # …习近平法治思想责任单位:局机关党委: a page that lost the break before its label line;
            # the label is the whole role label that ends the run (责任单位), not the text before it
            core = _whole_label(at.word, custom)
            if core is None:
                continue
            begin += len(at.word) - len(core)
        if begin == start or inside(begin, groups) or _STAMP.match(folded, start + at.end):
            continue  # 时间:2016-01-19 18:26: the page's time stamp, no deadline of a task
        assignment = parse_assignment(folded[begin:].strip(), custom=custom)
        if at.label is not None and at.label.kind is LabelKind.SENTENCE:
            assignment = _duty_sentence(folded[start + at.end :], assignment, custom)
        if not assignment.is_empty or assignment.deadline or assignment.unread_labels:
            return Inline(Group(begin, len(folded)), assignment)
    return None


def _labels_after_text(folded: str, start: int, groups: list[Group], custom: Custom) -> list[Inline]:
    """Each labelled run after the text of a line (see :func:`_label_after_text`).  A page stored
    on one line may hold several, each closing its own stretch of text (…。牵头单位:A,配合单位:B“互联网
    +”医疗卫生:积极…。牵头单位:C): a run ends before the text that goes on after its bodies."""
    out: list[Inline] = []
    pos = start
    while (label := _label_after_text(folded, pos, groups, custom)) is not None:
        end = _run_end(folded, label.group.start, custom)
        if end is None:
            out.append(label)
            break
        out.append(
            Inline(
                Group(label.group.start, end),
                parse_assignment(folded[label.group.start : end], custom=custom),
            )
        )
        pos = end
    return out


_STAMP = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}")
_RUN_END = re.compile(r"[。“]")
_MIN_STRETCH = 4


def _run_end(folded: str, begin: int, custom: Custom) -> int | None:
    """Where a labelled run that begins at ``begin`` ends, when text of the task goes on after it
    on the line (…配合单位:区通管办“互联网+”医疗卫生:…); None when it runs to the line's end, or
    what follows is another label of it (。完成时限:…)."""
    opening = find_labels(folded[begin : begin + _LONGEST_NAME], custom)
    if not opening or opening[0].label is None or opening[0].label.kind not in _GLUED_KINDS:
        return None  # 责任分工:区规划局负责开展“…”: a sentence runs on past its bodies
    end = _outside_brackets(folded, begin)
    if end is not None and not _bodies_only(folded[begin:end], custom):
        # …区环境与国土资源局等参与 鼓励农民…: a gap after the list and its role ends the run
        gap = next(
            (m for m in _GAP.finditer(folded, begin, end) if _bodies_only(folded[begin : m.start()], custom)),
            None,
        )
        # …区通管办大力发展创投基金。: the list's last body runs on into the next stretch's text
        end = gap.end() if gap is not None else _bodies_end(folded, begin, end, custom)
    if end is None:
        return None
    rest = folded[end:].strip()
    if len(rest) < _MIN_STRETCH or any(at.start == 0 for at in find_labels(rest, custom)):
        return None
    return end


def _bodies_only(run: str, custom: Custom) -> bool:
    said = parse_assignment(run, custom=custom)
    return not said.unread and not said.is_empty and all(map(_named_body, _sentence_names(said)))


_LIST_GAP = re.compile(r"[、,;:]")


def _bodies_end(folded: str, begin: int, end: int, custom: Custom) -> int | None:
    """Where a labelled run's bodies end when its last body runs on into text with no stop
    (…配合单位:区经发局经信处,区通管办大力发展创投基金。): after the longest body's name that opens the
    last piece of the list (and its 等); None when no run of bodies ends so."""
    gaps = [m.end() for m in _LIST_GAP.finditer(folded, begin, end)]
    if not gaps:
        return None
    piece = gaps[-1]
    for k in range(min(end, piece + _LONGEST_NAME), piece + 1, -1):
        cut = k + 1 if folded.startswith("等", k) else k
        rest = folded[cut:end].rstrip("。")
        inside = "(" in folded[piece:k] or folded[k - 1 : k + 1] == "部门"  # 区相关部|门广泛…
        if inside or is_organisation(rest) or is_organisation(rest[:_LONGEST_NAME]):
            continue  # 孙黎明(市委…, 省直各部|门和各市人民政府: inside a name or a list, not after it
        if is_vague(folded[piece:cut]) and _bodies_only(folded[begin:piece].rstrip("、,;"), custom):
            return cut  # …,配合单位:区相关部门广泛宣传推广: the list ends with bodies it does not name
        if is_organisation(folded[piece:k]) and _bodies_only(folded[begin:cut], custom):
            return cut
    return None


_LONGEST_NAME = 16
_GAP = re.compile(r"\s+")


def _outside_brackets(folded: str, begin: int) -> int | None:
    """Where the first 。 (after it) or “ (before it) stands outside brackets from ``begin`` on."""
    depth = 0
    for k in range(begin, len(folded)):
        ch = folded[k]
        depth += (ch == "(") - (ch == ")")
        if depth <= 0 and _RUN_END.match(ch):
            return k + 1 if ch == "。" else k
    return None


_GLUED_KINDS = (LabelKind.LEAD, LabelKind.PARTICIPANT, LabelKind.RESPONSIBLE)


def _whole_label(word: str, custom: Custom) -> str | None:
    """The role label of four characters or more that ends ``word`` read on its own (责任单位 in
    习近平法治思想责任单位), or None."""
    for cut in range(len(word) - 3):
        label = read_label(word[cut:], custom)
        if label is not None and label.kind in _GLUED_KINDS:
            return word[cut:]
    return None


def _duty_sentence(text: str, strict: AssignmentText, custom: Custom) -> AssignmentText:
    """What the sentence after a 分工 label assigns: read as bracket text (A牵头,B、C配合), or, when
    some of its clauses are sentences that way (区规划局负责开展规划编制工作,…), clause by clause."""
    if not strict.unread:
        return strict
    said = read_clauses(text, custom)
    said.deadline = strict.deadline
    return said if not said.is_empty else strict


def _names_nobody(assignment: AssignmentText) -> bool:
    """True when an assignment names no body and no person in any role."""
    a = assignment
    return not (a.leads or a.participants or a.responsible or a.others or a.implementing or a.persons)


def _report_unread(line: int, assignment: AssignmentText, findings: list[Finding]) -> None:
    for word in dict.fromkeys(assignment.unread_labels):
        findings.append(
            Finding(
                line,
                f'没有读懂标签 "{word}", 其后的单位没有读入任何任务: 请在设置文件的 [labels] 中'
                f'说明它的角色 (例如 "{word}" = "participant"; '
                "可选 lead、participant、responsible、person、other、ignore)",
                Severity.ERROR,
            )
        )
    assignment.unread_labels.clear()
    for name in dict.fromkeys(assignment.too_long):
        findings.append(
            Finding(
                line, f'单位名称过长 (超过{MAX_NAME}个字), 没有作为单位读入: "{name}", 请核对', Severity.ERROR
            )
        )
    assignment.too_long.clear()
    for name in dict.fromkeys(assignment.odd_names):
        findings.append(
            Finding(
                line,
                f'"{name}" 里夹着分工的字样 (如 "牵头""单位"), 没有作为单位读入: 请核对这一行的写法',
                Severity.ERROR,
            )
        )
    assignment.odd_names.clear()


def _sentence_names(assignment: AssignmentText) -> list[Name]:
    return [
        *assignment.leads,
        *assignment.participants,
        *assignment.responsible,
        *(n for n, _ in assignment.others),
    ]


def _named_body(name: Name) -> bool:
    return is_organisation(name.text) or name.text.startswith("各")


_SUBJECT = re.compile(r"^[^,;由]{0,12}?(工作|任务|事项|项目|措施|活动)(均|统一|全部|都)?(?=由)")
"""The work a sentence assigns, named before 由 (此项工作由X牵头, 以上任务均由X负责): no body."""


def read_sentence(text: str, custom: Custom) -> AssignmentText | None:
    """``A牵头, B、C配合。`` outside any bracket: the assignment when the whole text is one, else None.

    Every clause must name bodies with a role (or be a deadline), and every name must read as a
    department, so that prose which merely mentions a role (形成科技部门牵头的机制) is not taken.
    """
    if len(text) > 160:
        return None
    text = _SUBJECT.sub("", text.strip(" " + _STOPS))
    assignment = parse_assignment(text, custom=custom)
    _titled_people(assignment)
    names = _sentence_names(assignment)
    if assignment.unread or not (names or assignment.persons) or assignment.unread_labels:
        return None
    # 由省卫生健康委牵头,市场监管等部门为成员: bodies a list of fields names, the head noun after them
    fields = LISTED_FIELDS.search(text) is not None
    if not all(department_like(n.text) or (fields and FIELD_BODY.match(n.text)) for n in names):
        return None
    return assignment


_TITLED = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<title>(常务)?副?(厅长|局长|主任|总工程师|总工|总经济师|巡视员|"
    r"书记|秘书长|处长|院长|总监|省长|市长|县长|区长))$"
)
_GIVEN = re.compile(r"^(?![省市县区州镇乡各])[\u4e00-\u9fff]{2,3}$")
"""A person's name beside a titled one (鲁国会 in 鲁国会、郑忠安副厅长): 会 may end it."""


def _titled_people(assignment: AssignmentText) -> None:
    """``由鲁国会、郑忠安副厅长分别负责``: people named with the title they share, read as the
    bodies responsible, are people (with their title and role), never departments."""
    names = assignment.responsible or assignment.leads
    titled = _TITLED.match(names[-1].text) if names else None
    if titled is None or not all(_GIVEN.match(n.text) for n in names[:-1]):
        return
    people = [n.text for n in names[:-1]] + [titled.group("name")]
    role = titled.group("title") + ("分别负责" if assignment.separately else "负责")
    assignment.persons += [(p, role) for p in people]
    if names is assignment.responsible:
        assignment.responsible = []
    else:
        assignment.leads = []


_HEADING_NAME = re.compile(r"((?:[^。:;,()]|\([^。:;,()]{1,4}\)){2,14})[。:]")


def _named_in_heading(para: Para) -> Inline | None:
    """``1.街道消委办。牵头开展……``: an item headed by a body's name alone, as a 职责分工 lists
    each body's duties; the body leads the item.  The name stays in the item's text."""
    if para.marker is None:
        return None
    m = _HEADING_NAME.match(para.folded, para.body_start)
    name = m.group(1).strip() if m else ""
    if (
        m is None
        or " " in name
        or not (department_like(name) or is_group(name))
        or len(para.folded) - m.end() < 4
    ):
        return None  # a body's name holds no space: 建设一 批区域医 疗中心。 is a PDF's broken heading
    names = parse_names(name)  # 吴泾、塘湾派出所: two bodies sharing one ending
    if not names or not all(department_like(n.text) or is_group(n.text) for n in names):
        names = [Name(name)]
    return Inline(Group(m.end(), m.end()), AssignmentText(leads=names, labelled=True))


_DUTY_HEADING = re.compile(
    r"^(?P<who>.{2,60}?(?:牵头负责|牵头|主办|主抓|负责))(?:的)?"
    r"(?:重点工作|工作任务|重点任务|主要任务|工作|事项|任务)(?:\(共?\d+项\))?[。:]?$"
)


def _duty_heading(para: Para) -> AssignmentText | None:
    """``(一)省监察厅牵头的工作``: a heading naming the bodies that lead everything under it."""
    if para.marker is None:
        return None
    m = _DUTY_HEADING.match(para.folded[para.body_start :].strip())
    if m is None:
        return None
    said = parse_assignment(m.group("who"))
    names = [*said.leads, *said.responsible]
    if said.unread or said.participants or not names or not all(department_like(n.text) for n in names):
        return None  # 孟学农省长负责的工作 names a person: a leader heading, read elsewhere
    return AssignmentText(leads=names, labelled=True)


def _leading_sentence(para: Para, custom: Custom) -> Inline | None:
    """``(一)由省经贸委负责,省农业厅配合,加快…``: the clauses opening a line when they are an
    assignment and text follows them.  They stay in the task's text."""
    folded, start = para.folded, para.body_start
    end = folded.find("。", start)
    end = len(folded) if end < 0 else end
    if para.marker is not None and 0 < end - start <= 30 and not _named_body_at(folded, start):
        # 二、开展市民文明素质提升行动。各乡镇(街道)配合市文明办,负责…: after the item's heading
        start, end = end + 1, folded.find("。", end + 1)
        end = len(folded) if end < 0 else end
    found: Inline | None = None
    groups = list(outer_groups(folded))
    cuts = [i for i in range(start, end) if folded[i] in ",;" and not inside(i, groups)] + [end]
    for cut in cuts:
        if len(folded[cut + 1 :].strip(_TAIL)) < 4:
            break
        assignment = read_sentence(folded[start:cut], custom)
        if assignment is not None:
            found = Inline(Group(cut, cut), assignment, leading=True)  # the longest run that reads
    if found is not None and found.assignment.leads:
        # 由市场规范处牵头,辖区分局组织开展…整治: the clause after the lead names who carries it out
        cut = found.group.start
        after = next((c for c in cuts if c > cut), end)
        said = read_clause(folded[cut + 1 : after].strip(), custom)
        if said is not None and said.implementing and not said.leads:
            found.assignment.merge(said)
    return found


def _named_body_at(folded: str, start: int) -> bool:
    """True when the line's text opens with a body's name (由X负责…, X牵头…)."""
    return folded.startswith("由", start) or bool(_ORG_START.match(folded, start))


_ORG_START = re.compile(r"[\u4e00-\u9fff]{2,12}?(局|委|办|厅|部|政府|中心)(牵头|负责|配合|会同)")


def _trailing_sentence(para: Para, custom: Custom) -> Inline | None:
    """``1. 加强……。市发改委牵头, 市财政局配合。``: the line's last sentences when they are an assignment."""
    folded, start = para.folded, para.body_start
    end = len(folded.rstrip(" " + _STOPS))
    stops = [i + 1 for i in range(start, end) if folded[i] in _STOPS]
    # …的问题,由发展改革委会同农业部等部门研究提出落实意见: a clause that opens with 由 after a comma
    stops += [i + 1 for i in range(start, end) if folded[i] == "," and folded[i + 1 : i + 2] == "由"]
    for begin in sorted(stops, reverse=True):
        found = read_sentence(folded[begin:end], custom) if folded[begin:end].strip() else None
        if found is not None:
            return Inline(Group(begin, len(folded)), found)
    return None


def _after_brackets(para: Para, inlines: list[Inline], custom: Custom) -> list[Inline]:
    """``…(牵头单位:区环保厅)。由金国兴总工负责,污染物排放总量控制处落实。``: a sentence after the
    line's last bracket that is itself an assignment goes with that bracket."""
    last = inlines[-1]
    tail = para.folded[last.group.end :]
    said = read_sentence(tail, custom) if len(tail.strip(_TAIL)) >= 4 else None
    if said is None:
        return inlines
    merged = AssignmentText()
    merged.merge(last.assignment)
    merged.merge(said)
    return [*inlines[:-1], Inline(Group(last.group.start, len(para.folded)), merged, last.leading)]


def _lost_opening(folded: str, start: int, groups: list[Group]) -> Inline | None:
    """``…完成改造。由A牵头, B配合)``: an assignment whose opening bracket was lost."""
    depth = 0
    for i in range(start, len(folded)):
        ch = folded[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth:
                depth -= 1
            elif not folded[i + 1 :].strip(_TAIL):
                begin = max(folded.rfind(stop, start, i) for stop in "。;!?") + 1
                begin = max(begin, start)
                text = folded[begin:i]
                if _ROLE_HINT.search(text) and not inside(begin, groups):
                    assignment = parse_assignment(text)
                    if not assignment.is_empty:
                        return Inline(Group(begin, i + 1), assignment)
    return None


_BODY_HEAD = re.compile(r"(单位|部门|处室|科室)(?![:)\]、,;。])")
_LABEL_REACH = 8


def _glued_labels(folded: str, start: int) -> list[tuple[int, int]]:
    """Where role labels stand in ``folded`` with no colon after them (…活动责任单位各社区…): each
    (start, end) of a label the grammar reads as naming leads, helpers or the bodies responsible."""
    out: list[tuple[int, int]] = []
    for m in _BODY_HEAD.finditer(folded, start):
        for length in range(_LABEL_REACH, len(m.group()), -1):
            begin = m.end() - length
            label = read_label(folded[begin : m.end()]) if begin >= start else None
            if label is not None and label.kind in (
                LabelKind.LEAD,
                LabelKind.PARTICIPANT,
                LabelKind.RESPONSIBLE,
            ):
                if not out or begin >= out[-1][1]:
                    out.append((begin, m.end()))
                break
    return out


def _glued_label(para: Para, custom: Custom) -> Inline | None:
    """``…整治活动责任单位各社区居委会、驻辖区单位``: role labels a copy that lost its punctuation runs
    into the text with no colon, read when what follows each to the line's end is a list of bodies."""
    folded = para.folded
    labels = _glued_labels(folded, para.body_start)
    if not labels or labels[0][0] == para.body_start:
        return None
    cuts = [*labels, (len(folded), len(folded))]
    parts = [f"{folded[a:b]}:{folded[b:c]}" for (a, b), (c, _) in itertools.pairwise(cuts)]
    assignment = parse_assignment(";".join(parts), custom=custom)
    names = _sentence_names(assignment)
    bodies = sum(1 for n in names if _named_body(n) or is_group(n.text))
    if assignment.unread or not mostly_bodies(bodies, len(names)):
        return None  # words after the label that are not a list of bodies: prose
    return Inline(Group(labels[0][0], len(folded)), assignment)


def _maybe_row(line: Line, in_table: bool) -> bool:
    text = line.text.strip()
    if line.cells is not None or "\t" in text or "|" in text:
        return True
    if " " not in text:
        return False
    if _NOTE.match(fold(text)):
        return False  # 注:主要责任单位第一个为牵头单位。 平潭…办公室 2016年3月30日: a note, no row
    if "  " in text:
        return True
    # a table typed with single spaces: its header is all header words, its rows follow it
    return in_table or is_spaced_header(text)


class _Tables:
    """The task table being read, if any: its header and how many rows it has had."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.header: Header | None = None
        self.rows = 0
        self.fresh = False
        self.sub = 0
        """Columns a second header line set out under one the header does not read (see widen)."""
        self.above: list[str] | None = None
        """The last row's cells, as laid: a shorter row after it skips the cells it spans."""
        self.start: int | None = None
        """The first line of the last table read, open or closed."""

    def read(self, line: Line) -> Para | bool | None:
        """A row of the table as a Para; True for a header line (skipped); None for other lines."""
        if not _maybe_row(line, self.header is not None):
            return None
        cells = split_row(line, self.header.width if self.header else None)
        if self.header is not None and self.sub:
            wider = widen(self.header, self.sub, cells)
            if wider is not None:
                self.header, self.sub = wider, 0
        cells = self._laid(line, cells)
        if self.header is None:
            self.header = read_header(cells)
            self.rows, self.fresh, self.sub, self.above = 0, True, 0, None
            if self.header is None:
                return None
            self.start = line.number
            return True
        if self.fresh and merge_second_header(self.header, cells):
            self.fresh = False
            return True
        if self.fresh and sub_columns(self.header, cells):
            self.sub, self.fresh = sub_columns(self.header, cells), False
            return True  # 中央衔接资金 | 省级衔接资金 | …: the rows say which column they set out
        if is_total(cells):
            return True  # read as the header is: a line of the table that is no row
        # a row whose cells read like header words (…工作方式 | 10.… | 局主办科室) is still a row:
        # a header's cells are short and never numbered
        worded = all(len(c.strip()) <= 16 and not find_marker(fold(c.strip())) for c in cells)
        again = read_header(cells) if not self.fresh and worded else None
        if again is not None:  # a header met inside a table starts the next table (another sheet)
            self.header, self.rows, self.fresh, self.start = again, 0, True, line.number
            self.above = None
            return True
        self.fresh = False
        self.rows += 1
        self.above = cells
        row = read_row(self.header, cells, line.number, self.rows, line.merged)
        if row is None:
            return None
        para = Para(line.number, row.text, fold(row.text), "row", row.marker, pure=row.assignment)
        para.written = row.written
        return para

    def _laid(self, line: Line, cells: list[str]) -> list[str]:
        """A text row's cells laid into the header's columns: a row typed with ``|`` short of cells
        past the cells merged from above (:func:`placed_short`) or from the left (:func:`fill_short`,
        reported); a row typed with single spaces (:func:`fit_spaced`); one padded at its end past
        merged cells (:func:`past_merged`)."""
        header = self.header
        if header is None or line.cells is not None:
            return cells
        if "|" in line.text:
            placed = placed_short(header, cells, self.above)
            if placed is not None:
                return placed  # a web table's row past the cells merged down from the row above
            filled = fill_short(header, cells)
            if filled is not None and filled != (cells + [""] * header.width)[: header.width]:
                number = fold(filled[0]).strip()
                # 2 | 扎实做好…工作 | 疾控处 | 长期推进, filled from the left, names no body in a role
                # column: each cell goes where its kind does
                typed = None if names_bodies(header, filled) else fit_typed(header, cells)
                if typed is not None:
                    message = f"表格第{number}行的单元格少于表头, 已按各格的内容填入: 请核对这一行的单位"
                else:
                    message = f"表格第{number}行的单元格少于表头, 已从左依次填入: 请核对这一行的单位"
                self.findings.append(Finding(line.number, message))
                return typed or filled
        if not 0 < len(cells) - header.width + 1 <= 2:
            return fit_spaced(header, line.text)  # cells typed with single spaces
        return past_merged(header, cells)

    def leave(self, line: Line, text: str) -> None:
        """Close the table at a line that is neither a row nor a heading between rows (a numbered
        heading, or a row of one cell spanning the table: 行动一：再造发展新极行动).  A line typed with
        the table's borders that is no row (新增学位810个 | |||||, a cell the row above goes on in)
        leaves it open: the rows after it are the table's."""
        spanning = line.cells is not None and sum(1 for c in line.cells if c.strip()) == 1
        bordered = line.cells is None and text.count("|") >= 2
        if self.header is not None and not find_marker(fold(text)) and not spanning and not bordered:
            self.header = None


_MISTYPED_COLON = re.compile(r"(?<=[(\[;])([\u4e00-\u9fff]{2,10})[;,]")
"""``(责任单位;A、B)``, ``(责任单位:A;责任人;xx)``: a label opening a bracket or a clause, typed with a
semicolon or comma for its colon."""


def _typed_colon(m: re.Match[str]) -> str:
    word = m.group(1)  # a whole label (责任单位), never role words alone (牵头, 负责)
    return word + ":" if looks_like_label(word) and read_label(word) is not None else m.group(0)


def _bracketed_label(m: re.Match[str]) -> str:
    word = m.group(1)
    if read_label(word) is None and not looks_like_label(word):
        return m.group(0)
    return f"{word}: "  # same length as [word]: positions still match, the label where its bracket was


def _restored(lines: list[Line], findings: list[Finding]) -> list[Line]:
    """The file's lines put back as the plan wrote them (see :mod:`matrix.parsers.reflow`), and
    tables drawn or copied as text put back together as rows."""
    steps = (
        restore_lost_spaces,
        join_split_rows,
        join_barred_cells,
        read_boxes,
        unfold,
        cut_trailing_headers,
        drop_page_marks,
        join_opening_brackets,
        join_open_brackets,
        join_bare_labels,
        join_wrapped,
        join_body_blocks,
    )
    for step in steps:
        lines = step(lines)
    return _label_runs_cut(regroup(cut_run_together(lines, findings), findings))


def _label_runs_cut(lines: list[Line]) -> list[Line]:
    """``lines`` with a line that opens with a labelled run and goes on with the next task's text
    (牵头单位:区环土局,配合单位:区经发局“互联网+”林业。实施…) cut where the run ends (:func:`_run_end`)."""
    out: list[Line] = []
    for line in lines:
        # a label opens the line (its colon near the start) and a stop or a quotation may end its run
        opens = line.cells is None and any(c in line.text[:_LONGEST_NAME] for c in ":：")
        ends = opens and ("。" in line.text or "“" in line.text)
        folded = fold(line.text) if ends else ""
        labels = find_labels(folded) if folded else []
        end = (
            _run_end(folded, 0, None)
            if labels and labels[0].start == 0 and len(folded) == len(line.text)
            else None
        )
        if end is None:
            out.append(line)
            continue
        out += [Line(line.number, line.text[:end]), Line(line.number, line.text[end:].strip())]
    return out


def classify(lines: list[Line], findings: list[Finding], custom: Custom = None) -> list[Para]:
    """The plan's non-empty, non-debris lines, each classified, in order."""
    out: list[Para] = []
    tables = _Tables(findings)
    duties = _DutySection()
    numbered: Marker | None = None  # the last 1. / 1、 item: a list's next number may lose its stop
    roster = False  # under a roster's title, until the next numbered item
    for line in _restored(lines, findings):
        row = tables.read(line)
        if row is True:
            continue
        if isinstance(row, Para):
            if row.pure is not None:
                _report_unread(row.line, row.pure, findings)
            out.append(row)
            continue
        text = strip_debris(clean(line.text)).strip()
        if line.cells is not None:  # a merged row (一、产业创新 across the table) reads as its text
            text = " ".join(c for c in line.cells if c.strip()).strip()
        if not text or is_debris(text):
            continue
        tables.leave(line, text)
        folded = _MISTYPED_COLON.sub(_typed_colon, _BRACKETED.sub(_bracketed_label, fold(text)))
        if "|" in folded and _FORM_ROW.match(folded):
            folded = folded.replace("|", " ")  # 牵头单位: | 市城管执法局 |: a form's row, its borders dropped
        marker = find_marker(folded)
        if marker is None and numbered is not None:
            marker = find_glued(folded, numbered.value + 1)
        if marker is not None and marker.level == 2:
            numbered = marker
        stripped = folded.strip()
        if marker is not None and _numbered_field(folded[marker.end :].strip(), custom):
            # (二)责任单位:市教育局: a field of the item above, numbered as some plans number them
            stripped = folded[marker.end :].strip()
            marker = None
        para = Para(line.number, text, folded, "item" if marker else "para", marker)
        labels = find_labels(stripped, custom) if marker is None else []
        roster = marker is None and (roster or bool(_ROSTER_TITLE.match(stripped)))
        if roster and labels and labels[0].start == 0:
            para.kind = "note"  # 组  长:王学政 党委副书记、镇长 in the group's roster: a member, no duty
        elif marker is None and _CONTACT.match(stripped) and len(stripped) <= 60:
            para.kind = "note"  # (联系人:肖娟,联系电话:138…): whom to call about the notice, no duty
        elif marker is None and _NOTE.match(stripped):
            para.kind = "note"  # 注: … under a table or a list is no task's text
            if RULE.search(stripped):
                para.states_rule, para.rule_from = True, tables.start
        elif labels and labels[0].start == 0 and not _body_with_duties(labels[0], stripped):
            assignment = parse_assignment(stripped, custom=custom)
            if labels[0].label is not None and labels[0].label.kind is LabelKind.SENTENCE:
                assignment = _duty_sentence(stripped[labels[0].end :], assignment, custom)
            _report_unread(line.number, assignment, findings)
            label = labels[0].label
            unread = assignment.unread and _names_nobody(assignment)
            if label is not None and label.kind in ROLE_KINDS and unread:
                # 责任单位:知识产权保护区市场监管局…: a role label whose words read as no body's name
                value = stripped[labels[0].end :].strip()
                shown = value if len(value) <= 30 else value[:30] + "…"
                findings.append(
                    Finding(
                        line.number,
                        f'"{label.text}" 后面的 "{shown}" 没有读出任何单位, 没有列入分工表: '
                        "请核对这一行 (可能是表格的单元格连在了一起), 或用 matrix correct 补上",
                        Severity.ERROR,
                    )
                )
            # a labelled line is never task text, even one that names nobody (抄送单位: set to ignore)
            para.kind, para.pure = "pure", assignment
        elif (heads := _duty_heading(para) or duties.body_heading(para)) is not None:
            para.heads = heads
        else:
            _read_inlines(para, findings, custom)
            duties.body_opening(para)
        duties.enter(para)
        out.append(para)
    _body_headings(out)
    _colon_duties(out)
    return out


def _body_with_duties(at: LabelAt, text: str) -> bool:
    """True for a body named by its function before a colon and its duties after it (交通部门:结合实际,
    制定…): shaped like a label, it is a body, and the line is its task, not an unread label."""
    word, rest = at.word, text[at.end :]
    if not FUNCTION_BODY.match(word) or read_label(word) is not None or len(rest) < _MIN_DUTY:
        return False
    names = parse_names(re.split(r"[;。]", rest)[0])
    return not names or not all(map(_duty_body, names))  # 交通部门:市交通局、市公路局 lists bodies


def _colon_duty_names(para: Para) -> tuple[int, list[Name]] | None:
    """Where the duties start and the body they are of, for an unnumbered paragraph that names one
    body before a colon and goes on with its duties (交通部门:结合实际,制定…)."""
    if para.marker is not None or para.kind != "para" or para.pure is not None:
        return None
    m = _BODY_COLON.match(para.folded, para.body_start)
    if m is None or len(para.folded) - m.end() < _MIN_DUTY:
        return None
    names = _opening_names(m) or _function_body(m)
    return (m.end(), names) if names else None


def _function_body(m: re.Match[str]) -> list[Name]:
    """The body named by its function before a colon (交通部门:, 公安交警部门:), or []."""
    name = m.group("name").strip()
    return [Name(name)] if FUNCTION_BODY.match(name) and read_label(name) is None else []


_MIN_DUTY = 8


def _colon_duties(paras: list[Para]) -> None:
    """Two or more paragraphs in a row, each naming one body before a colon and then its duties
    (乡镇政府:建立… / 交通部门:结合实际… / 安监部门:定期组织…): a list of each body's duties,
    wherever the plan sets one out.  Each paragraph is its body's task; bodies its duties go on
    to name (交通安全管理站负责…, the station the township sets up) are part of the work."""
    run: list[tuple[Para, int, list[Name]]] = []
    for para in [*paras, None]:
        found = _colon_duty_names(para) if para is not None else None
        if found is not None and para is not None:
            run.append((para, *found))
            continue
        if len(run) >= _MIN_BODY_HEADINGS:
            for member, at, names in run:
                _leads_from(member, at, names)
        run = []


def _leads_from(para: Para, at: int, names: list[Name]) -> None:
    """``para`` made the task of ``names``, its duties from ``at`` on."""
    para.inlines = [Inline(Group(at, at), AssignmentText(leads=names, labelled=True), leading=True)]


_MIN_BODY_HEADINGS = 2


def _body_headings(paras: list[Para]) -> None:
    """Headings that are only a body's name, at least two of them at one level with nothing else
    but their own items between them (三、省委政法委 / … / 四、省直机关工委 / …): a plan set out one
    body a section, each body leading the work under its heading, wherever the plan does so."""
    runs: dict[int, list[tuple[Para, list[Name]]]] = {}
    last: list[tuple[Para, list[Name]]] | None = None
    for para in paras:
        if para.marker is None:
            names_own = para.pure is not None and bool(para.pure.leads or para.pure.responsible)
            if last and (names_own or _own_duty(para)):
                # 1. 市第二人民医院 / (1)… / 问题整改责任单位:市卫健委: the heading names the place the
                # work is done, or the group (防控救治组 / 市卫生局负责…); the section names who does it
                last.pop()
                last = None  # a second labelled line (牵头单位: / 责任单位:) takes no other heading
            continue
        level = para.marker.level
        for deeper in [k for k in runs if k > level]:
            _lead_under(runs.pop(deeper))
        own = para.heads is not None or para.pure is not None or bool(para.inlines)
        names = [] if own else _heading_bodies(para)
        if names:
            last = runs.setdefault(level, [])
            last.append((para, names))
        else:
            _lead_under(runs.pop(level, []))
    for run in runs.values():
        _lead_under(run)


def _lead_under(run: list[tuple[Para, list[Name]]]) -> None:
    if len(run) >= _MIN_BODY_HEADINGS:
        for para, names in run:
            para.heads = AssignmentText(leads=names, labelled=True)


_DUTY_SECTION = re.compile(f"({'|'.join(DUTY_SECTION_WORDS)})[。:]?$")
"""A section that sets out each body's duties (三、职责分工; 三、组织领导与责任分工)."""
_OPENING_BODY = re.compile(
    r"(?P<name>[^,;。:()]{2,24}?)(?:要|应|须)?(?=负责|依法|指导|作为|会同|牵头|统筹|组织|承担|督促|加强|做好|落实"
    # 农业农村处在区农业农村局的指导下…, 综合执法队筹建组协助查处…: in a section of duties
    r"|在[^,;。]{2,20}(?:指导|领导|统筹)下|协助|配合)"
)
_EVERY_KIND = re.compile(r"各[\u4e00-\u9fff]*(部门|单位|机构|方面)$")
_DUTY_SUBJECT = re.compile(r"(?P<name>[^,;。:()]{2,24}?)(?=要|应|须|围绕|负责)")
_GUIDED = re.compile(r"在(?P<names>[^,;。]{2,20}?)的?(?P<role>指导|领导|统筹)下")
_BODY_COLON = re.compile(
    r"(?P<name>(?:[^,;。:()]|\([^,;。:()]{1,8}\)|\(即:?[^,;。:()]{2,40}\)){2,30}?):(?=\S)"
)
"""A duty section's line that names its body before a colon (镇农水办:督促各村…; 各镇政府、街道(开发区)
办事处:…, a bracket inside the names; 企业集团(即:永业集团、南房集团):…, the bodies a kind stands for)."""
_NOT_A_NAME = re.compile(r"[的要将把对是在]|按照|根据|按以下|按职|分工|^(成立|组建|设立)")
"""Words no body's name holds: an opening such as 各行业管理部门要按照职责分工… is a sentence, and
各单位按以下职能分工牵头… says how the work is divided among the bodies named below; (一)成立考核
工作小组 sets a group up."""
_OWN_DUTY = re.compile(r"(负责|牵头)(?!单位|部门|领导|同志|人)")
"""The verbs that make an item its opening body's own outside a duty section (not 牵头单位)."""
_DUTY_OPENING = re.compile(r"^(主要)?(负责|承担|牵头|组织|协助|配合)")
"""How a paragraph of duties opens under a heading that names its body (负责火灾扑救的组织…)."""


_LEVEL_GROUP = re.compile(r"^[省市县区乡镇]直?级?(部门|单位|机关|各部门|各单位)$")


def _levelled_opening(folded: str, start: int) -> re.Match[str] | None:
    """The one levelled body a duty section's item opens with, whatever follows it (区宣传与影视发展部
    充分发挥…), as a match of its name; the longest such name, or None."""
    if not levelled(folded[start : start + 4]):
        return None
    for end in reversed(name_ends(folded, start + 2, start + 24)):
        m = _WHOLE.match(folded, start, end)
        names = parse_names(folded[start:end])
        if m is not None and [n.text for n in names] == [m.group()] and department_like(m.group()):
            return m
    return None


_WHOLE = re.compile(r"(?P<name>.+)")


def _duty_body(name: Name) -> bool:
    group = name.text.startswith("各") and len(name.text) > 2  # 各街镇, never 各 alone
    return department_like(name.text) or group or is_zone(name.text)


_KIND_OF_BODY = re.compile(r"[\u4e00-\u9fff]{2,14}(企业|单位|公司)")


def _kind_heading(para: Para) -> list[Name]:
    """The kind of body a sub-heading of a duty section names alone (物业服务企业, 拆除施工单位,
    建设单位): the bodies of that kind have the duties under it; [] for anything else."""
    body = para.folded[para.body_start :].strip().rstrip("。:")
    if not _KIND_OF_BODY.fullmatch(body) or _NOT_A_NAME.search(body) or is_vague(body):
        return []
    return [Name(body)]


_DUTIES_OF = re.compile(r"(?<=[\u4e00-\u9fff)])的?(主要|工作)?职责$")


def _heading_bodies(para: Para) -> list[Name]:
    """The bodies an item's text names and nothing else (（一）区绿化市容局, (1)市林业局。), or []."""
    body = para.folded[para.body_start :].strip().rstrip("。:")
    if body.endswith("职责"):
        body = _DUTIES_OF.sub("", body)  # (一)街镇消防安全委员会职责: the body whose duties follow
    if len(body) > 40 or _LEVEL_GROUP.match(body) or any(stop in body for stop in ",;。:"):
        return []  # a sentence; or (一)区级部门, the kind of body the items under it are
    if _NOT_A_NAME.search(body):
        return []  # 各行业管理部门要按照职责分工深入现场指导: bodies and their work, no heading
    names = parse_names(body)
    # a sub-heading that is only a body's name may name it by its function (城管执法部门)
    if not names or not all(_duty_body(n) or FUNCTION_BODY.match(n.text) for n in names):
        return []
    return names


class _DutySection:
    """Where the plan sets out each body's duties, one paragraph or one sub-heading a body: a
    paragraph that opens with a body's name (区城管执法局依法对…) is that body's task, and a
    sub-heading that is only bodies' names (（一）区绿化市容局) names who leads the text under it.

    Outside such a section the same holds for an item that is only a body's name when the paragraph
    after it opens with a duty (（1）市林业局。 / 负责火灾扑救的组织…), and for an item that opens with a
    body and its verb (1.区住建局负责建筑业单位普查…)."""

    def __init__(self) -> None:
        self.level: int | None = None
        self.pending: Para | None = None
        """The last item that was only bodies' names, outside a duty section."""

    def enter(self, para: Para) -> None:
        if para is not self.pending:
            self.pending = None  # a name-only item takes only the paragraph right after it
        if para.marker is None:
            return
        heading = para.folded[para.body_start :].strip()
        if len(heading) <= 20 and _DUTY_SECTION.search(heading):
            self.level = para.marker.level
        elif self.level is not None and para.marker.level <= self.level:
            self.level = None

    def body_heading(self, para: Para) -> AssignmentText | None:
        if para.marker is None or (self.level is not None and para.marker.level <= self.level):
            return None
        names = _heading_bodies(para)
        if not names and self.level is not None:
            names = _kind_heading(para)  # (八)物业服务企业: in a section of duties, a kind of body
        if not names:
            return None
        if self.level is None:
            self.pending = para  # a duty section of its own only if a duty follows
            return None
        return AssignmentText(leads=names, labelled=True)

    def body_opening(self, para: Para) -> None:
        if para is self.pending:
            return  # the name-only item itself: the paragraph after it decides
        pending, self.pending = self.pending, None
        if para.inlines or para.pure is not None:
            return
        if para.marker is None and pending is not None and _DUTY_OPENING.match(para.folded.strip()):
            pending.heads = AssignmentText(leads=_heading_bodies(pending), labelled=True)
            return
        if para.marker is None and self.level is None:
            self._colon_duty(para)  # 县自然资源局:负责…, a body's duties on a line of their own
            return
        start = para.body_start
        m = _OPENING_BODY.match(para.folded, start)
        if m is None and self.level is not None:
            m = _BODY_COLON.match(para.folded, start)  # 镇派出所:负责将… in a duty section
        names = _opening_names(m)
        if not names and self.level is not None and para.marker is not None:
            m = _levelled_opening(para.folded, start)  # (二)区宣传部充分发挥…: the item is its duties
            names = _opening_names(m)
        if not names and self.level is not None:
            # (二)财政经管办要结合各村实际…, (三)资源生态处围绕如何…做好业务指导: in a section of
            # duties, a body that opens its item with what it is to do
            m = _DUTY_SUBJECT.match(para.folded, start)
            every = m is not None and bool(_EVERY_KIND.match(m.group("name")))
            names = [] if every else _opening_names(m)  # 各行业管理部门要…: a call to all
        if m is None or not names:
            return
        if self.level is None and not _OWN_DUTY.match(para.folded, m.end()):
            return  # outside a duty section only 负责 / 牵头 make an item its body's (1.区住建局负责…)
        assignment = AssignmentText(leads=names, labelled=True)
        # 市公安局、市建委协同市交通运输局负责…: the bodies before 协同 help the one after it, as the
        # assignment reader already says of such a list
        helped = parse_assignment(m.group("name") + "负责")
        if helped.leads and helped.participants:
            assignment = AssignmentText(leads=helped.leads, participants=helped.participants, labelled=True)
        guided = _GUIDED.match(para.folded, m.end())
        if guided is not None:  # 农业农村处在区农业农村局的指导下…: the body that guides it
            guides = parse_names(guided.group("names"))
            if guides and all(map(_duty_body, guides)):
                assignment.others += [(n, guided.group("role")) for n in guides]
        para.inlines = [Inline(Group(m.end(), m.end()), assignment, leading=True)]

    @staticmethod
    def _colon_duty(para: Para) -> None:
        """A paragraph that names one body before a colon and then its duties (县住房城乡建设局:负责
        城镇排水防涝…;负责…), anywhere in a plan: that body's task, as it is in a duty section."""
        found = _colon_duty_names(para)
        if found is not None and _DUTY_OPENING.match(para.folded[found[0] :]):
            _leads_from(para, *found)


def _opening_names(m: re.Match[str] | None) -> list[Name]:
    """The bodies a paragraph opens with (``m`` from :data:`_OPENING_BODY` or :data:`_BODY_COLON`),
    or nothing when they are not all bodies."""
    names = parse_names(m.group("name")) if m else []
    if m is None or not all(map(_duty_body, names)) or _NOT_A_NAME.search(m.group("name")):
        return []
    return names


def _own_duty(para: Para) -> bool:
    """True for a paragraph that opens with bodies and their 负责 / 牵头 (市卫生局负责落实…)."""
    m = _OPENING_BODY.match(para.folded, para.body_start)
    return m is not None and bool(_opening_names(m)) and bool(_OWN_DUTY.match(para.folded, m.end()))


def _numbered_field(body: str, custom: Custom) -> bool:
    """True when an item's text is only a role, person or deadline label and its value
    (``(一)责任领导:高勤``, ``(六)完成时限:2008年内``)."""
    labels = find_labels(body, custom)
    return bool(labels) and labels[0].start == 0 and labels[0].label is not None


def _read_inlines(para: Para, findings: list[Finding], custom: Custom) -> None:
    inlines = _inlines(para, findings, custom)
    if not inlines:
        if para.marker is None:
            sentence = read_sentence(para.folded, custom)
            if sentence is not None:
                para.kind, para.pure = "pure", sentence  # A牵头, B、C配合。 on its own line
                return
        trailing = (
            _trailing_sentence(para, custom)
            or _named_in_heading(para)
            or _leading_sentence(para, custom)
            or _glued_label(para, custom)
        )
        if trailing is not None:
            inlines = [trailing]
    else:
        inlines = _after_brackets(para, inlines, custom)
        heading = _named_in_heading(para) if not any(map(_names_body, inlines)) else None
        if heading is not None:
            # 1.办公室:负责…(丁龙、林贝茜负责): the bracket names the people, the heading the body
            inlines[0].assignment.leads[:0] = heading.assignment.leads
    if (
        para.marker is None
        and len(inlines) == 1
        and not para.folded[: inlines[0].group.start].strip()
        and not para.folded[inlines[0].group.end :].strip(_TAIL)
    ):
        para.kind, para.pure = "pure", inlines[0].assignment  # the line is only an assignment
        return
    # an assignment naming no one may state the lead rule; an unread label (局各相关处室:) states none
    para.states_rule = any(i.assignment.rule_only and i.assignment.states_rule for i in inlines)
    para.inlines = [i for i in inlines if not i.assignment.rule_only]


def own_text(
    para: Para, start: int | None = None, end: int | None = None, *, as_written: bool = False
) -> str:
    """The line's text (as written) between two positions, its assignment brackets taken out unless
    ``as_written``."""
    start = para.body_start if start is None else start
    end = len(para.text) if end is None else end
    if as_written:
        whole = start == para.body_start and end == len(para.text)
        return para.written if whole and para.written is not None else para.text[start:end].strip()
    pieces: list[str] = []
    pos = start
    # only the brackets that reach past ``start``: a line of N brackets cut into N stretches must not
    # walk all N brackets for each (that made a long line quadratic)
    inlines = para.inlines
    first = bisect.bisect_right(para.inline_ends(), start)
    for k in range(first, len(inlines)):
        inline = inlines[k]
        if inline.group.start >= end:
            break
        pieces.append(para.text[pos : max(pos, inline.group.start)])
        pos = max(pos, inline.group.end)
    pieces.append(para.text[pos:end])
    return "".join(pieces).strip()
