"""Duties written as running prose, read as a plan's last resort.

Some plans write no bracket, label or table at all: each paragraph says in its own sentences who
does what (县教育局负责…, 县编办、县财政局等部门要按照职责分工积极配合).  Read strictly, such a plan
gives no task, and no bureau is told.  When the strict reading finds none, :func:`read_prose` reads
the clauses of each paragraph that open with bodies and their part in the work:

- a role verb after the bodies: ``由X牵头``, ``X负责…``, ``X等部门要积极配合``, ``由X共同组织实施``;
- ``X作为…牵头责任部门``: the part the sentence names;
- ``X要…``: the bodies the sentence charges with the work.

Each paragraph read this way becomes a task, or a task for each body its sentences charge in turn
(局药械处负责…;稽查支队负责…: one row per body's duty, as several brackets in one item give), and
gets a warning naming its line, for the clerk to check.  Only as a last resort: in a plan that
writes its duties in brackets, the same words in its closing paragraphs (海关总署要继续做好牵头工作)
exhort, they do not assign.
"""

from __future__ import annotations

import re

from matrix.model import Finding
from matrix.parsers.assignment import AssignmentText, Custom
from matrix.parsers.brackets import Group, inside, outer_groups
from matrix.parsers.clauses import bodies_only, read_clause
from matrix.parsers.lines import Inline, Para
from matrix.text.roles import LabelKind, find_labels


def _sentences(folded: str, start: int) -> list[tuple[list[str], int]]:
    """The sentences of a line from ``start``, each as its clauses and where it ends (after its
    stop), cut at stops outside brackets; a semicolon ends a sentence too, as its parts are read
    one by one."""
    groups = list(outer_groups(folded))
    out: list[tuple[list[str], int]] = [([], start)]
    begin = start
    for i in range(start, len(folded) + 1):
        if i == len(folded) or (folded[i] in _CLAUSE_STOPS and not inside(i, groups)):
            clause = folded[begin:i].strip()
            if clause:
                out[-1][0].append(clause)
            if i < len(folded) and folded[i] in _SENTENCE_STOPS and out[-1][0]:
                out[-1] = (out[-1][0], i + 1)
                out.append(([], i + 1))
            begin = i + 1
    if out[-1][0]:
        out[-1] = (out[-1][0], len(folded))
    return [sentence for sentence in out if sentence[0]]


_CLAUSE_STOPS = ",;。:!?"
_SENTENCE_STOPS = "。!?;"


def writes_formally(paras: list[Para]) -> bool:
    """True when the plan writes any duty in a bracket, after a label or in a table: its prose
    then exhorts, and is not read."""
    for para in paras:
        own = para.folded.strip()
        # a bracket on a line of its own ((责任单位:区发展改革委)) is as formal as a label
        if para.kind == "row" or (para.pure is not None and (_labelled(own) or own.startswith(("(", "[")))):
            return True
        for inline in para.inlines:
            said = para.folded[inline.group.start : inline.group.end].strip()
            if inline.assignment.persons and not _names_a_body(said, inline.assignment):
                continue  # 3.法规处:负责…(陈榕负责): a person answers for the work, no body in brackets
            if (said.startswith(("(", "[")) and not _REMARK.match(said)) or _labelled(said):
                return True
    return False


def _names_a_body(said: str, assignment: AssignmentText) -> bool:
    """True when the words ``said`` (a bracket) name one of the bodies of ``assignment``."""
    bodies = [*assignment.leads, *assignment.participants, *assignment.responsible]
    bodies += [n for n, _ in (*assignment.others, *assignment.implementing)]
    return any(n.text in said for n in bodies)


_REMARK = re.compile(r"^[(\[](其中|另外|此外|同时|如|若|对|凡)")
"""A bracket that is a sentence of its own (其中旅游景区的公厕由区旅游发展公司负责), as prose writes
one: no formal notation."""


_DUTY_LABELS = (
    LabelKind.LEAD,
    LabelKind.PARTICIPANT,
    LabelKind.RESPONSIBLE,
    LabelKind.OTHER,
    LabelKind.SENTENCE,
)
"""Labels that assign duties to bodies; a contact (联系人:) or a deadline line assigns none."""


