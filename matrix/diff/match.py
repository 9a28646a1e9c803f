"""Pairing the tasks of two versions of a plan by content, never by number.

Three steps, each cheap enough for plans of thousands of tasks:

1. identical normalised texts are paired through a hash table (the k-th copy of a text in the old
   version with the k-th copy in the new one);
2. for each task left over, candidates are the new tasks that share the most of its rarest
   character bigrams (an inverted index over the new tasks' bigrams; each old task looks up only
   its :data:`PROBES` rarest ones, so common bigrams such as 加强 or 科技 cost nothing), plus the
   new tasks with the same heading;
3. candidates are scored with :func:`matrix.diff.similarity.score` and accepted greedily, best
   score first, when the score reaches :data:`MATCH_AT` (or :data:`SAME_TITLE_MATCH_AT` for tasks
   whose headings are the same).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass

from matrix.diff.similarity import Grams, grams, normalise, score

MATCH_AT = 0.5
"""Two tasks with different headings are the same task reworded from this similarity on."""

SAME_TITLE_MATCH_AT = 0.25
"""Two tasks with the same heading are the same task reworded from this similarity on."""

PROBES = 32
"""How many of an old task's rarest bigrams are looked up in the index of new tasks."""

CANDIDATES = 8
"""How many of the best-sharing new tasks are scored for each old task."""


@dataclass(frozen=True)
class Match:
    """An old task (by position) paired with a new one, and how alike their texts are."""

    old: int
    new: int
    similarity: float


@dataclass(frozen=True)
class _Text:
    title: str
    text: str


def match_tasks(old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]) -> list[Match]:
    """Pair ``old`` and ``new`` tasks, each given as ``(heading, text)`` in document order.

    Returns the pairs in the new version's order; a task in no pair was removed or added.
    """
    olds = [_Text(normalise(title), normalise(text)) for title, text in old]
    news = [_Text(normalise(title), normalise(text)) for title, text in new]
    by_text: dict[str, deque[int]] = defaultdict(deque)
    for j, item in enumerate(news):
        by_text[item.text].append(j)
    matches: list[Match] = []
    rest_old: list[int] = []
    for i, item in enumerate(olds):
        same = by_text.get(item.text)
        if same:
            matches.append(Match(i, same.popleft(), 1.0))
        else:
            rest_old.append(i)
    taken = {m.new for m in matches}
    rest_new = [j for j in range(len(news)) if j not in taken]
    if rest_old and rest_new:
        matches.extend(_fuzzy(olds, news, rest_old, rest_new))
    return sorted(matches, key=lambda m: m.new)


def _fuzzy(olds: list[_Text], news: list[_Text], rest_old: list[int], rest_new: list[int]) -> list[Match]:
    new_grams: dict[int, Grams] = {j: grams(news[j].text) for j in rest_new}
    index: dict[str, list[int]] = defaultdict(list)
    for j in rest_new:
        for gram in new_grams[j]:
            index[gram].append(j)
    by_title: dict[str, list[int]] = defaultdict(list)
    for j in rest_new:
        if news[j].title:
            by_title[news[j].title].append(j)

    scored: list[tuple[float, int, int]] = []
    for i in rest_old:
        old_grams = grams(olds[i].text)
        # The rarest shared bigrams say most about which task this is; a bigram no new task has
        # says nothing, and the most common ones would make the lookup quadratic.
        known = [g for g in old_grams if g in index]
        probes = heapq.nsmallest(PROBES, known, key=lambda g: (len(index[g]), g))
        tally: Counter[int] = Counter()
        for gram in probes:
            tally.update(index[gram])
        best = heapq.nsmallest(CANDIDATES, tally.items(), key=lambda kv: (-kv[1], kv[0]))
        candidates = dict.fromkeys([j for j, _ in best] + by_title.get(olds[i].title, []))
        for j in candidates:
            value = score(olds[i].text, news[j].text, old_grams, new_grams[j])
            same_title = bool(olds[i].title) and olds[i].title == news[j].title
            if value >= MATCH_AT or (same_title and value >= SAME_TITLE_MATCH_AT):
                scored.append((value, i, j))

    # Best pairs first; among equal scores, document order keeps the result stable.
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[Match] = []
    for value, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            out.append(Match(i, j, value))
    return out
