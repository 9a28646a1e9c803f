"""The role words of plans, in one table: reading a label such as 牵头责任单位 by its parts.

A label names who does a task: ``牵头单位:``, ``协同责任单位:``, ``分管省领导:``, a table's column
header.  It is read by its grammar, not looked up whole: an optional run of role, level and filler
words, then a head word.  The head word decides whether the label names a **person** (领导, 负责人,
责任人, 联系人) or a **body** (单位, 部门, 处室, 科室, 机构, 主体).  The role words decide the role:
a lead word (牵头, 主办, 主责) makes a lead; else a participant word (配合, 协同, 协作, 协助, 协办,
参与, 参加, 支撑); else 主要 makes a lead; else a responsibility word (责任, 负责, 承办, 实施) makes
the bodies *responsible*, whose role the plan's lead rule decides; else a supervisory word (指导,
督办) gives them that role.  Before a colon, a label may open with the matter it concerns
(问题整改责任单位:).  A label with no role word that ends in 分工 (部门分工, 任务分工) introduces a
sentence read like bracket text.  Labels no rule covers may be named in the settings file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from matrix.text.normalize import drop_glosses


class LabelKind(StrEnum):
    """What a label says about the names after it."""

    LEAD = "lead"
    PARTICIPANT = "participant"
    RESPONSIBLE = "responsible"
    """Responsible bodies: leads, or under a lead rule the first leads and the rest take part."""
    OTHER = "other"
    """Bodies with another role (指导, 督办): the label itself is the role."""
    PERSON = "person"
    """People (分管领导, 联系人): kept with the label as their role, never sent anything."""
    SENTENCE = "sentence"
    """A label with no role (部门分工:): what follows reads like bracket text."""
    DEADLINE = "deadline"
    IGNORE = "ignore"
    """Named in the settings as not an assignment at all (抄送单位)."""


SETTINGS_KINDS = {
    "lead": LabelKind.LEAD,
    "participant": LabelKind.PARTICIPANT,
    "responsible": LabelKind.RESPONSIBLE,
    "person": LabelKind.PERSON,
    "other": LabelKind.OTHER,
    "ignore": LabelKind.IGNORE,
}
"""The values a ``[labels]`` entry of the settings file may take."""

LEAD_WORDS = ("总牵头", "牵头", "主办", "主责", "主抓", "领衔", "第一")
PARTICIPANT_WORDS = ("配合", "协同", "协作", "协助", "协办", "参与", "参加", "协调", "成员", "支撑")
RESPONSIBLE_WORDS = ("责任", "负责", "承办", "实施", "承担", "执行", "推进", "落实", "涉及")
SUPERVISORY_WORDS = (
    "指导",
    "督办",
    "督导",
    "督查",
    "监督",
    "督促",
    "监考",
    "考核",
    "监测",
    "评分",
    "考评",
    "评价",
)
MAIN_WORD = "主要"
BODY_HEADS = (
    "单位",
    "部门",
    "处室",
    "科室",
    "股室",
    "机构",
    "主体",
    "处(室)",
    "处（室）",
    "单位(部门)",
    "清单",
)
"""How a label naming bodies ends; 清单 as in 责任清单, the column of bodies beside 任务清单 and 时限清单."""
PERSON_HEADS = ("领导", "负责人", "责任人", "联系人", "领导同志", "组长", "副组长")
LEVEL_WORDS = ("省", "市", "县", "区", "镇", "乡", "街道", "州", "旗", "局", "委", "厅", "级", "政府")
FILLERS = (
    "项目",
    "组织",
    "共同",
    "分管",
    "具体",
    "直接",
    "主管",
    "业务",
    "工作",
    "其他",
    "其余",
    "相关",
    "直",  # 区直牵头部门: the district's own bodies
    "里",  # 市里落实单位: the city's bodies
    "内",  # 局内负责处室: the bureau's own divisions
    "有关",
    "的",
    "和",
    "及",
    "/",
    "本局",  # 本局责任处室: the bureau's own divisions
    "我局",
)
DEADLINE_LABEL = re.compile(
    r"^(完成|办结|推进|实施|工作|计划|建设)?(时限|时间|期限|日期|节点|进度|时序)"
    r"(要求|安排|节点|进度|计划|清单)?$"
    # 整改时限, 问题销号期限: a time limit with the matter it bounds; never a body's head word
    # (…下属事业单位完成时限: the list's last name ends in 单位, the label is 完成时限)
    r"|^(整改|销号|问题销号|办理|落实|解决|整治|处置|回复|答复|反馈)(时限|期限)$"
)
"""A label made of time words (完成时限, 时间进度, 进度安排, 办结时限): the column or line gives the
task's deadline."""
RECORD_WORDS = ("发文", "发布", "印发", "制发", "来文", "成文", "所属", "信息来源")
"""The words that open a label of the document's own record (发文单位:, 发布机构:, 所属机构:): the
body named there issued the plan and is given no task.  (抄送单位 is left to the settings file: a
table may give the bodies it copies a role.)"""
SENTENCE_HEADS = ("分工", "责任分工", "部门分工", "任务分工", "职责分工", "工作分工")
DUTY_SECTION_WORDS = (
    "职责任务分工",
    "成员单位职责",
    "职责分工",
    "责任分工",
    "分工负责",
    "部门职责",
    "工作职责",
    "职责任务",
    "部门分工",
    "任务分工",
    "工作分工",
    "分工与职责",
    "职责与分工",
    "职责和任务",
    "职责与任务",
    "职责及任务",
)
"""The words of a heading over a section that sets out each body's duties (三、职责分工)."""

