"""Word's automatic list numbering: the number Word shows before a paragraph, from numbering.xml.

A paragraph is numbered when it has ``w:numPr`` directly or through its style.  ``w:numId`` names a
list instance (``w:num``) that points at an ``w:abstractNum``; the abstract definition holds one
``w:lvl`` per outline level with its format (``decimal``, ``chineseCounting`` ...), its text
(``%1、``, ``（%1）``, ``%1.%2``) and its start value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from matrix.ooxml import MC, W
from matrix.text.chinese import DIGITS, LEGAL_SIMPLIFIED, LEGAL_TRADITIONAL, chinese_counting

Element = Any
"""An lxml element; lxml ships no type information in this environment."""

_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter past Z (AA, BB ...) rather than counting like spreadsheet columns;
    # a corrupt start value must not make a number millions of letters long.
    if n <= 0 or n > 26 * 10:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(n: int, first: int, last_n: int) -> str:
    return chr(first + n - 1) if 1 <= n <= last_n else str(n)


def _cycle(n: int, symbols: str) -> str:
    return symbols[(n - 1) % len(symbols)] if n >= 1 else str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the Word number format ``fmt`` (``decimal``, ``chineseCounting``, ...).

    Formats this module does not know fall back to decimal, which is what a reader most likely
    needs to see.
    """
    if fmt in {"chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"}:
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, LEGAL_SIMPLIFIED, "拾", "佰", "仟")
    if fmt == "ideographLegalTraditional":
        return chinese_counting(n, LEGAL_TRADITIONAL, "拾", "佰", "仟")
    if fmt in {"ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"}:
        return "".join(DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n)
    if fmt == "ideographTraditional":
        return _cycle(n, _STEMS)
    if fmt == "ideographZodiac":
        return _cycle(n, _BRANCHES)
    if fmt == "ideographEnclosedCircle":
        return _enclosed(n, 0x3280, 10)  # ㊀ .. ㊉
    if fmt in {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}:
        return _enclosed(n, 0x2460, 20)  # ① .. ⑳; Word writes plain digits beyond twenty
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)  # ⑴ .. ⒇
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)  # ⒈ .. ⒛
    if fmt in {"decimalFullWidth", "decimalFullWidth2"}:
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    """One level of a list definition (``w:lvl``): how its number looks and where it starts."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart_after: int | None = None
    """``w:lvlRestart``: restart when a level below this 1-based value is used; 0 never."""
    legal: bool = False
    """``w:isLgl``: every level's number is shown as a decimal."""
    suffix: str = "tab"
    style: str | None = None


