"""Reading one assignment: the text of a bracket or a labelled line naming who does a task.

``(由A会同B、C牵头,D、E等参与)``, ``(A、B负责。列第一位者为牵头单位,下同)``, ``责任单位:A、B``,
``(负责部门:A,适用范围:…)``, ``(A指导,B参与)``, ``(A、B分别牵头,年内持续推进)`` ...

The text is cut into clauses at ``, ; 。`` (outside brackets) and before field labels; each clause
is a lead-rule statement, a remark to skip, a deadline, a labelled list, or a list of names ending
in a role word.  Names whose role depends on the plan's lead rule (``A、B负责``) are kept apart as
``responsible`` until :func:`resolve` knows whether the rule is in force.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from matrix.parsers.brackets import depth_split, outer_groups
from matrix.parsers.names import (
    Name,
    is_group,
    is_organisation,
    is_vague,
    is_zone,
    may_be_person,
    mostly_bodies,
    parse_names,
    runs_past_body,
    split_list,
)
from matrix.text.normalize import drop_glosses
from matrix.text.roles import LabelAt, LabelKind, find_labels, is_implementing, looks_like_label, read_label

RULE = re.compile(
    r"(列|排|排名|排序|排列|位列|列在|排在)(在)?(第一|首)(位|者|个)?.{0,8}(为|是|作为)?.{0,4}(牵头|汇总)"
    r"|第一(位|个)?(的)?(责任)?(部门|单位)?(为|是)(牵头|主办)"
    r"|(首位|排首位|排名第一|第一位)(的)?(单位|部门)?(为|是)(牵头|主办)"
)
COMMA_RULE = re.compile(r"(第一个|首个)?(逗号|分号)前(面)?(的)?(单位|部门)?(为|是)牵头")
"""A lead rule by punctuation: every body before the list's first comma leads, the rest take part."""
_SKIP = re.compile(
    r"^(下同|以下同|不再列出|不再一一列出|不再做分工|不再分工|以下.{0,8}均.*|以下各项.*|除.*外|"
    r"(其他|其余|其它)(的)?(为|是)(配合|参与|责任|协办)(单位|部门)|"
    r"具体任务.*|.*不再(单独|另行|逐一|一一)?(列出|做分工|分工|重复).*|以下简称.*|此件公开发布|不(再)?逐一列出|"
    r"明确(了)?牵头(部门|单位)的|.{0,6}(两|二|2)个(及|或)?以上的?)$"
)
_DEFAULT = re.compile(r"^以下.{0,8}均需?(?P<rest>.+)$")
"""A default stated once for the items below (以下均需各县政府负责, 不再列出): its bodies are named
here, where it is written, as the annotation rules."""
_DEADLINE = re.compile(
    r"^(年内持续推进|持续推进|长期坚持|长期推进|常态化推进|长期|持续|年内完成|年底前完成|"
    r"\d{4}年.{0,12}(前|底|内|完成|启动|见效)(完成|取得.*)?|(\d{4}年)?\d{1,2}月(底|末|中旬|上旬|下旬)?前.*|"
    r"(\d{4}年)?\d{1,2}月(底|末|中旬|上旬|下旬)(前)?(完成|办结)?|"
    r"(每年|每季度|每月|每半年).{0,10}|年底前|年内|\d{4}年)$"
)
_SCOPE_LABEL = re.compile(r"^(适用范围|适用地区|实施范围|范围)\s*:")
_COMPLETE = re.compile(r"(?<=[前底内末])(完成|完成任务|实现|到位|落实到位|落实|办结|见效)$")
_MANNER = re.compile(r"^(?:按照?|依照?|根据)(?:各自)?(?:职责|职能)(?:分工)?")
"""How the bodies take their role (按职责分工, 依职能), written before a modifier and a verb."""
_MODIFIERS = ("分别", "共同", "具体", "积极", "主动", "全力", "密切", "切实", "认真", "统一", "参照")
"""Words between the bodies and their role verb (分别牵头, 参照落实: towns follow the city's lead)."""
_LEAD_CORES = ("牵头负责", "牵头抓总", "总牵头", "牵头", "主办", "主抓", "主责", "领衔", "负总责", "为主")
_RESPONSIBLE_CORES = (
    "按照职责分工负责",
    "按分工负责",
    "分工负责",
    "按职责分工负责",
    "按职能分工负责",
    "按职责负责",
    "按照职责分工落实",
    "按职责分工落实",
    "按职能分工落实",
    "按职责落实",
    "负责",
    "承办",
    "组织实施",  # 由A、B共同组织实施: they carry it out, and no one else is named
    "实施",  # A牵头,各乡镇人民政府具体实施: the bodies that carry it out
)
_PARTICIPANT_CORES = ("参与", "配合", "协助", "协办", "参加", "协同", "协作")
_OTHER_CORES = {
    "负责落实": "落实",
    "负责落實": "落实",
    "组织落实": "落实",
    "落实": "落实",
    "指导": "指导",
    "督导": "督导",
    "督办": "督办",
    "技术保障": "技术保障",  # 科监处技术保障: supports the task, not named to lead or help it
    "技术支持": "技术支持",
    "技术支撑": "技术支撑",
}
_CORES = sorted(
    [*_LEAD_CORES, *_RESPONSIBLE_CORES, *_PARTICIPANT_CORES, *_OTHER_CORES], key=len, reverse=True
)
_ROLE_THEN_LIST = re.compile(
    r"(?<=牵头|配合|参与|协助|协办|协同|为主|负责|落实|主办|承办)、"
    r"(?=\S{2,}(?:牵头|配合|参与|协助|协办|协同|负责|落实|主办|承办)$)"
)
"""A 、 between two names-with-their-role (A为主、B协助): a clause ends there."""
_AFTER_LEAD = re.compile(r"(?<=牵头|为主)、")
"""A 、 right after a lead's verb (A和B分别牵头、C): the list goes on under its label."""
_VERB = re.compile(
    r"^(?P<names>.*?)(?P<verb>(?:" + _MANNER.pattern[1:] + r")?(?:" + "|".join(_MODIFIERS) + r")?"
    r"(?:" + "|".join(_CORES) + r"))"
    r"(?P<tail>((组织|抓好|抓|具体|负责)?(实施|推进|完成|办理|执行|做好|开展|落实|推动))?)$"
)
"""A list of names ending in a role verb: a modifier (分别, 积极 …), a core verb, a tail that says
what the role does (实施, 牵头**落实**, 牵头**组织实施** …)."""
_HELPS = re.compile(
    # 社会事业处配合区社会事业局负责养老院: the work after the verb is no part of the name
    r"^(?P<helpers>[^,;]+?)(?:积极|主动|全力)?(?:(?:配合|协助)(?P<led>[^,;]+?)"
    r"(?:(?:落实|负责|实施|推进|做好|对|开展|进行|抓好|共同|完成)[^,;]*)?"
    # 市公安局、市建委协同市交通运输局负责: 协同 helps only with a verb after (协同畜牧局 is a role)
    r"|协同(?P<with>[^,;]+?)(?:落实|负责|实施|推进))$"
)
"""``A、B配合C、D``, ``A、B协同C负责``: A and B help C and D, who lead."""
_OWN_PART = re.compile(r"^(?P<names>[^,;]+?)(?P<part>负责[\u4e00-\u9fff]{2,16})$")
"""``区管委会办公室政策法规处负责法制审查工作``: a body and the part of the work it does."""


