"""One clause of running prose, read for the bodies it names and their part in the work.

A clause opens with bodies and a role verb (``县教育局负责…``, ``由X牵头``, ``X等部门要按照职责分工积极
配合``), names the bodies charged with the work (``县财政局要…``), says what they are to it (``X作为…
牵头部门``, ``X为成员单位``), names them as the agents of any verb after 由 (``由县住建局督促商户更换``),
or puts people in charge of a working group (``由城区办主任刘鹏任组长``).  :func:`read_clause` reads
one; prose plans (:mod:`matrix.parsers.prose`) and the sentences after a 责任分工: label
(:mod:`matrix.parsers.lines`) are read clause by clause through it.
"""

from __future__ import annotations

import re

from matrix.parsers.assignment import AssignmentText, Custom, parse_assignment
from matrix.parsers.names import (
    FIELD_BODY,
    FUNCTION_BODY,
    LISTED_FIELDS,
    department_like,
    is_group,
    is_organisation,
    is_zone,
    name_ends,
    parse_names,
)
from matrix.parsers.run_together import WORK_START

_VERB = re.compile(
    r"牵头负责|牵头|负总责|共同组织实施|组织实施|组织落实"
    # 区交通与建设局业务检查指导: a body that oversees the work, neither leading nor helping
    r"|(?:负责)?(?:业务)?检查指导|业务指导"
    r"|负责(?!人|同志)|配合|参与|协助|协同|协作|协办"
    # 县旅游局组织做好…, 县财政局承担…: a body's own work, in a clause that opens with it
    r"|组织开展|组织落实|组织(?=制定|做好|实施|协调|编制|指导)|承担"
    # 区发展改革委…等部门履行相应职责, 各镇政府…落实主体责任: their part, beside the lead's
    r"|履行(?=相应|各自|本部门|部门)|落实(?=好?(主体|属地|监管|行业监管)责任)"
)
_KIND = {"牵头负责": "牵头", "牵头": "牵头", "负总责": "牵头", "配合": "配合", "参与": "配合", "协助": "配合"}
_KIND |= {"协同": "配合", "协作": "配合", "协办": "配合", "落实": "落实"}
"""What a role verb makes of the bodies before it; any other verb (负责, 组织实施) charges them."""
_OVERSEES = re.compile(r"(负责)?(业务)?检查指导|业务指导")
_IMPLEMENTS = ("组织实施", "共同组织实施", "组织开展", "组织落实")
"""Verbs of the bodies that carry the work out: beside a body responsible for it, a part of their
own (所在乡镇人民政府组织实施); alone, the bodies responsible (see :meth:`AssignmentText.settle`)."""
_MANNER = re.compile(
    r"(等部门|等单位|等)?(三方|双方|各方|四方)?(每月|每季度|每年|定期)?(要|应当|应|须|必须|需|将)?"
    r"((按照?|根据|依照?)(各自)?职[责能](分工)?|也|都|继续|进一步|切实|认真|积极|主动|全力|共同|全面|具体|主要|"
    # 各分局派人员配合: the people a body sends to take part
    r"分别|统一|密切|负责|各?(派|派出|抽调|选派|安排|指定)(专人|人员|专门人员|骨干|一人|专人员)?)*$"
)
"""The words between the bodies and their verb (等部门要按照职责分工积极 配合)."""


def _without_manner(names: str) -> str:
    """The bodies before a verb without the words of manner after them; a list's closing 等部门 is
    kept, as its head noun names the kind of body its fields are (公安、科技等部门)."""
    m = _MANNER.search(names)
    if m is None or not m.group():
        return names
    kept = re.match(r"等(部门|单位)", m.group())
    return names[: m.start()] + (kept.group() if kept else "")


