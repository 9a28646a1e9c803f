"""Deadlines as plans write them (2026年底前, 2026年6月底前, 年内持续推进) turned into a date, or not.

Only a deadline that names a year is dated; 年内, 长期坚持, 每季度 and the like stay undated and are
never flagged overdue.  The date is the last day the work may be done on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from matrix.text.normalize import fold

_YEAR = r"(?P<y>\d{4})\s*年"
_DAY = re.compile(_YEAR + r"\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_MONTH = re.compile(_YEAR + r"\s*(?P<m>\d{1,2})\s*月(?P<rest>.{0,3})")
_HALF = re.compile(_YEAR + r"\s*(?P<h>上半年|下半年)")
_QUARTER = re.compile(_YEAR + r"\s*(第)?(?P<q>[一二三四1-4])\s*季度")
_YEAR_ONLY = re.compile(_YEAR + r"(?P<rest>.{0,2})")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def due_date(deadline: str | None) -> dt.date | None:
    """The last day of a dated deadline, or None when the text names no year.

    ``2026年6月15日前`` → 2026-06-14; ``2026年6月底前`` and ``2026年6月`` → 2026-06-30;
    ``2026年6月前`` → 2026-05-31 (before June begins); ``2026年上半年`` → 2026-06-30;
    ``2026年第三季度`` → 2026-09-30; ``2026年底前`` and ``2026年`` → 2026-12-31.
    """
    if not deadline:
        return None
    text = fold(deadline)
    try:
        if m := _DAY.search(text):
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            before = text[m.end() :].lstrip().startswith("前")
            return day - dt.timedelta(days=1) if before else day
        if m := _MONTH.search(text):
            year, month = int(m["y"]), int(m["m"])
            if m["rest"].startswith("前"):  # 6月前: done before June starts
                return _month_end(year, month - 1) if month > 1 else dt.date(year - 1, 12, 31)
            return _month_end(year, month)
        if m := _HALF.search(text):
            return _month_end(int(m["y"]), 6 if m["h"] == "上半年" else 12)
        if m := _QUARTER.search(text):
            return _month_end(int(m["y"]), 3 * _QUARTERS[m["q"]])
        if m := _YEAR_ONLY.search(text):
            return dt.date(int(m["y"]), 12, 31)
    except ValueError:  # 2026年13月: not a date; leave it unflagged rather than guess
        return None
    return None
