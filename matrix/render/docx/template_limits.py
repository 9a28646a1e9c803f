"""The budget a user's Word template renders within, enforced inside the Jinja sandbox.

A template is code a clerk may have copied from anywhere.  The sandbox already keeps it from the
system; this keeps it from running away: every ``{% for %}`` counts its iterations, the rendered
text counts its characters, and the operations that can make a huge value from a small one
(``'x' * n``, ``n ** m``, ``'%9999999999s' % x``, ``'x'|center(n)``, a namespace doubling a
string) are refused beyond a size no letter needs.  It is all plain counting, with no timer or
signal, so it works the same on Windows.  :class:`TemplateLimit` says which limit was hit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.utils import Namespace

MAX_ITERATIONS = 1_000_000
"""Loop iterations in one rendering of one part; the notice of a 5,000-task plan needs ~50,000."""
MAX_OUTPUT = 100_000_000
"""Characters one rendered part may have; a 5,000-task notice is some 20 million."""
MAX_VALUE = 10_000_000
"""Characters (or items) of one value a template makes, and the largest number it may pass."""
MAX_POWER_BITS = 10_000
"""The largest power a template may compute (``10**3000`` is about 10,000 bits)."""
LOOP = "_matrix_loop"
"""The global every ``{% for %}`` iterates through (see :func:`count_loops`)."""
_BIG_WIDTH = re.compile(r"\d{8,}")  # a width or precision of 10 million or more in a format string


class TemplateLimit(Exception):
    """A template went past one of the rendering limits; the message says which."""


class Budget:
    """What one rendering of one part has used so far."""

    def __init__(self) -> None:
        self.iterations = 0

    def loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable``, counted against :data:`MAX_ITERATIONS`."""
        for item in iterable:
            self.iterations += 1
            if self.iterations > MAX_ITERATIONS:
                raise TemplateLimit(f"循环次数超过 {MAX_ITERATIONS:,} 次")
            yield item


def count_loops(parsed: nodes.Template) -> None:
    """Make every ``{% for x in y %}`` of ``parsed`` iterate ``_matrix_loop(y)`` instead."""
    for loop in parsed.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name(LOOP, "load"), [loop.iter], [], None, None).set_lineno(loop.lineno)


def render_bounded(pieces: Iterable[str]) -> str:
    """The rendered text from a template's generator, stopped past :data:`MAX_OUTPUT` characters."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"生成的内容超过 {MAX_OUTPUT:,} 个字符")
        out.append(piece)
    return "".join(out)


def _too_big(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_VALUE
    if isinstance(value, str | list | tuple | dict):
        return len(value) > MAX_VALUE
    return False


def check_value(value: Any, what: str) -> Any:
    """``value`` unless it is larger than a template may make."""
    if _too_big(value):
        raise TemplateLimit(f"{what}过大")
    return value


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be huge, before it is computed."""
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_BITS:
            raise TemplateLimit("乘方结果过大")
    elif operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(n, int) and len(seq) * n > MAX_VALUE:
                raise TemplateLimit("重复得到的文字过长")
    elif operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        if len(left) + len(right) > MAX_VALUE:
            raise TemplateLimit("拼接得到的文字过长")
    elif operator == "%" and isinstance(left, str) and _BIG_WIDTH.search(left):
        raise TemplateLimit("格式宽度过大")


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call with a huge argument (``'x'.center(10**9)``, ``'{:>9999999999}'.format(1)``)."""
    for value in (*args, *kwargs.values()):
        check_value(value, "参数")
    if isinstance(getattr(obj, "__self__", None), str) and _BIG_WIDTH.search(obj.__self__):
        raise TemplateLimit("格式宽度过大")


def bounded_filter(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """Filter ``f`` refusing huge arguments and huge results."""

    @functools.wraps(f)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool):
                check_value(value, f"过滤器 {name} 的参数")
        if name == "format" and args and isinstance(args[0], str) and _BIG_WIDTH.search(args[0]):
            raise TemplateLimit("格式宽度过大")
        return check_value(f(*args, **kwargs), f"过滤器 {name} 的结果")

    return bounded


class BoundedNamespace(Namespace):
    """``namespace()``, refusing to hold a value larger than a template may make (a string doubled
    in a loop grows past any memory in thirty steps)."""

    def __setitem__(self, name: str, value: Any) -> None:
        check_value(value, f"变量 {name} ")
        super().__setitem__(name, value)