def _all_bodies(text: str) -> bool:
    names = parse_names(text)
    return (
        bool(names)
        and len(names) == len(split_list(text))
        and all(
            (is_organisation(n.text) or n.text.startswith("各")) and not _BAD_NAME.search(n.text)
            for n in names
        )
    )


_BY_WITH = re.compile(
    r"^由(?P<names>[^,;]+?(会同|會同)[^,;]+?)(等(有关|相关)?(部门|单位))?"
    r"(研究|提出|制定|负责|组织|推进|办理|抓好|做好|落实|落實|实施|實施|开展|開展)"
)
"""``由X会同Y、Z等部门研究提出…``: who sees to a task and who helps, with a verb no role word names."""
_AS_LABEL = re.compile(r"^(?P<names>.+?)(?:为|作为|是)(?P<label>[\u4e00-\u9fff]{2,8})$")
"""``市发改委为牵头单位``: names said to be what a label names."""


def _verb_kind(verb: str) -> tuple[str, str]:
    """The role a verb gives (lead, responsible, participant, or another role's word) and its core."""
    manner = verb not in _CORES and bool(_MANNER.match(verb))
    core = verb = verb if verb in _CORES else _MANNER.sub("", verb)
    for modifier in _MODIFIERS:
        if verb.startswith(modifier) and verb[len(modifier) :] in _CORES:
            core = verb[len(modifier) :]
            break
    if core in _LEAD_CORES:
        return "lead", core
    if core in _PARTICIPANT_CORES:
        return "participant", core
    # but A、B分别负责落实 / 按职责分工负责落实: each sees to its own part
    if core in _OTHER_CORES and not (core == "负责落实" and (verb.startswith("分别") or manner)):
        return _OTHER_CORES[core], core
    return "responsible", core


