"""Department names in an assignment: splitting a list, cleaning each name, dropping vague words.

Works on folded text (see :mod:`matrix.text.normalize`).  A name keeps what a clerk files:
``市科技局(知识产权局)`` is 市科技局 with the alias 市知识产权局; group addressees such as
``各县(市、区)政府`` or ``各区、县级市`` stay whole; vague mentions (有关部门, 相关单位) name nobody.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from matrix.parsers.brackets import depth_split
from matrix.text.normalize import drop_glosses, fold

VAGUE = re.compile(
    r"^(各|其他|其它|市直|区直|县直|省直|区级|市级|县级|省级)?(各)?(有关|相关|其他|其它)(业务|职能|成员)?"
    r"(部门|单位|方面|机构|地区|处室|科室|股室|处|科)?(和|及|、)?(部门|单位|方面|机构)?$"
    # 相关处(室、局): which divisions is not said
    r"|^(有关|相关)(处|科|股)\([室局所站、]+\)$"
    r"|^等?(有关|相关)?(部门|单位)(和单位)?$|^等$|^有关$|^相关$"
    # 我厅, 本局: the plan's own issuer, named from inside; the office printing the notice
    r"|^(我|本)(厅|局|委|办|部|院|署|会|室|处|单位|部门|机关)$"
    r"|^(市直|区直|县直|省直|州直|各)?(各)?(有关|相关)(直属)?(部门|单位)(和单位|和部门)?$"
    # 相关街道, 有关街镇, 有关区县: which of them is not said (各相关街镇, all of them, is a group)
    r"|^(有关|相关)(街道|街镇|镇街|镇街区|街区|乡镇|乡镇办|镇办|街办|镇|乡|区|县|区县|县区|县市区|市县|地区|地方|企业)$"
    # 各相关委办局, 相关企事业科研单位: some bodies of a kind, which of them is not said
    r"|^各?(有关|相关)[\u4e00-\u9fff]{0,6}(单位|部门|委办局|委办|机构)$"
    # 省级责任单位, 河长制责任单位: the bodies of a level or of a system, which of them is not said
    r"|^([省市县区]级|[\u4e00-\u9fff]{1,6}制)(责任|成员|牵头|配合)(单位|部门)$"
    # (略), 略: the list left out of the published text
    r"|^[(（]?略[)）]?$"
)
# "以及", "等和", "和各", "及各" join two lists; a bare "和" is part of names such as 工业和信息化部.
_JOINERS = re.compile(
    r"等和|等及|以及|和各|及各|与各|并各|及(?=([州市县区省]直)?(有关|相关))"
    # 发展改革、教育等部门(单位)和工会、妇联等群团组织: two lists, each closed by its head noun
    r"|(?<=等部门)和|(?<=等单位)和|(?<=等部门\(单位\))和"
)
_PLACE_PIECE = re.compile(
    r"^[区县市州盟镇乡旗縣區](级市|级区)?(\([^)]*\)|\[[^\]]*\])?(人民)?(政府)?(\([^)]*\)|\[[^\]]*\])?$"
)
_GROUP_HEAD = re.compile(r"^(各|有关|相关|相關)(有关|相关)?[区县市州盟镇乡旗縣區](\([^)]*\)|\[[^\]]*\])?$")
_ORG_SUFFIX = re.compile(r"(局|委|办|室|厅|部|会|院|署|中心|行|所|处|科|股|站|队|社|团|集团|公司)$")
_PREFIX = re.compile(r"^(由|请|并由|另由|经(?![济信开营贸管委发])|和|及|与|并|或)")
_LEAD_MARK = re.compile(r"\((牵头|牵头单位|主责|总牵头|牵头部门)\)$")
LEAD_MARKS = "*★☆▲△●◆"
"""Signs a plan sets before or after the name of the body that leads (★市发改委, 区农业农村委*, ▲发改局);
two stars (**开发区管委会) hide a name instead."""
_STAR_MARK = re.compile(rf"^[{LEAD_MARKS}](?![{LEAD_MARKS}])")
_STAR_AFTER = re.compile(rf"(?<![{LEAD_MARKS}])[{LEAD_MARKS}]$")
# 县医保局(按职责分工负责), 市财政局(配合): a remark on the role after a name, not part of it
_ROLE_REMARK = re.compile(
    r"\((按|负责|配合|参与|协助|协办|协同|参加|具体|分别|共同)[^()]{0,10}\)$|\([^()]{0,10}(负责|配合|参与|落实)\)$"
    # 各区人民政府(含开发区、长江新区,下同): the scope of a group, not part of its name
    r"|\((含|包括|包含|不含)[^()]*\)$"
)
# 等, 等有关部门, 等县直执法部门: what follows 等 names nobody
_SUFFIX = re.compile(
    r"(等(有关|相关|其他)?(部门|单位|方面|处室|科室)((和|及|、)(单位|部门))?|等[^、,]{0,10}(部门|单位|机构|组织)|等"
    # 岚城、澳前分局、食安办各指定一人(协助): the people each body sends, after the bodies
    r"|各(指定|派(?!出所)|抽调|选派|安排|确定)[^、,]{0,8}"
    # 区交通与建设局业务(指导): the kind of guidance, after the body
    r"|业务)$"
)
_ORGANISATION = re.compile(
    r"(局|委|办|室|厅|部|会|院|署|中心|行|所|处|科|站|队|社|团|集团|公司|政府|管委会|办事处|街道|"
    r"乡镇|分局|机构|联合会|总会|协会|小组|股|馆|专班|海关|军分区|警备区|成员单位|学校|党校|"
    # a working group (联合执法工作组, 综合协调组), never a 分组, 重组 or 机组
    r"(?<![分重改编机班混词])组|"
    # a state grain depot (中储粮株洲直属库), never a 项目库 or 数据库
    r"直属库|储备库|粮库|直屬庫|儲備庫|糧庫|"
    # the same endings in traditional script (中央農辦, 省商務廳, 管委會)
    r"辦|會|廳|處|隊|團|館|機構|辦事處|鄉鎮|政府|"
    # a broadcaster or an observatory (市广播电视台, 市气象台), never a 平台
    r"电视台|电台|气象台|地震台|電視台|電台|氣象台|"
    # the mass organisations' short names: 妇联, 残联, 工商联, 科协
    r"(妇|婦|残|殘|侨|僑|文|工商|社科|台)[联聯]|科[协協]|"
    # a bureau's division named by its function (区公安局交警部门), never its 有关部门
    r"[局委厅](?!有关|相关|等|各)[\u4e00-\u9fff]{1,4}部门)(（[^（）]*）)?$"
)


_NAME_END = re.compile(
    r"(?<=[局委办室厅部会院署心行所处科股站队社团司府组馆班校镇乡道])(?![门长员])"
    # 头桥集团组织评估, 区政府办理, 部署: a word the ending opens, no name's end
    r"(?!(?<=组)织)(?!(?<=[办处])[理置])(?!(?<=部)署)"
    # 房屋所在乡镇政府: 所在 is where the house stands, no 所 (office) ends there
    r"(?!(?<=所)在)"
)


def name_ends(text: str, start: int, stop: int) -> list[int]:
    """Where a body's name may end in ``text`` between ``start`` and ``stop``, in order: after an
    ending a body's name has (局, 委, 中心, 街道 …), never inside 部门, 局长 or 委员."""
    return [m.start() for m in _NAME_END.finditer(text, start, stop)]


