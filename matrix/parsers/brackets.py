"""Bracket groups in a line: ( ), [ ] (also 〔〕【】), with nesting, and those that never close."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = {"(": ")", "[": "]"}
_CLOSE = {")": "(", "]": "["}


@dataclass(frozen=True)
class Group:
    """An outermost bracket group: ``start`` at its opening bracket, ``end`` just past its closing one.

    ``closed`` is False for a group that runs to the end of the line without closing.
    """

    start: int
    end: int
    closed: bool = True

    def inner(self, folded: str) -> str:
        """The text between the brackets."""
        return folded[self.start + 1 : self.end - 1 if self.closed else self.end]


def inside(pos: int, groups: list[Group]) -> bool:
    """True when position ``pos`` falls within one of ``groups``."""
    return any(g.start <= pos < g.end for g in groups)


def outer_groups(folded: str) -> list[Group]:
    """The outermost bracket groups of a folded line, left to right.

    A closing bracket of the wrong kind inside a group is treated as closing the innermost open
    bracket (texts mix them); a stray closing bracket outside any group is ignored.
    """
    groups: list[Group] = []
    stack: list[int] = []
    for i, ch in enumerate(folded):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            start = stack.pop()
            if not stack:
                groups.append(Group(start, i + 1))
    if stack:
        groups.append(Group(stack[0], len(folded), closed=False))
    return groups


def depth_split(text: str, separators: str) -> list[str]:
    """``text`` split at any of ``separators`` that stands outside brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


_STOPS = re.compile(r"[、,;]|牵头|负责|参与|配合|协助|指导|落实")


def balance(text: str) -> str:
    """``text`` with each bracket that never closes closed where its name ends.

    ``县住建局、各乡镇(街道配合`` becomes ``县住建局、各乡镇(街道)配合``: the bracket closes before
    the next list separator or role word.
    """
    unmatched: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            unmatched.append(i)
        elif ch in _CLOSE and unmatched:
            unmatched.pop()
    for start in reversed(unmatched):
        stop = _STOPS.search(text, start + 1)
        at = stop.start() if stop else len(text)
        text = text[:at] + _OPEN[text[start]] + text[at:]
    return text
