"""The plan's title: the heading lines before its first numbered item.

A covering notice (关于印发…的通知) may wrap the plan; then the plan's own title, written after the
notice, is the title.  A title broken over two lines is joined.
"""

from __future__ import annotations

import re

from matrix.parsers.lines import Para

_PLAN_WORD = re.compile(
    r"(方案|计划|意见|要点|规划|分解|分工|通知|措施|办法|细则|决定|纲要|清单|任务|报告|安排)"
    r"(\(\d{4}年\))?$"
)
_NOT_TITLE = re.compile(
    r"[:。;]$|^\S*〔\d{4}〕\d+号|^\S*\[\d{4}\]\d+号|^\d{4}年\d{1,2}月\d{1,2}日$|^\(此件|文件$"
    r"|^(国务院|国务院办公厅|.{2,12}(人民政府|办公厅|办公室|委员会))$"
)


def find_title(paras: list[Para]) -> str | None:
    """The plan's title from the lines before its first numbered item, or None."""
    groups: list[str] = []
    pending: str | None = None
    for para in paras:
        if para.kind == "item":
            break
        text = para.folded.strip()
        if len(text) > 60 or _NOT_TITLE.search(text) or para.inlines:
            pending = None
            continue
        if pending is not None and _PLAN_WORD.search(text):
            groups.append(pending + para.text.strip())
            pending = None
        elif _PLAN_WORD.search(text):
            groups.append(para.text.strip())
            pending = None
        else:
            pending = para.text.strip() if pending is None else None
    if not groups:
        return None
    if any("印发" in g for g in groups):
        plain = [g for g in groups if "印发" not in g and "通知" not in g]
        if plain:
            return re.sub(r"\s+", "", plain[-1])
    return (
        re.sub(r"\s+", "", groups[0]).replace("《", "").replace("》", "")
        if "印发" not in groups[0]
        else re.sub(r"\s+", "", groups[0])
    )