def is_organisation(name: str) -> bool:
    """True for a name that ends as an organisation's does (…局, …委员会, …人民政府, …公司)."""
    return (
        bool(_ORGANISATION.search(name))
        and not _QUANTITY.match(name)
        and not _NOT_A_BANK.match(name)
        and not _DOING.search(name)
        and not _HANDLING.search(name)
        and not _NOT_A_BUREAU.search(name)
        and not name.endswith("社会")  # 全社会, 区社会(事业局): society, no 会
        and not _MEETING.search(name)  # 全区防灾排查工作例会: a meeting, no association
        and not name.endswith(("场所", "处所", "住所"))  # 人员密集场所: premises, no 所
    )


_MEETING = re.compile(r"(例|座谈|推进|现场|培训|动员|部署|调度|总结|表彰|交流|观摩|协调)会$")
"""How a meeting's name ends (工作例会, 现场推进会): a meeting is held, it does no work."""
_NOT_A_BUREAU = re.compile(r"(布|佈|格|大|全|开|開|结|結|变|變|破|僵|残|殘|定)局$")
"""布局, 格局, 大局, 开局, 破局: words ending in 局 that name no bureau (优化空间开发布局)."""


_NOT_A_BANK = re.compile(r"^[^人农工建中交招邮]行$")
"""试行, 暂行, 执行: two characters ending in 行 name a bank only as 人行, 农行, 工行, 建行, 中行 …"""
_HANDLING = re.compile(r"(挂牌督|限期督|交|承|举|包|代|帮|领|转|催)办$")
"""分级挂牌督办, 限期交办: a way of handling a matter, ending in 办 as an office does."""
_DOING = re.compile(r"(进|执|运|施|试|实|举|推|履|暂|先|并|同|通|自|步|言|可|践|另)行$")
"""区市场监督管理局进行: a body and the verb after it (进行验收), no bank."""
_WORK_THEN_BY = re.compile(r"^[\u4e00-\u9fff\d]{1,12}(项目|工程|工作|任务|事项)(均|统一|全部|都)?由")
_QUANTITY = re.compile(r"^[\d.]+\s*[\u4e00-\u9fff]$")
"""2所, 3处: a number and its measure word count things; they name no body."""