_CHARGED = re.compile(r"^(?P<names>[^,;。:]{2,60}?)(要|应当|应|须|必须|需(?!要))(?!求)")
"""``县财政局要切实加大投入``: the bodies a sentence charges with the work."""
_AS = re.compile(
    r"^(?P<names>[^,;。:]{2,90}?)(作?为(?P<part>[^,;。]{0,30}?(单位|部门|主体)|成员)"
    # 各乡镇是拆旧止新工作的责任主体: the bodies a sentence says answer for the work (X是…主管部门
    # says what a body is, as a heading over its duties does)
    r"|是(?P<owner>[^,;。]{0,30}?(责任主体|牵头单位|牵头部门)))$"
)
"""``市经委作为全市域外招商牵头责任部门``, ``区建管委、区水务局为成员单位``, ``各乡镇是拆旧止新工作的
责任主体``: the bodies and the part the sentence names (members take part)."""
_JOINED = re.compile(
    r"(联合|会同)(?P<names>[^,;。:]{2,40}?)"
    r"(?=组织|开展|共同|全面|做好|进行|对|加强|实施|加大|严格|依法|集中|推进|督促|发布|定期|制定|研究|统筹)"
)
"""``X要联合Y组织开展…``: the bodies the charged ones join in the work."""
_NOT_BODIES = re.compile(r"^(根据|按照|依据|依照|经|在|对|为|向|与|同|请|通过|围绕)")
"""How a clause opens when what follows is no body doing the work (根据乡党委、政府…要求)."""
_SCOPE = re.compile(r"^(?P<names>[^,;。:]{2,60}?)(对|在|于|就|是)")
"""Where the bodies end and the scope of their work begins (…对全市节能工作总负责)."""
_DIVISIONS = re.compile(
    r"^[\u4e00-\u9fff]{2,5}(处|科|股)(?<!办事处)"
    r"([、和及与](辖区)?[\u4e00-\u9fff]{2,8}(处|科|股|队|派出所|中心|所|站|局))*$"
)
"""交通与建设处、党群工作处要…: a body's own divisions named with no level, as a bureau's or a
zone office's plan names them."""
_PLACES = re.compile(
    r"(园区|开发区|经开区|高新区|保税区|自贸区|新区|学校|校|企业|镇|乡|街道|社区|村|政府|管委会|以上市|县\(市、区\))$"
)
_EVERY = re.compile(r"^各[^、,和及与]*(部门|单位|机构|方面)(、|$)")
"""A list opening with every body of a kind (各行业管理部门要…): a call to all, no duty."""
_LEVEL = re.compile(
    r"^(省|市|县|区(?!内|外|域)|州|盟|旗|镇|乡|街道|街镇|片区|国家|中共|中央|各|辖区"
    # 局食品处, 局办公室: the issuing bureau's own division, named with its bureau
    r"|局(?=[\u4e00-\u9fff]{1,8}?(处|科|股|室|队|所|中心)))"
)
_ROSTER = re.compile(
    r"^由?(?P<who>[^,;。:]{2,60}?)(同志)?([担兼]?任|为)(?P<role>(常务)?副?(组长|指挥长)|(?![兼任])[\u4e00-\u9fff]{0,6}主任)$"
)
"""``由城区办主任刘鹏任组长``: the people a working group's roster puts in charge, with their posts."""
_POST = re.compile(
    r"^.*(主任|局长|组长|队长|书记|主席|部长|处长|科长|所长|站长|院长|校长|经理|厅长|[省市县区镇乡]长)"
)
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def _bodies_then(names: str, verb: str, custom: Custom) -> AssignmentText | None:
    """The assignment of bodies written before a verb, or None when they are not all bodies (a
    group such as 各工业园区 counts)."""
    names = names.strip()
    if len(names) < 2:
        return None
    said = parse_assignment(names + verb, custom=custom)
    found = [*said.leads, *said.participants, *said.responsible, *(n for n, _ in said.others)]
    if said.unread or said.unread_labels or not found or said.odd_names:
        return None
    if any(_ROLE_WORD.search(n.text) for n in found):
        return None  # 街镇(园区)牵头建立…协作处: a sentence running past the bodies, no name
    # 区发展改革委、规划资源局、建设管理委: after a body's full name, the list's level written once
    # 各镇政府、头桥集团: after a group of bodies, a body no level names (the district's own company)
    first = found[0].text
    listed = (department_like(first) and len(found) > 2) or (_named_group(first) and len(found) >= 2)
    # 人力资源社会保障、公安、科技等部门要…: bodies named by their field, two or more in a list
    listed_fields = LISTED_FIELDS.search(names) is not None  # 市场监管等部门: one field, its head
    fields = sum(1 for n in found if FIELD_BODY.match(n.text)) >= (1 if listed_fields else 2)
    if not all(
        department_like(n.text)
        or _named_group(n.text)
        or _levelled_function(n.text)
        or (fields and FIELD_BODY.match(n.text))
        or (listed and is_organisation(n.text))
        for n in found
    ):
        return None
    return said


