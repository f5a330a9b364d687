"""Paragraph and sentence splitting that keeps each sentence's position.

Sentences end at ``. ! ?``, the Arabic question mark ``؟``, the ellipsis
(``…`` or ``...``), the Urdu full stop ``۔``, the danda ``।`` and the CJK full
stops. The Arabic comma ``،`` and semicolon ``؛`` do not end sentences.

A full stop does not end a sentence inside a number (3.5, which has no space
after the dot), after a single letter (initials such as "J." or the Arabic
"د." for doctor), after an abbreviation that is always followed by more text
("Dr.", "e.g."), or after an abbreviation such as "U.S." or "etc." when the next
word starts in lower case. Line breaks inside a paragraph are ordinary spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.text.scripts import EDGE_PUNCTUATION

# Beyond this many characters a text is truncated: readability of the first
# 200,000 characters (about 35,000 words) says all a report needs.
MAX_CHARS = 200_000

_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_OPENERS = "\"'\u201c\u2018\u00ab(["
_TERMINATORS = frozenset(".!?\u061f\u2026\u06d4\u0964\u0965\u3002\uff01\uff1f\u203c\u2047\u2048\u2049")
# These end a sentence even when the next one follows without a space.
_UNSPACED = frozenset("\u061f\u06d4\u3002\uff01\uff1f")
# A run of terminators (group 1) and the closing quotes or brackets after it.
_BOUNDARY_RE = re.compile(f"([{''.join(sorted(_TERMINATORS))}]+)[{re.escape(_CLOSERS)}]*")
# Letters joined by dots: U.S, e.g, a.m, Ph.D, أ.د
_DOTTED_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,2}$")
# Arabic presentation forms (ﻻ) and combining hamza/madda are folded into
# ordinary letters so every later count sees one spelling.
_NEEDS_NFKC_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0653-\u0655]")
_BLANK_LINE_RE = re.compile(r"\n[ \t\r\f\v]*\n")

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


def split_paragraphs(paragraphs: list[str] | str) -> list[str]:
    """Paragraphs as a list: a list is kept (blank items dropped); a string is cut at blank lines."""
    return [text for _, text in _indexed_paragraphs(paragraphs)]


def _abbreviations(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    primary = lang.lower().replace("_", "-").split("-")[0] if isinstance(lang, str) and lang else ""
    if primary in _ALWAYS:
        return frozenset(_ALWAYS[primary]), frozenset(_SOMETIMES[primary])
    return _ALL_ALWAYS, _ALL_SOMETIMES


def _dot_ends_sentence(prev: str, following: str | None, always: frozenset[str], sometimes: frozenset[str]) -> bool:
    """Whether a full stop after ``prev`` ends the sentence, given the next token."""
    key = prev.lower()
    if key in always:
        return False
    if len(prev) == 1 and prev.isalpha():
        return False  # an initial: "J. Smith", "د. أحمد"
    if key in sometimes or _DOTTED_RE.match(prev):
        first = following.lstrip(_OPENERS)[:1] if following else ""
        return not first.islower()
    return True


def _paragraph_sentences(paragraph: str, always: frozenset[str], sometimes: frozenset[str]) -> Iterator[str]:
    """The paragraph's sentences as text. Only terminators are visited, not every word."""
    start = 0
    size = len(paragraph)
    for match in _BOUNDARY_RE.finditer(paragraph):
        mark, end = match.group(1), match.end()
        if end < size and not paragraph[end].isspace() and mark[-1] not in _UNSPACED:
            continue  # 3.5, example.com
        if mark == ".":
            token_start = max(paragraph.rfind(" ", 0, match.start()), paragraph.rfind("\n", 0, match.start())) + 1
            prev = paragraph[token_start:match.start()].rstrip(".").lstrip(_OPENERS)
            following = paragraph[end:end + 40].split(None, 1)
            if prev and not _dot_ends_sentence(prev, following[0] if following else None, always, sometimes):
                continue
        piece = paragraph[start:end].strip()
        start = end
        if piece:
            yield piece
    rest = paragraph[start:].strip()
    if rest:
        yield rest


def sentence_tokens(paragraphs: list[str] | str, lang: str | None = None) -> Iterator[tuple[int, int, str, list[str]]]:
    """(paragraph index, sentence index, sentence text, word tokens) for every sentence with a word.

    The paragraph index is the item's index in a given list (blank items keep
    their number), or the block's number among non-blank blocks of a string.
    """
    always, sometimes = _abbreviations(lang)
    for p_index, paragraph in _indexed_paragraphs(paragraphs):
        s_index = 0
        if _NEEDS_NFKC_RE.search(paragraph):
            paragraph = unicodedata.normalize("NFKC", paragraph)
        for text in _paragraph_sentences(paragraph, always, sometimes):
            # isalnum() first: most tokens are plain words and need no trimming.
            tokens = [
                word for token in text.split()
                if (word := token if token.isalnum() else token.strip(EDGE_PUNCTUATION))
            ]
            if tokens:
                if "\n" in text or "  " in text or "\t" in text:
                    text = " ".join(text.split())
                yield p_index, s_index, text, tokens
                s_index += 1


def split_sentences(paragraphs: list[str] | str, lang: str | None = None) -> list[Sentence]:
    """Sentences of the text with their paragraph and position; never raises.

    ``paragraphs`` is a list of blocks of main text, or one string cut into
    paragraphs at blank lines. ``lang`` picks the abbreviation list (English,
    French, German, Spanish; all of them when None). A sentence's ``words``
    counts every word token in it, numbers included. Pieces without any word
    (a lone "!!!") are not sentences.
    """
    return [
        Sentence(text=text, words=len(tokens), paragraph=p_index, index=s_index)
        for p_index, s_index, text, tokens in sentence_tokens(paragraphs, lang)
    ]
