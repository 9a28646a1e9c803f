"""Character normalisation that keeps positions: full-width and half-width punctuation read alike.

The parser works on a normalised copy of each line whose characters stand one-for-one with the
original, so a span found in the copy cuts the same text out of the line as written.
"""

from __future__ import annotations

import re

_PAIRS = {
    "（": "(",
    "）": ")",
    "：": ":",
    "，": ",",
    "；": ";",
    "〔": "[",
    "〕": "]",
    "［": "[",
    "］": "]",
    "【": "[",
    "】": "]",
    "﹝": "[",
    "﹞": "]",
    "　": " ",
    "．": ".",
    "﹒": ".",  # small full stop: 1﹒ in texts typed on some input methods
    "﹐": ",",
    "﹑": "、",
    "﹔": ";",
    "﹕": ":",
    "﹙": "(",
    "﹚": ")",
    "〈": "(",  # 〈含开发区,下同〉: angle brackets some typesetters use as parentheses
    "〉": ")",
    "！": "!",
    "？": "?",
    "\t": " ",
    "\u00a0": " ",
    "\u200b": " ",
    "\ufeff": " ",
}
_PAIRS.update({chr(0xFF10 + i): str(i) for i in range(10)})  # full-width digits
# Traditional forms of the role and label words only (負責, 牽頭, 參與, 協辦, 單位, 部門, 職責, 為, 落實,
# 領導, 進度, 時間): a plan copied from a traditional-script page reads its assignments; names keep
# their script, as these characters are rare in names (a name with one, like 某協會, comes out part
# simplified).
_TRADITIONAL = dict(
    zip("負責牽頭參與協單門職關為實領導進時間", "负责牵头参与协单门职关为实领导进时间", strict=True)
)
_PAIRS.update(_TRADITIONAL)
_TABLE = str.maketrans(_PAIRS)
_EITHER = {simple: f"[{simple}{old}]" for old, simple in _TRADITIONAL.items()}


def folds_script(text: str) -> bool:
    """True when ``text`` writes one of the traditional characters :func:`fold` makes simplified."""
    return not _TRADITIONAL.keys().isdisjoint(text)


def as_written(name: str, text: str) -> str:
    """``name`` in the script ``text`` writes it in: :func:`fold` makes a few traditional characters
    simplified, so a name read from folded text (市直各部门) is looked up in the text as written
    (市直各部門).  A name the text does not hold as such comes back unchanged."""
    if _EITHER.keys().isdisjoint(name) or not folds_script(text):
        return name
    # a name files its brackets full-width (有关市（州）人民政府) where the text may not
    m = re.search("".join(_EITHER.get(c) or _BRACKETS.get(c) or re.escape(c) for c in name), text)
    if m is None:
        return name
    return "".join(w if c in _EITHER else c for c, w in zip(name, m.group(), strict=True))


_BRACKETS = {"（": "[（(]", "）": "[）)]", "〔": r"[〔\[]", "〕": r"[〕\]]"}
"""A bracket of a filed name and the widths the text may write it in."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without control characters and lone surrogates (they carry no meaning in a plan)."""
    return _CONTROL.sub("", text)


def fold(text: str) -> str:
    """The same text with full-width punctuation, digits and spaces as their half-width forms.

    The result has exactly as many characters as ``text``.
    """
    return text.translate(_TABLE)


_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)"
)


def drop_glosses(text: str) -> str:
    """``text`` without the pinyin a mirror site puts after characters (市發(fā)改委 → 市發改委).

    A bracket holding one syllable of Latin letters with a tone mark, right after a Chinese
    character, glosses that character's sound: it is no part of a name or a header word.
    """
    return _GLOSS.sub("", text)


_PAGE_MARK = re.compile(
    r"^[-—–－~·•]+\s*\d{1,4}\s*[-—–－~·•]+$"
    r"|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
    r"|^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$"
    r"|^page\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)


def is_page_mark(line: str) -> bool:
    """True for a line that is a page number printed so that it cannot be anything else:
    ``- 1 -``, ``— 3 —``, ``第3页``, ``第 3 页 共 5 页``, ``Page 3``.

    A bare ``3`` is not one: in a table copied one cell a line, it is a row's number.
    """
    return bool(_PAGE_MARK.match(fold(line).strip()))


def squash(text: str) -> str:
    """``text`` folded and without any whitespace: the key under which names are compared."""
    return re.sub(r"\s+", "", fold(text))


_DEBRIS = re.compile(
    # a list bullet may stand before it (• 信息来源: 市府办)
    r"^\s*[•·▪■◆●]?\s*(发布时间|发布日期|来源|信息来源|作者|浏览次数|点击数|阅读次数|字号|打印|【打印】|关闭|"
    r"上一篇|下一篇|上一条|下一条|分享到|责任编辑)(\s*[:：]|\s|\d|$)"
    # 时间 alone is a table's column (完成 / 时间), debris only with its stamp
    r"|^\s*[•·▪■◆●]?\s*时间(\s*[:：]|\s+\S|\d)"
    r"|^\s*\[?(打印本页|关闭窗口|返回顶部)\]?\s*$"
)


_BUTTONS = re.compile(
    r"[\[【]\s*(字体|字号|打印|打印本页|关闭|关闭窗口|返回顶部|收藏|分享|大\s*中\s*小)[^\]】]{0,12}[\]】]"
)
_BREADCRUMB = re.compile(r"^\s*(首页|当前位置|您的位置|您现在的位置)\s*[:：>＞»]")


def strip_debris(text: str) -> str:
    """``text`` without the buttons a web page puts beside it (【打印本页】【关闭窗口】【字体：大 中 小】)."""
    return _BUTTONS.sub("", text)


def is_debris(text: str) -> bool:
    """True for lines a web page adds around a plan: time stamps, previous/next links, print buttons,
    a breadcrumb trail (首页 > 政务公开)."""
    folded = fold(text)
    return bool(_DEBRIS.match(folded) or _BREADCRUMB.match(folded))
