"""Reading one assignment: the text of a bracket or a labelled line naming who does a task.

``(由A会同B、C牵头,D、E等参与)``, ``(A、B负责。列第一位者为牵头单位,下同)``, ``责任单位:A、B``,
``(负责部门:A,适用范围:…)``, ``(A指导,B参与)``, ``(A、B分别牵头,年内持续推进)`` ...

The text is cut into clauses at ``, ; 。`` (outside brackets) and before field labels; each clause
is a lead-rule statement, a remark to skip, a deadline, a labelled list, or a list of names ending
in a role word.  Names whose role depends on the plan's lead rule (``A、B负责``) are kept apart as
``responsible`` until :func:`resolve` knows whether the rule is in force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrix.parsers.brackets import depth_split, outer_groups
from matrix.parsers.names import Name, is_organisation, parse_names, split_list

RULE = re.compile(
    r"(列|排|排列|位列|列在|排在)(在)?(第一|首)位.{0,8}(为|是|作为)?.{0,4}(牵头|汇总)"
    r"|第一(位|个)(的)?(部门|单位)?(为|是)(牵头|主办)"
)
_SKIP = re.compile(
    r"^(下同|以下同|不再列出|不再一一列出|不再做分工|不再分工|以下均.*|以下各项.*|除.*外|"
    r"(其他|其余|其它)(的)?(为|是)(配合|参与|责任|协办)(单位|部门)|"
    r"具体任务.*|.*不再(列出|做分工|分工).*|以下简称.*|此件公开发布)$"
)
_DEADLINE = re.compile(
    r"^(年内持续推进|持续推进|长期坚持|长期推进|常态化推进|长期|持续|年内完成|年底前完成|"
    r"\d{4}年.{0,12}(前|底|内|完成|启动|见效)(完成|取得.*)?|(\d{4}年)?\d{1,2}月(底|末|中旬|上旬|下旬)?前.*|"
    r"(每年|每季度|每月|每半年).{0,10}|年底前|年内|\d{4}年)$"
)
_SCOPE_LABEL = re.compile(r"^(适用范围|适用地区|实施范围|范围)\s*:")
_LABELS = {
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主办单位": "lead",
    "牵头责任单位": "lead",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "负责单位": "responsible",
    "负责部门": "responsible",
    "责任科室": "responsible",
    "承办单位": "responsible",
    "实施单位": "responsible",
    "责任主体": "responsible",
    "配合单位": "participant",
    "配合部门": "participant",
    "参与单位": "participant",
    "参加单位": "participant",
    "协办单位": "participant",
    "协助单位": "participant",
    "协同单位": "participant",
    "指导单位": "指导",
    "督办单位": "督办",
}
_LABEL = re.compile(r"^(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*:\s*(.*)$")
_DEADLINE_KEYS = ("完成时限", "完成时间", "时限要求", "时间要求", "时限", "时间节点")
_DEADLINE_LABEL = re.compile(r"^(" + "|".join(_DEADLINE_KEYS) + r")\s*:\s*(.*)$")
_LABEL_START = re.compile(r"\s+(?=(" + "|".join([*_LABELS, *_DEADLINE_KEYS]) + r")\s*:)")
_VERB = re.compile(
    r"^(?P<names>.*?)(?P<verb>分别牵头负责|共同牵头负责|牵头负责|分别牵头|共同牵头|牵头|"
    r"按职责分工负责|按照职责分工负责|按职责负责|按职能分工负责|按职责分工落实|按职责落实|分别负责|共同负责|"
    r"具体负责|负责落实|负责|"
    r"参与|配合|协助|协办|参加|指导|督导|督办|落实)(?P<tail>(实施|推进|完成|办理|执行)?)$"
)
_BAD_NAME = re.compile(r"[的要将把对是在从向以为了。\"“”《》%]|\d{3,}")
_LEAD_VERBS = {"分别牵头负责", "共同牵头负责", "牵头负责", "分别牵头", "共同牵头", "牵头"}
_PART_VERBS = {"参与", "配合", "协助", "协办", "参加"}
_OTHER_VERBS = {"指导": "指导", "督导": "督导", "督办": "督办", "落实": "落实", "负责落实": "落实"}


@dataclass
class Assignment:
    """What one assignment text says, before the plan's lead rule is applied."""

    leads: list[Name] = field(default_factory=list)
    participants: list[Name] = field(default_factory=list)
    others: list[tuple[Name, str]] = field(default_factory=list)
    responsible: list[Name] = field(default_factory=list)
    separately: bool = False
    """The responsible bodies lead each their own part (分别负责): all of them lead, rule or not."""
    deadline: str | None = None
    states_rule: bool = False
    labelled: bool = False
    named_nobody: bool = False
    """The text gives a role only to vague bodies (各有关部门按职责分工负责): a task with no one named."""

    @property
    def is_empty(self) -> bool:
        """True when the text named nobody and stated no rule: it is not an assignment."""
        return not (
            self.leads
            or self.participants
            or self.others
            or self.responsible
            or self.states_rule
            or self.named_nobody
        )

    def merge(self, other: Assignment) -> None:
        """Add another assignment of the same task (a second labelled line, a second bracket)."""
        self.leads += other.leads
        self.participants += other.participants
        self.others += other.others
        self.responsible += other.responsible
        self.separately = self.separately or other.separately
        self.deadline = self.deadline or other.deadline
        self.states_rule = self.states_rule or other.states_rule
        self.labelled = self.labelled or other.labelled
        self.named_nobody = self.named_nobody or other.named_nobody


