"""Paragraph and sentence splitting that keeps each sentence's position.

Sentences end at ``. ! ?``, the Arabic question mark ``؟``, the ellipsis
(``…`` or ``...``), the Urdu full stop ``۔``, the danda ``।`` and the CJK full
stops. The Arabic comma ``،`` and semicolon ``؛`` do not end sentences.

A full stop does not end a sentence inside a number (3.5, which has no space
after the dot), after a single letter (initials such as "J." or the Arabic
"د." for doctor; but a capital such as the language "R." ends the sentence before
Arabic text, or before a capitalised word when no name is around it), after an abbreviation that is always followed by more text
("Dr.", "e.g."), or after an abbreviation such as "U.S." or "etc." when the next
word starts in lower case. Line breaks inside a paragraph are ordinary spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from auditor.text.scripts import EDGE_PUNCTUATION

# Beyond this many characters a text is truncated: readability of the first
# 200,000 characters (about 35,000 words) says all a report needs.
MAX_CHARS = 200_000

_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_OPENERS = "\"'\u201c\u2018\u00ab(["
_TERMINATORS = frozenset(".!?\u061f\u2026\u06d4\u0964\u0965\u3002\uff01\uff1f\u203c\u2047\u2048\u2049")
# These end a sentence even when the next one follows without a space.
_UNSPACED = frozenset("\u061f\u06d4\u3002\uff01\uff1f")
# Letters joined by dots: U.S, e.g, a.m, Ph.D, أ.د
_DOTTED_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,2}$")
# Arabic presentation forms (ﻻ) and combining hamza/madda are folded into
# ordinary letters so every later count sees one spelling.
_NEEDS_NFKC_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0653-\u0655]")
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_ARABIC_LETTER_RE = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_INITIAL_RE = re.compile(r"^[^\W\d_]\.$")

# Abbreviations always followed by more of the same sentence.
_ALWAYS = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "rev", "gen", "col", "lt",
           "sgt", "capt", "hon", "vs", "v", "e.g", "i.e", "cf", "fig", "figs", "no", "nos",
           "vol", "pp", "approx", "dept", "ca", "al", "ave", "blvd", "rd", "tel", "ext"},
    "fr": {"m", "mm", "mme", "mlle", "dr", "pr", "me", "p", "cf", "env", "tél", "av", "bd"},
    "de": {"z.b", "bzw", "ca", "dr", "nr", "str", "tel", "vgl", "ggf", "evtl", "s", "u.a", "d.h"},
    "es": {"sr", "sra", "srta", "dr", "dra", "ud", "uds", "av", "tel", "p.ej", "pág"},
}
# Abbreviations that may also end a sentence: they end it when the next word
# starts with a capital.
_SOMETIMES = {
    "en": {"etc", "inc", "ltd", "co", "corp", "llc", "jan", "feb", "aug", "sept", "oct",
           "nov", "dec", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "ph.d", "jr"},
    "fr": {"etc", "cie", "av. j.-c"},
    "de": {"usw", "etc", "gmbh", "bzw"},
    "es": {"etc", "s.a"},
}
_ALL_ALWAYS = frozenset().union(*_ALWAYS.values())
_ALL_SOMETIMES = frozenset().union(*_SOMETIMES.values())

_T = "".join(sorted(_TERMINATORS))
_U = "".join(sorted(_UNSPACED))
# A full stop after this many characters other than spaces, line breaks, dots
# and opening quotes (after more letters than any abbreviation has, and not
# after dotted letters such as U.S) ends a sentence whatever the word. So does
# one after three Arabic letters or marks: no abbreviation above is Arabic.
_PLAIN_TAIL = 1 + max(len(key) for key in _ALL_ALWAYS | _ALL_SOMETIMES if " " not in key)
_ARABIC_TAIL = 3
# A sentence end: a whole run of terminators and the closing quotes or
# brackets after it, followed by a space or the end of the text, or with an
# unspaced terminator last in the run (then anything may follow). Runs that
# end no sentence (3.5, example.com) never match. Group 2 takes part when the
# run is one full stop that may follow an abbreviation or an initial: those
# are checked in Python. The pattern starts with a bare character class so
# the regex engine skips ahead to the next terminator in C.
_END_RE = re.compile(
    f"[{_T}][{_T}]*(?![{_T}])"
    f"(?:(?<=[{_U}])()"
    f"|(?<=\\.)(?<![{_T}]\\.)(?<![^ \\n.{re.escape(_OPENERS)}]{{{_PLAIN_TAIL}}}\\.)"
    f"(?<![\u0620-\u065f]{{{_ARABIC_TAIL}}}\\.)()"
    f"|)"
    f"[{re.escape(_CLOSERS)}]*(?(1)|(?=\\s|\\Z))"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence and where it sits: paragraph index and index within it."""

    text: str
    words: int
    paragraph: int
    index: int


