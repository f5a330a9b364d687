"""BCP 47 language tags: well-formed and made of registered subtags."""

from __future__ import annotations

import re
from functools import cache

TAG = re.compile(
    r"^(?P<lang>[a-z]{2,3}|[a-z]{4,8})"  # 4 letters are reserved, 5 to 8 for registration: unknown, not malformed
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*"
    r"(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*"
    r"(?:-x(?:-[a-z\d]{1,8})+)?$"
)


@cache
def _registry() -> tuple[frozenset, frozenset, frozenset]:
    from babel import Locale  # the CLDR names of languages, scripts and territories

    en = Locale("en")
    return (
        frozenset(k.lower() for k in en.languages if "_" not in k),
        frozenset(k.lower() for k in en.scripts),
        frozenset(k.lower() for k in en.territories),
    )


def tag_problem(tag: str | None) -> str | None:
    """Why `tag` is not a valid BCP 47 tag (None when it is valid)."""
    if tag is None or not tag.strip():
        return "empty"
    value = tag.strip()
    if "_" in value:
        return "underscore"  # ar_SA: a POSIX locale, not a language tag
    match = TAG.match(value.lower())
    if not match:
        return "malformed"
    languages, scripts, regions = _registry()
    if match["lang"] not in languages:
        return "unknown-language"
    if match["script"] and match["script"] not in scripts:
        return "unknown-script"
    if match["region"] and match["region"] not in regions:
        return "unknown-region"
    return None


def primary(tag: str | None) -> str | None:
    """The language subtag of a tag, lower-cased ('ar' for 'ar-SA')."""
    if not tag:
        return None
    return tag.strip().replace("_", "-").split("-")[0].lower() or None
