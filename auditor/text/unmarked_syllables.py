"""OSMAN's weighted syllables of an Arabic word written without vowel marks.

Most web text carries no vowel marks, so its syllables cannot be read; they are
estimated from the letters. What must agree with the marked count is not only
the syllables (D) but also the complex words (G: more than 4 syllables) and the
faseeh words (H), as each weighs as much as a syllable in the formula. So the
estimate is of a word's whole weight in the formula, ``T = syllables + complex
+ faseeh`` (a word of 5 syllables weighs 6, or 7 when faseeh), and is turned
back into whole syllables at the end.

The expected weight is a sum of learned numbers (``WEIGHTS``), fitted by
least squares (``benchmarks/osman_fit.py``) on the words of fully vowelled
modern standard Arabic paragraphs (news, modern books, stories, articles; each
source weighted alike), read with their marks and written without them.
Classical books were left out of the fit, as web pages are written in modern
Arabic; the estimate does as well on them. The features:

* ``letter``: every letter of the stem (the word less its prefix and article);
* ``length N``: the stem's length, as the share of letters with sukun grows
  with it;
* ``prefix``: each prefix letter before the article or a long stem (و ف ب ك
  ل): it always carries a vowel;
* ``article`` and ``sun``: the article's alef and lam are silent or have
  sukun, and before a sun letter (ت ث د ذ ر ز س ش ص ض ط ظ ل ن) that letter
  is doubled (shadda: 2 more);
* letters that are often long vowels, hamza seats or carry the case ending
  (ا و ي ى آ ة and the hamza forms), by place: first letter of the stem,
  middle, or end (then apart with and without the article, as only a word
  without it takes tanween, 2 more);
* common endings (ات ون ين ية ها هم ...).

The most common words, whose count from the letters is least reliable (في is
1 + 1, من is one closed syllable), have their measured mean weight in
``COMMON``.

An expected weight lies between two whole counts (5.4 lies between 4
syllables, weight 4, and 5 syllables, weight 6). Rounding would make every
such word the same, and the complex words would be all or none of them; so a
word takes the higher count with the probability of the fraction (here 0.7),
drawn from a checksum of the word: the same word always gets the same count,
and over a text the counts add up to the expected weights.

Measured with ``benchmarks/osman_pairs.py`` on 362 held-out vowelled paragraphs
of 100-300 words (not used in the fit) and the same paragraphs stripped of
their marks: the scores differ by 2.7 points on average (3.8 with one weight
per letter), 84% of pairs by 5 points or less (70%), at most 12.4 (18.4).
Every pair within 5 points is out of reach of any estimate made word by word:
the same letters are vowelled differently in context (tanween only on
indefinite nouns, a case ending or none), so even each word's own mean weight,
measured on the very paragraphs the fit read, leaves 1% of them more than 5
points apart (up to 10).
"""

from __future__ import annotations

import re
import zlib

from auditor.text.scripts import strip_marks

COMPLEX_WORD_SYLLABLES = 4  # OSMAN's complex words have more syllables than this
SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
_ARTICLE_RE = re.compile("^([وف]?[بك]?)ال(..+)$")
_LAM_ARTICLE_RE = re.compile("^([وف]?)لل(..+)$")  # ل + ال: the article's alef is not written
_PREFIX_RE = re.compile("^([وف])(...+)$")
_TRACKED = "اويىآةءأإؤئ"
_INSIDE = "اويآءأإؤئ"  # ى and ة only end a word
_FASEEH = frozenset("ءئؤذظ")
ENDINGS = ("ات", "ان", "ون", "ين", "ية", "وا", "ها", "هم", "هما", "كم", "نا", "يا")

# Fitted numbers (see the module's docstring); keys are those of features().
WEIGHTS: dict[str, float] = {
    "base": 0.58, "letter": 0.85, "length 1": -0.13, "length 2": -0.11, "length 3": 0.14,
    "length 4": 0.15, "length 5": 0.30, "length 6": 0.46, "length 7": 0.22, "length 8": 0.09,
    "length 9": -0.04, "length 10": -0.50, "prefix": 1.61, "article": 0.14, "sun": 2.55,
    "-ات": 0.80, "-ان": -0.21, "-كم": -0.47, "-نا": 0.04, "-ها": 0.26,
    "-هم": -0.50, "-هما": 0.11, "-وا": -0.72, "-ون": 0.92, "-يا": 0.07,
    "-ية": 1.25, "-ين": 0.41, "consonant end": -0.23, "consonant end after al": -0.45, "ء end": 0.06,
    "ء end after al": 0.11, "ء first": 0.01, "ء middle": 0.01, "آ first": 1.06, "آ middle": 0.62,
    "أ end": -0.57, "أ end after al": -0.12, "أ first": -0.07, "أ middle": 0.32, "ؤ end": 0.07,
    "ؤ end after al": 0.22, "ؤ first": 0.07, "ؤ middle": 1.42, "إ end": -0.03, "إ end after al": -0.03,
    "إ first": -0.01, "إ middle": 0.63, "ئ end": 0.35, "ئ end after al": 0.36, "ئ first": 0.09,
    "ئ middle": 1.04, "ا end": 0.14, "ا end after al": -0.80, "ا first": -0.88, "ا middle": 0.37,
    "ة end": 0.79, "ة end after al": 0.15, "و end": -0.27, "و end after al": -0.10, "و first": -0.30,
    "و middle": 0.40, "ى end": 0.04, "ى end after al": -0.68, "ي end": 0.08, "ي end after al": 1.46,
    "ي first": -0.01, "ي middle": 0.41,
}