@dataclass
class Name:
    """A cleaned name from an assignment, with any alias written in brackets after it.

    ``marked_lead`` is True for a name marked as the lead inside a list (``市发改委（牵头）``).
    """

    text: str
    aliases: list[str] = field(default_factory=list)
    marked_lead: bool = False
    glued: str | None = None
    """The run-together text this name was cut from (县工信局县农业农村局), if it was."""
    under: str | None = None
    """The body a list wrote once, on an earlier name, when this name is a bare division after it
    (港务监管处 after 市交通委科技信息处): the plan's full spelling under that body is this name.
    Or the level a list wrote once (公安局 after 县交通局): the plan's spelling at that level is."""


_ZONE_BODY = re.compile(
    r"^([\u4e00-\u9fff]{2,}(开发区|经开区|高新区|示范区|新区|保税区|自贸区|试验区|特区|管理区|度假区)"
    r"|经开区|高新区|开发区|保税区|自贸区)$"
)


_VERBISH = re.compile(
    r"^(形成|建立|成立|组建|设立|加强|推动|推进|完善|实现|开展|做好|强化|落实|支持|鼓励|引导|发挥|组织|协调|召开|要|将|把|对|在|"
    r"建设|打造|新建|实施|提升|提高|健全|改善|优化|深化|促进|扩大)"
)
_DEPT_START = re.compile(r"^(省|市|县|区|州|盟|旗|镇|乡|街道|国家|中共|中央|全国|各|共青团|团)")


def levelled(name: str) -> bool:
    """True for a name that opens with its level or its kind of body (市…, 县…, 街道…, 中共…, 各…)."""
    return bool(_DEPT_START.match(name))


_VERB_AFTER_BODY = re.compile(
    r"(核查|核实|约谈|根据|依据|按照|督促|检查|审核|审查|负责|指导|会同|牵头|开展|落实|推进|加强|做好|提供|"
    r"报送|报请|依法|联合|协调|组织开展|配合|协助|直接|委托)"
)
"""The verbs a body's own name never holds after an ending of its own (县拆违办|核查各乡镇)."""


def runs_past_body(name: str) -> bool:
    """True for words that run on past a body's name into what it does (县拆违办核查各乡镇,
    县监察局约谈该乡镇行): a body's name, then a verb no name holds."""
    return any(
        3 <= m.start() < len(name) - 2
        and (is_organisation(name[: m.start()]) or name[: m.start()].endswith(("部门", "单位")))
        for m in _VERB_AFTER_BODY.finditer(name)
    )


def department_like(name: str) -> bool:
    """A name that reads as a department even in running prose: 省发展改革委, 海关总署 — not 科技部门."""
    if not is_organisation(name) or _VERBISH.match(name) or len(name) > 24:
        return False
    return bool(_DEPT_START.match(name)) or not name.endswith(("部门", "单位", "机构", "方面"))


def is_zone(name: str) -> bool:
    """True for a zone named as a body of a list or a table (荆州开发区, 武当山旅游经济特区): its
    管委会 acts for it.  A bare 产业园区 is a place, not a body."""
    return bool(_ZONE_BODY.match(name))


def mostly_bodies(bodies: int, total: int) -> bool:
    """True when ``bodies`` of a list's ``total`` names are enough to read it as a list of bodies:
    all of them, or in a list of three or more, three in four (a long list may hold a body no
    ending gives away: 中储粮株洲直属库, 区“两旧”专班)."""
    return total > 0 and (bodies == total or (total >= 3 and bodies * 4 >= total * 3))


def is_vague(name: str) -> bool:
    """True for words that name nobody in particular: 有关部门, 相关单位, 各有关部门和单位 ..."""
    n = _KIND_REMARK.sub("", re.sub(r"\s+", "", name))  # 区政府相关部门(单位): of either kind
    return not n or bool(VAGUE.match(n)) or n.endswith(_VAGUE_ENDS) or bool(_VAGUE_DIVISIONS.match(n))


_KIND_REMARK = re.compile(r"(?<=(部门|单位))[(（](部门|单位)[)）]$")
_VAGUE_ENDS = tuple(f"{a}{b}" for a in ("有关", "相关") for b in ("部门", "单位", "部门和单位", "单位和部门"))
"""国务院相关部门和单位, 市政府有关单位: which of them is not said."""
_VAGUE_DIVISIONS = re.compile(
    r"^([\u4e00-\u9fff]{0,3}内|[市区县省]?局|局机关|本局|我局)?各?(有关|相关)(处室|科室)$"
)
"""委内各相关处室: the issuing body's own divisions concerned, which of them not said (省药监局相关处室
names the 省药监局)."""


