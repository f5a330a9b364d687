"""OSMAN's weighted syllables of an Arabic word written without vowel marks.

Most web text carries no vowel marks, so its syllables cannot be read; they are
estimated from the letters. What must agree with the marked count is not only
the syllables (D) but also the complex words (G: more than 4 syllables) and the
faseeh words (H), as each weighs as much as a syllable in the formula. So the
estimate is of a word's whole weight in the formula, ``T = syllables + complex
+ faseeh`` (a word of 5 syllables weighs 6, or 7 when faseeh), and is split
back into expected syllables, complex and faseeh counts (below).

A common word takes its own weight, learned from vowelled text
(``unmarked_lexicon.tsv``, below); any other word's expected weight is a sum of
learned numbers (``unmarked_weights.tsv``),
fitted by least squares (``benchmarks/osman_fit.py``) on the words of fully
vowelled paragraphs (news, modern and classical books, stories, articles; each
source weighted alike), read with their marks and written without them. The
features:

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
* common endings (ات ون ين ية ها هم ...);
* the stem's letter pairs and triples, with ``^`` and ``$`` for its start and
  end (``t:^في``, ``b:ة$``), those found in at least 30 distinct words of the
  fit: they carry what single letters cannot, the patterns that double a
  letter (shadda) or lengthen a vowel, and the most common short words whole
  (``t:^في`` and ``t:في$`` together are في).

An expected weight lies between two whole counts (5.4 lies between 4
syllables, weight 4, and 5 syllables, weight 6). Rounding each word would make
every such word the same, and the complex words would be all or none of them;
drawing the count at random adds noise to each text. So a word keeps its
expected counts (here 4.7 syllables, of which 0.7 complex, as the higher count
would come 7 times in 10) and a text's counts are the sums of its words',
rounded once at the end (``osman.whole_counts``): a text's total weight is the
sum of its words' expected weights within half a syllable, and its complex
words come out in their expected share.

Measured with ``benchmarks/osman_pairs.py`` on 362 held-out vowelled paragraphs
of 100-300 words (not used in the fit) and the same paragraphs stripped of
their marks, the scores differ:

=====================================================  ====  =====  ===========
estimate                                               mean  max    within 5
=====================================================  ====  =====  ===========
one weight per letter                                  3.82  18.4   70.4%
single-letter features, counts drawn by checksum       2.73  12.4   84.5%
the same, expected counts summed per text              2.74  11.5   85.9%
with letter pairs and triples                          2.27  10.5   90.6%
the same, marks read as ``osman.py`` now reads them    1.94   8.0   94.5%
  (unwritten vowels under shadda and before a long
  alef, marks typed after an alef), refitted
with common words' own weights (this module)           1.52   8.0   98.6%
=====================================================  ====  =====  ===========

Common words: a word's letters cannot say that إلا doubles its lam or that
المدرسة has no long vowel, and the common words are where this costs most.
Each bare word found at least twice in the fit's paragraphs keeps its own mean
weight, pulled towards the letter estimate by one occurrence's worth (a word
seen n times keeps n / (n + 1) of the difference), when the two differ by 0.3
or more: 24,904 words, 418 kB, made by ``benchmarks/osman_lexicon.py`` from the
same paragraphs as the fit. One dict look-up a word: a text is scored no
slower. On the held-out paragraphs, each word form's plain mean, for forms
seen at least 1, 2, 3 or 5 times, gave 98.6% (77,514 words, 1.4 MB), 97.8%,
97.8% and 97.0% within 5 points; the pull of 1 to 10 occurrences' worth with
the 0.3 cut 97.0-98.6%; a mean per stem (less its prefix, article and pronoun
ending) for words not listed moved the share by 1 or 2 paragraphs in 362,
either way. The ten hand-written
pairs of ``tests/fixtures/osman_pairs`` (50-85 words each, so one word 3
syllables off moves a score by 1.5 points): mean 3.34, max 6.3, 9 of 10
within 5 before, mean 2.84, max 6.0, 8 of 10 after.

Short texts and diacritizers: the test set of the Tashkeela diacritization benchmark
(github.com/AliOsm/arabic-text-diacritization, 2,500 lines, mostly classical; the
fit read Tashkeela's books too, so the two may overlap), cut into pieces of 70 words:
97.8% within 5 points (120 words: 99.7%). Vowelling the pieces with an open
diacritizer instead of estimating does worse: on the lines each system kept word for
word (106,947 words), the outputs published with that set give 68.8% (Mishkal) and
53.4% (Farasa) where this estimate gives 97.2%; a neural diacritizer trained on
Tashkeela (Shakkala) gives 99.6%. Reading a word's case ending from its neighbours
(أنْ before a verb, أنَّ before a noun, the jussive after لم), measured on the same
pieces, moved the mean difference from 1.67 to 1.57 points and the share within 5
not at all. Two such readings are made, on the text, not word by word (``homographs.py``):
a bare أن or إن before a word with the article or one beginning with ي, and the verb
after لم; that module gives what they change.

Neighbouring words were tried as features too (the next word has the article,
the previous one is a preposition, the word ends a sentence or clause: tanween
only on an indefinite noun not followed by a definite one): on the held-out
paragraphs they moved the share within 5 points by less than 1 point (3
paragraphs in 362) and would cost a pass over each text's words, so they are
not used. Every pair within 5 points is out of reach of any estimate made word
by word: the same letters are vowelled differently in context (tanween only on
indefinite nouns, a case ending or none, أن as أَنْ or أَنَّ), so even each
word's own mean weight, measured on the very paragraphs the fit read, leaves
0.5% of them more than 5 points apart (up to 7). The five held-out pairs still
more than 5 points apart (5.3 to 8.0) differ only in syllables, complex and
faseeh words (word, sentence and hard-word counts are the same both ways): such
homographs (تحمل as تَحَمُّل or تَحْمِل), case endings left off in news, and
shadda left unwritten by the writer (الصَلِيبِيونَ).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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

# The fitted numbers, one "feature<TAB>number" a line (written by benchmarks/osman_fit.py).
WEIGHTS_FILE = Path(__file__).with_name("unmarked_weights.tsv")
NGRAM_SIZES = {"b:": 2, "t:": 3}  # letter pairs and triples of the stem, ^ and $ marking its ends
# Common words' own weights, "word<TAB>number" a line (written by benchmarks/osman_lexicon.py).
LEXICON_FILE = Path(__file__).with_name("unmarked_lexicon.tsv")


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted number of each feature (features() keys); read once."""
    with WEIGHTS_FILE.open(encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if line.strip() and not line.startswith("#"))
        return {key: float(value) for key, value in rows}


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
    padded = f"^{stem}$"
    for tag, size in NGRAM_SIZES.items():
        for i in range(len(padded) - size + 1):
            key = tag + padded[i : i + size]
            found[key] = found.get(key, 0) + 1
    return found


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """The learned weight of each common word (bare letters); read once."""
    with LEXICON_FILE.open(encoding="utf-8") as lines:
        rows = (line.rstrip("\n").split("\t") for line in lines if line.strip() and not line.startswith("#"))
        return {word: float(value) for word, value in rows}