def _indexed_paragraphs(paragraphs: list[str] | str) -> list[tuple[int, str]]:
    """Non-blank paragraphs with their index in the input (blocks of a string are cut at blank lines)."""
    if isinstance(paragraphs, str):
        items: list[object] = list(_BLANK_LINE_RE.split(paragraphs[:MAX_CHARS]))
    elif isinstance(paragraphs, (list, tuple)):
        items = list(paragraphs)
    else:
        return []
    kept, budget = [], MAX_CHARS
    for index, item in enumerate(items):
        if not isinstance(item, str) or budget <= 0:
            continue
        text = item[:budget].strip()
        budget -= len(item)
        if text:
            kept.append((index, text))
    if isinstance(paragraphs, str):
        # Blocks of a string are numbered among the non-blank ones.
        kept = [(position, text) for position, (_, text) in enumerate(kept)]
    return kept


# A block this long is read as prose even when it does not end with a full stop.
PROSE_WORDS = 12
# ...unless it is a list: items between commas (or bars, bullets) of a few words each.
_LIST_SEPARATORS = re.compile("[,\u060c;|\u2022\u00b7]")
LIST_ITEM_WORDS = 3


def is_prose(block: str) -> bool:
    """Whether a block of text is prose, what readability formulas are made for: it ends a
    sentence, or it is long and no list. Headings, labels, buttons and lists of names are
    not (a list of course titles and universities is no "very difficult" reading, nor
    "gzip, elf, png, ..." a sentence)."""
    end = block.rstrip().rstrip(_CLOSERS)
    if not end:
        return False
    if end[-1] in _TERMINATORS:
        return True
    words = block.split(None, PROSE_WORDS)
    if len(words) < PROSE_WORDS:
        return False
    items = [len(item.split()) for item in _LIST_SEPARATORS.split(block)]
    items = [n for n in items if n]
    return len(items) < 4 or sum(items) > LIST_ITEM_WORDS * len(items)


def split_paragraphs(paragraphs: list[str] | str) -> list[str]:
    """Paragraphs as a list: a list is kept (blank items dropped); a string is cut at blank lines."""
    return [text for _, text in _indexed_paragraphs(paragraphs)]


class TokenCache(dict):
    """A dict from a whitespace token to a value computed once by ``compute``.

    Words repeat heavily within a page and across a site, so per-token work
    (trimming punctuation, counting syllables) is done once per distinct
    token. Reading a hit is a plain dict lookup, which ``map`` runs in C. When
    the cache holds ``maxsize`` tokens it starts over, which bounds memory.
    """

    __slots__ = ("compute", "maxsize")

    def __init__(self, compute: Callable[[str], object], maxsize: int = 100_000):
        super().__init__()
        self.compute = compute
        self.maxsize = maxsize

    def __missing__(self, token: str) -> object:
        if len(self) >= self.maxsize:
            self.clear()
        value = self[token] = self.compute(token)
        return value


def word_of(token: str) -> str:
    """A whitespace token with edge punctuation trimmed ("" when nothing is left)."""
    return token if token.isalnum() else token.strip(EDGE_PUNCTUATION)


_WORD = TokenCache(word_of)


def _dot_verdict(before: str) -> bool | None:
    """Whether a full stop after ``before`` (the text since the last space) ends the
    sentence: True or False, or None when that depends on the next word's case."""
    prev = before.rstrip(".").lstrip(_OPENERS)
    if not prev:
        return True
    key = prev.lower()
    if key in _ALL_ALWAYS or key in _ALL_SOMETIMES or (len(prev) == 1 and prev.isalpha()) or _DOTTED_RE.match(prev):
        return None  # decided by _dot_ends_sentence with the language's lists
    return True


_DOT_VERDICT = TokenCache(_dot_verdict)


