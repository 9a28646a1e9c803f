"""Duties written as running prose, read as a plan's last resort.

Some plans write no bracket, label or table at all: each paragraph says in its own sentences who
does what (县教育局负责…, 县编办、县财政局等部门要按照职责分工积极配合).  Read strictly, such a plan
gives no task, and no bureau is told.  When the strict reading finds none, :func:`read_prose` reads
the clauses of each paragraph that open with bodies and their part in the work:

- a role verb after the bodies: ``由X牵头``, ``X负责…``, ``X等部门要积极配合``, ``由X共同组织实施``;
- ``X作为…牵头责任部门``: the part the sentence names;
- ``X要…``: the bodies the sentence charges with the work.

Each paragraph read this way becomes a task and gets a warning naming its line, for the clerk to
check.  Only as a last resort: in a plan that writes its duties in brackets, the same words in its
closing paragraphs (海关总署要继续做好牵头工作) exhort, they do not assign.
"""

from __future__ import annotations

import re

from matrix.model import Finding
from matrix.parsers.assignment import AssignmentText, parse_assignment
from matrix.parsers.brackets import Group, inside, outer_groups
from matrix.parsers.lines import Custom, Inline, Para
from matrix.parsers.names import department_like, is_group, is_organisation, is_zone
from matrix.text.roles import LabelKind, find_labels

_VERB = re.compile(
    r"牵头负责|牵头|负总责|共同组织实施|组织实施|组织落实|负责(?!人|同志)|配合|参与|协助|协同|协作|协办"
    # 县旅游局组织做好…, 县财政局承担…: a body's own work, in a clause that opens with it
    r"|组织(?=制定|做好|开展|实施|协调|落实|编制|指导)|承担"
)
_KIND = {"牵头负责": "牵头", "牵头": "牵头", "负总责": "牵头", "配合": "配合", "参与": "配合", "协助": "配合"}
_KIND |= {"协同": "配合", "协作": "配合", "协办": "配合"}
"""What a role verb makes of the bodies before it; any other verb (负责, 组织实施) charges them."""
_MANNER = re.compile(
    r"(等部门|等单位|等)?(要|应当|应|须|必须|将)?"
    r"((按照?|根据|依照?)(各自)?职[责能](分工)?|继续|进一步|切实|认真|积极|主动|全力|共同|全面|具体|主要|"
    r"分别|统一|密切|负责)*$"
)
"""The words between the bodies and their verb (等部门要按照职责分工积极 配合)."""
_CHARGED = re.compile(r"^(?P<names>[^,;。:]{2,60}?)(要|应当|应|须|必须)(?!求)")
"""``县财政局要切实加大投入``: the bodies a sentence charges with the work."""
_AS = re.compile(r"^(?P<names>[^,;。:]{2,60}?)作?为(?P<part>[^,;。]{0,30}?)(单位|部门)$")
"""``市经委作为全市域外招商牵头责任部门``, ``区建管委、区水务局为成员单位``: the bodies and the part
the sentence names (members take part)."""
_NOT_BODIES = re.compile(r"^(根据|按照|依据|依照|经|在|对|为|向|与|同|请|通过|围绕)")
"""How a clause opens when what follows is no body doing the work (根据乡党委、政府…要求)."""
_SCOPE = re.compile(r"^(?P<names>[^,;。:]{2,60}?)(对|在|于|就)")
"""Where the bodies end and the scope of their work begins (…对全市节能工作总负责)."""
_PLACES = re.compile(r"(园区|开发区|新区|学校|企业|镇|乡|街道|社区|村|政府|管委会)$")
_EVERY = re.compile(r"^各[^、,]*(部门|单位|机构|方面)(、|$)")
"""A list opening with every body of a kind (各行业管理部门要…): a call to all, no duty."""
_LEVEL = re.compile(r"^(省|市|县|区|州|盟|旗|镇|乡|街道|国家|中共|中央|各)")
_ROSTER = re.compile(r"^由?(?P<who>[^,;。:]{2,60}?)(同志)?担?任(?P<role>(常务)?副?(组长|指挥长))$")
"""``由城区办主任刘鹏任组长``: the people a working group's roster puts in charge, with their posts."""
_POST = re.compile(
    r"^.*(主任|局长|组长|队长|书记|主席|部长|处长|科长|所长|站长|院长|校长|经理|厅长|[省市县区镇乡]长)"
)
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def _sentences(folded: str, start: int) -> list[list[str]]:
    """The sentences of a line from ``start``, each as its clauses, cut at stops outside brackets."""
    groups = list(outer_groups(folded))
    out: list[list[str]] = [[]]
    begin = start
    for i in range(start, len(folded) + 1):
        if i == len(folded) or (folded[i] in ",;。:!?" and not inside(i, groups)):
            clause = folded[begin:i].strip()
            if clause:
                out[-1].append(clause)
            if i < len(folded) and folded[i] in "。!?" and out[-1]:
                out.append([])
            begin = i + 1
    return [sentence for sentence in out if sentence]


def _bodies_then(names: str, verb: str, custom: Custom) -> AssignmentText | None:
    """The assignment of bodies written before a verb, or None when they are not all bodies (a
    group such as 各工业园区 counts)."""
    names = names.strip()
    if len(names) < 2:
        return None
    said = parse_assignment(names + verb, custom=custom)
    found = [*said.leads, *said.participants, *said.responsible, *(n for n, _ in said.others)]
    if said.unread or said.unread_labels or not found:
        return None
    if not all(department_like(n.text) or _named_group(n.text) for n in found):
        return None
    return said


