"""BCP 47 language tags: well-formed and made of registered subtags."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

TAG = re.compile(
    r"^(?P<lang>[a-z]{2,3}|[a-z]{4,8})"  # 4 letters are reserved, 5 to 8 for registration: unknown, not malformed
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*"
    r"(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*"
    r"(?:-x(?:-[a-z\d]{1,8})+)?$"
)


class _Subtags:
    """One type of subtag of the registry: the subtags, and the ranges kept for private
    use (qaa..qtz, Qaaa..Qabx, QM..QZ)."""

    def __init__(self):
        self.names: set[str] = set()
        self.ranges: list[tuple[str, str]] = []

    def add(self, subtag: str) -> None:
        low, _, high = subtag.lower().partition("..")
        if high:
            self.ranges.append((low, high))
        else:
            self.names.add(low)

    def __contains__(self, subtag: str) -> bool:
        return subtag in self.names or any(len(subtag) == len(low) and low <= subtag <= high for low, high in self.ranges)


@cache
def registry() -> tuple[_Subtags, _Subtags, _Subtags]:
    """The language, script and region subtags of the IANA Language Subtag Registry (BCP 47's
    list of every valid subtag: ISO 639 languages and collections, such as ber for the
    Berber languages; ISO 15924 scripts; ISO 3166 and UN M.49 regions), from the copy the
    langcodes package ships."""
    registry = resources.files("langcodes") / "data" / "language-subtag-registry.txt"
    kinds = {"language": _Subtags(), "script": _Subtags(), "region": _Subtags()}
    for record in registry.read_text(encoding="utf-8").split("%%"):
        fields = dict(line.split(": ", 1) for line in record.splitlines() if ": " in line and not line.startswith(" "))
        if fields.get("Type") in kinds and "Subtag" in fields:
            kinds[fields["Type"]].add(fields["Subtag"].strip())
    return kinds["language"], kinds["script"], kinds["region"]


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
    languages, scripts, regions = registry()
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
