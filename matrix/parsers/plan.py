"""From a document's lines to the plan model: outline, tasks, assignments and departments."""

from __future__ import annotations

import re

from matrix.errors import InputError
from matrix.model import Department, Document, Finding, OtherRole, Plan, Section, Task
from matrix.parsers.assignment import deadline_in_text, resolve
from matrix.parsers.departments import Registry
from matrix.parsers.lines import Para, classify, own_text
from matrix.parsers.names import Name, is_branch, is_division, is_organisation, levelled, unglue
from matrix.parsers.prose import read_prose, writes_formally
from matrix.parsers.table import column_kind
from matrix.parsers.title import find_title
from matrix.parsers.tree import Node, RawTask, TaskCollector, build_tree
from matrix.settings import Settings
from matrix.text.normalize import fold
from matrix.text.roles import DUTY_SECTION_WORDS, LEAD_WORDS, PARTICIPANT_WORDS, RESPONSIBLE_WORDS


def task_title(text: str) -> str:
    """A task's heading: its first sentence when short, else its first clause."""
    first = text.split("\n", 1)[0]
    for stop in ("。", "；", ";"):
        cut = first.find(stop)
        if 0 < cut <= 60:
            return first[:cut]
    for stop in ("，", ","):
        cut = first.find(stop)
        if 0 < cut <= 60:
            return first[:cut]
    return first[:40] + ("…" if len(first) > 40 else "")


def _sections(root: Node) -> list[Section]:
    out: list[Section] = []

    def walk(node: Node, parent: str | None) -> None:
        for child in node.children:
            if child.is_task:
                continue
            sid = ".".join(child.outline)
            title = child.heading or (own_text(child.para) if child.para else "")
            out.append(Section(sid, child.outline, title, child.line, parent))
            walk(child, sid)

    walk(root, None)
    return out


def _section_id(raw: RawTask) -> str | None:
    node = raw.section
    while node is not None and node.is_task:
        node = node.parent
    if node is None or not node.outline:
        return None
    return ".".join(node.outline)


def _rule_in_force(raw: RawTask, rule_lines: list[int]) -> bool:
    return any(line <= raw.assign_line for line in rule_lines)


_SETS_UP = re.compile(r"^(组织机构|组织领导|领导机构|工作机构|组织架构|机构设置)[^。]{0,40}?成立")
"""A section that sets up the plan's working group (二、组织机构为…,决定成立…领导小组,名单如下)."""


def _roster(raw: RawTask) -> bool:
    """True for a section that sets up a working group and lists its members (成员单位:…) and the
    people at its head, charging no one with work: the plan's organisation, no task."""
    a = raw.assignment
    return bool(_SETS_UP.match(raw.text)) and not (a.leads or a.responsible or a.others or a.implementing)


_ANNEX = re.compile(r"^附件\s*\d*\s*[:：]?\s*$|^附件\s*\d+\s*\S")


def _before_annex(paras: list[Para]) -> list[Para]:
    """The plan's own paragraphs, before its first annex (附件1 / …); [] when it has none."""
    for k, para in enumerate(paras):
        if k and _ANNEX.match(para.folded.strip()):
            return paras[:k]
    return []


def _divides_duties(para: Para) -> bool:
    """True for an item whose heading, before its first stop, says it divides the work (明确责任
    分工。…), with its sentences after it and no assignment read yet; a heading of standing duties
    (部门工作职责。…) describes them, and is left alone."""
    if para.marker is None or para.kind != "item" or para.inlines or para.heads is not None:
        return False
    heading, stop, rest = para.folded[para.body_start :].partition("。")
    return (
        bool(stop)
        and len(heading) <= 12
        and len(rest) > 10
        and any(w in heading and "分工" in w for w in DUTY_SECTION_WORDS)
    )


