"""The words of a "page not found" page, in the languages the auditor reads."""

from __future__ import annotations

import re

# Matched against a page's title, h1 and the start of its main text.
PHRASES = (
    r"\b404\b", r"page not found", r"not found", r"page (?:does not|doesn't|no longer) exists?",
    r"(?:could not|couldn't|can't|cannot) (?:be )?f(?:in)?d (?:the|this) page", r"page you (?:are|were) looking for",
    r"الصفحة غير موجودة", r"الصفحة المطلوبة غير", r"لم يتم العثور", r"لم نتمكن من العثور", r"غير موجودة",
    r"خطأ ?404", r"الصفحة التي تبحث عنها",
    r"page introuvable", r"página no encontrada", r"seite nicht gefunden", r"sayfa bulunamadı", r"صفحه (?:یافت نشد|پیدا نشد)",
)
NOT_FOUND = re.compile("|".join(PHRASES), re.I)


def reads_as_not_found(*texts: str | None) -> str | None:
    """The not-found wording in the first text that has some, or None."""
    for text in texts:
        if text:
            found = NOT_FOUND.search(text)
            if found:
                return found.group(0)
    return None