_BAD_NAME = re.compile(
    r"[的要将把对是从向为了。:\"“”《》%]|(?<!所)在|以(?![上下])|\d{3,}"
    # 集中开展灭火救援训练县政府, 区市场监督管理局严格监管…: work, never a body's name
    r"|做好|开展|严格|及时|按照|大力|^强化|^加强|^密切|^来源|^信息来源"
    # 各乡镇任务清单之前已下发: a remark on when a thing was done, no body
    r"|之前|之后|已|下发|^应当|告知|^其|^(会同|指导|督促|直接|委托)|原则上|不超过|不少于"
    # 2, 37吨: a figure or an amount a table's cell held, no body (13个街道、镇 counts bodies)
    r"|^\d+$|^\d+[吨户项处辆万]"
)


@dataclass
class AssignmentText:
    """What one assignment text says, before the plan's lead rule is applied."""

    leads: list[Name] = field(default_factory=list)
    participants: list[Name] = field(default_factory=list)
    others: list[tuple[Name, str]] = field(default_factory=list)
    responsible: list[Name] = field(default_factory=list)
    implementing: list[tuple[Name, str]] = field(default_factory=list)
    """Bodies a 实施 label names (实施部门:), with the label: see :meth:`settle`."""
    separately: bool = False
    """The responsible bodies lead each their own part (分别负责): all of them lead, rule or not."""
    deadline: str | None = None
    states_rule: bool = False
    labelled: bool = False
    named_nobody: bool = False
    """The text gives a role only to vague bodies (各有关部门按职责分工负责): a task with no one named."""
    comma_rule: bool = False
    """The text states the comma rule (第一个逗号前为牵头单位)."""
    first_group: int | None = None
    """How many responsible bodies stand before the first comma of their list, when it goes on after one."""
    persons: list[tuple[str, str]] = field(default_factory=list)
    """People named with a label (分管省领导:林克庆): (name, label); never departments."""
    unread_labels: list[str] = field(default_factory=list)
    """Labels shaped like role labels (抄送单位:) whose role could not be read."""
    too_long: list[str] = field(default_factory=list)
    """Names longer than any body's that were left out (reported, never dropped in silence)."""
    odd_names: list[str] = field(default_factory=list)
    """Names holding a role or label word (责任单位住建局) that were left out (reported)."""
    unread: int = 0
    """Clauses that were neither names with a role, a label, a deadline nor a remark: prose."""

    @property
    def is_empty(self) -> bool:
        """True when the text named nobody and stated no rule: it is not an assignment."""
        return not (
            self.leads
            or self.participants
            or self.others
            or self.responsible
            or self.implementing
            or self.states_rule
            or self.named_nobody
            or self.persons
        )

    @property
    def rule_only(self) -> bool:
        """True when the text names no one at all: at most it states the lead rule or a deadline."""
        return not (
            self.leads
            or self.participants
            or self.others
            or self.responsible
            or self.implementing
            or self.named_nobody
            or self.persons
        )

    def settle(self) -> None:
        """Give the bodies of a 实施 label their role, once every part of the task is read.

        Beside a lead or the bodies responsible (牵头部门:A;实施部门:B, or a table's 牵头 | 配合 |
        实施主体, 市里落实单位 | 局内负责处室) they carry the work out: a role of their own, with the
        label as its word, so their letter says so.  With no one else named they are the bodies
        responsible for the task, as 责任单位 would be.
        """
        if self.leads or self.responsible:
            self.others += self.implementing
        else:
            self.responsible += [n for n, _ in self.implementing]
        self.implementing = []
        alone = not (self.leads or self.participants or self.responsible)
        if alone and self.others and all(role == "落实" for _, role in self.others):
            # (A、B、各区政府组织落实) alone: no one else is named, so they see to the task
            self.responsible, self.others = [n for n, _ in self.others], []

    def merge(self, other: AssignmentText) -> None:
        """Add another assignment of the same task (a second labelled line, a second bracket)."""
        self.leads += other.leads
        self.participants += other.participants
        self.others += other.others
        self.responsible += other.responsible
        self.implementing += other.implementing
        self.separately = self.separately or other.separately
        self.deadline = self.deadline or other.deadline
        self.states_rule = self.states_rule or other.states_rule
        self.comma_rule = self.comma_rule or other.comma_rule
        if self.first_group is None and other.first_group is not None:
            self.first_group = len(self.responsible) - len(other.responsible) + other.first_group
        self.labelled = self.labelled or other.labelled
        self.named_nobody = self.named_nobody or other.named_nobody
        self.persons += other.persons
        self.unread_labels += other.unread_labels
        self.unread += other.unread
        self.too_long += other.too_long
        self.odd_names += other.odd_names


