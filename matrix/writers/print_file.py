"""The print file: every letter in one .docx, each starting on a new page, numbered from 1.

The letters come from one template, so they share its styles, footers and relationships; their
bodies are put one after another and each letter but the last ends with a section break carried by
its own last paragraph (no extra paragraph, so no blank page).  Every section restarts its page
numbers at 1; with ``duplex`` each letter starts on an odd page (Word and LibreOffice add the
blank back page themselves).
"""

from __future__ import annotations

import datetime as dt
from copy import deepcopy
from typing import Any

from lxml import etree

from matrix.writers.docx_render import DOCUMENT, CompiledTemplate

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BEFORE_TYPE = {W + "headerReference", W + "footerReference", W + "footnotePr", W + "endnotePr"}
_AFTER_NUMBERING = {
    W + n
    for n in ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter")
} | {W + "docGrid", W + "printerSettings", W + "sectPrChange"}
_AFTER_SECT = {W + "pPrChange"}


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


def combine(
    template: CompiledTemplate, documents: list[dict[str, bytes]], stamp: dt.date, duplex: bool
) -> bytes:
    """One .docx holding every rendered letter (``documents``: each letter's rendered parts, as
    :meth:`CompiledTemplate.render_bytes` gives them)."""
    if not documents:
        raise ValueError("no letters to combine")
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
            if not children or children[-1].tag != W + "p":
                children.append(etree.Element(W + "p"))
            ppr = _child(children[-1], W + "pPr", set())
            if ppr is not children[-1][0]:
                children[-1].remove(ppr)
                children[-1].insert(0, ppr)
            old = ppr.find(W + "sectPr")
            if old is not None:
                ppr.remove(old)
            _insert_before(ppr, sect, _AFTER_SECT)
        else:
            last_sect = sect
        body.extend(children)
    body.append(last_sect)
    rendered = dict(documents[0])
    rendered[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return template.package_bytes(rendered, stamp)


def _insert_before(parent: Any, element: Any, before: set[str]) -> None:
    for index, child in enumerate(parent):
        if child.tag in before:
            parent.insert(index, element)
            return
    parent.append(element)