def _split_joined(piece: str) -> list[str]:
    out: list[str] = []
    last = 0
    for m in _JOINERS.finditer(piece):
        out.append(piece[last : m.start()])
        last = m.end() - (1 if m.group().endswith("各") else 0)
    out.append(piece[last:])
    return [part for whole in out for part in split_and(whole)]


_BARE_BODY = re.compile(r"^.{0,2}(党工委|管委会|党委|政府|人民政府|办事处|委员会)$")


def split_and(piece: str) -> list[str]:
    """``经济投资局和航空口岸局``: two bodies joined by 和, 及 or 与, each ending as a body does
    (市住房和城乡建设局 is one: 市住房 names none)."""
    for m in re.finditer(r"[和及与或](?!时|早)", piece):  # 相关乡镇及时委托: 及时 joins no names
        left, right = piece[: m.start()], piece[m.end() :]
        if (
            (_ORGANISATION.search(left) or is_group(left))  # 各街镇(工业区)及新城区发展公司
            # 区城管执法局和属地街镇; 头桥集团或区政府相关部门: the body and the others that may do it
            and (_ORGANISATION.search(right) or is_group(right) or (m.group() == "或" and is_vague(right)))
            and len(left) >= 3
            and (not left.endswith("行") or left.endswith(("银行", "分行", "支行")))  # 市城市运行和…办
            and not _BARE_BODY.match(right)  # 高新区党工委和管委会: one zone's two bodies, one name
        ):
            return [left, *split_and(right)]
    return [piece]


def _split_spaces(piece: str) -> list[str]:
    """``区财政局 区税务局``: names a table cell separates with spaces, when each part is a body."""
    parts = piece.split()
    if len(parts) < 2:
        return [piece]
    bodies = sum(1 for p in parts if _ORGANISATION.search(p) or is_group(p))
    # 区社会事业局 区财政金融局 流水小城镇综合试点 区招商局: a body no ending gives away among bodies
    if bodies == len(parts) or (len(parts) >= 3 and mostly_bodies(bodies, len(parts))):
        return parts
    return [piece]


_GROUP_NAME = re.compile(
    r"^各?(村|社区|乡镇|街镇|镇|乡|街道|鎮|鄉)(\([\u4e00-\u9fff、]{1,10}\))?$"
    r"|^各\S{1,12}$"
    r"|^属地(街镇|镇街|乡镇|街道|镇|乡|村|社区|政府|镇政府|街道办事处)$"
    r"|^[省市区县州旗區縣]直(各)?(单位|部门|机关|單位|部門|機關)(和(单位|部门))?$"
)


def is_group(name: str) -> bool:
    """True for bodies a list names as a group (各镇(街), 区直各单位, and the villages of 国土所
    村(社区)): no name of one body ends so, yet they are told of the task."""
    return bool(_GROUP_NAME.match(fold(name)))


_PLACE_GOVERNMENT = re.compile(r"^[\u4e00-\u9fff]{2,4}?([市县区州旗縣區](人民)?政府)$")
_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,3}$")
_LEVELLED_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,4}[市县区州旗縣區]$")
_LEVELLED_GOVERNMENT = re.compile(
    r"^(?![\u4e00-\u9fff]?级)[\u4e00-\u9fff]{2,4}[市县区州旗縣區]((人民)?政府)$"
)


_LEVELLED_BODY = re.compile(
    r"^[\u4e00-\u9fff]{2,4}?[市县区州旗縣區]([\u4e00-\u9fff]{2,10}(部门|局|委|办|厅|委员会))$"
)
"""``临夏州发展改革部门`` after ``海东市、兰州市``: the places before it have that body each."""
_ZONE = re.compile(r"^[\u4e00-\u9fff]{2,12}?(区|园|园区|新城)$")
_ZONE_BODIES = re.compile(r"^[\u4e00-\u9fff]{2,12}?(?:区|园|园区|新城)((党工委)?(和|及)?管委会|党工委)$")


_BARE_LEVELS = "省市县区州镇乡"
"""A level written alone before the body it shares (市、区民政局)."""
_LEVELS_SHARING = re.compile(
    rf"^(?P<level>[{_BARE_LEVELS}])(?:[两三四]级)?(?P<body>[\u4e00-\u9fff]{{2,12}})$"
)


_FIELDS_END = re.compile(
    r"^(?P<field>[\u4e00-\u9fff]{2,8}?)等(有关|相关)?(?P<head>(行政)?(主管|管理)?部门|单位)(\((部门|单位)\))?$"
)
_FIELD = re.compile(r"^(各级|[省市县区])?[\u4e00-\u9fff]{2,10}$")


FIELD_BODY = re.compile(
    r"^(?!.*(的|之|责任|牵头|配合|相关|有关))(各级|[省市县区])?[\u4e00-\u9fff]{2,12}(部门|单位)$"
)
"""A body named by its field (公安部门, 各级人力资源与社会保障部门), as a list of fields names it."""
LISTED_FIELDS = re.compile(r"等(有关|相关)?(部门|单位)")
"""The head noun closing a list of fields (公安、科技等部门): the fields before it are bodies."""