def _bare_list(clause: str, names: list[Name]) -> bool:
    """True when every piece of ``clause`` names a body: an organisation, a zone acting as one
    (荆州开发区), or bodies left unnamed (市政府相关部门), which give no name."""
    pieces = split_list(clause)
    named = [p for p in pieces if not is_vague(p)]
    if len(names) != len(named) or any(_BAD_NAME.search(n) for n in _texts(names)):
        return False
    bodies = sum(1 for n in _texts(names) if is_organisation(n) or is_zone(n) or is_group(n))
    return not names or mostly_bodies(bodies, len(names))  # all unnamed (市政府相关部门): no name


def _texts(names: list[Name]) -> list[str]:
    return [n.text for n in names]


Custom = Mapping[str, LabelKind] | None
"""Labels named in the plan's settings file ([labels])."""

MAX_NAME = 30
"""Longer "names" are sentences, not bodies; one that still ends as a body is reported."""


def _names(text: str, result: AssignmentText) -> list[Name]:
    out: list[Name] = []
    for name in parse_names(text):
        if _DEADLINE.match(name.text):  # 县商务局 / 12月底前: a table cell's last line is its deadline
            result.deadline = result.deadline or normal_deadline(name.text)
            continue
        bad = _BAD_NAME.search(name.text)
        quoted = bad is not None and bad.group() in '“”"' and is_organisation(name.text)
        if (bad and not quoted) or runs_past_body(name.text):
            # prose, not a name (a body's name may quote its nickname: 区“两旧”专班); a sentence
            # holding it (市发改委、市经贸委对全市…总负责) is no list of bodies
            result.unread += 1
            continue
        if len(name.text) > MAX_NAME:
            if is_organisation(name.text):
                result.too_long.append(name.text)
            continue
        if _ROLE_INSIDE.search(name.text):
            result.odd_names.append(name.text)  # 责任单位住建局: a label the text did not set off
            continue
        out.append(name)
    return out


_ROLE_INSIDE = re.compile(r"(牵头|主责|主办|配合|协同|协助|协办|参与|责任|承办)(单位|部门)(?=\S)")
"""A role label inside a name (责任单位住建局, 县委牵头部门县发改局): no body's name holds one."""


_FIELD = re.compile(r"(?:(?<=\s)|^)([\u4e00-\u9fff]{2,8})\s*:")


_LABEL_ENDS = ("时限", "期限", "时间", "单位", "部门", "处室", "领导", "人")
"""How a label glued to a padded name may end (林 彦整改时限:): a cheap sign before reading it."""


def _fields(text: str, custom: Mapping[str, LabelKind] | None) -> list[re.Match[str]]:
    """The fields a record writes after its labels that give no role (实际完成情况:, 工作成果:),
    each opening after a space: what follows them is no list of bodies."""
    return [
        m
        for m in _FIELD.finditer(text)
        if read_label(m.group(1), custom, topic=True) is None
        and not looks_like_label(m.group(1))
        # 林 彦整改时限:: a padded name, then the label glued to it
        and not (
            m.group(1).endswith(_LABEL_ENDS)
            and any(read_label(m.group(1)[k:], custom) is not None for k in range(1, len(m.group(1)) - 1))
        )
    ]


def _clauses(text: str, custom: Mapping[str, LabelKind] | None) -> list[str]:
    """The clauses of an assignment: cut at ``, ; 。`` outside brackets, before every label, and
    at a ``、`` that closes a role verb (``A为主、B协助``)."""
    out: list[str] = []
    for part in depth_split(text, ",;。"):
        labels = [at.start for at in find_labels(part, custom) if at.start > 0]
        cuts = [
            0,
            *sorted({*labels, *(m.start() for m in _fields(part, custom) if m.start() > 0)}),
            len(part),
        ]
        for a, b in itertools.pairwise(cuts):
            for clause in _ROLE_THEN_LIST.split(part[a:b].strip()):
                for piece in _AFTER_LEAD.split(clause):
                    rule = RULE.search(piece)
                    # A、B等负责排首位的为牵头部门: the rule written on without a stop
                    out.extend([piece[: rule.start()], piece[rule.start() :]] if rule else [piece])
    return [c.strip() for c in out if c.strip()]