_TOKENS = sorted(
    {
        *LEAD_WORDS,
        *PARTICIPANT_WORDS,
        *RESPONSIBLE_WORDS,
        *SUPERVISORY_WORDS,
        MAIN_WORD,
        *LEVEL_WORDS,
        *FILLERS,
    },
    key=len,
    reverse=True,
)


_OWNER = re.compile(r"^[\u4e00-\u9fff]{2,8}?(委|局|办|厅|部|院|政府)(内|的|内部)")
_APPOINTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?(?:委员会|管委会|委|政府|厅|局))+(?=[\u4e00-\u9fff])")
"""An organisation opening a label (党工委管委会牵头部门, 省政府牵头单位 as a bureau's table writes it
beside its own divisions): the bodies it appointed, named for reference."""
_DIVISION = re.compile(r"^(?:本局|我局)?(牵头|主办|配合|协办|责任)处$")
"""A division's role written with 处 alone (本局责任处(单位), 牵头处): only with these role words, as
other words before 处 make a division's name (考评处, 项目推进处, 综合协调处)."""
_CONTACT = re.compile(r"(联系人|负责人|责任人)(及|和)?(联系)?(方式|电话|手机)?$")
"""A person column with the means to reach them (企业方联系人及联系方式, 责任单位负责人)."""


@dataclass(frozen=True)
class Label:
    """A label read by its parts: its text as written and what it says."""

    text: str
    kind: LabelKind


def _tokens(prefix: str) -> list[str] | None:
    """``prefix`` cut greedily into known words, or None when some part is not one."""
    out: list[str] = []
    i = 0
    while i < len(prefix):
        for token in _TOKENS:
            if prefix.startswith(token, i):
                out.append(token)
                i += len(token)
                break
        else:
            return None
    return out


def _role(tokens: list[str]) -> LabelKind | None:
    words = set(tokens)
    if words & set(LEAD_WORDS):
        return LabelKind.LEAD
    if words & set(PARTICIPANT_WORDS):
        return LabelKind.PARTICIPANT
    if MAIN_WORD in words:
        return LabelKind.LEAD
    if words & set(RESPONSIBLE_WORDS):
        return LabelKind.RESPONSIBLE
    if words & set(SUPERVISORY_WORDS):
        return LabelKind.OTHER
    return None


def _squash(word: str) -> str:
    return re.sub(r"\s+", "", word).replace("（", "(").replace("）", ")").strip("【】[]:：")