_DESCRIBED_KIND = re.compile(r"^(?P<field>[\u4e00-\u9fff]{2,8}?)等[\u4e00-\u9fff]{2,16}$")
_KIND_HEAD = re.compile(r"[\u4e00-\u9fff]{2,16}?(?P<head>(有关|相关)?(部门|单位))$")


def _kind_described(pieces: list[str]) -> list[str]:
    """``…、农业农村等市政交通设施、公共服务设施相关部门``: fields whose head noun comes after words
    that describe their kind, themselves listed with 、; the list as ``农业农村等相关部门`` would
    write it, the description dropped."""
    for k, piece in enumerate(pieces):
        first = _DESCRIBED_KIND.match(piece)
        if first is None or _FIELDS_END.match(piece) or _ORGANISATION.search(piece):
            continue
        for m in range(k, min(len(pieces), k + 3)):
            head = _KIND_HEAD.fullmatch(pieces[m])
            if head is not None and not _ORGANISATION.search(pieces[m].removesuffix(head.group("head"))):
                return [*pieces[:k], first.group("field") + "等" + head.group("head"), *pieces[m + 1 :]]
    return pieces


def _fields_share_head(pieces: list[str]) -> list[str]:
    """``发展改革、教育、公安等部门``: bodies named by their field, the list's head noun closing it;
    each field is a body of that kind (发展改革部门, 教育部门, 公安部门)."""
    pieces = _kind_described(pieces)
    out = list(pieces)
    for end, piece in enumerate(pieces):
        last = _FIELDS_END.match(piece)
        if last is None or _ORGANISATION.search(last.group("field")) or is_group(last.group("field")):
            continue
        head = last.group("head")
        k = end
        out[k] = last.group("field") + head
        while k > 0 and _FIELD.match(out[k - 1]) and not _ORGANISATION.search(out[k - 1]):
            # 各级人力资源社会保障、公安等部门: every level's body of the first field, one of its kind
            if (is_group(out[k - 1]) and not out[k - 1].startswith("各级")) or is_vague(out[k - 1]):
                break
            k -= 1
            out[k] += head
        if out[k].startswith("各级"):  # …and of every other field: 各级 is written once for all
            out[k + 1 : end + 1] = ["各级" + piece for piece in out[k + 1 : end + 1]]
    return out


def _share_suffix(pieces: list[str]) -> list[str]:
    """``广州、深圳市政府``: bare place names before ``X市政府`` share its ``市政府``; zones before
    ``高新区党工委和管委会`` share its ``党工委和管委会``; fields before ``等部门`` share its head noun
    (see :func:`_fields_share_head`)."""
    out = _fields_share_head(list(pieces))
    for i, piece in enumerate(out):
        if _ORGANISATION.search(piece):
            continue
        if (
            len(piece) == 1 and piece in _BARE_LEVELS and not (i > 0 and out[i - 1].startswith("各"))
        ):  # 各县、市、区政府: one group
            # 市、区民政局, 省、市、县三级财政部门: each level has the body the last names
            j = i + 1
            while j < len(out) and len(out[j]) == 1 and out[j] in _BARE_LEVELS:
                j += 1
            shared = _LEVELS_SHARING.match(out[j]) if j < len(out) else None
            if shared is not None:
                body = shared.group("body")
                out[i:j] = [level + body for level in out[i:j]]
                out[j] = shared.group("level") + body
                continue
        # 银川市、石嘴山市、吴忠市人民政府 (not a group: 各区、县级市政府 is one addressee)
        group = piece.startswith(("各", "有关", "相关"))
        place, zone = bool(_BARE_PLACE.match(piece)) and not group, bool(_ZONE.match(piece))
        levelled = bool(_LEVELLED_PLACE.match(piece)) and not group
        for later in out[i + 1 :]:
            if (
                _BARE_PLACE.match(later) or _ZONE.match(later) or _LEVELLED_PLACE.match(later)
            ) and not _ORGANISATION.search(later):
                continue
            found = (
                (_LEVELLED_GOVERNMENT.match(later) if levelled else None)
                or (_LEVELLED_BODY.match(later) if levelled else None)
                or (_PLACE_GOVERNMENT.match(later) if place else None)
                or (_ZONE_BODIES.match(later) if zone else None)
            )
            if found:
                out[i] = piece + found.group(1)
            elif place and not _DEPT_START.match(piece) and not _LEVEL_END.search(piece):
                # 岚城乡、澳前镇人民政府 keeps its names as written: a place with its level is a body
                out[i] = piece + _shared_body(later)
            break
    return out


_COUNTED = re.compile(r"^\d{1,3}个")