def _strip_rule_groups(text: str, result: AssignmentText) -> str:
    """Remove inner brackets that state the lead rule or skip remarks, noting the rule."""
    for group in reversed(outer_groups(text)):
        inner = group.inner(text)
        rule = RULE.search(inner) or COMMA_RULE.search(inner)
        if rule or all(_SKIP.match(c) or RULE.search(c) for c in _clauses(inner, None)):
            result.states_rule = result.states_rule or bool(RULE.search(inner))
            result.comma_rule = result.comma_rule or bool(COMMA_RULE.search(inner))
            text = text[: group.start] + text[group.end :]
    return text


_RULE_TAIL = re.compile(r"(责任)?(单位|部门|处室|科室)?")


def _strip_rules(text: str, result: AssignmentText) -> str:
    """``text`` without a lead rule that stands as a clause among its names (A,B,排名第一位为牵头单位,
    下同), noting the rule: the rule's words are no clause to read as names."""
    for m in reversed(list(RULE.finditer(text))):
        if m.start() and text[m.start() - 1] not in ",;、":
            continue  # …等负责排首位的为牵头部门: the clause reads it as it stands
        end = _RULE_TAIL.match(text, m.end())
        result.states_rule = True
        text = text[: m.start()] + text[end.end() if end else m.end() :]
    return text


def normal_deadline(text: str) -> str:
    """A deadline as a clerk files it: ``2025年9月底前完成`` → ``2025年9月底前``."""
    text = text.strip(" .。;,")
    return _COMPLETE.sub("", text) or text


def parse_assignment(
    text: str, *, bare: bool = False, custom: Mapping[str, LabelKind] | None = None
) -> AssignmentText:
    """What an assignment text (folded, without its outer brackets) says.

    With ``bare``, a list of organisations and nothing else (``省数据局、省财政厅``: no role word,
    as plans under a lead rule write them) names the responsible bodies.  ``custom`` holds the
    labels named in the plan's settings file.
    """
    result = AssignmentText()
    text = _strip_rule_groups(drop_glosses(text), result)  # 负(fù)责(zé)落实: a mirror's pinyin
    text = _strip_rules(text, result)
    pending: list[Name] = []
    context: str | None = None  # the label a verbless list continues (责任单位:A,B → B too)
    scoped = False
    listed = 0  # the verbless clauses of bodies alone in pending
    after_lead = False  # the clause before named the lead with no label (区经发局牵头,…)
    for clause in _clauses(text, custom):
        if listed and not pending:  # a verb took the list's names
            result.unread, listed = result.unread - listed, 0
        clause = clause.strip(" .")
        if COMMA_RULE.search(clause):
            result.comma_rule = True
            continue
        if RULE.search(clause):
            result.states_rule = True
            continue
        default = _DEFAULT.match(clause)
        if default is not None:
            _apply_default(result, default.group("rest"))
            continue
        if _SKIP.match(clause) or not clause:
            continue
        if _SCOPE_LABEL.match(clause):
            scoped, context = True, None
            continue
        if any(m.start() == 0 for m in _fields(clause, custom)):
            context, scoped = "ignore", False  # 实际完成情况:…: a field of the record, no body in it
            result.unread += 1  # words that are no assignment: a sentence holding them is not one
            continue
        labels = find_labels(clause, custom)
        if labels and labels[0].start == 0:
            context, scoped = _labelled(result, labels[0], clause[labels[0].end :].strip(), custom), False
            continue
        if _DEADLINE.match(clause):
            result.deadline = normal_deadline(clause)
            continue
        if scoped or context == "ignore":
            continue
        if context is not None and context.startswith(_PERSON):
            result.persons += [(p, context.removeprefix(_PERSON)) for p in person_names(clause)]
            continue
        said = _AS_LABEL.match(clause)
        label = read_label(said.group("label"), custom) if said else None
        if said is not None and label is not None and label.kind in _SAID_KINDS:
            kind = label.text if label.kind is LabelKind.OTHER else label.kind.value
            _apply_label(result, kind, pending + _names(said.group("names"), result))
            pending, context = [], None
            continue
        helping = _HELPS.match(clause)
        led = helping and (helping.group("led") or helping.group("with"))
        if helping and led and _all_bodies(helping.group("helpers")) and _all_bodies(led):
            # 各乡镇(街道)配合市文明办(落实): the bodies helped lead, the helpers take part
            result.leads += _names(led, result)
            result.participants += _names(helping.group("helpers"), result)
            pending, context = [], None
            continue
        verb = _VERB.match(clause)
        if verb:
            _apply_verb(result, verb.group("names"), verb.group("verb"), pending)
            # 责任单位:A、B牵头,C、D: the list goes on under its label after the lead's verb; with
            # no label (区经发局牵头,区交建局、电力公司), the bodies after the lead take part
            after_lead = not bare and context is None and _verb_kind(verb.group("verb"))[0] == "lead"
            pending, context = [], (context if context == "responsible" else None)
            continue
        part = _OWN_PART.match(clause)
        if part is not None and result.leads and _all_bodies(part.group("names")):
            # A牵头,…,区政府办政策法规处负责法制审查工作: a body with a part of its own beside the
            # lead, the part its role
            result.others += [(n, part.group("part")) for n in pending + _names(part.group("names"), result)]
            pending, context = [], None
            continue
        by_with = _BY_WITH.match(clause)
        if by_with:  # 由X会同Y等部门研究提出落实意见: X sees to it, Y helps, whatever the verb
            _apply_verb(result, by_with.group("names"), "负责", pending, co_helps=True)
            pending, context = [], None
            continue
        unmarked = _unmarked_labels(clause, custom)
        if unmarked:
            for at, names_text in unmarked:
                context = _labelled(result, at, names_text, custom)
            scoped = False
            continue
        names = _names(clause, result)
        if after_lead and context is None and names and _bare_list(clause, names):
            result.participants += names  # 区经发局牵头,区交建局、电力公司: they take part
            continue
        if context is not None:
            if context == "responsible" and result.first_group is None:
                result.first_group = len(result.responsible)
            _apply_label(result, context, names)
        elif bare and names and _bare_list(clause, names):
            pending += names
        elif bare and not names and is_vague(clause):
            continue  # (市发改委,市政府相关部门,…): bodies a bare list leaves unnamed
        else:
            pending += names
            result.unread += 1
            # 省委网信办,省发展改革委、科技厅,省通信管理局等配合: a list the commas broke is read
            # once a verb after it takes its names
            listed += 1 if names and _bare_list(clause, names) else 0
            bare = False  # a clause that is not all organisations: this is prose, not a bare list
    if listed and not pending:
        result.unread -= listed
    if not bare and listed == result.unread and any(n.marked_lead for n in pending):
        # 县交通运输局(牵头)、县公交公司 after the task's text: the mark says who leads the list
        _apply_label(result, "responsible", pending)
        result.unread, pending = 0, []
    if bare and pending:
        _apply_verb(result, "", "负责", pending)
    return result