def parse_document(document: Document, settings: Settings) -> Plan:
    """The plan in ``document``: its tasks with canonical leads and participants, and findings.

    Raises :class:`InputError` when no task with an assignment can be found.  A document that
    already holds its plan (a duty workbook matrix wrote) is taken as it is.
    """
    if document.plan is not None:
        return document.plan
    findings: list[Finding] = []
    paras = classify(document.lines, findings, settings.labels)
    if not paras:
        raise InputError("文件里没有可读的文字", path=document.source)
    if not writes_formally(paras) and not any(_header_words(p.folded) for p in paras):
        # no bracket, label or table anywhere: the plan writes its duties as prose
        findings += read_prose(paras, settings.labels)
    else:
        # (二)明确责任分工。区环卫所负责…;区旅发委负责…: an item that says it divides the duties
        # does so in its sentences, whatever notation the rest of the plan uses
        findings += read_prose([p for p in paras if _divides_duties(p)], settings.labels)
        body = _before_annex(paras)
        if body and not writes_formally(body) and not any(_header_words(p.folded) for p in body):
            # the duties in an annex's table (附件 / 任务分工表) make the annex formal, not the plan's
            # own text, which says who does what in its sentences
            findings += read_prose(body, settings.labels)
    root = build_tree(paras)
    collector = TaskCollector()
    raws = collector.collect(root)
    if any(not _roster(r) for r in raws):
        raws = [r for r in raws if not _roster(r)]
    if not raws:
        raise InputError(_no_task_message(paras), path=document.source)
    findings += _prose_roles(paras, collector.covered)
    findings += _unassigned_items(root, collector.covered)
    rule_lines = sorted([*collector.rule_lines, *(r.assign_line for r in raws if r.assignment.states_rule)])
    comma_lines = [r.assign_line for r in raws if r.assignment.comma_rule]
    for raw in raws:
        raw.assignment.settle()
    _split_known(raws)
    registry = Registry(settings, "\n".join(line.text for line in document.lines))
    for raw in raws:
        a = raw.assignment
        registry.observe([*a.leads, *a.participants, *a.responsible, *(n for n, _ in a.others)])
    registry.finish()
    findings += _glued_names(raws)

    tasks: list[Task] = []
    used: set[str] = set()
    ids: set[str] = set()
    for raw in raws:
        comma = any(line <= raw.assign_line for line in comma_lines)
        leads_n, parts_n = resolve(raw.assignment, _rule_in_force(raw, rule_lines), comma)
        leads = _canonical(registry, leads_n, set())
        participants = _canonical(registry, parts_n, set(leads))
        others = [OtherRole(registry.canonical_name(n), role) for n, role in raw.assignment.others]
        others += [OtherRole(name, role, person=True) for name, role in raw.assignment.persons]
        others += _heading_leaders(raw)
        task_id = _unique_id(_outline_id(raw.outline), ids)
        task = Task(
            id=task_id,
            outline=raw.outline,
            title=task_title(raw.text),
            text=raw.text,
            line=raw.line,
            leads=leads,
            participants=participants,
            others=others,
            deadline=raw.assignment.deadline or deadline_in_text(raw.text),
            section=_section_id(raw),
            written=raw.written if raw.written != raw.text else "",
        )
        tasks.append(task)
        used.update(leads, participants, (o.name for o in others))
        if not leads and not others:  # a task only guided (指导) has no lead by design
            findings.append(Finding(raw.assign_line, f"任务 {task_id} 没有牵头单位"))
    people = {o.name for t in tasks for o in t.others if o.person}
    people -= {n for t in tasks for n in (*t.leads, *t.participants)}
    departments = registry.departments(used)
    for dept in departments:
        dept.is_person = dept.name in people
    listed = {d.name for d in departments}
    departments += [Department(name, is_person=True) for name in sorted(people - listed)]
    return Plan(
        title=find_title(paras),
        source=document.source,
        sections=_sections(root),
        tasks=tasks,
        departments=departments,
        findings=findings,
    )


_ROLE_WORD = re.compile("|".join((*LEAD_WORDS, *PARTICIPANT_WORDS, *RESPONSIBLE_WORDS, "单位", "部门")))
_ORG_IN_TEXT = re.compile(r"[省市县区镇乡]\w{1,12}?(局|委|办|厅|部|中心|政府|公司)")


_PROSE_ROLE = re.compile(
    r"((?:省|市|县|区|州)[\u4e00-\u9fff]{1,10}?(?:局|委|办|厅|中心|政府)|[\u4e00-\u9fff]{2,6}?(?:部|署|总局))"
    r"(?:要|将|应|继续|进一步|做好|抓好|负责){0,3}(牵头|配合|参与|负责)"
)


