"""Inbound links per URL: how many other pages link to it.

The fix plan weighs a page by its click depth and by the pages that link to it (a page
the whole menu links to carries more visits than one a single post mentions), so
result.json carries the count as `pages[].inlinks`.
"""

from __future__ import annotations

from auditor.store.runs import Store


def inlink_counts(store: Store) -> dict[str, int]:
    """URL -> the number of other crawled pages linking to it (self-links left out)."""
    rows = store.db.execute("SELECT dst, COUNT(*) FROM links WHERE src <> dst GROUP BY dst")
    return {url: count for url, count in rows}