_LABEL_GAP = re.compile(r"^[\s—\-–~～]*(为|是)?")


def _leading_label(piece: str, custom: Mapping[str, LabelKind] | None) -> tuple[LabelAt, str] | None:
    """A role label opening ``piece`` without its colon, and the name after it."""
    for cut in range(min(10, len(piece) - 2), 1, -1):
        label = read_label(piece[:cut], custom)
        if label is not None and label.kind in (LabelKind.LEAD, LabelKind.PARTICIPANT, LabelKind.RESPONSIBLE):
            return LabelAt(0, cut, label, piece[:cut]), _LABEL_GAP.sub("", piece[cut:])
    return None


def _unmarked_labels(clause: str, custom: Mapping[str, LabelKind] | None) -> list[tuple[LabelAt, str]]:
    """Role labels written without their colon (``主责住建局、协同畜牧局``, ``责任单位—住建局``):
    each label with the names it covers, when every name is a body; else nothing."""
    out: list[tuple[LabelAt, list[str]]] = []
    for piece in split_list(clause):
        found = _leading_label(piece, custom)
        if found is not None:
            out.append((found[0], [found[1]]))
        elif out:
            out[-1][1].append(piece)
        else:
            return []
    names = [n for _, pieces in out for n in pieces]
    if not all(
        (is_organisation(n) or n.startswith("各")) and ":" not in n and not _BAD_NAME.search(n) for n in names
    ):
        return []
    return [(at, "、".join(pieces)) for at, pieces in out]


_SAID_KINDS = (LabelKind.LEAD, LabelKind.PARTICIPANT, LabelKind.RESPONSIBLE, LabelKind.OTHER)
_PERSON = "person:"
"""Context prefix of a person label whose list goes on in the next clause (分管领导:A,B)."""
_IMPLEMENTING = "implementing:"
"""Context prefix of a 实施 label (实施部门:A,B): see :meth:`AssignmentText.settle`."""


