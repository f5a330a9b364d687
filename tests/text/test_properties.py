"""Any text, however odd, is handled without raising."""

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.text import Readability, detect_language, score_text, split_sentences

# Mix arbitrary code points with the characters that matter here (Arabic
# letters and marks, terminators, digits, spaces) so odd mixtures come up often.
_FOCUSED = st.sampled_from(list(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءئؤأإآ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "پچژگکیٹڈڑںےھہ" "שלוםabcXYZ"
    ".!?؟…،؛ \n\t0123456789٠١٢٣\u200c\u200f\ufeff\ufdfa"
))
TEXT = st.text(alphabet=st.one_of(st.characters(), _FOCUSED), max_size=400)
LANG = st.one_of(
    st.none(),
    st.sampled_from(["ar", "en", "fr", "he", "fa", "ur", "", "xx-YY", "EN_us"]),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_detect_language_never_raises(text):
    result = detect_language(text)
    assert 0.0 <= result.confidence <= 1.0
    assert 0.0 <= result.rtl_share <= 1.0
    assert result.method in {"script", "model", "none"}
    assert (result.lang is None) == (result.method == "none")


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, st.lists(TEXT, max_size=5)), LANG)
def test_score_text_never_raises(paragraphs, lang):
    result = score_text(paragraphs, lang)
    assert result is None or isinstance(result, Readability)
    if result is not None:
        assert result.words >= 30 and result.sentences >= 2
        if result.formula in {"osman", "flesch"}:
            assert 0.0 <= result.score <= 100.0


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXT, st.lists(TEXT, max_size=5)), LANG)
def test_split_sentences_never_raises(paragraphs, lang):
    for sentence in split_sentences(paragraphs, lang):
        assert sentence.words >= 1
        assert sentence.text.strip() == sentence.text