def read_label(
    word: str, custom: Mapping[str, LabelKind] | None = None, *, topic: bool = False
) -> Label | None:
    """What the label ``word`` (without its colon) says, or None when it is not a role label.

    ``custom`` holds labels named in the settings file; they win over the grammar.  With ``topic``,
    the label may open with the matter it concerns (问题整改责任单位:): a label before a colon may,
    a table's header cell may not (工作任务 / 牵头负责部门 are two columns, not one label).
    """
    text = _squash(word)
    if not text or len(text) > 14:
        return None
    if custom and text in custom:
        return Label(text, custom[text])
    if DEADLINE_LABEL.match(text):
        return Label(text, LabelKind.DEADLINE)
    if text.startswith(RECORD_WORDS):
        return Label(text, LabelKind.IGNORE)
    if text in SENTENCE_HEADS:
        return Label(text, LabelKind.SENTENCE)
    joined = _joined_label(text)
    if joined is not None:
        return joined
    for head in sorted(PERSON_HEADS, key=len, reverse=True):
        if text.endswith(head):
            tokens = _tokens(text[: -len(head)])
            if tokens is not None and not (head == "领导" and not tokens):
                return Label(text, LabelKind.PERSON)
    division = _DIVISION.match(text)
    if division is not None:  # 本局责任处: never 考评处 or 项目推进处, which are divisions' names
        return Label(text, _role([division.group(1)]) or LabelKind.RESPONSIBLE)
    contact = _CONTACT.search(text)
    if contact is not None and contact.group(1) != text and 0 < contact.start() <= 6:
        return Label(text, LabelKind.PERSON)  # 责任单位负责人, 企业方联系人: whoever's person it is
    for head in sorted(BODY_HEADS, key=len, reverse=True):
        if text.endswith(head):
            tokens = _tokens(text[: -len(head)])
            owner = _OWNER.match(text) or _APPOINTER.match(text)
            if tokens is None and owner is not None and _tokens(text[owner.end() : -len(head)]):
                # 市卫健委内牵头处室: the divisions inside one body, not bodies of the plan
                return Label(text, LabelKind.OTHER)
            if tokens is None and topic:
                tokens = _after_topic(text[: -len(head)])
            if tokens is None:
                return None
            role = _role(tokens)
            return Label(text, role) if role is not None else None
    # a label of role words alone: 牵头: / 配合: / 主责:, ending in one (实施项目: names projects)
    tokens = _tokens(text)
    if tokens and len(text) >= 2 and tokens[-1] not in {*LEVEL_WORDS, *FILLERS, MAIN_WORD}:
        role = _role(tokens)
        if role is not None and role is not LabelKind.OTHER:
            return Label(text, role)
    return None


_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_OVERSIGHT = re.compile(r"[督监审检查考评导办]")
"""Characters of supervising and handling words (督察, 审核, 交办): a topic holds none of them."""


def _after_topic(prefix: str) -> list[str] | None:
    """The role words of a label that opens with its topic (问题整改责任单位, 创建任务牵头单位): two to
    six characters naming the matter, then role words; None when the words before the role words
    are themselves role-like (督察落实单位 is read whole or not at all)."""
    roles = (*LEAD_WORDS, *PARTICIPANT_WORDS, *RESPONSIBLE_WORDS, *SUPERVISORY_WORDS, MAIN_WORD)
    for cut in range(2, min(6, len(prefix) - 1) + 1):
        topic, tokens = prefix[:cut], _tokens(prefix[cut:])
        plain = bool(_CJK_WORD.match(topic)) and not _OVERSIGHT.search(topic)
        if tokens is None or not plain or any(word in topic for word in roles):
            continue
        if _role(tokens) not in (None, LabelKind.OTHER):
            return tokens
    return None


def _joined_label(text: str) -> Label | None:
    """Two labels joined by 与 / 和 / 及 / 或 (责任主体与协同单位): bodies responsible and helping are
    read as helping (a lead column beside it names the lead), a lead and helpers as responsible
    (the plan's lead rule decides), two labels of one role as that role."""
    for joiner in ("与", "和", "及", "或"):
        left, sep, right = text.partition(joiner)
        if not sep or not left or not right:
            continue
        first, second = read_label(left), read_label(right)
        if first is None or second is None or LabelKind.PERSON in (first.kind, second.kind):
            continue
        kinds = {first.kind, second.kind}
        if len(kinds) == 2 and LabelKind.SENTENCE in kinds:
            # 责任单位及分工: the bodies, and the part each plays written in words beside them
            return Label(text, (kinds - {LabelKind.SENTENCE}).pop())
        if joiner == "或" and kinds == {LabelKind.RESPONSIBLE, LabelKind.LEAD}:
            return Label(text, LabelKind.LEAD)  # 责任单位或牵头单位: the body answering for the work
        if len(kinds) == 1:
            return Label(text, first.kind)
        if kinds == {LabelKind.RESPONSIBLE, LabelKind.PARTICIPANT}:
            return Label(text, LabelKind.PARTICIPANT)
        if kinds == {LabelKind.LEAD, LabelKind.PARTICIPANT}:
            return Label(text, LabelKind.RESPONSIBLE)
    return None


