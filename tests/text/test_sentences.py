"""Sentence and paragraph splitting."""

import pytest

from auditor.text import Sentence, is_prose, split_paragraphs, split_sentences


def texts(paragraphs, lang=None):
    return [s.text for s in split_sentences(paragraphs, lang)]


def test_arabic_sentence_ends_and_non_ends():
    text = "مرحبا بكم، كيف حالكم؟ نحن بخير؛ شكرا لكم. هذا رائع! انتهى… والآن نبدأ"
    assert texts(text, "ar") == [
        "مرحبا بكم، كيف حالكم؟",
        "نحن بخير؛ شكرا لكم.",
        "هذا رائع!",
        "انتهى…",
        "والآن نبدأ",
    ]


def test_arabic_question_mark_ends_a_sentence_without_a_following_space():
    assert texts("هل أنت بخير؟نعم أنا بخير.", "ar") == ["هل أنت بخير؟", "نعم أنا بخير."]


def test_arabic_initial_does_not_end_a_sentence():
    assert texts("قال د. أحمد إن الموقع سريع. ثم غادر.", "ar") == ["قال د. أحمد إن الموقع سريع.", "ثم غادر."]


def test_a_single_capital_before_a_capitalised_word_ends_the_sentence():
    text = "Most of our models are written in R. The rest use Python. We thank J. R. Smith and Anna K. Lee for it."
    assert texts(text, "en") == ["Most of our models are written in R.", "The rest use Python.",
                                 "We thank J. R. Smith and Anna K. Lee for it."]
    assert texts("J. Smith wrote it in C. Then he left.", "en") == ["J. Smith wrote it in C.", "Then he left."]


def test_a_single_capital_before_an_arabic_letter_ends_the_sentence():
    text = "نكتب التحليلات بلغة R. وهي لغة مفتوحة المصدر. قال د. أحمد إنها سهلة."
    assert texts(text, "ar") == ["نكتب التحليلات بلغة R.", "وهي لغة مفتوحة المصدر.", "قال د. أحمد إنها سهلة."]


def test_decimals_and_english_abbreviations():
    text = (
        "Dr. Smith moved to the U.S. in 2019 and paid 3.5 million. "
        "He likes fruit, e.g. apples and pears. Mr. Jones works at Acme Inc. The rest is history."
    )
    assert texts(text, "en") == [
        "Dr. Smith moved to the U.S. in 2019 and paid 3.5 million.",
        "He likes fruit, e.g. apples and pears.",
        "Mr. Jones works at Acme Inc.",
        "The rest is history.",
    ]


def test_quotes_and_ellipsis_close_sentences():
    assert texts('He said "Hello!" Then he left... Did he? Yes.') == [
        'He said "Hello!"',
        "Then he left...",
        "Did he?",
        "Yes.",
    ]


def test_positions_and_word_counts():
    sentences = split_sentences(["First one here. Second one.", "", "Third, in another block!"], "en")
    assert sentences == [
        Sentence(text="First one here.", words=3, paragraph=0, index=0),
        Sentence(text="Second one.", words=2, paragraph=0, index=1),
        Sentence(text="Third, in another block!", words=4, paragraph=2, index=0),
    ]


def test_string_is_cut_into_paragraphs_at_blank_lines():
    text = "One block\nstill the first. End.\n\n  \n\nSecond block."
    assert split_paragraphs(text) == ["One block\nstill the first. End.", "Second block."]
    sentences = split_sentences(text)
    assert [(s.paragraph, s.index, s.text) for s in sentences] == [
        (0, 0, "One block still the first."),
        (0, 1, "End."),
        (1, 0, "Second block."),
    ]


def test_vocalised_words_stay_whole():
    [sentence] = split_sentences("كَتَبَ الطَّالِبُ الدَّرْسَ.", "ar")
    assert sentence.words == 3


def test_pieces_without_words_are_not_sentences():
    assert split_sentences("!!! ... ؟؟", "ar") == []


@pytest.mark.parametrize("bad", ["", "   \n\n  ", None, 42, [None, 3, ""], b"bytes"])
def test_bad_input_gives_no_sentences(bad):
    assert split_sentences(bad) == []


def test_huge_text_is_capped():
    sentences = split_sentences("word " * 100_000 + ".")
    assert sum(s.words for s in sentences) <= 40_000


@pytest.mark.parametrize("block", [
    "This page has moved.", "هل تحتاج إلى مساعدة؟", "«قال: نعم.»", "Really?!",
    "Twelve words without a full stop still make a paragraph of running text here",
    "نقدم لعملائنا استشارات قانونية في تأسيس الشركات وحوكمتها وصياغة العقود التجارية في المملكة العربية السعودية",
])
def test_sentences_and_long_blocks_are_prose(block):
    assert is_prose(block)


@pytest.mark.parametrize("block", [
    "", "  ", "Areas of Expertise", "View Certificate", "Macquarie University — Australia",
    "Global Health and Humanitarianism", "مجالات الخبرة", "عرض الشهادة", "Price: 120 SAR",
])
def test_headings_labels_and_names_are_not_prose(block):
    assert not is_prose(block)
