"""Unicode script tables and word tokens shared by language detection and readability.

Words are whitespace-separated tokens with punctuation trimmed from both
ends. This keeps combining marks (Arabic harakat, Hebrew niqqud), which
Python's ``\\w`` does not match, inside their words, and it is several times
faster than a word regex on large pages.
"""

from __future__ import annotations

import re
import string
import unicodedata

# Punctuation, symbols and invisible direction marks trimmed from both ends of a token.
EDGE_PUNCTUATION = (
    string.punctuation
    + "\u060c\u061b\u061f\u066a\u066b\u066c\u06d4\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e"
    + "\u2026\u2013\u2014\u2015\u2022\u00b7\u00a1\u00bf\u2039\u203a\u300c\u300d\u300e\u300f"
    + "\uff08\uff09\uff3b\uff3d\uff5b\uff5d\u3002\u3001\uff01\uff1f\uff1a\uff1b\u203c\u2047\u2048\u2049"
    + "\u0964\u0965\u05be\u05c0\u05c3\u05f3\u05f4\u00a9\u00ae\u2122\u00b0\u2192\u2190"
    + "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)

LETTER_RE = re.compile(r"[^\W\d_]")
DIGITS_ONLY_RE = re.compile(r"^[\d.,'\u2019\-\u066b\u066c]+$")

# Letter ranges per script. Only letters are listed (no marks, digits or
# punctuation), so shares are shares of letters.
SCRIPT_LETTERS: dict[str, str] = {
    "Latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "Arabic": (
        "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
        "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
    ),
    "Hebrew": "\u05d0-\u05ea\u05ef-\u05f2\ufb1d\ufb1f-\ufb28\ufb2a-\ufb4f",
    "Cyrillic": "\u0400-\u0481\u048a-\u052f",
    "Greek": "\u0370-\u0373\u0376\u0377\u037b-\u037d\u0386\u0388-\u03ff\u1f00-\u1ffc",
    "Devanagari": "\u0904-\u0939\u093d\u0950\u0958-\u0961\u0971-\u097f",
    "Han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Kana": "\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff",
    "Hangul": "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3",
    "Thai": "\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46",
    "Armenian": "\u0531-\u0556\u0561-\u0587",
    "Georgian": "\u10a0-\u10ff",
    "Ethiopic": "\u1200-\u139f",
    "Syriac": "\u0710-\u072f\u074d-\u074f",
    "Thaana": "\u0780-\u07a5\u07b1",
    "Bengali": "\u0985-\u09b9\u09bd\u09ce\u09dc-\u09e1\u09f0\u09f1",
    "Tamil": "\u0b85-\u0bb9\u0bd0",
}
# Scripts written right to left.
RTL_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})



def _script_table() -> list[str]:
    """A str.translate table turning each letter of the BMP into its script's tag.

    Everything else becomes NUL. A list indexed by code point is the fastest
    table str.translate accepts; characters beyond the BMP raise IndexError,
    which translate treats as "leave unchanged" (they are then not counted).
    """
    table = ["\0"] * 0x10000
    for index, letters in enumerate(SCRIPT_LETTERS.values()):
        tag = chr(0x41 + index)
        for match in re.finditer(r"(.)-(.)|(.)", letters, re.S):
            if match.group(3):
                table[ord(match.group(3))] = tag
            else:
                for code in range(ord(match.group(1)), ord(match.group(2)) + 1):
                    table[code] = tag
    return table


_SCRIPT_TABLE = _script_table()
_SCRIPT_TAGS = {name: chr(0x41 + index) for index, name in enumerate(SCRIPT_LETTERS)}

# Arabic script letters for OSMAN counts, and the marks that can sit on them.
ARABIC_LETTER_RE = re.compile(f"[{SCRIPT_LETTERS['Arabic']}]")
ARABIC_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# Characters that are not letters and never count as letters of a word:
# combining marks, tatweel, zero-width joiners.
_NON_LETTERS = frozenset("\u0640\u200c\u200d")


def strip_marks(word: str) -> str:
    """The word without combining marks, tatweel or zero-width joiners."""
    return "".join(
        ch for ch in word if ch not in _NON_LETTERS and not unicodedata.category(ch).startswith("M")
    )


def words(text: str) -> list[str]:
    """Word tokens of ``text``: whitespace-separated, punctuation trimmed, empty ones dropped."""
    return [
        word for token in text.split()
        if (word := token if token.isalnum() else token.strip(EDGE_PUNCTUATION))
    ]


def is_number(token: str) -> bool:
    """True for tokens made only of digits and separators (3.5, 1,000, ٢٠٢٤)."""
    return DIGITS_ONLY_RE.match(token) is not None


def script_counts(text: str) -> tuple[dict[str, int], int]:
    """Letters per script in ``text`` and their total.

    Letters of scripts outside SCRIPT_LETTERS are counted as "Other" only when
    no listed script occurs at all (to keep the common case one fast pass).
    """
    tagged = text.translate(_SCRIPT_TABLE)
    counts = {name: n for name, tag in _SCRIPT_TAGS.items() if (n := tagged.count(tag))}
    if counts:
        return counts, sum(counts.values())
    other = len(LETTER_RE.findall(text[:2000]))
    return ({"Other": other}, other) if other else ({}, 0)
