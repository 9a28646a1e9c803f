"""Where a reworded task's text changed: the old and new passages, with a little context each side.

Used only for tasks already paired and known to differ, so the quadratic worst case of difflib's
SequenceMatcher is paid on a handful of texts, never across the plan.
"""

from __future__ import annotations

from difflib import SequenceMatcher

CONTEXT = 6
"""Characters of unchanged text kept on each side of a changed passage."""

MERGE_GAP = 12
"""Two changes closer than this many unchanged characters are shown as one passage."""


def changed_passages(old: str, new: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """The passages that differ between two texts, as ``(old passage, new passage)`` pairs.

    Each passage keeps ``context`` characters of the surrounding text so a reader can find it;
    ``…`` marks text cut away.  Identical texts give an empty list.
    """
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    spans: list[list[int]] = []  # [old start, old end, new start, new end]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] < MERGE_GAP:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(_cut(old, i1, i2, context), _cut(new, j1, j2, context)) for i1, i2, j1, j2 in spans]


def _cut(text: str, start: int, end: int, context: int) -> str:
    left, right = max(0, start - context), min(len(text), end + context)
    return ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")