def _shared_body(name: str) -> str:
    """The body a list's last name gives the bare places before it (吴泾、塘湾派出所: 派出所; 金井、澳前
    片区开发管理局: 片区开发管理局), after its own place of two or three characters; "" when it
    gives none."""
    for head in (2, 3):
        body = name[head:]
        own = is_organisation(body) and not body.startswith(("和", "及", "与"))
        branch = bool(_BRANCH.fullmatch(body))  # 岚城、澳前分局: the branch each place has
        if (
            (len(body) >= 3 or branch)
            and own
            and not is_organisation(name[:head])
            and not _LEVEL_END.search(name[:head])
        ):
            return body
    return ""


_LEVEL_END = re.compile(r"[省市县区州旗镇乡村]$")


_BARE_GROUP_BODY = re.compile(r"^(街道办事处|街道办|办事处|街道|管委会|社区|镇|乡|乡镇)$")
_LOOSE = re.compile(r"[ \u3000]*([()（）、])[ \u3000]*")


_WITH_DIVISIONS = re.compile(r"^(.{2,12}?)[(（]([^()（）]+)[)）]$")


def divisions(piece: str) -> list[str]:
    """``市交通委(科信处、宣传处)``: divisions of one body written in a bracket after it, each filed
    under the body (市交通委科信处, 市交通委宣传处); any other piece as it is."""
    m = _WITH_DIVISIONS.match(piece)
    if m is None or not _ORGANISATION.search(m.group(1)):
        return [piece]
    inner = re.split(r"[、,，]", m.group(2))
    if not all(is_division(d) for d in inner):
        return [piece]
    if len(inner) == 1 and inner[0][-1] == m.group(1)[-1]:
        return [piece]  # 广电旅游和公共服务股(行政审批服务股): a division's second name, not one under it
    return [m.group(1) + d for d in inner]


_ANGLED = re.compile(r"<[\u4e00-\u9fff、]{1,12}>")
_KEPT = "\ue000"
"""A private-use character standing for a 、 that joins no list while a list is split."""


_KINDS_LISTED = re.compile(r"(?<=[各关])委[、,]办[、,]局")
"""相关委、办、局, 各委、办、局: the kinds of body a group takes in, written as a list."""


def split_list(text: str) -> list[str]:
    """The raw names of a list such as ``A、B和各区、县(市)政府等``, in order, brackets kept."""
    pieces: list[str] = []
    # a PDF's copy spaces out brackets and stops (各市 (地) 、县 (市) 政府)
    text = _LOOSE.sub(r"\1", text)
    # 各县<市、区>人民政府: a page that typed angle brackets for round ones; its 、 joins no list
    text = _ANGLED.sub(lambda m: m.group().replace("、", _KEPT), text)
    text = _KINDS_LISTED.sub(lambda m: m.group().replace("、", ""), text)  # 相关委、办、局: one group
    # a line break separates names too: a table cell holds one unit per line
    for part in depth_split(text, "、,，/;；\n"):
        for piece in _split_joined(part.strip().replace(_KEPT, "、")):
            pieces.extend(_split_spaces(piece))
    pieces = _share_suffix([d for p in pieces for d in divisions(p.strip())])
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        # 各区、县(市)政府 and 各区、县级市 are one group addressee written with a 、 inside.
        if merged and (
            (_PLACE_PIECE.match(piece) and _GROUP_HEAD.match(merged[-1].split("、")[0]))
            # 各乡镇人民政府、街道办事处: the 各 takes in the street offices too, one addressee
            # 13个街道、镇: a counted group takes in the towns too
            or ((merged[-1].startswith("各") or _COUNTED.match(merged[-1])) and _BARE_GROUP_BODY.match(piece))
        ):
            merged[-1] = merged[-1] + "、" + piece
        else:
            merged.append(piece)
    return merged


def clean_name(raw: str) -> Name | None:
    """One name as a clerk files it, or None when it is vague or empty."""
    found = _clean(raw)
    return None if found is None else Name(found[0], list(found[1]), marked_lead=found[2])


