"""OSMAN on small Arabic texts counted by hand.

Each text is scored twice: its counts are checked directly, and score_text
is run on the text repeated (every count scales, the ratios and so the score
do not) so that it passes the 30-word minimum.

Syllable weights: short 1, long 2, stress (tanween, shadda) 2 on top of the
letter's vowel. Unmarked words: one per letter, 0 for the article's alef.
"""

import pytest

from auditor.text import osman, score_text
from auditor.text.sentences import sentence_tokens


def counts_of(text: str) -> osman.OsmanCounts:
    return osman.count([tokens for _, _, _, tokens in sentence_tokens(text, "ar")])


# Fully vocalised. Per word (syllables / letters):
#   ذَهَبَ 1+1+1=3 / 3            الْوَلَدُ (ل sukun) 1+1+1=3 / 5
#   إِلَى 1 + long لَى 2 = 3 / 3    الْمَدْرَسَةِ 1+0+1+1+1=4 / 7 hard
#   كَتَبَ 3 / 3                   الطَّالِبُ long طَا 2 + shadda 2 + 1 + 1 = 6 / 6 hard complex
#   الدَّرْسَ 1 + shadda 2 + 0 + 1 = 4 / 5
#   يَعْمَلُ 1+0+1+1=3 / 4          الْمُهَنْدِسُونَ 1+1+0+1 + long سُو 2 + 1 = 6 / 9 hard complex faseeh (-ون)
#   هُنَا 1 + long نَا 2 = 3 / 3
VOCALISED = "ذَهَبَ الْوَلَدُ إِلَى الْمَدْرَسَةِ. كَتَبَ الطَّالِبُ الدَّرْسَ. يَعْمَلُ الْمُهَنْدِسُونَ هُنَا."
# 200.791 - 1.015 * 10/3 - 24.181 * (3 + 38 + 2 + 1) / 10 = 91.011
VOCALISED_SCORE = 91.0

# The same sentences without marks. Per word (syllables / letters):
#   ذهب 3/3  الولد 4/5  إلى 3/3  المدرسة 6/7 hard complex
#   كتب 3/3  الطالب 5/6 hard complex  الدرس 4/5
#   يعمل 4/4  المهندسون 8/9 hard complex faseeh (-ون)  هنا 3/3
UNMARKED = "ذهب الولد إلى المدرسة. كتب الطالب الدرس. يعمل المهندسون هنا."
# 200.791 - 1.015 * 10/3 - 24.181 * (3 + 43 + 3 + 1) / 10 = 76.503
UNMARKED_SCORE = 76.5

# Digits, Latin words and the Arabic question mark. Arabic words (syllables / letters):
#   هل 2/2  تستخدم 6/6 hard complex  منذ 3/3 (ذ, but not complex: not faseeh)
#   نعم 3/3  نستخدمه 7/7 hard complex  كل 2/2  يوم 3/3
#   بمسؤولية 8/8 hard complex faseeh (ؤ)
# Excluded: Google, Analytics, 2020.
MIXED = "هل تستخدم Google Analytics منذ 2020؟ نعم، نستخدمه كل يوم بمسؤولية."
# 200.791 - 1.015 * 8/2 - 24.181 * (3 + 34 + 3 + 1) / 8 = 72.803
MIXED_SCORE = 72.8


# OsmanCounts(words, sentences, ...)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (VOCALISED, osman.OsmanCounts(10, 3, syllables=38, hard=3, complex=2, faseeh=1, excluded_tokens=0)),
        (UNMARKED, osman.OsmanCounts(10, 3, syllables=43, hard=3, complex=3, faseeh=1, excluded_tokens=0)),
        (MIXED, osman.OsmanCounts(8, 2, syllables=34, hard=3, complex=3, faseeh=1, excluded_tokens=3)),
    ],
)
def test_hand_counted_counts(text, expected):
    assert counts_of(text) == expected


@pytest.mark.parametrize(
    ("text", "copies", "score", "band"),
    [
        (VOCALISED, 3, VOCALISED_SCORE, "very easy"),
        (UNMARKED, 3, UNMARKED_SCORE, "fairly easy"),
        (MIXED, 4, MIXED_SCORE, "fairly easy"),
    ],
)
def test_hand_counted_scores(text, copies, score, band):
    result = score_text([text] * copies, "ar")
    assert result is not None
    assert result.formula == "osman"
    assert result.language == "ar"
    assert result.indicative is False
    assert result.grade is None
    assert result.score == score
    assert result.band == band


def test_score_text_reports_the_counts():
    result = score_text([MIXED] * 4, "ar-SA")
    assert result.words == 32
    assert result.sentences == 8
    assert result.paragraphs == 4
    assert result.counts == {"syllables": 136, "hard": 12, "complex": 12, "faseeh": 4, "excluded_tokens": 12}
    assert result.mean_sentence_words == 4.0
    # Every token counts for the longest sentence, Latin words and digits too.
    assert result.longest_sentence_words == 6
    assert result.to_dict()["counts"]["faseeh"] == 4


def test_vocalised_and_unmarked_versions_agree_roughly():
    marked = score_text([VOCALISED] * 3, "ar")
    bare = score_text([UNMARKED] * 3, "ar")
    assert 0 < bare.score <= 100 and 0 < marked.score <= 100
    assert abs(marked.score - bare.score) < 20
    # The letter estimate stays within 15% of the syllables read from marks.
    assert abs(counts_of(UNMARKED).syllables - counts_of(VOCALISED).syllables) <= 0.15 * counts_of(VOCALISED).syllables


def test_marks_are_read_not_stripped():
    assert osman.analyse_word("الطَّالِبُ").syllables == 6
    assert osman.analyse_word("الطَّالِبُ").vocalised is True
    assert osman.analyse_word("الطالب").syllables == 5


@pytest.mark.parametrize("token", ["و", "وَ", "وو", "ف", "ال", "ا"])
def test_short_words_never_go_below_one_syllable(token):
    assert osman.analyse_word(token).syllables >= 1


def test_prefix_waw_keeps_its_syllable_before_the_article():
    # و + (silent) ا + ل ك ت ا ب: 7 letters, 6 weights.
    assert osman.analyse_word("والكتاب").syllables == 6


def test_lone_tanween_does_not_make_a_word_vocalised():
    # شكراً carries only a tanween: its letters decide (4), not the single mark.
    word = osman.analyse_word("شكراً")
    assert word.vocalised is False
    assert word.syllables == 4


def test_non_arabic_tokens_are_not_words():
    assert osman.analyse_word("Google") is None
    assert osman.analyse_word("2024") is None
    assert osman.analyse_word("٢٠٢٤") is None


def test_score_is_clamped_to_the_reading_scale():
    very_long = osman.OsmanCounts(400, 1, syllables=3000, hard=400, complex=400, faseeh=400, excluded_tokens=0)
    assert osman.raw_score(very_long) < 0
    assert osman.score(very_long) == 0.0


def test_too_little_arabic_is_not_scored():
    assert score_text("مرحبا بكم في موقعنا.", "ar") is None
    # Plenty of words, but not Arabic ones.
    assert score_text(["Hello there, this is English text. " * 20] * 2, "ar") is None
