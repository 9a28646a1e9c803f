"""Chinese numerals, both ways: 十二 → 12 as plans number their outline, 12 → 十二 as letters do.

One routine each way for the whole project: the outline parser, the Word numbering reader, the
letters' 一、二、三 and the workbook's section labels all use these.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
"""The digits Word's ``chineseCounting`` writes (〇 for zero)."""
LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
"""The financial digits of ``chineseLegalSimplified`` (大写)."""
LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
NUMERAL_CHARS = "零〇一二两三四五六七八九十百"
"""Every character of a Chinese outline numeral (一 … 九十九, 一百零五)."""

_VALUES = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def chinese_number(text: str) -> int:
    """The value of a Chinese numeral up to the hundreds (十一 → 11, 二十 → 20, 一百零五 → 105)."""
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _VALUES.get(ch, 0)
    return total + current


def is_chinese_numeral(text: str) -> bool:
    """Whether ``text`` is written in Chinese numerals only (二十三, not 23 or 一是)."""
    return bool(text) and all(ch in NUMERAL_CHARS for ch in text)


def chinese_counting(
    n: int, digits: str = DIGITS, ten: str = "十", hundred: str = "百", thousand: str = "千"
) -> str:
    """``n`` in Chinese counting as Word writes list numbers: 十, 十一, 二十, 一百零一 (up to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    units = ((1000, thousand), (100, hundred), (10, ten))
    out: list[str] = []
    zero_pending = False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero_pending:
                out.append("零")
                zero_pending = False
            # 十一 not 一十一: a leading ten takes no 一 (Word writes 十, 十一, 十九).
            if not (value == 10 and d == 1 and not out):
                out.append(digits[d])
            out.append(name)
        elif out:
            zero_pending = True
    if n:
        if zero_pending:
            out.append("零")
        out.append(digits[n])
    return "".join(out)


_NUMERALS = tuple(chinese_counting(n) for n in range(100))
"""一 … 九十九, worked out once: a batch of letters numbers thousands of items."""


def numeral(n: int) -> str:
    """The Chinese numeral of ``n`` (1-99) as in 一、二、…十一、二十: ``numeral(12) == "十二"``."""
    if not 0 < n < 100:
        raise ValueError(n)
    return _NUMERALS[n]
