"""Word documents from a docxtpl template: loaded and compiled once, rendered part by part.

A :class:`CompiledTemplate` reads a .docx template once per batch.  Parts without Jinja tags are kept
as bytes; ``word/document.xml`` and any header or footer holding tags are cleaned by docxtpl's
``patch_xml`` (the same preprocessing ``DocxTemplate.render`` does) and compiled once in a sandboxed,
autoescaping, strict Jinja environment.  Rendering a letter then renders only those parts and zips
them with the cached bytes, with fixed entry times and order so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, meta
from jinja2.sandbox import SandboxedEnvironment

from matrix.errors import InputError
from matrix.writers.template_scan import PartScan, describe_part, scan_part

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
_TAGGED_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_HAS_TAG = re.compile(r"\{[{%#]")
_PARA_START = re.compile(r"<w:p([ >])")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_TEMPLATE_NAME = "<docx>"


def make_environment() -> SandboxedEnvironment:
    """The Jinja environment every template renders in: sandboxed, autoescaping, strict."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A .docx (zip) of ``parts`` in the given order, with fixed times and attributes.

    Entry times, permissions and the creating system are fixed so that equal parts give equal
    bytes on any machine and day.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def fixed_core(core: bytes, stamp: dt.date) -> bytes:
    """``docProps/core.xml`` with its created/modified times set to ``stamp`` (midnight, UTC)."""
    when = f"{stamp.isoformat()}T00:00:00Z"
    text = core.decode("utf-8")
    for tag in ("dcterms:created", "dcterms:modified"):
        text = re.sub(rf"(<{tag}\b[^>]*>)[^<]*(</{tag}>)", rf"\g<1>{when}\g<2>", text)
    text = re.sub(r"<cp:lastPrinted>[^<]*</cp:lastPrinted>", "", text)
    return text.encode("utf-8")


@dataclass(frozen=True)
class _Tagged:
    """A template part holding Jinja tags: its cleaned source and compiled template."""

    name: str
    source: str
    template: jinja2.Template


def _template_line(tb: TracebackType | None) -> int | None:
    # Jinja rewrites tracebacks so that frames of template code carry the template's own line.
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_NAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class CompiledTemplate:
    """A .docx template read and compiled once; :meth:`render` makes one document from a context."""

    def __init__(self, path: Path, known: Iterable[str] | None = None) -> None:
        self.path = path
        self.env = make_environment()
        try:
            with zipfile.ZipFile(path) as archive:
                self.entries: list[tuple[str, bytes]] = [
                    (i.filename, archive.read(i)) for i in archive.infolist()
                ]
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise InputError(f"无法读取 Word 模板: {exc}", path=str(path)) from exc
        names = [n for n, _ in self.entries]
        if DOCUMENT not in names:
            raise InputError("模板中没有 word/document.xml, 不是有效的 Word 文件", path=str(path))
        self.tagged: dict[str, _Tagged] = {}
        self.scans: dict[str, PartScan] = {}
        self.fields: set[str] = set()
        for name, data in self.entries:
            if not _TAGGED_PART.match(name):
                continue
            xml = data.decode("utf-8")
            if not _HAS_TAG.search(xml):
                continue
            scan = scan_part(name, xml, self.env)
            self.scans[name] = scan
            if scan.errors:
                raise InputError(f"模板有误: {scan.errors[0]}", path=str(path))
            source = _PARA_START.sub(r"\n<w:p\1", DocxTemplate.patch_xml(None, xml))
            try:
                parsed = self.env.parse(source)
                compiled = self._compile(parsed)
            except jinja2.TemplateSyntaxError as exc:
                where = self._where(name, source, exc.lineno)
                raise InputError(f"模板有误: {where}: {exc.message}", path=str(path)) from exc
            self.fields |= meta.find_undeclared_variables(parsed)
            self.tagged[name] = _Tagged(name, source, compiled)
        if known is not None:
            unknown = sorted(self.fields - set(known))
            if unknown:
                field = unknown[0]
                where = self._find_field(field)
                raise InputError(f"模板使用了未知字段 {field!r}{where}", path=str(path))
        self._core_cache: tuple[dt.date, bytes] | None = None

    def _compile(self, parsed: Any) -> jinja2.Template:
        # Compile with a fixed file name so runtime errors can be traced back to a paragraph.
        code = self.env.compile(parsed, name=None, filename=_TEMPLATE_NAME)
        return self.env.template_class.from_code(self.env, code, self.env.make_globals(None))

    def _where(self, part: str, source: str, line: int | None) -> str:
        label = describe_part(part)
        lines = source.split("\n")
        if line is None or not 0 < line <= len(lines):
            return label
        return label + self.scans[part].locate(lines[line - 1])

    def _find_field(self, field: str) -> str:
        pattern = re.compile(r"(?<![\w.])" + re.escape(field) + r"\b")
        for name, scan in self.scans.items():
            for tag in scan.tags:
                if pattern.search(tag.text):
                    return f" ({describe_part(name)}{tag.paragraph.where()}的 “{tag.text}”)"
        return ""

    def render_parts(self, context: Mapping[str, Any]) -> dict[str, str]:
        """The rendered XML of every tagged part; a template error becomes an :class:`InputError`."""
        out: dict[str, str] = {}
        for name, tagged in self.tagged.items():
            try:
                xml = tagged.template.render(context)
            except jinja2.TemplateError as exc:
                where = self._where(name, tagged.source, _template_line(exc.__traceback__))
                raise InputError(f"模板有误: {where}: {exc}", path=str(self.path)) from exc
            out[name] = (
                xml.replace("\n<w:p", "<w:p")
                .replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
        return out

    def core(self, stamp: dt.date) -> bytes | None:
        """The template's core properties with fixed times, or None when it has none."""
        if self._core_cache is not None and self._core_cache[0] == stamp:
            return self._core_cache[1]
        for name, data in self.entries:
            if name == CORE:
                self._core_cache = (stamp, fixed_core(data, stamp))
                return self._core_cache[1]
        return None

    def package(self, rendered: Mapping[str, str], stamp: dt.date) -> bytes:
        """The .docx bytes: the template's parts in their order, ``rendered`` ones replaced."""
        core = self.core(stamp)
        parts: list[tuple[str, bytes]] = []
        for name, data in self.entries:
            if name in rendered:
                parts.append((name, rendered[name].encode("utf-8")))
            elif name == CORE and core is not None:
                parts.append((name, core))
            else:
                parts.append((name, data))
        return zip_parts(parts)

    def render(self, context: Mapping[str, Any], stamp: dt.date) -> bytes:
        """One document from ``context``, as .docx bytes."""
        return self.package(self.render_parts(context), stamp)