def _labelled(text: str) -> bool:
    """True for a line that opens with a label and holds a duty label (责任领导:…;责任单位:…)."""
    labels = find_labels(text)
    if not labels or labels[0].start != 0:
        return False
    return any(at.label is not None and at.label.kind in _DUTY_LABELS for at in labels)


_ROSTER = re.compile(r"组长|成员|组成")
_NO_WORK = re.compile(
    r"[^\u4e00-\u9fff]|由|牵头|负责|配合|参与|协助|协同|会同|共同|按照?|职责|分工|各自|积极|做好|等|部门|单位|和|及|与|要|各"
)
"""What a clause may hold besides its names and still say nothing of the work: role verbs, 等部门."""


def _names_only(para: Para, said: AssignmentText) -> bool:
    """True when ``para`` names bodies and their parts and nothing of the work (区财政局、区审计局
    配合。), so that it belongs to the work above it; a body's duty (省教育厅负责人才培养。) is a
    task of its own."""
    names = [*said.leads, *said.participants, *said.responsible]
    names += [n for n, _ in (*said.others, *said.implementing)]
    text = para.folded[para.body_start :]
    for name in sorted({n.text for n in names}, key=len, reverse=True):
        text = text.replace(name, "")
    return len(_NO_WORK.sub("", text)) <= 4


_OPENS_WITH_VERB = re.compile(r"(主要)?(负责|牵头|承担)")
"""A clause whose subject the clause before named (区食品处按照要求,负责组织…)."""
_TOGETHER = re.compile(r"(联合|共同)(?!体)")
"""A clause of work the bodies of the clause before do together (公安、文化等部门,联合检查…)."""
_LEVEL_CHAR = "省市县区州镇乡局"
_MIN_HEADING = 4
_MAX_HALF = 8


def _after_heading(clause: str, custom: Custom, first: bool = True) -> AssignmentText | None:
    """What an item's first clause assigns when the item's heading runs into its first sentence
    with no stop (完善辖区主干道交通指示标志区交通与建设局要牵头…): the clause read from the first
    body, a name opening with its level word, on.  A heading's second clause (制定方案,部署落实局食品
    处要…) holds only a few words before the body."""
    last = len(clause) - 2 if first else min(len(clause) - 2, _MAX_HALF)
    for k in range(_MIN_HEADING if first else 2, last):
        if clause[k] in _LEVEL_CHAR:
            k -= clause[k - 1 : k + 1] == "辖区"  # 检查时间辖区各分局应…: the district's own offices
            said = read_clause(clause[k:], custom)
            if said is not None and not said.is_empty:
                return said
    return None


def _roster_only(para: Para, said: AssignmentText) -> bool:
    """True for a numbered section that only sets up a working group and puts people in charge of
    it (二、组织领导 成立…领导小组,由…任组长): organisation, no body's task."""
    # …由区政府分管领导任组长,各街办、商贸旅游局等部门为成员: members under a leader, no one charged
    bodies = [*said.leads, *said.responsible, *said.others, *said.implementing]
    return not bodies and bool(_ROSTER.search(para.folded))


def charges_anew(before: AssignmentText, said: AssignmentText) -> bool:
    """True when ``said`` charges a body that ``before`` (the sentence, or the paragraph's stretch,
    before it) did not name: a stretch of its own, where words that charge the same bodies again,
    or none, go on the stretch before."""
    # a body the sentence before only helped (…配合交通与建设处…; 交通与建设处要发挥牵头作用) is charged anew
    return bool(
        {n.text for n in (*said.leads, *said.responsible)}
        - {n.text for n in (*before.leads, *before.responsible, *(n for n, _ in before.others))}
    )


def _add_part(
    parts: list[tuple[int, AssignmentText]], start: int, said: AssignmentText, before: AssignmentText | None
) -> None:
    """Add a sentence's assignment to the stretches of its paragraph: a stretch of its own, from
    the sentence's ``start``, when it charges bodies the sentence ``before`` it did not, else part
    of the stretch before."""
    if parts and before is not None and not charges_anew(before, said):
        merged = AssignmentText()
        merged.merge(parts[-1][1])
        merged.merge(said)
        parts[-1] = (parts[-1][0], merged)
        return
    copy = AssignmentText()
    copy.merge(said)
    parts.append((start, copy))


