"""OSMAN on small Arabic texts counted by hand.

Each text is scored twice: its counts are checked directly, and score_text
is run on the text repeated (every count scales, the ratios and so the score
do not) so that it passes the 30-word minimum.

Syllable weights: short 1, long 2, stress (tanween, shadda) 2 on top of the
letter's vowel. Unmarked words have estimated syllables (unmarked_syllables.py,
numbers learned from vowelled text): their other counts are checked by hand,
their syllables against the vowelled version and the per-word estimate.
"""

import pytest

from auditor.text import osman, score_text
from auditor.text.sentences import sentence_tokens
from auditor.text.unmarked_syllables import expected_counts, expected_weight


def counts_of(text: str | list[str]) -> osman.OsmanCounts:
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

# The same sentences without marks. Hard words (more than 5 letters):
#   المدرسة 7, الطالب 6, المهندسون 9.
UNMARKED = "ذهب الولد إلى المدرسة. كتب الطالب الدرس. يعمل المهندسون هنا."

# Digits, Latin words and the Arabic question mark. 8 Arabic words, hard:
#   تستخدم 6, نستخدمه 7, بمسؤولية 8 (faseeh when complex: ؤ).
# Excluded: Google, Analytics, 2020.
MIXED = "هل تستخدم Google Analytics منذ 2020؟ نعم، نستخدمه كل يوم بمسؤولية."


def test_hand_counted_counts():
    expected = osman.OsmanCounts(10, 3, syllables=38, hard=3, complex=2, faseeh=1, excluded_tokens=0)
    assert counts_of(VOCALISED) == expected


@pytest.mark.parametrize(
    ("text", "words", "sentences", "hard", "excluded"),
    [(UNMARKED, 10, 3, 3, 0), (MIXED, 8, 2, 3, 3)],
)
def test_unmarked_counts_add_up_the_words(text, words, sentences, hard, excluded):
    arabic = [w for w in (osman.analyse_word(t.strip(".،؟")) for t in text.split()) if w is not None]
    assert len(arabic) == words and not any(w.vocalised for w in arabic)
    counts = counts_of(text)
    assert (counts.words, counts.sentences, counts.hard, counts.excluded_tokens) == (words, sentences, hard, excluded)
    # Unmarked words have expected counts; the text's are their sums, rounded once.
    assert abs(counts.syllables + counts.complex + counts.faseeh - sum(w.weight for w in arabic)) <= 0.5
    assert counts.complex == round(sum(w.complex for w in arabic))


@pytest.mark.parametrize(("text", "copies"), [(VOCALISED, 3), (UNMARKED, 3), (MIXED, 4)])
def test_scores_apply_the_formula_to_the_counts(text, copies):
    result = score_text([text] * copies, "ar")
    assert result is not None
    assert result.formula == "osman"
    assert result.language == "ar"
    assert result.indicative is False
    assert result.grade is None
    assert result.score == round(osman.score(counts_of([text] * copies)), 1)


def test_hand_counted_score():
    result = score_text([VOCALISED] * 3, "ar")
    assert result.score == VOCALISED_SCORE
    assert result.band == "very easy"


def test_score_text_reports_the_counts():
    result = score_text([MIXED] * 4, "ar-SA")
    assert result.words == 32
    assert result.sentences == 8
    assert result.paragraphs == 4
    # Unmarked words' expected counts are summed over the four copies, then rounded.
    four = counts_of([MIXED] * 4)
    assert result.counts == {"syllables": four.syllables, "hard": 12, "complex": four.complex,
                             "faseeh": four.faseeh, "excluded_tokens": 12}
    assert result.mean_sentence_words == 4.0
    # Every token counts for the longest sentence, Latin words and digits too.
    assert result.longest_sentence_words == 6
    assert result.to_dict()["counts"]["faseeh"] == four.faseeh


def test_vocalised_and_unmarked_versions_agree():
    marked = score_text([VOCALISED] * 3, "ar")
    bare = score_text([UNMARKED] * 3, "ar")
    assert 0 < bare.score <= 100 and 0 < marked.score <= 100
    # Ten words are too few for the scores to agree within 5 points (each
    # 0.1 of a syllable a word is 2.4 points); paragraphs are checked in
    # test_osman_pairs.py. The letter estimate stays within 15% of the syllables read from marks.
    assert abs(counts_of(UNMARKED).syllables - counts_of(VOCALISED).syllables) <= 0.15 * counts_of(VOCALISED).syllables


def test_marks_are_read_not_stripped():
    assert osman.analyse_word("الطَّالِبُ").syllables == 6
    assert osman.analyse_word("الطَّالِبُ").vocalised is True
    assert osman.analyse_word("الطالب").vocalised is False
    assert osman.analyse_word("الطالب").syllables == expected_counts("الطالب")[0]


@pytest.mark.parametrize(
    ("unwritten", "written"),
    [("أرْبَعَةُ", "أَرْبَعَةُ"), ("إلَى", "إِلَى"), ("وسَلِّمْ", "وَسَلِّمْ")],
)
def test_a_first_vowel_left_unwritten_is_counted(unwritten, written):
    assert osman.analyse_word(unwritten).vocalised is True
    assert osman.analyse_word(unwritten).syllables == osman.analyse_word(written).syllables


