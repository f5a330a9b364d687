"""Flesch reading ease and Flesch-Kincaid grade on English texts counted by hand."""

import pytest

from auditor.text import flesch, score_text
from auditor.text.sentences import sentence_tokens


def counts_of(text: str) -> flesch.FleschCounts:
    return flesch.count([tokens for _, _, _, tokens in sentence_tokens(text, "en")])


# Our 1, com-pa-ny 3, builds 1, fast 1, web-sites 2, for 1, small 1, busi-ness-es 3   -> 13
# We 1, help 1, you 1, reach 1, more 1, cus-tom-ers 3, each 1, day 1                    -> 10
PLAIN = "Our company builds fast websites for small businesses. We help you reach more customers each day."
# 206.835 - 1.015 * 16/2 - 84.6 * 23/16 = 77.10;  0.39 * 8 + 11.8 * 23/16 - 15.59 = 4.49

# The 1, new 1, de-sign 2, makes 1, the 1, check-out 2, page 1, sim-pler 2, to 1, use 1 -> 13
# How-ev-er 3, cus-tom-ers 3, still 1, a-ban-don 3, their 1, shop-ping 2, carts 1       -> 14
MEDIUM = "The new design makes the checkout page simpler to use. However, customers still abandon their shopping carts."
# 206.835 - 1.015 * 17/2 - 84.6 * 27/17 = 63.84;  0.39 * 8.5 + 11.8 * 27/17 - 15.59 = 6.47


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PLAIN, flesch.FleschCounts(words=16, sentences=2, syllables=23, excluded_tokens=0)),
        (MEDIUM, flesch.FleschCounts(words=17, sentences=2, syllables=27, excluded_tokens=0)),
    ],
)
def test_hand_counted_counts(text, expected):
    assert counts_of(text) == expected


@pytest.mark.parametrize(
    ("text", "score", "grade", "band"),
    [
        (PLAIN, 77.1, 4.5, "fairly easy"),
        (MEDIUM, 63.8, 6.5, "standard"),
    ],
)
def test_hand_counted_scores(text, score, grade, band):
    # Two copies pass the 30-word minimum without changing any ratio.
    result = score_text([text, text], "en")
    assert result.formula == "flesch"
    assert result.language == "en"
    assert result.indicative is False
    assert result.score == score
    assert result.grade == grade
    assert result.band == band
    assert result.counts == {"syllables": 2 * counts_of(text).syllables, "excluded_tokens": 0}


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("make", 1), ("makes", 1), ("boxes", 2), ("walked", 1), ("wanted", 2),
        ("table", 2), ("whole", 1), ("sunny", 2), ("yes", 1), ("create", 2),
        ("radio", 3), ("being", 2), ("people", 2), ("readability", 5), ("the", 1),
        ("I", 1), ("don't", 1), ("management", 3), ("requirements", 3), ("actively", 3),
        ("absolutely", 4), ("careful", 2), ("statement", 2), ("settlement", 3), ("element", 3),
    ],
)
def test_syllable_counter(word, syllables):
    assert flesch.syllables(word) == syllables


def test_tokens_without_latin_letters_are_not_words():
    assert flesch.syllables("2024") == 0
    assert flesch.syllables("مرحبا") == 0
    counts = counts_of("We opened in 2010 with مرحبا on the door. It was fun.")
    assert counts.excluded_tokens == 2
    assert counts.words == 10


def test_extreme_texts_stay_on_the_scale():
    short_words = flesch.FleschCounts(words=100, sentences=100, syllables=100, excluded_tokens=0)
    long_words = flesch.FleschCounts(words=100, sentences=1, syllables=600, excluded_tokens=0)
    assert flesch.reading_ease(short_words) == 100.0
    assert flesch.reading_ease(long_words) == 0.0
    assert flesch.grade(short_words) == 0.0
    assert flesch.grade(long_words) > 50


def test_english_formula_is_never_used_for_other_languages():
    french = (
        "Nous créons des sites rapides pour les petites entreprises de la région. "
        "Nous aidons nos clients à trouver plus de visiteurs chaque jour de la semaine. "
        "Appelez-nous aujourd'hui pour parler de votre projet avec notre équipe."
    )
    result = score_text(french, "fr")
    assert result.formula == "lix"
    assert result.indicative is True
    assert result.grade is None