def read_prose(paras: list[Para], custom: Custom = None) -> list[Finding]:
    """Mark each paragraph or item whose clauses assign in prose with that assignment, at its end,
    and return a warning for each; paragraphs that already carry an assignment are left alone."""
    found: list[Finding] = []
    for para in paras:
        if para.kind not in ("para", "item") or para.inlines or para.heads is not None:
            continue
        total: AssignmentText | None = None
        parts: list[tuple[int, AssignmentText]] = []
        first = ""
        clauses = read = 0
        sentence_end = para.body_start
        previous: AssignmentText | None = None  # the last sentence that charged anyone
        for number, (sentence, end) in enumerate(_sentences(para.folded, para.body_start)):
            sentence_start, sentence_end = sentence_end, end
            read_before = read
            said_here = AssignmentText()
            pending: AssignmentText | None = None
            pending_names = ""
            for clause in sentence:
                clauses += 1
                said = read_clause(clause, custom)
                if said is None and pending is not None and _OPENS_WITH_VERB.match(clause):
                    said, pending = read_clause(pending_names + clause, custom), None
                elif said is None and pending is not None and _TOGETHER.match(clause):
                    said, pending = pending, None
                if said is None and para.marker is not None and number == 0 and read == 0 and clauses <= 2:
                    # 制定方案,部署落实局食品处要…: a heading of two clauses runs into the sentence
                    said = _after_heading(clause, custom, clauses == 1)
                if said is None and clause is not sentence[-1]:
                    # 各县(市)、上街区人民政府,郑州高新区…管委会是…第一责任人并负总责: bodies alone,
                    # a comma, and more bodies with their part: the first share it
                    pending = bodies_only(clause, custom)
                    pending_names = "、".join(n.text for n in pending.responsible) if pending else ""
                    continue
                if said is not None and pending is not None and said.leads and not said.participants:
                    said.leads = [*pending.responsible, *said.leads]
                elif said is not None and pending is not None and said.responsible and not said.leads:
                    said.responsible = [*pending.responsible, *said.responsible]
                pending = None
                if said is None or (said.is_empty and not said.persons):
                    continue
                first = first or clause
                said_here.merge(said)
                read += 1
            if not (said_here.leads or said_here.responsible or said_here.participants) and all(
                role == "落实" for _, role in said_here.others
            ):
                # 各处室、各村落实好属地责任, 党群工作处定期组织开展…: a sentence of bodies that see to
                # the work or carry it out, and no one else
                said_here.responsible = [n for n, _ in (*said_here.others, *said_here.implementing)]
                said_here.others, said_here.implementing = [], []
            if not said_here.leads:
                # a sentence that names no lead (县财政局要…, 县审计局要…): each body it charges
                # leads its own part; a 牵头 in another sentence does not make them helpers
                said_here.leads, said_here.responsible = said_here.responsible, []
            if read:
                total = total or AssignmentText()
                total.merge(said_here)
            if read > read_before:
                _add_part(parts, sentence_start, said_here, previous)
                previous = said_here
        # a paragraph of members under a leader is a roster; one of people alone puts them in charge
        if total is None or (_roster_only(para, total) and (para.marker is not None or total.participants)):
            continue
        if (
            para.marker is None
            and read == clauses
            and (_ROSTER.search(para.folded) or _names_only(para, total))
        ):
            para.kind, para.pure = "pure", total  # the line is only an assignment (a roster)
        elif len(parts) > 1:
            # 局药械处负责…。稽查支队负责…。办公室负责…: each body's sentences are a task of their own,
            # the sentences after them that charge no one new (重点检查…) going with them
            ends = [at for at, _ in parts[1:]] + [len(para.folded)]
            para.inlines = [Inline(Group(at, at), said) for at, (_, said) in zip(ends, parts, strict=True)]
            para.prose = True
        else:
            end = len(para.folded)
            para.inlines = [Inline(Group(end, end), total)]
            para.prose = True
        shown = first if len(first) <= 30 else first[:30] + "…"
        found.append(
            Finding(
                para.line,
                f'全文没有用括号、标签或表格写分工, 这一段已按正文 "{shown}" 读出分工: 请核对, '
                "如有出入请用 matrix correct 更正",
            )
        )
    return found