IMPLEMENTING_WORDS = ("实施", "落实")
"""The words of a label naming the bodies that carry the work out (实施主体, 市里落实单位)."""


def is_implementing(word: str) -> bool:
    """True for a body label whose only role word is 实施 (实施部门, 实施主体): the bodies that carry
    the work out.  Beside a lead they are neither lead nor helper but a role of their own; alone
    they are the responsible bodies (see :meth:`matrix.parsers.assignment.AssignmentText.settle`)."""
    text = _squash(word)
    for head in sorted(BODY_HEADS, key=len, reverse=True):
        if text.endswith(head):
            tokens = _tokens(text[: -len(head)])
            roles = {*LEAD_WORDS, *PARTICIPANT_WORDS, *RESPONSIBLE_WORDS, *SUPERVISORY_WORDS, MAIN_WORD}
            said = set(tokens or ()) & roles
            return tokens is not None and bool(said) and said <= set(IMPLEMENTING_WORDS)
    return False


def looks_like_label(word: str) -> bool:
    """True for a word shaped like a role label (ending in 单位, 部门, 领导 …) whether or not its
    role can be read: a line labelled so that gives no duty must be reported, not skipped."""
    text = _squash(word)
    return 2 <= len(text) <= 14 and text.endswith((*BODY_HEADS, *PERSON_HEADS))


_ADDRESSEE = re.compile(r"各[^级]")
"""A group named with 各 (各下属事业单位, 区直各单位): the addressees a notice opens with, never a role
label, though it ends as one does (各级 is a level, not the addressees: 各级责任单位)."""
_GLOSSED_LABEL = re.compile(
    r"(?:[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)|[\u4e00-\u9fff])+$"
)


def _glossed_label(text: str, colon: re.Match[str], custom: Mapping[str, LabelKind] | None) -> LabelAt | None:
    """The label before ``colon`` with a mirror's pinyin inside it (責(zé)任單位:), read without the
    pinyin and placed where it opens in ``text``; None when there is no pinyin or no label."""
    glossed = _GLOSSED_LABEL.search(text[max(0, colon.start() - 60) : colon.start()])
    if glossed is None or "(" not in glossed.group():
        return None
    raw = glossed.group().lstrip("()（）")
    word = drop_glosses(raw)
    first = _first_label(word, custom) if len(word) <= 14 else None
    if first is None:
        return None
    cut, label = first
    return LabelAt(colon.start() - len(raw) + _raw_index(raw, cut), colon.end(), label, word[cut:])


ROLE_KINDS = (LabelKind.LEAD, LabelKind.PARTICIPANT, LabelKind.RESPONSIBLE)
"""The kinds of label that give bodies a part in the task."""


def is_body_name(word: str, *, whole: bool = False) -> bool:
    """True when ``word`` opens with a body's name (区社会事业局…): a level word and an ending; with
    ``whole``, when it is one."""
    m = _BODY_NAME.match(word)
    return m is not None and (not whole or m.end() == len(word))


_BODY_NAME = re.compile(r"[省市县区州][\u4e00-\u9fff]{1,10}(局|委|办|厅|部|中心)")


def _first_label(word: str, custom: Mapping[str, LabelKind] | None) -> tuple[int, Label] | None:
    """Where in ``word`` the longest label at its end starts, and what it says."""
    for cut in range(len(word)):
        label = read_label(word[cut:], custom, topic=True)
        if label is not None:
            return cut, label
    return None


def _time_after(word: str, custom: Mapping[str, LabelKind] | None) -> bool:
    """True when a time label ends ``word`` after other words (…各乡镇完成时限): a list's last name
    with the next label glued to it, not an addressee."""
    first = _first_label(word, custom)
    return first is not None and first[0] > 0 and first[1].kind is LabelKind.DEADLINE


