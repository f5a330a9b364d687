"""Common unmarked words weigh what their marks say (auditor/text/unmarked_lexicon.tsv).

The letter estimate sums numbers learned for letters and letter groups; it
cannot see that إلا doubles its lam or that المدرسة has no long vowel. Common
words keep their own mean weight, learned from vowelled text.
"""

import re

import pytest

from auditor.text import osman
from auditor.text.scripts import strip_marks
from auditor.text.unmarked_syllables import LEXICON_FILE, expected_weight, fitted_weight, lexicon


@pytest.mark.parametrize("marked", ["إِلَّا", "الْمَدْرَسَةِ", "الَّذِينَ", "حَتَّى", "الشَّرِكَةِ"])
def test_a_common_word_weighs_as_its_marks_say(marked):
    # Each of these was 0.5 to 1.1 syllables off from its letters alone (12 to 27 points on a page of them).
    bare = strip_marks(marked)
    assert abs(osman.analyse_word(bare).weight - osman.analyse_word(marked).weight) <= 0.25


def test_a_word_not_listed_falls_back_to_its_letters():
    word = "مستفيضاتهما"
    assert word not in lexicon()
    assert expected_weight(word) == fitted_weight(word)


def test_the_list_is_bare_words_with_plausible_weights():
    assert LEXICON_FILE.stat().st_size < 1_000_000
    words = lexicon()
    assert len(words) > 10_000
    assert all(re.fullmatch("[\u0621-\u064a]+", word) for word in words)
    assert all(1 <= weight <= 20 for weight in words.values())
