"""Rows of a task table typed with single spaces: ``1 严守水资源 开发红线 实施…。 市水利局 市农业局``.

A web table copied as text, or a page that stored its table on one line, keeps its cells apart by
single spaces, and the same spaces break a narrow cell's words (``严守水资源 开发红线``) and a long
name (``县交通 运输局``).  The boundaries are read by the grammar of each column: every word is
given its kind (a number, bodies, a person, a date, text, a placeholder), and the row's words are
laid into the header's columns in order, each column taking a run of words (or none), so that as
many words as can stand where their kind belongs: bodies in the role columns, people in the leader
column, dates in the time column and the rest in the text columns.  Columns the header does not
read (投资额, 备注) take any words.
"""

from __future__ import annotations

import itertools
import math
import re

from matrix.parsers.assignment import PHONE
from matrix.parsers.flat_table import kind_of_cell
from matrix.parsers.names import is_organisation, levelled
from matrix.parsers.table import Header, spaced_words
from matrix.text.normalize import fold
from matrix.text.outline import find_marker
from matrix.text.roles import ROLE_KINDS, find_labels

_ROLES = ("lead", "participant", "responsible")

_WORTH: dict[str, dict[str, float]] = {
    "text": {
        "name4": 0.5,
        "text": 1,
        "figure": 0,
        "deadline": 0,
        "person": 0,
        "unit": -2,
        "blank": -1,
        "number": -1,
        "phone": -1,
        "label": -4,
        "empty": -3,
    },
    "role": {
        "unit": 3,
        "label": 2,
        "phone": -4,
        "blank": 1,
        "person": -2,
        "figure": -4,
        "text": -4,
        "deadline": -4,
        "number": -4,
        "empty": -1,
    },
    "leader": {
        "name4": 1.5,
        "person": 3,
        "phone": 1,
        "label": -4,
        "blank": 0,
        "unit": -3,
        "figure": -3,
        "text": -3,
        "deadline": -3,
        "number": -4,
        "empty": -0.5,
    },
    "deadline": {
        "deadline": 3,
        "phone": -4,
        "label": -4,
        "blank": 0,
        "text": -0.5,
        "figure": -1,
        "person": -2,
        "unit": -4,
        "number": -2,
        "empty": -0.5,
    },
    "number": {"number": 4, "empty": 0},
    "any": {"figure": 0.6, "number": 0.6, "label": -4, "empty": 0},
    "none": {"empty": 0},
}
"""What a word is worth in a column of each kind; a column with no word costs its ``empty`` value.
A column the header does not read takes any word at no cost, a figure (投资额, 完成率) gladly; a
text column beside another takes none (see :func:`fit_spaced`)."""
_FIGURE = re.compile(r"^(?=.*\d)[\d.,%~约亿万千百十元人个次户家所项吨亩平方米公里-]{1,12}$")
_NUMBER_WORD = re.compile(r"^\d{1,3}$")
_NAME_AND_PHONE = re.compile(r"[\u4e00-\u9fff]{2,4}" + PHONE.pattern)


def fit_spaced(header: Header, text: str) -> list[str]:
    """A row typed with single spaces laid into the header's columns by the kind of each word."""
    words = _names_mended(spaced_words(text))
    persons = "leader" in header.kinds
    kinds = [_word_kind(w, persons) for w in words]
    columns = [_column(k) for k in header.kinds]
    # text columns side by side are one run of words: the spaces between them are no surer a
    # boundary than the ones a narrow column broke its words with
    columns = [
        "none" if c == "text" and i and header.kinds[i - 1] == "text" else c for i, c in enumerate(columns)
    ]
    n, m = len(words), len(columns)
    # best[i][j]: the best worth of laying words[:j] into columns[:i]; back[i][j]: where column
    # i - 1's words start.  Ties go to the earlier start, so the later column takes the words.
    best = [[-math.inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i, column in enumerate(columns):
        worth = _WORTH[column]
        summed = list(itertools.accumulate((worth.get(kind, 0) for kind in kinds), initial=0.0))
        for j in range(n + 1):
            for k in range(j + 1):
                if best[i][k] == -math.inf or (column == "number" and j - k > 1):
                    continue
                if (column == "number" and j > k and kinds[k] != "number") or (column == "none" and j > k):
                    continue
                value = best[i][k] + (summed[j] - summed[k] if j > k else worth.get("empty", 0))
                if value > best[i + 1][j]:
                    best[i + 1][j], back[i + 1][j] = value, k
    cells = [""] * m
    j = n
    for i in range(m, 0, -1):
        k = back[i][j]
        cells[i - 1] = _joined(words[k:j], columns[i - 1])
        j = k
    return cells


def _column(kind: str) -> str:
    if kind in _ROLES or kind.startswith("other:"):
        return "role"
    if kind in ("text", "leader", "deadline", "number"):
        return kind
    return "any"


def _word_kind(word: str, persons: bool) -> str:
    if _NUMBER_WORD.match(word) or (len(word) <= 4 and find_marker(fold(word) + ".") is not None):
        return "number"
    if persons and PHONE.fullmatch(word):
        return "phone"  # 13641099071, 87668638: a contact's number, in the person's column
    if persons and _NAME_AND_PHONE.fullmatch(word):
        return "person"  # 叶勤13509351223: the contact and the number typed together
    found = find_labels(fold(word))
    label = found[0].label if found and found[0].start == 0 else None
    if label is not None and label.kind in ROLE_KINDS:
        # 牵头单位: 岚城片区开发管理局 配合单位: …: a role cell that says each body's role; 牵头单位:区社会
        # 事业局配合单位:区经济发展局, the label and its bodies typed as one word
        return "label" if found[0].end == len(fold(word)) else "unit"
    if _FIGURE.match(word):
        return "figure"
    if word.endswith(("。", ";")):
        return "text"  # a sentence's end: 设立中心支公司。 is work, whatever its last word
    kind = kind_of_cell(word, persons)
    return "name4" if kind == "person" and len(word) == 4 else kind


def _names_mended(words: list[str]) -> list[str]:
    """``words`` with a name the spaces broke put back (``县交通 运输局``): two words that together
    are a body's name, where the first is none and the second is none with its own level."""
    out: list[str] = []
    for word in words:
        if out and _broken(out[-1], word):
            out[-1] += word
        else:
            out.append(word)
    return out


def _broken(before: str, after: str) -> bool:
    # 县交通 / 运输局: the second piece may end as a body does, but only the first holds its level
    whole_after = is_organisation(after) and (levelled(after) or not levelled(before))
    return (
        len(before) <= 8
        and len(after) <= 8
        and not is_organisation(before)
        and not whole_after
        and not re.search(r"[^\u4e00-\u9fff]", before + after)
        and is_organisation(before + after)
    )


def _joined(words: list[str], column: str) -> str:
    """A cell's words: text put back together where the spaces broke it, names and people apart."""
    if column in ("role", "leader"):
        return " ".join(words)
    out = ""
    for word in words:
        ascii_join = out and out[-1].isascii() and word[0].isascii()
        out += (" " if ascii_join else "") + word
    return out
