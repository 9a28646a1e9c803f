"""How alike two task texts are: the Dice coefficient of their character-bigram multisets.

The measure is ``2·|A ∩ B| / (|A| + |B|)`` where A and B are the multisets of adjacent character
pairs (bigrams) of the two normalised texts.  It was chosen over difflib's SequenceMatcher because

* Chinese has no spaces and most words are two characters, so bigrams are the natural unit: a
  changed figure (3个 → 5个) or a reworded clause costs only the bigrams it touches;
* it costs O(len a + len b) per pair with C-speed dictionary work, while SequenceMatcher is
  quadratic in the worst case and, on texts over 200 characters, its ``autojunk`` heuristic makes
  the score depend on how often a character repeats;
* the same bigrams serve as an inverted index to find candidate pairs (:mod:`matrix.diff.match`),
  so a plan of 1,000+ tasks is never compared pair by pair.

Texts are normalised first (full-width punctuation and digits folded, whitespace dropped, Latin
letters in lower case), so a change of punctuation width or line breaks is no change at all.
1.0 means identical normalised texts; texts that differ score at most 0.999.
"""

from __future__ import annotations

from collections import Counter

from matrix.text.normalize import clean, squash

Grams = Counter[str]
"""A text's character bigrams, with how often each occurs."""

MAX_DIFFERENT = 0.999
"""The highest score two different texts can get, so that 1.0 always means "the same text"."""


def normalise(text: str) -> str:
    """The form under which task texts are compared: folded, without whitespace, lower case."""
    return squash(clean(text)).lower()


def grams(normalised: str) -> Grams:
    """The character bigrams of a normalised text (a one-character text is its own gram)."""
    if len(normalised) < 2:
        return Counter([normalised] if normalised else [])
    return Counter(normalised[i : i + 2] for i in range(len(normalised) - 1))


def dice(a: Grams, b: Grams) -> float:
    """The Dice coefficient of two bigram multisets: 1.0 for equal ones, 0.0 for disjoint ones."""
    total = a.total() + b.total()
    if total == 0:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    return 2.0 * shared / total


def score(a: str, b: str, grams_a: Grams | None = None, grams_b: Grams | None = None) -> float:
    """The similarity of two normalised texts, given their bigrams when already counted."""
    if a == b:
        return 1.0
    value = dice(grams_a if grams_a is not None else grams(a), grams_b if grams_b is not None else grams(b))
    return min(value, MAX_DIFFERENT)


def similarity(a: str, b: str) -> float:
    """How alike two task texts are, from 0.0 (nothing in common) to 1.0 (the same text)."""
    return score(normalise(a), normalise(b))