@functools.lru_cache(maxsize=4096)
def _clean(raw: str) -> tuple[str, tuple[str, ...], bool] | None:
    """:func:`clean_name` as plain values, remembered: a plan names the same bureaus hundreds of
    times, and the dozen patterns tried on each name were a fifth of the parse."""
    text = drop_glosses(re.sub(r"\s+", "", raw))
    for _ in range(3):
        text = _PREFIX.sub("", text)
        text = _SUFFIX.sub("", text)
    text = text.strip("、,.:;。")
    work = _WORK_THEN_BY.match(text)
    if work and is_organisation(re.sub(r"[(\[][^()\[\]]*[)\]]$", "", text[work.end() :])):
        text = text[work.end() :]  # 竹屿湖二期项目由区交通投资有限公司(负责实施): the work, then its body
    described = _DESCRIBED.match(text)
    if described and is_organisation(text[described.end() :]):
        text = text[described.end() :]  # 包片单位县林业局: what the body is to the task, then its name
    marked = _LEAD_MARK.search(text)
    if marked:
        text = text[: marked.start()]
    star = _STAR_MARK.match(text) or _STAR_AFTER.search(text)
    if star:  # *县人力社保局, 区农业农村委*: one star marks the lead (** stands for an anonymised place)
        text = text[1:] if star.start() == 0 else text[:-1]
    text = _ROLE_REMARK.sub("", text)
    if not text or is_vague(text):
        return None
    aliases: list[str] = []
    inner = _MERGED_BUREAU.match(text)
    if inner:  # 市财政(地税)局: one bureau that also does another's work; the alias names that work
        text = inner.group(1) + inner.group(3)
        prefix = re.match(r"^(市委|市|省|区|县|州)", text)
        aliases.append((prefix.group(1) if prefix else "") + inner.group(2) + inner.group(3))
    m = re.match(r"^(.+?)[(\[]([^()\[\]]+)[)\]]$", text)
    if m and m.group(2).startswith("或") and _ORG_SUFFIX.search(m.group(1)):
        text, m = m.group(1), None  # 各片区开发管理局(或业主单位): the body, or whoever owns the work
    if m and _ORG_SUFFIX.search(m.group(1)) and not _ORG_SUFFIX.search(m.group(2)) and len(m.group(2)) <= 4:
        # 各街办(新区), 机关各处(室): a group and the others it takes in, one addressee
        if not _GROUP_WORD.search(m.group(1)):
            text = m.group(1)  # 市政府办(金融): which desk of the body, not another body
        m = None
    if m and _ZONE_NAME.search(m.group(1)) and _ZONE_NAME.search(m.group(2)) and not text.startswith("各"):
        # 余杭经济技术开发区(钱江经济开发区), 未来科技城(海创园): one zone under its two names
        text = m.group(1)
        aliases.append(m.group(2))
        m = None
    # 各处(室、局): a group and the other kinds of body it takes in, one addressee
    kinds = m is not None and bool(_ORG_SUFFIX.search(m.group(2)) and _ORG_SUFFIX.search(m.group(1)))
    if m and kinds and not _GROUP_WORD.search(m.group(1)):
        text, alias = m.group(1), m.group(2)
        # 市科技局(知识产权局): the alias shares the main name's level prefix.
        prefix = re.match(r"^(市委|市|省|区|县|州|国家)", text)
        if prefix and not alias.startswith(prefix.group(1)):
            alias = prefix.group(1) + alias
        aliases.append(alias)
    if is_vague(text):
        return None
    # One spelling for names written with either bracket width; official texts use full width.
    text = text.replace("(", "（").replace(")", "）").replace("[", "〔").replace("]", "〕")
    return text, tuple(aliases), bool(marked or star)


FUNCTION_BODY = re.compile(r"^(?!.*(的|之|责任|牵头|配合|主要|相关|有关))[\u4e00-\u9fff]{2,10}(部门|机关)$")
"""A body named by its function (城管执法部门, 教育部门, 公安机关), not a label: a list of duties or a
duty section's sub-heading names bodies so."""
_GROUP_WORD = re.compile(r"各|相关|有关")
"""The words that make a name a group addressee (各处, 机关相关处): a bracket after it names the other
kinds of body the group takes in (机关各处(室)), not an alias."""
_ZONE_NAME = re.compile(r"(开发区|新区|园区|科技城|新城|高新区|产业园|科技园|[^公]园)$")
_DESCRIBED = re.compile(
    r"^(?:(?!牵头|主责|主办|配合|协同|协助|协办|参与|责任|承办)[\u4e00-\u9fff]){1,10}?(单位|部门)"
    r"(?=[省市县区州盟旗](?!场|政(?![协府])|域))"
)
"""What a body is to the task, written before its levelled name (包片单位县林业局, 沿线包片单位县
交通局); a role word there (责任单位住建局) is a label the text did not set off, reported instead."""
"""How a development zone's name ends (余杭经济技术开发区, 未来科技城, 海创园), never a 公园."""

_MERGED_BUREAU = re.compile(r"^(.{2,12}?)\(([\u4e00-\u9fff]{2,4})\)(局|委|厅|办)$")
"""``市财政(地税)局``: a bracket inside a name, before its one-character ending."""

_GLUE_LEVEL = "省市县区州"
_NOT_A_LEVEL = re.compile(r"^(市场|市政(?![协府])|区域|县域)")
_BRANCH = re.compile(r"(分局|分行|支行|分公司|分中心|分院|支队|大队|中队|派出所|分所)$")