def _named_group(name: str) -> bool:
    """A group or zone a sentence names by its kind (各工业园区), not every unit (各单位, 各地)."""
    return len(name) >= 4 and (is_group(name) or is_zone(name)) and bool(_PLACES.search(name))


def _subject(before: str) -> str:
    """The bodies opening words before a verb (市发改委、市经贸委对全市…工作总 → 市发改委、市经贸委)."""
    m = _SCOPE.match(before)
    return m.group("names") if m else ""


def _roster(clause: str) -> AssignmentText | None:
    """The people a roster clause names (由工商局局长程康年任组长 → 程康年, 组长), or None."""
    m = _ROSTER.match(clause)
    if m is None:
        return None
    people = [_POST.sub("", piece).strip() for piece in m.group("who").split("、")]
    if not people or not all(_PERSON.match(p) and not is_organisation(p) for p in people):
        return None  # 由区政府分管领导任组长 names a post, not a person
    return AssignmentText(persons=[(p, m.group("role")) for p in people])


def read_clause(clause: str, custom: Custom = None) -> AssignmentText | None:
    """What one clause of prose assigns, when it opens with bodies and their part, or names the
    people a working group puts in charge; else None."""
    roster = _roster(clause)
    if roster is not None or _NOT_BODIES.match(clause):
        return roster
    verb = _VERB.search(clause)
    if verb is not None:
        before = clause[: verb.start()]
        if "由" in before:  # 此项活动由A、B共同组织实施: the bodies are the ones after 由
            before = before[before.rindex("由") + 1 :]
        before = _MANNER.sub("", before)
        kind = _KIND.get(verb.group(), "负责")
        # 市发改委、市经贸委对全市…工作总负责: the bodies stand before the scope of their work
        said = _bodies_then(_subject(before) or before, kind, custom)
        if said is not None:
            return said
    charged = _CHARGED.match(clause)
    # 县财政局要…, 各区县政府要…
    if (
        charged is not None
        and _LEVEL.match(charged.group("names"))
        and not _EVERY.match(charged.group("names"))
    ):
        return _bodies_then(_MANNER.sub("", charged.group("names")), "负责", custom)
    role = _AS.match(clause)
    if role is not None:
        part = role.group("part")
        verb_word = "牵头" if "牵头" in part else "配合" if re.search("配合|参与|协|成员", part) else "负责"
        return _bodies_then(role.group("names"), verb_word, custom)
    return None


def writes_formally(paras: list[Para]) -> bool:
    """True when the plan writes any duty in a bracket, after a label or in a table: its prose
    then exhorts, and is not read."""
    for para in paras:
        if para.kind == "row" or (para.pure is not None and _labelled(para.folded.strip())):
            return True
        for inline in para.inlines:
            said = para.folded[inline.group.start : inline.group.end].strip()
            if said.startswith(("(", "[")) or _labelled(said):
                return True
    return False


_DUTY_LABELS = (
    LabelKind.LEAD,
    LabelKind.PARTICIPANT,
    LabelKind.RESPONSIBLE,
    LabelKind.OTHER,
    LabelKind.SENTENCE,
)
"""Labels that assign duties to bodies; a contact (联系人:) or a deadline line assigns none."""


def _labelled(text: str) -> bool:
    labels = find_labels(text)
    label = labels[0].label if labels and labels[0].start == 0 else None
    return label is not None and label.kind in _DUTY_LABELS


def read_prose(paras: list[Para], custom: Custom = None) -> list[Finding]:
    """Mark each paragraph or item whose clauses assign in prose with that assignment, at its end,
    and return a warning for each; paragraphs that already carry an assignment are left alone."""
    found: list[Finding] = []
    for para in paras:
        if para.kind not in ("para", "item") or para.inlines or para.heads is not None:
            continue
        total: AssignmentText | None = None
        first = ""
        clauses = read = 0
        for sentence in _sentences(para.folded, para.body_start):
            said_here = AssignmentText()
            for clause in sentence:
                clauses += 1
                said = read_clause(clause, custom)
                if said is None or (said.is_empty and not said.persons):
                    continue
                first = first or clause
                said_here.merge(said)
                read += 1
            if not said_here.leads:
                # a sentence that names no lead (县财政局要…, 县审计局要…): each body it charges
                # leads its own part; a 牵头 in another sentence does not make them helpers
                said_here.leads, said_here.responsible = said_here.responsible, []
            if read:
                total = total or AssignmentText()
                total.merge(said_here)
        if total is None:
            continue
        if para.marker is None and read == clauses:
            para.kind, para.pure = "pure", total  # the line is only an assignment (a roster)
        else:
            end = len(para.folded)
            para.inlines = [Inline(Group(end, end), total)]
        shown = first if len(first) <= 30 else first[:30] + "…"
        found.append(
            Finding(
                para.line,
                f'全文没有用括号、标签或表格写分工, 这一段已按正文 "{shown}" 读出分工: 请核对, '
                "如有出入请用 matrix correct 更正",
            )
        )
    return found
