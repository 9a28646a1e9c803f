"""The print file: every letter in one .docx, each starting on a new page, numbered from 1.

The letters come from one template, so they share its styles, footers and relationships; their
bodies are put one after another and each letter but the last ends with a section break carried by
its own last paragraph (no extra paragraph, so no blank page).  Every section restarts its page
numbers at 1; with ``duplex`` each letter starts on an odd page (Word and LibreOffice add the
blank back page themselves).

The bodies are joined as bytes, not as one XML tree: only each letter's last body element and its
section properties are parsed and changed (they come from the template, so they are the same in
every letter and are worked out once), and the joined document is deflated as it is produced.
A whole tree of every letter cost a second per thousand tasks and hundreds of MB.  A document
whose body does not have the shape a template gives (see :func:`_split`) is combined as one tree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from copy import deepcopy
from typing import Any

from lxml import etree

from matrix.render.docx.archive import Packed, pack_chunks
from matrix.render.docx.compile import DOCUMENT, CompiledTemplate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BEFORE_TYPE = {W + "headerReference", W + "footerReference", W + "footnotePr", W + "endnotePr"}
_AFTER_NUMBERING = {
    W + n
    for n in ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter")
} | {W + "docGrid", W + "printerSettings", W + "sectPrChange"}
_AFTER_SECT = {W + "pPrChange"}

_BODY_START = re.compile(rb"<w:body\s*>")
_BODY_END = b"</w:body>"
_DOCUMENT_START = re.compile(rb"<w:document\b[^>]*>")
# Any start, end or empty tag; "<!" and "<?" never occur in a rendered body.
_TAG = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)[^>]*?(/?)>")
_WINDOW = 2048
_HAIRLINE = (
    f'<w:p xmlns:w="{W[1:-1]}"><w:pPr><w:spacing w:before="0" w:after="0" w:line="1" w:lineRule="exact"/>'
    '<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
    "</w:pPr></w:p>"
)  # the tail of a letter (its last paragraph and sectPr) fits, as a rule


class _Unusual(Exception):
    """A letter's body is not shaped as the byte-joining expects; the tree way handles it."""


def _child(parent: Any, tag: str, before: set[str]) -> Any:
    """``parent``'s ``tag`` child, made and put before the first of ``before`` if missing."""
    found = parent.find(tag)
    if found is not None:
        return found
    element = etree.Element(tag)
    for index, child in enumerate(parent):
        if child.tag in before:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _section_start(sect: Any, duplex: bool) -> Any:
    """A copy of ``sect`` that starts a new (or, for duplex, odd) page and numbers from 1."""
    sect = deepcopy(sect)
    kind = sect.find(W + "type")
    if kind is None:
        kind = etree.Element(W + "type")
        position = sum(1 for child in sect if child.tag in _BEFORE_TYPE)
        sect.insert(position, kind)
    kind.set(W + "val", "oddPage" if duplex else "nextPage")
    numbering = _child(sect, W + "pgNumType", _AFTER_NUMBERING)
    numbering.set(W + "start", "1")
    return sect


def _carry(last: Any | None, sect: Any) -> Any:
    """The letter's last paragraph (a new one when its body ends otherwise) carrying ``sect`` as
    the section break that ends the letter.

    A paragraph of a frame (the 版记 at the foot of the page) cannot carry it: LibreOffice takes a
    paragraph holding a section break out of its frame.  The break then goes into a new paragraph
    one twentieth of a point high, so it never adds a page of its own.
    """
    if last is None or last.tag != W + "p" or last.find(f"{W}pPr/{W}framePr") is not None:
        last = etree.fromstring(_HAIRLINE)
    ppr = _child(last, W + "pPr", set())
    if ppr is not last[0]:
        last.remove(ppr)
        last.insert(0, ppr)
    old = ppr.find(W + "sectPr")
    if old is not None:
        ppr.remove(old)
    _insert_before(ppr, sect, _AFTER_SECT)
    return last


def combine(
    template: CompiledTemplate, documents: Sequence[Mapping[str, bytes]], stamp: dt.date, duplex: bool
) -> bytes:
    """One .docx holding every rendered letter (``documents``: each letter's rendered parts, as
    :meth:`CompiledTemplate.render_bytes` gives them); its other parts are the first letter's."""
    if not documents:
        raise ValueError("no letters to combine")
    try:
        joined: bytes | Packed = _joined(documents, duplex)
    except _Unusual:
        joined = _tree(documents, duplex)
    rendered: dict[str, bytes | Packed] = {**documents[0], DOCUMENT: joined}
    return template.package_bytes(rendered, stamp)


