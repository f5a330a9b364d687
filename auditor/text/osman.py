"""OSMAN readability for Arabic (El-Haj and Rayson, LREC 2016).

Formula, as published in the paper and used by the authors' reference tool::

    OSMAN = 200.791 - 1.015 * (A / B) - 24.181 * (C/A + D/A + G/A + H/A)

    A  Arabic words           B  sentences
    C  hard words: more than 5 letters
    D  syllables (weighted, see below)
    G  complex words: more than 4 syllables
    H  faseeh words: complex words that contain one of ء ئ ؤ ذ ظ
       or end in وا or ون

Higher is easier. The score is a modified Flesch reading ease and is read on
Flesch's 0-100 scale, so it is clamped to 0..100 and banded with Flesch's
table (see ``bands.py``); the paper gives no band table of its own.

Syllables follow the paper's three kinds, counted from the vowel marks as the
reference tool does: a short syllable is a consonant with a short vowel
(fatha, damma or kasra) that is not followed by a long vowel letter; a long
syllable is a short vowel followed by a long vowel letter (ا و ي ى), or a
dagger alef, or alef madda; a stress syllable is each tanween or shadda. Long
and stress syllables weigh 2, short ones 1: D = short + 2 * long + 2 * stress.
Where this differs from the reference tool, it is on purpose:

* a long vowel letter only counts as one when it carries no vowel of its own
  (in بَيَان the ي is a consonant), and marks between a vowel and the next
  letter are skipped;
* decisions are made per word, not per text: a word is read from its marks
  when at least half of its letters other than alef carry one; otherwise
  (ordinary web text, or a lone tanween as in شكراً) its syllables are
  estimated from its letters;
* a word's first letter always carries a vowel (no Arabic word starts with
  sukun); vowelled text often leaves it unwritten on أ and إ (the hamza's
  seat says which) or on the conjunction و, so it is counted when missing;
* a letter with shadda always carries a vowel too (the second of the doubled
  letters): some vowelled books write shadda alone for shadda and fatha
  (إلّا, مُحَمّدًا, 1 in 9 doubled letters of Tashkeela's classical books),
  so the vowel is counted when missing, short, or long before a long vowel
  letter; the reference tool counts only the stress there;
* likewise a consonant before a long alef carries fatha, which vowelled news
  often leaves unwritten (الْكاتِبُ for الْكَاتِبُ): it is counted, long;
* a long alef carries no vowel, so a vowel or shadda typed after an alef
  inside a word (إِلاَّ, as lam-alef is typed with one key) is read on the
  letter before it;
* the syllables of unmarked words (the paper diacritises such text with a
  tool first, which a crawler cannot do offline) are estimated from their
  letters with numbers learned from vowelled text, and a common word's from
  its own mean weight in that text (``unmarked_syllables.py``): the estimate
  is of a word's whole weight in the formula (syllables, complex, faseeh), so
  that the stripped text scores as its vowelled version does. The
  reference tool's own fallback (letters minus alefs minus 2, per text) goes
  negative on short words such as و; this estimate is never below 1. An
  unmarked word's counts are expected values (fractions: 4.7 syllables, 0.7
  of them complex); a text's counts are their sums, each rounded once
  (``whole_counts``), so the text weighs what its words are expected to;
* hard words are counted on letters only (marks and tatweel are not letters),
  with "more than 5" as in the paper (the reference tool uses 5 or more);
* complex and faseeh words use the same weighted syllable count as D; the
  faseeh endings are checked on the bare word (the reference tool looks for
  "وا " with a trailing space inside single words, which never matches).

Only words with Arabic letters are Arabic words. Digits and Latin words inside
Arabic text are left out of every count and reported as ``excluded_tokens``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from auditor.text.scripts import ARABIC_LETTER_RE, strip_marks
from auditor.text.unmarked_syllables import COMPLEX_WORD_SYLLABLES, expected_counts, is_faseeh_word

FATHA, DAMMA, KASRA, SUKUN, SHADDA = "\u064e", "\u064f", "\u0650", "\u0652", "\u0651"
TANWEEN = frozenset("\u064b\u064c\u064d")
SHORT_VOWELS = frozenset((FATHA, DAMMA, KASRA))
DAGGER_ALEF = "\u0670"
ALEF_MADDA = "\u0622"
LONG_VOWEL_LETTERS = frozenset("اويى")  # after a short vowel they make it long
VOWEL_MARKS = SHORT_VOWELS | TANWEEN | {SUKUN, SHADDA, DAGGER_ALEF}
# A letter carrying one of these is a consonant, not a long vowel.
_CONSONANT_MARKS = SHORT_VOWELS | TANWEEN | {SHADDA}
_ALEFS = frozenset("اٱى")
_VOWEL_LETTERS = LONG_VOWEL_LETTERS | _ALEFS  # never a consonant when unmarked
_VOWEL_OR_SHADDA = SHORT_VOWELS | {SHADDA}

HARD_WORD_LETTERS = 5  # more than this many letters
# Word counts are kept in 1/UNIT of a syllable, as an unmarked word's are
# fractions (expected values); a text's sums are rounded once (whole_counts).
UNIT = 256


@dataclass(frozen=True)
class ArabicWord:
    """Counts for one Arabic word: read from its marks (whole numbers), or expected from its letters."""

    letters: int
    syllables: float
    complex: float  # 1 or 0 when read from marks; how often the word is complex when expected
    faseeh: float
    vocalised: bool

    @property
    def hard(self) -> bool:
        return self.letters > HARD_WORD_LETTERS

    @property
    def weight(self) -> float:
        """What the word adds to OSMAN's sum besides 'hard': syllables + complex + faseeh."""
        return self.syllables + self.complex + self.faseeh


