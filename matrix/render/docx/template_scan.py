"""A look at a Word template's Jinja tags before rendering: where each is, and what is wrong.

Word keeps a paragraph's text in runs (``<w:r><w:t>``) and may cut a tag such as ``{{ title }}``
into several runs when the clerk edits it.  docxtpl glues such tags back, but the pieces may carry
different formatting, so :func:`scan_part` reports them; it also finds tags that are not closed in
their paragraph, block tags that do not pair (``{%p if %}`` without ``{%p endif %}``) and expressions
Jinja cannot parse, each with the paragraph it is in, so a clerk can find it in Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import jinja2
from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_BLOCK_WORD = re.compile(r"^\{%-?\s*(?:(?:p|tr|tc|r)\s+)?(\w+)")
_EXPR_PREFIX = re.compile(r"^\{\{-?\s*(?:[prc]\s+)?")
_BLOCKS = {"if", "for", "with", "macro", "call", "filter", "block", "raw", "autoescape"}
_MIDDLE = {"elif": "if", "else": "if"}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def describe_part(name: str) -> str:
    """A template part's name as a clerk knows it: 正文, 页眉, 页脚."""
    if "header" in name:
        return "页眉"
    if "footer" in name:
        return "页脚"
    return "正文"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a template part: its number (from 1) and its text pieces, one per ``w:t``."""

    number: int
    pieces: tuple[str, ...]
    in_table: bool

    @property
    def text(self) -> str:
        """The paragraph's text as Word shows it."""
        return "".join(self.pieces)

    def where(self) -> str:
        """``第N段`` with the start of its text, for messages."""
        excerpt = self.text.strip()
        if len(excerpt) > 30:
            excerpt = excerpt[:30] + "…"
        place = "表格中" if self.in_table else ""
        return f"{place}第{self.number}段（“{excerpt}”）"


@dataclass(frozen=True)
class Tag:
    """One Jinja tag as typed in the template, and the paragraph holding it."""

    text: str
    paragraph: Paragraph
    split: bool


@dataclass
class PartScan:
    """What :func:`scan_part` found in one part: its paragraphs, tags, errors and split tags."""

    name: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def locate(self, text: str) -> str:
        """The paragraph whose text holds ``text`` (a line of the compiled source), for messages."""
        visible = re.sub(r"<[^>]+>", "", text).strip()
        probes = [visible, *_TAG.findall(visible)]
        for probe in probes:
            if not probe:
                continue
            for paragraph in self.paragraphs:
                if probe in paragraph.text.translate(_QUOTES) or probe in paragraph.text:
                    return paragraph.where()
        return f"（“{visible[:30]}”）" if visible else ""


def paragraphs(xml: str) -> list[Paragraph]:
    """The paragraphs of a part's XML in document order, each with its own ``w:t`` texts."""
    root = etree.fromstring(xml.encode("utf-8"))
    out: list[Paragraph] = []
    for number, p in enumerate(root.iter(_W + "p"), 1):
        pieces = []
        for t in p.iter(_W + "t"):
            owner = next(a for a in t.iterancestors(_W + "p"))
            if owner is p:
                pieces.append(t.text or "")
        in_table = any(True for _ in p.iterancestors(_W + "tc"))
        out.append(Paragraph(number, tuple(pieces), in_table))
    return out


def _tags(paragraph: Paragraph) -> tuple[list[Tag], list[str]]:
    text = paragraph.text
    bounds: list[int] = []
    pos = 0
    for piece in paragraph.pieces[:-1]:
        pos += len(piece)
        bounds.append(pos)
    tags: list[Tag] = []
    covered: list[tuple[int, int]] = []
    for m in _TAG.finditer(text):
        split = any(m.start() < b < m.end() for b in bounds)
        tags.append(Tag(m.group(0), paragraph, split))
        covered.append((m.start(), m.end()))
    errors = []
    for m in _OPEN.finditer(text):
        if not any(a <= m.start() < b for a, b in covered):
            closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[m.group(0)]
            errors.append(f"{paragraph.where()}的标记 “{text[m.start() : m.start() + 20]}” 缺少结尾 {closer}")
    return tags, errors


def scan_part(name: str, xml: str, env: jinja2.Environment) -> PartScan:
    """Every tag of one template part, with errors in the order a clerk would fix them."""
    scan = PartScan(name, paragraphs(xml))
    label = describe_part(name)
    stack: list[tuple[str, Tag]] = []
    for paragraph in scan.paragraphs:
        tags, errors = _tags(paragraph)
        scan.errors.extend(f"{label}{e}" for e in errors)
        scan.tags.extend(tags)
        for tag in tags:
            text = tag.text.translate(_QUOTES)
            if text.startswith("{{"):
                expression = _EXPR_PREFIX.sub("{{ ", text)
                try:
                    env.parse(expression)
                except jinja2.TemplateSyntaxError as exc:
                    scan.errors.append(f"{label}{paragraph.where()}的标记 “{tag.text}” 有误: {exc.message}")
                continue
            if not text.startswith("{%"):
                continue
            word_match = _BLOCK_WORD.match(text)
            word = word_match.group(1) if word_match else ""
            if word in _BLOCKS:
                stack.append((word, tag))
            elif word in _MIDDLE or (word == "else" and stack and stack[-1][0] == "for"):
                if not stack or stack[-1][0] not in {"if", "for"}:
                    scan.errors.append(f"{label}{paragraph.where()}的标记 “{tag.text}” 前面没有对应的 if")
            elif word.startswith("end") and word[3:] in _BLOCKS:
                if not stack:
                    scan.errors.append(
                        f"{label}{paragraph.where()}的标记 “{tag.text}” 前面没有对应的开始标记"
                    )
                elif stack[-1][0] != word[3:]:
                    opener = stack[-1][1]
                    scan.errors.append(
                        f"{label}{paragraph.where()}的标记 “{tag.text}” 与"
                        f"{opener.paragraph.where()}的 “{opener.text}” 不配对"
                    )
                    stack.pop()
                else:
                    stack.pop()
    for word, tag in stack:
        scan.errors.append(f"{label}{tag.paragraph.where()}的标记 “{tag.text}” 没有结束标记 end{word}")
    return scan