def fitted_weight(word: str) -> float:
    """The letter estimate of a word's weight: the sum of its features' fitted numbers."""
    fitted = weights()
    return sum(fitted.get(key, 0.0) * count for key, count in features(word).items())


def expected_weight(word: str) -> float:
    """The word's expected weight T (syllables + complex + faseeh) in vowelled text."""
    learned = lexicon().get(word)
    return fitted_weight(word) if learned is None else learned


def is_faseeh_word(word: str) -> bool:
    """OSMAN's faseeh indicator on a bare word: ء ئ ؤ ذ ظ, or the ending وا / ون."""
    return bool(_FASEEH.intersection(word)) or word.endswith(("وا", "ون"))


def expected_counts(letters: str) -> tuple[float, float, float]:
    """Expected (syllables, complex, faseeh) of an unmarked word; its weight is their sum, at least 1.

    The word takes one of the two whole syllable counts around its expected
    weight, the higher one with the probability that makes the expected
    weight come out: these are the counts it is expected to have.
    """
    word = strip_marks(letters)
    target = max(1.0, expected_weight(word))
    faseeh = is_faseeh_word(word)
    extra = 1 + faseeh  # what a complex word adds to its syllables

    def weight(syllables: int) -> int:
        return syllables + extra if syllables > COMPLEX_WORD_SYLLABLES else syllables

    syllables = 1
    while weight(syllables + 1) <= target:
        syllables += 1
    low, high = weight(syllables), weight(syllables + 1)
    share = (target - low) / (high - low)  # how often the higher count comes
    complex_ = 1.0 if syllables > COMPLEX_WORD_SYLLABLES else share if syllables == COMPLEX_WORD_SYLLABLES else 0.0
    return syllables + share, complex_, complex_ * faseeh
