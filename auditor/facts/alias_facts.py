"""Pages reached again under a query string: /contact.html?product=Forceps showing what
/contact.html shows (a form a script prefills, a tracking parameter). Search engines see
two URLs of one page and pick a canonical themselves (Google Search Central: consolidate
duplicate URLs); what the audits find on the copy is the page's own, reported there.

Only a copy whose title and text are the page's own is one: /list?page=2 or
/product?id=7 shows other content and is a page of its own.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


class QueryAliases:
    """Fed every stored page's record (the one pass over the store's pages)."""

    def __init__(self):
        self.digests: dict[str, int] = {}  # page without a query -> what it shows
        self.copies: list[tuple[str, str, int]] = []  # url, the page without its query, what it shows

    def add(self, record: dict) -> None:
        url = record.get("url") or ""
        parts = urlsplit(url)
        digest = hash((record.get("title"), record.get("text")))
        if not parts.query:
            self.digests[url] = digest
            return
        page = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        self.copies.append((url, page, digest))

    def result(self) -> dict[str, str]:
        """`query_aliases` of `Site`: copy -> the page."""
        return {url: page for url, page, digest in self.copies if self.digests.get(page) == digest}