def _texts(names: list[Name]) -> list[str]:
    return [n.text for n in names]


def _names(text: str) -> list[Name]:
    return [n for n in parse_names(text) if len(n.text) <= 30 and not _BAD_NAME.search(n.text)]


def _clauses(text: str) -> list[str]:
    out: list[str] = []
    for part in depth_split(text, ",;。"):
        out.extend(
            p.strip()
            for p in _LABEL_START.split(part)
            if p and p.strip() and p not in _LABELS and p not in _DEADLINE_KEYS
        )
    return [c for c in out if c]


def _strip_rule_groups(text: str, result: Assignment) -> str:
    """Remove inner brackets that state the lead rule or skip remarks, noting the rule."""
    for group in reversed(outer_groups(text)):
        inner = group.inner(text)
        if RULE.search(inner) or all(_SKIP.match(c) or RULE.search(c) for c in _clauses(inner)):
            result.states_rule = result.states_rule or bool(RULE.search(inner))
            text = text[: group.start] + text[group.end :]
    return text


def parse_assignment(text: str, *, bare: bool = False) -> Assignment:
    """What an assignment text (folded, without its outer brackets) says.

    With ``bare``, a list of organisations and nothing else (``省数据局、省财政厅``: no role word,
    as plans under a lead rule write them) names the responsible bodies.
    """
    result = Assignment()
    text = _strip_rule_groups(text, result)
    pending: list[Name] = []
    context: str | None = None  # the label a verbless list continues (责任单位:A,B → B too)
    scoped = False
    for clause in _clauses(text):
        clause = clause.strip(" .")
        if RULE.search(clause):
            result.states_rule = True
            continue
        if _SKIP.match(clause) or not clause:
            continue
        if _SCOPE_LABEL.match(clause):
            scoped, context = True, None
            continue
        m = _DEADLINE_LABEL.match(clause)
        if m:
            result.deadline = m.group(2).strip() or None
            context = None
            continue
        if _DEADLINE.match(clause):
            result.deadline = clause
            continue
        m = _LABEL.match(clause)
        if m:
            result.labelled = True
            scoped = False
            kind, body = _LABELS[m.group(1)], m.group(2)
            verb = _VERB.match(body)
            if verb and verb.group("names"):
                _apply_verb(result, verb.group("names"), verb.group("verb"), [])
                context = None
            else:
                context = kind
                _apply_label(result, kind, _names(body))
            continue
        if scoped:
            continue
        verb = _VERB.match(clause)
        if verb:
            _apply_verb(result, verb.group("names"), verb.group("verb"), pending)
            pending, context = [], None
            continue
        names = _names(clause)
        if context is not None:
            _apply_label(result, context, names)
        elif (
            bare
            and names
            and len(names) == len(split_list(clause))
            and all(map(is_organisation, _texts(names)))
        ):
            pending += names
        else:
            pending += names
            bare = False  # a clause that is not all organisations: this is prose, not a bare list
    if bare and pending:
        _apply_verb(result, "", "负责", pending)
    return result