def _unassigned_items(node: Node, covered: set[int]) -> list[Finding]:
    """A warning for each numbered item that names nobody while most items beside it are tasks
    (1.…(省经信委牵头) / 2.…(省能源局牵头) / 3.推进天然气管网建设。): its bureau is never told."""
    found: list[Finding] = []
    items = [c for c in node.children if c.para is not None and c.para.kind == "item"]
    tasks = [c for c in items if id(c.para) in covered]
    if len(tasks) >= 2 and len(tasks) * 2 > len(items):
        for child in items:
            if child.para is not None and id(child.para) not in covered and not child.has_assignment():
                label = "".join(child.outline[-1:])
                found.append(
                    Finding(
                        child.para.line,
                        f"第{label}项没有写明牵头或参与单位, 没有列入分工表: "
                        "如果它有分工, 请用 matrix correct 补上",
                    )
                )
    for child in node.children:
        found += _unassigned_items(child, covered)
    return found


def _prose_roles(paras: list[Para], covered: set[int]) -> list[Finding]:
    """A role verb after a department in running prose that no task took in (海关总署要继续做好牵头工作):
    a warning, since it may be an assignment written as a sentence."""
    found: list[Finding] = []
    for para in paras:
        if para.kind not in ("para", "item") or id(para) in covered or para.inlines:
            continue
        m = _PROSE_ROLE.search(para.folded)
        if m is not None:
            found.append(
                Finding(
                    para.line,
                    f'这一行写到 "{m.group(0)}", 但不是分工的写法, 没有读入任何任务: '
                    "如果这是分工, 请用 matrix correct 更正",
                )
            )
    return found


def _no_task_message(paras: list[Para]) -> str:
    """Why no task was found, naming the lines that looked like assignments but were not read."""
    message = '没有找到任何带有牵头或参与单位的任务 (例如 "(由A牵头, B参与)")'
    headers = [p for p in paras if _header_words(p.folded)]
    if headers:
        first = headers[0]
        words = "、".join(_header_words(first.folded))
        message += (
            f"。第{first.line}行像是任务表的表头 ({words}), 但没有读出表格的行: "
            "表格可能在复制时丢了单元格之间的分隔; 请从原 Word 或 Excel 文件复制, "
            "或在单元格之间加上 | 或制表符后再试"
        )
        return message
    # a page stored on one line is cut into pieces that keep its number: name it once
    looked = list(
        dict.fromkeys(p.line for p in paras if _ROLE_WORD.search(p.folded) and _ORG_IN_TEXT.search(p.folded))
    )
    if looked:
        shown = "、".join(f"第{n}行" for n in looked[:8]) + (" 等" if len(looked) > 8 else "")
        message += (
            f"。这些行看起来像分工, 但没有读懂: {shown}; 如果它们用了不常见的标签, "
            '可在设置文件的 [labels] 中说明 (例如 "督查单位" = "participant")'
        )
    return message


def _header_words(folded: str) -> list[str]:
    """The words of a task table's header in a line, one after another (a task column and a role
    column at least), or [] for any other line."""
    words = folded.split()
    kinds = [column_kind(w) if len(w) <= 10 and not re.search(r"[.。,;:]", w) else None for w in words]
    roles = [k for k, kind in enumerate(kinds) if kind in ("lead", "participant", "responsible")]
    if not roles:
        return []
    start = end = roles[0]
    while start > 0 and kinds[start - 1] is not None:
        start -= 1
    while end + 1 < len(words) and kinds[end + 1] is not None:
        end += 1
    run = words[start : end + 1]
    return run if "text" in kinds[start : end + 1] else []


_LEADER_TITLE = (
    r"(?P<title>([省市县区州](政府)?)?(常务)?副?"
    r"(省长|市长|县长|区长|州长|主席|书记|秘书长|镇长|乡长|党组成员|党组书记|党组副书记))"
)
_LEADER_WORK = (
    r"(?P<verb>主抓|牵头|负责|分管|领衔|挂帅|督办|联系)"
    # what the heading names is the work under it, nothing else (加强区长负责制 is no leader heading)
    r"(的)?(重[点點]工作|工作任[务務]|重[点點]任[务務]|工作|事[项項]|任[务務]|[项項]目)?([(（][^()（）]*[)）])?[:：。]?$"
)
_LEADER_HEADINGS = (
    re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3}?)" + _LEADER_TITLE + _LEADER_WORK),
    # 区长陈兴立牵头重点工作: the title before the name
    re.compile(r"^" + _LEADER_TITLE + r"(?P<name>[\u4e00-\u9fff]{2,3})" + _LEADER_WORK),
)


