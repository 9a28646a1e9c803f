"""Parser robustness that belongs to the parser itself: long lines stay linear, long names are loud."""

from __future__ import annotations

from helpers import parse_text

from matrix.model import Severity
from matrix.parsers import lines


class _CountingList(list):  # type: ignore[type-arg]
    """A list that counts item reads, to measure how many brackets own_text walks."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        _CountingList.reads += 1
        return super().__getitem__(index)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _CountingList.reads += 1
            yield item


def _bracket_reads(n: int) -> int:
    text = "1.开展工作。" + "".join(f"推进第{i}项建设(市发改委牵头)。" for i in range(n))
    plan_lines = lines.classify(*_lines(text))
    para = next(p for p in plan_lines if len(p.inlines) == n)
    para.inlines = _CountingList(para.inlines)
    _CountingList.reads = 0
    pos = para.body_start
    for inline in list.__iter__(para.inlines):
        lines.own_text(para, pos, inline.group.end)
        pos = inline.group.end
    return _CountingList.reads


def _lines(text: str) -> tuple[list[lines.Line], list[lines.Finding]]:
    from matrix.readers.text import split_lines

    return split_lines(text), []


def test_own_text_walks_each_bracket_a_bounded_number_of_times() -> None:
    # N stretches of one line: the brackets read per stretch must not grow with N (it was N each)
    small, large = _bracket_reads(200), _bracket_reads(1600)
    assert large <= 8 * small * 1.2, (small, large)
    assert large < 1600 * 10


def test_a_name_too_long_to_be_a_body_is_reported_not_dropped() -> None:
    long_name = "市" + "经济技术开发" * 6 + "管理委员会"
    plan = parse_text(f"1.建设园区(市发改委牵头,{long_name}配合)\n")
    assert plan.tasks[0].leads == ["市发改委"]
    errors = [f for f in plan.findings if f.severity is Severity.ERROR]
    assert len(errors) == 1 and long_name in errors[0].message