def _apply_label(result: Assignment, kind: str, names: list[Name]) -> None:
    marked = [n for n in names if n.marked_lead]
    if marked and kind in ("responsible", "participant"):
        # 责任单位:市发改委(牵头)、市财政局: the marked bodies lead, the others take part
        result.leads += marked
        result.participants += [n for n in names if not n.marked_lead]
        return
    if kind == "lead":
        result.leads += names
    elif kind == "participant":
        result.participants += names
    elif kind == "responsible":
        result.responsible += names
    else:
        result.others += [(n, kind) for n in names]


def _apply_verb(result: Assignment, names_text: str, verb: str, pending: list[Name]) -> None:
    head_text, _, co_text = names_text.partition("会同")
    head = pending + _names(head_text)
    co = _names(co_text)
    if not head and not co and names_text.strip():
        result.named_nobody = True
        return
    starts_with_co = names_text.startswith("会同") or (not head_text.strip("由 ") and bool(co_text))
    if verb in _LEAD_VERBS:
        result.leads += head + co  # 由A会同B、C牵头: all lead, A first
    elif verb in _PART_VERBS:
        result.participants += head + co
    elif verb in _OTHER_VERBS:
        result.others += [(n, _OTHER_VERBS[verb]) for n in head + co]
    elif starts_with_co or (result.leads and not head):
        result.participants += co or head  # A牵头,会同B、C和各区政府负责: B, C ... take part
    elif result.leads:
        result.participants += head + co
    elif any(n.marked_lead for n in head):
        result.leads += [n for n in head if n.marked_lead]  # A(牵头)、B负责: A leads, B takes part
        result.participants += [n for n in head if not n.marked_lead] + co
    else:
        result.responsible += head
        result.participants += co  # A会同B负责: A is responsible, B helps
        result.separately = result.separately or verb.startswith("分别")


def resolve(assignment: Assignment, rule_in_force: bool) -> tuple[list[Name], list[Name]]:
    """The leads and participants of an assignment, once the plan's lead rule is known.

    Explicit leads (牵头) stay leads and make the responsible bodies participants; otherwise, under
    a lead rule the first responsible body leads and the rest take part, unless they lead
    separately (分别负责); with no rule every responsible body leads.
    """
    leads = list(assignment.leads)
    participants = list(assignment.participants)
    responsible = assignment.responsible
    if leads:
        participants = responsible + participants
    elif rule_in_force and not assignment.separately and responsible:
        leads = responsible[:1]
        participants = responsible[1:] + participants
    else:
        leads = list(responsible)
    return leads, participants


_TEXT_DEADLINE = re.compile(
    r"((?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?前)|(本(?:意见|通知|方案|计划)印发之日起\d+(?:个工作日|日|天|个月)内)"
)


def deadline_in_text(text: str) -> str | None:
    """A time limit stated in a task's own text (2019年6月底前, 本意见印发之日起30日内), or None.

    ``2000年底前建成的小区`` describes the object, not a time limit: a date followed closely by
    ``的`` is skipped.
    """
    for m in _TEXT_DEADLINE.finditer(text):
        value = m.group(0)
        if re.search(r"\d", value) and "的" not in text[m.end() : m.end() + 4]:
            return value
    return None
