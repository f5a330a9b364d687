"""OSMAN on vowelled Arabic and on the same text with its marks removed.

The fixtures (tests/fixtures/osman_pairs/) are short paragraphs written for
these tests and fully vowelled: a story, news, a help page, a product page,
travel, health, a biography, a fable, advice and a hadith. The marks do not
change how hard a text is, so the letter estimate for unmarked words must
weigh them as the marks do: on the whole and for short and long words alike
(complex words, more than 4 syllables, weigh one more in the formula).
"""

from pathlib import Path

import pytest

from auditor.text import osman, score_text
from auditor.text.scripts import strip_marks, words

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "osman_pairs"


def vowelled_paragraphs() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(PAIRS.glob("*.txt"))]
    assert len(texts) >= 10
    return texts


def stripped(text: str) -> str:
    return "\n".join(" ".join(strip_marks(token) for token in line.split()) for line in text.splitlines())


def weight(stats: tuple[int, int, int, int]) -> float:
    """A word's weight in the formula besides 'hard': syllables + complex + faseeh (word_stats counts in 1/UNIT)."""
    syllables, _hard, complex_, faseeh = stats
    return (syllables + complex_ + faseeh) / osman.UNIT


def test_fixtures_are_vowelled():
    for text in vowelled_paragraphs():
        arabic = [osman.analyse_word(w) for w in words(text) if osman.analyse_word(w)]
        assert sum(w.vocalised for w in arabic) >= 0.95 * len(arabic)
        assert not any(osman.analyse_word(w).vocalised for w in words(stripped(text)) if osman.analyse_word(w))


def test_a_page_scores_the_same_with_and_without_marks():
    page = vowelled_paragraphs()
    marked, bare = score_text(page, "ar"), score_text([stripped(p) for p in page], "ar")
    assert marked.words == bare.words > 600
    assert abs(marked.score - bare.score) <= 5


def test_each_paragraph_scores_within_5_points_with_and_without_marks():
    # 50 to 85 words each: one word three syllables off moves a score by about 1.5 points
    gaps = {}
    for path in sorted(PAIRS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gaps[path.stem] = round(score_text(stripped(text), "ar").score - score_text(text, "ar").score, 1)
    assert {name: gap for name, gap in gaps.items() if abs(gap) > 5} == {}


@pytest.mark.parametrize(("shortest", "longest"), [(1, 3), (4, 5), (6, 99)])
def test_short_and_long_words_weigh_as_their_marks_say(shortest, longest):
    # One weight per letter overweighed long words (+0.35 a word here: each
    # 0.1 is 2.4 points) and underweighed short ones; neither may drift.
    gaps = []
    for text in vowelled_paragraphs():
        for token in words(text):
            marked = osman.word_stats(token)
            if marked is None:
                continue
            bare = strip_marks(token)
            if shortest <= len(bare) <= longest:
                gaps.append(weight(osman.word_stats(bare)) - weight(marked))
    assert len(gaps) > 100
    assert abs(sum(gaps) / len(gaps)) <= 0.15
