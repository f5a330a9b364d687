"""Readability of a page's text, with the formula made for its language.

* Arabic ('ar'): OSMAN (``osman.py``).
* English ('en'): Flesch reading ease, with the Flesch-Kincaid grade (``flesch.py``).
* Any other language: LIX (``lix.py``), marked ``indicative=True`` because no
  validated formula exists for it here. An English formula is never applied
  to another language.

Bands are in ``bands.py``. Every result names its language and formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from auditor.text import flesch, homographs, lix, osman
from auditor.text import sentences as _sentences
from auditor.text.bands import flesch_band, lix_band
from auditor.text.language import detect_language
from auditor.text.sentences import (
    COUNTED,
    EXCLUDED,
    FIELD,
    FIELD_MASK,
    NOT_A_WORD,
    Sentence,
    TokenCache,
    abbreviations,
    scan,
    split_paragraphs,
    split_sentences,
    word_of,
)

MIN_WORDS = 30
MIN_SENTENCES = 2
# Written without spaces between words: word counts, and so LIX, mean nothing.
UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})

__all__ = ["MIN_SENTENCES", "MIN_WORDS", "Readability", "Sentence", "analyse", "score_text", "split_sentences"]


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
        # Shallow on purpose (dataclasses.asdict deep-copies): it runs once per page.
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["counts"] = dict(self.counts)
        return out


def _primary(lang: str | None) -> str | None:
    if not isinstance(lang, str):
        return None
    primary = lang.strip().lower().replace("_", "-").split("-")[0]
    return primary or None


# Per-token counts for each formula, packed as sentences.scan expects them.


def _osman_token(token: str) -> int:
    word = word_of(token)
    if not word:
        return 1 << NOT_A_WORD
    stats = osman.word_stats(word)
    if stats is None:
        return 1 << EXCLUDED
    syllables, hard, complex_, faseeh = stats
    return syllables | hard << FIELD | complex_ << 2 * FIELD | faseeh << 3 * FIELD | 1 << COUNTED


def _flesch_token(token: str) -> int:
    word = word_of(token)
    if not word:
        return 1 << NOT_A_WORD
    syllables = flesch.syllables(word)
    return syllables | 1 << COUNTED if syllables else 1 << EXCLUDED


def _lix_token(token: str) -> int:
    word = word_of(token)
    if not word:
        return 1 << NOT_A_WORD
    letters = lix.letters(word)
    if not letters:
        return 1 << EXCLUDED
    return (letters > lix.LONG_WORD_LETTERS) | 1 << COUNTED


_TOKENS = {"osman": TokenCache(_osman_token), "flesch": TokenCache(_flesch_token), "lix": TokenCache(_lix_token)}


def _field(packed: int, index: int) -> int:
    return packed >> index * FIELD & FIELD_MASK


def clear_caches() -> None:
    """Empty every per-token cache of sentence splitting and scoring (benchmarks, tests)."""
    for cache in _TOKENS.values():
        cache.clear()
    _sentences.clear_caches()
    osman.word_stats.cache_clear()
    flesch.syllables.cache_clear()
    lix.letters.cache_clear()


def analyse(paragraphs: list[str] | str, lang: str | None,
            min_words: int = 0) -> tuple[Readability | None, list[Sentence]]:
    """Readability and sentences of the text, splitting it into sentences once.

    Returns ``(score_text(paragraphs, lang), split_sentences(paragraphs, lang))``,
    the same values the two calls give, at about the cost of one; only the sentences
    of at least ``min_words`` words (most are shorter: none is made). Never raises.
    """
    try:
        return _analyse(paragraphs, lang, True, min_words)
    except Exception:  # a readability score is never worth failing a page's audit
        return None, _longer(split_sentences(paragraphs, lang), min_words)


def _longer(sentences: list[Sentence], min_words: int) -> list[Sentence]:
    return [s for s in sentences if s.words >= min_words] if min_words else sentences


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
        return _analyse(paragraphs, lang, False)[0]
    except Exception:  # a readability score is never worth failing a page's audit
        return None


def _formula(lang: str) -> str:
    return "osman" if lang == "ar" else "flesch" if lang == "en" else "lix"


def _analyse(paragraphs: list[str] | str, lang: str | None, want_sentences: bool,
             min_words: int = 0) -> tuple[Readability | None, list[Sentence]]:
    primary = _primary(lang)
    if primary is None:
        blocks = split_paragraphs(paragraphs)
        primary = detect_language(" ".join(blocks)[:4000]).lang if blocks else None
    if primary is None or primary in UNSPACED_LANGUAGES:
        return None, _longer(split_sentences(paragraphs, lang), min_words) if want_sentences else []
    # Sentences are split with the abbreviations of the language as given, the
    # score with those of the language scored; they are nearly always the same.
    split_with, score_with = abbreviations(lang), abbreviations(primary)
    sentences: list[Sentence] | None = [] if want_sentences and split_with == score_with else None
    formula = _formula(primary)
    total, scored, longest, paragraph_count = scan(paragraphs, score_with, _TOKENS[formula], sentences, min_words)
    if sentences is None:
        sentences = _longer(split_sentences(paragraphs, lang), min_words) if want_sentences else []
    read_in_context = homographs.corrections(paragraphs) if formula == "osman" else (0, 0, 0, 0)
    return _readability(primary, formula, total, scored, longest, paragraph_count, read_in_context), sentences


def _readability(language: str, formula: str, total: int, sentences: int, longest: int, paragraphs: int,
                 read_in_context: tuple[int, int, int, int] = (0, 0, 0, 0)) -> Readability | None:
    words = _field(total, 4)
    excluded = _field(total, 5)
    if not _enough(words, sentences):
        return None
    grade: float | None = None
    if formula == "osman":
        # each bare أن/إن as the word after it reads it (homographs.py)
        stats = tuple(max(0, _field(total, i) + read_in_context[i]) for i in range(4))
        oc = osman.whole_counts(words, sentences, stats, excluded)
        value = osman.score(oc)
        band = flesch_band(value)
        counts = {"syllables": oc.syllables, "hard": oc.hard, "complex": oc.complex,
                  "faseeh": oc.faseeh, "excluded_tokens": excluded}
    elif formula == "flesch":
        fc = flesch.FleschCounts(words, sentences, _field(total, 0), excluded)
        value, grade = flesch.reading_ease(fc), round(flesch.grade(fc), 1)
        band = flesch_band(value)
        counts = {"syllables": fc.syllables, "excluded_tokens": excluded}
    else:
        lc = lix.LixCounts(words, sentences, _field(total, 0), excluded)
        value = lix.score(lc)
        band = lix_band(value)
        counts = {"long_words": lc.long_words, "excluded_tokens": excluded}
    return Readability(
        language=language,
        formula=formula,
        score=round(value, 1),
        band=band,
        indicative=formula == "lix",
        grade=grade,
        words=words,
        sentences=sentences,
        paragraphs=paragraphs,
        mean_sentence_words=round(words / sentences, 1),
        longest_sentence_words=longest,
        mean_paragraph_words=round(words / paragraphs, 1),
        counts=counts,
    )


def _enough(words: int, sentences: int) -> bool:
    return words >= MIN_WORDS and sentences >= MIN_SENTENCES
