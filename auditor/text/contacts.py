"""The contact details a page shows: phone and WhatsApp numbers, e-mail addresses.

Read from its tel:, mailto: and WhatsApp links and from its text. Numbers compare by
their last nine digits, so `+966 55 012 3456`, `00966550123456` and `055 012 3456`
are one number written three ways.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A number written for people: starts with +, 00 or 0 and holds 9 to 15 digits (and
# follows no word character or +: the look-behind comes after the first character, so
# the regex engine skips in C to the next + or 0). \d is any decimal digit, so numbers
# written in Arabic-Indic or Persian digits match as they are.
PHONE = re.compile(r"[+0٠۰](?<![\w+].)[\d\u00a0 ().-]{7,22}\d(?!\w)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
WHATSAPP_HOSTS = ("wa.me", "api.whatsapp.com", "web.whatsapp.com")
KEY_DIGITS = 9
NOT_DIGIT = re.compile(r"\D")
# A last group of one digit after a hyphen is a check digit (an ISBN, 0-321-34693-9), not a phone number's.
CHECK_DIGIT = re.compile(r"-\d$")


def phone_key(raw: str) -> str | None:
    """The number's last nine digits (its national part), or None when it is not a phone number."""
    digits = NOT_DIGIT.sub("", raw.translate(ARABIC_DIGITS))
    if not 9 <= len(digits) <= 15:
        return None
    return digits[-KEY_DIGITS:]


def _whatsapp_number(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme == "whatsapp":
        match = re.search(r"phone=([\d+]+)", href)
        return match.group(1) if match else None
    if (parts.hostname or "").lower() not in WHATSAPP_HOSTS:
        return None
    if parts.hostname.lower() == "wa.me":
        return parts.path.strip("/") or None
    match = re.search(r"phone=([\d+]+)", unquote(parts.query))  # phone=%2B966...
    return match.group(1) if match else None


def page_contacts(hrefs, text: str) -> dict[str, dict[str, str]]:
    """kind ("phone", "whatsapp", "email") -> {comparison key: the value as the page shows it}."""
    found: dict[str, dict[str, str]] = {"phone": {}, "whatsapp": {}, "email": {}}
    for href in hrefs:
        low = href.lower()
        if low.startswith("tel:"):
            shown = unquote(href[4:])
            key = phone_key(shown)
            if key:
                found["phone"].setdefault(key, shown)
        elif low.startswith("mailto:"):
            address = unquote(href[7:]).split("?", 1)[0].strip()
            if EMAIL.fullmatch(address):
                found["email"].setdefault(address.lower(), address)
        elif "whatsapp" in low or "wa.me" in low:  # the scheme or one of WHATSAPP_HOSTS
            number = _whatsapp_number(href)
            key = phone_key(number) if number else None
            if key:
                found["whatsapp"].setdefault(key, number)
    text = text or ""
    for match in PHONE.finditer(text):
        number = match.group()
        key = phone_key(number) if not CHECK_DIGIT.search(number) else None
        if key and key not in found["whatsapp"]:
            if number.count(")") > number.count("(") and text[match.start() - 1:match.start()] == "(":
                number = "(" + number  # (012) 345 6789: the match starts at its first digit
            found["phone"].setdefault(key, " ".join(number.split()))
    for match in EMAIL.finditer(text) if "@" in text else ():
        found["email"].setdefault(match.group().lower(), match.group())
    return {kind: values for kind, values in found.items() if values}