def _labelled(
    result: AssignmentText, at: LabelAt, body: str, custom: Mapping[str, LabelKind] | None
) -> str | None:
    """Read ``label: body``; the context that later verbless clauses continue."""
    label = at.label
    if label is None:
        if body:
            result.unread_labels.append(at.word)
        return "ignore"
    kind = label.kind
    if kind is LabelKind.DEADLINE:
        result.deadline = normal_deadline(body) or None
        return None
    if kind is LabelKind.IGNORE:
        return "ignore"
    if kind is LabelKind.SENTENCE:
        result.merge(parse_assignment(body, custom=custom))
        return None
    result.labelled = True
    if kind is LabelKind.PERSON:
        result.persons += [(p, label.text) for p in person_names(body)]
        return _PERSON + label.text
    verb = _VERB.match(body)
    if verb and verb.group("names"):
        _apply_verb(result, verb.group("names"), verb.group("verb"), [])
        # 责任单位:A、B牵头,C、D: the list goes on under its label after the lead's verb
        return kind.value if kind is LabelKind.RESPONSIBLE else None
    context = label.text if kind is LabelKind.OTHER else kind.value
    if kind is LabelKind.RESPONSIBLE and is_implementing(label.text):
        context = _IMPLEMENTING + label.text
    _apply_label(result, context, _names(body, result))
    return context


_TITLES = re.compile(
    r"(同志|(常务)?副?(省长|市长|县长|区长|州长|镇长|乡长|主席|书记|主任|秘书长|局长|厅长|部长|巡视员|调研员))$"
)

_POST_ONLY = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(党委|党组|党工委)?(常务)?副?"
    r"(省长|市长|县长|区长|州长|镇长|乡长|主席|书记|主任|秘书长|局长|厅长|部长|处长|科长|所长|站长|队长|巡视员|调研员)"
)
"""A post named alone (党委副书记, 镇长, 党政办主任), as a roster writes it after the person's name."""


def person_names(text: str) -> list[str]:
    """The people named in ``text`` (林克庆、束学龙同志), without their titles."""
    out: list[str] = []
    # 叶勤13509351223, 颜君宪 13910377716: a contact's telephone number typed beside the name
    text = PHONE.sub(" ", text).strip()
    raws = [name for piece in split_list(text) for name in _spaced_names(piece)]
    if raws and may_be_person(raws[0].strip()):
        # 王学政  党委副书记、镇长: a person's posts after the name are no people of their own
        raws = [raws[0], *(r for r in raws[1:] if not _POST_ONLY.fullmatch(r.strip()))]
    for raw in raws:
        # 孙黎明(市委副书记): the post in a bracket after the name is no part of it
        name = re.sub(r"[(（][^()（）]*[)）]$", "", re.sub(r"\s+", "", raw).strip(" .。;,")) or raw.strip()
        bare = _TITLES.sub("", name)
        # 束学龙同志 → 束学龙; a post (省政府分管领导同志) is kept as written
        # an office (市政府常务副市长) is kept whole: what its title leaves is a body, not a name
        name = bare if 2 <= len(bare) <= 4 and not is_organisation(bare) else name
        if name and name not in out and len(name) <= 12:
            out.append(name)
    return out


_SPACED = re.compile(r"[\u4e00-\u9fff]+(?:\s+[\u4e00-\u9fff]+)+")
PHONE = re.compile(r"(?<!\d)(\d{3,4}-)?\d{7,12}(?!\d)")
"""A telephone number (13641099071, 0591-23163646), typed beside a contact's name."""


def _spaced_names(piece: str) -> list[str]:
    """People a cell separates with spaces, a two-character name padded to a three-character
    name's width with a space inside it: 祝振伟 陈夏林 → 祝振伟, 陈夏林; 沈 昱 祝振伟 → 沈昱, 祝振伟;
    陆 明俞 悦 (two padded names run together) → 陆明, 俞悦."""
    text = piece.strip()
    if not _SPACED.fullmatch(text):
        return [piece]
    names: list[str] = []
    chars = text
    i = 0
    while i < len(chars):
        if chars[i].isspace():
            i += 1
            continue
        j = i
        while j < len(chars) and not chars[j].isspace():
            j += 1
        k = j
        while k < len(chars) and chars[k].isspace():
            k += 1
        if j - i == 1 and k < len(chars):
            names.append(chars[i] + chars[k])  # 沈 昱: one name padded with a space
            i = k + 1
        else:
            names.append(chars[i:j])
            i = j
    return names


def _apply_label(result: AssignmentText, kind: str, names: list[Name]) -> None:
    marked = [n for n in names if n.marked_lead]
    if marked and kind in ("responsible", "participant", "lead"):
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
    elif kind.startswith(_IMPLEMENTING):
        result.implementing += [(n, kind.removeprefix(_IMPLEMENTING)) for n in names]
    else:
        result.others += [(n, kind) for n in names]


