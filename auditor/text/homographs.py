"""Bare words whose weight the word after them tells: أن and إن, and the verb after لم.

One bare spelling stands for two words that OSMAN weighs very differently: أَنَّ and
إِنَّ (4 syllables' weight, 5 and complex with a prefix: وَأَنَّ) and أَنْ and إِنْ (1). The
letter estimate (``unmarked_syllables``) can only give their mean. The next word tells
them apart: أنّ and إنّ are followed by a noun, and a word with the article (ال) is one;
أنْ and إنْ by a verb, and a word beginning with the imperfect's ي is nearly always one
(ت and ن begin many nouns too: تطوير, نظام). Only those two cases are read.

لم puts the imperfect verb after it in the jussive, which ends in a sukun, not the vowel
the estimate allows for: on the 1,071 verbs after a bare لم, ولم or فلم in the validation
lines of the Tashkeela benchmark (AliOsm/arabic-text-diacritization), the estimate was
0.553 syllables and 0.019 complex words high on average; that much is taken off each.

Measured on the benchmark's test lines (not those above) cut into pieces, OSMAN on the
vowelled piece and on the same piece stripped of its marks, within 5 points and mean
|difference|, the estimate alone -> with these readings:

    70 words (1,500 pieces):   96.5% -> 97.3%, 1.80 -> 1.71
    120 words (1,042 pieces):  99.2% -> 99.3%, 1.41 -> 1.33
    the ten hand-written pairs (tests/fixtures/osman_pairs): 8 -> 10 of 10, max 6.0 -> 4.8
      (news +5.1 -> +2.3: إِنَّ الْمَشْرُوعَ, وَإِنَّ الدُّخُولَ; fable -6.0 -> -4.8: أَنْ يَتَعَلَّمَهَا,
      فَلَمْ يَقْدِرْ)
"""

from __future__ import annotations

import re

from auditor.text import osman
from auditor.text.sentences import MAX_CHARS

# أن or إن, then ال or ي
_HOMOGRAPH = re.compile("([\u0623\u0625])\u0646[ \t\n]+(\u0627\u0644|\u064a)")
_PREFIXES = {"": "", "\u0648": "\u0648\u064e", "\u0641": "\u0641\u064e", "\u0628": "\u0628\u0650",
             "\u0644": "\u0644\u0650"}  # و ف with fatha, ب ل with kasra
_HAMZA = {"\u0623": "\u0623\u064e", "\u0625": "\u0625\u0650"}  # أَ إِ
_NOUN_FORM, _VERB_FORM = "\u0646\u064e\u0651", "\u0646\u0652"  # نَّ, نْ
_OPENERS = "(«\"'"
# لم, then an imperfect verb (ي ت ن أ); a و or ف may come before it
_JUSSIVE = re.compile("\u0644\u0645[ \t\n]+[\u064a\u062a\u0646\u0623]")
JUSSIVE_SYLLABLES, JUSSIVE_COMPLEX = 0.553, 0.019  # taken off each such verb's estimate


def corrections(paragraphs: list[str] | str) -> tuple[int, int, int, int]:
    """What reading these words from the next one changes in the text's OSMAN counts
    (syllables, hard, complex, faseeh, in 1/osman.UNIT, as osman.word_stats gives them)."""
    text = paragraphs if isinstance(paragraphs, str) else "\n".join(p for p in paragraphs if isinstance(p, str))
    text = text[:MAX_CHARS]
    delta = [0, 0, 0, 0]
    for match in _HOMOGRAPH.finditer(text):
        start = match.start()
        prefix = text[start - 1] if start and text[start - 1] in _PREFIXES else ""
        if not _word_starts(text, start - len(prefix)):
            continue  # the end of a longer word (بشأن)
        hamza, following = match.group(1), match.group(2)
        bare = prefix + hamza + "\u0646"
        read = _PREFIXES[prefix] + _HAMZA[hamza] + (_NOUN_FORM if following == "\u0627\u0644" else _VERB_FORM)
        estimated, marked = osman.word_stats(bare), osman.word_stats(read)
        if estimated and marked:
            for i in range(4):
                delta[i] += marked[i] - estimated[i]
    verbs = 0
    for match in _JUSSIVE.finditer(text):
        start = match.start()
        if _word_starts(text, start) or (start and text[start - 1] in "\u0648\u0641" and _word_starts(text, start - 1)):
            verbs += 1
    delta[0] -= round(verbs * JUSSIVE_SYLLABLES * osman.UNIT)
    delta[2] -= round(verbs * JUSSIVE_COMPLEX * osman.UNIT)
    return delta[0], delta[1], delta[2], delta[3]


def _word_starts(text: str, at: int) -> bool:
    return at <= 0 or text[at - 1].isspace() or text[at - 1] in _OPENERS
