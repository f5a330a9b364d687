"""Flesch reading ease and Flesch-Kincaid grade for English.

    reading ease = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
    grade        = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

(Flesch 1948; Kincaid et al. 1975.) Reading ease is clamped to 0..100 (the
scale its band table covers) and the grade to 0 and up.

Syllables are counted without a dictionary: groups of vowels (y counts as a
vowel after the first letter), less a silent final e ("make"), a silent -es
("makes", but not "boxes", "pages") and a silent -ed ("walked", but not
"wanted"), a stem's silent e before a suffix ("management", "actively"); a final
consonant + le keeps its syllable ("table", "settlement"), a few vowel pairs
that are two syllables ("create", "science", "radio", "being") add one, and a
handful of common exceptions ("business") are listed. Every word
has at least one syllable. Only words with Latin letters count as words;
numbers and words in other scripts are reported as ``excluded_tokens``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_VOWEL_GROUPS_RE = re.compile(r"[aeiouy]+")
# Vowel pairs read as two syllables (re-ate, sci-ence, ra-di-o, po-et).
_TWO_SYLLABLE_PAIRS_RE = re.compile(
    r"[^aeioucst]ia|(?<![gt])reat(?=[eio])|[^aeiou]ea$|(?<![tc])ie(?=n[ct]|t)|(?<=s)cie"
    r"|io(?!u|n)|[^aeiou]eo(?!p)|oe(?=t)|(?<!q)ua(?=l|t)|(?<!q)uo|ii|[aeiouy]ing$"
)
# A stem's silent final e kept before a suffix that starts with a consonant, but not the
# e of a consonant + le ("settlement", "gently" keep its syllable).
_SILENT_E_BEFORE_SUFFIX_RE = re.compile(r"([a-z])([^aeiouy])e(?:ments?|ly|ful|ness|less)$")
# Common words the rules above get wrong.
_EXCEPTIONS = {"business": 2, "businesses": 3, "every": 2, "everyone": 3, "everything": 3, "fire": 1,
               "element": 3, "elements": 3, "nevertheless": 4}
_ACCENTS = str.maketrans("àáâäãåèéêëìíîïòóôöõùúûüýÿçñ", "aaaaaaeeeeiiiiooooouuuuyycn")


@dataclass(frozen=True)
class FleschCounts:
    words: int
    sentences: int
    syllables: int
    excluded_tokens: int


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables in an English word (0 when it has no Latin letter)."""
    w = re.sub(r"[^a-z]", "", word.lower().translate(_ACCENTS))
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if w[0] == "y":
        w = w[1:]  # initial y is a consonant ("yes", "young")
    count = len(_VOWEL_GROUPS_RE.findall(w))
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        if not (w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"):
            count -= 1  # silent final e
    elif w.endswith("es") and len(w) > 3 and w[-3] not in "aeiouy":
        if not (w.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces"))):
            count -= 1  # silent -es
    elif w.endswith("ed") and len(w) > 3 and w[-3] not in "aeiouytd":
        count -= 1  # silent -ed
    stem_end = _SILENT_E_BEFORE_SUFFIX_RE.search(w)
    if stem_end and not (stem_end[2] == "l" and stem_end[1] not in "aeiouy"):
        count -= 1  # the silent e of a stem before a suffix ("management", "actively")
    count += len(_TWO_SYLLABLE_PAIRS_RE.findall(w))
    return max(1, count)


def count(sentences: list[list[str]]) -> FleschCounts:
    """Flesch's raw counts over sentences given as lists of word tokens."""
    words = total = excluded = scored_sentences = 0
    for tokens in sentences:
        # syllables() is 0 for tokens without a Latin letter: those are not English words.
        counted = [n for n in map(syllables, tokens) if n]
        excluded += len(tokens) - len(counted)
        if counted:
            words += len(counted)
            total += sum(counted)
            scored_sentences += 1
    return FleschCounts(words, scored_sentences, total, excluded)


def reading_ease(c: FleschCounts) -> float:
    """Flesch reading ease clamped to 0..100; needs words and sentences > 0."""
    raw = 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)
    return min(100.0, max(0.0, raw))


def grade(c: FleschCounts) -> float:
    """Flesch-Kincaid grade level, 0 and up."""
    return max(0.0, 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59)
