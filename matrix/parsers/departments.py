"""Canonical department names across a whole plan.

A name is resolved, in order, through the settings file (aliases and former names a clerk
recorded), the aliases the plan itself writes in brackets (``市科技局(知识产权局)``), and the
plan's own fuller spelling of it (``人事局`` beside ``市人事局``; ``发展改革委`` beside
``国家发展改革委``; a bare division ``港务监管处`` that a list writes after ``市交通委科技信息处``,
when the plan names ``市交通委港务监管处`` too; a party committee's department written bare,
``党群工作部`` beside ``区党工委党群工作部``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from matrix.model import Department
from matrix.parsers.names import Name
from matrix.settings import Settings
from matrix.text.normalize import as_written, fold, folds_script, squash

_LEVEL_PREFIXES = (
    "国家",
    "国务院",
    "中共",
    "市委",
    "区委",
    "县委",
    "省委",
    "自治区",
    "市",
    "省",
    "区",
    "县",
    "州",
    "盟",
    "旗",
    "區",
    "縣",
    "镇",
    "乡",
    "街道",
    "片区",
    "局",
)
"""The level a fuller spelling may add before a name (市人事局 beside 人事局; 區, 縣 in traditional
script; 镇房管所 beside 房管所 in a town's plan; 片区社会事业处 beside 社会事业处 in an area
office's; 局办公室 beside 办公室, a bureau's own division in a plan dividing its work)."""


_EVERY_LEVEL = ("各区", "各县", "各市", "各县(市、区)", "各区县")
"""The levels a group of bodies is written with, one in each place (各区消防救援支队)."""

_FIELD_NAME = re.compile(r"^(?P<level>[省市县区])?(?P<field>[\u4e00-\u9fff]{2,10}?)(部门|单位)$")
"""A body named by its field (教育部门, 省卫生健康部门), as lists of fields name them."""

_BEFORE_NAME = "由和及与至向请经对报合助同"
"""Words a name may follow in running text (报送至区市场监督管理局, 由局办公室负责, 报镇房管所备案)."""

_COMMITTEE_DEPARTMENT = re.compile(r"^(.{0,4}?(?:党工委|党委|工委))(.{3,}部)$")
"""A party committee's department written with its committee (区党工委党群工作部)."""