def _levelled_function(name: str) -> bool:
    """A body a sentence names by its level and function (区级林业部门, 街镇林业部门, 区财政部门), or by
    its function alone (气象部门, 燃气主管部门, 公安机关交通管理部门)."""
    if not FUNCTION_BODY.match(name) or "各" in name:
        return False
    # 组织消防部门参与…, 充分发挥部门…: a verb before the function is the sentence's work, no name;
    # 其上级主管部门: whose it is the sentence before says
    return bool(_LEVEL.match(name)) or not (WORK_START.match(name) or name.startswith(("充分", "其")))


def bodies_only(clause: str, custom: Custom = None) -> AssignmentText | None:
    """The bodies a clause names and nothing else (各县(市)、上街区人民政府), as those responsible;
    None when the clause holds anything but bodies (成立工作专班 sets one up)."""
    if re.match(r"(成立|设立|下设|组建|建立|由|请|为|报请|报送|上报|提交|移交|转交|抄送)", clause):
        return None  # 报请设区市场监督管理局: the bodies a report goes to
    return _bodies_then(_FOLLOWING.sub("", clause), "负责", custom)


_FOLLOWING = re.compile(r"(按照?|根据|依照?)(要求|规定|部署|职责|分工)$")
"""区市场监督局食品处按照要求,负责…: the bodies, then how they go about the work the next clause names."""


_WHERE_IT_IS = re.compile(
    r"^[\u4e00-\u9fff]{1,8}所在地?(乡镇|街镇|街道|镇|乡|区|县|村|社区)(人民)?(政府|办事处|居委会|村委会)$"
)
"""The body of the place where a thing is (房屋所在乡镇政府, 项目所在地街道办事处)."""


def _named_group(name: str) -> bool:
    """A group or zone a sentence names by its kind (各工业园区), not every unit (各单位, 各地), a
    town by its name (城关镇), or the government where a thing is (房屋所在乡镇政府)."""
    if _WHERE_IT_IS.match(name):
        return True
    if _TOWN.match(name):
        return not _NOT_A_TOWN.search(name)
    # 各街镇, 经开区: a group of towns, a zone by its short name, though of three characters
    short = bool(
        re.fullmatch(r"各(街镇|乡镇|街道|村居|居村|社区|村|校|学校)|经开区|高新区|开发区|保税区|自贸区", name)
    )
    if _EVERY_DIVISION.fullmatch(name):
        return True  # 各处室(中心): every division of the issuing office, each told of the work
    if _TOWNS.fullmatch(name):
        return True  # 街镇(园区): the streets and towns (and the zones) a district plan charges
    return (len(name) >= 4 or short) and (is_group(name) or is_zone(name)) and bool(_PLACES.search(name))


_TOWN = re.compile(r"^[\u4e00-\u9fff]{2,3}[镇乡]$")
_TOWNS = re.compile(r"(街镇|镇街|乡镇)[(（][\u4e00-\u9fff、]{1,6}[)）]")
_ROLE_WORD = re.compile(r"牵头|负责|配合|会同|参与")
_EVERY_DIVISION = re.compile(r"各(业务)?(处室|科室|处|科)(\((中心|站|所|队)\))?")
_NOT_A_TOWN = re.compile(r"(重点|中心|建制|特色|小城|示范|集|城)[镇乡]$")
"""重点镇, 中心镇, 特色镇: kinds of town a plan builds, not a town named to do the work."""
_AGENT = re.compile(r"^(?:并|另|均|统一|分别)?由")
"""``由X督促…``, ``由X对…予以修缮``: the bodies after 由 do the work, whatever the verb."""
_LIST_GOES_ON = tuple("、,和及与()")
_POST_AFTER = re.compile(
    r"(常务)?副?(主任|局长|组长|队长|书记|主席|部长|处长|科长|所长|站长|院长|校长|经理|厅长|调研员)"
)