def leader_in_heading(heading: str) -> OtherRole | None:
    """The leader a section heading puts in charge (``袁家军省长主抓重点工作`` → 袁家军, 省长主抓)."""
    text = fold(heading.strip()).replace("長", "长").replace("書記", "书记")
    m = _LEADER_HEADINGS[0].match(text) or _LEADER_HEADINGS[1].match(text)
    if m is None:
        return None
    return OtherRole(m.group("name"), m.group("title") + m.group("verb"), person=True)


def _heading_leaders(raw: RawTask) -> list[OtherRole]:
    out: list[OtherRole] = []
    node: Node | None = raw.section
    while node is not None:
        if node.para is not None:
            leader = leader_in_heading(node.heading or own_text(node.para))
            if leader is not None:
                out.append(leader)
        node = node.parent
    return out


def _glued_names(raws: list[RawTask]) -> list[Finding]:
    """A warning for each run-together name the parser cut in two, at its first line."""
    found: dict[str, Finding] = {}
    for raw in raws:
        a = raw.assignment
        for name in [*a.leads, *a.participants, *a.responsible, *(n for n, _ in a.others)]:
            if name.glued is not None and name.glued not in found:
                parts = "、".join(unglue(name.glued))
                found[name.glued] = Finding(
                    raw.assign_line,
                    f'单位名称 "{name.glued}" 像是两个单位粘连在一起, 已按 {parts} 分开读取: '
                    "请核对; 如是一个单位, 请在原文中加上括号或在设置文件中更正",
                )
    return list(found.values())


def _split_known(raws: list[RawTask]) -> None:
    """Names run together where the second is one the plan names on its own elsewhere and the
    first is a body too (派出所工商质监所 where 工商质监所 stands alone; not 市公安局交警支队, a
    branch): cut apart, remembering what they were cut from (a warning names them)."""
    known = {
        n.text
        for raw in raws
        for n in [*raw.assignment.leads, *raw.assignment.participants, *raw.assignment.responsible]
    }

    def cut(names: list[Name]) -> list[Name]:
        out: list[Name] = []
        for name in names:
            parts = next(
                (
                    [name.text[:k], name.text[k:]]
                    for k in range(2, len(name.text) - 1)
                    if name.text[k:] in known
                    and (name.text[:k] in known or is_organisation(name.text[:k]))
                    and not is_branch(name.text[k:])
                    and not is_division(name.text[k:])
                    and not _committee_department(name.text[:k], name.text[k:])
                ),
                None,
            )
            out += [Name(p, glued=name.text) for p in parts] if parts else [name]
        return out

    for raw in raws:
        a = raw.assignment
        a.leads, a.participants, a.responsible = cut(a.leads), cut(a.participants), cut(a.responsible)


_COMMITTEE = re.compile(r"(党委|党工委|工委|[省市县区]委)$")


def _committee_department(left: str, right: str) -> bool:
    """True for a party committee and one of its departments (区党工委党群工作部, 市委组织部): one
    body, as a division written after its body is."""
    return bool(_COMMITTEE.search(left)) and right.endswith("部") and not levelled(right)


def _canonical(registry: Registry, names: list[Name], exclude: set[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        canonical = registry.canonical_name(name)
        if canonical not in out and canonical not in exclude:
            out.append(canonical)
    return out


def _outline_id(outline: tuple[str, ...] | list[str]) -> str:
    """A task's id from its outline; a decimal label (3.2.1) holds its parents' (3.2), so they are
    not written twice (3.2.1, not 3.2.3.2.1)."""
    kept = [
        label
        for k, label in enumerate(outline)
        if not (k + 1 < len(outline) and outline[k + 1].startswith(label + ".") and "." in outline[k + 1])
    ]
    return ".".join(kept)


def _unique_id(task_id: str, ids: set[str]) -> str:
    candidate, n = task_id or "p1", 2
    while candidate in ids:
        candidate, n = f"{task_id}~{n}", n + 1
    ids.add(candidate)
    return candidate