def _val(el: Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    value = el.get(W + "val")
    return default if value is None else str(value)


def _int(el: Element | None, default: int) -> int:
    try:
        return int(_val(el) or default)
    except ValueError:
        return default


def _level(lvl: Element) -> Level:
    fmt_el = lvl.find(W + "numFmt")
    if fmt_el is None:
        # Word 2010 wraps custom formats in mc:AlternateContent; its Fallback holds a plain one.
        fmt_el = lvl.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
    restart = lvl.find(W + "lvlRestart")
    legal = lvl.find(W + "isLgl")
    return Level(
        fmt=_val(fmt_el, "decimal") or "decimal",
        text=_val(lvl.find(W + "lvlText"), "") or "",
        start=_int(lvl.find(W + "start"), 1),
        restart_after=None if restart is None else _int(restart, 0),
        legal=legal is not None and _val(legal, "1") not in {"0", "false", "off"},
        suffix=_val(lvl.find(W + "suff"), "tab") or "tab",
        style=_val(lvl.find(W + "pStyle")),
    )


def _ilvl(el: Element) -> int:
    """The ``w:ilvl`` attribute of a level or override; Word allows levels 0 to 8."""
    value = str(el.get(W + "ilvl", "0"))
    return int(value) if value.isdecimal() and int(value) < 9 else 0


def _levels(parent: Element) -> dict[int, Level]:
    return {_ilvl(lvl): _level(lvl) for lvl in parent.iterfind(W + "lvl")}


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass
class _Style:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


class Numbering:
    """The list numbers of one document, computed paragraph by paragraph in document order.

    Counters belong to the abstract list, so paragraphs of every ``w:num`` that shares it
    continue one sequence (as Word does) unless the ``w:num`` restarts a level with
    ``w:startOverride``.
    """

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}  # abstractNum id -> numbering style it defers to
        self._nums: dict[str, _Num] = {}
        self._styles: dict[str, _Style] = {}
        self._default_style: str | None = None
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, styles: Element) -> None:
        for style in styles.iterfind(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id is None:
                continue
            num_pr = style.find(f"{W}pPr/{W}numPr")
            ilvl = None if num_pr is None else num_pr.find(W + "ilvl")
            self._styles[style_id] = _Style(
                num_id=None if num_pr is None else _val(num_pr.find(W + "numId")),
                ilvl=None if ilvl is None else _int(ilvl, 0),
                based_on=_val(style.find(W + "basedOn")),
            )
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in {"1", "true", "on"}:
                self._default_style = style_id

    def _read_numbering(self, numbering: Element) -> None:
        for abstract in numbering.iterfind(W + "abstractNum"):
            key = str(abstract.get(W + "abstractNumId"))
            self._abstracts[key] = _levels(abstract)
            link = _val(abstract.find(W + "numStyleLink"))
            if link:
                self._links[key] = link
        for num in numbering.iterfind(W + "num"):
            entry = _Num(abstract=_val(num.find(W + "abstractNumId"), "") or "")
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _ilvl(override)
                start = override.find(W + "startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.level_overrides[ilvl] = _level(lvl)
            self._nums[str(num.get(W + "numId"))] = entry

    def _abstract_of(self, num_id: str) -> str | None:
        """The abstract list ``num_id`` draws its levels from, following numbering-style links."""
        num = self._nums.get(num_id)
        seen: set[str] = set()
        while num is not None and num.abstract not in seen:
            seen.add(num.abstract)
            link = self._links.get(num.abstract)
            style = self._styles.get(link) if link else None
            if style is None or style.num_id is None:
                return num.abstract if num.abstract in self._abstracts else None
            num = self._nums.get(style.num_id)
        return None

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """The numId and level a paragraph style (or a style it is based on) gives, and that style."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen:
            seen.add(style_id)
            style = self._styles.get(style_id)
            if style is None:
                break
            if style.num_id is not None:
                return style.num_id, style.ilvl, style_id
            style_id = style.based_on
        return None, None, None

    def label(self, p: Element) -> tuple[str, str] | None:
        """The number Word shows before paragraph ``p`` and the suffix after it, or None.

        Call once per paragraph in document order: it advances the list counters.  Bullets give
        None: they carry no outline position and are often private-use Symbol glyphs.
        """
        p_pr = p.find(W + "pPr")
        num_pr = None if p_pr is None else p_pr.find(W + "numPr")
        style_id = _val(None if p_pr is None else p_pr.find(W + "pStyle")) or self._default_style
        num_id, ilvl, from_style = self._style_numbering(style_id)
        if num_pr is not None:
            num_id = _val(num_pr.find(W + "numId"), num_id)
            direct_lvl = num_pr.find(W + "ilvl")
            if direct_lvl is not None:
                ilvl = _int(direct_lvl, 0)
        if num_id is None or num_id == "0":
            return None
        abstract = self._abstract_of(num_id)
        if abstract is None:
            return None
        num = self._nums[num_id]
        levels = {**self._abstracts[abstract], **num.level_overrides}
        if ilvl is None:
            # A style-linked list level names its style in w:pStyle rather than the style naming it.
            ilvl = next((i for i, lv in levels.items() if from_style and lv.style == from_style), 0)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            if num.start_overrides:
                top = min(num.start_overrides)
                for used in [k for k in counters if k >= top]:
                    del counters[used]

        def start(level: int) -> int:
            if level in num.start_overrides:
                return num.start_overrides[level]
            return levels[level].start if level in levels else 1

        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart_after if deeper in levels else None
            if restart is not None and restart > deeper:
                restart = None  # names this level or a deeper one: Word ignores it
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return None
        text = level.text
        for ref in range(9, 0, -1):
            token = f"%{ref}"
            if token in text:
                shown = counters.get(ref - 1, start(ref - 1))
                fmt = "decimal" if level.legal else (levels[ref - 1].fmt if ref - 1 in levels else "decimal")
                text = text.replace(token, format_number(shown, fmt))
        return text, level.suffix
