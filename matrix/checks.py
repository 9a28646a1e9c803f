"""What ``matrix check`` reports: the parser's findings plus checks over the whole plan.

An **error** means the outputs would be wrong (a bracket that never closes, a name cut off); a
**warning** is worth a look (a task with no lead, two names that look like one department, a
name missing from the settings file's list of departments).
"""

from __future__ import annotations

from itertools import combinations

from matrix.graph import PlanGraph
from matrix.model import Finding, Severity
from matrix.parsers.names import is_organisation
from matrix.settings import Settings


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def looks_alike(a: str, b: str) -> bool:
    """True when two names probably mean one department (市科技局 / 市科学技术局).

    The shorter is an in-order abbreviation of the longer, with the same first and last
    character, and at most four characters shorter.
    """
    short, long = sorted((a, b), key=len)
    if short == long or len(short) < 3 or len(long) - len(short) > 4:
        return False
    if any(long == short.replace("各", "各" + q, 1) for q in ("有关", "相关")):
        return False  # 各省级人民政府 / 各有关省级人民政府: a narrower group, not another spelling
    return short[0] == long[0] and short[-1] == long[-1] and _subsequence(short, long)


_LEVEL_PREFIXES = ("省", "市", "县", "区", "镇", "乡", "街道")


def glued(name: str, known: set[str]) -> tuple[str, str] | None:
    """The two names ``name`` looks made of, when two were run together (县工信局县农业农村局).

    The sign is an organisation's ending followed at once by a level prefix or by a department the
    plan already knows; both halves must read as organisations, the first of three characters or
    more, so 市委组织部, 市生态环境局青山分局, 开发区管委会 and 人行…中心支行 stay whole.
    """
    for cut in range(3, len(name) - 2):
        left, right = name[:cut], name[cut:]
        if not (is_organisation(left) and is_organisation(right)):
            continue
        if right.startswith(_LEVEL_PREFIXES) or right in known:
            return left, right
    return None


def check_plan(graph: PlanGraph, settings: Settings) -> list[Finding]:
    """Every finding for a parsed plan, in line order."""
    found = list(graph.findings)
    departments = graph.departments()
    first_line: dict[str, int] = {}
    for task in graph.tasks():
        for a in graph.assignments(task):
            first_line.setdefault(a.department, task.line)
    for one, two in combinations([d.name for d in departments], 2):
        if looks_alike(one, two):
            line = max(first_line.get(one, 0), first_line.get(two, 0))
            found.append(
                Finding(
                    line,
                    f'单位名称 "{one}" 与 "{two}" 相近, 是否为同一单位? '
                    f"可在设置文件中把其中一个列为别名 (aliases)",
                )
            )
    # Only a bare ``[departments."X"]`` table lists departments; a table that gives one bureau's
    # contact or aliases says nothing of the others, so it does not make them unknown.
    if any(not (d.aliases or d.former_names or d.contact or d.phone) for d in settings.departments):
        known = {d.name for d in settings.departments}
        known |= {alias for d in settings.departments for alias in (*d.aliases, *d.former_names)}
        for dept in departments:
            if dept.name not in known:
                found.append(Finding(first_line.get(dept.name, 0), f'设置文件中没有单位 "{dept.name}"'))
    names = {d.name for d in departments}
    for dept in departments:
        parts = glued(dept.name, names - {dept.name})
        if parts is not None:
            found.append(
                Finding(
                    first_line.get(dept.name, 0),
                    f'单位名称 "{dept.name}" 像是两个单位粘连在一起 ("{parts[0]}" 和 "{parts[1]}"): '
                    "请在原文中用顿号分开, 或在设置文件中更正",
                )
            )
    for task in graph.tasks():
        for a in graph.assignments(task):
            if a.department.count("(") != a.department.count(")") or len(a.department) < 2:
                found.append(Finding(task.line, f'单位名称 "{a.department}" 看起来不完整', Severity.ERROR))
    return sorted(found, key=lambda f: (f.line, f.severity.value))