def _raw_index(raw: str, index: int) -> int:
    """Where the ``index``-th character of ``raw`` without its glosses stands in ``raw``."""
    seen = 0
    for at, char in enumerate(raw):
        if seen == index:
            return at
        if "\u4e00" <= char <= "\u9fff":
            seen += 1
    return len(raw)


_LABEL_CHARS = re.compile(r"[\u4e00-\u9fff()/（）]{1,14}$")
_KIND_AFTER = re.compile(r"[(（](单位|部门|处室|科室|股室|机构)[)）]$")
"""A bracket closing a label with the other kind of body it takes in (责任处室(单位):)."""
_PERSON_VALUE = re.compile(
    r"^[\u4e00-\u9fff]{2,3}(同志|(常务)?副?(省长|市长|县长|区长|镇长|乡长|局长|主任|书记|部长|处长|科长|所长|"
    r"站长|队长|院长|校长|主席|秘书长|调研员))$"
)
"""A person's name with the post after it (阮斌副局长), as a leader label's value writes them."""
_COLON = re.compile(r"\s*[:：]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class LabelAt:
    """A label found in a text: where it starts, where its value starts (after the colon), and it."""

    start: int
    end: int
    label: Label | None
    word: str


def find_labels(text: str, custom: Mapping[str, LabelKind] | None = None) -> list[LabelAt]:
    """Every ``label:`` in ``text``: read ones with their :class:`Label`, unread role-shaped ones
    with ``label`` None.  A label is the longest run of characters before a colon that reads as one.
    """
    out: list[LabelAt] = []
    for colon in _COLON.finditer(text):
        # only the 14 characters before the colon can hold a label: no search back through the line
        before = max(0, colon.start() - 14)
        run = _LABEL_CHARS.search(text[before : colon.start()])
        glossed = _glossed_label(text, colon, custom)
        if glossed is not None:
            out.append(glossed)
            continue
        if run is None:
            continue
        word = run.group().lstrip("()（）")  # (责任单位: the bracket opens the assignment
        run_start = before + run.end() - len(word)
        word = _KIND_AFTER.sub("", word)  # 责任处室(单位): the other kind of body the label takes in
        if not word or (
            _ADDRESSEE.search(word)
            and (custom is None or word not in custom)
            and not _time_after(word, custom)
        ):
            continue  # 各下属事业单位:, 区直各单位: the notice's addressees, no role label
        found: LabelAt | None = None
        whole = run_start == 0 or not _CJK.match(text[run_start - 1])
        if whole and read_label(word, custom, topic=True) is None and looks_like_label(word):
            # 督察落实单位: a label word standing on its own is read whole or not at all, never as
            # the 落实单位 at its end
            out.append(LabelAt(run_start, colon.end(), None, word))
            continue
        first = _first_label(word, custom)
        owned = first is not None and first[1].kind is LabelKind.OTHER
        if first is not None and out and owned and is_body_name(word[: first[0]] or word):
            # 牵头单位:区社会事业局配合单位:区经济发展局: after a label, a body and the next label run
            # together; the body is the first label's, the label is the role's (not the bodies the
            # 区社会事业局 appointed)
            later = next(
                (
                    (cut, label)
                    for cut in range(1, len(word))
                    if is_body_name(word[:cut], whole=True)
                    and (label := read_label(word[cut:], custom)) is not None
                    and label.kind in ROLE_KINDS
                ),
                None,
            )
            first = later or first
        person_before = bool(out) and out[-1].label is not None and out[-1].label.kind is LabelKind.PERSON
        if first is not None and person_before and first[0] == 0:
            # 牵头领导:阮斌副局长责任部门:…: the person and the next label run together
            later = next(
                (
                    (cut, label)
                    for cut in range(len(word) - 2, 1, -1)
                    if _PERSON_VALUE.match(word[:cut])
                    and (label := read_label(word[cut:], custom)) is not None
                    and label.kind in ROLE_KINDS
                ),
                None,
            )
            first = later or first
        if first is not None:
            found = LabelAt(run_start + first[0], colon.end(), first[1], word[first[0] :])
        if found is None:
            for cut in range(len(word)):
                if looks_like_label(word[cut:]):
                    found = LabelAt(run_start + cut, colon.end(), None, word[cut:])
                    break
        if found is not None:
            out.append(found)
    return out
