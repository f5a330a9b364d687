"""Readability of a page's text, with the formula made for its language.

* Arabic ('ar'): OSMAN (``osman.py``).
* English ('en'): Flesch reading ease, with the Flesch-Kincaid grade (``flesch.py``).
* Any other language: LIX (``lix.py``), marked ``indicative=True`` because no
  validated formula exists for it here. An English formula is never applied
  to another language.

Bands are in ``bands.py``. Every result names its language and formula.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from auditor.text import flesch, lix, osman
from auditor.text.bands import flesch_band, lix_band
from auditor.text.language import detect_language
from auditor.text.sentences import Sentence, sentence_tokens, split_paragraphs, split_sentences

MIN_WORDS = 30
MIN_SENTENCES = 2
# Written without spaces between words: word counts, and so LIX, mean nothing.
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})

__all__ = ["Readability", "Sentence", "score_text", "split_sentences", "MIN_WORDS", "MIN_SENTENCES"]


@dataclass(frozen=True)
class Readability:
    """A readability score and the text statistics behind it.

    ``words`` and ``sentences`` are what the formula counted (for OSMAN,
    Arabic words and the sentences holding them; digits and words in other
    scripts are in ``counts['excluded_tokens']``). ``mean_sentence_words`` and
    ``mean_paragraph_words`` use those counts; ``longest_sentence_words``
    counts every token of the longest sentence, so it matches the sentence a
    report quotes. ``score`` and ``grade`` are rounded to one decimal.
    """

    language: str
    formula: str  # 'osman' | 'flesch' | 'lix'
    score: float
    band: str
    indicative: bool
    grade: float | None
    words: int
    sentences: int
    paragraphs: int
    mean_sentence_words: float
    longest_sentence_words: int
    mean_paragraph_words: float
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _primary(lang: str | None) -> str | None:
    if not isinstance(lang, str):
        return None
    primary = lang.strip().lower().replace("_", "-").split("-")[0]
    return primary or None


def score_text(paragraphs: list[str] | str, lang: str | None) -> Readability | None:
    """Score the text's readability in its own language; never raises.

    ``paragraphs`` is a list of blocks of main text, or one string cut into
    paragraphs at blank lines. ``lang`` is a language tag ('ar', 'en-GB', ...);
    when None the language is detected from the text.

    Returns None when there is too little text to score: fewer than
    MIN_SENTENCES (2) sentences or fewer than MIN_WORDS (30) words counted by
    the formula (for OSMAN, Arabic words only), when the language cannot be
    told, or when it is written without spaces between words (Chinese,
    Japanese, Thai, ...: UNSPACED_LANGUAGES).
    """
    try:
        return _score(paragraphs, lang)
    except Exception:  # a readability score is never worth failing a page's audit
        return None


def _score(paragraphs: list[str] | str, lang: str | None) -> Readability | None:
    primary = _primary(lang)
    if primary is None:
        blocks = split_paragraphs(paragraphs)
        primary = detect_language(" ".join(blocks)[:4000]).lang if blocks else None
        if primary is None:
            return None
    if primary in UNSPACED_LANGUAGES:
        return None
    rows = list(sentence_tokens(paragraphs, primary))
    token_lists = [tokens for _, _, _, tokens in rows]

    if primary == "ar":
        oc = osman.count(token_lists)
        words, sentences = oc.words, oc.sentences
        if not _enough(words, sentences):
            return None
        formula, value, grade, indicative = "osman", osman.score(oc), None, False
        band = flesch_band(value)
        counts = {"syllables": oc.syllables, "hard": oc.hard, "complex": oc.complex,
                  "faseeh": oc.faseeh, "excluded_tokens": oc.excluded_tokens}
    elif primary == "en":
        fc = flesch.count(token_lists)
        words, sentences = fc.words, fc.sentences
        if not _enough(words, sentences):
            return None
        formula, value, grade, indicative = "flesch", flesch.reading_ease(fc), round(flesch.grade(fc), 1), False
        band = flesch_band(value)
        counts = {"syllables": fc.syllables, "excluded_tokens": fc.excluded_tokens}
    else:
        lc = lix.count(token_lists)
        words, sentences = lc.words, lc.sentences
        if not _enough(words, sentences):
            return None
        formula, value, grade, indicative = "lix", lix.score(lc), None, True
        band = lix_band(value)
        counts = {"long_words": lc.long_words, "excluded_tokens": lc.excluded_tokens}

    paragraph_count = len({p_index for p_index, _, _, _ in rows})
    return Readability(
        language=primary,
        formula=formula,
        score=round(value, 1),
        band=band,
        indicative=indicative,
        grade=grade,
        words=words,
        sentences=sentences,
        paragraphs=paragraph_count,
        mean_sentence_words=round(words / sentences, 1),
        longest_sentence_words=max(len(tokens) for tokens in token_lists),
        mean_paragraph_words=round(words / paragraph_count, 1),
        counts=counts,
    )


def _enough(words: int, sentences: int) -> bool:
    return words >= MIN_WORDS and sentences >= MIN_SENTENCES