@dataclass(frozen=True)
class OsmanCounts:
    words: int
    sentences: int
    syllables: int
    hard: int
    complex: int
    faseeh: int
    excluded_tokens: int


def _clusters(token: str) -> list[tuple[str, frozenset[str]]]:
    """The word's Arabic letters, each with the vowel marks written on it."""
    clusters: list[tuple[str, set[str]]] = []
    for ch in token:
        if ch in VOWEL_MARKS:
            if clusters:
                clusters[-1][1].add(ch)
        elif ARABIC_LETTER_RE.match(ch):
            clusters.append((ch, set()))
    for (_, before), (letter, marks) in zip(clusters, clusters[1:]):
        if letter == "ا" and marks & _VOWEL_OR_SHADDA:
            # A long alef carries no vowel: marks typed after it (لاَّ, as lam-alef
            # is one key) belong to the letter before it.
            before |= marks & _VOWEL_OR_SHADDA
            marks -= _VOWEL_OR_SHADDA
    return [(letter, frozenset(marks)) for letter, marks in clusters]


def _is_vocalised(clusters: list[tuple[str, frozenset[str]]]) -> bool:
    """At least half of the letters other than alef carry a vowel mark."""
    consonants = [marks for letter, marks in clusters if letter not in _ALEFS]
    marked = sum(1 for marks in consonants if marks)
    return marked > 0 and 2 * marked >= len(consonants)


def marked_syllables(clusters: list[tuple[str, frozenset[str]]]) -> int:
    """Weighted syllables read from vowel marks: short + 2 * long + 2 * stress."""
    short = long_ = stress = 0
    if clusters and not clusters[0][1] and clusters[0][0] not in _ALEFS and clusters[0][0] != ALEF_MADDA:
        # A word never starts without a vowel; vowelled text often leaves it
        # unwritten on a first أ or إ (the hamza's seat says which) or و.
        clusters = [(clusters[0][0], frozenset(FATHA))] + clusters[1:]
    for i, (letter, marks) in enumerate(clusters):
        following = clusters[i + 1] if i + 1 < len(clusters) else None
        if SHADDA in marks and not marks & (SHORT_VOWELS | TANWEEN):
            # A doubled letter always carries a vowel; some vowelled books write
            # shadda alone for shadda and fatha (إلّا, مُحَمّدًا).
            marks = marks | {FATHA}
        elif not marks and letter not in _VOWEL_LETTERS and following == ("ا", frozenset()):
            # A consonant before a long alef carries fatha, often left unwritten (الْكاتِبُ).
            marks = frozenset({FATHA})
        if marks & SHORT_VOWELS:
            if DAGGER_ALEF in marks or (
                following is not None
                and following[0] in LONG_VOWEL_LETTERS
                and not following[1] & _CONSONANT_MARKS
            ):
                long_ += 1
            else:
                short += 1
        elif DAGGER_ALEF in marks or letter == ALEF_MADDA:
            long_ += 1
        stress += len(marks & TANWEEN) + (SHADDA in marks)
    return short + 2 * long_ + 2 * stress