_OFFICE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3}?)??(?P<office>(分管|协管|主管|联系)?(常务)?副?"
    r"(省长|市长|县长|区长|州长|旗长|镇长|乡长|秘书长|主席|书记|主任))$"
)
"""A leader named by office (分管副省长, 协管副秘书长): a person, not a body."""


def _apply_default(result: AssignmentText, rest: str) -> None:
    """The bodies a default (以下均需X负责) charges, with their role, where the assignment does not
    already name them."""
    verb = _VERB.match(rest)
    if verb is None:
        return
    named = {n.text for n in (*result.leads, *result.participants, *result.responsible)}
    named |= {n.text for n, _ in (*result.others, *result.implementing)}
    fresh = [n for n in _names(verb.group("names"), AssignmentText()) if not _named(n.text, named)]
    if fresh:
        _apply_verb(result, "", verb.group("verb") + verb.group("tail"), fresh)


def _named(name: str, named: set[str]) -> bool:
    # 各片区负责配合落实 names 各片区 with its verb left on: still the same body
    return any(other.startswith(name) for other in named)


_HELPERS_CLOSED = re.compile(r"等(有关|相关)?(部门|单位|部門|單位)")
"""A list after 会同 closed as a group of helpers (会同农业部等部门)."""


def _apply_verb(
    result: AssignmentText, names_text: str, verb: str, pending: list[Name], *, co_helps: bool = False
) -> None:
    head_text, _, co_text = names_text.replace("會同", "会同").partition("会同")
    head = pending + _names(head_text, result)
    co = _names(co_text, result)
    offices = [n for n in head if _OFFICE.match(n.text)]
    if offices:  # (分管副省长、协管副秘书长负责,省国资委牵头): the leaders in charge, then the bodies
        for n in offices:
            office = _OFFICE.match(n.text)
            assert office is not None
            name = office.group("name")
            if name and not name.endswith(("组", "室", "委", "部", "局", "厅", "办", "处")):
                # 由杨志武副市长负责: the person, with the office in the role (党组书记 is an office)
                result.persons.append((name, office.group("office") + _verb_kind(verb)[1]))
            else:
                result.persons.append((n.text, _verb_kind(verb)[1]))
        head = [n for n in head if n not in offices]
        if not head and not co:
            return
    if not head and not co and names_text.strip():
        result.named_nobody = True
        return
    starts_with_co = names_text.startswith("会同") or (not head_text.strip("由 ") and bool(co_text))
    kind, _ = _verb_kind(verb)
    if kind == "落实" and names_text.startswith("由") and co:
        kind = "responsible"  # 由X会同Y负责落实: X sees to it with Y's help, not a 落实 duty beside a lead
    if kind == "lead":
        result.leads += head + co  # 由A会同B、C牵头: all lead, A first
    elif kind == "participant":
        result.participants += head + co
    elif kind != "responsible":
        result.others += [(n, kind) for n in head + co]
    elif starts_with_co or (result.leads and not head):
        result.participants += co or head  # A牵头,会同B、C和各区政府负责: B, C ... take part
    elif result.leads:
        result.participants += head + co
    elif any(n.marked_lead for n in head):
        result.leads += [n for n in head if n.marked_lead]  # A(牵头)、B负责: A leads, B takes part
        result.participants += [n for n in head if not n.marked_lead] + co
    else:
        result.responsible += head
        if co_helps or _HELPERS_CLOSED.search(co_text):
            result.participants += co  # 由A会同B等部门负责落实: A answers for it, the group helps
        else:
            result.responsible += co  # A会同B、C负责: all answer for it, A first, as 由A会同B、C牵头 all lead
        result.separately = result.separately or "分别" in verb


def resolve(
    assignment: AssignmentText, rule_in_force: bool, comma_rule: bool = False
) -> tuple[list[Name], list[Name]]:
    """The leads and participants of an assignment, once the plan's lead rule is known.

    Explicit leads (牵头) stay leads and make the responsible bodies participants; otherwise, under
    the comma rule the bodies before the list's first comma lead; under a lead rule the first
    responsible body leads and the rest take part, unless they lead separately (分别负责); with no
    rule every responsible body leads.
    """
    leads = list(assignment.leads)
    participants = list(assignment.participants)
    responsible = assignment.responsible
    if leads:
        participants = responsible + participants
    elif comma_rule and responsible:
        first = assignment.first_group or len(responsible)
        leads, participants = responsible[:first], responsible[first:] + participants
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
