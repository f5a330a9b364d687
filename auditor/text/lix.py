"""LIX (Björnsson 1968), an indicative measure for languages without a validated formula.

    LIX = words / sentences + 100 * long words / words

A long word has more than 6 letters (combining marks are not letters). LIX
needs no syllables, so it can be computed for Persian, Hebrew, Urdu, French,
German and others, but it was validated on Swedish and a few European
languages only: every LIX score here is marked indicative. Numbers are not
words and are reported as ``excluded_tokens``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from auditor.text.scripts import LETTER_RE, is_number

LONG_WORD_LETTERS = 6  # more than this many letters


@dataclass(frozen=True)
class LixCounts:
    words: int
    sentences: int
    long_words: int
    excluded_tokens: int


@lru_cache(maxsize=50_000)
def letters(token: str) -> int:
    """Letters in a token (marks, digits and joiners are not letters); 0 for numbers."""
    return 0 if is_number(token) else len(LETTER_RE.findall(token))


def count(sentences: list[list[str]]) -> LixCounts:
    """LIX's raw counts over sentences given as lists of word tokens."""
    words = long_words = excluded = scored_sentences = 0
    for tokens in sentences:
        counted = [n for n in map(letters, tokens) if n]
        excluded += len(tokens) - len(counted)
        if counted:
            words += len(counted)
            long_words += sum(n > LONG_WORD_LETTERS for n in counted)
            scored_sentences += 1
    return LixCounts(words, scored_sentences, long_words, excluded)


def score(c: LixCounts) -> float:
    """LIX on counts; needs words and sentences > 0. Higher is harder."""
    return c.words / c.sentences + 100 * c.long_words / c.words