def analyse_word(token: str) -> ArabicWord | None:
    """Counts for a word token, or None when it has no Arabic letter."""
    if not ARABIC_LETTER_RE.search(token):
        return None
    clusters = _clusters(token)
    letters = "".join(letter for letter, _ in clusters)
    if _is_vocalised(clusters):
        syllables = max(1, marked_syllables(clusters))
        complex_ = int(syllables > COMPLEX_WORD_SYLLABLES)
        return ArabicWord(len(letters), syllables, complex_, complex_ * is_faseeh(token), vocalised=True)
    return ArabicWord(len(letters), *expected_counts(letters), vocalised=False)


def is_faseeh(token: str) -> bool:
    """A faseeh indicator: ء ئ ؤ ذ ظ anywhere, or the ending وا / ون."""
    return is_faseeh_word(strip_marks(token))


@lru_cache(maxsize=50_000)
def word_stats(token: str) -> tuple[int, int, int, int] | None:
    """(syllables, hard, complex, faseeh) of a token in 1/UNIT; None when not Arabic.

    Rounded to 1/UNIT so that the four add up to the word's weight (plus hard).
    """
    word = analyse_word(token)
    if word is None:
        return None
    complex_, faseeh = round(UNIT * word.complex), round(UNIT * word.faseeh)
    syllables = round(UNIT * word.weight) - complex_ - faseeh
    return syllables, UNIT * word.hard, complex_, faseeh


def whole_counts(words: int, sentences: int, stats: tuple[int, int, int, int], excluded: int) -> OsmanCounts:
    """A text's counts from the sums of its words' word_stats, each rounded once.

    The text's weight (syllables + complex + faseeh) is its words' expected
    weight within half a syllable; complex and faseeh words are their
    expected numbers, rounded, and the syllables make up the rest.
    """
    syllables, hard, complex_, faseeh = stats
    whole_complex, whole_faseeh = round(complex_ / UNIT), round(faseeh / UNIT)
    weight = round((syllables + complex_ + faseeh) / UNIT)
    return OsmanCounts(words, sentences, weight - whole_complex - whole_faseeh, round(hard / UNIT),
                       whole_complex, whole_faseeh, excluded)


def count(sentences: list[list[str]]) -> OsmanCounts:
    """OSMAN's raw counts over sentences given as lists of word tokens."""
    words = scored_sentences = excluded = 0
    totals = [0, 0, 0, 0]
    for tokens in sentences:
        stats = [row for row in map(word_stats, tokens) if row is not None]
        excluded += len(tokens) - len(stats)
        if stats:
            words += len(stats)
            scored_sentences += 1
            for i, column in enumerate(zip(*stats, strict=True)):
                totals[i] += sum(column)
    return whole_counts(words, scored_sentences, tuple(totals), excluded)


def raw_score(c: OsmanCounts) -> float:
    """The OSMAN formula on counts (unclamped); needs words and sentences > 0."""
    a = c.words
    return 200.791 - 1.015 * (a / c.sentences) - 24.181 * ((c.hard + c.syllables + c.complex + c.faseeh) / a)


def score(c: OsmanCounts) -> float:
    """OSMAN clamped to Flesch's 0..100 reading scale."""
    return min(100.0, max(0.0, raw_score(c)))
