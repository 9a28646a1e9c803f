"""Word documents from a docxtpl template: loaded and compiled once, rendered part by part.

A :class:`CompiledTemplate` reads a .docx template once per batch.  Parts without Jinja tags are kept
as bytes; ``word/document.xml`` and any header or footer holding tags are cleaned by docxtpl's
``patch_xml`` (the same preprocessing ``DocxTemplate.render`` does) and compiled once in a sandboxed,
autoescaping, strict Jinja environment.  Rendering a letter then renders only those parts and zips
them with the cached bytes, with fixed entry times and order so the same input gives the same bytes.

A batch renders many letters from one template, so everything that does not depend on a letter is
done once: the unchanging parts are deflated when the template loads (:mod:`archive`), the
clean-up docxtpl does on each rendered part is done on the template's text when it compiles, and
attributes of plain records (the letters' rows) skip the sandbox's slow checks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, meta, nodes
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from matrix.errors import InputError
from matrix.render.docx.archive import Packed, pack, write_zip
from matrix.render.docx.template_limits import (
    LOOP,
    BoundedNamespace,
    Budget,
    TemplateLimit,
    bounded_filter,
    check_binop,
    check_call,
    count_loops,
    render_bounded,
)
from matrix.render.docx.template_scan import PartScan, describe_part, scan_part
from matrix.zip_limits import check_zip

DOCUMENT = "word/document.xml"
CORE = "docProps/core.xml"
_TAGGED_PART = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_HAS_TAG = re.compile(r"\{[{%#]")
_PARA_START = re.compile(r"<w:p([ >])")
_TEMPLATE_NAME = "<docx>"
# docxtpl's escapes for literal braces ({_{ prints {{), undone after rendering as docxtpl does.
_BRACES = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))
_PLAIN_VALUES = (str, int, float, bool, type(None), list, tuple)
_RECORD_FIELDS: dict[type, frozenset[str]] = {}


def _unescape_braces(text: str) -> str:
    for escaped, brace in _BRACES:
        text = text.replace(escaped, brace)
    return text


_XML_SPECIAL = re.compile("[&<>'\"]")


def _finalize(value: Any) -> Any:
    """Every printed value as it goes into the XML: brace escapes undone, then escaped.

    docxtpl undoes brace escapes in the whole output, and a value is the only part of the output
    not already undone when the template compiled.  The escaping is done here rather than by
    Jinja's autoescape, which wraps every value in a Markup object: a letter prints thousands of
    values and that wrapping was a tenth of its time.  Markup (``|safe``, ``|e``) passes as it is.
    """
    if type(value) is str:  # as a rule
        text = value
    elif isinstance(value, Markup):
        return value
    else:
        text = str(value)
    if "_" in text:
        text = _unescape_braces(text)
    if _XML_SPECIAL.search(text) is None:
        return text
    # the entities markupsafe writes, so the bytes do not depend on which one escaped them
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def _record_fields(cls: type) -> frozenset[str]:
    fields = _RECORD_FIELDS.get(cls)
    if fields is None:
        names = (f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else ()
        fields = _RECORD_FIELDS[cls] = frozenset(n for n in names if not n.startswith("_"))
    return fields


class _Environment(SandboxedEnvironment):
    """The sandbox, with a fast path for the data fields of dataclass records.

    A row of a letter is read a dozen times per row; the sandbox's checks of each read cost more
    than the rest of rendering.  A dataclass field holding plain data is exactly what the sandbox
    would allow, so it is returned at once; everything else goes through the sandbox.
    """

    # The operations that can make a huge value from a small one go through call_binop.
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.globals.pop("lipsum", None)  # a letter needs no Lorem ipsum, and n=2000000 runs away
        self.globals["namespace"] = BoundedNamespace
        self.globals[LOOP] = lambda iterable: self.budget.loop(iterable)
        self.filters = {name: bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refused when the result would be huge."""
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from the template, refused when an argument is huge."""
        check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` as a template reads it."""
        fields = _RECORD_FIELDS.get(obj.__class__)  # inlined: this runs for every cell of a row
        if fields is None:
            fields = _record_fields(obj.__class__)
        if attribute in fields:
            value = getattr(obj, attribute)
            if isinstance(value, _PLAIN_VALUES) or dataclasses.is_dataclass(value):
                return value
        return super().getattr(obj, attribute)