@lru_cache(maxsize=64)
def _abbreviations(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    primary = lang.lower().replace("_", "-").split("-")[0] if isinstance(lang, str) and lang else ""
    if primary in _ALWAYS:
        return frozenset(_ALWAYS[primary]), frozenset(_SOMETIMES[primary])
    return _ALL_ALWAYS, _ALL_SOMETIMES


def abbreviations(lang: object) -> tuple[frozenset[str], frozenset[str]]:
    """(always, sometimes) abbreviation lists used to split text in ``lang``."""
    if isinstance(lang, str) and lang:
        return _abbreviations(lang)
    return _ALL_ALWAYS, _ALL_SOMETIMES


def _dot_ends_sentence(prev: str, following: str | None, always: frozenset[str], sometimes: frozenset[str],
                       earlier: str | None = None) -> bool:
    """Whether a full stop after ``prev`` ends the sentence, given the next token (and the
    token before ``prev``, which tells an initial in a name from a one-letter word)."""
    key = prev.lower()
    if key in always:
        return False
    if len(prev) == 1 and prev.isalpha():
        # "J. Smith" and "د. أحمد" are initials; "written in R. The rest" and "بلغة R. وهي"
        # end a sentence: a capital before Arabic text, or before a capitalised word
        # when nothing around it looks like a name.
        first = following.lstrip(_OPENERS)[:1] if following else ""
        if not prev.isupper() or not first:
            return False
        if _ARABIC_LETTER_RE.match(first):
            return True
        return first.isupper() and not _in_name(earlier, following)
    if key in sometimes or _DOTTED_RE.match(prev):
        first = following.lstrip(_OPENERS)[:1] if following else ""
        return not first.islower()
    return True


def _in_name(earlier: str | None, following: str) -> bool:
    """Whether an initial sits in a name: first in its sentence, after a capitalised word
    or another initial ("Anna K. Lee", "J. R. Smith"), or before another initial."""
    if _INITIAL_RE.match(following):
        return True
    earlier = (earlier or "").lstrip(_OPENERS)
    return not earlier or earlier[-1] in _TERMINATORS or earlier[:1].isupper()


def _sentence_ends(paragraph: str, always: frozenset[str], sometimes: frozenset[str]) -> list[int]:
    """Offsets where the paragraph's sentences end, the paragraph's length last.

    Only terminators are visited, not every word; only lone full stops need a
    look at the word before them (and, after some abbreviations, the next one).
    """
    ends = []
    newline = "\n" in paragraph
    for match in _END_RE.finditer(paragraph):
        if match.lastindex == 2:  # one full stop: an abbreviation's?
            dot = match.start()
            token_start = paragraph.rfind(" ", 0, dot)
            if newline:
                token_start = max(token_start, paragraph.rfind("\n", 0, dot))
            before = paragraph[token_start + 1:dot]
            # Most words before a full stop are no abbreviation: one lookup settles them.
            if _DOT_VERDICT[before] is None:
                end = match.end()
                following = paragraph[end:end + 40].split(None, 1)
                prev = before.rstrip(".").lstrip(_OPENERS)
                earlier = paragraph[:max(token_start, 0)].rsplit(None, 1)[-1:] if token_start > 0 else []
                if not _dot_ends_sentence(prev, following[0] if following else None, always, sometimes,
                                          earlier[0] if earlier else None):
                    continue
        ends.append(match.end())
    ends.append(len(paragraph))
    return ends


def _paragraphs(paragraphs: list[str] | str) -> Iterator[tuple[int, str]]:
    """Non-blank paragraphs with their index, Arabic presentation forms folded (NFKC)."""
    for p_index, paragraph in _indexed_paragraphs(paragraphs):
        if _NEEDS_NFKC_RE.search(paragraph):
            paragraph = unicodedata.normalize("NFKC", paragraph)
        yield p_index, paragraph


def sentence_tokens(paragraphs: list[str] | str, lang: str | None = None) -> Iterator[tuple[int, int, str, list[str]]]:
    """(paragraph index, sentence index, sentence text, word tokens) for every sentence with a word.

    The paragraph index is the item's index in a given list (blank items keep
    their number), or the block's number among non-blank blocks of a string.
    """
    always, sometimes = abbreviations(lang)
    word = _WORD.__getitem__
    for p_index, paragraph in _paragraphs(paragraphs):
        s_index = start = 0
        for end in _sentence_ends(paragraph, always, sometimes):
            piece = paragraph[start:end]
            start = end
            tokens = [w for w in map(word, piece.split()) if w]
            if tokens:
                text = piece.strip()
                if "\n" in text or "  " in text or "\t" in text:
                    text = " ".join(text.split())
                yield p_index, s_index, text, tokens
                s_index += 1


# Per-token counts packed into one integer, so that a sentence's counts are one
# sum(map(...)) over its tokens, run in C. A token table (a TokenCache) maps a
# whitespace token to such an integer. Each count has FIELD bits: fields 0-3
# hold a formula's own counts (OSMAN: syllables, hard, complex, faseeh words;
# Flesch: syllables; LIX: long words), then come the words the formula counts,
# the word tokens it leaves out and the tokens that are no word at all (only
# punctuation). Every count is at most two per character (syllables), and
# MAX_CHARS characters are at most 18 times as many after NFKC; OSMAN counts in
# 1/256 of a syllable (osman.UNIT), which stays below 2**32.
FIELD = 32
FIELD_MASK = (1 << FIELD) - 1
COUNTED = 4 * FIELD
EXCLUDED = 5 * FIELD
NOT_A_WORD = 6 * FIELD

# Sentence splitting alone only tells words from punctuation.
_SPLIT_ONLY = TokenCache(lambda token: 0 if word_of(token) else 1 << NOT_A_WORD)


def scan(
    paragraphs: list[str] | str,
    lists: tuple[frozenset[str], frozenset[str]],
    table: TokenCache,
    sentences: list[Sentence] | None,
    min_words: int = 0,
) -> tuple[int, int, int, int]:
    """Split the text into sentences and count their tokens, in one pass.

    ``lists`` are the (always, sometimes) abbreviations; ``table`` gives each
    token's packed counts. Returns the packed totals over all sentences, the
    number of sentences holding a word the formula counts, the word tokens of
    the longest sentence and the number of paragraphs holding a sentence.
    When ``sentences`` is a list, every Sentence of at least ``min_words``
    words is appended to it, as split_sentences gives them.
    """
    always, sometimes = lists
    packed_of = table.__getitem__
    new, set_ = _new, _set
    total = scored = longest = paragraph_count = 0
    for p_index, paragraph in _paragraphs(paragraphs):
        s_index = start = 0
        # Sentences with line breaks, tabs or double spaces get single spaces.
        respace = "\n" in paragraph or "  " in paragraph or "\t" in paragraph
        for end in _sentence_ends(paragraph, always, sometimes):
            piece = paragraph[start:end]
            start = end
            tokens = piece.split()
            packed = sum(map(packed_of, tokens))
            words = len(tokens) - (packed >> NOT_A_WORD)
            if not words:
                continue  # blank, or only punctuation ("!!!"): not a sentence
            total += packed
            if packed >> COUNTED & FIELD_MASK:
                scored += 1
            if words > longest:  # noqa: PLR1730 (cheaper than a call to max)
                longest = words
            if sentences is not None and words >= min_words:
                text = piece.strip()
                if respace and ("\n" in text or "  " in text or "\t" in text):
                    text = " ".join(tokens)
                sentence = new(Sentence)
                set_(sentence, "__dict__", {"text": text, "words": words, "paragraph": p_index, "index": s_index})
                sentences.append(sentence)
            s_index += 1
        if s_index:
            paragraph_count += 1
    return total, scored, longest, paragraph_count


# Sentences are built by filling their __dict__ in one call: the frozen
# dataclass's __init__ makes one object.__setattr__ call per field.
_new = object.__new__
_set = object.__setattr__


def split_sentences(paragraphs: list[str] | str, lang: str | None = None) -> list[Sentence]:
    """Sentences of the text with their paragraph and position; never raises.

    ``paragraphs`` is a list of blocks of main text, or one string cut into
    paragraphs at blank lines. ``lang`` picks the abbreviation list (English,
    French, German, Spanish; all of them when None). A sentence's ``words``
    counts every word token in it, numbers included. Pieces without any word
    (a lone "!!!") are not sentences.
    """
    sentences: list[Sentence] = []
    scan(paragraphs, abbreviations(lang), _SPLIT_ONLY, sentences)
    return sentences


def clear_caches() -> None:
    """Empty the per-token caches (for benchmarks and tests)."""
    _WORD.clear()
    _SPLIT_ONLY.clear()
    _DOT_VERDICT.clear()