_VAGUE_TAIL = re.compile(r"(相关|有关)(部门|单位)")
_CLOSED_GROUP = re.compile(r"(?<=[\u4e00-\u9fff])\([\u4e00-\u9fff、]{1,6}\)(?![、,和及与])")
_REPORTS_TO = re.compile(r"(?<![汇呈上填申])报(?=[省市县区镇乡])")
_JOINER = re.compile(r"[、或和及与]")
_VAGUE_KIND = r"(其他|其它)?(相关|有关)(责任)?(部门|单位)"
"""The bodies a list closes with and does not name (、相关责任单位)."""
_VAGUE_LISTED = re.compile(rf"[、和及与]{_VAGUE_KIND}$")
_VAGUE_LISTED_IN = re.compile(rf"(?<=[、和及与]){_VAGUE_KIND}")


def _before_vague(clause: str, start: int, end: int) -> int:
    """Where a run of bodies ends when the name it ends with goes on as a vague one (…、头桥集团或区
    政府相关部门: 区政府 is not named, its departments concerned are): before that name."""
    if not _VAGUE_TAIL.match(clause, end):
        return end
    joiners = [j.start() for j in _JOINER.finditer(clause, start, end)]
    return joiners[-1] if joiners else end


def _agent(clause: str, custom: Custom) -> AssignmentText | None:
    """The bodies a clause opening with 由 names as doing its work, with any verb after them (由县住
    建局督促商户更换): the longest run of bodies, or None."""
    m = _AGENT.match(clause)
    if m is None:
        return None
    # the list goes on after a 、 or 和: a name's end there is no end of the bodies
    ends = [e for e in name_ends(clause, m.end(), m.end() + 60) if clause[e : e + 1] not in _LIST_GOES_ON]
    # 由街镇(园区)报…: a group and the kind it takes in, closed by its bracket
    ends = sorted({*ends, *(b.end() for b in _CLOSED_GROUP.finditer(clause, m.end(), m.end() + 60))})
    for end in reversed(ends):
        if _POST_AFTER.match(clause, end):
            continue  # 由区道安办常务副主任李斌主持…: a post in the body, a person does the work
        if _REPORTS_TO.search(clause, m.end(), end):
            continue  # 由街镇(园区)报区消防安全委员会核定: the body the matter goes to is no agent
        end = _before_vague(clause, m.end(), end)
        said = _bodies_then(clause[m.end() : end], "负责", custom)
        if said is not None:
            return said
    return None


_ACTS = re.compile(
    r"(统筹|制定|支持|推动|推进|推广|加快|指导|开展|组织|建立|建设|完善|会同|联合|加强|引导|做好|落实|研究|编制|"
    r"出台|督促|探索|构建|健全|优化|提供|协调|完成|实施|深化|培育|规范|强化|结合|共同"
    # 各区民政局严格落实…, 各区民政局认真梳理…: the manner, then the work
    r"|(严格|认真|积极|主动|依法)(?=[\u4e00-\u9fff]{2}))"
)
"""The work a body does in a duty sentence that names it first (市科委牵头开展…, 市交通委加快布局…)."""
_WITH_HELPERS = re.compile(r"^会同(?P<names>[^,;。:]{2,80})$")
"""A clause of bodies the lead of the clause before works with (…牵头,会同公安分局、区规土局,…)."""
_TOGETHER_WITH = re.compile(r"(与|同)(?P<names>[^,;。:]{2,30}?)共同")
"""The bodies a body does the work with, written before 共同 (区城管执法局与街镇共同做好…)."""
_SCOPED_WORK = re.compile(
    r"(定期|不定期|及时|每年|每季度|每月|全面|切实|统一)?对[^,;。]{2,40}?(进行|开展|完成|实施|组织|落实|予以|做好|加强)"
    # 各居村于2021年6月20日前,对…完成: the bodies and their time limit, the work in the clause after
    r"|于[^,;。]{2,16}?(前|底|内)$"
    # 各镇政府、头桥集团按区下达的目标任务,编制…: the bodies and how they go about it, the work after
    r"|(按照?|根据|依照?)[^,;。]{2,20}?(要求|规定|部署|任务|计划|原则|标准)$"
    # 各区民政局在指导…的基础上, 市、区民政局通过培训交流等方式, 各区民政局对…的养老机构: the
    # occasion, the means or the matter (…的养老机构, not 对此高度重视), the work in the clause after
    r"|在[^,;。]{2,40}?(基础上|过程中|工作中|范围内)$|通过[^,;。]{2,30}?(方式|形式|渠道|途径)$|对[^,;。]{2,40}的[^,;。的]{1,10}$"
    # 街道办事处、镇人民政府按照职责分工充分发挥属地职能: by their duties, the work straight after
    r"|(按照?|根据|依照?)(职责分工|各自职责|职能分工|职责)(?=[\u4e00-\u9fff]{2})"
)
"""The work a body does on a matter it names first (镇房管所对辖区房屋进行排查)."""