def make_environment() -> _Environment:
    """The Jinja environment every template renders in: sandboxed, strict, every value escaped for
    XML by :func:`_finalize`."""
    return _Environment(
        autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True, finalize=_finalize
    )


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A .docx (zip) of ``parts`` in the given order, with fixed times and attributes.

    Entry times, permissions and the creating system are fixed so that equal parts give equal
    bytes on any machine and day.
    """
    return write_zip(pack(name, data) for name, data in parts)


def _clean_static_text(parsed: nodes.Template) -> None:
    """Do on the template's own text what docxtpl does to each rendered part: drop the line breaks
    put before paragraphs (for error lines) and undo brace escapes."""
    for data in parsed.find_all(nodes.TemplateData):
        data.data = _unescape_braces(data.data.replace("\n<w:p", "<w:p"))


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


def _describe(exc: Exception) -> str:
    """What went wrong in a template, in a sentence a clerk can pass on."""
    if isinstance(exc, jinja2.TemplateError | TemplateLimit):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "宏或循环递归过深"
    if isinstance(exc, ZeroDivisionError):
        return "除数为零"
    if isinstance(exc, MemoryError):
        return "所需内存过多"
    if isinstance(exc, TypeError) and "loader" in str(exc):
        return "模板不能引用其他文件 (include、import、extends)"
    return f"{type(exc).__name__}: {str(exc)[:200]}"


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
        check_zip(path)  # a template is checked as a plan is: no zip bomb, nothing encrypted
        try:
            with zipfile.ZipFile(path) as archive:
                self.entries: list[tuple[str, bytes]] = [
                    (i.filename, archive.read(i)) for i in archive.infolist()
                ]
        except (OSError, zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError, EOFError) as exc:
            raise InputError(f"无法读取 Word 模板: {exc}", path=str(path)) from exc
        names = [n for n, _ in self.entries]
        if DOCUMENT not in names:
            raise InputError("模板中没有 word/document.xml, 不是有效的 Word 文件", path=str(path))
        self.tagged: dict[str, _Tagged] = {}
        self.scans: dict[str, PartScan] = {}
        self.fields: set[str] = set()
        docx = DocxTemplate(path)  # only its XML clean-up is used: it opens no file for that
        for name, data in self.entries:
            if not _TAGGED_PART.match(name):
                continue
            try:
                xml = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"模板中的 {name} 不是 UTF-8 编码, 请在 Word 中重新保存", path=str(path)
                ) from exc
            if not _HAS_TAG.search(xml):
                continue
            scan = scan_part(name, xml, self.env)
            self.scans[name] = scan
            if scan.errors:
                raise InputError(f"模板有误: {scan.errors[0]}", path=str(path))
            source = _PARA_START.sub(r"\n<w:p\1", docx.patch_xml(xml))
            try:
                parsed = self.env.parse(source)
                _clean_static_text(parsed)
                count_loops(parsed)
                self.fields |= meta.find_undeclared_variables(parsed)
                compiled = self._compile(parsed)
            except jinja2.TemplateSyntaxError as exc:
                where = self._where(name, source, exc.lineno)
                raise InputError(f"模板有误: {where}: {exc.message}", path=str(path)) from exc
            except Exception as exc:  # compiling folds constants: 10**5000 fails here, any kind may
                where = describe_part(name)
                raise InputError(f"模板有误: {where}: {_describe(exc)}", path=str(path)) from exc
            self.tagged[name] = _Tagged(name, source, compiled)
        if known is not None:
            unknown = sorted(self.fields - set(known))
            if unknown:
                field = unknown[0]
                where = self._find_field(field)
                raise InputError(f"模板使用了未知字段 {field!r}{where}", path=str(path))
        self._core_cache: tuple[dt.date, bytes] | None = None
        self._packed_core: tuple[dt.date, Packed] | None = None
        # The parts no letter changes, deflated once for the whole batch.
        self._static = {n: pack(n, d) for n, d in self.entries if n not in self.tagged and n != CORE}

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
            self.env.budget = Budget()
            try:
                out[name] = render_bounded(tagged.template.generate(context))
            except Exception as exc:  # whatever the template did (1/0, a recursive macro, an include)
                where = self._where(name, tagged.source, _template_line(exc.__traceback__))
                raise InputError(f"模板有误: {where}: {_describe(exc)}", path=str(self.path)) from exc
        return out

    def render_bytes(self, context: Mapping[str, Any]) -> dict[str, bytes]:
        """:meth:`render_parts` encoded as UTF-8, ready for :meth:`package_bytes`."""
        return {name: xml.encode("utf-8") for name, xml in self.render_parts(context).items()}

    def core(self, stamp: dt.date) -> bytes | None:
        """The template's core properties with fixed times, or None when it has none."""
        if self._core_cache is not None and self._core_cache[0] == stamp:
            return self._core_cache[1]
        for name, data in self.entries:
            if name == CORE:
                self._core_cache = (stamp, fixed_core(data, stamp))
                return self._core_cache[1]
        return None

    def package_bytes(self, rendered: Mapping[str, bytes | Packed], stamp: dt.date) -> bytes:
        """The .docx bytes: the template's parts in their order, ``rendered`` ones (already encoded
        or already deflated) in their place; only they and the core properties deflate."""
        entries: list[Packed] = []
        for name, data in self.entries:
            if name in rendered:
                part = rendered[name]
                entries.append(part if isinstance(part, Packed) else pack(name, part))
            elif name == CORE:
                entries.append(self._core_entry(stamp, data))
            else:
                entries.append(self._static[name] if name in self._static else pack(name, data))
        return write_zip(entries)

    def _core_entry(self, stamp: dt.date, data: bytes) -> Packed:
        if self._packed_core is None or self._packed_core[0] != stamp:
            core = self.core(stamp)
            self._packed_core = (stamp, pack(CORE, core if core is not None else data))
        return self._packed_core[1]

    def render(self, context: Mapping[str, Any], stamp: dt.date) -> bytes:
        """One document from ``context``, as .docx bytes."""
        return self.package_bytes(self.render_bytes(context), stamp)
