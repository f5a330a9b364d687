"""Bare أن/إن read from the word after them, and the jussive after لم."""

from __future__ import annotations

import pytest

from auditor.text import osman
from auditor.text.homographs import JUSSIVE_SYLLABLES, corrections


def change(bare: str, marked: str) -> tuple[int, ...]:
    estimated, read = osman.word_stats(bare), osman.word_stats(marked)
    return tuple(read[i] - estimated[i] for i in range(4))


@pytest.mark.parametrize(("text", "bare", "read_as"), [
    ("قال رئيس البلدية إن المشروع استغرق عامين", "إن", "إِنَّ"),  # before a noun with the article
    ("وإن الدخول مجاني", "وإن", "وَإِنَّ"),
    ("نعلم أن الطريق طويل", "أن", "أَنَّ"),
    ("أراد أن يتعلمها", "أن", "أَنْ"),  # before an imperfect verb
    ("لا بد لأن يكون", "لأن", "لِأَنْ"),
])
def test_a_bare_anna_is_read_as_the_word_after_it_says(text, bare, read_as):
    assert corrections(text) == change(bare, read_as)


@pytest.mark.parametrize("text", [
    "أَنَّ المشروع ناجح",  # written with its marks: counted as written
    "بشأن المشروع",  # the end of a longer word
    "أن تطوير البرامج",  # ت begins nouns as well as verbs: left to the estimate
    "سكان الجبل",
])
def test_other_words_are_left_to_the_estimate(text):
    assert corrections(text) == (0, 0, 0, 0)


def test_the_verb_after_lam_loses_its_case_vowel():
    syllables, _, _, _ = corrections("فلم يقدر عليها، ولم تعد")
    assert syllables == -round(2 * JUSSIVE_SYLLABLES * osman.UNIT)
    assert corrections("لَمْ يَقْدِرْ") == (0, 0, 0, 0)
