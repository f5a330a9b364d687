"""LIX for languages without a validated formula, and the band tables."""

import pytest

from auditor.text import lix, score_text
from auditor.text.bands import BANDS, flesch_band, lix_band
from auditor.text.sentences import sentence_tokens

# Letters per word, * = long (more than 6 letters; hyphens and apostrophes are not letters):
# Nous 4, aidons 6, les 3, petites 7*, entreprises 11*, à 1, créer 5, des 3, sites 5, rapides 7*
# Appelez-nous 11*, aujourd'hui 10*, pour 4, parler 6, de 2, votre 5, projet 6
FRENCH = (
    "Nous aidons les petites entreprises à créer des sites rapides. "
    "Appelez-nous aujourd'hui pour parler de votre projet."
)


def test_hand_counted_lix():
    counts = lix.count([tokens for _, _, _, tokens in sentence_tokens(FRENCH, "fr")])
    assert counts == lix.LixCounts(words=17, sentences=2, long_words=5, excluded_tokens=0)
    # 17/2 + 100 * 5/17 = 37.91
    result = score_text([FRENCH, FRENCH], "fr-FR")
    assert result.formula == "lix"
    assert result.indicative is True
    assert result.score == 37.9
    assert result.band == "standard"


def test_hebrew_and_persian_use_lix():
    hebrew = "אנחנו עוזרים לעסקים קטנים לבנות אתרים מהירים ונגישים. " * 5
    persian = "ما به کسب‌وکارهای کوچک کمک می‌کنیم تا وب‌سایت سریع داشته باشند. " * 4
    for text, lang in ((hebrew, "he"), (persian, "fa")):
        result = score_text(text, lang)
        assert result.formula == "lix"
        assert result.language == lang
        assert result.indicative is True


def test_language_is_detected_when_not_given():
    text = "Nous aidons les petites entreprises à créer des sites rapides et accessibles. " * 4
    result = score_text(text, None)
    assert result.language == "fr"
    assert result.formula == "lix"


def test_languages_without_spaces_are_not_scored():
    chinese = "我们帮助小企业建立快速的网站。我们的团队每天都在工作。" * 10
    assert score_text(chinese, "zh-CN") is None
    assert score_text(chinese, None) is None


def test_numbers_are_not_words():
    counts = lix.count([["2024", "3,5", "Paris", "Montpellier"]])
    assert counts == lix.LixCounts(words=2, sentences=1, long_words=1, excluded_tokens=2)


@pytest.mark.parametrize(
    ("score", "band"),
    [(100, "very easy"), (90, "very easy"), (85, "easy"), (75, "fairly easy"), (65, "standard"),
     (55, "fairly difficult"), (40, "difficult"), (29.9, "very difficult"), (0, "very difficult")],
)
def test_flesch_bands(score, band):
    assert flesch_band(score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [(20, "very easy"), (27, "easy"), (35, "standard"), (45, "fairly difficult"),
     (55, "difficult"), (60, "very difficult"), (80, "very difficult")],
)
def test_lix_bands(score, band):
    assert lix_band(score) == band
    assert band in BANDS