def test_the_article_alef_stays_silent_in_vowelled_words():
    # الْكِتَابُ: the alef carries no vowel and counts nothing; كِ 1, تَا 2, بُ 1.
    assert osman.analyse_word("الْكِتَابُ").syllables == 4


@pytest.mark.parametrize("token", ["و", "وَ", "وو", "ف", "ال", "ا"])
def test_short_words_never_go_below_one_syllable(token):
    assert osman.analyse_word(token).syllables >= 1


def test_prefix_waw_keeps_its_syllable_before_the_article():
    # و always carries a vowel: the estimate grows by at least one syllable's weight.
    assert expected_weight("والكتاب") >= expected_weight("الكتاب") + 1


def test_lone_tanween_does_not_make_a_word_vocalised():
    # شكراً carries only a tanween: its letters decide, not the single mark.
    word = osman.analyse_word("شكراً")
    assert word.vocalised is False
    assert word.syllables == expected_counts("شكرا")[0]


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


# Unmarked words of every length and shape, each once: their counts are fractions.
VARIED = ("قال المدير إن الشركة ستفتتح فروعا جديدة في المدن الكبرى خلال العام المقبل. "
          "وأوضح أن المشروعات الاستثمارية تحتاج إلى دراسات دقيقة ومستفيضة. "
          "ويتوقع المحللون ارتفاع الطلب على المنتجات المحلية والخدمات الإلكترونية. "
          "كما أشار التقرير إلى تحسن ملحوظ في مؤشرات الاقتصاد الوطني واستقرار الأسعار. "
          "وسيبدأ العمل بالنظام الجديد مطلع الشهر القادم بعد موافقة المجلس.")


def test_a_texts_weight_is_the_sum_of_its_words_expected_weights():
    arabic = [osman.analyse_word(token) for token in VARIED.split()]
    assert len(arabic) >= 50 and not any(w.vocalised for w in arabic)
    assert len({round(w.weight % 1, 2) for w in arabic}) > 10  # not whole numbers
    # Four copies: a word's rounding, were it made word by word, would add up four times.
    counts = counts_of([VARIED] * 4)
    assert abs(counts.syllables + counts.complex + counts.faseeh - 4 * sum(w.weight for w in arabic)) <= 0.5
    # score_text packs the same counts: the same weight (without the bare إن and أن, which it
    # reads from the word after them: homographs.py)
    plain = VARIED.replace(" إن ", " ").replace(" أن ", " ")
    counts, result = counts_of([plain] * 4), score_text([plain] * 4, "ar")
    assert (result.counts["syllables"], result.counts["complex"]) == (counts.syllables, counts.complex)
    assert score_text([VARIED] * 4, "ar").counts["syllables"] > counts_of([VARIED] * 4).syllables  # إنَّ, أنَّ


def test_a_repeated_word_is_complex_in_its_expected_share():
    # مدرسة weighs between 4 syllables (مَدْرَسَةِ, 4) and 5 (مَدْرَسَةٌ, 6): it is
    # complex as often as its expected weight says, not always or never.
    word = osman.analyse_word("مدرسة")
    assert 0.1 < word.complex < 0.9
    counts = counts_of(" ".join(["مدرسة"] * 100) + ".")
    assert counts.complex == round(100 * word.complex)
    assert abs(counts.syllables + counts.complex - 100 * word.weight) <= 0.5


@pytest.mark.parametrize(
    ("unwritten", "written"),
    [("إلّا", "إِلَّا"), ("مُحَمّدًا", "مُحَمَّدًا"), ("صَلّى", "صَلَّى"), ("ثُمّ", "ثُمَّ"), ("النّبِيّ", "النَّبِيَّ")],
)
def test_a_vowel_left_unwritten_under_shadda_is_counted(unwritten, written):
    # Some vowelled books write shadda alone for shadda and fatha: the doubled letter still carries a vowel.
    assert osman.analyse_word(unwritten).syllables == osman.analyse_word(written).syllables


@pytest.mark.parametrize(
    ("unwritten", "written"),
    [("الْكاتِبُ", "الْكَاتِبُ"), ("إِبْراهِيمُ", "إِبْرَاهِيمُ"), ("حُجْرَتانِ", "حُجْرَتَانِ")],
)
def test_a_fatha_left_unwritten_before_a_long_alef_is_counted(unwritten, written):
    assert osman.analyse_word(unwritten).syllables == osman.analyse_word(written).syllables


def test_a_long_vowel_letter_before_a_silent_alef_stays_a_vowel():
    # كَتَبُوا: the و lengthens the damma and the final alef is silent; neither is a consonant.
    assert osman.analyse_word("كَتَبُوا").syllables == 4


@pytest.mark.parametrize(
    ("typed", "written"),
    [("إِلاَّ", "إِلَّا"), ("كُناَّ", "كُنَّا"), ("هَذاَ", "هَذَا")],
)
def test_marks_typed_after_a_long_alef_belong_to_the_letter_before_it(typed, written):
    # Lam-alef is typed as one key (لا): its marks come after the alef, which carries none itself.
    assert osman.analyse_word(typed).syllables == osman.analyse_word(written).syllables
