"""Pages reached again under a query string: /contact.html?product=Forceps showing what
/contact.html shows (a form a script prefills, a tracking parameter). Search engines see
two URLs of one page and pick a canonical themselves (Google Search Central: consolidate
duplicate URLs); what the audits find on the copy is the page's own, reported there.

Only a copy whose title and text are the page's own is one: /list?page=2 or
/product?id=7 shows other content and is a page of its own.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from auditor.store.runs import Store


class QueryAliases:
    """Fed every stored page's record (the one pass over the store's pages); only the
    copies are kept, and the pages they may copy are read again at the end (few)."""

    def __init__(self):
        self.copies: list[tuple[str, str, int]] = []  # url, the page without its query, what it shows

    def add(self, record: dict) -> None:
        url = record.get("url") or ""
        parts = urlsplit(url)
        if parts.query:
            page = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            self.copies.append((url, page, _shows(record.get("title"), record.get("text"))))

    def result(self, store: Store) -> dict[str, str]:
        """`query_aliases` of `Site`: copy -> the page."""
        pages = {page for _, page, _ in self.copies}
        shown = {p.url: _shows(p.title, p.text) for p in store.iter_pages(pages) if p.ok_html} if pages else {}
        return {url: page for url, page, digest in self.copies if shown.get(page) == digest}


def _shows(title: str | None, text: str | None) -> int:
    return hash((title, text))
