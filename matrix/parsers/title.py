"""The plan's title: the heading lines before its first numbered item.

A covering notice (关于印发…的通知) may wrap the plan; then the plan's own title, written after the
notice, is the title.  A title broken over two lines is joined.
"""

from __future__ import annotations

import re

from matrix.parsers.lines import Para

_PLAN_WORD = re.compile(
    r"(方案|计划|意见|要点|规划|分解|分工|通知|措施|办法|细则|决定|纲要|清单|任务|报告|安排|分工表|任务表|分解表|责任表|一览表)"
    r"(\((\d{4}(—|－|-|–|~|至)?(\d{4})?年(度)?)\))?$"
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
    titles = [re.sub(r"\s+", "", g) for g in groups]
    # A covering notice (关于印发…的通知) wraps the plan: the plan's own title comes after it.
    notices = [i for i, t in enumerate(titles) if "印发" in t or "通知" in t]
    if notices and notices[-1] + 1 < len(titles):
        return titles[notices[-1] + 1]
    if not titles:
        return None
    # 关于印发《X》的通知 with no title of X's own after it: X is the plan
    inner = re.search(r"印发《(.+?)》", titles[0])
    return inner.group(1) if inner else titles[0]
