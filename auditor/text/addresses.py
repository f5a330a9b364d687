"""Postal addresses as a site writes them, compared as one address or two.

One address is written many ways: `King Fahd Rd, Al Olaya, Riyadh 12211` and
`12211 Riyadh, Olaya, King Fahd Road`; in Arabic `طريق الملك فهد، العليا، الرياض ١٢٢١١`,
with or without its building number or P.O. box. Two writings are one address when:

- both hold numbers (postal code, building number, P.O. box) and the numbers of one are
  all among the other's: numbers read the same in Arabic and English, so an Arabic page
  and an English page giving one address agree;
- or, without numbers, both are in the same script and hold the same words once
  abbreviations, letter variants and words such as "street" or "حي" are set aside.

Writings in two scripts without numbers cannot be compared and never disagree.
Pure functions over strings.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.text.scripts import script_counts

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"})
_NUMBER = re.compile(r"\d{2,}")
_WORD = re.compile(r"[^\W\d_]+")
# Words that say what a part is rather than which place it is.
_GENERIC = frozenset("""
street st road rd avenue ave boulevard blvd lane ln way district dist building bldg floor fl unit suite ste
office no number p o po box pobox postal code zip city kingdom of the and al el
address addr shop store branch
شارع ش طريق ط حي ص ب صب مبنى عماره الدور دور الطابق طابق مكتب رقم وحده الرمز البريدي صندوق بريد
العنوان عنوان عنواننا المملكه العربيه السعوديه مدينه فرع
""".split())
# Words only a postal address holds: an <address> element without a number or one of
# them is a byline or a contact person ("By: Richard Ishida, W3C."), not a place.
_PLACE = frozenset("""
street st road rd avenue ave boulevard blvd lane ln district building bldg floor suite box pobox
شارع طريق حي مبنى عماره الدور الطابق صندوق
""".split())
_ARTICLE = re.compile(r"^(?:ال|وال|بال)(?=\w{2,})")
LABEL = re.compile(r"^\s*(?:address|our address|العنوان|عنواننا|عنوان)\s*[:：]\s*", re.IGNORECASE)
MAX_SHOWN = 160


def shown(text: str) -> str:
    """An address as the report shows it: one line, without its label, at most MAX_SHOWN characters."""
    text = LABEL.sub("", " ".join((text or "").split()))
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "\u2026"


def _words(text: str) -> frozenset[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    out = set()
    for word in _WORD.findall(text):
        if word in _GENERIC:
            continue
        word = _ARTICLE.sub("", word)  # العليا and عليا are one place
        if word and word not in _GENERIC:
            out.add(word)
    return frozenset(out)


def numbers(text: str) -> frozenset[str]:
    """The numbers of an address (two digits or more), Arabic-Indic digits read as ASCII."""
    return frozenset(n.lstrip("0") or "0" for n in _NUMBER.findall((text or "").translate(ARABIC_DIGITS)))


def script(text: str) -> str:
    """The script most of the letters are in ("arabic", "hebrew", "latin"...): `תל אביב, IL` is Hebrew."""
    counts, _ = script_counts(text or "")
    return max(counts, key=counts.get).lower() if counts else "latin"


def is_address(text: str) -> bool:
    """Enough of an address to compare: a few words, or a word and a number."""
    words = _words(text or "")
    return len(words) >= 3 or (len(words) >= 1 and bool(numbers(text)))


def is_postal(text: str) -> bool:
    """Whether the text names a place: a number of two digits or more (postal code, building,
    P.O. box) or a word such as street, road, شارع or حي."""
    if numbers(text):
        return True
    words = unicodedata.normalize("NFKC", text or "").lower().translate(_LETTERS)
    return not _PLACE.isdisjoint(_WORD.findall(words))


def same_address(a: str, b: str) -> bool | None:
    """True when `a` and `b` are one address written two ways, False when two addresses,
    None when they cannot be compared (two scripts and no numbers)."""
    na, nb = numbers(a), numbers(b)
    if na and nb:
        return na <= nb or nb <= na
    if script(a) != script(b):
        return None
    if na or nb:  # one gives its numbers, the other none: compare the words they share
        wa, wb = _words(a), _words(b)
        return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)
    return _words(a) == _words(b)


def group(texts: list[str]) -> dict[str, str]:
    """Each text -> the first text of its address: writings of one address share a group.
    A writing joins the first group whose every member is the same address or cannot be
    compared with it, and at least one member is the same address."""
    groups: list[list[str]] = []
    out: dict[str, str] = {}
    for text in texts:
        if text in out:
            continue
        for members in groups:
            verdicts = [same_address(text, m) for m in members]
            if False not in verdicts and True in verdicts:
                members.append(text)
                out[text] = members[0]
                break
        else:
            groups.append([text])
            out[text] = text
    return out