# Mean weight T of the most common words in fully vowelled text.
COMMON: dict[str, float] = {
    "في": 2.0, "من": 1.3, "على": 3.0, "أن": 2.4, "إلى": 3.0, "الله": 4.0, "ما": 2.0, "عن": 1.3,
    "الذي": 7.0, "التي": 6.0, "هذا": 3.0, "لا": 2.0, "أو": 2.0, "هذه": 3.0, "بين": 3.1, "عليه": 4.0,
    "ثم": 4.0, "كان": 3.0, "هو": 2.0, "كل": 4.1, "ذلك": 2.9, "بن": 1.0, "إن": 3.3, "ولا": 2.9,
    "اليوم": 3.0, "وهو": 3.0, "وقد": 2.0, "لم": 1.0, "قال": 3.0, "له": 2.0, "ومن": 2.1, "حتى": 6.0,
    "مع": 2.0, "الإنسان": 3.9, "بعد": 2.0, "به": 2.0, "صلى": 6.0, "وسلم": 7.0, "إلا": 5.9, "وهي": 3.0,
}


def _split(word: str) -> tuple[str, bool, str]:
    """(prefix letters, has the article, stem)."""
    for pattern, extra in ((_ARTICLE_RE, ""), (_LAM_ARTICLE_RE, "ل")):
        match = pattern.match(word)
        if match:
            return match.group(1) + extra, True, match.group(2)
    match = _PREFIX_RE.match(word)
    if match:
        return match.group(1), False, match.group(2)
    return "", False, word


def features(word: str) -> dict[str, int]:
    """The counted features of an unmarked word (its letters only)."""
    prefix, article, stem = _split(word)
    if not stem:
        return {"base": 1}
    found = {"base": 1, "letter": len(stem), f"length {min(len(stem), 10)}": 1}
    if prefix:
        found["prefix"] = len(prefix)
    if article:
        found["article"] = 1
        if stem[0] in SUN_LETTERS:
            found["sun"] = 1
    for i, letter in enumerate(stem[:-1]):
        if letter in _INSIDE:
            key = f"{letter} {'first' if i == 0 else 'middle'}"
            found[key] = found.get(key, 0) + 1
    # The last letter carries the case ending; tanween (2 more) only without the article.
    ending = stem[-1] if stem[-1] in _TRACKED else "consonant"
    found[f"{ending} end{' after al' if article else ''}"] = 1
    for ending in ENDINGS:
        if stem.endswith(ending) and len(stem) > len(ending) + 1:
            found[f"-{ending}"] = 1
    return found


def expected_weight(word: str) -> float:
    """The word's expected weight T (syllables + complex + faseeh) in vowelled text."""
    if word in COMMON:
        return COMMON[word]
    return sum(WEIGHTS.get(key, 0.0) * count for key, count in features(word).items())


def is_faseeh_word(word: str) -> bool:
    """OSMAN's faseeh indicator on a bare word: ء ئ ؤ ذ ظ, or the ending وا / ون."""
    return bool(_FASEEH.intersection(word)) or word.endswith(("وا", "ون"))


def estimated_syllables(letters: str) -> int:
    """Whole weighted syllables of an unmarked word, from its expected weight; never below 1."""
    word = strip_marks(letters)
    target = max(1.0, expected_weight(word))
    extra = 1 + is_faseeh_word(word)  # what a complex word adds to its syllables

    def weight(syllables: int) -> int:
        return syllables + extra if syllables > COMPLEX_WORD_SYLLABLES else syllables

    syllables = 1
    while weight(syllables + 1) <= target:
        syllables += 1
    low, high = weight(syllables), weight(syllables + 1)
    share = (target - low) / (high - low)
    draw = (zlib.crc32(word.encode()) & 0xFFFF) / 0x10000
    return syllables + (draw < share)