class Registry:
    """The departments of one plan: canonical names, aliases, and order of first appearance."""

    def __init__(self, settings: Settings, text: str = "") -> None:
        self.settings = settings
        # the plan as written, when it writes a character fold changes: names keep its script
        self._text = text if folds_script(text) else ""
        self._raw = text
        self._plain: str | None = None
        self._canonical: dict[str, str] = {squash(k): v for k, v in settings.canonical().items()}
        self._aliases: dict[str, list[str]] = {}
        self._order: list[str] = []
        self._seen: set[str] = set()
        self._spelling: dict[str, str] = {}

    def observe(self, names: Iterable[Name]) -> None:
        """Note names as they appear in the plan, with the aliases written beside them."""
        for name in names:
            key = squash(name.text)
            if key not in self._spelling:
                self._spelling[key] = as_written(name.text, self._text)
            if key not in self._seen:
                self._seen.add(key)
                self._order.append(key)
            for alias in name.aliases:
                self._canonical.setdefault(squash(alias), name.text)
                self._aliases.setdefault(key, [])
                if alias not in self._aliases[key]:
                    self._aliases[key].append(alias)

    def finish(self) -> None:
        """Resolve short spellings to the plan's fuller ones, once every name has been seen."""
        # Each name's shorter spellings (itself without a level prefix such as 市 or 国家), found
        # once: comparing every name with every other was quadratic in the plan's names.
        fuller: dict[str, set[str]] = {}
        # aliases count as fuller spellings too: 文物局 beside 市文化旅游局(市文物局)
        for key in [*self._order, *self._canonical]:
            for prefix in _LEVEL_PREFIXES:
                if key.startswith(prefix) and len(key) > len(prefix):
                    fuller.setdefault(key[len(prefix) :], set()).add(squash(self.canonical(key)))

        for short in self._order:
            if short in self._canonical:
                continue
            found = fuller.get(short, set()) - {short}
            if not found:
                found = self._written_fuller(short)
            if not found:
                found = self._field_body(short)
            if len(found) == 1:
                self._resolve(short, found.pop())
        # 党群工作部 beside 区党工委党群工作部: a committee's department, once the levels are resolved
        departments: dict[str, set[str]] = {}
        for key in self._order:
            committee = _COMMITTEE_DEPARTMENT.match(key)
            if committee is not None:
                departments.setdefault(committee.group(2), set()).add(squash(self.canonical(key)))
        for short in self._order:
            found = departments.get(short, set()) - {short}
            if short not in self._canonical and len(found) == 1:
                self._resolve(short, found.pop())

    def _written_fuller(self, short: str) -> set[str]:
        """The fuller spellings of ``short`` the plan's text writes where no duty names them
        (检验检测中心 in a list, 区检验检测中心负责… in the prose): each a level prefix and the name,
        standing after a stop or a word that opens a name."""
        found: set[str] = set()
        if short.startswith(_LEVEL_PREFIXES):
            return found
        if self._plain is None:  # folded once, for the first short name only
            self._plain = re.sub(r"[^\S\n]+", "", fold(self._raw))  # a line's start is a name's too
        # 局办公室 names a bureau, no level; 各区消防救援支队 in the notice's addressees names the
        # brigades a sentence writes bare (各区民政局和消防救援支队…)
        for prefix in (*(p for p in _LEVEL_PREFIXES if p != "局"), *_EVERY_LEVEL):
            pattern = f"(?:^|[^\u4e00-\u9fff]|[{_BEFORE_NAME}]){re.escape(prefix + short)}"
            if len(short) >= 3 and prefix + short in self._plain and re.search(pattern, self._plain):
                found.add(prefix + short)
                self._spelling.setdefault(prefix + short, prefix + short)
        return found

    def _field_body(self, short: str) -> set[str]:
        """The body the plan writes in full for a body named by its field (教育部门 beside 省教育厅,
        发展改革部门 beside 省发展改革委): each name the text writes as a level, the field and a
        bureau's ending."""
        m = _FIELD_NAME.match(short)
        if m is None:
            return set()
        if self._plain is None:
            self._plain = re.sub(r"[^\S\n]+", "", fold(self._raw))
        # 市场监管部门: the field may open with a level's character, so the whole is tried first
        readings = [("[省市县区]", m.group("level") + m.group("field"))] if m.group("level") else []
        readings.append((m.group("level") or "[省市县区]", m.group("field")))
        for level, field in readings:
            pattern = f"(?:{level}){re.escape(field)}(?:厅|局|委员会|委)(?![\u4e00-\u9fff]?[长员])"
            found = {hit.group() for hit in re.finditer(pattern, self._plain)}
            if found:
                for name in found:
                    self._spelling.setdefault(name, name)
                return found
        return set()

    def _resolve(self, short: str, target: str) -> None:
        """Make ``target`` the canonical name of the shorter spelling ``short`` (both squashed)."""
        self._canonical[short] = self._spelling.get(target, target)
        self._aliases.setdefault(target, [])
        self._aliases[target].append(self._spelling[short])

    def canonical_name(self, name: Name) -> str:
        """The canonical name for ``name``, a bare division taking the full spelling under the
        body its list wrote once (see :attr:`Name.under`) when the plan writes that spelling."""
        if name.under is not None and squash(name.under + name.text) in self._seen:
            return self.canonical(name.under + name.text)
        return self.canonical(name.text)

    def canonical(self, name: str) -> str:
        """The canonical name for a name as written."""
        key = squash(name)
        seen: set[str] = set()
        while key in self._canonical and key not in seen:
            seen.add(key)
            name = self._canonical[key]
            key = squash(name)
        return self._spelling.get(key, name)

    def departments(self, used: set[str]) -> list[Department]:
        """The departments in ``used`` in order of first appearance in the plan, but those the
        settings file places with ``order = N``, which go N-th.  Listing a department in the
        settings (for a contact or an alias) never moves it."""
        listed = {ds.name: ds for ds in self.settings.departments}
        names: list[str] = []
        for key in self._order:
            name = self.canonical(self._spelling[key])
            if name in used and name not in names:
                names.append(name)
        names += sorted(used - set(names))
        out: list[Department] = []
        for name in names:
            ds = listed.get(name)
            own = self._aliases.get(squash(name), [])
            if ds is None:
                out.append(Department(name, _unique(own)))
            else:
                aliases = _unique([*ds.aliases, *own])
                out.append(Department(name, aliases, list(ds.former_names), ds.contact, ds.phone))
        placed = sorted(
            ((ds.order, i) for i, ds in enumerate(self.settings.departments) if ds.order and ds.name in used)
        )
        if not placed:
            return out
        chosen = {self.settings.departments[i].name for _, i in placed}
        rest = [d for d in out if d.name not in chosen]
        by_name = {d.name: d for d in out}
        for order, i in placed:
            rest.insert(min(order - 1, len(rest)), by_name[self.settings.departments[i].name])
        return rest


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