def _acting(clause: str, custom: Custom) -> AssignmentText | None:
    """The bodies a clause opens with, each named with its level, when the work's verb follows them
    straight away (市经济信息化委支持推广…, 市发展改革委会同相关部门统筹…): they do that work."""
    if not _LEVEL.match(clause) or _EVERY.match(clause):
        return None
    for end in _ends(clause, 0, 60):
        together = _TOGETHER_WITH.match(clause, end)
        said = _bodies_then(clause[:end], "负责", custom) if together is not None else None
        if together is not None and said is not None:
            # 区城管执法局与街镇共同做好…: the bodies on both sides of 与 do the work together
            partners = parse_names(together.group("names"))  # 街镇: the towns concerned, a group
            if partners and all(department_like(n.text) or is_group(n.text) for n in partners):
                said.responsible += partners
                return said
    ends = [e for e in _ends(clause, 0, 60) if clause[e : e + 1] not in _LIST_GOES_ON]
    ends = sorted({*ends, *(m.end() for m in _VAGUE_LISTED_IN.finditer(clause, 0, 60))})
    for end in reversed(ends):
        if not (_ACTS.match(clause, end) or _SCOPED_WORK.match(clause, end)):
            continue
        # 各居村、相关责任单位对…: the bodies named, not the vague ones after them
        said = _bodies_then(_VAGUE_LISTED.sub("", clause[: _before_vague(clause, 0, end)]), "负责", custom)
        # 各镇政府、头桥集团按…: the list opens with a level, a body after it may name none
        if said is not None and said.responsible and _LEVEL.match(said.responsible[0].text):
            joined = _JOINED.match(clause, end)
            more = _bodies_then(joined.group("names"), "负责", custom) if joined is not None else None
            if more is not None:  # 市发展改革委会同市经济信息化委发布…: both do the work
                said.responsible += more.responsible
            return said
    return None


def _ends(clause: str, start: int, stop: int) -> list[int]:
    """Where a body's name may end in a clause: as :func:`name_ends` finds, and after a body named
    by its function (区级林业部门会同…), which no name of one body ends as."""
    found = {*name_ends(clause, start, stop), *(m.end() for m in _FUNCTION_END.finditer(clause, start, stop))}
    return sorted(found)


_FUNCTION_END = re.compile(r"(?<![等关])(部门|机关)(?![和及与、])")


_HIGHER_UP = re.compile(r"(上级|有关|相关|各有关|各相关)(部门|单位)")
_HELPED_WORK = re.compile(r"对|做好|开展|进行|抓好|共同|完成|落实|负责|实施|推进|组织|处理|督促")


def _helped(clause: str, start: int, custom: Custom) -> AssignmentText | None:
    """The bodies a clause's helpers help (…配合区规划局对…进行确认): the longest run of bodies
    right after the verb that the work follows, or None."""
    ends = [e for e in name_ends(clause, start, start + 40) if clause[e : e + 1] not in _LIST_GOES_ON]
    for end in reversed(ends):
        if _HELPED_WORK.match(clause, end):
            said = _bodies_then(clause[start:end], "负责", custom)
            if said is not None and said.responsible:
                return said
    return None


def _subject(before: str) -> str:
    """The bodies opening words before a verb (市发改委、市经贸委对全市…工作总 → 市发改委、市经贸委)."""
    m = _SCOPE.match(before)
    return m.group("names") if m else ""


def _roster(clause: str) -> AssignmentText | None:
    """The people a roster clause names (由工商局局长程康年任组长 → 程康年, 组长), or None."""
    m = _ROSTER.match(clause)
    if m is None:
        return None
    # 公安局长陈昌明: the post, then the name; 高杰主任: the name, then the post
    pieces = m.group("who").split("、")
    people = [(_POST.sub("", piece) or _POST_AFTER.sub("", piece)).strip() for piece in pieces]
    if not people or not all(_PERSON.match(p) and not is_organisation(p) for p in people):
        return None  # 由区政府分管领导任组长 names a post, not a person
    return AssignmentText(persons=[(p, m.group("role")) for p in people])


