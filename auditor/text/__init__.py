"""Pure language libraries, no I/O: language detection, sentences and readability,
language tags, the bidi display order, and the customer-touchpoint vocabulary."""

from auditor.text.language import Detection, detect_language, is_rtl_lang, rtl_share, rtl_word_share
from auditor.text.readability import Readability, analyse, score_text
from auditor.text.sentences import Sentence, is_prose, split_paragraphs, split_sentences

__all__ = [
    "Detection",
    "Readability",
    "Sentence",
    "analyse",
    "detect_language",
    "is_prose",
    "is_rtl_lang",
    "rtl_share",
    "rtl_word_share",
    "score_text",
    "split_paragraphs",
    "split_sentences",
]
