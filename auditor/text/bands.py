"""Plain-language bands for readability scores.

Flesch reading ease (Flesch 1948, "A new readability yardstick", table of
reading ease): 90-100 very easy, 80-90 easy, 70-80 fairly easy, 60-70
standard, 50-60 fairly difficult, 30-50 difficult, 0-30 very difficult.
OSMAN is a modified Flesch score read on the same 0-100 scale (higher is
easier), so it uses the same table.

LIX (Björnsson 1968, as commonly tabulated): under 25 very easy (children's
books), 25-30 easy (simple texts), 30-40 standard (fiction, normal prose),
40-50 fairly difficult (factual prose), 50-60 difficult (technical texts),
60 and over very difficult (specialist texts). LIX has six classes, so
'fairly easy' is not used for it.
"""

from __future__ import annotations

BANDS = ("very easy", "easy", "fairly easy", "standard", "fairly difficult", "difficult", "very difficult")

# (lowest score of the band, band), highest first: higher is easier.
_FLESCH = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "standard"),
           (50, "fairly difficult"), (30, "difficult"))
# (score below which the band applies, band), lowest first: higher is harder.
_LIX = ((25, "very easy"), (30, "easy"), (40, "standard"), (50, "fairly difficult"), (60, "difficult"))


def flesch_band(score: float) -> str:
    """Band of a Flesch reading ease or OSMAN score."""
    for low, band in _FLESCH:
        if score >= low:
            return band
    return "very difficult"


def lix_band(score: float) -> str:
    """Band of a LIX score."""
    for high, band in _LIX:
        if score < high:
            return band
    return "very difficult"