def read_clause(clause: str, custom: Custom = None) -> AssignmentText | None:
    """What one clause of prose assigns, when it opens with bodies and their part, or names the
    people a working group puts in charge; else None."""
    roster = _roster(clause)
    if roster is not None or _NOT_BODIES.match(clause) or _ROSTER.match(clause):
        return roster  # 由区政府分管领导任组长: a post heads the group, no body is named
    verb = _VERB.search(clause)
    if verb is not None:
        before = clause[: verb.start()]
        if "由" in before:  # 此项活动由A、B共同组织实施: the bodies are the ones after 由
            before = before[before.rindex("由") + 1 :]
        before = _without_manner(before)
        kind = "指导" if _OVERSEES.fullmatch(verb.group()) else _KIND.get(verb.group(), "负责")
        # 市发改委、市经贸委对全市…工作总负责: the bodies stand before the scope of their work
        said = _bodies_then(_subject(before) or before, kind, custom)
        if said is not None and verb.group() in ("配合", "协助") and _HIGHER_UP.match(clause, verb.end()):
            # 辖区各派出所…每月配合上级部门开展…: no body here leads, so the subject does the work
            said.responsible, said.participants = said.participants, []
        # 市工商局协同市建委负责…: 协同 as 配合, where the bodies after it are the ones responsible
        helps = verb.group() in ("配合", "协助") or (
            verb.group() == "协同" and "负责" in clause[verb.end() :]
        )
        if said is not None and helps:
            helped = _helped(clause, verb.end(), custom)
            if helped is not None:  # 区农村发展局配合区规划局对…进行确认: the body helped leads
                said.leads = helped.responsible
        elif said is not None and verb.group() == "协同":
            partners = _helped(clause, verb.end(), custom)
            if partners is not None:  # 区农业局要协同区财政局开展…: the subject does it, the others with it
                said.responsible, said.participants = said.participants, partners.responsible
        if said is not None and verb.group() in _IMPLEMENTS:
            word = verb.group().removeprefix("共同")
            said.implementing, said.responsible = [(n, word) for n in said.responsible], []
        if said is not None:
            return said
    charged = _CHARGED.match(clause)
    # 县财政局要…, 各区县政府要…
    if (
        charged is not None
        and (
            _LEVEL.match(charged.group("names")) or _DIVISIONS.match(_MANNER.sub("", charged.group("names")))
        )
        and not _EVERY.match(charged.group("names"))
    ):
        said = _bodies_then(_without_manner(charged.group("names")), "负责", custom)
        joined = _JOINED.match(clause, charged.end())
        if said is not None and joined is not None:
            # 区公安局交警部门要联合市场监督管理局组织开展…: the bodies it joins share the work; those
            # a charged body is to work with (市公安局要会同市交通委…督促) help it
            more = _bodies_then(joined.group("names"), "负责", custom)
            if more is not None and joined.group().startswith("会同"):
                said.participants += more.responsible
            elif more is not None:
                said.responsible += more.responsible
        return said
    helpers = _WITH_HELPERS.match(clause)
    if helpers is not None:
        # 由区建管委牵头,会同公安分局、区规土局,研究制定…: the bodies the lead works with help it
        with_them = bodies_only(helpers.group("names"), custom)
        if with_them is not None:
            return AssignmentText(participants=with_them.responsible)
    agent = _agent(clause, custom) or _acting(clause, custom)
    if agent is not None:
        return agent
    role = _AS.match(clause)
    if role is not None:
        part = role.group("part") or role.group("owner")
        verb_word = "牵头" if "牵头" in part else "配合" if re.search("配合|参与|协|成员", part) else "负责"
        return _bodies_then(role.group("names"), verb_word, custom)
    return None


_CLAUSE_END = re.compile(r"[,;。]")


def read_clauses(text: str, custom: Custom = None) -> AssignmentText:
    """What a sentence of duties assigns (after 责任分工:, 区规划局负责开展规划编制工作,所在乡镇人民政府
    组织实施,区直部门配合), read clause by clause; clauses that name no body with a part add nothing."""
    said = AssignmentText()
    for clause in _CLAUSE_END.split(text):
        one = read_clause(clause.strip(), custom) if clause.strip() else None
        if one is not None:
            said.merge(one)
    return said