class _Joiner:
    """Each letter's body as bytes with its section break put in; the parsed edits are cached."""

    def __init__(self, start_tag: bytes, duplex: bool) -> None:
        self.start_tag, self.duplex = start_tag, duplex
        self.sections: dict[bytes, bytes] = {}
        self.carried: dict[tuple[bytes, bytes], bytes] = {}

    def _parse(self, fragment: bytes) -> Any:
        # inside the document's own start tag, so that every prefix it declares is known
        try:
            return etree.fromstring(self.start_tag + fragment + b"</w:document>")
        except etree.XMLSyntaxError as exc:
            raise _Unusual(str(exc)) from exc

    def section(self, sect: bytes) -> bytes:
        """The letter's ``w:sectPr`` made to start a new page numbered from 1."""
        found = self.sections.get(sect)
        if found is None:
            root = self._parse(sect)
            if len(root) != 1 or root[0].tag != W + "sectPr":
                raise _Unusual("the body does not end with its section properties")
            root[0] = _section_start(root[0], self.duplex)
            found = self.sections[sect] = _inner(root)
        return found

    def carry(self, last: bytes, sect: bytes) -> bytes:
        """The letter's last body element (and a new paragraph when it is no paragraph) carrying
        the section break ``sect``."""
        found = self.carried.get((last, sect))
        if found is None:
            root = self._parse(last + self.section(sect))
            if len(root) != 2:
                raise _Unusual("the last body element is not one element")
            element, section = root[0], root[1]
            root.remove(section)
            paragraph = _carry(element, section)
            if paragraph is not element:
                root.append(paragraph)
            found = self.carried[(last, sect)] = _inner(root)
        return found


def _inner(root: Any) -> bytes:
    """The serialised children of ``root`` (its start and end tags cut off)."""
    text: bytes = etree.tostring(root, encoding="UTF-8")
    if text.startswith(b"<?xml"):
        text = text[text.index(b"?>") + 2 :].lstrip()
    return text[text.index(b">") + 1 : text.rindex(b"</")]


def _split(xml: bytes) -> tuple[int, int, int, int]:
    """Where a letter's body starts, where its last element and its section properties start, and
    where the body ends: ``<w:body>`` … last element, ``w:sectPr``, ``</w:body>``."""
    body = _BODY_START.search(xml)
    end = xml.rfind(_BODY_END)
    if body is None or end < body.end():
        raise _Unusual("no w:body")
    starts = _element_starts(xml, body.end(), end, 2)
    if len(starts) < 2:
        raise _Unusual("the body holds fewer than two elements")
    sect, last = starts
    if not xml.startswith(b"<w:sectPr", sect) or xml[sect + 9 : sect + 10] not in (b">", b" ", b"/"):
        raise _Unusual("the body does not end with w:sectPr")
    return body.end(), last, sect, end


def _element_starts(xml: bytes, low: int, high: int, count: int) -> list[int]:
    """The start offsets of the last ``count`` top-level elements in ``xml[low:high]``, last first.

    Tags are read backwards from ``high`` in windows, so only the body's tail is looked at."""
    found: list[int] = []
    top = high
    window = _WINDOW
    while True:
        start = max(low, top - window)
        depth = 0
        found = []
        for match in reversed(list(_TAG.finditer(xml, start, high))):
            closing, empty = match.group(1), match.group(3)
            if closing:
                depth += 1
            elif not empty:
                depth -= 1
            if depth < 0:
                raise _Unusual("unbalanced tags")
            if depth == 0 and not closing:
                found.append(match.start())
                if len(found) == count:
                    return found
        if start == low:
            return found
        window *= 4


def _joined(documents: Sequence[Mapping[str, bytes]], duplex: bool) -> Packed:
    """The letters' documents joined and deflated piece by piece (no copy of the whole is made)."""
    first = documents[0][DOCUMENT]
    head = _DOCUMENT_START.search(first)
    if head is None:
        raise _Unusual("no w:document")
    joiner = _Joiner(head.group(0), duplex)
    # every letter is checked and its edits worked out before anything is deflated
    splits = [_split(parts[DOCUMENT]) for parts in documents]
    for parts, (_, last, sect, end) in zip(documents, splits[:-1], strict=False):
        xml = parts[DOCUMENT]
        joiner.carry(xml[last:sect], xml[sect:end].rstrip())
    final = documents[-1][DOCUMENT]
    joiner.section(final[splits[-1][2] : splits[-1][3]].rstrip())

    def chunks() -> Iterator[bytes | memoryview]:
        yield memoryview(first)[: splits[0][0]]
        for number, (parts, (body, last, sect, end)) in enumerate(zip(documents, splits, strict=True)):
            xml = parts[DOCUMENT]
            view = memoryview(xml)
            if number < len(documents) - 1:
                yield view[body:last]
                yield joiner.carry(xml[last:sect], xml[sect:end].rstrip())
            else:
                yield view[body:sect]
                yield joiner.section(xml[sect:end].rstrip())
                yield view[end:]

    return pack_chunks(DOCUMENT, chunks())


def _tree(documents: Sequence[Mapping[str, bytes]], duplex: bool) -> bytes:
    """The joined document built as one tree: for bodies :func:`_split` does not understand."""
    root = etree.fromstring(documents[0][DOCUMENT])
    body = root.find(W + "body")
    for child in list(body):
        body.remove(child)
    last_sect: Any = None
    for number, parts in enumerate(documents):
        letter = etree.fromstring(parts[DOCUMENT]).find(W + "body")
        children = list(letter)
        sect = (
            children.pop() if children and children[-1].tag == W + "sectPr" else etree.Element(W + "sectPr")
        )
        sect = _section_start(sect, duplex)
        if number < len(documents) - 1:
            paragraph = _carry(children[-1] if children else None, sect)
            if not children or paragraph is not children[-1]:
                children.append(paragraph)
        else:
            last_sect = sect
        body.extend(children)
    body.append(last_sect)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def _insert_before(parent: Any, element: Any, before: set[str]) -> None:
    for index, child in enumerate(parent):
        if child.tag in before:
            parent.insert(index, element)
            return
    parent.append(element)
