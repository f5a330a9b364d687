"""What a crawl discovered and holds no outcome for.

Every in-scope URL the store knows of (a link, a redirect target, a sitemap entry, a file
a stored page uses) ends the crawl with an outcome: a page, a redirect, a resource check
or an error with its reason. What is left without one was lost (a machine died holding
it) or cut by a limit (--max-pages). Depths are the store's click depths: call
`Store.compute_site` first.
"""

from __future__ import annotations

from auditor.store.runs import Store
from auditor.urls import Scope


def unfetched_pages(store: Store, scope: Scope, max_depth: int | None) -> list[tuple[str, int | None]]:
    """(url, discovery depth) of the pages without an outcome that the crawl would fetch: in
    scope, within --max-depth (a page only a sitemap lists has no depth and is always
    fetched) and not cut as a crawl trap. Answered in SQL, cheap on a large site."""
    cut = {url for (url,) in store.db.execute("SELECT url FROM traps")}
    return [(url, depth) for url, depth in store.frontier()
            if url not in cut and scope.allows(url) and (depth is None or max_depth is None or depth <= max_depth)]


def unchecked_files(store: Store, scope: Scope) -> list[tuple[str, str]]:
    """(url, kind) of the in-scope files stored pages use that were not checked. Reads every
    stored page: for a crawl whose processes may die, where a page and its files can part."""
    return [(url, kind) for url, kind in store.unchecked_resources() if scope.allows_resource(url)]
