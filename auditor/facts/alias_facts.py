"""Pages reached again at another URL: under a query string (/contact.html?product=Forceps
showing what /contact.html shows: a form a script prefills, a tracking parameter), or
with .html added or left off (/about/faq.html and /about/faq: a static host serves the
file at both). Search engines see two URLs of one page and pick a canonical themselves
(Google Search Central: consolidate duplicate URLs); what the audits find on the copy
is the page's own, reported there.

Only a copy whose title and text are the page's own is one: /list?page=2 or
/product?id=7 shows other content and is a page of its own. Of a page's two file
names, the one fewer pages link to is the copy.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from auditor.facts.inlinks import inlink_counts
from auditor.store.runs import Store


class PageAliases:
    """Fed every stored page's record (the one pass over the store's pages); only the
    copies under a query string are kept, and the pages they may copy are read again at
    the end (few), with both pages of each file name found twice."""

    def __init__(self):
        self.copies: list[tuple[str, str, int]] = []  # url, the page without its query, what it shows

    def add(self, record: dict) -> None:
        url = record.get("url") or ""
        parts = urlsplit(url)
        if parts.query:
            page = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
            self.copies.append((url, page, _shows(record.get("title"), record.get("text"))))

    def result(self, store: Store) -> dict[str, str]:
        """`aliases` of `Site`: copy -> the page."""
        twins = store.html_twins()
        pages = {page for _, page, _ in self.copies} | {url for pair in twins for url in pair}
        shown = {p.url: _shows(p.title, p.text) for p in store.iter_pages(pages) if p.ok_html} if pages else {}
        aliases = {url: page for url, page, digest in self.copies if shown.get(page) == digest}
        links = inlink_counts(store) if twins else {}
        for pair in twins:
            if shown.get(pair[0]) is not None and shown.get(pair[0]) == shown.get(pair[1]):
                # the page is the name more pages link to; on a tie, the shorter one
                page = max(pair, key=lambda url: (links.get(url, 0), -len(url)))
                copy = pair[1] if page == pair[0] else pair[0]
                aliases[copy] = page
        # /contact.html?product=a copies /contact.html, itself a copy of /contact
        return {copy: aliases.get(page, page) for copy, page in aliases.items()}


def _shows(title: str | None, text: str | None) -> int:
    return hash((title, text))