def unglue(name: str) -> list[str]:
    """``name`` cut where two complete names were run together (区发改局区统计局 → 区发改局,
    区统计局): each part begins with the same level word (省, 市, 县, 区, 州) and ends as a body
    does.  A branch (市公安局市区分局) or a division named by a word that only begins with a level
    character (市发改委市场处) stays whole, and so do 市委组织部, 开发区管委会 and 市委市政府."""
    level = name[:1]
    if level not in _GLUE_LEVEL:
        return _unglue_desk(name)
    for cut in range(3, len(name) - 2):
        left, right = name[:cut], name[cut:]
        if right[0] != level or _NOT_A_LEVEL.match(right) or _BRANCH.search(right):
            continue
        if is_organisation(left) and is_organisation(right):
            return [left, *unglue(right)]
    return [name]


def is_branch(name: str) -> bool:
    """True for a name that ends as a branch of the body before it does (…分局, …支队, …派出所)."""
    return bool(_BRANCH.search(name))


_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,}((?<!办事)处|科|室|股)$")


def is_division(name: str) -> bool:
    """True for a name that ends as a division inside a body does (科技信息处, 办公室, 财务科):
    written after its body (市交通委港务监管处) it is one name, never two."""
    return bool(_DIVISION.fullmatch(name))


_DESK = re.compile(r"^(.{2,}?股)(?![份权票东])(.{3,})$")


def _unglue_desk(name: str) -> list[str]:
    """A county bureau's desk (股) run together with the next body: 文化宣传股文化馆."""
    m = _DESK.match(name)
    if m is None or not is_organisation(m.group(2)) or _BRANCH.search(m.group(2)):
        return [name]
    return [m.group(1), *unglue(m.group(2))]


def body_of(name: str) -> str | None:
    """The body a division is written after (市交通委 in 市交通委港务监管处), or None."""
    if not is_division(name):
        return None
    return next(
        (
            name[:cut]
            for cut in range(3, len(name) - 2)
            if is_organisation(name[:cut]) and is_division(name[cut:])
        ),
        None,
    )


_LIST_LEVEL = re.compile(r"^(省|市|县|区|州)(?=[\u4e00-\u9fff]{2})")


def _under_bodies(names: list[Name]) -> None:
    """Mark the bare divisions of a list that follow a division written under its body, and the
    names without a level that follow one written with it."""
    body: str | None = None
    level: str | None = None
    for name in names:
        own = body_of(name.text)
        written = _LIST_LEVEL.match(name.text)
        if own is not None:
            body = own
        elif body is not None and is_division(name.text):
            name.under = body
        elif written is None and level is not None and _ORGANISATION.search(name.text):
            name.under = level  # 县交通局、公安局: the county's 公安局, where the plan writes it so
        level = written.group() if written is not None else level


_MEANS = re.compile(r"[^、,，;；:：()（）]{2,12}[(（](即|包括)[:：]?(?P<bodies>[^()（）]{4,60})[)）]")
"""A kind of body and, in its bracket, the bodies it stands for (企业集团(即:永业集团、南房集团))."""


def parse_names(text: str) -> list[Name]:
    """The cleaned, non-vague names of a list, in order, without repeats; two names run together
    are cut apart (see :func:`unglue`) and remember the text they were cut from."""
    out: list[Name] = []
    seen: set[str] = set()
    # 企业集团(即:永业集团、南房集团): the bodies the kind stands for, listed in its place
    text = _MEANS.sub(lambda m: m.group("bodies"), text)
    for raw in split_list(text):
        name = clean_name(raw)
        if name is None:
            continue
        parts = unglue(name.text) if not name.aliases else [name.text]
        names = [name] if len(parts) == 1 else [Name(p, glued=name.text) for p in parts]
        for one in names:
            if one.text not in seen:
                seen.add(one.text)
                out.append(one)
    _under_bodies(out)
    return out


_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴"
    "霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
"""The common surnames (about two hundred and fifty): a word of two or three characters opening with one
may be a person's name, where a table's cells ran together (王浩知识产权处)."""


def may_be_person(word: str) -> bool:
    """True for a word shaped like a person's name: a common surname and one or two characters,
    that is no body's name."""
    word = word.replace(" ", "")
    return 2 <= len(word) <= 3 and word[0] in _SURNAMES and not is_organisation(word)


_FIELD_WORD = re.compile(r"^.[业法务健融急监旅委政育通信保安防税检计资建管宣办局草商]$")
"""农业, 司法, 商务, 卫健, 金融, 应急: a field named for its bureau, though its first character is a
surname."""


def looks_like_person(word: str) -> bool:
    """True for a word that names a person where a bracket names bodies (丁龙、林贝茜负责): shaped
    like a name (:func:`may_be_person`), and no field standing for its bureau (商务, 金融)."""
    return may_be_person(word) and not _FIELD_WORD.match(word.replace(" ", ""))
