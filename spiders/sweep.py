"""The last step of a crawl spread over machines: nothing discovered is left behind.

Leases bring back the requests a dead process held, but not what lived only in its memory
(URLs only a sitemap lists wait there until the crawl is idle) or what it had yielded but
not committed. So once every machine has run dry, the process that started the run reads
the store: every in-scope URL discovered and not stored is queued again. Each URL is swept
at most once, so a URL that cannot get an outcome never keeps the run alive.
"""

from __future__ import annotations

from auditor.gather.outstanding import unchecked_files, unfetched_pages
from auditor.store.runs import Store


def sweep(spider, store_path: str, swept: set[str]) -> int:
    """Queue again what the store lacks; returns how many requests were queued."""
    store = Store(store_path)
    try:
        store.compute_site(spider.start_urls)  # the click depths the frontier's depths come from
        pages = unfetched_pages(store, spider.scope, spider.max_depth)
        resources = unchecked_files(store, spider.scope)
    finally:
        store.close()
    pages = [(url, depth) for url, depth in pages if url not in swept]
    resources = [(url, kind) for url, kind in resources if url not in swept]
    urls = [url for url, _ in pages] + [url for url, _ in resources]
    if not urls:
        return 0
    swept.update(urls)
    spider.logger.info("sweep: %d discovered URLs without an outcome queued again", len(urls))
    # claimed once by a process that lost them: claimable again
    spider.shared.forget(urls)
    spider.seen.difference_update(urls)
    queued = 0
    for url, depth in pages:
        if depth is None:  # listed only in a sitemap: queued when the crawl is idle, as always
            spider.sitemap_later.append(url)
            queued += 1
            continue
        request = spider.page_request(url, depth)
        if request is not None:
            spider.crawler.engine.crawl(request)
            queued += 1
    for url, kind in resources:
        request = spider.resource_request(url, kind)
        if request is not None:
            spider.crawler.engine.crawl(request)
            queued += 1
    return queued
